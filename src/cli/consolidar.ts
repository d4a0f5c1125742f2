/**
 * `pmr consolidar <a.xlsx> <b.xlsx> … | <carpeta> --salida consolidado.xlsx [--formato texto|json]
 * [--corte M] [--vigencia AAAA]` (PMR-SPEC §6.6): lee cada libro (uno a la vez), escribe el libro
 * consolidado (PMR, PMR_Presupuesto y PMR_Territorial con el archivo, la hoja y la fila de origen de
 * cada fila) en un archivo NUEVO y lo valida como `pmr validar`, con cada hallazgo en su archivo y
 * su celda de origen («[gerencia-a.xlsx]PMR!K6», como Excel nombra una celda de otro libro).
 *
 * Código de salida: 0 sin hallazgos de severidad error; 1 con alguno (un archivo ilegible es uno);
 * 2 si ningún archivo se pudo leer, los argumentos no son válidos o el consolidado no se pudo
 * escribir. Nunca reemplaza un archivo que ya existe.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { InformeConsolidacion } from "../casos/consolidar";
import type { Hallazgo } from "../domain/hallazgo";
import { leerCorteVigenciaFormato, type FormatoInforme } from "./argumentos";
import { escribirArchivoNuevo, existe } from "./archivos";
import type { Entorno } from "./main";
import { jsonPorPartes, ListaPorPartes } from "./jsonPorPartes";
import { leerOpciones } from "./opciones";
import { textoVisible, jsonVisible } from "./terminal";
import { ErrorLimite, limitesDelEntorno } from "./limites";
import { ErrorArchivoConfiguracion } from "./archivoConfiguracion";

export const USO_CONSOLIDAR = `Uso: pmr consolidar <libro.xlsx> <libro.xlsx> … | <carpeta> --salida consolidado.xlsx [--formato texto|json] [--corte 1-12] [--vigencia AAAA] [--config archivo.json]

Junta los libros PMR de los gerentes de proyecto en un libro consolidado nuevo (hojas PMR,
PMR_Presupuesto y PMR_Territorial, cada fila con su archivo, hoja y fila de origen) y lo valida:
calcula avances y cumplimientos al corte y lista los hallazgos en el archivo y la celda de
origen. Una carpeta aporta sus archivos .xlsx (sin subcarpetas), en orden alfabético.

Opciones:
  --salida <archivo.xlsx>   Libro consolidado a escribir (obligatorio; no puede existir).
  --corte <1-12>            Mes de corte. Por defecto, el último mes con alguna ejecución.
  --vigencia <AAAA>         Vigencia (año) a evaluar. Por defecto, la más reciente.
  --config <archivo.json>   Configuración (umbrales del semáforo, método de avance…), como en
                            «pmr validar --config». Por defecto, los valores por defecto: la
                            configuración guardada en cada libro no se usa (cada gerente pudo
                            guardar otra). --corte y --vigencia mandan sobre el archivo.
  --formato <texto|json>    Formato del informe. Por defecto, texto.
  -h, --help                Muestra esta ayuda.

Un mismo indicador (código y vigencia) en dos archivos entra una vez, con los valores del primer
archivo en el orden dado; si los valores difieren, es un hallazgo de Consolidación que nombra los
dos archivos y sus celdas.

Código de salida:
  0  no hay hallazgos de severidad error
  1  hay al menos un hallazgo de severidad error (un archivo que no se pudo leer es uno)
  2  ningún archivo se pudo leer, los argumentos no son válidos o no se pudo escribir la salida
`;

const AYUDA = "Use «pmr consolidar --help» para ver las opciones.";

export const MENSAJES_CONSOLIDAR = {
  faltanLibros: () =>
    `Faltan los libros a consolidar: pmr consolidar <a.xlsx> <b.xlsx> … --salida consolidado.xlsx. ${AYUDA}`,
  faltaSalida: () =>
    `Falta --salida: el nombre del libro consolidado a escribir (p. ej. --salida consolidado.xlsx). ${AYUDA}`,
  salidaNoXlsx: (s: string) => `La salida «${s}» debe terminar en .xlsx.`,
  salidaExiste: (s: string) =>
    `La salida «${s}» ya existe: pmr no reemplaza archivos. Elija otro nombre o borre el archivo.`,
  salidaEsEntrada: (s: string) => `La salida «${s}» es también uno de los libros a consolidar: elija otro nombre.`,
  carpetaVacia: (c: string) => `La carpeta «${c}» no tiene libros .xlsx para consolidar.`,
  ningunoLeido: (n: number, primero: string) =>
    n === 1
      ? `No se pudo consolidar: ${primero}`
      : `No se pudo leer ninguno de los ${n} libros; el primero: ${primero}`,
  noEscrita: (s: string, detalle: string) => `No se pudo escribir el consolidado «${s}»: ${detalle}`,
  titulo: "PMR · Consolidación",
  archivos: (leidos: number, total: number) => `${leidos} de ${total} ${total === 1 ? "libro leído" : "libros leídos"}`,
  indicadores: (n: number) => `${n} ${n === 1 ? "fila de indicador" : "filas de indicadores"}`,
  ilegible: (m: string) => `no se pudo leer: ${m}`,
  consolidado: (s: string, hojas: readonly string[]) => `${s} (hojas ${hojas.join(", ")})`,
  etiquetaArchivos: "Libros",
  etiquetaSalida: "Consolidado",
} as const;

export interface OpcionesConsolidar {
  entradas: string[];
  salida: string;
  formato: FormatoInforme;
  corte: number | null;
  vigencia: number | null;
  /** Archivo de configuración (--config); null si no se dio. */
  config: string | null;
}

