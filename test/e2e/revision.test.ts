/*
 * El panel como lugar de trabajo, con el libro de ejemplo (ejemplos/pmr-ejemplo.xlsx) en el Excel
 * falso y el paquete de producción en Chromium, como lo usaría un analista a 350 × 560 px:
 *
 * - recorrer todos los hallazgos con Anterior / Siguiente (con el teclado), cada uno en su celda
 *   y con su valor, lo esperado y cómo corregir;
 * - el veredicto, el Tablero con cuentas de hallazgos y «Dato con errores», los gráficos;
 * - cada defecto visto al probarlo (numerados como en la revisión del panel) con su comprobación;
 * - «Validar mientras escribe»: una celda escrita actualiza hallazgos y resaltado;
 * - axe-core sin violaciones en cada pestaña a 320, 350 y 500 px, y nada se sale a 320 px.
 *
 * Con PMR_CAPTURAS_DOCS=docs/img guarda las capturas del README (cada pestaña a 350 px).
 */
import axe from "axe-core";
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { CONFIGURACION_POR_DEFECTO } from "../../src/domain/configuracion";
import { validarLibro, type InformeValidacion } from "../../src/casos/validar";
import { COLORES_RESALTADO } from "../../src/hosts/excel/resaltado";
import { metaDeRegla } from "../../src/taskpane/vinculos";
import type { DefinicionLibroFalso } from "../fakes/excel-falso";
import { abrirPanelConExcelFalso, medirFueraDelPanel, RAIZ, type PanelConExcelFalso } from "./entorno";
import type { PmrFalso } from "./instalador-falso";
import { definicionDeGrillas, grillasEjemplo } from "./libro-ejemplo";

jest.setTimeout(180_000);

type Ventana = { pmrFalso: PmrFalso };
const DOCS = process.env.PMR_CAPTURAS_DOCS ? path.resolve(RAIZ, process.env.PMR_CAPTURAS_DOCS) : null;

let definicion: DefinicionLibroFalso;
let esperado: InformeValidacion;

beforeAll(async () => {
  const grillas = await grillasEjemplo();
  definicion = definicionDeGrillas(grillas);
  esperado = validarLibro(grillas, CONFIGURACION_POR_DEFECTO);
});

async function violacionesAxe(page: Page): Promise<{ id: string; nodos: string[] }[]> {
  return page.evaluate(async () => {
    const r = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ["violations"] });
    return r.violations
      .map((v) => ({
        id: v.id,
        // Falso positivo conocido de Fluent UI v9 (ver flujo.test.ts): los elementos guía de tabster.
        nodos: v.nodes
          .filter((n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy")))
          .map((n) => `${n.target.join(" ")} ${n.html.slice(0, 200)} ${n.failureSummary ?? ""}`),
      }))
      .filter((v) => v.nodos.length > 0);
  });
}

const ir = (page: Page, pestana: string) => page.getByRole("tab", { name: pestana }).click();
const seleccion = (page: Page) => page.evaluate(() => (window as unknown as Ventana).pmrFalso.libro.seleccion());
const scrollPanel = (page: Page) => page.getByTestId("panel-pestana").evaluate((el) => el.scrollTop);

async function capturar(page: Page, nombre: string): Promise<void> {
  if (!DOCS) return;
  fs.mkdirSync(DOCS, { recursive: true });
  await page.screenshot({ path: path.join(DOCS, `panel-${nombre}.png`) });
}

