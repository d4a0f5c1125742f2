/**
 * La plantilla PMR: los encabezados canónicos de §4, en orden, y ayudas para armar grillas con
 * ellos. Las usan el botón «Crear plantilla», el generador de libros de ejemplo y las pruebas.
 * Los encabezados salen del mismo diccionario con el que el lector los reconoce, así que una
 * plantilla siempre se lee.
 */
import type { GrillaHoja } from "./grilla";
import { DICCIONARIO_PMR, DICCIONARIO_PRESUPUESTO, DICCIONARIO_TERRITORIAL, type Diccionario } from "./encabezados";

function meses(serie: string): string[] {
  return Array.from({ length: 12 }, (_, i) => `${serie}.${i + 1}`);
}

/**
 * Clave de cada columna de la plantilla PMR, en orden: el campo del indicador («metaVigencia») o
 * «serie.mes» con el mes 1-based («programado.1» = Programado Ene).
 */
export const CLAVES_PMR: readonly string[] = [
  "codigoObjetivo",
  "objetivo",
  "codigoProducto",
  "producto",
  "tipo",
  "codigo",
  "nombre",
  "unidad",
  "tendencia",
  "periodicidad",
  "ponderacion",
  "lineaBase",
  "metaPlan",
  "vigencia",
  "metaVigencia",
  ...meses("programado"),
  ...meses("ejecutado"),
  "ejecutadoAnterior",
  ...meses("cualitativo"),
  "observaciones",
];

export const CLAVES_PRESUPUESTO: readonly string[] = [
  "codigoProducto",
  "tipoRecurso",
  "proyecto",
  "apropiacion",
  ...meses("compromisos"),
  ...meses("giros"),
];

export const CLAVES_TERRITORIAL: readonly string[] = ["codigoIndicador", "localidad", "metaVigencia", "ejecutado"];

function encabezados(dic: Diccionario, claves: readonly string[]): readonly string[] {
  return Object.freeze(claves.map((k) => dic.canonico.get(k) ?? k));
}

/** Código objetivo, Objetivo, …, Programado Ene … Dic, Ejecutado Ene … Dic, …, Observaciones. */
export const ENCABEZADOS_PMR = encabezados(DICCIONARIO_PMR, CLAVES_PMR);
/** Código producto, Tipo de recurso, Proyecto de inversión, Apropiación vigente, Compromisos Ene … Dic, Giros Ene … Dic. */
export const ENCABEZADOS_PRESUPUESTO = encabezados(DICCIONARIO_PRESUPUESTO, CLAVES_PRESUPUESTO);
/** Código indicador, Localidad, Meta vigencia, Ejecutado. */
export const ENCABEZADOS_TERRITORIAL = encabezados(DICCIONARIO_TERRITORIAL, CLAVES_TERRITORIAL);

/**
 * Lo que se escribe en las celdas de una fila, por campo; las series mensuales como arreglos
 * de doce (índice 0 = enero). Un `Indicador` del modelo sirve tal cual (sus valores se leen igual).
 */
export type ValoresFila = { readonly [campo: string]: unknown };

/** Una fila de valores en el orden de `claves`; lo que falta (o es null) queda como celda vacía (""). */
export function filaDe(claves: readonly string[], valores: ValoresFila): unknown[] {
  return claves.map((k) => {
    const punto = k.indexOf(".");
    let v: unknown;
    if (punto < 0) v = valores[k];
    else {
      const serie = valores[k.slice(0, punto)];
      v = Array.isArray(serie) ? serie[Number(k.slice(punto + 1)) - 1] : undefined;
    }
    return v === null || v === undefined ? "" : v;
  });
}

export function filaPmr(valores: ValoresFila): unknown[] {
  return filaDe(CLAVES_PMR, valores);
}
export function filaPresupuesto(valores: ValoresFila): unknown[] {
  return filaDe(CLAVES_PRESUPUESTO, valores);
}
export function filaTerritorial(valores: ValoresFila): unknown[] {
  return filaDe(CLAVES_TERRITORIAL, valores);
}

export interface OpcionesGrilla {
  nombre?: string;
  /** Filas que van encima del encabezado (título, entidad…). */
  titulo?: readonly (readonly unknown[])[];
  filaInicial?: number;
  columnaInicial?: number;
}

function grilla(
  nombrePorDefecto: string,
  encabezado: readonly string[],
  filas: unknown[][],
  opciones: OpcionesGrilla,
): GrillaHoja {
  const g: GrillaHoja = {
    nombre: opciones.nombre ?? nombrePorDefecto,
    valores: [...(opciones.titulo ?? []).map((f) => [...f]), [...encabezado], ...filas],
  };
  if (opciones.filaInicial !== undefined) g.filaInicial = opciones.filaInicial;
  if (opciones.columnaInicial !== undefined) g.columnaInicial = opciones.columnaInicial;
  return g;
}

/** Hoja PMR con los encabezados canónicos y una fila por indicador. */
export function grillaPmr(filas: readonly ValoresFila[], opciones: OpcionesGrilla = {}): GrillaHoja {
  return grilla("PMR", ENCABEZADOS_PMR, filas.map(filaPmr), opciones);
}
export function grillaPresupuesto(filas: readonly ValoresFila[], opciones: OpcionesGrilla = {}): GrillaHoja {
  return grilla("PMR_Presupuesto", ENCABEZADOS_PRESUPUESTO, filas.map(filaPresupuesto), opciones);
}
export function grillaTerritorial(filas: readonly ValoresFila[], opciones: OpcionesGrilla = {}): GrillaHoja {
  return grilla("PMR_Territorial", ENCABEZADOS_TERRITORIAL, filas.map(filaTerritorial), opciones);
}
