/**
 * Encabezados reconocidos (PMR-SPEC §4): el texto canónico de cada columna, sus sinónimos y los
 * prefijos de las series mensuales. Todo se normaliza una sola vez al cargar el módulo; el lector
 * normaliza cada celda de encabezado una sola vez y busca en estos mapas.
 *
 * Normalización de encabezados: sin tildes, minúsculas, toda puntuación como espacio y sin las
 * palabras «de», «del», «la», «las», «el», «los». Así «Cód. objetivo» = «cod objetivo»,
 * «Tipo de indicador» = «Tipo indicador» y «Programación de enero» = «Programación enero».
 */
import { normalizarTexto } from "../domain/valores";

/** Un encabezado de más de estos caracteres no es un encabezado (es un título o un texto). */
const LARGO_MAXIMO_ENCABEZADO = 120;
const NO_ALFANUMERICO = /[^a-z0-9]+/g;
const PALABRAS_VACIAS = new Set(["de", "del", "la", "las", "el", "los"]);
const ANIO_COMPLETO = /^(?:19|20)\d\d$/;
const ANIO_CORTO = /^\d\d$/;

/** Texto de encabezado normalizado; "" si la celda no es un texto que pueda ser encabezado. */
export function normalizarEncabezado(v: unknown): string {
  if (typeof v !== "string" || v.length === 0 || v.length > LARGO_MAXIMO_ENCABEZADO) return "";
  const base = normalizarTexto(v).replace(NO_ALFANUMERICO, " ").trim();
  if (base === "") return "";
  const partes = base.split(" ");
  let salida = "";
  for (const p of partes) {
    if (PALABRAS_VACIAS.has(p)) continue;
    salida = salida === "" ? p : salida + " " + p;
  }
  return salida;
}

/** Nombre normalizado de una hoja, sin espacios ni puntuación: «PMR_Presupuesto» → «pmrpresupuesto». */
export function normalizarNombreHoja(nombre: string): string {
  return normalizarTexto(nombre).replace(NO_ALFANUMERICO, "");
}

const MESES_POR_NOMBRE: ReadonlyMap<string, number> = new Map([
  ["ene", 1],
  ["enero", 1],
  ["feb", 2],
  ["febrero", 2],
  ["mar", 3],
  ["marzo", 3],
  ["abr", 4],
  ["abril", 4],
  ["may", 5],
  ["mayo", 5],
  ["jun", 6],
  ["junio", 6],
  ["jul", 7],
  ["julio", 7],
  ["ago", 8],
  ["agosto", 8],
  ["sep", 9],
  ["sept", 9],
  ["septiembre", 9],
  ["setiembre", 9],
  ["oct", 10],
  ["octubre", 10],
  ["nov", 11],
  ["noviembre", 11],
  ["dic", 12],
  ["diciembre", 12],
]);

/** Mes (1–12) de un encabezado normalizado que es solo un nombre de mes; 0 si no lo es. */
export function mesDeEncabezado(normalizado: string): number {
  return MESES_POR_NOMBRE.get(normalizado) ?? 0;
}

/** Definición de las columnas de un tipo de hoja. */
export interface DefinicionHoja<C extends string, S extends string> {
  /** Campo → encabezado canónico y sinónimos (el primero es el canónico). */
  campos: Record<C, readonly string[]>;
  /** Serie mensual → prefijos aceptados (el primero es el canónico: «Programado Ene»). */
  series: Record<S, readonly string[]>;
  /** Campos obligatorios para reconocer la hoja por sus encabezados. */
  obligatorios: readonly C[];
}

/**
 * Diccionario compilado de una definición: busca la clave de un encabezado normalizado.
 * Claves: el nombre del campo («metaVigencia») o «serie.mes» con el mes 1-based («ejecutado.3»).
 */
export class Diccionario {
  private readonly campos = new Map<string, string>();
  private readonly prefijos = new Map<string, string>();
  private readonly cache = new Map<string, string | null>();
  /** Clave → encabezado canónico (para los mensajes). */
  readonly canonico = new Map<string, string>();
  readonly obligatorios: readonly string[];

  constructor(definicion: DefinicionHoja<string, string>) {
    this.obligatorios = definicion.obligatorios;
    for (const [campo, textos] of Object.entries(definicion.campos) as [string, readonly string[]][]) {
      this.canonico.set(campo, textos[0]);
      for (const t of textos) this.campos.set(normalizarEncabezado(t), campo);
    }
    for (const [serie, prefijos] of Object.entries(definicion.series) as [string, readonly string[]][]) {
      for (let mes = 1; mes <= 12; mes++) this.canonico.set(`${serie}.${mes}`, `${prefijos[0]} ${NOMBRE_MES[mes - 1]}`);
      for (const p of prefijos) {
        const n = normalizarEncabezado(p);
        this.prefijos.set(n, serie);
        this.prefijos.set(n + " mensual", serie);
      }
    }
  }

  /** Clave de un encabezado normalizado, o null si no es ninguno de los conocidos. */
  clave(normalizado: string): string | null {
    if (normalizado === "") return null;
    const directa = this.campos.get(normalizado);
    if (directa !== undefined) return directa;
    const guardada = this.cache.get(normalizado);
    if (guardada !== undefined) return guardada;
    const c = this.buscar(normalizado);
    if (this.cache.size < 10_000) this.cache.set(normalizado, c);
    return c;
  }

