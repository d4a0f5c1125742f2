/**
 * Gráficos nativos dentro de un .xlsx que acaba de generar ExcelJS (que no escribe gráficos):
 * se agregan las partes de DrawingML editando el zip con JSZip, sin tocar las demás partes.
 *
 * Por cada hoja con gráficos:
 * - `xl/drawings/drawingN.xml` (un `xdr:twoCellAnchor` por gráfico, en las celdas de su posición)
 *   y `xl/drawings/_rels/drawingN.xml.rels` (uno a `../charts/chartK.xml` por gráfico);
 * - `xl/charts/chartK.xml`: `c:barChart` (barDir «bar» o «col», agrupado) o `c:lineChart`, con
 *   cada serie (nombre, categorías `c:cat/c:strRef` y valores `c:val/c:numRef` que apuntan a los
 *   rangos de la hoja, con su copia en caché), colores por serie y por punto (`c:dPt`), título,
 *   títulos de ejes y leyenda;
 * - en la hoja, `<drawing r:id="…"/>` en su lugar del esquema (antes de `legacyDrawing`,
 *   `tableParts` o `extLst`) y la relación en `xl/worksheets/_rels/sheetN.xml.rels`;
 * - `[Content_Types].xml`: los Override de cada dibujo y gráfico.
 *
 * Solo se usa sobre archivos nuevos del propio complemento, nunca sobre un libro del usuario.
 */
import JSZip from "jszip";
import {
  COLORES_GRAFICO,
  esFormula,
  leerRango,
  referenciaHoja,
  textoRangoAbsoluto,
  type DescripcionGrafico,
  type DescripcionHoja,
  type Rect,
} from "../../workbook/escritura";

const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const TIPO_DIBUJO = `${NS_R}/drawing`;
const TIPO_GRAFICO = `${NS_R}/chart`;
const CT_DIBUJO = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CT_GRAFICO = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

function xml(texto: string): string {
  return texto
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .split("")
    .filter((c) => c >= " " || c === "\t" || c === "\n" || c === "\r")
    .join("");
}

function rect(t: string): Rect {
  return leerRango(t) as Rect;
}

/** Valor descrito en una celda (para la copia en caché de la serie). */
function valorCelda(h: DescripcionHoja, fila: number, columna: number): unknown {
  for (const b of h.celdas) {
    const ini = leerRango(b.desde);
    if (!ini) continue;
    const v = b.filas[fila - ini.fila]?.[columna - ini.columna];
    if (v !== undefined) return v;
  }
  return null;
}

function puntos(r: Rect): [number, number][] {
  const p: [number, number][] = [];
  for (let i = 0; i < r.filas; i++) for (let j = 0; j < r.columnas; j++) p.push([r.fila + i, r.columna + j]);
  return p;
}

function textoRico(texto: string): string {
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${xml(texto)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/>`;
}

function relleno(color: string): string {
  return `<a:solidFill><a:srgbClr val="${color.slice(1).toUpperCase()}"/></a:solidFill>`;
}

function serieXml(h: DescripcionHoja, nombreHoja: string, g: DescripcionGrafico, i: number): string {
  const s = g.series[i];
  const color = s.color ?? COLORES_GRAFICO[i % COLORES_GRAFICO.length];
  const linea = g.tipo === "lineas";
  const cat = rect(s.categorias);
  const val = rect(s.valores);
  const categorias = puntos(cat)
    .map(([f, c], k) => {
      const v = valorCelda(h, f, c);
      return v === null || esFormula(v) ? "" : `<c:pt idx="${k}"><c:v>${xml(String(v))}</c:v></c:pt>`;
    })
    .join("");
  const valores = puntos(val)
    .map(([f, c], k) => {
      const v = valorCelda(h, f, c);
      return typeof v === "number" ? `<c:pt idx="${k}"><c:v>${v}</c:v></c:pt>` : "";
    })
    .join("");
  const spPr = linea
    ? `<c:spPr><a:ln w="28575" cap="rnd">${relleno(color)}<a:round/></a:ln></c:spPr>`
    : `<c:spPr>${relleno(color)}</c:spPr>`;
  const dPt = (s.coloresPuntos ?? [])
    .map((c, k) =>
      c
        ? `<c:dPt><c:idx val="${k}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr>${relleno(c)}</c:spPr></c:dPt>`
        : "",
    )
    .join("");
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${xml(s.nombre)}</c:v></c:tx>${spPr}` +
    (linea ? `<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>` : `<c:invertIfNegative val="0"/>${dPt}`) +
    `<c:cat><c:strRef><c:f>${xml(`${referenciaHoja(nombreHoja)}!${textoRangoAbsoluto(cat)}`)}</c:f><c:strCache><c:ptCount val="${cat.filas * cat.columnas}"/>${categorias}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${xml(`${referenciaHoja(nombreHoja)}!${textoRangoAbsoluto(val)}`)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${val.filas * val.columnas}"/>${valores}</c:numCache></c:numRef></c:val>` +
    (linea ? `<c:smooth val="0"/>` : "") +
    `</c:ser>`
  );
}

