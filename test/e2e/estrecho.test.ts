/*
 * El panel a 320 px (el ancho mínimo habitual de un panel de tareas de Excel), con el paquete de
 * producción y el Excel falso: en ninguna pestaña la página se desborda a lo ancho, ningún botón,
 * campo, cifra o gráfico se sale del panel (tampoco las tarjetas del Tablero), los textos largos
 * se parten en vez de cortarse y axe-core no encuentra violaciones. Deja capturas en /tmp
 * (PMR_CAPTURAS) para mirarlas.
 */
import axe from "axe-core";
import * as path from "path";
import type { Page } from "playwright-core";
import { abrirPanelConExcelFalso, medirFueraDelPanel, type PaginaAislada, type PanelConExcelFalso } from "./entorno";
import { definicionLibroFlujo } from "./libro-flujo";

jest.setTimeout(120_000);

const ANCHO = 320;
const DIR_CAPTURAS = process.env.PMR_CAPTURAS ?? "/tmp";

let panel: PanelConExcelFalso;
let pagina: PaginaAislada;
let page: Page;

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
  expect(await medirFueraDelPanel(page)).toEqual([]);
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
    await page.getByTestId("veredicto").waitFor();
    await comprobar("resumen");
  });

  test("Hallazgos con filtros", async () => {
    await irAPestana("Hallazgos");
    await page.getByRole("list", { name: "Hallazgos de la validación" }).waitFor();
    await comprobar("hallazgos");
    await page.getByRole("button", { name: /^Categorías: todas/ }).click();
    await page.getByRole("group", { name: "Categoría" }).getByRole("button").first().click();
    await page.getByText(/^Mostrando /).waitFor();
    await comprobar("hallazgos-filtrados");
    await page.getByRole("list", { name: "Hallazgos de la validación" }).getByRole("button").first().click();
    await page.getByTestId("detalle-hallazgo").waitFor();
    await comprobar("detalle");
    await page.keyboard.press("Escape");
  });

  test("Tablero con un objetivo abierto y un gráfico por mes: todo cabe en el panel", async () => {
    await irAPestana("Tablero");
    await page.getByRole("button", { name: /^O1/ }).click();
    await page.locator('[data-testid="indicador"]').first().getByRole("button", { name: "Ver por mes" }).click();
    await page.getByTestId("grafico-mensual").waitFor();
    await comprobar("tablero");
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
