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
