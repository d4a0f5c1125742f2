/**
 * Ayudas de las pruebas del almacén en .xlsx: leer las entradas de un zip tal como están en el
 * archivo (bytes comprimidos incluidos) y agregar a un .xlsx una parte `webextension` como la
 * escribe Office cuando un complemento guarda su configuración del documento.
 */
import JSZip from "jszip";
import { ID_COMPLEMENTO, escaparAtributoXml } from "../../../src/workbook/almacen";

export interface EntradaZip {
  nombre: string;
  /** 0 = sin comprimir, 8 = deflate. */
  metodo: number;
  crc: number;
  /** Los bytes tal como están en el archivo (comprimidos). */
  crudo: Buffer;
  /** Fecha y hora DOS del encabezado local. */
  fechaDos: number;
}

/** Las entradas de un zip leídas de su directorio central (sin zip64, como los .xlsx comunes). */
export function entradasZip(zip: Buffer): Map<string, EntradaZip> {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("no es un zip");
  const total = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const salida = new Map<string, EntradaZip>();
  for (let i = 0; i < total; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error("directorio central roto");
    const metodo = zip.readUInt16LE(p + 10);
    const fechaDos = zip.readUInt32LE(p + 12);
    const crc = zip.readUInt32LE(p + 16);
    const comprimido = zip.readUInt32LE(p + 20);
    const largoNombre = zip.readUInt16LE(p + 28);
    const largoExtra = zip.readUInt16LE(p + 30);
    const largoComentario = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const nombre = zip.toString("utf8", p + 46, p + 46 + largoNombre);
    const inicio = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    salida.set(nombre, { nombre, metodo, crc, crudo: zip.subarray(inicio, inicio + comprimido), fechaDos });
    p += 46 + largoNombre + largoExtra + largoComentario;
  }
  return salida;
}

/** El contenido sin comprimir de cada entrada (las carpetas no). */
export async function contenidosZip(zip: Buffer): Promise<Map<string, Buffer>> {
  const z = await JSZip.loadAsync(zip);
  const salida = new Map<string, Buffer>();
  for (const [nombre, f] of Object.entries(z.files)) if (!f.dir) salida.set(nombre, await f.async("nodebuffer"));
  return salida;
}

/**
 * Agrega a un .xlsx la configuración del documento de un complemento como la guarda Office:
 * `xl/webextensions/webextension1.xml` con un `we:property` por ajuste (valor = el ajuste
 * serializado en JSON y escapado como atributo), el panel en `taskpanes.xml`, sus relaciones y
 * los tipos de contenido. `ajustes` son los valores de `settings` (lo que guarda el complemento).
 */
export async function agregarWebExtension(
  xlsx: Buffer,
  ajustes: Record<string, unknown>,
  referencia = ID_COMPLEMENTO,
): Promise<Buffer> {
  const z = await JSZip.loadAsync(xlsx);
  const propiedades = Object.entries(ajustes)
    .map(([k, v]) => `<we:property name="${escaparAtributoXml(k)}" value="${escaparAtributoXml(JSON.stringify(v))}"/>`)
    .join("");
  const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  z.file(
    "xl/webextensions/webextension1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{5A1B3C4D-0E6F-4A7B-8C9D-0E1F2A3B4C5D}"><we:reference id="${referencia}" version="1.0.0.0" store="developer" storeType="Registry"/><we:alternateReferences/><we:properties>${propiedades}</we:properties><we:bindings/><we:snapshot xmlns:r="${REL}"/></we:webextension>`,
  );
  z.file(
    "xl/webextensions/taskpanes.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"><wetp:taskpane dockstate="right" visibility="0" width="350" row="1"><wetp:webextensionref xmlns:r="${REL}" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`,
  );
  z.file(
    "xl/webextensions/_rels/taskpanes.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/></Relationships>`,
  );
  const raiz = await z.file("_rels/.rels")!.async("string");
  z.file(
    "_rels/.rels",
    raiz.replace(
      "</Relationships>",
      `<Relationship Id="rIdWe1" Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"/></Relationships>`,
    ),
  );
  const tipos = await z.file("[Content_Types].xml")!.async("string");
  z.file(
    "[Content_Types].xml",
    tipos.replace(
      "</Types>",
      `<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/><Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/></Types>`,
    ),
  );
  return z.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
