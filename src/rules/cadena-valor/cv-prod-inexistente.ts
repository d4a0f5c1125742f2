import type { Hallazgo } from "../../domain/hallazgo";
import { lista } from "../formato";
import { hayColumna } from "../contexto";
import { definirRegla } from "../tipos";
import { codigoVisible, hallazgo, primerTexto } from "../utilidades";

const mensaje = (d: { codigo: string; indicadores: string[] }) =>
  `El código de producto ${d.codigo}${d.indicadores.length ? ` (filas de ${lista(d.indicadores)})` : ""} no tiene nombre de producto en ninguna fila: no corresponde a ningún producto definido. Escriba el nombre del producto en la columna Producto o corrija el código.`;

export const cvProdInexistente = definirRegla(
  {
    id: "CV-PROD-INEXISTENTE",
    categoria: "Cadena de valor",
    severidad: "error",
    descripcion: "Filas que apuntan a un código de producto que no está definido (sin nombre en ninguna fila).",
    mensaje: mensaje({ codigo: "P9", indicadores: ["I21"] }),
    esperado: "Un código de producto definido en el PMR, con su nombre en al menos una fila.",
    comoCorregir:
      "Si el código está mal escrito, corríjalo por el del producto correcto; si es un producto nuevo, escriba su nombre en la columna Producto.",
    requiere: "pmr",
    detalle:
      "Un código de producto existe cuando al menos una fila de la vigencia le da nombre en la columna Producto. Solo se revisa si la columna Producto existe. El hallazgo señala el código de producto de su primera fila.",
  },
  (ctx, meta) => {
    if (!hayColumna(ctx, "producto")) return [];
    const salida: Hallazgo[] = [];
    for (const [cp, filas] of ctx.filasPorProducto) {
      if (primerTexto(filas, (f) => f.ind.producto) !== null) continue;
      const primera = filas[0].ind;
      const indicadores = filas.map((f) => f.ind.codigo?.trim() ?? "").filter((c) => c !== "");
      salida.push(
        hallazgo(
          meta,
          ctx.nombreHojaPmr,
          ctx.celda(primera, "codigoProducto"),
          mensaje({ codigo: codigoVisible(primera.codigoProducto, cp), indicadores }),
          cp,
        ),
      );
    }
    return salida;
  },
);
