import type { Hallazgo } from "../../domain/hallazgo";
import { etiqueta } from "../formato";
import { definirRegla } from "../tipos";
import { codigoVisible, hallazgo, primerTexto } from "../utilidades";

const mensaje = (d: { objetivo: string }) =>
  `El objetivo ${d.objetivo} no tiene ningún producto: ninguna de sus filas tiene código de producto. Cada objetivo necesita al menos un producto (un bien o servicio) con su indicador de producto.`;

export const cvObjSinProducto = definirRegla(
  {
    id: "CV-OBJ-SIN-PRODUCTO",
    categoria: "Cadena de valor",
    severidad: "error",
    descripcion: "Cada objetivo necesita al menos un producto.",
    mensaje: mensaje({ objetivo: etiqueta("O2", "Reducir la deserción escolar") }),
    esperado: "Al menos un producto en cada objetivo.",
    comoCorregir:
      "Añada las filas de los indicadores de producto del objetivo, con su código y nombre de producto y el código de este objetivo.",
    requiere: "pmr",
    detalle:
      "Los productos de un objetivo son los códigos de producto de las filas que llevan su código de objetivo. El hallazgo señala el código de objetivo de su primera fila.",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    for (const o of ctx.evaluacion.objetivos) {
      if (o.productos.length > 0 || o.indicadores.length === 0) continue;
      const primera = o.indicadores[0].indicador;
      const codigo = codigoVisible(primera.codigoObjetivo, o.codigo);
      const nombre = primerTexto(o.indicadores, (ev) => ev.indicador.objetivo);
      salida.push(
        hallazgo(
          meta,
          ctx.nombreHojaPmr,
          ctx.celda(primera, "codigoObjetivo"),
          mensaje({ objetivo: etiqueta(codigo, nombre) }),
          o.codigo,
        ),
      );
    }
    return salida;
  },
);
