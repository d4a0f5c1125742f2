/**
 * Colores del panel para estados y semáforo, con su icono: una sola tabla, que usan los
 * componentes y que la prueba revisa (test/taskpane/colores.test.ts): contraste WCAG AA del texto
 * sobre su fondo (≥ 4,5:1), colores del semáforo distinguibles entre sí (ΔE) y una advertencia
 * nunca más pálida que un «todo bien». Ningún color va solo: siempre lo acompaña su texto y un
 * icono de forma distinta (✕, !, ✓, ▲).
 *
 * Valores fijos (no tokens de Fluent) porque el panel usa un solo tema (webLightTheme) y la prueba
 * necesita las cifras reales.
 */
import type { ColorSemaforo } from "../domain/calculos";

/** Cómo se ve una etiqueta: texto, fondo y borde (hex #RRGGBB). */
export interface Tinta {
  texto: string;
  fondo: string;
  borde: string;
}

export type Icono = "error" | "aviso" | "ok" | "arriba" | "info" | "ninguno";

export type ColorInsignia = "danger" | "warning" | "success" | "severe" | "informative" | "subtle";

/**
 * Etiquetas: «danger» (error, Rojo, No cumplida, Dato con errores), «warning» (advertencia,
 * Amarillo, Financiero adelantado), «success» (Verde, Cumplida, Coherente), «severe» (Naranja,
 * Sobrecumplida), «informative» (En ejecución, información), «subtle» (sin dato).
 */
export const TINTAS: Readonly<Record<ColorInsignia, Tinta>> = {
  danger: { texto: "#A4262C", fondo: "#FDE7E9", borde: "#D13438" },
  // Ámbar saturado con texto casi negro: una advertencia se ve más que un «Coherente».
  warning: { texto: "#3D2C00", fondo: "#FCD860", borde: "#B58500" },
  success: { texto: "#0E5C0E", fondo: "#E9F5E9", borde: "#9CCB9C" },
  severe: { texto: "#7A2E00", fondo: "#FFE1CC", borde: "#E8590C" },
  informative: { texto: "#0F548C", fondo: "#EBF3FC", borde: "#A9C9EA" },
  subtle: { texto: "#5C5C5C", fondo: "#FFFFFF", borde: "#C7C7C7" },
};

export const ICONO_INSIGNIA: Readonly<Record<ColorInsignia, Icono>> = {
  danger: "error",
  warning: "aviso",
  success: "ok",
  severe: "arriba",
  informative: "info",
  subtle: "ninguno",
};

/** Relleno de la barra de cada color del semáforo (siempre con el nombre del color al lado). */
export const RELLENO_SEMAFORO: Readonly<Record<ColorSemaforo, string>> = {
  Rojo: "#C50F1F",
  Amarillo: "#F2C811",
  Verde: "#107C10",
  // Naranja claro y brillante: no se confunde con el rojo oscuro de «Rojo».
  Naranja: "#FF8A1F",
};

export const INSIGNIA_SEMAFORO: Readonly<Record<ColorSemaforo, ColorInsignia>> = {
  Rojo: "danger",
  Amarillo: "warning",
  Verde: "success",
  Naranja: "severe",
};

/** Pista de las barras y del fondo de los gráficos. */
export const PISTA = "#E6E6E6";
/** Programado en el gráfico mensual (gris) y ejecutado (azul de la marca). */
export const COLOR_PROGRAMADO = "#8A8A8A";
export const COLOR_EJECUTADO = "#0F6CBD";
/** Avance físico y financiero en el gráfico de productos. */
export const COLOR_FISICO = "#0F6CBD";
export const COLOR_FINANCIERO = "#9B4F96";

// ─── Contraste (WCAG 2.1) y diferencia de color (CIE76) ─────────────────────────────────────

function rgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`Color no válido: ${hex}`);
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function lineal(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** Luminancia relativa (WCAG 2.1). */
export function luminancia(hex: string): number {
  const [r, g, b] = rgb(hex).map(lineal);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Razón de contraste WCAG entre dos colores (1 a 21). */
export function contraste(a: string, b: string): number {
  const la = luminancia(a);
  const lb = luminancia(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function lab(hex: string): [number, number, number] {
  const [r, g, b] = rgb(hex).map(lineal);
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** Diferencia perceptual entre dos colores (CIE76 en Lab); ≥ 20 se distingue a simple vista. */
export function diferenciaColor(a: string, b: string): number {
  const [l1, a1, b1] = lab(a);
  const [l2, a2, b2] = lab(b);
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}
