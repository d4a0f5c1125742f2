/**
 * `pmr informe <libro.xlsx> [--corte M] [--vigencia AAAA] --salida informe.xlsx|informe.html` y
 * `pmr anexo <libro.xlsx> [--vigencia AAAA] [--corte M] --salida anexo.xlsx|anexo.html`
 * (PMR-SPEC §6.4).
 *
 * Lee el libro como `pmr validar` (el lector acotado, la configuración que guardó el panel en el
 * libro; --corte y --vigencia mandan), arma el documento con el caso de uso `src/casos/informe.ts`
 * y escribe un archivo NUEVO (nunca reemplaza uno que exista): .xlsx con `escribirLibroXlsx` (mismos formatos y gráficos nativos que
 * en Excel) o .html autocontenido e imprimible. Nunca escribe sobre el libro leído.
 *
 * Salida: 0 si el archivo quedó escrito; 2 si el libro no se pudo leer, los argumentos no son
 * válidos o no se pudo escribir; el error, en una línea en español por stderr.
 */
import * as path from "node:path";
import { escribirArchivoNuevo, existe } from "./archivos";
import { leerCorteVigenciaFormato } from "./argumentos";
import { ErrorLimite, limitesDelEntorno } from "./limites";
import type { Entorno } from "./main";
import { leerOpciones } from "./opciones";
import { textoVisible } from "./terminal";

export type ComandoDocumento = "informe" | "anexo";

export const USO_INFORME = `Uso: pmr informe <libro.xlsx> [--corte 1-12] [--vigencia AAAA] --salida informe.xlsx|informe.html
     pmr anexo <libro.xlsx> [--vigencia AAAA] [--corte 1-12] --salida anexo.xlsx|anexo.html

informe: el Informe PMR del libro (resumen de cumplimiento por objetivo con su semáforo y
gráfico, una tabla por objetivo como el informe sectorial del Distrito, avance físico y
financiero por producto, metas y ejecuciones por localidad).
anexo: el Anexo PMR (por producto, sus indicadores con línea base, meta vigencia y meta plan,
y su apropiación vigente por tipo de recurso).

Con --salida *.xlsx escribe un libro nuevo con las hojas, formatos de número y gráficos nativos;
con *.html, una página autocontenida que se imprime en A4. Usa la configuración que el panel
guardó en el libro, como «pmr validar».

Opciones:
  --salida <archivo>   Archivo nuevo a escribir (.xlsx o .html). Obligatoria; nunca reemplaza
                       un archivo que ya exista.
  --corte <1-12>       Mes de corte. Por defecto, el guardado en el libro o el último con ejecución.
  --vigencia <AAAA>    Vigencia (año). Por defecto, la guardada en el libro o la más reciente.
  -h, --help           Muestra esta ayuda.

Código de salida: 0 el archivo quedó escrito; 2 el libro no se pudo leer, los argumentos no son
válidos o el archivo no se pudo escribir.
`;

const AYUDA = "Use «pmr informe --help» para ver las opciones.";

/** Las opciones de `pmr informe` y `pmr anexo`, con la forma de su valor para los mensajes. */
const CON_VALOR_DOCUMENTO = {
  "--corte": "un mes entre 1 y 12",
  "--vigencia": "un año, p. ej. 2025",
  "--salida": "informe.xlsx o informe.html",
} as const;

export const ERRORES_INFORME = {
  faltaLibro: (c: ComandoDocumento) => `Falta el libro: pmr ${c} <libro.xlsx> --salida archivo. ${AYUDA}`,
  sobraArgumento: (a: string) => `Sobra el argumento «${a}»: se lee un libro a la vez. ${AYUDA}`,
  faltaSalida: (c: ComandoDocumento) =>
    `Falta --salida: indique el archivo a escribir (${c}.xlsx o ${c}.html). ${AYUDA}`,
  salidaExtension: (s: string) => `La salida «${s}» debe terminar en .xlsx o .html.`,
  salidaExiste: (s: string) =>
    `La salida «${s}» ya existe: pmr no reemplaza archivos. Elija otro nombre o borre el archivo.`,
  salidaEsElLibro: (s: string) =>
    `La salida «${s}» es el mismo libro que se lee: el informe va en un archivo nuevo, nunca sobre el libro.`,
  noSeEscribio: (s: string, detalle: string) => `No se pudo escribir «${s}»: ${detalle}.`,
  interno: (detalle: string) => `Error interno al generar el documento (${detalle}). Por favor repórtelo.`,
  escrito: (c: ComandoDocumento, s: string, hojas: number, graficos: number) =>
    `${c === "informe" ? "Informe" : "Anexo"} escrito en ${s} (${hojas} ${hojas === 1 ? "hoja" : "hojas"}, ${graficos} ${
      graficos === 1 ? "gráfico" : "gráficos"
    }).`,
} as const;

export interface OpcionesDocumentoCli {
  comando: ComandoDocumento;
  libro: string;
  corte: number | null;
  vigencia: number | null;
  salida: string;
  formato: "xlsx" | "html";
}

export type OrdenDocumento =
  ({ tipo: "documento" } & OpcionesDocumentoCli) | { tipo: "ayuda" } | { tipo: "error"; mensaje: string };

