/*
 * «Generar informe» y «Generar anexo» en el paquete de producción (Chromium headless) con el libro
 * de ejemplo en el Excel falso, a 350 px: desde el panel y desde el menú de la cinta; la pregunta
 * antes de reemplazar se responde en el panel; las hojas quedan con las cifras del motor; la
 * selección del usuario no cambia; axe-core sin violaciones y nada se sale del panel.
 * Necesita dist/ (npx webpack --mode production).
 */
import axe from "axe-core";
import type { Page } from "playwright-core";
import { CONFIGURACION_POR_DEFECTO } from "../../src/domain/configuracion";
import { validarLibro, type InformeValidacion } from "../../src/casos/validar";
import { abrirPanelConExcelFalso, medirFueraDelPanel, type PanelConExcelFalso } from "./entorno";
import type { PmrFalso } from "./instalador-falso";
import { definicionDeGrillas, grillasEjemplo } from "./libro-ejemplo";

jest.setTimeout(180_000);

type Ventana = { pmrFalso: PmrFalso };
type Manejador = (evento: { completed: () => void }) => Promise<void>;

let panel: PanelConExcelFalso;
let page: Page;
let esperado: InformeValidacion;

beforeAll(async () => {
  const grillas = await grillasEjemplo();
  esperado = validarLibro(grillas, CONFIGURACION_POR_DEFECTO);
  panel = await abrirPanelConExcelFalso(definicionDeGrillas(grillas), {
    ancho: 350,
    alto: 760,
    axe: true,
    espera: 30_000,
  });
  page = panel.page;
});
afterAll(async () => {
  await panel?.cerrar();
});

const hojas = () => page.evaluate(() => (window as unknown as Ventana).pmrFalso.libro.nombresHojas());
const seleccion = () => page.evaluate(() => (window as unknown as Ventana).pmrFalso.libro.seleccion());

async function violacionesAxe(): Promise<{ id: string; nodos: string[] }[]> {
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

/** Pulsa una opción del menú «Informe PMR» de la cinta como lo haría Excel. */
function pulsarCinta(funcion: string): Promise<number> {
  return page.evaluate(async (f) => {
    const libro = (window as unknown as Ventana).pmrFalso.libro;
    const manejador = libro.registro.asociaciones.get(f) as Manejador | undefined;
    if (!manejador) throw new Error(`${f} no está asociado`);
    let completado = 0;
    await manejador({ completed: () => completado++ });
    return completado;
  }, funcion);
}

test("el panel genera el informe en el libro: cuatro hojas nuevas con las cifras del motor; la selección no cambia", async () => {
  const antes = await seleccion();
  const seccion = page.getByTestId("seccion-informe");
  await seccion.getByRole("heading", { name: "Informe y anexo PMR" }).waitFor();
  await seccion.getByRole("button", { name: "Generar informe" }).click();
  const resultado = page.getByTestId("resultado-informe");
  await resultado.getByText("Informe generado").waitFor();
  expect(await hojas()).toEqual([
    "Instrucciones",
    "PMR",
    "PMR_Presupuesto",
    "PMR_Territorial",
    "Informe PMR",
    "Informe por objetivo",
    "Informe físico-financiero",
    "Informe territorial",
  ]);
  const cumplimientos = await page.evaluate(() => {
    const libro = (window as unknown as Ventana).pmrFalso.libro;
    const r: unknown[] = [];
    for (let f = 1; f < 40; f++)
      if (/^O\d$/.test(String(libro.valor("Informe PMR", `A${f}`)))) r.push(libro.valor("Informe PMR", `D${f}`));
    return r;
  });
  expect(cumplimientos).toEqual(esperado.evaluacion.objetivos.map((o) => o.cumplimiento));
  expect(await seleccion()).toEqual(antes);
  expect(await violacionesAxe()).toEqual([]);
  expect(await medirFueraDelPanel(page)).toEqual([]);
});

test("la cinta: «Generar informe» pregunta en el panel antes de reemplazar; «Cancelar» no escribe nada", async () => {
  const completado = pulsarCinta("generarInformePmr");
  const pregunta = page.getByTestId("pregunta-reemplazo");
  await pregunta.waitFor();
  await expect(pregunta.textContent()).resolves.toContain("«Informe PMR», «Informe por objetivo»");
  expect(await violacionesAxe()).toEqual([]);
  await pregunta.getByRole("button", { name: "Cancelar" }).click();
  await page.getByTestId("resultado-informe").getByText("Sin cambios").waitFor();
  expect(await completado).toBe(1);
  expect((await hojas()).filter((h) => h.startsWith("Informe"))).toHaveLength(4);
});

test("«Reemplazar» reemplaza solo las hojas del informe; el anexo va en su propia hoja", async () => {
  await page.getByTestId("seccion-informe").getByRole("button", { name: "Generar informe" }).click();
  const pregunta = page.getByTestId("pregunta-reemplazo");
  await pregunta.getByRole("button", { name: "Reemplazar" }).click();
  await page.getByTestId("resultado-informe").getByText("(reemplazan las anteriores)", { exact: false }).waitFor();
  expect(await pulsarCinta("generarAnexoPmr")).toBe(1);
  await page.getByTestId("resultado-informe").getByText("Anexo generado").waitFor();
  expect((await hojas()).slice(-5)).toEqual([
    "Informe PMR",
    "Informe por objetivo",
    "Informe físico-financiero",
    "Informe territorial",
    "Anexo PMR",
  ]);
});
