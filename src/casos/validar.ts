/**
 * Caso de uso «validar»: libro → grillas → modelo → evaluación → reglas → hallazgos, con la
 * configuración guardada en el libro y, encima, la que pida quien llama. Es el único lugar donde
 * se arma este flujo: el panel, el botón de la cinta y la línea de comandos lo llaman con los
 * puertos de su anfitrión (Excel con Office.js, o un .xlsx) y no conocen ningún otro paso.
 *
 * El motor no conoce ninguna regla por nombre: las ejecuta el registro (src/rules/registro.ts).
 */
import {
  CONFIGURACION_POR_DEFECTO,
  ConfiguracionSchema,
  evaluar,
  ordenarHallazgos,
  validarConfiguracion,
  type Configuracion,
  type Evaluacion,
  type Hallazgo,
  type ModeloPmr,
} from "../domain";
import { ejecutarReglas } from "../rules/registro";
import type { LibroGrillas } from "../workbook/grilla";
import { leerModelo } from "../workbook/lector";
import { MENSAJES_CASOS } from "./mensajes";

export interface Resumen {
  errores: number;
  advertencias: number;
  info: number;
}

/** Clave de primer nivel de la configuración (corte, vigencia, semaforo…). */
export type ClaveConfiguracion = keyof Configuracion;

/**
 * De dónde salió cada clave de la configuración usada: «libro» (guardada en el libro por el
 * panel), «opciones» (argumentos de la línea de comandos o archivo --config) o «defecto».
 */
export type OrigenConfiguracion = Readonly<Record<ClaveConfiguracion, "libro" | "opciones" | "defecto">>;

export interface InformeValidacion {
  modelo: ModeloPmr;
  evaluacion: Evaluacion;
  hallazgos: Hallazgo[];
  resumen: Resumen;
  /** La configuración con la que se validó. */
  configuracion: Configuracion;
  origen: OrigenConfiguracion;
}

export function resumir(hallazgos: readonly Hallazgo[]): Resumen {
  const r: Resumen = { errores: 0, advertencias: 0, info: 0 };
  for (const h of hallazgos) {
    if (h.severidad === "error") r.errores++;
    else if (h.severidad === "advertencia") r.advertencias++;
    else r.info++;
  }
  return r;
}

const CLAVES = Object.keys(ConfiguracionSchema.shape) as ClaveConfiguracion[];

function origenUniforme(o: "libro" | "opciones" | "defecto"): OrigenConfiguracion {
  return Object.fromEntries(CLAVES.map((k) => [k, o])) as Record<ClaveConfiguracion, typeof o>;
}

/** Valida un modelo ya leído (puro). */
export function validarModelo(
  modelo: ModeloPmr,
  config: Configuracion,
  origen: OrigenConfiguracion = origenUniforme("defecto"),
): InformeValidacion {
  const evaluacion = evaluar(modelo, config);
  const hallazgos = ordenarHallazgos(ejecutarReglas(modelo, evaluacion, config));
  return { modelo, evaluacion, hallazgos, resumen: resumir(hallazgos), configuracion: config, origen };
}

/** Valida las grillas de un libro (puro). Nunca lanza por el contenido del libro. */
export function validarLibro(
  libro: LibroGrillas,
  config: Configuracion,
  origen?: OrigenConfiguracion,
): InformeValidacion {
  return validarModelo(leerModelo(libro), config, origen);
}

// ─── Configuración: la guardada en el libro y, encima, la pedida ─────────────────────────────

/** Lo que el anfitrión encontró guardado en el libro: los datos crudos (o null) y sus problemas. */
export interface ConfiguracionGuardada {
  datos: unknown;
  /** Por qué no se pudo usar lo guardado, en español (vacío si no había nada o si era válido). */
  problemas: readonly string[];
}

export interface ConfiguracionResuelta {
  configuracion: Configuracion;
  origen: OrigenConfiguracion;
  /** Problemas de la configuración guardada (se usó la de defecto para esas claves). */
  problemas: string[];
}

