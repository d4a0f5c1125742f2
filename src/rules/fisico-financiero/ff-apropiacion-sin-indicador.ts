import type { Hallazgo } from "../../domain/hallazgo";
import { moneda } from "../formato";
import { tieneCodigo } from "../contexto";
import { definirRegla } from "../tipos";
import { codigoVisible, esNumero, hallazgo } from "../utilidades";

const mensaje = (d: { producto: string; apropiacion: number }) =>
  `El producto ${d.producto} tiene apropiación vigente (${moneda(d.apropiacion)}) pero ningún indicador de producto en el PMR: no hay cómo medir lo que se entrega con esos recursos. Añada su indicador de producto en la hoja PMR.`;

export const ffApropiacionSinIndicador = definirRegla(
  {
    id: "FF-APROPIACION-SIN-INDICADOR",
    categoria: "Físico-financiero",
    severidad: "error",
    descripcion: "Un producto del PMR con apropiación vigente y sin indicador de producto.",
    mensaje: mensaje({ producto: "P5", apropiacion: 350000000 }),
    esperado: "Al menos un indicador de producto en cada producto con apropiación vigente.",
    comoCorregir:
      "Añada en la hoja PMR la fila del indicador de producto (Tipo indicador «Producto», con el código del producto). Si el código de la hoja de presupuesto está mal, corríjalo.",
    requiere: "presupuesto",
    detalle:
      "Cuenta como indicador de producto una fila con código de indicador (una fila de título no). Para productos que aparecen en la hoja PMR (un código de presupuesto que no está en el PMR lo señala FF-PRESUPUESTO-PRODUCTO-INEXISTENTE). La apropiación es la suma de sus filas de presupuesto. Se señala la celda de apropiación de su primera fila con apropiación.",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    const hoja = ctx.presupuesto!;
    for (const p of ctx.evaluacion.productos) {
      if (!ctx.filasPorProducto.has(p.codigo) || p.indicadores.some((ev) => tieneCodigo(ev.indicador))) continue;
      if (!esNumero(p.apropiacion) || p.apropiacion <= 0) continue;
      const fila =
        p.filasPresupuesto.find((f) => esNumero(f.apropiacion) && f.apropiacion > 0) ?? p.filasPresupuesto[0];
      salida.push(
        hallazgo(
          meta,
          hoja.nombre,
          ctx.celdaPresupuesto(fila, "apropiacion"),
          mensaje({ producto: codigoVisible(fila.codigoProducto, p.codigo), apropiacion: p.apropiacion }),
          p.codigo,
        ),
      );
    }
    return salida;
  },
);
