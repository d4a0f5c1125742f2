export type { AreaCombinada, GrillaHoja, LibroGrillas } from "./grilla";
export { leerModelo, NOMBRES_HOJAS } from "./lector";
export { normalizarEncabezado, normalizarNombreHoja } from "./encabezados";
export * from "./plantilla";
