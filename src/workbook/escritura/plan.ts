/**
 * Lo que los dos anfitriones escriben de una hoja, resuelto una vez (puro): bloques de valores y de
 * fórmulas en 2-D, y el formato de número efectivo de cada celda. Así Excel y el .xlsx dan los
 * mismos formatos con la misma descripción.
 *
 * Seguridad de los textos: toda celda de texto se escribe con formato de número «@» (Texto), que
 * gana sobre cualquier otro formato descrito para esa celda. Con «@», Excel guarda lo escrito tal
 * cual: «=HOY()», «+57 300…», «-5», «@usuario», «15%», «1/2» o «0123» quedan como texto y no
 * como fórmula, número o fecha. En el .xlsx los textos ya van como texto; se les pone el mismo «@»
 * para que los dos anfitriones den el mismo formato.
 */
import { esFormula, type DescripcionHoja, type ValorEscrito } from "./descripcion";
import { leerRango, type Rect } from "./rangos";

/** Formato de número de Texto. */
export const FORMATO_TEXTO = "@";

export interface BloquePlan {
  readonly rect: Rect;
  /** Valores para `range.values`: null donde hay una fórmula o ninguna celda (no se toca). */
  readonly valores: (ValorEscrito | null)[][];
  /** Fórmulas para `range.formulas` (null en lo demás); null si el bloque no tiene fórmulas. */
  readonly formulas: (string | null)[][] | null;
  /** «@» en las celdas de texto (null en lo demás); null si el bloque no tiene textos. */
  readonly formatosTexto: (string | null)[][] | null;
}

/** Bloques rectangulares de la hoja, listos para escribir de una vez cada uno. */
export function planificarBloques(hoja: DescripcionHoja): BloquePlan[] {
  const bloques: BloquePlan[] = [];
  for (const b of hoja.celdas) {
    const ini = leerRango(b.desde);
    if (!ini || b.filas.length === 0) continue;
    const ancho = Math.max(0, ...b.filas.map((f) => f.length));
    if (ancho === 0) continue;
    let conFormulas = false;
    let conTextos = false;
    const valores: (ValorEscrito | null)[][] = [];
    const formulas: (string | null)[][] = [];
    const textos: (string | null)[][] = [];
    for (const fila of b.filas) {
      const v: (ValorEscrito | null)[] = new Array(ancho).fill(null);
      const f: (string | null)[] = new Array(ancho).fill(null);
      const t: (string | null)[] = new Array(ancho).fill(null);
      fila.forEach((c, j) => {
        if (esFormula(c)) {
          f[j] = c.formula;
          conFormulas = true;
        } else {
          // Una celda vacía descrita se escribe "" (vacía) para que valga lo descrito.
          v[j] = c === null ? "" : c;
          if (typeof c === "string" && c !== "") {
            t[j] = FORMATO_TEXTO;
            conTextos = true;
          }
        }
      });
      valores.push(v);
      formulas.push(f);
      textos.push(t);
    }
    bloques.push({
      rect: { fila: ini.fila, columna: ini.columna, filas: b.filas.length, columnas: ancho },
      valores,
      formulas: conFormulas ? formulas : null,
      formatosTexto: conTextos ? textos : null,
    });
  }
  return bloques;
}

/**
 * Formato de número efectivo de una celda (fila y columna 0-based): «@» si la celda es texto; si
 * no, el del último rango de `formatosNumero` que la cubre; null si ninguno (General).
 */
export function formatoNumeroEfectivo(hoja: DescripcionHoja, fila: number, columna: number): string | null {
  for (const b of hoja.celdas) {
    const ini = leerRango(b.desde);
    if (!ini) continue;
    const v = b.filas[fila - ini.fila]?.[columna - ini.columna];
    if (typeof v === "string" && v !== "") return FORMATO_TEXTO;
  }
  let formato: string | null = null;
  for (const f of hoja.formatosNumero ?? []) {
    const r = leerRango(f.rango);
    if (r && fila >= r.fila && fila < r.fila + r.filas && columna >= r.columna && columna < r.columna + r.columnas)
      formato = f.formato;
  }
  return formato;
}

/** Ancho de columna en puntos (Office.js) a partir de caracteres (Calibri 11: 7 px por carácter + 5 px). */
export function anchoEnPuntos(caracteres: number): number {
  if (caracteres <= 0) return 0;
  return Math.round((caracteres * 7 + 5) * 0.75 * 100) / 100;
}
