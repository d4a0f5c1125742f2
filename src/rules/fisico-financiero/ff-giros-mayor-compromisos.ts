import { EPSILON } from "../../domain/calculos";
import { normalizarCodigo } from "../../domain/evaluacion";
import type { Hallazgo } from "../../domain/hallazgo";
import { mes, moneda } from "../formato";
import { definirRegla } from "../tipos";
import { esNumero, hallazgo } from "../utilidades";
import { describirFila, montoAlCorte } from "./comun";

const mensaje = (d: { fila: string; giros: number; compromisos: number; corte: number; celdaCompromisos: string }) =>
  `Los giros de ${d.fila} a ${mes(d.corte)} (${moneda(d.giros)}) superan los compromisos (${moneda(d.compromisos)}) en ${moneda(d.giros - d.compromisos)}. Solo se puede girar lo comprometido: revise los giros o los compromisos (${d.celdaCompromisos}).`;

export const ffGirosMayorCompromisos = definirRegla(
  {
    id: "FF-GIROS-MAYOR-COMPROMISOS",
    categoria: "Físico-financiero",
    severidad: "error",
    descripcion: "Una fila de presupuesto con giros al corte mayores que sus compromisos.",
    mensaje: mensaje({
      fila: "P2 (Inversión, proyecto 7890)",
      giros: 800000000,
      compromisos: 750000000,
      corte: 6,
      celdaCompromisos: "E4:J4",
    }),
    esperado: "Giros al corte menores o iguales que los compromisos.",
    comoCorregir:
      "Revise que los giros y los compromisos estén en la misma fila (producto y fuente) y al mismo corte; los giros de reservas de vigencias anteriores no van en esta hoja.",
    requiere: "presupuesto",
    configuracion: ["corte"],
    detalle:
      "Giros y compromisos al corte se calculan igual (por mes hasta el corte o la columna de acumulados); sin compromisos cuentan como 0.",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    const hoja = ctx.presupuesto!;
    for (const f of hoja.filas) {
      const g = montoAlCorte(ctx, f, "giros");
      if (!esNumero(g.valor) || g.valor <= 0) continue;
      const c = montoAlCorte(ctx, f, "compromisos");
      const compromisos = esNumero(c.valor) ? c.valor : 0;
      if (g.valor <= compromisos + EPSILON * Math.max(1, Math.abs(compromisos))) continue;
      salida.push(
        hallazgo(
          meta,
          hoja.nombre,
          g.celda,
          mensaje({
            fila: describirFila(f, normalizarCodigo(f.codigoProducto)),
            giros: g.valor,
            compromisos,
            corte: ctx.corte,
            celdaCompromisos: c.celda,
          }),
          ctx.idPresupuesto(f),
        ),
      );
    }
    return salida;
  },
);
