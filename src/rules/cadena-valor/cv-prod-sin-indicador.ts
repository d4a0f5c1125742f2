import type { Hallazgo } from "../../domain/hallazgo";
import { etiqueta, lista } from "../formato";
import { definirRegla } from "../tipos";
import { codigoVisible, hallazgo, primerTexto } from "../utilidades";

const mensaje = (d: { producto: string; codigo: string; deObjetivo: string[] }) =>
  `El producto ${d.producto} no tiene ningún indicador de producto${d.deObjetivo.length ? ` (lo nombran ${lista(d.deObjetivo)}, pero son de tipo Objetivo)` : ""}. Añada al menos una fila con Tipo indicador «Producto», el código de producto ${d.codigo} y su indicador.`;

export const cvProdSinIndicador = definirRegla(
  {
    id: "CV-PROD-SIN-INDICADOR",
    categoria: "Cadena de valor",
    severidad: "error",
    descripcion: "Cada producto necesita al menos un indicador de producto.",
    mensaje: mensaje({ producto: etiqueta("P3", "Jornadas de refuerzo escolar"), codigo: "P3", deObjetivo: [] }),
    esperado: "Al menos un indicador de tipo Producto en cada producto.",
    comoCorregir:
      "Añada la fila del indicador que mide la entrega del producto (Tipo indicador «Producto»), o corrija el tipo de la fila que ya lo mide.",
    requiere: "pmr",
    detalle:
      "Un producto es un código de producto que aparece en alguna fila del PMR de la vigencia. Cuenta como indicador de producto una fila con código de indicador cuyo tipo es Producto. El hallazgo señala el código de producto de su primera fila.",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    for (const [cp, filas] of ctx.filasPorProducto) {
      const deObjetivo: string[] = [];
      let tiene = false;
      for (const f of filas) {
        if (!f.codigo) continue;
        if (f.tipo === "PRODUCTO") {
          tiene = true;
          break;
        }
        deObjetivo.push(f.ind.codigo!.trim());
      }
      if (tiene) continue;
      const primera = filas[0].ind;
      const codigo = codigoVisible(primera.codigoProducto, cp);
      const nombre = primerTexto(filas, (f) => f.ind.producto);
      salida.push(
        hallazgo(
          meta,
          ctx.nombreHojaPmr,
          ctx.celda(primera, "codigoProducto"),
          mensaje({ producto: etiqueta(codigo, nombre), codigo, deObjetivo }),
          cp,
        ),
      );
    }
    return salida;
  },
);
