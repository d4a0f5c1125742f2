/** Hallazgo de validación (PMR-SPEC §3) y su clave estable. */
import { z } from "zod";
import { cyrb53 } from "./hash";

export const CATEGORIAS = [
  "Cadena de valor",
  "Metas",
  "Seguimiento",
  "Físico-financiero",
  "Territorialización",
  "Avance cualitativo",
  "Estructura",
  "Cierre",
  "Consolidación",
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
  /**
   * Solo al consolidar varios libros (PMR-SPEC §6.6): el archivo de origen al que se refieren
   * `hoja` y `celda`. Sin él, `hoja` y `celda` son del libro que se validó.
   */
  archivo: z.string().optional(),
  /** Solo al consolidar: dónde está lo señalado en el libro consolidado (si está). */
  consolidado: z.object({ hoja: z.string(), celda: z.string() }).optional(),
});
export type Hallazgo = z.infer<typeof HallazgoSchema>;

/**
 * Clave estable de un hallazgo: depende solo del id de la regla y de las identidades que se
 * le pasan (códigos normalizados, mes…), nunca del texto del mensaje ni del número de fila, de
 * modo que insertar una fila no la cambia.
 */
export function claveHallazgo(regla: string, ...identidades: (string | number | null | undefined)[]): string {
  return claveDeIdentidades(regla, identidades);
}

/** claveHallazgo con las identidades en una lista (quien ya la tiene no crea otra). */
export function claveDeIdentidades(
  regla: string,
  identidades: readonly (string | number | null | undefined)[],
): string {
  let texto = regla;
  for (let k = 0; k < identidades.length; k++) {
    const i = identidades[k];
    texto += "\u001f" + (i === null || i === undefined ? "" : identidadNormalizada(i));
  }
  return cyrb53(texto);
}

/**
 * `String(i).trim().toUpperCase()`, sin crear dos textos nuevos cuando no cambiaría nada: casi
 * todas las identidades son códigos ya normalizados («IP1.2.3», «IP1.2.3#2») o enteros (mes,
 * vigencia), y se piden una o dos por hallazgo.
 */
function identidadNormalizada(i: string | number): string {
  if (typeof i === "number") {
    // Un entero seguro se escribe solo con cifras y «-»: ni espacios ni letras.
    return Number.isSafeInteger(i) ? String(i) : String(i).trim().toUpperCase();
  }
  const t = String(i);
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    // Fuera de lo ASCII visible (espacios, letras con tilde…) o una minúscula: el camino largo.
    if (c <= 32 || c >= 127 || (c >= 97 && c <= 122)) return t.trim().toUpperCase();
  }
  return t;
}

/** Lo que decide el orden de un hallazgo, leído una vez: grupo (severidad y categoría), hoja y celda. */
interface ClaveOrden {
  grupo: number;
  hoja: string;
  celda: string;
  /** Fila y letras de la columna de la celda (o de la primera celda del rango); -1 y "" si no es A1. */
  fila: number;
  letras: string;
}

function claveOrden(h: Hallazgo): ClaveOrden {
  // Lo mismo que /^([A-Z]+)(\d+)/ sobre la celda, sin expresión regular (una vez por hallazgo).
  const celda = h.celda;
  let n = 0;
  while (n < celda.length) {
    const c = celda.charCodeAt(n);
    if (c < 65 || c > 90) break;
    n++;
  }
  let fin = n;
  while (fin < celda.length) {
    const c = celda.charCodeAt(fin);
    if (c < 48 || c > 57) break;
    fin++;
  }
  const esA1 = n > 0 && fin > n;
  return {
    grupo: SEVERIDADES.indexOf(h.severidad) * CATEGORIAS.length + CATEGORIAS.indexOf(h.categoria),
    hoja: h.hoja,
    celda,
    fila: esA1 ? Number(celda.slice(n, fin)) : -1,
    letras: esA1 ? celda.slice(0, n) : "",
  };
}

function compararClaves(a: ClaveOrden, b: ClaveOrden): number {
  if (a.grupo !== b.grupo) return a.grupo - b.grupo;
  if (a.hoja !== b.hoja) return a.hoja < b.hoja ? -1 : 1;
  // Una celda que no es A1 se compara como texto.
  if (a.fila < 0 || b.fila < 0) return a.celda < b.celda ? -1 : a.celda > b.celda ? 1 : 0;
  if (a.fila !== b.fila) return a.fila - b.fila;
  if (a.letras.length !== b.letras.length) return a.letras.length - b.letras.length;
  return a.letras < b.letras ? -1 : a.letras > b.letras ? 1 : 0;
}

/** Orden de presentación: severidad, categoría, hoja y celda (fila y después columna). */
export function compararHallazgos(a: Hallazgo, b: Hallazgo): number {
  return compararClaves(claveOrden(a), claveOrden(b));
}

/**
 * Los hallazgos en el orden de compararHallazgos (estable), sin cambiar la lista recibida. La
 * clave de cada hallazgo se calcula una sola vez, no en cada comparación: con miles de
 * hallazgos se nota.
 */
export function ordenarHallazgos(hallazgos: readonly Hallazgo[]): Hallazgo[] {
  return hallazgos
    .map((h) => ({ h, clave: claveOrden(h) }))
    .sort((a, b) => compararClaves(a.clave, b.clave))
    .map((x) => x.h);
}
