/**
 * Textos (es-CO) de los problemas de lectura del libro. Dicen qué está mal, dónde y cómo
 * arreglarlo; las reglas de Estructura los muestran tal cual.
 */

/** Un texto largo se recorta para el mensaje (la celda completa está en el libro). */
export function mostrar(texto: string, largo = 60): string {
  const t = texto
    .slice(0, largo * 4)
    .replace(/\s+/g, " ")
    .trim();
  return t.length > largo ? t.slice(0, largo - 1) + "…" : t;
}

function lista(textos: readonly string[], conjuncion = "y"): string {
  const q = textos.map((t) => `«${t}»`);
  if (q.length <= 1) return q.join("");
  return `${q.slice(0, -1).join(", ")} ${conjuncion} ${q[q.length - 1]}`;
}

export const MENSAJES = {
  hojaFaltante(hojas: readonly string[], obligatorios: readonly string[]): string {
    const libro =
      hojas.length === 0 ? "El libro no tiene hojas." : `Hojas del libro: ${lista(hojas.map((h) => mostrar(h, 40)))}.`;
    return (
      `No se encontró la hoja PMR: ninguna hoja se llama «PMR» ni tiene los encabezados obligatorios ` +
      `(${obligatorios.join(", ")}). ${libro} Cambie el nombre de la hoja de indicadores a «PMR» o corrija sus encabezados.`
    );
  },

  columnaFaltante(
    encabezado: string,
    hoja: string,
    filaEncabezado: number | null,
    sinonimos: readonly string[],
  ): string {
    const donde =
      filaEncabezado === null
        ? `en la hoja ${hoja} (no se reconoció la fila de encabezados en sus primeras 30 filas)`
        : `en la hoja ${hoja} (fila de encabezados ${filaEncabezado})`;
    const otros = sinonimos.length > 0 ? ` También se acepta ${lista(sinonimos, "o")}.` : "";
    return `No se encontró la columna obligatoria «${encabezado}» ${donde}. Agregue la columna o renombre el encabezado.${otros}`;
  },

  metaVigenciaFaltante(hoja: string, filaEncabezado: number | null, sinonimos: readonly string[]): string {
    const donde =
      filaEncabezado === null
        ? `en la hoja ${hoja} (no se reconoció la fila de encabezados en sus primeras 30 filas)`
        : `en la hoja ${hoja} (fila de encabezados ${filaEncabezado})`;
    const otros = sinonimos.length > 0 ? ` También se acepta ${lista(sinonimos, "o")}.` : "";
    return (
      `No se encontró la columna obligatoria «Meta vigencia» ni la programación mensual («Programado Ene» … ` +
      `«Programado Dic») ${donde}. Agregue una de las dos o renombre el encabezado.${otros}`
    );
  },

  columnaDuplicada(encabezado: string, celda: string, celdaPrimera: string): string {
    return (
      `La columna de la celda ${celda} repite el dato «${encabezado}», que ya está en la columna de ${celdaPrimera}; ` +
      `se usa la de ${celdaPrimera}. Elimine o renombre una de las dos.`
    );
  },

  errorCelda(celda: string, error: string, encabezado: string): string {
    return `La celda ${celda} («${encabezado}») tiene el error ${error}; corrija la fórmula o escriba el valor.`;
  },

  valorIlegible(texto: string, encabezado: string): string {
    return `«${mostrar(texto)}» no es un número válido en «${encabezado}»; escriba el valor con cifras, por ejemplo 12 o 0,5.`;
  },

  hojaIlegible(hoja: string): string {
    return `No se pudo leer la hoja «${mostrar(hoja, 40)}»: su contenido tiene una forma inesperada. Copie los datos (solo valores) en una hoja nueva e intente otra vez.`;
  },
} as const;
