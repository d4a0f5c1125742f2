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
  `La meta plan del indicador ${d.indicador} (${numero(d.mp)}) es mayor que su línea base (${numero(d.lb)}), pero su tendencia es Decreciente: la meta debe estar por debajo de la línea base. Revise la meta plan (${d.celdaMp}), la línea base (${d.celdaLb}) o la tendencia (${d.celdaTendencia}).`;

export const metDecrecienteMpMayorLb = definirRegla(
  {
    id: "MET-DECRECIENTE-MP-MAYOR-LB",
    categoria: "Metas",
    severidad: "error",
    descripcion: "Un indicador Decreciente con meta plan mayor que la línea base.",
    mensaje: mensaje({ indicador: "I9", mp: 12, lb: 8.5, celdaMp: "M20", celdaLb: "L20", celdaTendencia: "I20" }),
    esperado: "En un indicador Decreciente, una meta plan menor o igual que la línea base.",
    comoCorregir:
      "Si el indicador debe subir, su tendencia es Creciente; si debe bajar, corrija la meta plan o la línea base.",
    requiere: "pmr",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    for (const r of ctx.conCodigo) {
      const ind = r.ind;
      if (ind.tendencia !== "DECRECIENTE" || !esNumero(ind.metaPlan) || !esNumero(ind.lineaBase)) continue;
      if (ind.metaPlan <= ind.lineaBase) continue;
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
