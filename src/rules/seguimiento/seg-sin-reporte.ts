import { acumulado, programadoAlCorte } from "../../domain/calculos";
import type { Hallazgo } from "../../domain/hallazgo";
import { PERIODICIDADES } from "../../domain/catalogos";
import { mesesDeReporte } from "../../domain/valores";
import { mes } from "../formato";
import { definirRegla } from "../tipos";
import { algunValor, esNumero, hallazgo, periodicidadEfectiva } from "../utilidades";

const mensaje = (d: {
  indicador: string;
  mes: number;
  corte: number;
  celda: string;
  sinNada: boolean;
  suma: boolean;
}) =>
  `${
    d.sinNada
      ? `El indicador ${d.indicador} está programado hasta ${mes(d.mes)} y no tiene ninguna ejecución reportada: queda «Sin reporte» con avance 0 % al corte (${mes(d.corte)}).`
      : `El indicador ${d.indicador} no tiene ejecución reportada en ${mes(d.mes)}, mes que le corresponde reportar al corte (${mes(d.corte)}).`
  } Escriba en ${d.celda} ${d.suma ? "lo ejecutado en el mes (0 si no hubo avance)" : "el valor del indicador a ese mes"}.`;

export const segSinReporte = definirRegla(
  {
    id: "SEG-SIN-REPORTE",
    categoria: "Seguimiento",
    severidad: "advertencia",
    descripcion: "Un indicador programado que no reportó ejecución en el último mes de reporte hasta el corte.",
    mensaje: mensaje({ indicador: "I3", mes: 3, corte: 3, celda: "AD12", sinNada: true, suma: true }),
    esperado: "La ejecución del último mes de reporte hasta el corte.",
    comoCorregir:
      "Reporte la ejecución del mes. Vacío no es cero: si no hubo avance en un indicador Suma, escriba 0; en uno de nivel (Creciente, Constante, Decreciente), el valor que tiene.",
    requiere: "pmr",
    detalle:
      "Se mira el último mes de reporte de la periodicidad que no pasa del corte (Trimestral al corte de mayo: marzo). Se señala su celda de ejecución si está vacía y el indicador tiene programación a ese mes (§2), y además: no hay ninguna ejecución hasta ese mes, o el indicador no tiene programación mensual (la meta vigencia obliga a reportar cada mes de reporte), o tiene tendencia de nivel, o es Suma con algo programado en ese mismo mes. Un indicador Suma con programación mensual que no programó nada en ese mes no está obligado a reportarlo.",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    // Último mes de reporte que no pasa del corte, por periodicidad (0 si ninguno).
    const ultimo = new Map<string, number>();
    for (const p of PERIODICIDADES) ultimo.set(p, Math.max(0, ...mesesDeReporte(p).filter((m) => m <= ctx.corte)));
    for (const r of ctx.conCodigo) {
      const ind = r.ind;
      const t = ind.tendencia;
      const p = periodicidadEfectiva(ind);
      if (!t || !p) continue;
      const due = ultimo.get(p)!;
      if (due === 0 || esNumero(ind.ejecutado[due - 1])) continue;
      const P = programadoAlCorte(ind.programado, ind.metaVigencia, t, due);
      if (!esNumero(P) || P === 0) continue;
      const sinNada = acumulado(ind.ejecutado, t, due) === null;
      if (!sinNada && t === "SUMA" && algunValor(ind.programado)) {
        const delMes = ind.programado[due - 1];
        if (!esNumero(delMes) || delMes === 0) continue;
      }
      const celda = ctx.celda(ind, "ejecutado", due);
      salida.push(
        hallazgo(
          meta,
          ctx.nombreHojaPmr,
          celda,
          mensaje({ indicador: ind.codigo!.trim(), mes: due, corte: ctx.corte, celda, sinNada, suma: t === "SUMA" }),
          r.id,
          due,
        ),
      );
    }
    return salida;
  },
);
