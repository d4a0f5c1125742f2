/** Utilidades de las pruebas de las funciones =PMR.*. */
import type { ErrorFuncion } from "../../src/functions/errores";

export const CLAVE_ESTADO_CONFIGURACION = Symbol.for("pmr.funciones.configuracion");

/** Olvida la configuración en caché (el estado vive en globalThis). */
export function reiniciarConfiguracion(): void {
  delete (globalThis as Record<symbol, unknown>)[CLAVE_ESTADO_CONFIGURACION];
}

export function esValorError(v: unknown): v is ErrorFuncion {
  return typeof v === "object" && v !== null && !Array.isArray(v) && typeof (v as ErrorFuncion).code === "string";
}

/** Comprueba código y mensaje de un valor de error (mensaje undefined = sin mensaje). */
export function esperarError(v: unknown, codigo: string, mensaje?: string): void {
  expect(esValorError(v)).toBe(true);
  const e = v as ErrorFuncion;
  expect(e.code).toBe(codigo);
  expect(e.message).toBe(mensaje);
}

/** Columna (n × 1) a partir de una lista. */
export function columna(valores: unknown[]): unknown[][] {
  return valores.map((v) => [v]);
}

/** Valor único de un resultado 1 × 1. */
export function unico(resultado: unknown): unknown {
  expect(Array.isArray(resultado)).toBe(true);
  const m = resultado as unknown[][];
  expect(m.length).toBe(1);
  expect(m[0].length).toBe(1);
  return m[0][0];
}

/** Cualquier valor pasado como argumento any[][] (las pruebas llaman con celdas sueltas también). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Arg = any;
