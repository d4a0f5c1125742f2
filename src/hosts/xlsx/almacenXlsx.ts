/**
 * El almacén del complemento dentro de un archivo .xlsx, para `pmr` (puerto AlmacenLibro de
 * src/workbook/almacen):
 *
 * - Lee la configuración de las partes `xl/webextensions/webextension*.xml`, donde Office guarda
 *   la configuración del documento del complemento (`pmr` no la escribe).
 * - Lee y escribe las demás ranuras en partes XML personalizadas (`customXml/itemN.xml`), las que
 *   tienen como raíz el espacio de nombres ESPACIO_ALMACEN, como las escribe Excel:
 *   `customXml/itemN.xml` (el sobre), `customXml/itemPropsN.xml` (un `ds:datastoreItem` con su
 *   GUID y el espacio de nombres), `customXml/_rels/itemN.xml.rels` (la relación customXmlProps),
 *   una relación customXml desde la parte del libro (`xl/_rels/workbook.xml.rels`, destino
 *   `../customXml/itemN.xml`) y, en `[Content_Types].xml`, un `Override` para `itemPropsN.xml`
 *   (y otro para `itemN.xml` solo si el paquete no tiene `Default` para la extensión xml).
 *
 * Escribir es una edición quirúrgica del zip con JSZip (nunca ExcelJS, que reescribe el libro y
 * descarta lo que no entiende): cambian solo las partes del almacén de esa ranura; la relación del
 * libro y `[Content_Types].xml` cambian solo cuando se agrega o se quita una parte (se inserta o
 * se quita exactamente un elemento, el resto del texto queda igual). Todas las demás entradas del
 * zip quedan idénticas, también comprimidas (JSZip copia sus bytes sin recomprimir). El archivo se
 * escribe de forma atómica: un temporal en la misma carpeta y luego un cambio de nombre; con
 * `salida`, se escribe esa copia y el original no se toca.
 */
import { randomUUID } from "node:crypto";
import { constants as C, promises as fsp } from "node:fs";
import { basename, dirname, join, posix, resolve } from "node:path";
import JSZip from "jszip";
import { ErrorZip, bytesAcotados } from "./zip";
import {
  ESPACIO_ALMACEN,
  ErrorAlmacen,
  buscarAjuste,
  esParteDelAlmacen,
  inventariar,
  leerEtiqueta,
  leerRanuraDeInventario,
  planificarEscritura,
  type AlmacenLibro,
  type DatosDeRanura,
  type LecturaRanura,
  type ParteGuardada,
  type PlanEscritura,
  type Ranura,
} from "../../workbook/almacen";
import { ErrorLecturaLibro, TAMANO_MAXIMO, motivoDeErrorFs, motivoPorFirma } from "./lectorXlsx";
import {
  DETALLES_LECTURA,
  MENSAJES_ALMACEN_XLSX,
  NOMBRE_LIBRO_EN_MEMORIA,
  mensajeEscritura,
  type MotivoEscritura,
} from "./mensajes";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const TIPO_CUSTOM_XML = `${REL}/customXml`;
const TIPO_CUSTOM_XML_PROPS = `${REL}/customXmlProps`;
const TIPO_DOCUMENTO = `${REL}/officeDocument`;
const CT_PROPIEDADES = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";
const DECLARACION = '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\r\n';
const DECLARACION_RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/** No se pudo escribir el .xlsx; el mensaje (en español) nombra el archivo. */
export class ErrorEscrituraLibro extends Error {
  readonly motivo: MotivoEscritura;
  readonly archivo: string;
  constructor(archivo: string, motivo: MotivoEscritura, detalle?: string, causa?: unknown) {
    super(mensajeEscritura(archivo, motivo, detalle), causa === undefined ? undefined : { cause: causa });
    this.name = "ErrorEscrituraLibro";
    this.motivo = motivo;
    this.archivo = archivo;
  }
}

