/**
 * Textos que el usuario lee desde el adaptador de Excel (errores), en
 * español (es-CO). Están todos aquí para revisarlos y traducirlos en un solo lugar.
 */
export const MENSAJES_EXCEL = {
  hojaNoExiste: (hoja: string) => `La hoja «${hoja}» no está en el libro (quizá se borró o cambió de nombre).`,
  celdaNoValida: (celda: string) => `«${celda}» no es una dirección de celda válida (use, por ejemplo, B12 o K12:K15).`,
  noSePudoIrACelda: (hoja: string, celda: string, detalle: string) =>
    `No se pudo ir a la celda ${hoja}!${celda}: ${detalle}`,

  lecturaFallida: (detalle: string) => `No se pudo leer el libro: ${detalle}`,
  hojaDemasiadoGrande:
    "Una de las hojas del PMR es demasiado grande para leerla de una vez (Excel lee como máximo 5 millones de celdas por rango). Quite las filas y columnas vacías que sobran al final de la hoja e intente de nuevo.",
  respuestaDemasiadoGrande:
    "El libro es demasiado grande para que Excel en la Web lo envíe, incluso por partes (límite de 5 MB por solicitud). Abra el libro en Excel de escritorio para validarlo.",

  resaltadoFallido: (detalle: string) => `No se pudieron resaltar las celdas: ${detalle}`,
  quitarResaltadoFallido: (detalle: string) => `No se pudo quitar el resaltado: ${detalle}`,

  configuracionNoValida: (errores: readonly string[]) =>
    `La configuración no es válida y no se guardó: ${errores.join(" ")}`,
  configuracionNoGuardada: (detalle: string) => `No se pudo guardar la configuración en el libro: ${detalle}`,
  recalculoFallido: (detalle: string) => `No se pudieron recalcular las fórmulas del libro: ${detalle}`,
  sinDocumento: "Esta acción solo funciona con un libro abierto en Excel.",

  almacenSinSoporte:
    "Este Excel no permite guardar datos de PMR para Excel dentro del libro (se necesita ExcelApi 1.5: Excel 2016 o posterior, Excel para Mac o Excel en la Web).",
  almacenLecturaFallida: (detalle: string) =>
    `No se pudieron leer los datos de PMR para Excel guardados en el libro: ${detalle}`,
  almacenEscrituraFallida: (descripcion: string, detalle: string) =>
    `No se guardó nada en el libro (${descripcion}): ${detalle}`,
  almacenParteMuyGrandeWeb:
    "El libro tiene una parte de datos de PMR para Excel demasiado grande para que Excel en la Web la envíe (límite de 5 MB por solicitud); no se leyó. Ábralo en Excel de escritorio.",
  errorDesconocido: "error desconocido",
} as const;
