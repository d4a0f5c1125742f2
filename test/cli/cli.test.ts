/**
 * `pmr` de extremo a extremo: se ejecuta el programa compilado (`node bin/pmr.js …`, que carga
 * lib/cli/main.js) sobre libros .xlsx generados en una carpeta temporal. Requiere lib/ (lo crea
 * `npm run prepare`, que también corre con `npm ci` y antes de `npm test`).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { Workbook } from "exceljs";
import {
  acumulado,
  avance,
  avanceFinanciero,
  cumplimiento,
  leerTendencia,
  programadoAlCorte,
  type Tendencia,
} from "../../src/domain";
import { porcentaje } from "../../src/domain/formato";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ejemplo = require("../../scripts/ejemplo") as typeof import("../../scripts/ejemplo");

/** Inicio de una secuencia de color ANSI. */
const ESC = "\u001b[";
const RAIZ = path.resolve(__dirname, "..", "..");
const BIN = path.join(RAIZ, "bin", "pmr.js");
const LIB = path.join(RAIZ, "lib", "cli", "main.js");
const EJEMPLO = path.join(RAIZ, "ejemplos", "pmr-ejemplo.xlsx");

interface Resultado {
  status: number | null;
  stdout: string;
  stderr: string;
}

function pmr(args: string[], env: Record<string, string | undefined> = {}): Resultado {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: RAIZ,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: undefined, PMR_DEPURAR: undefined, ...env },
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Un error de uso: código 2, una sola línea en stderr, sin traza, nada en stdout. */
function esErrorDeUso(r: Resultado, mensaje: RegExp): void {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(mensaje);
  expect(r.stderr.endsWith("\n")).toBe(true);
  expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(r.stderr).not.toMatch(/^\s+at /m);
}

let carpeta: string;
let coherente: string;
let sinPmr: string;
const datos = ejemplo.datosEjemplo({ problemas: false });

beforeAll(async () => {
  if (!existsSync(LIB)) {
    throw new Error(
      "Falta lib/cli/main.js: ejecute «npm run prepare» (compila la línea de comandos) antes de estas pruebas.",
    );
  }
  carpeta = mkdtempSync(path.join(tmpdir(), "pmr-cli-"));
  coherente = path.join(carpeta, "coherente.xlsx");
  await ejemplo.escribirLibro(coherente, { problemas: false });
  sinPmr = path.join(carpeta, "sin-pmr.xlsx");
  const wb = new Workbook();
  wb.addWorksheet("Hoja1").getCell("A1").value = "Lista de contactos";
  await wb.xlsx.writeFile(sinPmr);
});
afterAll(() => {
  if (carpeta) rmSync(carpeta, { recursive: true, force: true });
});

/** Avance y cumplimiento al corte calculados con src/domain a partir de los datos del ejemplo. */
function esperado(corte: number) {
  const porIndicador = new Map<string, { P: number | null; E: number | null; avance: number | null }>();
  for (const i of datos.indicadores) {
    const t = leerTendencia(i.tendencia) as Tendencia;
    const P = programadoAlCorte(i.prog, i.mv, t, corte);
    const E = acumulado(i.ejec, t, corte);
    porIndicador.set(i.codigo, { P, E, avance: avance(P, E, t, i.lb) });
  }
  const cumplimientoDe = (o: string) =>
    cumplimiento(
      datos.indicadores
        .filter((i) => i.o === o)
        .map((i) => ({ avance: porIndicador.get(i.codigo)!.avance, ponderacion: i.peso })),
    );
  const financieroDe = (p: string) => {
    const filas = datos.presupuesto.filter((f) => f.codigoProducto === p);
    const comp = filas.reduce((s, f) => s + (acumulado(f.compromisos, "SUMA", corte) ?? 0), 0);
    return avanceFinanciero(
      comp,
      filas.reduce((s, f) => s + f.apropiacion, 0),
    );
  };
  return { porIndicador, cumplimientoDe, financieroDe };
}

