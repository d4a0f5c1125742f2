/**
 * Difusión de argumentos por celda — el único lugar donde las funciones =PMR.* combinan rangos.
 *
 * Cada argumento «por fila» puede ser una celda o un rango 2-D (Excel entrega una celda como
 * [[v]] cuando el parámetro es any[][]). Los rangos de un mismo llamado deben tener la misma
 * forma; una celda sola se repite para todas. El resultado es una matriz de esa forma que Excel
 * derrama: una fórmula para 10 000 filas. Formas distintas → #VALUE! que nombra las formas.
 */
import { type ErrorFuncion, valorNoValido } from "./errores";
import { MENSAJES, textoForma } from "./mensajes";

export interface Rango {
  readonly filas: number;
  readonly columnas: number;
  /** Una sola celda (o un argumento omitido): vale para todas las posiciones. */
  readonly unico: boolean;
  readonly valorUnico: unknown;
  readonly datos: readonly (readonly unknown[])[];
}

const UNICO_NULO: Rango = Object.freeze({ filas: 1, columnas: 1, unico: true, valorUnico: null, datos: [[null]] });

/**
 * Un argumento como rango. Un valor suelto (o null de un argumento omitido) es una celda; una
 * lista de valores es una fila; una lista de listas del mismo largo es un rango. Un rango vacío o
 * con filas de distinto largo → #VALUE!.
 */
export function leerRango(v: unknown, argumento: string): Rango | ErrorFuncion {
  if (!Array.isArray(v)) {
    if (v === null || v === undefined) return UNICO_NULO;
    return { filas: 1, columnas: 1, unico: true, valorUnico: v, datos: [[v]] };
  }
  if (v.length === 0) return valorNoValido(MENSAJES.rangoVacio(argumento));
  let datos: readonly (readonly unknown[])[];
  if (Array.isArray(v[0])) {
    const columnas = (v[0] as unknown[]).length;
    if (columnas === 0) return valorNoValido(MENSAJES.rangoVacio(argumento));
    for (let i = 0; i < v.length; i++) {
      const fila: unknown = v[i];
      if (!Array.isArray(fila) || fila.length !== columnas)
        return valorNoValido(MENSAJES.rangoNoRectangular(argumento));
    }
    datos = v as unknown[][];
  } else {
    for (let j = 0; j < v.length; j++) {
      if (Array.isArray(v[j])) return valorNoValido(MENSAJES.rangoNoRectangular(argumento));
    }
    datos = [v];
  }
  const filas = datos.length;
  const columnas = datos[0].length;
  const unico = filas === 1 && columnas === 1;
  return { filas, columnas, unico, valorUnico: unico ? datos[0][0] : undefined, datos };
}

/** «10 filas × 1 columna». */
export function formaDe(r: Rango): string {
  return textoForma(r.filas, r.columnas);
}

/** Argumento de una función: nombre para los mensajes y valor tal como llegó de Excel. */
export type Argumento = readonly [nombre: string, valor: unknown];

export interface Difusion {
  readonly filas: number;
  readonly columnas: number;
  readonly rangos: readonly Rango[];
}

/**
 * Lee los argumentos como rangos y calcula la forma común: la de los rangos que no son una sola
 * celda (todos iguales), o 1 × 1 si todos lo son. Devuelve el primer error encontrado.
 */
export function difundir(argumentos: readonly Argumento[]): Difusion | ErrorFuncion {
  const rangos: Rango[] = [];
  let filas = 1;
  let columnas = 1;
  let referencia = -1;
  for (let k = 0; k < argumentos.length; k++) {
    const [nombre, valor] = argumentos[k];
    const r = leerRango(valor, nombre);
    if (!esRango(r)) return r;
    rangos.push(r);
    if (r.unico) continue;
    if (referencia < 0) {
      referencia = k;
      filas = r.filas;
      columnas = r.columnas;
    } else if (r.filas !== filas || r.columnas !== columnas) {
      return valorNoValido(
        MENSAJES.formasDistintas(argumentos[referencia][0], formaDe(rangos[referencia]), nombre, formaDe(r)),
      );
    }
  }
  return { filas, columnas, rangos };
}

export function esRango(r: Rango | ErrorFuncion): r is Rango {
  return (r as Rango).datos !== undefined;
}

/** Valor de un rango en la posición (i, j) de la forma común. */
export function valorEn(r: Rango, i: number, j: number): unknown {
  return r.unico ? r.valorUnico : r.datos[i][j];
}

/**
 * Aplica `calcular` a cada posición de la forma común y devuelve la matriz de resultados (que
 * Excel derrama). Hasta cuatro argumentos, en el orden dado; los que faltan llegan como
 * null. Un error de forma devuelve [[#VALUE!]].
 */
export function porCelda(
  argumentos: readonly Argumento[],
  calcular: (a: unknown, b: unknown, c: unknown, d: unknown) => unknown,
): unknown[][] {
  const d = difundir(argumentos);
  if (!esDifusion(d)) return [[d]];
  const { filas, columnas, rangos } = d;
  const ra = rangos[0];
  const rb = rangos[1] ?? UNICO_NULO;
  const rc = rangos[2] ?? UNICO_NULO;
  const rd = rangos[3] ?? UNICO_NULO;
  const resultado: unknown[][] = new Array(filas);
  for (let i = 0; i < filas; i++) {
    const fila: unknown[] = new Array(columnas);
    const fa = ra.unico ? null : ra.datos[i];
    const fb = rb.unico ? null : rb.datos[i];
    const fc = rc.unico ? null : rc.datos[i];
    const fd = rd.unico ? null : rd.datos[i];
    for (let j = 0; j < columnas; j++) {
      fila[j] = calcular(
        fa === null ? ra.valorUnico : fa[j],
        fb === null ? rb.valorUnico : fb[j],
        fc === null ? rc.valorUnico : fc[j],
        fd === null ? rd.valorUnico : fd[j],
      );
    }
    resultado[i] = fila;
  }
  return resultado;
}

export function esDifusion(d: Difusion | ErrorFuncion): d is Difusion {
  return (d as Difusion).rangos !== undefined;
}
