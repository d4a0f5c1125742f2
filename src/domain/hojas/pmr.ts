/**
 * Hoja PMR (PMR-SPEC §4): una fila por indicador; las columnas del objetivo y del producto se
 * repiten en cada fila. Requerida.
 */
import { z } from "zod";
import { MESES, PeriodicidadSchema, TendenciaSchema, TipoIndicadorSchema, type TipoIndicador } from "../catalogos";
import { leerPeriodicidad, leerTendencia } from "../valores";
import { clavesSerie, definirHoja, normalizarPalabras } from "./descriptor";

const numero = z.number().nullable();
const texto = z.string().nullable();
/** Doce valores mensuales; índice 0 = enero. null = celda vacía (vacío no es cero). */
const serieNumerica = z.array(numero).length(MESES);
const serieTexto = z.array(texto).length(MESES);
const columnasSerie = z.array(z.number().int().nonnegative().nullable()).length(MESES);

/** Campos escalares de una fila de la hoja PMR (cada uno es una columna). */
export const CAMPOS_PMR = [
  "codigoObjetivo",
  "objetivo",
  "codigoProducto",
  "producto",
  "tipo",
  "codigo",
  "nombre",
  "unidad",
  "tendencia",
  "periodicidad",
  "ponderacion",
  "lineaBase",
  "metaPlan",
  "vigencia",
  "metaVigencia",
  "ejecutadoAnterior",
  "cualitativoActual",
  "observaciones",
] as const;
export type CampoPmr = (typeof CAMPOS_PMR)[number];
/** Series mensuales de la hoja PMR (doce columnas cada una). */
export const SERIES_PMR = ["programado", "ejecutado", "cualitativo"] as const;
export type SeriePmr = (typeof SERIES_PMR)[number];

export const IndicadorSchema = z.object({
  /** Número de fila en la hoja (1 = primera fila de Excel). */
  fila: z.number().int().positive(),
  codigoObjetivo: texto,
  objetivo: texto,
  codigoProducto: texto,
  producto: texto,
  /** Tipo ya resuelto: el de la columna o, si falta, Producto cuando hay código de producto. */
  tipo: TipoIndicadorSchema.nullable(),
  /** Texto original de la columna Tipo indicador (para avisar de valores fuera del catálogo). */
  tipoTexto: texto,
  codigo: texto,
  nombre: texto,
  unidad: texto,
  tendencia: TendenciaSchema.nullable(),
  tendenciaTexto: texto,
  periodicidad: PeriodicidadSchema.nullable(),
  periodicidadTexto: texto,
  /** Fracción: 50 %, 0,5 y 50 se leen 0.5. */
  ponderacion: numero,
  lineaBase: numero,
  metaPlan: numero,
  vigencia: numero,
  metaVigencia: numero,
  ejecutadoAnterior: numero,
  programado: serieNumerica,
  ejecutado: serieNumerica,
  cualitativo: serieTexto,
  cualitativoActual: texto,
  observaciones: texto,
});
export type Indicador = z.infer<typeof IndicadorSchema>;

/** Posición 0-based de la columna de cada campo en la hoja; ausente = la columna no existe. */
export const ColumnasPmrSchema = z.object({
  campos: z.partialRecord(z.enum(CAMPOS_PMR), z.number().int().nonnegative()),
  programado: columnasSerie,
  ejecutado: columnasSerie,
  cualitativo: columnasSerie,
});
export type ColumnasPmr = z.infer<typeof ColumnasPmrSchema>;

export const HojaPmrSchema = z.object({
  nombre: z.string(),
  /** Fila (1-based) de la fila de encabezados (la de abajo si el encabezado ocupa dos filas). */
  filaEncabezado: z.number().int().positive(),
  columnas: ColumnasPmrSchema,
  indicadores: z.array(IndicadorSchema),
});
export type HojaPmr = z.infer<typeof HojaPmrSchema>;

/** Tipo de indicador de un texto: «Objetivo», «Producto», «De objetivo», «Indicador de producto». */
export function tipoIndicadorDeTexto(t: string): TipoIndicador | null {
  if (t.length > 120) return null;
  let n = normalizarPalabras(t);
  if (n.startsWith("tipo ")) n = n.slice(5);
  if (n.startsWith("indicador ")) n = n.slice(10);
  if (n === "objetivo") return "OBJETIVO";
  if (n === "producto") return "PRODUCTO";
  return null;
}

const CODIGO_INDICADOR = [
  "Código indicador",
  "Cód. indicador",
  "ID indicador",
  "Indicador No.",
  "No. indicador",
] as const;

