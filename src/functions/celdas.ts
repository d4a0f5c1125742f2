/**
 * Lectura de los valores que Excel entrega a las funciones =PMR.*, con las reglas de
 * src/domain/valores.ts (leerNumero, leerTendencia): un texto «0,10», «15%» o «Creciente» se lee
 * igual en una fórmula que en la validación del libro.
 *
 * Realidades de Excel que se atienden aquí:
 * - Un argumento opcional omitido llega como null; una celda vacía llega como null o "" en la
 *   web y como 0 en el escritorio (esa diferencia no se puede deshacer: se documenta).
 * - Con `allowCustomDataForDataTypeAny` (lo activa el generador de metadatos) una celda puede
 *   llegar como tipo de datos: {type: "Double" | "FormattedNumber" | "String" | …, basicValue}
 *   o un error {type: "Error", basicValue: "#N/A"}; también como CustomFunctions.Error o texto
 *   «#REF!». Se usa el valor básico y los errores se propagan.
 *
 * Los números válidos (el caso común) se leen sin crear objetos: 10 000 filas cuestan poco.
 */
import type { Tendencia } from "../domain/modelo";
import { esErrorExcel, esVacio, leerNumero, leerTendencia, type LecturaNumero } from "../domain/valores";
import { type ErrorFuncion, esErrorFuncion, propagarError, valorNoValido } from "./errores";
import { MENSAJES } from "./mensajes";

/** Número, null (vacío) o el error que la función debe devolver. */
export type NumeroCelda = number | null | ErrorFuncion;

/** ¿Es el resultado de una lectura un error? (Ni número ni null.) */
export function esError(v: unknown): v is ErrorFuncion {
  return typeof v === "object" && v !== null;
}

const CODIGO_POR_TIPO_ERROR: Record<string, string> = {
  notavailable: "#N/A",
  value: "#VALUE!",
  div0: "#DIV/0!",
  num: "#NUM!",
  null: "#NULL!",
  ref: "#REF!",
  name: "#NAME?",
  spill: "#SPILL!",
  calc: "#CALC!",
};

/**
 * Si `v` es un error de Excel que llega como argumento, el error a devolver; si no, null.
 * Acepta CustomFunctions.Error ({code}), el tipo de datos de error ({type: "Error"}) y el texto
 * de un error («#REF!»).
 */
