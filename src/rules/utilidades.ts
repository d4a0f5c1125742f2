/** Piezas comunes de las reglas: construir un hallazgo y preguntas frecuentes sobre un indicador. */
import { EPSILON, esNumero } from "../domain/calculos";
import { claveDeIdentidades, type Hallazgo } from "../domain/hallazgo";
import type { Indicador, Periodicidad } from "../domain/modelo";
import { esVacio, normalizarTexto } from "../domain/valores";
import type { MetaRegla } from "./tipos";

/**
 * Hallazgo de una regla. La clave depende solo del id de la regla y de las identidades
 * (códigos normalizados, mes, campo…), nunca del mensaje ni del número de fila.
 */
export function hallazgo(
  meta: MetaRegla,
  hoja: string,
  celda: string,
  mensaje: string,
  ...identidades: (string | number | null | undefined)[]
): Hallazgo {
  return {
    regla: meta.id,
    categoria: meta.categoria,
    severidad: meta.severidad,
    mensaje,
    hoja,
    celda,
    clave: claveDeIdentidades(meta.id, identidades),
  };
}

export { esNumero } from "../domain/calculos";
export { unidadPorcentual } from "../domain/formato";

/** Largo máximo de los textos que significan «vacío» («no aplica», «sin dato»…), con holgura. */
const LARGO_MAXIMO_VACIO = 16;

/** ¿Está vacío este texto (null, espacios, «-», «N/A»…)? Los textos largos nunca lo están. */
export function textoVacio(t: string | null | undefined): boolean {
  if (t === null || t === undefined) return true;
  // Atajo exacto: un texto largo sin espacios repetidos no puede ser uno de los «vacíos».
  if (t.length > LARGO_MAXIMO_VACIO && !/\s\s/.test(t)) return false;
  return esVacio(t);
}

/**
 * ¿Son iguales dos cifras con la tolerancia relativa de la configuración (toleranciaSumas)?
 * La tolerancia se aplica sobre la mayor de las dos en valor absoluto (y nunca es menor que el
 * margen de coma flotante).
 */
export function igualesConTolerancia(a: number, b: number, toleranciaRelativa: number): boolean {
  return Math.abs(a - b) <= toleranciaRelativa * Math.max(Math.abs(a), Math.abs(b)) + EPSILON;
}

/** ¿Tiene la serie algún valor distinto de cero? */
export function algunoDistintoDeCero(serie: readonly (number | null)[]): boolean {
  for (const v of serie) if (esNumero(v) && v !== 0) return true;
  return false;
}

/** ¿Tiene la serie algún valor (incluido el cero)? */
export function algunValor(serie: readonly (number | null)[]): boolean {
  for (const v of serie) if (esNumero(v)) return true;
  return false;
}

/**
 * ¿Tiene el indicador programación en la vigencia? Meta vigencia distinta de cero o alguna
 * programación mensual distinta de cero (PMR-SPEC §2: sin ella queda fuera de los promedios).
 */
export function programadoEnVigencia(ind: Indicador): boolean {
  return (esNumero(ind.metaVigencia) && ind.metaVigencia !== 0) || algunoDistintoDeCero(ind.programado);
}

/** Periodicidad efectiva: la leída; Mensual si la celda está vacía; null si el texto no está en el catálogo. */
export function periodicidadEfectiva(ind: Indicador): Periodicidad | null {
  if (ind.periodicidad) return ind.periodicidad;
  return textoVacio(ind.periodicidadTexto) ? "MENSUAL" : null;
}

/** Código tal como se escribió (recortado) o el normalizado si no hay texto. */
export function codigoVisible(texto: string | null, normalizado: string): string {
  const t = texto?.trim();
  return t ? t : normalizado;
}

/** Primer texto no vacío de un campo en una lista de filas. */
export function primerTexto<T>(filas: readonly T[], campo: (t: T) => string | null): string | null {
  for (const f of filas) {
    const t = campo(f);
    if (!textoVacio(t)) return (t as string).trim();
  }
  return null;
}

/** Clave de comparación de un nombre: sin tildes, mayúsculas, espacios ni puntuación final. */
export function claveNombre(nombre: string): string {
  return normalizarTexto(nombre).replace(/[\s.,;:]+$/, "");
}
