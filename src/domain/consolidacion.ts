/**
 * Lo que un modelo consolidado (PMR-SPEC §6.6) sabe de sus archivos de origen: qué archivos se
 * leyeron, de qué archivo, hoja y fila viene cada fila del consolidado, y lo que no entró igual
 * (un indicador repetido en otro archivo, un objetivo o producto con otro nombre). Las reglas de
 * Consolidación (src/rules/consolidacion) lo revisan; un modelo de un solo libro no lo tiene.
 *
 * Las filas guardan su fila de origen; la celda de origen de un campo sale de las columnas de la
 * hoja de origen (`archivos[i].hojas`), como en un libro solo.
 */
import { z } from "zod";
import { direccionA1 } from "./direcciones";
import { ColumnasPmrSchema, IndicadorSchema } from "./hojas/pmr";
import { HojaPresupuestoSchema } from "./hojas/presupuesto";
import { HojaTerritorialSchema } from "./hojas/territorial";

/** Una hoja de un archivo de origen: su nombre, su fila de encabezados y sus columnas. */
const HojaOrigenSchema = <C extends z.ZodTypeAny>(columnas: C) =>
  z.object({ nombre: z.string(), filaEncabezado: z.number().int().positive(), columnas });

export const ArchivoOrigenSchema = z.object({
  /** Cómo se nombra el archivo en los mensajes (el nombre del archivo, sin la carpeta). */
  nombre: z.string(),
  /** Por qué no se pudo leer (una frase en español); null si se leyó. */
  error: z.string().nullable(),
  /** Las hojas que se leyeron del archivo (null: el archivo no la tiene o no se leyó). */
  hojas: z.object({
    pmr: HojaOrigenSchema(ColumnasPmrSchema).nullable(),
    presupuesto: HojaOrigenSchema(HojaPresupuestoSchema.shape.columnas).nullable(),
    territorial: HojaOrigenSchema(HojaTerritorialSchema.shape.columnas).nullable(),
  }),
});
export type ArchivoOrigen = z.infer<typeof ArchivoOrigenSchema>;

/** Origen de una fila del consolidado: el archivo (índice en `archivos`) y su fila en la hoja de origen. */
export const OrigenFilaSchema = z.object({
  archivo: z.number().int().nonnegative(),
  fila: z.number().int().positive(),
});
export type OrigenFila = z.infer<typeof OrigenFilaSchema>;

/** Las hojas del consolidado que tienen filas con origen. */
export const HOJAS_CONSOLIDADAS = ["pmr", "presupuesto", "territorial"] as const;
export type HojaConsolidada = (typeof HOJAS_CONSOLIDADAS)[number];

export const ConsolidacionSchema = z.object({
  archivos: z.array(ArchivoOrigenSchema),
  /**
   * Por hoja, fila del consolidado (como texto, «12») → su origen. Están todas las filas de datos
   * del consolidado (también las históricas).
   */
  origenes: z.object({
    pmr: z.record(z.string(), OrigenFilaSchema),
    presupuesto: z.record(z.string(), OrigenFilaSchema),
    territorial: z.record(z.string(), OrigenFilaSchema),
  }),
  /**
   * Filas de un archivo con un código de indicador (y vigencia) que ya estaba en un archivo
   * anterior: no entran al consolidado (queda la primera). `indicador` tiene su fila de origen;
   * `primera` es la fila del consolidado con la que se compara.
   */
  repetidos: z.array(z.object({ archivo: z.number().int(), indicador: IndicadorSchema, primera: z.number().int() })),
  /**
   * Filas de presupuesto (producto, tipo de recurso y proyecto) o territoriales (indicador y
   * localidad) que ya estaban en un archivo anterior: no entran al consolidado (sumarlas contaría
   * dos veces lo mismo); queda la primera. `fila` es la de origen del repetido; `primera`, la del
   * consolidado que quedó; `diferencias`, los campos con valores distintos (vacío si son iguales).
   */
  filasRepetidas: z.array(
    z.object({
      hoja: z.enum(["presupuesto", "territorial"]),
      archivo: z.number().int(),
      fila: z.number().int().positive(),
      primera: z.number().int().positive(),
      /** Cómo se nombra la fila en los mensajes («P1.1 · Inversión · proyecto 7890», «IP1.1.1 · Suba»). */
      identidad: z.string(),
      diferencias: z.array(
        z.object({
          campo: z.string(),
          aqui: z.number().nullable(),
          alla: z.number().nullable(),
        }),
      ),
    }),
  ),
  /**
   * Objetivos y productos que un archivo nombra distinto que el primer archivo que los trae. En el
   * consolidado quedan con el nombre del primero; aquí, el nombre de origen, su archivo y su fila
   * de origen, y la fila del consolidado (`consolidada`, la primera fila así de ese archivo).
   */
  renombrados: z.array(
    z.object({
      tipo: z.enum(["objetivo", "producto"]),
      codigo: z.string(),
      nombre: z.string(),
      archivo: z.number().int(),
      fila: z.number().int().positive(),
      consolidada: z.number().int().positive(),
      /** El nombre que quedó y de dónde viene (archivo y fila de origen). */
      primero: z.object({ nombre: z.string(), archivo: z.number().int(), fila: z.number().int().positive() }),
    }),
  ),
});
export type Consolidacion = z.infer<typeof ConsolidacionSchema>;

