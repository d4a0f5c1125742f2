/**
 * Comparación de dos estados de los indicadores por su CÓDIGO (PMR-SPEC §6.2): indicadores
 * añadidos, eliminados y cada valor cambiado (campo, mes, antes, después, fila en cada lado).
 * Es la única definición: la usan las reglas de Cierre (sello guardado → libro actual) y
 * `pmr comparar` (un archivo → otro). Pura.
 *
 * Un «estado» es una `Fotografia`: los campos de programación y las series mensuales de cada
 * indicador, sin número de fila como identidad (insertar u ordenar filas no cambia nada). La
 * identidad es el código normalizado; la segunda, tercera… fila con el mismo código es
 * «código#2», «código#3» (como en las claves de los hallazgos).
 *
 * El avance cualitativo se compara por texto o, cuando uno de los lados es un sello, por la
 * huella del texto (el sello guarda huellas y no los textos, para que 10.000 indicadores quepan
 * en el libro; ver docs/cierre.md).
 */
import { MESES, type Indicador, type SeriePmr } from "./modelo";
import { normalizarCodigo } from "./evaluacion";
import { cyrb53 } from "./hash";
import { TEXTO_TENDENCIA, numero, porcentaje } from "./formato";
import type { Tendencia } from "./catalogos";

/** Campos de programación que no cambian durante la vigencia (PMR-SPEC §6.2). */
export const CAMPOS_PROGRAMACION = [
  "metaVigencia",
  "metaPlan",
  "lineaBase",
  "tendencia",
  "ponderacion",
  "periodicidad",
] as const;
export type CampoProgramacion = (typeof CAMPOS_PROGRAMACION)[number];

/** Series mensuales que se comparan. */
export const SERIES_COMPARADAS = ["programado", "ejecutado", "cualitativo"] as const satisfies readonly SeriePmr[];

export type CampoComparado = CampoProgramacion | SeriePmr;
export type ValorComparado = number | string | null;

/** Un indicador en una fotografía. */
export interface Foto {
  /** Identidad: código normalizado (con «#n» si se repite). */
  id: string;
  /** El código tal como está escrito. */
  codigo: string;
  /** Fila de la hoja (null si viene de un sello). */
  fila: number | null;
  /** Vigencia de la fila (null si la celda está vacía o viene de un sello). */
  vigencia: number | null;
  programacion: Readonly<Record<CampoProgramacion, ValorComparado>>;
  programado: readonly (number | null)[];
  ejecutado: readonly (number | null)[];
  /** Textos, o huellas (`huellaTexto`) si la fotografía es de un sello. */
  cualitativo: readonly (string | null)[];
}

export interface Fotografia {
  /** Cómo vienen los cualitativos: el texto o su huella (un sello). */
  cualitativo: "texto" | "huella";
  /** Meses que cubre (1..meses); 12 para un libro. */
  meses: number;
  indicadores: readonly Foto[];
}

/** Huella corta del texto cualitativo (8 cifras hexadecimales de cyrb53); null si no hay texto. */
export function huellaTexto(t: string | null | undefined): string | null {
  const n = textoComparable(t);
  return n === null ? null : cyrb53(n).slice(6);
}

/** El texto como se compara: sin espacios al comienzo ni al final; vacío = null. */
function textoComparable(t: string | null | undefined): string | null {
  if (t === null || t === undefined) return null;
  const r = t.trim();
  return r === "" ? null : r;
}

/** Valor de un campo de programación de un indicador del libro. */
export function valorProgramacion(ind: Indicador, campo: CampoProgramacion): ValorComparado {
  switch (campo) {
    case "tendencia":
      return ind.tendencia ?? textoComparable(ind.tendenciaTexto);
    case "periodicidad":
      return ind.periodicidad ?? textoComparable(ind.periodicidadTexto);
    default:
      return ind[campo];
  }
}

