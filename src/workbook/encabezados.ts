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

/** Periodo de una columna de serie que no es un mes: se lee en su mes de cierre. */
export type PeriodoEncabezado = "bimestral" | "trimestral" | "semestral" | "anual";

/** Un encabezado reconocido. */
export interface Reconocido {
  /** El campo («metaVigencia») o «serie.mes» con el mes 1-based («ejecutado.3»). */
  clave: string;
  /**
   * 0: el encabezado canónico, un sinónimo o el mes de una serie (con su prefijo); 1: por las
   * palabras del campo con calificadores, o por un periodo. Si dos columnas dicen lo mismo, la de
   * calidad 0 se lee antes que la de calidad 1, sin importar el orden (a igual calidad, la primera).
   */
  calidad: 0 | 1;
  /** Años escritos en el encabezado («Meta 2026» → [2026]). */
  anios: readonly number[];
  /** Periodo de una columna de serie que no es un mes («I Trimestre» → trimestral). */
  periodo: PeriodoEncabezado | null;
}

/** Un encabezado que podría ser dos campos o más: no se lee y se avisa. */
export interface Ambiguo {
  ambiguo: readonly string[];
}

export type Reconocimiento = Reconocido | Ambiguo | null;

export function esReconocido(r: Reconocimiento): r is Reconocido {
  return r !== null && "clave" in r;
}

/**
 * Palabras que no cuentan al comparar por palabras del campo (además de «de», «del», «la», «las»,
 * «el», «los», que no cuentan nunca): «Ponderación en el objetivo», «Peso por indicador».
 */
const PALABRAS_SUELTAS = new Set(["en", "y", "o", "u", "e", "por", "para", "a", "al", "con", "su", "sus", "un", "una"]);

/** Un encabezado de más palabras (sin las que no cuentan) no se reconoce por palabras del campo. */
const MAXIMO_PALABRAS = 10;

/** Ordinales y números romanos de los periodos: «I», «primer», «1er», «2do», «tercero»… */
const ORDINALES: ReadonlyMap<string, number> = new Map([
  ...(["1", "i", "uno", "primer", "primero", "primera", "1er", "1ro", "1ra", "1o", "1a"].map((t) => [t, 1]) as [
    string,
    number,
  ][]),
  ...(["2", "ii", "dos", "segundo", "segunda", "2do", "2da", "2o", "2a"].map((t) => [t, 2]) as [string, number][]),
  ...(["3", "iii", "tres", "tercer", "tercero", "tercera", "3er", "3ro", "3ra", "3o", "3a"].map((t) => [t, 3]) as [
    string,
    number,
  ][]),
  ...(["4", "iv", "cuatro", "cuarto", "cuarta", "4to", "4ta", "4o", "4a"].map((t) => [t, 4]) as [string, number][]),
  ...(["5", "v", "cinco", "quinto", "quinta", "5to", "5ta", "5o"].map((t) => [t, 5]) as [string, number][]),
  ...(["6", "vi", "seis", "sexto", "sexta", "6to", "6ta", "6o"].map((t) => [t, 6]) as [string, number][]),
]);

/** Palabra del periodo → periodo, cuántos hay en el año y meses que dura. */
const PALABRAS_PERIODO: ReadonlyMap<string, { periodo: PeriodoEncabezado; cantidad: number; meses: number }> = new Map([
  ["trimestre", { periodo: "trimestral", cantidad: 4, meses: 3 }],
  ["trim", { periodo: "trimestral", cantidad: 4, meses: 3 }],
  ["semestre", { periodo: "semestral", cantidad: 2, meses: 6 }],
  ["sem", { periodo: "semestral", cantidad: 2, meses: 6 }],
  ["bimestre", { periodo: "bimestral", cantidad: 6, meses: 2 }],
  ["bim", { periodo: "bimestral", cantidad: 6, meses: 2 }],
]);

/** «T3», «Q4», «S1», «H2», «B5», «3T», «1S». */
const CODIGO_PERIODO = /^(?:([tqshb])([1-6])|([1-6])([tsb]))$/;
const LETRA_PERIODO: Readonly<Record<string, string>> = { t: "trim", q: "trim", s: "sem", h: "sem", b: "bim" };

