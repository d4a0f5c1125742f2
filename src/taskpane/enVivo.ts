/**
 * «Validar mientras escribe», en lógica pura (se prueba en Node con un reloj falso): qué cambios
 * de las hojas piden validar de nuevo, y la pausa (debounce) que junta varios cambios seguidos
 * en una sola validación.
 *
 * Lo que se ignora:
 * - lo que causó el propio complemento (`triggerSource` "ThisLocalAddin", ExcelApi 1.14): el
 *   resaltado son formatos condicionales y Office no documenta que avisen, pero si avisaran,
 *   validar por ellos volvería a resaltar y no terminaría nunca;
 * - en un Excel que no dice quién causó el cambio (antes de ExcelApi 1.14), lo que llega
 *   mientras el complemento resalta o poco después (VENTANA_PROPIA_MS), por la misma razón;
 * - los cambios en hojas que no son del PMR (la validación anterior dice cuáles son; si no
 *   encontró la hoja PMR, cualquier hoja puede ser la que falta).
 */
import type { ModeloPmr } from "../domain/modelo";

/** Pausa desde el último cambio hasta validar (escribir una celda y pasar a la otra no valida dos veces). */
export const PAUSA_EN_VIVO_MS = 400;
/** Tras resaltar, los avisos sin origen que lleguen en este lapso se tratan como propios. */
export const VENTANA_PROPIA_MS = 300;
/** Clave de la preferencia en el almacenamiento local del panel (de este equipo, no del libro). */
export const CLAVE_PREFERENCIA_EN_VIVO = "pmr.validarMientrasEscribe";

export interface CambioRecibido {
  hoja: string;
  propio: boolean | null;
}

export type Decision = "validar" | "propio" | "otra-hoja";

export interface Situacion {
  /** Hojas del PMR (de la última validación); null = todas. */
  vigiladas: ReadonlySet<string> | null;
  /** El complemento está escribiendo su resaltado ahora. */
  resaltando: boolean;
  /** Cuándo terminó el último resaltado (ms); null si nunca. */
  finResaltado: number | null;
  ahora: number;
}

export function decidirCambio(c: CambioRecibido, s: Situacion): Decision {
  if (c.propio === true) return "propio";
  if (c.propio === null && (s.resaltando || (s.finResaltado !== null && s.ahora - s.finResaltado < VENTANA_PROPIA_MS)))
    return "propio";
  if (s.vigiladas !== null && !s.vigiladas.has(c.hoja.toLocaleLowerCase())) return "otra-hoja";
  return "validar";
}

/** Las hojas del PMR que leyó la validación (en minúsculas); null si no encontró la hoja PMR. */
export function hojasVigiladas(
  modelo: Pick<ModeloPmr, "pmr" | "presupuesto" | "territorial"> | null,
): Set<string> | null {
  if (!modelo || !modelo.pmr) return null;
  const hojas = [modelo.pmr.nombre, modelo.presupuesto?.nombre, modelo.territorial?.nombre];
  return new Set(hojas.filter((h): h is string => !!h).map((h) => h.toLocaleLowerCase()));
}

/** Programa `fn` en `ms` y devuelve cómo cancelarlo (setTimeout en el panel; un reloj falso en las pruebas). */
export type Programar = (fn: () => void, ms: number) => () => void;

export const programarConTemporizador: Programar = (fn, ms) => {
  const id = setTimeout(fn, ms);
  return () => clearTimeout(id);
};

/** Debounce: cada `pedir` reinicia la pausa; `fn` corre una vez, `ms` después del último pedido. */
export function crearPausa(programar: Programar, ms: number, fn: () => void) {
  let cancelar: (() => void) | null = null;
  return {
    pedir(): void {
      cancelar?.();
      cancelar = programar(() => {
        cancelar = null;
        fn();
      }, ms);
    },
    cancelar(): void {
      cancelar?.();
      cancelar = null;
    },
    pendiente(): boolean {
      return cancelar !== null;
    },
  };
}
