/** Cifras de una fila de presupuesto al corte y la celda que las contiene. */
import { acumulado } from "../../domain/calculos";
import { acumuladoPresupuesto } from "../../domain/evaluacion";
import type { FilaPresupuesto } from "../../domain/modelo";
import type { ContextoReglas } from "../contexto";
import { codigoVisible } from "../utilidades";

export interface MontoAlCorte {
  valor: number | null;
  /** Rango de los meses (si se toman por mes) o celda de la columna de acumulados. */
  celda: string;
}

/** Compromisos o giros al corte (como en evaluar) y dónde están. */
export function montoAlCorte(ctx: ContextoReglas, f: FilaPresupuesto, serie: "compromisos" | "giros"): MontoAlCorte {
  const mensual = serie === "compromisos" ? f.compromisos : f.giros;
  const total = serie === "compromisos" ? f.compromisosAcumulados : f.girosAcumulados;
  const valor = acumuladoPresupuesto(mensual, total, ctx.corte);
  const porMes = acumulado(mensual, "SUMA", ctx.corte) !== null;
  const celda = porMes
    ? ctx.rangoPresupuesto(f, serie, 1, ctx.corte)
    : ctx.celdaPresupuesto(f, serie === "compromisos" ? "compromisosAcumulados" : "girosAcumulados");
  return { valor, celda };
}

/** Texto que identifica una fila de presupuesto: «P2 (Inversión, proyecto 7890)». */
export function describirFila(f: FilaPresupuesto, codigo: string | null): string {
  const partes: string[] = [];
  const recurso = f.tipoRecursoTexto?.trim();
  if (recurso) partes.push(recurso);
  const proyecto = f.proyecto?.trim();
  if (proyecto) partes.push(`proyecto ${proyecto}`);
  const c = codigo ? codigoVisible(f.codigoProducto, codigo) : "sin código de producto";
  return partes.length ? `${c} (${partes.join(", ")})` : c;
}
