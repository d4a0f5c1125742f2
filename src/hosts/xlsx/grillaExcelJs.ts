/**
 * La grilla que daba la lectura con ExcelJS (un libro ya cargado → LibroGrillas), con las mismas
 * equivalencias con Office.js que el lector actual (libroXlsx.ts). Ya no la usa la línea de
 * comandos: queda como referencia para las pruebas de equivalencia (el lector nuevo debe dar
 * las mismas grillas en los libros que ambos pueden leer) y para quien tenga un libro de ExcelJS
 * en memoria. Cargar con `ignoreNodes: NODOS_IGNORADOS` ahorra tiempo sin cambiar las grillas.
 */
import type { Workbook } from "exceljs";
import type { AreaCombinada, GrillaHoja, LibroGrillas } from "../../workbook/grilla";

// Tipos de valor de ExcelJS (enum ValueType), como constantes para no depender de un enum.
const NULO = 0;
const COMBINADA = 1;
const NUMERO = 2;
const TEXTO = 3;
const FECHA = 4;
const HIPERVINCULO = 5;
const FORMULA = 6;
const TEXTO_COMPARTIDO = 7;
const TEXTO_ENRIQUECIDO = 8;
const LOGICO = 9;
const ERROR = 10;

/**
 * Nodos XML de las hojas que no afectan valores ni áreas combinadas: no se procesan, lo que
 * ahorra tiempo en libros grandes. Sin `hyperlinks`, una celda con hipervínculo conserva su
 * texto visible, que es lo que devuelve Office.js.
 */
export const NODOS_IGNORADOS = [
  "sheetViews",
  "cols",
  "autoFilter",
  "hyperlinks",
  "dataValidations",
  "conditionalFormatting",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "sheetProtection",
  "extLst",
];

const FORMATO_GENERAL = "General";
const MS_POR_DIA = 86_400_000;

/** Celda y fila de ExcelJS, con las propiedades internas que se leen directamente (rápido). */
interface CeldaExcelJs {
  type: number;
  value: unknown;
  style?: { numFmt?: string } | null;
}
interface FilaExcelJs {
  _cells?: (CeldaExcelJs | undefined)[];
}
interface HojaExcelJs {
  name: string;
  _rows?: (FilaExcelJs | undefined)[];
  _merges?: Record<string, { top: number; left: number; bottom: number; right: number } | undefined>;
  getRow?: unknown;
}

/** Número de serie de Excel de una fecha (el que devuelve Office.js). */
export function serialDeFecha(fecha: Date, fecha1904 = false): number {
  const serial = fecha.getTime() / MS_POR_DIA + 25569 - (fecha1904 ? 1462 : 0);
  // ExcelJS redondea la fecha al milisegundo: se quita el ruido de coma flotante.
  return Number(serial.toFixed(10));
}

function textoEnriquecido(v: { richText?: { text?: unknown }[] }): string {
  let s = "";
  for (const parte of v.richText ?? [])
    if (parte && parte.text !== undefined && parte.text !== null) s += String(parte.text);
  return s;
}

/** Valor simple (número, texto, lógico, fecha, error, texto enriquecido) como lo da Office.js. */
function valorSimple(v: unknown, fecha1904: boolean): unknown {
  if (v === null || v === undefined) return "";
  switch (typeof v) {
    case "number":
      return Number.isFinite(v) ? v : "#NUM!";
    case "string":
    case "boolean":
      return v;
    case "object": {
      if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : serialDeFecha(v, fecha1904);
      const o = v as Record<string, unknown>;
      if (typeof o.error === "string") return o.error;
      if (Array.isArray(o.richText)) return textoEnriquecido(o as { richText: { text?: unknown }[] });
      if ("text" in o) return valorSimple(o.text, fecha1904);
      if ("result" in o) return valorSimple(o.result, fecha1904);
      return "";
    }
    default:
      return "";
  }
}

