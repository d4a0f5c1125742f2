/**
 * Libros PMR sintéticos de cualquier tamaño, con los encabezados canónicos de la plantilla (los
 * usan las pruebas de viajes a Excel y bench/excel.bench.js). Cada objetivo tiene 10
 * indicadores: 2 de objetivo y 8 de producto repartidos en 4 productos. Algunos indicadores
 * llevan a propósito lo que las reglas señalan (un texto en un mes, una ejecución sin
 * programación, un error de Excel), para que haya hallazgos en proporción al tamaño.
 */
import type { LibroGrillas } from "../../../src/workbook/grilla";
import { grillaPmr, type ValoresFila } from "../../../src/workbook/plantilla";

export interface OpcionesGenerador {
  /** Filas de título encima del encabezado. */
  titulo?: boolean;
}

export function filasPmr(indicadores: number): ValoresFila[] {
  const filas: ValoresFila[] = [];
  for (let i = 0; i < indicadores; i++) {
    const o = Math.floor(i / 10) + 1;
    const dentro = i % 10;
    const esObjetivo = dentro < 2;
    const p = esObjetivo ? null : Math.floor((dentro - 2) / 2) + 1;
    const programado = Array.from({ length: 12 }, () => 10);
    const ejecutado: unknown[] = Array.from({ length: 12 }, (_v, m) => (m < 6 ? 9 + (i % 3) : null));
    if (i % 17 === 5) ejecutado[2] = "diez"; // valor ilegible
    if (i % 23 === 7) ejecutado[3] = "#REF!"; // error de Excel
    if (i % 29 === 11) programado[4] = 0; // ejecución sin programación
    filas.push({
      codigoObjetivo: `OBJ-${o}`,
      objetivo: `Objetivo ${o}`,
      codigoProducto: p === null ? null : `PRD-${o}-${p}`,
      producto: p === null ? null : `Producto ${o}.${p}`,
      tipo: esObjetivo ? "Objetivo" : "Producto",
      codigo: `IND-${i + 1}`,
      nombre: `Indicador ${i + 1}`,
      unidad: "Número",
      tendencia: "Suma",
      periodicidad: "Mensual",
      ponderacion: 0.1,
      lineaBase: 0,
      metaPlan: 480,
      vigencia: 2025,
      metaVigencia: 120,
      programado,
      ejecutado,
      cualitativo: Array.from({ length: 12 }, (_v, m) => (m < 6 ? `Avance del mes ${m + 1}.` : null)),
      observaciones: null,
    });
  }
  return filas;
}

/** Un libro con una hoja PMR de `indicadores` filas (y, si se pide, un título encima). */
export function libroPmr(indicadores: number, opciones: OpcionesGenerador = {}): LibroGrillas {
  const titulo = opciones.titulo ? [["Plan de acción PMR"], ["Entidad de prueba"], []] : undefined;
  return { hojas: [grillaPmr(filasPmr(indicadores), { titulo })] };
}
