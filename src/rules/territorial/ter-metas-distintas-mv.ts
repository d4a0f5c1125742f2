import type { Hallazgo } from "../../domain/hallazgo";
import { numero } from "../formato";
import { definirRegla } from "../tipos";
import { esNumero, hallazgo, igualesConTolerancia } from "../utilidades";
import { celdasDeFilas } from "./comun";

const mensaje = (d: { indicador: string; suma: number; mv: number; localidades: number; celdaMv: string }) =>
  `Las metas por localidad del indicador ${d.indicador} suman ${numero(d.suma)} (${d.localidades} ${d.localidades === 1 ? "fila" : "filas"}), pero su meta vigencia en el PMR es ${numero(d.mv)} (${d.celdaMv}). En un indicador de tendencia Suma la territorialización debe repartir toda la meta; ajuste las metas por localidad (use «Distrital» para lo que no se puede ubicar).`;

export const terMetasDistintasMv = definirRegla(
  {
    id: "TER-METAS-DISTINTAS-MV",
    categoria: "Territorialización",
    severidad: "error",
    descripcion: "En un indicador Suma, las metas por localidad no suman la meta vigencia.",
    mensaje: mensaje({ indicador: "I3", suma: 950, mv: 1000, localidades: 5, celdaMv: "PMR!O12" }),
    esperado: "Metas por localidad que suman la meta vigencia del indicador.",
    comoCorregir:
      "Reparta la meta vigencia completa entre las localidades; lo que no se puede ubicar va en una fila «Distrital».",
    requiere: "territorial",
    configuracion: ["toleranciaSumas"],
    detalle:
      "Solo para indicadores Suma con meta vigencia y al menos una fila territorial con meta. Las metas de las tendencias de nivel (Creciente, Constante, Decreciente) no se suman. Tolerancia relativa toleranciaSumas. Se señala el rango de metas de las filas del indicador si son contiguas, o la meta de su primera fila.",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    const hoja = ctx.territorial!;
    for (const [codigo, filas] of ctx.territorialPorIndicador) {
      const r = ctx.porCodigo.get(codigo)?.[0];
      if (!r || r.ind.tendencia !== "SUMA" || !esNumero(r.ind.metaVigencia)) continue;
      let suma = 0;
      let con = 0;
      for (const f of filas) {
        if (!esNumero(f.metaVigencia)) continue;
        suma += f.metaVigencia;
        con++;
      }
      if (con === 0 || igualesConTolerancia(suma, r.ind.metaVigencia, ctx.config.toleranciaSumas)) continue;
      salida.push(
        hallazgo(
          meta,
          hoja.nombre,
          celdasDeFilas(ctx, filas, "metaVigencia"),
          mensaje({
            indicador: r.ind.codigo!.trim(),
            suma,
            mv: r.ind.metaVigencia,
            localidades: filas.length,
            celdaMv: `${ctx.nombreHojaPmr}!${ctx.celda(r.ind, "metaVigencia")}`,
          }),
          codigo,
        ),
      );
    }
    return salida;
  },
);
