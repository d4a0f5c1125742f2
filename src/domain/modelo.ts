/**
 * El modelo PMR: esquemas zod (la única definición de cada forma) y los tipos inferidos.
 *
 * Un indicador guarda sus valores ya leídos (números, textos o null = vacío) y el número de
 * fila de la hoja; la dirección A1 de cualquier valor se obtiene con `celdaIndicador`, a partir
 * del mapa de columnas de la hoja. Así el modelo es compacto (50 000 indicadores caben sin
 * crear un objeto por celda) y cada valor conserva su hoja y su celda.
 */
import { z } from "zod";

export const TENDENCIAS = ["SUMA", "CRECIENTE", "CONSTANTE", "DECRECIENTE"] as const;
export const TendenciaSchema = z.enum(TENDENCIAS);
export type Tendencia = z.infer<typeof TendenciaSchema>;

export const PERIODICIDADES = ["MENSUAL", "BIMESTRAL", "TRIMESTRAL", "SEMESTRAL", "ANUAL"] as const;
export const PeriodicidadSchema = z.enum(PERIODICIDADES);
export type Periodicidad = z.infer<typeof PeriodicidadSchema>;

export const TipoIndicadorSchema = z.enum(["OBJETIVO", "PRODUCTO"]);
export type TipoIndicador = z.infer<typeof TipoIndicadorSchema>;

export const MESES = 12;
/** Nombres cortos de los meses, en el orden del año (índice 0 = enero). */
export const NOMBRES_MES = [
  "Ene",
  "Feb",
  "Mar",
  "Abr",
  "May",
  "Jun",
  "Jul",
  "Ago",
  "Sep",
  "Oct",
  "Nov",
  "Dic",
] as const;
export const NOMBRES_MES_LARGOS = [
  "enero",
  "febrero",
  "marzo",
  "abril",
  "mayo",
  "junio",
  "julio",
  "agosto",
  "septiembre",
  "octubre",
  "noviembre",
  "diciembre",
] as const;

const numero = z.number().nullable();
const texto = z.string().nullable();
/** Doce valores mensuales; índice 0 = enero. null = celda vacía (vacío no es cero). */
const serieNumerica = z.array(numero).length(MESES);
const serieTexto = z.array(texto).length(MESES);

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
  programado: z.array(z.number().int().nonnegative().nullable()).length(MESES),
  ejecutado: z.array(z.number().int().nonnegative().nullable()).length(MESES),
  cualitativo: z.array(z.number().int().nonnegative().nullable()).length(MESES),
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

export const TIPOS_RECURSO = ["INVERSION", "FUNCIONAMIENTO"] as const;

export const CAMPOS_PRESUPUESTO = [
  "codigoProducto",
  "tipoRecurso",
  "proyecto",
  "apropiacion",
  "compromisosAcumulados",
  "girosAcumulados",
] as const;
export type CampoPresupuesto = (typeof CAMPOS_PRESUPUESTO)[number];

export const FilaPresupuestoSchema = z.object({
  fila: z.number().int().positive(),
  codigoProducto: texto,
  tipoRecurso: z.enum(TIPOS_RECURSO).nullable(),
  tipoRecursoTexto: texto,
  proyecto: texto,
  apropiacion: numero,
  /** Compromisos mensuales (si la hoja los trae por mes). */
  compromisos: serieNumerica,
  compromisosAcumulados: numero,
  giros: serieNumerica,
  girosAcumulados: numero,
});
export type FilaPresupuesto = z.infer<typeof FilaPresupuestoSchema>;

export const HojaPresupuestoSchema = z.object({
  nombre: z.string(),
  filaEncabezado: z.number().int().positive(),
  columnas: z.object({
    campos: z.partialRecord(z.enum(CAMPOS_PRESUPUESTO), z.number().int().nonnegative()),
    compromisos: z.array(z.number().int().nonnegative().nullable()).length(MESES),
    giros: z.array(z.number().int().nonnegative().nullable()).length(MESES),
  }),
  filas: z.array(FilaPresupuestoSchema),
});
export type HojaPresupuesto = z.infer<typeof HojaPresupuestoSchema>;

export const CAMPOS_TERRITORIAL = ["codigoIndicador", "localidad", "metaVigencia", "ejecutado"] as const;
export type CampoTerritorial = (typeof CAMPOS_TERRITORIAL)[number];

export const FilaTerritorialSchema = z.object({
  fila: z.number().int().positive(),
  codigoIndicador: texto,
  /** Texto tal como está en la hoja. */
  localidadTexto: texto,
  /** 1–20 para las localidades de Bogotá, 0 para Distrital, null si no se reconoce. */
  localidad: z.number().int().min(0).max(20).nullable(),
  metaVigencia: numero,
  ejecutado: numero,
});
export type FilaTerritorial = z.infer<typeof FilaTerritorialSchema>;

export const HojaTerritorialSchema = z.object({
  nombre: z.string(),
  filaEncabezado: z.number().int().positive(),
  columnas: z.object({
    campos: z.partialRecord(z.enum(CAMPOS_TERRITORIAL), z.number().int().nonnegative()),
  }),
  filas: z.array(FilaTerritorialSchema),
});
export type HojaTerritorial = z.infer<typeof HojaTerritorialSchema>;

/**
 * Lo que el lector encontró y no pudo leer. No son excepciones: las reglas de Estructura los
 * convierten en hallazgos con su hoja y celda.
 */
export const ProblemaLecturaSchema = z.object({
  tipo: z.enum([
    /** No hay hoja PMR (ni por nombre ni por encabezados). */
    "hoja-faltante",
    /** Falta una columna obligatoria; `detalle` es el encabezado canónico. */
    "columna-faltante",
    /** Una celda tiene un valor de error de Excel (#REF!, #N/A…); `detalle` es el error. */
    "error-celda",
    /** Una celda tiene un texto que no se puede leer como número; `detalle` es el texto. */
    "valor-ilegible",
    /** Dos columnas con el mismo significado; se usa la primera. `detalle` es el encabezado. */
    "columna-duplicada",
    /**
     * Un número con formato de fecha u hora en una columna de cifras: se toma el número tal
     * cual; `detalle` es la fecha que muestra y su número («31/01/2025, número 45688»).
     */
    "fecha-en-numero",
  ]),
  hoja: z.string(),
  /** Dirección A1 de la celda (o del rango); null cuando el problema es de todo el libro. */
  celda: z.string().nullable(),
  /** Nombre del campo afectado (p. ej. "metaVigencia", "ejecutado.3"), si aplica. */
  campo: z.string().nullable(),
  detalle: z.string(),
});
export type ProblemaLectura = z.infer<typeof ProblemaLecturaSchema>;

export const ModeloPmrSchema = z.object({
  pmr: HojaPmrSchema.nullable(),
  presupuesto: HojaPresupuestoSchema.nullable(),
  territorial: HojaTerritorialSchema.nullable(),
  lectura: z.array(ProblemaLecturaSchema),
});
export type ModeloPmr = z.infer<typeof ModeloPmrSchema>;

/** Serie vacía de doce meses. */
export function serieVacia<T>(): (T | null)[] {
  return new Array<T | null>(MESES).fill(null);
}
