/**
 * Escribe una descripción de hojas (`src/workbook/escritura`) en un archivo .xlsx NUEVO con ExcelJS
 * (para `pmr informe`, `pmr plantilla`, `pmr normalizar`…). Nunca se usa para reescribir un libro
 * del usuario: ExcelJS descarta lo que no entiende.
 *
 * Lo mismo que el escritor de Office.js con la misma descripción: valores, fórmulas, formatos de
 * número (el texto siempre con «@»), anchos, inmovilizar, combinadas, estilos, tablas (sin fila
 * de totales) y validaciones con sus mensajes. ExcelJS no escribe gráficos: se agregan después
 * como partes de DrawingML editando el zip (`graficosXlsx.ts`). Con `graficos: false` se dejan
 * fuera y el resultado lo dice en `avisos`.
 */
import ExcelJS from "exceljs";
import {
  comprobarDescripcion,
  ErrorDescripcion,
  esFormula,
  estiloCompuesto,
  FORMATO_TEXTO,
  leerColumnas,
  leerRango,
  planificarBloques,
  referenciaHoja,
  textoRangoAbsoluto,
  type DescripcionHoja,
  type DescripcionLibro,
  type DescripcionValidacion,
  type Rect,
} from "../../workbook/escritura";
import { agregarGraficos } from "./graficosXlsx";
import { MENSAJES_ESCRITURA_XLSX as M } from "./mensajesEscritura";

export interface OpcionesEscrituraXlsx {
  /** Incluir los gráficos como gráficos nativos (por defecto sí). */
  graficos?: boolean;
}

export interface ResultadoEscrituraXlsx {
  archivo: Buffer;
  hojas: string[];
  /** Gráficos de cada hoja y si quedaron en el archivo. */
  graficos: { hoja: string; nombre: string; incluido: boolean }[];
  /** Lo que no quedó en el archivo, en español (gráficos omitidos). */
  avisos: string[];
}

export class ErrorEscrituraXlsx extends Error {
  constructor(mensaje: string, causa?: unknown) {
    super(mensaje, causa === undefined ? undefined : { cause: causa });
    this.name = "ErrorEscrituraXlsx";
  }
}

const HORIZONTAL = { izquierda: "left", centro: "center", derecha: "right" } as const;
const VERTICAL = { arriba: "top", centro: "middle", abajo: "bottom" } as const;
const OPERADOR = {
  mayorOIgual: "greaterThanOrEqual",
  menorOIgual: "lessThanOrEqual",
  mayor: "greaterThan",
  menor: "lessThan",
  igual: "equal",
  entre: "between",
} as const;
const ALERTA = { detener: "stop", advertencia: "warning", informacion: "information" } as const;

function rect(t: string): Rect {
  return leerRango(t) as Rect;
}

function argb(color: string): string {
  return `FF${color.slice(1).toUpperCase()}`;
}

function cadaCelda(ws: ExcelJS.Worksheet, r: Rect, accion: (c: ExcelJS.Cell) => void): void {
  for (let f = r.fila; f < r.fila + r.filas; f++) {
    const fila = ws.getRow(f + 1);
    for (let c = r.columna; c < r.columna + r.columnas; c++) accion(fila.getCell(c + 1));
  }
}

function valorExcelJs(v: unknown): ExcelJS.CellValue {
  if (esFormula(v)) return { formula: v.formula.slice(1) } as ExcelJS.CellFormulaValue;
  if (v === null || v === "") return null;
  return v as ExcelJS.CellValue;
}

function validacion(v: DescripcionValidacion, nombreHoja: string, hojas: readonly string[]): ExcelJS.DataValidation {
  const r = v.regla;
  const comun = {
    allowBlank: v.permitirVacias ?? true,
    ...(v.mensajeEntrada
      ? { showInputMessage: true, promptTitle: v.mensajeEntrada.titulo, prompt: v.mensajeEntrada.mensaje }
      : {}),
    ...(v.alertaError
      ? {
          showErrorMessage: true,
          errorStyle: ALERTA[v.alertaError.estilo],
          errorTitle: v.alertaError.titulo,
          error: v.alertaError.mensaje,
        }
      : {}),
  };
  // Siempre se cumple: la celda solo muestra su mensaje de entrada (como en Office.js).
  if (r.tipo === "cualquiera") return { type: "custom", formulae: ["TRUE"], ...comun };
  if (r.tipo === "lista") return { type: "list", formulae: [`"${r.valores.join(",")}"`], ...comun };
  if (r.tipo === "listaRango")
    return {
      type: "list",
      formulae: [
        `${referenciaHoja(hojas.find((h) => h.toLocaleLowerCase("es") === (r.hoja ?? nombreHoja).toLocaleLowerCase("es")) ?? nombreHoja)}!${textoRangoAbsoluto(rect(r.rango))}`,
      ],
      ...comun,
    };
  return {
    type: r.tipo === "entero" ? "whole" : "decimal",
    operator: OPERADOR[r.operador],
    formulae: r.operador === "entre" ? [r.valor, r.valor2 as number] : [r.valor],
    ...comun,
  };
}