const CON_VALOR = {
  "--salida": "la ruta del libro .xlsx a escribir",
  "--formato": "texto o json",
  "--corte": "un mes entre 1 y 12",
  "--vigencia": "un año, p. ej. 2025",
  "--config": "un archivo .json",
} as const;
type ConValor = keyof typeof CON_VALOR;

/** Los argumentos de `pmr consolidar` (sin la palabra «consolidar»); un texto si hay un error o se pide la ayuda. */
export function leerArgumentosConsolidar(
  args: readonly string[],
): { tipo: "ok"; opciones: OpcionesConsolidar } | { tipo: "ayuda" } | { tipo: "error"; mensaje: string } {
  const leidos = leerOpciones(args, CON_VALOR, AYUDA);
  if ("error" in leidos) return { tipo: "error", mensaje: leidos.error };
  if (leidos.ayuda) return { tipo: "ayuda" };
  const entradas = leidos.posicionales;
  const valores: Partial<Record<ConValor, string>> = Object.fromEntries(leidos.valores);
  if (entradas.length === 0) return { tipo: "error", mensaje: MENSAJES_CONSOLIDAR.faltanLibros() };
  const salida = valores["--salida"];
  if (salida === undefined) return { tipo: "error", mensaje: MENSAJES_CONSOLIDAR.faltaSalida() };
  if (!/\.xlsx$/i.test(salida)) return { tipo: "error", mensaje: MENSAJES_CONSOLIDAR.salidaNoXlsx(salida) };
  const cvf = leerCorteVigenciaFormato(valores);
  if ("error" in cvf) return { tipo: "error", mensaje: cvf.error };
  const { corte, vigencia, formato } = cvf;
  return {
    tipo: "ok",
    opciones: { entradas, salida, formato, corte, vigencia, config: valores["--config"] ?? null },
  };
}

class ErrorConsolidar extends Error {}

