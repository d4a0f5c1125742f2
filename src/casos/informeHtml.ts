/**
 * El Informe PMR o el Anexo PMR como UN archivo HTML autocontenido e imprimible: estilos en línea,
 * gráficos en SVG dentro de la página, sin scripts, sin fuentes ni imágenes externas (ninguna
 * petición sale de la página). Se imprime en A4 con un salto de página entre objetivos.
 *
 * Sale del mismo documento que las hojas de Excel (`src/casos/informe.ts`): las mismas tablas y
 * las mismas cifras, con el texto de `domain/formato` (textoCelda). Puro: devuelve el texto.
 */
import { ESTILOS, type Estilo } from "../workbook/escritura";
import {
  COLOR_BARRA_SEMAFORO,
  ESTILO_SEMAFORO,
  textoCelda,
  type BloqueInforme,
  type CeldaInforme,
  type DocumentoInforme,
  type GraficoInforme,
  type HojaInforme,
  type TablaInforme,
} from "./informe";
import { porcentaje } from "../domain/formato";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Texto seguro dentro de HTML (contenido y atributos). */
export function escaparHtml(t: string): string {
  return t.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const CSS = `
@page { size: A4 portrait; margin: 16mm 14mm 18mm 14mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: "Segoe UI", Calibri, Arial, "Liberation Sans", sans-serif; font-size: 9.5pt;
  color: #1b1b1b; background: #ffffff; line-height: 1.35; }
main { max-width: 190mm; margin: 0 auto; padding: 8mm 0; }
header.portada { border-bottom: 3px solid #1F3864; padding-bottom: 4mm; margin-bottom: 5mm; }
header.portada p.entidad { margin: 0; font-size: 9pt; letter-spacing: .06em; text-transform: uppercase; color: #44546A; }
h1 { font-size: 18pt; color: #1F3864; margin: 1mm 0 2mm; }
header.portada p { margin: .5mm 0; color: #404040; }
h2 { font-size: 13pt; color: #1F3864; border-bottom: 1px solid #8EA9DB; padding-bottom: 1mm; margin: 7mm 0 3mm; }
h3 { font-size: 11pt; color: #1F3864; margin: 5mm 0 2mm; }
h4 { font-size: 9.5pt; margin: 3mm 0 1mm; }
section.hoja + section.hoja { break-before: page; }
.bloque { break-inside: auto; }
.bloque.pagina-nueva { break-before: page; }
.bloque.corto { break-inside: avoid; }
p.nota { color: #4d4d4d; font-style: italic; margin: 1mm 0 2mm; }
p.destacado { font-size: 11pt; margin: 1mm 0 3mm; }
p.destacado .cifra { font-weight: 700; padding: .5mm 2.5mm; border-radius: 2px; }
table { width: 100%; border-collapse: collapse; margin: 1mm 0 4mm; font-size: 8.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th { background: #DDEBF7; color: #000000; text-align: left; font-weight: 600; padding: 1.2mm 1.5mm;
  border: 1px solid #9BB7D9; vertical-align: bottom; }
td { padding: 1mm 1.5mm; border: 1px solid #C9D3E0; vertical-align: top; hyphens: auto; overflow-wrap: break-word; }
table.ancha { font-size: 7.6pt; }
table.ancha th, table.ancha td { padding: .8mm .9mm; }
table.ancha th { hyphens: auto; }
table.estrecha { width: 60%; }
tr.total td { font-weight: 700; border-top: 2px solid #8EA9DB; }
tbody tr:nth-child(even) td { background-color: #F7F9FC; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.vacia { color: #4d4d4d; font-style: italic; }
figure { margin: 2mm 0 5mm; break-inside: avoid; }
figure svg { width: 100%; height: auto; display: block; }
figcaption { font-size: 8.5pt; color: #404040; margin-top: 1mm; }
footer { margin-top: 8mm; border-top: 1px solid #BFBFBF; padding-top: 2mm; font-size: 8pt; color: #4d4d4d; }
@media screen { body { background: #EDEFF2; } main { background: #ffffff; padding: 12mm 14mm; margin: 6mm auto;
  box-shadow: 0 1px 4px rgba(0,0,0,.18); max-width: 210mm; } }
`;

function estiloSemaforo(c: CeldaInforme): string {
  let estilo: Estilo | null = null;
  if (c.semaforo) estilo = ESTILOS[ESTILO_SEMAFORO[c.semaforo]];
  else if (c.resalte) estilo = c.resalte === "bien" ? ESTILOS.semaforoVerde : ESTILOS.semaforoAmarillo;
  if (!estilo) return "";
  return ` style="background-color:${estilo.relleno ?? "#FFFFFF"};color:${estilo.colorFuente ?? "#000000"}"`;
}

function celdaHtml(c: CeldaInforme): string {
  const esCifra = c.tipo !== "texto" && typeof c.valor === "number";
  const clase = esCifra || (c.tipo !== "texto" && c.valor === null) ? ' class="num"' : "";
  return `<td${clase}${estiloSemaforo(c)}>${escaparHtml(textoCelda(c))}</td>`;
}

function tablaHtml(t: TablaInforme): string {
  const numericas = t.encabezados.map((_, i) => t.filas.some((f) => f[i] && f[i].tipo !== "texto"));
  const total = t.anchos.reduce((a, b) => a + b, 0);
  const cols = t.anchos.map((a) => `<col style="width:${((a / total) * 100).toFixed(1)}%">`).join("");
  const enc = t.encabezados
    .map((e, i) => `<th scope="col"${numericas[i] ? ' class="num"' : ""}>${escaparHtml(e)}</th>`)
    .join("");
  // La primera columna de texto, si se repite en filas seguidas (el producto de sus indicadores),
  // va una vez con rowspan, como en los informes sectoriales.
  const alto = t.filas.map(() => 1);
  if (t.agrupar)
    for (let i = t.filas.length - 1; i > 0; i--)
      if (t.filas[i][0].valor === t.filas[i - 1][0].valor) {
        alto[i - 1] += alto[i];
        alto[i] = 0;
      }
  const filas =
    t.filas.length === 0
      ? `<tr><td class="vacia" colspan="${t.encabezados.length}">${escaparHtml(t.vacia ?? "Sin filas.")}</td></tr>`
      : t.filas
          .map((f, i) => {
            const celdas = f.map((c, k) => {
              if (k > 0 || !t.agrupar) return celdaHtml(c);
              if (alto[i] === 0) return "";
              return alto[i] > 1 ? celdaHtml(c).replace("<td", `<td rowspan="${alto[i]}"`) : celdaHtml(c);
            });
            const total = t.conTotal && i === t.filas.length - 1 ? ' class="total"' : "";
            return `<tr${total}>${celdas.join("")}</tr>`;
          })
          .join("\n");
  const titulo = t.titulo ? `<h4>${escaparHtml(t.titulo)}</h4>\n` : "";
  const clase = t.encabezados.length >= 8 ? ' class="ancha"' : t.encabezados.length <= 2 ? ' class="estrecha"' : "";
  return `${titulo}<table${clase}><colgroup>${cols}</colgroup><thead><tr>${enc}</tr></thead>\n<tbody>\n${filas}\n</tbody></table>`;
}

let contadorGraficos = 0;

/** Barras horizontales (agrupadas si hay varias series) en SVG, con la cifra al final de cada barra. */
function graficoSvg(g: GraficoInforme, t: TablaInforme): string {
  const categorias = t.filas.map((f) => textoCelda(f[g.categorias]));
  const series = g.series.map((s) => ({
    ...s,
    celdas: t.filas.map((f) => f[s.columna]),
  }));
  const valores = series.flatMap((s) => s.celdas.map((c) => (typeof c.valor === "number" ? c.valor : null)));
  const maximo = Math.max(1, ...valores.filter((v): v is number => v !== null));
  const tope = Math.ceil((maximo + 0.0001) / 0.25) * 0.25;
  const ancho = 640;
  const izquierda = 70;
  const derecha = 70;
  const arriba = series.length > 1 ? 34 : 12;
  const barra = 14;
  const hueco = 10;
  const alturaGrupo = series.length * barra + hueco;
  const alto = arriba + categorias.length * alturaGrupo + 28;
  const util = ancho - izquierda - derecha;
  const x = (v: number) => izquierda + (Math.max(0, v) / tope) * util;
  const id = `grafico-${++contadorGraficos}`;
  const partes: string[] = [];
  // Rejilla cada 25 %.
  for (let v = 0; v <= tope + 1e-9; v += 0.25) {
    const xv = x(v).toFixed(1);
    partes.push(
      `<line x1="${xv}" y1="${arriba - 4}" x2="${xv}" y2="${alto - 22}" stroke="${v === 0 ? "#595959" : "#D9D9D9"}" stroke-width="1"/>`,
      `<text x="${xv}" y="${alto - 8}" font-size="10" text-anchor="middle" fill="#404040">${escaparHtml(porcentaje(v))}</text>`,
    );
  }
  categorias.forEach((cat, i) => {
    const y0 = arriba + i * alturaGrupo;
    partes.push(
      `<text x="${izquierda - 6}" y="${(y0 + (series.length * barra) / 2 + 4).toFixed(1)}" font-size="11" text-anchor="end" fill="#1b1b1b">${escaparHtml(cat)}</text>`,
    );
    series.forEach((s, k) => {
      const c = s.celdas[i];
      const y = y0 + k * barra;
      if (typeof c.valor !== "number") {
        partes.push(
          `<text x="${izquierda + 4}" y="${y + barra - 3}" font-size="10" fill="#595959">${escaparHtml(textoCelda(c))}</text>`,
        );
        return;
      }
      const color = s.porSemaforo && c.semaforo ? COLOR_BARRA_SEMAFORO[c.semaforo] : s.color;
      const xf = x(c.valor);
      partes.push(
        `<rect x="${izquierda}" y="${y + 1}" width="${Math.max(1, xf - izquierda).toFixed(1)}" height="${barra - 2}" fill="${color}"/>`,
        `<text x="${(xf + 4).toFixed(1)}" y="${y + barra - 3}" font-size="10" fill="#1b1b1b">${escaparHtml(textoCelda(c))}</text>`,
      );
    });
  });
  if (series.length > 1) {
    let lx = izquierda;
    for (const s of series) {
      partes.push(
        `<rect x="${lx}" y="6" width="12" height="12" fill="${s.color}"/>`,
        `<text x="${lx + 16}" y="16" font-size="11" fill="#1b1b1b">${escaparHtml(s.nombre)}</text>`,
      );
      lx += 24 + s.nombre.length * 6.5;
    }
  }
  const descripcion = categorias
    .map((cat, i) => `${cat}: ${series.map((s) => `${s.nombre} ${textoCelda(s.celdas[i])}`).join(", ")}`)
    .join("; ");
  return (
    `<figure><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${ancho} ${alto}" role="img" ` +
    `aria-labelledby="${id}-t ${id}-d"><title id="${id}-t">${escaparHtml(g.titulo)}</title>` +
    `<desc id="${id}-d">${escaparHtml(descripcion)}</desc>${partes.join("")}</svg>` +
    `<figcaption>${escaparHtml(g.titulo)}${
      g.series.some((s) => s.porSemaforo) ? " (color de cada barra: su semáforo)" : ""
    }.</figcaption></figure>`
  );
}

function bloqueHtml(b: BloqueInforme): string {
  const partes: string[] = [];
  const clases = ["bloque"];
  if (b.paginaNueva) clases.push("pagina-nueva");
  const filas = b.tablas.reduce((n, t) => n + t.filas.length, 0);
  if (filas <= 12 && !b.grafico) clases.push("corto");
  partes.push(`<div class="${clases.join(" ")}">`, `<h3>${escaparHtml(b.titulo)}</h3>`);
  if (b.destacado) {
    const d = b.destacado;
    partes.push(
      `<p class="destacado">${escaparHtml(d.etiqueta)}: <span class="cifra"${estiloSemaforo(d.celda)}>${escaparHtml(
        textoCelda(d.celda),
      )}</span>${d.nota ? ` <span>(${escaparHtml(d.nota)})</span>` : ""}</p>`,
    );
  }
  if (b.nota) partes.push(`<p class="nota">${escaparHtml(b.nota)}</p>`);
  const g = b.grafico;
  if (g && b.tablas[g.tabla ?? 0]?.filas.length) partes.push(graficoSvg(g, b.tablas[g.tabla ?? 0]));
  for (const t of b.tablas) partes.push(tablaHtml(t));
  partes.push("</div>");
  return partes.join("\n");
}

function hojaHtml(h: HojaInforme): string {
  return `<section class="hoja">\n<h2>${escaparHtml(h.seccion)}</h2>\n${h.bloques.map(bloqueHtml).join("\n")}\n</section>`;
}

/** El documento como página HTML completa (UTF-8). */
export function documentoHtml(doc: DocumentoInforme): string {
  contadorGraficos = 0;
  return `<!DOCTYPE html>
<html lang="es-CO">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escaparHtml(doc.titulo)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header class="portada">
<p class="entidad">Productos, Metas y Resultados · Seguimiento y evaluación</p>
<h1>${escaparHtml(doc.titulo)}</h1>
${doc.subtitulos.map((s) => `<p>${escaparHtml(s)}</p>`).join("\n")}
</header>
${doc.hojas.map(hojaHtml).join("\n")}
<footer>Generado con PMR para Excel a partir del libro: cada cifra es la del motor de cálculo (PMR-SPEC §2).</footer>
</main>
</body>
</html>
`;
}
