/**
 * `pmr consolidar` en el mismo proceso: el ejemplo partido por objetivo en tres .xlsx más uno
 * dañado, en una carpeta; el consolidado escrito, el informe JSON y de texto con cada hallazgo en
 * su archivo y celda de origen, y los códigos de salida.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { leerArgumentosConsolidar } from "../../src/cli/consolidar";
import { main, type Entorno } from "../../src/cli/main";
import { partirEjemplo, xlsxDe, EJEMPLO } from "../casos/particion";

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

const NOMBRES = ["a-alimentacion.xlsx", "b-inclusion.xlsx", "c-vejez.xlsx"];
let carpeta: string;
let libros: string;

beforeAll(async () => {
  carpeta = mkdtempSync(path.join(tmpdir(), "pmr-consolidar-"));
  libros = path.join(carpeta, "libros");
  mkdirSync(libros);
  const p = await partirEjemplo([["O1", "O2"], ["O3", "O4"], ["O5"]], NOMBRES);
  for (const parte of p.partes) writeFileSync(path.join(libros, parte.nombre), await xlsxDe(parte.libro));
  writeFileSync(path.join(libros, "b2-danado.xlsx"), "esto no es un libro");
  writeFileSync(path.join(libros, "notas.txt"), "no se consolida");
});
afterAll(() => rmSync(carpeta, { recursive: true, force: true }));

describe("pmr consolidar", () => {
  it("consolida una carpeta: escribe el consolidado y da los hallazgos en su origen (JSON)", async () => {
    const salida = path.join(carpeta, "consolidado.xlsx");
    const e = entorno();
    const codigo = await main(["consolidar", libros, "--salida", salida, "--formato", "json"], e);
    expect(e.errores()).toBe("");
    expect(codigo).toBe(1);
    const doc = JSON.parse(e.salida());
    expect(doc.libros.map((l: { archivo: string; leido: boolean }) => [l.archivo, l.leido])).toEqual([
      ["a-alimentacion.xlsx", true],
      ["b-inclusion.xlsx", true],
      ["b2-danado.xlsx", false],
      ["c-vejez.xlsx", true],
    ]);
    const buscar = (regla: string) => doc.hallazgos.find((h: { regla: string }) => h.regla === regla);
    expect(buscar("CONS-ARCHIVO-ILEGIBLE")).toMatchObject({ archivo: "b2-danado.xlsx", severidad: "error" });
    expect(buscar("EST-ERROR-CELDA")).toMatchObject({ archivo: "a-alimentacion.xlsx", hoja: "PMR", celda: "Z10" });
    expect(buscar("CV-PONDERACION-SUMA")).toMatchObject({
      archivo: "b-inclusion.xlsx",
      hoja: "PMR",
      celda: "K6:K11",
      consolidado: { hoja: "PMR", celda: "K14:K19" },
    });

    // Las cifras del consolidado escrito son las del ejemplo.
    expect(existsSync(salida)).toBe(true);
    const [a, b] = [entorno(), entorno()];
    await main(["validar", EJEMPLO, "--formato", "json"], a);
    await main(["validar", salida, "--formato", "json"], b);
    const cumplimientos = (t: string) =>
      JSON.parse(t).objetivos.map((o: { codigo: string; cumplimiento: number }) => [o.codigo, o.cumplimiento]);
    expect(cumplimientos(b.salida())).toEqual(cumplimientos(a.salida()));
    expect(doc.objetivos.map((o: { codigo: string; cumplimiento: number }) => [o.codigo, o.cumplimiento])).toEqual(
      cumplimientos(a.salida()),
    );
  });

  it("en texto, cada hallazgo dice [archivo]hoja!celda, y no reemplaza la salida", async () => {
    const salida = path.join(carpeta, "texto.xlsx");
    const e = entorno();
    const archivos = NOMBRES.map((n) => path.join(libros, n));
    expect(await main(["consolidar", ...archivos, "--salida", salida], e)).toBe(1);
    const t = e.salida();
    expect(t).toContain("PMR · Consolidación");
    expect(t).toContain("3 de 3 libros leídos");
    expect(t).toMatch(
      /^ {4}\[b-inclusion\.xlsx\]PMR!K6:K11 +error +La ponderación de los indicadores del objetivo O3 suma 90,00\u00a0%; debe sumar 100 %\. Ajuste las celdas K6:K11\./m,
    );
    expect(t).toMatch(/^ {4}\[a-alimentacion\.xlsx\]PMR!Z10 +error/m);
    // La otra celda de la fila que nombra el mensaje también es la de origen (D7, no D10 del consolidado).
    expect(t).toMatch(/^ {4}\[b-inclusion\.xlsx\]PMR_Presupuesto!E7:M7 +error .*\(D7\)\.$/m);
    const otra = entorno();
    expect(await main(["consolidar", ...archivos, "--salida", salida], otra)).toBe(2);
    expect(otra.errores()).toBe(
      `La salida «${salida}» ya existe: pmr no reemplaza archivos. Elija otro nombre o borre el archivo.\n`,
    );
  });

  it("sale con 2 si ningún libro se pudo leer, y no escribe nada", async () => {
    const salida = path.join(carpeta, "nada.xlsx");
    const e = entorno();
    expect(
      await main(
        ["consolidar", path.join(libros, "b2-danado.xlsx"), path.join(carpeta, "no-existe.xlsx"), "--salida", salida],
        e,
      ),
    ).toBe(2);
    expect(e.errores()).toMatch(
      /^No se pudo leer ninguno de los 2 libros; el primero: No se pudo leer «b2-danado\.xlsx»/,
    );
    expect(e.errores().split("\n")).toHaveLength(2);
    expect(existsSync(salida)).toBe(false);
  });

  it("argumentos", () => {
    expect(leerArgumentosConsolidar(["a.xlsx"])).toMatchObject({
      tipo: "error",
      mensaje: expect.stringContaining("Falta --salida"),
    });
    expect(leerArgumentosConsolidar(["--salida", "x.xlsx"])).toMatchObject({
      tipo: "error",
      mensaje: expect.stringContaining("Faltan los libros"),
    });
    expect(leerArgumentosConsolidar(["a.xlsx", "--salida=x.csv"])).toMatchObject({
      tipo: "error",
      mensaje: expect.stringContaining(".xlsx"),
    });
    expect(leerArgumentosConsolidar(["a.xlsx", "--salida", "x.xlsx", "--corte", "13"])).toMatchObject({
      tipo: "error",
    });
    expect(leerArgumentosConsolidar(["a.xlsx", "--salida", "x.xlsx", "--zzz"])).toMatchObject({
      tipo: "error",
      mensaje: expect.stringContaining("«--zzz»"),
    });
    expect(
      leerArgumentosConsolidar([
        "a.xlsx",
        "b.xlsx",
        "--salida",
        "x.xlsx",
        "--corte=9",
        "--vigencia",
        "2025",
        "--formato",
        "json",
      ]),
    ).toEqual({
      tipo: "ok",
      opciones: {
        entradas: ["a.xlsx", "b.xlsx"],
        salida: "x.xlsx",
        formato: "json",
        corte: 9,
        vigencia: 2025,
        config: null,
      },
    });
    expect(leerArgumentosConsolidar(["--help"])).toEqual({ tipo: "ayuda" });
  });

  it("--config aplica la configuración del analista a todo el consolidado (como en pmr validar); --corte manda", async () => {
    const config = path.join(carpeta, "analista.json");
    writeFileSync(config, JSON.stringify({ corte: 6, topeCien: true }));
    const consolidar = async (...extra: string[]) => {
      const e = entorno();
      const salida = path.join(carpeta, `config-${Math.random().toString(36).slice(2)}.xlsx`);
      const libro = (n: string) => path.join(libros, n);
      await main(["consolidar", ...NOMBRES.map(libro), "--salida", salida, "--formato", "json", ...extra], e);
      expect(e.errores()).toBe("");
      const doc = JSON.parse(e.salida());
      return { corte: doc.corte, cumplimientos: doc.objetivos.map((o: { cumplimiento: number }) => o.cumplimiento) };
    };
    const sin = await consolidar("--corte", "6");
    const con = await consolidar("--config", config);
    const conCorte = await consolidar("--config", config, "--corte", "9");
    expect(con.corte).toBe(6);
    expect(conCorte.corte).toBe(9);
    // Con el tope de 100 %, el cumplimiento de O2 (100,56 % sin tope) baja a 100 %.
    expect(sin.cumplimientos[1]).toBeGreaterThan(1);
    expect(con.cumplimientos[1]).toBeCloseTo(1, 10);
    // Con la misma configuración, el consolidado da lo mismo que pmr validar del libro completo.
    const v = entorno();
    await main(["validar", EJEMPLO, "--formato", "json", "--config", config], v);
    expect(con.cumplimientos).toEqual(
      JSON.parse(v.salida()).objetivos.map((o: { cumplimiento: number }) => o.cumplimiento),
    );
  });

  it.each([
    ["no existe", "no-existe.json", null, "el archivo no existe"],
    ["no es JSON", "roto.json", "{ corte: ", "no es un JSON válido"],
    ["un valor no válido", "malo.json", JSON.stringify({ corte: 14 }), "malo.json"],
  ])(
    "--config que %s: 2, el mensaje nombra el archivo y no se escribe nada",
    async (_caso, nombre, contenido, mensaje) => {
      const config = path.join(carpeta, nombre);
      if (contenido !== null) writeFileSync(config, contenido);
      const salida = path.join(carpeta, `nunca-${nombre}.xlsx`);
      const e = entorno();
      expect(await main(["consolidar", libros, "--salida", salida, "--config", config], e)).toBe(2);
      expect(e.errores()).toContain(mensaje);
      expect(e.errores().trimEnd().split("\n")).toHaveLength(1);
      expect(existsSync(salida)).toBe(false);
    },
  );

  it("la salida no puede ser uno de los libros", async () => {
    const e = entorno();
    const a = path.join(libros, NOMBRES[0]);
    expect(await main(["consolidar", a, "--salida", a], e)).toBe(2);
    expect(e.errores()).toContain("es también uno de los libros a consolidar");
  });
});
