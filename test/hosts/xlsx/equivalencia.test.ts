/**
 * El lector nuevo (libroXlsx.ts) da las MISMAS grillas que la lectura con ExcelJS
 * (grillaExcelJs.ts, la de antes) en los libros que ambos pueden leer: libros generados al azar
 * con ExcelJS (números, textos, texto enriquecido, hipervínculos, lógicos, errores, fórmulas con
 * y sin resultado, fechas en los sistemas 1900 y 1904, formatos, combinadas, hojas ocultas,
 * rangos que no empiezan en A1), el libro de ejemplo y los libros del benchmark; y con ellas,
 * el mismo informe (hallazgos con sus claves y cifras).
 *
 * Única tolerancia: ExcelJS convierte un número con formato de fecha en Date (redondeado al
 * milisegundo) y de vuelta a número de serie con 10 decimales; el lector nuevo da el número del
 * archivo tal cual (lo que da Office.js). Los números se comparan con 7 decimales. Quedan fuera
 * dos defectos de ExcelJS en que el lector nuevo da lo que da Office.js: FALSO como resultado de
 * fórmula (ExcelJS da "") y el formato de fecha en lo que no es una fecha de Excel.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { Workbook, type Worksheet } from "exceljs";
import fc from "fast-check";
import { CONFIGURACION_POR_DEFECTO } from "../../../src/domain";
import { validarLibro } from "../../../src/casos/validar";
import { informeJson } from "../../../src/cli/informeJson";
import { grillasDeLibro, leerLibroXlsx, NODOS_IGNORADOS } from "../../../src/hosts/xlsx";
import type { LibroGrillas } from "../../../src/workbook/grilla";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const bench = require("../../../bench/generar") as {
  libroGrillas(n: number, semilla?: number): LibroGrillas;
  escribirXlsx(ruta: string, libro: LibroGrillas): Promise<void>;
};

const RAIZ = path.resolve(__dirname, "..", "..", "..");

/** Las grillas de ExcelJS (la lectura de antes) de los mismos bytes. */
async function conExcelJs(bytes: Buffer): Promise<LibroGrillas> {
  const wb = new Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<Workbook["xlsx"]["load"]>[0], { ignoreNodes: NODOS_IGNORADOS });
  return grillasDeLibro(wb);
}

/** Copia comparable: filas y números normalizados (las filas congeladas compartidas pasan a copias). */
function comparable(l: LibroGrillas): unknown {
  // ExcelJS redondea las fechas al milisegundo (≈ 1,2e-8 días): 7 decimales bastan.
  const numero = (v: unknown) =>
    typeof v !== "number" ? v : Math.abs(v) < 1e9 ? Number(v.toFixed(7)) + 0 : Number(v.toPrecision(12));
  return l.hojas.map((h) => ({
    ...h,
    valores: h.valores.map((f) => f.map(numero)),
    formatos: h.formatos?.map((f) => [...f]),
  }));
}

async function mismasGrillas(bytes: Buffer): Promise<LibroGrillas> {
  const nuevo = await leerLibroXlsx(bytes);
  const viejo = await conExcelJs(bytes);
  expect(comparable(nuevo)).toEqual(comparable(viejo));
  return nuevo;
}

// ───────────── Libros al azar ─────────────

const MINUTO = 60_000;
const fecha = fc
  .integer({ min: Date.UTC(1900, 2, 1) / MINUTO, max: Date.UTC(2100, 0, 1) / MINUTO })
  .map((m) => new Date(m * MINUTO));
