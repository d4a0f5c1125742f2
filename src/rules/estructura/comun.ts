/**
 * Convierte los problemas de lectura y los avisos del lector de un tipo en hallazgos de
 * Estructura (uno por problema o aviso).
 */
import { leerDireccion } from "../../domain/direcciones";
import type { AvisoLectura, ProblemaLectura } from "../../domain/modelo";
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

type TipoAviso = AvisoLectura["tipo"];
type AvisoDe<T extends TipoAviso> = Extract<AvisoLectura, { tipo: T }>;

/** Los avisos del lector de un tipo (vacío si el modelo no los trae). */
export function avisosDe<T extends TipoAviso>(ctx: ContextoReglas, tipo: T): AvisoDe<T>[] {
  return (ctx.modelo.avisos ?? []).filter((a): a is AvisoDe<T> => a.tipo === tipo);
}

/** Un hallazgo por aviso del lector de un tipo, en su hoja y su celda. */
export function hallazgosDeAvisos<T extends TipoAviso>(
  ctx: ContextoReglas,
  meta: MetaRegla,
  tipo: T,
  mensaje: (a: AvisoDe<T>) => string,
  identidades: (a: AvisoDe<T>) => (string | number | null)[],
): Hallazgo[] {
  const vistas = new Map<string, number>();
  return avisosDe(ctx, tipo).map((a) => {
    const ids = identidades(a);
    // Dos avisos con la misma identidad (dos columnas con el mismo encabezado): «#2», «#3»…
    const base = ids.join("|");
    const n = (vistas.get(base) ?? 0) + 1;
    vistas.set(base, n);
    return hallazgo(meta, a.hoja, a.celda, mensaje(a), ...ids, ...(n > 1 ? [`#${n}`] : []));
  });
}

/** «a», «a o b», «a, b o c» (como `lista` de formato.ts, con «o»). */
export function listaO(elementos: readonly string[]): string {
  if (elementos.length <= 1) return elementos.join("");
  return `${elementos.slice(0, -1).join(", ")} o ${elementos[elementos.length - 1]}`;
}
