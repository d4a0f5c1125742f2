/**
 * Contexto de las reglas: el modelo, la evaluación, la configuración y los índices que varias
 * reglas necesitan, construidos UNA vez por ejecución (en tiempo lineal). Ninguna regla recorre
 * el modelo entero por cada fila: busca en estos índices.
 */
import {
  celdaIndicador,
  columnaDe,
  direccionA1,
  normalizarCodigo,
  normalizarTexto,
  rangoA1,
  type CampoPmr,
  type CampoPresupuesto,
  type CampoTerritorial,
  type Configuracion,
  type Evaluacion,
  type FilaPresupuesto,
  type FilaTerritorial,
  type HojaPmr,
  type HojaPresupuesto,
  type HojaTerritorial,
  type Indicador,
  type IndicadorEvaluado,
  type ModeloPmr,
  type SeriePmr,
} from "../domain";

/** Un indicador de la vigencia evaluada que tiene código. */
export interface IndicadorRevisado {
  ev: IndicadorEvaluado;
  ind: Indicador;
  /** Código normalizado (normalizarCodigo). */
  codigo: string;
  /**
   * Identidad estable para las claves: el código; la segunda, tercera… fila con el mismo código
   * es «código#2», «código#3» (no depende del número de fila).
   */
  id: string;
}

export interface ContextoReglas {
  modelo: ModeloPmr;
  evaluacion: Evaluacion;
  config: Configuracion;
  corte: number;
  hojaPmr: HojaPmr | null;
  /** Nombre de la hoja PMR (o «PMR» si no se encontró). */
  nombreHojaPmr: string;
  presupuesto: HojaPresupuesto | null;
  territorial: HojaTerritorial | null;
  /** Indicadores evaluados de la vigencia, en orden de fila (incluye filas sin código). */
  indicadores: readonly IndicadorEvaluado[];
  /** Los que tienen código, en orden de fila. */
  conCodigo: readonly IndicadorRevisado[];
  /** Código normalizado → sus filas (más de una = código duplicado). */
  porCodigo: ReadonlyMap<string, readonly IndicadorRevisado[]>;
  /** Indicador → su registro con identidad (solo los que tienen código). */
  revisado: ReadonlyMap<Indicador, IndicadorRevisado>;
  /** Código de producto normalizado → filas del PMR que lo nombran (de cualquier tipo). */
  filasPorProducto: ReadonlyMap<string, readonly IndicadorEvaluado[]>;
  /** Código de indicador normalizado → filas de la hoja territorial. */
  territorialPorIndicador: ReadonlyMap<string, readonly FilaTerritorial[]>;
  /** Identidad estable de cada fila de presupuesto (producto, recurso, proyecto y ordinal). */
  idPresupuesto: ReadonlyMap<FilaPresupuesto, string>;
  /** Identidad estable de cada fila territorial (indicador, localidad y ordinal). */
  idTerritorial: ReadonlyMap<FilaTerritorial, string>;
  /** Identidad de cada fila de cada hoja (para los problemas de lectura): «hoja» → fila → id. */
  idFila: ReadonlyMap<string, ReadonlyMap<number, string>>;
  /** Celdas con un problema de lectura, como «hoja!A1» (las reglas no repiten ese hallazgo). */
  celdasConProblema: ReadonlySet<string>;
  /** Celda A1 de un campo (o de un mes de una serie) de un indicador en la hoja PMR. */
  celda(ind: Indicador, campo: CampoPmr | SeriePmr, mes?: number): string;
  /** Rango de una serie mensual de la hoja PMR entre dos meses (columnas existentes). */
  rangoSerie(ind: Indicador, serie: SeriePmr, desde: number, hasta: number): string;
  celdaPresupuesto(f: FilaPresupuesto, campo: CampoPresupuesto | "compromisos" | "giros", mes?: number): string;
  rangoPresupuesto(f: FilaPresupuesto, serie: "compromisos" | "giros", desde: number, hasta: number): string;
  celdaTerritorial(f: FilaTerritorial, campo: CampoTerritorial): string;
  /** ¿Tiene esta celda un problema de lectura ya informado? */
  tieneProblema(hoja: string, celda: string): boolean;
}

/** Rango entre la primera y la última columna existente de una lista de columnas por mes. */
function rangoColumnas(
  fila: number,
  columnas: readonly (number | null)[],
  desde: number,
  hasta: number,
  respaldo: number,
): string {
  let min = Infinity;
  let max = -Infinity;
  for (let m = desde; m <= hasta; m++) {
    const c = columnas[m - 1];
    if (c === null || c === undefined) continue;
    if (c < min) min = c;
    if (c > max) max = c;
  }
  if (min === Infinity) return direccionA1(fila, respaldo);
  return rangoA1(fila, min, fila, max);
}

/** Añade a `mapa` la identidad `base` con ordinal («base», «base#2», …). */
function conOrdinal(vistos: Map<string, number>, base: string): string {
  const n = (vistos.get(base) ?? 0) + 1;
  vistos.set(base, n);
  return n === 1 ? base : `${base}#${n}`;
}

