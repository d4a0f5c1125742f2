import type { Hallazgo } from "../../domain/hallazgo";
import { definirRegla } from "../tipos";
import { esNumero, hallazgo } from "../utilidades";

const mensaje = (d: { indicador: string; celda: string; metodoLineaBase: boolean }) =>
  `El indicador ${d.indicador} es Decreciente y no tiene línea base${d.metodoLineaBase ? ": su avance se calcula como programado / ejecutado en lugar de la reducción lograda desde la línea base" : ""}. Escriba la línea base en ${d.celda}.`;

export const metDecrecienteSinLb = definirRegla(
  {
    id: "MET-DECRECIENTE-SIN-LB",
    categoria: "Metas",
    severidad: "advertencia",
    descripcion: "Un indicador Decreciente sin línea base.",
    mensaje: mensaje({ indicador: "I9", celda: "L20", metodoLineaBase: true }),
    esperado: "Una línea base en cada indicador Decreciente.",
    comoCorregir:
      "Escriba la línea base (el valor de partida que se quiere reducir). Sin ella el avance de un indicador Decreciente es P / E, que mide otra cosa.",
    requiere: "pmr",
    configuracion: ["metodoDecreciente"],
    detalle:
      "No se señala si la celda de la línea base tiene un problema de lectura (ese hallazgo ya lo dice) ni si dice «N/D», «Sin dato» o similar (lo señala MET-LB-SIN-DATO).",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    const metodoLineaBase = ctx.config.metodoDecreciente === "linea-base";
    for (const r of ctx.conCodigo) {
      const ind = r.ind;
      // Una celda que dice «N/D» o «Sin dato» la señala MET-LB-SIN-DATO, con su texto.
      if (ind.tendencia !== "DECRECIENTE" || esNumero(ind.lineaBase) || ind.lineaBaseTexto !== undefined) continue;
      const celda = ctx.celda(ind, "lineaBase");
      if (ctx.tieneProblema(ctx.nombreHojaPmr, celda)) continue;
      salida.push(
        hallazgo(
          meta,
          ctx.nombreHojaPmr,
          celda,
          mensaje({ indicador: ind.codigo!.trim(), celda, metodoLineaBase }),
          r.id,
        ),
      );
    }
    return salida;
  },
);
