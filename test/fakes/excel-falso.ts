/**
 * Un Excel falso, honesto, para el subconjunto de Office.js que usa el complemento.
 *
 * Se comporta como Excel en lo que modela y lanza «no modelado» en lo demás, nunca devuelve
 * datos inventados:
 * - Objetos proxy: `load(...)` y los métodos y escrituras se encolan; se ejecutan en orden en
 *   `context.sync()`, que se CUENTA. Una propiedad se puede leer solo después de `load` y del
 *   `sync` siguiente (si no, Error con code "PropertyNotLoaded", como Office.js); lo leído es
 *   una copia del momento del sync. Si una operación del lote falla, el sync se rechaza, lo
 *   anterior del lote queda aplicado y nada de lo cargado en ese lote queda disponible.
 * - `*OrNullObject`: `isNullObject` se carga solo en el sync siguiente; las propiedades de un
 *   objeto nulo leen `undefined` (como el cliente de Office.js); cualquier método sobre un objeto
 *   nulo no está documentado: «no modelado».
 * - Valores 2-D como `range.values`: número, texto o booleano; "" para la celda vacía; los
 *   errores como texto ("#REF!"). En un área combinada solo la celda superior izquierda tiene
 *   valor. `numberFormat` 2-D ("General" por defecto).
 * - Límites documentados de Excel: 5.000.000 de celdas por lectura (RangeExceedsLimit), 512
 *   áreas combinadas por `getMergedAreasOrNullObject`, direcciones de `getRanges` truncadas a
 *   8192 caracteres y, opcionalmente (`limiteBytesRespuesta`, Excel en la Web: 5 MB), el tamaño
 *   de la respuesta de cada sync (ResponsePayloadSizeLimitExceeded).
 * - Formato propio de cada celda (relleno, color de fuente, bordes) guardado por celda, y
 *   formatos condicionales con prioridad (el último agregado queda primero).
 * - Configuración del documento (`Office.context.document.settings`): copia en memoria y copia
 *   guardada en el archivo (`saveAsync`); `guardar()` devuelve el estado del archivo y
 *   `crearLibroFalso(estado)` lo vuelve a abrir (formatos condicionales y configuración guardada
 *   incluidos; lo no guardado con saveAsync se pierde; los ids de los formatos condicionales
 *   cambian, como puede pasar en Excel).
 * - `Excel.run(lote)` hace un sync final si quedaron operaciones pendientes, como Office.js; los
 *   objetos de un `run` terminado no sirven en otro (InvalidObjectPath), salvo con
 *   `Excel.run(context, lote)`, que reutiliza el contexto de un lote anterior.
 * - Eventos de cambio de las hojas (`Worksheet.onChanged`) y lo que escribe el usuario
 *   (`escribirComoUsuario`): ver eventos-falsos.ts.
 *
 * - Partes XML personalizadas (`workbook.customXmlParts`): test/fakes/partes-xml-falsas.ts.
 *
 * TypeScript sin importaciones de Node: la prueba de punta a punta lo empaqueta en una página y
 * lo instala como anfitrión con `instalarExcelFalso(globalThis, libro)`.
 */
import { ModeloPartesXml, crearColeccionPartesXml, type DefinicionParteXml } from "./partes-xml-falsas";

import { formulasEscritas, modelosEscritura } from "./escritura-falsa";

import { RegistroEventos, eventHandlersDeHoja } from "./eventos-falsos";

// =============================================================================================
// Errores

/** Error de la API como los de Office.js (OfficeExtension.Error: name "RichApi.Error", code). */
export class ErrorExcelFalso extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string };
  constructor(code: string, mensaje: string) {
    super(mensaje);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message: mensaje };
  }
}

/** Lo que el falso no modela: falla en voz alta en lugar de devolver algo inventado. */
export class NoModelado extends Error {
  constructor(que: string) {
    super(`no modelado en el Excel falso: ${que}`);
    this.name = "NoModelado";
  }
}