/** Las identidades por código de una lista de filas, en orden (filas sin código: null). */
export function identidades(filas: readonly Indicador[], conVigencia = false): (string | null)[] {
  const vistos = new Map<string, number>();
  return filas.map((ind) => {
    const c = normalizarCodigo(ind.codigo);
    if (!c) return null;
    const base = conVigencia && ind.vigencia !== null ? `${c}@${ind.vigencia}` : c;
    const n = (vistos.get(base) ?? 0) + 1;
    vistos.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

/**
 * La fotografía de las filas de un libro (las que tienen código). Con `conVigencia`, la
 * identidad incluye la vigencia de la fila (para comparar libros con varias vigencias).
 */
export function fotografiar(filas: readonly Indicador[], opciones: { conVigencia?: boolean } = {}): Fotografia {
  const ids = identidades(filas, opciones.conVigencia);
  const indicadores: Foto[] = [];
  filas.forEach((ind, i) => {
    const id = ids[i];
    if (id === null) return;
    indicadores.push(fotoDeIndicador(ind, id));
  });
  return { cualitativo: "texto", meses: MESES, indicadores };
}

export function fotoDeIndicador(ind: Indicador, id: string): Foto {
  const programacion = {} as Record<CampoProgramacion, ValorComparado>;
  for (const c of CAMPOS_PROGRAMACION) programacion[c] = valorProgramacion(ind, c);
  return {
    id,
    codigo: (ind.codigo ?? "").trim(),
    fila: ind.fila,
    vigencia: ind.vigencia,
    programacion,
    programado: ind.programado,
    ejecutado: ind.ejecutado,
    cualitativo: ind.cualitativo,
  };
}

/** Un valor que cambió. */
export interface CambioValor {
  id: string;
  codigo: string;
  campo: CampoComparado;
  /** Mes (1–12) de una serie; null en los campos de programación. */
  mes: number | null;
  antes: ValorComparado;
  despues: ValorComparado;
  /** El valor de «antes» es la huella de un texto (un sello): no se puede mostrar el texto. */
  antesEsHuella: boolean;
  filaAntes: number | null;
  filaDespues: number | null;
}

export interface Comparacion {
  /** En «después» y no en «antes». */
  anadidos: Foto[];
  /** En «antes» y no en «después». */
  eliminados: Foto[];
  /** Valores distintos, por indicador en el orden de «después», luego campo y mes. */
  cambios: CambioValor[];
}

export interface OpcionesComparacion {
  /** Comparar las series solo en los meses 1..meses (por defecto, los que cubren ambas fotografías). */
  meses?: number;
  /** Primer mes de las series que se compara (por defecto 1). */
  desde?: number;
  /** Comparar los campos de programación (por defecto sí). */
  programacion?: boolean;
}

/** ¿Son iguales dos valores? Números exactos (un sello guarda la cifra tal cual). */
function iguales(a: ValorComparado, b: ValorComparado): boolean {
  return a === b;
}

/** Compara dos fotografías por identidad. */
export function comparar(antes: Fotografia, despues: Fotografia, opciones: OpcionesComparacion = {}): Comparacion {
  const meses = Math.min(opciones.meses ?? MESES, antes.meses, despues.meses);
  const desde = Math.max(1, opciones.desde ?? 1);
  const conProgramacion = opciones.programacion ?? true;
  const porId = new Map<string, Foto>();
  for (const f of antes.indicadores) porId.set(f.id, f);
  const vistos = new Set<string>();
  const anadidos: Foto[] = [];
  const cambios: CambioValor[] = [];
  const huellaAntes = antes.cualitativo === "huella";
  const huellaDespues = despues.cualitativo === "huella";
  const cualComparable = (v: string | null, esHuella: boolean, otroEsHuella: boolean): string | null =>
    esHuella ? v : otroEsHuella ? huellaTexto(v) : textoComparable(v);

  for (const d of despues.indicadores) {
    const a = porId.get(d.id);
    if (!a) {
      anadidos.push(d);
      continue;
    }
    vistos.add(d.id);
    const cambio = (campo: CampoComparado, mes: number | null, va: ValorComparado, vd: ValorComparado) =>
      cambios.push({
        id: d.id,
        codigo: d.codigo || a.codigo,
        campo,
        mes,
        antes: va,
        despues: vd,
        antesEsHuella: campo === "cualitativo" && huellaAntes,
        filaAntes: a.fila,
        filaDespues: d.fila,
      });
    if (conProgramacion)
      for (const c of CAMPOS_PROGRAMACION)
        if (!iguales(a.programacion[c], d.programacion[c])) cambio(c, null, a.programacion[c], d.programacion[c]);
    for (const s of SERIES_COMPARADAS) {
      for (let m = desde; m <= meses; m++) {
        let va: ValorComparado = a[s][m - 1] ?? null;
        let vd: ValorComparado = d[s][m - 1] ?? null;
        if (s === "cualitativo") {
          const ca = cualComparable(va as string | null, huellaAntes, huellaDespues);
          const cd = cualComparable(vd as string | null, huellaDespues, huellaAntes);
          if (ca === cd) continue;
          va = huellaAntes ? ca : textoComparable(va as string | null);
          vd = huellaDespues ? cd : textoComparable(vd as string | null);
          cambio(s, m, va, vd);
          continue;
        }
        if (!iguales(va, vd)) cambio(s, m, va, vd);
      }
    }
  }
  const eliminados = antes.indicadores.filter((f) => !vistos.has(f.id));
  return { anadidos, eliminados, cambios };
}

/** ¿No hay ninguna diferencia? */
export function sinCambios(c: Comparacion): boolean {
  return c.anadidos.length === 0 && c.eliminados.length === 0 && c.cambios.length === 0;
}

const TEXTO_PERIODICIDAD: Readonly<Record<string, string>> = {
  MENSUAL: "Mensual",
  BIMESTRAL: "Bimestral",
  TRIMESTRAL: "Trimestral",
  SEMESTRAL: "Semestral",
  ANUAL: "Anual",
};

/**
 * Un valor comparado para leerlo (mensajes de Cierre y `pmr comparar`), con el formato único:
 * «vacío», «1.234,50», «25,00 %» (ponderación), «Creciente», «"texto"» (recortado).
 */
export function textoValor(campo: CampoComparado, v: ValorComparado, max = 60): string {
  if (v === null) return "vacío";
  if (typeof v === "number") return campo === "ponderacion" ? porcentaje(v) : numero(v);
  if (campo === "tendencia" && v in TEXTO_TENDENCIA) return TEXTO_TENDENCIA[v as Tendencia];
  if (campo === "periodicidad" && v in TEXTO_PERIODICIDAD) return TEXTO_PERIODICIDAD[v];
  const t = v.trim();
  return `«${t.length > max ? t.slice(0, max - 1) + "…" : t}»`;
}

/**
 * Los dos valores de un cambio para leerlos: si se ven iguales con dos decimales (10,001 y
 * 10,004), se dice que la diferencia es menor que lo que se muestra, para no mostrar «10,00 →
 * 10,00» sin explicación.
 */
export function textosCambio(c: Pick<CambioValor, "campo" | "antes" | "despues" | "antesEsHuella">): {
  antes: string;
  despues: string;
} {
  const antes = c.antesEsHuella ? (c.antes === null ? "vacío" : "un texto") : textoValor(c.campo, c.antes);
  const despues = textoValor(c.campo, c.despues);
  if (antes === despues && typeof c.antes === "number" && typeof c.despues === "number")
    return { antes: `${antes} (diferencia menor que 0,01)`, despues };
  return { antes, despues };
}
