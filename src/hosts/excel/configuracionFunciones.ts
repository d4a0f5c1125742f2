/**
 * Configuración que usan las funciones =PMR.* (umbrales del semáforo, umbral de
 * sobrecumplimiento, tolerancia físico-financiera, método de avance, método DECRECIENTE, tope del
 * 100 %). Vive en la configuración del documento (Office.context.document.settings) bajo la
 * clave CLAVE_CONFIGURACION como JSON del objeto Configuracion, y viaja con el libro.
 *
 * - Se lee una vez y se guarda en caché; la interpreta interpretarConfiguracionGuardada (de
 *   src/domain: el mismo intérprete del panel y de la línea de comandos) y, si no es válida, se
 *   usan los valores por defecto (los errores quedan en `erroresConfiguracionFunciones`).
 * - Se vuelve a leer cuando Office avisa un cambio (SettingsChanged) y cuando el panel llama a
 *   `actualizarConfiguracionFunciones(config)` después de guardar.
 * - Fuera de Office (Node, pruebas) rigen los valores por defecto.
 *
 * El estado vive en globalThis (Symbol.for): webpack empaqueta el panel y las funciones por
 * separado, cada uno con su copia de este módulo, pero en el tiempo de ejecución compartido
 * ambos ven la misma caché; así la llamada del panel llega a las funciones.
 */
import {
  CLAVE_CONFIGURACION,
  CONFIGURACION_POR_DEFECTO,
  type Configuracion,
  interpretarConfiguracionGuardada,
  validarConfiguracion,
} from "../../domain/configuracion";

interface EstadoConfiguracion {
  config: Configuracion | null;
  errores: string[];
  manejadorRegistrado: boolean;
}

const CLAVE_ESTADO = Symbol.for("pmr.funciones.configuracion");

function estado(): EstadoConfiguracion {
  const g = globalThis as unknown as Record<symbol, EstadoConfiguracion | undefined>;
  let e = g[CLAVE_ESTADO];
  if (!e) {
    e = { config: null, errores: [], manejadorRegistrado: false };
    g[CLAVE_ESTADO] = e;
  }
  return e;
}

interface AjustesDocumento {
  get(nombre: string): unknown;
  addHandlerAsync?: (tipo: unknown, manejador: (...args: unknown[]) => void, ...resto: unknown[]) => void;
}

/** La configuración del documento si hay un documento de Office; si no, null. */
function ajustesDocumento(): AjustesDocumento | null {
  try {
    const office = (globalThis as { Office?: { context?: { document?: { settings?: AjustesDocumento } } } }).Office;
    const ajustes = office?.context?.document?.settings;
    return ajustes && typeof ajustes.get === "function" ? ajustes : null;
  } catch {
    return null;
  }
}

function registrarManejador(ajustes: AjustesDocumento, e: EstadoConfiguracion): void {
  if (e.manejadorRegistrado || typeof ajustes.addHandlerAsync !== "function") return;
  e.manejadorRegistrado = true;
  try {
    const office = (globalThis as { Office?: { EventType?: { SettingsChanged?: unknown } } }).Office;
    const tipo = office?.EventType?.SettingsChanged ?? "settingsChanged";
    ajustes.addHandlerAsync(tipo, () => {
      e.config = null;
    });
  } catch {
    // Sin el aviso, la caché se renueva con actualizarConfiguracionFunciones.
  }
}

/**
 * Configuración vigente para las funciones. Con documento de Office se lee una vez y queda en
 * caché; sin él, los valores por defecto (sin guardarlos, por si Office aparece después).
 */
export function configuracionFunciones(): Configuracion {
  const e = estado();
  if (e.config) return e.config;
  const ajustes = ajustesDocumento();
  if (!ajustes) return CONFIGURACION_POR_DEFECTO;
  let guardado: unknown = null;
  try {
    guardado = ajustes.get(CLAVE_CONFIGURACION);
  } catch {
    return CONFIGURACION_POR_DEFECTO;
  }
  const { configuracion, errores } = interpretarConfiguracionGuardada(guardado);
  e.config = configuracion;
  e.errores = errores;
  registrarManejador(ajustes, e);
  return configuracion;
}

/** Problemas de la configuración guardada en el libro (vacío si es válida o no hay). */
export function erroresConfiguracionFunciones(): readonly string[] {
  return estado().errores;
}

/**
 * La llama el panel después de guardar la configuración. Con un objeto: se valida y, si es
 * válido, pasa a ser la configuración de las funciones; si no es válido, la caché se descarta y
 * se vuelve a leer del documento. Sin argumento: solo descarta la caché. Excel no recalcula las
 * fórmulas existentes por sí solo: quien llama decide si pide un recálculo.
 */
export function actualizarConfiguracionFunciones(
  config?: unknown,
): { ok: true; configuracion: Configuracion } | { ok: false; errores: string[] } {
  const e = estado();
  e.config = null;
  e.errores = [];
  if (config === undefined) return { ok: true, configuracion: configuracionFunciones() };
  const r = validarConfiguracion(config);
  if (r.ok) e.config = r.configuracion;
  return r;
}