export function propiedadNoCargada(propiedad: string): ErrorExcelFalso {
  return new ErrorExcelFalso(
    "PropertyNotLoaded",
    `The property '${propiedad}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export function argumentoInvalido(detalle: string): ErrorExcelFalso {
  return new ErrorExcelFalso(
    "InvalidArgument",
    `The argument is invalid or missing or has an incorrect format. (${detalle})`,
  );
}

export function noEncontrado(detalle: string): ErrorExcelFalso {
  return new ErrorExcelFalso("ItemNotFound", `The requested resource doesn't exist. (${detalle})`);
}

// =============================================================================================
// Constantes de Excel

export const MAX_FILAS = 1_048_576;
export const MAX_COLUMNAS = 16_384;
export const LIMITE_CELDAS_LECTURA = 5_000_000;
export const LIMITE_AREAS_COMBINADAS = 512;
export const LIMITE_DIRECCION = 8192;
/** Excel en la Web: 5 MB por solicitud y por respuesta. */
export const LIMITE_WEB_BYTES = 5 * 1024 * 1024;

const TIPOS_FORMATO_CONDICIONAL = [
  "Custom",
  "DataBar",
  "ColorScale",
  "IconSet",
  "TopBottom",
  "PresetCriteria",
  "ContainsText",
  "CellValue",
] as const;
export type TipoFormatoCondicional = (typeof TIPOS_FORMATO_CONDICIONAL)[number];

const LADOS = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;
export type LadoBorde = (typeof LADOS)[number];

// =============================================================================================
// Direcciones A1 (propias: el falso no comparte código con el producto)

export interface Rect {
  /** 0-based. */
  fila: number;
  columna: number;
  filas: number;
  columnas: number;
}

function columnaDeLetras(letras: string): number {
  let n = 0;
  for (const c of letras) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}

export function letrasDeColumna(indice: number): string {
  let n = indice + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "B3", "$B$3:D10", "A:C", "1:40" → Rect. Lanza InvalidArgument (o «no modelado» para nombres definidos). */
export function analizarDireccion(texto: string): Rect {
  const s = String(texto).trim().replace(/\$/g, "").toUpperCase();
  if (s.includes("!")) throw new NoModelado(`dirección con nombre de hoja («${texto}»)`);
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(s);
  let r: Rect | null = null;
  if (m) {
    const c1 = columnaDeLetras(m[1]);
    const f1 = Number(m[2]) - 1;
    const c2 = m[3] ? columnaDeLetras(m[3]) : c1;
    const f2 = m[4] ? Number(m[4]) - 1 : f1;
    r = {
      fila: Math.min(f1, f2),
      columna: Math.min(c1, c2),
      filas: Math.abs(f2 - f1) + 1,
      columnas: Math.abs(c2 - c1) + 1,
    };
  } else if ((m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(s))) {
    const c1 = columnaDeLetras(m[1]);
    const c2 = columnaDeLetras(m[2]);
    r = { fila: 0, columna: Math.min(c1, c2), filas: MAX_FILAS, columnas: Math.abs(c2 - c1) + 1 };
  } else if ((m = /^(\d+):(\d+)$/.exec(s))) {
    const f1 = Number(m[1]) - 1;
    const f2 = Number(m[2]) - 1;
    r = { fila: Math.min(f1, f2), columna: 0, filas: Math.abs(f2 - f1) + 1, columnas: MAX_COLUMNAS };
  } else if (/^[A-Z_\\][A-Z0-9_.]*$/.test(s)) {
    throw new NoModelado(`nombres definidos («${texto}»)`);
  }
  if (!r || r.fila < 0 || r.columna < 0 || r.fila + r.filas > MAX_FILAS || r.columna + r.columnas > MAX_COLUMNAS) {
    throw argumentoInvalido(`dirección «${texto}»`);
  }
  return r;
}

export function textoDireccion(r: Rect): string {
  if (r.columnas === MAX_COLUMNAS) return `${r.fila + 1}:${r.fila + r.filas}`;
  if (r.filas === MAX_FILAS) return `${letrasDeColumna(r.columna)}:${letrasDeColumna(r.columna + r.columnas - 1)}`;
  const ini = `${letrasDeColumna(r.columna)}${r.fila + 1}`;
  if (r.filas === 1 && r.columnas === 1) return ini;
  return `${ini}:${letrasDeColumna(r.columna + r.columnas - 1)}${r.fila + r.filas}`;
}

/** Nombre de hoja como lo pone Excel delante de una dirección (entre comillas si hace falta; aproximado). */
function prefijoHoja(nombre: string): string {
  const simple =
    /^[A-Za-z_\u00C0-\u024F][A-Za-z0-9_.\u00C0-\u024F]*$/.test(nombre) && !/^[A-Za-z]{1,3}\d+$/.test(nombre);
  return simple ? nombre : `'${nombre.replace(/'/g, "''")}'`;
}

function seTocan(a: Rect, b: Rect): boolean {
  return (
    a.fila < b.fila + b.filas &&
    b.fila < a.fila + a.filas &&
    a.columna < b.columna + b.columnas &&
    b.columna < a.columna + a.columnas
  );
}

function contiene(a: Rect, fila: number, columna: number): boolean {
  return fila >= a.fila && fila < a.fila + a.filas && columna >= a.columna && columna < a.columna + a.columnas;
}

// =============================================================================================
// El documento

export type ValorCelda = number | string | boolean;

export interface BordeFalso {
  estilo: string;
  color: string;
}

export interface FormatoCeldaFalso {
  /** null = sin relleno. */
  relleno: string | null;
  fuente: string;
  bordes: Record<LadoBorde, BordeFalso>;
}

function formatoPorDefecto(): FormatoCeldaFalso {
  return {
    relleno: null,
    fuente: "#000000",
    bordes: {
      EdgeTop: { estilo: "None", color: "#000000" },
      EdgeBottom: { estilo: "None", color: "#000000" },
      EdgeLeft: { estilo: "None", color: "#000000" },
      EdgeRight: { estilo: "None", color: "#000000" },
    },
  };
}

function esFormatoPorDefecto(f: FormatoCeldaFalso): boolean {
  return JSON.stringify(f) === JSON.stringify(formatoPorDefecto());
}

/** Un formato condicional, tal como se inspecciona en las pruebas o se guarda en el archivo. */
export interface FormatoCondicionalFalso {
  id?: string;
  tipo: TipoFormatoCondicional;
  /** Fórmula de la regla (tipo Custom). */
  formula: string | null;
  relleno: string | null;
  fuente: string | null;
  stopIfTrue?: boolean;
  /** Direcciones separadas por comas («A1,B5:B7»). */
  areas: string;
}

interface FormatoCondicionalModelo {
  id: string;
  tipo: TipoFormatoCondicional;
  formula: string | null;
  relleno: string | null;
  fuente: string | null;
  stopIfTrue: boolean;
  areas: Rect[];
}

const CLAVE_FILA = MAX_COLUMNAS;

export class HojaModelo {
  filas: (ValorCelda[] | undefined)[] = [];
  formatosNumero: (string[] | undefined)[] = [];
  formatos = new Map<number, FormatoCeldaFalso>();
  combinadas: Rect[] = [];
  condicionales: FormatoCondicionalModelo[] = [];
  seleccion: Rect = { fila: 0, columna: 0, filas: 1, columnas: 1 };
  /** Celdas con fórmula del libro del usuario (clave fila × CLAVE_FILA + columna → fórmula). */
  formulas = new Map<number, string>();
  constructor(
    public id: string,
    public nombre: string,
  ) {}

  valor(f: number, c: number): ValorCelda {
    const v = this.filas[f]?.[c];
    return v === undefined ? "" : v;
  }
  formatoNumero(f: number, c: number): string {
    return this.formatosNumero[f]?.[c] ?? "General";
  }
  formato(f: number, c: number): FormatoCeldaFalso {
    return this.formatos.get(f * CLAVE_FILA + c) ?? formatoPorDefecto();
  }
  ponerValor(f: number, c: number, v: ValorCelda): void {
    if (v === "") {
      const fila = this.filas[f];
      if (fila) delete fila[c];
      return;
    }
    (this.filas[f] ??= [])[c] = v;
  }
  ponerFormatoNumero(f: number, c: number, formato: string): void {
    if (formato === "General") {
      const fila = this.formatosNumero[f];
      if (fila) delete fila[c];
      return;
    }
    (this.formatosNumero[f] ??= [])[c] = formato;
  }
  cambiarFormato(f: number, c: number, cambio: (x: FormatoCeldaFalso) => void): void {
    const x = this.formato(f, c);
    const copia: FormatoCeldaFalso = JSON.parse(JSON.stringify(x));
    cambio(copia);
    if (esFormatoPorDefecto(copia)) this.formatos.delete(f * CLAVE_FILA + c);
    else this.formatos.set(f * CLAVE_FILA + c, copia);
  }

  /** Rango usado: con valores (soloValores) o con valores o formato. null si la hoja está vacía. */
  rangoUsado(soloValores: boolean): Rect | null {
    let fMin = Infinity;
    let fMax = -1;
    let cMin = Infinity;
    let cMax = -1;
    const marcar = (f: number, c: number) => {
      if (f < fMin) fMin = f;
      if (f > fMax) fMax = f;
      if (c < cMin) cMin = c;
      if (c > cMax) cMax = c;
    };
    this.filas.forEach((fila, f) => fila?.forEach((v, c) => v !== undefined && v !== "" && marcar(f, c)));
    if (!soloValores) {
      this.formatosNumero.forEach((fila, f) => fila?.forEach((v, c) => v !== undefined && marcar(f, c)));
      for (const clave of this.formatos.keys()) marcar(Math.floor(clave / CLAVE_FILA), clave % CLAVE_FILA);
    }
    if (fMax < 0) return null;
    return { fila: fMin, columna: cMin, filas: fMax - fMin + 1, columnas: cMax - cMin + 1 };
  }

  /** Lo que las pruebas comparan antes y después: valores, formatos de número, formato propio, combinadas. */
  instantanea(): InstantaneaHoja {
    const valores: Record<string, ValorCelda> = {};
    this.filas.forEach((fila, f) => fila?.forEach((v, c) => (valores[textoDireccion(celda(f, c))] = v)));
    const formatosNumero: Record<string, string> = {};
    this.formatosNumero.forEach((fila, f) =>
      fila?.forEach((v, c) => (formatosNumero[textoDireccion(celda(f, c))] = v)),
    );
    const formatos: Record<string, FormatoCeldaFalso> = {};
    for (const [clave, x] of [...this.formatos.entries()].sort((a, b) => a[0] - b[0])) {
      formatos[textoDireccion(celda(Math.floor(clave / CLAVE_FILA), clave % CLAVE_FILA))] = JSON.parse(
        JSON.stringify(x),
      );
    }
    return { valores, formatosNumero, formatos, combinadas: this.combinadas.map(textoDireccion) };
  }
}

export function celda(fila: number, columna: number): Rect {
  return { fila, columna, filas: 1, columnas: 1 };
}

export interface InstantaneaHoja {
  valores: Record<string, ValorCelda>;
  formatosNumero: Record<string, string>;
  formatos: Record<string, FormatoCeldaFalso>;
  combinadas: string[];
}

// =============================================================================================
// Definición de un libro (para construirlo, y el estado de un archivo guardado)

/** Un área combinada como la da GrillaHoja (0-based) o una dirección («A1:C1»). */
export type AreaFalsa = { fila: number; columna: number; filas: number; columnas: number } | string;

export interface DefinicionHojaFalsa {
  nombre: string;
  id?: string;
  /** Valores desde (filaInicial, columnaInicial); null/undefined/"" = vacía. Como GrillaHoja.valores. */
  valores?: readonly (readonly unknown[])[];
  filaInicial?: number;
  columnaInicial?: number;
  /** Formatos de número con la misma forma que `valores`. */
  formatos?: readonly (readonly (string | null | undefined)[])[];
  /** Valores sueltos por dirección («A1» → valor), además de `valores`. */
  celdas?: Readonly<Record<string, unknown>>;
  /**
   * Celdas con fórmula («E7» → «=SUMA(…)»). El falso no calcula: el valor de la celda es el de
   * `valores`/`celdas`, y una prueba que cambia lo que la fórmula usa le pone el resultado nuevo
   * con `recalcularComoExcel` (sin aviso de onChanged, como el recálculo de Excel).
   */
  formulas?: Readonly<Record<string, string>>;
  combinadas?: readonly AreaFalsa[];
  /** Formato propio por celda («B3» → relleno, fuente, bordes). */
  formatoCeldas?: Readonly<
    Record<string, Partial<Omit<FormatoCeldaFalso, "bordes">> & { bordes?: Partial<Record<LadoBorde, BordeFalso>> }>
  >;
  formatosCondicionales?: readonly FormatoCondicionalFalso[];
  /** Celda seleccionada de la hoja («A1» por defecto). */
  seleccion?: string;
}

export interface DefinicionLibroFalso {
  hojas: readonly DefinicionHojaFalsa[];
  /** Configuración guardada en el archivo (Office.context.document.settings). */
  ajustes?: Readonly<Record<string, unknown>>;
  /** Partes XML personalizadas del archivo (workbook.customXmlParts). */
  partesXml?: readonly DefinicionParteXml[];
  /** Hoja activa (la primera por defecto). */
  activa?: string;
}

export interface OpcionesLibroFalso {
  /** Tamaño máximo de la respuesta de un sync, en bytes (Excel en la Web: LIMITE_WEB_BYTES). Sin límite por defecto (escritorio). */
  limiteBytesRespuesta?: number;
  /** Versión más alta de ExcelApi que «soporta» este Excel (para Office.context.requirements). */
  versionExcelApi?: string;
  /** Largo máximo de una parte XML personalizada (Excel en la Web: LIMITE_WEB_PARTE_XML). Sin límite por defecto. */
  limiteCaracteresParteXml?: number;
  /**
   * Los formatos condicionales que agrega o borra el complemento avisan onChanged (Excel no lo
   * documenta; sirve para probar que el complemento ignora sus propios cambios). No, por defecto.
   */
  avisarCambiosDelComplemento?: boolean;
}

/** Lo medido en cada sync. */
export interface MedidaSync {
  /** Operaciones del lote (cargas, métodos, escrituras). */
  operaciones: number;
  /** Tamaño aproximado (JSON) de lo que Excel devolvería. */
  bytesRespuesta: number;
  /** Tamaño aproximado (JSON) de los argumentos enviados. */
  bytesPeticion: number;
  /** El sync falló. */
  fallo: boolean;
}

function jsonDe(v: unknown): unknown {
  return v === undefined ? undefined : JSON.parse(JSON.stringify(v));
}

function comprobarValor(v: unknown, hoja: string, f: number, c: number): ValorCelda {
  if (v === null || v === undefined) return "";
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new NoModelado(`valor no finito en ${hoja}!${textoDireccion(celda(f, c))}`);
    return v;
  }
  throw new NoModelado(
    `valor de tipo ${Object.prototype.toString.call(v)} en ${hoja}!${textoDireccion(celda(f, c))} (Excel guarda números, textos y booleanos)`,
  );
}

let siguienteId = 1;

// =============================================================================================
// El libro: el documento, la puerta de la API (run, settings) y la inspección para las pruebas

export class LibroFalso {
  hojas: HojaModelo[] = [];
  activaId = "";
  /** Configuración en memoria (la que ve el complemento). */
  ajustesMemoria = new Map<string, unknown>();
  /** Configuración guardada en el archivo (saveAsync). */
  ajustesArchivo: Record<string, unknown> = {};
  /** Manejadores de Office.EventType.SettingsChanged registrados con addHandlerAsync. */
  manejadoresAjustes: ((...args: unknown[]) => void)[] = [];
  /** Si no es null, el próximo saveAsync falla con este mensaje. */
  fallarGuardadoAjustes: string | null = null;
  /** Llamadas a context.sync() (más el sync final implícito de run cuando quedan operaciones). */
  syncs = 0;
  medidas: MedidaSync[] = [];
  /** Cambia con cada escritura (para no recalcular el rango usado dentro de un mismo estado). */
  _version = 0;
  /** Lo que el complemento le pide a Office fuera de Excel.run. */
  readonly registro = {
    asociaciones: new Map<string, (...args: unknown[]) => unknown>(),
    /** CustomFunctions.associate (si se instaló con `funcionesPersonalizadas`). */
    funciones: new Map<string, (...args: unknown[]) => unknown>(),
    panelMostrado: 0,
    panelOculto: 0,
    /** Recálculos pedidos con workbook.application.calculate (tipo: "Full", "Recalculate"…), en orden. */
    recalculos: [] as string[],
  };
  readonly ajustes: AjustesFalsos;
  /** Partes XML personalizadas (workbook.customXmlParts). */
  readonly partesXml: ModeloPartesXml;
  /** Manejadores de Worksheet.onChanged y sus avisos (eventos-falsos.ts). */
  readonly eventos: RegistroEventos;

  constructor(readonly opciones: OpcionesLibroFalso = {}) {
    this.ajustes = blindar(new AjustesFalsos(this), "Settings");
    this.partesXml = new ModeloPartesXml(() => this.nuevoId("XML"), opciones.limiteCaracteresParteXml);
    this.eventos = new RegistroEventos({
      versionExcelApi: () => this.opciones.versionExcelApi ?? "1.17",
      avisarCambiosDelComplemento: () => this.opciones.avisarCambiosDelComplemento === true,
    });
  }

  /**
   * El usuario escribe en la hoja (no es la API: no cuenta syncs): cambian los valores desde
   * `direccion` y Excel avisa a los manejadores de onChanged de esa hoja.
   */
  escribirComoUsuario(hoja: string, direccion: string, valores: unknown | readonly (readonly unknown[])[]): void {
    const h = this.hojaParaPrueba(hoja);
    const r = analizarDireccion(direccion);
    const filas = Array.isArray(valores) ? (valores as readonly (readonly unknown[])[]) : [[valores]];
    const antes = h.valor(r.fila, r.columna);
    filas.forEach((fila, f) =>
      fila.forEach((v, c) => {
        h.ponerValor(r.fila + f, r.columna + c, comprobarValor(v, h.nombre, r.fila + f, r.columna + c));
        // Escribir un valor sobre una fórmula la reemplaza.
        h.formulas.delete((r.fila + f) * CLAVE_FILA + r.columna + c);
      }),
    );
    this._version++;
    const alto = filas.length;
    const ancho = Math.max(1, ...filas.map((x) => x.length));
    const rect = { fila: r.fila, columna: r.columna, filas: alto, columnas: ancho };
    const tipo = (v: ValorCelda) =>
      v === "" ? "Empty" : typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String";
    const despues = h.valor(r.fila, r.columna);
    this.eventos.avisar(
      h.id,
      textoDireccion(rect),
      false,
      alto === 1 && ancho === 1
        ? { valueBefore: antes, valueAfter: despues, valueTypeBefore: tipo(antes), valueTypeAfter: tipo(despues) }
        : undefined,
    );
  }

  /**
   * Excel recalcula una fórmula del usuario (porque cambió algo que usa): su valor cambia y
   * onChanged NO avisa (Excel avisa lo que se edita, no lo que se recalcula).
   */
  recalcularComoExcel(hoja: string, direccion: string, valor: unknown): void {
    const h = this.hojaParaPrueba(hoja);
    const r = analizarDireccion(direccion);
    if (!h.formulas.has(r.fila * CLAVE_FILA + r.columna))
      throw new Error(`${hoja}!${direccion} no tiene fórmula: no hay nada que recalcular.`);
    h.ponerValor(r.fila, r.columna, comprobarValor(valor, h.nombre, r.fila, r.columna));
    this._version++;
  }

  /** Ids únicos en todo el proceso (un libro reabierto conserva los de sus hojas y no choca con los nuevos). */
  nuevoId(prefijo: string): string {
    const n = String(siguienteId++).padStart(12, "0");
    return `{${prefijo}-0000-4000-8000-${n}}`;
  }

  /**
   * Excel.run(lote): un contexto nuevo; sync final si quedaron operaciones. Excel.run(context,
   * lote): el contexto de un lote anterior (p. ej. el de un EventHandlerResult, para quitarlo).
   */
  run = async <T>(
    primero: ((context: ContextoFalso) => Promise<T>) | ContextoFalso,
    segundo?: (context: ContextoFalso) => Promise<T>,
  ): Promise<T> => {
    let lote = primero as (context: ContextoFalso) => Promise<T>;
    let context: ContextoFalso;
    if (primero instanceof ContextoFalso && typeof segundo === "function") {
      if (primero._libro !== this) throw new NoModelado("Excel.run con el contexto de otro libro");
      context = primero;
      context._reabrir();
      lote = segundo;
    } else if (typeof primero !== "function" || segundo !== undefined) {
      throw new NoModelado("Excel.run con argumentos distintos de una función o de (contexto, función)");
    } else {
      context = new ContextoFalso(this);
    }
    try {
      const resultado = await lote(context);
      if (context._pendientes() > 0) await context.sync();
      return resultado;
    } finally {
      context._cerrar();
    }
  };

  hojaPorClave(clave: string): HojaModelo | null {
    const k = clave.toLocaleLowerCase();
    return this.hojas.find((h) => h.id === clave || h.nombre.toLocaleLowerCase() === k) ?? null;
  }

  private hojaParaPrueba(nombre: string): HojaModelo {
    const h = this.hojaPorClave(nombre);
    if (!h) throw new Error(`El libro falso no tiene la hoja «${nombre}».`);
    return h;
  }

  // ---- Inspección (no es API de Office: la usan las pruebas) ----

  nombresHojas(): string[] {
    return this.hojas.map((h) => h.nombre);
  }
  valor(hoja: string, direccion: string): ValorCelda {
    const r = analizarDireccion(direccion);
    return this.hojaParaPrueba(hoja).valor(r.fila, r.columna);
  }
  formatoCelda(hoja: string, direccion: string): FormatoCeldaFalso {
    const r = analizarDireccion(direccion);
    return jsonDe(this.hojaParaPrueba(hoja).formato(r.fila, r.columna)) as FormatoCeldaFalso;
  }
  instantaneaCeldas(hoja: string): InstantaneaHoja {
    return this.hojaParaPrueba(hoja).instantanea();
  }
  formatosCondicionales(hoja: string): FormatoCondicionalFalso[] {
    return this.hojaParaPrueba(hoja).condicionales.map((fc) => ({
      id: fc.id,
      tipo: fc.tipo,
      formula: fc.formula,
      relleno: fc.relleno,
      fuente: fc.fuente,
      stopIfTrue: fc.stopIfTrue,
      areas: fc.areas.map(textoDireccion).join(","),
    }));
  }
  /**
   * El relleno que el usuario ve en la celda: el del formato condicional de mayor prioridad que
   * la cubre y se cumple, o el de la celda. Solo evalúa fórmulas constantes `=N("…")=0` y `=TRUE`;
   * otro formato condicional sobre la celda: «no modelado».
   */
  rellenoVisible(hoja: string, direccion: string): string | null {
    const h = this.hojaParaPrueba(hoja);
    const r = analizarDireccion(direccion);
    for (const fc of h.condicionales) {
      if (!fc.areas.some((a) => contiene(a, r.fila, r.columna))) continue;
      const f = (fc.formula ?? "").replace(/\s+/g, "").toUpperCase();
      const constante = fc.tipo === "Custom" && (/^=N\("[^"]*"\)=0$/.test(f) || f === "=TRUE" || f === "=VERDADERO");
      if (!constante) throw new NoModelado(`evaluar el formato condicional ${fc.tipo} «${fc.formula ?? ""}»`);
      if (fc.relleno !== null) return fc.relleno;
      if (fc.stopIfTrue) break;
    }
    return h.formato(r.fila, r.columna).relleno;
  }
  hojaActiva(): string {
    return this.hojas.find((h) => h.id === this.activaId)?.nombre ?? "";
  }
  /** Hoja activa y su selección («PMR», «B12»). */
  seleccion(): { hoja: string; direccion: string } {
    const h = this.hojas.find((x) => x.id === this.activaId);
    return { hoja: h?.nombre ?? "", direccion: h ? textoDireccion(h.seleccion) : "" };
  }
  ajustesGuardados(): Record<string, unknown> {
    return jsonDe(this.ajustesArchivo) as Record<string, unknown>;
  }
  /**
   * Simula que otra sesión (coautoría) guardó la configuración `ajustes` en el archivo: Excel
   * avisa a los manejadores de SettingsChanged (la copia en memoria se renueva con refreshAsync).
   */
  cambiarAjustesDesdeOtraSesion(ajustes: Record<string, unknown>): void {
    this.ajustesArchivo = { ...this.ajustesArchivo, ...(jsonDe(ajustes) as Record<string, unknown>) };
    for (const m of this.manejadoresAjustes) m({ type: "settingsChanged", settings: this.ajustes });
  }
  reiniciarConteo(): void {
    this.syncs = 0;
    this.medidas = [];
  }

  /** El estado del archivo al guardarlo (lo que `crearLibroFalso` vuelve a abrir). */
  guardar(): DefinicionLibroFalso {
    return {
      activa: this.hojaActiva(),
      ajustes: this.ajustesGuardados(),
      partesXml: this.partesXml.guardar(),
      hojas: this.hojas.map((h) => {
        const usado = h.rangoUsado(true);
        const numeros = (() => {
          let fMax = -1;
          let cMax = -1;
          h.formatosNumero.forEach((fila, f) =>
            fila?.forEach((_v, c) => {
              fMax = Math.max(fMax, f);
              cMax = Math.max(cMax, c);
            }),
          );
          return { fMax, cMax };
        })();
        const filas = Math.max(usado ? usado.fila + usado.filas : 0, numeros.fMax + 1);
        const columnas = Math.max(usado ? usado.columna + usado.columnas : 0, numeros.cMax + 1);
        const valores: ValorCelda[][] = [];
        const formatos: string[][] = [];
        for (let f = 0; f < filas; f++) {
          valores.push(Array.from({ length: columnas }, (_v, c) => h.valor(f, c)));
          formatos.push(Array.from({ length: columnas }, (_v, c) => h.formatoNumero(f, c)));
        }
        const formatoCeldas: Record<string, FormatoCeldaFalso> = {};
        for (const [clave, x] of h.formatos)
          formatoCeldas[textoDireccion(celda(Math.floor(clave / CLAVE_FILA), clave % CLAVE_FILA))] = jsonDe(
            x,
          ) as FormatoCeldaFalso;
        return {
          nombre: h.nombre,
          id: h.id,
          valores,
          formatos,
          combinadas: h.combinadas.map(textoDireccion),
          formatoCeldas,
          formatosCondicionales: this.formatosCondicionales(h.nombre).map((fc) => ({ ...fc, id: undefined })),
          seleccion: textoDireccion(h.seleccion),
        };
      }),
    };
  }
}

// =============================================================================================
// Configuración del documento (Office.Settings)

interface ResultadoAsincrono<T> {
  status: "succeeded" | "failed";
  value: T;
  error: { name: string; message: string; code: number } | null;
  asyncContext: unknown;
}

class AjustesFalsos {
  constructor(private readonly _libro: LibroFalso) {}
  get(nombre: string): unknown {
    const v = this._libro.ajustesMemoria.get(String(nombre));
    return v === undefined ? null : jsonDe(v);
  }
  set(nombre: string, valor: unknown): void {
    if (typeof nombre !== "string" || nombre === "")
      throw new Error("Settings.set: el nombre debe ser un texto no vacío.");
    if (valor === undefined) throw new NoModelado("Settings.set con undefined");
    this._libro.ajustesMemoria.set(nombre, jsonDe(valor));
  }
  remove(nombre: string): void {
    this._libro.ajustesMemoria.delete(String(nombre));
  }
  saveAsync(a?: unknown, b?: unknown): void {
    const callback = (typeof a === "function" ? a : b) as ((r: ResultadoAsincrono<void>) => void) | undefined;
    const opciones = typeof a === "object" && a !== null ? (a as { asyncContext?: unknown }) : {};
    const libro = this._libro;
    setTimeout(() => {
      let r: ResultadoAsincrono<void>;
      if (libro.fallarGuardadoAjustes !== null) {
        r = {
          status: "failed",
          value: undefined,
          error: { name: "Error", message: libro.fallarGuardadoAjustes, code: 5001 },
          asyncContext: opciones.asyncContext,
        };
        libro.fallarGuardadoAjustes = null;
      } else {
        libro.ajustesArchivo = Object.fromEntries([...libro.ajustesMemoria.entries()].map(([k, v]) => [k, jsonDe(v)]));
        r = { status: "succeeded", value: undefined, error: null, asyncContext: opciones.asyncContext };
      }
      callback?.(r);
    }, 0);
  }
  /** Solo Office.EventType.SettingsChanged («settingsChanged»): en Excel llega cuando otra sesión (coautoría) guarda. */
  addHandlerAsync(tipo: unknown, manejador: (...args: unknown[]) => void, a?: unknown, b?: unknown): void {
    if (tipo !== "settingsChanged") throw new NoModelado(`Settings.addHandlerAsync(${String(tipo)})`);
    if (typeof manejador !== "function") throw new Error("Settings.addHandlerAsync: falta el manejador.");
    this._libro.manejadoresAjustes.push(manejador);
    const callback = (typeof a === "function" ? a : b) as ((r: ResultadoAsincrono<void>) => void) | undefined;
    setTimeout(() => callback?.({ status: "succeeded", value: undefined, error: null, asyncContext: undefined }), 0);
  }
  removeHandlerAsync(tipo: unknown, a?: unknown, b?: unknown): void {
    if (tipo !== "settingsChanged") throw new NoModelado(`Settings.removeHandlerAsync(${String(tipo)})`);
    const opciones = typeof a === "object" && a !== null ? (a as { handler?: unknown }) : {};
    const libro = this._libro;
    libro.manejadoresAjustes = opciones.handler ? libro.manejadoresAjustes.filter((m) => m !== opciones.handler) : [];
    const callback = (typeof a === "function" ? a : b) as ((r: ResultadoAsincrono<void>) => void) | undefined;
    setTimeout(() => callback?.({ status: "succeeded", value: undefined, error: null, asyncContext: undefined }), 0);
  }
  refreshAsync(callback?: (r: ResultadoAsincrono<AjustesFalsos>) => void): void {
    const libro = this._libro;
    setTimeout(() => {
      libro.ajustesMemoria = new Map(Object.entries(libro.ajustesArchivo).map(([k, v]) => [k, jsonDe(v)]));
      callback?.({ status: "succeeded", value: this, error: null, asyncContext: undefined });
    }, 0);
  }
}

// =============================================================================================
// Proxies de la API

/** Propiedades que cualquier código (Promise, jest, React) puede consultar sin que sea la API. */
const CONSULTAS_DE_INFRAESTRUCTURA = new Set([
  "then",
  "toJSON",
  "constructor",
  "asymmetricMatch",
  "$$typeof",
  "nodeType",
  "tagName",
  "inspect",
  "toString",
  "valueOf",
  "length",
  "@@__IMMUTABLE_ITERABLE__@@",
  "@@__IMMUTABLE_RECORD__@@",
  "_isMockFunction",
]);

/** Envuelve un objeto para que leer o escribir un miembro que no modela lance «no modelado». */
export function blindar<T extends object>(objeto: T, clase: string): T {
  return new Proxy(objeto, {
    get(destino, p) {
      if (typeof p === "symbol" || p in destino || p.startsWith("_") || CONSULTAS_DE_INFRAESTRUCTURA.has(p)) {
        return Reflect.get(destino, p, destino);
      }
      throw new NoModelado(`${clase}.${p}`);
    },
    set(destino, p, valor) {
      if (typeof p === "symbol" || p in destino || p.startsWith("_")) return Reflect.set(destino, p, valor, destino);
      throw new NoModelado(`escribir ${clase}.${p}`);
    },
  });
}

/** Lo que devuelve un lote en curso: valores cargados (se confirman solo si el sync termina bien). */
export class Respuesta {
  bytes = 0;
  private confirmaciones: (() => void)[] = [];
  cargar(objeto: ObjetoFalso, propiedad: string, valor: unknown): void {
    this.bytes += propiedad.length + 3 + tamanoJson(valor);
    this.confirmaciones.push(() => objeto._cargado.set(propiedad, valor));
  }
  alConfirmar(accion: () => void): void {
    this.confirmaciones.push(accion);
  }
  confirmar(): void {
    for (const c of this.confirmaciones) c();
  }
}

function tamanoJson(v: unknown): number {
  if (v === null || v === undefined) return 4;
  if (typeof v === "number" || typeof v === "boolean") return String(v).length;
  if (typeof v === "string") return v.length + 2;
  return JSON.stringify(v).length;
}

type Operacion = (respuesta: Respuesta) => void;

export class ContextoFalso {
  private cola: Operacion[] = [];
  private bytesPeticion = 0;
  private cerrado = false;
  /** Se está ejecutando un lote (los objetos creados ahora nacen de una carga, no del código). */
  _ejecutando = false;
  readonly workbook: LibroProxy;
  constructor(readonly _libro: LibroFalso) {
    this.workbook = blindar(new LibroProxy(this), "Workbook");
    return blindar(this, "RequestContext");
  }
  _pendientes(): number {
    return this.cola.length;
  }
  _cerrar(): void {
    this.cerrado = true;
  }
  _reabrir(): void {
    this.cerrado = false;
  }
  _encolar(op: Operacion, argumentos?: unknown): void {
    if (this.cerrado) {
      throw new ErrorExcelFalso(
        "InvalidObjectPath",
        "The object path isn't working for what you're trying to do: the object belongs to a finished Excel.run batch.",
      );
    }
    if (argumentos !== undefined) this.bytesPeticion += tamanoJson(argumentos);
    this.cola.push(op);
  }
  async sync(): Promise<void> {
    if (this.cerrado)
      throw new ErrorExcelFalso("InvalidObjectPath", "The request context of a finished Excel.run batch can't sync.");
    const libro = this._libro;
    libro.syncs++;
    const cola = this.cola;
    const bytesPeticion = this.bytesPeticion;
    this.cola = [];
    this.bytesPeticion = 0;
    await new Promise<void>((resolver) => setTimeout(resolver, 0));
    const respuesta = new Respuesta();
    const medida: MedidaSync = { operaciones: cola.length, bytesRespuesta: 0, bytesPeticion, fallo: false };
    libro.medidas.push(medida);
    try {
      this._ejecutando = true;
      for (const op of cola) op(respuesta);
      medida.bytesRespuesta = respuesta.bytes;
      const limite = libro.opciones.limiteBytesRespuesta;
      if (limite !== undefined && (respuesta.bytes > limite || bytesPeticion > limite)) {
        throw new ErrorExcelFalso(
          "ResponsePayloadSizeLimitExceeded",
          "The response payload size has exceeded the limit.",
        );
      }
    } catch (error) {
      medida.fallo = true;
      throw error;
    } finally {
      this._ejecutando = false;
    }
    respuesta.confirmar();
  }
}

/** Base de los objetos proxy: carga perezosa, lectura solo de lo cargado, isNullObject. */
export abstract class ObjetoFalso {
  _cargado = new Map<string, unknown>();
  _nulo: boolean | undefined = undefined;
  private _hijos = new Map<string, ObjetoFalso>();
  abstract readonly _clase: string;
  /** Propiedades escalares que se pueden cargar. */
  abstract readonly _escalares: readonly string[];

  constructor(
    readonly _ctx: ContextoFalso,
    readonly _nulable: boolean,
  ) {
    if (_nulable && !_ctx._ejecutando) {
      // Office carga isNullObject solo, en el sync siguiente a la creación. (Si el objeto nace
      // durante un lote, de una ruta de carga, es esa carga la que dice si es nulo.)
      _ctx._encolar((respuesta) => {
        const destino = this._resolver();
        respuesta.alConfirmar(() => (this._nulo = destino === null));
      });
    }
  }

  /** El objeto del documento que representa (null: objeto nulo). Se llama al ejecutar el lote. */
  abstract _resolver(): unknown;
  /** Lee una propiedad escalar del objeto del documento. */
  abstract _leerEscalar(destino: unknown, propiedad: string): unknown;
  /** Propiedades de navegación (otros objetos proxy). */
  _navegacion(_nombre: string): ObjetoFalso | undefined {
    return undefined;
  }

  /** El destino, exigiendo que exista (un método sobre un objeto nulo no está modelado). */
  _destino(): unknown {
    const d = this._resolver();
    if (d === null) throw new NoModelado(`usar un ${this._clase} nulo (isNullObject) en un método o en otra llamada`);
    return d;
  }

  _hijo<T extends ObjetoFalso>(nombre: string, crear: () => T): T {
    let h = this._hijos.get(nombre);
    if (!h) {
      h = crear();
      this._hijos.set(nombre, h);
    }
    return h as T;
  }

  get isNullObject(): boolean {
    if (this._nulo === undefined) throw propiedadNoCargada("isNullObject");
    return this._nulo;
  }

  load(propiedades?: unknown): this {
    const rutas = analizarCarga(propiedades, this._clase);
    this._ctx._encolar((respuesta) => this._cargar(rutas, respuesta), propiedades);
    return this;
  }

  _cargar(rutas: string[][], respuesta: Respuesta): void {
    const destino = this._resolver();
    if (destino === null) {
      respuesta.alConfirmar(() => (this._nulo = true));
      return;
    }
    respuesta.alConfirmar(() => (this._nulo = false));
    const porHijo = new Map<string, string[][]>();
    for (const ruta of rutas) {
      const [cabeza, ...resto] = ruta;
      if (resto.length === 0 && this._escalares.includes(cabeza)) {
        respuesta.cargar(this, cabeza, this._leerEscalar(destino, cabeza));
        continue;
      }
      const hijo = this._navegacion(cabeza);
      if (!hijo) throw new NoModelado(`cargar «${ruta.join("/")}» en ${this._clase}`);
      if (resto.length === 0)
        throw new NoModelado(`cargar la navegación «${cabeza}» sin propiedades (cargue solo hojas del árbol)`);
      const lista = porHijo.get(cabeza) ?? [];
      lista.push(resto);
      porHijo.set(cabeza, lista);
    }
    for (const [cabeza, sub] of porHijo) this._navegacion(cabeza)!._cargar(sub, respuesta);
  }

  _leer(propiedad: string): unknown {
    if (this._nulo === true) return undefined;
    if (!this._cargado.has(propiedad)) throw propiedadNoCargada(propiedad);
    return this._cargado.get(propiedad);
  }

  /** Encola un método o una escritura que se aplica en el sync. */
  _operar(accion: () => void, argumentos?: unknown): void {
    this._ctx._encolar(() => {
      accion();
      this._ctx._libro._version++;
      this._nulo ??= false;
    }, argumentos ?? null);
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._cargado.entries());
  }
}

function analizarCarga(arg: unknown, clase: string): string[][] {
  let lista: string[];
  if (typeof arg === "string") lista = arg.split(",");
  else if (Array.isArray(arg)) lista = arg.flatMap((a) => String(a).split(","));
  else if (arg === undefined || arg === null)
    throw new NoModelado(`${clase}.load() sin propiedades (cargue solo las que usa)`);
  else throw new NoModelado(`${clase}.load con un objeto de opciones`);
  const rutas = lista
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.split("/").map((x) => x.trim()));
  if (rutas.length === 0) throw new NoModelado(`${clase}.load("") sin propiedades`);
  return rutas;
}

