/**
 * El modelo PMR: esquemas zod (la única definición de cada forma) y los tipos inferidos. Las
 * hojas (la PMR con sus indicadores, el presupuesto, la territorial) se definen cada una en su
 * descriptor (src/domain/hojas) y el modelo tiene una clave por cada tipo de hoja del registro;
 * aquí quedan los problemas de lectura y el modelo completo. Se reexportan los catálogos y las
 * hojas para que `domain/modelo` siga siendo el lugar de donde se importa el modelo.
 *
 * Un indicador guarda sus valores ya leídos (números, textos o null = vacío) y el número de
 * fila de la hoja; la dirección A1 de cualquier valor se obtiene con `celdaIndicador`, a partir
 * del mapa de columnas de la hoja. Así el modelo es compacto (50 000 indicadores caben sin
 * crear un objeto por celda) y cada valor conserva su hoja y su celda.
 */
import { z } from "zod";
import { HOJAS, type IdHoja } from "./hojas";

export * from "./catalogos";
export * from "./hojas";

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
  ]),
  hoja: z.string(),
  /** Dirección A1 de la celda (o del rango); null cuando el problema es de todo el libro. */
  celda: z.string().nullable(),
  /** Nombre del campo afectado (p. ej. "metaVigencia", "ejecutado.3"), si aplica. */
  campo: z.string().nullable(),
  detalle: z.string(),
});
export type ProblemaLectura = z.infer<typeof ProblemaLecturaSchema>;

/** Una clave por tipo de hoja del registro (`pmr`, `presupuesto`, `territorial`): su hoja o null si el libro no la tiene. */
type EsquemasHojas = { [K in IdHoja]: z.ZodNullable<(typeof HOJAS)[K]["esquema"]> };
const esquemasHojas = Object.fromEntries(
  Object.entries(HOJAS).map(([id, d]) => [id, d.esquema.nullable()]),
) as EsquemasHojas;

export const ModeloPmrSchema = z.object({
  ...esquemasHojas,
  lectura: z.array(ProblemaLecturaSchema),
});
export type ModeloPmr = z.infer<typeof ModeloPmrSchema>;
