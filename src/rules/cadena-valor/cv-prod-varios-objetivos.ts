import type { Hallazgo } from "../../domain/hallazgo";
import { lista } from "../formato";
import { definirRegla } from "../tipos";
import { codigoVisible, hallazgo } from "../utilidades";

const mensaje = (d: { producto: string; objetivos: string[]; celda: string }) =>
  `El producto ${d.producto} aparece en los objetivos ${lista(d.objetivos)}; un producto pertenece a un solo objetivo. Corrija el código de objetivo en ${d.celda} o use otro código de producto.`;

export const cvProdVariosObjetivos = definirRegla(
  {
    id: "CV-PROD-VARIOS-OBJETIVOS",
    categoria: "Cadena de valor",
    severidad: "error",
    descripcion: "Un mismo código de producto en filas de objetivos distintos.",
    mensaje: mensaje({ producto: "P2", objetivos: ["O1", "O3"], celda: "A15" }),
    esperado: "Cada producto bajo un solo objetivo.",
    comoCorregir:
      "Deje el producto en un solo objetivo. Si dos objetivos entregan bienes distintos, cada uno necesita su propio código de producto.",
    requiere: "pmr",
    detalle:
      "Se comparan los códigos de objetivo (normalizados) de todas las filas del producto; el hallazgo señala el código de objetivo de la primera fila que difiere de la primera fila del producto.",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    for (const [cp, filas] of ctx.filasPorProducto) {
      const objetivos: string[] = [];
      let primeraDistinta: (typeof filas)[number] | null = null;
      for (const f of filas) {
        const co = f.codigoObjetivo;
        if (!co || objetivos.includes(co)) continue;
        objetivos.push(co);
        if (objetivos.length === 2) primeraDistinta = f;
      }
      if (!primeraDistinta) continue;
      const celda = ctx.celda(primeraDistinta.ind, "codigoObjetivo");
      salida.push(
        hallazgo(
          meta,
          ctx.nombreHojaPmr,
          celda,
          mensaje({ producto: codigoVisible(filas[0].ind.codigoProducto, cp), objetivos, celda }),
          cp,
        ),
      );
    }
    return salida;
  },
);
