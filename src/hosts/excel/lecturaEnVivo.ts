/**
 * Lectura para «Validar mientras escribe»: en lugar de leer otra vez las hojas enteras después de
 * cada cambio, vuelve a leer solo lo que puede haber cambiado y lo pone sobre la última lectura
 * completa. El resultado es el mismo `LibroGrillas` que daría una lectura completa (las pruebas lo
 * comparan celda a celda); si algo no permite asegurarlo, hace la lectura completa.
 *
 * Lo que puede haber cambiado desde la última lectura:
 * - las áreas que avisó `Worksheet.onChanged` (solo «RangeEdited»: insertar o borrar filas,
 *   columnas o celdas mueve todo y pide la lectura completa);
 * - las celdas con fórmula: Excel las recalcula sin avisar onChanged. Se buscan en cada lectura
 *   (`getSpecialCellsOrNullObject(Formulas)`, ExcelApi 1.9) y se leen sus valores;
 * - las áreas combinadas (se leen otra vez, como en la lectura completa).
 *
 * Viajes a Excel: 1 (nombres de las hojas, tamaño del rango usado, áreas combinadas, dónde hay
 * fórmulas y los valores de las áreas avisadas) y 1 más si hay fórmulas (sus valores). Hace la
 * lectura completa (2 viajes) si: no hay lectura anterior; cambió la lista de hojas, el rango
 * usado de alguna o sus áreas combinadas; llegó un cambio que no es una edición; la dirección avisada no es un rango simple; lo avisado o las fórmulas son más de la mitad de la
 * hoja; Excel no tiene ExcelApi 1.9; o Excel rechaza el lote.
 */
import { indiceColumna } from "../../domain/direcciones";
import type { GrillaHoja, LibroGrillas } from "../../workbook/grilla";
import { ejecutarExcel, soportaExcelApi, type Ejecutar } from "./contexto";
import { areasCombinadas, leerLibroConMedida, type LecturaExcel } from "./lectura";

/** Un aviso de cambio, como lo da la escucha (eventos.ts). */
export interface CambioLeido {
  hoja: string;
  direccion: string;
  /** `changeType` de Excel («RangeEdited», «RowInserted»…); undefined si no se sabe. */
  tipo?: string;
}

interface Rectangulo {
  fila: number;
  columna: number;
  filas: number;
  columnas: number;
}

export interface LecturaEnVivo extends LecturaExcel {
  /** true: se leyeron solo las áreas cambiadas y las fórmulas; false: las hojas enteras. */
  parcial: boolean;
  /** Celdas leídas de Excel. */
  celdas: number;
}

/** Más áreas avisadas que esto entre dos lecturas: se lee todo (un pegado grande, una macro…). */
export const MAXIMO_AREAS_AVISADAS = 200;

/** "B7" o "B7:D9" (sin hoja) → rectángulo 0-based; null si no es un rango simple ("A:A", "3:5"). */
export function rectanguloDe(direccion: string): Rectangulo | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(direccion.trim());
  if (!m) return null;
  const c1 = indiceColumna(m[1]);
  const f1 = Number(m[2]) - 1;
  const c2 = m[3] ? indiceColumna(m[3]) : c1;
  const f2 = m[4] ? Number(m[4]) - 1 : f1;
  if (c1 < 0 || c2 < 0 || f1 < 0 || f2 < 0) return null;
  const fila = Math.min(f1, f2);
  const columna = Math.min(c1, c2);
  return { fila, columna, filas: Math.abs(f2 - f1) + 1, columnas: Math.abs(c2 - c1) + 1 };
}

/** Lo que se sabe de la grilla de una hoja para ponerle encima lo leído. */
function dimensiones(g: GrillaHoja): Rectangulo {
  const columnas = g.valores.reduce((max, fila) => Math.max(max, fila.length), 0);
  return { fila: g.filaInicial ?? 0, columna: g.columnaInicial ?? 0, filas: g.valores.length, columnas };
}

function mismoRectangulo(a: Rectangulo, b: Rectangulo): boolean {
  return a.fila === b.fila && a.columna === b.columna && a.filas === b.filas && a.columnas === b.columnas;
}

