import { textosCambio } from "../../domain/comparacion";
import { definirRegla } from "../tipos";
import { hallazgo } from "../utilidades";
import { nombreCampo } from "../formato";
import { SELLO_EJEMPLO, describirSello, revisionCierre, type CambioSellado } from "./comun";

export function mensajeProgramacion({ cambio: c, sello }: Pick<CambioSellado, "cambio" | "sello">): string {
  const t = textosCambio(c);
  return `${nombreCampo(c.campo)} del indicador ${c.codigo} cambió después ${describirSello(sello, "del")}: valor sellado ${t.antes}, valor actual ${t.despues}. La programación no cambia durante la vigencia de ejecución.`;
}

export const cieProgramacionCambiada = definirRegla(
  {
    id: "CIE-PROGRAMACION-CAMBIADA",
    categoria: "Cierre",
    severidad: "error",
    requiere: "pmr",
    descripcion:
      "Un campo de programación (meta vigencia, meta plan, línea base, tendencia, ponderación o periodicidad) es distinto del que se selló.",
    mensaje: mensajeProgramacion({
      cambio: {
        id: "1.1.1",
        codigo: "1.1.1",
        campo: "metaVigencia",
        mes: null,
        antes: 100,
        despues: 80,
        antesEsHuella: false,
        filaAntes: null,
        filaDespues: 12,
      },
      sello: SELLO_EJEMPLO,
    }),
    esperado: "La programación que tenía el indicador cuando se selló.",
    comoCorregir:
      "Devuelva la celda al valor sellado. Las metas programadas no cambian durante la vigencia de ejecución; si hubo una reprogramación aprobada, selle de nuevo con una nota que cite el acto que la aprueba.",
    detalle:
      "Compara con el último sello de la vigencia. La ponderación se compara como fracción; la tendencia y la periodicidad por su valor del catálogo (o por el texto si no es del catálogo).",
  },
  (ctx, meta) =>
    revisionCierre(ctx).programacion.map((cs) =>
      hallazgo(
        meta,
        ctx.nombreHojaPmr,
        ctx.celda(cs.fila.ind, cs.cambio.campo as "metaVigencia"),
        mensajeProgramacion(cs),
        cs.fila.id,
        cs.cambio.campo,
      ),
    ),
);
