/** Textos (es-CO) del escritor de .xlsx nuevos (`escrituraXlsx.ts`). */
export const MENSAJES_ESCRITURA_XLSX = {
  graficoOmitido: (hoja: string, grafico: string) =>
    `El gráfico «${grafico}» de la hoja «${hoja}» no se incluyó en el archivo .xlsx; sus datos sí están en la hoja.`,
  escrituraFallida: (detalle: string) => `No se pudo generar el archivo .xlsx: ${detalle}`,
} as const;
