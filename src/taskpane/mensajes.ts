/**
 * Textos que ve el usuario en el panel de tareas (es-CO). Todo texto visible del panel vive
 * aquí, para revisarlo y traducirlo en un solo lugar.
 */
export const MENSAJES = {
  titulo: "PMR para Excel",
  descripcion:
    "Valida la hoja PMR (Productos, Metas y Resultados) de su entidad: cadena de valor, metas, " +
    "seguimiento y coherencia físico-financiera. El complemento no cambia los datos del libro.",
  botonValidar: "Validar PMR",
  validacionProximamente:
    "La validación del libro llegará en la próxima versión. Por ahora puede usar las funciones =PMR.* en las celdas.",
  tituloAviso: "Próximamente",
} as const;

export type Mensajes = typeof MENSAJES;
