/**
 * La configuración del documento (`Office.context.document.settings`) dentro de un .xlsx.
 *
 * Office guarda la configuración de un complemento en su parte `xl/webextensions/webextensionN.xml`
 * (MS-OWEXML, esquema http://schemas.microsoft.com/office/webextensions/webextension/2010/11):
 *
 *   <we:webextension xmlns:we="…/webextension/2010/11" id="{…}">
 *     <we:reference id="…" version="…" store="…" storeType="…"/>
 *     <we:properties>
 *       <we:property name="pmr.configuracion" value="&quot;{\&quot;corte\&quot;:6}&quot;"/>
 *     </we:properties> …
 *
 * Cada ajuste es un `we:property` (CT_OsfWebExtensionProperty: atributos `name` y `value`, ambos
 * texto) cuyo `value` es el ajuste serializado en JSON y escapado como atributo XML. El complemento
 * guarda la configuración como texto JSON, así que en el archivo queda JSON dentro de una cadena
 * JSON. Se lee con indulgencia: si `value` no es JSON, se entrega tal cual.
 */
import { MENSAJES_ALMACEN as M } from "./mensajes";
import { leerEtiqueta } from "./xml";

const ESPACIO_WEBEXTENSION = "http://schemas.microsoft.com/office/webextensions/webextension/2010/11";

/** Id del complemento en manifest.xml (`<Id>`): el `we:reference` de sus partes lo lleva. */
export const ID_COMPLEMENTO = "0d2bf2a8-c5c9-4545-8543-dca68fcbabb7";

export interface AjustesWebExtension {
  /** `id` del `we:reference` (el complemento al que pertenece la parte), o null. */
  referencia: string | null;
  /** Cada `we:property`: nombre → `value` tal como está en el atributo (sin escapes XML). */
  propiedades: Map<string, string>;
}

/**
 * Las propiedades de una parte `webextension`. Devuelve un texto de error si la parte no es una
 * `webextension` legible. Busca las etiquetas sin construir un árbol (las partes son pequeñas).
 */
export function leerWebExtension(xml: string): AjustesWebExtension | string {
  const propiedades = new Map<string, string>();
  let referencia: string | null = null;
  let prefijoWe: string | null | undefined;
  let vistas = 0;
  for (let i = xml.indexOf("<"); i >= 0; i = xml.indexOf("<", i + 1)) {
    const c = xml[i + 1];
    if (c === "/" || c === "?" || c === "!") continue;
    const etiqueta = leerEtiqueta(xml, i);
    if (typeof etiqueta === "string") return etiqueta;
    const { elemento } = etiqueta;
    vistas++;
    if (vistas === 1) {
      if (elemento.local !== "webextension") return `el elemento raíz es «${elemento.nombre}»`;
      const espacio = elemento.atributos.get(elemento.prefijo === null ? "xmlns" : `xmlns:${elemento.prefijo}`);
      if (espacio !== ESPACIO_WEBEXTENSION) return "no es del espacio de nombres de las extensiones web de Office";
      prefijoWe = elemento.prefijo;
    } else if (elemento.prefijo === prefijoWe) {
      if (elemento.local === "reference" && referencia === null) referencia = elemento.atributos.get("id") ?? null;
      if (elemento.local === "property") {
        const nombre = elemento.atributos.get("name");
        const valor = elemento.atributos.get("value");
        if (nombre !== undefined && valor !== undefined && !propiedades.has(nombre)) propiedades.set(nombre, valor);
      }
    }
    i = etiqueta.fin - 1;
  }
  if (vistas === 0) return "no tiene elementos";
  return { referencia, propiedades };
}

/** El valor de un ajuste a partir del atributo `value`: JSON si lo es; si no, el texto tal cual. */
export function valorDeAjuste(valor: string): unknown {
  try {
    return JSON.parse(valor);
  } catch {
    return valor;
  }
}

function mismoId(a: string | null, b: string): boolean {
  return a !== null && a.replace(/[{}]/g, "").toLowerCase() === b.toLowerCase();
}

/**
 * El ajuste `nombre` de las partes `webextension` de un libro: su valor (ya sin la serialización
 * JSON de Office) o undefined si ninguna parte lo tiene. Si varias partes lo tienen con valores
 * distintos, gana la del complemento (ID_COMPLEMENTO) o, si no, la primera, y se informa.
 */
export function buscarAjuste(
  partes: readonly { ruta: string; xml: string }[],
  nombre: string,
  idComplemento = ID_COMPLEMENTO,
): { valor: unknown; encontradoEn: string | null; avisos: string[] } {
  const candidatos: { ruta: string; valor: string; propia: boolean }[] = [];
  for (const p of partes) {
    const w = leerWebExtension(p.xml);
    if (typeof w === "string") continue;
    const v = w.propiedades.get(nombre);
    if (v !== undefined) candidatos.push({ ruta: p.ruta, valor: v, propia: mismoId(w.referencia, idComplemento) });
  }
  if (candidatos.length === 0) return { valor: undefined, encontradoEn: null, avisos: [] };
  const elegido = candidatos.find((c) => c.propia) ?? candidatos[0];
  const distintos = candidatos.filter((c) => c.valor !== elegido.valor);
  const avisos = distintos.length > 0 ? [M.ajusteEnVariasPartes(nombre, candidatos.length, elegido.ruta)] : [];
  return { valor: valorDeAjuste(elegido.valor), encontradoEn: elegido.ruta, avisos };
}