/** Lo que el almacén usa del sistema de archivos (las pruebas lo reemplazan para simular fallas). */
export interface SistemaArchivos {
  leer(ruta: string): Promise<Buffer>;
  estado(ruta: string): Promise<{ mtimeMs: number; size: number; mode: number; esArchivo: boolean }>;
  existe(ruta: string): Promise<boolean>;
  /** Crea `ruta` (que no debe existir), escribe todo, lo lleva al disco (fsync) y lo cierra. */
  escribirNuevo(ruta: string, bytes: Uint8Array, modo: number): Promise<void>;
  renombrar(de: string, a: string): Promise<void>;
  borrar(ruta: string): Promise<void>;
}

export const SISTEMA_ARCHIVOS: SistemaArchivos = {
  leer: (ruta) => fsp.readFile(ruta),
  async estado(ruta) {
    const s = await fsp.stat(ruta);
    return { mtimeMs: s.mtimeMs, size: s.size, mode: s.mode, esArchivo: s.isFile() };
  },
  async existe(ruta) {
    try {
      await fsp.access(ruta, C.F_OK);
      return true;
    } catch {
      return false;
    }
  },
  async escribirNuevo(ruta, bytes, modo) {
    const h = await fsp.open(ruta, "wx", modo);
    try {
      await h.writeFile(bytes);
      await h.sync();
    } finally {
      await h.close();
    }
  },
  renombrar: (de, a) => fsp.rename(de, a),
  borrar: (ruta) => fsp.unlink(ruta),
};

export interface OpcionesAlmacenXlsx {
  /** Cómo nombrar el libro en los mensajes (por defecto, la ruta tal como se recibió). */
  nombre?: string;
  /** Escribir en esta ruta (una copia, `--salida`) en lugar de reemplazar el libro. */
  salida?: string;
  /** Tamaño máximo de cada parte (por defecto MAX_BYTES_PARTE). */
  maxBytesParte?: number;
  /** Tamaño máximo del archivo al abrirlo (por defecto TAMANO_MAXIMO, el del lector). */
  tamanoMaximo?: number;
  sistemaArchivos?: SistemaArchivos;
}

// =============================================================================================
// Zip: partes, relaciones y tipos de contenido

/** Texto de una parte del paquete (UTF-8 o UTF-16 según su BOM). */
function textoDeBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  return new TextDecoder("utf-8").decode(bytes);
}

/**
 * Máximo descomprimido de cada parte que lee el almacén (relaciones, tipos de contenido, partes
 * XML personalizadas de ≤ 400 KiB, webextension): una parte que lo pase es un archivo hostil, no
 * un libro, y no se descomprime entera.
 */
const MAXIMO_PARTE = 64 * 1024 * 1024;

async function textoDe(zip: JSZip, ruta: string): Promise<string | null> {
  const f = zip.file(ruta);
  return f ? textoDeBytes(await bytesAcotados(f, ruta, MAXIMO_PARTE)) : null;
}

interface ElementoEnTexto {
  /** Posición y largo del elemento en el texto (para quitarlo sin tocar nada más). */
  inicio: number;
  fin: number;
  atributos: Map<string, string>;
}

