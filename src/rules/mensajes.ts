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

/** Texto breve de una excepción, sin traza. */
export function detalleError(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  return String(e);
}
