/**
 * Hallazgos ↔ Tablero, en lógica pura (sin React ni Office; se prueba en Node).
 *
 * Un hallazgo trae su hoja y su celda, no códigos. El vínculo sale del modelo: la fila de la
 * celda es la fila de un indicador (`Indicador.fila`) en la hoja PMR, de una fila de presupuesto
 * (→ su producto) o de una fila territorial (→ su indicador, por código). La columna dice si el
 * hallazgo es del indicador, de su producto (columnas Código producto y Producto) o de su
 * objetivo (Código objetivo y Objetivo); un rango de varias filas de un mismo objetivo (las
 * ponderaciones K18:K23) es del objetivo. Así un objetivo cuenta sus hallazgos, los de sus
 * productos y los de sus indicadores, y un producto los suyos y los de sus indicadores.
 *
 * También el detalle de un hallazgo: el valor que tiene su celda (lo que leyó el complemento) y,
 * de la regla, lo que espera y cómo corregirlo.
 */
import { indiceColumna, letraColumna } from "../domain/direcciones";
import { normalizarCodigo, type Evaluacion } from "../domain/evaluacion";
import type { Hallazgo, Severidad } from "../domain/hallazgo";
import type { CampoPmr, ColumnasPmr, FilaPresupuesto, FilaTerritorial, Indicador, ModeloPmr } from "../domain/modelo";
import { ERROR_INTERNO, SIN_RESALTAR } from "../rules/mensajes";
import { REGLAS } from "../rules/registro";
import { formatearNumero, formatearPorcentaje } from "./logica";
import { MENSAJES } from "./mensajes";

/** Lo que el vínculo necesita del informe (InformeValidacion). */
export interface InformeVinculable {
  modelo: ModeloPmr;
  evaluacion: Pick<Evaluacion, "indicadores" | "productoPorCodigo">;
  hallazgos: readonly Hallazgo[];
}

/** Un objetivo, un producto (códigos normalizados) o un indicador (por su fila en la hoja PMR). */
export type Ambito =
  | { tipo: "objetivo"; codigo: string }
  | { tipo: "producto"; codigo: string }
  | { tipo: "indicador"; fila: number; codigo: string | null };

/** A qué pertenece un hallazgo: la entidad más precisa y las que la contienen. */
export interface Vinculo {
  objetivo: string | null;
  producto: string | null;
  /** Fila del indicador en la hoja PMR; null si el hallazgo es del producto o del objetivo. */
  fila: number | null;
}

export type ConteoSeveridad = Record<Severidad, number>;

export interface IndiceHallazgos {
  /** Vínculo de un hallazgo (null: es del libro o de una hoja, no de un objetivo, producto o indicador). */
  vinculo(h: Hallazgo): Vinculo | null;
  /** ¿El hallazgo es del ámbito (o de algo que el ámbito contiene)? */
  pertenece(h: Hallazgo, ambito: Ambito): boolean;
  /** Hallazgos del ámbito por severidad. */
  cuenta(ambito: Ambito): ConteoSeveridad;
}

/** Un rango A1 («B7», «K18:K23»): filas 1-based, columnas 0-based. */
export interface RangoCeldas {
  fila1: number;
  fila2: number;
  col1: number;
  col2: number;
}

export function leerRango(celda: string): RangoCeldas | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(celda.trim());
  if (!m) return null;
  const c1 = indiceColumna(m[1]);
  const f1 = Number(m[2]);
  const c2 = m[3] ? indiceColumna(m[3]) : c1;
  const f2 = m[4] ? Number(m[4]) : f1;
  if (c1 < 0 || c2 < 0 || f1 < 1 || f2 < 1) return null;
  return { fila1: Math.min(f1, f2), fila2: Math.max(f1, f2), col1: Math.min(c1, c2), col2: Math.max(c1, c2) };
}

const CERO = (): ConteoSeveridad => ({ error: 0, advertencia: 0, info: 0 });

function claveAmbito(a: Ambito): string {
  return a.tipo === "indicador" ? `i:${a.fila}` : `${a.tipo === "objetivo" ? "o" : "p"}:${a.codigo}`;
}

