/**
 * Textos del registro de reglas que no pertenecen a ninguna regla (las plantillas de cada regla
 * están en su módulo, junto a su `meta`).
 */
export const ERROR_INTERNO = {
  id: "EST-ERROR-INTERNO",
  descripcion: "Una regla falló al revisar el libro (un defecto del complemento, no del libro).",
  mensaje: (regla: string, detalle: string) =>
    `Error interno de la regla ${regla}: no se pudo completar la revisión (${detalle}). Las demás reglas sí se ejecutaron. Informe este mensaje al equipo del complemento.`,
  esperado: "Que todas las reglas terminen: es un defecto del complemento, no del libro.",
  comoCorregir:
    "No es un problema del libro: informe el mensaje al equipo del complemento. Mientras tanto, esa revisión no se hizo.",
} as const;

/**
 * Hallazgo que no sale de una regla: los hallazgos de una hoja que no se pudieron resaltar en
 * Excel (la hoja ya no está con el nombre que dio el lector: se renombró o se borró mientras se
 * validaba). Lo agrega el caso de uso «validar» después de resaltar.
 */
export const SIN_RESALTAR = {
  id: "EST-SIN-RESALTAR",
  descripcion:
    "Los hallazgos de una hoja no se resaltaron porque la hoja ya no está en el libro con el nombre con que se leyó.",
  mensaje: (hoja: string, hallazgos: number) =>
    `${hallazgos === 1 ? "El hallazgo" : `Los ${hallazgos} hallazgos`} de la hoja «${hoja}» no se ${hallazgos === 1 ? "resaltó" : "resaltaron"}: la hoja ya no está en el libro con ese nombre (¿se renombró o se borró mientras se validaba?). Valide de nuevo para resaltarlos.`,
  esperado: "Que cada hallazgo con una celda quede resaltado en su hoja.",
  comoCorregir: "Valide de nuevo: el resaltado buscará la hoja con su nombre actual.",
} as const;

/** Texto breve de una excepción, sin traza. */
export function detalleError(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  return String(e);
}
