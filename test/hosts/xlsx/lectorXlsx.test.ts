/**
 * Lector .xlsx (ExcelJS) → grillas. Los libros se escriben con ExcelJS en una carpeta temporal y
 * se leen con leerArchivoXlsx; la grilla esperada es la que daría Office.js:
 *
 * - `worksheet.getUsedRange(true)` (solo valores): el rectángulo de la primera a la última fila y
 *   columna con algún valor; `filaInicial`/`columnaInicial` es su esquina (0-based). Las celdas que
 *   solo tienen formato no lo agrandan. Hoja vacía: A1 con [[""]].
 * - `range.values`: vacía → ""; fórmula → su resultado (Excel lo recalcula al abrir; se supone que
 *   el resultado guardado es el vigente); error → "#REF!", "#N/A"…; fecha → número de serie;
 *   texto enriquecido e hipervínculo → su texto; lógico → true/false; celdas combinadas → el valor
 *   en la superior izquierda y "" en las demás.
 * - `range.numberFormat`: el código de formato de cada celda, "General" si no tiene.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { Workbook, type Worksheet } from "exceljs";
import JSZip from "jszip";
import { ErrorLecturaLibro, leerArchivoXlsx, motivoPorFirma, serialDeFecha } from "../../../src/hosts/xlsx";
import type { GrillaHoja, LibroGrillas } from "../../../src/workbook/grilla";

let carpeta: string;

beforeAll(() => {
  carpeta = mkdtempSync(path.join(tmpdir(), "pmr-xlsx-"));
});
afterAll(() => {
  rmSync(carpeta, { recursive: true, force: true });
});

async function escribirYLeer(nombre: string, preparar: (libro: Workbook) => void): Promise<LibroGrillas> {
  const libro = new Workbook();
  preparar(libro);
  const ruta = path.join(carpeta, nombre);
  await libro.xlsx.writeFile(ruta);
  return leerArchivoXlsx(ruta);
}

function hoja(libro: LibroGrillas, nombre: string): GrillaHoja {
  const h = libro.hojas.find((x) => x.nombre === nombre);
  if (!h) throw new Error(`no está la hoja ${nombre}`);
  return h;
}

/** Valor de la celda A1 absoluta de una grilla (teniendo en cuenta el origen del rango usado). */
function celda(g: GrillaHoja, a1: string): unknown {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(a1);
  let col = 0;
  for (const c of m[1]) col = col * 26 + (c.charCodeAt(0) - 64);
  const f = Number(m[2]) - 1 - (g.filaInicial ?? 0);
  const c = col - 1 - (g.columnaInicial ?? 0);
  return g.valores[f]?.[c];
}

describe("valores como los da range.values", () => {
  let g: GrillaHoja;
  beforeAll(async () => {
    const libro = await escribirYLeer("valores.xlsx", (wb) => {
      const ws = wb.addWorksheet("Datos");
      ws.getCell("A1").value = 12.5;
      ws.getCell("B1").value = "texto";
      ws.getCell("C1").value = true;
      ws.getCell("D1").value = false;
      // B2 y C2 vacías dentro del rango usado.
      ws.getCell("A2").value = 0;
      ws.getCell("D2").value = "";
      ws.getCell("A3").value = { richText: [{ text: "Hola " }, { font: { bold: true }, text: "mundo" }] };
      ws.getCell("B3").value = { text: "Portal", hyperlink: "https://www.bogota.gov.co" };
      ws.getCell("C3").value = {
        text: { richText: [{ text: "enlace " }, { font: { italic: true }, text: "rico" }] },
        hyperlink: "https://example.org",
      } as never;
      ws.getCell("D3").value = "0,85";
    });
    g = hoja(libro, "Datos");
  });

  it('números, textos y lógicos tal cual; vacías como ""', () => {
    expect(g.valores[0]).toEqual([12.5, "texto", true, false]);
    expect(g.valores[1]).toEqual([0, "", "", ""]);
  });

  it("texto enriquecido e hipervínculos como texto plano; los textos numéricos no se interpretan", () => {
    expect(g.valores[2]).toEqual(["Hola mundo", "Portal", "enlace rico", "0,85"]);
  });

  it("la grilla es rectangular y empieza en A1", () => {
    expect(g.filaInicial).toBe(0);
    expect(g.columnaInicial).toBe(0);
    expect(g.valores.every((f) => f.length === 4)).toBe(true);
  });
});

