export type { AreaCombinada, GrillaHoja, LibroGrillas } from "./grilla";
export { leerModelo, leerModeloConOrigen, NOMBRES_HOJAS } from "./lector";
export type { CorrespondenciaColumna, HojaLeidaOrigen } from "./origen";
export { normalizarEncabezado, normalizarNombreHoja } from "./encabezados";
export * from "./plantilla";
