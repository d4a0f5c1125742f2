/**
 * `pmr plantilla --salida plantilla.xlsx [--vigencia AAAA]` y
 * `pmr normalizar <libro.xlsx> --salida canonico.xlsx` (PMR-SPEC §6.5).
 *
 * Las dos escriben un archivo NUEVO (nunca reescriben un .xlsx del usuario): si la salida ya
 * existe, o es el mismo libro de entrada, se niegan. Se escribe un temporal en la misma carpeta y
 * se le cambia el nombre, así no queda un archivo a medias. Salida: 0 si se escribió; 2 si los
 * argumentos no son válidos o el libro no se pudo leer (una línea en español en stderr).
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { escribirArchivoNuevo, existe } from "./archivos";
import { leerVigencia } from "./argumentos";
import { leerOpciones } from "./opciones";
import { ErrorLimite, limitesDelEntorno } from "./limites";

/** Lo que estas órdenes necesitan del entorno de `main`. */
export interface EntornoOrden {
  stdout: { write(texto: string): unknown };
  stderr: { write(texto: string): unknown };
  /** Variables de entorno (los límites de lectura, PMR_MAXIMO_MB…). */
  env?: Readonly<Record<string, string | undefined>>;
}

export const USO_PLANTILLA = `Uso: pmr plantilla --salida <plantilla.xlsx> [--vigencia AAAA] [--filas N]

Escribe un libro nuevo con las hojas PMR, PMR_Presupuesto y PMR_Territorial con los encabezados
canónicos, como tablas de Excel: listas desplegables (Tendencia, Periodicidad, Tipo indicador,
Tipo de recurso, Localidad) con alertas en español, cifras mayores o iguales a 0, mensajes de
ayuda en cada encabezado y columnas calculadas con =PMR.AVANCE, =PMR.ESTADO y =PMR.SEMAFORO.

Opciones:
  --salida <archivo.xlsx>   Archivo nuevo que se escribe (no se reemplaza uno existente).
  --vigencia <AAAA>         Vigencia de la plantilla: la columna Vigencia solo acepta ese año.
  --filas <N>               Filas de cada tabla (por defecto 200, máximo 10.000).
  -h, --help                Muestra esta ayuda.
`;

export const USO_NORMALIZAR = `Uso: pmr normalizar <libro.xlsx> --salida <canonico.xlsx>

Reescribe el libro en el diseño canónico (hojas PMR, PMR_Presupuesto y PMR_Territorial con los
encabezados canónicos) con cada valor tal cual, y agrega la hoja «Correspondencia»: de qué hoja,
encabezado y celda viene cada columna y cada fila. Validar el resultado da las mismas cifras y
los mismos hallazgos que validar el libro original. El libro original no se toca.

Opciones:
  --salida <archivo.xlsx>   Archivo nuevo que se escribe (no se reemplaza uno existente).
  -h, --help                Muestra esta ayuda.
`;

const MAXIMO_FILAS = 10_000;

export const ERRORES_PLANTILLA = {
  faltaSalida: (orden: string) => `Falta --salida <archivo.xlsx>. Use «pmr ${orden} --help».`,
  salidaNoXlsx: (s: string) => `La salida «${s}» debe terminar en .xlsx.`,
  salidaExiste: (s: string) =>
    `El archivo «${s}» ya existe: pmr no reemplaza archivos. Elija otro nombre o borre ese archivo.`,
  salidaEsEntrada: (s: string) => `La salida «${s}» es el mismo libro de entrada: pmr nunca reescribe su libro.`,
  carpetaNoExiste: (s: string) => `La carpeta de «${s}» no existe.`,
  vigenciaInvalida: (v: string) => `La vigencia «${v}» no es un año de cuatro cifras (p. ej. 2026).`,
  filasInvalidas: (v: string) =>
    `--filas debe ser un número entero entre 1 y ${MAXIMO_FILAS.toLocaleString("es-CO")} (se recibió «${v}»).`,
  faltaLibro: () => "Falta el libro que se normaliza. Use «pmr normalizar --help».",
  sobraArgumento: (a: string) => `Sobra el argumento «${a}».`,
  noEscrito: (s: string, detalle: string) => `No se pudo escribir «${s}»: ${detalle}`,
  configuracionCopiada: (config: string, salida: string) =>
    ` El libro de origen guarda una configuración del complemento (umbrales, métodos de avance…) que un .xlsx nuevo no puede llevar: quedó en «${config}»; valide con «pmr validar ${salida} --config ${config}» para obtener las mismas cifras.`,
  configuracionNoCopiada: (config: string) =>
    ` El libro de origen guarda una configuración del complemento que el archivo nuevo no lleva, y «${config}» ya existe: valide con --config y esa configuración para obtener las mismas cifras.`,
} as const;

