/**
 * Comprobaciones del manifiesto y de lo que produce la construcción, sin red.
 *
 * `office-addin-manifest validate` llama a un servicio en línea; estas funciones revisan sin
 * conexión lo que más se rompe al editar a mano: recursos sin definir, el tiempo de ejecución
 * compartido partido en varias páginas, botones sin manejador, iconos de tamaño equivocado,
 * identificadores de funciones no válidos y URL de desarrollo en el manifiesto de producción.
 *
 * Cada función recibe texto (y, para los iconos, una forma de leer sus dimensiones) y devuelve
 * la lista de problemas encontrados: vacía si todo está bien. Así las pruebas la ejecutan igual
 * sobre los archivos reales y sobre copias alteradas a propósito.
 */
import * as fs from "fs";
import * as path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface Problema {
  /** Identificador estable del tipo de problema (para las pruebas). */
  codigo: string;
  /** Explicación en español de qué está mal y dónde. */
  mensaje: string;
}

// ---------------------------------------------------------------------------
// Árbol XML mínimo

export interface NodoXml {
  /** Nombre con prefijo tal como aparece (p. ej. «bt:Image»). */
  nombre: string;
  /** Nombre sin prefijo de espacio de nombres (p. ej. «Image»). */
  local: string;
  atributos: Record<string, string>;
  hijos: NodoXml[];
  texto: string;
  padre: NodoXml | null;
}

type NodoOrdenado = Record<string, unknown> & { ":@"?: Record<string, string> };

function convertir(entrada: NodoOrdenado, padre: NodoXml | null): NodoXml | null {
  const nombre = Object.keys(entrada).find((clave) => clave !== ":@");
  if (!nombre || nombre === "#text" || nombre === "#comment" || nombre.startsWith("?")) return null;
  const nodo: NodoXml = {
    nombre,
    local: nombre.includes(":") ? nombre.slice(nombre.indexOf(":") + 1) : nombre,
    atributos: { ...(entrada[":@"] ?? {}) },
    hijos: [],
    texto: "",
    padre,
  };
  for (const hijo of (entrada[nombre] as NodoOrdenado[]) ?? []) {
    if ("#text" in hijo) nodo.texto += String(hijo["#text"]);
    const convertido = convertir(hijo, nodo);
    if (convertido) nodo.hijos.push(convertido);
  }
  nodo.texto = nodo.texto.trim();
  return nodo;
}

/** Analiza el XML; devuelve la raíz o un problema si no está bien formado. */
export function analizarXml(xml: string): { raiz: NodoXml } | { problema: Problema } {
  const validacion = XMLValidator.validate(xml);
  if (validacion !== true) {
    const { msg, line } = validacion.err;
    return { problema: { codigo: "xml-mal-formado", mensaje: `El XML no está bien formado (línea ${line}): ${msg}` } };
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: true,
    commentPropName: "#comment",
  });
  const documento = parser.parse(xml) as NodoOrdenado[];
  for (const entrada of documento) {
    const raiz = convertir(entrada, null);
    if (raiz) return { raiz };
  }
  return { problema: { codigo: "xml-vacio", mensaje: "El XML no tiene elemento raíz." } };
}

/** Todos los descendientes (en orden de documento) que cumplen la condición. */
export function buscar(nodo: NodoXml, condicion: (n: NodoXml) => boolean): NodoXml[] {
  const encontrados: NodoXml[] = [];
  const recorrer = (actual: NodoXml) => {
    for (const hijo of actual.hijos) {
      if (condicion(hijo)) encontrados.push(hijo);
      recorrer(hijo);
    }
  };
  recorrer(nodo);
  return encontrados;
}

const hijos = (nodo: NodoXml | undefined, local: string) => (nodo ? nodo.hijos.filter((h) => h.local === local) : []);
const hijo = (nodo: NodoXml | undefined, local: string) => hijos(nodo, local)[0];
const tipo = (nodo: NodoXml) => nodo.atributos["xsi:type"];

// ---------------------------------------------------------------------------
// PNG

export interface Dimensiones {
  ancho: number;
  alto: number;
}