describe("pmr validar --formato json", () => {
  let r: Resultado;
  let j: Record<string, unknown> & {
    objetivos: { codigo: string; cumplimiento: number | null; indicadores: Record<string, unknown>[] }[];
    productos: Record<string, unknown>[];
    hallazgos: Record<string, unknown>[];
  };
  beforeAll(() => {
    r = pmr(["validar", coherente, "--formato", "json"]);
    j = JSON.parse(r.stdout);
  });

  it("libro coherente → salida 0, nada en stderr", () => {
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(j.resumen).toEqual({ errores: 0, advertencias: 0, info: 0 });
  });

  it("un solo documento JSON con las claves de §5", () => {
    expect(Object.keys(j)).toEqual([
      "archivo",
      "vigencia",
      "corte",
      "resumen",
      "objetivos",
      "productos",
      "hallazgos",
      "decididos",
    ]);
    // Sin decisiones guardadas en el libro (docs/decisiones-hallazgos.md).
    expect(j.decididos).toEqual({ enGestion: 0, justificados: 0, descartados: 0, resueltos: [] });
    expect(j.archivo).toBe(coherente);
    expect(j.vigencia).toBe(2025);
    expect(j.corte).toBe(9);
    expect(Object.keys(j.objetivos[0])).toEqual(["codigo", "nombre", "cumplimiento", "indicadores"]);
    expect(Object.keys(j.objetivos[0].indicadores[0])).toEqual([
      "codigo",
      "nombre",
      "tipo",
      "tendencia",
      "ponderacion",
      "programado",
      "ejecutado",
      "avance",
      "estado",
    ]);
    expect(Object.keys(j.productos[0])).toEqual(["codigo", "nombre", "avanceFisico", "avanceFinanciero", "coherencia"]);
    expect(j.objetivos.map((o) => o.codigo)).toEqual(["O1", "O2", "O3", "O4", "O5"]);
    expect(j.productos).toHaveLength(12);
  });

  it("las cifras son las de src/domain, como fracciones", () => {
    const e = esperado(9);
    for (const o of j.objetivos) expect(o.cumplimiento).toBeCloseTo(e.cumplimientoDe(o.codigo)!, 12);
    const ip111 = j.objetivos[0].indicadores.find((i) => i.codigo === "IP1.1.1")!;
    expect(ip111).toMatchObject({
      tipo: "Producto",
      tendencia: "Suma",
      ponderacion: 0.2,
      programado: 18000,
      ejecutado: 18030,
    });
    expect(ip111.avance).toBeCloseTo(e.porIndicador.get("IP1.1.1")!.avance!, 12);
    const p11 = j.productos.find((p) => p.codigo === "P1.1")!;
    expect(p11.avanceFinanciero).toBeCloseTo(e.financieroDe("P1.1")!, 12);
    expect(p11.coherencia).toBe("Coherente");
  });

  it("null para lo que no existe", () => {
    const o5 = j.objetivos.find((o) => o.codigo === "O5")!;
    const anual = o5.indicadores.find((i) => i.codigo === "IP5.2.1")!;
    expect(anual).toMatchObject({
      ponderacion: null,
      programado: null,
      ejecutado: null,
      avance: null,
      estado: "Sin programación",
    });
  });
});

