/**
 * Geometría de los gráficos del panel (SVG en línea, sin biblioteca de gráficos), en lógica pura
 * que se prueba en Node: barras por mes de un indicador (programado frente a ejecutado), barras
 * pareadas de avance físico y financiero, y la barra apilada de objetivos por semáforo. Los
 * componentes solo dibujan lo que sale de aquí; nunca se recalcula una cifra del PMR.
 */
import { MESES } from "../domain/modelo";

export interface BarraMes {
  /** Mes 1–12. */
  mes: number;
  /** Posición y alto en unidades del SVG (alto 0 = sin dato). */
  x: number;
  ancho: number;
  programado: { y: number; alto: number } | null;
  ejecutado: { y: number; alto: number } | null;
}

export interface GeometriaMensual {
  ancho: number;
  alto: number;
  /** Base de las barras (y del eje). */
  base: number;
  /** Valor más alto de la escala (al tope del área de dibujo). */
  maximo: number;
  barras: BarraMes[];
  /** x de la línea del corte (entre el mes de corte y el siguiente); null si el corte es diciembre. */
  corteX: number | null;
  /** ¿Hay algún valor que dibujar? */
  hayDatos: boolean;
}

const MARGEN_ARRIBA = 4;
const MARGEN_ABAJO = 14; // las iniciales de los meses

function numero(v: number | null | undefined): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/**
 * Doce pares de barras (programado gris, ejecutado de color) en un área de `ancho` × `alto`.
 * Los negativos se dibujan en 0 (la regla MET-VALOR-NEGATIVO ya los señala); sin dato, sin barra.
 */
export function geometriaMensual(
  programado: readonly (number | null)[],
  ejecutado: readonly (number | null)[],
  corte: number,
  ancho = 280,
  alto = 96,
): GeometriaMensual {
  const valores = [...programado, ...ejecutado].map(numero).filter((v): v is number => v !== null);
  const maximo = Math.max(0, ...valores);
  const base = alto - MARGEN_ABAJO;
  const util = base - MARGEN_ARRIBA;
  const paso = ancho / MESES;
  const anchoBarra = Math.max(1, (paso - 4) / 2);
  const barra = (v: number | null) => {
    if (v === null) return null;
    const h = maximo > 0 ? (Math.max(0, v) / maximo) * util : 0;
    return { y: base - h, alto: h };
  };
  const barras: BarraMes[] = Array.from({ length: MESES }, (_, i) => ({
    mes: i + 1,
    x: i * paso + 2,
    ancho: anchoBarra,
    programado: barra(numero(programado[i])),
    ejecutado: barra(numero(ejecutado[i])),
  }));
  return {
    ancho,
    alto,
    base,
    maximo,
    barras,
    corteX: corte >= 1 && corte < MESES ? corte * paso : null,
    hayDatos: valores.length > 0,
  };
}

/** Segmentos de una barra apilada (anchos en %, que suman 100) a partir de cuentas. */
export function segmentosApilados<T>(partes: readonly { clave: T; cantidad: number }[]): {
  clave: T;
  cantidad: number;
  desde: number;
  ancho: number;
}[] {
  const total = partes.reduce((s, p) => s + Math.max(0, p.cantidad), 0);
  if (total === 0) return [];
  let desde = 0;
  return partes
    .filter((p) => p.cantidad > 0)
    .map((p) => {
      const ancho = (p.cantidad / total) * 100;
      const s = { clave: p.clave, cantidad: p.cantidad, desde, ancho };
      desde += ancho;
      return s;
    });
}

/** Una barra horizontal de una fracción: ancho recortado a 0–100 % y si se pasó del 100 %. */
export function barraFraccion(fraccion: number | null | undefined): { ancho: number; excede: boolean } | null {
  const v = numero(fraccion);
  if (v === null) return null;
  return { ancho: Math.max(0, Math.min(1, v)) * 100, excede: v > 1 };
}
