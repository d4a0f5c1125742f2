import type { Hallazgo } from "../../domain/hallazgo";
import { definirRegla } from "../tipos";
import { algunValor, esNumero, hallazgo } from "../utilidades";

const mensaje = (d: { indicador: string; celda: string }) =>
  `El indicador ${d.indicador} no tiene ninguna meta: ni meta vigencia, ni meta plan, ni programación mensual. Escriba la meta vigencia en ${d.celda} (o la programación mensual).`;

export const cvIndSinMeta = definirRegla(
  {
    id: "CV-IND-SIN-META",
    categoria: "Cadena de valor",
    severidad: "error",
    descripcion: "Un indicador sin meta vigencia, sin meta plan y sin programación mensual.",
    mensaje: mensaje({ indicador: "I5", celda: "O14" }),
    esperado: "Meta vigencia, meta plan o programación mensual en cada indicador.",
    comoCorregir:
      "Escriba la meta de la vigencia (o la programación mensual) y la meta plan. Sin meta el indicador queda «Sin programación» y no cuenta en el cumplimiento.",
    requiere: "pmr",
    detalle:
      "No se señala si la celda de la meta vigencia tiene un problema de lectura (error de Excel o texto ilegible): ese hallazgo ya lo dice.",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    for (const r of ctx.conCodigo) {
      const ind = r.ind;
      if (esNumero(ind.metaVigencia) || esNumero(ind.metaPlan) || algunValor(ind.programado)) continue;
      const celda = ctx.celda(ind, "metaVigencia");
      if (ctx.tieneProblema(ctx.nombreHojaPmr, celda)) continue;
      salida.push(hallazgo(meta, ctx.nombreHojaPmr, celda, mensaje({ indicador: ind.codigo!.trim(), celda }), r.id));
    }
    return salida;
  },
);
