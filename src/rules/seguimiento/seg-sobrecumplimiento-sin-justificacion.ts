import { EPSILON } from "../../domain/calculos";
import type { Hallazgo } from "../../domain/hallazgo";
import { mes, porcentaje } from "../formato";
import { definirRegla } from "../tipos";
import { esNumero, hallazgo, textoVacio } from "../utilidades";

const mensaje = (d: { indicador: string; avance: number; umbral: number; corte: number; celda: string }) =>
  `El indicador ${d.indicador} tiene un avance de ${porcentaje(d.avance)} al corte (${mes(d.corte)}), por encima del umbral de sobrecumplimiento (${porcentaje(d.umbral)}), y no tiene justificación. Explique en Observaciones (${d.celda}) por qué se superó lo programado, o revise la meta y la ejecución.`;

export const segSobrecumplimientoSinJustificacion = definirRegla(
  {
    id: "SEG-SOBRECUMPLIMIENTO-SIN-JUSTIFICACION",
    categoria: "Seguimiento",
    severidad: "advertencia",
    descripcion: "Un indicador sobrecumplido (avance por encima del umbral) sin justificación en Observaciones.",
    mensaje: mensaje({ indicador: "I3", avance: 1.4, umbral: 1.25, corte: 6, celda: "BA12" }),
    esperado: "Una justificación en Observaciones para cada indicador por encima del umbral de sobrecumplimiento.",
    comoCorregir:
      "Escriba en Observaciones la causa del sobrecumplimiento (demanda mayor, recursos adicionales…). Si la meta quedó corta, propóngase su ajuste; si la ejecución está mal digitada, corríjala.",
    requiere: "pmr",
    configuracion: ["umbralSobrecumplimiento", "metodoAvance", "metodoDecreciente", "topeCien"],
    detalle: "Usa el avance al corte calculado según §2 (el mismo del informe).",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    const umbral = ctx.config.umbralSobrecumplimiento;
    for (const r of ctx.conCodigo) {
      const a = r.ev.avance;
      if (!esNumero(a) || a <= umbral + EPSILON || !textoVacio(r.ind.observaciones)) continue;
      const celda = ctx.celda(r.ind, "observaciones");
      salida.push(
        hallazgo(
          meta,
          ctx.nombreHojaPmr,
          celda,
          mensaje({ indicador: r.ind.codigo!.trim(), avance: a, umbral, corte: ctx.corte, celda }),
          r.id,
        ),
      );
    }
    return salida;
  },
);