/** chartN.xml de un gráfico descrito. */
export function xmlGrafico(h: DescripcionHoja, nombreHoja: string, g: DescripcionGrafico): string {
  const ejes = `<c:axId val="500000001"/><c:axId val="500000002"/>`;
  const series = g.series.map((_s, i) => serieXml(h, nombreHoja, g, i)).join("");
  const grafico =
    g.tipo === "lineas"
      ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${ejes}</c:lineChart>`
      : `<c:barChart><c:barDir val="${g.tipo === "barrasAgrupadas" ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="150"/>${ejes}</c:barChart>`;
  const horizontal = g.tipo === "barrasAgrupadas";
  const titulo = (t: string | undefined) => (t ? `<c:title>${textoRico(t)}</c:title>` : "");
  const catAx =
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? "l" : "b"}"/>${titulo(g.tituloEjeCategorias)}<c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000002"/>` +
    `<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? "b" : "l"}"/><c:majorGridlines/>${titulo(g.tituloEjeValores)}<c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/>` +
    `<c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  const leyenda = g.leyenda ?? g.series.length > 1;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_R}">` +
    `<c:roundedCorners val="0"/><c:chart><c:title>${textoRico(g.titulo)}</c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${grafico}${catAx}${valAx}</c:plotArea>` +
    (leyenda ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` : "") +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** drawingN.xml: un ancla de dos celdas por gráfico (de la esquina de la primera celda a la de después de la última). */
export function xmlDibujo(graficos: readonly { g: DescripcionGrafico; rId: string }[]): string {
  const anclas = graficos
    .map(({ g, rId }, i) => {
      const p = rect(g.posicion);
      return (
        `<xdr:twoCellAnchor editAs="oneCell">` +
        `<xdr:from><xdr:col>${p.columna}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.fila}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:to><xdr:col>${p.columna + p.columnas}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.fila + p.filas}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${xml(g.nombre)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${rId}"/></a:graphicData></a:graphic>` +
        `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_R}">${anclas}</xdr:wsDr>`
  );
}

function relaciones(items: readonly { id: string; tipo: string; destino: string }[], previo?: string): string {
  const nuevas = items.map((r) => `<Relationship Id="${r.id}" Type="${r.tipo}" Target="${r.destino}"/>`).join("");
  if (previo) return previo.replace("</Relationships>", `${nuevas}</Relationships>`);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${nuevas}</Relationships>`;
}

/** Ruta de la parte de cada hoja (por nombre), según xl/workbook.xml y sus relaciones. */
async function partesDeHojas(zip: JSZip): Promise<Map<string, string>> {
  const libro = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const destinos = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const destino = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && destino) destinos.set(id, destino.replace(/^\/?xl\//, "").replace(/^\//, ""));
  }
  const hojas = new Map<string, string>();
  const desescapar = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  for (const m of libro.matchAll(/<sheet\b[^>]*\/>/g)) {
    const nombre = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    if (nombre !== undefined && id && destinos.has(id)) hojas.set(desescapar(nombre), `xl/${destinos.get(id)}`);
  }
  return hojas;
}

/** Agrega los gráficos de las hojas descritas al .xlsx generado; devuelve el archivo nuevo. */
export async function agregarGraficos(archivo: Buffer, hojas: readonly DescripcionHoja[]): Promise<Buffer> {
  const conGraficos = hojas.filter((h) => (h.graficos ?? []).length > 0);
  if (conGraficos.length === 0) return archivo;
  const zip = await JSZip.loadAsync(archivo);
  const partes = await partesDeHojas(zip);
  let tipos = await zip.file("[Content_Types].xml")!.async("string");
  const libres = (prefijo: string) => {
    let n = 1;
    return () => {
      while (zip.file(`${prefijo}${n}.xml`)) n++;
      return n++;
    };
  };
  const siguienteDibujo = libres("xl/drawings/drawing");
  const siguienteGrafico = libres("xl/charts/chart");
  const overrides: string[] = [];

  for (const h of conGraficos) {
    const parte = partes.get(h.nombre);
    if (!parte) throw new Error(`el archivo generado no tiene la hoja «${h.nombre}»`);
    const nDibujo = siguienteDibujo();
    const graficos = (h.graficos ?? []).map((g, i) => {
      const n = siguienteGrafico();
      zip.file(`xl/charts/chart${n}.xml`, xmlGrafico(h, h.nombre, g));
      overrides.push(`<Override PartName="/xl/charts/chart${n}.xml" ContentType="${CT_GRAFICO}"/>`);
      return { g, rId: `rId${i + 1}`, destino: `../charts/chart${n}.xml` };
    });
    zip.file(`xl/drawings/drawing${nDibujo}.xml`, xmlDibujo(graficos));
    zip.file(
      `xl/drawings/_rels/drawing${nDibujo}.xml.rels`,
      relaciones(graficos.map((x) => ({ id: x.rId, tipo: TIPO_GRAFICO, destino: x.destino }))),
    );
    overrides.push(`<Override PartName="/xl/drawings/drawing${nDibujo}.xml" ContentType="${CT_DIBUJO}"/>`);

    const rutaRels = parte.replace(/([^/]+)$/, "_rels/$1.rels");
    const previo = zip.file(rutaRels) ? await zip.file(rutaRels)!.async("string") : undefined;
    let idDibujo = "rIdPmrDibujo";
    while (previo?.includes(`Id="${idDibujo}"`)) idDibujo += "1";
    zip.file(
      rutaRels,
      relaciones([{ id: idDibujo, tipo: TIPO_DIBUJO, destino: `../drawings/drawing${nDibujo}.xml` }], previo),
    );

    let hoja = await zip.file(parte)!.async("string");
    if (!hoja.includes(`xmlns:r="${NS_R}"`)) hoja = hoja.replace("<worksheet ", `<worksheet xmlns:r="${NS_R}" `);
    const elemento = `<drawing r:id="${idDibujo}"/>`;
    const antes =
      /<(legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/.exec(hoja);
    hoja = antes
      ? `${hoja.slice(0, antes.index)}${elemento}${hoja.slice(antes.index)}`
      : hoja.replace("</worksheet>", `${elemento}</worksheet>`);
    zip.file(parte, hoja);
  }
  tipos = tipos.replace("</Types>", `${overrides.join("")}</Types>`);
  zip.file("[Content_Types].xml", tipos);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
