/**
 * Ranuras: cada dato que el complemento guarda dentro del libro (configuración, sellos de cierre,
 * decisiones sobre hallazgos, y las que vengan) se define una vez con `definirRanura`: nombre,
 * descripción para los mensajes, versión de su esquema, esquema zod y, si cambió de forma, cómo
 * convertir lo guardado por versiones anteriores. Ambos anfitriones (Excel con Office.js y el
 * archivo .xlsx de `pmr`) implementan el puerto `AlmacenLibro` con estas mismas definiciones.
 *
 * Leer nunca lanza por el contenido: lo que no sirve vuelve como `problemas` en español (quien
 * lee los convierte en hallazgos) y los datos como null; nada se descarta en silencio.
 */
import type { z } from "zod";
import { MENSAJES_ALMACEN as M } from "./mensajes";

export type ResultadoValidacion<T> = { ok: true; datos: T } | { ok: false; problemas: string[] };

export interface DefinicionRanura<T> {
  /** Identificador estable en el libro: minúsculas, cifras y guiones («sellos», «decisiones»). */
  nombre: string;
  /** Cómo se nombra en los mensajes, con artículo: «los sellos de cierre». */
  descripcion: string;
  /** Versión del esquema de los datos (entero ≥ 1); súbala cuando cambie su forma. */
  version: number;
  /** Esquema zod de los datos en la versión actual. */
  schema: z.ZodType<T>;
  /**
   * Convierte lo guardado con una versión anterior (`desde` < `version`) a la forma actual (luego
   * se valida con el esquema). Sin ella, lo guardado con versiones anteriores es un problema.
   */
  migrar?: (datos: unknown, desde: number) => unknown;
  /**
   * Solo para datos que viven en la configuración del documento (`settings`) y no en partes XML
   * personalizadas: la clave. Hoy solo la configuración (`pmr.configuracion`), por compatibilidad
   * con los libros existentes y porque las funciones =PMR.* la leen sin esperar.
   */
  ajuste?: string;
  /** Validación propia (mensajes a medida); por defecto, el esquema con mensajes genéricos en español. */
  validar?: (datos: unknown) => ResultadoValidacion<T>;
  /**
   * Solo con `ajuste`: cómo interpretar el valor guardado (texto JSON u objeto). Por defecto, JSON
   * y luego `validar`.
   */
  interpretarAjuste?: (guardado: unknown) => { datos: T | null; problemas: string[] };
}

export interface Ranura<T> {
  readonly nombre: string;
  readonly descripcion: string;
  readonly version: number;
  readonly schema: z.ZodType<T>;
  readonly migrar?: (datos: unknown, desde: number) => unknown;
  /** Dónde vive: partes XML personalizadas del libro o la configuración del documento. */
  readonly respaldo: "partes" | "ajuste";
  readonly ajuste?: string;
  validar(datos: unknown): ResultadoValidacion<T>;
  interpretarAjuste(guardado: unknown): { datos: T | null; problemas: string[] };
}

/** Lo que devuelve leer una ranura. */
export interface LecturaRanura<T> {
  /** Los datos (validados y, si hacía falta, convertidos a la versión actual), o null si no hay o no sirven. */
  datos: T | null;
  /** Problemas en español, uno por oración; vacío si todo estaba bien o no había nada. */
  problemas: string[];
  /** Versión con que estaban guardados (null si no había nada o no se pudo saber). */
  version: number | null;
}

export type DatosDeRanura<R> = R extends Ranura<infer T> ? T : never;

/**
 * El puerto que implementan los dos anfitriones: `crearAlmacenExcel` (src/hosts/excel/almacen.ts)
 * y `AlmacenXlsx` (src/hosts/xlsx/almacenXlsx.ts).
 *
 * - `leer` y `leerVarias` rechazan solo si el anfitrión falla (Excel no responde, el archivo no se
 *   puede abrir), nunca por el contenido guardado.
 * - `escribir` valida los datos con la ranura y reemplaza todo lo guardado de esa ranura; rechaza
 *   con un Error en español si los datos no son válidos, si el libro tiene esa ranura escrita por
 *   una versión más nueva (se perdería) o si el anfitrión falla. Quien recibió problemas al leer
 *   decide si escribir encima (lo dañado se reemplaza).
 */
export interface AlmacenLibro {
  leer<T>(ranura: Ranura<T>): Promise<LecturaRanura<T>>;
  /** Varias ranuras con una sola lectura del libro (en Excel, los mismos viajes que una). */
  leerVarias<const R extends readonly Ranura<unknown>[]>(
    ranuras: R,
  ): Promise<{ -readonly [K in keyof R]: LecturaRanura<DatosDeRanura<R[K]>> }>;
  escribir<T>(ranura: Ranura<T>, datos: T): Promise<void>;
}

/** Error al escribir en el almacén, con un mensaje en español para el usuario. */
export class ErrorAlmacen extends Error {
  constructor(mensaje: string, opciones?: { cause?: unknown }) {
    super(mensaje, opciones);
    this.name = "ErrorAlmacen";
  }
}

const NOMBRE_VALIDO = /^[a-z][a-z0-9-]{0,39}$/;
const REGISTRO = new Map<string, Ranura<unknown>>();

