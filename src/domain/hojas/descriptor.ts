/**
 * Descriptor de un tipo de hoja (PMR, PMR_Presupuesto, PMR_Territorial…): en un solo lugar, todo
 * lo que el lector, la plantilla, las reglas y los mensajes saben de la hoja — sus nombres, el
 * diccionario de encabezados (canónico y sinónimos), las columnas obligatorias, el esquema de sus
 * filas, cómo se lee una fila y el orden canónico de las columnas de la plantilla.
 *
 * El lector (src/workbook) es genérico: busca la hoja y su fila de encabezados con el
 * diccionario, y lee cada fila de datos con `leerFila`, que recibe un `LectorFila` (la celda de
 * cada campo ya leída como texto o número, con sus problemas anotados). Así el descriptor es puro
 * y vive en el dominio: las reglas ven los tipos de las filas sin importar nada del lector.
 *
 * Añadir un tipo de hoja: un archivo en esta carpeta con su descriptor (`definirHoja`) y una
 * línea en `HOJAS` (src/domain/hojas/index.ts). Ver docs/hojas.md.
 */
import type { z } from "zod";
import { MESES, NOMBRES_MES } from "../catalogos";
import { normalizarTexto } from "../valores";

/** Un campo de la hoja: una columna. */
export interface CampoHoja {
  /**
   * Encabezado canónico (el que escribe la plantilla y nombran los mensajes) y sus sinónimos
   * exactos. Se comparan normalizados (normalizarPalabras): sin mayúsculas, tildes, puntuación
   * ni las palabras «de», «del», «la», «las», «el», «los».
   */
  encabezados: readonly [string, ...string[]];
  /**
   * En la zona de datos, una combinación vertical vale en todas sus filas (columnas que
   * identifican o describen: códigos, nombres, tipo…). En las columnas de cifras no se copia:
   * una meta combinada sobre tres filas es una sola meta.
   */
  relleno?: boolean;
  /**
   * Palabras del campo (además de sus encabezados, que también lo son): un encabezado que tiene
   * una de ellas y, fuera de ella, solo calificadores del campo, es el campo. «Peso relativo del
   * indicador (%)» es Ponderación porque «peso relativo» es palabra del campo e «indicador» un
   * calificador. Se escriben como encabezados («Línea base»); se comparan normalizadas.
   */
  nucleos?: readonly string[];
  /** Palabras que pueden acompañar a una palabra del campo sin cambiar su significado. */
  calificadores?: readonly string[];
  /** Palabras del campo que solo valen con un año en el encabezado: «Meta 2026», «Programación 2026». */
  conAnio?: readonly string[];
  /** Palabras del campo que valen con dos años o más (un periodo de años): «Meta 2024-2027». */
  conAnios?: readonly string[];
}

/** Cómo se reconoce un periodo (trimestre, semestre, bimestre, año) en los encabezados de una serie. */
export type PeriodosSerie = "todos" | "sin-anual";

/** Una serie mensual: doce columnas («Programado Ene» … «Programado Dic»). */
export interface SerieHoja {
  /** Prefijos aceptados; el primero es el canónico («Programado» → «Programado Ene»). */
  prefijos: readonly [string, ...string[]];
  /** Palabras que pueden acompañar al prefijo («Ejecución física enero»). */
  calificadores?: readonly string[];
  /**
   * La serie también se reporta por periodo: cada trimestre, semestre o bimestre se lee en su
   * mes de cierre (Mar, Jun, Sep, Dic; Jun, Dic; Feb, Abr…) y, con «todos», el año («Ejecución
   * 2025», «Avance anual») en diciembre. Sin valor: solo meses.
   */
  periodos?: PeriodosSerie;
}

/** Columnas de una hoja leída (0-based en la hoja): por campo (ausente = no existe) y por serie, doce. */
export type ColumnasHoja<C extends string, S extends string> = {
  campos: Partial<Record<C, number>>;
} & Record<S, (number | null)[]>;

