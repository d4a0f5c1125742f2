/**
 * `pmr informe` y `pmr anexo` en el mismo proceso: el .xlsx releído con ExcelJS (valores iguales a
 * la descripción y a las cifras del motor, formatos de número, gráficos nativos con sus series),
 * el .html, la configuración guardada en el libro, y los errores (salida 2, una línea en español).
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { documentoInforme, describirDocumento } from "../../src/casos/informe";
import { validarLibro } from "../../src/casos/validar";
import { main, type Entorno } from "../../src/cli/main";
import { CONFIGURACION_POR_DEFECTO, crearConfiguracion, FORMATOS_EXCEL } from "../../src/domain";
import { crearAlmacenExcel } from "../../src/hosts/excel";
import { crearLibroFalso } from "../fakes/excel-falso";
import { quitarAnfitrion, usarLibro } from "../hosts/excel/ayudas";
import { agregarWebExtension } from "../hosts/xlsx/ayudas-almacen";
import { leerArchivoXlsx } from "../../src/hosts/xlsx";
import { RANURA_CONFIGURACION } from "../../src/workbook/almacen";
import { celdasDe } from "../casos/ayudas-informe";

const EJEMPLO = path.resolve(__dirname, "..", "..", "ejemplos", "pmr-ejemplo.xlsx");

interface Captura extends Entorno {
  salida: () => string;
  errores: () => string;
}

function entorno(): Captura {
  let out = "";
  let err = "";
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env: {},
    salida: () => out,
    errores: () => err,
  };
}

let carpeta: string;
beforeAll(() => {
  carpeta = mkdtempSync(path.join(tmpdir(), "pmr-informe-"));
});
afterAll(() => rmSync(carpeta, { recursive: true, force: true }));

async function correr(...args: string[]): Promise<{ codigo: number; e: Captura }> {
  const e = entorno();
  const codigo = await main(args, e);
  return { codigo, e };
}

describe("pmr informe --salida .xlsx", () => {
  let wb: ExcelJS.Workbook;
  let zip: JSZip;
  let salida: string;
  beforeAll(async () => {
    salida = path.join(carpeta, "informe.xlsx");
    const { codigo, e } = await correr("informe", EJEMPLO, "--salida", salida);
    expect(e.errores()).toBe("");
    expect(codigo).toBe(0);
    expect(e.salida()).toBe(`Informe escrito en ${salida} (4 hojas, 2 gráficos).\n`);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(salida);
    zip = await JSZip.loadAsync(readFileSync(salida));
  });

  it("las hojas del informe, con los mismos valores que la descripción (releído con ExcelJS)", async () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Informe PMR",
      "Informe por objetivo",
      "Informe físico-financiero",
      "Informe territorial",
    ]);
    // La descripción con la misma configuración (la del libro de ejemplo: ninguna guardada).
    const v = validarLibro(await leerArchivoXlsx(EJEMPLO), CONFIGURACION_POR_DEFECTO);
    const d = describirDocumento(documentoInforme(v));
    let comparadas = 0;
    for (const h of d.hojas) {
      const ws = wb.getWorksheet(h.nombre)!;
      for (const [dir, valor] of celdasDe(h)) {
        if (dir === "A2") continue; // la fecha de generación
        expect([h.nombre, dir, ws.getCell(dir).value]).toEqual([h.nombre, dir, valor]);
        comparadas++;
      }
    }
    expect(comparadas).toBeGreaterThan(500);
  });

  it("cifras del motor con su formato de número: cumplimiento de O1, avance de IP1.1.1, apropiación de P1.1", () => {
    const resumen = wb.getWorksheet("Informe PMR")!;
    let o1: ExcelJS.Row | undefined;
    resumen.eachRow((r) => {
      if (r.getCell(1).value === "O1") o1 = r;
    });
    expect(o1!.getCell(4).value).toBeCloseTo(0.97169, 4);
    expect(o1!.getCell(4).numFmt).toBe(FORMATOS_EXCEL.porcentaje);
    const objetivos = wb.getWorksheet("Informe por objetivo")!;
    let ip: ExcelJS.Row | undefined;
    objetivos.eachRow((r) => {
      if (r.getCell(2).value === "IP1.1.1") ip = r;
    });
    expect([ip!.getCell(6).value, ip!.getCell(7).value]).toEqual([18000, 18030]);
    expect(ip!.getCell(6).numFmt).toBe(FORMATOS_EXCEL.numero);
    expect(ip!.getCell(8).numFmt).toBe(FORMATOS_EXCEL.porcentaje);
    const ff = wb.getWorksheet("Informe físico-financiero")!;
    let p11: ExcelJS.Row | undefined;
    ff.eachRow((r) => {
      if (r.getCell(1).value === "P1.1") p11 = r;
    });
    expect(p11!.getCell(6).value).toBe(43_700_000_000);
    // ExcelJS relee «"$"\ #,##0» como «"$" #,##0» (el mismo formato: «\ » es un espacio literal).
    expect(p11!.getCell(6).numFmt.replace("\\ ", " ")).toBe(FORMATOS_EXCEL.moneda.replace("\\ ", " "));
  });

  it("dos gráficos de barras nativos con sus series: cumplimiento coloreado por semáforo y físico junto a financiero", async () => {
    const graficos = Object.keys(zip.files)
      .filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))
      .sort();
    expect(graficos).toHaveLength(2);
    const xml = await Promise.all(graficos.map((n) => zip.file(n)!.async("string")));
    const [cumplimiento, fisico] = xml[0].includes("Informe PMR") ? xml : [xml[1], xml[0]];
    expect(cumplimiento).toContain('<c:barDir val="bar"/>');
    expect(cumplimiento).toMatch(/<c:f>'Informe PMR'!\$D\$\d+:\$D\$\d+<\/c:f>/);
    expect(cumplimiento.match(/<c:dPt>/g)).toHaveLength(5);
    expect(cumplimiento).toContain("00A04A");
    expect(fisico.match(/<c:ser>/g)).toHaveLength(2);
    expect(fisico).toMatch(/<c:f>'Informe físico-financiero'!\$D\$\d+:\$D\$\d+<\/c:f>/);
    expect(fisico).toMatch(/<c:f>'Informe físico-financiero'!\$E\$\d+:\$E\$\d+<\/c:f>/);
  });

  it("no deja temporales en la carpeta de salida", () => {
    expect(readdirSync(carpeta).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });
});

describe("pmr anexo y pmr informe --salida .html", () => {
  it("el anexo en .xlsx: una hoja con productos, indicadores y apropiación", async () => {
    const salida = path.join(carpeta, "anexo.xlsx");
    const { codigo, e } = await correr("anexo", EJEMPLO, "--salida", salida);
    expect([codigo, e.errores()]).toEqual([0, ""]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(salida);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Anexo PMR"]);
    const valores: unknown[] = [];
    wb.worksheets[0].eachRow((r) => r.eachCell((c) => valores.push(c.value)));
    expect(valores).toContain("P1.1 — Apoyos alimentarios entregados a hogares en situación de pobreza");
    expect(valores).toContain(42_500_000_000);
    expect(valores).toContain("Inversión");
  });

  it("el informe en .html: una página autocontenida con las cifras es-CO", async () => {
    const salida = path.join(carpeta, "informe.html");
    const { codigo } = await correr("informe", EJEMPLO, "--corte=9", "--salida", salida);
    expect(codigo).toBe(0);
    const html = readFileSync(salida, "utf8");
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain(">97,17\u00a0%<");
    expect(html).toContain("<svg");
    expect(html).not.toMatch(/<script|<link /);
  });

  it("aplica la configuración guardada en el libro (como pmr validar); --corte manda sobre ella", async () => {
    // La configuración como la guarda el panel (ajustes del documento en la parte webextension).
    const libro = crearLibroFalso({ hojas: [{ nombre: "PMR" }] });
    const config = crearConfiguracion({ corte: 6, semaforo: { rojo: 0.9, amarillo: 0.99, verde: 1.25 } });
    await crearAlmacenExcel({ ejecutar: usarLibro(libro), ajustes: libro.ajustes as never }).escribir(
      RANURA_CONFIGURACION,
      config,
    );
    quitarAnfitrion();
    const copia = path.join(carpeta, "con-config.xlsx");
    writeFileSync(copia, await agregarWebExtension(readFileSync(EJEMPLO), libro.ajustesGuardados()));
    const html1 = path.join(carpeta, "c1.html");
    expect((await correr("informe", copia, "--salida", html1)).codigo).toBe(0);
    expect(readFileSync(html1, "utf8")).toContain("Corte: junio de 2025");
    expect(readFileSync(html1, "utf8")).toContain("rojo hasta 90,00\u00a0%");
    const html2 = path.join(carpeta, "c2.html");
    expect((await correr("informe", copia, "--corte", "9", "--salida", html2)).codigo).toBe(0);
    expect(readFileSync(html2, "utf8")).toContain("Corte: septiembre de 2025");
    expect(readFileSync(html2, "utf8")).toContain("rojo hasta 90,00\u00a0%");
  });
});

describe("errores: salida 2 y una línea en español por stderr", () => {
  it.each([
    [["informe"], /^Falta el libro: pmr informe <libro\.xlsx> --salida archivo\./],
    [["informe", EJEMPLO], /^Falta --salida/],
    [["anexo", EJEMPLO, "--salida", "x.pdf"], /^La salida «x\.pdf» debe terminar en \.xlsx o \.html\.\n$/],
    [["informe", EJEMPLO, "--salida", EJEMPLO.replace(".xlsx", ".XLSX") + "x", "--corte", "13"], /^El corte debe ser/],
    [["informe", EJEMPLO, "--salida", EJEMPLO], /es el mismo libro que se lee/],
    [["informe", EJEMPLO, "--vigencia", "25", "--salida", "a.html"], /^La vigencia debe ser/],
    [["informe", EJEMPLO, "--formato", "json", "--salida", "a.html"], /^Opción desconocida: «--formato»/],
    [["informe", EJEMPLO, "otro.xlsx", "--salida", "a.html"], /^Sobra el argumento «otro\.xlsx»/],
    [["informe", EJEMPLO, "--corte", "3", "--corte=4", "--salida", "a.html"], /^La opción --corte está repetida\./],
    [["anexo", EJEMPLO, "--salida"], /^La opción --salida necesita un valor \(informe\.xlsx o informe\.html\)\./],
    [
      ["informe", "/no/existe.xlsx", "--salida", "a.html"],
      /^No se pudo leer «\/no\/existe\.xlsx»: el archivo no existe\.\n$/,
    ],
  ])("%j", async (args, mensaje) => {
    const { codigo, e } = await correr(...args);
    expect(codigo).toBe(2);
    expect(e.salida()).toBe("");
    expect(e.errores()).toMatch(mensaje);
    expect(e.errores().trimEnd().split("\n")).toHaveLength(1);
  });

  it("un libro que no es .xlsx: salida 2", async () => {
    const falso = path.join(carpeta, "falso.xlsx");
    writeFileSync(falso, "no soy un zip");
    const { codigo, e } = await correr("informe", falso, "--salida", path.join(carpeta, "x.html"));
    expect(codigo).toBe(2);
    expect(e.errores()).toMatch(/^No se pudo leer «.*falso\.xlsx»/);
    expect(existsSync(path.join(carpeta, "x.html"))).toBe(false);
  });

  it("una carpeta de salida que no existe: salida 2, sin temporales", async () => {
    const { codigo, e } = await correr("informe", EJEMPLO, "--salida", path.join(carpeta, "no", "hay", "i.html"));
    expect(codigo).toBe(2);
    expect(e.errores()).toMatch(/^No se pudo escribir «.*i\.html»: la carpeta no existe\.\n$/);
  });

  it("una salida que ya existe no se reemplaza: salida 2 y el archivo queda intacto", async () => {
    const previo = path.join(carpeta, "ya-existe.html");
    writeFileSync(previo, "informe anterior, anotado a mano");
    const { codigo, e } = await correr("informe", EJEMPLO, "--salida", previo);
    expect(codigo).toBe(2);
    expect(e.salida()).toBe("");
    expect(e.errores()).toBe(
      `La salida «${previo}» ya existe: pmr no reemplaza archivos. Elija otro nombre o borre el archivo.\n`,
    );
    expect(readFileSync(previo, "utf8")).toBe("informe anterior, anotado a mano");
    expect(readdirSync(carpeta).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  it("--help muestra la ayuda (salida 0)", async () => {
    const { codigo, e } = await correr("anexo", "--help");
    expect(codigo).toBe(0);
    expect(e.salida()).toMatch(/^Uso: pmr informe <libro\.xlsx>/);
  });
});
