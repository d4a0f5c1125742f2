/**
 * El núcleo del lector (bytes → grillas) no usa APIs de Node: el panel podrá cargarlo en el
 * navegador. Se empaqueta con esbuild para el navegador (falla si algo importa `fs`, `path`,
 * `Buffer`…) y el paquete se ejecuta en un contexto `vm` sin `require`, `process` ni `Buffer`.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import * as vm from "node:vm";
import { build } from "esbuild";
import { escribirLibro, hojaPmr } from "./hostiles";

const RAIZ = path.resolve(__dirname, "..", "..", "..");

it("libroXlsx.ts se empaqueta para el navegador y lee un libro sin APIs de Node", async () => {
  const r = await build({
    entryPoints: [path.join(RAIZ, "src", "hosts", "xlsx", "libroXlsx.ts")],
    bundle: true,
    platform: "browser",
    format: "iife",
    globalName: "lector",
    write: false,
    logLevel: "silent",
  });
  const codigo = r.outputFiles[0].text;
  expect(codigo).not.toMatch(/require\(["']node:/);
  // Lo que tiene un navegador (sin require, process ni Buffer); `self` es el objeto global.
  const contexto = vm.createContext({ TextDecoder, Uint8Array, Intl, setTimeout, clearTimeout, console });
  contexto.self = contexto;
  contexto.window = contexto;
  vm.runInContext(codigo, contexto);
  const bytes = new Uint8Array(await escribirLibro({ hojas: [hojaPmr(2)] }));
  const leer = (
    contexto as {
      lector: { leerLibroXlsx: (b: Uint8Array) => Promise<{ hojas: { nombre: string; valores: unknown[][] }[] }> };
    }
  ).lector.leerLibroXlsx;
  const libro = await leer(bytes);
  expect(libro.hojas[0].nombre).toBe("PMR");
  expect(libro.hojas[0].valores[2]).toEqual(["O1", "Objetivo uno", "I2", "Indicador 2", "Suma", 12, 1, 1]);
  // Y la envoltura de Node es la única que importa node:fs.
  expect(readFileSync(path.join(RAIZ, "src", "hosts", "xlsx", "lectorXlsx.ts"), "utf8")).toContain("node:fs");
});
