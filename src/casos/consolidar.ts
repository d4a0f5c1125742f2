/**
 * Caso de uso «consolidar» (PMR-SPEC §6.6): los libros de los gerentes de proyecto → un modelo
 * consolidado en la disposición canónica (hojas PMR, PMR_Presupuesto y PMR_Territorial) en el que
 * cada fila sabe de qué archivo, hoja y fila viene → la validación de `pmr validar`, con los
 * hallazgos apuntando al archivo y la celda de origen.
 *
 * Cómo se valida (docs/consolidacion.md):
 * - Cada libro se lee con el lector de siempre (la misma tolerancia: encabezados en cualquier fila,
 *   sinónimos, combinadas…), uno a la vez: de cada uno queda su modelo y se suelta su grilla.
 * - Las reglas de Estructura (lo que el lector no pudo leer, columnas faltantes…) se ejecutan en
 *   cada libro, sobre su propio modelo: sus hallazgos ya están en la hoja y la celda de origen.
 * - Las demás reglas (cadena de valor, metas, seguimiento…) y las de Consolidación se ejecutan UNA
 *   vez sobre el consolidado (un objetivo puede tener sus productos en dos archivos) y cada hallazgo
 *   se traslada a su origen (`ubicarEnOrigen`); el lugar en el consolidado queda en `consolidado`.
 * - Un mismo indicador (código y vigencia) en dos archivos entra una vez, con los valores del
 *   primer archivo; un objetivo o producto que otro archivo nombra distinto queda con el nombre del
 *   primero. Las reglas de Consolidación lo dicen, nombrando los dos archivos y sus celdas.
 * - Un archivo que no se pudo leer es un hallazgo (CONS-ARCHIVO-ILEGIBLE); los demás se consolidan.
 *
 * Puro salvo por el puerto de lectura de cada archivo.
 */
import {
  CATEGORIAS,
  IDENTIDAD_HOJA,
  SEVERIDADES,
  claveDeColumna,
  columnaDeClave,
  evaluar,
  mismaCifra,
  normalizarCodigo,
  ordenarHallazgos,
  type Configuracion,
  type Consolidacion,
  type Hallazgo,
  type HojaConsolidada,
  type HojaPmr,
  type HojaPresupuesto,
  type HojaTerritorial,
  type Indicador,
  type ModeloPmr,
  type OrigenFila,
  type PeriodoReporte,
  type ProblemaLectura,
  type ReportePmr,
} from "../domain";
import { direccionA1, leerDireccion } from "../domain/direcciones";
import { HOJAS, clavesSerie, type CualquierDescriptor } from "../domain/hojas";
import { REGLAS, ejecutarReglas } from "../rules/registro";
import { claveNombre } from "../rules/utilidades";
import {
  describirLibroCanonico,
  type ColumnaExtra,
  type DisposicionCanonica,
  type FilaOrigen,
  type HojaOrigen,
  type LibroOrigen,
  type ValorOrigen,
} from "../workbook/canonico";
import type { DescripcionLibro } from "../workbook/escritura";
import type { LibroGrillas } from "../workbook/grilla";
import { leerModeloConOrigen } from "../workbook/lector";
import type { HojaLeidaOrigen } from "../workbook/origen";
import { sinDecisiones } from "./decidir";
import { resolverConfiguracion, resumir, type InformeValidacion, type OrigenConfiguracion } from "./validar";

// ─── La disposición del consolidado ──────────────────────────────────────────────────────────

/** Una hoja del consolidado: su nombre, su fila de encabezados (1-based) y la clave de cada columna (índice = columna 0-based). */
export interface DisposicionHoja {
  nombre: string;
  filaEncabezado: number;
  /** «codigoObjetivo», «programado.1»…; las columnas que no son del modelo (el origen) llevan otra clave o null. */
  claves: readonly (string | null)[];
}

export type DisposicionConsolidada = Readonly<Record<HojaConsolidada, DisposicionHoja>>;

/** Columnas del modelo que no están en la plantilla y se agregan solo si algún archivo las tiene. */
const EXTRAS: Readonly<Record<HojaConsolidada, readonly string[]>> = {
  pmr: ["cualitativoActual", "estadoIndicador"],
  presupuesto: ["compromisosAcumulados", "girosAcumulados"],
  territorial: [],
};

/** Claves de las columnas de origen que el consolidado agrega al final de cada hoja. */
export const CLAVES_ORIGEN = ["origen.archivo", "origen.hoja", "origen.fila"] as const;

/**
 * La disposición por omisión: los encabezados de la plantilla (en su orden) en la fila 1, las
 * columnas del modelo que no están en la plantilla si algún archivo las tiene, y al final las
 * columnas de origen (archivo, hoja, fila).
 */
export function disposicionPorOmision(
  conColumnas: (hoja: HojaConsolidada, clave: string) => boolean,
): DisposicionConsolidada {
  const de = (id: HojaConsolidada): DisposicionHoja => {
    const d = HOJAS[id] as CualquierDescriptor;
    const extras = EXTRAS[id].filter((k) => conColumnas(id, k));
    return { nombre: d.nombre, filaEncabezado: 1, claves: [...d.plantilla, ...extras, ...CLAVES_ORIGEN] };
  };
  return { pmr: de("pmr"), presupuesto: de("presupuesto"), territorial: de("territorial") };
}

