/*
 * El flujo completo del panel con el paquete de producción (dist/taskpane.html) en Chromium, a
 * ancho de panel de tareas, con el Excel falso (test/fakes/excel-falso.ts) en lugar de Office:
 * office.js de la CDN se responde vacío y el falso se instala antes que los paquetes.
 *
 * Validar → veredicto → hallazgos listados → abrir uno (clic, Intro y Espacio) va a su celda →
 * resaltado aplicado → «Quitar resaltado» deja cada celda como estaba; el botón de la cinta
 * (también cuando Excel falla, y entonces los resultados se marcan desactualizados); la
 * configuración guardada en el libro; axe-core en cada pestaña; capturas en /tmp.
 */
import axe from "axe-core";
import * as path from "path";
import type { Page } from "playwright-core";
import { CONFIGURACION_POR_DEFECTO, CLAVE_CONFIGURACION } from "../../src/domain/configuracion";
import type { Hallazgo } from "../../src/domain/hallazgo";
import { validarLibro, type InformeValidacion } from "../../src/casos/validar";
import { porcentaje } from "../../src/domain/formato";
import { COLORES_RESALTADO, esFormulaDelComplemento } from "../../src/hosts/excel/resaltado";
import { abrirPanelConExcelFalso, type PaginaAislada, type PanelConExcelFalso } from "./entorno";
import type { PmrFalso } from "./instalador-falso";
import { CELDAS, definicionLibroFlujo, grillasFlujo } from "./libro-flujo";

jest.setTimeout(120_000);

type Ventana = { pmrFalso: PmrFalso };
const DIR_CAPTURAS = process.env.PMR_CAPTURAS ?? "/tmp";

let panel: PanelConExcelFalso;
let pagina: PaginaAislada;
let page: Page;
let esperado: InformeValidacion;
let diez: Hallazgo;
let ref: Hallazgo;

/** Estado de las dos hojas en el libro falso (valores, formato propio, formatos condicionales). */
const estadoHojas = () =>
  page.evaluate(() => {
    const f = (window as unknown as Ventana).pmrFalso;
    return { pmr: f.hoja("PMR"), presupuesto: f.hoja("PMR_Presupuesto") };
  });
const seleccion = () => page.evaluate(() => (window as unknown as Ventana).pmrFalso.libro.seleccion());
const rellenoVisible = (celda: string) =>
  page.evaluate((c) => (window as unknown as Ventana).pmrFalso.libro.rellenoVisible("PMR", c), celda);
const aviso = () => page.getByTestId("aviso");

async function esperarSeleccion(direccion: string): Promise<void> {
  await page.waitForFunction(
    (d) => {
      const s = (window as unknown as Ventana).pmrFalso.libro.seleccion();
      return s.hoja === "PMR" && s.direccion === d;
    },
    direccion,
    { timeout: 10_000 },
  );
}

async function irAPestana(nombre: string): Promise<void> {
  await page.getByRole("tab", { name: nombre }).click();
  await page.getByRole("tabpanel").waitFor({ state: "visible" });
}

interface Violacion {
  id: string;
  impact: string | null;
  help: string;
  nodos: string[];
}

async function revisarAccesibilidad(pestana: string): Promise<Violacion[]> {
  const violaciones = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ["violations"] });
    return r.violations
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        // Falso positivo conocido y documentado de Fluent UI v9: los elementos guía de tabster
        // (<i data-tabster-dummy aria-hidden tabindex=0>) existen para devolver el foco al
        // lugar correcto; Accessibility Insights los excluye de aria-hidden-focus. Solo esos.
        nodos: v.nodes
          .filter((n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy")))
          .map((n) => n.target.join(" ")),
      }))
      .filter((v) => v.nodos.length > 0);
  });
  if (violaciones.length > 0) console.log(`axe-core, pestaña ${pestana}:\n${JSON.stringify(violaciones, null, 2)}`);
  // La meta del proyecto es ninguna violación serious ni critical; el panel cumple además las
  // moderate y minor, así que cualquier violación nueva hace fallar la prueba.
  return violaciones;
}

