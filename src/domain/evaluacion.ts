/**
 * Evaluación del modelo: aplica los cálculos de §2 a cada indicador, objetivo y producto al
 * corte. Todo en una pasada lineal sobre el modelo; los índices (objetivos, productos por
 * código) se construyen una vez y las reglas los reutilizan.
 */
import {
  acumulado,
  avance,
  avanceFinanciero,
  avancePlan,
  coherencia,
  Promedio,
  sumarAvanceFisico,
  estado,
  programadoAlCorte,
  semaforo,
  ultimoMesConValor,
  type Coherencia,
  type ColorSemaforo,
  type Estado,
} from "./calculos";
import type { Configuracion } from "./configuracion";
import type { FilaPresupuesto, Indicador, ModeloPmr, ReportePmr, TipoIndicador } from "./modelo";
import { conMemoria } from "./memoria";

export interface IndicadorEvaluado {
  indicador: Indicador;
  /** Programado al corte (P). */
  programado: number | null;
  /** Ejecutado acumulado al corte (E). */
  ejecutado: number | null;
  avance: number | null;
  avancePlan: number | null;
  estado: Estado;
  semaforo: ColorSemaforo | null;
}

export interface ObjetivoEvaluado {
  codigo: string;
  nombre: string | null;
  cumplimiento: number | null;
  semaforo: ColorSemaforo | null;
  indicadores: IndicadorEvaluado[];
  /** Códigos de producto de este objetivo, en orden de aparición. */
  productos: string[];
}

export interface ProductoEvaluado {
  codigo: string;
  nombre: string | null;
  codigoObjetivo: string | null;
  indicadores: IndicadorEvaluado[];
  filasPresupuesto: FilaPresupuesto[];
  apropiacion: number | null;
  compromisos: number | null;
  giros: number | null;
  avanceFisico: number | null;
  avanceFinanciero: number | null;
  avanceGiros: number | null;
  coherencia: Coherencia | null;
}

export interface Evaluacion {
  vigencia: number | null;
  corte: number;
  /** Indicadores de la vigencia evaluada (las filas de otras vigencias quedan fuera). */
  indicadores: IndicadorEvaluado[];
  /** Filas del PMR de otras vigencias, que no se evaluaron. */
  omitidos: Indicador[];
  objetivos: ObjetivoEvaluado[];
  productos: ProductoEvaluado[];
  objetivoPorCodigo: Map<string, ObjetivoEvaluado>;
  productoPorCodigo: Map<string, ProductoEvaluado>;
  /**
   * Cómo vienen la programación, la ejecución y el avance cualitativo de la hoja PMR (por mes,
   * por trimestre…; cada periodo se leyó en su mes de cierre). null si el modelo no lo dice.
   */
  reporte: ReportePmr | null;
}

/**
 * ¿Quedaría igual este texto al normalizarlo? Sí si todos sus caracteres son ASCII visibles
 * (sin espacios) y ninguno es una minúscula: ni trim, ni el cambio de espacios, ni toUpperCase lo
 * tocan. Es el caso de casi todos los códigos («IP1.2.3», «O-04»), que así no crean tres textos
 * nuevos por fila.
 */
function yaNormalizado(c: string): boolean {
  if (c.length === 0) return false;
  for (let i = 0; i < c.length; i++) {
    const k = c.charCodeAt(i);
    if (k <= 32 || k >= 127 || (k >= 97 && k <= 122)) return false;
  }
  return true;
}

/** Clave de comparación de un código: sin espacios sobrantes y en mayúsculas. */
export function normalizarCodigo(codigo: string | null | undefined): string | null {
  if (codigo === null || codigo === undefined) return null;
  if (typeof codigo === "string" && yaNormalizado(codigo)) return codigo;
  const c = String(codigo).trim().replace(/\s+/g, " ").toUpperCase();
  return c === "" ? null : c;
}

/**
 * normalizarCodigo con memoria, para una pasada por las filas: los códigos de objetivo y de
 * producto se repiten en cada fila y se normalizan una vez.
 */