/** Periodo de una o dos palabras («I trimestre», «trimestre 2», «T3»); null si no lo es. */
function periodoDe(palabras: readonly string[]): { periodo: PeriodoEncabezado; mes: number } | null {
  let palabra: string | undefined;
  let numero: number | undefined;
  if (palabras.length === 1) {
    const m = CODIGO_PERIODO.exec(palabras[0]);
    if (m === null) return null;
    palabra = LETRA_PERIODO[m[1] ?? m[4]];
    numero = Number(m[2] ?? m[3]);
  } else if (palabras.length === 2) {
    if (PALABRAS_PERIODO.has(palabras[1])) [numero, palabra] = [ORDINALES.get(palabras[0]), palabras[1]];
    else if (PALABRAS_PERIODO.has(palabras[0])) [palabra, numero] = [palabras[0], ORDINALES.get(palabras[1])];
  }
  const p = palabra === undefined ? undefined : PALABRAS_PERIODO.get(palabra);
  if (p === undefined || numero === undefined || numero < 1 || numero > p.cantidad) return null;
  return { periodo: p.periodo, mes: numero * p.meses };
}

/** ¿Es la palabra o el par de palabras un periodo o un mes (para saber si un encabezado suelto es relevante)? */
function tienePeriodoOMes(palabras: readonly string[]): boolean {
  for (let i = 0; i < palabras.length; i++) {
    if (MESES_POR_NOMBRE.has(palabras[i]) || periodoDe([palabras[i]]) !== null) return true;
    if (i + 1 < palabras.length && periodoDe([palabras[i], palabras[i + 1]]) !== null) return true;
  }
  return false;
}

/** Palabras del campo: las de un encabezado, un núcleo o un núcleo con años. */
interface Nucleo {
  campo: string;
  palabras: readonly string[];
  /** ¿Tiene una palabra clave del descriptor? (para los encabezados ambiguos) */
  relevante?: boolean;
  /** normal: con o sin años; anio: solo con un año; anios: solo con dos o más. */
  anios: "normal" | "anio" | "anios";
}

/** Palabras de un texto de vocabulario («Línea base» → ["linea", "base"]). */
function palabras(texto: string): string[] {
  const n = normalizarPalabras(texto);
  return n === "" ? [] : n.split(" ").filter((p) => !PALABRAS_SUELTAS.has(p));
}

/** Posición de `parte` dentro de `todo` (palabras seguidas); −1 si no está. */
function posicion(todo: readonly string[], parte: readonly string[]): number {
  if (parte.length === 0 || parte.length > todo.length) return -1;
  fuera: for (let i = 0; i + parte.length <= todo.length; i++) {
    for (let k = 0; k < parte.length; k++) if (todo[i + k] !== parte[k]) continue fuera;
    return i;
  }
  return -1;
}

/** Palabras que dicen que el encabezado es un atributo de un campo, no su valor («Año de la línea base», «Fuente de la meta»). */
export const ATRIBUTOS: ReadonlySet<string> = new Set([
  "ano",
  "fecha",
  "fuente",
  "responsable",
  "formula",
  "descripcion",
  "nota",
  "notas",
  "link",
  "enlace",
  "soporte",
  "evidencia",
]);
/** Palabras de un encabezado calculado a partir de otros («% de avance», «Porcentaje de cumplimiento»). */
const CALCULADOS = new Set([
  "porcentaje",
  "pct",
  "avance",
  "cumplimiento",
  "ejecucion",
  "fisico",
  "fisica",
  "acumulado",
  "total",
  "indicador",
  "meta",
]);
/** Palabras de CALCULADOS que solas no hacen un cálculo: «Meta (%)» o «Meta física %» pueden ser la meta en porcentaje. */
const CALCULADOS_NO_BASTAN = new Set(["meta", "total", "indicador", "fisico", "fisica"]);
/** Palabras que dicen que una subcolumna es el valor del campo de su grupo («Línea base» › «Valor»). */
export const PALABRAS_VALOR = new Set(["valor", "dato", "cifra", "numero", "cantidad", "resultado", "total", "meta"]);

