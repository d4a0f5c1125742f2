/**
 * Un informe con decisiones nuevas sin volver a leer el libro: el panel lo usa justo después de
 * guardar una decisión (los conteos, el veredicto y la lista cambian al instante; el resaltado lo
 * pone al día el panel con los abiertos).
 */
import { ordenarHallazgos } from "../domain/hallazgo";
import type { Decisiones } from "../domain/decisiones";
import { separarPorDecision } from "./decidir";
import { resumir, type InformeValidacion } from "./validar";

/** Todos los hallazgos presentes del informe (abiertos y cerrados), en el orden de presentación. */
export function hallazgosPresentes(informe: InformeValidacion): InformeValidacion["hallazgos"] {
  const d = informe.decisiones;
  return d.todos || d.cerrados.length === 0
    ? informe.hallazgos
    : ordenarHallazgos([...informe.hallazgos, ...d.cerrados]);
}

/** El informe con `decisiones` (lo recién guardado) aplicadas a sus mismos hallazgos. */
export function reaplicarDecisiones(
  informe: InformeValidacion,
  decisiones: Decisiones,
  ahora = new Date(),
): InformeValidacion {
  const s = separarPorDecision(
    hallazgosPresentes(informe),
    { datos: decisiones, problemas: [], version: null },
    { todos: informe.decisiones.todos, ahora },
  );
  return { ...informe, hallazgos: s.hallazgos, resumen: resumir(s.abiertos), decisiones: s.decisiones };
}
