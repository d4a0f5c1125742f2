/**
 * `main` en el mismo proceso (rápido): colores y NO_COLOR, archivo de configuración, prioridad
 * de --corte/--vigencia y errores internos convertidos en una línea. Las pruebas de extremo a
 * extremo con el programa compilado están en cli.test.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import * as motor from "../../src/casos/validar";
import { main, type Entorno } from "../../src/cli/main";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ejemplo = require("../../scripts/ejemplo") as typeof import("../../scripts/ejemplo");

/** Inicio de una secuencia de color ANSI. */
const ESC = "\u001b[";

interface Captura extends Entorno {
  salida: () => string;
  errores: () => string;
}

function entorno(opciones: { tty?: boolean; env?: Record<string, string> } = {}): Captura {
  let out = "";
  let err = "";
  return {
    stdout: { write: (s: string) => (out += s), isTTY: opciones.tty ?? false },
    stderr: { write: (s: string) => (err += s) },
    env: opciones.env ?? {},
    salida: () => out,
    errores: () => err,
  };
}

let carpeta: string;
/** El ejemplo con un solo problema: el producto P4.2 con el físico y el financiero incoherentes. */
let coherente: string;
const archivo = (nombre: string, contenido: string): string => {
  const ruta = path.join(carpeta, nombre);
  writeFileSync(ruta, contenido);
  return ruta;
};

beforeAll(async () => {
  carpeta = mkdtempSync(path.join(tmpdir(), "pmr-main-"));
  coherente = path.join(carpeta, "coherente.xlsx");
  await ejemplo.escribirLibro(coherente, { problemas: ["fisico-financiero-incoherente"] });
});
afterAll(() => rmSync(carpeta, { recursive: true, force: true }));

describe("colores", () => {
  it("en una terminal, con colores", async () => {
    const e = entorno({ tty: true });
    await main(["validar", coherente], e);
    expect(e.salida()).toContain(ESC);
  });

  it("NO_COLOR los quita", async () => {
    const e = entorno({ tty: true, env: { NO_COLOR: "1" } });
    await main(["validar", coherente], e);
    expect(e.salida()).not.toContain(ESC);
  });

  it("NO_COLOR vacío no cuenta (https://no-color.org)", async () => {
    const e = entorno({ tty: true, env: { NO_COLOR: "" } });
    await main(["validar", coherente], e);
    expect(e.salida()).toContain(ESC);
  });

  it("sin terminal (tubería o archivo), sin colores", async () => {
    const e = entorno({ tty: false });
    await main(["validar", coherente], e);
    expect(e.salida()).not.toContain(ESC);
  });
});