/** Colección: `items` solo tras cargar; "x" equivale a "items/x" (como Office.js). */
export abstract class ColeccionFalsa<T extends ObjetoFalso> extends ObjetoFalso {
  readonly _escalares: readonly string[] = [];
  _items: T[] | undefined = undefined;
  abstract _destinos(): unknown[];
  abstract _crearItem(destino: unknown): T;

  get items(): T[] {
    if (this._items === undefined) throw propiedadNoCargada("items");
    return this._items;
  }
  _resolver(): unknown {
    return this._destinos();
  }
  _leerEscalar(): unknown {
    throw new NoModelado(`propiedades escalares de ${this._clase}`);
  }
  override _cargar(rutas: string[][], respuesta: Respuesta): void {
    const sub = rutas.map((r) => (r[0] === "items" ? r.slice(1) : r));
    if (sub.some((r) => r.length === 0)) throw new NoModelado(`cargar ${this._clase}.items sin propiedades`);
    const items = this._destinos().map((d) => this._crearItem(d));
    for (const it of items) it._cargar(sub, respuesta);
    respuesta.alConfirmar(() => {
      this._items = items;
      this._nulo = false;
    });
  }
}

// ---- Workbook, WorksheetCollection, Worksheet ----

class LibroProxy extends ObjetoFalso {
  readonly _clase = "Workbook";
  readonly _escalares: readonly string[] = [];
  constructor(ctx: ContextoFalso) {
    super(ctx, false);
  }
  _resolver(): unknown {
    return this._ctx._libro;
  }
  _leerEscalar(): unknown {
    throw new NoModelado("propiedades escalares de Workbook");
  }
  override _navegacion(nombre: string): ObjetoFalso | undefined {
    if (nombre === "customXmlParts") return this.customXmlParts;
    return nombre === "worksheets" ? this.worksheets : undefined;
  }
  get worksheets(): ColeccionHojas {
    return this._hijo("worksheets", () => blindar(new ColeccionHojas(this._ctx), "WorksheetCollection"));
  }
  /** Tablas del libro (escritura-falsa.ts). */
  get tables(): ObjetoFalso {
    return this._hijo("tables", () => escritura().tablasDelLibro(this._ctx));
  }
  get customXmlParts(): ObjetoFalso {
    return this._hijo("customXmlParts", () => crearColeccionPartesXml(this._ctx));
  }
  get application(): AplicacionProxy {
    return this._hijo("application", () => blindar(new AplicacionProxy(this._ctx), "Application"));
  }
  getSelectedRange(): RangoProxy {
    const libro = this._ctx._libro;
    return blindar(
      new RangoProxy(this._ctx, false, () => {
        const h = libro.hojas.find((x) => x.id === libro.activaId);
        if (!h) throw new NoModelado("libro sin hoja activa");
        return { hoja: h, rect: h.seleccion };
      }),
      "Range",
    );
  }
}

