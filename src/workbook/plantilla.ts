/**
 * La plantilla PMR: los encabezados canónicos de §4, en orden, y ayudas para armar grillas con
 * ellos. Las usan el botón «Crear plantilla», el generador de libros de ejemplo y las pruebas.
 * El orden y los encabezados salen del descriptor de cada hoja (src/domain/hojas), el mismo con
 * el que el lector los reconoce, así que una plantilla siempre se lee.
 */
import { HOJAS, encabezadoCanonico, type CualquierDescriptor } from "../domain/hojas";
import type { GrillaHoja } from "./grilla";

/**
 * Clave de cada columna de la plantilla PMR, en orden (`plantilla` del descriptor): el campo del
 * indicador («metaVigencia») o «serie.mes» con el mes 1-based («programado.1» = Programado Ene).
 */
export const CLAVES_PMR: readonly string[] = HOJAS.pmr.plantilla;
export const CLAVES_PRESUPUESTO: readonly string[] = HOJAS.presupuesto.plantilla;
export const CLAVES_TERRITORIAL: readonly string[] = HOJAS.territorial.plantilla;

/** Encabezados canónicos de la plantilla de un tipo de hoja, en orden. */
export function encabezadosPlantilla(d: CualquierDescriptor): readonly string[] {
  return Object.freeze(d.plantilla.map((k) => encabezadoCanonico(d, k)));
}

/** Código objetivo, Objetivo, …, Programado Ene … Dic, Ejecutado Ene … Dic, …, Observaciones. */
export const ENCABEZADOS_PMR = encabezadosPlantilla(HOJAS.pmr);
/** Código producto, Tipo de recurso, Proyecto de inversión, Apropiación vigente, Compromisos Ene … Dic, Giros Ene … Dic. */
export const ENCABEZADOS_PRESUPUESTO = encabezadosPlantilla(HOJAS.presupuesto);
/** Código indicador, Localidad, Meta vigencia, Ejecutado. */
export const ENCABEZADOS_TERRITORIAL = encabezadosPlantilla(HOJAS.territorial);

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

/** Hoja de un tipo con los encabezados canónicos y una fila por elemento de `filas`. */
export function grillaDe(
  d: CualquierDescriptor,
  filas: readonly ValoresFila[],
  opciones: OpcionesGrilla = {},
): GrillaHoja {
  return grilla(
    d.nombre,
    encabezadosPlantilla(d),
    filas.map((f) => filaDe(d.plantilla, f)),
    opciones,
  );
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
