/**
 * Parte el libro de ejemplo por objetivo (PMR-SPEC §6.6, prueba de consolidación): cada parte
 * conserva las filas de título y de encabezados de cada hoja y solo las filas de datos de sus
 * objetivos (presupuesto por el número de su producto, territorial por el de su indicador). Dice a
 * qué parte y fila fue cada fila del original.
 */
import * as path from "node:path";
import { leerArchivoXlsx } from "../../src/hosts/xlsx";
import { leerModelo } from "../../src/workbook/lector";
import type { GrillaHoja, LibroGrillas } from "../../src/workbook/grilla";

export const EJEMPLO = path.resolve(__dirname, "..", "..", "ejemplos", "pmr-ejemplo.xlsx");

export interface Parte {
  nombre: string;
  libro: LibroGrillas;
}

export interface Particion {
  original: LibroGrillas;
  partes: Parte[];
  /** Hoja → fila del original (1-based) → parte (índice) y fila en la parte. */
  destino: Map<string, Map<number, { parte: number; fila: number }>>;
}

/** Objetivo de una fila de datos según su hoja: «O3» de «O3», de «P3.1» o de «IP3.1.1». */
function objetivoDeFila(hoja: string, fila: readonly unknown[]): string | null {
  const v = String(fila[0] ?? "").trim();
  const m =
    hoja === "PMR" ? /^O(\d+)$/.exec(v) : hoja === "PMR_Presupuesto" ? /^P(\d+)\./.exec(v) : /^IP(\d+)\./.exec(v);
  return m ? `O${m[1]}` : null;
}

export async function partirEjemplo(
  grupos: readonly (readonly string[])[],
  nombres: readonly string[],
): Promise<Particion> {
  const original = await leerArchivoXlsx(EJEMPLO, { hojas: "necesarias" });
  const modelo = leerModelo(original);
  const encabezado = new Map<string, number>([
    [modelo.pmr!.nombre, modelo.pmr!.filaEncabezado],
    [modelo.presupuesto!.nombre, modelo.presupuesto!.filaEncabezado],
    [modelo.territorial!.nombre, modelo.territorial!.filaEncabezado],
  ]);
  const destino = new Map<string, Map<number, { parte: number; fila: number }>>();
  const partes: Parte[] = grupos.map((_, i) => ({ nombre: nombres[i], libro: { hojas: [] } }));
  for (const g of original.hojas) {
    const filaEncabezado = encabezado.get(g.nombre);
    if (filaEncabezado === undefined) throw new Error(`Hoja inesperada en el ejemplo: ${g.nombre}`);
    const mapa = new Map<number, { parte: number; fila: number }>();
    destino.set(g.nombre, mapa);
    const valores: unknown[][][] = partes.map(() => g.valores.slice(0, filaEncabezado).map((f) => [...(f ?? [])]));
    for (let r = filaEncabezado; r < g.valores.length; r++) {
      const fila = g.valores[r] ?? [];
      const objetivo = objetivoDeFila(g.nombre, fila);
      // Una fila sin objetivo reconocible (un producto que no existe) va en la primera parte.
      const parte = Math.max(
        0,
        grupos.findIndex((gr) => objetivo !== null && gr.includes(objetivo)),
      );
      valores[parte].push([...fila]);
      mapa.set(r + 1, { parte, fila: valores[parte].length });
    }
    partes.forEach((p, i) => {
      const hoja: GrillaHoja = { nombre: g.nombre, valores: valores[i] };
      if (g.formatos) hoja.formatos = g.formatos.slice(0, valores[i].length);
      p.libro.hojas.push(hoja);
    });
  }
  // Los formatos de las filas de datos siguen a su fila.
  for (const g of original.hojas) {
    if (!g.formatos) continue;
    const mapa = destino.get(g.nombre)!;
    const porParte = partes.map((p) => p.libro.hojas.find((h) => h.nombre === g.nombre)!);
    for (const [filaOriginal, { parte, fila }] of mapa)
      porParte[parte].formatos![fila - 1] = g.formatos[filaOriginal - 1] ?? [];
  }
  return { original, partes, destino };
}

/** La celda (o el rango) del original en su parte: «K18:K23» → parte 1, «K6:K11». */
export function celdaEnParte(p: Particion, hoja: string, celda: string): { parte: number; celda: string } | null {
  const mapa = p.destino.get(hoja);
  if (!mapa) return null;
  let parte: number | null = null;
  const salida: string[] = [];
  for (const extremo of celda.split(":")) {
    const m = /^([A-Z]+)(\d+)$/.exec(extremo);
    const d = m ? mapa.get(Number(m[2])) : undefined;
    if (!m || d === undefined || (parte !== null && parte !== d.parte)) return null;
    parte = d.parte;
    salida.push(`${m[1]}${d.fila}`);
  }
  return parte === null ? null : { parte, celda: salida.join(":") };
}

/** Un libro de grillas como .xlsx (cada hoja, sus valores desde A1; los formatos de número por celda). */
export async function xlsxDe(libro: LibroGrillas): Promise<Buffer> {
  const { escribirLibroXlsx } = await import("../../src/hosts/xlsx");
  const { archivo } = await escribirLibroXlsx({
    hojas: libro.hojas.map((h) => {
      const formatosNumero: { rango: string; formato: string }[] = [];
      (h.formatos ?? []).forEach((fila, r) =>
        (fila ?? []).forEach((f, c) => {
          if (typeof f === "string" && f !== "" && f !== "General")
            formatosNumero.push({ rango: `${letra(c)}${r + 1}`, formato: f });
        }),
      );
      return {
        nombre: h.nombre,
        proposito: "prueba",
        celdas: [
          {
            desde: "A1",
            filas: h.valores.map((f) =>
              (f ?? []).map((v) => (v === undefined || v === "" ? null : (v as string | number | boolean | null))),
            ),
          },
        ],
        ...(formatosNumero.length ? { formatosNumero } : {}),
      };
    }),
  });
  return archivo;
}

function letra(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
