import type { Hallazgo } from "../../domain/hallazgo";
import { MESES } from "../../domain/catalogos";
import type { CampoPmr, Indicador } from "../../domain/modelo";
import { nombreCampo, numero } from "../formato";
import { definirRegla } from "../tipos";
import { esNumero, hallazgo } from "../utilidades";

const mensaje = (d: { indicador: string; campo: string; celda: string; valor: number }) =>
  `El indicador ${d.indicador} tiene un valor negativo en ${d.campo} (${d.celda}): ${numero(d.valor)}. Las metas, la línea base, la ponderación y la ejecución no pueden ser negativas; escriba el valor sin signo o revise la fórmula.`;

const CAMPOS: readonly CampoPmr[] = ["ponderacion", "lineaBase", "metaPlan", "metaVigencia", "ejecutadoAnterior"];

/** ¿Es una cifra negativa? (Lo mismo que `esNumero(v) && v < 0`.) */
function negativo(v: number | null | undefined): boolean {
  return typeof v === "number" && v < 0 && v !== -Infinity;
}

function algunNegativo(serie: readonly (number | null)[]): boolean {
  for (let i = 0; i < serie.length; i++) if (negativo(serie[i])) return true;
  return false;
}

/**
 * ¿Tiene la fila algún valor negativo en los campos de CAMPOS o en sus series? Con lecturas
 * directas de cada campo (no `ind[campo]` con el nombre en una variable, que es lento en cada fila).
 */
function tieneNegativo(ind: Indicador): boolean {
  return (
    negativo(ind.ponderacion) ||
    negativo(ind.lineaBase) ||
    negativo(ind.metaPlan) ||
    negativo(ind.metaVigencia) ||
    negativo(ind.ejecutadoAnterior) ||
    algunNegativo(ind.programado) ||
    algunNegativo(ind.ejecutado)
  );
}

export const metValorNegativo = definirRegla(
  {
    id: "MET-VALOR-NEGATIVO",
    categoria: "Metas",
    severidad: "error",
    descripcion: "Un valor negativo en la ponderación, línea base, metas, programación o ejecución.",
    mensaje: mensaje({ indicador: "I3", campo: "Meta vigencia", celda: "O12", valor: -50 }),
    esperado: "Cero o un número positivo.",
    comoCorregir:
      "Escriba el valor sin signo. Si el indicador mide una reducción, use la tendencia Decreciente con valores positivos (la línea base y la meta a la que se quiere bajar).",
    requiere: "pmr",
    detalle:
      "Revisa Ponderación, Línea base, Meta plan, Meta vigencia, Ejecutado vigencias anteriores y cada mes de Programado y Ejecutado; un hallazgo por celda. Los textos que no son números los señala EST-VALOR-ILEGIBLE.",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    for (const r of ctx.conCodigo) {
      const ind = r.ind;
      // Casi ninguna fila tiene negativos: primero se pregunta sin construir nada.
      if (!tieneNegativo(ind)) continue;
      const codigo = ind.codigo!.trim();
      for (const campo of CAMPOS) {
        const v = ind[campo] as number | null;
        if (!esNumero(v) || v >= 0) continue;
        const celda = ctx.celda(ind, campo);
        salida.push(
          hallazgo(
            meta,
            ctx.nombreHojaPmr,
            celda,
            mensaje({ indicador: codigo, campo: nombreCampo(campo), celda, valor: v }),
            r.id,
            campo,
          ),
        );
      }
      for (const serie of ["programado", "ejecutado"] as const) {
        for (let m = 1; m <= MESES; m++) {
          const v = ind[serie][m - 1];
          if (!esNumero(v) || v >= 0) continue;
          const celda = ctx.celda(ind, serie, m);
          salida.push(
            hallazgo(
              meta,
              ctx.nombreHojaPmr,
              celda,
              mensaje({ indicador: codigo, campo: nombreCampo(`${serie}.${m}`), celda, valor: v }),
              r.id,
              serie,
              m,
            ),
          );
        }
      }
    }
    return salida;
  },
);