/** La parte de `r` dentro de `zona`; null si no se tocan. */
function interseccion(r: Rectangulo, zona: Rectangulo): Rectangulo | null {
  const fila = Math.max(r.fila, zona.fila);
  const columna = Math.max(r.columna, zona.columna);
  const filaFin = Math.min(r.fila + r.filas, zona.fila + zona.filas);
  const columnaFin = Math.min(r.columna + r.columnas, zona.columna + zona.columnas);
  if (filaFin <= fila || columnaFin <= columna) return null;
  return { fila, columna, filas: filaFin - fila, columnas: columnaFin - columna };
}

interface Parche {
  rect: Rectangulo;
  valores: unknown[][];
  formatos: (string | null)[][];
}

/**
 * Una grilla nueva con los parches encima. Las filas de la anterior no se modifican (pueden
 * estar compartidas con el informe anterior): cada fila tocada se copia una vez.
 */
function parchear(g: GrillaHoja, parches: readonly Parche[]): GrillaHoja {
  const zona = dimensiones(g);
  const valores = g.valores.slice();
  const formatos = (g.formatos ?? []).slice();
  const copiadas = new Set<number>();
  for (const p of parches) {
    for (let f = 0; f < p.rect.filas; f++) {
      const i = p.rect.fila + f - zona.fila;
      if (!copiadas.has(i)) {
        copiadas.add(i);
        valores[i] = (valores[i] ?? []).slice();
        formatos[i] = (formatos[i] ?? []).slice();
      }
      for (let c = 0; c < p.rect.columnas; c++) {
        const j = p.rect.columna + c - zona.columna;
        valores[i][j] = p.valores[f][c];
        (formatos[i] as (string | null | undefined)[])[j] = p.formatos[f]?.[c] ?? null;
      }
    }
  }
  return { ...g, valores, formatos };
}

/**
 * El lector de «Validar mientras escribe»: `anotar` cada cambio que llega de Excel y `leer` antes
 * de validar. `leer({ completa: true })` (el botón Validar PMR) siempre lee todo y deja esa
 * lectura como base de las siguientes.
 */
