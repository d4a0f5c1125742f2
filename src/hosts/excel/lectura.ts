/**
 * Lectura del libro abierto en Excel → LibroGrillas (la entrada pura del lector).
 *
 * Viajes a Excel (`context.sync()`), los mismos para 10 o para 50.000 indicadores:
 *   1. nombres de las hojas;
 *   2. de cada hoja que el lector necesita: el rango usado por valores
 *      (`getUsedRangeOrNullObject(true)`, ExcelApi 1.4) con solo `values`, `numberFormat`,
 *      `rowIndex` y `columnIndex`, y sus áreas combinadas (`getMergedAreasOrNullObject()`,
 *      ExcelApi 1.13) con solo la posición y el tamaño de cada área.
 *
 * Las áreas combinadas se piden sobre la hoja entera (`getRange()`), no sobre el rango usado:
 * el rango usado puede no existir (hoja vacía) y un método sobre un objeto nulo no está
 * definido en la documentación. Excel falla si la zona tiene más de 512 áreas combinadas; en
 * ese caso (raro) se repite el viaje 2 pidiendo solo las de las primeras filas (donde está el
 * encabezado) y, si aun así falla, sin áreas combinadas: 3 o 4 viajes en lugar de 2.
 *
 * Hojas que se leen: PMR, PMR_Presupuesto y PMR_Territorial, encontradas por nombre con la
 * misma normalización y los mismos nombres alternativos que el lector (sin mayúsculas, tildes,
 * espacios ni signos: «pmr presupuesto», «Presupuesto», «PMR-Territorial»…); si ninguna hoja se
 * llama PMR, todas (el lector busca entonces las hojas por sus encabezados). Las grillas
 * conservan el nombre real de la hoja.
 */
import { normalizarNombreHoja } from "../../workbook/encabezados";
import type { AreaCombinada, GrillaHoja, LibroGrillas } from "../../workbook/grilla";
import {
  codigoError,
  detalleError,
  ejecutarExcel,
  sincronizar,
  soportaExcelApi,
  type ContadorSyncs,
  type Ejecutar,
} from "./contexto";
import { MENSAJES_EXCEL } from "./mensajes";

/** Filas donde se buscan las áreas combinadas cuando la hoja entera tiene demasiadas. */
export const FILAS_ENCABEZADO = 40;

/** Clave de comparación de nombres de hoja (la del lector): «PMR_Presupuesto» → «pmrpresupuesto». */
export function claveNombreHoja(nombre: string): string {
  return normalizarNombreHoja(nombre);
}

const PMR = "pmr";
/** Los nombres con que el lector (src/workbook/lector.ts) reconoce sus hojas, ya normalizados. */
const HOJAS_DEL_LECTOR = new Set([
  PMR,
  "pmrpresupuesto",
  "presupuesto",
  "pmrpresupuestal",
  "pmrterritorial",
  "territorial",
  "pmrterritorializacion",
  "territorializacion",
]);

/** Las hojas que se leen, en el orden del libro. */
export function hojasALeer(nombres: readonly string[]): string[] {
  const hayPmr = nombres.some((n) => claveNombreHoja(n) === PMR);
  if (!hayPmr) return [...nombres];
  return nombres.filter((n) => HOJAS_DEL_LECTOR.has(claveNombreHoja(n)));
}

export interface LecturaExcel {
  libro: LibroGrillas;
  /** Todas las hojas del libro en el momento de la lectura (para resaltar solo en hojas que existen). */
  nombresHojas: string[];
  syncs: number;
}

type Combinadas = "hoja" | "encabezado" | "ninguna";

interface LecturaPendiente {
  nombre: string;
  usado: Excel.Range;
  combinadas: Excel.RangeAreas | null;
}

function encolarLectura(context: Excel.RequestContext, nombre: string, combinadas: Combinadas): LecturaPendiente {
  const hoja = context.workbook.worksheets.getItem(nombre);
  const usado = hoja.getUsedRangeOrNullObject(true);
  usado.load("values,numberFormat,rowIndex,columnIndex");
  let areas: Excel.RangeAreas | null = null;
  if (combinadas !== "ninguna") {
    const zona = combinadas === "hoja" ? hoja.getRange() : hoja.getRange(`1:${FILAS_ENCABEZADO}`);
    areas = zona.getMergedAreasOrNullObject();
    areas.load("areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount");
  }
  return { nombre, usado, combinadas: areas };
}

