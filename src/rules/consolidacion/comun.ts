/** Piezas comunes de las reglas de Consolidación (PMR-SPEC §6.6). */
import type { CeldaOrigen } from "../../domain/consolidacion";
import type { Hallazgo } from "../../domain/hallazgo";

/** ««b.xlsx» (PMR!O9)»: un archivo y su celda, como los nombran los mensajes. */
export function enArchivo(c: CeldaOrigen | null, archivo: string): string {
  return c === null ? `«${archivo}»` : `«${c.archivo}» (${c.hoja}!${c.celda})`;
}

/** El hallazgo en la celda de origen (`en`) y con su lugar en el consolidado. */
export function enOrigen(
  h: Hallazgo,
  en: CeldaOrigen | null,
  consolidado: { hoja: string; celda: string } | null,
): Hallazgo {
  const conOrigen = en === null ? h : { ...h, archivo: en.archivo, hoja: en.hoja, celda: en.celda };
  return consolidado === null ? conOrigen : { ...conOrigen, consolidado };
}
