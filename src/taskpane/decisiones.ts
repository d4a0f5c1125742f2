/**
 * Lógica pura del panel para las decisiones sobre hallazgos: qué hallazgos lista (abiertos o
 * también cerrados), el filtro por decisión y sus conteos. Sin React ni Office.
 */
import { hallazgosPresentes } from "../casos/decisionesInforme";
import { decisionDelHallazgo } from "../casos/decidir";
import type { InformeValidacion } from "../casos/validar";
import { DECISIONES, type Decision } from "../domain/decisiones";
import type { Hallazgo } from "../domain/hallazgo";

/** Los hallazgos que lista el panel: los abiertos o, con «Mostrar cerrados», todos los presentes. */
export function hallazgosDelPanel(informe: InformeValidacion, mostrarCerrados: boolean): Hallazgo[] {
  return mostrarCerrados ? hallazgosPresentes(informe) : informe.hallazgos;
}

/** Los de las decisiones elegidas (vacío = todos), en el mismo orden. */
export function filtrarPorDecision(
  hallazgos: readonly Hallazgo[],
  decisiones: readonly Decision[],
  informe: InformeValidacion,
): Hallazgo[] {
  if (decisiones.length === 0) return [...hallazgos];
  const elegidas = new Set(decisiones);
  return hallazgos.filter((h) => elegidas.has(decisionDelHallazgo(informe.decisiones, h).decision));
}

/** Cuántos hallazgos de la lista tiene cada decisión. */
export function contarPorDecision(
  hallazgos: readonly Hallazgo[],
  informe: InformeValidacion,
): Record<Decision, number> {
  const c = Object.fromEntries(DECISIONES.map((d) => [d, 0])) as Record<Decision, number>;
  for (const h of hallazgos) c[decisionDelHallazgo(informe.decisiones, h).decision]++;
  return c;
}
