import { EPSILON } from "../../domain/calculos";
import { normalizarCodigo } from "../../domain/evaluacion";
import type { Hallazgo } from "../../domain/hallazgo";
import { mes, moneda } from "../formato";
import { definirRegla } from "../tipos";
import { esNumero, hallazgo } from "../utilidades";
import { describirFila, montoAlCorte } from "./comun";

const mensaje = (d: {
  fila: string;
  compromisos: number;
  apropiacion: number | null;
  corte: number;
  celdaApropiacion: string;
}) =>
  d.apropiacion === null
    ? `La fila de presupuesto de ${d.fila} tiene compromisos por ${moneda(d.compromisos)} a ${mes(d.corte)} pero no tiene apropiación vigente. Escriba la apropiación en ${d.celdaApropiacion} o revise los compromisos.`
    : `Los compromisos de ${d.fila} a ${mes(d.corte)} (${moneda(d.compromisos)}) superan la apropiación vigente (${moneda(d.apropiacion)}) en ${moneda(d.compromisos - d.apropiacion)}. No se puede comprometer más de lo apropiado: revise los compromisos o la apropiación (${d.celdaApropiacion}).`;

export const ffCompromisosMayorApropiacion = definirRegla(
  {
    id: "FF-COMPROMISOS-MAYOR-APROPIACION",
    categoria: "Físico-financiero",
    severidad: "error",
    descripcion: "Una fila de presupuesto con compromisos al corte mayores que su apropiación vigente.",
    mensaje: mensaje({
      fila: "P2 (Inversión, proyecto 7890)",
      compromisos: 1250000000,
      apropiacion: 1200000000,
      corte: 6,
      celdaApropiacion: "D4",
    }),
    esperado: "Compromisos al corte menores o iguales que la apropiación vigente.",
    comoCorregir:
      "Revise que los compromisos estén en la fila (producto y fuente) correcta y que la apropiación vigente incluya las modificaciones presupuestales del año.",
    requiere: "presupuesto",
    configuracion: ["corte"],
    detalle:
      "Compromisos al corte: la suma de los meses hasta el corte si la hoja los trae por mes; si no, la columna de acumulados (como en la evaluación). Sin apropiación y con compromisos positivos también se señala. El hallazgo señala los compromisos (el rango de meses o la celda de acumulados).",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    const hoja = ctx.presupuesto!;
    for (const f of hoja.filas) {
      const c = montoAlCorte(ctx, f, "compromisos");
      if (!esNumero(c.valor) || c.valor <= 0) continue;
      const apropiacion = esNumero(f.apropiacion) ? f.apropiacion : null;
      if (apropiacion !== null && c.valor <= apropiacion + EPSILON * Math.max(1, Math.abs(apropiacion))) continue;
      salida.push(
        hallazgo(
          meta,
          hoja.nombre,
          c.celda,
          mensaje({
            fila: describirFila(f, normalizarCodigo(f.codigoProducto)),
            compromisos: c.valor,
            apropiacion,
            corte: ctx.corte,
            celdaApropiacion: ctx.celdaPresupuesto(f, "apropiacion"),
          }),
          ctx.idPresupuesto(f),
        ),
      );
    }
    return salida;
  },
);