/**
 * Define una ranura y la registra (un nombre, una definición). Es la única línea que necesita una
 * función nueva para guardar datos en el libro. Lanza si la definición está mal escrita.
 */
export function definirRanura<T>(def: DefinicionRanura<T>): Ranura<T> {
  if (!NOMBRE_VALIDO.test(def.nombre))
    throw new Error(`Nombre de ranura no válido «${def.nombre}»: minúsculas, cifras y guiones, hasta 40.`);
  if (!Number.isInteger(def.version) || def.version < 1)
    throw new Error(`La versión de la ranura «${def.nombre}» debe ser un entero ≥ 1.`);
  if (REGISTRO.has(def.nombre)) throw new Error(`La ranura «${def.nombre}» ya está definida.`);
  const validar =
    def.validar ??
    ((datos: unknown): ResultadoValidacion<T> => {
      const r = def.schema.safeParse(datos);
      return r.success ? { ok: true, datos: r.data } : { ok: false, problemas: problemasDeZod(r.error) };
    });
  const ranura: Ranura<T> = Object.freeze({
    nombre: def.nombre,
    descripcion: def.descripcion,
    version: def.version,
    schema: def.schema,
    migrar: def.migrar,
    respaldo: def.ajuste === undefined ? ("partes" as const) : ("ajuste" as const),
    ajuste: def.ajuste,
    validar,
    interpretarAjuste: def.interpretarAjuste ?? ((guardado: unknown) => interpretarAjustePorDefecto(ranura, guardado)),
  });
  REGISTRO.set(def.nombre, ranura as Ranura<unknown>);
  return ranura;
}

/** Las ranuras definidas hasta ahora. */
export function ranurasDefinidas(): Ranura<unknown>[] {
  return [...REGISTRO.values()];
}

export function ranuraPorNombre(nombre: string): Ranura<unknown> | undefined {
  return REGISTRO.get(nombre);
}

/** Un texto JSON u objeto guardado en la configuración del documento. */
function interpretarAjustePorDefecto<T>(
  ranura: Ranura<T>,
  guardado: unknown,
): { datos: T | null; problemas: string[] } {
  if (guardado === null || guardado === undefined || guardado === "") return { datos: null, problemas: [] };
  let datos = guardado;
  if (typeof guardado === "string") {
    try {
      datos = JSON.parse(guardado);
    } catch {
      return { datos: null, problemas: [M.noSePudoLeer(ranura.descripcion, M.jsonNoValido)] };
    }
  }
  const r = ranura.validar(datos);
  return r.ok
    ? { datos: r.datos, problemas: [] }
    : { datos: null, problemas: [M.noSePudoLeer(ranura.descripcion, M.formaNoValida(r.problemas))] };
}

/**
 * Valida lo guardado con la versión `guardada`: si es anterior, lo convierte con `migrar`; si es
 * más nueva, no lo toca. Nunca lanza.
 */
export function validarGuardado<T>(ranura: Ranura<T>, datos: unknown, guardada: number): LecturaRanura<T> {
  const problema = (motivo: string): LecturaRanura<T> => ({
    datos: null,
    problemas: [M.noSePudoLeer(ranura.descripcion, motivo)],
    version: guardada,
  });
  if (guardada > ranura.version) return problema(M.versionNueva(guardada, ranura.version));
  let actual = datos;
  if (guardada < ranura.version) {
    if (!ranura.migrar) return problema(M.sinMigracion(guardada, ranura.version));
    try {
      actual = ranura.migrar(datos, guardada);
    } catch (error) {
      return problema(M.migracionFallida(guardada, error instanceof Error ? error.message : String(error)));
    }
  }
  let r: ResultadoValidacion<T>;
  try {
    r = ranura.validar(actual);
  } catch (error) {
    return problema(M.formaNoValida([error instanceof Error ? error.message : String(error)]));
  }
  return r.ok ? { datos: r.datos, problemas: [], version: guardada } : problema(M.formaNoValida(r.problemas));
}

const MAX_PROBLEMAS = 5;

/** Los problemas de un ZodError en español, con la ruta de cada uno (hasta cinco y «y N más»). */
export function problemasDeZod(error: z.ZodError): string[] {
  const problemas = error.issues.slice(0, MAX_PROBLEMAS).map((i) => {
    const ruta = i.path.map((p) => (typeof p === "number" ? `[${p}]` : String(p))).join(".");
    const rutaLegible = ruta.replace(/\.\[/g, "[");
    let detalle: string;
    if (i.code === "invalid_type") detalle = M.tipoEsperado(M.tipos[i.expected] ?? i.expected);
    else if (i.code === "too_small") detalle = M.demasiadoPequeno(String(i.minimum));
    else if (i.code === "too_big") detalle = M.demasiadoGrande(String(i.maximum));
    else if (i.code === "invalid_value") detalle = M.valorNoValido(i.values.map(String).join(", "));
    else if (i.code === "unrecognized_keys") detalle = M.clavesDesconocidas(i.keys.join(", "));
    else detalle = `${i.message}.`;
    return M.enRuta(rutaLegible, detalle);
  });
  if (error.issues.length > MAX_PROBLEMAS) problemas.push(M.yMas(error.issues.length - MAX_PROBLEMAS));
  return problemas;
}