/** Columnas del modelo (campos y series) de una hoja dispuesta. */
function columnasDe(d: DisposicionHoja, series: readonly string[]): Record<string, unknown> {
  const campos: Record<string, number> = {};
  const porSerie: Record<string, (number | null)[]> = {};
  for (const s of series) porSerie[s] = clavesSerie(s).map(() => null);
  d.claves.forEach((k, i) => {
    if (k === null) return;
    const punto = k.indexOf(".");
    if (punto < 0) campos[k] = i;
    else if (series.includes(k.slice(0, punto))) porSerie[k.slice(0, punto)][Number(k.slice(punto + 1)) - 1] = i;
  });
  return { campos, ...porSerie };
}

const SERIES: Readonly<Record<HojaConsolidada, readonly string[]>> = {
  pmr: Object.keys(HOJAS.pmr.series),
  presupuesto: Object.keys(HOJAS.presupuesto.series),
  territorial: Object.keys(HOJAS.territorial.series),
};

// ─── Del conjunto de modelos al consolidado (puro) ───────────────────────────────────────────

/** Un libro ya leído (o que no se pudo leer) para consolidar. */
export interface LibroLeido {
  /** Cómo se nombra en los mensajes (el nombre del archivo). */
  nombre: string;
  /** El modelo del lector; null si no se pudo leer. */
  modelo: ModeloPmr | null;
  /** Por qué no se pudo leer; null si se leyó. */
  error: string | null;
  /**
   * Las filas que tomó el lector, cada valor tal cual (leerModeloConOrigen): con ellas se escribe
   * el libro consolidado. Sin ellas, el libro consolidado no tiene las filas de este archivo.
   */
  origen?: Partial<Record<HojaConsolidada, HojaLeidaOrigen>>;
}

function combinarReporte(a: PeriodoReporte | null, b: PeriodoReporte | null | undefined): PeriodoReporte | null {
  if (b === null || b === undefined) return a;
  if (a === null || a === b) return b;
  return "mixto";
}

/** La disposición por omisión con las columnas extra que trae algún libro. */
function disposicionDeLibros(libros: readonly LibroLeido[]): DisposicionConsolidada {
  return disposicionPorOmision((hoja, clave) =>
    libros.some((l) => {
      const h = l.modelo?.[hoja];
      return h !== null && h !== undefined && columnaDeClave(h.columnas, clave) !== null;
    }),
  );
}

/** Campos numéricos que se comparan cuando una fila de presupuesto o territorial se repite. */
const COMPARADOS_OTRAS = {
  presupuesto: [
    "apropiacion",
    ...clavesSerie("compromisos"),
    "compromisosAcumulados",
    ...clavesSerie("giros"),
    "girosAcumulados",
  ],
  territorial: ["metaVigencia", "ejecutado"],
} as const;

function valorCampo(fila: object, clave: string): number | null {
  const punto = clave.indexOf(".");
  const f = fila as Record<string, unknown>;
  const v =
    punto < 0 ? f[clave] : (f[clave.slice(0, punto)] as unknown[] | undefined)?.[Number(clave.slice(punto + 1)) - 1];
  return typeof v === "number" ? v : null;
}

/**
 * La identidad de una fila de presupuesto (producto, tipo de recurso y proyecto) o territorial
 * (indicador y localidad) entre archivos; null si no tiene código (no se puede saber si se repite).
 */
function identidadFila(
  id: "presupuesto" | "territorial",
  fila: HojaPresupuesto["filas"][number] | HojaTerritorial["filas"][number],
): { clave: string; texto: string } | null {
  if (id === "presupuesto") {
    const p = fila as HojaPresupuesto["filas"][number];
    const codigo = normalizarCodigo(p.codigoProducto);
    if (codigo === null) return null;
    const recurso = p.tipoRecurso ?? (p.tipoRecursoTexto?.trim() ? claveNombre(p.tipoRecursoTexto) : "");
    const proyecto = p.proyecto?.trim() ? claveNombre(p.proyecto) : "";
    const partes = [p.codigoProducto!.trim(), p.tipoRecursoTexto?.trim(), p.proyecto?.trim()].filter(Boolean);
    return { clave: [codigo, recurso, proyecto].join("\u001f"), texto: partes.join(" · ") };
  }
  const t = fila as HojaTerritorial["filas"][number];
  const codigo = normalizarCodigo(t.codigoIndicador);
  if (codigo === null) return null;
  const localidad = t.localidad ?? (t.localidadTexto?.trim() ? claveNombre(t.localidadTexto) : "");
  const partes = [t.codigoIndicador!.trim(), t.localidadTexto?.trim()].filter(Boolean);
  return { clave: [codigo, String(localidad)].join("\u001f"), texto: partes.join(" · ") };
}

/** Los campos en que la fila repetida difiere de la primera (sus valores: aquí el repetido, allá la primera). */
function diferenciasFila(
  id: "presupuesto" | "territorial",
  repetida: object,
  primera: object,
): { campo: string; aqui: number | null; alla: number | null }[] {
  const salida: { campo: string; aqui: number | null; alla: number | null }[] = [];
  for (const campo of COMPARADOS_OTRAS[id]) {
    const aqui = valorCampo(repetida, campo);
    const alla = valorCampo(primera, campo);
    if (!mismaCifra(aqui, alla)) salida.push({ campo, aqui, alla });
  }
  return salida;
}

