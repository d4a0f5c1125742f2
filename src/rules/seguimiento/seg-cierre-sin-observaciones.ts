import { EPSILON } from "../../domain/calculos";
import type { Hallazgo } from "../../domain/hallazgo";
import { porcentaje } from "../formato";
import { definirRegla } from "../tipos";
import { hayColumna } from "../contexto";
import { esNumero, hallazgo, textoVacio } from "../utilidades";

const mensaje = (d: { indicador: string; avance: number; celda: string; sinColumna?: boolean }) =>
  `El año está cerrado (corte de diciembre) y el indicador ${d.indicador} terminó con un avance de ${porcentaje(d.avance)} (No cumplida) sin observaciones. ${
    d.sinColumna
      ? "La hoja no tiene columna Observaciones: agréguela y explique en ella por qué no se alcanzó la meta."
      : `Explique en Observaciones (${d.celda}) por qué no se alcanzó la meta.`
  }`;

export const segCierreSinObservaciones = definirRegla(
  {
    id: "SEG-CIERRE-SIN-OBSERVACIONES",
    categoria: "Seguimiento",
    severidad: "advertencia",
    descripcion: "Al cierre del año (corte 12), un indicador por debajo del 100 % sin observaciones.",
    mensaje: mensaje({ indicador: "I3", avance: 0.82, celda: "BA12" }),
    esperado: "Al cierre del año, una observación que explique cada indicador por debajo del 100 %.",
    comoCorregir:
      "Escriba en Observaciones las causas del incumplimiento y, si aplica, cómo se recuperará en la siguiente vigencia.",
    requiere: "pmr",
    configuracion: ["corte", "metodoAvance", "metodoDecreciente", "topeCien"],
    detalle:
      "Solo con corte 12. Cuenta también un indicador programado sin ninguna ejecución (avance 0 %). Si la hoja no tiene columna Observaciones, el hallazgo señala la celda del código del indicador y el mensaje pide agregar la columna.",
  },
  (ctx, meta) => {
    if (ctx.corte !== 12) return [];
    const salida: Hallazgo[] = [];
    const sinColumna = !hayColumna(ctx, "observaciones");
    for (const r of ctx.conCodigo) {
      const a = r.ev.avance;
      if (!esNumero(a) || a >= 1 - EPSILON || !textoVacio(r.ind.observaciones)) continue;
      const celda = ctx.celda(r.ind, "observaciones");
      salida.push(
        hallazgo(
          meta,
          ctx.nombreHojaPmr,
          celda,
          mensaje({ indicador: r.ind.codigo!.trim(), avance: a, celda, sinColumna }),
          r.id,
          ctx.evaluacion.vigencia,
        ),
      );
    }
    return salida;
  },
);
