import { definirRegla } from "../tipos";
import { hallazgo } from "../utilidades";
import { describirSello, revisionCierre, SELLO_EJEMPLO } from "./comun";
import type { Sello } from "../../domain/sellos";

export function mensajeAnadido(codigo: string, sello: Sello): string {
  return `El indicador ${codigo} no estaba en ${describirSello(sello)}: se añadió a una vigencia sellada. Confirme que la inclusión está aprobada y selle de nuevo para que quede registrada.`;
}

export const cieIndicadorAnadido = definirRegla(
  {
    id: "CIE-INDICADOR-ANADIDO",
    categoria: "Cierre",
    severidad: "advertencia",
    requiere: "pmr",
    descripcion: "Un indicador de una vigencia sellada que no estaba en su último sello.",
    mensaje: mensajeAnadido("1.1.9", SELLO_EJEMPLO),
    esperado: "Los indicadores de la vigencia son los del último sello.",
    comoCorregir:
      "Si la inclusión está aprobada, selle de nuevo (sección Cierre del panel o pmr sellar) con una nota que cite el acto; si no, quite la fila.",
    detalle: "Compara los códigos del libro con los del último sello de la vigencia. Apunta a la celda del código.",
  },
  (ctx, meta) =>
    revisionCierre(ctx).anadidos.map(({ fila, sello }) =>
      hallazgo(
        meta,
        ctx.nombreHojaPmr,
        ctx.celda(fila.ind, "codigo"),
        mensajeAnadido((fila.ind.codigo ?? "").trim() || fila.id, sello),
        fila.id,
      ),
    ),
);
