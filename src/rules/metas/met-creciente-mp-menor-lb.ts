import type { Hallazgo } from "../../domain/hallazgo";
import { numero } from "../formato";
import { definirRegla } from "../tipos";
import { esNumero, hallazgo } from "../utilidades";

const mensaje = (d: {
  indicador: string;
  mp: number;
  lb: number;
  celdaMp: string;
  celdaLb: string;
  celdaTendencia: string;
}) =>
  `La meta plan del indicador ${d.indicador} (${numero(d.mp)}) es menor que su línea base (${numero(d.lb)}), pero su tendencia es Creciente: la meta debe estar por encima de la línea base. Revise la meta plan (${d.celdaMp}), la línea base (${d.celdaLb}) o la tendencia (${d.celdaTendencia}).`;

export const metCrecienteMpMenorLb = definirRegla(
  {
    id: "MET-CRECIENTE-MP-MENOR-LB",
    categoria: "Metas",
    severidad: "error",
    descripcion: "Un indicador Creciente con meta plan menor que la línea base.",
    mensaje: mensaje({ indicador: "I3", mp: 40, lb: 55, celdaMp: "M12", celdaLb: "L12", celdaTendencia: "I12" }),
    esperado: "En un indicador Creciente, una meta plan mayor o igual que la línea base.",
    comoCorregir:
      "Si el indicador debe bajar, su tendencia es Decreciente; si debe subir, corrija la meta plan o la línea base.",
    requiere: "pmr",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    for (const r of ctx.conCodigo) {
      const ind = r.ind;
      if (ind.tendencia !== "CRECIENTE" || !esNumero(ind.metaPlan) || !esNumero(ind.lineaBase)) continue;
      if (ind.metaPlan >= ind.lineaBase) continue;
      const celdaMp = ctx.celda(ind, "metaPlan");
      salida.push(
        hallazgo(
          meta,
          ctx.nombreHojaPmr,
          celdaMp,
          mensaje({
            indicador: ind.codigo!.trim(),
            mp: ind.metaPlan,
            lb: ind.lineaBase,
            celdaMp,
            celdaLb: ctx.celda(ind, "lineaBase"),
            celdaTendencia: ctx.celda(ind, "tendencia"),
          }),
          r.id,
        ),
      );
    }
    return salida;
  },
);
