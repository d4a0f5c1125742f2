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

/** «a», «b» y «c». */
function enumerar(q: readonly string[], conjuncion = "y"): string {
  if (q.length <= 1) return q.join("");
  return `${q.slice(0, -1).join(", ")} ${conjuncion} ${q[q.length - 1]}`;
}

function lista(textos: readonly string[], conjuncion = "y"): string {
  return enumerar(
    textos.map((t) => `«${t}»`),
    conjuncion,
  );
}

/** «A», «B» y «C» (nota): cada encabezado entre comillas, con su nota entre paréntesis. */
function listaConNotas(items: readonly { encabezado: string; nota?: string }[]): string {
  return enumerar(items.map((i) => `«${i.encabezado}»${i.nota ? ` (${i.nota})` : ""}`));
}

export const MENSAJES = {
  /** `obligatorios`: encabezados canónicos, cada uno con una nota opcional (lo que puede reemplazarlo). */
  hojaFaltante(hojas: readonly string[], obligatorios: readonly { encabezado: string; nota?: string }[]): string {
    const libro =
      hojas.length === 0 ? "El libro no tiene hojas." : `Hojas del libro: ${lista(hojas.map((h) => mostrar(h, 40)))}.`;
    return (
      `No se encontró la hoja PMR: ninguna hoja se llama «PMR» ni tiene los encabezados obligatorios: ` +
      `${listaConNotas(obligatorios)}. ${libro} Cambie el nombre de la hoja de indicadores a «PMR» o corrija sus encabezados.`
    );
  },

  /** `detalle` de una fecha en una columna de cifras: «31/01/2025, número 45688». */
  fechaEnNumero(fecha: string | null, numero: number): string {
    const n = String(numero).replace(".", ",");
    return fecha === null ? `número ${n}` : `${fecha}, número ${n}`;
  },

  hojaIlegible(hoja: string): string {
    return `No se pudo leer la hoja «${mostrar(hoja, 40)}»: su contenido tiene una forma inesperada. Copie los datos (solo valores) en una hoja nueva e intente otra vez.`;
  },
} as const;