/** Workbook.application: solo calculate (ExcelApi 1.1); el recálculo queda anotado en el registro. */
class AplicacionProxy extends ObjetoFalso {
  readonly _clase = "Application";
  readonly _escalares: readonly string[] = [];
  constructor(ctx: ContextoFalso) {
    super(ctx, false);
  }
  _resolver(): unknown {
    return this._ctx._libro;
  }
  _leerEscalar(): unknown {
    throw new NoModelado("propiedades escalares de Application");
  }
  calculate(tipo: unknown): void {
    const libro = this._ctx._libro;
    // Como en Excel, un tipo no válido falla en el sync. Sin cambio de _version: recalcular no
    // cambia los valores ni el formato de las celdas del libro falso (no tiene fórmulas).
    this._ctx._encolar(() => {
      if (typeof tipo !== "string" || !["Recalculate", "Full", "FullRebuild"].includes(tipo)) {
        throw new ErrorExcelFalso(
          "InvalidArgument",
          `The argument is invalid or missing (calculationType: ${String(tipo)}).`,
        );
      }
      libro.registro.recalculos.push(tipo);
    }, tipo ?? null);
  }
}

class ColeccionHojas extends ColeccionFalsa<HojaProxy> {
  readonly _clase = "WorksheetCollection";
  constructor(ctx: ContextoFalso) {
    super(ctx, false);
  }
  _destinos(): unknown[] {
    return [...this._ctx._libro.hojas];
  }
  _crearItem(destino: unknown): HojaProxy {
    const id = (destino as HojaModelo).id;
    return hojaPorClave(this._ctx, id, false, false);
  }
  getItem(clave: string): HojaProxy {
    return hojaPorClave(this._ctx, String(clave), true, false);
  }
  getItemOrNullObject(clave: string): HojaProxy {
    return hojaPorClave(this._ctx, String(clave), true, true);
  }
  /** Agregar una hoja (escritura-falsa.ts). */
  add(nombre?: string): HojaProxy {
    return escritura().agregarHoja(this._ctx, nombre);
  }
  getActiveWorksheet(): HojaProxy {
    const libro = this._ctx._libro;
    return blindar(
      new HojaProxy(this._ctx, false, () => {
        const h = libro.hojas.find((x) => x.id === libro.activaId);
        if (!h) throw new NoModelado("libro sin hoja activa");
        return h;
      }),
      "Worksheet",
    );
  }
}

