/**
 * El informe HTML de `pmr informe` del libro de ejemplo abierto en Chromium headless (sin el
 * paquete del panel: la página es un archivo autocontenido):
 * - ninguna petición sale de la página (ni a la red ni a otro archivo);
 * - axe-core sin violaciones;
 * - las cifras de los objetivos son las del motor con el formato es-CO;
 * - impreso en A4, cada objetivo empieza en una página nueva (se cuenta en el PDF).
 * Deja una captura en PMR_CAPTURAS (por omisión, la carpeta temporal); con
 * PMR_CAPTURAS_DOCS=docs/img guarda además la del README (docs/img/informe.png).
 */
import axe from "axe-core";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { Browser, Page } from "playwright-core";
import { main } from "../../src/cli/main";
import { validarLibro } from "../../src/casos/validar";
import { CONFIGURACION_POR_DEFECTO, porcentaje } from "../../src/domain";
import { leerArchivoXlsx } from "../../src/hosts/xlsx";
import { lanzarChromium, RAIZ } from "./entorno";
import { RUTA_EJEMPLO } from "./libro-ejemplo";

const DIR_CAPTURAS = process.env.PMR_CAPTURAS ?? tmpdir();
const DIR_DOCS = process.env.PMR_CAPTURAS_DOCS;

let navegador: Browser;
let page: Page;
let carpeta: string;
let html: string;
const peticiones: string[] = [];

beforeAll(async () => {
  carpeta = mkdtempSync(path.join(tmpdir(), "pmr-informe-html-"));
  const salida = path.join(carpeta, "informe.html");
  const sink = { write: () => true };
  expect(await main(["informe", RUTA_EJEMPLO, "--salida", salida], { stdout: sink, stderr: sink, env: {} })).toBe(0);
  html = readFileSync(salida, "utf8");
  navegador = await lanzarChromium();
  // bypassCSP: solo para inyectar axe-core (la página prohíbe todo script con su CSP).
  const contexto = await navegador.newContext({
    locale: "es-CO",
    viewport: { width: 900, height: 1270 },
    bypassCSP: true,
    reducedMotion: "reduce",
  });
  page = await contexto.newPage();
  await contexto.route("**/*", async (ruta) => {
    peticiones.push(ruta.request().url());
    await ruta.abort("blockedbyclient");
  });
  page.on("request", (r) => {
    if (!peticiones.includes(r.url())) peticiones.push(r.url());
  });
  await page.setContent(html, { waitUntil: "load" });
}, 60_000);

afterAll(async () => {
  await navegador?.close();
  rmSync(carpeta, { recursive: true, force: true });
});

it("ninguna petición sale de la página", () => {
  expect(peticiones).toEqual([]);
});

it("muestra el título, un gráfico SVG por gráfico del informe y una tabla por objetivo con las cifras del motor", async () => {
  const v = validarLibro(await leerArchivoXlsx(RUTA_EJEMPLO), CONFIGURACION_POR_DEFECTO);
  await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Informe de seguimiento PMR 2025");
  expect(await page.locator("figure svg[role=img]").count()).toBe(2);
  for (const o of v.evaluacion.objetivos) {
    const titulo = page.getByRole("heading", { level: 3, name: `${o.codigo} — ${o.nombre}` });
    await expect(titulo.count()).resolves.toBe(1);
    const bloque = page.locator(".bloque", { has: titulo });
    await expect(bloque.locator("p.destacado .cifra").textContent()).resolves.toBe(porcentaje(o.cumplimiento));
    await expect(bloque.locator("tbody tr").count()).resolves.toBe(o.indicadores.length);
  }
  // Nada se sale de la página en pantalla (ancho de una hoja A4).
  const desborde = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(desborde).toBeLessThanOrEqual(0);
});

it("axe-core no encuentra violaciones", async () => {
  await page.addScriptTag({ content: axe.source });
  const violaciones = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((x) => ({ id: x.id, nodos: x.nodes.map((n) => n.target.join(" ")) }));
  });
  expect(violaciones).toEqual([]);
});

it("impreso en A4: ninguna tabla se sale del papel, cada objetivo en una página nueva; deja la captura", async () => {
  // El área de impresión de un A4 vertical con los márgenes de @page: 210 − 28 mm = 182 mm ≈ 688 px.
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: 688, height: 1000 });
  const anchoImpreso = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(anchoImpreso).toBeLessThanOrEqual(688);
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 900, height: 1270 });
  const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
  const paginas = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  // Resumen + 5 objetivos (uno por página como mínimo) + físico-financiero + territorial.
  expect(paginas).toBeGreaterThanOrEqual(8);
  expect(paginas).toBeLessThanOrEqual(16);
  await page.screenshot({ path: path.join(DIR_CAPTURAS, "pmr-informe.png"), fullPage: false });
  if (DIR_DOCS) {
    await page.screenshot({
      path: path.resolve(RAIZ, DIR_DOCS, "informe.png"),
      clip: { x: 0, y: 0, width: 900, height: 1270 },
    });
  }
});
