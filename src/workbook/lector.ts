/**
 * El lector de libros (PMR-SPEC §4): de las grillas de valores al modelo PMR. Es puro y nunca
 * lanza por el contenido del libro: lo que no puede leer queda en `modelo.lectura` con su hoja y
 * su celda, y las reglas de Estructura lo convierten en hallazgos. El `detalle` de cada problema
 * sigue el contrato de ProblemaLecturaSchema (el encabezado canónico, el error de Excel o el texto
 * ilegible); el mensaje para el analista lo redacta la regla.
 *
 * El lector no conoce ninguna hoja por su nombre: recorre los descriptores del registro
 * (src/domain/hojas), que dicen los nombres, el diccionario de encabezados, las columnas
 * obligatorias y cómo se lee una fila de cada tipo de hoja.
 *
 * Cómo encuentra las cosas:
 * - Hojas, en el orden del registro (una hoja elegida no se vuelve a usar). La requerida (PMR)
 *   por nombre («PMR», sin importar mayúsculas, tildes ni espacios); si no, la primera hoja cuya
 *   fila de encabezados tiene las columnas obligatorias; si no, una hoja cuyo nombre empieza por
 *   la raíz del suyo («PMR», y no es la de presupuesto o territorial), para poder decir qué
 *   columnas le faltan. Si la hoja llamada PMR no tiene ninguna fila de encabezados reconocible y
 *   otra hoja sí tiene todas las columnas obligatorias, se usa la otra. Las opcionales
 *   (PMR_Presupuesto, PMR_Territorial): por nombre o por sus encabezados.
 * - Encabezados: ver encabezado.ts (primeras 30 filas, sinónimos, dos filas, combinadas).
 * - Filas de datos: todas las que están debajo del encabezado; no se detiene en filas en blanco
 *   (puede haber huecos). Se omiten:
 *     · las filas vacías (todas las columnas reconocidas vacías, «-», «N/A», «No aplica»…);
 *     · las filas de totales: sin código ni nombre de indicador (sin código de producto en
 *       presupuesto, sin código de indicador en territorial) y con una celda que empieza por
 *       «Total», «Subtotal» o «Gran total»;
 *     · los encabezados repetidos: las columnas que identifican la fila (códigos y nombres)
 *       dicen exactamente lo mismo que su encabezado (p. ej., al pegar un bloque con encabezado).
 * - Celdas combinadas en la zona de datos: una combinación vertical en una columna que
 *   identifica o describe (los campos con `relleno` del descriptor: código y nombre de objetivo o
 *   producto, tipo, unidad, tendencia, periodicidad, vigencia; en presupuesto el producto, el
 *   recurso y el proyecto; en territorial el indicador y la localidad) vale en todas sus filas el
 *   valor de su celda superior, como la ve el analista. En las columnas de cifras y de texto
 *   libre no se copia: una meta combinada sobre tres filas es una sola meta, y copiarla la
 *   triplicaría al sumar.
 */
import { direccionA1, leerDireccion } from "../domain/direcciones";
import { MESES } from "../domain/catalogos";
import {
  DESCRIPTORES,
  clavesSerie,
  type CualquierDescriptor,
  type HojaBase,
  type IdHoja,
  type LectorFila,
} from "../domain/hojas";
import type { AvisoLectura, ModeloPmr, ProblemaLectura } from "../domain/modelo";
import { conMemoria } from "../domain/memoria";
import { esErrorExcel, esVacio, fraccionDePonderacion } from "../domain/valores";
import { LectorCeldas } from "./celdas";
import {
  aplicarAnioAFilas,
  celdaEncabezado,
  columnasLeidas,
  detectarCodigosEnNombres,
  periodoDeSerie,
  resolverAnios,
  separarCodigo,
  type ColumnasLeidas,
} from "./columnas";
import { buscarEncabezado, HojaAnalizada, nombreDeHoja, type ColumnaEncabezado, type Encabezado } from "./encabezado";
import { ajustarPonderaciones, type PonderacionEscrita } from "./ponderaciones";
import { diccionario, normalizarNombreHoja, type Diccionario } from "./encabezados";
import type { GrillaHoja, LibroGrillas } from "./grilla";
import { MENSAJES } from "./mensajes";
import { recolectarOrigen, type HojaLeidaOrigen } from "./origen";