const FIRMA_PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Ancho y alto de un PNG leídos de su cabecera IHDR; null si no es un PNG. */
export function dimensionesPng(contenido: Buffer): Dimensiones | null {
  if (contenido.length < 24 || !contenido.subarray(0, 8).equals(FIRMA_PNG)) return null;
  if (contenido.toString("ascii", 12, 16) !== "IHDR") return null;
  return { ancho: contenido.readUInt32BE(16), alto: contenido.readUInt32BE(20) };
}

/**
 * Lector de iconos que traduce una URL del manifiesto (bajo `urlBase`) a un archivo bajo
 * `carpeta` y lee sus dimensiones. Devuelve null si la URL no es de `urlBase` o el archivo no
 * existe o no es PNG.
 */
export function lectorDeIconos(urlBase: string, carpeta: string): (url: string) => Dimensiones | null {
  return (url) => {
    if (!url.startsWith(urlBase)) return null;
    const relativa = decodeURIComponent(url.slice(urlBase.length).split(/[?#]/)[0]);
    const archivo = path.join(carpeta, relativa);
    if (!archivo.startsWith(path.resolve(carpeta)) || !fs.existsSync(archivo)) return null;
    return dimensionesPng(fs.readFileSync(archivo));
  };
}

// ---------------------------------------------------------------------------
// Manifiesto

export interface ContextoManifiesto {
  /** Texto de las fuentes de src/commands (para buscar Office.actions.associate). */
  fuentesComandos: string;
  /** Dimensiones del icono al que apunta una URL del manifiesto, o null si no se encuentra. */
  leerIcono: (url: string) => Dimensiones | null;
  /** Espacio de nombres esperado de las funciones personalizadas. */
  espacioDeNombres?: string;
}

/** Colección de Resources en la que debe estar cada tipo de referencia «resid». */
const COLECCION_POR_ELEMENTO: Record<string, string> = {
  Image: "Images",
  SourceLocation: "Urls",
  Runtime: "Urls",
  FunctionFile: "Urls",
  LearnMoreUrl: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Namespace: "ShortStrings",
  Description: "LongStrings",
};

const LONGITUD_MAXIMA: Record<string, number> = { ShortStrings: 125, LongStrings: 250 };

/** Nombres asociados con Office.actions.associate("nombre", …) en las fuentes dadas. */
export function funcionesAsociadas(fuentes: string): Set<string> {
  const nombres = new Set<string>();
  const patron = /Office\s*\.\s*actions\s*\.\s*associate\s*\(\s*(["'`])([^"'`]+)\1/g;
  for (const coincidencia of fuentes.matchAll(patron)) nombres.add(coincidencia[2]);
  return nombres;
}

export function comprobarManifiesto(xml: string, contexto: ContextoManifiesto): Problema[] {
  const analisis = analizarXml(xml);
  if ("problema" in analisis) return [analisis.problema];
  const raiz = analisis.raiz;
  const problemas: Problema[] = [];
  const informar = (codigo: string, mensaje: string) => problemas.push({ codigo, mensaje });

  if (raiz.local !== "OfficeApp" || tipo(raiz) !== "TaskPaneApp") {
    informar("raiz", 'La raíz debe ser <OfficeApp xsi:type="TaskPaneApp">.');
    return problemas;
  }

  // Requisitos del tiempo de ejecución compartido.
  const conjuntos = buscar(hijo(raiz, "Requirements") ?? raiz, (n) => n.local === "Set").map((n) => n.atributos.Name);
  for (const requerido of ["SharedRuntime", "CustomFunctionsRuntime"]) {
    if (!conjuntos.includes(requerido)) informar("requisito", `Falta <Set Name="${requerido}"> en <Requirements>.`);
  }

  // Recursos definidos.
  const overrides = hijo(raiz, "VersionOverrides");
  const recursos = hijo(overrides, "Resources");
  const definidos = new Map<string, { coleccion: string; valor: string }>();
  for (const coleccion of recursos?.hijos ?? []) {
    for (const recurso of coleccion.hijos) {
      const id = recurso.atributos.id;
      if (!id) continue;
      if (definidos.has(id)) informar("recurso-duplicado", `El recurso «${id}» está definido más de una vez.`);
      const valor = recurso.atributos.DefaultValue ?? "";
      definidos.set(id, { coleccion: coleccion.local, valor });
      const maximo = LONGITUD_MAXIMA[coleccion.local];
      const textos = [valor, ...hijos(recurso, "Override").map((o) => o.atributos.Value ?? "")];
      if (maximo && textos.some((t) => t.length > maximo)) {
        informar("texto-largo", `El recurso «${id}» supera ${maximo} caracteres.`);
      }
    }
  }

  // Toda referencia resid debe existir, en la colección que corresponde.
  for (const nodo of buscar(raiz, (n) => n.atributos.resid !== undefined)) {
    const resid = nodo.atributos.resid;
    const definido = definidos.get(resid);
    if (resid.length > 32) informar("resid-largo", `El resid «${resid}» supera 32 caracteres.`);
    if (!definido) {
      informar("resid-sin-definir", `<${nodo.nombre} resid="${resid}"> usa un recurso que no está en <Resources>.`);
      continue;
    }
    const esperada = COLECCION_POR_ELEMENTO[nodo.local];
    if (esperada && definido.coleccion !== esperada) {
      informar(
        "resid-coleccion",
        `<${nodo.nombre} resid="${resid}"> debe apuntar a un recurso de <bt:${esperada}>, no de <bt:${definido.coleccion}>.`,
      );
    }
  }
  const url = (resid: string | undefined) => (resid ? definidos.get(resid)?.valor : undefined);

  // Estructura del Host: Runtimes primero.
  const host = buscar(overrides ?? raiz, (n) => n.local === "Host" && tipo(n) === "Workbook")[0];
  if (!host) {
    informar("host", 'Falta <Host xsi:type="Workbook"> dentro de <VersionOverrides>.');
    return problemas;
  }
  if (host.hijos[0]?.local !== "Runtimes") {
    informar("runtimes-primero", "<Runtimes> debe ser el primer hijo de <Host> (tiempo de ejecución compartido).");
  }

  // Tiempo de ejecución compartido: todas las piezas en la misma página.
  const runtime = buscar(host, (n) => n.local === "Runtime")[0];
  const funcionesPersonalizadas = buscar(host, (n) => n.local === "ExtensionPoint" && tipo(n) === "CustomFunctions")[0];
  const fuentesCompartidas: Array<[string, string | undefined]> = [
    ["<Runtime>", runtime?.atributos.resid],
    ["<Script> de CustomFunctions", hijo(hijo(funcionesPersonalizadas, "Script"), "SourceLocation")?.atributos.resid],
    ["<Page> de CustomFunctions", hijo(hijo(funcionesPersonalizadas, "Page"), "SourceLocation")?.atributos.resid],
    ["<FunctionFile>", buscar(host, (n) => n.local === "FunctionFile")[0]?.atributos.resid],
  ];
  for (const accion of buscar(host, (n) => n.local === "Action" && tipo(n) === "ShowTaskpane")) {
    fuentesCompartidas.push(["<Action ShowTaskpane>", hijo(accion, "SourceLocation")?.atributos.resid]);
  }
  const ausentes = fuentesCompartidas.filter(([, resid]) => !resid);
  for (const [pieza] of ausentes) informar("runtime-compartido", `Falta ${pieza} del tiempo de ejecución compartido.`);
  const paginas = new Set(fuentesCompartidas.filter(([, resid]) => resid).map(([, resid]) => url(resid)));
  if (paginas.size > 1) {
    const detalle = fuentesCompartidas.map(([pieza, resid]) => `${pieza} → ${url(resid) ?? resid}`).join("; ");
    informar(
      "runtime-compartido",
      `Las piezas del tiempo de ejecución compartido apuntan a páginas distintas: ${detalle}.`,
    );
  }
  if (runtime && runtime.atributos.lifetime !== "long") {
    informar("runtime-lifetime", '<Runtime> debe tener lifetime="long" para el tiempo de ejecución compartido.');
  }

  // Espacio de nombres de las funciones.
  const esperado = contexto.espacioDeNombres ?? "PMR";
  const espacio = url(hijo(funcionesPersonalizadas, "Namespace")?.atributos.resid);
  if (espacio !== esperado) {
    informar(
      "espacio-de-nombres",
      `El espacio de nombres de las funciones es «${espacio ?? "(ninguno)"}»; se esperaba «${esperado}».`,
    );
  }
  if (
    !url(hijo(hijo(funcionesPersonalizadas, "Metadata"), "SourceLocation")?.atributos.resid)?.endsWith(
      "/functions.json",
    )
  ) {
    informar("metadatos", "<Metadata> de CustomFunctions debe apuntar a functions.json.");
  }

  // Cada botón ExecuteFunction necesita su Office.actions.associate.
  const asociadas = funcionesAsociadas(contexto.fuentesComandos);
  for (const accion of buscar(host, (n) => n.local === "Action" && tipo(n) === "ExecuteFunction")) {
    const nombre = hijo(accion, "FunctionName")?.texto;
    if (!nombre) informar("funcion-cinta", "Un <Action ExecuteFunction> no tiene <FunctionName>.");
    else if (!asociadas.has(nombre)) {
      informar(
        "funcion-cinta-sin-asociar",
        `El botón ejecuta «${nombre}», pero src/commands no llama a Office.actions.associate("${nombre}", …).`,
      );
    }
  }

  // Identificadores únicos de controles, grupos y pestañas.
  const ids = new Map<string, number>();
  for (const nodo of buscar(host, (n) => ["Control", "Group", "CustomTab"].includes(n.local) && !!n.atributos.id)) {
    ids.set(nodo.atributos.id, (ids.get(nodo.atributos.id) ?? 0) + 1);
  }
  for (const [id, veces] of ids) if (veces > 1) informar("id-duplicado", `El id «${id}» se repite ${veces} veces.`);

  // En <CustomTab>, <Label> va después de los grupos.
  for (const pestana of buscar(host, (n) => n.local === "CustomTab")) {
    if (pestana.hijos.at(-1)?.local !== "Label") {
      informar("orden-customtab", `<CustomTab id="${pestana.atributos.id}">: <Label> debe ir después de los <Group>.`);
    }
  }

  // Iconos: cada archivo existe y mide lo que el manifiesto declara.
  const comprobarIcono = (origen: string, direccion: string | undefined, lado: number) => {
    if (!direccion) return;
    const dimensiones = contexto.leerIcono(direccion);
    if (!dimensiones) informar("icono-no-encontrado", `${origen}: no se encuentra un PNG para ${direccion}.`);
    else if (dimensiones.ancho !== lado || dimensiones.alto !== lado) {
      informar(
        "icono-tamano",
        `${origen}: ${direccion} mide ${dimensiones.ancho}×${dimensiones.alto} px, pero se declara de ${lado}×${lado}.`,
      );
    }
  };
  comprobarIcono("<IconUrl>", hijo(raiz, "IconUrl")?.atributos.DefaultValue, 32);
  comprobarIcono("<HighResolutionIconUrl>", hijo(raiz, "HighResolutionIconUrl")?.atributos.DefaultValue, 64);
  for (const imagen of buscar(host, (n) => n.local === "Image" && n.padre?.local === "Icon")) {
    const lado = Number(imagen.atributos.size);
    comprobarIcono(
      `<bt:Image size="${imagen.atributos.size}" resid="${imagen.atributos.resid}">`,
      url(imagen.atributos.resid),
      lado,
    );
  }

  return problemas;
}

// ---------------------------------------------------------------------------
// functions.json

const ID_FUNCION = /^[A-Z][A-Z0-9._]{2,}$/;
/** Nombres que Excel confundiría con una celda (A1…XFD1048576 o R1C1). */
const PARECE_CELDA = /^([A-Z]{1,3}[0-9]+|R[0-9]*C[0-9]*)$/;

export function comprobarFunctionsJson(texto: string): Problema[] {
  const problemas: Problema[] = [];
  const informar = (codigo: string, mensaje: string) => problemas.push({ codigo, mensaje });
  let metadatos: unknown;
  try {
    metadatos = JSON.parse(texto);
  } catch (error) {
    return [{ codigo: "json", mensaje: `functions.json no es JSON válido: ${(error as Error).message}` }];
  }
  const funciones = (metadatos as { functions?: unknown }).functions;
  if (!Array.isArray(funciones) || funciones.length === 0) {
    return [{ codigo: "sin-funciones", mensaje: "functions.json no declara ninguna función." }];
  }
  if ((metadatos as { allowErrorForDataTypeAny?: unknown }).allowErrorForDataTypeAny !== true) {
    informar(
      "sin-errores-any",
      "functions.json debe declarar allowErrorForDataTypeAny: true para que una celda con error llegue a los parámetros any[][].",
    );
  }
  const vistos = { id: new Set<string>(), name: new Set<string>() };
  for (const [indice, funcion] of funciones.entries()) {
    for (const campo of ["id", "name"] as const) {
      const valor = (funcion as Record<string, unknown>)[campo];
      if (typeof valor !== "string" || !ID_FUNCION.test(valor)) {
        informar(
          `funcion-${campo}`,
          `Función ${indice + 1}: ${campo} «${String(valor)}» no es válido (mayúsculas, dígitos, puntos y guiones bajos; empieza por letra; al menos 3 caracteres).`,
        );
        continue;
      }
      if (PARECE_CELDA.test(valor))
        informar(`funcion-${campo}`, `Función ${indice + 1}: ${campo} «${valor}» parece una referencia de celda.`);
      if (vistos[campo].has(valor))
        informar(`funcion-${campo}-duplicado`, `El ${campo} «${valor}» se repite en functions.json.`);
      vistos[campo].add(valor);
    }
  }
  return problemas;
}

// ---------------------------------------------------------------------------
// Manifiesto de producción

/** Todas las URL http(s) que aparecen en atributos y textos, salvo las declaraciones xmlns. */
export function urlsDelManifiesto(raiz: NodoXml): string[] {
  const urls: string[] = [];
  const recorrer = (nodo: NodoXml) => {
    for (const [nombre, valor] of Object.entries(nodo.atributos)) {
      if (nombre === "xmlns" || nombre.startsWith("xmlns:")) continue;
      if (/^https?:/i.test(valor.trim())) urls.push(valor.trim());
    }
    if (/^https?:/i.test(nodo.texto)) urls.push(nodo.texto);
    nodo.hijos.forEach(recorrer);
  };
  recorrer(raiz);
  return urls;
}

export function comprobarManifiestoProduccion(xml: string): Problema[] {
  const analisis = analizarXml(xml);
  if ("problema" in analisis) return [analisis.problema];
  const problemas: Problema[] = [];
  const urls = urlsDelManifiesto(analisis.raiz);
  if (urls.length === 0) problemas.push({ codigo: "sin-urls", mensaje: "El manifiesto de producción no tiene URL." });
  const hosts = new Set<string>();
  for (const direccion of urls) {
    let url: URL;
    try {
      url = new URL(direccion);
    } catch {
      problemas.push({ codigo: "url-invalida", mensaje: `URL no válida: ${direccion}` });
      continue;
    }
    if (url.protocol !== "https:") problemas.push({ codigo: "url-no-https", mensaje: `URL sin https: ${direccion}` });
    hosts.add(url.host);
  }
  if (hosts.size > 1) {
    problemas.push({ codigo: "url-varios-hosts", mensaje: `Las URL apuntan a varios hosts: ${[...hosts].join(", ")}` });
  }
  if (/localhost|127\.0\.0\.1/i.test(xml)) {
    problemas.push({ codigo: "url-localhost", mensaje: "El manifiesto de producción todavía menciona localhost." });
  }
  return problemas;
}

// ---------------------------------------------------------------------------
// Utilidades para las pruebas

export const RAIZ = path.resolve(__dirname, "..", "..");
export const URL_DESARROLLO = "https://localhost:3000/";

/** Texto de todas las fuentes .ts/.tsx de una carpeta (recursivo). */
export function leerFuentes(carpeta: string): string {
  if (!fs.existsSync(carpeta)) return "";
  return fs
    .readdirSync(carpeta, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => fs.readFileSync(path.join(e.parentPath, e.name), "utf8"))
    .join("\n");
}
