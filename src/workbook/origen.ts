/**
 * Las filas que leyó el lector, cada valor tal cual y con su celda de origen (para escribir el
 * libro en el diseño canónico: src/workbook/canonico). `leerModeloConOrigen` lee el libro una vez,
 * como `leerModelo`, y además devuelve, por tipo de hoja:
 *
 * - las filas de datos que el lector tomó (las mismas: sin filas vacías, de totales ni
 *   encabezados repetidos; con las históricas), con el valor crudo de cada clave canónica, su
 *   formato de número y su celda;
 * - las columnas de origen que no son de ninguna clave (no reconocidas, duplicadas, atributos
 *   de un grupo…) y tienen algún valor en esas filas: se conservan como columnas extra con su
 *   encabezado de origen;
 * - la correspondencia: cada columna de origen, su encabezado y la clave canónica en que se
 *   convirtió.
 *
 * Dos valores no se copian tal cual porque su lugar canónico cambia su sentido:
 * - un código dentro del nombre («2.3.1. Implementar…», sin columna de código): el código va a
 *   su columna y el nombre sin él a la suya (como los leyó el lector);
 * - en las celdas combinadas en vertical de las columnas que identifican (código y nombre del
 *   objetivo…), cada fila lleva el valor de la celda superior, como lo ve el analista y lo lee el lector.
 */
import { direccionA1 } from "../domain/direcciones";
import { encabezadoCanonico, type CualquierDescriptor } from "../domain/hojas";
import type { ColumnaExtra, FilaOrigen, HojaOrigen, ValorOrigen } from "./canonico/tipos";
import type { ValorEscrito } from "./escritura";
import { celdaEncabezado, separarCodigo, type ColumnasLeidas } from "./columnas";
import type { Encabezado, HojaAnalizada } from "./encabezado";
import { esValorIlegible } from "./grilla";

/** Qué se hizo con una columna de origen. */
export interface CorrespondenciaColumna {
  /** Hoja de origen. */
  readonly hoja: string;
  /** Celda del encabezado en la hoja de origen. */
  readonly celda: string;
  /** Encabezado de origen, como lo ve el analista («Ejecución I trimestre»). */
  readonly encabezado: string;
  /**
   * Clave canónica («metaVigencia», «ejecutado.3») o null si la columna se conserva como extra
   * con su encabezado (no reconocida, duplicada…).
   */
  readonly clave: string | null;
  /** Encabezado canónico en que se convirtió (o el mismo de origen, si es extra). */
  readonly canonico: string;
  /** Por qué no se leyó o cómo se leyó (código dentro del nombre…); ausente si es directa. */
  readonly nota?: "codigo-en-nombre" | "no-leida" | "duplicada";
}

/** Lo que el lector tomó de una hoja, para el libro canónico. */
export interface HojaLeidaOrigen extends HojaOrigen {
  /** Nombre de la hoja de origen. */
  readonly hoja: string;
  /** Fila (1-based) de encabezados en la hoja de origen. */
  readonly filaEncabezado: number;
  readonly correspondencia: readonly CorrespondenciaColumna[];
}

/** Valor de una celda como se escribe: número, texto o booleano; lo demás, vacía. */
function valorEscrito(v: unknown): ValorEscrito {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  // Una celda dañada se conserva como el error de Excel que es (el lector la informa igual: celda con error).
  if (esValorIlegible(v)) return "#VALUE!";
  if (v instanceof Date) return v.toISOString();
  return null;
}

function formatoDe(formatos: unknown, r: number, c: number): string | null {
  if (!Array.isArray(formatos)) return null;
  const fila: unknown = formatos[r];
  if (!Array.isArray(fila)) return null;
  const f: unknown = fila[c];
  return typeof f === "string" && f !== "" && f.toLowerCase() !== "general" ? f : null;
}

function textoCelda(v: unknown): string {
  if (typeof v === "string") return v.replace(/\s+/g, " ").trim();
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return "";
}

/** Entrada de `recolectarOrigen`: lo que leerHoja ya sabe de la hoja. */
export interface DatosHojaLeida {
  readonly d: CualquierDescriptor;
  readonly hoja: HojaAnalizada;
  readonly enc: Encabezado;
  readonly leidas: ColumnasLeidas;
  readonly formatos: unknown;
  /** Filas leídas (relativas a la grilla) con sus valores (ya con los rellenos de las combinadas). */
  readonly filas: readonly { readonly r: number; readonly valores: readonly unknown[] }[];
  /** Guardar la celda de cada valor (por omisión, sí). */
  readonly celdas?: boolean;
}