function esObjeto(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/**
 * La configuración que rige: los valores por defecto, encima lo guardado en el libro (si es
 * válido) y encima lo pedido (`pedida`, ya validada por quien llama: argumentos o --config).
 * Si lo guardado no es válido, no se usa nada de ello y queda el problema para decirlo.
 * Nunca lanza por lo guardado; lanza si `pedida` no es válida (es un error de quien llama).
 */
export function resolverConfiguracion(
  guardada: ConfiguracionGuardada | null,
  pedida: Readonly<Record<string, unknown>> = {},
): ConfiguracionResuelta {
  const problemas = [...(guardada?.problemas ?? [])];
  let delLibro: Record<string, unknown> = {};
  let datos = guardada?.datos;
  if (typeof datos === "string" && datos !== "") {
    try {
      datos = JSON.parse(datos) as unknown;
    } catch {
      problemas.push(MENSAJES_CASOS.configuracionGuardadaNoJson);
      datos = null;
    }
  }
  if (datos !== null && datos !== undefined && datos !== "") {
    const r = validarConfiguracion(datos);
    if (r.ok && esObjeto(datos)) delLibro = datos;
    else if (!r.ok) problemas.push(MENSAJES_CASOS.configuracionGuardadaNoValida(r.errores));
  }
  const combinada = { ...delLibro, ...pedida };
  const r = validarConfiguracion(combinada);
  if (!r.ok) throw new Error(MENSAJES_CASOS.configuracionPedidaNoValida(r.errores));
  const origen = Object.fromEntries(
    CLAVES.map((k) => [k, k in pedida ? "opciones" : k in delLibro ? "libro" : "defecto"]),
  ) as Record<ClaveConfiguracion, "libro" | "opciones" | "defecto">;
  return { configuracion: r.configuracion, origen, problemas };
}

// ─── El caso de uso con puertos ─────────────────────────────────────────────────────────────

/** Lo que el anfitrión (Excel o un .xlsx) pone a disposición del caso de uso. */
export interface PuertosValidacion {
  /** Las grillas de las hojas del libro que el lector necesita. */
  leerLibro(): Promise<LibroGrillas>;
  /** La configuración guardada en el libro; sin este puerto, la de defecto. */
  leerConfiguracion?(): Promise<ConfiguracionGuardada | null>;
  /** Resalta las celdas de los hallazgos (solo en Excel), quitando antes el resaltado anterior. */
  resaltar?(hallazgos: readonly Hallazgo[]): Promise<void>;
}

export type EtapaValidacion = "leyendo" | "validando" | "resaltando";

export interface OpcionesValidacion {
  /** Claves de la configuración que mandan sobre las guardadas en el libro. */
  pedida?: Readonly<Record<string, unknown>>;
  /** Se llama al empezar cada etapa (el panel muestra el texto de MENSAJES_CASOS.etapas). */
  alProgreso?(etapa: EtapaValidacion): void;
}

/** Cede el hilo para que la interfaz pinte el progreso antes de un cálculo largo. */
function ceder(): Promise<void> {
  return new Promise((resolver) => setTimeout(resolver, 0));
}

export interface ResultadoValidacion extends InformeValidacion {
  /** Problemas de la configuración guardada en el libro (rigió la de defecto). */
  problemasConfiguracion: string[];
}

/**
 * Valida el libro del anfitrión. Lanza solo lo que lanzan los puertos (el libro no se pudo
 * leer, Excel falló) o una configuración pedida que no es válida; el contenido del libro nunca.
 */
export async function validar(
  puertos: PuertosValidacion,
  opciones: OpcionesValidacion = {},
): Promise<ResultadoValidacion> {
  opciones.alProgreso?.("leyendo");
  const [libro, guardada] = await Promise.all([
    puertos.leerLibro(),
    puertos.leerConfiguracion ? puertos.leerConfiguracion() : Promise.resolve(null),
  ]);
  const resuelta = resolverConfiguracion(guardada, opciones.pedida);
  opciones.alProgreso?.("validando");
  if (opciones.alProgreso) await ceder();
  const informe = validarLibro(libro, resuelta.configuracion, resuelta.origen);
  if (puertos.resaltar) {
    opciones.alProgreso?.("resaltando");
    if (opciones.alProgreso) await ceder();
    await puertos.resaltar(informe.hallazgos);
  }
  return { ...informe, problemasConfiguracion: resuelta.problemas };
}

/** La configuración por defecto con su origen (para quien valida sin libro ni opciones). */
export const CONFIGURACION_INICIAL: ConfiguracionResuelta = Object.freeze({
  configuracion: CONFIGURACION_POR_DEFECTO,
  origen: origenUniforme("defecto"),
  problemas: [],
});
