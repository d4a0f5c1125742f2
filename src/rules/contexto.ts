/**
 * Contexto de las reglas: el modelo, la evaluación, la configuración y los índices que varias
 * reglas necesitan, construidos UNA vez por ejecución (en tiempo lineal). Ninguna regla recorre
 * el modelo entero por cada fila: busca en estos índices.
 */
import type { Configuracion } from "../domain/configuracion";
import type { Sello } from "../domain/sellos";
import { celdaIndicador, columnaDe, direccionA1, rangoA1 } from "../domain/direcciones";
import {
  normalizadorDeCodigos,
  normalizarCodigo,
  tipoEfectivoDe,
  type Evaluacion,
  type IndicadorEvaluado,
} from "../domain/evaluacion";
import type {
  CampoPmr,
  CampoPresupuesto,
  CampoTerritorial,
  FilaPresupuesto,
  FilaTerritorial,
  HojaPmr,
  HojaPresupuesto,
  HojaTerritorial,
  Indicador,
  ModeloPmr,
  SeriePmr,
  TipoIndicador,
} from "../domain/modelo";
import { normalizarTexto } from "../domain/valores";

/** Una fila de la vigencia evaluada con sus códigos ya normalizados (normalizarCodigo) y su tipo efectivo. */
export interface FilaNormalizada {
  ev: IndicadorEvaluado;
  ind: Indicador;
  codigo: string | null;
  codigoObjetivo: string | null;
  codigoProducto: string | null;
  tipo: TipoIndicador;
}

/** Un indicador de la vigencia evaluada que tiene código. */
export interface IndicadorRevisado extends FilaNormalizada {
  /** Código normalizado (normalizarCodigo). */
  codigo: string;
  /**
   * Identidad estable para las claves: el código; la segunda, tercera… fila con el mismo código
   * es «código#2», «código#3» (no depende del número de fila).
   */
  id: string;
}

/**
 * Lo que el complemento guarda dentro del libro (PMR-SPEC §6.1) y las reglas revisan: hoy, los
 * problemas al leerlo (lo guardado que no se pudo usar). Lo llena el caso de uso «validar».
 */
export interface DatosGuardados {
  /** Un problema por oración, con la ranura de la que viene («configuracion», «sellos»…). */
  problemas: readonly { ranura: string; mensaje: string }[];
  /**
   * Los sellos de cierre guardados en el libro (las reglas de Cierre los revisan). Ausente: el
   * libro no tiene sellos.
   */
  sellos?: LecturaSellos;
}

/** Los sellos leídos del libro. */
export interface LecturaSellos {
  /** Los sellos, en el orden en que se sellaron (vacío si no se pudieron leer). */
  sellos: readonly Sello[];
  /**
   * Por qué lo guardado no se pudo leer (partes que faltan, huella del almacén distinta, forma no
   * válida): los sellos no se pueden usar y eso es un error de Cierre, no una advertencia.
   */
  ilegibles: readonly string[];
}

export const SIN_GUARDADO: DatosGuardados = Object.freeze({ problemas: [] });

