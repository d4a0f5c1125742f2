/**
 * Hoja PMR (PMR-SPEC §4): una fila por indicador; las columnas del objetivo y del producto se
 * repiten en cada fila. Requerida.
 */
import { z } from "zod";
import { MESES, PeriodicidadSchema, TendenciaSchema, TipoIndicadorSchema, type TipoIndicador } from "../catalogos";
import { esVacio, leerPeriodicidad, leerTendencia, normalizarTexto } from "../valores";
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
  "estadoIndicador",
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
  /**
   * Texto de la celda de la línea base cuando dice «sin dato» («N/D», «ND», «Sin dato»…): la
   * línea base se lee vacía, pero el texto queda para avisarlo (MET-LB-SIN-DATO). Ausente si no.
   */
  lineaBaseTexto: z.string().optional(),
  /** Texto de la columna Estado del indicador, si la hoja la tiene y la celda no está vacía. */
  estadoIndicador: z.string().optional(),
  /**
   * Texto que marca la fila como histórica («No vigente», «Retirado», «Eliminado»…) en Estado del
   * indicador u Observaciones. Una fila así no se evalúa (va en `historicos` de la hoja). Ausente si no.
   */
  retiro: z.string().optional(),
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

/** Cómo vienen las columnas de una serie: por mes o por periodo (cada periodo en su mes de cierre). */
export const PERIODOS_REPORTE = ["mensual", "bimestral", "trimestral", "semestral", "anual", "mixto"] as const;
export const PeriodoReporteSchema = z.enum(PERIODOS_REPORTE);
export type PeriodoReporte = z.infer<typeof PeriodoReporteSchema>;

/** El reporte que se leyó, por serie (null: la hoja no tiene columnas de esa serie). */
export const ReportePmrSchema = z.object({
  programado: PeriodoReporteSchema.nullable(),
  ejecutado: PeriodoReporteSchema.nullable(),
  cualitativo: PeriodoReporteSchema.nullable(),
});
export type ReportePmr = z.infer<typeof ReportePmrSchema>;

export const HojaPmrSchema = z.object({
  nombre: z.string(),
  /** Fila (1-based) de la fila de encabezados (la de abajo si el encabezado ocupa dos filas). */
  filaEncabezado: z.number().int().positive(),
  columnas: ColumnasPmrSchema,
  indicadores: z.array(IndicadorSchema),
  /** Filas marcadas como históricas («No vigente», «Retirado»…): no se evalúan ni cuentan en los códigos repetidos. */
  historicos: z.array(IndicadorSchema).optional(),
  /** Reporte leído por serie («trimestral» si la ejecución viene por trimestre). Ausente en modelos que no vienen del lector. */
  reporte: ReportePmrSchema.optional(),
});
export type HojaPmr = z.infer<typeof HojaPmrSchema>;

/** Lo que dice un texto de la columna Tipo indicador. */
export interface LecturaTipo {
  /** El tipo, o null si el texto no es ninguno (fuera del catálogo) o pide deducirlo. */
  tipo: TipoIndicador | null;
  /** El texto es un tipo reconocido que no dice objetivo ni producto («Gestión»): se deduce del código de producto. */
  deducido: boolean;
}

const TIPO_OBJETIVO = new Set(["objetivo", "resultado", "impacto", "efecto"]);
const TIPO_PRODUCTO = new Set(["producto"]);
const TIPO_DEDUCIDO = new Set(["gestion"]);
const NO_TIPO: LecturaTipo = { tipo: null, deducido: false };

/**
 * Tipo de indicador de un texto: «Objetivo», «De objetivo», «Resultado», «Indicador de
 * resultado», «Impacto» → Objetivo; «Producto», «De producto», «Indicador de producto» →
 * Producto; «Gestión» → se deduce como una celda vacía (Producto si la fila tiene código de
 * producto, si no Objetivo). Otro texto: fuera del catálogo.
 */
