/*
 * Una lista larga de hallazgos (miles) en el panel de producción con el Excel falso: la lista
 * es virtual (solo se pintan las filas visibles), Fin lleva al último hallazgo y filtrar sigue
 * respondiendo. Las cifras de tiempo se imprimen; no se afirman (no son pruebas de rendimiento).
 */
import type { Page } from "playwright-core";
import { CONFIGURACION_POR_DEFECTO } from "../../src/domain/configuracion";
import { validarLibro } from "../../src/casos/validar";
import { filasDeLista } from "../../src/taskpane/logica";
import { grillaPmr } from "../../src/workbook/plantilla";
import type { DefinicionLibroFalso } from "../fakes/excel-falso";
import { filasPmr } from "../hosts/excel/generador-pmr";
import { abrirPanelConExcelFalso, type PaginaAislada, type PanelConExcelFalso } from "./entorno";

jest.setTimeout(180_000);

const INDICADORES = 1500;

let panel: PanelConExcelFalso;
let pagina: PaginaAislada;
let page: Page;

// Sin avance cualitativo: cada mes reportado da un hallazgo (miles en total).
const grilla = grillaPmr(filasPmr(INDICADORES).map((f) => ({ ...f, cualitativo: null })));
const esperado = validarLibro({ hojas: [grilla] }, CONFIGURACION_POR_DEFECTO);
const definicion: DefinicionLibroFalso = { hojas: [{ nombre: grilla.nombre, valores: grilla.valores }] };

beforeAll(async () => {
  panel = await abrirPanelConExcelFalso(definicion, { espera: 30_000 });
  pagina = panel.pagina;
  page = panel.page;
});

afterAll(async () => {
  await panel?.cerrar();
});

