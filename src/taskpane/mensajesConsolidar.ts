/** Textos de la sección «Consolidar libros» del panel (es-CO), en un solo lugar. */
import { entero } from "../domain/formato";

const plural = (n: number, uno: string, varios: string) => `${entero(n)} ${n === 1 ? uno : varios}`;

export const MENSAJES_CONSOLIDAR = {
  titulo: "Consolidar libros de los gerentes",
  explicacion:
    "Elija los libros .xlsx de los gerentes de proyecto: el complemento los junta en hojas consolidadas de este libro (cada fila con su archivo, hoja y fila de origen) y las valida con la configuración de este libro (pestaña Configuración). No cambia ninguna otra hoja.",
  elegir: "Elegir archivos…",
  soltar: "o arrástrelos y suéltelos aquí",
  zona: "Zona para soltar libros .xlsx",
  soloXlsx: (n: number) =>
    `${plural(n, "archivo no es", "archivos no son")} .xlsx y no se ${n === 1 ? "agregó" : "agregaron"}.`,
  quitar: "Quitar la lista",
  consolidar: (n: number) => `Consolidar ${plural(n, "libro", "libros")}`,
  cargando: "Cargando el lector de libros…",
  pendiente: "En espera",
  leyendo: "Leyendo…",
  leido: (n: number) => `Leído: ${plural(n, "fila de indicador", "filas de indicadores")}`,
  ilegible: (m: string) => `No se pudo leer: ${m}`,
  validando: "Validando el consolidado…",
  escribiendo: "Escribiendo las hojas consolidadas…",
  preguntaReemplazo: (hojas: readonly string[]) =>
    `Este libro ya tiene ${hojas.length === 1 ? "la hoja consolidada" : "las hojas consolidadas"} ${hojas.map((h) => `«${h}»`).join(", ")} de una consolidación anterior. ¿Reemplazarlas?`,
  reemplazar: "Reemplazar",
  cancelar: "Cancelar",
  cancelado: "No se escribió nada: las hojas consolidadas anteriores quedan como estaban.",
  listo: (hojas: readonly string[]) => `Hojas escritas: ${hojas.map((h) => `«${h}»`).join(", ")}.`,
  ningunoLeido: "Ningún libro se pudo leer: no se escribió nada.",
  resumen: (leidos: number, total: number, errores: number, advertencias: number) =>
    `${plural(leidos, "libro leído", "libros leídos")} de ${entero(total)} · ${plural(errores, "error", "errores")} · ${plural(advertencias, "advertencia", "advertencias")}`,
  conflictos: "Hallazgos de consolidación",
  sinConflictos: "Sin conflictos entre los libros.",
  masConflictos: (n: number) => `y ${plural(n, "hallazgo más", "hallazgos más")} de consolidación.`,
  error: (m: string) => `No se pudo consolidar: ${m}`,
} as const;