describe("fórmulas: el resultado guardado, no la fórmula", () => {
  let g: GrillaHoja;
  beforeAll(async () => {
    const libro = await escribirYLeer("formulas.xlsx", (wb) => {
      const ws = wb.addWorksheet("F");
      ws.getCell("A1").value = 2;
      ws.getCell("B1").value = { formula: "A1*3", result: 6 };
      ws.getCell("C1").value = { formula: 'IF(A1>1,"alto","bajo")', result: "alto" };
      ws.getCell("D1").value = { formula: "A1>1", result: true };
      ws.getCell("E1").value = { formula: "A1+1" }; // sin resultado guardado
      ws.getCell("F1").value = { formula: "DATE(2025,3,31)", result: new Date(Date.UTC(2025, 2, 31)) };
      ws.getCell("F1").numFmt = "dd/mm/yyyy";
      ws.getCell("A2").value = 1;
      ws.getCell("B2").value = 2;
      ws.getCell("C2").value = 3;
      // Fórmula compartida (como al arrastrar): cada celda con su resultado.
      ws.fillFormula("A3:C3", "A2*10", [10, 20, 30]);
    });
    g = hoja(libro, "F");
  });

  it("resultados numéricos, de texto y lógicos", () => {
    expect(g.valores[0].slice(0, 4)).toEqual([2, 6, "alto", true]);
  });

  it('una fórmula sin resultado guardado da ""', () => {
    expect(g.valores[0][4]).toBe("");
  });

  it("una fórmula con resultado de fecha da el número de serie", () => {
    expect(g.valores[0][5]).toBe(45747);
  });

  it("fórmulas compartidas: el resultado de cada celda", () => {
    expect(g.valores[2].slice(0, 3)).toEqual([10, 20, 30]);
  });
});

describe("errores de Excel como texto", () => {
  let g: GrillaHoja;
  beforeAll(async () => {
    const libro = await escribirYLeer("errores.xlsx", (wb) => {
      const ws = wb.addWorksheet("E");
      ws.getCell("A1").value = { error: "#REF!" } as never;
      ws.getCell("B1").value = { error: "#N/A" } as never;
      ws.getCell("C1").value = { formula: "#REF!*1", result: { error: "#REF!" } } as never;
      ws.getCell("D1").value = { formula: 'VLOOKUP("x",A1:B1,2,FALSE)', result: { error: "#N/A" } } as never;
      ws.getCell("E1").value = { formula: "1/0", result: { error: "#DIV/0!" } } as never;
    });
    g = hoja(libro, "E");
  });

  it("como valor y como resultado de fórmula", () => {
    expect(g.valores[0]).toEqual(["#REF!", "#N/A", "#REF!", "#N/A", "#DIV/0!"]);
  });
});

describe("fechas como número de serie", () => {
  it("sistema 1900, con hora", async () => {
    const libro = await escribirYLeer("fechas.xlsx", (wb) => {
      const ws = wb.addWorksheet("D");
      ws.getCell("A1").value = new Date(Date.UTC(2025, 0, 31));
      ws.getCell("B1").value = new Date(Date.UTC(2025, 0, 31, 18, 0, 0));
      ws.getCell("C1").value = new Date(Date.UTC(1900, 2, 1));
    });
    expect(hoja(libro, "D").valores[0]).toEqual([45688, 45688.75, 61]);
  });

  it("sistema 1904", async () => {
    const libro = await escribirYLeer("fechas1904.xlsx", (wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet("D");
      ws.getCell("A1").value = new Date(Date.UTC(2025, 0, 31));
    });
    expect(hoja(libro, "D").valores[0][0]).toBe(45688 - 1462);
  });

  it("serialDeFecha no deja ruido de coma flotante", () => {
    expect(serialDeFecha(new Date(Date.UTC(2025, 8, 30)))).toBe(45930);
    expect(serialDeFecha(new Date(Date.UTC(2025, 8, 30, 12)))).toBe(45930.5);
    expect(serialDeFecha(new Date(Date.UTC(2025, 8, 30, 8)))).toBeCloseTo(45930 + 1 / 3, 9);
  });
});

describe("celdas combinadas", () => {
  let g: GrillaHoja;
  beforeAll(async () => {
    const libro = await escribirYLeer("combinadas.xlsx", (wb) => {
      const ws = wb.addWorksheet("C");
      ws.getCell("B2").value = "Programación";
      ws.mergeCells("B2:D2");
      ws.getCell("E2").value = "Código";
      ws.mergeCells("E2:E3");
      ws.getCell("B3").value = "Ene";
      ws.getCell("C3").value = "Feb";
      ws.getCell("D3").value = "Mar";
    });
    g = hoja(libro, "C");
  });

  it('el valor en la celda superior izquierda y "" en las demás', () => {
    expect(g.filaInicial).toBe(1);
    expect(g.columnaInicial).toBe(1);
    expect(g.valores).toEqual([
      ["Programación", "", "", "Código"],
      ["Ene", "Feb", "Mar", ""],
    ]);
  });

  it("las áreas en coordenadas absolutas 0-based", () => {
    expect(g.combinadas).toEqual([
      { fila: 1, columna: 1, filas: 1, columnas: 3 },
      { fila: 1, columna: 4, filas: 2, columnas: 1 },
    ]);
  });
});

