/**
 * Archivos hostiles y entradas raras: el lector termina pronto, con poca memoria, y lo que no
 * puede leer lo dice en una línea en español con la parte, la hoja y la celda. Los libros se
 * generan aquí (hostiles.ts). La línea de comandos compilada se prueba con los mismos libros en
 * test/cli/hostiles.test.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { ErrorLecturaLibro, leerArchivoXlsx, leerLibroXlsx } from "../../../src/hosts/xlsx";
import type { GrillaHoja, LibroGrillas } from "../../../src/workbook/grilla";
import { leerModelo } from "../../../src/workbook/lector";
import { escribirLibro, hojaPmr, mentirTamano, type Libro } from "./hostiles";

let carpeta: string;
beforeAll(() => {
  carpeta = mkdtempSync(path.join(tmpdir(), "pmr-hostiles-"));
});
afterAll(() => rmSync(carpeta, { recursive: true, force: true }));

async function leer(l: Libro, opciones: Parameters<typeof leerLibroXlsx>[1] = {}): Promise<LibroGrillas> {
  return leerLibroXlsx(await escribirLibro(l), opciones);
}

/** El error de lectura: su motivo y su mensaje (una línea, sin caracteres de control). */
async function fallo(p: Promise<unknown>): Promise<{ motivo: string; mensaje: string }> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ErrorLecturaLibro);
    const err = e as ErrorLecturaLibro;
    // eslint-disable-next-line no-control-regex
    expect(err.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    return { motivo: err.motivo, mensaje: err.message };
  }
  throw new Error("se esperaba un error de lectura");
}

function hoja(l: LibroGrillas, nombre: string): GrillaHoja {
  const h = l.hojas.find((x) => x.nombre === nombre);
  if (!h) throw new Error(nombre);
  return h;
}

/** Celdas que ocupan las filas de una grilla (lo que cuesta en memoria). */
function celdasGuardadas(g: GrillaHoja): number {
  const vistas = new Set<unknown[]>();
  let n = 0;
  for (const f of g.valores) {
    if (vistas.has(f)) continue;
    vistas.add(f);
    n += f.length;
  }
  return n;
}

describe("un valor suelto lejos de los datos no cuesta memoria", () => {
  it("XFD1048576 en la hoja PMR: se lee, las filas llegan hasta su último valor y las vacías se comparten", async () => {
    const l = await leer({ hojas: [hojaPmr(3, [{ ref: "XFD1048576", v: "x" }])] });
    const g = hoja(l, "PMR");
    expect(g.valores).toHaveLength(1_048_576);
    expect(g.valores[1_048_575]).toHaveLength(16_384);
    expect(g.valores[1_048_575][16_383]).toBe("x");
    expect(g.valores[1]).toEqual(["O1", "Objetivo uno", "I1", "Indicador 1", "Suma", 12, 1, 1]);
    expect(celdasGuardadas(g)).toBeLessThan(20_000);
    expect(Object.isFrozen(g.valores[500_000])).toBe(true);
    // El lector puro lee los indicadores igual.
    expect(leerModelo(l).pmr?.indicadores).toHaveLength(3);
  });

  it("A1, XFD1 y A20000 en una hoja que no es la PMR: tampoco", async () => {
    const l = await leer({
      hojas: [
        hojaPmr(2),
        {
          nombre: "Notas",
          celdas: [
            { ref: "A1", v: 1 },
            { ref: "XFD1", v: 2 },
            { ref: "A20000", v: 3 },
          ],
        },
      ],
    });
    const g = hoja(l, "Notas");
    expect(g.valores).toHaveLength(20_000);
    expect(celdasGuardadas(g)).toBeLessThan(16_400);
    expect(g.valores[19_999]).toEqual([3]);
  });

  it("con las tres hojas del PMR por su nombre, las demás ni se descomprimen", async () => {
    const zip = await escribirLibro({
      hojas: [
        hojaPmr(1),
        { nombre: "PMR_Presupuesto", celdas: [{ ref: "A1", v: "Código producto" }] },
        { nombre: "PMR_Territorial", celdas: [{ ref: "A1", v: "Código indicador" }] },
        { nombre: "Basura", sheetData: "<row><c" }, // XML roto: si se leyera, fallaría
      ],
    });
    const l = await leerLibroXlsx(zip, { hojas: "necesarias" });
    expect(l.hojas.map((h) => h.nombre)).toEqual(["PMR", "PMR_Presupuesto", "PMR_Territorial"]);
  });
});

describe("celdas combinadas de columnas enteras", () => {
  it.each(["A1:AN1048576", "A1:XFD1048576"])("%s: solo el área, no sus celdas", async (ref) => {
    const l = await leer({ hojas: [{ ...hojaPmr(3), combinadas: [ref] }] });
    const g = hoja(l, "PMR");
    expect(g.valores).toHaveLength(4);
    expect(g.combinadas).toHaveLength(1);
    expect(leerModelo(l).pmr?.indicadores).toHaveLength(3);
  });
});