export function errorDeEntrada(v: unknown): ErrorFuncion | null {
  if (typeof v === "string") {
    if (!esErrorExcel(v)) return null;
    const codigo = v.trim().toUpperCase();
    return propagarError(codigo, undefined, MENSAJES.errorDeEntrada(codigo));
  }
  if (typeof v !== "object" || v === null || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  if (esErrorFuncion(v) || (typeof o.code === "string" && o.code.startsWith("#"))) {
    const codigo = String(o.code);
    const mensaje = typeof o.message === "string" && o.message !== "" ? o.message : undefined;
    return propagarError(codigo, mensaje, MENSAJES.errorDeEntrada(codigo));
  }
  if (typeof o.type === "string" && o.type.toLowerCase() === "error") {
    const codigo =
      typeof o.basicValue === "string" && o.basicValue.startsWith("#")
        ? o.basicValue
        : (CODIGO_POR_TIPO_ERROR[String(o.errorType ?? "").toLowerCase()] ?? "#VALUE!");
    return propagarError(codigo, undefined, MENSAJES.errorDeEntrada(codigo));
  }
  return null;
}

/** Valor básico de un tipo de datos ({basicValue}); cualquier otro valor tal cual. */
export function valorBasico(v: unknown): unknown {
  if (typeof v === "object" && v !== null && !Array.isArray(v) && "basicValue" in v) {
    const b = (v as { basicValue: unknown }).basicValue;
    // Un tipo de datos no anida otro; si lo hiciera, no se sigue desenvolviendo.
    return typeof b === "object" && b !== null ? v : b;
  }
  return v;
}

/** Lectura completa (camino lento): errores de entrada, tipos de datos y textos. */
export function lecturaCelda(v: unknown): LecturaNumero | { tipo: "error"; error: ErrorFuncion } {
  const error = errorDeEntrada(v);
  if (error) return { tipo: "error", error };
  const b = valorBasico(v);
  const l = leerNumero(b);
  if (l.tipo === "error-excel") {
    return { tipo: "error", error: propagarError(l.error, undefined, MENSAJES.errorDeEntrada(l.error)) };
  }
  return l;
}

/**
 * Celda como número: el número, null si está vacía («», «-», «N/A»…), o un #VALUE! cuyo mensaje
 * nombra el argumento («Programado no es un número: «abc».»). Los errores de entrada se propagan.
 */
export function leerNumeroCelda(v: unknown, argumento: string): NumeroCelda {
  if (typeof v === "number") return Number.isFinite(v) ? v : valorNoValido(MENSAJES.noEsNumero(argumento, v));
  if (v === null || v === undefined) return null;
  const l = lecturaCelda(v);
  switch (l.tipo) {
    case "numero":
      return l.valor;
    case "vacio":
      return null;
    case "error":
      return l.error;
    default:
      return valorNoValido(MENSAJES.noEsNumero(argumento, valorBasico(v)));
  }
}

const TENDENCIAS_LEIDAS = new Map<string, Tendencia | null>();
const MAXIMO_TENDENCIAS_LEIDAS = 256;

/**
 * Tendencia de una celda (sin importar mayúsculas, tildes ni espacios). Vacía u omitida → Suma
 * (también el 0 con que el escritorio entrega una celda vacía). Un texto fuera del catálogo →
 * #VALUE! «Tendencia no reconocida: «Sumatoria». Use Suma, Creciente, Constante o Decreciente.»
 */
export function leerTendenciaCelda(v: unknown): Tendencia | ErrorFuncion {
  if (v === null || v === undefined || v === 0 || v === "") return "SUMA";
  if (typeof v === "string") {
    let t = TENDENCIAS_LEIDAS.get(v);
    if (t === undefined) {
      t = esVacio(v) ? "SUMA" : leerTendencia(v);
      if (TENDENCIAS_LEIDAS.size >= MAXIMO_TENDENCIAS_LEIDAS) TENDENCIAS_LEIDAS.clear();
      TENDENCIAS_LEIDAS.set(v, t);
    }
    if (t !== null) return t;
    return errorDeEntrada(v) ?? valorNoValido(MENSAJES.tendenciaNoReconocida(v));
  }
  const error = errorDeEntrada(v);
  if (error) return error;
  const b = valorBasico(v);
  if (b !== v && (typeof b === "string" || b === null || b === undefined || b === 0)) return leerTendenciaCelda(b);
  return valorNoValido(MENSAJES.tendenciaNoReconocida(b));
}

/**
 * Mes de corte 1–12. Vacío u omitido → null (quien llama pone el valor por defecto); el 0 con que
 * el escritorio entrega una celda vacía cuenta como vacío. Otro valor → #VALUE!.
 */
export function leerCorteCelda(v: unknown, argumento: string): NumeroCelda {
  const n = leerNumeroCelda(v, argumento);
  if (n === null || esError(n)) return n;
  if (n === 0) return null;
  if (!Number.isInteger(n) || n < 1 || n > 12) return valorNoValido(MENSAJES.corteNoValido(valorBasico(v)));
  return n;
}

/** Tolerancia como fracción 0–1 («30%» = 0,3). Vacía u omitida → null. Otro valor → #VALUE!. */
export function leerToleranciaCelda(v: unknown, argumento: string): NumeroCelda {
  const n = leerNumeroCelda(v, argumento);
  if (n === null || esError(n)) return n;
  if (n < 0 || n > 1) return valorNoValido(MENSAJES.toleranciaNoValida(valorBasico(v)));
  return n;
}
