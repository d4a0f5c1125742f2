import { definirRegla } from "../tipos";
import { hallazgo } from "../utilidades";
import { describirSello, revisionCierre, SELLO_EJEMPLO } from "./comun";
import type { Sello } from "../../domain/sellos";

export function mensajeAlterado(sello: Sello, posicion: number): string {
  return `${describirSello(sello).replace(/^el/, "El")} (el ${posicion}.º guardado en el libro) no coincide con su huella: se editó fuera de PMR para Excel. No se usó para revisar los cambios; sin un sello fiable, lo sellado de esos meses no se puede comprobar.`;
}

export function mensajeIlegible(problema: string): string {
  return `${problema.trim()} Sin los sellos no se puede comprobar que los meses sellados sigan iguales.`;
}

export const cieSelloAlterado = definirRegla(
  {
    id: "CIE-SELLO-ALTERADO",
    categoria: "Cierre",
    severidad: "error",
    descripcion:
      "Un sello de cierre guardado en el libro ya no coincide con su huella o no se puede leer (se editó a mano).",
    mensaje: mensajeAlterado(SELLO_EJEMPLO, 1),
    esperado: "Los sellos guardados en el libro tal como los escribió PMR para Excel.",
    comoCorregir:
      "Recupere una copia del libro anterior a la edición (el historial de versiones de OneDrive o SharePoint la tiene) o, si el contenido actual es el aprobado, selle de nuevo con una nota.",
    detalle:
      "Cada sello lleva la huella (cyrb53) de su contenido; si no coincide, el sello se informa y no se usa. También es este error cuando lo guardado de los sellos no se puede leer (partes que faltan, huella del almacén distinta, forma no válida). Apunta a la celda A1 de la hoja PMR: el sello no está en una celda.",
  },
  (ctx, meta) => {
    const r = revisionCierre(ctx);
    const hallazgos = r.alterados.map(({ sello, posicion }) =>
      hallazgo(
        meta,
        ctx.nombreHojaPmr,
        "A1",
        mensajeAlterado(sello, posicion),
        "sello",
        sello.vigencia,
        sello.mes,
        sello.fecha,
      ),
    );
    (ctx.guardado.sellos?.ilegibles ?? []).forEach((p, i) =>
      hallazgos.push(hallazgo(meta, ctx.nombreHojaPmr, "A1", mensajeIlegible(p), "ilegible", i + 1)),
    );
    return hallazgos;
  },
);
