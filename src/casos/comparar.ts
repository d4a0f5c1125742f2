/**
 * Caso de uso «comparar» (PMR-SPEC §6.2): dos libros, por código de indicador. La comparación es
 * la de src/domain/comparacion.ts, la misma que usan las reglas de Cierre; aquí solo se leen los
 * dos libros y se ubica cada valor en la celda de cada uno. Puro.
 *
 * Se comparan las filas de la hoja PMR de todas las vigencias (las históricas, «No vigente», no).
 * Si entre los dos libros hay más de una vigencia, la identidad es código y vigencia (el mismo
 * código en 2024 y en 2025 son dos indicadores); si no, solo el código.
 */
import {
  comparar,
  fotografiar,
  type CambioValor,
  type CampoComparado,
  type Comparacion,
  type Foto,
} from "../domain/comparacion";
import { celdaIndicador } from "../domain/direcciones";
import type { HojaPmr } from "../domain/modelo";
import type { LibroGrillas } from "../workbook/grilla";
import { leerModelo } from "../workbook/lector";

export interface Ubicacion {
  hoja: string;
  celda: string;
}

export interface IndicadorComparado {
  id: string;
  codigo: string;
  vigencia: number | null;
  ubicacion: Ubicacion;
}

export interface CambioUbicado extends CambioValor {
  anterior: Ubicacion;
  actual: Ubicacion;
}

export interface ResultadoComparacion {
  /** El libro no tiene hoja PMR (cuál). */
  sinHoja: ("anterior" | "actual")[];
  anadidos: IndicadorComparado[];
  eliminados: IndicadorComparado[];
  cambios: CambioUbicado[];
  /** La identidad incluye la vigencia (hay varias). */
  porVigencia: boolean;
}

function ubicar(hoja: HojaPmr | null, fila: number | null, campo: CampoComparado | "codigo", mes?: number): Ubicacion {
  if (!hoja || fila === null) return { hoja: hoja?.nombre ?? "PMR", celda: "A1" };
  return { hoja: hoja.nombre, celda: celdaIndicador(hoja, fila, campo, mes) };
}

/** Compara la hoja PMR de dos libros ya leídos. */
export function compararLibros(anterior: LibroGrillas, actual: LibroGrillas): ResultadoComparacion {
  const ha = leerModelo(anterior).pmr;
  const hd = leerModelo(actual).pmr;
  const sinHoja: ResultadoComparacion["sinHoja"] = [];
  if (!ha) sinHoja.push("anterior");
  if (!hd) sinHoja.push("actual");
  const filasA = ha?.indicadores ?? [];
  const filasD = hd?.indicadores ?? [];
  const vigencias = new Set<number>();
  for (const i of filasA) if (i.vigencia !== null) vigencias.add(i.vigencia);
  for (const i of filasD) if (i.vigencia !== null) vigencias.add(i.vigencia);
  const porVigencia = vigencias.size > 1;
  const c: Comparacion = comparar(
    fotografiar(filasA, { conVigencia: porVigencia }),
    fotografiar(filasD, { conVigencia: porVigencia }),
  );
  const indicador = (f: Foto, hoja: HojaPmr | null): IndicadorComparado => ({
    id: f.id,
    codigo: f.codigo,
    vigencia: f.vigencia,
    ubicacion: ubicar(hoja, f.fila, "codigo"),
  });
  return {
    sinHoja,
    porVigencia,
    anadidos: c.anadidos.map((f) => indicador(f, hd)),
    eliminados: c.eliminados.map((f) => indicador(f, ha)),
    cambios: c.cambios.map((k) => ({
      ...k,
      anterior: ubicar(ha, k.filaAntes, k.campo, k.mes ?? undefined),
      actual: ubicar(hd, k.filaDespues, k.campo, k.mes ?? undefined),
    })),
  };
}

/** ¿Hay alguna diferencia? */
export function hayCambios(r: ResultadoComparacion): boolean {
  return r.anadidos.length > 0 || r.eliminados.length > 0 || r.cambios.length > 0;
}
