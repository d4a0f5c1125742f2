/**
 * Entorno de las pruebas de navegador: sirve dist/ por HTTP en 127.0.0.1 (puerto libre al azar),
 * lanza el Chromium de Debian (/usr/bin/chromium) con playwright-core y abre páginas sin red:
 *
 * - office.js de la CDN de Microsoft (y los archivos que él mismo pide) se sirven desde
 *   node_modules/@microsoft/office-js/dist;
 * - cualquier otra solicitud que no vaya a 127.0.0.1/localhost se aborta y queda anotada.
 *
 * Fuera de Office, Office.onReady se resuelve sin host: el panel se monta igual.
 * Nunca se ejecuta `npx playwright install`: el navegador es el paquete «chromium» de Debian
 * (.ci/run lo instala si falta).
 */
import axe from "axe-core";
import { buildSync } from "esbuild";
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import { chromium, type Browser, type Page } from "playwright-core";

export const RAIZ = path.resolve(__dirname, "..", "..");
export const DIST = path.join(RAIZ, "dist");
export const RUTA_CHROMIUM = process.env.PMR_CHROMIUM ?? "/usr/bin/chromium";
export const CDN_OFFICE = "https://appsforoffice.microsoft.com/lib/1/hosted/";
export const OFFICE_JS_LOCAL = path.join(RAIZ, "node_modules", "@microsoft", "office-js", "dist");

const TIPOS: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

export interface Servidor {
  /** URL base terminada en «/», p. ej. http://127.0.0.1:40123/ */
  url: string;
  cerrar(): Promise<void>;
}

/** Sirve una carpeta (por defecto dist/) en 127.0.0.1 con un puerto libre. */
export async function servirCarpeta(carpeta: string = DIST): Promise<Servidor> {
  const raiz = path.resolve(carpeta);
  if (!fs.existsSync(path.join(raiz, "taskpane.html"))) {
    throw new Error(`No existe ${path.join(raiz, "taskpane.html")}: ejecute «npm run build» primero.`);
  }
  const servidor = http.createServer((solicitud, respuesta) => {
    const ruta = decodeURIComponent(new URL(solicitud.url ?? "/", "http://127.0.0.1").pathname);
    const archivo = path.join(raiz, ruta.endsWith("/") ? `${ruta}taskpane.html` : ruta);
    if (!archivo.startsWith(raiz + path.sep) || !fs.existsSync(archivo) || !fs.statSync(archivo).isFile()) {
      respuesta.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("No encontrado");
      return;
    }
    respuesta.writeHead(200, { "Content-Type": TIPOS[path.extname(archivo)] ?? "application/octet-stream" });
    fs.createReadStream(archivo).pipe(respuesta);
  });
  await new Promise<void>((resolver) => servidor.listen(0, "127.0.0.1", resolver));
  const { port } = servidor.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    cerrar: () =>
      new Promise<void>((resolver, rechazar) => {
        servidor.closeAllConnections();
        servidor.close((error) => (error ? rechazar(error) : resolver()));
      }),
  };
}