describe("tabla de Excel (ListObject)", () => {
  it("sus celdas se leen como un rango más, en su posición", async () => {
    const libro = await escribirYLeer("tabla.xlsx", (wb) => {
      const ws = wb.addWorksheet("PMR");
      ws.getCell("A1").value = "Título del formato";
      ws.addTable({
        name: "TablaPMR",
        ref: "B3",
        headerRow: true,
        style: { theme: "TableStyleMedium2", showRowStripes: true },
        columns: [{ name: "Código indicador" }, { name: "Meta vigencia" }, { name: "Tendencia" }],
        rows: [
          ["I1", 100, "Suma"],
          ["I2", 0.5, "Creciente"],
        ],
      });
    });
    const g = hoja(libro, "PMR");
    expect(g.filaInicial).toBe(0);
    expect(g.columnaInicial).toBe(0);
    expect(g.valores).toEqual([
      ["Título del formato", "", "", ""],
      ["", "", "", ""],
      ["", "Código indicador", "Meta vigencia", "Tendencia"],
      ["", "I1", 100, "Suma"],
      ["", "I2", 0.5, "Creciente"],
    ]);
  });
});

describe("rango usado y formatos de número", () => {
  let g: GrillaHoja;
  beforeAll(async () => {
    const libro = await escribirYLeer("rango.xlsx", (wb) => {
      const ws: Worksheet = wb.addWorksheet("R");
      ws.getCell("C4").value = 0.85;
      ws.getCell("C4").numFmt = "0%";
      ws.getCell("D4").value = 1234567;
      ws.getCell("D4").numFmt = "#,##0";
      ws.getCell("E5").value = "fin";
      // Solo formato, fuera del rango con valores: no cuenta (getUsedRange(true)).
      ws.getCell("H10").numFmt = "0.00";
      ws.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFF0000" } };
    });
    g = hoja(libro, "R");
  });

  it("empieza en la primera celda con valor", () => {
    expect(g.filaInicial).toBe(3);
    expect(g.columnaInicial).toBe(2);
    expect(g.valores).toEqual([
      [0.85, 1234567, ""],
      ["", "", "fin"],
    ]);
    expect(celda(g, "E5")).toBe("fin");
  });

  it("formatos con la misma forma que los valores; General si no hay", () => {
    expect(g.formatos).toEqual([
      ["0%", "#,##0", "General"],
      ["General", "General", "General"],
    ]);
  });
});

describe("libro con varias hojas", () => {
  let libro: LibroGrillas;
  beforeAll(async () => {
    libro = await escribirYLeer("hojas.xlsx", (wb) => {
      wb.addWorksheet("Instrucciones").getCell("A1").value = "Lea esto";
      const oculta = wb.addWorksheet("Oculta", { state: "hidden" });
      oculta.getCell("A1").value = 1;
      wb.addWorksheet("Vacía");
      wb.addWorksheet("PMR").getCell("B2").value = "x";
    });
  });

  it("todas las hojas de cálculo, también las ocultas, en el orden de las pestañas", () => {
    expect(libro.hojas.map((h) => h.nombre)).toEqual(["Instrucciones", "Oculta", "Vacía", "PMR"]);
  });

  it('una hoja vacía da A1 con [[""]], como Excel', () => {
    const v = hoja(libro, "Vacía");
    expect(v.valores).toEqual([[""]]);
    expect(v.filaInicial).toBe(0);
    expect(v.columnaInicial).toBe(0);
    expect(v.combinadas).toEqual([]);
  });
});

describe("contenido en memoria", () => {
  it("un Buffer da las mismas grillas que el archivo", async () => {
    const wb = new Workbook();
    const ws = wb.addWorksheet("PMR");
    ws.getCell("A1").value = "Código indicador";
    ws.getCell("A2").value = { formula: "#REF!", result: { error: "#REF!" } } as never;
    ws.mergeCells("B1:C1");
    const ruta = path.join(carpeta, "memoria.xlsx");
    await wb.xlsx.writeFile(ruta);
    const desdeArchivo = await leerArchivoXlsx(ruta);
    const desdeBuffer = await leerArchivoXlsx(readFileSync(ruta));
    expect(desdeBuffer).toEqual(desdeArchivo);
  });

  it("sin formatos si no se piden", async () => {
    const wb = new Workbook();
    wb.addWorksheet("A").getCell("A1").value = 1;
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const libro = await leerArchivoXlsx(buf, { formatos: false });
    expect(libro.hojas[0].formatos).toBeUndefined();
  });
});

