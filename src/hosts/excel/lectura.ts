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
 * Excel en la Web rechaza las respuestas de más de 5 MB (unos 6.000 indicadores con sus textos):
 * solo entonces se lee por bloques de filas, un viaje por bloque (el remedio que documenta
 * Microsoft); en Excel de escritorio no existe ese límite y la lectura sigue siendo de 2 viajes.
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
import { hojasALeer } from "../../workbook/seleccion";
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

// La elección de hojas es pura y la comparte el lector de .xlsx.
export { claveNombreHoja, hojasALeer } from "../../workbook/seleccion";

export interface LecturaExcel {
  libro: LibroGrillas;
  /** Todas las hojas del libro en el momento de la lectura (para resaltar solo en hojas que existen). */
  nombresHojas: string[];
  syncs: number;
}

type Combinadas = "hoja" | "encabezado" | "ninguna";

interface LecturaPendiente {
  nombre: string;
  hoja: Excel.Worksheet;
  usado: Excel.Range;
  combinadas: Excel.RangeAreas | null;
}

/**
 * Encola la lectura de una hoja: el rango usado por valores (con sus valores y formatos, o solo
 * su posición y tamaño si se va a leer por bloques) y sus áreas combinadas.
 */
function encolarLectura(
  context: Excel.RequestContext,
  nombre: string,
  combinadas: Combinadas,
  conValores: boolean,
): LecturaPendiente {
  const hoja = context.workbook.worksheets.getItem(nombre);
  const usado = hoja.getUsedRangeOrNullObject(true);
  if (conValores) usado.load("values,numberFormat,rowIndex,columnIndex");
  else usado.load("rowIndex,columnIndex,rowCount,columnCount");
  let areas: Excel.RangeAreas | null = null;
  if (combinadas !== "ninguna") {
    const zona = combinadas === "hoja" ? hoja.getRange() : hoja.getRange(`1:${FILAS_ENCABEZADO}`);
    areas = zona.getMergedAreasOrNullObject();
    areas.load("areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount");
  }
  return { nombre, hoja, usado, combinadas: areas };
}

function combinadasDe(lectura: LecturaPendiente): AreaCombinada[] {
  return areasCombinadas(lectura.combinadas);
}

/** Las áreas combinadas cargadas (posición y tamaño de cada una); ninguna si no se pidieron o no hay. */
export function areasCombinadas(areas: Excel.RangeAreas | null): AreaCombinada[] {
  const combinadas: AreaCombinada[] = [];
  if (areas && !areas.isNullObject) {
    for (const area of areas.areas.items) {
      combinadas.push({
        fila: area.rowIndex,
        columna: area.columnIndex,
        filas: area.rowCount,
        columnas: area.columnCount,
      });
    }
  }
  return combinadas;
}

function construirGrilla(lectura: LecturaPendiente): GrillaHoja {
  const combinadas = combinadasDe(lectura);
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

/** Celdas por bloque al leer por partes (≈ 1 a 2 MB de respuesta con textos cortos). */
export const CELDAS_POR_BLOQUE = 100_000;

const esLimiteDeRespuesta = (error: unknown) => codigoError(error) === "ResponsePayloadSizeLimitExceeded";

/**
 * Solo cuando Excel (en la Web: 5 MB por respuesta) rechaza la lectura de una vez: un viaje para
 * el tamaño de cada hoja y sus combinadas, y después un viaje por bloque de filas. Si un bloque
 * todavía es demasiado grande (textos largos), se parte en dos y se repite.
 */
async function leerPorBloques(
  context: Excel.RequestContext,
  contador: ContadorSyncs,
  elegidas: readonly string[],
  combinadas: Combinadas,
): Promise<GrillaHoja[]> {
  const lecturas = elegidas.map((nombre) => encolarLectura(context, nombre, combinadas, false));
  await sincronizar(context, contador);
  const grillas: GrillaHoja[] = [];
  for (const lectura of lecturas) {
    if (lectura.usado.isNullObject) {
      grillas.push(construirGrilla(lectura));
      continue;
    }
    const { rowIndex, columnIndex, rowCount, columnCount } = lectura.usado;
    const valores: unknown[][] = [];
    const formatos: (string | null)[][] = [];
    let filasPorBloque = Math.max(1, Math.floor(CELDAS_POR_BLOQUE / Math.max(1, columnCount)));
    let fila = 0;
    while (fila < rowCount) {
      const filas = Math.min(filasPorBloque, rowCount - fila);
      const bloque = lectura.hoja.getRangeByIndexes(rowIndex + fila, columnIndex, filas, columnCount);
      bloque.load("values,numberFormat");
      try {
        // Un viaje por bloque es justamente el remedio que documenta Microsoft para este límite.
        contador.syncs++;
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- solo en Excel en la Web, cuando no cabe en un viaje
        await context.sync();
      } catch (error) {
        if (esLimiteDeRespuesta(error) && filas > 1) {
          filasPorBloque = Math.ceil(filas / 2);
          continue;
        }
        throw error;
      }
      for (const f of bloque.values) valores.push(f);
      for (const f of bloque.numberFormat) formatos.push(f as (string | null)[]);
      fila += filas;
    }
    grillas.push({
      nombre: lectura.nombre,
      valores,
      filaInicial: rowIndex,
      columnaInicial: columnIndex,
      combinadas: combinadasDe(lectura),
      formatos,
    });
  }
  return grillas;
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

  // Viaje 2. Los demás son de respaldo y solo ocurren si Excel rechaza este: por las áreas
  // combinadas (se piden menos) o por el tamaño de la respuesta (se lee por bloques).
  const estrategias: Combinadas[] = soportaExcelApi("1.13") ? ["hoja", "encabezado", "ninguna"] : ["ninguna"];
  let porBloques = false;
  let i = 0;
  while (i < estrategias.length) {
    const estrategia = estrategias[i];
    try {
      let grillas: GrillaHoja[];
      if (porBloques) {
        grillas = await leerPorBloques(context, contador, elegidas, estrategia);
      } else {
        const lecturas = elegidas.map((nombre) => encolarLectura(context, nombre, estrategia, true));
        await sincronizar(context, contador);
        grillas = lecturas.map(construirGrilla);
      }
      return { libro: { hojas: grillas }, nombresHojas, syncs: contador.syncs };
    } catch (error) {
      if (esLimiteDeRespuesta(error) && !porBloques) {
        porBloques = true; // misma estrategia de combinadas, ahora por bloques
        continue;
      }
      // Si el problema no son las áreas combinadas, repetir no sirve.
      const codigo = codigoError(error);
      if (codigo === "RangeExceedsLimit" || codigo === "ItemNotFound" || esLimiteDeRespuesta(error)) throw error;
      if (i === estrategias.length - 1) throw error;
      i++;
    }
  }
  throw new Error(MENSAJES_EXCEL.errorDesconocido);
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
