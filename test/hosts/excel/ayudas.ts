/** Ayudas de las pruebas del adaptador: instalar el Excel falso como anfitrión y hallazgos sintéticos. */
import type { Hallazgo, Severidad } from "../../../src/domain";
import type { Ejecutar } from "../../../src/hosts/excel";
import { instalarExcelFalso, type LibroFalso } from "../../fakes/excel-falso";

let desinstalar: (() => void) | null = null;

/** Instala `libro` como anfitrión (globales Excel y Office) y devuelve su `run` como `Ejecutar`. */
export function usarLibro(libro: LibroFalso): Ejecutar {
  desinstalar?.();
  desinstalar = instalarExcelFalso(globalThis, libro).desinstalar;
  return libro.run as unknown as Ejecutar;
}

export function quitarAnfitrion(): void {
  desinstalar?.();
  desinstalar = null;
}

export function hallazgo(hoja: string, celda: string, severidad: Severidad = "error", regla = "PRUEBA"): Hallazgo {
  return {
    regla,
    categoria: "Metas",
    severidad,
    mensaje: `Hallazgo de prueba en ${celda}`,
    hoja,
    celda,
    clave: `${regla}-${hoja}-${celda}`,
  };
}

/** `n` hallazgos en celdas distintas y no contiguas de la hoja, con severidades alternadas. */
export function muchosHallazgos(hoja: string, n: number): Hallazgo[] {
  const severidades: Severidad[] = ["error", "advertencia", "info"];
  return Array.from({ length: n }, (_v, i) => {
    const columna = String.fromCharCode(66 + (i % 20)); // B…U
    const fila = 2 + 2 * Math.floor(i / 20);
    return hallazgo(hoja, `${columna}${fila}`, severidades[i % 3]);
  });
}
