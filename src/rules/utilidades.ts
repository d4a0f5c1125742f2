/** Piezas comunes de las reglas: construir un hallazgo y preguntas frecuentes sobre un indicador. */
import { EPSILON, esNumero as esNumeroDeCalculos } from "../domain/calculos";
import { unidadPorcentual as unidadPorcentualDeFormato } from "../domain/formato";
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

// Constantes y no `export { … } from`: el módulo compilado las expone como propiedades y no como
// getters, que se llamarían en cada celda de cada fila.
export const esNumero = esNumeroDeCalculos;
export const unidadPorcentual = unidadPorcentualDeFormato;

/** Largo máximo de los textos que significan «vacío» («no aplica», «sin dato»…), con holgura. */
const LARGO_MAXIMO_VACIO = 16;

/** ¿Es `k` un espacio para `\s` (lo que normalizarTexto junta o quita)? */
function esEspacio(k: number): boolean {
  return (
    (k >= 9 && k <= 13) ||
    k === 32 ||
    k === 0xa0 ||
    k === 0x1680 ||
    (k >= 0x2000 && k <= 0x200a) ||
    k === 0x2028 ||
    k === 0x2029 ||
    k === 0x202f ||
    k === 0x205f ||
    k === 0x3000 ||
    k === 0xfeff
  );
}

/**
 * ¿Tiene el texto más de LARGO_MAXIMO_VACIO caracteres que sobreviven a normalizarTexto (ni
 * espacios ni marcas diacríticas combinantes)? Entonces, normalizado, es más largo que cualquier
 * «vacío». Se detiene en cuanto los cuenta: mira unos 17 caracteres, no el texto entero.
 */
function largoSinVacio(t: string): boolean {
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    const k = t.charCodeAt(i);
    // Entre «!» y U+009F no hay espacios ni marcas combinantes: casi todos los caracteres de un
    // texto, que así se cuentan con dos comparaciones.
    if ((k <= 32 || k >= 0xa0) && (esEspacio(k) || (k >= 0x300 && k <= 0x36f))) continue;
    if (++n > LARGO_MAXIMO_VACIO) return true;
  }
  return false;
}

/** ¿Está vacío este texto (null, espacios, «-», «N/A»…)? Los textos largos nunca lo están. */
export function textoVacio(t: string | null | undefined): boolean {
  if (t === null || t === undefined) return true;
  // Atajo exacto: un texto con más caracteres visibles que cualquier «vacío» no puede ser uno de
  // ellos. (No hay atajo por «sin espacios repetidos»: las marcas combinantes entre espacios
  // desaparecen al normalizar y los juntan; la prueba de propiedades lo encontró.)
  if (t.length > LARGO_MAXIMO_VACIO && largoSinVacio(t)) return false;
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
