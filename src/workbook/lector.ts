/** PROVISIONAL: el lector real (grilla → modelo, PMR-SPEC §4) lo escribe el trabajo del motor. */
import type { ModeloPmr } from "../domain";
import type { LibroGrillas } from "./grilla";

export function leerModelo(libro: LibroGrillas): ModeloPmr {
  const pmr = libro.hojas.find((h) => h.nombre === "PMR");
  return {
    pmr: null,
    presupuesto: null,
    territorial: null,
    lectura: pmr ? [] : [{ tipo: "hoja-faltante", hoja: "PMR", celda: null, campo: null, detalle: "No se encontró la hoja PMR." }],
  };
}
