import type { Hallazgo } from "../../domain/hallazgo";
import { hayColumna } from "../contexto";
import { definirRegla } from "../tipos";
import { hallazgo } from "../utilidades";

const mensaje = (d: { indicador: string; celda: string }) =>
  `El indicador ${d.indicador} no tiene código de objetivo: no pertenece a ningún objetivo y no cuenta en ningún cumplimiento. Escriba en ${d.celda} el código del objetivo al que aporta.`;

export const cvIndSinObjetivo = definirRegla(
  {
    id: "CV-IND-SIN-OBJETIVO",
    categoria: "Cadena de valor",
    severidad: "error",
    descripcion: "Un indicador sin código de objetivo.",
    mensaje: mensaje({ indicador: "I7", celda: "A14" }),
    esperado: "El código del objetivo al que aporta cada indicador.",
    comoCorregir:
      "Escriba el código del objetivo en la fila del indicador (también en las filas de indicadores de producto).",
    requiere: "pmr",
    detalle: "Solo cuando la columna Código objetivo existe (si falta, lo dice EST-COLUMNA-FALTANTE).",
  },
  (ctx, meta) => {
    if (!hayColumna(ctx, "codigoObjetivo")) return [];
    const salida: Hallazgo[] = [];
    for (const r of ctx.conCodigo) {
      if (r.codigoObjetivo) continue;
      const celda = ctx.celda(r.ind, "codigoObjetivo");
      salida.push(hallazgo(meta, ctx.nombreHojaPmr, celda, mensaje({ indicador: r.ind.codigo!.trim(), celda }), r.id));
    }
    return salida;
  },
);
