/**
 * Búsqueda de la fila de encabezados de una hoja (PMR-SPEC §4): en las primeras 30 filas, la que
 * más encabezados conocidos contiene. Entiende encabezados de dos filas: un grupo combinado
 * («Programación», «Ejecución», «Avance cualitativo») sobre columnas que solo dicen el mes, y
 * encabezados combinados en vertical (el texto está en la fila de arriba).
 *
 * Cada celda de las filas candidatas se normaliza una sola vez por hoja; el resto es buscar en
 * mapas. Nada aquí depende del número de filas de datos.
 */
import type { GrillaHoja } from "./grilla";
import { mesDeEncabezado, normalizarEncabezado, type Diccionario } from "./encabezados";

/** Filas de la hoja en que se busca el encabezado. */
export const FILAS_BUSQUEDA_ENCABEZADO = 30;
/** Una hoja de Excel no tiene más columnas. */
const MAXIMO_COLUMNAS = 16_384;
/** Una fila con menos encabezados reconocidos no es la fila de encabezados. */
const MINIMO_ENCABEZADOS = 2;
const FILA_VACIA: readonly unknown[] = [];

/** Una hoja preparada para buscar encabezados: filas saneadas y celdas normalizadas. */
export class HojaAnalizada {
  readonly nombre: string;
  readonly filas: readonly unknown[][];
  /** Fila y columna (0-based) de la hoja donde empieza la grilla. */
  readonly fila0: number;
  readonly col0: number;
  /** Filas revisadas para el encabezado y su ancho. */
  readonly revisadas: number;
  readonly ancho: number;
  private readonly normalizadas: string[][] = [];
  /** Por fila revisada: −1 o la celda superior izquierda (fila·ancho + columna) de la combinación que la cubre. */
  private readonly combinacion: Int32Array[] = [];
  private readonly grupos: (string[] | undefined)[] = [];

  constructor(grilla: GrillaHoja) {
    this.nombre = nombreDeHoja(grilla?.nombre);
    this.filas = Array.isArray(grilla?.valores) ? grilla.valores : [];
    this.fila0 = enteroNoNegativo(grilla?.filaInicial);
    this.col0 = enteroNoNegativo(grilla?.columnaInicial);
    this.revisadas = Math.min(FILAS_BUSQUEDA_ENCABEZADO, this.filas.length);
    let ancho = 0;
    for (let r = 0; r < this.revisadas; r++) {
      const fila = this.fila(r);
      if (fila.length > ancho) ancho = fila.length;
    }
    this.ancho = Math.min(ancho, MAXIMO_COLUMNAS);
    for (let r = 0; r < this.revisadas; r++) {
      const fila = this.fila(r);
      const n = new Array<string>(this.ancho);
      for (let c = 0; c < this.ancho; c++) n[c] = c < fila.length ? normalizarEncabezado(fila[c]) : "";
      this.normalizadas.push(n);
      this.combinacion.push(new Int32Array(this.ancho).fill(-1));
    }
    this.marcarCombinaciones(grilla?.combinadas);
  }

  /** Fila r (0-based en la grilla) como arreglo; una fila que no es arreglo se lee vacía. */
  fila(r: number): readonly unknown[] {
    const f = this.filas[r];
    return Array.isArray(f) ? f : FILA_VACIA;
  }

  normalizada(r: number, c: number): string {
    return this.normalizadas[r][c];
  }

  /** Texto original (recortado) de una celda de encabezado. */
  textoCelda(r: number, c: number): string {
    const v = this.fila(r)[c];
    return typeof v === "string" ? v.trim() : "";
  }

  private marcarCombinaciones(combinadas: unknown): void {
    if (!Array.isArray(combinadas) || this.ancho === 0) return;
    for (const a of combinadas) {
      if (a === null || typeof a !== "object") continue;
      const { fila, columna, filas, columnas } = a as Record<string, unknown>;
      if (!esEntero(fila) || !esEntero(columna) || !esEntero(filas) || !esEntero(columnas)) continue;
      const r0 = fila - this.fila0;
      const c0 = columna - this.col0;
      if (r0 < 0 || c0 < 0 || r0 >= this.revisadas || c0 >= this.ancho) continue;
      const r1 = Math.min(r0 + Math.max(filas, 1), this.revisadas);
      const c1 = Math.min(c0 + Math.max(columnas, 1), this.ancho);
      const origen = r0 * this.ancho + c0;
      for (let r = r0; r < r1; r++) {
        const marca = this.combinacion[r];
        for (let c = c0; c < c1; c++) marca[c] = origen;
      }
    }
  }

