/*
 * Defecto 2: un libro sin hoja PMR, con la hoja PMR vacía o con encabezados que no se reconocen
 * no es «Listo · 1 error» con «Corte: enero (automático)» y 0 objetivos: el panel muestra una
 * pantalla propia con la causa, los pasos para arreglarlo y los encabezados que se buscan. Con el
 * paquete de producción en Chromium y el Excel falso, a 350 px; axe-core sin violaciones.
 */
import axe from "axe-core";
import * as fs from "fs";
import * as path from "path";
import type { DefinicionLibroFalso } from "../fakes/excel-falso";
import { abrirPanelConExcelFalso, medirFueraDelPanel, RAIZ } from "./entorno";

jest.setTimeout(120_000);

const DOCS = process.env.PMR_CAPTURAS_DOCS ? path.resolve(RAIZ, process.env.PMR_CAPTURAS_DOCS) : null;

const CASOS: [string, DefinicionLibroFalso, string, string][] = [
  [
    "sin hoja PMR",
    {
      hojas: [
        {
          nombre: "Indicadores 2025",
          valores: [
            ["Meta", "Avance"],
            [10, 5],
          ],
        },
      ],
    },
    "sin-hoja",
    "El libro no tiene la hoja PMR",
  ],
  [
    "con la hoja PMR vacía",
    { hojas: [{ nombre: "PMR", valores: [] }] },
    "sin-encabezados",
    "La hoja «PMR» está vacía o sus encabezados no se reconocen",
  ],
  [
    "con encabezados que no se reconocen",
    {
      hojas: [
        {
          nombre: "PMR",
          valores: [
            ["Fecha", "Valor", "Responsable"],
            ["2025-01-31", 10, "Ana"],
          ],
        },
      ],
    },
    "sin-encabezados",
    "La hoja «PMR» está vacía o sus encabezados no se reconocen",
  ],
];

test.each(CASOS)("un libro %s muestra la pantalla de bloqueo", async (_nombre, libro, tipo, titulo) => {
  const panel = await abrirPanelConExcelFalso(libro, { ancho: 350, alto: 700, axe: true });
  const page = panel.page;
  try {
    await page.getByRole("button", { name: "Validar PMR" }).click();
    const bloqueo = page.getByTestId("bloqueo");
    await bloqueo.waitFor();
    await expect(bloqueo.getAttribute("data-tipo")).resolves.toBe(tipo);
    await bloqueo.getByRole("heading", { name: titulo }).waitFor();
    await bloqueo.getByText("No se puede revisar el PMR hasta arreglar esto.").waitFor();
    // Los pasos y los encabezados que se buscan, a la vista.
    await expect(bloqueo.getByRole("listitem").count()).resolves.toBeGreaterThanOrEqual(3 + 6);
    for (const e of ["Código objetivo", "Código indicador", "Tendencia", "Meta vigencia (o la programación mensual)"]) {
      await bloqueo
        .getByRole("listitem")
        .filter({ hasText: new RegExp(`^${e.replace(/[()]/g, "\\$&")}$`) })
        .waitFor();
    }
    if (tipo === "sin-hoja") await bloqueo.getByText(/cámbiele el nombre a «PMR»/).waitFor();
    // Nada de un resumen vacío: ni «Listo», ni corte de enero, ni 0 objetivos, ni veredicto.
    const texto = (await page.locator("main").textContent()) ?? "";
    expect(texto).not.toMatch(/Listo|corte a enero|0 objetivos|impiden entregar/);
    await expect(page.getByTestId("veredicto").count()).resolves.toBe(0);
    await expect(page.getByTestId("aviso").count()).resolves.toBe(0);
    // Sin hoja PMR no quedó resaltado en ninguna celda: no hay nada que quitar. (Con la hoja, su
    // celda A1 queda resaltada con las columnas que faltan.)
    await expect(page.getByRole("button", { name: "Quitar resaltado" }).isDisabled()).resolves.toBe(
      tipo === "sin-hoja",
    );
    // El único botón: crear la plantilla (lleva a Configuración, que la agrega al libro).
    await expect(bloqueo.getByRole("button").count()).resolves.toBe(1);
    await bloqueo.getByRole("button", { name: "Crear la hoja PMR con la plantilla" }).waitFor();
    if (DOCS && tipo === "sin-hoja") {
      fs.mkdirSync(DOCS, { recursive: true });
      await page.screenshot({ path: path.join(DOCS, "panel-bloqueo.png") });
    }
    expect(await medirFueraDelPanel(page)).toEqual([]);
    const violaciones = await page.evaluate(async () => {
      const r = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ["violations"] });
      return r.violations.flatMap((v) =>
        v.nodes
          .filter((n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy")))
          .map((n) => `${v.id}: ${n.target.join(" ")}`),
      );
    });
    expect(violaciones).toEqual([]);
    // El Tablero no muestra objetivos vacíos: remite a lo que falta.
    await page.getByRole("tab", { name: "Tablero" }).click();
    await page.getByText("No hay objetivos que mostrar: el libro no se pudo revisar.").waitFor();
    await page.getByRole("button", { name: "Ver qué falta" }).click();
    await page.getByTestId("bloqueo").waitFor();
    if (tipo === "sin-hoja") {
      // Sin hoja PMR, la plantilla la crea con su nombre.
      await page.getByRole("button", { name: "Crear la hoja PMR con la plantilla" }).click();
      await page
        .getByTestId("aviso-plantilla")
        .filter({ hasText: /Se agregaron las hojas «PMR»/ })
        .waitFor();
      await page.getByRole("tab", { name: "Resumen" }).click();
      await page.getByRole("button", { name: "Validar PMR" }).click();
      // La hoja ya existe (vacía, sin indicadores): el bloqueo pasa a decir que falta llenarla.
      await page.locator('[data-testid="bloqueo"]:not([data-tipo="sin-hoja"])').waitFor();
    }
    expect(panel.pagina.erroresDeConsola).toEqual([]);
  } finally {
    await panel.cerrar();
  }
});
