/**
 * Libros .xlsx hostiles o raros que las pruebas generan (nunca se guardan en el repositorio): se
 * escriben a mano con JSZip para controlar cada parte del paquete (ExcelJS no escribe celdas
 * fuera de la cuadrícula, índices rotos ni XML dañado).
 */
import JSZip from "jszip";

export const ENCABEZADOS = [
  "Código objetivo",
  "Objetivo",
  "Código indicador",
  "Indicador",
  "Tendencia",
  "Meta vigencia",
  "Programado Ene",
  "Ejecutado Ene",
];

export interface Celda {
  ref: string;
  /** número, texto (en línea), lógico, o un XML de celda ya escrito. */
  v?: number | string | boolean;
  /** XML crudo de la celda (reemplaza a v). */
  xml?: string;
  /** Índice de estilo (cellXfs). */
  s?: number;
}

export interface Hoja {
  nombre: string;
  /** Celdas (en el orden en que se escriben) o el XML de sheetData entero. */
  celdas?: Celda[];
  sheetData?: string;
  combinadas?: string[];
  /** XML entero de la hoja (reemplaza todo lo anterior). */
  xml?: string;
}

export interface Libro {
  hojas: Hoja[];
  /** Textos compartidos (sharedStrings.xml); sin ellos no hay parte. */
  textos?: string[];
  /** XML entero de sharedStrings.xml. */
  textosXml?: string;
  /** Formatos de número por estilo (cellXfs): el índice 0 es General. */
  formatos?: string[];
  estilosXml?: string;
  fecha1904?: boolean;
}

export function escaparXml(t: string): string {
  return t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** «A» … «XFD» de una columna 0-based. */
export function letras(c: number): string {
  let s = "";
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function xmlCelda(c: Celda): string {
  if (c.xml !== undefined) return c.xml;
  const s = c.s ? ` s="${c.s}"` : "";
  if (typeof c.v === "number") return `<c r="${c.ref}"${s}><v>${c.v}</v></c>`;
  if (typeof c.v === "boolean") return `<c r="${c.ref}"${s} t="b"><v>${c.v ? 1 : 0}</v></c>`;
  if (typeof c.v === "string") return `<c r="${c.ref}"${s} t="inlineStr"><is><t>${escaparXml(c.v)}</t></is></c>`;
  return `<c r="${c.ref}"${s}/>`;
}

function filaDe(ref: string): number {
  return Number(/[0-9]+$/.exec(ref)?.[0] ?? "1");
}

export function xmlHoja(h: Hoja): string {
  if (h.xml !== undefined) return h.xml;
  let datos = h.sheetData;
  if (datos === undefined) {
    const filas = new Map<number, Celda[]>();
    for (const c of h.celdas ?? []) {
      const f = filaDe(c.ref);
      const l = filas.get(f);
      if (l) l.push(c);
      else filas.set(f, [c]);
    }
    datos = [...filas.entries()].map(([f, cs]) => `<row r="${f}">${cs.map(xmlCelda).join("")}</row>`).join("");
  }
  const comb = h.combinadas?.length
    ? `<mergeCells count="${h.combinadas.length}">${h.combinadas.map((r) => `<mergeCell ref="${r}"/>`).join("")}</mergeCells>`
    : "";
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>${datos}</sheetData>${comb}</worksheet>`;
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** El paquete .xlsx de un libro (bytes). */
export async function escribirLibro(l: Libro): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const hojas = l.hojas
    .map((h, i) => `<sheet name="${escaparXml(h.nombre)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join("");
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">${l.fecha1904 ? '<workbookPr date1904="1"/>' : ""}<sheets>${hojas}</sheets></workbook>`,
  );
  const rels = l.hojas.map(
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  const n = l.hojas.length;
  if (l.textos || l.textosXml) {
    rels.push(`<Relationship Id="rId${n + 1}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    zip.file(
      "xl/sharedStrings.xml",
      l.textosXml ??
        `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${l.textos!.length}">${l
          .textos!.map((t) => `<si><t xml:space="preserve">${escaparXml(t)}</t></si>`)
          .join("")}</sst>`,
    );
  }
  if (l.formatos || l.estilosXml) {
    rels.push(`<Relationship Id="rId${n + 2}" Type="${REL}/styles" Target="styles.xml"/>`);
    const propios = (l.formatos ?? []).map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escaparXml(f)}"/>`);
    const xfs = ["General", ...(l.formatos ?? [])].map(
      (_, i) => `<xf numFmtId="${i === 0 ? 0 : 163 + i}" fontId="0"/>`,
    );
    zip.file(
      "xl/styles.xml",
      l.estilosXml ??
        `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="${propios.length}">${propios.join("")}</numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs></styleSheet>`,
    );
  }
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
  );
  l.hojas.forEach((h, i) => zip.file(`xl/worksheets/sheet${i + 1}.xml`, xmlHoja(h)));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Celdas de una fila de datos de la hoja PMR (fila 1-based), empezando en la columna 0. */
export function filaPmr(fila: number, valores: (number | string | boolean)[]): Celda[] {
  return valores.map((v, c) => ({ ref: `${letras(c)}${fila}`, v }));
}

/** Una hoja PMR pequeña y válida (encabezado en la fila 1 y `n` indicadores). */
export function hojaPmr(n = 3, extra: Celda[] = []): Hoja {
  const celdas = filaPmr(1, ENCABEZADOS);
  for (let i = 0; i < n; i++)
    celdas.push(...filaPmr(i + 2, ["O1", "Objetivo uno", `I${i + 1}`, `Indicador ${i + 1}`, "Suma", 12, 1, 1]));
  return { nombre: "PMR", celdas: [...celdas, ...extra] };
}

/**
 * Un zip cuyo índice miente: el tamaño descomprimido declarado de `parte` se cambia por
 * `declarado` (en la cabecera local y en el directorio central), el contenido no.
 */
export function mentirTamano(zip: Buffer, parte: string, declarado: number): Buffer {
  const b = Buffer.from(zip);
  const nombre = Buffer.from(parte, "latin1");
  for (let i = 0; i + 46 < b.length; i++) {
    const firma = b.readUInt32LE(i);
    if (firma === 0x04034b50) {
      const largo = b.readUInt16LE(i + 26);
      if (b.subarray(i + 30, i + 30 + largo).equals(nombre)) b.writeUInt32LE(declarado, i + 22);
    } else if (firma === 0x02014b50) {
      const largo = b.readUInt16LE(i + 28);
      if (b.subarray(i + 46, i + 46 + largo).equals(nombre)) b.writeUInt32LE(declarado, i + 24);
    }
  }
  return b;
}
