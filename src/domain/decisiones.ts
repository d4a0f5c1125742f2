/**
 * Decisiones sobre hallazgos (PMR-SPEC §6.3): Pendiente (por defecto), En gestión, Justificado o
 * Descartado; las dos últimas cierran el hallazgo y exigen una nota de al menos NOTA_MINIMA
 * caracteres. Cada decisión se guarda por la `clave` del hallazgo (hash de la regla y de las
 * identidades, nunca del texto ni de la fila), con su historial: quién (el nombre que da Office o
 * «sin nombre»), qué y cuándo.
 *
 * Puro: sin anfitrión ni almacén. El caso de uso (src/casos/decidir.ts) lo lee y lo guarda con la
 * ranura «decisiones» del almacén del libro.
 */
import { z } from "zod";
import { CategoriaSchema, SeveridadSchema, type Hallazgo } from "./hallazgo";

export const DECISIONES = ["Pendiente", "En gestión", "Justificado", "Descartado"] as const;
export const DecisionSchema = z.enum(DECISIONES);
export type Decision = z.infer<typeof DecisionSchema>;

/** Las decisiones que cierran un hallazgo (dejan de contar, de resaltarse y de dar salida 1). */
export const DECISIONES_CERRADAS: readonly Decision[] = ["Justificado", "Descartado"];
/** Largo mínimo de la nota (sin espacios al principio ni al final) de una decisión que cierra. */
export const NOTA_MINIMA = 10;
/** Largo máximo de una nota: lo que cabe en una celda de Excel con holgura. */
export const NOTA_MAXIMA = 2000;
/** Autor cuando Office no da un nombre. */
export const SIN_NOMBRE = "sin nombre";

export function esCerrada(d: Decision): boolean {
  return d === "Justificado" || d === "Descartado";
}

/** Lo último que se vio del hallazgo decidido (para listarlo aunque ya no aparezca). */
export const HuellaHallazgoSchema = z
  .object({
    regla: z.string(),
    categoria: CategoriaSchema,
    severidad: SeveridadSchema,
    mensaje: z.string(),
    hoja: z.string(),
    celda: z.string(),
  })
  .strict();
export type HuellaHallazgo = z.infer<typeof HuellaHallazgoSchema>;

/** Un cambio de decisión: qué, con qué nota, quién y cuándo (ISO 8601). */
export const CambioDecisionSchema = z
  .object({
    decision: DecisionSchema,
    nota: z.string().max(NOTA_MAXIMA),
    autor: z.string().min(1),
    fecha: z.string().min(1),
  })
  .strict();
export type CambioDecision = z.infer<typeof CambioDecisionSchema>;

/** La decisión vigente de una clave y su historial (el último cambio es la decisión vigente). */
export const DecisionGuardadaSchema = z
  .object({
    hallazgo: HuellaHallazgoSchema,
    /** Cuándo se vio que el hallazgo ya no aparecía (ISO 8601); null si aparece (o no se sabe aún). */
    desaparecido: z.string().nullable(),
    historial: z.array(CambioDecisionSchema).min(1),
  })
  .strict()
  .superRefine((d, ctx) => {
    d.historial.forEach((c, i) => {
      const p = problemaNota(c.decision, c.nota);
      if (p) ctx.addIssue({ code: "custom", path: ["historial", i, "nota"], message: p });
    });
  });
export type DecisionGuardada = z.infer<typeof DecisionGuardadaSchema>;

/** Lo que guarda la ranura «decisiones»: clave del hallazgo → su decisión. */
export const DecisionesSchema = z.object({ decisiones: z.record(z.string(), DecisionGuardadaSchema) }).strict();
export type Decisiones = z.infer<typeof DecisionesSchema>;

export const SIN_DECISIONES: Decisiones = Object.freeze({ decisiones: Object.freeze({}) }) as Decisiones;

/** La decisión vigente (el último cambio del historial). */
export function vigente(d: DecisionGuardada): CambioDecision {
  return d.historial[d.historial.length - 1];
}