/**
 * El modelo consolidado de varios libros (en el orden dado): filas renumeradas en la disposición
 * del consolidado, con su origen en `consolidacion`. Puro; no lanza por el contenido.
 */
export function consolidarModelos(
  libros: readonly LibroLeido[],
  disposicion: DisposicionConsolidada = disposicionDeLibros(libros),
): ModeloPmr {
  const consolidacion: Consolidacion = {
    archivos: libros.map((l) => ({
      nombre: l.nombre,
      error: l.error,
      hojas: {
        pmr: hojaOrigen(l.modelo?.pmr),
        presupuesto: hojaOrigen(l.modelo?.presupuesto),
        territorial: hojaOrigen(l.modelo?.territorial),
      },
    })),
    origenes: { pmr: {}, presupuesto: {}, territorial: {} },
    repetidos: [],
    filasRepetidas: [],
    renombrados: [],
  };
  /** Por hoja y archivo: fila de origen → fila del consolidado (para trasladar los problemas de lectura). */
  const aConsolidado: Record<HojaConsolidada, Map<number, number>[]> = {
    pmr: libros.map(() => new Map()),
    presupuesto: libros.map(() => new Map()),
    territorial: libros.map(() => new Map()),
  };

  // Hoja PMR.
  const indicadores: Indicador[] = [];
  const historicos: Indicador[] = [];
  let reporte: ReportePmr = { programado: null, ejecutado: null, cualitativo: null };
  let fila = disposicion.pmr.filaEncabezado;
  /** Código y vigencia → archivo y fila del consolidado de su primera aparición. */
  const vistos = new Map<string, { archivo: number; fila: number }>();
  const nombres = {
    objetivo: new Map<string, { nombre: string; clave: string; archivo: number; fila: number }>(),
    producto: new Map<string, { nombre: string; clave: string; archivo: number; fila: number }>(),
  };
  const renombradoVisto = new Set<string>();
  libros.forEach((libro, a) => {
    const hoja = libro.modelo?.pmr;
    if (!hoja) return;
    if (hoja.reporte)
      reporte = {
        programado: combinarReporte(reporte.programado, hoja.reporte.programado),
        ejecutado: combinarReporte(reporte.ejecutado, hoja.reporte.ejecutado),
        cualitativo: combinarReporte(reporte.cualitativo, hoja.reporte.cualitativo),
      };
    const filas = [...hoja.indicadores, ...(hoja.historicos ?? [])].sort((x, y) => x.fila - y.fila);
    const vistosAqui = new Map<string, number>();
    for (const ind of filas) {
      const historico = ind.retiro !== undefined;
      const codigo = normalizarCodigo(ind.codigo);
      const clave = codigo === null ? null : `${codigo}\u001f${ind.vigencia ?? ""}`;
      if (!historico && clave !== null) {
        const primero = vistos.get(clave);
        if (primero !== undefined && primero.archivo !== a) {
          consolidacion.repetidos.push({ archivo: a, indicador: ind, primera: primero.fila });
          continue;
        }
      }
      fila++;
      const copia: Indicador = { ...ind, fila };
      for (const tipo of ["objetivo", "producto"] as const) {
        const campoCodigo = tipo === "objetivo" ? "codigoObjetivo" : "codigoProducto";
        const cod = normalizarCodigo(ind[campoCodigo]);
        const nombre = ind[tipo]?.trim();
        if (cod === null || !nombre) continue;
        const claveN = claveNombre(nombre);
        const primero = nombres[tipo].get(cod);
        if (primero === undefined) {
          nombres[tipo].set(cod, { nombre, clave: claveN, archivo: a, fila: ind.fila });
          continue;
        }
        if (primero.archivo === a || primero.clave === claveN) continue;
        copia[tipo] = primero.nombre;
        const marca = `${tipo}\u001f${cod}\u001f${a}\u001f${claveN}`;
        if (renombradoVisto.has(marca)) continue;
        renombradoVisto.add(marca);
        consolidacion.renombrados.push({
          tipo,
          codigo: ind[campoCodigo]!.trim(),
          nombre,
          archivo: a,
          fila: ind.fila,
          consolidada: fila,
          primero: { nombre: primero.nombre, archivo: primero.archivo, fila: primero.fila },
        });
      }
      (historico ? historicos : indicadores).push(copia);
      consolidacion.origenes.pmr[String(fila)] = { archivo: a, fila: ind.fila };
      aConsolidado.pmr[a].set(ind.fila, fila);
      if (!historico && clave !== null && !vistosAqui.has(clave)) vistosAqui.set(clave, fila);
    }
    for (const [clave, f] of vistosAqui) if (!vistos.has(clave)) vistos.set(clave, { archivo: a, fila: f });
  });
  const pmr: HojaPmr = {
    nombre: disposicion.pmr.nombre,
    filaEncabezado: disposicion.pmr.filaEncabezado,
    columnas: columnasDe(disposicion.pmr, SERIES.pmr) as HojaPmr["columnas"],
    indicadores,
    reporte,
  };
  if (historicos.length > 0) pmr.historicos = historicos;

  // Presupuesto y territorial: todas las filas, en el orden de los archivos, menos las que ya
  // trajo un archivo anterior (misma identidad): esas se comparan y no se suman dos veces.
  const otras = <H extends HojaPresupuesto | HojaTerritorial>(id: "presupuesto" | "territorial"): H | null => {
    const d = disposicion[id];
    let f = d.filaEncabezado;
    let alguna = false;
    const filas: H["filas"][number][] = [];
    const vistasOtras = new Map<string, { archivo: number; consolidada: number; fila: H["filas"][number] }>();
    libros.forEach((libro, a) => {
      const hoja = libro.modelo?.[id] as H | null | undefined;
      if (!hoja) return;
      alguna = true;
      const vistasAqui = new Map<string, { archivo: number; consolidada: number; fila: H["filas"][number] }>();
      for (const fi of hoja.filas) {
        const identidad = identidadFila(id, fi);
        const primera = identidad === null ? undefined : vistasOtras.get(identidad.clave);
        if (identidad !== null && primera !== undefined && primera.archivo !== a) {
          consolidacion.filasRepetidas.push({
            hoja: id,
            archivo: a,
            fila: fi.fila,
            primera: primera.consolidada,
            identidad: identidad.texto,
            diferencias: diferenciasFila(id, fi, primera.fila),
          });
          continue;
        }
        f++;
        if (identidad !== null && !vistasAqui.has(identidad.clave))
          vistasAqui.set(identidad.clave, { archivo: a, consolidada: f, fila: fi });
        filas.push({ ...fi, fila: f });
        consolidacion.origenes[id][String(f)] = { archivo: a, fila: fi.fila };
        aConsolidado[id][a].set(fi.fila, f);
      }
      for (const [clave, v] of vistasAqui) if (!vistasOtras.has(clave)) vistasOtras.set(clave, v);
    });
    if (!alguna) return null;
    return {
      nombre: d.nombre,
      filaEncabezado: d.filaEncabezado,
      columnas: columnasDe(d, SERIES[id]),
      filas,
    } as unknown as H;
  };

  // Problemas de lectura de celdas de datos, en la celda del consolidado: las reglas no repiten
  // un hallazgo sobre una celda que no se pudo leer (el de Estructura sale en cada archivo).
  const lectura = lecturaConsolidada(libros, aConsolidado, disposicion);

  return {
    pmr,
    presupuesto: otras<HojaPresupuesto>("presupuesto"),
    territorial: otras<HojaTerritorial>("territorial"),
    lectura,
    avisos: [],
    consolidacion,
  };
}

