/**
 * Catálogos del dominio (PMR-SPEC §1 y §4): tendencias, periodicidades, tipos de indicador y los
 * meses. Los usan los esquemas de las hojas (src/domain/hojas), los cálculos y las reglas.
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

export const TIPOS_RECURSO = ["INVERSION", "FUNCIONAMIENTO"] as const;

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

/** Serie vacía de doce meses. */
export function serieVacia<T>(): (T | null)[] {
  return new Array<T | null>(MESES).fill(null);
}