function construirGrilla(lectura: LecturaPendiente): GrillaHoja {
  const combinadas: AreaCombinada[] = [];
  if (lectura.combinadas && !lectura.combinadas.isNullObject) {
    for (const area of lectura.combinadas.areas.items) {
      combinadas.push({
        fila: area.rowIndex,
        columna: area.columnIndex,
        filas: area.rowCount,
        columnas: area.columnCount,
      });
    }
  }
  if (lectura.usado.isNullObject) {
    return { nombre: lectura.nombre, valores: [], filaInicial: 0, columnaInicial: 0, combinadas, formatos: [] };
  }
  return {
    nombre: lectura.nombre,
    valores: lectura.usado.values,
    filaInicial: lectura.usado.rowIndex,
    columnaInicial: lectura.usado.columnIndex,
    combinadas,
    formatos: lectura.usado.numberFormat as (string | null)[][],
  };
}

function errorDeLectura(error: unknown): Error {
  const codigo = codigoError(error);
  if (codigo === "RangeExceedsLimit")
    return new Error(MENSAJES_EXCEL.lecturaFallida(MENSAJES_EXCEL.hojaDemasiadoGrande));
  if (codigo === "ResponsePayloadSizeLimitExceeded") {
    return new Error(MENSAJES_EXCEL.lecturaFallida(MENSAJES_EXCEL.respuestaDemasiadoGrande));
  }
  return new Error(MENSAJES_EXCEL.lecturaFallida(detalleError(error)));
}

async function leerEnContexto(context: Excel.RequestContext): Promise<LecturaExcel> {
  const contador: ContadorSyncs = { syncs: 0 };
  const hojas = context.workbook.worksheets;
  hojas.load("items/name");
  await sincronizar(context, contador);
  const nombresHojas = hojas.items.map((h) => h.name);
  const elegidas = hojasALeer(nombresHojas);

  // Viaje 2 (y, solo si Excel rechaza las áreas combinadas, viajes de respaldo).
  const estrategias: Combinadas[] = soportaExcelApi("1.13") ? ["hoja", "encabezado", "ninguna"] : ["ninguna"];
  let lecturas: LecturaPendiente[] = [];
  let ultimoError: unknown = null;
  let leido = false;
  for (const estrategia of estrategias) {
    lecturas = elegidas.map((nombre) => encolarLectura(context, nombre, estrategia));
    try {
      // Un viaje por estrategia, no por hoja: el bucle solo repite si el viaje anterior falló.
      await sincronizar(context, contador);
      leido = true;
      break;
    } catch (error) {
      ultimoError = error;
      // Si el problema no son las áreas combinadas, repetir no sirve.
      const codigo = codigoError(error);
      if (codigo === "RangeExceedsLimit" || codigo === "ResponsePayloadSizeLimitExceeded" || codigo === "ItemNotFound")
        break;
    }
  }
  if (!leido) throw errorDeLectura(ultimoError);
  return { libro: { hojas: lecturas.map(construirGrilla) }, nombresHojas, syncs: contador.syncs };
}

/** Lee el libro y devuelve además los nombres de todas las hojas y los viajes hechos. */
export async function leerLibroConMedida(ejecutar: Ejecutar = ejecutarExcel): Promise<LecturaExcel> {
  try {
    return await ejecutar((context) => leerEnContexto(context));
  } catch (error) {
    if (error instanceof Error && error.message.startsWith(MENSAJES_EXCEL.lecturaFallida(""))) throw error;
    throw errorDeLectura(error);
  }
}

/** Lee las hojas que necesita el lector (PMR, PMR_Presupuesto, PMR_Territorial) en ≤ 3 viajes. */
export async function leerLibroExcel(ejecutar: Ejecutar = ejecutarExcel): Promise<LibroGrillas> {
  return (await leerLibroConMedida(ejecutar)).libro;
}