/**
 * Diccionario compilado de un descriptor: reconoce un encabezado normalizado.
 *
 * Orden (el primero que reconoce gana):
 * 1. El encabezado canónico o un sinónimo, sin los años («Meta vigencia 2025») — calidad 0.
 * 2. Una serie: prefijo y mes («Programado Ene», «Enero programado») — calidad 0; con
 *    calificadores de la serie («Ejecución física enero») — calidad 1.
 * 3. Una serie por periodo: prefijo y trimestre, semestre o bimestre («Ejecución I trimestre»,
 *    «Avance Q4», «T3 2025» bajo «Ejecución»), o el año («Ejecución 2025», «Avance anual») en
 *    las series que lo admiten — calidad 1, en el mes de cierre del periodo.
 * 4. Por palabras del campo: una palabra del campo (sus encabezados y `nucleos`) y, fuera de
 *    ella, solo calificadores del campo («Peso relativo del indicador (%)»); las de `conAnio`
 *    solo con un año («Meta 2026»), las de `conAnios` con dos o más («Meta 2024-2027») — calidad
 *    1. Gana la palabra más larga; con años, una palabra con año gana a una igual de larga sin
 *    él. Dos campos empatados: ambiguo (no se lee; se avisa). Sin ninguno así, dos campos cuyas
 *    palabras aparecen en el encabezado («Meta plan / meta vigencia»): ambiguo.
 */
export class Diccionario {
  private readonly campos = new Map<string, string>();
  private readonly prefijos = new Map<string, string>();
  private readonly cache = new Map<string, Reconocimiento>();
  private readonly nucleos: Nucleo[] = [];
  private readonly calificadores = new Map<string, ReadonlySet<string>>();
  private readonly calificadoresSerie = new Map<string, ReadonlySet<string>>();
  private readonly periodosSerie = new Map<string, "todos" | "sin-anual">();
  private readonly clavesRelevantes: readonly (readonly string[])[];
  /** Clave → encabezado canónico (para los mensajes). */
  readonly canonico = new Map<string, string>();
  readonly obligatorios: readonly string[];

  constructor(readonly descriptor: CualquierDescriptor) {
    this.obligatorios = descriptor.obligatorios;
    const comunes = (descriptor.calificadoresComunes ?? []).flatMap(palabras);
    for (const [campo, def] of Object.entries(descriptor.campos)) {
      this.canonico.set(campo, def.encabezados[0]);
      for (const t of def.encabezados) this.campos.set(normalizarEncabezado(t), campo);
      for (const t of [...def.encabezados, ...(def.nucleos ?? [])])
        this.nucleos.push({ campo, palabras: palabras(t), anios: "normal" });
      for (const t of def.conAnio ?? []) this.nucleos.push({ campo, palabras: palabras(t), anios: "anio" });
      for (const t of def.conAnios ?? []) this.nucleos.push({ campo, palabras: palabras(t), anios: "anios" });
      this.calificadores.set(campo, new Set([...comunes, ...(def.calificadores ?? []).flatMap(palabras)]));
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
      this.calificadoresSerie.set(serie, new Set([...comunes, ...(def.calificadores ?? []).flatMap(palabras)]));
      if (def.periodos !== undefined) this.periodosSerie.set(serie, def.periodos);
    }
    this.clavesRelevantes = (descriptor.palabrasClave ?? []).map((p) => normalizarPalabras(p).split(" "));
    for (const n of this.nucleos) n.relevante = this.esRelevante(n.palabras);
  }

  /** Clave de un encabezado normalizado, o null si no es ninguno de los conocidos (o es ambiguo). */
  clave(normalizado: string): string | null {
    if (normalizado === "") return null;
    const directa = this.campos.get(normalizado);
    if (directa !== undefined) return directa;
    const r = this.reconocer(normalizado);
    return esReconocido(r) ? r.clave : null;
  }

  /** Lo que es un encabezado normalizado: su clave (con calidad, años y periodo), ambiguo o nada. */
  reconocer(normalizado: string): Reconocimiento {
    if (normalizado === "") return null;
    const guardada = this.cache.get(normalizado);
    if (guardada !== undefined) return guardada;
    const directa = this.campos.get(normalizado);
    const r: Reconocimiento =
      directa !== undefined ? { clave: directa, calidad: 0, anios: [], periodo: null } : this.buscar(normalizado);
    if (this.cache.size < 10_000) this.cache.set(normalizado, r);
    return r;
  }