export const HOJA_PMR = definirHoja<CampoPmr, SeriePmr, Indicador, HojaPmr>({
  id: "pmr",
  nombre: "PMR",
  nombres: ["PMR"],
  requerida: true,
  campos: {
    codigoObjetivo: {
      encabezados: [
        "Código objetivo",
        "Cód. objetivo",
        "ID objetivo",
        "Objetivo No.",
        "No. objetivo",
        "Número objetivo",
        "Objetivo N°",
        "Código del objetivo",
      ],
      relleno: true,
    },
    objetivo: { encabezados: ["Objetivo", "Nombre objetivo", "Objetivo PMR", "Nombre del objetivo"], relleno: true },
    codigoProducto: {
      encabezados: ["Código producto", "Cód. producto", "ID producto", "Producto No.", "No. producto"],
      relleno: true,
    },
    producto: { encabezados: ["Producto", "Nombre producto", "Producto PMR", "Nombre del producto"], relleno: true },
    tipo: { encabezados: ["Tipo indicador", "Tipo de indicador"], relleno: true },
    codigo: { encabezados: [...CODIGO_INDICADOR] },
    nombre: { encabezados: ["Indicador", "Nombre indicador", "Indicador PMR", "Nombre del indicador"] },
    unidad: { encabezados: ["Unidad de medida", "Unidad"], relleno: true },
    tendencia: { encabezados: ["Tendencia", "Tipo de anualización", "Anualización", "Naturaleza"], relleno: true },
    periodicidad: {
      encabezados: ["Periodicidad", "Periodicidad de medición", "Frecuencia", "Frecuencia de medición"],
      relleno: true,
    },
    ponderacion: { encabezados: ["Ponderación", "Peso", "Ponderación indicador"] },
    lineaBase: { encabezados: ["Línea base", "LB", "Valor línea base"] },
    metaPlan: { encabezados: ["Meta plan", "Meta PMR total", "Meta cuatrienio", "Meta final"] },
    vigencia: { encabezados: ["Vigencia", "Año"], relleno: true },
    metaVigencia: { encabezados: ["Meta vigencia", "Programación vigencia", "Meta anual"] },
    ejecutadoAnterior: { encabezados: ["Ejecutado vigencias anteriores", "Ejecución acumulada anterior"] },
    cualitativoActual: { encabezados: ["Avance cualitativo"] },
    observaciones: { encabezados: ["Observaciones", "Justificación"] },
  },
  series: {
    programado: { prefijos: ["Programado", "Prog.", "Programación", "Programada", "Meta"] },
    ejecutado: { prefijos: ["Ejecutado", "Ejec.", "Ejecución", "Ejecutada", "Avance"] },
    cualitativo: { prefijos: ["Cualitativo", "Avance cualitativo", "Cualitativa", "Reporte cualitativo"] },
  },
  obligatorios: ["codigoObjetivo", "objetivo", "codigo", "nombre", "tendencia", "metaVigencia"],
  alternativas: { metaVigencia: { serie: "programado", nota: "o la programación mensual" } },
  identidad: ["codigoObjetivo", "objetivo", "codigo", "nombre"],
  plantilla: [
    "codigoObjetivo",
    "objetivo",
    "codigoProducto",
    "producto",
    "tipo",
    "codigo",
    "nombre",
    "unidad",
    "tendencia",
    "periodicidad",
    "ponderacion",
    "lineaBase",
    "metaPlan",
    "vigencia",
    "metaVigencia",
    ...clavesSerie("programado"),
    ...clavesSerie("ejecutado"),
    "ejecutadoAnterior",
    ...clavesSerie("cualitativo"),
    "observaciones",
  ],
  esquemaFila: IndicadorSchema,
  esquema: HojaPmrSchema,
  leerFila(l): Indicador | null {
    const codigo = l.texto("codigo");
    const nombre = l.texto("nombre");
    if (codigo === null && nombre === null && l.esFilaDeTotal()) return null;
    const codigoProducto = l.texto("codigoProducto");
    const tipoTexto = l.texto("tipo");
    const tendenciaTexto = l.texto("tendencia");
    const periodicidadTexto = l.texto("periodicidad");
    return {
      fila: l.fila,
      codigoObjetivo: l.texto("codigoObjetivo"),
      objetivo: l.texto("objetivo"),
      codigoProducto,
      producto: l.texto("producto"),
      // Sin columna o con la celda vacía: Producto si la fila tiene código de producto.
      tipo:
        tipoTexto === null
          ? codigoProducto === null
            ? "OBJETIVO"
            : "PRODUCTO"
          : l.interpretar(tipoTexto, tipoIndicadorDeTexto),
      tipoTexto,
      codigo,
      nombre,
      unidad: l.texto("unidad"),
      tendencia: tendenciaTexto === null ? null : l.interpretar(tendenciaTexto, leerTendencia),
      tendenciaTexto,
      // Mensual si la celda está vacía (o no hay columna).
      periodicidad: periodicidadTexto === null ? "MENSUAL" : l.interpretar(periodicidadTexto, leerPeriodicidad),
      periodicidadTexto,
      ponderacion: l.ponderacion("ponderacion"),
      lineaBase: l.numero("lineaBase"),
      metaPlan: l.numero("metaPlan"),
      vigencia: l.numero("vigencia"),
      metaVigencia: l.numero("metaVigencia"),
      ejecutadoAnterior: l.numero("ejecutadoAnterior"),
      programado: l.numeros("programado"),
      ejecutado: l.numeros("ejecutado"),
      cualitativo: l.textos("cualitativo"),
      cualitativoActual: l.texto("cualitativoActual"),
      observaciones: l.texto("observaciones"),
    };
  },
  construir: (base, indicadores): HojaPmr => ({ ...base, indicadores }),
});
