/**
 * El formato es-CO de las cifras: UNA definición para los mensajes de las reglas, el panel, la
 * línea de comandos y los informes. Una misma cifra nunca se ve de dos maneras.
 *
 * Como las publica el Distrito en sus informes sectoriales:
 * - porcentajes con dos decimales y coma: `101,26 %` (espacio duro antes de «%»);
 * - valores de un indicador (metas, programación, ejecución, línea base) con dos decimales:
 *   `46,00`, `0,10`, `3.000,00`; los de un indicador cuya unidad es un porcentaje, como
 *   porcentaje (`23,00 %`);
 * - dinero en pesos, sin decimales, con puntos de miles: `$ 1.234.567`;
 * - conteos (filas, caracteres, indicadores) como enteros con puntos de miles: `1.234`.
 *
 * Se escribe a mano (sin Intl) para que el texto sea idéntico en Node, en Excel de escritorio y
 * en Excel para la web, cuyos motores de JavaScript no siempre traen los mismos datos de idioma.
 * Los formatos de número de Excel equivalentes están en FORMATOS_EXCEL (mismas cifras en una
 * celda escrita por el complemento).
 */
import { esNumero } from "./calculos";
import { conMemoria } from "./memoria";
import type { Tendencia, TipoIndicador } from "./modelo";

/** Espacio duro (no separa la cifra de su unidad al partir la línea). */
export const ESPACIO_DURO = "\u00a0";
/** Lo que se muestra cuando una cifra no existe (sin programación, sin dato). */
export const SIN_CIFRA = "—";
/** Decimales de los porcentajes y de los valores. */
export const DECIMALES = 2;
/** Un valor distinto de cero más pequeño que esto se muestra con hasta 4 decimales (0,0025). */
const PEQUENO = 0.01;

/**
 * Formatos de número de Excel equivalentes (Excel pone la coma decimal y el punto de miles según
 * la configuración regional del usuario).
 */
export const FORMATOS_EXCEL = Object.freeze({
  porcentaje: "0.00%",
  /**
   * Un valor de un indicador en porcentaje escrito en puntos (23 es 23 %): la cifra tal cual con
   * «%» de texto, como `valorIndicador(v, "puntos")` («23,00 %»).
   */
  porcentajePuntos: '#,##0.00"\u00a0%"',
  numero: "#,##0.00",
  entero: "#,##0",
  moneda: '"$"\\ #,##0',
  texto: "@",
});

function conMiles(entero: string): string {
  if (entero.length <= 3) return entero;
  let s = "";
  let i = entero.length % 3 || 3;
  s = entero.slice(0, i);
  for (; i < entero.length; i += 3) s += "." + entero.slice(i, i + 3);
  return s;
}

/**
 * Cifra con `decimales` fijos (o, si `recortar`, sin ceros sobrantes): coma decimal, punto de
 * miles, «-» solo si lo escrito no es cero.
 */
function cifra(n: number, decimales: number, recortar: boolean): string {
  let fijo = Math.abs(n).toFixed(decimales);
  if (recortar && fijo.indexOf(".") >= 0) fijo = fijo.replace(/\.?0+$/, "");
  const punto = fijo.indexOf(".");
  const entero = punto < 0 ? fijo : fijo.slice(0, punto);
  const fraccion = punto < 0 ? "" : fijo.slice(punto + 1);
  const signo = n < 0 && /[1-9]/.test(fijo) ? "-" : "";
  return signo + conMiles(entero) + (fraccion ? "," + fraccion : "");
}

/** Entero (conteos): 1234 → «1.234». Una cifra que no es finita: «—». */
export function entero(n: number | null | undefined): string {
  return esNumero(n) ? cifra(Math.round(n), 0, false) : SIN_CIFRA;
}

/**
 * Un valor (meta, programación, ejecución, línea base, suma): dos decimales fijos, 3000 →
 * «3.000,00», 0.1 → «0,10»; un valor distinto de cero menor que 0,01 con hasta cuatro decimales
 * (0.0025 → «0,0025») para no mostrarlo como cero.
 */
export function numero(n: number | null | undefined): string {
  if (!esNumero(n)) return SIN_CIFRA;
  if (n !== 0 && Math.abs(n) < PEQUENO) {
    const corto = cifra(n, 4, true);
    if (/[1-9]/.test(corto)) return corto;
  }
  return cifra(n, DECIMALES, false);
}