const NOMBRES = new WeakMap<CualquierDescriptor, ReadonlySet<string>>();

/** Nombres normalizados de un tipo de hoja (se calculan una vez por descriptor). */
function nombresDe(d: CualquierDescriptor): ReadonlySet<string> {
  let n = NOMBRES.get(d);
  if (n === undefined) NOMBRES.set(d, (n = new Set(d.nombres.map(normalizarNombreHoja))));
  return n;
}

/**
 * Nombres de hoja (normalizados con normalizarNombreHoja) con que el lector reconoce cada hoja
 * antes de buscarla por sus encabezados. El adaptador de Excel los usa para decidir qué leer.
 */
export const NOMBRES_HOJAS = Object.fromEntries(DESCRIPTORES.map((d) => [d.id, nombresDe(d)])) as unknown as Readonly<
  Record<IdHoja, ReadonlySet<string>>
>;

/** Una hoja candidata con sus encabezados ya buscados (una vez por tipo de hoja). */
class Candidata {
  private readonly encabezados = new Map<Diccionario, Encabezado | null>();
  readonly nombreNormalizado: string;
  constructor(
    readonly grilla: GrillaHoja,
    readonly hoja: HojaAnalizada,
    /** El libro usa el sistema de fechas 1904 (para reconocer fechas en columnas de cifras). */
    readonly fecha1904 = false,
  ) {
    this.nombreNormalizado = normalizarNombreHoja(hoja.nombre);
  }
  encabezado(dic: Diccionario): Encabezado | null {
    let e = this.encabezados.get(dic);
    if (e === undefined) {
      e = buscarEncabezado(this.hoja, dic);
      this.encabezados.set(dic, e);
    }
    return e;
  }
}

/** ¿Tiene la fila de encabezados alguna columna de la serie? */
function tieneSerie(e: { columnas: ReadonlyMap<string, unknown> }, serie: string): boolean {
  for (let m = 1; m <= MESES; m++) if (e.columnas.has(`${serie}.${m}`)) return true;
  return false;
}

/** ¿Tiene la fila de encabezados todas las columnas obligatorias (o sus alternativas)? */
function tieneObligatorios(d: CualquierDescriptor, e: Encabezado | null): boolean {
  if (e === null) return false;
  for (const campo of d.obligatorios) {
    if (e.columnas.has(campo)) continue;
    // Un código puede venir dentro de su nombre («2.3.1. Implementar…»): se sabe al leer las filas.
    const nombre = d.codigosEnNombres?.[campo];
    if (nombre !== undefined && e.columnas.has(nombre)) continue;
    const alternativa = d.alternativas?.[campo];
    if (alternativa === undefined || !tieneSerie(e, alternativa.serie)) return false;
  }
  return true;
}

/**
 * Lee el libro. `descriptores`: los tipos de hoja a buscar, en orden (por defecto, el registro de
 * src/domain/hojas; las pruebas pasan otros para comprobar que un tipo nuevo se lee sin tocar el lector).
 */
export function leerModelo(
  libro: LibroGrillas,
  descriptores: readonly CualquierDescriptor[] = DESCRIPTORES,
): ModeloPmr {
  return leer(libro, descriptores, null);
}

/**
 * Lee el libro como `leerModelo` y además devuelve, por tipo de hoja, las filas que tomó con cada
 * valor tal cual y su celda de origen, y la correspondencia de sus columnas (src/workbook/origen.ts):
 * la entrada del libro canónico (Normalizar, Consolidar).
 */
export function leerModeloConOrigen(
  libro: LibroGrillas,
  descriptores: readonly CualquierDescriptor[] = DESCRIPTORES,
  opciones: OpcionesOrigen = {},
): { modelo: ModeloPmr; origen: Partial<Record<IdHoja, HojaLeidaOrigen>> } {
  const origen: Origen = { hojas: new Map(), celdas: opciones.celdas ?? true };
  const modelo = leer(libro, descriptores, origen);
  return { modelo, origen: Object.fromEntries(origen.hojas) as Partial<Record<IdHoja, HojaLeidaOrigen>> };
}

