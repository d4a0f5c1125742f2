import type { Hallazgo } from "../../domain/hallazgo";
import { definirRegla } from "../tipos";
import { hallazgo } from "../utilidades";

const mensaje = (d: { indicador: string; celda: string }) =>
  `El indicador ${d.indicador} es de tipo Producto pero no tiene código de producto: no mide ningún producto. Escriba en ${d.celda} el código del producto que mide, o cambie el tipo a «Objetivo» si mide el objetivo.`;

export const cvIndSinProducto = definirRegla(
  {
    id: "CV-IND-SIN-PRODUCTO",
    categoria: "Cadena de valor",
    severidad: "error",
    descripcion: "Un indicador declarado de tipo Producto sin código de producto.",
    mensaje: mensaje({ indicador: "I8", celda: "C15" }),
    esperado: "El código del producto que mide cada indicador de tipo Producto.",
    comoCorregir: "Escriba el código (y el nombre) del producto en la fila, o corrija el tipo del indicador.",
    requiere: "pmr",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    for (const r of ctx.conCodigo) {
      if (r.ind.tipo !== "PRODUCTO" || r.codigoProducto) continue;
      const celda = ctx.celda(r.ind, "codigoProducto");
      salida.push(hallazgo(meta, ctx.nombreHojaPmr, celda, mensaje({ indicador: r.ind.codigo!.trim(), celda }), r.id));
    }
    return salida;
  },
);
