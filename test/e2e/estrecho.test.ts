/*
 * El panel a 320 px (el ancho mínimo habitual de un panel de tareas de Excel), con el paquete de
 * producción y el Excel falso: en ninguna pestaña la página se desborda a lo ancho (solo las
 * tablas del Tablero pueden desplazarse dentro de su propia región), ningún botón o campo se
 * sale del panel, los textos largos se parten en vez de cortarse y axe-core no encuentra
 * violaciones. Deja capturas en /tmp (PMR_CAPTURAS) para mirarlas.
 */
import axe from "axe-core";
import * as path from "path";
import type { Page } from "playwright-core";
import { abrirPanelConExcelFalso, type PaginaAislada, type PanelConExcelFalso } from "./entorno";
import { definicionLibroFlujo } from "./libro-flujo";

jest.setTimeout(120_000);

const ANCHO = 320;
const DIR_CAPTURAS = process.env.PMR_CAPTURAS ?? "/tmp";

let panel: PanelConExcelFalso;
let pagina: PaginaAislada;
let page: Page;

interface Desborde {
  /** Ancho desplazable del documento frente al visible. */
  documento: { scrollWidth: number; clientWidth: number };
  /** Elementos visibles (fuera de las regiones desplazables de las tablas) que pasan del borde derecho. */
  fuera: string[];
}

/** Mide si algo se sale del panel a lo ancho. */
function medirDesborde(): Promise<Desborde> {
  return page.evaluate(() => {
    const raiz = document.scrollingElement ?? document.documentElement;
    const ancho = raiz.clientWidth;
    const fuera: string[] = [];
    for (const el of Array.from(
      document.querySelectorAll<HTMLElement>("button, input, select, h1, h2, h3, p, label"),
    )) {
      // Las tablas del Tablero tienen su propia región desplazable (role="region", tabindex=0).
      if (el.closest('[role="region"]')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right > ancho + 0.5 || r.left < -0.5) {
        fuera.push(
          `${el.tagName.toLowerCase()} «${(el.textContent ?? "").trim().slice(0, 40)}» ${Math.round(r.left)}–${Math.round(r.right)}`,
        );
      }
    }
    return { documento: { scrollWidth: raiz.scrollWidth, clientWidth: ancho }, fuera };
  });
}

async function irAPestana(nombre: string): Promise<void> {
  await page.getByRole("tab", { name: nombre }).click();
  await page.getByRole("tabpanel").waitFor({ state: "visible" });
}

/** Violaciones de axe-core (sin los elementos guía de tabster, como en flujo.test.ts). */
function violacionesAxe(): Promise<{ id: string; nodos: string[] }[]> {
  return page.evaluate(async () => {
    const r = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ["violations"] });
    return r.violations
      .map((v) => ({
        id: v.id,
        nodos: v.nodes
          .filter((n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy")))
          .map((n) => n.target.join(" ")),
      }))
      .filter((v) => v.nodos.length > 0);
  });
}

async function comprobar(nombre: string): Promise<void> {
  await page.screenshot({ path: path.join(DIR_CAPTURAS, `pmr-panel-${ANCHO}-${nombre}.png`), fullPage: true });
  const d = await medirDesborde();
  expect(d.fuera).toEqual([]);
  expect(d.documento.scrollWidth).toBeLessThanOrEqual(d.documento.clientWidth);
  // Angosto no debe traer problemas de accesibilidad (p. ej. una región desplazable sin foco).
  expect(await violacionesAxe()).toEqual([]);
}

beforeAll(async () => {
  panel = await abrirPanelConExcelFalso(definicionLibroFlujo(), { ancho: ANCHO, alto: 700, axe: true });
  pagina = panel.pagina;
  page = panel.page;
});

afterAll(async () => {
  await panel?.cerrar();
});

describe(`panel a ${ANCHO} px de ancho`, () => {
  test("Resumen antes y después de validar", async () => {
    await comprobar("inicio");
    await page.getByRole("button", { name: "Validar PMR" }).click();
    await page.getByRole("heading", { name: "Resultado de la validación" }).waitFor();
    await comprobar("resumen");
  });

  test("Hallazgos con filtros", async () => {
    await irAPestana("Hallazgos");
    await page.getByRole("list", { name: "Hallazgos de la validación" }).waitFor();
    await comprobar("hallazgos");
    await page.getByRole("group", { name: "Categoría" }).getByRole("button").first().click();
    await page.getByText(/^Mostrando /).waitFor();
    await comprobar("hallazgos-filtrados");
  });

  test("Tablero con un objetivo abierto: las tablas caben o se desplazan dentro de su región", async () => {
    await irAPestana("Tablero");
    await page.getByRole("button", { name: /^O1/ }).click();
    const region = page.getByRole("region", { name: "Indicadores del objetivo O1" });
    await region.waitFor();
    await comprobar("tablero");
    // Ninguna cifra de la tabla de indicadores queda escondida: la tabla cabe en su región.
    const { scrollWidth, clientWidth } = await region.evaluate((el) => ({
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });

  test("Configuración, también con errores en los campos", async () => {
    await irAPestana("Configuración");
    await page.getByRole("textbox", { name: "Rojo hasta" }).fill("abc");
    await page.getByRole("button", { name: "Guardar" }).click();
    await page.getByText("Escriba un número, por ejemplo 30 o 12,5.").waitFor();
    await comprobar("configuracion");
  });

  test("sin excepciones ni errores de consola", () => {
    expect(pagina.erroresDePagina.map((e) => e.message)).toEqual([]);
    expect(pagina.erroresDeConsola).toEqual([]);
  });
});
