/**
 * Textos (es-CO) del lector. Casi todos los problemas de lectura llevan en `detalle` un dato (el
 * encabezado, el error, el texto) y la regla de Estructura redacta el mensaje; aquí quedan los
 * que son una frase: la hoja PMR que no está y la hoja que no se pudo leer.
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

  hojaIlegible(hoja: string): string {
    return `No se pudo leer la hoja «${mostrar(hoja, 40)}»: su contenido tiene una forma inesperada. Copie los datos (solo valores) en una hoja nueva e intente otra vez.`;
  },
} as const;
