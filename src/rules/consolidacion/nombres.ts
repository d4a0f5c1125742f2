/** Revisión común de «un mismo código de objetivo o producto con otro nombre en otro archivo». */
import { celdaDeOrigen, columnaDeClave } from "../../domain/consolidacion";
import { direccionA1 } from "../../domain/direcciones";
import { normalizarCodigo } from "../../domain/evaluacion";
import type { Hallazgo } from "../../domain/hallazgo";
import type { ContextoReglas } from "../contexto";
import { citar } from "../formato";
import type { MetaRegla } from "../tipos";
import { claveNombre, hallazgo } from "../utilidades";
import { enArchivo, enOrigen } from "./comun";

export interface DatosNombre {
  tipo: "objetivo" | "producto";
  codigo: string;
  nombre: string;
  enAqui: string;
  primero: string;
  enPrimero: string;
}

export const mensajeNombre = (d: DatosNombre) =>
  `El ${d.tipo} ${d.codigo} se llama ${citar(d.nombre)} en ${d.enAqui} y ${citar(d.primero)} en ${d.enPrimero}. El consolidado usa ${citar(d.primero)}; un mismo código debe llevar el mismo nombre en todos los archivos: unifique el nombre o, si son dos ${d.tipo}s distintos, use otro código.`;

export function revisarRenombrados(ctx: ContextoReglas, meta: MetaRegla, tipo: "objetivo" | "producto"): Hallazgo[] {
  const c = ctx.modelo.consolidacion;
  if (!c || !ctx.hojaPmr) return [];
  const salida: Hallazgo[] = [];
  const col = columnaDeClave(ctx.hojaPmr.columnas, tipo);
  for (const r of c.renombrados) {
    if (r.tipo !== tipo) continue;
    const aqui = celdaDeOrigen(c, r.archivo, "pmr", r.fila, tipo);
    const primero = celdaDeOrigen(c, r.primero.archivo, "pmr", r.primero.fila, tipo);
    const nombreArchivo = c.archivos[r.archivo].nombre;
    const enConsolidado = direccionA1(r.consolidada, col ?? 0);
    const h = hallazgo(
      meta,
      ctx.nombreHojaPmr,
      enConsolidado,
      mensajeNombre({
        tipo,
        codigo: r.codigo,
        nombre: r.nombre,
        enAqui: enArchivo(aqui, nombreArchivo),
        primero: r.primero.nombre,
        enPrimero: enArchivo(primero, c.archivos[r.primero.archivo].nombre),
      }),
      normalizarCodigo(r.codigo),
      nombreArchivo,
      claveNombre(r.nombre),
    );
    salida.push(enOrigen(h, aqui, { hoja: ctx.nombreHojaPmr, celda: enConsolidado }));
  }
  return salida;
}