/** Fracción como porcentaje: 1.0126 → «101,26 %»; 0.9 → «90,00 %». */
export function porcentaje(fraccion: number | null | undefined): string {
  return esNumero(fraccion) ? `${cifra(fraccion * 100, DECIMALES, false)}${ESPACIO_DURO}%` : SIN_CIFRA;
}

/** Diferencia de fracciones en puntos porcentuales: 0.3 → «30,00 puntos» (sin signo). */
export function puntos(fraccion: number): string {
  return esNumero(fraccion) ? `${cifra(Math.abs(fraccion) * 100, DECIMALES, false)} puntos` : SIN_CIFRA;
}

/** Dinero en pesos, sin decimales: 1234567.4 → «$ 1.234.567». */
export function moneda(n: number | null | undefined): string {
  return esNumero(n) ? `$${ESPACIO_DURO}${cifra(Math.round(n), 0, false)}` : SIN_CIFRA;
}

/** ¿Es la unidad de medida un porcentaje («%», «Porcentaje», «Porcentual»)? */
export function unidadPorcentual(unidad: string | null | undefined): boolean {
  if (!unidad) return false;
  return esUnidadPorcentual(unidad);
}

/**
 * La pregunta de unidadPorcentual con memoria: las reglas la hacen en cada fila y un libro tiene
 * pocas unidades distintas («Número», «Porcentaje»…), así que cada una se pasa a minúsculas una vez.
 */
const esUnidadPorcentual = conMemoria((unidad: string): boolean => {
  const u = unidad.toLowerCase();
  return u.includes("%") || u.includes("porcentaje") || u.includes("porcentual");
});

/**
 * Escala de los valores de un indicador en porcentaje: «fraccion» cuando todos sus valores
 * positivos están entre 0 y 1 (0,23 con formato de porcentaje es 23 %), «puntos» cuando alguno
 * es mayor que 1 (23 es 23 %). Solo cambia cómo se muestra la cifra, nunca la cifra.
 */
export type EscalaPorcentaje = "fraccion" | "puntos";

/** Los valores de un indicador que deciden su escala. */
export interface ValoresIndicador {
  unidad: string | null;
  lineaBase: number | null;
  metaPlan: number | null;
  metaVigencia: number | null;
  programado: readonly (number | null)[];
  ejecutado: readonly (number | null)[];
}

/** Escala de un indicador en porcentaje; null si su unidad no es un porcentaje. */
export function escalaPorcentaje(ind: ValoresIndicador): EscalaPorcentaje | null {
  if (!unidadPorcentual(ind.unidad)) return null;
  const mayorQueUno = (v: number | null | undefined) => esNumero(v) && v > 1;
  if (mayorQueUno(ind.lineaBase) || mayorQueUno(ind.metaPlan) || mayorQueUno(ind.metaVigencia)) return "puntos";
  for (const v of ind.programado) if (mayorQueUno(v)) return "puntos";
  for (const v of ind.ejecutado) if (mayorQueUno(v)) return "puntos";
  return "fraccion";
}

/**
 * Un valor de un indicador como se lee en su unidad: en un indicador en porcentaje, «23,00 %»
 * (0,23 en escala de fracción o 23 en puntos); en los demás, como `numero`.
 */
export function valorIndicador(v: number | null | undefined, escala: EscalaPorcentaje | null): string {
  if (!esNumero(v)) return SIN_CIFRA;
  if (escala === "fraccion") return porcentaje(v);
  if (escala === "puntos") return `${cifra(v, DECIMALES, false)}${ESPACIO_DURO}%`;
  return numero(v);
}

/** Tendencia como se escribe en la plantilla y en los informes («Suma», «Creciente»…). */
export const TEXTO_TENDENCIA: Readonly<Record<Tendencia, string>> = Object.freeze({
  SUMA: "Suma",
  CRECIENTE: "Creciente",
  CONSTANTE: "Constante",
  DECRECIENTE: "Decreciente",
});

/** Tipo de indicador como se escribe en la plantilla y en los informes. */
export const TEXTO_TIPO: Readonly<Record<TipoIndicador, string>> = Object.freeze({
  OBJETIVO: "Objetivo",
  PRODUCTO: "Producto",
});

/**
 * La tendencia de un indicador para mostrarla: la del catálogo («Suma») o, si no es del
 * catálogo, el texto tal como está en el libro («Sumatoria»); null si la celda está vacía.
 */
export function textoTendencia(ind: { tendencia: Tendencia | null; tendenciaTexto: string | null }): string | null {
  return ind.tendencia ? TEXTO_TENDENCIA[ind.tendencia] : ind.tendenciaTexto;
}
