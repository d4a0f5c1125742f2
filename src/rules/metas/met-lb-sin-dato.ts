import type { Hallazgo } from "../../domain/hallazgo";
import { citar } from "../formato";
import { definirRegla } from "../tipos";
import { hallazgo } from "../utilidades";

const mensaje = (d: { indicador: string; texto: string; celda: string; metodoLineaBase: boolean }) =>
  `La línea base del indicador ${d.indicador} dice ${citar(d.texto, 20)} (${d.celda}), que se lee como «sin dato». El indicador es Decreciente y necesita línea base${d.metodoLineaBase ? ": sin ella su avance se calcula como programado / ejecutado en lugar de la reducción lograda desde la línea base" : ""}. Escriba el valor de partida; si de verdad no existe, explíquelo en Observaciones.`;

export const metLbSinDato = definirRegla(
  {
    id: "MET-LB-SIN-DATO",
    categoria: "Metas",
    severidad: "advertencia",
    descripcion: "Un indicador Decreciente cuya línea base dice «N/D», «ND», «Sin dato» o similar.",
    mensaje: mensaje({ indicador: "I9", texto: "N/D", celda: "L20", metodoLineaBase: true }),
    esperado: "Un número como línea base de un indicador Decreciente (la meta debe quedar por debajo de ella).",
    comoCorregir:
      "Escriba la línea base (el valor de partida que se quiere reducir). «N/D», «ND», «Sin dato», «S/D», «N/A» o «No aplica» se leen como celda vacía: nunca como cero.",
    requiere: "pmr",
    configuracion: ["metodoDecreciente"],
    detalle:
      "Reemplaza a MET-DECRECIENTE-SIN-LB cuando la celda no está vacía sino que dice «sin dato»: el texto se cita en el mensaje.",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    const metodoLineaBase = ctx.config.metodoDecreciente === "linea-base";
    for (const r of ctx.conCodigo) {
      const ind = r.ind;
      if (ind.tendencia !== "DECRECIENTE" || ind.lineaBase !== null || ind.lineaBaseTexto === undefined) continue;
      const celda = ctx.celda(ind, "lineaBase");
      salida.push(
        hallazgo(
          meta,
          ctx.nombreHojaPmr,
          celda,
          mensaje({ indicador: ind.codigo!.trim(), texto: ind.lineaBaseTexto, celda, metodoLineaBase }),
          r.id,
        ),
      );
    }
    return salida;
  },
);
