/** Generadores de fast-check de filas de indicador plausibles (valores válidos, vacíos y errores), compartidos por las propiedades del lector y del motor. */
import fc from "fast-check";
import type { ValoresFila } from "../../src/workbook/plantilla";

/** Valores de una celda numérica de un indicador: números, números escritos como texto, vacíos, errores de Excel y texto ilegible. */
export const valorNumerico: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -1000, max: 100_000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom("0,5", "1.234,5", "15%", "-", "N/A", "No aplica", "", null, "#REF!", "doce"),
);
/** Valores de una celda de texto: cualquier texto corto o uno de los del catálogo. */
export const valorTexto: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom("Suma", "Creciente", "Mensual", "Objetivo", "Producto", "", "-"),
);
/** Una fila de indicador de la hoja PMR (campos de la plantilla canónica). */
export const filaIndicador: fc.Arbitrary<ValoresFila> = fc.record({
  codigoObjetivo: fc.constantFrom("O1", "O2", "O3"),
  objetivo: valorTexto,
  codigoProducto: fc.constantFrom("P1", "P2", "", null),
  producto: valorTexto,
  tipo: valorTexto,
  codigo: fc.string({ minLength: 1, maxLength: 8 }),
  nombre: valorTexto,
  unidad: valorTexto,
  tendencia: valorTexto,
  periodicidad: valorTexto,
  ponderacion: valorNumerico,
  lineaBase: valorNumerico,
  metaPlan: valorNumerico,
  vigencia: fc.constantFrom(2024, 2025, "2025", null),
  metaVigencia: valorNumerico,
  ejecutadoAnterior: valorNumerico,
  programado: fc.array(valorNumerico, { minLength: 12, maxLength: 12 }),
  ejecutado: fc.array(valorNumerico, { minLength: 12, maxLength: 12 }),
  cualitativo: fc.array(valorTexto, { minLength: 12, maxLength: 12 }),
  observaciones: valorTexto,
});