/** Clase de una columna de la hoja PMR: del objetivo, del producto o del indicador. */
function claseColumna(
  campos: ColumnasPmr["campos"],
  col1: number,
  col2: number,
): "objetivo" | "producto" | "indicador" {
  const de = (claves: readonly CampoPmr[]) => claves.map((k) => campos[k]).filter((c): c is number => c !== undefined);
  const objetivo = de(["codigoObjetivo", "objetivo"]);
  const producto = de(["codigoProducto", "producto"]);
  const todas = (cols: number[]) => {
    for (let c = col1; c <= col2; c++) if (!cols.includes(c)) return false;
    return true;
  };
  if (todas(objetivo)) return "objetivo";
  if (todas(producto)) return "producto";
  return "indicador";
}

/**
 * Vincula cada hallazgo con su objetivo, producto o indicador y cuenta por severidad, en una
 * pasada (las cuentas de miles de hallazgos se arman una vez por validación).
 */
export function vincularHallazgos(informe: InformeVinculable): IndiceHallazgos {
  const { modelo, evaluacion } = informe;
  const pmr = modelo.pmr;
  const porFila = new Map<number, Indicador>();
  let primeraFila = Infinity;
  let ultimaFila = 0;
  for (const ev of evaluacion.indicadores) {
    porFila.set(ev.indicador.fila, ev.indicador);
    primeraFila = Math.min(primeraFila, ev.indicador.fila);
    ultimaFila = Math.max(ultimaFila, ev.indicador.fila);
  }
  const primeraPorCodigo = new Map<string, Indicador>();
  for (const ev of evaluacion.indicadores) {
    const c = normalizarCodigo(ev.indicador.codigo);
    if (c && !primeraPorCodigo.has(c)) primeraPorCodigo.set(c, ev.indicador);
  }
  const presupuestoPorFila = new Map<number, FilaPresupuesto>();
  for (const f of modelo.presupuesto?.filas ?? []) presupuestoPorFila.set(f.fila, f);
  const territorialPorFila = new Map<number, FilaTerritorial>();
  for (const f of modelo.territorial?.filas ?? []) territorialPorFila.set(f.fila, f);

  const deIndicador = (i: Indicador): Vinculo => ({
    objetivo: normalizarCodigo(i.codigoObjetivo),
    producto: normalizarCodigo(i.codigoProducto),
    fila: i.fila,
  });
  const deProducto = (codigo: string, respaldo: Indicador | null): Vinculo => ({
    objetivo:
      evaluacion.productoPorCodigo.get(codigo)?.codigoObjetivo ??
      (respaldo ? normalizarCodigo(respaldo.codigoObjetivo) : null),
    producto: codigo,
    fila: null,
  });

  const vincular = (h: Hallazgo): Vinculo | null => {
    const r = leerRango(h.celda);
    if (!r) return null;
    if (pmr && h.hoja === pmr.nombre) {
      const filas: Indicador[] = [];
      // Solo las filas que pueden ser de indicadores (un rango de columna entera no recorre un millón).
      for (let f = Math.max(r.fila1, primeraFila); f <= Math.min(r.fila2, ultimaFila); f++) {
        const i = porFila.get(f);
        if (i) filas.push(i);
      }
      if (filas.length === 0) return null;
      const clase = claseColumna(pmr.columnas.campos, r.col1, r.col2);
      if (filas.length === 1) {
        const v = deIndicador(filas[0]);
        if (clase === "objetivo") return { objetivo: v.objetivo, producto: null, fila: null };
        if (clase === "producto" && v.producto) return deProducto(v.producto, filas[0]);
        return v;
      }
      const objetivos = new Set(filas.map((i) => normalizarCodigo(i.codigoObjetivo)));
      if (objetivos.size !== 1) return null;
      const objetivo = [...objetivos][0];
      const productos = new Set(filas.map((i) => normalizarCodigo(i.codigoProducto)));
      if (clase === "producto" && productos.size === 1) {
        const p = [...productos][0];
        if (p) return deProducto(p, filas[0]);
      }
      return objetivo ? { objetivo, producto: null, fila: null } : null;
    }
    if (modelo.presupuesto && h.hoja === modelo.presupuesto.nombre) {
      const f = presupuestoPorFila.get(r.fila1);
      const codigo = f ? normalizarCodigo(f.codigoProducto) : null;
      return codigo ? deProducto(codigo, null) : null;
    }
    if (modelo.territorial && h.hoja === modelo.territorial.nombre) {
      const f = territorialPorFila.get(r.fila1);
      const codigo = f ? normalizarCodigo(f.codigoIndicador) : null;
      const i = codigo ? primeraPorCodigo.get(codigo) : undefined;
      return i ? deIndicador(i) : null;
    }
    return null;
  };

  const vinculos = new Map<Hallazgo, Vinculo | null>();
  const cuentas = new Map<string, ConteoSeveridad>();
  const sumar = (clave: string, s: Severidad) => {
    let c = cuentas.get(clave);
    if (!c) cuentas.set(clave, (c = CERO()));
    c[s]++;
  };
  for (const h of informe.hallazgos) {
    const v = vincular(h);
    vinculos.set(h, v);
    if (!v) continue;
    if (v.objetivo) sumar(`o:${v.objetivo}`, h.severidad);
    if (v.producto) sumar(`p:${v.producto}`, h.severidad);
    if (v.fila !== null) sumar(`i:${v.fila}`, h.severidad);
  }

  return {
    vinculo: (h) => vinculos.get(h) ?? null,
    pertenece(h, a) {
      const v = vinculos.get(h);
      if (!v) return false;
      if (a.tipo === "objetivo") return v.objetivo === a.codigo;
      if (a.tipo === "producto") return v.producto === a.codigo;
      return v.fila === a.fila;
    },
    cuenta: (a) => ({ ...(cuentas.get(claveAmbito(a)) ?? CERO()) }),
  };
}

