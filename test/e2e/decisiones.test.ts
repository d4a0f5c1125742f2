/*
 * Decidir un hallazgo con el teclado en el panel de producción (Chromium) con el libro de ejemplo
 * en el Excel falso: Justificado exige nota, al guardar el hallazgo sale de los abiertos (veredicto,
 * conteos y resaltado), queda en el libro (partes XML) y sigue justificado al cerrar y abrir el
 * libro. «Mostrar cerrados», el filtro por decisión y el historial.
 */
import axe from "axe-core";
import type { Page } from "playwright-core";
import { CONFIGURACION_POR_DEFECTO } from "../../src/domain/configuracion";
import { validarLibro, type InformeValidacion } from "../../src/casos/validar";
import type { DefinicionLibroFalso } from "../fakes/excel-falso";
import { abrirPanelConExcelFalso, type PanelConExcelFalso } from "./entorno";
import type { PmrFalso } from "./instalador-falso";
import { definicionDeGrillas, grillasEjemplo } from "./libro-ejemplo";

jest.setTimeout(240_000);

type Ventana = { pmrFalso: PmrFalso };

let definicion: DefinicionLibroFalso;
let esperado: InformeValidacion;

beforeAll(async () => {
  const grillas = await grillasEjemplo();
  definicion = definicionDeGrillas(grillas);
  esperado = validarLibro(grillas, CONFIGURACION_POR_DEFECTO);
});

async function violacionesAxe(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const r = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ["violations"] });
    return r.violations.flatMap((v) =>
      v.nodes
        .filter((n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy")))
        .map((n) => `${v.id}: ${n.target.join(" ")} ${n.failureSummary ?? ""}`),
    );
  });
}

const resaltadoEn = (page: Page, hoja: string, celda: string) =>
  page.evaluate(([h, c]) => (window as unknown as Ventana).pmrFalso.condicionalesEn(h, c).length, [hoja, celda]);

describe("decidir con el teclado", () => {
  let panel: PanelConExcelFalso;
  let page: Page;
  let guardado: DefinicionLibroFalso;

  beforeAll(async () => {
    panel = await abrirPanelConExcelFalso(definicion, { ancho: 350, alto: 760, axe: true, espera: 20_000 });
    page = panel.page;
    await page.addStyleTag({ content: "*, *::before, *::after { transition: none !important; }" });
  });
  afterAll(async () => {
    await panel?.cerrar();
  });

  test("Justificado con nota: el hallazgo deja de contar, de resaltarse y queda guardado en el libro", async () => {
    const errores = esperado.resumen.errores;
    const total = esperado.hallazgos.length;
    const primero = esperado.hallazgos[0];
    await page.getByRole("button", { name: "Validar PMR" }).click();
    await page.getByRole("heading", { name: `${errores} errores impiden entregar el PMR` }).waitFor();
    expect(await resaltadoEn(page, primero.hoja, primero.celda)).toBeGreaterThan(0);

    await page.getByRole("button", { name: "Revisar uno por uno" }).click();
    await page.getByTestId("posicion-hallazgo").getByText(`Hallazgo 1 de ${total}`).waitFor();
    await page
      .getByTestId("detalle-hallazgo")
      .getByRole("heading", { name: `${primero.hoja}!${primero.celda}` })
      .waitFor();
    await expect(page.getByTestId("decision-actual").textContent()).resolves.toBe("Pendiente");

    // Solo teclado: Tab hasta el grupo de opciones, flechas para elegir, Tab a la nota, Ctrl+Intro.
    const pendiente = page.getByRole("radio", { name: "Pendiente" });
    for (let i = 0; i < 30 && !(await pendiente.evaluate((e) => e === document.activeElement)); i++)
      await page.keyboard.press("Tab");
    await expect(pendiente.evaluate((e) => e === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("radio", { name: "Justificado" }).isChecked()).resolves.toBe(true);
    await page.keyboard.press("Tab");
    await page.keyboard.type("corta");
    await page.keyboard.press("Control+Enter");
    // La nota no alcanza: el error se dice junto al campo y no se guarda nada.
    await page.getByText("debe tener al menos 10 caracteres", { exact: false }).waitFor();
    expect(await page.evaluate(() => (window as unknown as Ventana).pmrFalso.libro.guardar().partesXml ?? [])).toEqual(
      [],
    );
    expect(await violacionesAxe(page)).toEqual([]);

    await page.keyboard.type(": el producto se entrega con el contrato 2025-114");
    await page.keyboard.press("Control+Enter");
    await page.getByTestId("aviso").getByText("Decisión guardada").waitFor();
    // Sale de los abiertos: el detalle sigue con el que ocupa su lugar.
    await page
      .getByTestId("posicion-hallazgo")
      .getByText(`Hallazgo 1 de ${total - 1}`)
      .waitFor();
    const segundo = esperado.hallazgos[1];
    await page
      .getByTestId("detalle-hallazgo")
      .getByRole("heading", { name: `${segundo.hoja}!${segundo.celda}` })
      .waitFor();
    await page.waitForFunction(
      ([h, c]) => (window as unknown as Ventana).pmrFalso.condicionalesEn(h, c).length === 0,
      [primero.hoja, primero.celda],
    );
    expect(await resaltadoEn(page, segundo.hoja, segundo.celda.split(":")[0])).toBeGreaterThan(0);

    guardado = await page.evaluate(() => (window as unknown as Ventana).pmrFalso.libro.guardar());
    const partes = guardado.partesXml ?? [];
    expect(partes.length).toBeGreaterThan(0);
    expect(partes.map((p) => p.xml).join("")).toContain(primero.clave);

    // El veredicto ya no cuenta el justificado.
    await page.getByRole("tab", { name: "Resumen" }).click();
    await page.getByRole("heading", { name: `${errores - 1} errores impiden entregar el PMR` }).waitFor();
  });

  test("«Mostrar cerrados», filtro por decisión e historial", async () => {
    const primero = esperado.hallazgos[0];
    await page.getByRole("tab", { name: "Hallazgos" }).click();
    await page.getByRole("button", { name: "← Volver a la lista" }).click();
    const lista = page.getByRole("list", { name: "Hallazgos de la validación" });
    await lista.waitFor();
    await expect(page.getByTestId("marca-decision").count()).resolves.toBe(0);
    await page.getByRole("switch", { name: "Mostrar cerrados (1)" }).click();
    await page.getByRole("button", { name: "Justificado (1)" }).click();
    await page.getByText(`1 de ${esperado.hallazgos.length} hallazgos`, { exact: false }).waitFor();
    await expect(page.getByTestId("marca-decision").textContent()).resolves.toBe("Justificado");
    await lista.getByRole("button", { name: new RegExp(`${primero.hoja}!${primero.celda}`) }).click();
    await page.getByText("Historial (1)").click();
    await page.getByTestId("historial-decision").getByText("sin nombre · Justificado", { exact: false }).waitFor();
    expect(await violacionesAxe(page)).toEqual([]);
  });

  test("cerrar y abrir el libro: sigue justificado", async () => {
    await panel.cerrar();
    panel = await abrirPanelConExcelFalso(guardado, { ancho: 350, alto: 760, espera: 20_000 });
    page = panel.page;
    await page.getByRole("button", { name: "Validar PMR" }).click();
    await page
      .getByRole("heading", { name: `${esperado.resumen.errores - 1} errores impiden entregar el PMR` })
      .waitFor();
  });
});
