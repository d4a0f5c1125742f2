/**
 * Qué hojas necesita el lector, decidido solo por sus nombres: lo usan el adaptador de Excel (para
 * no pedirle a Excel hojas que no hacen falta) y el lector de .xlsx (para no descomprimir ni
 * analizar su XML).
 */
import { normalizarNombreHoja } from "./encabezados";
import { NOMBRES_HOJAS } from "./lector";

/** Clave de comparación de nombres de hoja (la del lector): «PMR_Presupuesto» → «pmrpresupuesto». */
export function claveNombreHoja(nombre: string): string {
  return normalizarNombreHoja(nombre);
}

/**
 * Las hojas que se leen, en el orden del libro. El lector reconoce cada hoja por su nombre o, si
 * ninguna se llama así, por sus encabezados. Solo cuando las tres (PMR, presupuesto y
 * territorial) están por su nombre se leen solo esas; si falta alguna, se leen todas (una hoja
 * «Recursos» con los encabezados del presupuesto cuenta igual en Excel y en la línea de comandos).
 */
export function hojasALeer(nombres: readonly string[]): string[] {
  const claves = nombres.map(claveNombreHoja);
  const grupos = Object.values(NOMBRES_HOJAS);
  const todasPorNombre = grupos.every((g) => claves.some((k) => g.has(k)));
  if (!todasPorNombre) return [...nombres];
  return nombres.filter((_, i) => grupos.some((g) => g.has(claves[i])));
}