/** Lanza el Chromium del sistema en modo headless, sin red de fondo ni actualizaciones. */
export async function lanzarChromium(): Promise<Browser> {
  if (!fs.existsSync(RUTA_CHROMIUM)) {
    throw new Error(
      `No se encuentra Chromium en ${RUTA_CHROMIUM}. Instálelo con «apt-get install -y chromium» ` +
        "(lo hace .ci/run) o indique otra ruta en PMR_CHROMIUM. No use «npx playwright install».",
    );
  }
  return chromium.launch({
    executablePath: RUTA_CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

const esLocal = (url: string) => {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol === "data:" || protocol === "blob:" || protocol === "about:") return true;
    return ["127.0.0.1", "localhost", "[::1]"].includes(hostname);
  } catch {
    return false;
  }
};

export interface PaginaAislada {
  page: Page;
  /** Excepciones no capturadas de la página (evento «pageerror»). */
  erroresDePagina: Error[];
  /** Mensajes console.error de la página. */
  erroresDeConsola: string[];
  /** Solicitudes a la red externa que se abortaron. */
  bloqueadas: string[];
  /** Archivos de office.js servidos desde node_modules. */
  officeJsServidos: string[];
  /**
   * Violaciones de la política de seguridad (CSP) de la página hasta ahora: directiva y lo
   * bloqueado («inline», «eval» o la URL), p. ej. «script-src-elem inline».
   */
  violacionesCsp(): Promise<string[]>;
}

/** Guarda en la página cada violación de CSP (evento securitypolicyviolation). */
const REGISTRO_CSP = `(() => {
  const lista = [];
  Object.defineProperty(window, "__violacionesCsp", { value: lista });
  document.addEventListener("securitypolicyviolation", (e) => {
    lista.push(e.effectiveDirective + " " + (e.blockedURI || "inline"));
  });
})();`;

/**
 * Abre una página nueva del navegador sin acceso a la red: office.js se sirve desde
 * node_modules y el resto de lo externo se aborta. Registra errores de página y de consola.
 */
export interface OpcionesPagina {
  /**
   * "local" (por defecto): office.js real desde node_modules. "vacio": office.js de la CDN se
   * responde con un script vacío, para que no reemplace un `Office`/`Excel` falso instalado antes.
   */
  officeJs?: "local" | "vacio";
  /** Tamaño de la ventana (p. ej. el ancho de un panel de tareas, ~350 px). */
  viewport?: { width: number; height: number };
  /** "reduce": sin animaciones (capturas y axe-core sin transiciones a medias). */
  reducedMotion?: "reduce" | "no-preference";
}

export async function abrirPaginaAislada(navegador: Browser, opciones: OpcionesPagina = {}): Promise<PaginaAislada> {
  const contexto = await navegador.newContext({
    locale: "es-CO",
    serviceWorkers: "block",
    ...(opciones.viewport ? { viewport: opciones.viewport } : {}),
    ...(opciones.reducedMotion ? { reducedMotion: opciones.reducedMotion } : {}),
  });
  const page = await contexto.newPage();
  const resultado: PaginaAislada = {
    page,
    erroresDePagina: [],
    erroresDeConsola: [],
    bloqueadas: [],
    officeJsServidos: [],
    violacionesCsp: () =>
      page.evaluate(() => [...((window as unknown as { __violacionesCsp?: string[] }).__violacionesCsp ?? [])]),
  };
  await page.addInitScript({ content: REGISTRO_CSP });
  page.on("pageerror", (error) => resultado.erroresDePagina.push(error));
  page.on("console", (mensaje) => {
    if (mensaje.type() === "error") resultado.erroresDeConsola.push(mensaje.text());
  });
  await contexto.route("**/*", async (ruta) => {
    const url = ruta.request().url();
    if (url.startsWith(CDN_OFFICE) && opciones.officeJs === "vacio") {
      resultado.officeJsServidos.push("(vacío)");
      await ruta.fulfill({
        status: 200,
        contentType: TIPOS[".js"],
        body: "/* office.js: lo reemplaza el Excel falso */",
      });
      return;
    }
    if (url.startsWith(CDN_OFFICE)) {
      const relativa = new URL(url).pathname.slice(new URL(CDN_OFFICE).pathname.length);
      const archivo = path.join(OFFICE_JS_LOCAL, relativa);
      if (archivo.startsWith(OFFICE_JS_LOCAL + path.sep) && fs.existsSync(archivo) && fs.statSync(archivo).isFile()) {
        resultado.officeJsServidos.push(relativa);
        await ruta.fulfill({ path: archivo, contentType: TIPOS[path.extname(archivo)] ?? "application/octet-stream" });
      } else {
        await ruta.fulfill({ status: 404, body: "" });
      }
      return;
    }
    if (esLocal(url)) {
      await ruta.continue();
      return;
    }
    resultado.bloqueadas.push(url);
    await ruta.abort("blockedbyclient");
  });
  return resultado;
}

/**
 * Empaqueta un módulo TypeScript (y lo que importa) en un script IIFE para inyectarlo en la
 * página con `page.addInitScript` (p. ej. el Excel falso). Usa esbuild, sin escribir archivos.
 */
export function empaquetarParaNavegador(entrada: string): string {
  const r = buildSync({
    entryPoints: [entrada],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    write: false,
    logLevel: "silent",
  });
  return r.outputFiles[0].text;
}

export interface PanelConExcelFalso {
  servidor: Servidor;
  navegador: Browser;
  pagina: PaginaAislada;
  page: Page;
  /** Cierra el navegador y el servidor. */
  cerrar(): Promise<void>;
}

export interface OpcionesPanel {
  /** Ancho de la ventana (el del panel de tareas); 350 px por defecto. */
  ancho?: number;
  alto?: number;
  /** Tiempo de espera por defecto de Playwright, en ms (10 s por defecto). */
  espera?: number;
  /** Inyecta axe-core (window.axe) para revisar la accesibilidad. */
  axe?: boolean;
}

/**
 * El panel de producción (dist/taskpane.html) con el Excel falso como anfitrión: empaqueta
 * test/e2e/instalador-falso.ts, le pasa el libro (`window.__PMR_LIBRO__`), sirve dist/ en
 * loopback, abre Chromium sin red y espera a que el panel muestre su título.
 */
export async function abrirPanelConExcelFalso(
  libro: unknown,
  opciones: OpcionesPanel = {},
): Promise<PanelConExcelFalso> {
  const instalador = empaquetarParaNavegador(path.join(__dirname, "instalador-falso.ts"));
  const servidor = await servirCarpeta();
  const navegador = await lanzarChromium();
  const pagina = await abrirPaginaAislada(navegador, {
    officeJs: "vacio",
    viewport: { width: opciones.ancho ?? 350, height: opciones.alto ?? 760 },
    reducedMotion: "reduce",
  });
  const page = pagina.page;
  page.setDefaultTimeout(opciones.espera ?? 10_000);
  await page.addInitScript({ content: `window.__PMR_LIBRO__ = ${JSON.stringify(libro)};` });
  await page.addInitScript({ content: instalador });
  // axe-core se inyecta antes de cargar (como el Excel falso): un <script> en línea agregado
  // después lo rechazaría la política de seguridad del panel (sin scripts en línea).
  if (opciones.axe) {
    await page.addInitScript({ content: axe.source });
  }
  await page.goto(`${servidor.url}taskpane.html`, { waitUntil: "load" });
  await page.getByRole("heading", { name: "PMR para Excel" }).waitFor({ state: "visible" });
  return {
    servidor,
    navegador,
    pagina,
    page,
    async cerrar() {
      await navegador.close();
      await servidor.cerrar();
    },
  };
}

/**
 * Elementos visibles que se salen del panel a lo ancho (para las pruebas en paneles angostos).
 * Cuenta lo que de verdad se ve: un elemento recortado por un antepasado con overflow distinto
 * de visible se mide solo en su parte visible; lo oculto (visibility: hidden) o solo para
 * lectores de pantalla (data-solo-lectores) no cuenta. También dice si el documento entero se
 * desplaza a lo ancho.
 */
export function medirFueraDelPanel(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ancho = document.documentElement.clientWidth;
    const fuera: string[] = [];
    const visible = (el: Element) => {
      let r = el.getBoundingClientRect();
      let izq = r.left;
      let der = r.right;
      for (let a = el.parentElement; a; a = a.parentElement) {
        const o = getComputedStyle(a);
        if (o.overflowX !== "visible" || o.clipPath !== "none") {
          r = a.getBoundingClientRect();
          izq = Math.max(izq, r.left);
          der = Math.min(der, r.right);
        }
      }
      return { izq, der };
    };
    for (const el of Array.from(
      document.querySelectorAll<HTMLElement | SVGElement>(
        "button, input, select, h1, h2, h3, p, label, li, dt, dd, svg, td, th",
      ),
    )) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (getComputedStyle(el).visibility === "hidden" || el.closest("[data-solo-lectores]")) continue;
      const { izq, der } = visible(el);
      if (der <= izq) continue; // recortado del todo
      if (der > ancho + 0.5 || izq < -0.5) {
        fuera.push(
          `${el.tagName.toLowerCase()} «${(el.textContent ?? "").trim().slice(0, 40)}» ${Math.round(izq)}–${Math.round(der)}`,
        );
      }
    }
    const raiz = document.scrollingElement ?? document.documentElement;
    if (raiz.scrollWidth > raiz.clientWidth) fuera.push(`documento ${raiz.scrollWidth} > ${raiz.clientWidth}`);
    return fuera;
  });
}