/**
 * Los problemas de lectura de celdas de datos de cada archivo, en la celda del consolidado (por
 * hoja y archivo, `aConsolidado` lleva la fila de origen a la del consolidado).
 */
function lecturaConsolidada(
  libros: readonly LibroLeido[],
  aConsolidado: Readonly<Record<HojaConsolidada, readonly ReadonlyMap<number, number>[]>>,
  disposicion: DisposicionConsolidada,
): ProblemaLectura[] {
  const lectura: ProblemaLectura[] = [];
  libros.forEach((libro, a) => {
    if (!libro.modelo) return;
    for (const p of libro.modelo.lectura) {
      if (p.celda === null) continue;
      for (const id of ["pmr", "presupuesto", "territorial"] as const) {
        const origen = libro.modelo[id];
        if (!origen || origen.nombre !== p.hoja) continue;
        const dir = leerDireccion(p.celda);
        const filaC = dir === null ? undefined : aConsolidado[id][a].get(dir.fila);
        if (dir === null || filaC === undefined) continue;
        const clave = claveDeColumna(origen.columnas, dir.columna);
        const col = clave === null ? null : columnaDeClave(columnasDe(disposicion[id], SERIES[id]), clave);
        if (col !== null) lectura.push({ ...p, hoja: disposicion[id].nombre, celda: direccionA1(filaC, col) });
      }
    }
  });
  return lectura;
}

/**
 * El mismo consolidado con otra disposición (otras columnas, otro nombre de hoja): las filas ya
 * decididas no cambian si la fila de encabezados es la misma (si no, se consolida de nuevo). Los
 * indicadores y las filas se comparten con `modelo`.
 */
function conDisposicion(
  libros: readonly LibroLeido[],
  modelo: ModeloPmr,
  anterior: DisposicionConsolidada,
  disposicion: DisposicionConsolidada,
): ModeloPmr {
  const c = modelo.consolidacion!;
  const ids = ["pmr", "presupuesto", "territorial"] as const;
  if (ids.some((id) => anterior[id].filaEncabezado !== disposicion[id].filaEncabezado))
    return consolidarModelos(libros, disposicion);
  const aConsolidado: Record<HojaConsolidada, Map<number, number>[]> = {
    pmr: libros.map(() => new Map()),
    presupuesto: libros.map(() => new Map()),
    territorial: libros.map(() => new Map()),
  };
  for (const id of ids)
    for (const [filaC, o] of Object.entries(c.origenes[id])) aConsolidado[id][o.archivo].set(o.fila, Number(filaC));
  const hoja = <H extends { nombre: string; columnas: unknown }>(h: H, id: HojaConsolidada): H => ({
    ...h,
    nombre: disposicion[id].nombre,
    columnas: columnasDe(disposicion[id], SERIES[id]),
  });
  return {
    ...modelo,
    pmr: modelo.pmr ? hoja(modelo.pmr, "pmr") : modelo.pmr,
    presupuesto: modelo.presupuesto ? hoja(modelo.presupuesto, "presupuesto") : modelo.presupuesto,
    territorial: modelo.territorial ? hoja(modelo.territorial, "territorial") : modelo.territorial,
    lectura: lecturaConsolidada(libros, aConsolidado, disposicion),
  };
}