  /**
   * ¿Parece el encabezado de un dato que el lector debería leer? Sí si tiene una palabra clave
   * del descriptor («meta», «ejecu», «pondera»…), un mes o un periodo, y no es un atributo de un
   * campo («Año de la línea base», «Fuente de la meta») ni un porcentaje calculado («% de avance»).
   * `texto` es el original (para ver el signo «%»).
   */
  relevante(normalizado: string, texto: string): boolean {
    if (normalizado === "") return false;
    const todas = normalizado.split(" ");
    const sinAnios = todas.filter((p) => !ANIO_COMPLETO.test(p));
    if (sinAnios.some((p) => ATRIBUTOS.has(p))) return false;
    if (this.calculada(normalizado, texto)) return false;
    if (tienePeriodoOMes(sinAnios)) return true;
    return this.clavesRelevantes.some((clave) =>
      clave.length === 1 ? sinAnios.some((p) => p.startsWith(clave[0])) : posicion(sinAnios, clave) >= 0,
    );
  }

  /**
   * ¿Es el encabezado de un porcentaje calculado por el libro («% de avance», «Porcentaje de
   * cumplimiento de la meta»)? No es un dato del PMR: el complemento calcula el suyo. «Meta (%)»,
   * «Meta física %» o «Total %» no lo son (pueden ser la meta o un total en porcentaje).
   */
  calculada(normalizado: string, texto: string): boolean {
    if (normalizado === "") return false;
    const sinAnios = normalizado.split(" ").filter((p) => !ANIO_COMPLETO.test(p));
    return (
      (texto.includes("%") || sinAnios.includes("porcentaje")) &&
      sinAnios.every((p) => CALCULADOS.has(p)) &&
      sinAnios.some((p) => !CALCULADOS_NO_BASTAN.has(p))
    );
  }

  /** Serie de unas palabras: un prefijo exacto (calidad 0) o con calificadores de la serie (calidad 1). */
  private serie(resto: readonly string[]): { serie: string; calidad: 0 | 1 } | null {
    if (resto.length === 0) return null;
    const exacta = this.prefijos.get(resto.join(" "));
    if (exacta !== undefined) return { serie: exacta, calidad: 0 };
    for (const [serie, cal] of this.calificadoresSerie) {
      if (cal.size === 0) continue;
      const sin = resto.filter((p) => !cal.has(p) && !PALABRAS_SUELTAS.has(p));
      if (sin.length === 0 || sin.length === resto.length) continue;
      if (this.prefijos.get(sin.join(" ")) === serie) return { serie, calidad: 1 };
    }
    return null;
  }

  private buscar(normalizado: string): Reconocimiento {
    // Los años no cuentan para reconocer el campo, pero se guardan: «Programación 2025» sobre
    // «Ene», «Programado Ene 2025», «Ejecutado ene-25», «Meta vigencia 2025», «Meta 2026». Un año
    // de dos cifras solo al final (tras un mes o un campo).
    const anios: number[] = [];
    let partes = normalizado.split(" ").filter((p) => {
      if (!ANIO_COMPLETO.test(p)) return true;
      anios.push(Number(p));
      return false;
    });
    if (partes.length > 1 && ANIO_CORTO.test(partes[partes.length - 1])) partes = partes.slice(0, -1);
    if (partes.length === 0) return null;
    const sinAnio = partes.join(" ");
    if (sinAnio !== normalizado) {
      const campo = this.campos.get(sinAnio);
      if (campo !== undefined) return { clave: campo, calidad: 0, anios, periodo: null };
    }
    if (partes.length >= 2) {
      // «Programado Ene» (prefijo + mes) o «Enero programado» (mes + prefijo).
      const mesFinal = MESES_POR_NOMBRE.get(partes[partes.length - 1]);
      const mesInicial = MESES_POR_NOMBRE.get(partes[0]);
      const porMes =
        (mesFinal !== undefined ? this.conMes(partes.slice(0, -1), mesFinal, anios) : null) ??
        (mesInicial !== undefined ? this.conMes(partes.slice(1), mesInicial, anios) : null);
      if (porMes !== null) return porMes;
    }
    return this.porPeriodo(partes, anios) ?? this.porPalabras(partes, anios);
  }

  private conMes(resto: readonly string[], mes: number, anios: readonly number[]): Reconocido | null {
    const s = this.serie(resto);
    return s === null ? null : { clave: `${s.serie}.${mes}`, calidad: s.calidad, anios, periodo: null };
  }