/** Las filas leídas con sus valores de origen, las columnas extra y la correspondencia. */
export function recolectarOrigen(x: DatosHojaLeida): HojaLeidaOrigen {
  const { d, hoja, enc, leidas, formatos, filas } = x;
  const conCeldas = x.celdas ?? true;
  const correspondencia: CorrespondenciaColumna[] = [];
  const usadas = new Set<number>();
  // Código → nombre cuando el código viene al comienzo del nombre.
  const codigoDe = new Map<string, string>(leidas.codigosEnNombres);
  const nombreCon = new Map<string, string>([...leidas.codigosEnNombres].map(([c, n]) => [n, c]));
  const claves = [...leidas.columnas.entries()].sort((a, b) => a[1].columna - b[1].columna);
  for (const [clave, col] of claves) {
    usadas.add(col.columna);
    correspondencia.push({
      hoja: hoja.nombre,
      celda: celdaEncabezado(hoja, col),
      encabezado: col.completo,
      clave,
      canonico: encabezadoCanonico(d, clave),
      ...(codigoDe.has(clave) ? { nota: "codigo-en-nombre" as const } : {}),
    });
  }

  // Columnas sin clave con algún valor en las filas leídas: se conservan.
  const ancho = filas.reduce((m, f) => Math.max(m, f.valores.length), 0);
  const sinLeer = new Map(enc.sinLeer.map((s) => [s.columna, s.texto]));
  const duplicadas = new Map(leidas.duplicadas.map((c) => [c.columna, c]));
  const extras: (ColumnaExtra & { columna: number })[] = [];
  for (let c = 0; c < ancho; c++) {
    if (usadas.has(c)) continue;
    if (!filas.some((f) => valorEscrito(f.valores[c]) !== null && valorEscrito(f.valores[c]) !== "")) continue;
    const dup = duplicadas.get(c);
    const encabezado =
      dup?.completo ??
      sinLeer.get(c) ??
      (textoCelda(hoja.fila(enc.fila)[c]) ||
        (enc.fila > 0 ? textoCelda(hoja.fila(enc.fila - 1)[c]) : "") ||
        `Columna ${direccionA1(1, hoja.col0 + c).replace(/\d+$/, "")}`);
    const letra = direccionA1(1, hoja.col0 + c).replace(/\d+$/, "");
    extras.push({ clave: letra, encabezado, columna: c });
    correspondencia.push({
      hoja: hoja.nombre,
      celda: direccionA1(hoja.fila0 + enc.fila + 1, hoja.col0 + c),
      encabezado,
      clave: null,
      canonico: encabezado,
      nota: dup !== undefined ? "duplicada" : "no-leida",
    });
  }

  const salida: FilaOrigen[] = [];
  for (const { r, valores } of filas) {
    const filaHoja = hoja.fila0 + r + 1;
    const porClave: Record<string, ValorOrigen> = {};
    for (const [clave, col] of leidas.columnas) {
      const c = col.columna;
      let v = valorEscrito(valores[c]);
      if (codigoDe.has(clave)) v = typeof v === "string" ? (separarCodigo(v)?.codigo ?? null) : null;
      else if (nombreCon.has(clave) && typeof v === "string") {
        const s = separarCodigo(v);
        if (s !== null) v = s.nombre;
      }
      if (v === null || v === "") continue;
      const formato = formatoDe(formatos, r, c);
      porClave[clave] = conCeldas
        ? { valor: v, ...(formato !== null ? { formato } : {}), celda: direccionA1(filaHoja, hoja.col0 + c) }
        : formato !== null
          ? { valor: v, formato }
          : { valor: v };
    }
    const extrasFila: Record<string, ValorOrigen> = {};
    for (const e of extras) {
      const v = valorEscrito(valores[e.columna]);
      if (v === null || v === "") continue;
      const formato = formatoDe(formatos, r, e.columna);
      extrasFila[e.clave] = conCeldas
        ? { valor: v, ...(formato !== null ? { formato } : {}), celda: direccionA1(filaHoja, hoja.col0 + e.columna) }
        : formato !== null
          ? { valor: v, formato }
          : { valor: v };
    }
    salida.push({
      origen: { hoja: hoja.nombre, fila: filaHoja },
      valores: porClave,
      ...(extras.length > 0 ? { extras: extrasFila } : {}),
    });
  }
  return {
    hoja: hoja.nombre,
    filaEncabezado: hoja.fila0 + enc.fila + 1,
    filas: salida,
    claves: claves.map(([clave]) => clave),
    extras: extras.map(({ clave, encabezado }) => ({ clave, encabezado })),
    correspondencia,
  };
}
