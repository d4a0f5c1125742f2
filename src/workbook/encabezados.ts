/**
 * Reconocimiento de encabezados (PMR-SPEC §4). El diccionario de cada tipo de hoja (encabezado
 * canónico, sinónimos, prefijos de las series mensuales) está en su descriptor
 * (src/domain/hojas); aquí se compila una sola vez por descriptor en mapas de búsqueda. El lector
 * normaliza cada celda de encabezado una sola vez y busca en esos mapas.
 *
 * Normalización de encabezados (normalizarPalabras): sin tildes, minúsculas, toda puntuación como
 * espacio y sin las palabras «de», «del», «la», «las», «el», «los». Así «Cód. objetivo» = «cod
 * objetivo», «Tipo de indicador» = «Tipo indicador» y «Programación de enero» = «Programación enero».
 */
import { normalizarPalabras, type CualquierDescriptor } from "../domain/hojas";
import { NOMBRES_MES } from "../domain/catalogos";
import { normalizarTexto } from "../domain/valores";

/** Un encabezado de más de estos caracteres no es un encabezado (es un título o un texto). */
const LARGO_MAXIMO_ENCABEZADO = 120;
const NO_ALFANUMERICO = /[^a-z0-9]+/g;
const ANIO_COMPLETO = /^(?:19|20)\d\d$/;
const ANIO_CORTO = /^\d\d$/;

/** Texto de encabezado normalizado; "" si la celda no es un texto que pueda ser encabezado. */
export function normalizarEncabezado(v: unknown): string {
  if (typeof v !== "string" || v.length === 0 || v.length > LARGO_MAXIMO_ENCABEZADO) return "";
  return normalizarPalabras(v);
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

/**
 * Diccionario compilado de un descriptor: busca la clave de un encabezado normalizado.
 * Claves: el nombre del campo («metaVigencia») o «serie.mes» con el mes 1-based («ejecutado.3»).
 */
export class Diccionario {
  private readonly campos = new Map<string, string>();
  private readonly prefijos = new Map<string, string>();
  private readonly cache = new Map<string, string | null>();
  /** Clave → encabezado canónico (para los mensajes). */
  readonly canonico = new Map<string, string>();
  readonly obligatorios: readonly string[];

  constructor(readonly descriptor: CualquierDescriptor) {
    this.obligatorios = descriptor.obligatorios;
    for (const [campo, def] of Object.entries(descriptor.campos)) {
      this.canonico.set(campo, def.encabezados[0]);
      for (const t of def.encabezados) this.campos.set(normalizarEncabezado(t), campo);
    }
    for (const [serie, def] of Object.entries(descriptor.series)) {
      const prefijos = def.prefijos;
      for (let mes = 1; mes <= 12; mes++)
        this.canonico.set(`${serie}.${mes}`, `${prefijos[0]} ${NOMBRES_MES[mes - 1]}`);
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

const DICCIONARIOS = new WeakMap<CualquierDescriptor, Diccionario>();

/** El diccionario de un descriptor (se compila una vez). */
export function diccionario(descriptor: CualquierDescriptor): Diccionario {
  let d = DICCIONARIOS.get(descriptor);
  if (d === undefined) DICCIONARIOS.set(descriptor, (d = new Diccionario(descriptor)));
  return d;
}