function hojaOrigen<H extends { nombre: string; filaEncabezado: number; columnas: unknown }>(
  h: H | null | undefined,
): { nombre: string; filaEncabezado: number; columnas: H["columnas"] } | null {
  return h ? { nombre: h.nombre, filaEncabezado: h.filaEncabezado, columnas: h.columnas } : null;
}

// ─── El libro consolidado (descripción canónica) ─────────────────────────────────────────────

/** Clave de una columna extra en el consolidado: su encabezado normalizado (la misma columna en todos los archivos). */
function claveExtra(encabezado: string): string {
  return `extra:${claveNombre(encabezado)}`;
}

/**
 * Las filas de origen del consolidado, en su orden (el de `origenes`), con el archivo de cada una
 * y el nombre de objetivo o producto que quedó. Las columnas extra (de origen, no canónicas) se
 * juntan por su encabezado.
 */
export function libroOrigenConsolidado(libros: readonly LibroLeido[], modelo: ModeloPmr): LibroOrigen {
  const c = modelo.consolidacion;
  const salida: Partial<Record<HojaConsolidada, HojaOrigen | null>> = {};
  if (!c) return salida;
  for (const id of ["pmr", "presupuesto", "territorial"] as const) {
    if (!modelo[id]) continue;
    const porFila = libros.map((l) => {
      const m = new Map<number, FilaOrigen>();
      for (const f of l.origen?.[id]?.filas ?? []) m.set(f.origen.fila, f);
      return m;
    });
    const extras = new Map<string, ColumnaExtra>();
    const extraDe = libros.map((l) => {
      const m = new Map<string, string>();
      for (const x of l.origen?.[id]?.extras ?? []) {
        const clave = claveExtra(x.encabezado);
        if (!extras.has(clave)) extras.set(clave, { clave, encabezado: x.encabezado });
        m.set(x.clave, clave);
      }
      return m;
    });
    // El nombre de objetivo o producto que quedó en el consolidado, por fila del consolidado.
    const nombres = new Map<number, { objetivo: string | null; producto: string | null }>();
    if (id === "pmr")
      for (const i of [...modelo.pmr!.indicadores, ...(modelo.pmr!.historicos ?? [])])
        nombres.set(i.fila, { objetivo: i.objetivo, producto: i.producto });
    // Las filas de origen de la hoja PMR, para saber si el consolidado cambió su nombre.
    const indicadoresDe = libros.map((l) => {
      const m = new Map<number, Indicador>();
      if (id === "pmr")
        for (const i of [...(l.modelo?.pmr?.indicadores ?? []), ...(l.modelo?.pmr?.historicos ?? [])]) m.set(i.fila, i);
      return m;
    });
    const filas: FilaOrigen[] = [];
    const consolidadas = Object.keys(c.origenes[id])
      .map(Number)
      .sort((a, b) => a - b);
    for (const filaC of consolidadas) {
      const o = c.origenes[id][String(filaC)];
      const f = porFila[o.archivo].get(o.fila);
      if (f === undefined) continue;
      let valores = f.valores;
      const n = nombres.get(filaC);
      const fuente = indicadoresDe[o.archivo].get(o.fila);
      if (n !== undefined && fuente !== undefined)
        for (const tipo of ["objetivo", "producto"] as const)
          if (n[tipo] !== null && n[tipo] !== fuente[tipo]) valores = { ...valores, [tipo]: { valor: n[tipo] } };
      let propias: Record<string, ValorOrigen | undefined> | undefined;
      if (f.extras) {
        propias = {};
        for (const [k, v] of Object.entries(f.extras)) propias[extraDe[o.archivo].get(k) ?? claveExtra(k)] = v;
      }
      filas.push({
        origen: { ...f.origen, archivo: c.archivos[o.archivo].nombre },
        valores,
        ...(propias ? { extras: propias } : {}),
      });
    }
    salida[id] = { filas, extras: [...extras.values()] };
  }
  return salida;
}

/** La disposición del consolidado que corresponde a las hojas descritas. */
function disposicionDeCanonicas(
  disposiciones: readonly DisposicionCanonica[],
  respaldo: DisposicionConsolidada,
): DisposicionConsolidada {
  const de = (id: HojaConsolidada): DisposicionHoja => {
    const d = disposiciones.find((x) => x.id === id);
    if (!d) return respaldo[id];
    const claves: (string | null)[] = [];
    for (const col of d.columnas) claves[col.indice] = col.tipo === "canonica" ? col.clave : null;
    return { nombre: d.nombre, filaEncabezado: 1, claves };
  };
  return { pmr: de("pmr"), presupuesto: de("presupuesto"), territorial: de("territorial") };
}

