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
import {
  ATRIBUTOS,
  PALABRAS_VALOR,
  esReconocido,
  mesDeEncabezado,
  normalizarEncabezado,
  type Diccionario,
  type PeriodoEncabezado,
  type Reconocido,
} from "./encabezados";

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
  /** Por fila: columna → columna (0-based) de la celda de la fila de arriba que da su grupo (−1 sin grupo). */
  private readonly origenGrupos: (Int32Array | undefined)[] = [];

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
      const origenes = new Int32Array(this.ancho).fill(-1);
      const arriba = r - 1;
      const marca = this.combinacion[arriba];
      let arrastre = "";
      let desde = -1;
      for (let k = 0; k < this.ancho; k++) {
        const origen = marca[k];
        if (origen >= 0) {
          const fo = Math.floor(origen / this.ancho);
          g[k] = this.normalizadas[fo][origen % this.ancho];
          origenes[k] = origen;
          arrastre = "";
          desde = -1;
        } else {
          const t = this.normalizadas[arriba][k];
          if (t !== "") {
            arrastre = t;
            desde = arriba * this.ancho + k;
          }
          g[k] = arrastre;
          origenes[k] = arrastre === "" ? -1 : desde;
        }
      }
      this.grupos[r] = g;
      this.origenGrupos[r] = origenes;
    }
    return g[c];
  }

  /** Texto original (recortado) del grupo sobre la columna c de la fila r; "" si no hay. */
  textoGrupo(r: number, c: number): string {
    if (this.grupo(r, c) === "") return "";
    const origen = this.origenGrupos[r]![c];
    return origen < 0 ? "" : this.textoCelda(Math.floor(origen / this.ancho), origen % this.ancho);
  }

  /**
   * ¿Es el grupo sobre la columna c de la fila r un área combinada que cubre al menos dos
   * columnas (un grupo seguro, no uno que se supone extendido hasta el siguiente texto)?
   */
  grupoCombinado(r: number, c: number): boolean {
    if (r <= 0) return false;
    const marca = this.combinacion[r - 1];
    const origen = marca[c];
    if (origen < 0) return false;
    return (c > 0 && marca[c - 1] === origen) || (c + 1 < this.ancho && marca[c + 1] === origen);
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
  /** Texto de la celda del encabezado (la de la columna; sin el grupo de arriba). */
  texto: string;
  /** El encabezado completo como lo ve el analista: «Ejecución 2025 I Trimestre» si tiene grupo. */
  completo: string;
  /** 0: canónico, sinónimo o mes; 1: por palabras del campo o por periodo (ver Reconocido). */
  calidad: 0 | 1;
  anios: readonly number[];
  periodo: PeriodoEncabezado | null;
}

/** Una columna con texto de encabezado que no se leyó (para avisar si parece un dato). */
export interface ColumnaSinLeer {
  columna: number;
  filaTexto: number;
  /** El encabezado completo, como lo ve el analista. */
  texto: string;
  normalizado: string;
  /** Campos que podría ser (encabezado ambiguo); vacío si no se reconoció. */
  ambigua: readonly string[];
}

export interface Encabezado {
  /** Fila (relativa a la grilla) de encabezados; los datos empiezan debajo. */
  fila: number;
  /** Cuántas claves distintas reconoció. */
  puntaje: number;
  /** Clave → la columna que se lee (la de mejor calidad; a igual calidad, la primera). */
  columnas: Map<string, ColumnaEncabezado>;
  /** Columnas que repiten una clave ya vista (no se leen). */
  duplicadas: ColumnaEncabezado[];
  /** Columnas con encabezado que no se reconocieron o son ambiguas (ni atributos de un grupo). */
  sinLeer: ColumnaSinLeer[];
  /** ¿Tiene la fila subencabezados: textos propios que se leen bajo un grupo de la fila de arriba? */
  usaArriba: boolean;
}

/**
 * Lo que es una columna. `subencabezado`: su propio texto se leyó bajo un grupo de la fila de
 * arriba (la fila es la de abajo de un encabezado de dos filas).
 */
type Analisis =
  | { tipo: "columna"; col: ColumnaEncabezado; subencabezado: boolean }
  | { tipo: "sin-leer"; col: ColumnaSinLeer }
  /** Una subcolumna que es un atributo del campo de su grupo («Línea base» › «Fuente»): no se lee ni se avisa. */
  | { tipo: "atributo"; subencabezado: true }
  | null;

function columnaDe(
  r: Reconocido,
  c: number,
  filaTexto: number,
  texto: string,
  completo: string,
  calidad: 0 | 1 = r.calidad,
): ColumnaEncabezado {
  return { clave: r.clave, columna: c, filaTexto, texto, completo, calidad, anios: r.anios, periodo: r.periodo };
}

/**
 * Lo que es la columna c si la fila r fuera la de encabezados. Con un grupo encima (la fila de
 * arriba: combinado, o un texto sin combinar que se extiende hasta el siguiente), primero el grupo
 * con la columna («Programación» › «Ene», «Meta» › «Vigencia», «Ejecución» › «I Trimestre»). Si el
 * grupo es un campo («Línea base» › «Valor», «Año», «Fuente»), la subcolumna de valor (si el grupo
 * está combinado) es ese campo y las de atributo son atributos suyos: nunca se toman por otro
 * campo («Año» no es Vigencia). Si no, la columna sola.
 */
