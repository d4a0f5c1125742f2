/** Revisión común de «un mismo código con nombres distintos» (objetivos y productos). */
import type { Hallazgo } from "../../domain/hallazgo";
import { conMemoria } from "../../domain/memoria";
import type { Indicador } from "../../domain/modelo";
import type { ContextoReglas } from "../contexto";
import type { MetaRegla } from "../tipos";
import { claveNombre, hallazgo, textoVacio } from "../utilidades";

export interface DatosNombre {
  tipo: "objetivo" | "producto";
  codigo: string;
  nombre: string;
  primero: string;
  filaPrimero: number;
}

export function revisarNombres(
  ctx: ContextoReglas,
  meta: MetaRegla,
  grupos: Iterable<[string, readonly Indicador[]]>,
  campoCodigo: "codigoObjetivo" | "codigoProducto",
  campoNombre: "objetivo" | "producto",
  mensaje: (d: DatosNombre) => string,
): Hallazgo[] {
  const salida: Hallazgo[] = [];
  // Un mismo nombre se repite en cada fila de su objetivo o producto: se normaliza una vez.
  const claveDe = conMemoria(claveNombre);
  for (const [codigo, filas] of grupos) {
    let primero: Indicador | null = null;
    let clavePrimero = "";
    const vistos = new Set<string>();
    for (const ind of filas) {
      const nombre = ind[campoNombre];
      if (textoVacio(nombre)) continue;
      const clave = claveDe(nombre!);
      if (!primero) {
        primero = ind;
        clavePrimero = clave;
        vistos.add(clave);
        continue;
      }
      if (clave === clavePrimero || vistos.has(clave)) continue;
      vistos.add(clave);
      salida.push(
        hallazgo(
          meta,
          ctx.nombreHojaPmr,
          ctx.celda(ind, campoNombre),
          mensaje({
            tipo: campoNombre,
            codigo: ind[campoCodigo]?.trim() || codigo,
            nombre: nombre!.trim(),
            primero: primero[campoNombre]!.trim(),
            filaPrimero: primero.fila,
          }),
          codigo,
          clave,
        ),
      );
    }
  }
  return salida;
}
