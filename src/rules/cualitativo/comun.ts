/** El reporte cualitativo de un mes: columnas mensuales o, para el mes de corte, la columna única. */
import type { Indicador } from "../../domain/modelo";
import type { ContextoReglas } from "../contexto";

export interface ReporteCualitativo {
  texto: string | null;
  celda: string;
  /** 1–12, o «actual» para la columna única del corte. */
  identidad: number | "actual";
}

/** Reporte cualitativo del mes `m`; null si la hoja no tiene dónde escribirlo. */
export function reporteCualitativo(ctx: ContextoReglas, ind: Indicador, m: number): ReporteCualitativo | null {
  const cols = ctx.hojaPmr?.columnas;
  if (!cols) return null;
  if (cols.cualitativo[m - 1] !== null && cols.cualitativo[m - 1] !== undefined) {
    return { texto: ind.cualitativo[m - 1], celda: ctx.celda(ind, "cualitativo", m), identidad: m };
  }
  if (m === ctx.corte && cols.campos.cualitativoActual !== undefined) {
    return { texto: ind.cualitativoActual, celda: ctx.celda(ind, "cualitativoActual"), identidad: "actual" };
  }
  return null;
}

/**
 * Texto del reporte cualitativo del mes `m` sin construir nada (para los recorridos de todas
 * las filas): el texto o null si está vacío; undefined si la hoja no tiene dónde escribirlo.
 */
export function textoCualitativo(ctx: ContextoReglas, ind: Indicador, m: number): string | null | undefined {
  const cols = ctx.hojaPmr?.columnas;
  if (!cols) return undefined;
  const c = cols.cualitativo[m - 1];
  if (c !== null && c !== undefined) return ind.cualitativo[m - 1];
  if (m === ctx.corte && cols.campos.cualitativoActual !== undefined) return ind.cualitativoActual;
  return undefined;
}

/** ¿Tiene la hoja alguna columna de avance cualitativo? */
export function hayColumnasCualitativas(ctx: ContextoReglas): boolean {
  const cols = ctx.hojaPmr?.columnas;
  if (!cols) return false;
  return cols.campos.cualitativoActual !== undefined || cols.cualitativo.some((c) => c !== null);
}
