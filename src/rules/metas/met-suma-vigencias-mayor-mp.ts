import type { Hallazgo } from "../../domain/hallazgo";
import type { Indicador } from "../../domain/modelo";
import { normalizarCodigo } from "../../domain/evaluacion";
import { lista, numero } from "../formato";
import { definirRegla } from "../tipos";
import { esNumero, hallazgo, igualesConTolerancia } from "../utilidades";

const mensaje = (d: { indicador: string; vigencias: number[]; suma: number; mp: number; celdaMp: string }) =>
  `La suma de las metas vigencia del indicador ${d.indicador} en las vigencias ${lista(d.vigencias.map(String), 8)} (${numero(d.suma)}) es mayor que su meta plan (${numero(d.mp)}, ${d.celdaMp}): en un indicador de tendencia Suma las metas de cada año son partes de la meta de todo el plan. Revise las metas vigencia o la meta plan.`;

export const metSumaVigenciasMayorMp = definirRegla(
  {
    id: "MET-SUMA-VIGENCIAS-MAYOR-MP",
    categoria: "Metas",
    severidad: "advertencia",
    descripcion:
      "En un indicador Suma, las metas vigencia de todas las vigencias de la hoja suman más que la meta plan.",
    mensaje: mensaje({ indicador: "I3", vigencias: [2024, 2025, 2026], suma: 1500, mp: 1200, celdaMp: "M12" }),
    esperado: "Que las metas vigencia de todas las vigencias de un indicador Suma no pasen de su meta plan.",
    comoCorregir:
      "La meta plan de un indicador Suma es el total del cuatrienio: la suma de sus metas anuales no debe pasarla. Corrija la meta plan o la meta de alguna vigencia (incluidas las de otros años en la misma hoja).",
    requiere: "pmr",
    configuracion: ["toleranciaSumas", "vigencia"],
    detalle:
      "Se suman las metas vigencia de las filas con el mismo código de indicador en todas las vigencias de la hoja (la evaluada y las demás; las filas históricas no cuentan) y se comparan con la meta plan de la fila de la vigencia evaluada. Solo con filas de al menos dos vigencias (con una sola lo revisa MET-SUMA-MV-MAYOR-MP). Señala la meta vigencia de la fila evaluada.",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    const otras = new Map<string, Indicador[]>();
    for (const ind of ctx.evaluacion.omitidos) {
      const codigo = normalizarCodigo(ind.codigo);
      if (codigo === null) continue;
      let l = otras.get(codigo);
      if (l === undefined) otras.set(codigo, (l = []));
      l.push(ind);
    }
    if (otras.size === 0) return salida;
    for (const r of ctx.conCodigo) {
      const ind = r.ind;
      if (ind.tendencia !== "SUMA" || !esNumero(ind.metaPlan) || r.id !== r.codigo) continue;
      const filas = [ind, ...(otras.get(r.codigo) ?? [])].filter((i) => esNumero(i.metaVigencia));
      const vigencias = [...new Set(filas.map((i) => i.vigencia).filter(esNumero))].sort((a, b) => a - b);
      if (vigencias.length < 2) continue;
      const suma = filas.reduce((s, i) => s + i.metaVigencia!, 0);
      if (suma <= ind.metaPlan || igualesConTolerancia(suma, ind.metaPlan, ctx.config.toleranciaSumas)) continue;
      const celdaMp = ctx.celda(ind, "metaPlan");
      salida.push(
        hallazgo(
          meta,
          ctx.nombreHojaPmr,
          ctx.celda(ind, "metaVigencia"),
          mensaje({ indicador: ind.codigo!.trim(), vigencias, suma, mp: ind.metaPlan, celdaMp }),
          r.id,
        ),
      );
    }
    return salida;
  },
);