/** Las rutas de los libros: cada archivo tal cual; cada carpeta, sus .xlsx en orden alfabético. */
async function rutasDeLibros(entradas: readonly string[]): Promise<string[]> {
  const rutas: string[] = [];
  for (const e of entradas) {
    let esCarpeta = false;
    try {
      esCarpeta = (await fs.stat(e)).isDirectory();
    } catch {
      // No existe: el lector lo dirá como archivo ilegible.
    }
    if (!esCarpeta) {
      rutas.push(e);
      continue;
    }
    const nombres = (await fs.readdir(e, { withFileTypes: true }))
      .filter((d) => d.isFile() && /\.xlsx$/i.test(d.name) && !d.name.startsWith("~$"))
      .map((d) => d.name)
      .sort((a, b) => a.localeCompare(b, "es"));
    if (nombres.length === 0) throw new ErrorConsolidar(MENSAJES_CONSOLIDAR.carpetaVacia(e));
    for (const n of nombres) rutas.push(path.join(e, n));
  }
  return rutas;
}

/** Cómo se nombra cada libro: su nombre de archivo si no se repite; si no, la ruta tal como se dio. */
function nombresDe(rutas: readonly string[]): string[] {
  const bases = rutas.map((r) => path.basename(r));
  return bases.length === new Set(bases).size ? bases : [...rutas];
}

/** «[gerencia-a.xlsx]PMR!K6», como Excel nombra una celda de otro libro; sin hoja, «[gerencia-a.xlsx]». */
export function ubicacionTexto(h: Hallazgo): string {
  if (h.archivo === undefined) return h.hoja === "" ? "" : `${h.hoja}!${h.celda}`;
  return h.hoja === "" ? `[${h.archivo}]` : `[${h.archivo}]${h.hoja}!${h.celda}`;
}

/** El informe de la consolidación sin el libro (que ya se escribió). */
type InformeSinLibro = Omit<InformeConsolidacion, "libro">;

export function informeJsonConsolidado(salida: string, informe: InformeSinLibro, base: Record<string, unknown>) {
  return {
    ...base,
    archivo: salida,
    libros: informe.archivos.map((a) => ({
      archivo: a.nombre,
      leido: a.leido,
      error: a.error,
      indicadores: a.indicadores,
    })),
    // Cada hallazgo se arma al escribirlo: un consolidado puede tener cientos de miles.
    hallazgos: new ListaPorPartes(informe.hallazgos, (h) => ({
      regla: h.regla,
      categoria: h.categoria,
      severidad: h.severidad,
      mensaje: h.mensaje,
      archivo: h.archivo ?? null,
      hoja: h.hoja,
      celda: h.celda,
      consolidado: h.consolidado ?? null,
      clave: h.clave,
    })),
  };
}