export function normalizadorDeCodigos(): (codigo: string | null | undefined) => string | null {
  const normalizar = conMemoria(normalizarCodigo);
  // Un código ya normalizado (casi todos) se reconoce antes que buscarlo en la memoria.
  return (codigo) =>
    codigo === null || codigo === undefined
      ? null
      : typeof codigo === "string" && yaNormalizado(codigo)
        ? codigo
        : normalizar(codigo);
}

/**
 * Tipo efectivo de un indicador: el declarado o, si falta, Producto cuando tiene código de
 * producto (ya normalizado, o sabido). La única definición; `tipoEfectivo` la aplica a una fila.
 */
export function tipoEfectivoDe(tipo: TipoIndicador | null, tieneProducto: boolean): TipoIndicador {
  return tipo ?? (tieneProducto ? "PRODUCTO" : "OBJETIVO");
}

/** Tipo efectivo de un indicador (ver tipoEfectivoDe). */
export function tipoEfectivo(ind: Indicador): TipoIndicador {
  return tipoEfectivoDe(ind.tipo, normalizarCodigo(ind.codigoProducto) !== null);
}

/** Vigencia a evaluar: la pedida o la más reciente de las filas. */
export function vigenciaDelModelo(indicadores: readonly Indicador[], pedida: number | null): number | null {
  if (pedida !== null) return pedida;
  let max: number | null = null;
  for (const i of indicadores) if (i.vigencia !== null && (max === null || i.vigencia > max)) max = i.vigencia;
  return max;
}

/** Corte: el pedido o el último mes con alguna ejecución (1 si no hay ninguna). */
export function corteDelModelo(indicadores: readonly Indicador[], pedido: number | null): number {
  if (pedido !== null) return pedido;
  const m = ultimoMesConValor(indicadores.map((i) => i.ejecutado));
  return m === 0 ? 1 : m;
}

export function evaluarIndicador(ind: Indicador, corte: number, config: Configuracion): IndicadorEvaluado {
  const tendencia = ind.tendencia ?? "SUMA";
  const P = ind.tendencia ? programadoAlCorte(ind.programado, ind.metaVigencia, tendencia, corte) : null;
  const E = acumulado(ind.ejecutado, tendencia, corte);
  const a = ind.tendencia ? avance(P, E, tendencia, ind.lineaBase, config) : null;
  return {
    indicador: ind,
    programado: P,
    ejecutado: E,
    avance: a,
    avancePlan: ind.tendencia
      ? avancePlan(E, ind.metaPlan, tendencia, ind.lineaBase, ind.ejecutadoAnterior, config)
      : null,
    estado: estado(a, corte, E !== null, config.umbralSobrecumplimiento),
    semaforo: semaforo(a, config.semaforo),
  };
}

/** Suma de los valores con dato; null si ninguno tiene. */
function sumaOpcional(valores: Iterable<number | null>): number | null {
  let s = 0;
  let alguno = false;
  for (const v of valores) {
    if (v !== null && Number.isFinite(v)) {
      s += v;
      alguno = true;
    }
  }
  return alguno ? s : null;
}

/** Compromisos (o giros) acumulados al corte de una fila de presupuesto. */
export function acumuladoPresupuesto(
  mensual: readonly (number | null)[],
  total: number | null,
  corte: number,
): number | null {
  const porMes = acumulado(mensual, "SUMA", corte);
  return porMes ?? total;
}

