import type { Hallazgo } from "../../domain/hallazgo";
import { MESES, type CampoPmr } from "../../domain/modelo";
import { citar, nombreCampo, numero } from "../formato";
import { definirRegla } from "../tipos";
import { esNumero, hallazgo, unidadPorcentual } from "../utilidades";

interface Valor {
  campo: string;
  valor: number;
  celda: string;
}

const mensaje = (d: { indicador: string; unidad: string; raro: Valor; otro: Valor }) =>
  `El indicador ${d.indicador} (unidad ${citar(d.unidad)}) mezcla escalas de porcentaje: ${d.raro.campo} ${numero(d.raro.valor)} (${d.raro.celda}) frente a ${d.otro.campo} ${numero(d.otro.valor)} (${d.otro.celda}). Escriba todos sus valores en la misma escala: 15 % como 15 en todas las celdas, o como 0,15 (con formato de porcentaje) en todas.`;

/** Un valor mayor que 1 es «grande» si es al menos este múltiplo del mayor valor ≤ 1. */
const SALTO_DE_ESCALA = 10;

export const metEscalaPorcentajeMixta = definirRegla(
  {
    id: "MET-ESCALA-PORCENTAJE-MIXTA",
    categoria: "Metas",
    severidad: "advertencia",
    descripcion: "Un indicador en porcentaje con valores en escalas distintas (0,15 y 15).",
    mensaje: mensaje({
      indicador: "I6",
      unidad: "Porcentaje",
      raro: { campo: "Línea base", valor: 0.15, celda: "L16" },
      otro: { campo: "Meta vigencia", valor: 15, celda: "O16" },
    }),
    comoCorregir:
      "Elija una escala para el indicador y úsela en la línea base, las metas, la programación y la ejecución. Un «15 %» escrito como texto se lee 0,15.",
    requiere: "pmr",
    detalle:
      "Solo para unidades de porcentaje (la unidad contiene «%», «porcentaje» o «porcentual»). Se miran la línea base, la meta plan y la meta vigencia y, si la tendencia no es Suma (niveles), también la programación y la ejecución mensual; no se miran ceros ni negativos. Hay mezcla cuando unos valores están entre 0 y 1, otros son mayores que 1 y el mayor de estos es al menos 10 veces el mayor de aquellos (0,15 frente a 15; no 0,8 frente a 1,5). Se señala el primer valor de la escala menos frecuente (la de los valores ≤ 1 si empatan).",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    for (const r of ctx.conCodigo) {
      const ind = r.ind;
      if (!unidadPorcentual(ind.unidad)) continue;
      const pequenos: Valor[] = [];
      const grandes: Valor[] = [];
      const mirar = (campo: string, valor: number | null, celda: () => string) => {
        if (!esNumero(valor) || valor <= 0) return;
        (valor <= 1 ? pequenos : grandes).push({ campo: nombreCampo(campo), valor, celda: celda() });
      };
      for (const campo of ["lineaBase", "metaPlan", "metaVigencia"] as CampoPmr[]) {
        mirar(campo, ind[campo] as number | null, () => ctx.celda(ind, campo));
      }
      if (ind.tendencia !== "SUMA") {
        for (const serie of ["programado", "ejecutado"] as const) {
          for (let m = 1; m <= MESES; m++) mirar(`${serie}.${m}`, ind[serie][m - 1], () => ctx.celda(ind, serie, m));
        }
      }
      if (pequenos.length === 0 || grandes.length === 0) continue;
      const maxPequeno = Math.max(...pequenos.map((v) => v.valor));
      const maxGrande = Math.max(...grandes.map((v) => v.valor));
      if (maxGrande < SALTO_DE_ESCALA * maxPequeno) continue;
      const [raros, otros] = pequenos.length <= grandes.length ? [pequenos, grandes] : [grandes, pequenos];
      salida.push(
        hallazgo(meta, ctx.nombreHojaPmr, raros[0].celda, mensaje({ indicador: ind.codigo!.trim(), unidad: ind.unidad!.trim(), raro: raros[0], otro: otros[0] }), r.id),
      );
    }
    return salida;
  },
);
