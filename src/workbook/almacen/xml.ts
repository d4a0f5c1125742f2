/**
 * Lo poco de XML que necesita el almacén, sin dependencias (corre igual en el panel y en Node):
 * escapar texto y atributos, y leer el elemento raíz de una parte (sus atributos y su texto).
 *
 * No es un analizador general: basta para las partes del almacén (un elemento con atributos y
 * solo texto dentro) y para encontrar las propiedades de una parte `webextension`. Acepta lo que
 * Excel pueda cambiar al guardar una parte: declaración XML, BOM, comentarios, instrucciones de
 * proceso, comillas simples o dobles, prefijos de espacio de nombres, secciones CDATA y
 * referencias de carácter.
 */

/** Texto de un elemento: `&`, `<` y `>` (este último por `]]>`); las comillas no hace falta. */
export function escaparTextoXml(texto: string): string {
  if (!/[&<>]/.test(texto)) return texto;
  return texto.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

const ESCAPES_ATRIBUTO: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

/** Valor de un atributo entre comillas dobles (tabuladores y saltos como referencias, para que sobrevivan). */
export function escaparAtributoXml(texto: string): string {
  return texto.replace(/[&<>"\t\n\r]/g, (c) => ESCAPES_ATRIBUTO[c]);
}

const ENTIDADES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Quita las referencias de entidad y de carácter; null si hay un `&` que no es una referencia válida. */
export function desescaparXml(texto: string): string | null {
  if (!texto.includes("&")) return texto;
  let malo = false;
  const salida = texto.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);|&/g, (todo, ref: string | undefined) => {
    if (ref === undefined) {
      malo = true;
      return todo;
    }
    if (ref[0] === "#") {
      const codigo = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(codigo) || codigo > 0x10ffff || (codigo >= 0xd800 && codigo <= 0xdfff) || codigo === 0) {
        malo = true;
        return todo;
      }
      return String.fromCodePoint(codigo);
    }
    const e = ENTIDADES[ref];
    if (e === undefined) malo = true;
    return e ?? todo;
  });
  return malo ? null : salida;
}

/** Un elemento XML con sus atributos (ya sin escapes). */
export interface ElementoXml {
  /** Nombre calificado («we:property»). */
  nombre: string;
  /** Nombre local («property»). */
  local: string;
  prefijo: string | null;
  atributos: Map<string, string>;
}

/** El elemento raíz de una parte y su texto. */
export interface RaizXml extends ElementoXml {
  /** Espacio de nombres del elemento raíz (xmlns o xmlns:prefijo), o null si no declara ninguno. */
  espacio: string | null;
  /** El texto dentro de la raíz, sin escapes (CDATA incluido); null si la raíz tiene elementos hijos. */
  texto: string | null;
}

const ESPACIO = /\s/;

/** Salta espacios, comentarios, instrucciones de proceso y la declaración XML desde `i`; -1 si un comentario no cierra. */
function saltarPrologo(xml: string, i: number): number {
  for (;;) {
    while (i < xml.length && ESPACIO.test(xml[i])) i++;
    if (xml.startsWith("<?", i)) {
      const fin = xml.indexOf("?>", i + 2);
      if (fin < 0) return -1;
      i = fin + 2;
    } else if (xml.startsWith("<!--", i)) {
      const fin = xml.indexOf("-->", i + 4);
      if (fin < 0) return -1;
      i = fin + 3;
    } else {
      return i;
    }
  }
}

/**
 * Lee la etiqueta de apertura que empieza en `xml[i] === "<"`: nombre, atributos y dónde termina.
 * Devuelve un texto de error si no es una etiqueta bien escrita.
 */