describe("la cuadrícula de Excel (1.048.576 filas × 16.384 columnas)", () => {
  it.each([
    ["A1048577", "A1048577"],
    ["A2000000000", "A2000000000"],
    ["XFE1", "XFE1"],
    ["ZZZZZ5", "ZZZZZ5"],
  ])("una celda %s: el libro se rechaza al momento, con la hoja y la celda", async (ref, celda) => {
    const inicio = Date.now();
    const r = await fallo(leer({ hojas: [hojaPmr(1, [{ ref, v: 1 }])] }, { nombre: "libro.xlsx" }));
    expect(Date.now() - inicio).toBeLessThan(5_000);
    expect(r.motivo).toBe("fuera-de-cuadricula");
    expect(r.mensaje).toContain("«libro.xlsx»");
    expect(r.mensaje).toContain("hoja «PMR»");
    expect(r.mensaje).toContain(`«${celda}»`);
  });

  it("una fila 2.000.000.000 sin celdas con referencia, igual", async () => {
    const r = await fallo(leer({ hojas: [{ nombre: "PMR", sheetData: '<row r="2000000000"><c><v>1</v></c></row>' }] }));
    expect(r.motivo).toBe("fuera-de-cuadricula");
    expect(r.mensaje).toContain("A2000000000");
  });

  it("un área combinada fuera de la cuadrícula", async () => {
    const r = await fallo(leer({ hojas: [{ ...hojaPmr(1), combinadas: ["A1:XFE2"] }] }));
    expect(r.motivo).toBe("fuera-de-cuadricula");
    expect(r.mensaje).toContain("A1:XFE2");
  });
});

describe("bombas de descompresión", () => {
  const grande = " ".repeat(3 * 1024 * 1024);
  const libroGrande = (): Libro => ({
    hojas: [{ nombre: "PMR", xml: `<worksheet><sheetData>${grande}</sheetData></worksheet>` }],
  });

  it("el tamaño declarado pasa del máximo: se rechaza sin descomprimir", async () => {
    const r = await fallo(leer(libroGrande(), { descomprimidoMaximo: 1024 * 1024 }));
    expect(r.motivo).toBe("descomprimido-grande");
    expect(r.mensaje).toContain("xl/worksheets/sheet1.xml");
    expect(r.mensaje).toContain("PMR_DESCOMPRIMIDO_MAXIMO_MB");
  });

  it("el índice miente (dice 100 bytes): se cuenta al descomprimir y se detiene", async () => {
    const zip = mentirTamano(await escribirLibro(libroGrande()), "xl/worksheets/sheet1.xml", 100);
    const r = await fallo(leerLibroXlsx(zip, { descomprimidoMaximo: 1024 * 1024 }));
    expect(r.motivo).toBe("descomprimido-grande");
  });

  it("una parte que se descomprime más de 200 veces su tamaño: se detiene pronto, con el máximo por omisión", async () => {
    const espacios = " ".repeat(20 * 1024 * 1024);
    const zip = await escribirLibro({
      hojas: [{ nombre: "PMR", xml: `<worksheet><sheetData>${espacios}</sheetData></worksheet>` }],
    });
    expect(zip.length).toBeLessThan(200 * 1024);
    const r = await fallo(leerLibroXlsx(zip));
    expect(r.motivo).toBe("descomprimido-grande");
    const r2 = await fallo(leerLibroXlsx(mentirTamano(zip, "xl/worksheets/sheet1.xml", 100)));
    expect(r2.motivo).toBe("descomprimido-grande");
  });

  it("el máximo cuenta todas las partes leídas juntas", async () => {
    const mitad = " ".repeat(700 * 1024);
    const r = await fallo(
      leer(
        {
          hojas: [
            { nombre: "A", xml: `<worksheet><sheetData>${mitad}</sheetData></worksheet>` },
            { nombre: "B", xml: `<worksheet><sheetData>${mitad}</sheetData></worksheet>` },
          ],
        },
        { descomprimidoMaximo: 1024 * 1024 },
      ),
    );
    expect(r.motivo).toBe("descomprimido-grande");
    expect(r.mensaje).toContain("sheet2.xml");
  });
});