describe("códigos de salida", () => {
  it("0: libro coherente (texto)", () => {
    const r = pmr(["validar", coherente]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
  });

  it("1: el libro de ejemplo tiene hallazgos de severidad error", () => {
    const r = pmr(["validar", EJEMPLO, "--formato", "json"]);
    expect(r.status).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.resumen.errores).toBeGreaterThan(0);
    expect(
      j.hallazgos.some((h: { celda: string; categoria: string }) => h.categoria === "Estructura" && h.celda === "Z10"),
    ).toBe(true);
    expect(Object.keys(j.hallazgos[0])).toEqual([
      "regla",
      "categoria",
      "severidad",
      "mensaje",
      "hoja",
      "celda",
      "clave",
      "decision",
      "nota",
    ]);
    expect(j.hallazgos[0]).toMatchObject({ decision: "Pendiente", nota: null });
  });

  it("1: un libro sin hoja PMR", () => {
    const r = pmr(["validar", sinPmr]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("Estructura");
  });

  it("2: el archivo no existe", () => {
    esErrorDeUso(pmr(["validar", "no-existe.xlsx"]), /^No se pudo leer «no-existe\.xlsx»: el archivo no existe\.$/m);
  });

  it("2: no es un .xlsx", () => {
    const ruta = path.join(carpeta, "notas.xlsx");
    writeFileSync(ruta, "esto no es un libro");
    esErrorDeUso(pmr(["validar", ruta]), /no es un libro de Excel \(\.xlsx\) válido\./);
  });

  it("2: una carpeta", () => {
    esErrorDeUso(pmr(["validar", carpeta]), /es una carpeta/);
  });

  it.each([
    [["validar", "x.xlsx", "--corte", "13"], /El corte debe ser un mes entre 1 y 12 \(se recibió «13»\)/],
    [["validar", "x.xlsx", "--corte", "abc"], /El corte debe ser un mes entre 1 y 12/],
    [["validar", "x.xlsx", "--vigencia", "veinticinco"], /La vigencia debe ser un año/],
    [["validar", "x.xlsx", "--formato", "xml"], /El formato debe ser «texto» o «json»/],
    [["validar", "x.xlsx", "--colores"], /Opción desconocida: «--colores»/],
    [["exportar", "x.xlsx"], /Comando desconocido: «exportar»/],
    [[], /Falta el comando/],
    [["validar"], /Falta el libro/],
  ])("2: argumentos %j", (args, mensaje) => {
    esErrorDeUso(pmr(args), mensaje);
  });

  it("2: --config que no existe, que no es JSON o que la configuración rechaza", () => {
    esErrorDeUso(
      pmr(["validar", coherente, "--config", "no-hay.json"]),
      /No se pudo leer la configuración «no-hay\.json»: el archivo no existe\./,
    );
    const malo = path.join(carpeta, "malo.json");
    writeFileSync(malo, "{ no es json");
    esErrorDeUso(pmr(["validar", coherente, "--config", malo]), /no es un JSON válido/);
    const invalido = path.join(carpeta, "invalido.json");
    writeFileSync(invalido, JSON.stringify({ toleranciaFisicoFinanciera: 2, metodoAvance: "otro" }));
    esErrorDeUso(
      pmr(["validar", coherente, "--config", invalido]),
      /no es válida: .*«toleranciaFisicoFinanciera».*«metodoAvance»/,
    );
  });
});

describe("--corte y --vigencia", () => {
  it("--corte 6: el corte y las cifras cambian", () => {
    const r = pmr(["validar", coherente, "--formato", "json", "--corte", "6"]);
    const j = JSON.parse(r.stdout);
    expect(j.corte).toBe(6);
    const e = esperado(6);
    const ip111 = j.objetivos[0].indicadores.find((i: { codigo: string }) => i.codigo === "IP1.1.1");
    expect(ip111.ejecutado).toBe(e.porIndicador.get("IP1.1.1")!.E);
    expect(ip111.ejecutado).toBe(12150);
    expect(j.objetivos[0].cumplimiento).toBeCloseTo(e.cumplimientoDe("O1")!, 12);
  });

  it("--vigencia 2024: no hay filas de esa vigencia", () => {
    const r = pmr(["validar", coherente, "--formato", "json", "--vigencia", "2024"]);
    const j = JSON.parse(r.stdout);
    expect(j.vigencia).toBe(2024);
    expect(j.objetivos).toEqual([]);
  });
});

describe("pmr validar (texto)", () => {
  let r: Resultado;
  beforeAll(() => {
    r = pmr(["validar", EJEMPLO, "--corte", "9"]);
  });

  it("informe legible: encabezado, resumen, objetivos, productos y hallazgos por categoría", () => {
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^PMR · Informe de validación\n/);
    expect(r.stdout).toMatch(/Vigencia: +2025\n/);
    expect(r.stdout).toMatch(/Corte: +septiembre \(mes 9\)\n/);
    expect(r.stdout).toContain("\nObjetivos\n");
    expect(r.stdout).toContain("\nProductos\n");
    expect(r.stdout).toMatch(/\nHallazgos\n {2}\S/);
    expect(r.stdout).toMatch(/^ {2}Estructura \(\d+\)$/m);
    expect(r.stdout).toMatch(/^ {4}PMR!Z10 +error +/m);
  });

  it("cumplimientos en formato es-CO («100,23 %»), con la cifra de src/domain", () => {
    // Los problemas del ejemplo que tocan O2 (tipo de IP2.3.1, texto largo) no cambian su cumplimiento.
    const linea = r.stdout.split("\n").find((l) => l.startsWith("  O2 "));
    expect(linea).toContain(porcentaje(esperado(9).cumplimientoDe("O2")));
    expect(linea).toMatch(/ \d+,\d\d\u00a0% /);
  });

  it("sin colores cuando la salida no es una terminal", () => {
    expect(r.stdout).not.toContain(ESC);
  });

  it("--indicadores muestra cada indicador con su avance", () => {
    const con = pmr(["validar", coherente, "--indicadores"]);
    const e = esperado(9);
    const linea = con.stdout.split("\n").find((l) => l.trim().startsWith("IP2.2.1"));
    expect(linea).toContain(porcentaje(e.porIndicador.get("IP2.2.1")!.avance));
  });
});

describe("ayuda", () => {
  it("pmr --help → 0", () => {
    const r = pmr(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Uso: pmr <comando>/);
    expect(r.stderr).toBe("");
  });

  it("pmr validar --help → 0, con las opciones de §5", () => {
    const r = pmr(["validar", "--help"]);
    expect(r.status).toBe(0);
    for (const o of ["--corte", "--vigencia", "--formato", "--config"]) expect(r.stdout).toContain(o);
  });
});
