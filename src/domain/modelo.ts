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
import { ConsolidacionSchema } from "./consolidacion";
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
  /** Columna repetida: el encabezado tal como está escrito, si no es el canónico. */
  encabezado: z.string().optional(),
  /** Columna repetida: la celda del encabezado de la columna que sí se lee, cuando no es la primera (va a la derecha). */
  usada: z.string().optional(),
});
export type ProblemaLectura = z.infer<typeof ProblemaLecturaSchema>;

const avisoBase = {
  hoja: z.string(),
  /** Celda o rango que señala el aviso (el encabezado de la columna, o las celdas afectadas). */
  celda: z.string(),
};

/**
 * Lo que el lector decidió o no pudo decidir sobre columnas y filas (PMR-SPEC §4: nunca ignora en
 * silencio una columna que parece un dato ni adivina una escala sin decirlo). Las reglas de
 * Estructura los convierten en hallazgos; el mensaje lo redacta la regla.
 */
export const AvisoLecturaSchema = z.discriminatedUnion("tipo", [
  /** Una columna cuyo encabezado parece un dato (meta, ejecución, peso, trimestre…) y no se leyó. */
  z.object({ tipo: z.literal("columna-no-leida"), ...avisoBase, encabezado: z.string() }),
  /** Una columna con datos cuyo encabezado es un porcentaje calculado («% de avance»); no se leyó. */
  z.object({ tipo: z.literal("columna-calculada"), ...avisoBase, encabezado: z.string() }),
  /** Un encabezado que podría ser dos campos o más (`campos`: sus claves); no se leyó. */
  z.object({
    tipo: z.literal("columna-ambigua"),
    ...avisoBase,
    encabezado: z.string(),
    campos: z.array(z.string()),
  }),
  /** Una columna de cifras con textos en la mayoría de sus celdas (`textos` de `celdas` con dato). */
  z.object({
    tipo: z.literal("columna-texto"),
    ...avisoBase,
    encabezado: z.string(),
    campo: z.string(),
    textos: z.number().int(),
    celdas: z.number().int(),
    ejemplo: z.string(),
    celdaEjemplo: z.string(),
  }),
  /**
   * Ponderaciones leídas en puntos porcentuales (0,71 = 0,71 %) porque el grupo suma cerca de 100;
   * `grupo`: el código del objetivo, o null si es toda la hoja; `ejemplo`: un valor que cambió.
   */
  z.object({
    tipo: z.literal("escala-ponderacion"),
    ...avisoBase,
    grupo: z.string().nullable(),
    suma: z.number(),
    ejemplo: z.number(),
  }),
  /**
   * Una columna de meta con año («Meta 2026») de otra vigencia: en `filas` filas de las vigencias
   * `vigencias` no se tomó como meta vigencia; con `filas` 0, la columna no se leyó porque se usa
   * `usada` (otra del mismo campo con otro año) o porque no se pudo saber cuál usar (`usada` null).
   */
  z.object({
    tipo: z.literal("meta-otra-vigencia"),
    ...avisoBase,
    encabezado: z.string(),
    anio: z.number().int(),
    filas: z.number().int(),
    vigencias: z.array(z.number()),
    usada: z.string().nullable(),
  }),
  /** Códigos tomados del comienzo de los nombres (`campo`: el código) porque la hoja no tiene su columna. */
  z.object({
    tipo: z.literal("codigos-en-nombres"),
    ...avisoBase,
    campo: z.string(),
    encabezado: z.string(),
    ejemplo: z.string(),
    codigo: z.string(),
  }),
]);
export type AvisoLectura = z.infer<typeof AvisoLecturaSchema>;

/** Una clave por tipo de hoja del registro (`pmr`, `presupuesto`, `territorial`): su hoja o null si el libro no la tiene. */
type EsquemasHojas = { [K in IdHoja]: z.ZodNullable<(typeof HOJAS)[K]["esquema"]> };
const esquemasHojas = Object.fromEntries(
  Object.entries(HOJAS).map(([id, d]) => [id, d.esquema.nullable()]),
) as EsquemasHojas;

export const ModeloPmrSchema = z.object({
  ...esquemasHojas,
  lectura: z.array(ProblemaLecturaSchema),
  /** Decisiones y dudas del lector sobre columnas y filas (el lector siempre lo llena). */
  avisos: z.array(AvisoLecturaSchema).optional(),
  /** Solo en un modelo consolidado de varios libros (PMR-SPEC §6.6): el origen de cada fila. */
  consolidacion: ConsolidacionSchema.optional(),
});
export type ModeloPmr = z.infer<typeof ModeloPmrSchema>;
