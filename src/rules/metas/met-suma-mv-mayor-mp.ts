import type { Hallazgo } from "../../domain/hallazgo";
import { numero } from "../formato";
import { definirRegla } from "../tipos";
import { esNumero, hallazgo, igualesConTolerancia } from "../utilidades";

const mensaje = (d: { indicador: string; mv: number; mp: number; celdaMv: string; celdaMp: string }) =>
  `La meta vigencia del indicador ${d.indicador} (${numero(d.mv)}) es mayor que su meta plan (${numero(d.mp)}): en un indicador de tendencia Suma la meta del año es una parte de la meta de todo el plan. Revise la meta vigencia (${d.celdaMv}) o la meta plan (${d.celdaMp}).`;

export const metSumaMvMayorMp = definirRegla(
  {
    id: "MET-SUMA-MV-MAYOR-MP",
    categoria: "Metas",
    severidad: "error",
    descripcion: "En un indicador Suma, la meta vigencia es mayor que la meta plan.",
    mensaje: mensaje({ indicador: "I3", mv: 1200, mp: 1000, celdaMv: "O12", celdaMp: "M12" }),
    esperado: "En un indicador Suma, una meta vigencia menor o igual que la meta plan.",
    comoCorregir:
      "La meta plan de un indicador Suma es el total del cuatrienio: debe ser al menos la meta de la vigencia. Corrija la que esté mal.",
    requiere: "pmr",
    configuracion: ["toleranciaSumas"],
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    for (const r of ctx.conCodigo) {
      const ind = r.ind;
      if (ind.tendencia !== "SUMA" || !esNumero(ind.metaVigencia) || !esNumero(ind.metaPlan)) continue;
      if (
        ind.metaVigencia <= ind.metaPlan ||
        igualesConTolerancia(ind.metaVigencia, ind.metaPlan, ctx.config.toleranciaSumas)
      )
        continue;
      const celdaMv = ctx.celda(ind, "metaVigencia");
      salida.push(
        hallazgo(
          meta,
          ctx.nombreHojaPmr,
          celdaMv,
          mensaje({
            indicador: ind.codigo!.trim(),
            mv: ind.metaVigencia,
            mp: ind.metaPlan,
            celdaMv,
            celdaMp: ctx.celda(ind, "metaPlan"),
          }),
          r.id,
        ),
      );
    }
    return salida;
  },
);
