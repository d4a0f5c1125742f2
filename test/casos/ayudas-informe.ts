/** Ayudas de las pruebas del informe: leer una descripción de hojas celda a celda. */
import { letraColumna } from "../../src/domain/direcciones";
import type { DescripcionHoja } from "../../src/workbook/escritura";

/** Celdas de una hoja descrita: dirección → valor (los bloques, fila por fila). */
export function celdasDe(h: DescripcionHoja): Map<string, unknown> {
  const m = new Map<string, unknown>();
  for (const b of h.celdas) {
    const [, col, fila] = /^([A-Z]+)(\d+)$/.exec(b.desde)!;
    const c0 = [...col].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    b.filas.forEach((f, i) => f.forEach((v, j) => m.set(`${letraColumna(c0 + j)}${Number(fila) + i}`, v)));
  }
  return m;
}

/** Formato de número de una celda según los rangos de la descripción (el último que la cubre). */
export function formatoDe(h: DescripcionHoja, direccion: string): string | null {
  const [, col, fila] = /^([A-Z]+)(\d+)$/.exec(direccion)!;
  let r: string | null = null;
  for (const f of h.formatosNumero ?? []) {
    const [a, b = a] = f.rango.split(":");
    const [, ca, fa] = /^([A-Z]+)(\d+)$/.exec(a)!;
    const [, cb, fb] = /^([A-Z]+)(\d+)$/.exec(b)!;
    const n = Number(fila);
    if (col >= ca && col <= cb && col.length === ca.length && n >= Number(fa) && n <= Number(fb)) r = f.formato;
  }
  return r;
}

/** ¿Cubre el rango («B3» o «B3:D9») la celda? */
export function cubre(rango: string, direccion: string): boolean {
  const celda = (t: string) => {
    const [, col, fila] = /^([A-Z]+)(\d+)$/.exec(t)!;
    return { c: [...col].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0), f: Number(fila) };
  };
  const [a, b = a] = rango.split(":");
  const x = celda(direccion);
  const ra = celda(a);
  const rb = celda(b);
  return x.c >= ra.c && x.c <= rb.c && x.f >= ra.f && x.f <= rb.f;
}

/** Los estilos con nombre que cubren la celda, en orden. */
export function estilosDe(h: DescripcionHoja, direccion: string): string[] {
  return (h.estilos ?? []).filter((e) => cubre(e.rango, direccion)).flatMap((e) => e.estilos);
}
