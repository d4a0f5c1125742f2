/*
 * La sección «Cierre» del panel (paquete de producción en Chromium, Excel falso, 350 px): sellar
 * junio con una nota, ver el sello y qué cubre, y después de que alguien cambie un valor de junio,
 * «Validar PMR» lo informa con el valor sellado y el actual y resalta la celda. axe-core sin
 * violaciones en la pestaña Configuración con la sección.
 */
import axe from "axe-core";
import * as path from "path";
import type { Page } from "playwright-core";
import { abrirPanelConExcelFalso, medirFueraDelPanel, type PanelConExcelFalso } from "./entorno";
import type { PmrFalso } from "./instalador-falso";
import { definicionLibroEjemplo } from "./libro-ejemplo";

jest.setTimeout(120_000);

type Ventana = { pmrFalso: PmrFalso; axe: typeof axe };
let panel: PanelConExcelFalso;
let page: Page;

beforeAll(async () => {
  panel = await abrirPanelConExcelFalso(await definicionLibroEjemplo(), { axe: true, espera: 30_000 });
  page = panel.page;
  await page.addStyleTag({ content: "*, *::before, *::after { transition: none !important; }" });
});

afterAll(async () => {
  await panel?.cerrar();
});

async function irAPestana(nombre: string): Promise<void> {
  await page.getByRole("tab", { name: nombre }).click();
  await page.getByRole("tabpanel").waitFor({ state: "visible" });
}

test("sellar junio desde el panel: dice cuántos errores tenía el libro y lista el sello", async () => {
  await irAPestana("Configuración");
  const seccion = page.getByTestId("cierre");
  await seccion.getByRole("heading", { name: "Cierre" }).waitFor({ state: "visible" });
  await seccion.getByText("El libro todavía no tiene sellos.").waitFor();
  await page.getByTestId("cierre-mes").selectOption("6");
  await page.getByTestId("cierre-nota").fill("Cierre del primer semestre");
  await page.getByRole("button", { name: "Sellar enero a junio" }).click();
  const resultado = page.getByTestId("cierre-resultado");
  await resultado
    .getByText("Se sellaron los meses de enero a junio de 2025 de 30 indicadores.", { exact: false })
    .waitFor();
  expect(await resultado.textContent()).toMatch(/El libro tenía \d+ errores al sellar/);
  const lista = page.getByTestId("cierre-sellos");
  await lista.getByText("Junio de 2025").waitFor();
  expect(await lista.textContent()).toContain("Nota: Cierre del primer semestre");
  expect(await lista.textContent()).toContain("de 30 indicadores");
  // Quedó en el libro (partes XML del Excel falso).
  const partes = await page.evaluate(() => (window as unknown as Ventana).pmrFalso.libro.guardar().partesXml ?? []);
  expect(partes.some((p) => p.xml.includes('nombre="sellos"'))).toBe(true);
  expect(await medirFueraDelPanel(page)).toEqual([]);
  await page.screenshot({
    path: path.join(process.env.PMR_CAPTURAS ?? "/tmp", "pmr-panel-cierre.png"),
    fullPage: true,
  });

  const violaciones = await page.evaluate(async () => {
    const r = await (window as unknown as Ventana).axe.run(document, { resultTypes: ["violations"] });
    return r.violations
      .map((v) => ({
        id: v.id,
        nodos: v.nodes
          .filter((n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy")))
          .map((n) => n.target.join(" ")),
      }))
      .filter((v) => v.nodos.length > 0);
  });
  expect(violaciones).toEqual([]);
});

test("un valor de junio cambiado después del sello: «Validar PMR» lo informa y resalta la celda", async () => {
  // Alguien escribe 9999 en AG7 (ejecutado de junio de la fila 7; antes 2150).
  await page.evaluate(() => (window as unknown as Ventana).pmrFalso.libro.hojaPorClave("PMR")!.ponerValor(6, 32, 9999));
  await irAPestana("Resumen");
  await page.getByRole("button", { name: "Validar PMR" }).click();
  await page.getByTestId("veredicto").waitFor({ state: "visible" });
  await irAPestana("Hallazgos");
  // La lista muestra lo que cabe: se busca el hallazgo por su celda.
  await page.getByPlaceholder("Buscar: texto, regla, hoja o celda").fill("AG7");
  await page.getByText("valor sellado 2.150,00, valor actual 9.999,00", { exact: false }).first().waitFor();
  const resaltada = await page.evaluate(
    () => (window as unknown as Ventana).pmrFalso.condicionalesEn("PMR", "AG7").length,
  );
  expect(resaltada).toBeGreaterThan(0);
});
