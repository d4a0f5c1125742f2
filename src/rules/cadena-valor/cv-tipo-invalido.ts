import type { Hallazgo } from "../../domain/hallazgo";
import { citar } from "../formato";
import { definirRegla } from "../tipos";
import { hallazgo, textoVacio } from "../utilidades";

const mensaje = (d: { indicador: string; texto: string }) =>
  `El tipo de indicador ${citar(d.texto)} de ${d.indicador} no está en el catálogo. Escriba «Objetivo» o «Producto».`;

export const cvTipoInvalido = definirRegla(
  {
    id: "CV-TIPO-INVALIDO",
    categoria: "Cadena de valor",
    severidad: "error",
    descripcion: "El Tipo indicador no es Objetivo ni Producto.",
    mensaje: mensaje({ indicador: "I4", texto: "Resultado" }),
    esperado: "«Objetivo» o «Producto» en Tipo indicador.",
    comoCorregir:
      "Escriba «Objetivo» (mide el objetivo) o «Producto» (mide la entrega de un producto). Mientras tanto se toma Producto si la fila tiene código de producto.",
    requiere: "pmr",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    for (const r of ctx.conCodigo) {
      if (r.ind.tipo !== null || textoVacio(r.ind.tipoTexto)) continue;
      salida.push(
        hallazgo(
          meta,
          ctx.nombreHojaPmr,
          ctx.celda(r.ind, "tipo"),
          mensaje({ indicador: r.ind.codigo!.trim(), texto: r.ind.tipoTexto! }),
          r.id,
        ),
      );
    }
    return salida;
  },
);
