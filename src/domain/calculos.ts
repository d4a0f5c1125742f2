/**
 * Cálculos de PMR-SPEC §2 — la única fuente de cada cifra. Las funciones =PMR.*, el motor, las
 * reglas, el panel y los informes llaman a estas funciones; ninguna fórmula existe dos veces.
 *
 * Convenciones: los avances son fracciones (1 = 100 %); null = el valor no existe (celda vacía,
 * sin programación). Vacío nunca es cero.
 */
import type { Configuracion } from "./configuracion";
import { CONFIGURACION_POR_DEFECTO } from "./configuracion";
import type { Tendencia } from "./modelo";

/** Margen para comparaciones de igualdad entre cifras calculadas en coma flotante. */
export const EPSILON = 1e-9;

type Serie = readonly (number | null | undefined)[];

/** ¿Es un número finito? (null, NaN e ±Infinity no son cifras.) La única definición. */
export function esNumero(v: number | null | undefined): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

/** ¿La tendencia acumula flujos (SUMA) o reporta niveles (las demás)? */
export function esFlujo(tendencia: Tendencia): boolean {
  return tendencia === "SUMA";
}

/**
 * Acumulado de una serie mensual al mes `m` (1–12).
 * SUMA: suma de los meses 1..m con valor. CRECIENTE/CONSTANTE/DECRECIENTE: el último valor no
 * vacío en 1..m. null si no hay ningún valor hasta m.
 */
export function acumulado(serie: Serie, tendencia: Tendencia, m = 12): number | null {
  const hasta = Math.min(Math.max(Math.trunc(m), 0), serie.length);
  if (esFlujo(tendencia)) {
    let suma = 0;
    let alguno = false;
    for (let i = 0; i < hasta; i++) {
      const v = serie[i];
      if (esNumero(v)) {
        suma += v;
        alguno = true;
      }
    }
    return alguno ? suma : null;
  }
  for (let i = hasta - 1; i >= 0; i--) {
    const v = serie[i];
    if (esNumero(v)) return v;
  }
  return null;
}

/** ¿Tiene la serie algún valor? */
export function tieneValores(serie: Serie): boolean {
  for (const v of serie) if (esNumero(v)) return true;
  return false;
}

/**
 * Programado al corte `m`. Con programación mensual: SUMA → suma de prog[1..m]; las demás → el
 * último prog no vacío hasta m. Sin programación mensual: la meta vigencia. En el cierre
 * (m = 12) siempre la meta vigencia (si existe).
 */
export function programadoAlCorte(
  programado: Serie,
  metaVigencia: number | null | undefined,
  tendencia: Tendencia,
  m: number,
): number | null {
  const mv = esNumero(metaVigencia) ? metaVigencia : null;
  if (m >= 12 && mv !== null) return mv;
  if (tieneValores(programado)) return acumulado(programado, tendencia, m);
  return mv;
}

export interface OpcionesAvance {
  metodoAvance: Configuracion["metodoAvance"];
  metodoDecreciente: Configuracion["metodoDecreciente"];
  topeCien: boolean;
}

/**
 * Avance (fracción) dado el programado P y el ejecutado E.
 * - P vacío o 0 → null (sin programación: no cuenta en ningún promedio).
 * - E vacío → 0 (programado sin reporte: no hay avance que mostrar).
 * - SUMA, CONSTANTE, CRECIENTE: E / P (CRECIENTE con método "brecha" y LB: (E − LB) / (P − LB)).
 * - DECRECIENTE: con LB y LB ≠ P: (LB − E) / (LB − P); si no, P / E (E = 0 con P > 0 → 1).
 * Sin tope salvo que se pida (topeCien).
 */
