/** Convierte los problemas de lectura de un tipo en hallazgos de Estructura (uno por problema). */
import { leerDireccion } from "../../domain/direcciones";
import type { ProblemaLectura } from "../../domain/modelo";
import type { ContextoReglas } from "../contexto";
import type { MetaRegla } from "../tipos";
import { hallazgo } from "../utilidades";
import type { Hallazgo } from "../../domain/hallazgo";

/**
 * Identidad estable de la celda de un problema: la de la fila (código del indicador, del
 * producto o de la localidad) más el campo; la dirección solo si la fila no tiene identidad
 * (p. ej. la fila de encabezados).
 */
export function identidadCelda(ctx: ContextoReglas, p: ProblemaLectura): string {
  if (!p.celda) return "";
  const d = leerDireccion(p.celda.split(":")[0]);
  const id = d ? ctx.idFila(p.hoja, d.fila) : undefined;
  return id ?? p.celda;
}

export function hallazgosDeLectura(
  ctx: ContextoReglas,
  meta: MetaRegla,
  tipo: ProblemaLectura["tipo"],
  mensaje: (p: ProblemaLectura) => string,
  identidades: (p: ProblemaLectura) => (string | null)[],
): Hallazgo[] {
  const salida: Hallazgo[] = [];
  for (const p of ctx.modelo.lectura) {
    if (p.tipo !== tipo) continue;
    salida.push(hallazgo(meta, p.hoja, p.celda ?? "A1", mensaje(p), ...identidades(p)));
  }
  return salida;
}