/** Propósito (marca del complemento) de las hojas consolidadas. */
export const PROPOSITO_CONSOLIDADO = "consolidado";

export interface Consolidado {
  /** El modelo consolidado, con las columnas del libro descrito. */
  modelo: ModeloPmr;
  /** El libro consolidado: PMR, PMR_Presupuesto y PMR_Territorial con las columnas de origen. */
  libro: DescripcionLibro;
}

/**
 * El modelo y el libro consolidados (puro): las filas se deciden una vez (`consolidarModelos`), se
 * describe el libro con el libro canónico y el modelo queda con las columnas de ese libro, así
 * cada hallazgo del consolidado señala una celda real del libro escrito.
 */
export function consolidarLibros(
  libros: readonly LibroLeido[],
  nombres: Partial<Record<HojaConsolidada, string>> = {},
): Consolidado {
  const porOmision = disposicionDeLibros(libros);
  const previo = consolidarModelos(libros, porOmision);
  const { libro, disposiciones } = describirLibroCanonico(libroOrigenConsolidado(libros, previo), {
    procedencia: ["archivo", "hoja", "fila"],
    proposito: PROPOSITO_CONSOLIDADO,
    siempre: ["pmr"],
    nombres,
  });
  const respaldo = disposicionPorOmision(() => false);
  // Las filas ya están decididas: el modelo del libro descrito solo cambia sus columnas.
  return { modelo: conDisposicion(libros, previo, porOmision, disposicionDeCanonicas(disposiciones, respaldo)), libro };
}

// ─── Del consolidado al origen ───────────────────────────────────────────────────────────────

/** Dónde está en su archivo de origen una celda o un rango del consolidado; null si no se puede decir. */
export interface UbicacionOrigen {
  archivo: string;
  hoja: string;
  celda: string;
  /** false si el archivo de origen no tiene esa columna y se señala la celda del código de la fila. */
  exacta: boolean;
}

/**
 * La celda (o el rango) de origen de una celda del consolidado. Un rango con filas de dos
 * archivos, una fila que no es de datos o una hoja que no es del consolidado: null.
 */
export function ubicarEnOrigen(modelo: ModeloPmr, hoja: string, celda: string): UbicacionOrigen | null {
  const c = modelo.consolidacion;
  if (!c) return null;
  const id = (["pmr", "presupuesto", "territorial"] as const).find((k) => modelo[k]?.nombre === hoja);
  const destino = id === undefined ? null : modelo[id];
  if (id === undefined || !destino) return null;
  const partes = celda.split(":");
  const puntos = partes.map(leerDireccion);
  if (puntos.length > 2 || puntos.some((p) => p === null)) return null;
  let archivo: number | null = null;
  let exacta = true;
  const salida: string[] = [];
  for (const p of puntos as { fila: number; columna: number }[]) {
    const origen: OrigenFila | undefined = c.origenes[id][String(p.fila)];
    if (origen === undefined || (archivo !== null && archivo !== origen.archivo)) return null;
    archivo = origen.archivo;
    const hojaO = c.archivos[origen.archivo]?.hojas[id];
    if (!hojaO) return null;
    const clave = claveDeColumna(destino.columnas, p.columna);
    const columnasO = hojaO.columnas as Record<string, unknown>;
    const propia = clave === null ? null : columnaDeClave(columnasO, clave);
    if (propia === null) exacta = false;
    const col = propia ?? columnaDeClave(columnasO, IDENTIDAD_HOJA[id]) ?? 0;
    salida.push(direccionA1(origen.fila, col));
  }
  if (archivo === null) return null;
  const hojaO = c.archivos[archivo].hojas[id]!;
  return {
    archivo: c.archivos[archivo].nombre,
    hoja: hojaO.nombre,
    celda: salida.length === 2 && salida[0] === salida[1] ? salida[0] : salida.join(":"),
    exacta,
  };
}

/** Una dirección A1 o un rango dentro de un texto, que no sea parte de otra cosa («P2» no está en «P2.1» ni en «AP21»). */
const CELDA_EN_TEXTO = /(?<![A-Za-z0-9$])[A-Z]{1,3}[0-9]+(?::[A-Z]{1,3}[0-9]+)?(?![0-9]|\.[0-9])/g;

/** Cambia en un texto cada dirección A1 (o rango) de `cambios` por la suya, en una sola pasada. */
function cambiarCeldas(texto: string, cambios: ReadonlyMap<string, string>): string {
  return texto.replace(CELDA_EN_TEXTO, (c) => cambios.get(c) ?? c);
}

/**
 * Un hallazgo del consolidado en su origen (si se puede), con su lugar en el consolidado. Si el
 * mensaje nombra su propia celda («Ajuste las celdas K18:K23»), nombra la de origen.
 */
