import type { Hallazgo } from "../../domain/hallazgo";
import { hayColumna } from "../contexto";
import { definirRegla } from "../tipos";
import { codigoVisible, esNumero, hallazgo, programadoEnVigencia } from "../utilidades";
import type { IndicadorRevisado } from "../contexto";

const mensaje = (d: { indicador: string; objetivo: string; celda: string }) =>
  `El indicador ${d.indicador} no tiene ponderación, pero otros indicadores del objetivo ${d.objetivo} sí: pesa 0 % en el cumplimiento del objetivo. Escriba su ponderación en ${d.celda}.`;

export const cvPonderacionFaltante = definirRegla(
  {
    id: "CV-PONDERACION-FALTANTE",
    categoria: "Cadena de valor",
    severidad: "advertencia",
    descripcion: "Un indicador programado sin ponderación en un objetivo cuyos otros indicadores sí la tienen.",
    mensaje: mensaje({ indicador: "I3", objetivo: "O2", celda: "K14" }),
    esperado: "Una ponderación en cada indicador programado de un objetivo cuyos demás indicadores la tienen.",
    comoCorregir:
      "Escriba la ponderación de todos los indicadores programados del objetivo (o de ninguno, para que pesen igual).",
    requiere: "pmr",
    detalle:
      "Cuando unos indicadores de un objetivo llevan ponderación y otros no, los que no la llevan pesan 0 en el cumplimiento (docs/decisiones.md). Se señala la celda de ponderación de cada indicador programado que no la tiene.",
  },
  (ctx, meta) => {
    if (!hayColumna(ctx, "ponderacion")) return [];
    const salida: Hallazgo[] = [];
    for (const o of ctx.evaluacion.objetivos) {
      let conPeso = false;
      const sinPeso: IndicadorRevisado[] = [];
      // Los indicadores del objetivo que tienen código, en orden de fila.
      for (const r of ctx.revisadosPorObjetivo.get(o.codigo) ?? []) {
        if (!programadoEnVigencia(r.ind)) continue;
        if (esNumero(r.ind.ponderacion)) conPeso = true;
        else sinPeso.push(r);
      }
      if (!conPeso) continue;
      const objetivo = codigoVisible(o.indicadores[0].indicador.codigoObjetivo, o.codigo);
      for (const r of sinPeso) {
        const celda = ctx.celda(r.ind, "ponderacion");
        if (ctx.tieneProblema(ctx.nombreHojaPmr, celda)) continue;
        salida.push(
          hallazgo(meta, ctx.nombreHojaPmr, celda, mensaje({ indicador: r.ind.codigo!.trim(), objetivo, celda }), r.id),
        );
      }
    }
    return salida;
  },
);