export interface OpcionesOrigen {
  /**
   * Guardar la celda de origen de cada valor (por omisión, sí). Consolidar no la usa (cada fila
   * ya dice su archivo, hoja y fila) y sin ella lo que queda de cada archivo ocupa un tercio menos.
   */
  celdas?: boolean;
}

/** Lo que se recolecta del origen mientras se lee: las hojas y si cada valor lleva su celda. */
interface Origen {
  readonly hojas: Map<string, HojaLeidaOrigen>;
  readonly celdas: boolean;
}

function leer(libro: LibroGrillas, descriptores: readonly CualquierDescriptor[], origen: Origen | null): ModeloPmr {
  const lectura: ProblemaLectura[] = [];
  const grillas: unknown[] =
    libro !== null && typeof libro === "object" && Array.isArray(libro.hojas) ? libro.hojas : [];
  const candidatas: Candidata[] = [];
  const fecha1904 = libro !== null && typeof libro === "object" && libro.fecha1904 === true;
  for (const g of grillas) {
    if (g === null || typeof g !== "object") continue;
    try {
      candidatas.push(new Candidata(g as GrillaHoja, new HojaAnalizada(g as GrillaHoja), fecha1904));
    } catch {
      lectura.push(problemaHoja(g as GrillaHoja));
    }
  }
  const usadas = new Set<Candidata>();
  const avisos: AvisoLectura[] = [];
  const hojas: Record<string, unknown> = {};
  for (const d of descriptores) {
    const elegida = d.requerida
      ? elegirRequerida(d, descriptores, candidatas, usadas)
      : elegirOpcional(d, candidatas, usadas);
    if (elegida === undefined) {
      if (d.requerida) lectura.push(problemaHojaFaltante(d, candidatas));
      hojas[d.id] = null;
      continue;
    }
    usadas.add(elegida);
    hojas[d.id] = protegido(elegida, lectura, avisos, () => leerHoja(d, elegida, lectura, avisos, origen));
  }
  return { ...(hojas as Omit<ModeloPmr, "lectura" | "avisos">), lectura, avisos };
}

/** Raíz normalizada del nombre de un tipo de hoja («pmr», «presupuest», «territori»). */
function raiz(d: CualquierDescriptor): string {
  return normalizarNombreHoja(d.raiz ?? d.nombres[0]);
}

/**
 * La hoja requerida: por nombre si tiene alguna fila de encabezados reconocible; si no, la
 * primera con las columnas obligatorias; si no, la del nombre (aunque no tenga encabezados), o
 * una cuyo nombre empieza por la raíz del suyo y no tiene la raíz de otro tipo de hoja.
 */
function elegirRequerida(
  d: CualquierDescriptor,
  descriptores: readonly CualquierDescriptor[],
  candidatas: readonly Candidata[],
  usadas: ReadonlySet<Candidata>,
): Candidata | undefined {
  const libres = candidatas.filter((c) => !usadas.has(c));
  const dic = diccionario(d);
  const nombres = nombresDe(d);
  const porNombre = libres.find((c) => nombres.has(c.nombreNormalizado));
  if (porNombre !== undefined && porNombre.encabezado(dic) !== null) return porNombre;
  const propia = raiz(d);
  const ajenas = descriptores.filter((o) => o !== d).map(raiz);
  return (
    libres.find((c) => tieneObligatorios(d, c.encabezado(dic))) ??
    porNombre ??
    libres.find((c) => c.nombreNormalizado.startsWith(propia) && !ajenas.some((a) => c.nombreNormalizado.includes(a)))
  );
}

function elegirOpcional(
  d: CualquierDescriptor,
  candidatas: readonly Candidata[],
  usadas: ReadonlySet<Candidata>,
): Candidata | undefined {
  const libres = candidatas.filter((c) => !usadas.has(c));
  const nombres = nombresDe(d);
  const dic = diccionario(d);
  return (
    libres.find((c) => nombres.has(c.nombreNormalizado)) ?? libres.find((c) => tieneObligatorios(d, c.encabezado(dic)))
  );
}

