/** Textos que ve el usuario cuando un libro .xlsx no se puede abrir (es-CO). */
import { RAZON_MAXIMA } from "./zip";

export const MOTIVOS_LECTURA = {
  "no-existe": "el archivo no existe.",
  carpeta: "es una carpeta, no un archivo.",
  "no-regular": "no es un archivo común (es un dispositivo, una tubería o algo similar); indique un archivo .xlsx.",
  "sin-permiso": "no hay permiso para leer el archivo.",
  vacio: "el archivo está vacío.",
  "demasiado-grande": "el archivo es más grande que el máximo permitido.",
  xls: "es un libro de Excel 97-2003 (.xls); ábralo en Excel y guárdelo como libro de Excel (.xlsx).",
  cifrado: "el libro está protegido con contraseña; quítele la contraseña en Excel y vuelva a intentarlo.",
  "no-xlsx": "no es un libro de Excel (.xlsx) válido.",
  danado: "el libro está dañado.",
  "descomprimido-grande": "el contenido del libro, descomprimido, pasa del máximo permitido.",
  "fuera-de-cuadricula":
    "el libro tiene una celda fuera de la cuadrícula de Excel (1.048.576 filas × 16.384 columnas).",
  "demasiadas-celdas": "una hoja tiene demasiadas celdas para leerla.",
  "sin-hojas": "el libro no tiene hojas de cálculo.",
  otro: "ocurrió un error al abrir el archivo.",
} as const;

export type MotivoLectura = keyof typeof MOTIVOS_LECTURA;

/** «No se pudo leer «x.xlsx»: el archivo no existe.», con el detalle (parte, hoja, celda) si lo hay. */
export function mensajeLectura(nombre: string, motivo: MotivoLectura, detalle?: string): string {
  return `No se pudo leer «${nombre}»: ${MOTIVOS_LECTURA[motivo]}${detalle ? ` ${detalle}` : ""}`;
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

/** Variables de entorno con que la línea de comandos cambia los máximos (en MB). */
export const VARIABLE_TAMANO_MAXIMO = "PMR_MAXIMO_MB";
export const VARIABLE_DESCOMPRIMIDO_MAXIMO = "PMR_DESCOMPRIMIDO_MAXIMO_MB";

const miles = new Intl.NumberFormat("es-CO", { maximumFractionDigits: 1 });

/** 1.073.741.824 → «1.024 MB». */
export function megas(bytes: number): string {
  if (bytes < 1024 * 1024) return `${miles.format(bytes / 1024)} KB`;
  return `${miles.format(bytes / (1024 * 1024))} MB`;
}

/** Un nombre del archivo (hoja, parte, referencia) recortado y sin caracteres de control, para un mensaje. */
export function nombreVisible(texto: string, largo = 40): string {
  // eslint-disable-next-line no-control-regex
  const t = texto.slice(0, largo * 2).replace(/[\u0000-\u001f\u007f-\u009f]/g, "�");
  return t.length > largo ? t.slice(0, largo - 1) + "…" : t;
}

/** Dónde está algo dentro del libro: «la hoja «PMR» (parte xl/worksheets/sheet1.xml), cerca de la celda B12». */
function lugar(parte: string, hoja: string | null, celda: string | null): string {
  const donde =
    hoja === null
      ? `la parte «${nombreVisible(parte, 60)}»`
      : `la hoja «${nombreVisible(hoja)}» (parte ${nombreVisible(parte, 60)})`;
  return celda === null ? donde : `${donde}, cerca de la celda ${nombreVisible(celda, 12)}`;
}

export const DETALLES_LECTURA = {
  tamano(bytes: number, maximo: number): string {
    return `Pesa ${megas(bytes)} y el máximo es ${megas(maximo)}; si el libro es legítimo, suba el máximo con la variable de entorno ${VARIABLE_TAMANO_MAXIMO} (en MB).`;
  },
  descomprimido(parte: string, maximo: number): string {
    return `Al descomprimir ${lugar(parte, null, null)} se pasó de ${megas(maximo)} en total o de ${RAZON_MAXIMA} veces su tamaño comprimido (un archivo así suele ser una «bomba» de descompresión); si el libro es legítimo y pasa del máximo, súbalo con la variable de entorno ${VARIABLE_DESCOMPRIMIDO_MAXIMO} (en MB).`;
  },
  xmlDanado(parte: string, hoja: string | null, celda: string | null, problema: string): string {
    return `${mayuscula(lugar(parte, hoja, celda))} no es XML válido: ${problema}. Abra el libro en Excel (que ofrece repararlo) y guárdelo de nuevo.`;
  },
  zipDanado(parte: string | null, problema: string): string {
    return parte === null
      ? `${mayuscula(problema)}. Abra el libro en Excel y guárdelo de nuevo.`
      : `${mayuscula(lugar(parte, null, null))}: ${problema}. Abra el libro en Excel y guárdelo de nuevo.`;
  },
  parteFaltante(parte: string, hoja: string | null): string {
    return `Falta ${hoja === null ? `la parte «${nombreVisible(parte, 60)}»` : `la parte ${nombreVisible(parte, 60)} de la hoja «${nombreVisible(hoja)}»`}, que el libro dice tener. Abra el libro en Excel y guárdelo de nuevo.`;
  },
  fueraDeCuadricula(hoja: string, celda: string): string {
    return `La hoja «${nombreVisible(hoja)}» tiene la celda «${nombreVisible(celda, 24)}», que Excel no puede tener. El archivo no lo escribió Excel o está dañado.`;
  },
  referenciaInvalida(hoja: string, celda: string): string {
    return `La hoja «${nombreVisible(hoja)}» tiene una celda con la referencia «${nombreVisible(celda, 24)}», que no es una dirección de celda. El archivo está dañado.`;
  },
  demasiadasCeldas(hoja: string, celdas: number, maximo: number): string {
    return `La hoja «${nombreVisible(hoja)}» ocuparía ${miles.format(celdas / 1e6)} millones de celdas en su rango usado y el máximo es ${miles.format(maximo / 1e6)} millones (¿hay valores sueltos lejos de los datos, p. ej. en la columna XFD? Bórrelos en Excel).`;
  },
  demasiadasCombinadas(hoja: string, maximo: number): string {
    return `La hoja «${nombreVisible(hoja)}» tiene más de ${miles.format(maximo)} áreas de celdas combinadas.`;
  },
  textoCompartidoInexistente(indice: string): string {
    return `(texto dañado en el archivo: la celda apunta al texto compartido n.º ${nombreVisible(indice, 12)}, que no existe)`;
  },
  numeroIlegible(texto: string): string {
    return `(valor dañado en el archivo: «${nombreVisible(texto, 24)}» en una celda de número)`;
  },
} as const;

function mayuscula(t: string): string {
  return t.charAt(0).toUpperCase() + t.slice(1);
}