export function hojaPorClave(ctx: ContextoFalso, clave: string, porNombre: boolean, nulable: boolean): HojaProxy {
  return blindar(
    new HojaProxy(ctx, nulable, () => {
      const h = porNombre ? ctx._libro.hojaPorClave(clave) : (ctx._libro.hojas.find((x) => x.id === clave) ?? null);
      if (h) return h;
      if (nulable) return null;
      throw noEncontrado(`worksheet «${clave}»`);
    }),
    "Worksheet",
  );
}

export class HojaProxy extends ObjetoFalso {
  readonly _clase = "Worksheet";
  readonly _escalares = ["name", "id", "position", "visibility"] as const;
  constructor(
    ctx: ContextoFalso,
    nulable: boolean,
    private readonly _buscar: () => HojaModelo | null,
  ) {
    super(ctx, nulable);
  }
  _resolver(): unknown {
    return this._buscar();
  }
  _hoja(): HojaModelo {
    return this._destino() as HojaModelo;
  }
  _leerEscalar(destino: unknown, p: string): unknown {
    const h = destino as HojaModelo;
    if (p === "name") return h.nombre;
    if (p === "id") return h.id;
    if (p === "position") return this._ctx._libro.hojas.indexOf(h);
    return "Visible";
  }
  get name(): string {
    return this._leer("name") as string;
  }
  set name(v: string) {
    escritura().renombrarHoja(this, v);
  }
  get id(): string {
    return this._leer("id") as string;
  }
  get position(): number {
    return this._leer("position") as number;
  }
  set position(v: number) {
    escritura().moverHoja(this, v);
  }
  delete(): void {
    escritura().borrarHoja(this);
  }
  /** Propiedades, tablas, gráficos e inmovilizar (escritura-falsa.ts). */
  get customProperties(): ObjetoFalso {
    return this._hijo("customProperties", () => escritura().propiedadesHoja(this));
  }
  get tables(): ObjetoFalso {
    return this._hijo("tables", () => escritura().tablasDeHoja(this));
  }
  get charts(): ObjetoFalso {
    return this._hijo("charts", () => escritura().graficosDeHoja(this));
  }
  get freezePanes(): ObjetoFalso {
    return this._hijo("freezePanes", () => escritura().inmovilizarHoja(this));
  }
  get visibility(): string {
    return this._leer("visibility") as string;
  }
  getRange(direccion?: string): RangoProxy {
    return blindar(
      new RangoProxy(this._ctx, false, () => {
        const hoja = this._hoja();
        const rect =
          direccion === undefined
            ? { fila: 0, columna: 0, filas: MAX_FILAS, columnas: MAX_COLUMNAS }
            : analizarDireccion(direccion);
        return { hoja, rect };
      }),
      "Range",
    );
  }
  getRangeByIndexes(fila: number, columna: number, filas: number, columnas: number): RangoProxy {
    return blindar(
      new RangoProxy(this._ctx, false, () => {
        const rect = { fila, columna, filas, columnas };
        const enteros = [fila, columna, filas, columnas].every((n) => Number.isInteger(n));
        if (
          !enteros ||
          fila < 0 ||
          columna < 0 ||
          filas < 1 ||
          columnas < 1 ||
          fila + filas > MAX_FILAS ||
          columna + columnas > MAX_COLUMNAS
        ) {
          throw argumentoInvalido(`getRangeByIndexes(${fila}, ${columna}, ${filas}, ${columnas})`);
        }
        return { hoja: this._hoja(), rect };
      }),
      "Range",
    );
  }
  getRanges(direcciones?: string): AreasProxy {
    if (direcciones === undefined) throw new NoModelado("Worksheet.getRanges() sin direcciones");
    const texto = String(direcciones).slice(0, LIMITE_DIRECCION); // Excel trunca a 8192 caracteres
    this._ctx._encolar(() => undefined, direcciones);
    return blindar(
      new AreasProxy(this._ctx, false, () => {
        const hoja = this._hoja();
        const partes = texto.split(/[,;]/).map((s) => s.trim());
        if (partes.some((s) => s === "")) throw argumentoInvalido(`direcciones «${texto.slice(0, 60)}…»`);
        return { hoja, rects: partes.map(analizarDireccion) };
      }),
      "RangeAreas",
    );
  }
  getUsedRange(soloValores?: boolean): RangoProxy {
    return blindar(
      new RangoProxy(this._ctx, false, () => {
        const hoja = this._hoja();
        return { hoja, rect: hoja.rangoUsado(Boolean(soloValores)) ?? celda(0, 0) };
      }),
      "Range",
    );
  }
  getUsedRangeOrNullObject(soloValores?: boolean): RangoProxy {
    let memo: { version: number; hoja: HojaModelo; rect: Rect | null } | null = null;
    return blindar(
      new RangoProxy(this._ctx, true, () => {
        const hoja = this._hoja();
        const version = this._ctx._libro._version;
        if (!memo || memo.version !== version || memo.hoja !== hoja) {
          memo = { version, hoja, rect: hoja.rangoUsado(Boolean(soloValores)) };
        }
        return memo.rect ? { hoja, rect: memo.rect } : null;
      }),
      "Range",
    );
  }
  activate(): void {
    this._operar(() => {
      this._ctx._libro.activaId = this._hoja().id;
    });
  }
  /** Worksheet.onChanged (ExcelApi 1.7): ver eventos-falsos.ts. */
  get onChanged(): ReturnType<typeof eventHandlersDeHoja> {
    const libro = this._ctx._libro;
    return eventHandlersDeHoja(
      this._ctx,
      libro.eventos,
      () => this._hoja().id,
      libro.opciones.versionExcelApi ?? "1.17",
      (code, mensaje) => new ErrorExcelFalso(code, mensaje),
    );
  }
}

// ---- Range, RangeAreas, RangeCollection ----

export interface DestinoRango {
  hoja: HojaModelo;
  rect: Rect;
}
interface DestinoAreas {
  hoja: HojaModelo;
  rects: Rect[];
}

function comprobarLectura(rect: Rect): void {
  if (rect.filas * rect.columnas > LIMITE_CELDAS_LECTURA) {
    throw new ErrorExcelFalso(
      "RangeExceedsLimit",
      "The cell count in the range has exceeded the maximum supported number.",
    );
  }
}

