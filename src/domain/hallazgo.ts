/** Hallazgo de validación (PMR-SPEC §3) y su clave estable. */
import { z } from "zod";

export const CATEGORIAS = [
  "Cadena de valor",
  "Metas",
  "Seguimiento",
  "Físico-financiero",
  "Territorialización",
  "Avance cualitativo",
  "Estructura",
  "Cierre",
] as const;
export const CategoriaSchema = z.enum(CATEGORIAS);
export type Categoria = z.infer<typeof CategoriaSchema>;

export const SEVERIDADES = ["error", "advertencia", "info"] as const;
export const SeveridadSchema = z.enum(SEVERIDADES);
export type Severidad = z.infer<typeof SeveridadSchema>;

export const HallazgoSchema = z.object({
  regla: z.string(),
  categoria: CategoriaSchema,
  severidad: SeveridadSchema,
  mensaje: z.string(),
  hoja: z.string(),
  /** Dirección A1 o rango (p. ej. "K12:K15"). */
  celda: z.string(),
  /** Hash estable de la regla y de las identidades involucradas (códigos, mes). */
  clave: z.string(),
});
export type Hallazgo = z.infer<typeof HallazgoSchema>;

/**
 * cyrb53: hash de 53 bits, rápido y sin dependencias (funciona igual en Node y en Excel).
 * No es criptográfico: solo identifica un hallazgo entre ejecuciones.
 */
function cyrb53(texto: string, semilla = 0): string {
  let h1 = 0xdeadbeef ^ semilla;
  let h2 = 0x41c6ce57 ^ semilla;
  for (let i = 0; i < texto.length; i++) {
    const c = texto.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  // Los 53 bits (21 de h2 y 32 de h1) en 14 cifras hexadecimales, con ceros a la izquierda. Se
  // escriben a mano: Number#toString(16) de un número de 53 bits es unas diez veces más lento, y
  // con miles de hallazgos se nota.
  return hex32(2097151 & h2).slice(2) + hex32(h1);
}

/** "00" … "ff": cada byte en dos cifras hexadecimales. */
const HEX2 = Array.from({ length: 256 }, (_, i) => (i < 16 ? "0" : "") + i.toString(16));

/** Los 32 bits de `v` como 8 cifras hexadecimales. */
function hex32(v: number): string {
  return HEX2[(v >>> 24) & 255] + HEX2[(v >>> 16) & 255] + HEX2[(v >>> 8) & 255] + HEX2[v & 255];
}

/**
 * Clave estable de un hallazgo: depende solo del id de la regla y de las identidades que se
 * le pasan (códigos normalizados, mes…), nunca del texto del mensaje ni del número de fila, de
 * modo que insertar una fila no la cambia.
 */
export function claveHallazgo(regla: string, ...identidades: (string | number | null | undefined)[]): string {
  let texto = regla;
  for (const i of identidades)
    texto += "\u001f" + (i === null || i === undefined ? "" : String(i).trim().toUpperCase());
  return cyrb53(texto);
}

/** Orden de presentación: severidad, categoría, hoja y celda. */
export function compararHallazgos(a: Hallazgo, b: Hallazgo): number {
  const s = SEVERIDADES.indexOf(a.severidad) - SEVERIDADES.indexOf(b.severidad);
  if (s !== 0) return s;
  const c = CATEGORIAS.indexOf(a.categoria) - CATEGORIAS.indexOf(b.categoria);
  if (c !== 0) return c;
  if (a.hoja !== b.hoja) return a.hoja < b.hoja ? -1 : 1;
  return compararCeldas(a.celda, b.celda);
}

/**
 * Los hallazgos en el orden de compararHallazgos, sin cambiar la lista recibida. Lee la celda de
 * cada hallazgo una sola vez (con miles de hallazgos, el orden no repite el análisis de «K12»
 * en cada comparación).
 */
export function ordenarHallazgos(hallazgos: readonly Hallazgo[]): Hallazgo[] {
  const claves = hallazgos.map((h, i) => {
    const m = /^([A-Z]+)(\d+)/.exec(h.celda);
    return {
      h,
      i,
      grupo: SEVERIDADES.indexOf(h.severidad) * CATEGORIAS.length + CATEGORIAS.indexOf(h.categoria),
      fila: m ? Number(m[2]) : -1,
      letras: m ? m[1] : h.celda,
    };
  });
  claves.sort((a, b) => {
    if (a.grupo !== b.grupo) return a.grupo - b.grupo;
    if (a.h.hoja !== b.h.hoja) return a.h.hoja < b.h.hoja ? -1 : 1;
    if (a.fila < 0 || b.fila < 0) {
      const r = compararCeldas(a.h.celda, b.h.celda);
      return r !== 0 ? r : a.i - b.i;
    }
    if (a.fila !== b.fila) return a.fila - b.fila;
    if (a.letras.length !== b.letras.length) return a.letras.length - b.letras.length;
    if (a.letras !== b.letras) return a.letras < b.letras ? -1 : 1;
    return a.i - b.i;
  });
  return claves.map((k) => k.h);
}

function compararCeldas(a: string, b: string): number {
  const ma = /^([A-Z]+)(\d+)/.exec(a);
  const mb = /^([A-Z]+)(\d+)/.exec(b);
  if (!ma || !mb) return a < b ? -1 : a > b ? 1 : 0;
  const fa = Number(ma[2]);
  const fb = Number(mb[2]);
  if (fa !== fb) return fa - fb;
  if (ma[1].length !== mb[1].length) return ma[1].length - mb[1].length;
  return ma[1] < mb[1] ? -1 : ma[1] > mb[1] ? 1 : 0;
}