const texto = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.constantFrom("Año 2025", "niñ@s", "  espacios  ", "a&b<c>\"d'", "_x0041_", "Línea\nnueva", "€ 1.234,5", "#REF!"),
);
const error = fc.constantFrom("#REF!", "#N/A", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!");
const valor: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -1e6, max: 1e9 }) },
  { weight: 3, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }) },
  { weight: 4, arbitrary: texto },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: error.map((e) => ({ error: e })) },
  { weight: 1, arbitrary: fecha },
  {
    weight: 1,
    arbitrary: fc.tuple(texto, texto).map(([a, b]) => ({ richText: [{ text: a }, { font: { bold: true }, text: b }] })),
  },
  { weight: 1, arbitrary: texto.map((t) => ({ text: t, hyperlink: "https://www.bogota.gov.co" })) },
  {
    weight: 2,
    arbitrary: fc
      .oneof(
        fc.integer(),
        texto,
        // Sin FALSO como resultado: ExcelJS lo pierde (da ""); Office.js y el lector nuevo dan false.
        fc.constant(true),
        error.map((e) => ({ error: e })),
        fc.constant(undefined),
      )
      .map((result) => ({ formula: "1+1", result })),
  },
);
const formato = fc.constantFrom(
  undefined,
  undefined,
  undefined,
  "0%",
  "#,##0.00",
  "0.0",
  "dd/mm/yyyy",
  "@",
  '0 "personas"',
);
const celda = fc.record({
  fila: fc.integer({ min: 1, max: 40 }),
  columna: fc.integer({ min: 1, max: 20 }),
  valor,
  formato,
});
const hoja = fc.record({
  celdas: fc.array(celda, { maxLength: 40 }),
  oculta: fc.boolean(),
  combinadas: fc.array(
    fc.tuple(fc.integer({ min: 41, max: 60 }), fc.integer({ min: 1, max: 20 }), fc.nat(3), fc.nat(3)),
    {
      maxLength: 3,
    },
  ),
});
const libro = fc.record({ hojas: fc.array(hoja, { minLength: 1, maxLength: 3 }), fecha1904: fc.boolean() });

type LibroAlAzar = typeof libro extends fc.Arbitrary<infer T> ? T : never;

async function escribir(l: LibroAlAzar): Promise<Buffer> {
  const wb = new Workbook();
  wb.properties.date1904 = l.fecha1904;
  l.hojas.forEach((h, i) => {
    const ws: Worksheet = wb.addWorksheet(`Hoja ${i + 1}`, { state: h.oculta ? "hidden" : "visible" });
    for (const c of h.celdas) {
      const cell = ws.getCell(c.fila, c.columna);
      cell.value = c.valor as never;
      // Formato de fecha solo en números del calendario de Excel y en fechas: en lo demás
      // (números enormes, resultados de fórmula) ExcelJS hace una Date inválida y pierde el
      // valor; Office.js y el lector nuevo dan el valor. No es un caso de «ambos leen».
      const enCalendario =
        c.valor instanceof Date || (typeof c.valor === "number" && c.valor >= 0 && c.valor <= 2_958_465);
      if (c.formato && (c.formato !== "dd/mm/yyyy" || enCalendario)) cell.numFmt = c.formato;
    }
    for (const [f, c, alto, ancho] of h.combinadas) {
      try {
        ws.getCell(f, c).value = "combinada";
        ws.mergeCells(f, c, f + alto, c + ancho);
      } catch {
        // se superpone con otra: se deja como está
      }
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("mismas grillas que ExcelJS", () => {
  it("en libros generados al azar", async () => {
    await fc.assert(
      fc.asyncProperty(libro, async (l) => {
        await mismasGrillas(await escribir(l));
      }),
      { numRuns: 100 },
    );
  }, 180_000);

  it("en el libro de ejemplo, con el mismo informe (claves de hallazgo y cifras)", async () => {
    const bytes = readFileSync(path.join(RAIZ, "ejemplos", "pmr-ejemplo.xlsx"));
    const nuevo = await mismasGrillas(bytes);
    const viejo = await conExcelJs(bytes);
    const a = informeJson("x.xlsx", validarLibro(nuevo, CONFIGURACION_POR_DEFECTO));
    const b = informeJson("x.xlsx", validarLibro(viejo, CONFIGURACION_POR_DEFECTO));
    expect(a).toEqual(b);
    expect(a.hallazgos.length).toBeGreaterThan(0);
  });

  it("en libros del benchmark (escritos por flujo, con textos compartidos)", async () => {
    const { mkdtempSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const carpeta = mkdtempSync(path.join(tmpdir(), "pmr-equiv-"));
    try {
      for (const [n, semilla] of [
        [30, 1],
        [250, 7],
      ]) {
        const ruta = path.join(carpeta, `b${n}.xlsx`);
        await bench.escribirXlsx(ruta, bench.libroGrillas(n, semilla));
        const bytes = readFileSync(ruta);
        const nuevo = await mismasGrillas(bytes);
        const a = informeJson("x.xlsx", validarLibro(nuevo, CONFIGURACION_POR_DEFECTO));
        const b = informeJson("x.xlsx", validarLibro(await conExcelJs(bytes), CONFIGURACION_POR_DEFECTO));
        expect(a).toEqual(b);
      }
    } finally {
      rmSync(carpeta, { recursive: true, force: true });
    }
  });
});
