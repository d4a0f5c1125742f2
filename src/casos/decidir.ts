/**
 * Caso de uso «decidir» (PMR-SPEC §6.3): fijar la decisión de un hallazgo (Pendiente, En gestión,
 * Justificado, Descartado) y guardarla en el libro con la ranura «decisiones»; y, al validar,
 * separar los hallazgos abiertos de los cerrados y poner al día lo guardado (los decididos que
 * desaparecieron, con su fecha). Puro salvo por los puertos (el almacén del libro y quién decide).
 */
import {
  SIN_DECISIONES,
  aplicarDecisiones,
  decidir,
  esCerrada,
  vigente,
  type Decision,
  type DecisionGuardada,
  type Decisiones,
  type HallazgoResuelto,
} from "../domain/decisiones";
import { ordenarHallazgos, type Hallazgo } from "../domain/hallazgo";
import { RANURA_DECISIONES, type AlmacenLibro, type LecturaRanura } from "../workbook/almacen";

/** Las decisiones de una validación. */
export interface DecisionesDelInforme {
  /** `hallazgos` del informe incluye también los cerrados (--todos). */
  todos: boolean;
  /** La decisión guardada de cada hallazgo presente que tiene una (por clave). */
  porClave: ReadonlyMap<string, DecisionGuardada>;
  /** Justificados o descartados: no cuentan, no se resaltan ni dan salida 1. */
  cerrados: Hallazgo[];
  /** Decididos que ya no aparecen, con la fecha en que desaparecieron. */
  resueltos: HallazgoResuelto[];
  /** Lo guardado tal como se leyó (vacío si no había nada o no se pudo leer). */
  guardadas: Decisiones;
  /** Lo guardado al día (desaparecidos, reaparecidos, celdas nuevas); null si no hay nada que escribir. */
  actualizadas: Decisiones | null;
  /** Lo guardado se leyó sin problemas: se puede escribir encima sin perder nada. */
  legibles: boolean;
  /** Hallazgos presentes en gestión, justificados y descartados, y resueltos (para «Decididos»). */
  conteo: ConteoDecididos;
}

/** Un informe sin decisiones guardadas: todos los hallazgos abiertos. */
export function sinDecisiones(): DecisionesDelInforme {
  return {
    todos: false,
    porClave: new Map(),
    cerrados: [],
    resueltos: [],
    guardadas: SIN_DECISIONES,
    actualizadas: null,
    legibles: true,
    conteo: { enGestion: 0, justificados: 0, descartados: 0, resueltos: 0 },
  };
}

export interface SeparacionDecisiones {
  /** Lo que lista el informe: los abiertos o, con `todos`, todos en el orden de presentación. */
  hallazgos: Hallazgo[];
  /** Pendientes o en gestión: lo único que cuenta para el resumen, la cinta, el resaltado y la salida. */
  abiertos: Hallazgo[];
  decisiones: DecisionesDelInforme;
}

/**
 * Aplica las decisiones leídas del libro a los hallazgos de una validación (ya ordenados).
 * `ahora`: la fecha de la validación (la de desaparición de lo que ya no aparece).
 */
export function separarPorDecision(
  hallazgos: readonly Hallazgo[],
  lectura: LecturaRanura<Decisiones>,
  opciones: { todos?: boolean; ahora?: Date } = {},
): SeparacionDecisiones {
  const guardadas = lectura.datos ?? SIN_DECISIONES;
  const a = aplicarDecisiones(hallazgos, guardadas, opciones.ahora ?? new Date());
  const todos = opciones.todos ?? false;
  return {
    hallazgos: todos
      ? a.cerrados.length === 0
        ? a.abiertos
        : ordenarHallazgos([...a.abiertos, ...a.cerrados])
      : a.abiertos,
    abiertos: a.abiertos,
    decisiones: {
      todos,
      porClave: a.porClave,
      cerrados: a.cerrados,
      resueltos: a.resueltos,
      guardadas,
      actualizadas: a.actualizadas,
      legibles: lectura.problemas.length === 0,
      conteo: contarDecididos(hallazgos, a.porClave, a.resueltos.length),
    },
  };
}

/** La decisión vigente de un hallazgo del informe: Pendiente sin nota si no tiene. */
export function decisionDelHallazgo(
  d: Pick<DecisionesDelInforme, "porClave">,
  h: Pick<Hallazgo, "clave">,
): { decision: Decision; nota: string } {
  const g = d.porClave.get(h.clave);
  if (!g) return { decision: "Pendiente", nota: "" };
  const v = vigente(g);
  return { decision: v.decision, nota: v.nota };
}

