/**
 * `pmr plantilla` y `pmr normalizar` en el mismo proceso: escriben un archivo nuevo (nunca
 * reemplazan uno existente ni el libro de entrada) y lo que escriben se valida como se espera.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { main, type Entorno } from "../../src/cli/main";

interface Captura extends Entorno {
  salida: () => string;
  errores: () => string;
}

function entorno(): Captura {
  let out = "";
  let err = "";
  return {
    stdout: { write: (s: string) => (out += s), isTTY: false },
    stderr: { write: (s: string) => (err += s) },
    env: {},
    salida: () => out,
    errores: () => err,
  };
}

const EJEMPLO = path.join(__dirname, "../../ejemplos/pmr-ejemplo.xlsx");
let carpeta: string;
beforeAll(() => {
  carpeta = mkdtempSync(path.join(tmpdir(), "pmr-plantilla-"));
});
afterAll(() => rmSync(carpeta, { recursive: true, force: true }));

interface InformeJson {
  resumen: { errores: number };
  hallazgos: { regla: string; categoria: string; severidad: string; clave: string }[];
  objetivos: unknown[];
}

async function validarJson(ruta: string): Promise<{ codigo: number; informe: InformeJson }> {
  const e = entorno();
  const codigo = await main(["validar", ruta, "--formato", "json"], e);
  return { codigo, informe: JSON.parse(e.salida()) as InformeJson };
}

test("pmr plantilla escribe un libro que pmr validar lee sin errores de Estructura", async () => {
  const salida = path.join(carpeta, "plantilla.xlsx");
  const e = entorno();
  expect(await main(["plantilla", "--salida", salida, "--vigencia", "2026"], e)).toBe(0);
  expect(e.errores()).toBe("");
  expect(e.salida()).toContain("Plantilla escrita en");
  const { codigo, informe } = await validarJson(salida);
  const estructura = informe.hallazgos.filter((h) => h.categoria === "Estructura");
  expect(estructura.filter((h) => h.severidad === "error")).toEqual([]);
  // Una plantilla vacía solo avisa que no tiene indicadores.
  expect(estructura.map((h) => h.regla)).toEqual(["EST-PMR-SIN-FILAS"]);
  expect(codigo).toBe(0);
});

test("pmr plantilla no reemplaza un archivo existente ni acepta una salida que no es .xlsx", async () => {
  const existente = path.join(carpeta, "existente.xlsx");
  writeFileSync(existente, "datos del usuario");
  const e = entorno();
  expect(await main(["plantilla", "--salida", existente], e)).toBe(2);
  expect(e.errores()).toContain("ya existe");
  expect(readFileSync(existente, "utf8")).toBe("datos del usuario");
  const e2 = entorno();
  expect(await main(["plantilla", "--salida", path.join(carpeta, "p.csv")], e2)).toBe(2);
  expect(e2.errores()).toContain(".xlsx");
  const e3 = entorno();
  expect(await main(["plantilla", "--salida", path.join(carpeta, "p2.xlsx"), "--vigencia", "26"], e3)).toBe(2);
  expect(e3.errores()).toContain("«26»");
  const e4 = entorno();
  expect(await main(["plantilla"], e4)).toBe(2);
  expect(e4.errores()).toContain("--salida");
  const e5 = entorno();
  expect(await main(["plantilla", "--help"], e5)).toBe(0);
  expect(e5.salida()).toContain("Uso: pmr plantilla");
});

test("pmr normalizar escribe el ejemplo en el diseño canónico con los mismos hallazgos", async () => {
  const salida = path.join(carpeta, "canonico.xlsx");
  const e = entorno();
  expect(await main(["normalizar", EJEMPLO, "--salida", salida], e)).toBe(0);
  expect(e.errores()).toBe("");
  expect(e.salida()).toContain("Correspondencia");
  const a = await validarJson(EJEMPLO);
  const b = await validarJson(salida);
  const k = (i: InformeJson) => i.hallazgos.map((h) => `${h.regla} ${h.clave}`).sort();
  expect(k(b.informe)).toEqual(k(a.informe));
  expect(b.informe.objetivos).toEqual(a.informe.objetivos);
  expect(b.codigo).toBe(a.codigo);
});

test("pmr normalizar no reescribe el libro de entrada y dice por qué", async () => {
  const copia = path.join(carpeta, "mio.xlsx");
  writeFileSync(copia, readFileSync(EJEMPLO));
  const e = entorno();
  expect(await main(["normalizar", copia, "--salida", copia], e)).toBe(2);
  expect(e.errores()).toMatch(/mismo libro de entrada|ya existe/);
  expect(readFileSync(copia).equals(readFileSync(EJEMPLO))).toBe(true);
  const e2 = entorno();
  expect(
    await main(["normalizar", path.join(carpeta, "no-existe.xlsx"), "--salida", path.join(carpeta, "x.xlsx")], e2),
  ).toBe(2);
  expect(e2.errores().split("\n").filter(Boolean)).toHaveLength(1);
  expect(existsSync(path.join(carpeta, "x.xlsx"))).toBe(false);
});

describe("pmr normalizar con la configuración que el panel guardó en el libro", () => {
  test("la deja en <salida>.config.json y, con --config, el normalizado valida igual", async () => {
    const { crearConfiguracion } = await import("../../src/domain");
    const { crearAlmacenExcel } = await import("../../src/hosts/excel");
    const { leerArchivoXlsx } = await import("../../src/hosts/xlsx");
    const { RANURA_CONFIGURACION } = await import("../../src/workbook/almacen");
    const { crearLibroFalso } = await import("../fakes/excel-falso");
    const { quitarAnfitrion, usarLibro } = await import("../hosts/excel/ayudas");
    const { agregarWebExtension } = await import("../hosts/xlsx/ayudas-almacen");
    const config = crearConfiguracion({ corte: 6, semaforo: { rojo: 0.6, amarillo: 0.8, verde: 1.1 }, topeCien: true });
    const libro = crearLibroFalso(await leerArchivoXlsx(EJEMPLO));
    try {
      await crearAlmacenExcel({ ejecutar: usarLibro(libro), ajustes: libro.ajustes as never }).escribir(
        RANURA_CONFIGURACION,
        config,
      );
    } finally {
      quitarAnfitrion();
    }
    const conConfig = path.join(carpeta, "con-config.xlsx");
    writeFileSync(conConfig, await agregarWebExtension(readFileSync(EJEMPLO), libro.ajustesGuardados()));
    const salida = path.join(carpeta, "con-config-canonico.xlsx");
    const e = entorno();
    expect(await main(["normalizar", conConfig, "--salida", salida], e)).toBe(0);
    const json = path.join(carpeta, "con-config-canonico.config.json");
    expect(e.salida()).toContain(`--config ${json}`);
    expect(JSON.parse(readFileSync(json, "utf8"))).toEqual(JSON.parse(JSON.stringify(config)));
    const a = await validarJson(conConfig);
    const eb = entorno();
    await main(["validar", salida, "--formato", "json", "--config", json], eb);
    const b = JSON.parse(eb.salida()) as InformeJson;
    expect(b.objetivos).toEqual(a.informe.objetivos);
    expect(b.hallazgos.map((h) => `${h.regla} ${h.clave}`).sort()).toEqual(
      a.informe.hallazgos.map((h) => `${h.regla} ${h.clave}`).sort(),
    );
    // Sin la configuración, el corte sería otro: la nota no sobra.
    expect((await validarJson(salida)).informe.objetivos).not.toEqual(a.informe.objetivos);
  });
});