describe("archivos que no se pueden leer: ErrorLecturaLibro con un mensaje de una línea", () => {
  async function motivo(ruta: string | Buffer): Promise<{ motivo: string; mensaje: string }> {
    try {
      await leerArchivoXlsx(ruta);
    } catch (e) {
      expect(e).toBeInstanceOf(ErrorLecturaLibro);
      const err = e as ErrorLecturaLibro;
      expect(err.message).not.toMatch(/\n/);
      return { motivo: err.motivo, mensaje: err.message };
    }
    throw new Error("se esperaba un error");
  }

  it("no existe", async () => {
    const r = await motivo(path.join(carpeta, "x.xlsx"));
    expect(r.motivo).toBe("no-existe");
    expect(r.mensaje).toBe(`No se pudo leer «${path.join(carpeta, "x.xlsx")}»: el archivo no existe.`);
  });

  it("una carpeta", async () => {
    const dir = path.join(carpeta, "carpeta.xlsx");
    mkdirSync(dir, { recursive: true });
    expect((await motivo(dir)).motivo).toBe("carpeta");
  });

  it("un texto cualquiera", async () => {
    const ruta = path.join(carpeta, "texto.xlsx");
    writeFileSync(ruta, "Código;Indicador\nI1;Hogares\n");
    const r = await motivo(ruta);
    expect(r.motivo).toBe("no-xlsx");
    expect(r.mensaje).toBe(`No se pudo leer «${ruta}»: no es un libro de Excel (.xlsx) válido.`);
  });

  it("un archivo vacío", async () => {
    const ruta = path.join(carpeta, "vacio.xlsx");
    writeFileSync(ruta, "");
    expect((await motivo(ruta)).motivo).toBe("vacio");
  });

  it("un zip que no es un libro (p. ej. un .docx)", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("word/document.xml", "<w:document/>");
    const ruta = path.join(carpeta, "documento.xlsx");
    writeFileSync(ruta, await zip.generateAsync({ type: "nodebuffer" }));
    expect((await motivo(ruta)).motivo).toBe("no-xlsx");
  });

  it("un .xlsx truncado", async () => {
    const wb = new Workbook();
    wb.addWorksheet("PMR").getCell("A1").value = "x";
    const completo = Buffer.from(await wb.xlsx.writeBuffer());
    expect((await motivo(completo.subarray(0, Math.floor(completo.length / 2)))).motivo).toBe("no-xlsx");
  });

  // Un .xls (Excel 97-2003) y un .xlsx cifrado con contraseña son contenedores OLE (firma
  // D0 CF 11 E0 A1 B1 1A E1); el cifrado lleva el flujo «EncryptionInfo» (nombre en UTF-16LE en
  // el directorio del contenedor). Se construyen contenedores mínimos con esa firma.
  function contenedorOle(cifrado: boolean): Buffer {
    const buf = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
    Buffer.from(cifrado ? "EncryptionInfo" : "Workbook", "utf16le").copy(buf, 1024);
    return buf;
  }

  it("un .xls", async () => {
    const ruta = path.join(carpeta, "viejo.xls");
    writeFileSync(ruta, contenedorOle(false));
    const r = await motivo(ruta);
    expect(r.motivo).toBe("xls");
    expect(r.mensaje).toContain(".xls");
  });

  it("un libro cifrado con contraseña", async () => {
    const ruta = path.join(carpeta, "cifrado.xlsx");
    writeFileSync(ruta, contenedorOle(true));
    const r = await motivo(ruta);
    expect(r.motivo).toBe("cifrado");
    expect(r.mensaje).toContain("contraseña");
  });

  it("un Buffer se nombra «el libro»", async () => {
    expect((await motivo(Buffer.from("hola"))).mensaje).toBe(
      "No se pudo leer «el libro»: no es un libro de Excel (.xlsx) válido.",
    );
  });

  it("motivoPorFirma reconoce zip, OLE y otros", () => {
    expect(motivoPorFirma(Buffer.from("PK\u0003\u0004resto", "latin1"))).toBeNull();
    expect(motivoPorFirma(contenedorOle(false))).toBe("xls");
    expect(motivoPorFirma(contenedorOle(true))).toBe("cifrado");
    expect(motivoPorFirma(Buffer.alloc(0))).toBe("vacio");
    expect(motivoPorFirma(Buffer.from("%PDF-1.7"))).toBe("no-xlsx");
  });
});
