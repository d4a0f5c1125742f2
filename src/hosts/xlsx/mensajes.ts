/** Textos que ve el usuario cuando un libro .xlsx no se puede abrir (es-CO). */

export const MOTIVOS_LECTURA = {
  "no-existe": "el archivo no existe.",
  carpeta: "es una carpeta, no un archivo.",
  "sin-permiso": "no hay permiso para leer el archivo.",
  vacio: "el archivo está vacío.",
  xls: "es un libro de Excel 97-2003 (.xls); ábralo en Excel y guárdelo como libro de Excel (.xlsx).",
  cifrado: "el libro está protegido con contraseña; quítele la contraseña en Excel y vuelva a intentarlo.",
  "no-xlsx": "no es un libro de Excel (.xlsx) válido.",
  "sin-hojas": "el libro no tiene hojas de cálculo.",
  otro: "ocurrió un error al abrir el archivo.",
} as const;

export type MotivoLectura = keyof typeof MOTIVOS_LECTURA;

/** «No se pudo leer «x.xlsx»: el archivo no existe.» */
export function mensajeLectura(nombre: string, motivo: MotivoLectura): string {
  return `No se pudo leer «${nombre}»: ${MOTIVOS_LECTURA[motivo]}`;
}

/** Nombre con el que se nombra un libro recibido en memoria (Buffer). */
export const NOMBRE_LIBRO_EN_MEMORIA = "el libro";

/** Por qué `pmr` no pudo guardar sus datos dentro de un .xlsx (es-CO). */
export const MOTIVOS_ESCRITURA = {
  "solo-lectura": "el archivo es de solo lectura; quítele esa marca o use --salida para escribir una copia.",
  "carpeta-sin-permiso":
    "la carpeta no permite crear archivos (se necesita uno temporal para guardar sin riesgo); use --salida con otra carpeta.",
  "carpeta-no-existe": "la carpeta no existe.",
  "disco-solo-lectura": "el disco o la carpeta son de solo lectura; use --salida con otra carpeta.",
  "en-uso": "el archivo está abierto o bloqueado por otro programa (¿Excel?); ciérrelo y vuelva a intentarlo.",
  "abierto-en-excel": (bloqueo: string) =>
    `parece estar abierto en Excel (existe «${bloqueo}»); ciérrelo y vuelva a intentarlo. Si Excel no está abierto, borre ese archivo.`,
  "cambio-en-disco":
    "el archivo cambió en el disco mientras se preparaba la escritura (¿otro programa lo guardó?); no se cambió nada. Vuelva a intentarlo.",
  "sin-espacio": "no hay espacio en el disco.",
  "salida-carpeta": "es una carpeta, no un archivo.",
  estructura:
    "su estructura interna no es la de un libro de Excel que PMR para Excel sepa modificar sin riesgo; no se cambió nada.",
  "sin-destino": "no se dijo dónde escribir (falta la ruta del libro o --salida).",
  otro: "ocurrió un error al escribir el archivo.",
} as const;

export type MotivoEscritura = keyof typeof MOTIVOS_ESCRITURA;

/** «No se pudo guardar en «x.xlsx»: el archivo es de solo lectura; …» */
export function mensajeEscritura(nombre: string, motivo: MotivoEscritura, detalle?: string): string {
  const m = MOTIVOS_ESCRITURA[motivo];
  return `No se pudo guardar en «${nombre}»: ${typeof m === "function" ? m(detalle ?? "") : m}`;
}

/** Textos del almacén en el .xlsx (los problemas de lectura los da src/workbook/almacen). */
export const MENSAJES_ALMACEN_XLSX = {
  ajusteNoSeEscribe: (descripcion: string) =>
    `pmr no escribe ${descripcion} en el libro: se guarda desde el panel de PMR para Excel (o use --config).`,
  parteIlegible: (ruta: string) =>
    `El libro tiene una parte de datos («${ruta}») que no se pudo leer como texto; no se usó.`,
} as const;