export function construirContexto(modelo: ModeloPmr, evaluacion: Evaluacion, config: Configuracion): ContextoReglas {
  const hojaPmr = modelo.pmr;
  const presupuesto = modelo.presupuesto;
  const territorial = modelo.territorial;

  const conCodigo: IndicadorRevisado[] = [];
  const porCodigo = new Map<string, IndicadorRevisado[]>();
  const revisado = new Map<Indicador, IndicadorRevisado>();
  const filasPorProducto = new Map<string, IndicadorEvaluado[]>();
  for (const ev of evaluacion.indicadores) {
    const ind = ev.indicador;
    const codigo = normalizarCodigo(ind.codigo);
    if (codigo) {
      let lista = porCodigo.get(codigo);
      if (!lista) porCodigo.set(codigo, (lista = []));
      const r: IndicadorRevisado = { ev, ind, codigo, id: lista.length === 0 ? codigo : `${codigo}#${lista.length + 1}` };
      lista.push(r);
      conCodigo.push(r);
      revisado.set(ind, r);
    }
    const cp = normalizarCodigo(ind.codigoProducto);
    if (cp) {
      let filas = filasPorProducto.get(cp);
      if (!filas) filasPorProducto.set(cp, (filas = []));
      filas.push(ev);
    }
  }

  const idFila = new Map<string, Map<number, string>>();
  if (hojaPmr) {
    const porFila = new Map<number, string>();
    const vistos = new Map<string, number>();
    for (const ind of hojaPmr.indicadores) {
      const base = normalizarCodigo(ind.codigo) ?? `SIN-CODIGO:${normalizarTexto(ind.nombre ?? "")}`;
      porFila.set(ind.fila, conOrdinal(vistos, `${base}|${ind.vigencia ?? ""}`));
    }
    idFila.set(hojaPmr.nombre, porFila);
  }

  const idPresupuesto = new Map<FilaPresupuesto, string>();
  if (presupuesto) {
    const porFila = new Map<number, string>();
    const vistos = new Map<string, number>();
    for (const f of presupuesto.filas) {
      const base = [
        normalizarCodigo(f.codigoProducto) ?? "",
        f.tipoRecurso ?? normalizarTexto(f.tipoRecursoTexto ?? ""),
        normalizarTexto(f.proyecto ?? ""),
      ].join("|");
      const id = conOrdinal(vistos, base);
      idPresupuesto.set(f, id);
      porFila.set(f.fila, id);
    }
    idFila.set(presupuesto.nombre, porFila);
  }

  const idTerritorial = new Map<FilaTerritorial, string>();
  const territorialPorIndicador = new Map<string, FilaTerritorial[]>();
  if (territorial) {
    const porFila = new Map<number, string>();
    const vistos = new Map<string, number>();
    for (const f of territorial.filas) {
      const codigo = normalizarCodigo(f.codigoIndicador);
      const localidad = f.localidad !== null ? String(f.localidad) : normalizarTexto(f.localidadTexto ?? "");
      const id = conOrdinal(vistos, `${codigo ?? ""}|${localidad}`);
      idTerritorial.set(f, id);
      porFila.set(f.fila, id);
      if (codigo) {
        let filas = territorialPorIndicador.get(codigo);
        if (!filas) territorialPorIndicador.set(codigo, (filas = []));
        filas.push(f);
      }
    }
    idFila.set(territorial.nombre, porFila);
  }

  const celdasConProblema = new Set<string>();
  for (const p of modelo.lectura) if (p.celda) celdasConProblema.add(`${p.hoja}!${p.celda}`);

  const colCodigoPmr = hojaPmr?.columnas.campos.codigo ?? 0;
  const colCodigoPresupuesto = presupuesto?.columnas.campos.codigoProducto ?? 0;
  const colCodigoTerritorial = territorial?.columnas.campos.codigoIndicador ?? 0;

  return {
    modelo,
    evaluacion,
    config,
    corte: evaluacion.corte,
    hojaPmr,
    nombreHojaPmr: hojaPmr?.nombre ?? "PMR",
    presupuesto,
    territorial,
    indicadores: evaluacion.indicadores,
    conCodigo,
    porCodigo,
    revisado,
    filasPorProducto,
    territorialPorIndicador,
    idPresupuesto,
    idTerritorial,
    idFila,
    celdasConProblema,
    celda(ind, campo, mes) {
      if (!hojaPmr) return direccionA1(ind.fila, 0);
      return celdaIndicador(hojaPmr, ind.fila, campo, mes);
    },
    rangoSerie(ind, serie, desde, hasta) {
      if (!hojaPmr) return direccionA1(ind.fila, 0);
      return rangoColumnas(ind.fila, hojaPmr.columnas[serie], desde, hasta, colCodigoPmr);
    },
    celdaPresupuesto(f, campo, mes) {
      const cols = presupuesto?.columnas;
      let col: number | null | undefined;
      if (campo === "compromisos" || campo === "giros") col = mes === undefined ? null : cols?.[campo][mes - 1];
      else col = cols?.campos[campo];
      return direccionA1(f.fila, col ?? colCodigoPresupuesto);
    },
    rangoPresupuesto(f, serie, desde, hasta) {
      return rangoColumnas(f.fila, presupuesto?.columnas[serie] ?? [], desde, hasta, colCodigoPresupuesto);
    },
    celdaTerritorial(f, campo) {
      return direccionA1(f.fila, territorial?.columnas.campos[campo] ?? colCodigoTerritorial);
    },
    tieneProblema(hoja, celda) {
      return celdasConProblema.has(`${hoja}!${celda}`);
    },
  };
}

/** ¿Existe la columna de este campo en la hoja PMR? */
export function hayColumna(ctx: ContextoReglas, campo: CampoPmr | SeriePmr, mes?: number): boolean {
  return ctx.hojaPmr !== null && columnaDe(ctx.hojaPmr.columnas, campo, mes) !== null;
}