/** Por qué una nota no alcanza para esta decisión (en español); null si alcanza. */
export function problemaNota(decision: Decision, nota: string): string | null {
  const largo = [...nota.trim()].length;
  if (largo > NOTA_MAXIMA) return `La nota tiene ${largo} caracteres; el máximo es ${NOTA_MAXIMA}.`;
  if (!esCerrada(decision)) return null;
  if (largo >= NOTA_MINIMA) return null;
  return largo === 0
    ? `Para marcar el hallazgo como ${decision.toLowerCase()} escriba una nota de al menos ${NOTA_MINIMA} caracteres que diga por qué.`
    : `La nota de «${decision}» debe tener al menos ${NOTA_MINIMA} caracteres (tiene ${largo}): diga por qué.`;
}

function huellaDe(h: Hallazgo): HuellaHallazgo {
  return {
    regla: h.regla,
    categoria: h.categoria,
    severidad: h.severidad,
    mensaje: h.mensaje,
    hoja: h.hoja,
    celda: h.celda,
  };
}

function mismaHuella(a: HuellaHallazgo, b: HuellaHallazgo): boolean {
  return (
    a.regla === b.regla &&
    a.categoria === b.categoria &&
    a.severidad === b.severidad &&
    a.mensaje === b.mensaje &&
    a.hoja === b.hoja &&
    a.celda === b.celda
  );
}

export interface PeticionDecision {
  decision: Decision;
  nota: string;
  /** El nombre que da Office; vacío o null = «sin nombre». */
  autor: string | null;
  ahora: Date;
}

export type ResultadoDecidir = { ok: true; decisiones: Decisiones } | { ok: false; problema: string };

/**
 * Fija la decisión de un hallazgo y la agrega a su historial. No cambia `actual`. Falla (con el
 * motivo en español) si la nota no alcanza. Fijar lo mismo con la misma nota no agrega nada.
 */
export function decidir(actual: Decisiones, hallazgo: Hallazgo, p: PeticionDecision): ResultadoDecidir {
  const nota = p.nota.trim();
  const problema = problemaNota(p.decision, nota);
  if (problema) return { ok: false, problema };
  const anterior = actual.decisiones[hallazgo.clave];
  if (anterior) {
    const v = vigente(anterior);
    if (v.decision === p.decision && v.nota === nota && mismaHuella(anterior.hallazgo, huellaDe(hallazgo)))
      return { ok: true, decisiones: actual };
  } else if (p.decision === "Pendiente" && nota === "") {
    // Pendiente sin nota es lo que ya tiene un hallazgo sin decisión: no se guarda nada.
    return { ok: true, decisiones: actual };
  }
  const cambio: CambioDecision = {
    decision: p.decision,
    nota,
    autor: p.autor?.trim() || SIN_NOMBRE,
    fecha: p.ahora.toISOString(),
  };
  const nueva: DecisionGuardada = {
    hallazgo: huellaDe(hallazgo),
    desaparecido: null,
    historial: [...(anterior?.historial ?? []), cambio],
  };
  return { ok: true, decisiones: { decisiones: { ...actual.decisiones, [hallazgo.clave]: nueva } } };
}

/** Un hallazgo con su decisión vigente (Pendiente sin nota si no tiene). */
export interface HallazgoDecidido {
  hallazgo: Hallazgo;
  decision: Decision;
  nota: string;
  /** La decisión guardada (con su historial); null si nunca se decidió. */
  guardada: DecisionGuardada | null;
}

/** Un hallazgo decidido que ya no aparece: resuelto. */
export interface HallazgoResuelto {
  clave: string;
  guardada: DecisionGuardada;
  decision: Decision;
  nota: string;
  /** Cuándo se vio que desapareció (ISO 8601). */
  desaparecido: string;
  /** false si la fecha es la de esta validación y aún no quedó guardada en el libro. */
  registrado: boolean;
}

export interface AplicacionDecisiones {
  /** Pendiente o En gestión: cuentan, se resaltan y dan salida 1 si son errores. En su orden. */
  abiertos: Hallazgo[];
  /** Justificado o Descartado. En su orden. */
  cerrados: Hallazgo[];
  /** La decisión de cada hallazgo presente (por clave); sin entrada = Pendiente sin nota. */
  porClave: ReadonlyMap<string, DecisionGuardada>;
  /** Decididos que ya no aparecen, del más reciente en desaparecer al más antiguo. */
  resueltos: HallazgoResuelto[];
  /**
   * Lo guardado al día (desaparecidos con su fecha, reaparecidos, celda o mensaje nuevos de un
   * hallazgo decidido); null si no cambió nada y no hace falta escribir.
   */
  actualizadas: Decisiones | null;
}