export function hallazgoEnOrigen(modelo: ModeloPmr, h: Hallazgo): Hallazgo {
  if (h.archivo !== undefined) return h;
  const en = { hoja: h.hoja, celda: h.celda };
  const origen = ubicarEnOrigen(modelo, h.hoja, h.celda);
  if (origen === null) return { ...h, consolidado: en };
  const { exacta, ...lugar } = origen;
  // Sin la columna en el archivo de origen, el mensaje sigue nombrando la celda del consolidado
  // (donde sí está la columna); el hallazgo señala la fila en el origen.
  if (!exacta) return { ...h, ...lugar, consolidado: en };
  const cambios = new Map([[h.celda, origen.celda]]);
  const [a, b] = h.celda.split(":");
  const [oa, ob] = origen.celda.split(":");
  if (b !== undefined && ob !== undefined) cambios.set(a, oa).set(b, ob);
  // Otra celda de la misma fila entre paréntesis («… o la apropiación (D10)»): también la de origen.
  const filas = new Set([a, b].map((x) => (x === undefined ? null : leerDireccion(x)?.fila)));
  if (h.mensaje.includes("("))
    for (const m of h.mensaje.matchAll(/\(([A-Z]{1,3}\d+)\)/g)) {
      const d = leerDireccion(m[1]);
      if (d === null || !filas.has(d.fila) || cambios.has(m[1])) continue;
      const otra = ubicarEnOrigen(modelo, h.hoja, m[1]);
      if (otra !== null && otra.exacta && otra.archivo === origen.archivo && otra.hoja === origen.hoja)
        cambios.set(m[1], otra.celda);
    }
  return { ...h, ...lugar, mensaje: cambiarCeldas(h.mensaje, cambios), consolidado: en };
}

// ─── La validación del consolidado ───────────────────────────────────────────────────────────

const ESTRUCTURA = REGLAS.filter((r) => r.meta.categoria === "Estructura");
const DEL_CONSOLIDADO = REGLAS.filter((r) => r.meta.categoria !== "Estructura");

export interface ArchivoConsolidado {
  nombre: string;
  /** Se pudo leer. */
  leido: boolean;
  /** Por qué no se pudo leer. */
  error: string | null;
  /** Filas de indicadores leídas del archivo (de todas las vigencias). */
  indicadores: number;
}

/**
 * El informe de la validación del consolidado: el modelo lleva su origen en
 * `modelo.consolidacion`, y los hallazgos están en su archivo y celda de origen (o en el
 * consolidado si no tienen un origen único).
 */
export interface InformeConsolidacion extends InformeValidacion {
  archivos: ArchivoConsolidado[];
  /** Archivos que se pudieron leer. */
  leidos: number;
  /** El libro consolidado para escribir (escribirLibroXlsx o escribirLibroExcel). */
  libro: DescripcionLibro;
}

/**
 * Valida un consolidado (puro): las reglas de Estructura en cada libro leído (con la vigencia y el
 * corte del consolidado), las demás sobre el consolidado, trasladadas al origen.
 */
export function validarConsolidado(
  libros: readonly LibroLeido[],
  modelo: ModeloPmr,
  config: Configuracion,
  origen: OrigenConfiguracion,
): Omit<InformeConsolidacion, "archivos" | "leidos" | "libro"> {
  const evaluacion = evaluar(modelo, config);
  // Todos los libros con la vigencia y el corte del consolidado (el corte por omisión de un
  // libro solo sería el último mes que él reporta).
  const fija: Configuracion = { ...config, vigencia: evaluacion.vigencia, corte: evaluacion.corte };
  const hallazgos: Hallazgo[] = [];
  for (const libro of libros) {
    if (!libro.modelo) continue;
    const propios = ejecutarReglas(libro.modelo, evaluar(libro.modelo, fija), fija, ESTRUCTURA);
    for (const h of propios) hallazgos.push({ ...h, archivo: libro.nombre });
  }
  for (const h of ejecutarReglas(modelo, evaluacion, config, DEL_CONSOLIDADO))
    hallazgos.push(hallazgoEnOrigen(modelo, h));
  // El orden de siempre (severidad, categoría, hoja y celda), y dentro de cada grupo por archivo
  // en el orden dado (los que solo están en el consolidado, al final).
  const indice = new Map(libros.map((l, i) => [l.nombre, i]));
  const grupo = (h: Hallazgo) =>
    (SEVERIDADES.indexOf(h.severidad) * CATEGORIAS.length + CATEGORIAS.indexOf(h.categoria)) * (libros.length + 1) +
    (h.archivo === undefined ? libros.length : (indice.get(h.archivo) ?? libros.length));
  const ordenados = ordenarHallazgos(hallazgos)
    .map((h) => ({ h, g: grupo(h) }))
    .sort((a, b) => a.g - b.g)
    .map((x) => x.h);
  // Un consolidado es un libro nuevo: todavía no tiene decisiones sobre sus hallazgos.
  return {
    modelo,
    evaluacion,
    hallazgos: ordenados,
    resumen: resumir(ordenados),
    decisiones: sinDecisiones(),
    configuracion: config,
    origen,
  };
}

// ─── El caso de uso con puertos ──────────────────────────────────────────────────────────────

/** Un archivo a consolidar: su nombre para los mensajes y cómo leer sus grillas (se llama una vez). */
export interface FuenteConsolidacion {
  nombre: string;
  /** Las grillas del libro; lanza con un mensaje en español si no se pudo leer. */
  leer(): Promise<LibroGrillas>;
}

