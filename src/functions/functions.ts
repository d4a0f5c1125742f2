/* eslint-disable @typescript-eslint/no-explicit-any -- Excel entrega los rangos como any[][] y el generador de metadatos solo entiende esa forma. */
/**
 * Funciones personalizadas =PMR.* — envoltorios delgados sobre src/domain: cada cifra sale de
 * src/domain/calculos.ts y cada valor de celda se lee con src/domain/valores.ts, para que una
 * fórmula y la validación del libro nunca den cifras distintas.
 *
 * Este archivo es la entrada de webpack (paquete «functions») y el que lee
 * custom-functions-metadata-plugin para generar dist/functions.json: cada función lleva la
 * etiqueta JSDoc @customfunction y es una declaración `function` (el generador no ve funciones
 * flecha). El espacio de nombres PMR lo pone el manifiesto.
 *
 * Los argumentos «por fila» aceptan una celda o un rango (any[][]); con rangos de la misma forma
 * el resultado es una matriz que se derrama (src/functions/rangos.ts). Ninguna función lanza
 * excepciones: los datos malos devuelven #VALUE! o #N/A con un mensaje en español
 * (src/functions/errores.ts, src/functions/mensajes.ts).
 */
// Primero: zod sin eval, antes de cualquier parse (política de seguridad del panel).
import "../hosts/excel/sinEval";
import * as calculos from "../domain/calculos";
import { fraccionDePonderacion } from "../domain/valores";
import {
  type NumeroCelda,
  esError,
  lecturaCelda,
  leerCorteCelda,
  leerNumeroCelda,
  leerTendenciaCelda,
  leerToleranciaCelda,
  valorBasico,
} from "./celdas";
import { configuracionFunciones } from "../hosts/excel/configuracionFunciones";
import { type ErrorFuncion, crearError, noDisponible, valorNoValido } from "./errores";
import { ARGUMENTOS, MENSAJES } from "./mensajes";
import { difundir, esDifusion, esRango, formaDe, leerRango, porCelda, valorEn } from "./rangos";

export { actualizarConfiguracionFunciones } from "../hosts/excel/configuracionFunciones";

/** Error inesperado convertido en #VALUE! (nunca una excepción hacia Excel). */
function errorInterno(e: unknown): ErrorFuncion {
  const detalle = e instanceof Error ? e.message : String(e);
  return crearError("invalidValue", MENSAJES.errorInterno(detalle.slice(0, 120)));
}

/** Un resultado que no cabe en un número de Excel (±infinito, NaN) es #NUM!. */
function resultadoNumerico(x: number): number | ErrorFuncion {
  return Number.isFinite(x) ? x : crearError("invalidNumber");
}

/**
 * Número de una entrada de un rango que se agrega (CUMPLIMIENTO, ACUMULADO): como
 * leerNumeroCelda, pero el mensaje de un texto que no es número dice qué entrada es.
 */
function numeroDeEntrada(v: unknown, describir: (valor: unknown) => string): NumeroCelda {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (v === null || v === undefined) return null;
  const l = lecturaCelda(v);
  if (l.tipo === "numero") return l.valor;
  if (l.tipo === "vacio") return null;
  if (l.tipo === "error") return l.error;
  return valorNoValido(describir(valorBasico(v)));
}

/**
 * Avance de un indicador (fracción: 1 = 100 %) a partir de lo programado y lo ejecutado al corte, según su tendencia. Con rangos de la misma forma devuelve una matriz que se derrama.
 * @customfunction AVANCE
 * @param programado Programado al corte (o la meta vigencia). Vacío o 0: #N/A «Sin programación». Una celda o un rango.
 * @param ejecutado Ejecutado acumulado al corte. Vacío cuenta como sin reporte (avance 0). Una celda o un rango.
 * @param tendencia Suma (por defecto), Creciente, Constante o Decreciente. Una celda o un rango.
 * @param lineaBase Línea base; la usa Decreciente (y Creciente con el método «brecha»). Una celda o un rango.
 * @returns Avance como fracción, o una matriz de avances del tamaño de los rangos.
 */