test("miles de hallazgos: lista virtual, Fin va al último y el filtro responde", async () => {
  expect(esperado.hallazgos.length).toBeGreaterThan(5000);
  const total = esperado.hallazgos.length.toLocaleString("es-CO");

  let t = Date.now();
  await page.getByRole("button", { name: "Validar PMR" }).click();
  await page.getByTestId("veredicto").waitFor();
  const msValidar = Date.now() - t;

  t = Date.now();
  await page.getByRole("tab", { name: "Hallazgos" }).click();
  const lista = page.getByRole("list", { name: "Hallazgos de la validación" });
  await lista.waitFor();
  await page.getByText(`${total} hallazgos`, { exact: true }).waitFor();
  const msAbrirLista = Date.now() - t;

  // Solo una ventana de filas está en el DOM, aunque aria-setsize dice cuántas hay.
  const pintadas = await lista.getByRole("listitem").count();
  expect(pintadas).toBeGreaterThan(3);
  expect(pintadas).toBeLessThan(60);
  const filas = filasDeLista(esperado.hallazgos);
  await expect(lista.getByRole("listitem").first().getAttribute("aria-setsize")).resolves.toBe(String(filas.length));

  // Fin desde el primer hallazgo: el foco llega al último (que no estaba pintado).
  const ultimo = filas[filas.length - 1];
  if (ultimo.tipo !== "hallazgo") throw new Error("la última fila debería ser un hallazgo");
  const celdaUltimo = `${ultimo.hallazgo.hoja}!${ultimo.hallazgo.celda}`;
  await lista.getByRole("button").first().focus();
  t = Date.now();
  await page.keyboard.press("End");
  await page.waitForFunction((c) => document.activeElement?.textContent?.includes(c) ?? false, celdaUltimo);
  const msFin = Date.now() - t;
  expect(await lista.getByRole("listitem").count()).toBeLessThan(60);
  await page.keyboard.press("Enter");
  await page.waitForFunction(
    ([hoja, celda]) => {
      const s = (
        window as unknown as { pmrFalso: { libro: { seleccion(): { hoja: string; direccion: string } } } }
      ).pmrFalso.libro.seleccion();
      return s.hoja === hoja && s.direccion === celda;
    },
    [ultimo.hallazgo.hoja, ultimo.hallazgo.celda.split(":")[0]],
  );
  // Intro abrió el detalle del último («Hallazgo N de N»); Escape vuelve a la lista, con el foco en él.
  await page.getByTestId("posicion-hallazgo").getByText(`Hallazgo ${total} de ${total}`).waitFor();
  await page.keyboard.press("Escape");
  await page.waitForFunction((c) => document.activeElement?.textContent?.includes(c) ?? false, celdaUltimo);
  expect(await lista.getByRole("listitem").count()).toBeLessThan(60);

  // Filtrar por texto: el conteo cambia y la lista sigue siendo virtual.
  const buscado = esperado.hallazgos.find((h) => h.regla === "EST-VALOR-ILEGIBLE");
  expect(buscado).toBeDefined();
  const coinciden = esperado.hallazgos.filter((h) => h.regla === "EST-VALOR-ILEGIBLE").length;
  t = Date.now();
  await page.getByRole("searchbox").fill("est-valor-ilegible");
  await page.getByText(`Mostrando ${coinciden.toLocaleString("es-CO")} de ${total} hallazgos`).waitFor();
  const msFiltrar = Date.now() - t;
  expect(await lista.getByRole("listitem").count()).toBeLessThan(60);

  // Teclado: la lista es una sola parada de Tab (aunque tenga miles de botones) y recuerda dónde
  // estaba el foco al volver con Mayús+Tab.
  const foco = () =>
    page.evaluate(() => {
      const a = document.activeElement;
      return {
        enLista: a?.closest('[role="list"]') !== null && a?.closest('[role="list"]') !== undefined,
        fila: a?.closest("[data-index]")?.getAttribute("data-index") ?? null,
        tag: a?.tagName ?? "",
      };
    });
  const esperarFila = (fila: number) =>
    page.waitForFunction(
      (f) => document.activeElement?.closest("[data-index]")?.getAttribute("data-index") === String(f),
      fila,
    );
  // Índices (en la lista plana) de las filas que son hallazgos: la 0 es el encabezado de un grupo.
  const filasHallazgo = filas.flatMap((f, i) => (f.tipo === "hallazgo" ? [i] : []));
  await page.getByRole("button", { name: "Limpiar filtros" }).click();
  await page.getByText(`${total} hallazgos`, { exact: true }).waitFor();
  // La lista quedó desplazada (Fin): arriba del todo, Tab entra por el primer hallazgo.
  await page.getByTestId("lista-hallazgos").evaluate((el) => el.scrollTo({ top: 0 }));
  await lista.locator(`[data-index="${filasHallazgo[0]}"]`).waitFor();
  // El último control antes de la lista es «Exportar hallazgos» (después del buscador).
  await page.getByRole("button", { name: "Exportar hallazgos" }).focus();
  await page.keyboard.press("Tab");
  await expect(foco()).resolves.toEqual({ enLista: true, fila: String(filasHallazgo[0]), tag: "BUTTON" });
  await expect(
    lista.locator("button").evaluateAll((bs) => bs.filter((b) => (b as HTMLElement).tabIndex === 0).length),
  ).resolves.toBe(1);
  await page.keyboard.press("ArrowDown");
  await esperarFila(filasHallazgo[1]);
  await page.keyboard.press("ArrowDown");
  await esperarFila(filasHallazgo[2]);
  await page.keyboard.press("Tab");
  expect((await foco()).enLista).toBe(false);
  await page.keyboard.press("Shift+Tab");
  await esperarFila(filasHallazgo[2]);

  console.log(
    `Panel con ${total} hallazgos (${INDICADORES} indicadores): validar ${msValidar} ms, abrir la lista ${msAbrirLista} ms, ` +
      `Fin ${msFin} ms, filtrar ${msFiltrar} ms; filas en el DOM: ${pintadas}.`,
  );
  expect(pagina.erroresDePagina.map((e) => e.message)).toEqual([]);
});
