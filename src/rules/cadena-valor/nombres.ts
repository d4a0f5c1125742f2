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
  // Un mismo nombre se repite en cada fila de su objetivo o producto: se mira (¿vacío?) y se
  // normaliza una vez; null si está vacío.
  const claveDe = conMemoria((nombre: string) => (textoVacio(nombre) ? null : claveNombre(nombre)));
  for (const [codigo, filas] of grupos) {
    let primero: Indicador | null = null;
    let clavePrimero = "";
    // Los nombres distintos del primero ya señalados; casi todos los grupos no tienen ninguno.
    let vistos: Set<string> | null = null;
    for (const ind of filas) {
      const nombre = ind[campoNombre];
      if (nombre === null || nombre === undefined) continue;
      const clave = claveDe(nombre);
      if (clave === null) continue;
      if (!primero) {
        primero = ind;
        clavePrimero = clave;
        continue;
      }
      if (clave === clavePrimero || vistos?.has(clave)) continue;
      (vistos ??= new Set()).add(clave);
      salida.push(
        hallazgo(
          meta,
          ctx.nombreHojaPmr,
          ctx.celda(ind, campoNombre),
          mensaje({
            tipo: campoNombre,
            codigo: ind[campoCodigo]?.trim() || codigo,
            nombre: nombre.trim(),
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