export type ProgresoConsolidacion =
  | { etapa: "leyendo"; indice: number; total: number; archivo: string }
  | { etapa: "leido"; indice: number; total: number; archivo: string; indicadores: number }
  | { etapa: "ilegible"; indice: number; total: number; archivo: string; mensaje: string }
  | { etapa: "validando"; total: number };

export interface OpcionesConsolidacion {
  /** Claves de la configuración pedidas (corte, vigencia…) sobre los valores por defecto. */
  pedida?: Readonly<Record<string, unknown>>;
  /** Se llama al empezar y al terminar cada archivo, y al validar. */
  alProgreso?(p: ProgresoConsolidacion): void;
  /** Cede el hilo entre archivos (el panel pinta el progreso); por omisión no cede. */
  ceder?(): Promise<void>;
  /** Nombres de las hojas del libro consolidado (por omisión, PMR, PMR_Presupuesto y PMR_Territorial). */
  nombres?: Partial<Record<HojaConsolidada, string>>;
}

function mensajeDe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Cuenta las filas de indicadores de un modelo (también las históricas). */
function filasPmr(m: ModeloPmr): number {
  return (m.pmr?.indicadores.length ?? 0) + (m.pmr?.historicos?.length ?? 0);
}

/** Los libros leídos y consolidados, todavía sin validar (`leerYConsolidar`). */
export interface ConsolidadoSinValidar {
  libros: LibroLeido[];
  /** El modelo consolidado, con las columnas del libro descrito. */
  modelo: ModeloPmr;
  /** El libro consolidado para escribir; quien lo escribe antes de validar puede soltarlo (null). */
  libro: DescripcionLibro | null;
  configuracion: Configuracion;
  origen: OrigenConfiguracion;
}

/**
 * Lee los archivos, uno a uno (cada grilla se suelta al terminar de leerla), y arma el modelo y el
 * libro consolidados, sin validar. Lanza solo si la configuración pedida no es válida. La línea de
 * comandos escribe el libro antes de validar y lo suelta: así la validación no convive en memoria
 * con la descripción de todas las celdas.
 */
export async function leerYConsolidar(
  fuentes: readonly FuenteConsolidacion[],
  opciones: OpcionesConsolidacion = {},
): Promise<ConsolidadoSinValidar> {
  const resuelta = resolverConfiguracion(null, opciones.pedida);
  const total = fuentes.length;
  const libros: LibroLeido[] = [];
  for (let i = 0; i < total; i++) {
    const f = fuentes[i];
    opciones.alProgreso?.({ etapa: "leyendo", indice: i, total, archivo: f.nombre });
    if (opciones.ceder) await opciones.ceder();
    let libro: LibroLeido;
    try {
      // La grilla vive solo dentro de esta llamada: del archivo quedan su modelo y sus filas (sin
      // la celda de cada valor, que el consolidado no usa).
      const { modelo, origen } = leerModeloConOrigen(await f.leer(), undefined, { celdas: false });
      libro = { nombre: f.nombre, modelo, error: null, origen };
    } catch (e) {
      libro = { nombre: f.nombre, modelo: null, error: mensajeDe(e) };
    }
    libros.push(libro);
    opciones.alProgreso?.(
      libro.modelo
        ? { etapa: "leido", indice: i, total, archivo: f.nombre, indicadores: filasPmr(libro.modelo) }
        : { etapa: "ilegible", indice: i, total, archivo: f.nombre, mensaje: libro.error ?? "" },
    );
  }
  opciones.alProgreso?.({ etapa: "validando", total });
  if (opciones.ceder) await opciones.ceder();
  const { modelo, libro } = consolidarLibros(libros, opciones.nombres);
  // Las filas de origen ya están en el libro descrito: se sueltan.
  for (const l of libros) delete l.origen;
  return { libros, modelo, libro, configuracion: resuelta.configuracion, origen: resuelta.origen };
}

/** Valida lo que dio `leerYConsolidar` (puro): el informe sin el libro. */
export function validarLeidos(c: ConsolidadoSinValidar): Omit<InformeConsolidacion, "libro"> {
  const informe = validarConsolidado(c.libros, c.modelo, c.configuracion, c.origen);
  const archivos = c.libros.map((l) => ({
    nombre: l.nombre,
    leido: l.modelo !== null,
    error: l.error,
    indicadores: l.modelo ? filasPmr(l.modelo) : 0,
  }));
  return { ...informe, archivos, leidos: archivos.filter((a) => a.leido).length };
}

/**
 * Consolida los archivos, uno a uno (cada grilla se suelta al terminar de leerla), y valida el
 * consolidado. Lanza solo si la configuración pedida no es válida; un archivo que no se puede
 * leer queda en el informe (`leidos` dice cuántos se leyeron).
 */
export async function consolidar(
  fuentes: readonly FuenteConsolidacion[],
  opciones: OpcionesConsolidacion = {},
): Promise<InformeConsolidacion> {
  const c = await leerYConsolidar(fuentes, opciones);
  const libro = c.libro!;
  const { archivos, leidos, ...informe } = validarLeidos(c);
  return { ...informe, libro, archivos, leidos };
}
