/**
 * La entrada del lector: lo que Excel (Office.js) o ExcelJS devuelven de cada hoja, sin
 * interpretar. El lector (leerModelo) es puro: de estas grillas al modelo PMR.
 */

/** Área combinada, en coordenadas absolutas de la hoja, 0-based (A1 = fila 0, columna 0). */
export interface AreaCombinada {
  fila: number;
  columna: number;
  filas: number;
  columnas: number;
}

export interface GrillaHoja {
  nombre: string;
  /**
   * Valores 2-D como los devuelve `range.values`: number | string | boolean; "" o null = vacía.
   * Los errores de Excel llegan como texto ("#REF!", "#N/A", …). Las filas pueden tener
   * longitudes distintas (lo que falta al final de una fila está vacío) y pueden estar congeladas
   * y compartidas (p. ej., una sola fila vacía para todas): no se modifican. Una celda que el
   * archivo trae dañada puede llegar como ValorIlegible.
   */
  valores: unknown[][];
  /** Fila (0-based) de la hoja en la que empieza `valores` (el rango usado puede no empezar en A1). */
  filaInicial?: number;
  /** Columna (0-based) de la hoja en la que empieza `valores`. */
  columnaInicial?: number;
  /** Áreas combinadas de la hoja (coordenadas absolutas). */
  combinadas?: AreaCombinada[];
  /**
   * Formatos de número (`range.numberFormat`), misma forma que `valores`; opcional. Una fila de
   * formatos más corta que la de valores (o vacía) significa "General" en lo que falta.
   */
  formatos?: (string | null | undefined)[][];
}

export interface LibroGrillas {
  hojas: GrillaHoja[];
  /** El libro usa el sistema de fechas 1904 (opcional; si no se sabe, 1900). */
  fecha1904?: boolean;
}

/**
 * Una celda que el archivo trae dañada (p. ej., un índice de texto compartido que no existe): el
 * lector la informa como valor ilegible de esa celda, en lugar de rechazar el libro entero.
 */
export interface ValorIlegible {
  readonly ilegible: string;
}

export function esValorIlegible(v: unknown): v is ValorIlegible {
  return v !== null && typeof v === "object" && typeof (v as { ilegible?: unknown }).ilegible === "string";
}