export class RangoProxy extends ObjetoFalso {
  readonly _clase = "Range";
  readonly _escalares = [
    "address",
    "values",
    "numberFormat",
    "rowIndex",
    "columnIndex",
    "rowCount",
    "columnCount",
    "cellCount",
  ] as const;
  constructor(
    ctx: ContextoFalso,
    nulable: boolean,
    private readonly _buscar: () => DestinoRango | null,
  ) {
    super(ctx, nulable);
  }
  _resolver(): unknown {
    return this._buscar();
  }
  _rango(): DestinoRango {
    return this._destino() as DestinoRango;
  }
  _leerEscalar(destino: unknown, p: string): unknown {
    const { hoja, rect } = destino as DestinoRango;
    switch (p) {
      case "address":
        return `${prefijoHoja(hoja.nombre)}!${textoDireccion(rect)}`;
      case "rowIndex":
        return rect.fila;
      case "columnIndex":
        return rect.columna;
      case "rowCount":
        return rect.filas;
      case "columnCount":
        return rect.columnas;
      case "cellCount":
        return rect.filas * rect.columnas;
      case "values": {
        comprobarLectura(rect);
        escritura().comprobarSinFormulas(hoja, rect);
        const salida: ValorCelda[][] = new Array(rect.filas);
        for (let f = 0; f < rect.filas; f++) {
          const fila = hoja.filas[rect.fila + f];
          const out: ValorCelda[] = new Array(rect.columnas);
          for (let c = 0; c < rect.columnas; c++) {
            const v = fila?.[rect.columna + c];
            out[c] = v === undefined ? "" : v;
          }
          salida[f] = out;
        }
        return salida;
      }
      case "numberFormat": {
        comprobarLectura(rect);
        const salida: string[][] = new Array(rect.filas);
        for (let f = 0; f < rect.filas; f++) {
          const fila = hoja.formatosNumero[rect.fila + f];
          const out: string[] = new Array(rect.columnas);
          for (let c = 0; c < rect.columnas; c++) out[c] = fila?.[rect.columna + c] ?? "General";
          salida[f] = out;
        }
        return salida;
      }
    }
    throw new NoModelado(`Range.${p}`);
  }
  get address(): string {
    return this._leer("address") as string;
  }
  get values(): ValorCelda[][] {
    return this._leer("values") as ValorCelda[][];
  }
  set values(v: unknown) {
    escritura().escribirValores(this, v, "values");
  }
  get formulas(): unknown {
    throw new NoModelado("leer Range.formulas");
  }
  set formulas(v: unknown) {
    escritura().escribirValores(this, v, "formulas");
  }
  get numberFormat(): string[][] {
    return this._leer("numberFormat") as string[][];
  }
  set numberFormat(v: unknown) {
    escritura().escribirFormatosNumero(this, v);
  }
  get dataValidation(): ObjetoFalso {
    return this._hijo("dataValidation", () => escritura().validacionDeRango(this));
  }
  merge(across?: boolean): void {
    escritura().combinar(this, across);
  }
  get rowIndex(): number {
    return this._leer("rowIndex") as number;
  }
  get columnIndex(): number {
    return this._leer("columnIndex") as number;
  }
  get rowCount(): number {
    return this._leer("rowCount") as number;
  }
  get columnCount(): number {
    return this._leer("columnCount") as number;
  }
  get cellCount(): number {
    return this._leer("cellCount") as number;
  }
  override _navegacion(nombre: string): ObjetoFalso | undefined {
    if (nombre === "format") return this.format;
    if (nombre === "dataValidation") return this.dataValidation;
    if (nombre === "conditionalFormats") return this.conditionalFormats;
    return undefined;
  }
  get format(): FormatoRangoProxy {
    return this._hijo("format", () => blindar(new FormatoRangoProxy(this._ctx, () => this._rango()), "RangeFormat"));
  }
  get conditionalFormats(): ColeccionFormatosCondicionales {
    return this._hijo("conditionalFormats", () =>
      blindar(
        new ColeccionFormatosCondicionales(this._ctx, () => {
          const { hoja, rect } = this._rango();
          return { hoja, rects: [rect] };
        }),
        "ConditionalFormatCollection",
      ),
    );
  }
  /**
   * Range.getSpecialCellsOrNullObject (ExcelApi 1.9): solo «Formulas» (del usuario y las que
   * escribió el complemento), sin filtro por tipo de valor; lo demás no está modelado. Las áreas
   * van por columna, de arriba abajo, juntando las celdas seguidas (Excel puede agruparlas de
   * otra forma; quien las usa no depende de cómo). null si no hay ninguna.
   */
  getSpecialCellsOrNullObject(tipo: string, tipoValor?: string): AreasProxy {
    if (tipo !== "Formulas" || tipoValor !== undefined)
      throw new NoModelado(`getSpecialCellsOrNullObject(${JSON.stringify(tipo)}, ${JSON.stringify(tipoValor)})`);
    return blindar(
      new AreasProxy(this._ctx, true, () => {
        const { hoja, rect } = this._rango();
        const celdas = [...new Set([...hoja.formulas.keys(), ...formulasEscritas(hoja)])]
          .map((k) => ({ fila: Math.floor(k / CLAVE_FILA), columna: k % CLAVE_FILA }))
          .filter((c) => contiene(rect, c.fila, c.columna))
          .sort((a, b) => a.columna - b.columna || a.fila - b.fila);
        const rects: Rect[] = [];
        for (const c of celdas) {
          const ultima = rects[rects.length - 1];
          if (ultima && ultima.columna === c.columna && ultima.fila + ultima.filas === c.fila) ultima.filas++;
          else rects.push({ fila: c.fila, columna: c.columna, filas: 1, columnas: 1 });
        }
        return rects.length === 0 ? null : { hoja, rects };
      }),
      "RangeAreas",
    );
  }
  getMergedAreasOrNullObject(): AreasProxy {
    return blindar(
      new AreasProxy(this._ctx, true, () => {
        const { hoja, rect } = this._rango();
        const areas = hoja.combinadas.filter((a) => contiene(rect, a.fila, a.columna));
        if (areas.length > LIMITE_AREAS_COMBINADAS) {
          throw new ErrorExcelFalso("GeneralException", "The merged areas count in this range is more than 512.");
        }
        return areas.length === 0 ? null : { hoja, rects: areas };
      }),
      "RangeAreas",
    );
  }
  select(): void {
    this._operar(() => {
      const { hoja, rect } = this._rango();
      const libro = this._ctx._libro;
      if (hoja.id !== libro.activaId) throw new NoModelado("Range.select() en una hoja que no está activa");
      hoja.seleccion = { ...rect };
    });
  }
}

class AreasProxy extends ObjetoFalso {
  readonly _clase = "RangeAreas";
  readonly _escalares = ["address", "areaCount", "cellCount"] as const;
  constructor(
    ctx: ContextoFalso,
    nulable: boolean,
    private readonly _buscar: () => DestinoAreas | null,
  ) {
    super(ctx, nulable);
  }
  _resolver(): unknown {
    return this._buscar();
  }
  _areas(): DestinoAreas {
    return this._destino() as DestinoAreas;
  }
  _leerEscalar(destino: unknown, p: string): unknown {
    const { hoja, rects } = destino as DestinoAreas;
    if (p === "address") return rects.map((r) => `${prefijoHoja(hoja.nombre)}!${textoDireccion(r)}`).join(", ");
    if (p === "areaCount") return rects.length;
    return rects.reduce((s, r) => s + r.filas * r.columnas, 0);
  }
  get address(): string {
    return this._leer("address") as string;
  }
  get areaCount(): number {
    return this._leer("areaCount") as number;
  }
  get cellCount(): number {
    return this._leer("cellCount") as number;
  }
  override _navegacion(nombre: string): ObjetoFalso | undefined {
    if (nombre === "areas") return this.areas;
    if (nombre === "conditionalFormats") return this.conditionalFormats;
    return undefined;
  }
  get areas(): ColeccionRangos {
    return this._hijo("areas", () => blindar(new ColeccionRangos(this._ctx, () => this._areas()), "RangeCollection"));
  }
  get conditionalFormats(): ColeccionFormatosCondicionales {
    return this._hijo("conditionalFormats", () =>
      blindar(new ColeccionFormatosCondicionales(this._ctx, () => this._areas()), "ConditionalFormatCollection"),
    );
  }
}

class ColeccionRangos extends ColeccionFalsa<RangoProxy> {
  readonly _clase = "RangeCollection";
  constructor(
    ctx: ContextoFalso,
    private readonly _buscar: () => DestinoAreas,
  ) {
    super(ctx, false);
  }
  _destinos(): unknown[] {
    const { hoja, rects } = this._buscar();
    return rects.map((rect) => ({ hoja, rect }));
  }
  _crearItem(destino: unknown): RangoProxy {
    const d = destino as DestinoRango;
    return blindar(new RangoProxy(this._ctx, false, () => d), "Range");
  }
}

// ---- Formato propio de las celdas ----

function uniforme<T>(rect: Rect, leer: (f: number, c: number) => T): T | null {
  let primero: string | undefined;
  let valor: T | null = null;
  for (let f = rect.fila; f < rect.fila + rect.filas; f++) {
    for (let c = rect.columna; c < rect.columna + rect.columnas; c++) {
      const v = leer(f, c);
      const k = JSON.stringify(v);
      if (primero === undefined) {
        primero = k;
        valor = v;
      } else if (k !== primero) return null;
    }
  }
  return valor;
}

export function cadaCelda(rect: Rect, accion: (f: number, c: number) => void): void {
  if (rect.filas * rect.columnas > LIMITE_CELDAS_LECTURA)
    throw new NoModelado("dar formato a más de 5 millones de celdas");
  for (let f = rect.fila; f < rect.fila + rect.filas; f++)
    for (let c = rect.columna; c < rect.columna + rect.columnas; c++) accion(f, c);
}