export function avance(
  programado: number | null | undefined,
  ejecutado: number | null | undefined,
  tendencia: Tendencia,
  lineaBase: number | null | undefined = null,
  opciones: OpcionesAvance = CONFIGURACION_POR_DEFECTO,
): number | null {
  if (!esNumero(programado) || programado === 0) return null;
  const P = programado;
  if (!esNumero(ejecutado)) return 0;
  const E = ejecutado;
  const LB = esNumero(lineaBase) ? lineaBase : null;
  let a: number;
  if (tendencia === "DECRECIENTE") {
    if (opciones.metodoDecreciente === "linea-base" && LB !== null && Math.abs(LB - P) > EPSILON) {
      a = (LB - E) / (LB - P);
    } else if (E === 0) {
      a = P > 0 ? 1 : 0;
    } else {
      a = P / E;
    }
  } else if (
    tendencia === "CRECIENTE" &&
    opciones.metodoAvance === "brecha" &&
    LB !== null &&
    Math.abs(P - LB) > EPSILON
  ) {
    a = (E - LB) / (P - LB);
  } else {
    a = E / P;
  }
  if (!Number.isFinite(a)) return null;
  return opciones.topeCien ? Math.min(a, 1) : a;
}

export interface Ponderado {
  avance: number | null | undefined;
  ponderacion: number | null | undefined;
}

/**
 * Promedio ponderado re-normalizado: Σ wᵢ·aᵢ / Σ wᵢ sobre las entradas con avance.
 * Si ninguna de las que cuentan lleva una ponderación positiva, todas pesan igual; si alguna la
 * lleva, las que no la llevan pesan 0. null si ninguna entrada cuenta.
 */
export function promedioPonderado(entradas: readonly Ponderado[]): number | null {
  const p = new Promedio();
  for (const e of entradas) p.sumar(e.avance, e.ponderacion);
  return p.valor();
}

/**
 * El acumulador de promedioPonderado (la única definición de la fórmula), para quien tiene los
 * avances y las ponderaciones en sus propios objetos y no quiere crear uno por entrada.
 */
export class Promedio {
  private sumaW = 0;
  private sumaWA = 0;
  private sumaA = 0;
  private n = 0;

  sumar(avance: number | null | undefined, ponderacion: number | null | undefined): void {
    if (!esNumero(avance)) return;
    this.n++;
    this.sumaA += avance;
    if (esNumero(ponderacion) && ponderacion > 0) {
      this.sumaW += ponderacion;
      this.sumaWA += ponderacion * avance;
    }
  }

  valor(): number | null {
    if (this.n === 0) return null;
    if (this.sumaW > 0) return this.sumaWA / this.sumaW;
    return this.sumaA / this.n;
  }
}

/** Cumplimiento de un objetivo: promedio ponderado re-normalizado de los avances de sus indicadores. */
export function cumplimiento(indicadores: readonly Ponderado[]): number | null {
  return promedioPonderado(indicadores);
}

/**
 * Avance plan (todo el periodo del plan). SUMA: (ejecutado de vigencias anteriores + acumulado) / MP;
 * CRECIENTE, CONSTANTE: acumulado / MP; DECRECIENTE: como el avance, con MP como programado.
 */
export function avancePlan(
  acum: number | null | undefined,
  metaPlan: number | null | undefined,
  tendencia: Tendencia,
  lineaBase: number | null | undefined = null,
  ejecutadoAnterior: number | null | undefined = null,
  opciones: OpcionesAvance = CONFIGURACION_POR_DEFECTO,
): number | null {
  if (!esNumero(metaPlan) || metaPlan === 0) return null;
  if (tendencia === "SUMA") {
    const previo = esNumero(ejecutadoAnterior) ? ejecutadoAnterior : 0;
    if (!esNumero(acum) && !esNumero(ejecutadoAnterior)) return 0;
    return (previo + (esNumero(acum) ? acum : 0)) / metaPlan;
  }
  return avance(metaPlan, acum, tendencia, lineaBase, opciones);
}

export const ESTADOS = [
  "Sin programación",
  "Sin reporte",
  "Sobrecumplida",
  "Cumplida",
  "En ejecución",
  "No cumplida",
] as const;
export type Estado = (typeof ESTADOS)[number];

/**
 * Estado de un indicador al corte. `avance` null → Sin programación; programado pero sin
 * ejecución → Sin reporte; > umbral de sobrecumplimiento → Sobrecumplida; ≥ 100 % → Cumplida;
 * corte antes de diciembre → En ejecución; año cerrado (corte 12) → No cumplida.
 */
