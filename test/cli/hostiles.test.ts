/**
 * `pmr validar` ante archivos hostiles y entradas raras, con el código fuente (`main` en este
 * proceso) y con la línea de comandos COMPILADA (lib/, `node bin/pmr.js`, con el montón limitado
 * a 1,5 GB): termina en menos de 30 s con 0, 1 o 2, con una sola línea en español en stderr si
 * no pudo leer (nunca una traza) y sin caracteres de control del libro en la terminal. Incluye
 * una prueba de propiedades (fast-check) con libros rotos al azar.
 */
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { main, type Entorno } from "../../src/cli/main";
import { escribirLibro, filaPmr, hojaPmr, letras, mentirTamano, type Libro } from "../hosts/xlsx/hostiles";

const RAIZ = path.resolve(__dirname, "..", "..");
const BIN = path.join(RAIZ, "bin", "pmr.js");
const LIB = path.join(RAIZ, "lib", "cli", "main.js");
const LIMITE_MS = 30_000;
// Cada prueba lanza procesos de hasta 30 s (el límite que se comprueba); en una máquina cargada
// jest no debe cortarlas antes.
jest.setTimeout(120_000);
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

interface Resultado {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** La línea de comandos compilada, en un proceso con 1,5 GB de montón. */
function pmrCompilado(args: string[], env: Record<string, string> = {}, stdout: "pipe" | number = "pipe"): Resultado {
  const inicio = Date.now();
  const r = spawnSync(process.execPath, ["--max-old-space-size=1536", BIN, ...args], {
    cwd: RAIZ,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: undefined, PMR_DEPURAR: undefined, ...env },
    timeout: LIMITE_MS,
    stdio: ["ignore", stdout, "pipe"],
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "", ms: Date.now() - inicio };
}

/** El código fuente, en este proceso. */
async function pmrFuente(args: string[], env: Record<string, string> = {}): Promise<Resultado> {
  let out = "";
  let err = "";
  const entorno: Entorno = {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env,
  };
  const inicio = Date.now();
  const status = await main(args, entorno);
  return { status, stdout: out, stderr: err, ms: Date.now() - inicio };
}

/** Lo que vale para toda salida: a tiempo, 0/1/2, sin traza ni caracteres de control. */
function comprobar(r: Resultado): void {
  expect(r.ms).toBeLessThan(LIMITE_MS);
  expect([0, 1, 2]).toContain(r.status);
  expect(r.stdout).not.toMatch(CONTROL);
  expect(r.stderr).not.toMatch(CONTROL);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  if (r.status === 2) {
    expect(r.stderr.endsWith("\n")).toBe(true);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^No se pudo|^La variable|^No se pudo escribir/);
  }
}

let carpeta: string;
const escribir = async (nombre: string, l: Libro | Buffer): Promise<string> => {
  const ruta = path.join(carpeta, nombre);
  writeFileSync(ruta, Buffer.isBuffer(l) ? l : await escribirLibro(l));
  return ruta;
};

/** Los casos de la lista de problemas de los usuarios, como archivos. */
const casos: Record<string, () => Promise<Libro | Buffer>> = {
  "valor en XFD1048576 de la hoja PMR": async () => ({ hojas: [hojaPmr(3, [{ ref: "XFD1048576", v: 1 }])] }),
  "A1, XFD1 y A20000 en otra hoja": async () => ({
    hojas: [
      hojaPmr(3),
      {
        nombre: "Notas",
        celdas: [
          { ref: "A1", v: 1 },
          { ref: "XFD1", v: 1 },
          { ref: "A20000", v: 1 },
        ],
      },
    ],
  }),
  "combinada A1:AN1048576": async () => ({ hojas: [{ ...hojaPmr(3), combinadas: ["A1:AN1048576"] }] }),
  "combinada A1:XFD1048576": async () => ({ hojas: [{ ...hojaPmr(3), combinadas: ["A1:XFD1048576"] }] }),
  "celda en la fila 1.048.577": async () => ({ hojas: [hojaPmr(1, [{ ref: "A1048577", v: 1 }])] }),
  "celda en la fila 2.000.000.000": async () => ({ hojas: [hojaPmr(1, [{ ref: "B2000000000", v: 1 }])] }),
  "bomba con el índice que miente": async () =>
    mentirTamano(
      await escribirLibro({
        hojas: [{ nombre: "PMR", xml: `<worksheet><sheetData>${" ".repeat(3 * 1024 * 1024)}</sheetData></worksheet>` }],
      }),
      "xl/worksheets/sheet1.xml",
      10,
    ),
};
const ENTORNO_BOMBA = { PMR_DESCOMPRIMIDO_MAXIMO_MB: "1" };