describe("partes dañadas: qué parte, qué hoja y dónde", () => {
  it("XML roto en una hoja: la hoja y la celda cercana", async () => {
    const r = await fallo(
      leer({
        hojas: [{ nombre: "PMR", sheetData: '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</x></c></row>' }],
      }),
    );
    expect(r.motivo).toBe("danado");
    expect(r.mensaje).toContain("hoja «PMR»");
    expect(r.mensaje).toContain("xl/worksheets/sheet1.xml");
    expect(r.mensaje).toContain("cerca de la celda B1");
  });

  it("XML roto en los estilos: la parte y el carácter", async () => {
    const r = await fallo(leer({ hojas: [hojaPmr(1)], estilosXml: "<styleSheet><numFmts></styleSheet>" }));
    expect(r.motivo).toBe("danado");
    expect(r.mensaje).toContain("«xl/styles.xml»");
    expect(r.mensaje).toMatch(/carácter \d+/);
  });

  it("XML que termina a mitad de los textos compartidos", async () => {
    const r = await fallo(leer({ hojas: [hojaPmr(1)], textosXml: "<sst><si><t>hola</t>" }));
    expect(r.mensaje).toContain("«xl/sharedStrings.xml»");
  });

  it("entidad desconocida y DOCTYPE (nada de entidades del archivo)", async () => {
    const r1 = await fallo(leer({ hojas: [hojaPmr(1)], textosXml: "<sst><si><t>&bomba;</t></si></sst>" }));
    expect(r1.mensaje).toContain("&bomba;");
    const r2 = await fallo(
      leer({ hojas: [hojaPmr(1)], textosXml: '<!DOCTYPE sst [<!ENTITY a "aaaa">]><sst><si><t>&a;</t></si></sst>' }),
    );
    expect(r2.mensaje).toContain("DOCTYPE");
  });

  it("datos comprimidos dañados: la parte", async () => {
    const zip = await escribirLibro({ hojas: [hojaPmr(40)] });
    // Se estropean los datos comprimidos de la hoja (después de su cabecera local).
    const i = zip.indexOf(Buffer.from("xl/worksheets/sheet1.xml", "latin1"));
    for (let k = i + 40; k < i + 120; k++) zip[k] = 0xff;
    const r = await fallo(leerLibroXlsx(zip));
    expect(r.motivo).toBe("danado");
    expect(r.mensaje).toContain("xl/worksheets/sheet1.xml");
  });

  it("un índice con millones de partes se rechaza antes de que JSZip cree un objeto por parte", async () => {
    const firma = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), ...Array.from({ length: 100_001 }, () => firma)]);
    const r = await fallo(leerLibroXlsx(zip));
    expect(r.motivo).toBe("danado");
    expect(r.mensaje).toContain("más de 100.000 partes");
  });

  it("una hoja que el libro dice tener y no está en el paquete", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(await escribirLibro({ hojas: [hojaPmr(1)] }));
    zip.remove("xl/worksheets/sheet1.xml");
    const r = await fallo(leerLibroXlsx(await zip.generateAsync({ type: "nodebuffer" })));
    expect(r.mensaje).toContain("Falta la parte xl/worksheets/sheet1.xml de la hoja «PMR»");
  });

  it("un índice de texto compartido que no existe es un problema de esa celda, no del libro", async () => {
    const l = await leer({
      hojas: [hojaPmr(2, [{ ref: "D3", xml: '<c r="D3" t="s"><v>999</v></c>' }])],
      textos: ["uno"],
    });
    const m = leerModelo(l);
    expect(m.pmr?.indicadores).toHaveLength(2);
    expect(m.lectura).toEqual([
      expect.objectContaining({ tipo: "valor-ilegible", hoja: "PMR", celda: "D3", campo: "nombre" }),
    ]);
    expect(m.lectura[0].detalle).toContain("999");
  });
});

describe("textos del libro con caracteres de control", () => {
  it("_x001B_ se decodifica en el valor (el modelo conserva el texto del libro)", async () => {
    const l = await leer({
      hojas: [hojaPmr(1, [{ ref: "D2", xml: '<c r="D2" t="s"><v>0</v></c>' }])],
      textos: ["a_x001B_[31mb"],
    });
    expect(hoja(l, "PMR").valores[1][3]).toBe("a\u001b[31mb");
  });
});

describe("archivos que no son .xlsx", () => {
  it("/dev/zero: no se abre (no llena la memoria)", async () => {
    const r = await fallo(leerArchivoXlsx("/dev/zero"));
    expect(r.motivo).toBe("no-regular");
  });

  it("más grande que el máximo: se dice cuánto pesa y cómo subir el máximo", async () => {
    const ruta = path.join(carpeta, "grande.xlsx");
    writeFileSync(ruta, await escribirLibro({ hojas: [hojaPmr(200)] }));
    const r = await fallo(leerArchivoXlsx(ruta, { tamanoMaximo: 1024 }));
    expect(r.motivo).toBe("demasiado-grande");
    expect(r.mensaje).toContain("PMR_MAXIMO_MB");
    expect(r.mensaje).toContain("1 KB");
  });

  it("un .xlsx sin hojas de cálculo (solo una hoja de gráfico)", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(await escribirLibro({ hojas: [hojaPmr(1)] }));
    const rels = (await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).replace("/worksheet", "/chartsheet");
    zip.file("xl/_rels/workbook.xml.rels", rels);
    const r = await fallo(leerLibroXlsx(await zip.generateAsync({ type: "nodebuffer" })));
    expect(r.motivo).toBe("sin-hojas");
  });
});
