/*
 * La política de seguridad del contenido (CSP) del panel y de la ayuda (docs/seguridad.md), con
 * el paquete de producción (dist/) en Chromium:
 *
 * - en el HTML construido: la política es lo primero del <head> (una política en <meta> rige
 *   solo lo que viene después), ningún <script> en línea (webpack no inyecta ninguno) y cada
 *   script viene del origen del complemento o de la CDN de Office;
 * - la política de verdad rige: un script en línea agregado a la página no corre y queda como
 *   violación;
 * - el panel carga y funciona con ella (con office.js real fuera de Office y con el Excel falso:
 *   validar, resaltar, ir a una celda) sin ninguna violación, salvo el marco de telemetría que
 *   office.js intenta abrir fuera de Office, que la política bloquea a propósito;
 * - la ayuda (sin scripts ni estilos en línea) se ve con su hoja de estilo ayuda.css.
 */
import * as fs from "fs";
import * as path from "path";
import type { Browser } from "playwright-core";
import {
  DIST,
  abrirPaginaAislada,
  abrirPanelConExcelFalso,
  lanzarChromium,
  servirCarpeta,
  type PaginaAislada,
  type Servidor,
} from "./entorno";
import { definicionLibroFlujo } from "./libro-flujo";
import { MENSAJES } from "../../src/taskpane/mensajes";

jest.setTimeout(120_000);

/** El marco de registro (ULS) que office.js abre fuera de Office: la política lo bloquea. */
const TELEMETRIA_OFFICE = "frame-src https://telemetryservice.firstpartyapps.oaspapps.com";

function politicaDe(html: string): Map<string, string[]> {
  const m = /<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]+)"/i.exec(html);
  if (!m) throw new Error("La página no tiene la política de seguridad en un <meta>.");
  return new Map(
    m[1]
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([nombre, ...valores]) => [nombre, valores]),
  );
}

const leerDist = (archivo: string) => fs.readFileSync(path.join(DIST, archivo), "utf8");

