import type { Hallazgo } from "../../domain/hallazgo";
import type { Periodicidad } from "../../domain/modelo";
import { mesesDeReporte } from "../../domain/valores";
import { mes, meses, numero } from "../formato";
import { definirRegla } from "../tipos";
import { esNumero, hallazgo, periodicidadEfectiva } from "../utilidades";

const NOMBRE: Record<Periodicidad, string> = {
  MENSUAL: "Mensual",
  BIMESTRAL: "Bimestral",
  TRIMESTRAL: "Trimestral",
  SEMESTRAL: "Semestral",
  ANUAL: "Anual",
};

const mensaje = (d: { indicador: string; periodicidad: Periodicidad; mes: number; celda: string; valor: number }) =>
  `El indicador ${d.indicador} es ${NOMBRE[d.periodicidad]} (reporta en ${meses(mesesDeReporte(d.periodicidad))}) pero tiene ejecución en ${mes(d.mes)} (${d.celda}): ${numero(d.valor)}. Registre el valor en el mes de reporte que corresponde o corrija la periodicidad.`;

export const segMesFueraPeriodicidad = definirRegla(
  {
    id: "SEG-MES-FUERA-PERIODICIDAD",
    categoria: "Seguimiento",
    severidad: "advertencia",
    descripcion: "Ejecución en un mes que la periodicidad del indicador no reporta.",
    mensaje: mensaje({ indicador: "I3", periodicidad: "TRIMESTRAL", mes: 2, celda: "AC12", valor: 15 }),
    esperado: "Ejecución solo en los meses que reporta la periodicidad del indicador.",
    comoCorregir:
      "Mueva el valor al mes de reporte (Trimestral: marzo, junio, septiembre, diciembre; Bimestral: meses pares; Semestral: junio y diciembre; Anual: diciembre) o cambie la periodicidad si el indicador se mide más seguido.",
    requiere: "pmr",
    detalle:
      "Meses de reporte: Mensual todos; Bimestral febrero, abril…; Trimestral marzo, junio, septiembre y diciembre; Semestral junio y diciembre; Anual diciembre. Se miran los meses de enero al corte; un cero en un indicador Suma no se señala (no cambia nada). Un hallazgo por celda.",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    for (const r of ctx.conCodigo) {
      const ind = r.ind;
      const p = periodicidadEfectiva(ind);
      if (!p || p === "MENSUAL") continue;
      const reporta = mesesDeReporte(p);
      for (let m = 1; m <= ctx.corte; m++) {
        const v = ind.ejecutado[m - 1];
        if (!esNumero(v) || reporta.includes(m) || (v === 0 && ind.tendencia === "SUMA")) continue;
        const celda = ctx.celda(ind, "ejecutado", m);
        salida.push(
          hallazgo(
            meta,
            ctx.nombreHojaPmr,
            celda,
            mensaje({ indicador: ind.codigo!.trim(), periodicidad: p, mes: m, celda, valor: v }),
            r.id,
            m,
          ),
        );
      }
    }
    return salida;
  },
);
