/*
 * Lo que deja `npm run build` en dist/ (lo construye `pretest`). Si falta dist/, ejecute
 * `npm run build` antes de `npx jest test/manifest`.
 */
import * as fs from "fs";
import * as path from "path";
import {
  RAIZ,
  URL_DESARROLLO,
  analizarXml,
  comprobarFunctionsJson,
  comprobarManifiesto,
  comprobarManifiestoProduccion,
  leerFuentes,
  lectorDeIconos,
  urlsDelManifiesto,
} from "./comprobaciones";

const DIST = path.join(RAIZ, "dist");
const leerDist = (archivo: string) => {
  const ruta = path.join(DIST, archivo);
  if (!fs.existsSync(ruta)) throw new Error(`Falta dist/${archivo}: ejecute «npm run build» primero.`);
  return fs.readFileSync(ruta, "utf8");
};

describe("dist/functions.json", () => {
  test("tiene ids y nombres válidos y únicos", () => {
    expect(comprobarFunctionsJson(leerDist("functions.json"))).toEqual([]);
  });

  test("la comprobación informa ids no válidos, repetidos y con aspecto de celda", () => {
    const malo = JSON.stringify({
      allowErrorForDataTypeAny: true,
      functions: [
        { id: "AVANCE", name: "AVANCE" },
        { id: "AVANCE", name: "Avance" },
        { id: "AB12", name: "AB12" },
        { id: "1X", name: "X-Y" },
      ],
    });
    expect(comprobarFunctionsJson(malo).map((p) => p.codigo)).toEqual([
      "funcion-id-duplicado",
      "funcion-name",
      "funcion-id",
      "funcion-name",
      "funcion-id",
      "funcion-name",
    ]);
    expect(comprobarFunctionsJson("{}").map((p) => p.codigo)).toEqual(["sin-funciones"]);
    expect(
      comprobarFunctionsJson(JSON.stringify({ functions: [{ id: "AVANCE", name: "AVANCE" }] })).map((p) => p.codigo),
    ).toEqual(["sin-errores-any"]);
    expect(comprobarFunctionsJson("{").map((p) => p.codigo)).toEqual(["json"]);
  });
});

/** URL base de producción: la de Taskpane.Url sin «taskpane.html». */
function urlProduccion(xml: string): string {
  const analisis = analizarXml(xml);
  if (!("raiz" in analisis)) throw new Error(analisis.problema.mensaje);
  const taskpane = urlsDelManifiesto(analisis.raiz).find((u) => u.endsWith("/taskpane.html"));
  if (!taskpane) throw new Error("dist/manifest.xml no tiene la URL de taskpane.html");
  return taskpane.slice(0, -"taskpane.html".length);
}

describe("dist/manifest.xml (producción)", () => {
  const produccion = () => leerDist("manifest.xml");

  test("solo tiene URL https de un único host y ninguna de localhost", () => {
    expect(comprobarManifiestoProduccion(produccion())).toEqual([]);
  });

  test("es manifest.xml con la URL de desarrollo reemplazada, y pasa las mismas comprobaciones", () => {
    const xml = produccion();
    const base = urlProduccion(xml);
    const fuente = fs.readFileSync(path.join(RAIZ, "manifest.xml"), "utf8");
    expect(xml).toBe(fuente.split(URL_DESARROLLO).join(base));
    expect(
      comprobarManifiesto(xml, {
        fuentesComandos: leerFuentes(path.join(RAIZ, "src", "commands")),
        leerIcono: lectorDeIconos(base, DIST),
      }),
    ).toEqual([]);
  });

  test("la comprobación informa localhost, http y varios hosts", () => {
    const xml = produccion();
    const base = urlProduccion(xml);
    const codigos = (texto: string) => comprobarManifiestoProduccion(texto).map((p) => p.codigo);
    expect(codigos(xml.replace(`${base}functions.json`, `${URL_DESARROLLO}functions.json`))).toEqual([
      "url-varios-hosts",
      "url-localhost",
    ]);
    expect(codigos(xml.replace(`${base}ayuda.html`, `${base.replace("https:", "http:")}ayuda.html`))).toContain(
      "url-no-https",
    );
  });
});

describe("dist/taskpane.html", () => {
  test("carga office.js desde la CDN antes del runtime, el paquete común y los de taskpane, commands y functions", () => {
    const html = leerDist("taskpane.html");
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/g)].map((m) => m[1]);
    expect(scripts[0]).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    const paquetes = scripts.slice(1).map((s) => s.replace(/\.[0-9a-f]{8}\.js$|\.js$/, ""));
    expect(paquetes).toEqual(["runtime", "comun", "taskpane", "commands", "functions"]);
    for (const s of scripts.slice(1)) expect(fs.existsSync(path.join(DIST, s))).toBe(true);
  });

  test("incluye los iconos y la página de ayuda", () => {
    for (const lado of [16, 32, 64, 80, 128])
      expect(fs.existsSync(path.join(DIST, "assets", `icon-${lado}.png`))).toBe(true);
    expect(fs.existsSync(path.join(DIST, "ayuda.html"))).toBe(true);
  });
});
