/**
 * El libro de ejemplo (ejemplos/pmr-ejemplo.xlsx) como libro del Excel falso: se lee con el
 * lector de .xlsx del producto (las mismas grillas que daría Excel) y se le da la forma de
 * DefinicionLibroFalso. Así las pruebas de navegador ven el panel como lo verá un analista con el
 * libro de ejemplo abierto.
 */
import * as path from "path";
import { leerArchivoXlsx } from "../../src/hosts/xlsx";
import type { LibroGrillas } from "../../src/workbook/grilla";
import type { DefinicionLibroFalso } from "../fakes/excel-falso";

export const RUTA_EJEMPLO = path.resolve(__dirname, "..", "..", "ejemplos", "pmr-ejemplo.xlsx");

/** Las grillas del libro de ejemplo (lo que el adaptador leería de Excel). */
export function grillasEjemplo(): Promise<LibroGrillas> {
  return leerArchivoXlsx(RUTA_EJEMPLO);
}

/** Grillas → definición del libro falso (valores, formatos de número y áreas combinadas). */
export function definicionDeGrillas(libro: LibroGrillas): DefinicionLibroFalso {
  return {
    hojas: libro.hojas.map((h) => ({
      nombre: h.nombre,
      valores: h.valores,
      filaInicial: h.filaInicial,
      columnaInicial: h.columnaInicial,
      formatos: h.formatos,
      combinadas: h.combinadas,
    })),
  };
}

export async function definicionLibroEjemplo(): Promise<DefinicionLibroFalso> {
  return definicionDeGrillas(await grillasEjemplo());
}