/** Columnas de una hoja del modelo: `campos` (campo → columna 0-based) y una lista de doce por serie. */
type ColumnasModelo = { campos: Partial<Record<string, number>> } | Record<string, unknown>;

const INVERSAS = new WeakMap<object, Map<number, string>>();

/** Clave de la columna 0-based `columna` en unas columnas del modelo (campo o «serie.mes»); null si ninguna. */
export function claveDeColumna(columnas: ColumnasModelo, columna: number): string | null {
  let inversa = INVERSAS.get(columnas);
  if (inversa === undefined) {
    inversa = new Map();
    for (const [k, v] of Object.entries(columnas)) {
      if (k === "campos") {
        for (const [campo, c] of Object.entries(v as Record<string, number>))
          if (typeof c === "number" && !inversa.has(c)) inversa.set(c, campo);
      } else if (Array.isArray(v)) {
        v.forEach((c, m) => {
          if (typeof c === "number" && !inversa!.has(c)) inversa!.set(c, `${k}.${m + 1}`);
        });
      }
    }
    INVERSAS.set(columnas, inversa);
  }
  return inversa.get(columna) ?? null;
}

/** Columna 0-based de una clave (campo o «serie.mes») en unas columnas del modelo; null si no existe. */
export function columnaDeClave(columnas: ColumnasModelo, clave: string): number | null {
  const punto = clave.indexOf(".");
  const c = columnas as Record<string, unknown>;
  if (punto < 0) return (c.campos as Record<string, number | undefined>)[clave] ?? null;
  const serie = c[clave.slice(0, punto)];
  return Array.isArray(serie) ? ((serie[Number(clave.slice(punto + 1)) - 1] as number | null) ?? null) : null;
}

/**
 * ¿Dos archivos traen la misma cifra? Iguales salvo el margen de la coma flotante (relativo); una
 * celda vacía (null) solo es igual a otra vacía.
 */
export function mismaCifra(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Campo que identifica la fila de cada hoja: señala la fila cuando el archivo no tiene la columna pedida. */
export const IDENTIDAD_HOJA: Readonly<Record<HojaConsolidada, string>> = {
  pmr: "codigo",
  presupuesto: "codigoProducto",
  territorial: "codigoIndicador",
};

/** Una celda de un archivo de origen. */
export interface CeldaOrigen {
  archivo: string;
  hoja: string;
  celda: string;
}

/**
 * La celda de un campo (o «serie.mes») de la fila `fila` de la hoja `id` del archivo `archivo`;
 * si el archivo no tiene esa columna, la de la identidad de la fila (o la columna A). null si el
 * archivo no tiene la hoja.
 */
export function celdaDeOrigen(
  c: Consolidacion,
  archivo: number,
  id: HojaConsolidada,
  fila: number,
  clave: string | null,
): CeldaOrigen | null {
  const a = c.archivos[archivo];
  const hoja = a?.hojas[id];
  if (!hoja) return null;
  const col =
    (clave === null ? null : columnaDeClave(hoja.columnas, clave)) ??
    columnaDeClave(hoja.columnas, IDENTIDAD_HOJA[id]) ??
    0;
  return { archivo: a.nombre, hoja: hoja.nombre, celda: direccionA1(fila, col) };
}
