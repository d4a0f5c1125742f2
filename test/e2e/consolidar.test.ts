/*
 * Consolidar en el panel (PMR-SPEC §6.6) con el paquete de producción en Chromium y el Excel falso:
 * elegir tres libros .xlsx (el ejemplo partido por objetivo) y uno dañado → progreso por archivo →
 * hojas consolidadas escritas en el libro → hallazgos de Consolidación; consolidar otra vez
 * pregunta antes de reemplazar (Cancelar no escribe nada; Reemplazar sí); arrastrar y soltar
 * también agrega archivos. El lector de .xlsx llega en un paquete aparte solo al consolidar.
 */
import type { Page } from "playwright-core";
import { consolidar, type InformeConsolidacion } from "../../src/casos/consolidar";
import { CLAVE_CONFIGURACION } from "../../src/domain/configuracion";
import { leerArchivoXlsx } from "../../src/hosts/xlsx";
import { MENSAJES_CONSOLIDAR } from "../../src/taskpane/mensajesConsolidar";
import { partirEjemplo, xlsxDe } from "../casos/particion";
import { abrirPanelConExcelFalso, type PanelConExcelFalso } from "./entorno";
import type { PmrFalso } from "./instalador-falso";

jest.setTimeout(180_000);

type Ventana = { pmrFalso: PmrFalso };
const NOMBRES = ["a-alimentacion.xlsx", "b-inclusion.xlsx", "c-vejez.xlsx"];

let panel: PanelConExcelFalso;
let page: Page;
let archivos: { name: string; mimeType: string; buffer: Buffer }[];
const pedidos: string[] = [];
/** La configuración que el analista guardó en el libro abierto: corte en marzo. */
const CONFIGURACION_DEL_LIBRO = { corte: 3 };
/** Lo que da la consolidación en Node con esa configuración (y sin ella). */
let conConfiguracion: InformeConsolidacion;
let sinConfiguracion: InformeConsolidacion;

beforeAll(async () => {
  const p = await partirEjemplo([["O1", "O2"], ["O3", "O4"], ["O5"]], NOMBRES);
  const mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  archivos = [];
  for (const parte of p.partes)
    archivos.push({ name: parte.nombre, mimeType: mime, buffer: await xlsxDe(parte.libro) });
  archivos.push({ name: "d-danado.xlsx", mimeType: mime, buffer: Buffer.from("no es un libro") });
  const fuentes = archivos.map((a) => ({
    nombre: a.name,
    leer: () => leerArchivoXlsx(a.buffer, { nombre: a.name, hojas: "necesarias" }),
  }));
  conConfiguracion = await consolidar(fuentes, { pedida: CONFIGURACION_DEL_LIBRO });
  sinConfiguracion = await consolidar(fuentes);
  // El libro abierto: una hoja del analista que no se debe tocar, y su configuración guardada.
  panel = await abrirPanelConExcelFalso(
    {
      hojas: [{ nombre: "Notas", valores: [["Mis notas"]] }],
      ajustes: { [CLAVE_CONFIGURACION]: JSON.stringify(CONFIGURACION_DEL_LIBRO) },
    },
    { espera: 60_000 },
  );
  page = panel.page;
  page.on("request", (r) => pedidos.push(r.url()));
});
afterAll(async () => {
  await panel?.cerrar();
});

const valores = (hoja: string) =>
  page.evaluate((h) => (window as unknown as Ventana).pmrFalso.hoja(h).celdas.valores, hoja);
const nombresHojas = () => page.evaluate(() => (window as unknown as Ventana).pmrFalso.libro.nombresHojas());