  /**
   * Texto de grupo que está sobre la columna c de la fila r (es decir, en la fila r − 1): el de
   * la combinación que cubre esa celda; si no hay combinación, el último texto no vacío a la
   * izquierda en esa fila (un grupo sin combinar se extiende hasta el siguiente texto; una
   * combinación termina donde termina).
   */
  grupo(r: number, c: number): string {
    if (r <= 0) return "";
    let g = this.grupos[r];
    if (g === undefined) {
      g = new Array<string>(this.ancho);
      const arriba = r - 1;
      const marca = this.combinacion[arriba];
      let arrastre = "";
      for (let k = 0; k < this.ancho; k++) {
        const origen = marca[k];
        if (origen >= 0) {
          g[k] = this.normalizadas[Math.floor(origen / this.ancho)][origen % this.ancho];
          arrastre = "";
        } else {
          const t = this.normalizadas[arriba][k];
          if (t !== "") arrastre = t;
          g[k] = arrastre;
        }
      }
      this.grupos[r] = g;
    }
    return g[c];
  }

  /**
   * Si la celda (r, c) está vacía porque su encabezado ocupa también la fila de arriba
   * (combinada en vertical, o escrita arriba sin combinar), la celda de arriba; si no, null.
   */
  celdaSuperior(r: number, c: number): { fila: number; columna: number } | null {
    const origen = this.combinacion[r][c];
    if (origen >= 0) {
      const fo = Math.floor(origen / this.ancho);
      const co = origen % this.ancho;
      return fo < r && co === c ? { fila: fo, columna: co } : null;
    }
    if (r > 0 && this.combinacion[r - 1][c] < 0 && this.normalizadas[r - 1][c] !== "")
      return { fila: r - 1, columna: c };
    return null;
  }
}

/** Columna reconocida de la fila de encabezados. */
export interface ColumnaEncabezado {
  clave: string;
  /** Columna relativa a la grilla. */
  columna: number;
  /** Fila (relativa) de la celda que tiene el texto del encabezado. */
  filaTexto: number;
  texto: string;
}

export interface Encabezado {
  /** Fila (relativa a la grilla) de encabezados; los datos empiezan debajo. */
  fila: number;
  /** Cuántas claves distintas reconoció. */
  puntaje: number;
  /** Clave → primera columna con ese encabezado. */
  columnas: Map<string, ColumnaEncabezado>;
  /** Columnas que repiten una clave ya vista (se usa la primera). */
  duplicadas: ColumnaEncabezado[];
}

/** Clave de la columna c si la fila r fuera la de encabezados; null si no se reconoce. */
function claveColumna(hoja: HojaAnalizada, dic: Diccionario, r: number, c: number): ColumnaEncabezado | null {
  const propio = hoja.normalizada(r, c);
  if (propio === "") {
    const arriba = hoja.celdaSuperior(r, c);
    if (arriba === null) return null;
    const clave = dic.clave(hoja.normalizada(arriba.fila, arriba.columna));
    return clave === null
      ? null
      : { clave, columna: c, filaTexto: arriba.fila, texto: hoja.textoCelda(arriba.fila, c) };
  }
  let clave = mesDeEncabezado(propio) === 0 ? dic.clave(propio) : null;
  if (clave === null) {
    const grupo = hoja.grupo(r, c);
    if (grupo !== "" && grupo !== propio) clave = dic.clave(grupo + " " + propio) ?? dic.clave(propio + " " + grupo);
  }
  return clave === null ? null : { clave, columna: c, filaTexto: r, texto: hoja.textoCelda(r, c) };
}

/** Lee la fila r como fila de encabezados. */
function leerFilaEncabezado(hoja: HojaAnalizada, dic: Diccionario, r: number): Encabezado {
  const columnas = new Map<string, ColumnaEncabezado>();
  const duplicadas: ColumnaEncabezado[] = [];
  for (let c = 0; c < hoja.ancho; c++) {
    const col = claveColumna(hoja, dic, r, c);
    if (col === null) continue;
    if (columnas.has(col.clave)) duplicadas.push(col);
    else columnas.set(col.clave, col);
  }
  return { fila: r, puntaje: columnas.size, columnas, duplicadas };
}

/**
 * La fila de encabezados de la hoja para un tipo de hoja: la de más encabezados reconocidos en
 * las primeras 30 filas (la primera, si empatan). null si ninguna reconoce al menos dos.
 */
export function buscarEncabezado(hoja: HojaAnalizada, dic: Diccionario): Encabezado | null {
  let mejor: Encabezado | null = null;
  for (let r = 0; r < hoja.revisadas; r++) {
    const e = leerFilaEncabezado(hoja, dic, r);
    if (e.puntaje > (mejor?.puntaje ?? 0)) mejor = e;
  }
  return mejor !== null && mejor.puntaje >= MINIMO_ENCABEZADOS ? mejor : null;
}

/** Nombre de una hoja; si no es texto (no debería pasar), su número o "". */
export function nombreDeHoja(v: unknown): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  return "";
}

function esEntero(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v);
}

function enteroNoNegativo(v: unknown): number {
  return typeof v === "number" && Number.isFinite(v) && v > 0 ? Math.min(Math.floor(v), 1_048_575) : 0;
}