export function leerEtiqueta(xml: string, i: number): { elemento: ElementoXml; fin: number; vacia: boolean } | string {
  if (xml[i] !== "<") return "no empieza con un elemento";
  let j = i + 1;
  while (j < xml.length && !ESPACIO.test(xml[j]) && xml[j] !== ">" && xml[j] !== "/") j++;
  const nombre = xml.slice(i + 1, j);
  if (!/^[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?$/.test(nombre))
    return `nombre de elemento no válido «${nombre.slice(0, 40)}»`;
  const atributos = new Map<string, string>();
  for (;;) {
    while (j < xml.length && ESPACIO.test(xml[j])) j++;
    if (j >= xml.length) return `la etiqueta «${nombre}» no cierra`;
    if (xml[j] === ">") {
      j++;
      break;
    }
    if (xml.startsWith("/>", j)) {
      const dos = nombre.indexOf(":");
      return {
        elemento: {
          nombre,
          local: dos < 0 ? nombre : nombre.slice(dos + 1),
          prefijo: dos < 0 ? null : nombre.slice(0, dos),
          atributos,
        },
        fin: j + 2,
        vacia: true,
      };
    }
    const iniNombre = j;
    while (j < xml.length && !ESPACIO.test(xml[j]) && xml[j] !== "=" && xml[j] !== ">" && xml[j] !== "/") j++;
    const atributo = xml.slice(iniNombre, j);
    while (j < xml.length && ESPACIO.test(xml[j])) j++;
    if (!atributo || xml[j] !== "=") return `atributo mal escrito en «${nombre}»`;
    j++;
    while (j < xml.length && ESPACIO.test(xml[j])) j++;
    const comilla = xml[j];
    if (comilla !== '"' && comilla !== "'") return `el atributo «${atributo}» no va entre comillas`;
    const cierre = xml.indexOf(comilla, j + 1);
    if (cierre < 0) return `el atributo «${atributo}» no cierra`;
    const crudo = xml.slice(j + 1, cierre);
    if (crudo.includes("<")) return `el atributo «${atributo}» tiene «<»`;
    // Normalización de atributos de XML: un salto o tabulador escrito tal cual vale un espacio.
    const valor = desescaparXml(crudo.replace(/[\t\n\r]/g, " "));
    if (valor === null) return `el atributo «${atributo}» tiene un «&» que no es una referencia válida`;
    if (atributos.has(atributo)) return `el atributo «${atributo}» está repetido`;
    atributos.set(atributo, valor);
    j = cierre + 1;
  }
  const dos = nombre.indexOf(":");
  return {
    elemento: {
      nombre,
      local: dos < 0 ? nombre : nombre.slice(dos + 1),
      prefijo: dos < 0 ? null : nombre.slice(0, dos),
      atributos,
    },
    fin: j,
    vacia: false,
  };
}

/** El texto entre `desde` y `hasta` (secciones CDATA y comentarios incluidos), sin escapes; null si hay elementos. */
function textoDe(xml: string, desde: number, hasta: number): string | null | "malo" {
  const trozo = xml.slice(desde, hasta);
  if (!trozo.includes("<")) return desescaparXml(trozo) ?? "malo";
  let salida = "";
  let i = 0;
  while (i < trozo.length) {
    const lt = trozo.indexOf("<", i);
    const texto = desescaparXml(trozo.slice(i, lt < 0 ? trozo.length : lt));
    if (texto === null) return "malo";
    salida += texto;
    if (lt < 0) break;
    if (trozo.startsWith("<![CDATA[", lt)) {
      const fin = trozo.indexOf("]]>", lt + 9);
      if (fin < 0) return "malo";
      salida += trozo.slice(lt + 9, fin);
      i = fin + 3;
    } else if (trozo.startsWith("<!--", lt)) {
      const fin = trozo.indexOf("-->", lt + 4);
      if (fin < 0) return "malo";
      i = fin + 3;
    } else {
      return null;
    }
  }
  return salida;
}

/** La etiqueta de apertura del elemento raíz (sin leer el resto del documento). */
export function leerEtiquetaRaiz(
  xml: string,
): { elemento: ElementoXml; espacio: string | null; fin: number; vacia: boolean } | string {
  let i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  i = saltarPrologo(xml, i);
  if (i < 0) return "un comentario o una declaración no cierra";
  if (xml.startsWith("<!DOCTYPE", i)) return "tiene una declaración DOCTYPE";
  if (i >= xml.length) return "está vacía";
  const etiqueta = leerEtiqueta(xml, i);
  if (typeof etiqueta === "string") return etiqueta;
  const { elemento } = etiqueta;
  const espacio = elemento.atributos.get(elemento.prefijo === null ? "xmlns" : `xmlns:${elemento.prefijo}`) ?? null;
  return { ...etiqueta, espacio };
}

/**
 * El elemento raíz de un documento XML, con su espacio de nombres y su texto. Devuelve un texto
 * de error (en español, para un mensaje) si no se puede leer.
 */
export function leerRaizXml(xml: string): RaizXml | string {
  const etiqueta = leerEtiquetaRaiz(xml);
  if (typeof etiqueta === "string") return etiqueta;
  const { elemento, espacio } = etiqueta;
  let texto: string | null = "";
  let resto = etiqueta.fin;
  if (!etiqueta.vacia) {
    const cierre = xml.lastIndexOf(`</${elemento.nombre}`);
    if (cierre < etiqueta.fin) return `el elemento «${elemento.nombre}» no cierra`;
    let k = cierre + 2 + elemento.nombre.length;
    while (k < xml.length && ESPACIO.test(xml[k])) k++;
    if (xml[k] !== ">") return `el cierre de «${elemento.nombre}» está mal escrito`;
    const t = textoDe(xml, etiqueta.fin, cierre);
    if (t === "malo") return `el texto de «${elemento.nombre}» tiene un «&» o una sección CDATA mal escritos`;
    texto = t;
    resto = k + 1;
  }
  const final = saltarPrologo(xml, resto);
  if (final < 0 || final < xml.length) return "hay contenido después del elemento raíz";
  return { ...elemento, espacio, texto };
}