describe("a 350 × 560 px con el libro de ejemplo", () => {
  let panel: PanelConExcelFalso;
  let page: Page;

  beforeAll(async () => {
    panel = await abrirPanelConExcelFalso(definicion, { ancho: 350, alto: 560, axe: true });
    page = panel.page;
    await page.addStyleTag({ content: "*, *::before, *::after { transition: none !important; }" });
  });
  afterAll(async () => {
    await panel?.cerrar();
  });

  test("defecto 4: antes de validar, «Quitar resaltado» no se ofrece", async () => {
    await page.getByText("Pulse «Validar PMR» para revisar el libro.", { exact: false }).waitFor();
    await expect(page.getByRole("button", { name: "Quitar resaltado" }).isDisabled()).resolves.toBe(true);
    expect(await violacionesAxe(page)).toEqual([]);
  });

  test("defecto 3: el veredicto va primero, en rojo, y nada dice «Listo»", async () => {
    await page.getByRole("button", { name: "Validar PMR" }).click();
    const veredicto = page.getByTestId("veredicto");
    await veredicto.waitFor();
    await expect(veredicto.getAttribute("data-tono")).resolves.toBe("error");
    await veredicto.getByRole("heading", { name: "7 errores impiden entregar el PMR" }).waitFor();
    await expect(page.getByText("Listo", { exact: false }).count()).resolves.toBe(0);
    await expect(page.getByTestId("aviso").count()).resolves.toBe(0);
    await expect(page.getByTestId("vigencia-corte").textContent()).resolves.toBe(
      "Vigencia 2025 (automática) · corte a septiembre (automático)",
    );
    await page.getByRole("list", { name: "Semáforo de los 5 objetivos" }).getByText("5 Verde").waitFor();
    // Categorías de la más grave a la menos: la primera fila es la de más errores.
    const primera = page.getByRole("table", { name: "Hallazgos por categoría" }).getByRole("row").nth(1);
    await primera.getByRole("button", { name: /^Ver Cadena de valor: 2 errores/ }).waitFor();
    await capturar(page, "resumen");
    expect(await violacionesAxe(page)).toEqual([]);
  });

  test("recorrer todos los hallazgos uno por uno con el teclado: cada uno en su celda, con cómo corregirlo", async () => {
    await page.getByRole("button", { name: "Revisar uno por uno" }).click();
    await expect(page.getByRole("tab", { name: "Hallazgos" }).getAttribute("aria-selected")).resolves.toBe("true");
    const total = esperado.hallazgos.length;
    const siguiente = page.getByRole("button", { name: "Siguiente" });
    for (let i = 0; i < total; i++) {
      const h = esperado.hallazgos[i];
      await page
        .getByTestId("posicion-hallazgo")
        .getByText(`Hallazgo ${i + 1} de ${total}`)
        .waitFor();
      await page
        .getByTestId("detalle-hallazgo")
        .getByRole("heading", { name: `${h.hoja}!${h.celda}` })
        .waitFor();
      await page.getByTestId("detalle-hallazgo").getByText(h.mensaje, { exact: true }).waitFor();
      await expect(page.getByTestId("como-corregir").textContent()).resolves.toBe(metaDeRegla(h.regla)?.comoCorregir);
      await expect(page.getByTestId("esperado").textContent()).resolves.toBe(metaDeRegla(h.regla)?.esperado);
      await page.waitForFunction(
        ([hoja, celda]) => {
          const s = (window as unknown as Ventana).pmrFalso.libro.seleccion();
          return s.hoja === hoja && s.direccion === celda;
        },
        [h.hoja, h.celda],
      );
      if (i === 2) await capturar(page, "detalle");
      if (i < total - 1) {
        await siguiente.focus();
        await page.keyboard.press("Enter");
      }
    }
    // En el último, «Siguiente» no sigue (no da la vuelta); «Anterior» vuelve.
    await expect(siguiente.getAttribute("aria-disabled")).resolves.toBe("true");
    const penultimo = esperado.hallazgos[total - 2];
    await page.getByRole("button", { name: "Anterior" }).focus();
    await page.keyboard.press(" ");
    await page
      .getByTestId("detalle-hallazgo")
      .getByRole("heading", { name: `${penultimo.hoja}!${penultimo.celda}` })
      .waitFor();
    expect(await violacionesAxe(page)).toEqual([]);
    // El valor de la celda: la tendencia tal como está escrita.
    const i32 = esperado.hallazgos.findIndex((h) => h.celda === "I32");
    await page.keyboard.press("Escape");
    await page.getByRole("list", { name: "Hallazgos de la validación" }).waitFor();
    await page
      .getByRole("list", { name: "Hallazgos de la validación" })
      .getByRole("button", { name: /PMR!I32/ })
      .click();
    await page
      .getByTestId("posicion-hallazgo")
      .getByText(`Hallazgo ${i32 + 1} de ${total}`)
      .waitFor();
    await expect(page.getByTestId("valor-actual").textContent()).resolves.toBe("«Sumatoria»");
    expect(await seleccion(page)).toEqual({ hoja: "PMR", direccion: "I32" });
    await page.getByRole("button", { name: /Volver a la lista/ }).click();
  });

  test("defectos 8 y 11: las categorías siguen a la severidad y la lista muestra varios hallazgos", async () => {
    const lista = page.getByRole("list", { name: "Hallazgos de la validación" });
    await lista.waitFor();
    await capturar(page, "hallazgos");
    // Defecto 11: sin aviso arriba y con la lista a la vista, a 350 × 560 se ven al menos 3 hallazgos.
    await expect(page.getByTestId("aviso").count()).resolves.toBe(0);
    const visibles = await page.evaluate(() => {
      const caja = document.querySelector('[data-testid="lista-hallazgos"]')!.getBoundingClientRect();
      return Array.from(document.querySelectorAll('[data-testid="lista-hallazgos"] [role="listitem"] button')).filter(
        (b) => {
          const r = b.getBoundingClientRect();
          return r.top >= caja.top - 1 && r.top + 40 <= caja.bottom;
        },
      ).length;
    });
    expect(visibles).toBeGreaterThanOrEqual(3);
    // Defecto 8: con «Errores» puesto, Seguimiento (sin errores) no se ofrece.
    await page.getByRole("button", { name: /^Errores \(7\)/ }).click();
    await page.getByRole("button", { name: /^Categorías: todas/ }).click();
    const grupo = page.getByRole("group", { name: "Categoría" });
    await grupo.getByRole("button", { name: /^Cadena de valor \(2\)/ }).waitFor();
    await expect(grupo.getByRole("button", { name: /^Seguimiento/ }).count()).resolves.toBe(0);
    for (const boton of await grupo.getByRole("button").all()) {
      await expect(boton.textContent()).resolves.not.toMatch(/\(0\)/);
    }
    expect(await violacionesAxe(page)).toEqual([]);
    await page.getByRole("button", { name: "Limpiar filtros" }).click();
  });

  test("Tablero, defectos 1 y 9: cuentas de hallazgos y «Dato con errores» en vez de un verde limpio", async () => {
    await ir(page, "Tablero");
    await page.getByRole("button", { name: /^O5/ }).waitFor();
    await capturar(page, "tablero");
    await page.getByRole("button", { name: /^O5/ }).click();
    const ip512 = page.locator('[data-testid="indicador"][data-codigo="IP5.1.2"]');
    await ip512.getByText("Dato con errores").waitFor();
    await ip512.getByText("Sin avance: la tendencia «Sumatoria» no es válida", { exact: false }).waitFor();
    await expect(ip512.getByText("Sin programación").count()).resolves.toBe(0);
    await ip512.getByRole("button", { name: "Ver 1 hallazgo del indicador IP5.1.2" }).waitFor();

    await page.getByRole("button", { name: /^O4/ }).click();
    const p41 = page.locator('[data-testid="producto"][data-codigo="P4.1"]');
    await p41.getByText("Dato con errores").waitFor();
    await expect(p41.locator('[data-color="success"]').count()).resolves.toBe(0); // ningún «Coherente» verde
    await p41.getByText("Coherencia calculada: Coherente").waitFor();
    await p41
      .getByRole("img", { name: /^Producto P4\.1: avance físico 91,57\s%, avance financiero 103,00\s%$/ })
      .waitFor();
    const p42 = page.locator('[data-testid="producto"][data-codigo="P4.2"]');
    await p42.locator('[data-color="warning"]').getByText("Financiero adelantado").waitFor();
    // El gráfico por mes de un indicador.
    const ip411 = page.locator('[data-testid="indicador"][data-codigo="IP4.1.1"]');
    await ip411.getByRole("button", { name: "Ver por mes" }).click();
    const grafico = ip411.getByTestId("grafico-mensual");
    await grafico.waitFor();
    await expect(grafico.locator('rect[data-serie="ejecutado"]').count()).resolves.toBe(9);
    await expect(grafico.locator('rect[data-serie="programado"]').count()).resolves.toBe(12);
    await grafico.scrollIntoViewIfNeeded();
    await capturar(page, "tablero-grafico");
    await p41.scrollIntoViewIfNeeded();
    await capturar(page, "tablero-productos");
    expect(await violacionesAxe(page)).toEqual([]);

    // Defecto 12: ninguna etiqueta partida con guion («Progra-mado»).
    const partidas = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('[data-testid="indicador"] dt'))
        .filter((dt) => dt.textContent?.includes("\u00ad") || dt.getBoundingClientRect().height > 20)
        .map((dt) => dt.textContent),
    );
    expect(partidas).toEqual([]);
    await expect(page.locator("body").textContent()).resolves.not.toContain("\u00ad");

    // La cuenta abre la lista filtrada por el producto.
    await p41.getByRole("button", { name: "Ver 1 hallazgo del producto P4.1" }).click();
    await page.getByRole("button", { name: "Quitar el filtro del producto P4.1" }).waitFor();
    await page.getByText("Mostrando 1 de 10 hallazgos").waitFor();
    await page
      .getByRole("list", { name: "Hallazgos de la validación" })
      .getByText(/PMR_Presupuesto!E13:M13/)
      .waitFor();
  });

  test("defecto 6: cada pestaña abre arriba y el Tablero recuerda dónde estaba", async () => {
    await ir(page, "Tablero");
    await page.getByTestId("panel-pestana").evaluate((el) => (el.scrollTop = el.scrollHeight));
    const enTablero = await scrollPanel(page);
    expect(enTablero).toBeGreaterThan(200);
    await ir(page, "Configuración");
    await expect(scrollPanel(page)).resolves.toBe(0);
    const mes = page.getByRole("combobox", { name: "Mes de corte" });
    const caja = await mes.boundingBox();
    expect(caja && caja.y >= 0 && caja.y + caja.height <= 560).toBe(true);
    await capturar(page, "configuracion");
    expect(await violacionesAxe(page)).toEqual([]);
    await ir(page, "Tablero");
    await expect(scrollPanel(page)).resolves.toBe(enTablero);
    await ir(page, "Resumen");
    await expect(scrollPanel(page)).resolves.toBe(0);
  });

  test("defecto 5: si Excel falla, los resultados dicen que no están al día", async () => {
    await page.evaluate(() => {
      (window as unknown as Ventana).pmrFalso.control.fallo = "Excel no respondió.";
    });
    await page.getByRole("button", { name: "Validar PMR" }).click();
    await page.getByTestId("aviso").getByText("No se pudo validar el libro").waitFor();
    const marca = page.getByTestId("desactualizado");
    await marca.getByText(/^Estos resultados son de la validación de las .*; la última falló/).waitFor();
    await ir(page, "Hallazgos");
    await page.getByTestId("desactualizado").waitFor();
    await page.evaluate(() => {
      (window as unknown as Ventana).pmrFalso.control.fallo = null;
    });
    await page.getByTestId("desactualizado").getByRole("button", { name: "Validar de nuevo" }).click();
    await page.getByTestId("desactualizado").waitFor({ state: "detached" });
    await ir(page, "Resumen");
  });

  test("validar mientras escribe: corregir la tendencia en la celda actualiza hallazgos y resaltado", async () => {
    const relleno = () =>
      page.evaluate(() => (window as unknown as Ventana).pmrFalso.libro.rellenoVisible("PMR", "I32"));
    expect(await relleno()).toBe(COLORES_RESALTADO.error);
    const interruptor = page.getByRole("switch", { name: "Validar mientras escribe" });
    await interruptor.check();
    await expect(interruptor.isChecked()).resolves.toBe(true);
    // El analista corrige «Sumatoria» por «Suma» en Excel.
    await page.evaluate(() => (window as unknown as Ventana).pmrFalso.libro.escribirComoUsuario("PMR", "I32", "Suma"));
    await page.getByTestId("veredicto").getByRole("heading", { name: "6 errores impiden entregar el PMR" }).waitFor();
    expect(await relleno()).toBeNull();
    // Se recuerda: al abrir el panel otra vez sigue activo.
    await page.reload();
    await page.getByRole("switch", { name: "Validar mientras escribe" }).waitFor();
    await expect(page.getByRole("switch", { name: "Validar mientras escribe" }).isChecked()).resolves.toBe(true);
  });

  test("sin excepciones ni errores de consola", () => {
    expect(panel.pagina.erroresDePagina.map((e) => e.message)).toEqual([]);
    expect(panel.pagina.erroresDeConsola).toEqual([]);
  });
});