export function clasificarTipo(t: string): LecturaTipo {
  if (t.length > 120) return NO_TIPO;
  let n = normalizarPalabras(t);
  for (const prefijo of ["tipo ", "nivel ", "indicador ", "indicadores "])
    if (n.startsWith(prefijo)) n = n.slice(prefijo.length);
  if (TIPO_OBJETIVO.has(n)) return { tipo: "OBJETIVO", deducido: false };
  if (TIPO_PRODUCTO.has(n)) return { tipo: "PRODUCTO", deducido: false };
  if (TIPO_DEDUCIDO.has(n)) return { tipo: null, deducido: true };
  return NO_TIPO;
}

/** Tipo de indicador de un texto (ver clasificarTipo); null si no es Objetivo ni Producto. */
export function tipoIndicadorDeTexto(t: string): TipoIndicador | null {
  return clasificarTipo(t).tipo;
}

const RETIRO =
  /^(?:indicador |fila |registro |meta )?(?:no vigente|retirad[oa]|eliminad[oa]|excluid[oa]|inactiv[oa]|anulad[oa]|suprimid[oa]|dad[oa] de baja|de baja|historic[oa])(?:$|[^a-z0-9])/;
/** Primeras letras posibles de una marca (para no normalizar cada observación de cada fila). */
const INICIO_RETIRO =
  /^\s*(?:indicador|fila|registro|meta|no|retirad|elimin|exclu|inactiv|anulad|suprimid|dad|de baja|hist)/i;

/**
 * ¿Marca este texto la fila como histórica? Sí si empieza por «No vigente», «Retirado»,
 * «Eliminado», «Excluido», «Inactivo», «Anulado», «Suprimido», «Dado de baja» o «Histórico»
 * (también «Indicador retirado»…), sin importar mayúsculas ni tildes. «Se eliminó…» no cuenta.
 */
export function esMarcaDeRetiro(t: string): boolean {
  return t.length <= 400 && INICIO_RETIRO.test(t) && RETIRO.test(normalizarTexto(t));
}

/** ¿Dice el texto «sin dato» («N/D», «ND», «Sin dato», «S/D», «No aplica»…)? Un guion o un vacío no cuentan. */
function esSinDato(t: string): boolean {
  const n = normalizarTexto(t);
  return n !== "" && !/^[-–—]+$/.test(n) && esVacio(n);
}