export interface ContextoReglas {
  modelo: ModeloPmr;
  /** Lo guardado por el complemento en el libro. */
  guardado: DatosGuardados;
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
  /** Todas las filas evaluadas con sus códigos normalizados, en orden de fila. */
  filas: readonly FilaNormalizada[];
  /** Indicador → su fila normalizada. */
  normalizada: ReadonlyMap<Indicador, FilaNormalizada>;
  /** Los que tienen código, en orden de fila. */
  conCodigo: readonly IndicadorRevisado[];
  /** Código normalizado → sus filas (más de una = código duplicado). Se construye al pedirlo. */
  porCodigo: ReadonlyMap<string, readonly IndicadorRevisado[]>;
  /** Solo los códigos con más de una fila → todas sus filas, en orden de fila. */
  repetidos: ReadonlyMap<string, readonly IndicadorRevisado[]>;
  /** Indicador → su registro con identidad (solo los que tienen código). Se construye al pedirlo. */
  revisado: ReadonlyMap<Indicador, IndicadorRevisado>;
  /**
   * Código de objetivo normalizado → sus indicadores con código, en orden de fila: los de
   * `evaluacion.objetivos[…].indicadores` que tienen código, sin buscar cada uno en `revisado`.
   */
  revisadosPorObjetivo: ReadonlyMap<string, readonly IndicadorRevisado[]>;
  /** Código de producto normalizado → filas del PMR que lo nombran (de cualquier tipo). */
  filasPorProducto: ReadonlyMap<string, readonly FilaNormalizada[]>;
  /** Código de indicador normalizado → filas de la hoja territorial. */
  territorialPorIndicador: ReadonlyMap<string, readonly FilaTerritorial[]>;
  /** Identidad estable de una fila de presupuesto (producto, recurso, proyecto y ordinal). */
  idPresupuesto(f: FilaPresupuesto): string;
  /** Identidad estable de una fila territorial (indicador, localidad y ordinal). */
  idTerritorial(f: FilaTerritorial): string;
  /** Identidad de la fila `fila` de una hoja (para los problemas de lectura); undefined si no es una fila de datos. */
  idFila(hoja: string, fila: number): string | undefined;
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

export function construirContexto(
  modelo: ModeloPmr,
  evaluacion: Evaluacion,
  config: Configuracion,
  guardado: DatosGuardados = SIN_GUARDADO,
): ContextoReglas {
  const hojaPmr = modelo.pmr;
  const presupuesto = modelo.presupuesto;
  const territorial = modelo.territorial;

  const conCodigo: IndicadorRevisado[] = [];
  // La primera fila de cada código y, solo para los códigos repetidos, todas sus filas: sin una
  // lista por código (casi ninguno se repite). `porCodigo` y `revisado` se construyen si se piden.
  const primeraPorCodigo = new Map<string, IndicadorRevisado>();
  const repetidos = new Map<string, IndicadorRevisado[]>();
  const revisadosPorObjetivo = new Map<string, IndicadorRevisado[]>();
  const filasPorProducto = new Map<string, FilaNormalizada[]>();
  const filas: FilaNormalizada[] = [];
  // Los códigos de objetivo y de producto se repiten en cada fila: se normalizan una vez.
  const normalizar = normalizadorDeCodigos();
  for (const ev of evaluacion.indicadores) {
    const ind = ev.indicador;
    const codigo = normalizarCodigo(ind.codigo);
    const codigoProducto = normalizar(ind.codigoProducto);
    const tipo: TipoIndicador = tipoEfectivoDe(ind.tipo, codigoProducto !== null);
    const codigoObjetivo = normalizar(ind.codigoObjetivo);
    let f: FilaNormalizada;
    if (codigo) {
      const primera = primeraPorCodigo.get(codigo);
      let lista: IndicadorRevisado[] | undefined;
      if (primera !== undefined) {
        lista = repetidos.get(codigo);
        if (!lista) repetidos.set(codigo, (lista = [primera]));
      }
      const id = lista === undefined ? codigo : `${codigo}#${lista.length + 1}`;
      const r: IndicadorRevisado = { ev, ind, codigo, codigoObjetivo, codigoProducto, tipo, id };
      if (lista === undefined) primeraPorCodigo.set(codigo, r);
      else lista.push(r);
      conCodigo.push(r);
      if (codigoObjetivo) {
        let deObjetivo = revisadosPorObjetivo.get(codigoObjetivo);
        if (!deObjetivo) revisadosPorObjetivo.set(codigoObjetivo, (deObjetivo = []));
        deObjetivo.push(r);
      }
      f = r;
    } else {
      f = { ev, ind, codigo, codigoObjetivo, codigoProducto, tipo };
    }
    filas.push(f);
    if (codigoProducto) {
      let deProducto = filasPorProducto.get(codigoProducto);
      if (!deProducto) filasPorProducto.set(codigoProducto, (deProducto = []));
      deProducto.push(f);
    }
  }

  const territorialPorIndicador = new Map<string, FilaTerritorial[]>();
  for (const f of territorial?.filas ?? []) {
    const codigo = normalizarCodigo(f.codigoIndicador);
    if (!codigo) continue;
    let filas = territorialPorIndicador.get(codigo);
    if (!filas) territorialPorIndicador.set(codigo, (filas = []));
    filas.push(f);
  }

  // Identidades de filas: solo se necesitan al emitir un hallazgo, así que se calculan la
  // primera vez que se piden (una pasada por hoja).
  let idsPresupuesto: Map<FilaPresupuesto, string> | null = null;
  let idsTerritorial: Map<FilaTerritorial, string> | null = null;
  let idsPorHoja: Map<string, Map<number, string>> | null = null;

  const calcularIdsPresupuesto = (): Map<FilaPresupuesto, string> => {
    const ids = new Map<FilaPresupuesto, string>();
    const vistos = new Map<string, number>();
    for (const f of presupuesto?.filas ?? []) {
      const base = [
        normalizarCodigo(f.codigoProducto) ?? "",
        f.tipoRecurso ?? normalizarTexto(f.tipoRecursoTexto ?? ""),
        normalizarTexto(f.proyecto ?? ""),
      ].join("|");
      ids.set(f, conOrdinal(vistos, base));
    }
    return ids;
  };
  const calcularIdsTerritorial = (): Map<FilaTerritorial, string> => {
    const ids = new Map<FilaTerritorial, string>();
    const vistos = new Map<string, number>();
    for (const f of territorial?.filas ?? []) {
      const codigo = normalizarCodigo(f.codigoIndicador) ?? "";
      const localidad = f.localidad !== null ? String(f.localidad) : normalizarTexto(f.localidadTexto ?? "");
      ids.set(f, conOrdinal(vistos, `${codigo}|${localidad}`));
    }
    return ids;
  };
  const calcularIdsPorHoja = (): Map<string, Map<number, string>> => {
    const porHoja = new Map<string, Map<number, string>>();
    if (hojaPmr) {
      const porFila = new Map<number, string>();
      const vistos = new Map<string, number>();
      for (const ind of hojaPmr.indicadores) {
        const base = normalizarCodigo(ind.codigo) ?? `SIN-CODIGO:${normalizarTexto(ind.nombre ?? "")}`;
        porFila.set(ind.fila, conOrdinal(vistos, `${base}|${ind.vigencia ?? ""}`));
      }
      porHoja.set(hojaPmr.nombre, porFila);
    }
    if (presupuesto) {
      idsPresupuesto ??= calcularIdsPresupuesto();
      const porFila = new Map<number, string>();
      for (const [f, id] of idsPresupuesto) porFila.set(f.fila, id);
      porHoja.set(presupuesto.nombre, porFila);
    }
    if (territorial) {
      idsTerritorial ??= calcularIdsTerritorial();
      const porFila = new Map<number, string>();
      for (const [f, id] of idsTerritorial) porFila.set(f.fila, id);
      porHoja.set(territorial.nombre, porFila);
    }
    return porHoja;
  };

  let normalizadaIndice: Map<Indicador, FilaNormalizada> | null = null;
  let porCodigoIndice: Map<string, readonly IndicadorRevisado[]> | null = null;
  let revisadoIndice: Map<Indicador, IndicadorRevisado> | null = null;

  const celdasConProblema = new Set<string>();
  for (const p of modelo.lectura) if (p.celda) celdasConProblema.add(`${p.hoja}!${p.celda}`);

  const colCodigoPmr = hojaPmr?.columnas.campos.codigo ?? 0;
  const colCodigoPresupuesto = presupuesto?.columnas.campos.codigoProducto ?? 0;
  const colCodigoTerritorial = territorial?.columnas.campos.codigoIndicador ?? 0;

  return {
    modelo,
    guardado,
    evaluacion,
    config,
    corte: evaluacion.corte,
    hojaPmr,
    nombreHojaPmr: hojaPmr?.nombre ?? "PMR",
    presupuesto,
    territorial,
    indicadores: evaluacion.indicadores,
    filas,
    // Ninguna regla de hoy lo usa: se construye la primera vez que se pide (un Map de 10 000
    // entradas por validación es tiempo y memoria que se recogen después).
    get normalizada() {
      normalizadaIndice ??= new Map(filas.map((f) => [f.ind, f]));
      return normalizadaIndice;
    },
    conCodigo,
    get porCodigo() {
      if (porCodigoIndice === null) {
        // En el orden de la primera aparición de cada código, como se recorrían las filas.
        porCodigoIndice = new Map();
        for (const [codigo, r] of primeraPorCodigo) porCodigoIndice.set(codigo, repetidos.get(codigo) ?? [r]);
      }
      return porCodigoIndice;
    },
    repetidos,
    get revisado() {
      revisadoIndice ??= new Map(conCodigo.map((r) => [r.ind, r]));
      return revisadoIndice;
    },
    revisadosPorObjetivo,
    filasPorProducto,
    territorialPorIndicador,
    idPresupuesto(f) {
      idsPresupuesto ??= calcularIdsPresupuesto();
      return idsPresupuesto.get(f) ?? "";
    },
    idTerritorial(f) {
      idsTerritorial ??= calcularIdsTerritorial();
      return idsTerritorial.get(f) ?? "";
    },
    idFila(hoja, fila) {
      idsPorHoja ??= calcularIdsPorHoja();
      return idsPorHoja.get(hoja)?.get(fila);
    },
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

/**
 * ¿Tiene código este indicador? Lo mismo que `ctx.revisado.has(ind)` para un indicador de la
 * vigencia evaluada, sin construir ese índice.
 */
export function tieneCodigo(ind: Indicador): boolean {
  return normalizarCodigo(ind.codigo) !== null;
}

/** ¿Existe la columna de este campo en la hoja PMR? */
export function hayColumna(ctx: ContextoReglas, campo: CampoPmr | SeriePmr, mes?: number): boolean {
  return ctx.hojaPmr !== null && columnaDe(ctx.hojaPmr.columnas, campo, mes) !== null;
}
