import type { Hallazgo } from "../../domain/hallazgo";
import { citar } from "../formato";
import { definirRegla } from "../tipos";
import { hallazgo, textoVacio } from "../utilidades";

const mensaje = (d: { indicador: string; texto: string }) =>
  `La periodicidad ${citar(d.texto)} del indicador ${d.indicador} no está en el catálogo; use una de: Mensual, Bimestral, Trimestral, Semestral o Anual.`;

export const metPeriodicidadInvalida = definirRegla(
  {
    id: "MET-PERIODICIDAD-INVALIDA",
    categoria: "Metas",
    severidad: "error",
    descripcion: "La periodicidad no está en el catálogo.",
    mensaje: mensaje({ indicador: "I3", texto: "Cuatrimestral" }),
    esperado: "Mensual, Bimestral, Trimestral, Semestral o Anual (vacía: Mensual).",
    comoCorregir:
      "Escriba Mensual, Bimestral, Trimestral, Semestral o Anual (vacía se entiende Mensual). Mientras tanto no se revisan los meses de reporte del indicador.",
    requiere: "pmr",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    for (const r of ctx.conCodigo) {
      if (r.ind.periodicidad !== null || textoVacio(r.ind.periodicidadTexto)) continue;
      salida.push(
        hallazgo(
          meta,
          ctx.nombreHojaPmr,
          ctx.celda(r.ind, "periodicidad"),
          mensaje({ indicador: r.ind.codigo!.trim(), texto: r.ind.periodicidadTexto! }),
          r.id,
        ),
      );
    }
    return salida;
  },
);