/** Cómo vienen las columnas de una serie: por mes o por periodo (cada periodo en su mes de cierre). */
export type PeriodoColumnas = "mensual" | "bimestral" | "trimestral" | "semestral" | "anual" | "mixto";

/** Lo que el lector sabe de una hoja antes de sus filas. */
export interface HojaBase<C extends string, S extends string> {
  nombre: string;
  /** Fila (1-based) de la fila de encabezados (la de abajo si el encabezado ocupa dos filas). */
  filaEncabezado: number;
  columnas: ColumnasHoja<C, S>;
  /** Por serie, cómo vienen sus columnas (null: la hoja no tiene columnas de esa serie). */
  periodos: Record<S, PeriodoColumnas | null>;
}

/**
 * Una fila de datos para `leerFila`. Cada lectura anota sus problemas (errores de Excel, textos
 * que no son números) con la celda y el campo; un campo sin columna se lee vacío (null).
 */
export interface LectorFila<C extends string, S extends string> {
  /** Número de fila en la hoja (1 = primera fila de Excel). */
  readonly fila: number;
  /** ¿Tiene la hoja la columna de este campo? */
  hay(campo: C): boolean;
  /** Valor de la celda tal como llegó (undefined sin columna). */
  crudo(campo: C): unknown;
  /** Texto (los números como texto); null si está vacía («-», «N/A»…) o tiene un error de Excel. */
  texto(campo: C): string | null;
  /** Número (coma decimal, miles, «%»…); null si está vacía, es ilegible o tiene un error. */
  numero(campo: C): number | null;
  /** Ponderación como fracción: 50 %, 0,5 y 50 → 0,5 (el formato de porcentaje de la celda cuenta). */
  ponderacion(campo: C): number | null;
  /** Los doce valores numéricos de una serie (índice 0 = enero). */
  numeros(serie: S): (number | null)[];
  /** Los doce textos de una serie. */
  textos(serie: S): (string | null)[];
  /** `como(texto)` con memoria: cada texto distinto se interpreta una vez por hoja. */
  interpretar<T>(texto: string, como: (texto: string) => T): T;
  /** ¿Es una fila de totales (alguna celda empieza por «Total», «Subtotal» o «Gran total»)? */
  esFilaDeTotal(): boolean;
}

