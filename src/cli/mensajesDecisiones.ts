/** Textos de las decisiones sobre hallazgos en el informe de `pmr validar` (es-CO). */
import { entero } from "../domain/formato";

export const INFORME_DECISIONES = {
  titulo: "Decididos",
  conteos: (c: { enGestion: number; justificados: number; descartados: number; resueltos: number }) =>
    `En gestión: ${entero(c.enGestion)} · Justificados: ${entero(c.justificados)} · Descartados: ${entero(c.descartados)} · Resueltos: ${entero(c.resueltos)}`,
  noCuentan: (todos: boolean) =>
    todos
      ? "Los justificados y descartados se listan arriba con su decisión, pero no cuentan en el resumen ni en el código de salida."
      : "Los justificados y descartados no cuentan en el resumen ni en el código de salida; «--todos» los lista arriba.",
  resueltos: "Resueltos (decididos que ya no aparecen):",
  desde: (dia: string) => `desde ${dia}`,
  yMas: (n: number) => `… y ${entero(n)} más (vea «--formato json»).`,
  sinAbiertos: "Sin hallazgos abiertos: los que hay están decididos (vea «Decididos»).",
  /** Marca de un hallazgo con decisión en la lista: «[Justificado]». */
  marca: (decision: string) => `[${decision}]`,
} as const;

/** Cuántos resueltos se listan en el texto (el resto, en JSON). */
export const MAX_RESUELTOS_TEXTO = 20;

/** Mensajes de --exportar (una línea, a stderr). */
export const ERRORES_EXPORTAR = {
  existe: (f: string) =>
    `No se exportaron los hallazgos: «${f}» ya existe (pmr no reemplaza archivos; use otro nombre).`,
  mismoArchivo: (f: string) => `No se exportaron los hallazgos: «${f}» es el libro validado; use otro nombre.`,
  noSeEscribio: (f: string, codigo: string) => `No se pudo escribir «${f}»${codigo ? ` (${codigo})` : ""}.`,
  exportado: (f: string, n: number) => `Hallazgos exportados a «${f}» (${entero(n)} ${n === 1 ? "fila" : "filas"}).`,
} as const;