/** Total de un conteo por severidad. */
export function totalConteo(c: ConteoSeveridad): number {
  return c.error + c.advertencia + c.info;
}

/** Nombre de un ámbito para el usuario: «objetivo O3», «producto P4.1», «indicador IP5.1.2». */
export function nombreAmbito(a: Ambito): string {
  if (a.tipo === "objetivo") return MENSAJES.ambitoObjetivo(a.codigo);
  if (a.tipo === "producto") return MENSAJES.ambitoProducto(a.codigo);
  return MENSAJES.ambitoIndicador(a.codigo ?? MENSAJES.filaN(a.fila));
}

export function mismoAmbito(a: Ambito | null, b: Ambito | null): boolean {
  if (a === null || b === null) return a === b;
  return claveAmbito(a) === claveAmbito(b);
}

// ─── Detalle de un hallazgo ─────────────────────────────────────────────────────────────────

export interface MetaVisible {
  descripcion: string;
  esperado: string | null;
  comoCorregir: string;
}

const METAS = new Map<string, MetaVisible>(
  [...REGLAS.map((r) => r.meta), ERROR_INTERNO, SIN_RESALTAR].map((m) => [
    m.id,
    { descripcion: m.descripcion, esperado: m.esperado ?? null, comoCorregir: m.comoCorregir },
  ]),
);

/** Lo que la regla dice de sí misma (qué revisa, qué espera, cómo corregir); null si no se conoce. */
export function metaDeRegla(id: string): MetaVisible | null {
  return METAS.get(id) ?? null;
}

/** Valor de una celda para mostrarlo: «—» vacía. */
export interface ValorMostrado {
  celda: string;
  valor: string;
}

/** Máximo de celdas de un rango cuyo valor se muestra (un mes por celda: 12). */
export const MAX_CELDAS_VALOR = 12;

type Leido = string | number | null | undefined;

function texto(v: Leido, porcentaje = false): string {
  if (v === null || v === undefined || v === "") return MENSAJES.celdaVacia;
  if (typeof v === "number") return porcentaje ? formatearPorcentaje(v) : formatearNumero(v);
  return `«${v}»`;
}

/** Lector de una celda (fila 1-based, columna 0-based) de una hoja del modelo; undefined si no la conoce. */
type LectorCelda = (fila: number, col: number) => string | undefined;

function lectorPmr(modelo: ModeloPmr): LectorCelda | null {
  const pmr = modelo.pmr;
  if (!pmr) return null;
  const porFila = new Map(pmr.indicadores.map((i) => [i.fila, i]));
  const campoDe = new Map<number, string>();
  for (const [campo, col] of Object.entries(pmr.columnas.campos)) if (col !== undefined) campoDe.set(col, campo);
  const serieDe = new Map<number, { serie: "programado" | "ejecutado" | "cualitativo"; mes: number }>();
  for (const serie of ["programado", "ejecutado", "cualitativo"] as const) {
    pmr.columnas[serie].forEach((col, m) => {
      if (col !== null) serieDe.set(col, { serie, mes: m });
    });
  }
  return (fila, col) => {
    const i = porFila.get(fila);
    if (!i) return undefined;
    const s = serieDe.get(col);
    if (s) return texto(i[s.serie][s.mes]);
    const campo = campoDe.get(col);
    if (!campo) return undefined;
    switch (campo) {
      case "tipo":
        return texto(i.tipoTexto);
      case "tendencia":
        return texto(i.tendenciaTexto);
      case "periodicidad":
        return texto(i.periodicidadTexto);
      case "ponderacion":
        return texto(i.ponderacion, true);
      default:
        return texto((i as unknown as Record<string, Leido>)[campo]);
    }
  };
}