export function crearLectorEnVivo(ejecutar: Ejecutar = ejecutarExcel) {
  let base: LecturaExcel | null = null;
  let avisadas = new Map<string, Rectangulo[]>();
  let invalida = false;

  function olvidar(): void {
    base = null;
    avisadas = new Map();
    invalida = false;
  }

  function anotar(c: CambioLeido): void {
    if (invalida) return;
    if (!base) {
      // Llega durante la primera lectura completa: quizá no quedó en ella; la próxima es completa.
      invalida = true;
      return;
    }
    // Una hoja que no se leyó no cambia lo leído (si una hoja nueva o renombrada pasa a ser la del
    // PMR, la lista de hojas cambia y `leer` lo nota).
    if (!base.libro.hojas.some((g) => g.nombre === c.hoja)) return;
    const rect = c.tipo === undefined || c.tipo === "RangeEdited" ? rectanguloDe(c.direccion) : null;
    if (!rect) {
      invalida = true; // filas o columnas insertadas o borradas, o un área que no es un rango simple
      return;
    }
    const lista = avisadas.get(c.hoja) ?? [];
    lista.push(rect);
    avisadas.set(c.hoja, lista);
    if ([...avisadas.values()].reduce((n, l) => n + l.length, 0) > MAXIMO_AREAS_AVISADAS) invalida = true;
  }

  async function completa(): Promise<LecturaEnVivo> {
    // Lo que se avise mientras se lee queda anotado para la lectura siguiente.
    avisadas = new Map();
    invalida = false;
    const lectura = await leerLibroConMedida(ejecutar);
    base = lectura;
    const celdas = lectura.libro.hojas.reduce((n, g) => n + g.valores.reduce((m, f) => m + f.length, 0), 0);
    return { ...lectura, parcial: false, celdas };
  }

  /** Lee solo lo cambiado; null si hace falta la lectura completa. */
  async function parcial(anterior: LecturaExcel, cambios: ReadonlyMap<string, Rectangulo[]>) {
    return ejecutar(async (context) => {
      let syncs = 0;
      const hojas = context.workbook.worksheets;
      hojas.load("items/name");
      const porHoja = anterior.libro.hojas.map((g) => {
        const hoja = hojas.getItem(g.nombre);
        const usado = hoja.getUsedRangeOrNullObject(true);
        usado.load("rowIndex,columnIndex,rowCount,columnCount");
        const zona = hoja.getRange();
        const formulas = zona.getSpecialCellsOrNullObject("Formulas");
        formulas.load("areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount");
        // Las áreas combinadas, como en la lectura completa (de la hoja entera; sin ExcelApi 1.13
        // la lectura completa no las lee y aquí tampoco).
        const combinadas = soportaExcelApi("1.13") ? zona.getMergedAreasOrNullObject() : null;
        combinadas?.load("areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount");
        const dim = dimensiones(g);
        const lecturas = (cambios.get(g.nombre) ?? [])
          .map((r) => interseccion(r, dim))
          .filter((r): r is Rectangulo => r !== null)
          .map((rect) => {
            const rango = hoja.getRangeByIndexes(rect.fila, rect.columna, rect.filas, rect.columnas);
            rango.load("values,numberFormat");
            return { rect, rango };
          });
        return { g, hoja, dim, usado, formulas, combinadas, lecturas };
      });
      await context.sync();
      syncs++;

      // ¿Sigue todo donde estaba? Si no, la lectura completa.
      const nombres = hojas.items.map((h) => h.name);
      if (nombres.join("\u0000") !== anterior.nombresHojas.join("\u0000")) return null;
      const parches = new Map<GrillaHoja, Parche[]>();
      const formulasPorLeer: { g: GrillaHoja; rect: Rectangulo; rango: Excel.Range }[] = [];
      let celdas = 0;
      for (const h of porHoja) {
        const { g, dim, usado } = h;
        const mismo = usado.isNullObject
          ? dim.filas === 0
          : usado.rowIndex === dim.fila &&
            usado.columnIndex === dim.columna &&
            usado.rowCount === dim.filas &&
            usado.columnCount === dim.columnas &&
            g.valores.every((fila) => fila.length === dim.columnas);
        if (!mismo) return null;
        const combinadasAhora = areasCombinadas(h.combinadas);
        const combinadasAntes = g.combinadas ?? [];
        if (
          combinadasAhora.length !== combinadasAntes.length ||
          combinadasAhora.some((a, i) => !mismoRectangulo(a, combinadasAntes[i]))
        )
          return null;
        const lista: Parche[] = h.lecturas.map(({ rect, rango }) => ({
          rect,
          valores: rango.values,
          formatos: rango.numberFormat as (string | null)[][],
        }));
        const area = dim.filas * dim.columnas;
        let avisado = lista.reduce((n, p) => n + p.rect.filas * p.rect.columnas, 0);
        if (!h.formulas.isNullObject) {
          for (const a of h.formulas.areas.items) {
            const rect = interseccion(
              { fila: a.rowIndex, columna: a.columnIndex, filas: a.rowCount, columnas: a.columnCount },
              dim,
            );
            if (!rect) continue;
            avisado += rect.filas * rect.columnas;
            const rango = h.hoja.getRangeByIndexes(rect.fila, rect.columna, rect.filas, rect.columnas);
            formulasPorLeer.push({ g, rect, rango });
          }
        }
        if (area > 0 && avisado * 2 > area) return null;
        celdas += avisado;
        parches.set(g, lista);
      }
      if (formulasPorLeer.length > 0) {
        for (const f of formulasPorLeer) f.rango.load("values,numberFormat");
        await context.sync();
        syncs++;
        for (const f of formulasPorLeer) {
          parches.get(f.g)?.push({
            rect: f.rect,
            valores: f.rango.values,
            formatos: f.rango.numberFormat as (string | null)[][],
          });
        }
      }
      const libro: LibroGrillas = {
        ...anterior.libro,
        hojas: anterior.libro.hojas.map((g) => {
          const lista = parches.get(g) ?? [];
          return lista.length === 0 ? g : parchear(g, lista);
        }),
      };
      return { libro, nombresHojas: nombres, syncs, celdas };
    });
  }

  async function leer(opciones: { completa?: boolean } = {}): Promise<LecturaEnVivo> {
    const anterior = base;
    if (opciones.completa || !anterior || invalida || !soportaExcelApi("1.9")) return completa();
    const cambios = avisadas;
    avisadas = new Map();
    let r: Awaited<ReturnType<typeof parcial>> = null;
    try {
      r = await parcial(anterior, cambios);
    } catch {
      r = null; // Excel rechazó el lote (una hoja renombrada, un límite…): se lee todo.
    }
    if (!r) return completa();
    base = { libro: r.libro, nombresHojas: r.nombresHojas, syncs: r.syncs };
    return { ...base, parcial: true, celdas: r.celdas };
  }

  return { anotar, leer, olvidar };
}

export type LectorEnVivo = ReturnType<typeof crearLectorEnVivo>;