export function evaluar(modelo: ModeloPmr, config: Configuracion): Evaluacion {
  const todos = modelo.pmr?.indicadores ?? [];
  const vigencia = vigenciaDelModelo(todos, config.vigencia);
  const delaVigencia: Indicador[] = [];
  const omitidos: Indicador[] = [];
  for (const i of todos) {
    if (vigencia === null || i.vigencia === null || i.vigencia === vigencia) delaVigencia.push(i);
    else omitidos.push(i);
  }
  const corte = corteDelModelo(delaVigencia, config.corte);

  const objetivoPorCodigo = new Map<string, ObjetivoEvaluado>();
  const productoPorCodigo = new Map<string, ProductoEvaluado>();
  const objetivos: ObjetivoEvaluado[] = [];
  const productos: ProductoEvaluado[] = [];

  const nuevoProducto = (codigo: string, nombre: string | null, codigoObjetivo: string | null): ProductoEvaluado => {
    const p: ProductoEvaluado = {
      codigo,
      nombre,
      codigoObjetivo,
      indicadores: [],
      filasPresupuesto: [],
      apropiacion: null,
      compromisos: null,
      giros: null,
      avanceFisico: null,
      avanceFinanciero: null,
      avanceGiros: null,
      coherencia: null,
    };
    productoPorCodigo.set(codigo, p);
    productos.push(p);
    return p;
  };

  const normalizar = normalizadorDeCodigos();
  // Productos ya anotados en cada objetivo (sin recorrer su lista en cada fila).
  const productosDe = new Map<ObjetivoEvaluado, Set<string>>();

  const indicadores = delaVigencia.map((ind) => {
    const ev = evaluarIndicador(ind, corte, config);
    const co = normalizar(ind.codigoObjetivo);
    const cp = normalizar(ind.codigoProducto);
    if (co) {
      let o = objetivoPorCodigo.get(co);
      if (!o) {
        o = { codigo: co, nombre: ind.objetivo, cumplimiento: null, semaforo: null, indicadores: [], productos: [] };
        objetivoPorCodigo.set(co, o);
        objetivos.push(o);
        productosDe.set(o, new Set());
      }
      o.indicadores.push(ev);
      // Las filas de un producto suelen ir juntas: si es el último anotado, ya está.
      if (cp && o.productos[o.productos.length - 1] !== cp) {
        const vistos = productosDe.get(o)!;
        if (!vistos.has(cp)) {
          vistos.add(cp);
          o.productos.push(cp);
        }
      }
    }
    if (cp) {
      const p = productoPorCodigo.get(cp) ?? nuevoProducto(cp, ind.producto, co);
      if (tipoEfectivoDe(ind.tipo, true) === "PRODUCTO") p.indicadores.push(ev);
    }
    return ev;
  });

  // Cumplimiento (promedio ponderado de los avances) y avance físico con el acumulador de
  // calculos.ts, sin un objeto por indicador.
  for (const o of objetivos) {
    const p = new Promedio();
    for (const i of o.indicadores) p.sumar(i.avance, i.indicador.ponderacion);
    o.cumplimiento = p.valor();
    o.semaforo = semaforo(o.cumplimiento, config.semaforo);
  }

  for (const fila of modelo.presupuesto?.filas ?? []) {
    const cp = normalizarCodigo(fila.codigoProducto);
    if (!cp) continue;
    const p = productoPorCodigo.get(cp) ?? nuevoProducto(cp, null, null);
    p.filasPresupuesto.push(fila);
  }

  const hayPresupuesto = modelo.presupuesto !== null;
  for (const p of productos) {
    const fisico = new Promedio();
    for (const i of p.indicadores)
      sumarAvanceFisico(fisico, i.ejecutado, i.indicador.metaVigencia, i.indicador.ponderacion);
    p.avanceFisico = fisico.valor();
    if (hayPresupuesto && p.filasPresupuesto.length > 0) {
      p.apropiacion = sumaOpcional(p.filasPresupuesto.map((f) => f.apropiacion));
      p.compromisos = sumaOpcional(
        p.filasPresupuesto.map((f) => acumuladoPresupuesto(f.compromisos, f.compromisosAcumulados, corte)),
      );
      p.giros = sumaOpcional(p.filasPresupuesto.map((f) => acumuladoPresupuesto(f.giros, f.girosAcumulados, corte)));
      p.avanceFinanciero = avanceFinanciero(p.compromisos, p.apropiacion);
      p.avanceGiros = avanceFinanciero(p.giros, p.apropiacion);
      p.coherencia = coherencia(p.avanceFisico, p.avanceFinanciero, config.toleranciaFisicoFinanciera);
    }
  }

  return {
    vigencia,
    corte,
    indicadores,
    omitidos,
    objetivos,
    productos,
    objetivoPorCodigo,
    productoPorCodigo,
    reporte: modelo.pmr?.reporte ?? null,
  };
}
