/*
 * Humo del paquete de producción: dist/taskpane.html en Chromium, con office.js real (de
 * node_modules) pero fuera de Office. Comprueba que el panel se monta en español y que ningún
 * paquete (taskpane, commands, functions) lanza excepciones al cargarse.
 */
import type { Browser } from "playwright-core";
import { type PaginaAislada, type Servidor, abrirPaginaAislada, lanzarChromium, servirCarpeta } from "./entorno";

jest.setTimeout(60_000);

let servidor: Servidor;
let navegador: Browser;
let pagina: PaginaAislada;

beforeAll(async () => {
  servidor = await servirCarpeta();
  navegador = await lanzarChromium();
  pagina = await abrirPaginaAislada(navegador);
  await pagina.page.goto(`${servidor.url}taskpane.html`, { waitUntil: "load" });
});

afterAll(async () => {
  await navegador?.close();
  await servidor?.cerrar();
});

test("muestra el título y el botón «Validar PMR»", async () => {
  const { page } = pagina;
  await page.getByRole("heading", { name: "PMR para Excel" }).waitFor({ state: "visible" });
  await page.getByRole("button", { name: "Validar PMR" }).waitFor({ state: "visible" });
  expect(await page.title()).toBe("PMR para Excel");
});

test("fuera de Excel, «Validar PMR» explica en español que hace falta un libro abierto", async () => {
  const { page } = pagina;
  await page.getByRole("button", { name: "Validar PMR" }).click();
  const aviso = page.getByTestId("aviso");
  await aviso.getByText("No se pudo validar el libro").waitFor({ state: "visible" });
  await aviso.getByText("Esta acción solo funciona con un libro abierto en Excel.").waitFor({ state: "visible" });
});

test("office.js se sirvió localmente y nada salió a la red, tampoco su marco de telemetría", async () => {
  expect(pagina.officeJsServidos).toContain("office.js");
  // Fuera de Office, office.js (o15apptofilemappingtable.js) abre 3 s después de cargar un marco
  // de telemetría en telemetryservice.firstpartyapps.oaspapps.com. Antes de la política de
  // seguridad, esa solicitud llegaba o no a la red según lo cargada que estuviera la máquina (la
  // prueba fallaba a veces). Ahora la política la bloquea antes de pedirla: se espera a que
  // office.js lo intente y entonces se comprueba, sin depender del reloj.
  await pagina.page.waitForFunction(
    () =>
      ((window as unknown as { __violacionesCsp?: string[] }).__violacionesCsp ?? []).some((v) =>
        v.startsWith("frame-src https://telemetryservice.firstpartyapps.oaspapps.com"),
      ),
    undefined,
    { timeout: 30_000 },
  );
  expect(pagina.bloqueadas).toEqual([]);
  expect(await pagina.violacionesCsp()).toEqual(["frame-src https://telemetryservice.firstpartyapps.oaspapps.com"]);
});

test("no hubo excepciones sin capturar en la página", () => {
  expect(pagina.erroresDePagina.map((e) => e.message)).toEqual([]);
});
