/** Celdas de un grupo de filas territoriales (un rango si son contiguas). */
import { rangoA1 } from "../../domain/direcciones";
import type { FilaTerritorial } from "../../domain/modelo";
import type { ContextoReglas } from "../contexto";

export function celdasDeFilas(
  ctx: ContextoReglas,
  filas: readonly FilaTerritorial[],
  campo: "metaVigencia" | "ejecutado",
): string {
  const primera = ctx.celdaTerritorial(filas[0], campo);
  if (filas.length === 1) return primera;
  let min = Infinity;
  let max = -Infinity;
  for (const f of filas) {
    if (f.fila < min) min = f.fila;
    if (f.fila > max) max = f.fila;
  }
  if (max - min + 1 !== filas.length) return primera;
  const col = ctx.territorial?.columnas.campos[campo];
  if (col === undefined) return primera;
  return rangoA1(min, col, max, col);
}