  private buscar(normalizado: string): string | null {
    // Los años no cuentan: «Programación 2025» sobre «Ene», «Programado Ene 2025», «Ejecutado
    // ene-25», «Meta vigencia 2025». Un año de dos cifras solo al final (tras un mes o un campo).
    let partes = normalizado.split(" ").filter((p) => !ANIO_COMPLETO.test(p));
    if (partes.length > 1 && ANIO_CORTO.test(partes[partes.length - 1])) partes = partes.slice(0, -1);
    if (partes.length === 0) return null;
    const sinAnio = partes.join(" ");
    if (sinAnio !== normalizado) {
      const campo = this.campos.get(sinAnio);
      if (campo !== undefined) return campo;
    }
    if (partes.length < 2) return null;
    // «Programado Ene» (prefijo + mes) o «Enero programado» (mes + prefijo).
    const mesFinal = MESES_POR_NOMBRE.get(partes[partes.length - 1]);
    if (mesFinal !== undefined) {
      const serie = this.prefijos.get(partes.slice(0, -1).join(" "));
      if (serie !== undefined) return `${serie}.${mesFinal}`;
    }
    const mesInicial = MESES_POR_NOMBRE.get(partes[0]);
    if (mesInicial !== undefined) {
      const serie = this.prefijos.get(partes.slice(1).join(" "));
      if (serie !== undefined) return `${serie}.${mesInicial}`;
    }
    return null;
  }
}

const NOMBRE_MES = ["Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Sep", "Oct", "Nov", "Dic"] as const;

/** Hoja PMR (§4): campos de CAMPOS_PMR y series de SERIES_PMR del modelo. */
export const DEFINICION_PMR = {
  campos: {
    codigoObjetivo: [
      "Código objetivo",
      "Cód. objetivo",
      "ID objetivo",
      "Objetivo No.",
      "No. objetivo",
      "Número objetivo",
      "Objetivo N°",
      "Código del objetivo",
    ],
    objetivo: ["Objetivo", "Nombre objetivo", "Objetivo PMR", "Nombre del objetivo"],
    codigoProducto: ["Código producto", "Cód. producto", "ID producto", "Producto No.", "No. producto"],
    producto: ["Producto", "Nombre producto", "Producto PMR", "Nombre del producto"],
    tipo: ["Tipo indicador", "Tipo de indicador"],
    codigo: ["Código indicador", "Cód. indicador", "ID indicador", "Indicador No.", "No. indicador"],
    nombre: ["Indicador", "Nombre indicador", "Indicador PMR", "Nombre del indicador"],
    unidad: ["Unidad de medida", "Unidad"],
    tendencia: ["Tendencia", "Tipo de anualización", "Anualización", "Naturaleza"],
    periodicidad: ["Periodicidad", "Periodicidad de medición", "Frecuencia", "Frecuencia de medición"],
    ponderacion: ["Ponderación", "Peso", "Ponderación indicador"],
    lineaBase: ["Línea base", "LB", "Valor línea base"],
    metaPlan: ["Meta plan", "Meta PMR total", "Meta cuatrienio", "Meta final"],
    vigencia: ["Vigencia", "Año"],
    metaVigencia: ["Meta vigencia", "Programación vigencia", "Meta anual"],
    ejecutadoAnterior: ["Ejecutado vigencias anteriores", "Ejecución acumulada anterior"],
    cualitativoActual: ["Avance cualitativo"],
    observaciones: ["Observaciones", "Justificación"],
  },
  series: {
    programado: ["Programado", "Prog.", "Programación", "Programada", "Meta"],
    ejecutado: ["Ejecutado", "Ejec.", "Ejecución", "Ejecutada", "Avance"],
    cualitativo: ["Cualitativo", "Avance cualitativo", "Cualitativa", "Reporte cualitativo"],
  },
  obligatorios: ["codigoObjetivo", "objetivo", "codigo", "nombre", "tendencia", "metaVigencia"],
} as const satisfies DefinicionHoja<string, string>;

/** Hoja PMR_Presupuesto (§4). */
export const DEFINICION_PRESUPUESTO = {
  campos: {
    codigoProducto: ["Código producto", "Cód. producto", "ID producto", "Producto No.", "No. producto"],
    tipoRecurso: ["Tipo de recurso", "Tipo recursos", "Tipo de gasto", "Recurso"],
    proyecto: ["Proyecto de inversión", "Proyecto", "Código proyecto", "Proyecto inversión"],
    apropiacion: ["Apropiación vigente", "Apropiación", "Apropiación definitiva", "Presupuesto vigente"],
    compromisosAcumulados: ["Compromisos acumulados", "Compromisos", "Total compromisos", "Compromisos acumulado"],
    girosAcumulados: ["Giros acumulados", "Giros", "Total giros", "Giros acumulado"],
  },
  series: {
    compromisos: ["Compromisos", "Compromiso"],
    giros: ["Giros", "Giro"],
  },
  obligatorios: ["codigoProducto", "apropiacion"],
} as const satisfies DefinicionHoja<string, string>;

/** Hoja PMR_Territorial (§4). */
export const DEFINICION_TERRITORIAL = {
  campos: {
    codigoIndicador: ["Código indicador", "Cód. indicador", "ID indicador", "Indicador No.", "No. indicador"],
    localidad: ["Localidad", "Nombre localidad", "Código localidad", "Localidad No."],
    metaVigencia: ["Meta vigencia", "Meta anual", "Programación vigencia", "Meta localidad", "Meta"],
    ejecutado: ["Ejecutado", "Ejecución", "Ejecutado acumulado", "Avance"],
  },
  series: {},
  obligatorios: ["codigoIndicador", "localidad"],
} as const satisfies DefinicionHoja<string, string>;

export const DICCIONARIO_PMR = new Diccionario(DEFINICION_PMR);
export const DICCIONARIO_PRESUPUESTO = new Diccionario(DEFINICION_PRESUPUESTO);
export const DICCIONARIO_TERRITORIAL = new Diccionario(DEFINICION_TERRITORIAL);
