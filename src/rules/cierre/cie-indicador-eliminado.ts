import { definirRegla } from "../tipos";
import { hallazgo } from "../utilidades";
import { celdaEncabezadoCodigo, describirSello, revisionCierre, SELLO_EJEMPLO } from "./comun";
import type { Sello } from "../../domain/sellos";

export function mensajeEliminado(codigo: string, sello: Sello, hoja: string): string {
  return `El indicador ${codigo} estaba en ${describirSello(sello)} y ya no está en la hoja «${hoja}» (se borró su fila, se cambió su código o se marcó como no vigente). Lo sellado no se puede quitar.`;
}

export const cieIndicadorEliminado = definirRegla(
  {
    id: "CIE-INDICADOR-ELIMINADO",
    categoria: "Cierre",
    severidad: "error",
    requiere: "pmr",
    descripcion: "Un indicador sellado ya no está en el libro.",
    mensaje: mensajeEliminado("1.1.1", SELLO_EJEMPLO, "PMR"),
    esperado: "Cada indicador sellado sigue en la hoja PMR con su código.",
    comoCorregir:
      "Restaure la fila del indicador con su código. Si el indicador se retiró con un acto aprobado, selle de nuevo con una nota que lo explique.",
    detalle:
      "Compara los códigos del último sello de la vigencia con los del libro. Apunta al encabezado de la columna del código: la fila ya no existe.",
  },
  (ctx, meta) =>
    revisionCierre(ctx).eliminados.map(({ foto, sello }) =>
      hallazgo(
        meta,
        ctx.nombreHojaPmr,
        celdaEncabezadoCodigo(ctx),
        mensajeEliminado(foto.codigo || foto.id, sello, ctx.nombreHojaPmr),
        foto.id,
      ),
    ),
);