describe("el HTML construido", () => {
  test("taskpane.html: la política va primero, sin scripts en línea ni de otros orígenes", () => {
    const html = leerDist("taskpane.html");
    const cabeza = /<head>([\s\S]*?)<\/head>/i.exec(html)![1];
    // Antes de la política, solo el juego de caracteres.
    expect(cabeza.indexOf("Content-Security-Policy")).toBeGreaterThan(-1);
    expect(cabeza.indexOf("Content-Security-Policy")).toBeLessThan(cabeza.search(/<script|<style|<link/i));
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBe(6); // office.js, runtime, comun, taskpane, commands, functions
    for (const [, atributos, contenido] of scripts) {
      expect(contenido.trim()).toBe("");
      const src = /\bsrc=["']?([^"'\s>]+)/.exec(atributos)?.[1] ?? "";
      expect(src).toMatch(
        /^(https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js|[a-z]+\.[0-9a-f]{8}\.js)$/,
      );
    }
    expect(html).not.toMatch(/\son[a-z]+=/i); // ni manejadores en atributos

    const p = politicaDe(html);
    expect(p.get("default-src")).toEqual(["'none'"]);
    expect(p.get("script-src")).toEqual([
      "'self'",
      "https://appsforoffice.microsoft.com/lib/1/hosted/",
      "https://ajax.aspnetcdn.com/ajax/3.5/MicrosoftAjax.js",
    ]);
    expect(p.get("connect-src")).toEqual(["'self'"]);
    expect(p.get("object-src")).toEqual(["'none'"]);
    expect(p.get("base-uri")).toEqual(["'none'"]);
    expect(p.has("frame-src")).toBe(false); // cae en default-src 'none'
    for (const valores of p.values()) {
      expect(valores).not.toContain("'unsafe-eval'");
      expect(valores).not.toContain("*");
    }
  });

  test("ayuda.html: sin scripts ni estilos en línea; su estilo es ayuda.css, del mismo origen", () => {
    const html = leerDist("ayuda.html");
    expect(html).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
    expect(html).toMatch(/<link rel="?stylesheet"? href="?ayuda\.css"?/);
    expect(fs.existsSync(path.join(DIST, "ayuda.css"))).toBe(true);
    const p = politicaDe(html);
    expect(p.get("default-src")).toEqual(["'none'"]);
    expect(p.get("style-src")).toEqual(["'self'"]);
    expect(p.has("script-src")).toBe(false);
  });
});

describe("en Chromium, con office.js real fuera de Office", () => {
  let servidor: Servidor;
  let navegador: Browser;
  let pagina: PaginaAislada;

  beforeAll(async () => {
    servidor = await servirCarpeta();
    navegador = await lanzarChromium();
    pagina = await abrirPaginaAislada(navegador);
    await pagina.page.goto(`${servidor.url}taskpane.html`, { waitUntil: "load" });
    await pagina.page.getByRole("heading", { name: "PMR para Excel" }).waitFor({ state: "visible" });
  });

  afterAll(async () => {
    await navegador?.close();
    await servidor?.cerrar();
  });

  test("el panel carga y responde; la única violación es el marco de telemetría de office.js", async () => {
    const { page } = pagina;
    await page.getByRole("button", { name: "Validar PMR" }).click();
    await page.getByTestId("aviso").getByText("No se pudo validar el libro").waitFor({ state: "visible" });
    // Las pestañas que no son Resumen se cargan al abrirlas (otro script de la misma carpeta): la
    // política las deja pasar. Con el puntero sobre las pestañas ya se piden.
    const pedido = page.waitForResponse((r) => /\/\d+\.[0-9a-f]{8}\.js$/.test(r.url()) && r.ok(), { timeout: 10_000 });
    await page.getByRole("tablist").hover();
    await pedido;
    for (const [pestana, texto] of [
      ["Hallazgos", MENSAJES.hallazgosSinValidar],
      ["Configuración", MENSAJES.campoCorte],
    ] as const) {
      await page.getByRole("tab", { name: pestana }).click();
      await page.getByTestId("panel-pestana").getByText(texto).first().waitFor({ state: "visible" });
    }
    // office.js abre el marco 3 s después de cargar o15apptofilemappingtable.js: se espera a
    // que lo intente (y la política lo rechace) para revisar todo lo que pasó hasta ahí.
    await page.waitForFunction(
      (t) =>
        ((window as unknown as { __violacionesCsp: string[] }).__violacionesCsp ?? []).some((v) => v.startsWith(t)),
      TELEMETRIA_OFFICE,
      { timeout: 30_000 },
    );
    const violaciones = await pagina.violacionesCsp();
    expect(violaciones.filter((v) => !v.startsWith(TELEMETRIA_OFFICE))).toEqual([]);
    expect(pagina.erroresDePagina.map((e) => e.message)).toEqual([]);
    // Bloqueado por la política, el marco ni siquiera llega a pedirse.
    expect(pagina.bloqueadas).toEqual([]);
  });

  test("la política rige: un script en línea y un manejador en un atributo no corren", async () => {
    // La misma página, servida con un script en línea y un onerror agregados tras la política.
    const otra = await abrirPaginaAislada(navegador);
    try {
      await otra.page.route("**/taskpane.html", async (ruta) => {
        const respuesta = await ruta.fetch();
        const html = (await respuesta.text()).replace(
          "</head>",
          '<script>window.__enLinea = true;</script><img src="no-existe.png" onerror="window.__manejador = true"></head>',
        );
        await ruta.fulfill({ response: respuesta, body: html });
      });
      await otra.page.goto(`${servidor.url}taskpane.html`, { waitUntil: "load" });
      await otra.page.getByRole("heading", { name: "PMR para Excel" }).waitFor({ state: "visible" });
      await otra.page.waitForFunction(() => {
        const v = (window as unknown as { __violacionesCsp: string[] }).__violacionesCsp;
        return v.includes("script-src-elem inline") && v.includes("script-src-attr inline");
      });
      const corrieron = await otra.page.evaluate(() => {
        const w = window as unknown as { __enLinea?: boolean; __manejador?: boolean };
        return [w.__enLinea === true, w.__manejador === true];
      });
      expect(corrieron).toEqual([false, false]);
    } finally {
      await otra.page.close();
    }
  });
});

test("con el Excel falso: validar, resaltar y quitar el resaltado, sin ninguna violación", async () => {
  const panel = await abrirPanelConExcelFalso(definicionLibroFlujo());
  try {
    const { page } = panel;
    await page.getByRole("button", { name: "Validar PMR" }).click();
    await page.getByTestId("veredicto").waitFor({ state: "visible" });
    const resaltadas = await page.evaluate(
      () =>
        (window as unknown as { pmrFalso: { hoja(n: string): { condicionales: unknown[] } } }).pmrFalso.hoja("PMR")
          .condicionales.length,
    );
    expect(resaltadas).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Quitar resaltado" }).click();
    await page.getByTestId("aviso").getByText("Se quitó el resaltado").waitFor();
    expect(await panel.pagina.violacionesCsp()).toEqual([]);
    expect(panel.pagina.erroresDePagina.map((e) => e.message)).toEqual([]);
  } finally {
    await panel.cerrar();
  }
});

test("la ayuda se ve con su estilo y sin violaciones", async () => {
  const servidor = await servirCarpeta();
  const navegador = await lanzarChromium();
  try {
    const pagina = await abrirPaginaAislada(navegador);
    await pagina.page.goto(`${servidor.url}ayuda.html`, { waitUntil: "load" });
    const color = await pagina.page.locator("h1").evaluate((h) => getComputedStyle(h).color);
    expect(color).toBe("rgb(30, 123, 74)"); // #1e7b4a: ayuda.css se aplicó
    expect(await pagina.violacionesCsp()).toEqual([]);
  } finally {
    await navegador.close();
    await servidor.cerrar();
  }
});
