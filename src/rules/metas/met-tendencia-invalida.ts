import type { Hallazgo } from "../../domain/hallazgo";
import { citar } from "../formato";
import { definirRegla } from "../tipos";
import { hallazgo, textoVacio } from "../utilidades";

const mensaje = (d: { indicador: string; texto: string }) =>
  `La tendencia ${citar(d.texto)} del indicador ${d.indicador} no está en el catálogo; use una de: Suma, Creciente, Constante o Decreciente. Mientras tanto el indicador no tiene avance.`;

export const metTendenciaInvalida = definirRegla(
  {
    id: "MET-TENDENCIA-INVALIDA",
    categoria: "Metas",
    severidad: "error",
    descripcion: "La tendencia (tipo de anualización) no está en el catálogo.",
    mensaje: mensaje({ indicador: "I3", texto: "Sumatoria" }),
    esperado: "Suma, Creciente, Constante o Decreciente.",
    comoCorregir:
      "Escriba Suma (flujos que se acumulan), Creciente, Constante o Decreciente (niveles). Se aceptan mayúsculas y tildes; no se aceptan otros nombres.",
    requiere: "pmr",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    for (const r of ctx.conCodigo) {
      if (r.ind.tendencia !== null || textoVacio(r.ind.tendenciaTexto)) continue;
      salida.push(
        hallazgo(
          meta,
          ctx.nombreHojaPmr,
          ctx.celda(r.ind, "tendencia"),
          mensaje({ indicador: r.ind.codigo!.trim(), texto: r.ind.tendenciaTexto! }),
          r.id,
        ),
      );
    }
    return salida;
  },
);