/** Ejecuta `pmr consolidar` y devuelve el código de salida (los errores de uso, como línea en stderr). */
export async function consolidarCli(args: readonly string[], entorno: Entorno, color: boolean): Promise<number> {
  const r = leerArgumentosConsolidar(args);
  if (r.tipo === "ayuda") {
    entorno.stdout.write(USO_CONSOLIDAR);
    return 0;
  }
  const error = (m: string) => {
    entorno.stderr.write(textoVisible(m.replace(/\s*[\r\n]+\s*/g, " ").trim()) + "\n");
    return 2;
  };
  if (r.tipo === "error") return error(r.mensaje);
  const o = r.opciones;
  try {
    const rutas = await rutasDeLibros(o.entradas);
    const salidaAbsoluta = path.resolve(o.salida);
    if (rutas.some((x) => path.resolve(x) === salidaAbsoluta))
      return error(MENSAJES_CONSOLIDAR.salidaEsEntrada(o.salida));
    if (await existe(o.salida)) return error(MENSAJES_CONSOLIDAR.salidaExiste(o.salida));

    const [{ leerArchivoXlsx }, { escribirLibroXlsxRapidoAsincrono }, { leerYConsolidar, validarLeidos }] =
      await Promise.all([
        import("../hosts/xlsx/lectorXlsx"),
        import("../hosts/xlsx/escrituraXlsxRapida"),
        import("../casos/consolidar"),
      ]);
    const { tamanoMaximo, descomprimidoMaximo } = limitesDelEntorno(entorno.env);
    const nombres = nombresDe(rutas);
    // La configuración se comprueba antes de leer los libros: un error en ella no espera a 60 lecturas.
    const { configuracionPedida } = await import("./archivoConfiguracion");
    const { datos: pedida } = await configuracionPedida(o);
    const consolidado = await leerYConsolidar(
      rutas.map((ruta, i) => ({
        nombre: nombres[i],
        leer: () =>
          leerArchivoXlsx(ruta, { nombre: nombres[i], hojas: "necesarias", tamanoMaximo, descomprimidoMaximo }),
      })),
      { pedida },
    );
    if (consolidado.libros.every((l) => l.modelo === null)) {
      const primero = consolidado.libros[0]?.error ?? "";
      return error(MENSAJES_CONSOLIDAR.ningunoLeido(consolidado.libros.length, primero));
    }
    const hojas = consolidado.libro!.hojas.map((h) => h.nombre);
    try {
      // El escritor rápido: el consolidado de un distrito tiene decenas de miles de filas. Se
      // escribe antes de validar y se suelta: la validación no convive con la descripción.
      await escribirArchivoNuevo(o.salida, await escribirLibroXlsxRapidoAsincrono(consolidado.libro!));
    } catch (e) {
      const codigo = (e as { code?: string }).code;
      if (codigo === "EEXIST") return error(MENSAJES_CONSOLIDAR.salidaExiste(o.salida));
      return error(MENSAJES_CONSOLIDAR.noEscrita(o.salida, e instanceof Error ? e.message : String(e)));
    }
    consolidado.libro = null;
    const informe = validarLeidos(consolidado);

    if (o.formato === "json") {
      const { informeJson } = await import("./informeJson");
      // La base sin hallazgos: informeJsonConsolidado pone los suyos (con archivo y consolidado).
      const doc = informeJsonConsolidado(o.salida, informe, informeJson(o.salida, { ...informe, hallazgos: [] }));
      for (const t of jsonPorPartes(doc)) {
        const trozo = jsonVisible(t);
        if (entorno.stdout.write(trozo) === false && entorno.stdout.once)
          await new Promise<void>((listo) => entorno.stdout.once!("drain", listo));
      }
      entorno.stdout.write("\n");
    } else {
      const { informeTexto } = await import("./informeTexto");
      entorno.stdout.write(encabezadoTexto(o.salida, informe, hojas));
      // El informe de siempre, con cada hallazgo en su libro de origen.
      const enOrigen = {
        ...informe,
        hallazgos: informe.hallazgos.map((h) => ({ ...h, hoja: "", celda: ubicacionTexto(h) })),
      };
      // informeTexto escribe «hoja!celda»: con la hoja vacía, cada línea de hallazgo empieza por «!».
      const texto = informeTexto(o.salida, enOrigen, { color, indicadores: false });
      entorno.stdout.write(texto.replace(/^ {4}!/gm, "    "));
    }
    return informe.resumen.errores > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof ErrorConsolidar || e instanceof ErrorLimite || e instanceof ErrorArchivoConfiguracion)
      return error(e.message);
    throw e;
  }
}

function encabezadoTexto(salida: string, informe: InformeSinLibro, hojas: readonly string[]): string {
  const M = MENSAJES_CONSOLIDAR;
  const l: string[] = [M.titulo, ""];
  l.push(`  ${M.etiquetaArchivos}:  ${M.archivos(informe.leidos, informe.archivos.length)}`);
  const ancho = Math.max(...informe.archivos.map((a) => [...a.nombre].length));
  for (const a of informe.archivos)
    l.push(
      `    ${textoVisible(a.nombre)}${" ".repeat(ancho - [...a.nombre].length)}  ${a.leido ? M.indicadores(a.indicadores) : textoVisible(M.ilegible(a.error ?? ""))}`,
    );
  l.push(`  ${M.etiquetaSalida}:  ${textoVisible(M.consolidado(salida, hojas))}`, "", "");
  return l.join("\n");
}
