import type { Hallazgo } from "../../domain/hallazgo";
import { mes, porcentaje } from "../formato";
import { definirRegla } from "../tipos";
import { esNumero, hallazgo } from "../utilidades";

/** Un avance mayor que esto (10 veces lo programado) no es plausible. */
export const AVANCE_MAXIMO_PLAUSIBLE = 10;

const mensaje = (d: { indicador: string; avance: number; corte: number; celda: string; decreciente: boolean }) =>
  d.avance < 0
    ? `El avance del indicador ${d.indicador} al corte (${mes(d.corte)}) es ${porcentaje(d.avance)}: un avance negativo no es posible. ${d.decreciente ? "En un indicador Decreciente pasa cuando la ejecución está por encima de la línea base: revise la línea base y" : "Revise"} la ejecución (${d.celda}) y la programación (¿un valor con signo, una escala distinta?).`
    : `El avance del indicador ${d.indicador} al corte (${mes(d.corte)}) es ${porcentaje(d.avance)}: más de 10 veces lo programado, lo que no es plausible. Revise si la ejecución (${d.celda}) y la meta están en la misma escala (p. ej. 85 frente a 0,85, o personas frente a miles) ${d.decreciente ? "y la línea base" : "y si la meta o la programación están completas"}.`;

export const segAvanceImplausible = definirRegla(
  {
    id: "SEG-AVANCE-IMPLAUSIBLE",
    categoria: "Seguimiento",
    severidad: "advertencia",
    descripcion: "Un avance fuera de todo rango plausible: negativo o mayor que 10 veces lo programado (1.000 %).",
    mensaje: mensaje({ indicador: "I3", avance: 12.5, corte: 6, celda: "AG12", decreciente: false }),
    esperado: "Un avance entre 0 % y 1.000 %: la ejecución en la misma escala que la meta (0,85 o 85, no ambas).",
    comoCorregir:
      "Casi siempre es una escala distinta entre la meta y la ejecución (porcentaje como 85 frente a 0,85, unidades frente a miles) o, en un Decreciente, una línea base que no corresponde. Corrija el valor que esté en otra escala.",
    requiere: "pmr",
    configuracion: ["metodoAvance", "metodoDecreciente", "topeCien"],
    detalle:
      "Usa el avance al corte calculado según §2 (el mismo del informe). Señala la última celda de ejecución hasta el corte (o la meta vigencia si no hay ejecución por mes).",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    for (const r of ctx.conCodigo) {
      const a = r.ev.avance;
      if (!esNumero(a) || (a >= 0 && a <= AVANCE_MAXIMO_PLAUSIBLE)) continue;
      let m = ctx.corte;
      while (m > 0 && !esNumero(r.ind.ejecutado[m - 1])) m--;
      const celda = m > 0 ? ctx.celda(r.ind, "ejecutado", m) : ctx.celda(r.ind, "metaVigencia");
      salida.push(
        hallazgo(
          meta,
          ctx.nombreHojaPmr,
          celda,
          mensaje({
            indicador: r.ind.codigo!.trim(),
            avance: a,
            corte: ctx.corte,
            celda,
            decreciente: r.ind.tendencia === "DECRECIENTE",
          }),
          r.id,
        ),
      );
    }
    return salida;
  },
);