/** ¿El hallazgo está cerrado (justificado o descartado)? */
export function estaCerrado(d: Pick<DecisionesDelInforme, "porClave">, h: Pick<Hallazgo, "clave">): boolean {
  return esCerrada(decisionDelHallazgo(d, h).decision);
}

export interface ConteoDecididos {
  enGestion: number;
  justificados: number;
  descartados: number;
  resueltos: number;
}

function contarDecididos(
  presentes: readonly Hallazgo[],
  porClave: ReadonlyMap<string, DecisionGuardada>,
  resueltos: number,
): ConteoDecididos {
  const c: ConteoDecididos = { enGestion: 0, justificados: 0, descartados: 0, resueltos };
  for (const h of presentes) {
    const { decision } = decisionDelHallazgo({ porClave }, h);
    if (decision === "En gestión") c.enGestion++;
    else if (decision === "Justificado") c.justificados++;
    else if (decision === "Descartado") c.descartados++;
  }
  return c;
}

// ─── Fijar una decisión ─────────────────────────────────────────────────────────────────────

/** La decisión pedida no es válida (nota corta): el mensaje, en español, dice por qué. */
export class ErrorDecision extends Error {
  constructor(mensaje: string) {
    super(mensaje);
    this.name = "ErrorDecision";
  }
}

export interface PuertosDecidir {
  almacen: AlmacenLibro;
  /** El nombre de quien decide, como lo da Office; null si no lo da («sin nombre»). */
  autor?(): string | null | Promise<string | null>;
  /** La hora (por defecto, la del reloj). */
  ahora?(): Date;
}

/**
 * Fija la decisión de `hallazgo` y la guarda en el libro (lee lo guardado, agrega el cambio al
 * historial y escribe la ranura completa). Devuelve lo guardado. Rechaza con ErrorDecision si la
 * nota no alcanza y con lo que rechace el almacén (ErrorAlmacen en español) si no se puede
 * escribir; en los dos casos nada cambió. Si lo guardado estaba dañado, se reemplaza (el hallazgo
 * EST-DATOS-GUARDADOS lo había avisado).
 */
export async function fijarDecision(
  puertos: PuertosDecidir,
  hallazgo: Hallazgo,
  pedida: { decision: Decision; nota: string },
): Promise<Decisiones> {
  const [lectura, autor] = await Promise.all([
    puertos.almacen.leer(RANURA_DECISIONES),
    Promise.resolve(puertos.autor ? puertos.autor() : null),
  ]);
  const r = decidir(lectura.datos ?? SIN_DECISIONES, hallazgo, {
    decision: pedida.decision,
    nota: pedida.nota,
    autor,
    ahora: puertos.ahora ? puertos.ahora() : new Date(),
  });
  if (!r.ok) throw new ErrorDecision(r.problema);
  if (r.decisiones !== lectura.datos) await puertos.almacen.escribir(RANURA_DECISIONES, r.decisiones);
  return r.decisiones;
}

/**
 * Guarda lo puesto al día al validar (fechas de desaparición, reaparecidos, celdas nuevas), solo
 * si hay algo y lo guardado se había leído bien (nunca escribe encima de lo que no pudo leer).
 * Vuelve a leer lo guardado justo antes de escribir y aplica los hallazgos `presentes` sobre eso:
 * una decisión fijada mientras se validaba no se pierde. Devuelve si escribió; un fallo del
 * almacén no es de la validación: vuelve como texto (la próxima validación lo intenta otra vez).
 */
export async function registrarCambiosDeDecisiones(
  almacen: AlmacenLibro,
  d: DecisionesDelInforme,
  presentes: readonly Hallazgo[],
  ahora: Date,
): Promise<{ escrito: boolean; problema: string | null }> {
  if (!d.actualizadas || !d.legibles) return { escrito: false, problema: null };
  try {
    const fresca = await almacen.leer(RANURA_DECISIONES);
    if (fresca.problemas.length > 0) return { escrito: false, problema: fresca.problemas.join(" ") };
    const actualizadas = aplicarDecisiones(presentes, fresca.datos ?? SIN_DECISIONES, ahora).actualizadas;
    if (!actualizadas) return { escrito: false, problema: null };
    await almacen.escribir(RANURA_DECISIONES, actualizadas);
    return { escrito: true, problema: null };
  } catch (error) {
    return { escrito: false, problema: error instanceof Error ? error.message : String(error) };
  }
}
