/** Revisión común de la coherencia físico-financiera de los productos (§2). */
import type { Coherencia } from "../../domain/calculos";
import type { ProductoEvaluado } from "../../domain/evaluacion";
import type { Hallazgo } from "../../domain/hallazgo";
import type { ContextoReglas } from "../contexto";
import type { MetaRegla } from "../tipos";
import { codigoVisible, hallazgo } from "../utilidades";

export interface DatosIncoherencia {
  producto: string;
  financiero: number;
  fisico: number;
  tolerancia: number;
}

export function revisarCoherencia(
  ctx: ContextoReglas,
  meta: MetaRegla,
  tipo: Exclude<Coherencia, "Coherente">,
  mensaje: (d: DatosIncoherencia) => string,
): Hallazgo[] {
  const salida: Hallazgo[] = [];
  for (const p of ctx.evaluacion.productos) {
    if (p.coherencia !== tipo || p.avanceFinanciero === null || p.avanceFisico === null) continue;
    const primera = primeraFila(p);
    if (!primera) continue;
    salida.push(
      hallazgo(
        meta,
        ctx.nombreHojaPmr,
        ctx.celda(primera, "codigoProducto"),
        mensaje({
          producto: codigoVisible(primera.codigoProducto, p.codigo),
          financiero: p.avanceFinanciero,
          fisico: p.avanceFisico,
          tolerancia: ctx.config.toleranciaFisicoFinanciera,
        }),
        p.codigo,
      ),
    );
  }
  return salida;
}

function primeraFila(p: ProductoEvaluado) {
  return p.indicadores[0]?.indicador ?? null;
}
