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
   * longitudes distintas.
   */
  valores: unknown[][];
  /** Fila (0-based) de la hoja en la que empieza `valores` (el rango usado puede no empezar en A1). */
  filaInicial?: number;
  /** Columna (0-based) de la hoja en la que empieza `valores`. */
  columnaInicial?: number;
  /** Áreas combinadas de la hoja (coordenadas absolutas). */
  combinadas?: AreaCombinada[];
  /** Formatos de número (`range.numberFormat`), misma forma que `valores`; opcional. */
  formatos?: (string | null | undefined)[][];
}

export interface LibroGrillas {
  hojas: GrillaHoja[];
}
