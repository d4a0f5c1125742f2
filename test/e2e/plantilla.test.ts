/*
 * «Plantilla y normalización» con el paquete de producción en Chromium y el Excel falso: crear
 * la plantilla desde el panel (hojas nuevas, las del usuario intactas), la pregunta antes de
 * reemplazar (cancelar no cambia nada), el botón «Crear plantilla» de la cinta, normalizar el
 * libro y axe-core sobre la sección y el diálogo. Esperas por estado, nunca por tiempo.
 */
import axe from "axe-core";
import * as path from "path";
import type { Page } from "playwright-core";
import { abrirPanelConExcelFalso, medirFueraDelPanel, type PanelConExcelFalso } from "./entorno";
import type { PmrFalso } from "./instalador-falso";
import { definicionLibroFlujo } from "./libro-flujo";

jest.setTimeout(120_000);

type Ventana = { pmrFalso: PmrFalso };
const DIR_CAPTURAS = process.env.PMR_CAPTURAS ?? "/tmp";

let panel: PanelConExcelFalso;
let page: Page;

const hojas = () => page.evaluate(() => (window as unknown as Ventana).pmrFalso.nombresHojas());
const escritura = (nombre: string) =>
  page.evaluate((n) => (window as unknown as Ventana).pmrFalso.escritura(n), nombre);
const celdas = (nombre: string) =>
  page.evaluate((n) => (window as unknown as Ventana).pmrFalso.hoja(n).celdas.valores, nombre);
const aviso = () => page.getByTestId("aviso-plantilla");

async function esperarAviso(texto: RegExp): Promise<string> {
  await aviso().filter({ hasText: texto }).waitFor();
  return (await aviso().textContent()) ?? "";
}

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

beforeAll(async () => {
  panel = await abrirPanelConExcelFalso(definicionLibroFlujo(), { ancho: 320, alto: 760, axe: true });
  page = panel.page;
});

afterAll(async () => {
  await panel?.cerrar();
});

describe("plantilla y normalización en el panel", () => {
  let originalPmr: Record<string, unknown>;

  test("la sección está en Configuración, cabe a 320 px y no tiene problemas de accesibilidad", async () => {
    originalPmr = await celdas("PMR");
    await page.getByRole("tab", { name: "Configuración" }).click();
    await page.getByRole("heading", { name: "Plantilla y normalización" }).waitFor();
    await page.getByTestId("plantilla").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(DIR_CAPTURAS, "pmr-panel-320-plantilla.png"), fullPage: true });
    expect(await medirFueraDelPanel(page)).toEqual([]);
    expect(await violacionesAxe()).toEqual([]);
  });

  test("una vigencia que no es un año no deja crear la plantilla", async () => {
    await page.getByTestId("vigencia-plantilla").fill("26");
    await page.getByText("Escriba un año de cuatro cifras").waitFor();
    expect(await page.getByTestId("crear-plantilla").getAttribute("aria-disabled")).toBe("true");
    await page.getByTestId("vigencia-plantilla").fill("2026");
    await page.getByText("Escriba un año de cuatro cifras").waitFor({ state: "detached" });
  });

  test("crear la plantilla agrega las hojas; las del usuario quedan intactas", async () => {
    const antes = await hojas();
    await page.getByTestId("crear-plantilla").click();
    const texto = await esperarAviso(/Se agregaron las hojas/);
    const despues = await hojas();
    expect(despues.slice(0, antes.length)).toEqual(antes);
    // El libro ya tenía PMR y PMR_Presupuesto del usuario: las de la plantilla van con «(2)».
    expect(despues.slice(antes.length)).toEqual(["PMR (2)", "PMR_Presupuesto (2)", "PMR_Territorial"]);
    expect(texto).toContain("«PMR (2)»");
    expect(await celdas("PMR")).toEqual(originalPmr);
    const e = await escritura("PMR (2)");
    expect(e.tablas.map((t) => t.nombre)).toEqual(["PlantillaPMR"]);
    expect(e.inmovilizadas).toEqual({ filas: 1, columnas: 0 });
    const tendencia = e.validaciones.find((v) =>
      JSON.stringify(v.regla).includes("Suma,Creciente,Constante,Decreciente"),
    )!;
    expect(tendencia.alertaError).toMatchObject({ style: "Stop", title: "Tendencia no válida" });
    expect(tendencia.alertaError!.message).toContain("«Sumatoria»");
    const vigencia = e.validaciones.find((v) => JSON.stringify(v.regla).includes("2026"));
    expect(vigencia?.regla).toEqual({ wholeNumber: { operator: "Between", formula1: 2026, formula2: 2026 } });
    expect(Object.values(e.formulas).some((f) => f.includes("PMR.AVANCE("))).toBe(true);
  });

  test("la segunda vez pregunta antes de reemplazar: Cancelar no cambia nada, Reemplazar sí", async () => {
    const antes = await hojas();
    await page.getByTestId("crear-plantilla").click();
    const dialogo = page.getByRole("alertdialog");
    await dialogo.getByText("¿Reemplazar las hojas?").waitFor();
    expect(await dialogo.textContent()).toContain("«PMR (2)»");
    expect(await violacionesAxe()).toEqual([]);
    await page.getByTestId("cancelar-reemplazo").click();
    await esperarAviso(/No se reemplazaron las hojas/);
    expect(await hojas()).toEqual(antes);
    await page.getByTestId("crear-plantilla").click();
    await page.getByTestId("confirmar-reemplazo").click();
    await esperarAviso(/Se agregaron las hojas/);
    expect(await hojas()).toEqual(antes);
  });

  test("el botón «Crear plantilla» de la cinta abre el panel en Configuración y crea la plantilla", async () => {
    await page.getByRole("tab", { name: "Resumen" }).click();
    await page.getByRole("heading", { name: "Plantilla y normalización" }).waitFor({ state: "detached" });
    const r = await page.evaluate(() => (window as unknown as Ventana).pmrFalso.pulsarBoton("crearPlantillaPmr"));
    expect(r.completado).toBe(1);
    await page.getByRole("heading", { name: "Plantilla y normalización" }).waitFor();
    // Ya hay plantilla: pregunta antes de reemplazar.
    await page.getByTestId("confirmar-reemplazo").click();
    await esperarAviso(/Se agregaron las hojas/);
  });

  test("normalizar escribe el conjunto de hojas nuevo y la Correspondencia", async () => {
    await page.getByTestId("normalizar").click();
    const texto = await esperarAviso(/Correspondencia/);
    expect(texto).toContain("«PMR_Normalizado»");
    const nombres = await hojas();
    expect(nombres).toEqual(
      expect.arrayContaining(["PMR_Normalizado", "PMR_Presupuesto_Normalizado", "Correspondencia"]),
    );
    expect(await celdas("PMR")).toEqual(originalPmr);
    const normalizado = await celdas("PMR_Normalizado");
    expect(normalizado.A1).toBe("Código objetivo");
    expect(normalizado.A2).toBe(originalPmr.A4);
  });
});