function lectorPresupuesto(modelo: ModeloPmr): LectorCelda | null {
  const hoja = modelo.presupuesto;
  if (!hoja) return null;
  const porFila = new Map(hoja.filas.map((f) => [f.fila, f]));
  const campoDe = new Map<number, string>();
  for (const [campo, col] of Object.entries(hoja.columnas.campos)) if (col !== undefined) campoDe.set(col, campo);
  const serieDe = new Map<number, { serie: "compromisos" | "giros"; mes: number }>();
  for (const serie of ["compromisos", "giros"] as const) {
    hoja.columnas[serie].forEach((col, m) => {
      if (col !== null) serieDe.set(col, { serie, mes: m });
    });
  }
  return (fila, col) => {
    const f = porFila.get(fila);
    if (!f) return undefined;
    const s = serieDe.get(col);
    if (s) return texto(f[s.serie][s.mes]);
    const campo = campoDe.get(col);
    if (!campo) return undefined;
    return texto(campo === "tipoRecurso" ? f.tipoRecursoTexto : (f as unknown as Record<string, Leido>)[campo]);
  };
}

function lectorTerritorial(modelo: ModeloPmr): LectorCelda | null {
  const hoja = modelo.territorial;
  if (!hoja) return null;
  const porFila = new Map(hoja.filas.map((f) => [f.fila, f]));
  const campoDe = new Map<number, string>();
  for (const [campo, col] of Object.entries(hoja.columnas.campos)) if (col !== undefined) campoDe.set(col, campo);
  return (fila, col) => {
    const f = porFila.get(fila);
    const campo = campoDe.get(col);
    if (!f || !campo) return undefined;
    return texto(campo === "localidad" ? f.localidadTexto : (f as unknown as Record<string, Leido>)[campo]);
  };
}

/**
 * Lo que el complemento leyó en la celda (o en cada celda de un rango pequeño) del hallazgo:
 * el texto de un error de Excel o de un valor ilegible tal cual; las cifras como se leyeron.
 * null si la celda no es de una fila de datos (un encabezado, la hoja entera) o el rango es grande.
 */
export function valoresDeHallazgo(modelo: ModeloPmr, h: Pick<Hallazgo, "hoja" | "celda">): ValorMostrado[] | null {
  const r = leerRango(h.celda);
  if (!r) return null;
  const celdas = (r.fila2 - r.fila1 + 1) * (r.col2 - r.col1 + 1);
  if (celdas > MAX_CELDAS_VALOR) return null;
  const lector =
    modelo.pmr && h.hoja === modelo.pmr.nombre
      ? lectorPmr(modelo)
      : modelo.presupuesto && h.hoja === modelo.presupuesto.nombre
        ? lectorPresupuesto(modelo)
        : modelo.territorial && h.hoja === modelo.territorial.nombre
          ? lectorTerritorial(modelo)
          : null;
  if (!lector) return null;
  const problemas = new Map<string, string>();
  for (const p of modelo.lectura) if (p.hoja === h.hoja && p.celda && p.detalle) problemas.set(p.celda, p.detalle);
  const salida: ValorMostrado[] = [];
  for (let f = r.fila1; f <= r.fila2; f++) {
    for (let c = r.col1; c <= r.col2; c++) {
      const celda = `${letraColumna(c)}${f}`;
      const crudo = problemas.get(celda);
      const valor = crudo !== undefined ? `«${crudo}»` : lector(f, c);
      if (valor !== undefined) salida.push({ celda, valor });
    }
  }
  return salida.length > 0 ? salida : null;
}

const INDICES = new WeakMap<object, IndiceHallazgos>();

/** El índice de un informe, construido una vez (el Tablero y la lista de hallazgos lo comparten). */
export function indiceDe(informe: InformeVinculable): IndiceHallazgos {
  let i = INDICES.get(informe);
  if (!i) {
    i = vincularHallazgos(informe);
    INDICES.set(informe, i);
  }
  return i;
}