export function estado(
  avanceIndicador: number | null | undefined,
  corte: number,
  hayEjecucion = true,
  umbralSobrecumplimiento = CONFIGURACION_POR_DEFECTO.umbralSobrecumplimiento,
): Estado {
  if (!esNumero(avanceIndicador)) return "Sin programación";
  if (!hayEjecucion) return "Sin reporte";
  if (avanceIndicador > umbralSobrecumplimiento + EPSILON) return "Sobrecumplida";
  if (avanceIndicador >= 1 - EPSILON) return "Cumplida";
  if (corte < 12) return "En ejecución";
  return "No cumplida";
}

export const COLORES_SEMAFORO = ["Rojo", "Amarillo", "Verde", "Naranja"] as const;
export type ColorSemaforo = (typeof COLORES_SEMAFORO)[number];

/** Semáforo: ≤ rojo → Rojo; ≤ amarillo → Amarillo; ≤ verde → Verde; por encima → Naranja. */
export function semaforo(
  avanceValor: number | null | undefined,
  umbrales: Configuracion["semaforo"] = CONFIGURACION_POR_DEFECTO.semaforo,
): ColorSemaforo | null {
  if (!esNumero(avanceValor)) return null;
  if (avanceValor <= umbrales.rojo + EPSILON) return "Rojo";
  if (avanceValor <= umbrales.amarillo + EPSILON) return "Amarillo";
  if (avanceValor <= umbrales.verde + EPSILON) return "Verde";
  return "Naranja";
}

/** Avance financiero = compromisos / apropiación vigente (también sirve para giros). null sin apropiación. */
export function avanceFinanciero(
  compromisos: number | null | undefined,
  apropiacion: number | null | undefined,
): number | null {
  if (!esNumero(apropiacion) || apropiacion === 0) return null;
  return (esNumero(compromisos) ? compromisos : 0) / apropiacion;
}

export interface AvanceFisicoEntrada {
  acumulado: number | null | undefined;
  metaVigencia: number | null | undefined;
  ponderacion: number | null | undefined;
}

/**
 * Avance físico de un producto: promedio ponderado de acumulado / meta vigencia de sus
 * indicadores de producto (meta anual, sin prorratear), cada uno con tope del 100 %. Los
 * indicadores sin meta vigencia no cuentan. null si ninguno cuenta.
 */
export function avanceFisico(indicadores: readonly AvanceFisicoEntrada[]): number | null {
  const p = new Promedio();
  for (const i of indicadores) sumarAvanceFisico(p, i.acumulado, i.metaVigencia, i.ponderacion);
  return p.valor();
}

/** Suma a `p` un indicador del avance físico (acumulado / meta vigencia con tope del 100 %). */
export function sumarAvanceFisico(
  p: Promedio,
  acumulado: number | null | undefined,
  metaVigencia: number | null | undefined,
  ponderacion: number | null | undefined,
): void {
  p.sumar(
    esNumero(metaVigencia) && metaVigencia !== 0
      ? Math.min(1, (esNumero(acumulado) ? acumulado : 0) / metaVigencia)
      : null,
    ponderacion,
  );
}

export const COHERENCIAS = ["Coherente", "Financiero adelantado", "Físico adelantado"] as const;
export type Coherencia = (typeof COHERENCIAS)[number];

/** Coherencia físico-financiera: |financiero − físico| ≤ tolerancia → Coherente. */
export function coherencia(
  fisico: number | null | undefined,
  financiero: number | null | undefined,
  tolerancia = CONFIGURACION_POR_DEFECTO.toleranciaFisicoFinanciera,
): Coherencia | null {
  if (!esNumero(fisico) || !esNumero(financiero)) return null;
  const diferencia = financiero - fisico;
  if (Math.abs(diferencia) <= tolerancia + EPSILON) return "Coherente";
  return diferencia > 0 ? "Financiero adelantado" : "Físico adelantado";
}

/** Último mes (1–12) con algún valor en alguna de las series; 0 si no hay ninguno. */
export function ultimoMesConValor(series: Iterable<Serie>): number {
  let ultimo = 0;
  for (const s of series) {
    for (let i = s.length - 1; i >= ultimo; i--) {
      if (esNumero(s[i])) {
        ultimo = i + 1;
        break;
      }
    }
    if (ultimo === 12) break;
  }
  return ultimo;
}
