import { acumulado } from "../../domain/calculos";
import type { Hallazgo } from "../../domain/hallazgo";
import { numero } from "../formato";
import { definirRegla } from "../tipos";
import { algunValor, esNumero, hallazgo, igualesConTolerancia } from "../utilidades";

const mensaje = (d: { indicador: string; suma: number; mv: number; rango: string; celdaMv: string }) =>
  `La programación mensual del indicador ${d.indicador} suma ${numero(d.suma)}, pero la meta vigencia es ${numero(d.mv)} (diferencia: ${numero(Math.abs(d.suma - d.mv))}). En un indicador de tendencia Suma los meses deben sumar la meta vigencia; ajuste la programación (${d.rango}) o la meta vigencia (${d.celdaMv}).`;

export const metSumaProgramacionMv = definirRegla(
  {
    id: "MET-SUMA-PROGRAMACION-MV",
    categoria: "Metas",
    severidad: "error",
    descripcion: "En un indicador Suma, la programación mensual no suma la meta vigencia.",
    mensaje: mensaje({ indicador: "I3", suma: 1150, mv: 1200, rango: "P12:AA12", celdaMv: "O12" }),
    esperado: "En un indicador Suma, una programación mensual que suma la meta vigencia.",
    comoCorregir:
      "Corrija los meses programados o la meta vigencia para que la suma de enero a diciembre sea igual a la meta del año.",
    requiere: "pmr",
    configuracion: ["toleranciaSumas"],
    detalle:
      "Solo para tendencia Suma con meta vigencia y al menos un mes programado. Las celdas vacías no suman. Tolerancia relativa toleranciaSumas. El hallazgo señala el rango de la programación mensual de la fila.",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    for (const r of ctx.conCodigo) {
      const ind = r.ind;
      if (ind.tendencia !== "SUMA" || !esNumero(ind.metaVigencia) || !algunValor(ind.programado)) continue;
      const suma = acumulado(ind.programado, "SUMA", 12) ?? 0;
      if (igualesConTolerancia(suma, ind.metaVigencia, ctx.config.toleranciaSumas)) continue;
      const rango = ctx.rangoSerie(ind, "programado", 1, 12);
      salida.push(
        hallazgo(
          meta,
          ctx.nombreHojaPmr,
          rango,
          mensaje({
            indicador: ind.codigo!.trim(),
            suma,
            mv: ind.metaVigencia,
            rango,
            celdaMv: ctx.celda(ind, "metaVigencia"),
          }),
          r.id,
        ),
      );
    }
    return salida;
  },
);