beforeAll(() => {
  if (!existsSync(LIB)) throw new Error("Falta lib/cli/main.js: ejecute «npm run prepare» antes de estas pruebas.");
  carpeta = mkdtempSync(path.join(tmpdir(), "pmr-cli-hostiles-"));
});
afterAll(() => rmSync(carpeta, { recursive: true, force: true }));

describe.each([
  ["fuente", pmrFuente],
  ["compilado", async (a: string[], e?: Record<string, string>) => pmrCompilado(a, e)],
])("pmr validar (%s)", (_, pmr) => {
  it.each(Object.keys(casos))("%s: termina a tiempo, 0/1/2, una línea", async (caso) => {
    const ruta = await escribir(`${caso.replace(/\W+/g, "-")}.xlsx`, await casos[caso]());
    const r = await pmr(["validar", ruta, "--formato", "json"], ENTORNO_BOMBA);
    comprobar(r);
    if (caso.startsWith("celda en la fila")) {
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("hoja «PMR»");
      expect(r.stderr).toMatch(/«[AB]\d+»/);
    }
    if (caso.startsWith("bomba")) expect(r.stderr).toContain("PMR_DESCOMPRIMIDO_MAXIMO_MB");
    if (caso.startsWith("valor en") || caso.startsWith("combinada") || caso.startsWith("A1,")) {
      expect([0, 1]).toContain(r.status);
      const informe = JSON.parse(r.stdout) as { objetivos: { indicadores: unknown[] }[] };
      expect(informe.objetivos.flatMap((o) => o.indicadores)).toHaveLength(3);
    }
  });

  it("/dev/zero: 2, no es un archivo común", async () => {
    const r = await pmr(["validar", "/dev/zero"]);
    comprobar(r);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("no es un archivo común");
  });

  it("más grande que PMR_MAXIMO_MB: 2, con el tamaño y la variable", async () => {
    const ruta = await escribir("mediano.xlsx", { hojas: [hojaPmr(400)] });
    const r = await pmr(["validar", ruta], { PMR_MAXIMO_MB: "0,01" });
    comprobar(r);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("PMR_MAXIMO_MB");
  });

  it.each([
    ["informe", (ruta: string, otra: string) => ["informe", ruta, "--salida", path.join(otra, "i.html")]],
    ["anexo", (ruta: string, otra: string) => ["anexo", ruta, "--salida", path.join(otra, "a.xlsx")]],
    ["normalizar", (ruta: string, otra: string) => ["normalizar", ruta, "--salida", path.join(otra, "n.xlsx")]],
    ["sellar", (ruta: string) => ["sellar", ruta, "--mes", "6"]],
    ["comparar", (ruta: string) => ["comparar", ruta, ruta]],
    ["consolidar", (ruta: string, otra: string) => ["consolidar", ruta, "--salida", path.join(otra, "c.xlsx")]],
  ])("pmr %s también respeta PMR_MAXIMO_MB y rechaza un valor que no es un número", async (_orden, args) => {
    const ruta = await escribir("mediano-orden.xlsx", { hojas: [hojaPmr(400)] });
    const otra = mkdtempSync(path.join(tmpdir(), "pmr-limite-"));
    try {
      const grande = await pmr(args(ruta, otra), { PMR_MAXIMO_MB: "0,01" });
      comprobar(grande);
      expect(grande.status).toBe(2);
      expect(grande.stderr).toMatch(/Pesa .* y el máximo es .*PMR_MAXIMO_MB/);
      const mal = await pmr(args(ruta, otra), { PMR_MAXIMO_MB: "mucho" });
      comprobar(mal);
      expect(mal.status).toBe(2);
      expect(mal.stderr).toContain("La variable de entorno PMR_MAXIMO_MB dice «mucho»");
    } finally {
      rmSync(otra, { recursive: true, force: true });
    }
  });

  it("PMR_MAXIMO_MB que no es un número: 2, una línea", async () => {
    const r = await pmr(["validar", "x.xlsx"], { PMR_MAXIMO_MB: "mucho" });
    comprobar(r);
    expect(r.stderr).toContain("PMR_MAXIMO_MB");
  });

  it("ESC y saltos de línea en los textos del libro no llegan a la terminal", async () => {
    const celdas = filaPmr(1, [
      "Código objetivo",
      "Objetivo",
      "Código indicador",
      "Indicador",
      "Tendencia",
      "Meta vigencia",
    ]);
    celdas.push(
      ...filaPmr(2, ["O1", "Obj\u001b]0;título\u0007", "I\u001b[31m1", "Nombre\nfalso", "Suma", 5]).map((c) =>
        typeof c.v === "string"
          ? {
              ref: c.ref,
              // eslint-disable-next-line no-control-regex
              xml: `<c r="${c.ref}" t="inlineStr"><is><t>${c.v.replace(/[\u0000-\u001f]/g, (k) => `_x${k.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`)}</t></is></c>`,
            }
          : c,
      ),
    );
    const ruta = await escribir("escapes.xlsx", { hojas: [{ nombre: "PMR", celdas }] });
    const texto = await pmr(["validar", ruta, "--indicadores"]);
    comprobar(texto);
    expect(texto.stdout).toContain("I␛[31m1");
    expect(texto.stdout).toContain("Nombre␊falso");
    const json = await pmr(["validar", ruta, "--formato", "json"]);
    comprobar(json);
    // El JSON conserva el valor (escapado), sin caracteres de control crudos.
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain("I\\u001b[31m1");
  });

  it("encabezado en la fila 31 (con un título en A1): los «Falta la columna» dicen dónde se buscó", async () => {
    const ruta = await escribir("fila31.xlsx", {
      hojas: [
        {
          nombre: "PMR",
          celdas: [
            { ref: "A1", v: "Formato PLE-PIN-F020" },
            ...filaPmr(31, [
              "Código objetivo",
              "Objetivo",
              "Código indicador",
              "Indicador",
              "Tendencia",
              "Meta vigencia",
            ]),
          ],
        },
      ],
    });
    const r = await pmr(["validar", ruta, "--formato", "json"]);
    comprobar(r);
    const faltan = (JSON.parse(r.stdout) as { hallazgos: { regla: string; mensaje: string }[] }).hallazgos.filter(
      (h) => h.regla === "EST-COLUMNA-FALTANTE",
    );
    expect(faltan.length).toBe(6);
    for (const h of faltan) expect(h.mensaje).toContain("primeras 30 filas");
  });

  it("una fecha en la meta vigencia: EST-FECHA-EN-NUMERO y la cifra no cambia", async () => {
    const celdas = filaPmr(1, [
      "Código objetivo",
      "Objetivo",
      "Código indicador",
      "Indicador",
      "Tendencia",
      "Meta vigencia",
    ]);
    celdas.push(...filaPmr(2, ["O1", "Objetivo", "I1", "Indicador", "Suma", 45688]));
    celdas[celdas.length - 1].s = 1;
    const ruta = await escribir("fecha.xlsx", { hojas: [{ nombre: "PMR", celdas }], formatos: ["dd/mm/yyyy"] });
    const r = await pmr(["validar", ruta, "--formato", "json", "--corte", "12"]);
    comprobar(r);
    const informe = JSON.parse(r.stdout) as {
      hallazgos: { regla: string; celda: string }[];
      objetivos: { indicadores: { programado: number | null }[] }[];
    };
    expect(informe.hallazgos.filter((h) => h.regla === "EST-FECHA-EN-NUMERO").map((h) => h.celda)).toEqual(["F2"]);
    // La meta vigencia (Suma, sin programación mensual) es el número tal cual.
    expect(informe.objetivos[0].indicadores[0].programado).toBe(45688);
  });
});

describe("solo el programa compilado (el proceso entero)", () => {
  it("> /dev/full: 2 y un mensaje en español, no un éxito callado", () => {
    const ruta = path.join(RAIZ, "ejemplos", "pmr-ejemplo.xlsx");
    for (const formato of ["texto", "json"]) {
      const lleno = openSync("/dev/full", "w");
      try {
        const r = pmrCompilado(["validar", ruta, "--formato", formato], {}, lleno);
        expect(r.status).toBe(2);
        expect(r.stderr).toMatch(/^No se pudo escribir el informe en la salida \(ENOSPC/);
        expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
      } finally {
        closeSync(lleno);
      }
    }
  });

  it("una tubería sin quien escriba: 2 al momento (no cuelga)", () => {
    const fifo = path.join(carpeta, "tuberia.xlsx");
    const mk = spawnSync("mkfifo", [fifo]);
    if (mk.status !== 0) throw new Error(`mkfifo falló: ${mk.stderr}`);
    const r = pmrCompilado(["validar", fifo]);
    comprobar(r);
    expect(r.status).toBe(2);
    expect(r.ms).toBeLessThan(5_000);
    expect(r.stderr).toContain("no es un archivo común");
  });
});

describe("propiedades: libros rotos al azar", () => {
  /** Una hoja PMR válida cuyo XML se rompe en un punto al azar, o con una celda de referencia al azar. */
  const libroRoto = fc.oneof(
    fc.record({
      tipo: fc.constant("corte" as const),
      donde: fc.nat(),
      inserto: fc.constantFrom(
        "<",
        ">",
        "&",
        "</row>",
        "<c>",
        "&#0;",
        "\u0000",
        "<![CDATA[",
        "<!--",
        '"',
        '<x:c r="A1">',
      ),
    }),
    fc.record({
      tipo: fc.constant("referencia" as const),
      ref: fc.oneof(
        fc
          .tuple(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 1, max: 2_100_000 }))
          .map(([c, f]) => `${letras(c)}${f}`),
        fc.string({ maxLength: 8 }),
      ),
    }),
    fc.record({ tipo: fc.constant("bytes" as const), donde: fc.nat(), cuantos: fc.integer({ min: 1, max: 64 }) }),
  );

  async function construir(caso: unknown): Promise<Buffer> {
    const c = caso as { tipo: string; donde?: number; inserto?: string; ref?: string; cuantos?: number };
    if (c.tipo === "referencia") {
      return escribirLibro({
        hojas: [hojaPmr(2, [{ ref: "D3", xml: `<c r="${c.ref!.replace(/[<&"]/g, "")}"><v>1</v></c>` }])],
      });
    }
    if (c.tipo === "corte") {
      const JSZip = (await import("jszip")).default;
      const zip = await JSZip.loadAsync(await escribirLibro({ hojas: [hojaPmr(3)] }));
      const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
      const i = c.donde! % xml.length;
      zip.file("xl/worksheets/sheet1.xml", xml.slice(0, i) + c.inserto! + xml.slice(i));
      return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    }
    const b = await escribirLibro({ hojas: [hojaPmr(3)] });
    const i = c.donde! % b.length;
    for (let k = i; k < Math.min(b.length, i + c.cuantos!); k++) b[k] = (b[k] + 97) & 0xff;
    return b;
  }

  it("fuente: nunca una traza, 0/1/2, a tiempo", async () => {
    await fc.assert(
      fc.asyncProperty(libroRoto, async (caso) => {
        const ruta = await escribir("azar.xlsx", await construir(caso));
        comprobar(await pmrFuente(["validar", ruta, "--formato", "json"]));
      }),
      { numRuns: 150 },
    );
  }, 180_000);

  it("compilado: lo mismo en procesos aparte", async () => {
    const muestras = fc.sample(libroRoto, { numRuns: 12, seed: 2025 });
    for (const [i, caso] of muestras.entries()) {
      const ruta = await escribir(`azar-${i}.xlsx`, await construir(caso));
      comprobar(pmrCompilado(["validar", ruta]));
    }
  }, 300_000);
});