function escribirHoja(wb: ExcelJS.Workbook, h: DescripcionHoja, hojas: readonly string[]): void {
  const { filas = 0, columnas = 0 } = h.inmovilizar ?? {};
  const ws = wb.addWorksheet(h.nombre, {
    views: filas > 0 || columnas > 0 ? [{ state: "frozen", xSplit: columnas, ySplit: filas }] : [],
  });
  const bloques = planificarBloques(h);

  // Tablas primero: ExcelJS escribe sus celdas; después se escriben (iguales) con sus formatos.
  for (const t of h.tablas ?? []) {
    const r = rect(t.rango);
    const contenido = (f: number, c: number): unknown => {
      for (const b of h.celdas) {
        const ini = leerRango(b.desde);
        const v = ini ? b.filas[f - ini.fila]?.[c - ini.columna] : undefined;
        if (v !== undefined) return v;
      }
      return null;
    };
    const columnasTabla = Array.from({ length: r.columnas }, (_v, j) => ({
      name: String(contenido(r.fila, r.columna + j)),
      filterButton: true,
    }));
    const desde = r.fila + 1;
    const rows = Array.from({ length: r.fila + r.filas - desde }, (_v, i) =>
      Array.from({ length: r.columnas }, (_w, j) => valorExcelJs(contenido(desde + i, r.columna + j))),
    );
    ws.addTable({
      name: t.nombre,
      displayName: t.nombre,
      ref: `${t.rango.split(":")[0]}`,
      headerRow: true,
      totalsRow: false,
      style: {
        theme: (t.estilo ?? "TableStyleMedium2") as ExcelJS.TableStyleProperties["theme"],
        showRowStripes: true,
      },
      columns: columnasTabla,
      rows,
    });
  }

  for (const f of h.formatosNumero ?? []) cadaCelda(ws, rect(f.rango), (c) => (c.numFmt = f.formato));
  for (const b of bloques) {
    for (let i = 0; i < b.rect.filas; i++) {
      const fila = ws.getRow(b.rect.fila + i + 1);
      for (let j = 0; j < b.rect.columnas; j++) {
        const formula = b.formulas?.[i][j] ?? null;
        const valor = b.valores[i][j];
        if (formula === null && valor === null) continue;
        const celda = fila.getCell(b.rect.columna + j + 1);
        celda.value =
          formula !== null ? ({ formula: formula.slice(1) } as ExcelJS.CellFormulaValue) : valorExcelJs(valor);
        if (b.formatosTexto?.[i][j]) celda.numFmt = FORMATO_TEXTO;
      }
    }
  }
  for (const a of h.anchos ?? []) {
    const [c1, c2] = leerColumnas(a.columnas) as [number, number];
    for (let c = c1; c <= c2; c++) ws.getColumn(c + 1).width = a.ancho;
  }
  for (const e of h.estilos ?? []) {
    const s = estiloCompuesto(e.estilos);
    cadaCelda(ws, rect(e.rango), (c) => {
      const fuente: Partial<ExcelJS.Font> = { ...c.font };
      if (s.negrita !== undefined) fuente.bold = s.negrita;
      if (s.cursiva !== undefined) fuente.italic = s.cursiva;
      if (s.tamano !== undefined) fuente.size = s.tamano;
      if (s.colorFuente !== undefined) fuente.color = { argb: argb(s.colorFuente) };
      c.font = fuente;
      if (s.relleno !== undefined) c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.relleno) } };
      if (s.ajustarTexto !== undefined || s.horizontal !== undefined || s.vertical !== undefined) {
        const alineacion: Partial<ExcelJS.Alignment> = { ...c.alignment };
        if (s.ajustarTexto !== undefined) alineacion.wrapText = s.ajustarTexto;
        if (s.horizontal !== undefined) alineacion.horizontal = HORIZONTAL[s.horizontal];
        if (s.vertical !== undefined) alineacion.vertical = VERTICAL[s.vertical];
        c.alignment = alineacion;
      }
    });
  }
  for (const c of h.combinadas ?? []) ws.mergeCells(c);
  // `dataValidations` existe en ExcelJS 4.4 pero no en sus tipos.
  const validaciones = (ws as unknown as { dataValidations: { add(rango: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  for (const v of h.validaciones ?? []) validaciones.add(v.rango, validacion(v, h.nombre, hojas));
}

/** Genera el .xlsx de la descripción. Lanza ErrorDescripcion o ErrorEscrituraXlsx (en español). */
export async function escribirLibroXlsx(
  descripcion: DescripcionLibro,
  opciones: OpcionesEscrituraXlsx = {},
): Promise<ResultadoEscrituraXlsx> {
  comprobarDescripcion(descripcion);
  const incluir = opciones.graficos ?? true;
  try {
    const wb = new ExcelJS.Workbook();
    wb.creator = "PMR para Excel";
    const nombres = descripcion.hojas.map((h) => h.nombre);
    for (const h of descripcion.hojas) escribirHoja(wb, h, nombres);
    let archivo: Buffer = Buffer.from(await wb.xlsx.writeBuffer());
    if (incluir) archivo = await agregarGraficos(archivo, descripcion.hojas);
    const graficos = descripcion.hojas.flatMap((h) =>
      (h.graficos ?? []).map((g) => ({ hoja: h.nombre, nombre: g.nombre, incluido: incluir })),
    );
    return {
      archivo,
      hojas: descripcion.hojas.map((h) => h.nombre),
      graficos,
      avisos: graficos.filter((g) => !g.incluido).map((g) => M.graficoOmitido(g.hoja, g.nombre)),
    };
  } catch (error) {
    if (error instanceof ErrorDescripcion) throw error;
    const detalle = error instanceof Error && error.message ? error.message : String(error);
    throw new ErrorEscrituraXlsx(M.escrituraFallida(detalle), error);
  }
}