export function avance(programado: any[][], ejecutado: any[][], tendencia?: any[][], lineaBase?: any[][]): any[][] {
  try {
    const opciones = configuracionFunciones();
    let sinProgramacion: ErrorFuncion | undefined;
    return porCelda(
      [
        [ARGUMENTOS.programado, programado],
        [ARGUMENTOS.ejecutado, ejecutado],
        [ARGUMENTOS.tendencia, tendencia],
        [ARGUMENTOS.lineaBase, lineaBase],
      ],
      (p, e, t, lb) => {
        const tend = leerTendenciaCelda(t);
        if (typeof tend !== "string") return tend;
        const P = leerNumeroCelda(p, ARGUMENTOS.programado);
        if (esError(P)) return P;
        const E = leerNumeroCelda(e, ARGUMENTOS.ejecutado);
        if (esError(E)) return E;
        const LB = leerNumeroCelda(lb, ARGUMENTOS.lineaBase);
        if (esError(LB)) return LB;
        if (P === null || P === 0) return (sinProgramacion ??= noDisponible(MENSAJES.sinProgramacion));
        const a = calculos.avance(P, E, tend, LB, opciones);
        return a === null ? valorNoValido(MENSAJES.noCalculable) : a;
      },
    );
  } catch (e) {
    return [[errorInterno(e)]];
  }
}

/**
 * Cumplimiento: promedio ponderado de los avances, re-normalizado sobre las entradas que cuentan. No cuentan los avances vacíos o de texto ni, si se dan los programados, las entradas con programado vacío o 0. Sin ponderaciones, todas pesan igual.
 * @customfunction CUMPLIMIENTO
 * @param avances Avances de los indicadores (fracciones), en un rango.
 * @param ponderaciones Ponderaciones (50 %, 0,5 o 50), del mismo tamaño que los avances. Omitidas o vacías: todas pesan igual.
 * @param programados Programado de cada indicador, del mismo tamaño; los que estén vacíos o en 0 no cuentan.
 * @returns Cumplimiento como fracción.
 */
export function cumplimiento(avances: any[][], ponderaciones?: any[][], programados?: any[][]): any {
  try {
    const d = difundir([
      [ARGUMENTOS.avances, avances],
      [ARGUMENTOS.ponderaciones, ponderaciones],
      [ARGUMENTOS.programados, programados],
    ]);
    if (!esDifusion(d)) return d;
    const [ra, rw, rp] = d.rangos;
    const conProgramados = programados !== null && programados !== undefined;
    const entradas: calculos.Ponderado[] = [];
    let k = 0;
    for (let i = 0; i < d.filas; i++) {
      for (let j = 0; j < d.columnas; j++) {
        k++;
        const entrada = k;
        // Ponderaciones y programados malos son errores aunque la entrada no cuente: mejor avisar.
        const w = ponderacionDeEntrada(valorEn(rw, i, j), entrada);
        if (esError(w)) return w;
        let cuenta = true;
        if (conProgramados) {
          const p = numeroDeEntrada(valorEn(rp, i, j), (x) =>
            MENSAJES.noEsNumeroEntrada(ARGUMENTOS.programados, entrada, x),
          );
          if (esError(p)) return p;
          cuenta = p !== null && p !== 0;
        }
        const a = avanceDeEntrada(valorEn(ra, i, j));
        if (cuenta && a !== null) entradas.push({ avance: a, ponderacion: w });
      }
    }
    const c = calculos.cumplimiento(entradas);
    return c === null ? noDisponible(MENSAJES.sinIndicadores) : resultadoNumerico(c);
  } catch (e) {
    return errorInterno(e);
  }
}

/** Avance de una entrada de CUMPLIMIENTO: el número, o null si no es un número (vacío, texto, error). */
function avanceDeEntrada(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (v === null || v === undefined) return null;
  const l = lecturaCelda(v);
  return l.tipo === "numero" ? l.valor : null;
}

/** Ponderación de una entrada como fracción (50 %, «50%», 0,5 y 50 son 0,5); null si está vacía. */
function ponderacionDeEntrada(v: unknown, entrada: number): NumeroCelda {
  if (typeof v === "number" && Number.isFinite(v)) return fraccionDePonderacion(v, false);
  if (v === null || v === undefined) return null;
  const l = lecturaCelda(v);
  if (l.tipo === "numero") return fraccionDePonderacion(l.valor, l.porcentaje);
  if (l.tipo === "vacio") return null;
  if (l.tipo === "error") return l.error;
  return valorNoValido(MENSAJES.noEsNumeroEntrada(ARGUMENTOS.ponderaciones, entrada, valorBasico(v)));
}

/**
 * Acumulado de una serie de valores mensuales: Suma suma los meses con dato; Creciente, Constante y Decreciente toman el último mes con dato. Un rango de varias filas y columnas da un acumulado por fila (una columna que se derrama).
 * @customfunction ACUMULADO
 * @param valores Valores mensuales: una fila o una columna (una serie), o un rango con una serie por fila.
 * @param tendencia Suma, Creciente, Constante o Decreciente: una celda, o una columna con la tendencia de cada fila.
 * @param corte Mes de corte 1–12 (opcional): solo cuentan los meses hasta el corte. Por defecto, todos.
 * @returns El acumulado, o una columna de acumulados (uno por fila).
 */