/**
 * Aplica las decisiones guardadas a los hallazgos de una validación: separa abiertos y cerrados,
 * lista los decididos que ya no aparecen (resueltos, con la fecha en que desaparecieron: la
 * guardada o, si aún no se había visto, `ahora`) y dice qué hay que guardar para tener al día lo
 * guardado. La decisión sigue a la clave: si el mensaje cambia de redacción o el hallazgo cambia
 * de celda (filas insertadas), conserva su decisión; otra identidad es otra clave.
 */
export function aplicarDecisiones(
  hallazgos: readonly Hallazgo[],
  guardadas: Decisiones,
  ahora: Date,
): AplicacionDecisiones {
  const abiertos: Hallazgo[] = [];
  const cerrados: Hallazgo[] = [];
  const porClave = new Map<string, DecisionGuardada>();
  const presentes = new Set<string>();
  let cambios: Record<string, DecisionGuardada> | null = null;
  const cambiar = (clave: string, d: DecisionGuardada) => {
    cambios ??= { ...guardadas.decisiones };
    cambios[clave] = d;
  };

  for (const h of hallazgos) {
    const g = Object.prototype.hasOwnProperty.call(guardadas.decisiones, h.clave)
      ? guardadas.decisiones[h.clave]
      : undefined;
    if (!g) {
      abiertos.push(h);
      continue;
    }
    if (esCerrada(vigente(g).decision)) cerrados.push(h);
    else abiertos.push(h);
    if (presentes.has(h.clave)) continue;
    presentes.add(h.clave);
    const huella = huellaDe(h);
    let actual = g;
    if (g.desaparecido !== null || !mismaHuella(g.hallazgo, huella)) {
      actual = { ...g, hallazgo: huella, desaparecido: null };
      cambiar(h.clave, actual);
    }
    porClave.set(h.clave, actual);
  }

  const resueltos: HallazgoResuelto[] = [];
  const fecha = ahora.toISOString();
  for (const [clave, g] of Object.entries(guardadas.decisiones)) {
    if (presentes.has(clave)) continue;
    const v = vigente(g);
    // Nunca decidido más allá de «Pendiente» sin nota: no hay nada que informar como resuelto.
    if (v.decision === "Pendiente" && g.historial.length === 1 && v.nota === "") continue;
    const registrado = g.desaparecido !== null;
    if (!registrado) cambiar(clave, { ...g, desaparecido: fecha });
    resueltos.push({
      clave,
      guardada: g,
      decision: v.decision,
      nota: v.nota,
      desaparecido: g.desaparecido ?? fecha,
      registrado,
    });
  }
  resueltos.sort((a, b) => (a.desaparecido < b.desaparecido ? 1 : a.desaparecido > b.desaparecido ? -1 : 0));

  return {
    abiertos,
    cerrados,
    porClave,
    resueltos,
    actualizadas: cambios === null ? null : { decisiones: cambios },
  };
}

/** La decisión vigente de un hallazgo (Pendiente sin nota si no tiene). */
export function decisionDe(porClave: ReadonlyMap<string, DecisionGuardada>, h: Hallazgo): HallazgoDecidido {
  const g = porClave.get(h.clave) ?? null;
  const v = g ? vigente(g) : null;
  return { hallazgo: h, decision: v?.decision ?? "Pendiente", nota: v?.nota ?? "", guardada: g };
}

const FORMATO_FECHA_DECISION = new Intl.DateTimeFormat("es-CO", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "America/Bogota",
});

/** Fecha ISO de una decisión en es-CO, hora de Bogotá («2 dic 2026, 5:06 a. m.»); el texto tal cual si no es una fecha. */
export function fechaDecision(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : FORMATO_FECHA_DECISION.format(new Date(t));
}

const FORMATO_DIA = new Intl.DateTimeFormat("es-CO", { dateStyle: "medium", timeZone: "America/Bogota" });

/** Solo el día, en es-CO, hora de Bogotá («2 dic 2026»). */
export function diaDecision(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : FORMATO_DIA.format(new Date(t));
}
