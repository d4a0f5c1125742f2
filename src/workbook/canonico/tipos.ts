/**
 * Entrada del libro canónico: las filas de datos como las leyó el lector, cada valor tal cual
 * (el número, el texto con coma decimal, el «N/A»…) con su formato de número y su celda de
 * origen, por clave canónica del descriptor de la hoja («codigo», «metaVigencia»,
 * «programado.3»). La usan «Normalizar» (un libro) y «Consolidar» (varios libros: por eso cada
 * fila puede decir de qué archivo viene).
 */
import type { IdHoja } from "../../domain/hojas";
import type { ValorEscrito } from "../escritura";

/** Un valor de la hoja de origen, sin interpretar. */
export interface ValorOrigen {
  /** El valor tal cual (null o "" = celda vacía). */
  readonly valor: ValorEscrito;
  /** Formato de número de la celda de origen («0%», «#,##0.00»…); ausente o «General»: ninguno. */
  readonly formato?: string | null;
  /** Celda de origen (A1, en la hoja de origen), si se sabe. */
  readonly celda?: string;
}

/** De dónde viene una fila. */
export interface OrigenFila {
  /** Nombre del archivo de origen (solo al consolidar varios libros). */
  readonly archivo?: string;
  readonly hoja: string;
  /** Fila de la hoja de origen (1 = primera fila de Excel). */
  readonly fila: number;
}

/** Una fila de datos de la hoja de origen. */
export interface FilaOrigen {
  readonly origen: OrigenFila;
  /**
   * Valores por clave canónica: un campo del descriptor («metaVigencia») o «serie.mes» con el mes
   * 1-based («ejecutado.3» = Ejecutado Mar). Una clave ausente es una celda vacía.
   */
  readonly valores: Readonly<Record<string, ValorOrigen | undefined>>;
  /** Valores de las columnas extra (por `ColumnaExtra.clave`). */
  readonly extras?: Readonly<Record<string, ValorOrigen | undefined>>;
}

/**
 * Una columna de origen que no es canónica y se conserva a la derecha con su encabezado original
 * (una columna que el lector no leyó, una duplicada…): cada valor del libro se conserva.
 */
export interface ColumnaExtra {
  /** Identificador de la columna dentro de la hoja (p. ej. su letra de origen «Q»). */
  readonly clave: string;
  /** Encabezado con que se escribe (el de origen). */
  readonly encabezado: string;
}

/** Las filas de una hoja de origen (de uno o varios libros). */
export interface HojaOrigen {
  readonly filas: readonly FilaOrigen[];
  readonly extras?: readonly ColumnaExtra[];
}

/** Las hojas de origen por tipo de hoja (`pmr`, `presupuesto`, `territorial`). */
export type LibroOrigen = Readonly<Partial<Record<IdHoja, HojaOrigen | null>>>;

/** Las columnas de procedencia que se pueden agregar a la derecha de cada hoja canónica. */
export type ColumnaProcedencia = "archivo" | "hoja" | "fila";

export interface OpcionesCanonico {
  /** Columnas de procedencia a la derecha (por defecto ninguna), en el orden archivo, hoja, fila. */
  readonly procedencia?: readonly ColumnaProcedencia[];
  /** Nombre de cada hoja escrita (por defecto, el canónico del descriptor: PMR, PMR_Presupuesto, PMR_Territorial). */
  readonly nombres?: Readonly<Partial<Record<IdHoja, string>>>;
  /** Propósito de las hojas (marca del complemento): «normalizado», «consolidado», «plantilla»… */
  readonly proposito?: string;
  /**
   * Hojas que se escriben aunque no vengan en el libro de origen (por defecto solo las que vienen;
   * la plantilla pide las tres).
   */
  readonly siempre?: readonly IdHoja[];
  /**
   * Escribir cada hoja como tabla de Excel (por defecto sí). Si dos encabezados se repiten (una
   * columna extra con el encabezado de otra), la hoja va sin tabla: Excel cambiaría el encabezado.
   */
  readonly tablas?: boolean;
  /** Filas vacías al final de cada tabla (la plantilla deja filas para llenar). Por defecto 0 (1 si no hay filas). */
  readonly filasVacias?: number;
}

/** Una columna de una hoja canónica escrita. */
export interface ColumnaSalida {
  /** Clave canónica, clave de la columna extra o «origen.archivo» / «origen.hoja» / «origen.fila». */
  readonly clave: string;
  readonly encabezado: string;
  readonly tipo: "canonica" | "extra" | "procedencia";
  /** Columna 0-based en la hoja escrita. */
  readonly indice: number;
  /** Letra de la columna («A», «AB»). */
  readonly letra: string;
}

/** Cómo queda una hoja canónica: su nombre, sus columnas y sus filas (la 1 es la de encabezados). */
export interface DisposicionCanonica {
  readonly id: IdHoja;
  readonly nombre: string;
  readonly columnas: readonly ColumnaSalida[];
  /** Última fila escrita (1-based), incluidas las vacías de la tabla. */
  readonly ultimaFila: number;
  /** Nombre de la tabla de Excel (null si la hoja va sin tabla). */
  readonly tabla: string | null;
}
