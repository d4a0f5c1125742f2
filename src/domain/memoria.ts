/**
 * Memoria de funciones de texto: en un PMR los mismos textos se repiten en miles de filas (el
 * código y el nombre del objetivo, la tendencia, «N/A»…), así que cada texto distinto se calcula
 * una vez.
 */

/** Textos que se guardan como máximo; después se calcula sin guardar (la memoria no crece sin fin). */
export const TOPE_MEMORIA = 4_096;

/** `calcular` con memoria: cada texto distinto se calcula una sola vez (hasta `tope` textos). */
export function conMemoria<T>(calcular: (texto: string) => T, tope = TOPE_MEMORIA): (texto: string) => T {
  const memoria = new Map<string, T>();
  return (texto) => {
    const guardado = memoria.get(texto);
    if (guardado !== undefined || memoria.has(texto)) return guardado as T;
    const valor = calcular(texto);
    if (memoria.size < tope) memoria.set(texto, valor);
    return valor;
  };
}