  /** «Ejecución I trimestre», «Avance Q4», «Semestre 2 programado», «Ejecución 2025», «Avance anual». */
  private porPeriodo(partes: readonly string[], anios: readonly number[]): Reconocido | null {
    const n = partes.length;
    const intentos: [readonly string[], readonly string[]][] = [];
    for (const largo of [1, 2]) {
      if (n > largo) {
        intentos.push([partes.slice(n - largo), partes.slice(0, n - largo)]);
        intentos.push([partes.slice(0, largo), partes.slice(largo)]);
      }
    }
    for (const [periodo, resto] of intentos) {
      const p = periodoDe(periodo);
      if (p === null) continue;
      const s = this.serie(resto);
      if (s !== null && this.periodosSerie.has(s.serie))
        return { clave: `${s.serie}.${p.mes}`, calidad: 1, anios, periodo: p.periodo };
    }
    // El año: «Ejecución 2025» (un solo año y solo el prefijo) o «Avance anual».
    const anual = partes[n - 1] === "anual" ? partes.slice(0, -1) : partes[0] === "anual" ? partes.slice(1) : null;
    const resto = anual ?? (anios.length === 1 ? partes : null);
    if (resto !== null) {
      const s = this.serie(resto);
      if (s !== null && this.periodosSerie.get(s.serie) === "todos")
        return { clave: `${s.serie}.12`, calidad: 1, anios, periodo: "anual" };
    }
    return null;
  }

  /** Por las palabras del campo y sus calificadores (ver la clase). */
  private porPalabras(partes: readonly string[], anios: readonly number[]): Reconocimiento {
    const todas = partes.filter((p) => !PALABRAS_SUELTAS.has(p));
    // Un encabezado es corto: un texto de muchas palabras (un nombre, una frase) no se compara.
    if (todas.length === 0 || todas.length > MAXIMO_PALABRAS) return null;
    let mejor: { campos: Set<string>; largo: number; conAnio: boolean } | null = null;
    for (const nucleo of this.nucleos) {
      if (nucleo.anios === "anio" && anios.length !== 1) continue;
      if (nucleo.anios === "anios" && new Set(anios).size < 2) continue;
      const i = posicion(todas, nucleo.palabras);
      if (i < 0) continue;
      const cal = this.calificadores.get(nucleo.campo)!;
      let valido = true;
      for (let k = 0; k < todas.length && valido; k++) {
        if (k >= i && k < i + nucleo.palabras.length) continue;
        valido = cal.has(todas[k]);
      }
      if (!valido) continue;
      const largo = nucleo.palabras.length;
      const conAnio = nucleo.anios !== "normal";
      if (mejor === null || largo > mejor.largo || (largo === mejor.largo && conAnio && !mejor.conAnio)) {
        mejor = { campos: new Set([nucleo.campo]), largo, conAnio };
      } else if (largo === mejor.largo && conAnio === mejor.conAnio) mejor.campos.add(nucleo.campo);
    }
    if (mejor !== null) {
      if (mejor.campos.size === 1) return { clave: [...mejor.campos][0], calidad: 1, anios, periodo: null };
      return { ambiguo: [...mejor.campos] };
    }
    // Sin ninguno: ¿aparecen palabras relevantes de dos campos? («Meta plan / Meta vigencia»).
    const tramos: { campo: string; desde: number; hasta: number }[] = [];
    for (const nucleo of this.nucleos) {
      if (nucleo.anios !== "normal" || nucleo.relevante !== true) continue;
      const i = posicion(todas, nucleo.palabras);
      if (i >= 0) tramos.push({ campo: nucleo.campo, desde: i, hasta: i + nucleo.palabras.length });
    }
    // Un tramo dentro de otro de otro campo no cuenta («vigencia» dentro de «meta vigencia»).
    const campos = new Set(
      tramos
        .filter(
          (t) =>
            !tramos.some(
              (o) =>
                o.campo !== t.campo &&
                o.desde <= t.desde &&
                o.hasta >= t.hasta &&
                o.hasta - o.desde > t.hasta - t.desde,
            ),
        )
        .map((t) => t.campo),
    );
    return campos.size >= 2 ? { ambiguo: [...campos] } : null;
  }

  private esRelevante(p: readonly string[]): boolean {
    return this.clavesRelevantes.some((clave) =>
      clave.length === 1 ? p.some((x) => x.startsWith(clave[0])) : posicion(p, clave) >= 0,
    );
  }
}

const DICCIONARIOS = new WeakMap<CualquierDescriptor, Diccionario>();

/** El diccionario de un descriptor (se compila una vez). */
export function diccionario(descriptor: CualquierDescriptor): Diccionario {
  let d = DICCIONARIOS.get(descriptor);
  if (d === undefined) DICCIONARIOS.set(descriptor, (d = new Diccionario(descriptor)));
  return d;
}
