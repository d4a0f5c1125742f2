/* Funciones personalizadas =PMR.* — este archivo lo completa el trabajo de funciones. */

/**
 * Avance de un indicador: ejecutado / programado.
 * @customfunction AVANCE
 * @param programado Valor programado al corte.
 * @param ejecutado Valor ejecutado al corte.
 * @returns El avance como fracción (1 = 100 %).
 */
export function avance(programado: number, ejecutado: number): number {
  return ejecutado / programado;
}

if (typeof CustomFunctions !== "undefined") {
  CustomFunctions.associate("AVANCE", avance);
}
