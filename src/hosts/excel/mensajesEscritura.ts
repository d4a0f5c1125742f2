/**
 * Textos (es-CO) de la escritura de hojas en el libro abierto (`escritura.ts`). Aparte de
 * `mensajes.ts` para que el puerto de escritura se revise en un solo lugar.
 */
export const MENSAJES_ESCRITURA_EXCEL = {
  versionNoSoportada:
    "Esta versión de Excel no permite que el complemento escriba hojas (necesita ExcelApi 1.12: Excel 2021, Excel para Microsoft 365 o Excel en la Web). Use la línea de comandos (`pmr`) para obtener el archivo.",
  tablaExistente: (tabla: string) =>
    `Ya hay en el libro una tabla llamada «${tabla}» en una hoja que no es del complemento. Cambie el nombre de esa tabla (Diseño de tabla → Nombre de la tabla) y vuelva a intentarlo; no se escribió nada.`,
  sinNombreLibre: (nombre: string) =>
    `No se encontró un nombre libre para la hoja «${nombre}» (hay demasiadas hojas con ese nombre y un número); no se escribió nada.`,
  escrituraFallida: (detalle: string) =>
    `No se pudieron escribir las hojas: ${detalle}. Revise las hojas del complemento: Excel pudo dejar alguna a medias.`,
  reemplazoCancelado: "No se escribió nada: no se aceptó reemplazar las hojas.",
} as const;