function problemaHojaFaltante(d: CualquierDescriptor, candidatas: readonly Candidata[]): ProblemaLectura {
  const dic = diccionario(d);
  return {
    tipo: "hoja-faltante",
    hoja: d.nombre,
    celda: null,
    campo: null,
    detalle: MENSAJES.hojaFaltante(
      candidatas.map((c) => c.hoja.nombre),
      d.obligatorios.map((k) => ({
        encabezado: dic.canonico.get(k) ?? k,
        // Como lo exige tieneObligatorios: la alternativa (la programación mensual) reemplaza al campo.
        nota: d.alternativas?.[k]?.nota,
      })),
    ),
  };
}

/** Último recurso: si leer una hoja fallara por una forma imprevista, el libro sigue leyéndose. */
function protegido<T>(
  c: Candidata,
  lectura: ProblemaLectura[],
  avisos: AvisoLectura[],
  leer: () => T | null,
): T | null {
  const antes = lectura.length;
  const avisosAntes = avisos.length;
  try {
    return leer();
  } catch {
    lectura.length = antes;
    avisos.length = avisosAntes;
    lectura.push(problemaHoja(c.grilla));
    return null;
  }
}

function problemaHoja(g: GrillaHoja): ProblemaLectura {
  const nombre = nombreDeHoja(g.nombre);
  return { tipo: "valor-ilegible", hoja: nombre, celda: null, campo: null, detalle: MENSAJES.hojaIlegible(nombre) };
}

/**
 * Columnas faltantes y duplicadas de una hoja, como problemas. `detalle` es el encabezado
 * canónico (contrato de ProblemaLecturaSchema); las reglas de Estructura redactan el mensaje.
 * Un obligatorio con alternativa (Meta vigencia en la hoja PMR) no falta si la hoja tiene la serie;
 * uno que un aviso ya explica (metas con años sin saber cuál usar) tampoco.
 */
function problemasDeColumnas(
  hoja: HojaAnalizada,
  d: CualquierDescriptor,
  dic: Diccionario,
  enc: Encabezado | null,
  leidas: ColumnasLeidas | null,
  lectura: ProblemaLectura[],
): void {
  const filaEncabezado = enc === null ? hoja.fila0 + 1 : hoja.fila0 + enc.fila + 1;
  const celda = direccionA1(filaEncabezado, hoja.col0);
  for (const campo of d.obligatorios) {
    if (leidas !== null && (leidas.columnas.has(campo) || leidas.explicados.has(campo))) continue;
    const alternativa = d.alternativas?.[campo];
    if (leidas !== null && alternativa !== undefined && tieneSerie(leidas, alternativa.serie)) continue;
    lectura.push({
      tipo: "columna-faltante",
      hoja: hoja.nombre,
      celda,
      campo,
      detalle: dic.canonico.get(campo) ?? campo,
    });
  }
  if (leidas === null) return;
  for (const dup of leidas.duplicadas) {
    const usada = leidas.columnas.get(dup.clave);
    if (usada === undefined) continue;
    const problema: ProblemaLectura = {
      tipo: "columna-duplicada",
      hoja: hoja.nombre,
      celda: celdaEncabezado(hoja, dup),
      campo: dup.clave,
      detalle: dic.canonico.get(dup.clave) ?? dup.clave,
    };
    // La que se lee está a la derecha (ganó por ser el encabezado exacto): el mensaje lo dice.
    if (usada.columna > dup.columna) {
      problema.usada = celdaEncabezado(hoja, usada);
      problema.encabezado = dup.completo;
    }
    lectura.push(problema);
  }
}

/** Columnas relativas reconocidas (para saber si una fila está vacía). */
function columnasMapeadas(leidas: ColumnasLeidas): number[] {
  return [...new Set([...leidas.columnas.values()].map((c) => c.columna))].sort((a, b) => a - b);
}

/**
 * Valores que las combinaciones verticales de la zona de datos dan a sus celdas de abajo:
 * fila → (columna → valor de la celda superior). null si no hay ninguna (lo normal).
 */
