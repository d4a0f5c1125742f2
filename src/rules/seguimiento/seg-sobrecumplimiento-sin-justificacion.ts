import { EPSILON } from "../../domain/calculos";
import type { Hallazgo } from "../../domain/hallazgo";
import { mes, porcentaje } from "../formato";
import { definirRegla } from "../tipos";
import { hayColumna } from "../contexto";
import { reporteCualitativo, textoCualitativo } from "../cualitativo/comun";
import { esNumero, hallazgo, textoVacio } from "../utilidades";

const mensaje = (d: {
  indicador: string;
  avance: number;
  umbral: number;
  corte: number;
  celda: string;
  /** La hoja no tiene columna Observaciones: celda del avance cualitativo del corte, o null. */
  sinObservaciones?: { cualitativo: string | null };
}) =>
  `El indicador ${d.indicador} tiene un avance de ${porcentaje(d.avance)} al corte (${mes(d.corte)}), por encima del umbral de sobrecumplimiento (${porcentaje(d.umbral)}), y no tiene justificación. ${
    d.sinObservaciones === undefined
      ? `Explique en Observaciones (${d.celda}) por qué se superó lo programado, o revise la meta y la ejecución.`
      : `La hoja no tiene columna Observaciones: explique por qué se superó lo programado ${d.sinObservaciones.cualitativo === null ? "en una columna Observaciones" : `en el avance cualitativo de ${mes(d.corte)} (${d.sinObservaciones.cualitativo}) o en una columna Observaciones`}, o revise la meta y la ejecución.`
  }`;

/** Palabras con que un avance cualitativo explica un sobrecumplimiento. */
const EXPLICA_SOBRECUMPLIMIENTO =
  /sobre ?cumpl|super[oóaá]|supera|exced|por encima|adicional|mayor (?:demanda|cobertura|a lo|que lo)|m[aá]s de lo (?:program|previst|esperad|planead)|demanda/i;

/** ¿Explica el texto que se superó lo programado? */
export function justificaSobrecumplimiento(texto: string | null | undefined): boolean {
  return typeof texto === "string" && !textoVacio(texto) && EXPLICA_SOBRECUMPLIMIENTO.test(texto);
}

export const segSobrecumplimientoSinJustificacion = definirRegla(
  {
    id: "SEG-SOBRECUMPLIMIENTO-SIN-JUSTIFICACION",
    categoria: "Seguimiento",
    severidad: "advertencia",
    descripcion:
      "Un indicador sobrecumplido (avance por encima del umbral) sin justificación en Observaciones ni en el avance cualitativo del corte.",
    mensaje: mensaje({ indicador: "I3", avance: 1.4, umbral: 1.25, corte: 6, celda: "BA12" }),
    esperado: "Una justificación en Observaciones para cada indicador por encima del umbral de sobrecumplimiento.",
    comoCorregir:
      "Escriba en Observaciones la causa del sobrecumplimiento (demanda mayor, recursos adicionales…). Si la meta quedó corta, propóngase su ajuste; si la ejecución está mal digitada, corríjala.",
    requiere: "pmr",
    configuracion: ["umbralSobrecumplimiento", "metodoAvance", "metodoDecreciente", "topeCien"],
    detalle:
      "Usa el avance al corte calculado según §2 (el mismo del informe). Cuenta como justificación cualquier texto en Observaciones, o un avance cualitativo del mes de corte que explique el sobrecumplimiento (que diga «sobrecumplimiento», «superó», «excede», «por encima», «adicional», «mayor demanda», «más de lo programado»…). Si la hoja no tiene columna Observaciones, el hallazgo señala la celda del avance cualitativo del corte (o la del código) y el mensaje lo dice.",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    const umbral = ctx.config.umbralSobrecumplimiento;
    const hayObservaciones = hayColumna(ctx, "observaciones");
    for (const r of ctx.conCodigo) {
      const a = r.ev.avance;
      if (!esNumero(a) || a <= umbral + EPSILON || !textoVacio(r.ind.observaciones)) continue;
      if (justificaSobrecumplimiento(textoCualitativo(ctx, r.ind, ctx.corte))) continue;
      let celda = ctx.celda(r.ind, "observaciones");
      let sinObservaciones: { cualitativo: string | null } | undefined;
      if (!hayObservaciones) {
        const rep = reporteCualitativo(ctx, r.ind, ctx.corte);
        sinObservaciones = { cualitativo: rep?.celda ?? null };
        if (rep !== null) celda = rep.celda;
      }
      salida.push(
        hallazgo(
          meta,
          ctx.nombreHojaPmr,
          celda,
          mensaje({ indicador: r.ind.codigo!.trim(), avance: a, umbral, corte: ctx.corte, celda, sinObservaciones }),
          r.id,
        ),
      );
    }
    return salida;
  },
);