class FormatoRangoProxy extends ObjetoFalso {
  readonly _clase = "RangeFormat";
  readonly _escalares: readonly string[] = [];
  constructor(
    ctx: ContextoFalso,
    private readonly _buscar: () => DestinoRango,
  ) {
    super(ctx, false);
  }
  _resolver(): unknown {
    return this._buscar();
  }
  _leerEscalar(_d: unknown, p: string): unknown {
    throw new NoModelado(`RangeFormat.${p}`);
  }
  override _navegacion(nombre: string): ObjetoFalso | undefined {
    if (nombre === "fill") return this.fill;
    if (nombre === "font") return this.font;
    if (nombre === "borders") return this.borders;
    return undefined;
  }
  get fill(): RellenoProxy {
    return this._hijo("fill", () => blindar(new RellenoProxy(this._ctx, this._buscar), "RangeFill"));
  }
  /** Ancho, ajuste y alineación (escritura-falsa.ts). */
  get columnWidth(): number {
    throw new NoModelado("leer RangeFormat.columnWidth");
  }
  set columnWidth(v: number) {
    escritura().formatoRango(this, this._buscar, "columnWidth", v);
  }
  get wrapText(): boolean {
    throw new NoModelado("leer RangeFormat.wrapText");
  }
  set wrapText(v: boolean) {
    escritura().formatoRango(this, this._buscar, "wrapText", v);
  }
  get horizontalAlignment(): string {
    throw new NoModelado("leer RangeFormat.horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    escritura().formatoRango(this, this._buscar, "horizontalAlignment", v);
  }
  get verticalAlignment(): string {
    throw new NoModelado("leer RangeFormat.verticalAlignment");
  }
  set verticalAlignment(v: string) {
    escritura().formatoRango(this, this._buscar, "verticalAlignment", v);
  }
  get font(): FuenteProxy {
    return this._hijo("font", () => blindar(new FuenteProxy(this._ctx, this._buscar), "RangeFont"));
  }
  get borders(): BordesProxy {
    return this._hijo("borders", () => blindar(new BordesProxy(this._ctx, this._buscar), "RangeBorderCollection"));
  }
}

class RellenoProxy extends ObjetoFalso {
  readonly _clase = "RangeFill";
  readonly _escalares = ["color"] as const;
  constructor(
    ctx: ContextoFalso,
    private readonly _buscar: () => DestinoRango,
  ) {
    super(ctx, false);
  }
  _resolver(): unknown {
    return this._buscar();
  }
  _leerEscalar(destino: unknown): unknown {
    const { hoja, rect } = destino as DestinoRango;
    // Excel informa #FFFFFF para «sin relleno»; null si las celdas difieren.
    return uniforme(rect, (f, c) => hoja.formato(f, c).relleno ?? "#FFFFFF");
  }
  get color(): string {
    return this._leer("color") as string;
  }
  set color(valor: string) {
    this._operar(() => {
      const { hoja, rect } = this._buscar();
      cadaCelda(rect, (f, c) => hoja.cambiarFormato(f, c, (x) => (x.relleno = String(valor).toUpperCase())));
    }, valor);
  }
  clear(): void {
    this._operar(() => {
      const { hoja, rect } = this._buscar();
      cadaCelda(rect, (f, c) => hoja.cambiarFormato(f, c, (x) => (x.relleno = null)));
    });
  }
}

class FuenteProxy extends ObjetoFalso {
  readonly _clase = "RangeFont";
  readonly _escalares = ["color"] as const;
  constructor(
    ctx: ContextoFalso,
    private readonly _buscar: () => DestinoRango,
  ) {
    super(ctx, false);
  }
  _resolver(): unknown {
    return this._buscar();
  }
  _leerEscalar(destino: unknown): unknown {
    const { hoja, rect } = destino as DestinoRango;
    return uniforme(rect, (f, c) => hoja.formato(f, c).fuente);
  }
  get color(): string {
    return this._leer("color") as string;
  }
  set color(valor: string) {
    this._operar(() => {
      const { hoja, rect } = this._buscar();
      cadaCelda(rect, (f, c) => hoja.cambiarFormato(f, c, (x) => (x.fuente = String(valor).toUpperCase())));
    }, valor);
  }
  /** Negrita, cursiva y tamaño (escritura-falsa.ts). */
  get bold(): boolean {
    throw new NoModelado("leer RangeFont.bold");
  }
  set bold(v: boolean) {
    escritura().formatoRango(this, this._buscar, "bold", v);
  }
  get italic(): boolean {
    throw new NoModelado("leer RangeFont.italic");
  }
  set italic(v: boolean) {
    escritura().formatoRango(this, this._buscar, "italic", v);
  }
  get size(): number {
    throw new NoModelado("leer RangeFont.size");
  }
  set size(v: number) {
    escritura().formatoRango(this, this._buscar, "size", v);
  }
}

class BordesProxy extends ObjetoFalso {
  readonly _clase = "RangeBorderCollection";
  readonly _escalares: readonly string[] = [];
  constructor(
    ctx: ContextoFalso,
    private readonly _buscar: () => DestinoRango,
  ) {
    super(ctx, false);
  }
  _resolver(): unknown {
    return this._buscar();
  }
  _leerEscalar(_d: unknown, p: string): unknown {
    throw new NoModelado(`RangeBorderCollection.${p}`);
  }
  getItem(lado: string): BordeProxy {
    if (!(LADOS as readonly string[]).includes(lado))
      throw new NoModelado(`borde «${lado}» (solo EdgeTop, EdgeBottom, EdgeLeft, EdgeRight)`);
    return blindar(new BordeProxy(this._ctx, this._buscar, lado as LadoBorde), "RangeBorder");
  }
}

class BordeProxy extends ObjetoFalso {
  readonly _clase = "RangeBorder";
  readonly _escalares = ["style", "color"] as const;
  constructor(
    ctx: ContextoFalso,
    private readonly _buscar: () => DestinoRango,
    private readonly _lado: LadoBorde,
  ) {
    super(ctx, false);
  }
  _resolver(): unknown {
    return this._buscar();
  }
  _leerEscalar(destino: unknown, p: string): unknown {
    const { hoja, rect } = destino as DestinoRango;
    return uniforme(rect, (f, c) =>
      p === "style" ? hoja.formato(f, c).bordes[this._lado].estilo : hoja.formato(f, c).bordes[this._lado].color,
    );
  }
  get style(): string {
    return this._leer("style") as string;
  }
  set style(valor: string) {
    this._operar(() => {
      const { hoja, rect } = this._buscar();
      cadaCelda(rect, (f, c) => hoja.cambiarFormato(f, c, (x) => (x.bordes[this._lado].estilo = String(valor))));
    }, valor);
  }
  get color(): string {
    return this._leer("color") as string;
  }
  set color(valor: string) {
    this._operar(() => {
      const { hoja, rect } = this._buscar();
      cadaCelda(rect, (f, c) =>
        hoja.cambiarFormato(f, c, (x) => (x.bordes[this._lado].color = String(valor).toUpperCase())),
      );
    }, valor);
  }
}

// ---- Formatos condicionales ----

interface DestinoFormato {
  hoja: HojaModelo;
  fc: FormatoCondicionalModelo;
}

class ColeccionFormatosCondicionales extends ColeccionFalsa<FormatoCondicionalProxy> {
  readonly _clase = "ConditionalFormatCollection";
  constructor(
    ctx: ContextoFalso,
    private readonly _buscar: () => DestinoAreas,
  ) {
    super(ctx, false);
  }
  _destinos(): unknown[] {
    const { hoja, rects } = this._buscar();
    return hoja.condicionales
      .filter((fc) => fc.areas.some((a) => rects.some((r) => seTocan(a, r))))
      .map((fc) => ({ hoja, fc }));
  }
  _crearItem(destino: unknown): FormatoCondicionalProxy {
    const { hoja, fc } = destino as DestinoFormato;
    return formatoPorId(this._ctx, hoja.id, fc.id);
  }
  add(tipo: string): FormatoCondicionalProxy {
    if (!(TIPOS_FORMATO_CONDICIONAL as readonly string[]).includes(tipo))
      throw argumentoInvalido(`tipo de formato condicional «${tipo}»`);
    const creado: { hojaId: string; id: string } = { hojaId: "", id: "" };
    this._operar(() => {
      const { hoja, rects } = this._buscar();
      const fc: FormatoCondicionalModelo = {
        id: this._ctx._libro.nuevoId("CF"),
        tipo: tipo as TipoFormatoCondicional,
        formula: null,
        relleno: null,
        fuente: null,
        stopIfTrue: false,
        areas: rects.map((r) => ({ ...r })),
      };
      hoja.condicionales.unshift(fc); // el nuevo queda con la prioridad más alta
      creado.hojaId = hoja.id;
      creado.id = fc.id;
      this._ctx._libro.eventos.avisar(hoja.id, fc.areas.map(textoDireccion).join(","), true);
    }, tipo);
    return blindar(
      new FormatoCondicionalProxy(this._ctx, () => {
        if (!creado.id) throw new NoModelado("usar un formato condicional antes de que se ejecute su add()");
        return buscarFormato(this._ctx._libro, creado.hojaId, creado.id);
      }),
      "ConditionalFormat",
    );
  }
}

function buscarFormato(libro: LibroFalso, hojaId: string, id: string): DestinoFormato {
  const hoja = libro.hojas.find((h) => h.id === hojaId);
  const fc = hoja?.condicionales.find((x) => x.id === id);
  if (!hoja || !fc) throw noEncontrado(`conditional format «${id}»`);
  return { hoja, fc };
}

function formatoPorId(ctx: ContextoFalso, hojaId: string, id: string): FormatoCondicionalProxy {
  return blindar(new FormatoCondicionalProxy(ctx, () => buscarFormato(ctx._libro, hojaId, id)), "ConditionalFormat");
}

class FormatoCondicionalProxy extends ObjetoFalso {
  readonly _clase = "ConditionalFormat";
  readonly _escalares = ["id", "type", "priority", "stopIfTrue"] as const;
  constructor(
    ctx: ContextoFalso,
    private readonly _buscar: () => DestinoFormato,
  ) {
    super(ctx, false);
  }
  _resolver(): unknown {
    return this._buscar();
  }
  _leerEscalar(destino: unknown, p: string): unknown {
    const { hoja, fc } = destino as DestinoFormato;
    if (p === "id") return fc.id;
    if (p === "type") return fc.tipo;
    if (p === "priority") return hoja.condicionales.indexOf(fc);
    return fc.stopIfTrue;
  }
  get id(): string {
    return this._leer("id") as string;
  }
  get type(): string {
    return this._leer("type") as string;
  }
  get priority(): number {
    return this._leer("priority") as number;
  }
  get stopIfTrue(): boolean {
    return this._leer("stopIfTrue") as boolean;
  }
  override _navegacion(nombre: string): ObjetoFalso | undefined {
    if (nombre === "custom") return this.custom;
    if (nombre === "customOrNullObject") return this.customOrNullObject;
    return undefined;
  }
  get custom(): CustomProxy {
    return this._hijo("custom", () =>
      blindar(
        new CustomProxy(this._ctx, false, () => {
          const d = this._buscar();
          if (d.fc.tipo !== "Custom") throw new NoModelado(`ConditionalFormat.custom de un formato ${d.fc.tipo}`);
          return d;
        }),
        "CustomConditionalFormat",
      ),
    );
  }
  get customOrNullObject(): CustomProxy {
    return this._hijo("customOrNullObject", () =>
      blindar(
        new CustomProxy(this._ctx, true, () => {
          const d = this._buscar();
          return d.fc.tipo === "Custom" ? d : null;
        }),
        "CustomConditionalFormat",
      ),
    );
  }
  delete(): void {
    this._operar(() => {
      const { hoja, fc } = this._buscar();
      hoja.condicionales.splice(hoja.condicionales.indexOf(fc), 1);
      this._ctx._libro.eventos.avisar(hoja.id, fc.areas.map(textoDireccion).join(","), true);
    });
  }
}

class CustomProxy extends ObjetoFalso {
  readonly _clase = "CustomConditionalFormat";
  readonly _escalares: readonly string[] = [];
  constructor(
    ctx: ContextoFalso,
    nulable: boolean,
    private readonly _buscar: () => DestinoFormato | null,
  ) {
    super(ctx, nulable);
  }
  _resolver(): unknown {
    return this._buscar();
  }
  _leerEscalar(_d: unknown, p: string): unknown {
    throw new NoModelado(`CustomConditionalFormat.${p}`);
  }
  _formato(): DestinoFormato {
    return this._destino() as DestinoFormato;
  }
  override _navegacion(nombre: string): ObjetoFalso | undefined {
    if (nombre === "rule") return this.rule;
    if (nombre === "format") return this.format;
    return undefined;
  }
  get rule(): ReglaProxy {
    return this._hijo("rule", () => blindar(new ReglaProxy(this._ctx, () => this._buscar()), "ConditionalFormatRule"));
  }
  get format(): FormatoCondicionalRangoProxy {
    return this._hijo("format", () =>
      blindar(new FormatoCondicionalRangoProxy(this._ctx, () => this._buscar()), "ConditionalRangeFormat"),
    );
  }
}

/** Destino de un hijo de un objeto que puede ser nulo: nulo si el padre lo es (solo para cargar). */
abstract class HijoDeFormato extends ObjetoFalso {
  constructor(
    ctx: ContextoFalso,
    protected readonly _buscar: () => DestinoFormato | null,
  ) {
    super(ctx, false);
  }
  _resolver(): unknown {
    return this._buscar();
  }
  override _cargar(rutas: string[][], respuesta: Respuesta): void {
    // Bajo un objeto nulo no llega nada: lo pedido queda sin cargar.
    if (this._buscar() === null) return;
    super._cargar(rutas, respuesta);
  }
  _formato(): DestinoFormato {
    return this._destino() as DestinoFormato;
  }
}

class ReglaProxy extends HijoDeFormato {
  readonly _clase = "ConditionalFormatRule";
  readonly _escalares = ["formula"] as const;
  _leerEscalar(destino: unknown): unknown {
    return (destino as DestinoFormato).fc.formula;
  }
  get formula(): string {
    return this._leer("formula") as string;
  }
  set formula(valor: string) {
    this._operar(() => {
      this._formato().fc.formula = String(valor);
    }, valor);
  }
}

class FormatoCondicionalRangoProxy extends HijoDeFormato {
  readonly _clase = "ConditionalRangeFormat";
  readonly _escalares: readonly string[] = [];
  _leerEscalar(_d: unknown, p: string): unknown {
    throw new NoModelado(`ConditionalRangeFormat.${p}`);
  }
  override _navegacion(nombre: string): ObjetoFalso | undefined {
    if (nombre === "fill") return this.fill;
    if (nombre === "font") return this.font;
    return undefined;
  }
  get fill(): ColorCondicionalProxy {
    return this._hijo("fill", () =>
      blindar(new ColorCondicionalProxy(this._ctx, this._buscar, "relleno"), "ConditionalRangeFill"),
    );
  }
  get font(): ColorCondicionalProxy {
    return this._hijo("font", () =>
      blindar(new ColorCondicionalProxy(this._ctx, this._buscar, "fuente"), "ConditionalRangeFont"),
    );
  }
}

class ColorCondicionalProxy extends HijoDeFormato {
  get _clase(): string {
    return this._campo === "relleno" ? "ConditionalRangeFill" : "ConditionalRangeFont";
  }
  readonly _escalares = ["color"] as const;
  constructor(
    ctx: ContextoFalso,
    buscar: () => DestinoFormato | null,
    private readonly _campo: "relleno" | "fuente",
  ) {
    super(ctx, buscar);
  }
  _leerEscalar(destino: unknown): unknown {
    return (destino as DestinoFormato).fc[this._campo];
  }
  get color(): string {
    return this._leer("color") as string;
  }
  set color(valor: string) {
    this._operar(() => {
      this._formato().fc[this._campo] = String(valor).toUpperCase();
    }, valor);
  }
}

// =============================================================================================
// Construir, guardar y volver a abrir

function aRect(a: AreaFalsa): Rect {
  return typeof a === "string"
    ? analizarDireccion(a)
    : { fila: a.fila, columna: a.columna, filas: a.filas, columnas: a.columnas };
}

/**
 * Un libro falso a partir de datos con la forma de LibroGrillas (nombre, valores, filaInicial,
 * columnaInicial, combinadas, formatos) y, si se quiere, formato de celdas, formatos
 * condicionales y configuración guardada. También vuelve a abrir lo que devuelve `guardar()`.
 */
export function crearLibroFalso(definicion: DefinicionLibroFalso, opciones: OpcionesLibroFalso = {}): LibroFalso {
  const libro = new LibroFalso(opciones);
  for (const d of definicion.hojas) {
    if (libro.hojaPorClave(d.nombre)) throw new Error(`Dos hojas se llaman «${d.nombre}» (Excel no lo permite).`);
    if (d.id !== undefined && libro.hojas.some((h) => h.id === d.id))
      throw new Error(`Dos hojas tienen el id «${d.id}».`);
    const hoja = new HojaModelo(d.id ?? libro.nuevoId("HOJA"), d.nombre);
    const f0 = d.filaInicial ?? 0;
    const c0 = d.columnaInicial ?? 0;
    (d.valores ?? []).forEach((fila, f) =>
      fila.forEach((v, c) => hoja.ponerValor(f0 + f, c0 + c, comprobarValor(v, d.nombre, f0 + f, c0 + c))),
    );
    for (const [dir, v] of Object.entries(d.celdas ?? {})) {
      const r = analizarDireccion(dir);
      hoja.ponerValor(r.fila, r.columna, comprobarValor(v, d.nombre, r.fila, r.columna));
    }
    for (const [dir, formula] of Object.entries(d.formulas ?? {})) {
      const r = analizarDireccion(dir);
      if (r.filas !== 1 || r.columnas !== 1) throw new Error(`«${dir}»: una fórmula por celda en «${d.nombre}».`);
      hoja.formulas.set(r.fila * CLAVE_FILA + r.columna, formula);
    }
    (d.formatos ?? []).forEach((fila, f) =>
      fila.forEach((x, c) => {
        if (typeof x === "string" && x !== "") hoja.ponerFormatoNumero(f0 + f, c0 + c, x);
      }),
    );
    for (const a of d.combinadas ?? []) {
      const r = aRect(a);
      if (r.filas * r.columnas < 2) throw new Error(`Área combinada de una sola celda en «${d.nombre}».`);
      if (hoja.combinadas.some((x) => seTocan(x, r)))
        throw new Error(`Áreas combinadas que se solapan en «${d.nombre}» (Excel no lo permite).`);
      cadaCelda(r, (f, c) => {
        if ((f !== r.fila || c !== r.columna) && hoja.valor(f, c) !== "") {
          throw new Error(
            `${d.nombre}!${textoDireccion(celda(f, c))} tiene un valor pero está dentro de un área combinada: en Excel solo la celda superior izquierda tiene valor.`,
          );
        }
      });
      hoja.combinadas.push(r);
    }
    for (const [dir, x] of Object.entries(d.formatoCeldas ?? {})) {
      const r = analizarDireccion(dir);
      cadaCelda(r, (f, c) =>
        hoja.cambiarFormato(f, c, (y) => {
          if (x.relleno !== undefined) y.relleno = x.relleno === null ? null : x.relleno.toUpperCase();
          if (x.fuente !== undefined) y.fuente = x.fuente.toUpperCase();
          for (const lado of LADOS) {
            const b = x.bordes?.[lado];
            if (b) y.bordes[lado] = { estilo: b.estilo, color: b.color.toUpperCase() };
          }
        }),
      );
    }
    for (const fc of d.formatosCondicionales ?? []) {
      hoja.condicionales.push({
        id: libro.nuevoId("CF"),
        tipo: fc.tipo,
        formula: fc.formula,
        relleno: fc.relleno === null ? null : fc.relleno.toUpperCase(),
        fuente: fc.fuente === null ? null : fc.fuente.toUpperCase(),
        stopIfTrue: fc.stopIfTrue ?? false,
        areas: fc.areas.split(",").map((s) => analizarDireccion(s)),
      });
    }
    if (d.seleccion) hoja.seleccion = analizarDireccion(d.seleccion);
    libro.hojas.push(hoja);
  }
  const activa = definicion.activa ? libro.hojaPorClave(definicion.activa) : libro.hojas[0];
  libro.activaId = activa?.id ?? "";
  libro.ajustesArchivo = (jsonDe(definicion.ajustes ?? {}) as Record<string, unknown>) ?? {};
  libro.ajustesMemoria = new Map(Object.entries(libro.ajustesArchivo).map(([k, v]) => [k, jsonDe(v)]));
  libro.partesXml.restaurar(definicion.partesXml ?? []);
  return libro;
}

/** Guardar, cerrar y volver a abrir: un libro nuevo con el estado del archivo guardado. */
export function reabrir(libro: LibroFalso, opciones: OpcionesLibroFalso = libro.opciones): LibroFalso {
  return crearLibroFalso(JSON.parse(JSON.stringify(libro.guardar())) as DefinicionLibroFalso, opciones);
}

// =============================================================================================
// Instalar como anfitrión (globales Excel y Office)

function compararVersion(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** El global `Excel` que ve el complemento: run y las enumeraciones que usa. */
export function crearExcelGlobal(libro: LibroFalso): Record<string, unknown> {
  return blindar(
    {
      run: libro.run,
      ConditionalFormatType: {
        custom: "Custom",
        dataBar: "DataBar",
        colorScale: "ColorScale",
        iconSet: "IconSet",
        topBottom: "TopBottom",
        presetCriteria: "PresetCriteria",
        containsText: "ContainsText",
        cellValue: "CellValue",
      },
      CalculationType: { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" },
      BorderIndex: { edgeTop: "EdgeTop", edgeBottom: "EdgeBottom", edgeLeft: "EdgeLeft", edgeRight: "EdgeRight" },
      ErrorCodes: {
        generalException: "GeneralException",
        invalidArgument: "InvalidArgument",
        itemNotFound: "ItemNotFound",
        rangeExceedsLimit: "RangeExceedsLimit",
        responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
      },
    },
    "Excel",
  );
}

/** El global `Office` que ve el complemento dentro de Excel (en la Web). */
export function crearOfficeGlobal(libro: LibroFalso): Record<string, unknown> {
  const info = { host: "Excel", platform: "OfficeOnline" };
  const version = libro.opciones.versionExcelApi ?? "1.17";
  const requisitos = blindar(
    {
      isSetSupported(nombre: string, minimo?: string): boolean {
        if (nombre !== "ExcelApi") return false;
        return compararVersion(version, minimo ?? "1.1") >= 0;
      },
    },
    "Office.context.requirements",
  );
  const documento = blindar({ settings: libro.ajustes }, "Office.context.document");
  const contexto = blindar(
    {
      document: documento,
      requirements: requisitos,
      host: "Excel",
      platform: "OfficeOnline",
      displayLanguage: "es-CO",
      contentLanguage: "es-CO",
    },
    "Office.context",
  );
  return blindar(
    {
      onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
        return new Promise((resolver) =>
          setTimeout(() => {
            callback?.(info);
            resolver(info);
          }, 0),
        );
      },
      context: contexto,
      actions: blindar(
        {
          associate(nombre: string, funcion: (...args: unknown[]) => unknown): void {
            libro.registro.asociaciones.set(nombre, funcion);
          },
        },
        "Office.actions",
      ),
      addin: blindar(
        {
          showAsTaskpane(): Promise<void> {
            libro.registro.panelMostrado++;
            return Promise.resolve();
          },
          hide(): Promise<void> {
            libro.registro.panelOculto++;
            return Promise.resolve();
          },
        },
        "Office.addin",
      ),
      EventType: { SettingsChanged: "settingsChanged", DocumentSelectionChanged: "documentSelectionChanged" },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      HostType: { Excel: "Excel" },
      PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
    },
    "Office",
  );
}

/** El global `CustomFunctions` del tiempo de ejecución compartido: associate, Error y ErrorCode. */
export function crearCustomFunctionsGlobal(libro: LibroFalso): Record<string, unknown> {
  class ErrorFuncion {
    code: string;
    declare message?: string; // sin mensaje, la propiedad no existe
    constructor(code: string, message?: string) {
      this.code = code;
      if (message !== undefined) this.message = message;
    }
  }
  return blindar(
    {
      associate(id: string | Record<string, unknown>, funcion?: (...args: unknown[]) => unknown): void {
        if (typeof id !== "string" || typeof funcion !== "function")
          throw new NoModelado("CustomFunctions.associate con un objeto");
        libro.registro.funciones.set(id, funcion);
      },
      Error: ErrorFuncion,
      ErrorCode: {
        invalidValue: "#VALUE!",
        notAvailable: "#N/A",
        divisionByZero: "#DIV/0!",
        invalidNumber: "#NUM!",
        nullReference: "#NULL!",
        invalidName: "#NAME?",
        invalidReference: "#REF!",
      },
    },
    "CustomFunctions",
  );
}

export interface OpcionesInstalacion {
  /** Poner también `CustomFunctions` (tiempo de ejecución compartido); por defecto no. */
  funcionesPersonalizadas?: boolean;
}

const GLOBALES = ["Excel", "Office", "CustomFunctions"] as const;

/**
 * Instala el libro falso como anfitrión: pone `Excel` y `Office` (y, si se pide,
 * `CustomFunctions`) en `destino` (globalThis o window) y devuelve cómo deshacerlo. En una
 * página, instálelo antes de que corra el código del complemento (Office.onReady) y sin que
 * office.js se cargue después (lo reemplazaría).
 */
export function instalarExcelFalso(
  destino: object,
  libro: LibroFalso,
  opciones: OpcionesInstalacion = {},
): { libro: LibroFalso; desinstalar: () => void } {
  const g = destino as Record<string, unknown>;
  const previos = new Map(GLOBALES.filter((k) => k in g).map((k) => [k, g[k]] as const));
  g.Excel = crearExcelGlobal(libro);
  g.Office = crearOfficeGlobal(libro);
  if (opciones.funcionesPersonalizadas) g.CustomFunctions = crearCustomFunctionsGlobal(libro);
  return {
    libro,
    desinstalar: () => {
      for (const k of GLOBALES) {
        if (previos.has(k)) g[k] = previos.get(k);
        else delete g[k];
      }
    },
  };
}

// =============================================================================================
// Lo que escritura-falsa.ts necesita de este archivo (sin importarlo en tiempo de ejecución)

const BASE = {
  ObjetoFalso,
  ColeccionFalsa,
  HojaModelo,
  HojaProxy,
  RangoProxy,
  ErrorExcelFalso,
  NoModelado,
  blindar,
  argumentoInvalido,
  noEncontrado,
  analizarDireccion,
  textoDireccion,
  letrasDeColumna,
  cadaCelda,
  celda,
  hojaPorClave,
};
export type BaseFalsa = typeof BASE;

function escritura(): ReturnType<typeof modelosEscritura> {
  return modelosEscritura(BASE);
}