function rellenosCombinadas(
  c: Candidata,
  enc: Encabezado,
  columnasRelleno: readonly number[],
  celdas: LectorCeldas,
): Map<number, Map<number, unknown>> | null {
  const areas: unknown = c.grilla.combinadas;
  if (!Array.isArray(areas) || areas.length === 0) return null;
  const columnas = new Set(columnasRelleno.filter((k) => k >= 0));
  const hoja = c.hoja;
  let rellenos: Map<number, Map<number, unknown>> | null = null;
  for (const a of areas) {
    if (a === null || typeof a !== "object") continue;
    const { fila, columna: col, filas } = a as Record<string, unknown>;
    if (!Number.isInteger(fila) || !Number.isInteger(col) || !Number.isInteger(filas)) continue;
    const r0 = (fila as number) - hoja.fila0;
    const c0 = (col as number) - hoja.col0;
    if (r0 <= enc.fila || (filas as number) < 2 || !columnas.has(c0)) continue;
    const valor = hoja.fila(r0)[c0];
    // Un error se informa una vez, en su celda; no se copia.
    if (celdas.vacia(valor) || esErrorExcel(valor)) continue;
    const fin = Math.min(r0 + (filas as number), hoja.filas.length);
    for (let r = r0 + 1; r < fin; r++) {
      rellenos ??= new Map();
      let m = rellenos.get(r);
      if (m === undefined) rellenos.set(r, (m = new Map()));
      m.set(c0, valor);
    }
  }
  return rellenos;
}

/** La fila r de datos, con los valores de las combinaciones verticales que la cubren. */
function filaDatos(
  hoja: HojaAnalizada,
  r: number,
  rellenos: Map<number, Map<number, unknown>> | null,
  celdas: LectorCeldas,
): readonly unknown[] {
  const fila = hoja.fila(r);
  if (rellenos === null) return fila;
  const extra = rellenos.get(r);
  if (extra === undefined) return fila;
  const copia = fila.slice();
  for (const [c, v] of extra) if (celdas.vacia(copia[c])) copia[c] = v;
  return copia;
}

/** Los problemas de una fila, de izquierda a derecha (se leen por campo, no por columna). */
function ordenarPorColumna(lectura: ProblemaLectura[], desde: number): void {
  const columnaDe = (p: ProblemaLectura) => (p.celda === null ? -1 : (leerDireccion(p.celda)?.columna ?? -1));
  const fila = lectura.slice(desde).sort((a, b) => columnaDe(a) - columnaDe(b));
  for (let i = 0; i < fila.length; i++) lectura[desde + i] = fila[i];
}

/** ¿Están vacías todas las columnas reconocidas de la fila? */
function filaVacia(fila: readonly unknown[], mapeadas: readonly number[], celdas: LectorCeldas): boolean {
  if (fila.length === 0) return true;
  for (let i = 0; i < mapeadas.length; i++) {
    const c = mapeadas[i];
    if (c < fila.length && !celdas.vacia(fila[c])) return false;
  }
  return true;
}

/** Textos de encabezado de las columnas que identifican una fila (para reconocer encabezados repetidos). */
function identidad(leidas: ColumnasLeidas, claves: readonly string[]): { columna: number; texto: string }[] {
  const r: { columna: number; texto: string }[] = [];
  for (const k of claves) {
    const col = leidas.columnas.get(k);
    if (col !== undefined && col.texto !== "") r.push({ columna: col.columna, texto: col.texto.toLowerCase() });
  }
  return r;
}

function esEncabezadoRepetido(fila: readonly unknown[], ident: readonly { columna: number; texto: string }[]): boolean {
  if (ident.length === 0) return false;
  for (const { columna: c, texto } of ident) {
    const v = fila[c];
    if (typeof v !== "string") return false;
    const t = v.trim();
    if (t.length !== texto.length || t.toLowerCase() !== texto) return false;
  }
  return true;
}