class ErrorDeOrden extends Error {}

interface Leidos {
  posicionales: string[];
  valores: Map<string, string>;
  ayuda: boolean;
}

function leer(args: readonly string[], orden: string, conValor: Readonly<Record<string, string>>): Leidos {
  const r = leerOpciones(args, conValor, `Use «pmr ${orden} --help».`);
  if ("error" in r) throw new ErrorDeOrden(r.error);
  return { ...r, valores: new Map([...r.valores].map(([k, v]) => [k, v.trim()])) };
}

async function comprobarSalida(salida: string, entrada: string | null): Promise<void> {
  if (!/\.xlsx$/i.test(salida)) throw new ErrorDeOrden(ERRORES_PLANTILLA.salidaNoXlsx(salida));
  if (entrada !== null && path.resolve(salida) === path.resolve(entrada))
    throw new ErrorDeOrden(ERRORES_PLANTILLA.salidaEsEntrada(salida));
  try {
    await fs.lstat(salida);
    throw new ErrorDeOrden(ERRORES_PLANTILLA.salidaExiste(salida));
  } catch (e) {
    if (e instanceof ErrorDeOrden) throw e;
  }
  try {
    const carpeta = await fs.stat(path.dirname(path.resolve(salida)));
    if (!carpeta.isDirectory()) throw new Error();
  } catch {
    throw new ErrorDeOrden(ERRORES_PLANTILLA.carpetaNoExiste(salida));
  }
}

/** Escribe el archivo nuevo: un temporal en la misma carpeta y un cambio de nombre (sin reemplazar). */
async function escribirNuevo(salida: string, bytes: Buffer): Promise<void> {
  try {
    await escribirArchivoNuevo(salida, bytes);
  } catch (e) {
    const codigo = (e as NodeJS.ErrnoException).code;
    if (codigo === "EEXIST" && (await existe(salida))) throw new ErrorDeOrden(ERRORES_PLANTILLA.salidaExiste(salida));
    throw new ErrorDeOrden(ERRORES_PLANTILLA.noEscrito(salida, codigo ?? (e as Error).message));
  }
}

function linea(t: string): string {
  return t.replace(/\s*[\r\n]+\s*/g, " ").trim() + "\n";
}

async function plantilla(args: readonly string[], entorno: EntornoOrden): Promise<number> {
  const l = leer(args, "plantilla", {
    "--salida": "la ruta del libro .xlsx a escribir",
    "--vigencia": "un año, p. ej. 2025",
    "--filas": "un número de filas",
  });
  if (l.ayuda) {
    entorno.stdout.write(USO_PLANTILLA);
    return 0;
  }
  if (l.posicionales.length > 0) throw new ErrorDeOrden(ERRORES_PLANTILLA.sobraArgumento(l.posicionales[0]));
  const salida = l.valores.get("--salida");
  if (salida === undefined) throw new ErrorDeOrden(ERRORES_PLANTILLA.faltaSalida("plantilla"));
  let vigencia: number | null = null;
  const v = l.valores.get("--vigencia");
  if (v !== undefined) {
    vigencia = leerVigencia(v);
    if (vigencia === null) throw new ErrorDeOrden(ERRORES_PLANTILLA.vigenciaInvalida(v));
  }
  let filas: number | undefined;
  const f = l.valores.get("--filas");
  if (f !== undefined) {
    filas = /^\d{1,5}$/.test(f) ? Number(f) : NaN;
    if (!(filas >= 1 && filas <= MAXIMO_FILAS)) throw new ErrorDeOrden(ERRORES_PLANTILLA.filasInvalidas(f));
  }
  await comprobarSalida(salida, null);
  const [{ crearPlantilla }, { escribirLibroXlsx }] = await Promise.all([
    import("../casos/normalizar"),
    import("../hosts/xlsx/escrituraXlsx"),
  ]);
  const r = await crearPlantilla({ vigencia, ...(filas !== undefined ? { filasVacias: filas } : {}) }, (libro) =>
    escribirLibroXlsx(libro),
  );
  await escribirNuevo(salida, r.escrito.archivo);
  const hojas = r.disposiciones.map((d) => `${d.nombre} (${d.columnas.length} columnas)`).join(", ");
  entorno.stdout.write(
    linea(
      `Plantilla escrita en ${salida}: ${hojas}${vigencia !== null ? `, vigencia ${vigencia}` : ""}. Llénela en Excel con el complemento instalado (las columnas «(fórmula)» usan =PMR.*) y valídela con «pmr validar ${salida}».`,
    ),
  );
  return 0;
}

