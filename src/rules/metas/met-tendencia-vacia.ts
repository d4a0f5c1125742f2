import type { Hallazgo } from "../../domain/hallazgo";
import { hayColumna } from "../contexto";
import { definirRegla } from "../tipos";
import { hallazgo, textoVacio } from "../utilidades";

const mensaje = (d: { indicador: string; celda: string }) =>
  `El indicador ${d.indicador} no tiene tendencia: sin ella no se puede calcular su acumulado ni su avance. Escriba en ${d.celda} Suma, Creciente, Constante o Decreciente.`;

export const metTendenciaVacia = definirRegla(
  {
    id: "MET-TENDENCIA-VACIA",
    categoria: "Metas",
    severidad: "error",
    descripcion: "Un indicador sin tendencia (tipo de anualización).",
    mensaje: mensaje({ indicador: "I3", celda: "I12" }),
    esperado: "Suma, Creciente, Constante o Decreciente.",
    comoCorregir: "Escriba la tendencia del indicador: Suma, Creciente, Constante o Decreciente.",
    requiere: "pmr",
    detalle: "Solo cuando la columna Tendencia existe (si falta, lo dice EST-COLUMNA-FALTANTE).",
  },
  (ctx, meta) => {
    if (!hayColumna(ctx, "tendencia")) return [];
    const salida: Hallazgo[] = [];
    for (const r of ctx.conCodigo) {
      if (r.ind.tendencia !== null || !textoVacio(r.ind.tendenciaTexto)) continue;
      const celda = ctx.celda(r.ind, "tendencia");
      if (ctx.tieneProblema(ctx.nombreHojaPmr, celda)) continue;
      salida.push(hallazgo(meta, ctx.nombreHojaPmr, celda, mensaje({ indicador: r.ind.codigo!.trim(), celda }), r.id));
    }
    return salida;
  },
);