describe("--config", () => {
  async function conConfig(contenido: string | null, extra: string[] = []) {
    const ruta =
      contenido === null ? path.join(carpeta, "no-existe.json") : archivo(`c${Math.random()}.json`, contenido);
    const e = entorno();
    const codigo = await main(["validar", coherente, "--config", ruta, "--formato", "json", ...extra], e);
    return { codigo, e, ruta };
  }

  it("que no existe → 2", async () => {
    const { codigo, e, ruta } = await conConfig(null);
    expect(codigo).toBe(2);
    expect(e.errores()).toBe(`No se pudo leer la configuración «${ruta}»: el archivo no existe.\n`);
  });

  it("que no es JSON → 2", async () => {
    const { codigo, e } = await conConfig("{ corte: 9 ");
    expect(codigo).toBe(2);
    expect(e.errores()).toMatch(/no es un JSON válido\.\n$/);
  });

  it("que no es un objeto → 2", async () => {
    const { codigo, e } = await conConfig("[1, 2]");
    expect(codigo).toBe(2);
    expect(e.errores()).toMatch(/debe ser un objeto JSON/);
  });

  it("con claves o valores que rechaza validarConfiguracion → 2, con sus mensajes en una línea", async () => {
    const { codigo, e } = await conConfig(
      JSON.stringify({ corte: 15, semaforo: { rojo: 0.9, amarillo: 0.5 }, color: "x" }),
    );
    expect(codigo).toBe(2);
    const err = e.errores();
    expect(err.split("\n")).toHaveLength(2); // una línea y el salto final
    expect(err).toMatch(/no es válida: /);
    expect(err).toContain("«corte»");
    expect(err).toContain("Clave desconocida en la configuración: color");
  });

  it("válida: se usa (tolerancia físico-financiera)", async () => {
    const normal = entorno();
    await main(["validar", coherente, "--formato", "json"], normal);
    const p42 = (j: string) => JSON.parse(j).productos.find((p: { codigo: string }) => p.codigo === "P4.2");
    expect(p42(normal.salida()).coherencia).toBe("Financiero adelantado");
    const { codigo, e } = await conConfig(JSON.stringify({ toleranciaFisicoFinanciera: 0.7 }));
    expect(codigo).toBe(0);
    expect(p42(e.salida()).coherencia).toBe("Coherente");
  });

  it("--corte y --vigencia tienen prioridad sobre el archivo", async () => {
    const { e } = await conConfig(JSON.stringify({ corte: 3, vigencia: 2024 }), ["--corte", "6", "--vigencia", "2025"]);
    const j = JSON.parse(e.salida());
    expect(j.corte).toBe(6);
    expect(j.vigencia).toBe(2025);
  });

  it("sin --corte, el corte del archivo", async () => {
    const { e } = await conConfig(JSON.stringify({ corte: 3 }));
    expect(JSON.parse(e.salida()).corte).toBe(3);
  });
});

describe("errores internos", () => {
  afterEach(() => jest.restoreAllMocks());

  it("se convierten en una línea en español y salida 2, sin traza", async () => {
    jest.spyOn(motor, "validar").mockImplementation(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'x')\n    at algo (archivo.js:1:1)");
    });
    const e = entorno();
    const codigo = await main(["validar", coherente], e);
    expect(codigo).toBe(2);
    expect(e.errores()).toMatch(/^Error interno de pmr al validar el libro \(TypeError: Cannot read/);
    expect(e.errores().split("\n")).toHaveLength(2);
    expect(e.errores()).not.toMatch(/^\s+at /m);
    expect(e.salida()).toBe("");
  });

  it("PMR_DEPURAR=1 añade la traza para quien desarrolla", async () => {
    jest.spyOn(motor, "validar").mockImplementation(() => {
      throw new Error("falla");
    });
    const e = entorno({ env: { PMR_DEPURAR: "1" } });
    expect(await main(["validar", coherente], e)).toBe(2);
    expect(e.errores()).toMatch(/^\s+at /m);
  });
});

describe("libro ilegible", () => {
  it("una línea y salida 2; con PMR_DEPURAR, también la causa", async () => {
    const ruta = archivo("roto.xlsx", "PK\u0003\u0004 esto no es un zip completo");
    const normal = entorno();
    expect(await main(["validar", ruta], normal)).toBe(2);
    expect(normal.errores()).toBe(`No se pudo leer «${ruta}»: no es un libro de Excel (.xlsx) válido.\n`);
    const depurar = entorno({ env: { PMR_DEPURAR: "1" } });
    expect(await main(["validar", ruta], depurar)).toBe(2);
    expect(depurar.errores().split("\n").length).toBeGreaterThan(2);
    expect(depurar.errores()).toMatch(/^\s+at /m);
  });
});

describe("ayuda y versión", () => {
  it("pmr --help → 0 y el uso en stdout", async () => {
    const e = entorno();
    expect(await main(["--help"], e)).toBe(0);
    expect(e.salida()).toMatch(/^Uso: pmr <comando>/);
    expect(e.errores()).toBe("");
  });

  it("pmr --version → 0", async () => {
    const e = entorno();
    expect(await main(["--version"], e)).toBe(0);
    expect(e.salida()).toMatch(/^pmr \d+\.\d+\.\d+\n$/);
  });
});
