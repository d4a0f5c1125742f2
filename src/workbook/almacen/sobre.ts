/**
 * Cómo viaja una ranura dentro del libro: en una o más partes XML personalizadas (custom XML
 * parts), todas con el espacio de nombres ESPACIO_ALMACEN, cada una con un «sobre»:
 *
 *   <ranura xmlns="urn:pmr-para-excel:almacen" formato="1" nombre="sellos" version="1"
 *           serie="3" parte="1" partes="2" huella="0f3a…">{"json":"escapado como texto XML"…</ranura>
 *
 * - El contenido es el JSON de los datos, escapado como texto XML (solo `&`, `<` y `>`), sin
 *   base64 ni compresión: la compresión del propio .xlsx (zip) ya lo comprime al guardar.
 * - Si no cabe en una parte de MAX_BYTES_PARTE bytes, se parte en trozos (`parte` de `partes`);
 *   al leer se reúnen en orden. `huella` (cyrb53 del JSON completo) y `serie` (cuenta de
 *   escrituras de la ranura) atan los trozos de una misma escritura.
 * - `version` es la del esquema de la ranura; `formato`, la del sobre mismo.
 *
 * Una parte que falta o sobra, una huella que no coincide o un sobre ilegible son problemas con
 * mensaje, nunca una excepción.
 */
import { cyrb53 } from "../../domain/hash";
import { MENSAJES_ALMACEN as M } from "./mensajes";
import { ErrorAlmacen, validarGuardado, type LecturaRanura, type Ranura } from "./ranura";
import { escaparTextoXml, leerEtiquetaRaiz, leerRaizXml } from "./xml";

/** Espacio de nombres de todas las partes del almacén (el mismo para todas las ranuras). */
export const ESPACIO_ALMACEN = "urn:pmr-para-excel:almacen";
/** Versión del sobre. */
export const FORMATO_SOBRE = 1;
/** Nombre local del elemento raíz del sobre. */
const RAIZ = "ranura";

/**
 * Tamaño máximo de una parte (XML completo, en bytes UTF-8). Excel en la Web rechaza una parte de
 * más de 1 MB, sin decir si cuenta caracteres, bytes UTF-8 o bytes UTF-16. 400 KiB en UTF-8 son a
 * lo sumo 409.600 caracteres y 819.200 bytes en UTF-16: por debajo de 1.000.000 en cualquiera de
 * esas cuentas, con margen para la declaración o los espacios que Excel agregue al guardar.
 */
export const MAX_BYTES_PARTE = 400 * 1024;
/** Lo mínimo para que quepan el sobre y al menos un carácter. */
export const MIN_BYTES_PARTE = 512;

/** Una parte guardada en el libro: su id (el de Excel o la ruta en el .xlsx) y su XML. */
export interface ParteGuardada {
  id: string;
  xml: string;
}

/** Lo que dice el sobre de una parte. */
export interface Sobre {
  formato: number;
  nombre: string;
  version: number;
  serie: number;
  parte: number;
  partes: number;
  huella: string;
  /** El trozo del JSON que lleva esta parte (ya sin escapes XML). */
  contenido: string;
}

export interface OpcionesCodificacion {
  /** Tamaño máximo de cada parte en bytes UTF-8 (por defecto MAX_BYTES_PARTE). */
  maxBytesParte?: number;
  /** Número de escritura (por defecto 1). */
  serie?: number;
}

function bytesUtf8(texto: string): number {
  let n = 0;
  for (let i = 0; i < texto.length; i++) {
    const c = texto.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < texto.length) {
      const d = texto.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

function cabecera(
  nombre: string,
  version: number,
  serie: number,
  parte: number,
  partes: number,
  huella: string,
): string {
  return `<${RAIZ} xmlns="${ESPACIO_ALMACEN}" formato="${FORMATO_SOBRE}" nombre="${nombre}" version="${version}" serie="${serie}" parte="${parte}" partes="${partes}" huella="${huella}">`;
}
const CIERRE = `</${RAIZ}>`;

/**
 * Parte `json` en trozos cuyo texto escapado ocupa a lo sumo `presupuesto` bytes UTF-8, sin cortar
 * un par sustituto.
 */
export function trocear(json: string, presupuesto: number): string[] {
  const trozos: string[] = [];
  let inicio = 0;
  let bytes = 0;
  let i = 0;
  while (i < json.length) {
    const c = json.charCodeAt(i);
    let costo: number;
    let ancho = 1;
    if (c < 0x80) costo = c === 38 ? 5 : c === 60 || c === 62 ? 4 : 1;
    else if (c < 0x800) costo = 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < json.length) {
      const d = json.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        costo = 4;
        ancho = 2;
      } else costo = 3;
    } else costo = 3;
    if (bytes + costo > presupuesto && i > inicio) {
      trozos.push(json.slice(inicio, i));
      inicio = i;
      bytes = 0;
    }
    bytes += costo;
    i += ancho;
  }
  trozos.push(json.slice(inicio));
  return trozos;
}