/** Lee los argumentos después de «informe» o «anexo». */
export function leerArgumentosDocumento(comando: ComandoDocumento, args: readonly string[]): OrdenDocumento {
  const leidos = leerOpciones(args, CON_VALOR_DOCUMENTO, AYUDA);
  if ("error" in leidos) return { tipo: "error", mensaje: leidos.error };
  if (leidos.ayuda) return { tipo: "ayuda" };
  const posicionales = leidos.posicionales;
  const valores: Record<string, string | undefined> = Object.fromEntries(leidos.valores);
  if (posicionales.length === 0) return { tipo: "error", mensaje: ERRORES_INFORME.faltaLibro(comando) };
  if (posicionales.length > 1) return { tipo: "error", mensaje: ERRORES_INFORME.sobraArgumento(posicionales[1]) };
  // Sin --formato en estas órdenes: el formato sale de la extensión de --salida.
  const cv = leerCorteVigenciaFormato({ "--corte": valores["--corte"], "--vigencia": valores["--vigencia"] });
  if ("error" in cv) return { tipo: "error", mensaje: cv.error };
  const { corte, vigencia } = cv;
  const salida = valores["--salida"];
  if (salida === undefined) return { tipo: "error", mensaje: ERRORES_INFORME.faltaSalida(comando) };
  const ext = path.extname(salida).toLowerCase();
  const formato = ext === ".xlsx" ? "xlsx" : ext === ".html" || ext === ".htm" ? "html" : null;
  if (formato === null) return { tipo: "error", mensaje: ERRORES_INFORME.salidaExtension(salida) };
  if (path.resolve(salida) === path.resolve(posicionales[0]))
    return { tipo: "error", mensaje: ERRORES_INFORME.salidaEsElLibro(salida) };
  return { tipo: "documento", comando, libro: posicionales[0], corte, vigencia, salida, formato };
}

function linea(mensaje: string): string {
  return textoVisible(mensaje.replace(/\s*[\r\n]+\s*/g, " ").trim()) + "\n";
}

class ErrorUso extends Error {}

async function generar(o: OpcionesDocumentoCli, entorno: Entorno): Promise<number> {
  const [{ leerArchivoXlsx, leerBytesXlsx, ErrorLecturaLibro }, { AlmacenXlsx }, { generarDocumento }] =
    await Promise.all([
      import("../hosts/xlsx/lectorXlsx"),
      import("../hosts/xlsx/almacenXlsx"),
      import("../casos/informe"),
    ]);
  const pedida: Record<string, unknown> = {};
  if (o.corte !== null) pedida.corte = o.corte;
  if (o.vigencia !== null) pedida.vigencia = o.vigencia;
  // Antes de leer el libro: no se genera nada si al final no se va a poder escribir.
  if (await existe(o.salida)) throw new ErrorUso(ERRORES_INFORME.salidaExiste(o.salida));
  let resultado;
  try {
    const limites = limitesDelEntorno(entorno.env);
    const bytes = await leerBytesXlsx(o.libro, limites);
    const libro = await leerArchivoXlsx(bytes, { nombre: o.libro, hojas: "necesarias", ...limites });
    const almacen = await AlmacenXlsx.desdeContenido(bytes, { nombre: o.libro });
    resultado = await generarDocumento(o.comando, { leerLibro: () => Promise.resolve(libro), almacen }, { pedida });
  } catch (e) {
    if (e instanceof ErrorLecturaLibro || e instanceof ErrorLimite) throw new ErrorUso(e.message, { cause: e });
    throw e;
  }
  let contenido: Buffer | string;
  let graficos: number;
  if (o.formato === "xlsx") {
    const { escribirLibroXlsx } = await import("../hosts/xlsx/escrituraXlsx");
    const r = await escribirLibroXlsx(resultado.descripcion);
    contenido = r.archivo;
    graficos = r.graficos.filter((g) => g.incluido).length;
    for (const aviso of r.avisos) entorno.stderr.write(linea(aviso));
  } else {
    const { documentoHtml } = await import("../casos/informeHtml");
    contenido = documentoHtml(resultado.documento);
    graficos = resultado.descripcion.hojas.reduce((n, h) => n + (h.graficos?.length ?? 0), 0);
  }
  try {
    await escribirArchivoNuevo(o.salida, contenido);
  } catch (e) {
    const codigo = (e as { code?: string }).code;
    // Apareció mientras se generaba el documento: tampoco se reemplaza.
    if (codigo === "EEXIST") throw new ErrorUso(ERRORES_INFORME.salidaExiste(o.salida), { cause: e });
    const detalle =
      codigo === "ENOENT" || codigo === "ENOTDIR"
        ? "la carpeta no existe"
        : codigo === "EACCES" || codigo === "EPERM"
          ? "no hay permiso para escribir ahí"
          : codigo === "EISDIR"
            ? "es una carpeta"
            : (codigo ?? "error de escritura");
    throw new ErrorUso(ERRORES_INFORME.noSeEscribio(o.salida, detalle), { cause: e });
  }
  entorno.stdout.write(
    linea(ERRORES_INFORME.escrito(o.comando, o.salida, resultado.descripcion.hojas.length, graficos)),
  );
  return 0;
}

/** `pmr informe …` o `pmr anexo …` (argv sin «node» ni el script, empezando por el comando). */
export async function ejecutarDocumento(argv: readonly string[], entorno: Entorno): Promise<number> {
  const comando = argv[0] as ComandoDocumento;
  try {
    const orden = leerArgumentosDocumento(comando, argv.slice(1));
    if (orden.tipo === "ayuda") {
      entorno.stdout.write(USO_INFORME);
      return 0;
    }
    if (orden.tipo === "error") {
      entorno.stderr.write(linea(orden.mensaje));
      return 2;
    }
    return await generar(orden, entorno);
  } catch (e) {
    const mensaje =
      e instanceof ErrorUso
        ? e.message
        : ERRORES_INFORME.interno(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
    entorno.stderr.write(linea(mensaje));
    if (entorno.env.PMR_DEPURAR && e instanceof Error && e.stack) entorno.stderr.write(e.stack + "\n");
    return 2;
  }
}
