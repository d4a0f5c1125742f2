import { EPSILON } from "../../domain/calculos";
import type { Hallazgo } from "../../domain/hallazgo";
import { mes, numero } from "../formato";
import { definirRegla } from "../tipos";
import { esNumero, hallazgo } from "../utilidades";

const mensaje = (d: {
  indicador: string;
  creciente: boolean;
  mes: number;
  mesAnterior: number;
  antes: number;
  ahora: number;
  celda: string;
}) =>
  `El indicador ${d.indicador} es ${d.creciente ? "Creciente" : "Decreciente"} pero su ejecución ${d.creciente ? "baja" : "sube"} en ${mes(d.mes)}: de ${numero(d.antes)} (${mes(d.mesAnterior)}) a ${numero(d.ahora)}. Revise el valor de ${d.celda} o la tendencia del indicador.`;

export const segTendenciaContraria = definirRegla(
  {
    id: "SEG-TENDENCIA-CONTRARIA",
    categoria: "Seguimiento",
    severidad: "advertencia",
    descripcion: "Una serie Creciente que baja o una Decreciente que sube.",
    mensaje: mensaje({ indicador: "I3", creciente: true, mes: 4, mesAnterior: 3, antes: 45, ahora: 40, celda: "AE12" }),
    esperado: "Una serie Creciente que no baja y una Decreciente que no sube de un mes de reporte al siguiente.",
    comoCorregir:
      "Si el valor está mal digitado, corríjalo. Si el indicador de verdad retrocedió, explíquelo en el avance cualitativo del mes; si su comportamiento esperado es otro, revise la tendencia.",
    requiere: "pmr",
    detalle:
      "Se comparan los valores reportados consecutivos (saltando los meses vacíos) de enero al corte; un hallazgo por cada mes en que la serie cambia de sentido, en su celda de ejecución.",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    for (const r of ctx.conCodigo) {
      const ind = r.ind;
      if (ind.tendencia !== "CRECIENTE" && ind.tendencia !== "DECRECIENTE") continue;
      const creciente = ind.tendencia === "CRECIENTE";
      let anterior: number | null = null;
      let mesAnterior = 0;
      for (let m = 1; m <= ctx.corte; m++) {
        const v = ind.ejecutado[m - 1];
        if (!esNumero(v)) continue;
        if (anterior !== null && (creciente ? v < anterior - EPSILON : v > anterior + EPSILON)) {
          const celda = ctx.celda(ind, "ejecutado", m);
          salida.push(
            hallazgo(
              meta,
              ctx.nombreHojaPmr,
              celda,
              mensaje({
                indicador: ind.codigo!.trim(),
                creciente,
                mes: m,
                mesAnterior,
                antes: anterior,
                ahora: v,
                celda,
              }),
              r.id,
              m,
            ),
          );
        }
        anterior = v;
        mesAnterior = m;
      }
    }
    return salida;
  },
);
