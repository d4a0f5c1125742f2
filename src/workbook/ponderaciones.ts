/**
 * Escala de las ponderaciones (PMR-SPEC §4: «50 %, 0,5 o 50»). Cada celda se lee sola: con «%» o
 * formato de porcentaje es un porcentaje; sin él, un número mayor que 1 son puntos porcentuales y
 * uno hasta 1 es una fracción. Eso falla cuando un libro escribe puntos porcentuales menores que
 * 1 (0,71 queriendo decir 0,71 %) junto a otros: entonces el grupo (el objetivo de una vigencia)
 * suma cerca de 100 en puntos y no cerca de 1 en fracciones, y se lee todo en puntos, con un aviso.
 *
 * - «Cerca de 100»: la suma en puntos (cada porcentaje escrito cuenta como sus puntos) está entre
 *   99 y 101. «Cerca de 1»: la suma de las fracciones está entre 0,99 y 1,01.
 * - Por objetivo (vigencia y código de objetivo): si suma cerca de 1 en fracciones, nada cambia;
 *   si no, y suma cerca de 100 en puntos, sus números sin «%» se leen en puntos.
 * - Toda la vigencia: si ningún objetivo suma cerca de 1 pero la vigencia entera suma cerca de
 *   100 en puntos (pesos repartidos entre todos los indicadores de la entidad), en puntos.
 * Solo se avisa si algún valor cambia (un número sin «%» mayor que 0 y hasta 1).
 */
import { rangoA1 } from "../domain/direcciones";
import { normalizarCodigo } from "../domain/evaluacion";
import type { AvisoLectura } from "../domain/modelo";
import { fraccionDePonderacion } from "../domain/valores";

/** La suma en puntos está «cerca de 100» si se aparta hasta esto. */
export const MARGEN_CIEN_PUNTOS = 1;
/** La suma de fracciones está «cerca de 1» si se aparta hasta esto. */
export const MARGEN_UNO = 0.01;

/** Una fila con su ponderación como está escrita. */
export interface PonderacionEscrita {
  fila: Record<string, unknown>;
  /** Fila de la hoja (1-based). */
  filaHoja: number;
  valor: number;
  porcentaje: boolean;
}

/** Clave de grupo de un valor (códigos normalizados, con memoria: se repiten en cada fila). */
function claves(): (v: unknown) => string {
  const memoria = new Map<unknown, string>();
  return (v) => {
    let k = memoria.get(v);
    if (k === undefined) {
      k = typeof v === "string" ? (normalizarCodigo(v) ?? "") : typeof v === "number" ? String(v) : "";
      if (memoria.size < 4_096) memoria.set(v, k);
    }
    return k;
  };
}

interface Grupo {
  items: PonderacionEscrita[];
  puntos: number;
  fracciones: number;
}

function sumar(items: PonderacionEscrita[]): Grupo {
  let puntos = 0;
  let fracciones = 0;
  for (const i of items) {
    puntos += i.porcentaje ? i.valor * 100 : i.valor;
    fracciones += fraccionDePonderacion(i.valor, i.porcentaje);
  }
  return { items, puntos, fracciones };
}

const cercaDeCien = (g: Grupo) => Math.abs(g.puntos - 100) <= MARGEN_CIEN_PUNTOS;
const cercaDeUno = (g: Grupo) => Math.abs(g.fracciones - 1) <= MARGEN_UNO;
/** Valores que cambian al leerse en puntos: sin «%», mayores que 0 y hasta 1. */
const cambian = (g: Grupo) => g.items.filter((i) => !i.porcentaje && i.valor > 0 && i.valor <= 1);

/**
 * Ajusta la escala de las ponderaciones de `campo` por grupos (`grupo`: la vigencia y el código de
 * objetivo) y anota un aviso por grupo que cambia. `columna`: columna absoluta de la hoja.
 */
export function ajustarPonderaciones(
  escritas: readonly PonderacionEscrita[],
  campo: string,
  grupo: readonly string[],
  hoja: string,
  columna: number,
  avisos: AvisoLectura[],
): void {
  if (escritas.length === 0 || grupo.length === 0) return;
  const porVigencia = new Map<string, Map<string, PonderacionEscrita[]>>();
  const exterior = grupo.slice(0, -1);
  const interior = grupo[grupo.length - 1];
  const clave = claves();
  for (const e of escritas) {
    let k1 = "";
    for (const g of exterior) k1 += clave(e.fila[g]) + "|";
    let grupos = porVigencia.get(k1);
    if (grupos === undefined) porVigencia.set(k1, (grupos = new Map()));
    const k2 = clave(e.fila[interior]);
    let items = grupos.get(k2);
    if (items === undefined) grupos.set(k2, (items = []));
    items.push(e);
  }
  const aPuntos = (g: Grupo, nombre: string | null) => {
    const cambiados = cambian(g);
    if (cambiados.length === 0) return;
    for (const i of g.items) if (!i.porcentaje) i.fila[campo] = i.valor / 100;
    const filas = g.items.map((i) => i.filaHoja);
    avisos.push({
      tipo: "escala-ponderacion",
      hoja,
      celda: rangoA1(Math.min(...filas), columna, Math.max(...filas), columna),
      grupo: nombre,
      suma: g.puntos,
      ejemplo: cambiados[0].valor,
    });
  };
  for (const grupos of porVigencia.values()) {
    const sumas = [...grupos.entries()].map(([k, items]) => ({ k, g: sumar(items) }));
    if (!sumas.some((s) => cercaDeUno(s.g))) {
      const toda = sumar(sumas.flatMap((s) => s.g.items));
      if (cercaDeCien(toda) && !sumas.some((s) => cercaDeCien(s.g))) {
        aPuntos(toda, null);
        continue;
      }
    }
    for (const { k, g } of sumas) {
      if (!cercaDeUno(g) && cercaDeCien(g)) {
        const nombre = g.items.map((i) => i.fila[interior]).find((v) => typeof v === "string");
        aPuntos(g, typeof nombre === "string" ? nombre.trim() : k || null);
      }
    }
  }
}