/**
 * El `LectorFila` que reciben los descriptores: la fila actual (`poner`) leída por campo, con
 * las columnas de la fila de encabezados ya resueltas. Uno por hoja, reutilizado en cada fila.
 */
class FilaDeHoja implements LectorFila<string, string> {
  fila = 0;
  private r = 0;
  private valores: readonly unknown[] = [];
  private readonly memorias = new Map<(t: string) => unknown, (t: string) => unknown>();
  /** La ponderación de la fila actual como está escrita (del campo de `ponderaciones`). */
  ponderacionEscrita: { valor: number; porcentaje: boolean } | null = null;

  /** Campo → columna relativa (sin la clave: sin columna). Un objeto y no un Map: se consulta en cada celda. */
  private readonly columnas: Record<string, number> = Object.create(null) as Record<string, number>;
  /** Campo → 1 si es un código que viene al comienzo del nombre, 2 si es ese nombre. */
  private readonly partes: Record<string, 1 | 2> = Object.create(null) as Record<string, 1 | 2>;

  constructor(
    private readonly celdas: LectorCeldas,
    /** Campo → columna relativa (−1 sin columna). */
    campos: ReadonlyMap<string, number>,
    /** Serie → doce columnas relativas (−1 sin columna) y sus claves «serie.mes». */
    private readonly series: ReadonlyMap<string, { columnas: number[]; claves: string[] }>,
    /** Código → nombre, cuando el código viene al comienzo del nombre (misma columna). */
    codigosEnNombres: ReadonlyMap<string, string>,
    private readonly campoPonderacion: string | undefined,
  ) {
    for (const [campo, c] of campos) if (c >= 0) this.columnas[campo] = c;
    for (const [codigo, nombre] of codigosEnNombres) {
      this.partes[codigo] = 1;
      this.partes[nombre] = 2;
    }
  }

  poner(r: number, valores: readonly unknown[]): void {
    this.r = r;
    this.valores = valores;
    this.fila = this.celdas.filaHoja(r);
    this.ponderacionEscrita = null;
  }

  private col(campo: string): number {
    return this.columnas[campo] ?? -1;
  }

  hay(campo: string): boolean {
    return this.col(campo) >= 0;
  }

  crudo(campo: string): unknown {
    const c = this.col(campo);
    return c < 0 ? undefined : this.valores[c];
  }

  texto(campo: string): string | null {
    const c = this.col(campo);
    if (c < 0) return null;
    const parte = this.partes[campo];
    if (parte === 1) {
      // El código del comienzo del nombre; los problemas de la celda los anota el nombre.
      const v = this.valores[c];
      return typeof v === "string" ? (separarCodigo(v)?.codigo ?? null) : null;
    }
    const t = this.celdas.texto(this.valores[c], this.r, c, campo);
    if (t === null || parte !== 2) return t;
    return separarCodigo(t)?.nombre ?? t;
  }

  numero(campo: string): number | null {
    const c = this.col(campo);
    if (c < 0) return null;
    return this.celdas.numero(this.valores[c], this.r, c, campo);
  }

  ponderacion(campo: string): number | null {
    const c = this.col(campo);
    if (c < 0) return null;
    const p = this.celdas.ponderacionEscrita(this.valores[c], this.r, c, campo);
    if (campo === this.campoPonderacion) this.ponderacionEscrita = p;
    return p === null ? null : fraccionDePonderacion(p.valor, p.porcentaje);
  }

  numeros(serie: string): (number | null)[] {
    const s = this.series.get(serie);
    const salida: (number | null)[] = [null, null, null, null, null, null, null, null, null, null, null, null];
    if (s === undefined) return salida;
    for (let m = 0; m < MESES; m++) {
      const c = s.columnas[m];
      if (c < 0) continue;
      salida[m] = this.celdas.numero(this.valores[c], this.r, c, s.claves[m]);
    }
    return salida;
  }

  textos(serie: string): (string | null)[] {
    const s = this.series.get(serie);
    const salida: (string | null)[] = [null, null, null, null, null, null, null, null, null, null, null, null];
    if (s === undefined) return salida;
    for (let m = 0; m < MESES; m++) {
      const c = s.columnas[m];
      if (c >= 0) salida[m] = this.celdas.texto(this.valores[c], this.r, c, s.claves[m]);
    }
    return salida;
  }