export function acumulado(valores: any[][], tendencia: any[][], corte?: any[][]): any[][] {
  try {
    const rv = leerRango(valores, ARGUMENTOS.valores);
    if (!esRango(rv)) return [[rv]];
    const rt = leerRango(tendencia, ARGUMENTOS.tendencia);
    if (!esRango(rt)) return [[rt]];
    const rc = leerRango(corte, ARGUMENTOS.corte);
    if (!esRango(rc)) return [[rc]];
    const porFila = rv.filas > 1 && (rv.columnas > 1 || !rt.unico || !rc.unico);
    if (!porFila) {
      for (const [nombre, r] of [
        [ARGUMENTOS.tendencia, rt],
        [ARGUMENTOS.corte, rc],
      ] as const) {
        if (!r.unico) return [[valorNoValido(MENSAJES.serieUnica(nombre, formaDe(r)))]];
      }
      const serie = rv.filas === 1 ? rv.datos[0] : rv.datos.map((fila) => fila[0]);
      return [[acumuladoDeSerie(serie, rt.valorUnico, rc.valorUnico)]];
    }
    for (const [nombre, r] of [
      [ARGUMENTOS.tendencia, rt],
      [ARGUMENTOS.corte, rc],
    ] as const) {
      if (!r.unico && (r.filas !== rv.filas || r.columnas !== 1)) {
        return [[valorNoValido(MENSAJES.formaPorFila(nombre, formaDe(r), rv.filas))]];
      }
    }
    const resultado: unknown[][] = new Array(rv.filas);
    for (let i = 0; i < rv.filas; i++) {
      resultado[i] = [acumuladoDeSerie(rv.datos[i], valorEn(rt, i, 0), valorEn(rc, i, 0))];
    }
    return resultado;
  } catch (e) {
    return [[errorInterno(e)]];
  }
}

function acumuladoDeSerie(celdas: readonly unknown[], tendencia: unknown, corte: unknown): unknown {
  const tend = leerTendenciaCelda(tendencia);
  if (typeof tend !== "string") return tend;
  const m = leerCorteCelda(corte, ARGUMENTOS.corte);
  if (esError(m)) return m;
  const serie: (number | null)[] = new Array(celdas.length);
  for (let j = 0; j < celdas.length; j++) {
    const v = celdas[j];
    const n =
      v === null || v === undefined
        ? null
        : typeof v === "number" && Number.isFinite(v)
          ? v
          : numeroDeEntrada(v, (x) => MENSAJES.noEsNumeroMes(j + 1, x));
    if (esError(n)) return n;
    serie[j] = n;
  }
  const a = calculos.acumulado(serie, tend, m ?? serie.length);
  return a === null ? noDisponible(MENSAJES.sinValores) : resultadoNumerico(a);
}

/**
 * Estado de un indicador según su avance: Cumplida, Sobrecumplida, En ejecución, No cumplida o Sin programación (avance vacío o #N/A). Con un rango devuelve una matriz que se derrama.
 * @customfunction ESTADO
 * @param avance Avance (fracción). Una celda o un rango.
 * @param corte Mes de corte 1–12 (por defecto 12: año cerrado). Antes de diciembre, un avance bajo el 100 % está En ejecución.
 * @returns El estado como texto.
 */
export function estado(avance: any[][], corte?: any[][]): any[][] {
  try {
    const umbral = configuracionFunciones().umbralSobrecumplimiento;
    return porCelda(
      [
        [ARGUMENTOS.avance, avance],
        [ARGUMENTOS.corte, corte],
      ],
      (a, c) => {
        const m = leerCorteCelda(c, ARGUMENTOS.corte);
        if (esError(m)) return m;
        const v = leerNumeroCelda(a, ARGUMENTOS.avance);
        // #N/A es lo que devuelve =PMR.AVANCE sin programación.
        if (esError(v)) return v.code === "#N/A" ? calculos.estado(null, m ?? 12) : v;
        return calculos.estado(v, m ?? 12, true, umbral);
      },
    );
  } catch (e) {
    return [[errorInterno(e)]];
  }
}

/**
 * Semáforo del avance con los umbrales configurados: Rojo, Amarillo, Verde o Naranja (sobrecumplimiento a revisar). Con un rango devuelve una matriz que se derrama.
 * @customfunction SEMAFORO
 * @param avance Avance (fracción). Una celda o un rango.
 * @returns El color como texto.
 */
