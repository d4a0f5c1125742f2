import type { Hallazgo } from "../../domain/hallazgo";
import { citar, lista } from "../formato";
import { tieneCodigo } from "../contexto";
import { definirRegla } from "../tipos";
import { codigoVisible, esNumero, hallazgo } from "../utilidades";

const mensaje = (d: { producto: string; indicadores: string[]; hoja: string; sinFilas: boolean }) =>
  `El producto ${d.producto} (indicadores ${lista(d.indicadores)}) ${d.sinFilas ? `no tiene filas en la hoja ${citar(d.hoja)}` : "no tiene apropiación vigente"}: sus entregas no tienen recursos asignados. Asigne los recursos del producto en la hoja de presupuesto o revise su código.`;

export const ffProductoSinRecursos = definirRegla(
  {
    id: "FF-PRODUCTO-SIN-RECURSOS",
    categoria: "Físico-financiero",
    severidad: "advertencia",
    descripcion:
      "Un producto con indicadores de producto pero sin recursos (sin filas de presupuesto o con apropiación vacía o cero).",
    mensaje: mensaje({ producto: "P3", indicadores: ["I7", "I8"], hoja: "PMR_Presupuesto", sinFilas: true }),
    esperado: "Filas de presupuesto con apropiación vigente para cada producto con indicadores de producto.",
    comoCorregir:
      "Escriba en la hoja de presupuesto la apropiación vigente del producto (por fuente de recursos). Si el producto no tiene recursos este año, déjelo explicado en las observaciones.",
    requiere: "presupuesto",
    detalle: "Un hallazgo por producto, en el código de producto de su primer indicador de producto en la hoja PMR.",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    const hoja = ctx.presupuesto!;
    for (const p of ctx.evaluacion.productos) {
      if (esNumero(p.apropiacion) && p.apropiacion > 0) continue;
      const conCodigo = p.indicadores.filter((ev) => tieneCodigo(ev.indicador));
      if (conCodigo.length === 0) continue;
      const primera = conCodigo[0].indicador;
      const indicadores = conCodigo.map((ev) => ev.indicador.codigo!.trim());
      salida.push(
        hallazgo(
          meta,
          ctx.nombreHojaPmr,
          ctx.celda(primera, "codigoProducto"),
          mensaje({
            producto: codigoVisible(primera.codigoProducto, p.codigo),
            indicadores,
            hoja: hoja.nombre,
            sinFilas: p.filasPresupuesto.length === 0,
          }),
          p.codigo,
        ),
      );
    }
    return salida;
  },
);
