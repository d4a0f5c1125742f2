/** Ayudas de las pruebas del lector: leer y comprobar que el modelo cumple su esquema. */
import { ModeloPmrSchema, type Indicador, type ModeloPmr } from "../../src/domain";
import type { GrillaHoja, LibroGrillas } from "../../src/workbook/grilla";
import { leerModelo } from "../../src/workbook/lector";
import { ENCABEZADOS_PMR, type ValoresFila } from "../../src/workbook/plantilla";

/** Lee el libro y exige que el modelo cumpla ModeloPmrSchema. */
export function leer(...hojas: GrillaHoja[]): ModeloPmr {
  const libro: LibroGrillas = { hojas };
  const modelo = leerModelo(libro);
  ModeloPmrSchema.parse(modelo);
  return modelo;
}

export function indicadores(modelo: ModeloPmr): Indicador[] {
  if (modelo.pmr === null) throw new Error("El modelo no tiene hoja PMR");
  return modelo.pmr.indicadores;
}

export const MESES_CORTOS = ["Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Sep", "Oct", "Nov", "Dic"];
export const MESES_LARGOS = [
  "Enero",
  "Febrero",
  "Marzo",
  "Abril",
  "Mayo",
  "Junio",
  "Julio",
  "Agosto",
  "Septiembre",
  "Octubre",
  "Noviembre",
  "Diciembre",
];

/** Tres indicadores de ejemplo (un objetivo, dos productos), como valores de celda. */
export const FILAS_EJEMPLO: ValoresFila[] = [
  {
    codigoObjetivo: "O1",
    objetivo: "Reducir la deserción escolar",
    tipo: "Objetivo",
    codigo: "IO1",
    nombre: "Tasa de deserción",
    unidad: "Porcentaje",
    tendencia: "Decreciente",
    periodicidad: "Anual",
    ponderacion: 0.6,
    lineaBase: 4.5,
    metaPlan: 3,
    vigencia: 2025,
    metaVigencia: 4,
    ejecutado: [null, null, null, null, null, null, null, null, null, null, null, 3.9],
    observaciones: "Dato de la Secretaría",
  },
  {
    codigoObjetivo: "O1",
    objetivo: "Reducir la deserción escolar",
    codigoProducto: "P1",
    producto: "Refuerzo escolar",
    tipo: "Producto",
    codigo: "IP1",
    nombre: "Estudiantes en refuerzo",
    unidad: "Número",
    tendencia: "Suma",
    periodicidad: "Mensual",
    ponderacion: 0.4,
    lineaBase: 0,
    metaPlan: 4000,
    vigencia: 2025,
    metaVigencia: 1200,
    programado: [100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100],
    ejecutado: [90, 110, 95.5],
    ejecutadoAnterior: 1500,
    cualitativo: ["Se atendieron 90 estudiantes.", "Acumulado 200.", "Acumulado 295,5."],
  },
  {
    codigoObjetivo: "O1",
    objetivo: "Reducir la deserción escolar",
    codigoProducto: "P1",
    producto: "Refuerzo escolar",
    tipo: "Producto",
    codigo: "IP2",
    nombre: "Sedes con tutorías",
    unidad: "Número",
    tendencia: "Creciente",
    periodicidad: "Trimestral",
    lineaBase: 10,
    metaPlan: 40,
    vigencia: 2025,
    metaVigencia: 20,
    programado: [null, null, 12, null, null, 15, null, null, 18, null, null, 20],
    ejecutado: [null, null, 11],
  },
];

export { ENCABEZADOS_PMR };