export function semaforo(avance: any[][]): any[][] {
  try {
    const umbrales = configuracionFunciones().semaforo;
    let sinAvance: ErrorFuncion | undefined;
    return porCelda([[ARGUMENTOS.avance, avance]], (a) => {
      const v = leerNumeroCelda(a, ARGUMENTOS.avance);
      if (esError(v)) return v;
      return calculos.semaforo(v, umbrales) ?? (sinAvance ??= noDisponible(MENSAJES.sinAvance));
    });
  } catch (e) {
    return [[errorInterno(e)]];
  }
}

/**
 * Avance financiero: compromisos / apropiación vigente (también sirve para giros). Con rangos de la misma forma devuelve una matriz que se derrama.
 * @customfunction AVANCE.FINANCIERO
 * @param compromisos Compromisos acumulados al corte (o giros). Vacío cuenta como 0. Una celda o un rango.
 * @param apropiacion Apropiación vigente. Vacía o 0: #N/A «Sin apropiación». Una celda o un rango.
 * @returns Avance financiero como fracción.
 */
export function avanceFinanciero(compromisos: any[][], apropiacion: any[][]): any[][] {
  try {
    let sinApropiacion: ErrorFuncion | undefined;
    return porCelda(
      [
        [ARGUMENTOS.compromisos, compromisos],
        [ARGUMENTOS.apropiacion, apropiacion],
      ],
      (c, ap) => {
        const C = leerNumeroCelda(c, ARGUMENTOS.compromisos);
        if (esError(C)) return C;
        const A = leerNumeroCelda(ap, ARGUMENTOS.apropiacion);
        if (esError(A)) return A;
        const r = calculos.avanceFinanciero(C, A);
        return r === null ? (sinApropiacion ??= noDisponible(MENSAJES.sinApropiacion)) : resultadoNumerico(r);
      },
    );
  } catch (e) {
    return [[errorInterno(e)]];
  }
}

/**
 * Coherencia físico-financiera: Coherente si la diferencia entre avance financiero y físico no pasa la tolerancia; si no, Financiero adelantado o Físico adelantado. Con rangos devuelve una matriz que se derrama.
 * @customfunction COHERENCIA
 * @param avanceFisico Avance físico del producto (fracción). Una celda o un rango.
 * @param avanceFinanciero Avance financiero del producto (fracción). Una celda o un rango.
 * @param tolerancia Diferencia máxima (fracción: 0,3 = 30 puntos). Por defecto, la de la configuración del libro.
 * @returns Coherente, Financiero adelantado o Físico adelantado.
 */
export function coherencia(avanceFisico: any[][], avanceFinanciero: any[][], tolerancia?: any[][]): any[][] {
  try {
    const porDefecto = configuracionFunciones().toleranciaFisicoFinanciera;
    let sinFisico: ErrorFuncion | undefined;
    let sinFinanciero: ErrorFuncion | undefined;
    return porCelda(
      [
        [ARGUMENTOS.avanceFisico, avanceFisico],
        [ARGUMENTOS.avanceFinanciero, avanceFinanciero],
        [ARGUMENTOS.tolerancia, tolerancia],
      ],
      (f, fin, t) => {
        const tol = leerToleranciaCelda(t, ARGUMENTOS.tolerancia);
        if (esError(tol)) return tol;
        const F = leerNumeroCelda(f, ARGUMENTOS.avanceFisico);
        if (esError(F)) return F;
        const FIN = leerNumeroCelda(fin, ARGUMENTOS.avanceFinanciero);
        if (esError(FIN)) return FIN;
        if (F === null) return (sinFisico ??= noDisponible(MENSAJES.sinAvanceFisico));
        if (FIN === null) return (sinFinanciero ??= noDisponible(MENSAJES.sinAvanceFinanciero));
        return calculos.coherencia(F, FIN, tol ?? porDefecto) as string;
      },
    );
  } catch (e) {
    return [[errorInterno(e)]];
  }
}

/** Identificador de cada función (el nombre tras «PMR.») y su implementación. */
export const FUNCIONES = {
  AVANCE: avance,
  CUMPLIMIENTO: cumplimiento,
  ACUMULADO: acumulado,
  ESTADO: estado,
  SEMAFORO: semaforo,
  "AVANCE.FINANCIERO": avanceFinanciero,
  COHERENCIA: coherencia,
} as const;

if (typeof CustomFunctions !== "undefined") {
  try {
    for (const [id, funcion] of Object.entries(FUNCIONES)) CustomFunctions.associate(id, funcion);
  } catch {
    // Sin registro no hay funciones, pero el paquete no debe romper el panel que lo comparte.
  }
}
