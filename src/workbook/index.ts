export type { AreaCombinada, GrillaHoja, LibroGrillas } from "./grilla";
export { leerModelo } from "./lector";
export { normalizarEncabezado } from "./encabezados";
export * from "./plantilla";
