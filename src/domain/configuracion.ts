/**
 * Configuración de cálculo y validación: un solo objeto tipado con los valores por defecto de
 * PMR-SPEC §2. La usan el motor, las reglas, las funciones =PMR.* y el panel; se guarda en la
 * configuración del libro (clave CLAVE_CONFIGURACION) y la línea de comandos la acepta con
 * --config archivo.json (mismas claves).
 */
import { z } from "zod";

/** Clave de la configuración del documento (Office.context.document.settings). */
export const CLAVE_CONFIGURACION = "pmr.configuracion";

const fraccion = z.number().finite().min(0, "no puede ser negativa");

export const SemaforoSchema = z
  .object({
    /** avance ≤ rojo → Rojo. */
    rojo: fraccion.default(0.5),
    /** avance ≤ amarillo → Amarillo. */
    amarillo: fraccion.default(0.75),
    /** avance ≤ verde → Verde; por encima → Naranja (sobrecumplimiento a revisar). */
    verde: fraccion.default(1.25),
  })
  .strict()
  .refine((s) => s.rojo < s.amarillo && s.amarillo < s.verde, {
    message: "los umbrales del semáforo deben ser crecientes: rojo < amarillo < verde",
  });

export const ConfiguracionSchema = z
  .object({
    /** Mes de corte 1–12; null = el último mes con alguna ejecución. */
    corte: z.number().int().min(1).max(12).nullable().default(null),
    /** Vigencia (año) a evaluar; null = la más reciente del libro. */
    vigencia: z.number().int().min(1900).max(2200).nullable().default(null),
    /** Diferencia máxima entre avance físico y financiero (fracción: 0.3 = 30 puntos). */
    toleranciaFisicoFinanciera: fraccion.max(1).default(0.3),
    /** Avance por encima del cual un indicador está Sobrecumplido (fracción). */
    umbralSobrecumplimiento: fraccion.default(1.25),
    semaforo: SemaforoSchema.default({ rojo: 0.5, amarillo: 0.75, verde: 1.25 }),
    /** "razon": E / P (lo que publican los informes sectoriales); "brecha": (E − LB) / (P − LB) también para CRECIENTE. */
    metodoAvance: z.enum(["razon", "brecha"]).default("razon"),
    /**
     * DECRECIENTE. "linea-base": (LB − E) / (LB − P) cuando hay línea base distinta de P, si no P / E.
     * "inversa": siempre P / E.
     */
    metodoDecreciente: z.enum(["linea-base", "inversa"]).default("linea-base"),
    /** Limitar el avance al 100 % (por defecto no: 104,3 % sigue siendo 104,3 %). */
    topeCien: z.boolean().default(false),
    /** Longitud máxima del reporte cualitativo mensual. */
    longitudMaximaCualitativo: z.number().int().positive().default(250),
    /** Tolerancia relativa al comparar sumas (programación vs meta, territorial vs meta). */
    toleranciaSumas: fraccion.max(1).default(0.001),
  })
  .strict();

export type Configuracion = z.infer<typeof ConfiguracionSchema>;
export type ConfiguracionEntrada = z.input<typeof ConfiguracionSchema>;

export const CONFIGURACION_POR_DEFECTO: Configuracion = Object.freeze(ConfiguracionSchema.parse({})) as Configuracion;

/** Configuración completa a partir de valores parciales (lanza ZodError si algo no es válido). */
export function crearConfiguracion(parcial: ConfiguracionEntrada = {}): Configuracion {
  return ConfiguracionSchema.parse(parcial);
}

/**
 * Valida una configuración que viene del usuario (archivo, panel, libro) y devuelve o la
 * configuración o mensajes en español que nombran la clave y dicen cómo corregirla.
 */
/** Nombres en español de los tipos que zod informa como «expected». */
const TIPOS: Record<string, string> = {
  number: "un número",
  int: "un número entero",
  string: "un texto",
  boolean: "true o false",
  object: "un objeto JSON entre llaves",
  array: "una lista",
  null: "null",
  nan: "un número",
};

export function validarConfiguracion(
  datos: unknown,
): { ok: true; configuracion: Configuracion } | { ok: false; errores: string[] } {
  const r = ConfiguracionSchema.safeParse(datos ?? {});
  if (r.success) return { ok: true, configuracion: r.data };
  const errores = r.error.issues.map((i) => {
    const clave = i.path.length ? i.path.join(".") : "(raíz)";
    if (i.code === "unrecognized_keys") {
      return `Clave desconocida en la configuración: ${i.keys.join(", ")}. Las claves válidas son: ${Object.keys(ConfiguracionSchema.shape).join(", ")}.`;
    }
    if (i.code === "invalid_type")
      return `«${clave}»: tipo no válido (se esperaba ${TIPOS[i.expected] ?? i.expected}).`;
    if (i.code === "too_small") return `«${clave}»: el valor es demasiado pequeño (mínimo ${String(i.minimum)}).`;
    if (i.code === "too_big") return `«${clave}»: el valor es demasiado grande (máximo ${String(i.maximum)}).`;
    if (i.code === "invalid_value")
      return `«${clave}»: valor no válido; use uno de: ${i.values.map(String).join(", ")}.`;
    return `«${clave}»: ${i.message}.`;
  });
  return { ok: false, errores };
}

/** Lo guardado en el libro bajo CLAVE_CONFIGURACION, interpretado. */
export type ConfiguracionGuardada =
  { estado: "vacia" } | { estado: "valida"; configuracion: Configuracion } | { estado: "no-valida"; errores: string[] };

/**
 * El único intérprete de la configuración guardada en el libro, para el panel, las funciones
 * =PMR.* y la línea de comandos (que la lee de las partes `webextension` del .xlsx). Acepta el
 * texto JSON que guarda el complemento o el objeto mismo (lo que devuelva `settings.get`). Nunca
 * lanza: lo que no sirve vuelve como errores en español.
 */
export function leerConfiguracionGuardada(guardado: unknown): ConfiguracionGuardada {
  if (guardado === null || guardado === undefined || guardado === "") return { estado: "vacia" };
  let datos: unknown = guardado;
  if (typeof guardado === "string") {
    try {
      datos = JSON.parse(guardado);
    } catch {
      return {
        estado: "no-valida",
        errores: [`La configuración guardada en el libro (${CLAVE_CONFIGURACION}) no es un JSON válido.`],
      };
    }
  }
  const r = validarConfiguracion(datos);
  return r.ok ? { estado: "valida", configuracion: r.configuracion } : { estado: "no-valida", errores: r.errores };
}

/**
 * La configuración que rige con lo guardado en el libro: la guardada si es válida; si falta o no
 * es válida, la configuración por defecto (y en `errores`, por qué no se usó lo guardado).
 */
export function interpretarConfiguracionGuardada(guardado: unknown): {
  configuracion: Configuracion;
  errores: string[];
} {
  const l = leerConfiguracionGuardada(guardado);
  if (l.estado === "valida") return { configuracion: l.configuracion, errores: [] };
  return { configuracion: crearConfiguracion(), errores: l.estado === "no-valida" ? l.errores : [] };
}