export interface DescriptorHoja<C extends string, S extends string, Fila, Hoja> {
  /** Clave de la hoja en el modelo (`modelo.pmr`, `modelo.presupuesto`…). */
  id: string;
  /** Nombre canónico de la hoja (el que escribe la plantilla y nombran los mensajes). */
  nombre: string;
  /**
   * Nombres con que se reconoce la hoja antes de buscarla por sus encabezados, comparados sin
   * mayúsculas, tildes, espacios ni puntuación (normalizarNombreHoja).
   */
  nombres: readonly string[];
  /**
   * Raíz del nombre (por defecto, el primer nombre). Si la hoja requerida no se encontró ni por
   * nombre ni por encabezados, se toma una cuyo nombre empieza por su raíz y no contiene la raíz
   * de otro tipo de hoja («PMR 2025» sí; «PMR presupuestal» no), para decir qué columnas le faltan.
   */
  raiz?: string;
  /** Sin ella no hay nada que revisar (solo la PMR). Las demás activan sus reglas si existen. */
  requerida: boolean;
  campos: Readonly<Record<C, CampoHoja>>;
  series: Readonly<Record<S, SerieHoja>>;
  /** Campos obligatorios: sin ellos la hoja no se reconoce por sus encabezados y falta la columna. */
  obligatorios: readonly C[];
  /** Un obligatorio que puede faltar si la hoja tiene alguna columna de esta serie (con la nota del mensaje). */
  alternativas?: Readonly<Partial<Record<C, { serie: S; nota: string }>>>;
  /** Campos que identifican una fila: si dicen lo mismo que su encabezado, la fila es un encabezado repetido. */
  identidad: readonly C[];
  /**
   * Raíces de las palabras que hacen «relevante» un encabezado: una columna cuyo encabezado tiene
   * una de ellas y que no se pudo leer se informa (EST-COLUMNA-NO-LEIDA), nunca se ignora en
   * silencio. Se comparan con el comienzo de cada palabra normalizada («ejecu» → «ejecución»).
   */
  palabrasClave?: readonly string[];
  /** Calificadores que cualquier campo de la hoja puede llevar («PMR»). */
  calificadoresComunes?: readonly string[];
  /**
   * Códigos que pueden venir al comienzo del nombre cuando la hoja no tiene su columna:
   * código → nombre («2.3.1. Implementar la estrategia…» da el código 2.3.1).
   */
  codigosEnNombres?: Readonly<Partial<Record<C, C>>>;
  /**
   * Campo de ponderaciones cuya escala se decide por grupo de filas (los campos de `grupo`):
   * un grupo que suma cerca de 100 con pesos menores o iguales a 1 está en puntos porcentuales.
   */
  ponderaciones?: { campo: C; grupo: readonly C[] };
  /**
   * Campo con el año de cada fila. Una columna con año en el encabezado («Meta 2026») de un
   * campo con `conAnio` vale para las filas de ese año (o sin año); con varias («Meta 2025»,
   * «Meta 2026») se lee la del año de las filas.
   */
  vigencia?: C;
  /** Columnas de la plantilla, en orden: el campo («metaVigencia») o «serie.mes» («programado.1»). */
  plantilla: readonly string[];
  esquemaFila: z.ZodType<Fila>;
  esquema: z.ZodType<Hoja>;
  /**
   * ¿Es una fila histórica («No vigente», «Retirado»…)? No cuenta para decidir la escala de las
   * ponderaciones (y el descriptor la deja fuera de la hoja en `construir`).
   */
  historica?(fila: Fila): boolean;
  /** Lee una fila de datos; null si no es una fila de datos (una fila de totales). */
  leerFila(l: LectorFila<C, S>): Fila | null;
  /** La hoja del modelo con sus filas. */
  construir(base: HojaBase<C, S>, filas: Fila[]): Hoja;
}

/** Cualquier descriptor (para el lector, que los recorre sin conocer sus campos). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CualquierDescriptor = DescriptorHoja<string, string, any, any>;

/** Define un descriptor (solo para que TypeScript infiera sus tipos). */
export function definirHoja<C extends string, S extends string, Fila, Hoja>(
  d: DescriptorHoja<C, S, Fila, Hoja>,
): DescriptorHoja<C, S, Fila, Hoja> {
  return d;
}

/** Las doce claves de una serie: «programado.1» … «programado.12» (mes 1-based). */
export function clavesSerie(serie: string): string[] {
  return Array.from({ length: MESES }, (_, i) => `${serie}.${i + 1}`);
}

/** Encabezado canónico de una clave de la plantilla: «metaVigencia» → «Meta vigencia»; «programado.1» → «Programado Ene». */
export function encabezadoCanonico(d: CualquierDescriptor, clave: string): string {
  const punto = clave.indexOf(".");
  if (punto < 0) return d.campos[clave]?.encabezados[0] ?? clave;
  const serie = d.series[clave.slice(0, punto)];
  const mes = Number(clave.slice(punto + 1));
  return serie ? `${serie.prefijos[0]} ${NOMBRES_MES[mes - 1] ?? mes}` : clave;
}

const NO_ALFANUMERICO = /[^a-z0-9]+/g;
const PALABRAS_VACIAS = new Set(["de", "del", "la", "las", "el", "los"]);

/**
 * Texto comparable de un encabezado o de un valor de catálogo: sin tildes, minúsculas, toda
 * puntuación como espacio y sin las palabras «de», «del», «la», «las», «el», «los».
 * «Cód. objetivo» → «cod objetivo»; «Tipo de indicador» → «tipo indicador».
 */
export function normalizarPalabras(texto: string): string {
  const base = normalizarTexto(texto).replace(NO_ALFANUMERICO, " ").trim();
  if (base === "") return "";
  let salida = "";
  for (const p of base.split(" ")) {
    if (PALABRAS_VACIAS.has(p)) continue;
    salida = salida === "" ? p : salida + " " + p;
  }
  return salida;
}