/** Los elementos vacíos `<Nombre …/>` de un texto XML (Relationship, Override, Default). */
function elementos(xml: string, local: string): ElementoEnTexto[] {
  const salida: ElementoEnTexto[] = [];
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${local}\\b`, "g");
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const e = leerEtiqueta(xml, m.index);
    if (typeof e === "string") continue;
    let fin = e.fin;
    if (!e.vacia) {
      const cierre = xml.indexOf(">", xml.indexOf(`</`, e.fin));
      if (cierre < 0) continue;
      fin = cierre + 1;
    }
    salida.push({ inicio: m.index, fin, atributos: e.elemento.atributos });
  }
  return salida;
}

/** Ruta de la parte a la que apunta `destino`, relativa a la parte `origen` (sin «/» inicial). */
function resolverDestino(origen: string, destino: string): string {
  if (destino.startsWith("/")) return destino.slice(1);
  return posix.normalize(posix.join(posix.dirname(origen), destino)).replace(/^\/+/, "");
}

/** El archivo de relaciones de una parte: «xl/workbook.xml» → «xl/_rels/workbook.xml.rels». */
function rutaRels(parte: string): string {
  return posix.join(posix.dirname(parte), "_rels", `${posix.basename(parte)}.rels`).replace(/^\.\//, "");
}

function insertarAntesDe(texto: string, cierre: string, elemento: string): string | null {
  const i = texto.lastIndexOf(cierre);
  return i < 0 ? null : texto.slice(0, i) + elemento + texto.slice(i);
}

function quitarElemento(texto: string, e: ElementoEnTexto): string {
  return texto.slice(0, e.inicio) + texto.slice(e.fin);
}

function escaparAtributo(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/** Las partes del paquete que importan al almacén. */
interface Paquete {
  zip: JSZip;
  /** La parte del libro (xl/workbook.xml) y su archivo de relaciones. */
  libro: string;
  relsLibro: string;
  /** customXml del libro: ruta de la parte → la de sus propiedades y sus relaciones (si las tiene). */
  personalizadas: Map<string, { props: string | null; rels: string }>;
}

async function examinarPaquete(zip: JSZip): Promise<Paquete | null> {
  const raiz = await textoDe(zip, "_rels/.rels");
  if (raiz === null) return null;
  const doc = elementos(raiz, "Relationship").find((r) => r.atributos.get("Type") === TIPO_DOCUMENTO);
  const destino = doc?.atributos.get("Target");
  if (!destino) return null;
  const libro = resolverDestino("", destino);
  const relsLibro = rutaRels(libro);
  const rels = await textoDe(zip, relsLibro);
  const personalizadas = new Map<string, { props: string | null; rels: string }>();
  if (rels !== null) {
    for (const r of elementos(rels, "Relationship")) {
      const t = r.atributos.get("Target");
      if (r.atributos.get("Type") !== TIPO_CUSTOM_XML || !t || r.atributos.get("TargetMode") === "External") continue;
      const parte = resolverDestino(libro, t);
      const relsParte = rutaRels(parte);
      const textoRels = await textoDe(zip, relsParte);
      const p = textoRels
        ? elementos(textoRels, "Relationship").find((x) => x.atributos.get("Type") === TIPO_CUSTOM_XML_PROPS)
        : undefined;
      const destinoProps = p?.atributos.get("Target");
      personalizadas.set(parte, { props: destinoProps ? resolverDestino(parte, destinoProps) : null, rels: relsParte });
    }
  }
  return { zip, libro, relsLibro, personalizadas };
}

/** Las partes del almacén y las `webextension` del paquete. */
async function leerPartes(
  paquete: Paquete,
): Promise<{ almacen: ParteGuardada[]; extensiones: { ruta: string; xml: string }[]; problemas: string[] }> {
  const almacen: ParteGuardada[] = [];
  const problemas: string[] = [];
  for (const ruta of paquete.personalizadas.keys()) {
    let xml: string | null;
    try {
      xml = await textoDe(paquete.zip, ruta);
    } catch {
      problemas.push(MENSAJES_ALMACEN_XLSX.parteIlegible(ruta));
      continue;
    }
    if (xml !== null && esParteDelAlmacen(xml)) almacen.push({ id: ruta, xml });
  }
  const extensiones: { ruta: string; xml: string }[] = [];
  const rutas = Object.keys(paquete.zip.files)
    .filter((r) => /(^|\/)webextensions\/webextension[^/]*\.xml$/i.test(r))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  for (const ruta of rutas) {
    const xml = await textoDe(paquete.zip, ruta);
    if (xml !== null) extensiones.push({ ruta, xml });
  }
  return { almacen, extensiones, problemas };
}

/** Número libre para una parte nueva: mayor que el de toda customXml/itemN.xml o itemPropsN.xml del zip. */
function siguienteNumero(zip: JSZip): number {
  let max = 0;
  for (const ruta of Object.keys(zip.files)) {
    const m = /^customXml\/item(?:Props)?(\d+)\.xml$/i.exec(ruta);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

function siguienteRid(rels: string): string {
  const usados = new Set(elementos(rels, "Relationship").map((r) => r.atributos.get("Id")));
  let n = usados.size + 1;
  while (usados.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** Marca de una parte que cambió (se comprime; las demás conservan sus bytes). */
const NUEVA = { compression: "DEFLATE" as const, createFolders: false };

/**
 * Aplica un plan de escritura al paquete: reusa las partes viejas de la ranura para las primeras
 * partes nuevas, agrega las que falten y quita las que sobren. Devuelve null si el paquete no
 * tiene la estructura que se sabe modificar.
 */
async function aplicarPlan(paquete: Paquete, plan: PlanEscritura): Promise<true | null> {
  const { zip } = paquete;
  const reusadas = plan.quitar.slice(0, plan.nuevas.length);
  const sobrantes = plan.quitar.slice(plan.nuevas.length);
  const agregar = plan.nuevas.slice(reusadas.length);
  plan.nuevas.slice(0, reusadas.length).forEach((xml, i) => zip.file(reusadas[i], DECLARACION + xml, NUEVA));
  if (agregar.length === 0 && sobrantes.length === 0) return true;

  let rels = await textoDe(zip, paquete.relsLibro);
  let tipos = await textoDe(zip, "[Content_Types].xml");
  if (tipos === null || !tipos.includes("</Types>")) return null;
  if (rels === null) {
    if (agregar.length === 0) return null;
    rels = `${DECLARACION_RELS}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  }
  if (!rels.includes("</Relationships>")) return null;

  for (const ruta of sobrantes) {
    const info = paquete.personalizadas.get(ruta);
    const r = elementos(rels, "Relationship").find(
      (x) =>
        x.atributos.get("Type") === TIPO_CUSTOM_XML &&
        resolverDestino(paquete.libro, x.atributos.get("Target") ?? "") === ruta,
    );
    if (r) rels = quitarElemento(rels, r);
    for (const parte of [ruta, info?.props]) {
      if (!parte) continue;
      const o = elementos(tipos, "Override").find((x) => x.atributos.get("PartName")?.replace(/^\//, "") === parte);
      if (o) tipos = quitarElemento(tipos, o);
      zip.remove(parte);
    }
    if (info) zip.remove(info.rels);
    paquete.personalizadas.delete(ruta);
  }

  const hayDefaultXml = elementos(tipos, "Default").some((d) => d.atributos.get("Extension")?.toLowerCase() === "xml");
  let n = siguienteNumero(zip);
  for (const xml of agregar) {
    const item = `customXml/item${n}.xml`;
    const props = `customXml/itemProps${n}.xml`;
    const relsItem = `customXml/_rels/item${n}.xml.rels`;
    const guid = `{${randomUUID().toUpperCase()}}`;
    zip.file(item, DECLARACION + xml, NUEVA);
    zip.file(
      props,
      `${DECLARACION}<ds:datastoreItem ds:itemID="${guid}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${escaparAtributo(ESPACIO_ALMACEN)}"/></ds:schemaRefs></ds:datastoreItem>`,
      NUEVA,
    );
    zip.file(
      relsItem,
      `${DECLARACION_RELS}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${TIPO_CUSTOM_XML_PROPS}" Target="itemProps${n}.xml"/></Relationships>`,
      NUEVA,
    );
    const destino = posix.relative(posix.dirname(paquete.libro), item);
    rels = insertarAntesDe(
      rels,
      "</Relationships>",
      `<Relationship Id="${siguienteRid(rels)}" Type="${TIPO_CUSTOM_XML}" Target="${escaparAtributo(destino)}"/>`,
    ) as string;
    let ct = `<Override PartName="/${props}" ContentType="${CT_PROPIEDADES}"/>`;
    if (!hayDefaultXml) ct = `<Override PartName="/${item}" ContentType="application/xml"/>` + ct;
    tipos = insertarAntesDe(tipos, "</Types>", ct) as string;
    paquete.personalizadas.set(item, { props, rels: relsItem });
    n++;
  }
  zip.file(paquete.relsLibro, rels, NUEVA);
  zip.file("[Content_Types].xml", tipos, NUEVA);
  return true;
}

/**
 * Cada entrada que no cambió se vuelve a escribir con su propio método de compresión, para que
 * JSZip copie sus bytes comprimidos en lugar de recomprimirlos.
 */
function conservarCompresion(zip: JSZip): void {
  zip.forEach((_ruta, f) => {
    const datos = (f as unknown as { _data?: { compression?: { magic?: string } } })._data;
    const magia = datos?.compression?.magic;
    const opciones = f.options as { compression?: string | null };
    if (opciones.compression) return;
    if (magia === "\x00\x00") opciones.compression = "STORE";
    else if (magia === "\x08\x00") opciones.compression = "DEFLATE";
  });
}

async function generar(zip: JSZip): Promise<Buffer> {
  conservarCompresion(zip);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

// =============================================================================================
// El almacén

function motivoDeEscritura(e: unknown, alRenombrar: boolean): MotivoEscritura {
  const codigo = (e as { code?: string } | null)?.code;
  if (codigo === "EROFS") return "disco-solo-lectura";
  if (codigo === "ENOSPC" || codigo === "EDQUOT") return "sin-espacio";
  if (codigo === "EBUSY" || codigo === "ETXTBSY") return "en-uso";
  if (codigo === "EISDIR") return "salida-carpeta";
  if (codigo === "EACCES" || codigo === "EPERM") return alRenombrar ? "en-uso" : "carpeta-sin-permiso";
  if (codigo === "ENOENT" || codigo === "ENOTDIR") return "carpeta-no-existe";
  return "otro";
}

/** El almacén de un archivo .xlsx. */
export class AlmacenXlsx implements AlmacenLibro {
  private paquete: Paquete | null = null;
  private constructor(
    private zip: JSZip,
    /** Los bytes del libro tal como está `zip` (para volver a él si una escritura falla). */
    private bytes: Buffer,
    private readonly nombre: string,
    private readonly ruta: string | null,
    private estadoOriginal: { mtimeMs: number; size: number; mode: number } | null,
    private readonly opciones: OpcionesAlmacenXlsx,
  ) {}

  /** Abre un .xlsx del disco. Rechaza con ErrorLecturaLibro (en español, con el nombre) si no se puede leer. */
  static async abrir(ruta: string, opciones: OpcionesAlmacenXlsx = {}): Promise<AlmacenXlsx> {
    const sa = opciones.sistemaArchivos ?? SISTEMA_ARCHIVOS;
    const nombre = opciones.nombre ?? ruta;
    let contenido: Buffer;
    let estado: { mtimeMs: number; size: number; mode: number; esArchivo: boolean };
    try {
      estado = await sa.estado(ruta);
      if (!estado.esArchivo) throw Object.assign(new Error("no es un archivo"), { code: "EISDIR" });
    } catch (e) {
      throw new ErrorLecturaLibro(nombre, motivoDeErrorFs(e), e);
    }
    // Antes de leerlo: un archivo enorme no se carga en memoria (el mismo límite que el lector).
    const maximo = opciones.tamanoMaximo ?? TAMANO_MAXIMO;
    if (estado.size > maximo)
      throw new ErrorLecturaLibro(nombre, "demasiado-grande", undefined, DETALLES_LECTURA.tamano(estado.size, maximo));
    try {
      contenido = await sa.leer(ruta);
    } catch (e) {
      throw new ErrorLecturaLibro(nombre, motivoDeErrorFs(e), e);
    }
    const zip = await AlmacenXlsx.cargar(contenido, nombre);
    return new AlmacenXlsx(zip, contenido, nombre, ruta, estado, opciones);
  }

  /**
   * Un .xlsx en memoria (por ejemplo, el que ya leyó `pmr validar`). Escribir cambia el contenido
   * en memoria (`contenido()`) y, si se da `opciones.salida`, escribe ese archivo.
   */
  static async desdeContenido(contenido: Buffer, opciones: OpcionesAlmacenXlsx = {}): Promise<AlmacenXlsx> {
    const nombre = opciones.nombre ?? NOMBRE_LIBRO_EN_MEMORIA;
    const zip = await AlmacenXlsx.cargar(contenido, nombre);
    return new AlmacenXlsx(zip, contenido, nombre, null, null, opciones);
  }

  private static async cargar(contenido: Buffer, nombre: string): Promise<JSZip> {
    const motivo = motivoPorFirma(contenido);
    if (motivo) throw new ErrorLecturaLibro(nombre, motivo);
    try {
      return await JSZip.loadAsync(contenido);
    } catch (e) {
      throw new ErrorLecturaLibro(nombre, "no-xlsx", e);
    }
  }

  private async examinar(): Promise<Paquete> {
    if (!this.paquete) {
      const p = await examinarPaquete(this.zip);
      if (!p) throw new ErrorLecturaLibro(this.nombre, "no-xlsx");
      this.paquete = p;
    }
    return this.paquete;
  }

  async leerVarias<const R extends readonly Ranura<unknown>[]>(
    ranuras: R,
  ): Promise<{ -readonly [K in keyof R]: LecturaRanura<DatosDeRanura<R[K]>> }> {
    let leidas: Awaited<ReturnType<typeof leerPartes>>;
    try {
      leidas = await leerPartes(await this.examinar());
    } catch (e) {
      // Una parte dañada o descomunal (relaciones, webextension): lo guardado no se puede leer,
      // pero el libro sí se valida; el problema llega como hallazgo.
      if (!(e instanceof ErrorZip)) throw e;
      const problema = MENSAJES_ALMACEN_XLSX.parteIlegible(e.parte ?? "?");
      return ranuras.map(() => ({ datos: null, problemas: [problema], version: null })) as {
        -readonly [K in keyof R]: LecturaRanura<DatosDeRanura<R[K]>>;
      };
    }
    const { almacen, extensiones, problemas } = leidas;
    const inventario = inventariar(almacen);
    return ranuras.map((ranura) => {
      if (ranura.respaldo === "ajuste") {
        const a = buscarAjuste(extensiones, ranura.ajuste as string);
        const r = ranura.interpretarAjuste(a.valor);
        return {
          datos: r.datos,
          problemas: [...a.avisos, ...r.problemas],
          version: r.datos === null ? null : ranura.version,
        };
      }
      const r = leerRanuraDeInventario(ranura, inventario);
      return { ...r, problemas: [...problemas, ...r.problemas] };
    }) as { -readonly [K in keyof R]: LecturaRanura<DatosDeRanura<R[K]>> };
  }

  async leer<T>(ranura: Ranura<T>): Promise<LecturaRanura<T>> {
    const [r] = await this.leerVarias([ranura as Ranura<unknown>] as const);
    return r as LecturaRanura<T>;
  }

  /**
   * Guarda la ranura en el libro (o en la copia de `salida`). Rechaza con ErrorAlmacen si los datos
   * no son válidos o el libro la tiene de una versión más nueva, y con ErrorEscrituraLibro si el
   * archivo no se puede escribir; en ambos casos el archivo queda como estaba.
   */
  async escribir<T>(ranura: Ranura<T>, datos: T): Promise<void> {
    if (ranura.respaldo === "ajuste")
      throw new ErrorAlmacen(MENSAJES_ALMACEN_XLSX.ajusteNoSeEscribe(ranura.descripcion));
    const destino = this.opciones.salida ?? this.ruta;
    const nombreDestino = this.opciones.salida ?? this.nombre;
    const sa = this.opciones.sistemaArchivos ?? SISTEMA_ARCHIVOS;
    if (destino !== null) await this.comprobarDestino(destino, nombreDestino, sa);

    let paquete: Paquete;
    let almacen: ParteGuardada[];
    try {
      paquete = await this.examinar();
      ({ almacen } = await leerPartes(paquete));
    } catch (e) {
      if (e instanceof ErrorZip) throw new ErrorEscrituraLibro(nombreDestino, "estructura", undefined, e);
      throw e;
    }
    const plan = planificarEscritura(ranura, datos, almacen, { maxBytesParte: this.opciones.maxBytesParte });
    try {
      if ((await aplicarPlan(paquete, plan)) === null) throw new ErrorEscrituraLibro(nombreDestino, "estructura");
      const bytes = await generar(this.zip);
      if (destino !== null) await this.escribirAtomico(destino, nombreDestino, bytes, sa);
      this.bytes = bytes;
    } catch (error) {
      // El almacén vuelve a ser el libro de antes (el archivo no cambió).
      this.zip = await JSZip.loadAsync(this.bytes);
      this.paquete = null;
      throw error;
    }
  }

  /** Los bytes del libro con lo escrito hasta ahora. */
  contenido(): Buffer {
    return this.bytes;
  }

  private esElLibro(destino: string): boolean {
    return this.ruta !== null && resolve(destino) === resolve(this.ruta);
  }

  private async comprobarDestino(destino: string, nombre: string, sa: SistemaArchivos): Promise<void> {
    const bloqueo = join(dirname(destino), `~$${basename(destino)}`);
    if (await sa.existe(bloqueo)) throw new ErrorEscrituraLibro(nombre, "abierto-en-excel", basename(bloqueo));
    let estado: { mode: number; esArchivo: boolean } | null = null;
    try {
      estado = await sa.estado(destino);
    } catch {
      estado = null; // no existe todavía (una copia nueva)
    }
    if (estado && !estado.esArchivo) throw new ErrorEscrituraLibro(nombre, "salida-carpeta");
    if (estado && (estado.mode & 0o222) === 0) throw new ErrorEscrituraLibro(nombre, "solo-lectura");
  }

  private async escribirAtomico(destino: string, nombre: string, bytes: Buffer, sa: SistemaArchivos): Promise<void> {
    const temporal = join(dirname(destino), `.${basename(destino)}.pmr-${randomUUID().slice(0, 8)}.tmp`);
    const enSitio = this.esElLibro(destino);
    const modo = (enSitio && this.estadoOriginal ? this.estadoOriginal.mode : 0o666) & 0o777;
    let paso: "temporal" | "renombrar" = "temporal";
    try {
      await sa.escribirNuevo(temporal, bytes, modo);
      if (enSitio && this.estadoOriginal) {
        const ahora = await sa.estado(destino);
        if (ahora.mtimeMs !== this.estadoOriginal.mtimeMs || ahora.size !== this.estadoOriginal.size)
          throw new ErrorEscrituraLibro(nombre, "cambio-en-disco");
      }
      paso = "renombrar";
      await sa.renombrar(temporal, destino);
    } catch (e) {
      await sa.borrar(temporal).catch(() => undefined);
      if (e instanceof ErrorEscrituraLibro) throw e;
      throw new ErrorEscrituraLibro(nombre, motivoDeEscritura(e, paso === "renombrar"), undefined, e);
    }
    if (enSitio) {
      const s = await sa.estado(destino);
      this.estadoOriginal = { mtimeMs: s.mtimeMs, size: s.size, mode: s.mode };
    }
  }
}

/**
 * Escribe partes XML tal cual (por ejemplo, las que guardó Excel) en un .xlsx en memoria, como
 * partes nuevas del libro. Para pruebas de ida y vuelta entre anfitriones.
 */
export async function agregarPartesXml(contenido: Buffer, xmls: readonly string[]): Promise<Buffer> {
  const zip = await JSZip.loadAsync(contenido);
  const paquete = await examinarPaquete(zip);
  if (!paquete || (await aplicarPlan(paquete, { nuevas: [...xmls], quitar: [] })) === null)
    throw new ErrorEscrituraLibro(NOMBRE_LIBRO_EN_MEMORIA, "estructura");
  return generar(zip);
}