/** JSON de los datos, apto para XML (U+FFFE y U+FFFF no son caracteres XML: van como \uFFFE). */
function jsonParaXml(datos: unknown): string | undefined {
  const json = JSON.stringify(datos);
  if (json === undefined) return undefined;
  return /[\uFFFE\uFFFF]/.test(json)
    ? json.replace(/[\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)
    : json;
}

/**
 * Los textos XML de las partes que guardan `datos` en la ranura (validados antes con la ranura).
 * Lanza ErrorAlmacen si los datos no son válidos.
 */
export function codificarRanura<T>(ranura: Ranura<T>, datos: T, opciones: OpcionesCodificacion = {}): string[] {
  const maximo = opciones.maxBytesParte ?? MAX_BYTES_PARTE;
  if (!Number.isInteger(maximo) || maximo < MIN_BYTES_PARTE)
    throw new Error(`maxBytesParte debe ser un entero ≥ ${MIN_BYTES_PARTE}.`);
  const serie = opciones.serie ?? 1;
  const r = ranura.validar(datos);
  if (!r.ok) throw new ErrorAlmacen(M.datosNoValidos(ranura.descripcion, r.problemas));
  const json = jsonParaXml(r.datos);
  if (json === undefined) throw new ErrorAlmacen(M.noSerializable(ranura.descripcion));
  const huella = cyrb53(json);
  const presupuesto =
    maximo - bytesUtf8(cabecera(ranura.nombre, ranura.version, serie, 9_999_999, 9_999_999, huella)) - CIERRE.length;
  const trozos = trocear(json, presupuesto);
  return trozos.map(
    (t, i) =>
      cabecera(ranura.nombre, ranura.version, serie, i + 1, trozos.length, huella) + escaparTextoXml(t) + CIERRE,
  );
}

function entero(texto: string | undefined, minimo: number): number | null {
  if (texto === undefined || !/^\d{1,9}$/.test(texto.trim())) return null;
  const n = Number(texto.trim());
  return n >= minimo ? n : null;
}

/** ¿La raíz de este XML está en el espacio de nombres del almacén? (Solo mira la etiqueta de apertura.) */
export function esParteDelAlmacen(xml: string): boolean {
  const r = leerEtiquetaRaiz(xml);
  return typeof r !== "string" && r.espacio === ESPACIO_ALMACEN;
}

/**
 * Lee el sobre de una parte. Devuelve el sobre o un error con el nombre de la ranura si se pudo
 * saber (para atribuir el problema).
 */
export function leerSobre(
  xml: string,
  opciones: { soloCabecera?: boolean } = {},
): Sobre | { error: string; nombre: string | null } {
  // Para planear una escritura basta la etiqueta de apertura (nombre, versión, serie): no se lee
  // ni se desescapa el contenido.
  const etiqueta = opciones.soloCabecera ? leerEtiquetaRaiz(xml) : null;
  const raiz =
    etiqueta === null
      ? leerRaizXml(xml)
      : typeof etiqueta === "string"
        ? etiqueta
        : { ...etiqueta.elemento, espacio: etiqueta.espacio, texto: "" };
  if (typeof raiz === "string") {
    const m = /\snombre\s*=\s*["']([a-z][a-z0-9-]{0,39})["']/.exec(xml.slice(0, 2000));
    return { error: `XML mal formado: ${raiz}`, nombre: m ? m[1] : null };
  }
  const a = raiz.atributos;
  const nombreAttr = a.get("nombre");
  const nombre = nombreAttr !== undefined && /^[a-z][a-z0-9-]{0,39}$/.test(nombreAttr) ? nombreAttr : null;
  if (raiz.espacio !== ESPACIO_ALMACEN) return { error: "no es del espacio de nombres del complemento", nombre };
  if (raiz.local !== RAIZ) return { error: `el elemento raíz es «${raiz.local}» y no «${RAIZ}»`, nombre };
  const formatoTexto = a.get("formato") ?? "";
  const formato = entero(formatoTexto, 1);
  if (formato === null) return { error: "sin «formato»", nombre };
  if (formato > FORMATO_SOBRE) return { error: `formato:${formatoTexto}`, nombre };
  if (nombre === null) return { error: "sin un «nombre» válido", nombre };
  const version = entero(a.get("version"), 1);
  const serie = entero(a.get("serie"), 0);
  const parte = entero(a.get("parte"), 1);
  const partes = entero(a.get("partes"), 1);
  const huella = a.get("huella") ?? "";
  if (version === null || serie === null || parte === null || partes === null || parte > partes)
    return { error: "atributos «version», «serie», «parte» o «partes» no válidos", nombre };
  if (!/^[0-9a-f]{14}$/.test(huella)) return { error: "sin una «huella» válida", nombre };
  if (raiz.texto === null) return { error: "tiene elementos dentro en lugar de texto", nombre };
  return { formato, nombre, version, serie, parte, partes, huella, contenido: raiz.texto };
}

/** Las partes del almacén ordenadas por ranura, y las que no se pudieron leer. */
export interface InventarioPartes {
  porRanura: Map<string, { id: string; sobre: Sobre }[]>;
  /** Partes dañadas, por nombre de ranura (null: no se sabe de cuál). */
  danadas: Map<string | null, { id: string; error: string }[]>;
}

/** Lee los sobres de todas las partes del almacén (las de otro espacio de nombres se ignoran). */
export function inventariar(
  partes: readonly ParteGuardada[],
  opciones: { soloCabecera?: boolean } = {},
): InventarioPartes {
  const porRanura = new Map<string, { id: string; sobre: Sobre }[]>();
  const danadas = new Map<string | null, { id: string; error: string }[]>();
  for (const p of partes) {
    const s = leerSobre(p.xml, opciones);
    if ("error" in s) {
      if (s.error === "no es del espacio de nombres del complemento") continue;
      const lista = danadas.get(s.nombre) ?? [];
      lista.push({ id: p.id, error: s.error });
      danadas.set(s.nombre, lista);
      continue;
    }
    const lista = porRanura.get(s.nombre) ?? [];
    lista.push({ id: p.id, sobre: s });
    porRanura.set(s.nombre, lista);
  }
  return { porRanura, danadas };
}

function motivoDanada(error: string): string {
  return error.startsWith("formato:") ? M.formatoNuevo(error.slice(8)) : M.parteDanada(error);
}

interface Grupo {
  serie: number;
  huella: string;
  version: number;
  partes: number;
  porIndice: Map<number, Sobre>;
  /** Índices repetidos con el mismo contenido / con contenido distinto. */
  repetidasIguales: number[];
  repetidasDistintas: number[];
  cuantas: number;
}

/**
 * Lee una ranura de las partes del libro: reúne los trozos de la escritura completa más reciente,
 * comprueba la huella, interpreta el JSON y lo valida (convirtiendo versiones anteriores). Nunca
 * lanza.
 */
export function leerRanuraDeInventario<T>(ranura: Ranura<T>, inventario: InventarioPartes): LecturaRanura<T> {
  const problemas: string[] = [];
  const noSePudo = (motivo: string) => M.noSePudoLeer(ranura.descripcion, motivo);
  for (const d of inventario.danadas.get(ranura.nombre) ?? []) problemas.push(noSePudo(motivoDanada(d.error)));
  for (const d of inventario.danadas.get(null) ?? []) problemas.push(M.parteSinDueno(d.error));
  const partes = inventario.porRanura.get(ranura.nombre) ?? [];
  if (partes.length === 0) return { datos: null, problemas, version: null };

  const grupos = new Map<string, Grupo>();
  for (const { sobre } of partes) {
    const clave = `${sobre.serie}|${sobre.huella}|${sobre.version}|${sobre.partes}`;
    let g = grupos.get(clave);
    if (!g) {
      g = {
        serie: sobre.serie,
        huella: sobre.huella,
        version: sobre.version,
        partes: sobre.partes,
        porIndice: new Map(),
        repetidasIguales: [],
        repetidasDistintas: [],
        cuantas: 0,
      };
      grupos.set(clave, g);
    }
    g.cuantas++;
    const previa = g.porIndice.get(sobre.parte);
    if (!previa) g.porIndice.set(sobre.parte, sobre);
    else if (previa.contenido === sobre.contenido) g.repetidasIguales.push(sobre.parte);
    else g.repetidasDistintas.push(sobre.parte);
  }

  // Un grupo sirve si tiene todas sus partes, sin repetidas distintas, y su huella coincide.
  const utiles: { grupo: Grupo; json: string }[] = [];
  const fallas: string[] = [];
  for (const g of grupos.values()) {
    if (g.repetidasDistintas.length > 0) {
      fallas.push(noSePudo(M.parteRepetidaDistinta(g.repetidasDistintas[0], g.partes)));
      continue;
    }
    if (g.porIndice.size < g.partes) {
      fallas.push(noSePudo(M.faltanPartes(g.porIndice.size, g.partes)));
      continue;
    }
    let json = "";
    for (let i = 1; i <= g.partes; i++) json += g.porIndice.get(i)!.contenido;
    if (cyrb53(json) !== g.huella) {
      fallas.push(noSePudo(M.huellaDistinta));
      continue;
    }
    utiles.push({ grupo: g, json });
  }
  if (utiles.length === 0) return { datos: null, problemas: [...problemas, ...fallas], version: null };

  utiles.sort((a, b) => b.grupo.serie - a.grupo.serie);
  const elegido = utiles[0];
  const sobrantes = partes.length - elegido.grupo.cuantas;
  if (sobrantes > 0) problemas.push(M.partesSobrantes(ranura.descripcion, sobrantes));
  for (const i of elegido.grupo.repetidasIguales)
    problemas.push(M.parteRepetidaIgual(ranura.descripcion, i, elegido.grupo.partes));

  let datos: unknown;
  try {
    datos = JSON.parse(elegido.json);
  } catch {
    return { datos: null, problemas: [...problemas, noSePudo(M.jsonNoValido)], version: elegido.grupo.version };
  }
  const r = validarGuardado(ranura, datos, elegido.grupo.version);
  return { ...r, problemas: [...problemas, ...r.problemas] };
}

/** Lee una ranura de las partes del libro (atajo de inventariar + leerRanuraDeInventario). */
export function leerRanuraDePartes<T>(ranura: Ranura<T>, partes: readonly ParteGuardada[]): LecturaRanura<T> {
  return leerRanuraDeInventario(ranura, inventariar(partes));
}

/** Qué hacer en el libro para escribir una ranura. */
export interface PlanEscritura {
  /** Textos XML de las partes nuevas, en orden. */
  nuevas: string[];
  /** Ids de las partes que hay que quitar: todas las de esa ranura (también las dañadas). */
  quitar: string[];
}

/**
 * Planea la escritura de `datos` en la ranura: las partes nuevas (con la serie siguiente) y las
 * partes de la ranura que reemplazan. Lanza ErrorAlmacen si los datos no son válidos o si el libro
 * tiene esa ranura escrita por una versión más nueva (se perdería).
 */
export function planificarEscritura<T>(
  ranura: Ranura<T>,
  datos: T,
  existentes: readonly ParteGuardada[],
  opciones: Omit<OpcionesCodificacion, "serie"> = {},
): PlanEscritura {
  const inventario = inventariar(existentes, { soloCabecera: true });
  const propias = inventario.porRanura.get(ranura.nombre) ?? [];
  const nueva = propias.find((p) => p.sobre.version > ranura.version);
  if (nueva) throw new ErrorAlmacen(M.hayVersionNueva(ranura.descripcion, nueva.sobre.version, ranura.version));
  const danadas = inventario.danadas.get(ranura.nombre) ?? [];
  if (danadas.some((d) => d.error.startsWith("formato:")))
    throw new ErrorAlmacen(M.hayVersionNueva(ranura.descripcion, ranura.version + 1, ranura.version));
  const serie = propias.reduce((max, p) => Math.max(max, p.sobre.serie), 0) + 1;
  return {
    nuevas: codificarRanura(ranura, datos, { ...opciones, serie }),
    quitar: [...propias.map((p) => p.id), ...danadas.map((d) => d.id)],
  };
}