function analizarColumna(hoja: HojaAnalizada, dic: Diccionario, r: number, c: number): Analisis {
  const propio = hoja.normalizada(r, c);
  if (propio === "") {
    const arriba = hoja.celdaSuperior(r, c);
    if (arriba === null) return null;
    const n = hoja.normalizada(arriba.fila, arriba.columna);
    const texto = hoja.textoCelda(arriba.fila, c);
    const rec = dic.reconocer(n);
    if (esReconocido(rec))
      return { tipo: "columna", col: columnaDe(rec, c, arriba.fila, texto, texto), subencabezado: false };
    return {
      tipo: "sin-leer",
      col: { columna: c, filaTexto: arriba.fila, texto, normalizado: n, ambigua: rec?.ambiguo ?? [] },
    };
  }
  const texto = hoja.textoCelda(r, c);
  const grupo = hoja.grupo(r, c);
  if (grupo !== "" && grupo !== propio) {
    const completo = `${hoja.textoGrupo(r, c)} ${texto}`.trim();
    const conGrupo = dic.reconocer(grupo + " " + propio);
    const rec = esReconocido(conGrupo) ? conGrupo : dic.reconocer(propio + " " + grupo);
    if (esReconocido(rec)) return { tipo: "columna", col: columnaDe(rec, c, r, texto, completo), subencabezado: true };
    const deGrupo = dic.reconocer(grupo);
    if (esReconocido(deGrupo) && !deGrupo.clave.includes(".")) {
      // Bajo un grupo que es un campo, las palabras de atributo («Año», «Fecha», «Fuente») son
      // atributos suyos, no otro campo; bajo un grupo combinado, la subcolumna de valor («Valor»,
      // «Dato»…) es el campo. Cualquier otra subcolumna se lee sola (un título combinado
      // «Vigencia 2025» sobre «Código objetivo» no la vuelve atributo).
      if (ATRIBUTOS.has(propio)) return { tipo: "atributo", subencabezado: true };
      if (PALABRAS_VALOR.has(propio) && hoja.grupoCombinado(r, c))
        return { tipo: "columna", col: columnaDe(deGrupo, c, r, texto, completo, 1), subencabezado: true };
    }
  }
  if (mesDeEncabezado(propio) !== 0) {
    return {
      tipo: "sin-leer",
      col: { columna: c, filaTexto: r, texto, normalizado: propio, ambigua: [] },
    };
  }
  const rec = dic.reconocer(propio);
  if (esReconocido(rec)) return { tipo: "columna", col: columnaDe(rec, c, r, texto, texto), subencabezado: false };
  return {
    tipo: "sin-leer",
    col: { columna: c, filaTexto: r, texto, normalizado: propio, ambigua: rec?.ambiguo ?? [] },
  };
}

/** ¿Va `nueva` antes que `vieja` para la misma clave? Mejor calidad; a igual calidad, la primera. */
function gana(nueva: ColumnaEncabezado, vieja: ColumnaEncabezado): boolean {
  return nueva.calidad < vieja.calidad;
}

/** Lee la fila r como fila de encabezados. */
function leerFilaEncabezado(hoja: HojaAnalizada, dic: Diccionario, r: number): Encabezado {
  const columnas = new Map<string, ColumnaEncabezado>();
  const duplicadas: ColumnaEncabezado[] = [];
  const sinLeer: ColumnaSinLeer[] = [];
  let usaArriba = false;
  for (let c = 0; c < hoja.ancho; c++) {
    const a = analizarColumna(hoja, dic, r, c);
    if (a === null) continue;
    if (a.tipo === "sin-leer") {
      sinLeer.push(a.col);
      continue;
    }
    if (a.subencabezado) usaArriba = true;
    if (a.tipo === "atributo") continue;
    const col = a.col;
    const vieja = columnas.get(col.clave);
    if (vieja === undefined) columnas.set(col.clave, col);
    else if (gana(col, vieja)) {
      columnas.set(col.clave, col);
      duplicadas.push(vieja);
    } else duplicadas.push(col);
  }
  return { fila: r, puntaje: columnas.size, columnas, duplicadas, sinLeer, usaArriba };
}

/**
 * La fila de encabezados de la hoja para un tipo de hoja: la de más encabezados reconocidos en
 * las primeras 30 filas; si empatan, la primera, salvo que la siguiente se apoye en ella (un
 * encabezado de dos filas: «Línea base» combinado sobre «Valor», «Año», «Fuente»), que es la de
 * abajo (los datos empiezan debajo de ella). null si ninguna reconoce al menos dos.
 */
export function buscarEncabezado(hoja: HojaAnalizada, dic: Diccionario): Encabezado | null {
  let mejor: Encabezado | null = null;
  for (let r = 0; r < hoja.revisadas; r++) {
    const e = leerFilaEncabezado(hoja, dic, r);
    if (
      e.puntaje > (mejor?.puntaje ?? 0) ||
      (mejor !== null && e.puntaje === mejor.puntaje && e.fila === mejor.fila + 1 && e.usaArriba)
    )
      mejor = e;
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