it("elegir archivos → progreso por archivo → hojas consolidadas escritas", async () => {
  const seccion = page.getByTestId("consolidar");
  await seccion.waitFor({ state: "visible" });
  // Antes de consolidar no se pidió el paquete del lector de .xlsx.
  expect(pedidos.filter((u) => /consolidacion/.test(u))).toEqual([]);

  await page.getByTestId("elegir-xlsx").setInputFiles(archivos);
  await page.getByRole("button", { name: "Consolidar 4 libros" }).click();
  const resultado = page.getByTestId("resultado-consolidar");
  await resultado.waitFor({ state: "visible" });
  expect(pedidos.filter((u) => /consolidacion/.test(u)).length).toBeGreaterThan(0);

  const lista = await page.getByTestId("archivos-consolidar").innerText();
  expect(lista).toContain("a-alimentacion.xlsx · Leído: 12 filas de indicadores");
  expect(lista).toContain("b-inclusion.xlsx · Leído: 12 filas de indicadores");
  expect(lista).toContain("c-vejez.xlsx · Leído: 6 filas de indicadores");
  expect(lista).toMatch(/d-danado\.xlsx · No se pudo leer: No se pudo leer «d-danado\.xlsx»/);
  expect(await resultado.innerText()).toContain(
    "Hojas escritas: «PMR consolidado», «Presupuesto consolidado», «Territorial consolidado».",
  );
  expect(await resultado.innerText()).toContain("3 libros leídos de 4");
  // Validado con la configuración de este libro (corte en marzo), no con la de cada gerente ni la
  // de fábrica: los conteos son los de la consolidación con esa configuración.
  const { errores, advertencias } = conConfiguracion.resumen;
  expect([errores, advertencias]).not.toEqual([
    sinConfiguracion.resumen.errores,
    sinConfiguracion.resumen.advertencias,
  ]);
  expect(await resultado.innerText()).toContain(MENSAJES_CONSOLIDAR.resumen(3, 4, errores, advertencias));

  expect(await nombresHojas()).toEqual([
    "Notas",
    "PMR consolidado",
    "Presupuesto consolidado",
    "Territorial consolidado",
  ]);
  const pmr = await valores("PMR consolidado");
  expect(pmr.A1).toBe("Código objetivo");
  // La fila 14 es la primera de O3: viene de la fila 6 de b-inclusion.xlsx.
  const encabezados = Object.entries(pmr)
    .filter(([k]) => /^[A-Z]+1$/.test(k))
    .map(([k, v]) => [k.replace(/1$/, ""), v] as const);
  const columna = (t: string) => encabezados.find(([, v]) => v === t)![0];
  expect([pmr.A14, pmr[`${columna("Archivo de origen")}14`], pmr[`${columna("Fila de origen")}14`]]).toEqual([
    "O3",
    "b-inclusion.xlsx",
    6,
  ]);
  expect(Object.keys(pmr).filter((k) => k.startsWith("A") && /^A\d+$/.test(k)).length).toBe(31);
  // La hoja del analista sigue igual.
  expect(await valores("Notas")).toEqual({ A1: "Mis notas" });

  const conflictos = await page.getByTestId("conflictos-consolidar").innerText();
  expect(conflictos).toContain("[d-danado.xlsx] El archivo «d-danado.xlsx» no se pudo leer");
});

it("consolidar otra vez pregunta antes de reemplazar: Cancelar no escribe, Reemplazar sí", async () => {
  // Solo los tres buenos esta vez.
  await page.getByRole("button", { name: "Quitar la lista" }).click();
  await page.getByTestId("elegir-xlsx").setInputFiles(archivos.slice(0, 3));
  await page.getByRole("button", { name: "Consolidar 3 libros" }).click();
  const pregunta = page.getByTestId("pregunta-consolidar");
  await pregunta.waitFor({ state: "visible" });
  expect(await pregunta.innerText()).toContain("«PMR consolidado»");
  await page.getByRole("button", { name: "Cancelar" }).click();
  const resultado = page.getByTestId("resultado-consolidar");
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="resultado-consolidar"]')?.textContent?.includes("No se escribió nada"),
  );
  expect(await resultado.innerText()).toContain("No se escribió nada");

  await page.getByRole("button", { name: "Consolidar 3 libros" }).click();
  await pregunta.waitFor({ state: "visible" });
  await page.getByRole("button", { name: "Reemplazar" }).click();
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="resultado-consolidar"]')?.textContent?.includes("Hojas escritas"),
  );
  expect(await nombresHojas()).toEqual([
    "Notas",
    "PMR consolidado",
    "Presupuesto consolidado",
    "Territorial consolidado",
  ]);
  expect(await page.getByTestId("conflictos-consolidar").innerText()).toContain("Sin conflictos entre los libros.");
});

it("arrastrar y soltar agrega los .xlsx (y dice cuántos no lo son)", async () => {
  await page.getByRole("button", { name: "Quitar la lista" }).click();
  const datos = [
    { nombre: NOMBRES[0], base64: archivos[0].buffer.toString("base64") },
    { nombre: "leame.txt", base64: Buffer.from("hola").toString("base64") },
  ];
  await page.evaluate((lista) => {
    const dt = new DataTransfer();
    for (const a of lista) {
      const bytes = Uint8Array.from(atob(a.base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], a.nombre));
    }
    const zona = document.querySelector('[data-testid="zona-consolidar"]')!;
    zona.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
    zona.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, datos);
  await page.getByRole("button", { name: "Consolidar 1 libro" }).waitFor({ state: "visible" });
  expect(await page.getByTestId("archivos-consolidar").innerText()).toBe(NOMBRES[0]);
  expect(await page.getByTestId("consolidar").innerText()).toContain("1 archivo no es .xlsx y no se agregó.");
});