/** Palabras que pueden acompañar a las de casi cualquier campo de la hoja PMR. */
const DE_LA_CADENA = ["indicador", "producto", "objetivo", "resultado", "gestion", "meta", "pmr"];

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
      nucleos: ["Nro. objetivo", "Código objetivo estratégico"],
      calificadores: ["estratégico", "general", "específico", "institucional"],
      relleno: true,
    },
    objetivo: {
      encabezados: ["Objetivo", "Nombre objetivo", "Objetivo PMR", "Nombre del objetivo"],
      nucleos: ["Descripción del objetivo", "Objetivo estratégico"],
      calificadores: ["estratégico", "general", "específico", "institucional", "entidad", "nombre", "descripción"],
      relleno: true,
    },
    codigoProducto: {
      encabezados: ["Código producto", "Cód. producto", "ID producto", "Producto No.", "No. producto"],
      nucleos: ["Nro. producto", "Número producto", "Código del producto"],
      calificadores: ["entregable"],
      relleno: true,
    },
    producto: {
      encabezados: ["Producto", "Nombre producto", "Producto PMR", "Nombre del producto"],
      nucleos: ["Descripción del producto"],
      calificadores: ["entregable", "nombre", "descripción", "bien", "servicio"],
      relleno: true,
    },
    tipo: {
      encabezados: ["Tipo indicador", "Tipo de indicador"],
      nucleos: ["Clase de indicador", "Nivel del indicador", "Tipo"],
      calificadores: ["indicador"],
      relleno: true,
    },
    codigo: {
      encabezados: ["Código indicador", "Cód. indicador", "ID indicador", "Indicador No.", "No. indicador"],
      nucleos: ["Nro. indicador", "Número indicador", "Código del indicador"],
      calificadores: ["producto", "objetivo", "resultado", "gestión", "impacto"],
    },
    nombre: {
      encabezados: ["Indicador", "Nombre indicador", "Indicador PMR", "Nombre del indicador"],
      nucleos: ["Descripción del indicador", "Denominación del indicador"],
      calificadores: ["producto", "objetivo", "resultado", "gestión", "impacto", "nombre"],
    },
    unidad: {
      encabezados: ["Unidad de medida", "Unidad"],
      calificadores: DE_LA_CADENA,
      relleno: true,
    },
    tendencia: {
      encabezados: ["Tendencia", "Tipo de anualización", "Anualización", "Naturaleza"],
      nucleos: ["Tipo de acumulación", "Comportamiento"],
      calificadores: DE_LA_CADENA,
      relleno: true,
    },
    periodicidad: {
      encabezados: ["Periodicidad", "Periodicidad de medición", "Frecuencia", "Frecuencia de medición"],
      calificadores: [...DE_LA_CADENA, "medición", "reporte", "seguimiento", "cálculo", "medida"],
      relleno: true,
    },
    ponderacion: {
      encabezados: ["Ponderación", "Peso", "Ponderación indicador"],
      nucleos: ["Importancia", "Peso relativo", "Importancia relativa", "Peso porcentual"],
      calificadores: [
        ...DE_LA_CADENA,
        "relativo",
        "relativa",
        "porcentual",
        "porcentaje",
        "asignado",
        "asignada",
        "dentro",
        "pct",
      ],
    },
    lineaBase: {
      encabezados: ["Línea base", "LB", "Valor línea base"],
      calificadores: [...DE_LA_CADENA, "valor", "dato", "inicial"],
    },
    metaPlan: {
      encabezados: ["Meta plan", "Meta PMR total", "Meta cuatrienio", "Meta final"],
      nucleos: ["Meta total", "Meta plan de desarrollo", "Meta PDD", "Meta cuatrienal", "Meta del plan"],
      calificadores: [...DE_LA_CADENA, "total", "desarrollo", "plan", "pdd", "cuatrienio"],
      conAnios: ["Meta", "Meta total", "Meta plan"],
    },
    vigencia: {
      encabezados: ["Vigencia", "Año"],
      calificadores: ["fiscal", "reporte"],
      relleno: true,
    },
    metaVigencia: {
      encabezados: ["Meta vigencia", "Programación vigencia", "Meta anual"],
      nucleos: ["Meta de la vigencia", "Meta programada vigencia", "Programación anual"],
      calificadores: [...DE_LA_CADENA, "programada", "total"],
      conAnio: ["Meta", "Programación", "Programado", "Programada", "Meta programada", "Meta total"],
    },
    ejecutadoAnterior: {
      encabezados: ["Ejecutado vigencias anteriores", "Ejecución acumulada anterior"],
      nucleos: [
        "Ejecución vigencias anteriores",
        "Avance vigencias anteriores",
        "Ejecutado años anteriores",
        "Acumulado vigencias anteriores",
      ],
      calificadores: DE_LA_CADENA,
    },
    cualitativoActual: {
      encabezados: ["Avance cualitativo"],
      nucleos: ["Reporte cualitativo", "Análisis cualitativo", "Descripción del avance"],
      calificadores: [...DE_LA_CADENA, "corte", "periodo", "actual"],
    },
    observaciones: {
      encabezados: ["Observaciones", "Justificación"],
      nucleos: ["Observación", "Comentarios", "Justificación del avance"],
      calificadores: [...DE_LA_CADENA, "generales", "seguimiento"],
    },
    estadoIndicador: {
      encabezados: ["Estado del indicador", "Estado indicador", "Estado", "Situación"],
      calificadores: ["indicador", "registro", "fila", "actual"],
    },
  },
  series: {
    programado: {
      prefijos: ["Programado", "Prog.", "Programación", "Programada", "Meta"],
      calificadores: ["física", "fisico", "cuantitativa", "meta"],
      periodos: "sin-anual",
    },
    ejecutado: {
      prefijos: ["Ejecutado", "Ejec.", "Ejecución", "Ejecutada", "Avance"],
      calificadores: ["física", "físico", "cuantitativo", "cuantitativa", "reportado", "reportada", "real"],
      periodos: "todos",
    },
    cualitativo: {
      prefijos: ["Cualitativo", "Avance cualitativo", "Cualitativa", "Reporte cualitativo"],
      periodos: "todos",
    },
  },
  obligatorios: ["codigoObjetivo", "objetivo", "codigo", "nombre", "tendencia", "metaVigencia"],
  alternativas: { metaVigencia: { serie: "programado", nota: "o la programación mensual" } },
  identidad: ["codigoObjetivo", "objetivo", "codigo", "nombre"],
  palabrasClave: [
    "meta",
    "pondera",
    "peso",
    "importancia",
    "avance",
    "ejecu",
    "program",
    "trimestr",
    "semestr",
    "bimestr",
    "linea base",
    "tendencia",
    "anualiza",
    "periodicidad",
    "frecuencia",
    "vigencia",
    "cualitativ",
    "observac",
    "justifica",
    "acumulad",
    "logro",
  ],
  calificadoresComunes: ["pmr"],
  codigosEnNombres: { codigoObjetivo: "objetivo", codigoProducto: "producto", codigo: "nombre" },
  ponderaciones: { campo: "ponderacion", grupo: ["vigencia", "codigoObjetivo"] },
  vigencia: "vigencia",
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
    const lecturaTipo = tipoTexto === null ? null : l.interpretar(tipoTexto, clasificarTipo);
    const lineaBase = l.numero("lineaBase");
    const observaciones = l.texto("observaciones");
    const estado = l.texto("estadoIndicador");
    const ind: Indicador = {
      fila: l.fila,
      codigoObjetivo: l.texto("codigoObjetivo"),
      objetivo: l.texto("objetivo"),
      codigoProducto,
      producto: l.texto("producto"),
      // Sin columna, con la celda vacía o con un tipo que no lo dice («Gestión»): Producto si la
      // fila tiene código de producto, si no Objetivo.
      tipo:
        lecturaTipo === null || lecturaTipo.deducido
          ? codigoProducto === null
            ? "OBJETIVO"
            : "PRODUCTO"
          : lecturaTipo.tipo,
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
      lineaBase,
      metaPlan: l.numero("metaPlan"),
      vigencia: l.numero("vigencia"),
      metaVigencia: l.numero("metaVigencia"),
      ejecutadoAnterior: l.numero("ejecutadoAnterior"),
      programado: l.numeros("programado"),
      ejecutado: l.numeros("ejecutado"),
      cualitativo: l.textos("cualitativo"),
      cualitativoActual: l.texto("cualitativoActual"),
      observaciones,
    };
    if (lineaBase === null) {
      const crudo = l.crudo("lineaBase");
      if (typeof crudo === "string" && esSinDato(crudo)) ind.lineaBaseTexto = crudo.trim();
    }
    const retiro =
      estado !== null && l.interpretar(estado, esMarcaDeRetiro)
        ? estado
        : observaciones !== null && esMarcaDeRetiro(observaciones)
          ? observaciones
          : null;
    if (estado !== null) ind.estadoIndicador = estado;
    if (retiro !== null) ind.retiro = retiro;
    return ind;
  },
  historica: (f) => f.retiro !== undefined,
  construir: ({ periodos, ...base }, filas): HojaPmr => {
    const indicadores = filas.filter((f) => f.retiro === undefined);
    const hoja: HojaPmr = {
      ...base,
      indicadores,
      reporte: { programado: periodos.programado, ejecutado: periodos.ejecutado, cualitativo: periodos.cualitativo },
    };
    if (indicadores.length < filas.length) hoja.historicos = filas.filter((f) => f.retiro !== undefined);
    return hoja;
  },
});