  interpretar<T>(texto: string, como: (texto: string) => T): T {
    let memoria = this.memorias.get(como);
    if (memoria === undefined) this.memorias.set(como, (memoria = conMemoria(como)));
    return memoria(texto) as T;
  }

  esFilaDeTotal(): boolean {
    return this.celdas.esFilaDeTotal(this.valores);
  }
}

/** Una columna de cifras es «de texto» con al menos estas celdas que no son números… */
export const MINIMO_TEXTOS_COLUMNA = 3;
/** …y si son más de esta fracción de sus celdas con algo escrito. */
export const FRACCION_TEXTOS_COLUMNA = 0.5;

/**
 * Avisos de las columnas: las que parecen datos y no se leyeron (si tienen algo escrito debajo),
 * las ambiguas, y las de cifras que casi solo tienen textos.
 */
function avisosDeColumnas(
  hoja: HojaAnalizada,
  enc: Encabezado,
  leidas: ColumnasLeidas,
  dic: Diccionario,
  celdas: LectorCeldas,
  problemas: readonly ProblemaLectura[],
  filasLeidas: readonly number[],
  avisos: AvisoLectura[],
): void {
  for (const s of enc.sinLeer) {
    const ambigua = s.ambigua.length >= 2;
    const calculada = !ambigua && dic.calculada(s.normalizado, s.texto);
    if (!ambigua && !calculada && !dic.relevante(s.normalizado, s.texto)) continue;
    if (!filasLeidas.some((r) => !esVacio(celdaTexto(hoja.fila(r)[s.columna])))) continue;
    const celda = celdaEncabezado(hoja, s);
    avisos.push(
      ambigua
        ? { tipo: "columna-ambigua", hoja: hoja.nombre, celda, encabezado: s.texto, campos: [...s.ambigua] }
        : { tipo: calculada ? "columna-calculada" : "columna-no-leida", hoja: hoja.nombre, celda, encabezado: s.texto },
    );
  }
  const porColumna = new Map<number, ColumnaEncabezado>();
  for (const col of leidas.columnas.values()) porColumna.set(hoja.col0 + col.columna, col);
  const textos = new Map<number, ProblemaLectura[]>();
  for (const p of problemas) {
    if (p.tipo !== "valor-ilegible" || p.celda === null) continue;
    const columna = leerDireccion(p.celda)?.columna;
    if (columna === undefined || !porColumna.has(columna)) continue;
    let lista = textos.get(columna);
    if (lista === undefined) textos.set(columna, (lista = []));
    lista.push(p);
  }
  for (const [columna, lista] of textos) {
    if (lista.length < MINIMO_TEXTOS_COLUMNA) continue;
    const col = porColumna.get(columna)!;
    // Celdas con algo escrito en la columna (solo se cuentan en las pocas columnas con textos).
    let conDato = 0;
    for (const r of filasLeidas) if (!celdas.vacia(hoja.fila(r)[col.columna])) conDato++;
    if (lista.length <= FRACCION_TEXTOS_COLUMNA * conDato) continue;
    avisos.push({
      tipo: "columna-texto",
      hoja: hoja.nombre,
      celda: celdaEncabezado(hoja, col),
      encabezado: col.completo,
      campo: col.clave,
      textos: lista.length,
      celdas: conDato,
      ejemplo: lista[0].detalle,
      celdaEjemplo: lista[0].celda!,
    });
  }
}

/** Una celda como texto para saber si tiene algo escrito. */
function celdaTexto(v: unknown): unknown {
  return typeof v === "string" ? v.trim() : v === undefined || v === "" ? null : v;
}