/** Valor de una celda de ExcelJS tal como lo devolvería `range.values`. */
function valorCelda(celda: CeldaExcelJs, fecha1904: boolean): unknown {
  switch (celda.type) {
    case NULO:
    case COMBINADA:
      return "";
    case NUMERO:
    case TEXTO:
    case LOGICO:
      return celda.value;
    case FECHA:
      return valorSimple(celda.value, fecha1904);
    case ERROR:
      return (celda.value as { error?: string } | null)?.error ?? "#N/A";
    case FORMULA: {
      const f = celda.value as { result?: unknown } | null;
      return f ? valorSimple(f.result, fecha1904) : "";
    }
    case HIPERVINCULO:
    case TEXTO_COMPARTIDO:
    case TEXTO_ENRIQUECIDO:
    default:
      return valorSimple(celda.value, fecha1904);
  }
}

/** Áreas combinadas de la hoja (absolutas, 0-based). */
function areasCombinadas(hoja: HojaExcelJs): AreaCombinada[] {
  const areas: AreaCombinada[] = [];
  for (const r of Object.values(hoja._merges ?? {})) {
    if (!r) continue;
    areas.push({ fila: r.top - 1, columna: r.left - 1, filas: r.bottom - r.top + 1, columnas: r.right - r.left + 1 });
  }
  areas.sort((a, b) => a.fila - b.fila || a.columna - b.columna);
  return areas;
}

/** Grilla de una hoja de ExcelJS. */
export function grillaDeHoja(hoja: HojaExcelJs, fecha1904 = false, conFormatos = true): GrillaHoja {
  const filas = hoja._rows ?? [];
  // Primera pasada: el rango usado (celdas con valor, no las que solo tienen formato).
  let filaMin = Infinity;
  let filaMax = -1;
  let colMin = Infinity;
  let colMax = -1;
  for (let r = 0; r < filas.length; r++) {
    const celdas = filas[r]?._cells;
    if (!celdas) continue;
    for (let c = 0; c < celdas.length; c++) {
      const celda = celdas[c];
      if (!celda || celda.type === NULO || celda.type === COMBINADA) continue;
      if (r < filaMin) filaMin = r;
      if (r > filaMax) filaMax = r;
      if (c < colMin) colMin = c;
      if (c > colMax) colMax = c;
    }
  }
  const combinadas = areasCombinadas(hoja);
  if (filaMax < 0) {
    const vacia: GrillaHoja = { nombre: hoja.name, valores: [[""]], filaInicial: 0, columnaInicial: 0, combinadas };
    if (conFormatos) vacia.formatos = [[FORMATO_GENERAL]];
    return vacia;
  }
  const ancho = colMax - colMin + 1;
  const valores: unknown[][] = new Array(filaMax - filaMin + 1);
  const formatos: string[][] | undefined = conFormatos ? new Array(filaMax - filaMin + 1) : undefined;
  // Segunda pasada: valores y formatos del rectángulo.
  for (let r = filaMin; r <= filaMax; r++) {
    const fila = new Array<unknown>(ancho).fill("");
    const formatosFila = formatos ? new Array<string>(ancho).fill(FORMATO_GENERAL) : undefined;
    const celdas = filas[r]?._cells;
    if (celdas) {
      const hasta = Math.min(celdas.length - 1, colMax);
      for (let c = colMin; c <= hasta; c++) {
        const celda = celdas[c];
        if (!celda) continue;
        if (celda.type !== NULO && celda.type !== COMBINADA) fila[c - colMin] = valorCelda(celda, fecha1904);
        if (formatosFila) {
          const nf = celda.style?.numFmt;
          if (nf) formatosFila[c - colMin] = nf;
        }
      }
    }
    valores[r - filaMin] = fila;
    if (formatos && formatosFila) formatos[r - filaMin] = formatosFila;
  }
  const grilla: GrillaHoja = { nombre: hoja.name, valores, filaInicial: filaMin, columnaInicial: colMin, combinadas };
  if (formatos) grilla.formatos = formatos;
  return grilla;
}

/** Grillas de todas las hojas de un libro de ExcelJS ya cargado. */
export function grillasDeLibro(libro: Workbook, conFormatos = true): LibroGrillas {
  const fecha1904 = Boolean(libro.properties?.date1904);
  return {
    hojas: libro.worksheets.map((h) => grillaDeHoja(h as unknown as HojaExcelJs, fecha1904, conFormatos)),
  };
}