async function capturar(nombre: string): Promise<void> {
  await page.screenshot({ path: path.join(DIR_CAPTURAS, `pmr-panel-${nombre}.png`) });
}

beforeAll(async () => {
  esperado = validarLibro(grillasFlujo(), CONFIGURACION_POR_DEFECTO);
  const buscar = (regla: string, celda: string) => {
    const h = esperado.hallazgos.find((x) => x.regla === regla && x.hoja === "PMR" && x.celda === celda);
    if (!h) throw new Error(`El libro de prueba debería dar ${regla} en PMR!${celda}.`);
    return h;
  };
  diez = buscar("EST-VALOR-ILEGIBLE", CELDAS.diez);
  ref = buscar("EST-ERROR-CELDA", CELDAS.ref);

  panel = await abrirPanelConExcelFalso(definicionLibroFlujo(), { axe: true });
  pagina = panel.pagina;
  page = panel.page;
});

afterAll(async () => {
  await panel?.cerrar();
});

describe("flujo del panel con el Excel falso", () => {
  let antes: Awaited<ReturnType<typeof estadoHojas>>;

  test("el panel se monta dentro del «Excel» falso y la cinta quedó asociada", async () => {
    expect(pagina.officeJsServidos).toEqual(["(vacío)"]);
    const asociadas = await page.evaluate(() => [
      ...(window as unknown as Ventana).pmrFalso.libro.registro.asociaciones.keys(),
    ]);
    expect(asociadas).toContain("validarPmr");
    await page.getByText("Pulse «Validar PMR» para revisar el libro.", { exact: false }).waitFor();
    // Sin validar y sin resaltado guardado, no hay nada que quitar.
    await expect(page.getByRole("button", { name: "Quitar resaltado" }).isDisabled()).resolves.toBe(true);
    expect(await revisarAccesibilidad("Resumen (inicial)")).toEqual([]);
    antes = await estadoHojas();
    expect(await rellenoVisible(CELDAS.diez)).toBe("#FFF2CC");
    expect(await rellenoVisible(CELDAS.ref)).toBeNull();
  });

  test("«Validar PMR» valida, resume y resalta", async () => {
    await page.getByRole("button", { name: "Validar PMR" }).click();
    const veredicto = page.getByTestId("veredicto");
    await veredicto.waitFor({ state: "visible" });

    // El veredicto y las cuentas = los del motor sobre las mismas grillas.
    const { errores } = esperado.resumen;
    await expect(veredicto.getAttribute("data-tono")).resolves.toBe("error");
    await veredicto.getByRole("heading", { name: `${errores} errores impiden entregar el PMR` }).waitFor();
    await expect(aviso().count()).resolves.toBe(0);
    const estructura = esperado.hallazgos.filter((h) => h.categoria === "Estructura").length;
    await page.getByRole("button", { name: new RegExp(`^Ver Estructura: ${estructura} errores`) }).waitFor();
    await expect(page.getByTestId("vigencia-corte").textContent()).resolves.toBe(
      "Vigencia 2025 (automática) · corte a junio (automático)",
    );
    await page.getByText(/de 20\d\d.* \d{1,2}:\d\d/).waitFor(); // hora de la última validación, es-CO
    await expect(page.getByRole("button", { name: "Quitar resaltado" }).isEnabled()).resolves.toBe(true);

    // Resaltado aplicado con formatos condicionales del complemento.
    expect(await rellenoVisible(CELDAS.diez)).toBe(COLORES_RESALTADO.error);
    expect(await rellenoVisible(CELDAS.ref)).toBe(COLORES_RESALTADO.error);
    const enDiez = await page.evaluate(
      (c) => (window as unknown as Ventana).pmrFalso.condicionalesEn("PMR", c),
      CELDAS.diez,
    );
    expect(enDiez.some((fc) => esFormulaDelComplemento(fc.formula))).toBe(true);
    // Los valores y el formato propio de las celdas no cambiaron.
    expect((await estadoHojas()).pmr.celdas).toEqual(antes.pmr.celdas);

    await capturar("resumen");
    expect(await revisarAccesibilidad("Resumen")).toEqual([]);
  });

  test("Hallazgos: lista agrupada, filtros y búsqueda", async () => {
    await irAPestana("Hallazgos");
    const lista = page.getByRole("list", { name: "Hallazgos de la validación" });
    await lista.waitFor({ state: "visible" });
    await page.getByText(`${esperado.hallazgos.length} hallazgos`, { exact: true }).waitFor();
    await lista
      .getByRole("heading", {
        name: /^Cadena de valor|^Metas|^Seguimiento|^Físico-financiero|^Avance cualitativo|^Estructura/,
      })
      .first()
      .waitFor();
    await capturar("hallazgos");
    expect(await revisarAccesibilidad("Hallazgos")).toEqual([]);

    // Solo errores: los dos problemas conocidos, con su mensaje y su hoja!celda.
    await page.getByRole("button", { name: /^Errores \(/ }).click();
    await page.getByText(`Mostrando ${esperado.resumen.errores} de ${esperado.hallazgos.length} hallazgos`).waitFor();
    const itemDiez = lista.getByRole("listitem").filter({ hasText: `PMR!${CELDAS.diez}` });
    await itemDiez.getByText(diez.mensaje, { exact: true }).waitFor();
    await lista
      .getByRole("listitem")
      .filter({ hasText: `PMR!${CELDAS.ref}` })
      .getByText(ref.mensaje)
      .waitFor();

    // Búsqueda sin tildes ni mayúsculas.
    await page.getByRole("searchbox").fill("DIEZ");
    await page.getByText(`Mostrando 1 de ${esperado.hallazgos.length} hallazgos`).waitFor();
    await page.getByRole("button", { name: "Limpiar filtros" }).click();
    await page.getByText(`${esperado.hallazgos.length} hallazgos`, { exact: true }).waitFor();

    // Filtro por categoría: un botón por categoría con su cuenta (pulsado = aria-pressed), detrás
    // de «Categorías».
    await page.getByRole("button", { name: /^Categorías: todas/ }).click();
    const estructura = esperado.hallazgos.filter((x) => x.categoria === "Estructura").length;
    const botonEstructura = page
      .getByRole("group", { name: "Categoría" })
      .getByRole("button", { name: `Estructura (${estructura})` });
    await botonEstructura.click();
    await expect(botonEstructura.getAttribute("aria-pressed")).resolves.toBe("true");
    await page.getByText(`Mostrando ${estructura} de ${esperado.hallazgos.length} hallazgos`).waitFor();
    await expect(lista.getByRole("heading").allTextContents()).resolves.toEqual([`Estructura (${estructura})`]);
    await botonEstructura.click();
    await page.getByText(`${esperado.hallazgos.length} hallazgos`, { exact: true }).waitFor();
    await page.getByRole("button", { name: /^Errores \(/ }).click();
    await page.getByText(`Mostrando ${esperado.resumen.errores} de`).waitFor();
  });

  test("abrir un hallazgo va a su celda: clic, Intro (tras flecha abajo) y Espacio (tras flecha arriba)", async () => {
    const lista = page.getByRole("list", { name: "Hallazgos de la validación" });
    const botonDiez = lista
      .getByRole("listitem")
      .filter({ hasText: `PMR!${CELDAS.diez}` })
      .getByRole("button");
    await botonDiez.click();
    await esperarSeleccion(CELDAS.diez);
    // El detalle: la celda, el valor leído y cómo corregir.
    const detalle = page.getByTestId("detalle-hallazgo");
    await detalle.getByRole("heading", { name: `PMR!${CELDAS.diez}` }).waitFor();
    await expect(page.getByTestId("valor-actual").textContent()).resolves.toBe("«diez»");
    await page.getByTestId("como-corregir").waitFor();
    // Escape vuelve a la lista, con el foco en el mismo hallazgo.
    await page.keyboard.press("Escape");
    await page.waitForFunction((t) => document.activeElement?.textContent?.includes(t) ?? false, `PMR!${CELDAS.diez}`);

    // Con el teclado: la flecha abajo lleva al siguiente hallazgo (AE7) e Intro lo abre y va a su celda.
    await page.keyboard.press("ArrowDown");
    await page.waitForFunction((t) => document.activeElement?.textContent?.includes(t) ?? false, `PMR!${CELDAS.ref}`);
    await page.keyboard.press("Enter");
    await esperarSeleccion(CELDAS.ref);
    await page.getByRole("button", { name: /Volver a la lista/ }).click();
    await page.waitForFunction((t) => document.activeElement?.textContent?.includes(t) ?? false, `PMR!${CELDAS.ref}`);
    await page.keyboard.press("ArrowUp");
    await page.waitForFunction((t) => document.activeElement?.textContent?.includes(t) ?? false, `PMR!${CELDAS.diez}`);
    await page.keyboard.press(" ");
    await esperarSeleccion(CELDAS.diez);
    expect(await seleccion()).toEqual({ hoja: "PMR", direccion: CELDAS.diez });
  });

  test("ir a la celda de una hoja que el usuario renombró: error en español; también si Excel falla", async () => {
    const irALaCelda = page.getByRole("button", { name: "Ir a la celda" });
    await irALaCelda.waitFor();
    await page.evaluate(() => {
      const hoja = (window as unknown as Ventana).pmrFalso.libro.hojas.find((h) => h.nombre === "PMR");
      if (hoja) hoja.nombre = "PMR 2025 (copia)";
    });
    await irALaCelda.click();
    await aviso().getByText("No se pudo ir a la celda").waitFor();
    await aviso().getByText("La hoja «PMR» no está en el libro (quizá se borró o cambió de nombre).").waitFor();
    await page.evaluate(() => {
      const hoja = (window as unknown as Ventana).pmrFalso.libro.hojas.find((h) => h.nombre === "PMR 2025 (copia)");
      if (hoja) hoja.nombre = "PMR";
    });
    // De nuevo con la hoja en su sitio: el aviso de error se va solo.
    await irALaCelda.click();
    await aviso().waitFor({ state: "detached" });

    await page.evaluate(() => {
      (window as unknown as Ventana).pmrFalso.control.fallo = "Excel no respondió.";
    });
    await irALaCelda.click();
    await aviso().getByText("Excel no respondió.", { exact: false }).waitFor();
    await page.evaluate(() => {
      (window as unknown as Ventana).pmrFalso.control.fallo = null;
    });
    await page.getByRole("button", { name: "Cerrar aviso" }).click();
    await aviso().waitFor({ state: "detached" });
    await page.getByRole("button", { name: /Volver a la lista/ }).click();
  });

  test("Tablero: cumplimiento por objetivo con semáforo en texto, indicadores, productos y sus hallazgos", async () => {
    await irAPestana("Tablero");
    for (const o of esperado.evaluacion.objetivos) {
      const medidor = page.getByRole("meter", { name: `Cumplimiento del objetivo ${o.codigo}` });
      await medidor.waitFor();
      const texto = await medidor.getAttribute("aria-valuetext");
      expect(texto).toBe(`${porcentaje(o.cumplimiento)}, ${o.semaforo}`);
    }
    const primero = esperado.evaluacion.objetivos[0];
    await page.getByRole("button", { name: new RegExp(`^${primero.codigo}`) }).click();
    for (const i of primero.indicadores) {
      await page.locator(`[data-testid="indicador"][data-codigo="${i.indicador.codigo}"]`).waitFor();
    }
    // IP1 tiene un valor ilegible (error): su tarjeta y la de su producto dicen «Dato con errores».
    const ip1 = page.locator('[data-testid="indicador"][data-codigo="IP1"]');
    await ip1.getByText("Dato con errores").waitFor();
    const p1 = esperado.evaluacion.productoPorCodigo.get("P1");
    expect(p1?.coherencia).toBe("Financiero adelantado");
    const tarjetaP1 = page.locator('[data-testid="producto"][data-codigo="P1"]');
    await tarjetaP1.getByText("Dato con errores").waitFor();
    await tarjetaP1.getByText("Coherencia calculada: Financiero adelantado").waitFor();
    await tarjetaP1.getByRole("img", { name: /^Producto P1: avance físico .* avance financiero 90,00\s%$/ }).waitFor();
    // El gráfico por mes de un indicador.
    await ip1.getByRole("button", { name: "Ver por mes" }).click();
    await ip1.getByRole("img", { name: "Programado y ejecutado por mes del indicador IP1" }).waitFor();
    await capturar("tablero");
    expect(await revisarAccesibilidad("Tablero")).toEqual([]);
  });

  test("«Quitar resaltado» deja cada celda como estaba y ningún formato del complemento", async () => {
    await irAPestana("Resumen");
    await page.getByRole("button", { name: "Quitar resaltado" }).click();
    await aviso().getByText("Se quitó el resaltado").waitFor();
    await expect(page.getByRole("button", { name: "Quitar resaltado" }).isDisabled()).resolves.toBe(true);
    const despues = await estadoHojas();
    expect(despues).toEqual(antes);
    for (const hoja of [despues.pmr, despues.presupuesto]) {
      expect(hoja.condicionales.filter((fc) => esFormulaDelComplemento(fc.formula))).toEqual([]);
    }
    expect(await rellenoVisible(CELDAS.diez)).toBe("#FFF2CC");
    expect(await rellenoVisible(CELDAS.ref)).toBeNull();
  });

  test("el botón de la cinta valida, abre el panel y completa el evento", async () => {
    await irAPestana("Configuración");
    const r = await page.evaluate(() => (window as unknown as Ventana).pmrFalso.pulsarValidarPmr());
    expect(r.completado).toBe(1);
    expect(r.panelMostrado).toBeGreaterThanOrEqual(1);
    // El panel muestra lo que produjo la cinta, en Resumen.
    await expect(page.getByRole("tab", { name: "Resumen" }).getAttribute("aria-selected")).resolves.toBe("true");
    await page.getByTestId("veredicto").waitFor();
    expect(await rellenoVisible(CELDAS.diez)).toBe(COLORES_RESALTADO.error);
  });

  test("si Excel falla, la cinta completa el evento igual y el panel muestra el error en español", async () => {
    await page.evaluate(() => {
      (window as unknown as Ventana).pmrFalso.control.fallo = "Excel no respondió.";
    });
    const r = await page.evaluate(() => (window as unknown as Ventana).pmrFalso.pulsarValidarPmr());
    await page.evaluate(() => {
      (window as unknown as Ventana).pmrFalso.control.fallo = null;
    });
    expect(r.completado).toBe(1);
    await aviso().getByText("No se pudo validar el libro").waitFor();
    await aviso().getByText("No se pudo leer el libro: Excel no respondió.").waitFor();
    await expect(page.getByRole("button", { name: "Validar PMR" }).isEnabled()).resolves.toBe(true);
    // Lo que sigue a la vista es de antes, y se dice (también tras cerrar el aviso y en otras pestañas).
    await page.getByRole("button", { name: "Cerrar aviso" }).click();
    await page
      .getByTestId("desactualizado")
      .getByText(/la última falló/)
      .waitFor();
    await irAPestana("Tablero");
    await page.getByTestId("desactualizado").waitFor();
    await irAPestana("Resumen");
    await capturar("error");
  });

  test("Configuración: errores junto al campo, guardar en el libro y validar con ella", async () => {
    const semaforo = (avance: number) =>
      page.evaluate((a) => (window as unknown as Ventana).pmrFalso.llamarFuncion("SEMAFORO", [[a]]), avance);
    const recalculos = () => page.evaluate(() => (window as unknown as Ventana).pmrFalso.recalculos());
    // =PMR.SEMAFORO(45 %) con los umbrales por defecto (rojo hasta 50 %).
    expect(await semaforo(0.45)).toEqual([["Rojo"]]);
    expect(await recalculos()).toEqual([]);
    await irAPestana("Configuración");
    await page.getByRole("combobox", { name: "Mes de corte" }).selectOption({ label: "Marzo" });
    const tolerancia = page.getByRole("textbox", { name: /Tolerancia físico-financiera/ });
    await tolerancia.fill("abc");
    await page.getByRole("textbox", { name: "Rojo hasta" }).fill("80");
    await page.getByRole("button", { name: "Guardar" }).click();
    await page.getByText("Escriba un número, por ejemplo 30 o 12,5.").waitFor();
    await capturar("configuracion-errores");
    expect(await revisarAccesibilidad("Configuración (con errores)")).toEqual([]);

    await tolerancia.fill("25");
    await page.getByRole("button", { name: "Guardar" }).click();
    await page.getByText("Los umbrales deben crecer: rojo < amarillo < verde.").waitFor();
    await page.getByRole("textbox", { name: "Rojo hasta" }).fill("40");
    await page.getByRole("button", { name: "Guardar" }).click();
    await aviso().getByText("Configuración guardada en el libro").waitFor();

    const guardada = await page.evaluate(
      (clave) => (window as unknown as Ventana).pmrFalso.libro.ajustesGuardados()[clave],
      CLAVE_CONFIGURACION,
    );
    expect(JSON.parse(String(guardada))).toMatchObject({
      corte: 3,
      vigencia: null,
      toleranciaFisicoFinanciera: 0.25,
      semaforo: { rojo: 0.4, amarillo: 0.75, verde: 1.25 },
    });
    // Las funciones =PMR.* de la misma página ya usan los umbrales nuevos y Excel recalculó todo.
    expect(await semaforo(0.45)).toEqual([["Amarillo"]]);
    expect(await recalculos()).toEqual(["Full"]);
    await capturar("configuracion");
    expect(await revisarAccesibilidad("Configuración")).toEqual([]);

    await irAPestana("Resumen");
    await page.getByRole("button", { name: "Validar PMR" }).click();
    await page.getByText(/marzo \(configurado\)/).waitFor();
    await page.getByTestId("desactualizado").waitFor({ state: "detached" });

    await irAPestana("Configuración");
    await page.getByRole("button", { name: "Restablecer valores por defecto" }).click();
    await expect(page.getByRole("textbox", { name: /Tolerancia físico-financiera/ }).inputValue()).resolves.toBe("30");
    await page.getByRole("button", { name: "Guardar" }).click();
    await aviso().getByText("Configuración guardada en el libro").waitFor();
    const restablecida = await page.evaluate(
      (clave) => (window as unknown as Ventana).pmrFalso.libro.ajustesGuardados()[clave],
      CLAVE_CONFIGURACION,
    );
    expect(JSON.parse(String(restablecida))).toEqual(JSON.parse(JSON.stringify(CONFIGURACION_POR_DEFECTO)));
    expect(await semaforo(0.45)).toEqual([["Rojo"]]);
    expect(await recalculos()).toEqual(["Full", "Full"]);
  });

  test("sin excepciones ni errores de consola en la página y nada salió a la red", () => {
    expect(pagina.erroresDePagina.map((e) => e.message)).toEqual([]);
    expect(pagina.erroresDeConsola).toEqual([]);
    expect(pagina.bloqueadas).toEqual([]);
  });
});