describe.each([320, 500])("a %i px: cada pestaña sin violaciones de axe-core y nada fuera del panel", (ancho) => {
  let panel: PanelConExcelFalso;
  let page: Page;

  beforeAll(async () => {
    panel = await abrirPanelConExcelFalso(definicion, { ancho, alto: 700, axe: true });
    page = panel.page;
    // Sin transiciones de color: axe-core mide el color final de un botón, no uno a medio camino
    // entre «deshabilitado» y «habilitado» justo después de validar.
    await page.addStyleTag({ content: "*, *::before, *::after { transition: none !important; }" });
  });
  afterAll(async () => {
    await panel?.cerrar();
  });

  test("Resumen, Hallazgos (lista y detalle), Tablero desplegado y Configuración", async () => {
    const revisar = async () => {
      expect(await violacionesAxe(page)).toEqual([]);
      expect(await medirFueraDelPanel(page)).toEqual([]);
    };
    await page.getByRole("button", { name: "Validar PMR" }).click();
    await page.getByTestId("veredicto").waitFor();
    await revisar();
    await ir(page, "Hallazgos");
    await page.getByRole("list", { name: "Hallazgos de la validación" }).waitFor();
    await page.getByRole("button", { name: /^Categorías: todas/ }).click();
    await revisar();
    await page.getByRole("list", { name: "Hallazgos de la validación" }).getByRole("button").first().click();
    await page.getByTestId("detalle-hallazgo").waitFor();
    await revisar();
    await ir(page, "Tablero");
    // Defecto 7: con todos los objetivos desplegados y un gráfico abierto, nada se corta.
    for (const o of esperado.evaluacion.objetivos) {
      await page.getByRole("button", { name: new RegExp(`^${o.codigo.replace(".", "\\.")}\\b`) }).click();
    }
    await page.locator('[data-testid="indicador"]').first().getByRole("button", { name: "Ver por mes" }).click();
    await page.getByTestId("grafico-mensual").waitFor();
    await revisar();
    await ir(page, "Configuración");
    await revisar();
    expect(panel.pagina.erroresDeConsola).toEqual([]);
  });
});
