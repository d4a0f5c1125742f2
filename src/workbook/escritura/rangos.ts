/** Rangos A1 de una descripción: «B3» o «A1:F1» (sin hoja ni «$» obligatorios), y columnas «A» o «B:D». */
import { indiceColumna, letraColumna } from "../../domain/direcciones";

export const MAX_FILAS = 1_048_576;
export const MAX_COLUMNAS = 16_384;

/** Rectángulo 0-based. */
export interface Rect {
  readonly fila: number;
  readonly columna: number;
  readonly filas: number;
  readonly columnas: number;
}

function celda(texto: string): { fila: number; columna: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(texto);
  if (!m) return null;
  const columna = indiceColumna(m[1]);
  const fila = Number(m[2]) - 1;
  if (columna < 0 || columna >= MAX_COLUMNAS || fila < 0 || fila >= MAX_FILAS) return null;
  return { fila, columna };
}

/** «B3» o «A1:F1» → rectángulo; null si no es un rango de la hoja. */
export function leerRango(texto: string): Rect | null {
  if (typeof texto !== "string") return null;
  const partes = texto.trim().split(":");
  if (partes.length > 2) return null;
  const a = celda(partes[0]);
  const b = partes.length === 2 ? celda(partes[1]) : a;
  if (!a || !b) return null;
  const fila = Math.min(a.fila, b.fila);
  const columna = Math.min(a.columna, b.columna);
  return { fila, columna, filas: Math.abs(a.fila - b.fila) + 1, columnas: Math.abs(a.columna - b.columna) + 1 };
}

/** «A» o «B:D» → [primera, última] 0-based; null si no son columnas. */
export function leerColumnas(texto: string): [number, number] | null {
  if (typeof texto !== "string") return null;
  const partes = texto.trim().split(":");
  if (partes.length > 2) return null;
  const a = indiceColumna(partes[0]);
  const b = partes.length === 2 ? indiceColumna(partes[1]) : a;
  if (a < 0 || b < 0 || a >= MAX_COLUMNAS || b >= MAX_COLUMNAS) return null;
  return [Math.min(a, b), Math.max(a, b)];
}

/** Rectángulo → «A1» o «A1:F1». */
export function textoRango(r: Rect): string {
  const ini = `${letraColumna(r.columna)}${r.fila + 1}`;
  if (r.filas === 1 && r.columnas === 1) return ini;
  return `${ini}:${letraColumna(r.columna + r.columnas - 1)}${r.fila + r.filas}`;
}

/** Con «$» («$A$1:$F$1»), como lo piden las referencias de los gráficos y de las listas. */
export function textoRangoAbsoluto(r: Rect): string {
  const ini = `$${letraColumna(r.columna)}$${r.fila + 1}`;
  if (r.filas === 1 && r.columnas === 1) return ini;
  return `${ini}:$${letraColumna(r.columna + r.columnas - 1)}$${r.fila + r.filas}`;
}

export function seTocan(a: Rect, b: Rect): boolean {
  return (
    a.fila < b.fila + b.filas &&
    b.fila < a.fila + a.filas &&
    a.columna < b.columna + b.columnas &&
    b.columna < a.columna + a.columnas
  );
}

export function contiene(r: Rect, fila: number, columna: number): boolean {
  return fila >= r.fila && fila < r.fila + r.filas && columna >= r.columna && columna < r.columna + r.columnas;
}

export function celdas(r: Rect): number {
  return r.filas * r.columnas;
}

/** Nombre de hoja como va delante de una referencia en una fórmula: 'Informe PMR'!$A$1. */
export function referenciaHoja(nombre: string): string {
  return `'${nombre.replace(/'/g, "''")}'`;
}
