/** Direcciones A1 de Excel. Filas 1-based (como las ve el usuario); columnas 0-based. */
import type { CampoPmr, ColumnasPmr, HojaPmr, SeriePmr } from "./modelo";

/**
 * Letras de las columnas ya calculadas (índice → letras): cada hallazgo pide una o dos celdas y
 * un libro tiene pocas decenas de columnas.
 */
/** Columnas que se guardan en LETRAS (las de más a la derecha se calculan cada vez). */
const COLUMNAS_GUARDADAS = 1024;
const LETRAS: string[] = new Array<string>(COLUMNAS_GUARDADAS).fill("");

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function letraColumna(indice: number): string {
  if (indice >= 0 && indice < COLUMNAS_GUARDADAS && Number.isInteger(indice)) {
    return LETRAS[indice] || (LETRAS[indice] = calcularLetras(indice));
  }
  return calcularLetras(indice);
}

function calcularLetras(indice: number): string {
  let n = indice + 1;
  let letras = "";
  while (n > 0) {
    const resto = (n - 1) % 26;
    letras = String.fromCharCode(65 + resto) + letras;
    n = Math.floor((n - 1) / 26);
  }
  return letras;
}

/** "AB" → 27. Devuelve -1 si no son letras de columna. */
export function indiceColumna(letras: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letras)) return -1;
  let n = 0;
  for (const c of letras.toUpperCase()) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}

export function direccionA1(fila: number, columna: number): string {
  return `${letraColumna(columna)}${fila}`;
}

/** Rango "A1:B3"; si es una sola celda devuelve "A1". */
export function rangoA1(filaIni: number, colIni: number, filaFin: number, colFin: number): string {
  const ini = direccionA1(filaIni, colIni);
  const fin = direccionA1(filaFin, colFin);
  return ini === fin ? ini : `${ini}:${fin}`;
}

/** "B12" → { fila: 12, columna: 1 }; null si no es una dirección simple. */
export function leerDireccion(a1: string): { fila: number; columna: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) return null;
  return { fila: Number(m[2]), columna: indiceColumna(m[1]) };
}

/** Columna 0-based de un campo o de un mes (1–12) de una serie; null si la columna no existe. */
export function columnaDe(columnas: ColumnasPmr, campo: CampoPmr | SeriePmr, mes?: number): number | null {
  if (campo === "programado" || campo === "ejecutado" || campo === "cualitativo") {
    if (mes === undefined) return null;
    return columnas[campo][mes - 1] ?? null;
  }
  return columnas.campos[campo] ?? null;
}

/**
 * Celda A1 de un campo de la fila de un indicador. Si la columna no existe, devuelve la celda
 * del código del indicador (o la primera columna) para señalar la fila.
 */
export function celdaIndicador(hoja: HojaPmr, fila: number, campo: CampoPmr | SeriePmr, mes?: number): string {
  const col = columnaDe(hoja.columnas, campo, mes) ?? hoja.columnas.campos.codigo ?? 0;
  return direccionA1(fila, col);
}