async function normalizar(args: readonly string[], entorno: EntornoOrden): Promise<number> {
  const l = leer(args, "normalizar", { "--salida": "la ruta del libro .xlsx a escribir" });
  if (l.ayuda) {
    entorno.stdout.write(USO_NORMALIZAR);
    return 0;
  }
  if (l.posicionales.length === 0) throw new ErrorDeOrden(ERRORES_PLANTILLA.faltaLibro());
  if (l.posicionales.length > 1) throw new ErrorDeOrden(ERRORES_PLANTILLA.sobraArgumento(l.posicionales[1]));
  const entrada = l.posicionales[0];
  const salida = l.valores.get("--salida");
  if (salida === undefined) throw new ErrorDeOrden(ERRORES_PLANTILLA.faltaSalida("normalizar"));
  await comprobarSalida(salida, entrada);
  const [
    { leerArchivoXlsx, leerBytesXlsx, ErrorLecturaLibro },
    { normalizar: normalizarCaso, ErrorNormalizar },
    { escribirLibroXlsx },
  ] = await Promise.all([
    import("../hosts/xlsx/lectorXlsx"),
    import("../casos/normalizar"),
    import("../hosts/xlsx/escrituraXlsx"),
  ]);
  let r;
  let configuracion: unknown = null;
  try {
    const limites = limitesDelEntorno(entorno.env ?? {});
    const bytes = await leerBytesXlsx(entrada, limites);
    const grillas = await leerArchivoXlsx(bytes, { nombre: entrada, ...limites });
    r = await normalizarCaso(grillas, (libro) => escribirLibroXlsx(libro));
    // La configuración que el panel guardó en el libro (la que aplica pmr validar).
    const [{ AlmacenXlsx }, { RANURA_CONFIGURACION }] = await Promise.all([
      import("../hosts/xlsx/almacenXlsx"),
      import("../workbook/almacen"),
    ]);
    const [guardada] = await (
      await AlmacenXlsx.desdeContenido(bytes, { nombre: entrada })
    ).leerVarias([RANURA_CONFIGURACION] as const);
    configuracion = guardada.datos;
  } catch (e) {
    if (e instanceof ErrorLecturaLibro || e instanceof ErrorNormalizar || e instanceof ErrorLimite)
      throw new ErrorDeOrden(e.message);
    throw e;
  }
  await escribirNuevo(salida, r.escrito.archivo);
  let nota = "";
  if (configuracion !== null) {
    // Un .xlsx escrito con ExcelJS no puede llevar los ajustes del documento de Office: la
    // configuración va al lado, en un .json que pmr validar --config entiende.
    const config = salida.replace(/\.xlsx$/i, ".config.json");
    try {
      await fs.writeFile(config, JSON.stringify(configuracion, null, 2) + "\n", { flag: "wx" });
      nota = ERRORES_PLANTILLA.configuracionCopiada(config, salida);
    } catch {
      nota = ERRORES_PLANTILLA.configuracionNoCopiada(config);
    }
  }
  const { entero } = await import("../domain/formato");
  const hojas = r.hojas
    .map(
      (h) =>
        `${h.origen} → ${h.destino} (${entero(h.filas)} filas${h.extras > 0 ? `, ${entero(h.extras)} columnas conservadas con su encabezado` : ""})`,
    )
    .join("; ");
  entorno.stdout.write(
    linea(
      `Libro normalizado en ${salida}: ${hojas}; hoja «Correspondencia» con el origen de cada columna y fila.${nota}`,
    ),
  );
  return 0;
}

/** Ejecuta `pmr plantilla` o `pmr normalizar`; los errores de uso salen como una línea con código 2. */
export async function ordenPlantilla(
  orden: "plantilla" | "normalizar",
  args: readonly string[],
  entorno: EntornoOrden,
): Promise<number> {
  try {
    return orden === "plantilla" ? await plantilla(args, entorno) : await normalizar(args, entorno);
  } catch (e) {
    if (!(e instanceof ErrorDeOrden)) throw e;
    entorno.stderr.write(linea(e.message));
    return 2;
  }
}