/** Lee una hoja con su descriptor: columnas, problemas de columnas y una fila del modelo por fila de datos. */
function leerHoja(
  d: CualquierDescriptor,
  c: Candidata,
  lectura: ProblemaLectura[],
  avisos: AvisoLectura[],
  origen: Origen | null = null,
): unknown {
  const hoja = c.hoja;
  const dic = diccionario(d);
  const enc = c.encabezado(dic);
  const leidas = enc === null ? null : columnasLeidas(enc);
  if (enc !== null && leidas !== null) {
    resolverAnios(d, hoja, enc, leidas, avisos);
    detectarCodigosEnNombres(d, hoja, enc, leidas, avisos);
  }
  problemasDeColumnas(hoja, d, dic, enc, leidas, lectura);
  if (enc === null || leidas === null) return null;
  const celdas = new LectorCeldas(hoja, lectura, c.grilla.formatos, c.fecha1904);
  const inicio = lectura.length;

  const columna = (clave: string) => leidas.columnas.get(clave)?.columna ?? -1;
  const campos = new Map<string, number>();
  const camposHoja: Record<string, number> = {};
  for (const campo of Object.keys(d.campos)) {
    const k = columna(campo);
    campos.set(campo, k);
    if (k >= 0) camposHoja[campo] = hoja.col0 + k;
  }
  const series = new Map<string, { columnas: number[]; claves: string[] }>();
  const columnas: Record<string, unknown> = { campos: camposHoja };
  const periodos: Record<string, unknown> = {};
  for (const serie of Object.keys(d.series)) {
    const claves = clavesSerie(serie);
    const cols = claves.map(columna);
    series.set(serie, { columnas: cols, claves });
    columnas[serie] = cols.map((k) => (k < 0 ? null : hoja.col0 + k));
    periodos[serie] = periodoDeSerie(leidas, serie);
  }

  const mapeadas = columnasMapeadas(leidas);
  const ident = identidad(leidas, d.identidad);
  const relleno = Object.entries(d.campos)
    .filter(([, def]) => def.relleno === true)
    .map(([campo]) => columna(campo));
  const rellenos = rellenosCombinadas(c, enc, relleno, celdas);
  const campoPonderacion = d.ponderaciones?.campo;
  const lector = new FilaDeHoja(celdas, campos, series, leidas.codigosEnNombres, campoPonderacion);
  const filas: Record<string, unknown>[] = [];
  const filasLeidas: number[] = [];
  const escritas: PonderacionEscrita[] = [];
  const crudas: { r: number; valores: readonly unknown[] }[] | null = origen === null ? null : [];
  for (let r = enc.fila + 1; r < hoja.filas.length; r++) {
    const valores = filaDatos(hoja, r, rellenos, celdas);
    if (filaVacia(valores, mapeadas, celdas)) continue;
    if (esEncabezadoRepetido(valores, ident)) continue;
    const antes = lectura.length;
    lector.poner(r, valores);
    const leida = d.leerFila(lector) as Record<string, unknown> | null;
    if (lectura.length - antes > 1) ordenarPorColumna(lectura, antes);
    if (leida === null) continue;
    filas.push(leida);
    filasLeidas.push(r);
    crudas?.push({ r, valores });
    const p = lector.ponderacionEscrita;
    if (p !== null && d.historica?.(leida) !== true)
      escritas.push({ fila: leida, filaHoja: lector.fila, valor: p.valor, porcentaje: p.porcentaje });
  }

  if (d.ponderaciones !== undefined && campos.get(d.ponderaciones.campo)! >= 0) {
    const col = hoja.col0 + campos.get(d.ponderaciones.campo)!;
    ajustarPonderaciones(escritas, d.ponderaciones.campo, d.ponderaciones.grupo, hoja.nombre, col, avisos);
  }
  aplicarAnioAFilas(d, hoja, leidas, filas, avisos);
  if (origen !== null && crudas !== null)
    origen.hojas.set(
      d.id,
      recolectarOrigen({ d, hoja, enc, leidas, formatos: c.grilla.formatos, filas: crudas, celdas: origen.celdas }),
    );
  avisosDeColumnas(hoja, enc, leidas, dic, celdas, lectura.slice(inicio), filasLeidas, avisos);
  const base = {
    nombre: hoja.nombre,
    filaEncabezado: hoja.fila0 + enc.fila + 1,
    columnas,
    periodos,
  } as unknown as HojaBase<string, string>;
  return d.construir(base, filas);
}
