/** Textos del caso de uso «sellar» (PMR-SPEC §6.2), en español (es-CO). */
import { entero } from "../domain/formato";
import { NOMBRES_MES_LARGOS } from "../domain/modelo";

export const MENSAJES_CIERRE = {
  mesNoValido: (mes: unknown) => `El mes que se sella debe ser un número entre 1 y 12 (se recibió «${String(mes)}»).`,
  notaLarga: (largo: number) => `La nota del sello tiene ${entero(largo)} caracteres; el máximo es 2.000.`,
  sinHojaPmr: "No se selló nada: el libro no tiene hoja PMR (ni por nombre ni por sus encabezados).",
  sinIndicadores: (vigencia: number | null) =>
    `No se selló nada: la hoja PMR no tiene indicadores con código${vigencia !== null ? ` de la vigencia ${vigencia}` : ""}. El sello identifica cada indicador por su código.`,
  sellosIlegibles: (problemas: readonly string[]) =>
    `No se selló nada: los sellos que ya tiene el libro no se pueden leer y se perderían al guardar uno nuevo. ${problemas.join(" ")} Recupere una copia del libro anterior a la edición.`,
  /** Resumen de un sellado para el panel y la línea de comandos. */
  sellado: (mes: number, vigencia: number | null, indicadores: number) =>
    `Se sellaron los meses de enero a ${NOMBRES_MES_LARGOS[mes - 1]}${vigencia !== null ? ` de ${vigencia}` : ""} de ${entero(indicadores)} ${indicadores === 1 ? "indicador" : "indicadores"}.`,
  conErrores: (errores: number) =>
    errores === 0
      ? "El libro no tenía errores al sellar."
      : `El libro tenía ${entero(errores)} ${errores === 1 ? "error" : "errores"} al sellar: quedaron sellados tal como están.`,
} as const;
