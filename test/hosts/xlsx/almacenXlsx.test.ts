/**
 * El almacén en un archivo .xlsx: lee la configuración de las partes webextension y las ranuras
 * de las partes XML personalizadas; escribe con ediciones quirúrgicas del zip (todas las demás
 * entradas idénticas, también comprimidas), de forma atómica o en una copia; y se entiende con lo
 * que escribe el almacén de Excel.
 */
import { promises as fs } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Workbook } from "exceljs";
import JSZip from "jszip";
import { z } from "zod";
import { CLAVE_CONFIGURACION, crearConfiguracion } from "../../../src/domain";
import { crearAlmacenExcel } from "../../../src/hosts/excel";
import {
  AlmacenXlsx,
  ErrorEscrituraLibro,
  SISTEMA_ARCHIVOS,
  agregarPartesXml,
  leerArchivoXlsx,
  type SistemaArchivos,
} from "../../../src/hosts/xlsx";
import {
  ESPACIO_ALMACEN,
  ErrorAlmacen,
  RANURA_CONFIGURACION,
  codificarRanura,
  definirRanura,
  leerSobre,
} from "../../../src/workbook/almacen";
import { crearLibroFalso } from "../../fakes/excel-falso";
import { quitarAnfitrion, usarLibro } from "../excel/ayudas";
import { RANURA_SELLOS_PRUEBA, selloSintetico } from "../../workbook/datos-almacen";
import { agregarWebExtension, contenidosZip, entradasZip } from "./ayudas-almacen";

const EJEMPLO = join(__dirname, "../../../ejemplos/pmr-ejemplo.xlsx");
const DECISIONES = definirRanura({
  nombre: "decisiones-xlsx",
  descripcion: "las decisiones de prueba",
  version: 1,
  schema: z.record(z.string(), z.string()),
});

let carpeta: string;
beforeEach(async () => {
  carpeta = await fs.mkdtemp(join(tmpdir(), "pmr-almacen-"));
});
afterEach(async () => {
  quitarAnfitrion();
  await fs.chmod(carpeta, 0o755).catch(() => undefined);
  await fs.rm(carpeta, { recursive: true, force: true });
});

async function copiaDe(origen: string | Buffer, nombre = "libro.xlsx"): Promise<string> {
  const ruta = join(carpeta, nombre);
  await fs.writeFile(ruta, typeof origen === "string" ? await fs.readFile(origen) : origen);
  return ruta;
}

/** Un libro como los que escribe ExcelJS (valores, formatos, combinadas, dos hojas). */
async function libroExcelJs(): Promise<Buffer> {
  const wb = new Workbook();
  const pmr = wb.addWorksheet("PMR");
  pmr.addRow(["Código objetivo", "Objetivo", "Código indicador", "Indicador", "Tendencia", "Meta vigencia"]);
  pmr.addRow(["O1", "Objetivo uno", "I1", "Indicador uno", "Suma", 100]);
  pmr.addRow(["O1", "Objetivo uno", "I2", "Indicador dos", "Creciente", 0.5]);
  pmr.getCell("F3").numFmt = "0.0%";
  pmr.mergeCells("A2:A3");
  const otra = wb.addWorksheet("Notas");
  otra.getCell("B2").value = "Texto con «comillas» & símbolos";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Las entradas que el almacén puede tocar: sus partes y, al agregar o quitar, estas dos. */
const esDelAlmacen = (nombre: string) => /^customXml\//.test(nombre);
const COMPARTIDAS = ["[Content_Types].xml", "xl/_rels/workbook.xml.rels"];

/**
 * Compara antes y después entrada por entrada: las que no son del almacén deben ser idénticas
 * (contenido y bytes comprimidos); las dos compartidas, iguales salvo por elementos insertados.
 */
async function compararEntradas(antes: Buffer, despues: Buffer) {
  const [ca, cd] = [await contenidosZip(antes), await contenidosZip(despues)];
  const [ea, ed] = [entradasZip(antes), entradasZip(despues)];
  const identicas: string[] = [];
  const compartidasCambiadas: string[] = [];
  for (const [nombre, contenido] of ca) {
    if (esDelAlmacen(nombre)) continue;
    expect(cd.has(nombre)).toBe(true);
    if (COMPARTIDAS.includes(nombre)) {
      const t0 = contenido.toString("utf8");
      const t1 = cd.get(nombre)!.toString("utf8");
      if (t0 !== t1) {
        compartidasCambiadas.push(nombre);
        // Lo nuevo son solo elementos Relationship/Override completos del almacén, insertados.
        const sinAgregados = t1
          .replace(/<Relationship [^>]*relationships\/customXml" Target="\.\.\/customXml\/item\d+\.xml"\/>/g, "")
          .replace(/<Override PartName="\/customXml\/item(Props)?\d+\.xml" ContentType="[^"]+"\/>/g, "");
        expect(sinAgregados).toBe(t0);
      }
      continue;
    }
    expect(cd.get(nombre)!.equals(contenido)).toBe(true);
    expect(ed.get(nombre)!.crudo.equals(ea.get(nombre)!.crudo)).toBe(true);
    expect(ed.get(nombre)!.metodo).toBe(ea.get(nombre)!.metodo);
    expect(ed.get(nombre)!.crc).toBe(ea.get(nombre)!.crc);
    expect(ed.get(nombre)!.fechaDos).toBe(ea.get(nombre)!.fechaDos);
    identicas.push(nombre);
  }
  const nuevas = [...cd.keys()].filter((n) => !ca.has(n));
  expect(nuevas.every(esDelAlmacen)).toBe(true);
  return { identicas, compartidasCambiadas, nuevas };
}

describe.each([
  ["el libro de ejemplo", async () => fs.readFile(EJEMPLO)],
  ["un libro escrito por ExcelJS", libroExcelJs],
])("escribir en %s", (_n, original) => {
  test("cambian solo las partes del almacén; ExcelJS lo sigue abriendo con los mismos valores", async () => {
    const bytes = await original();
    const ruta = await copiaDe(bytes);
    const datos = { sellos: [selloSintetico(1200, { textos: "completos" })] };
    const almacen = await AlmacenXlsx.abrir(ruta, { maxBytesParte: 100_000 });
    await almacen.escribir(RANURA_SELLOS_PRUEBA, datos);
    const despues = await fs.readFile(ruta);

    const r = await compararEntradas(bytes, despues);
    expect(r.identicas.length).toBeGreaterThan(5);
    expect(r.compartidasCambiadas.sort()).toEqual([...COMPARTIDAS].sort());
    const partes = codificarRanura(RANURA_SELLOS_PRUEBA, datos, { maxBytesParte: 100_000 }).length;
    expect(partes).toBeGreaterThan(5);
    expect(r.nuevas).toHaveLength(3 * partes);

    const releido = await AlmacenXlsx.abrir(ruta);
    const leido = await releido.leer(RANURA_SELLOS_PRUEBA);
    expect(leido.problemas).toEqual([]);
    expect(JSON.stringify(leido.datos)).toBe(JSON.stringify(datos));
    expect(await leerArchivoXlsx(ruta)).toEqual(await leerArchivoXlsx(bytes));
  });

  test("reescribir con menos partes quita las sobrantes y deja las compartidas como antes de agregarlas", async () => {
    const bytes = await original();
    const ruta = await copiaDe(bytes);
    const almacen = await AlmacenXlsx.abrir(ruta, { maxBytesParte: 20_000 });
    await almacen.escribir(RANURA_SELLOS_PRUEBA, { sellos: [selloSintetico(500)] });
    const conUna = await (async () => {
      await almacen.escribir(RANURA_SELLOS_PRUEBA, { sellos: [] });
      return fs.readFile(ruta);
    })();
    const c = await contenidosZip(conUna);
    expect([...c.keys()].filter(esDelAlmacen).sort()).toEqual([
      "customXml/_rels/item1.xml.rels",
      "customXml/item1.xml",
      "customXml/itemProps1.xml",
    ]);
    const r = await compararEntradas(bytes, conUna);
    expect(r.compartidasCambiadas.sort()).toEqual([...COMPARTIDAS].sort());
    expect((await (await AlmacenXlsx.abrir(ruta)).leer(RANURA_SELLOS_PRUEBA)).datos).toEqual({ sellos: [] });
    // Reescribir del mismo tamaño: cambian solo las partes del almacén (ni relaciones ni tipos).
    const antes = await fs.readFile(ruta);
    await (await AlmacenXlsx.abrir(ruta)).escribir(RANURA_SELLOS_PRUEBA, { sellos: [selloSintetico(3)] });
    const ca = await contenidosZip(antes);
    const cd = await contenidosZip(await fs.readFile(ruta));
    const cambiadas = [...cd.keys()].filter((k) => !ca.get(k)?.equals(cd.get(k)!));
    expect(cambiadas).toEqual(["customXml/item1.xml"]);
  });
});

test("las partes se escriben como las escribe Excel", async () => {
  const ruta = await copiaDe(EJEMPLO);
  await (await AlmacenXlsx.abrir(ruta)).escribir(DECISIONES, { abc: "Justificado" });
  const c = await contenidosZip(await fs.readFile(ruta));
  const item = c.get("customXml/item1.xml")!.toString("utf8");
  expect(
    item.startsWith(
      '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\r\n<ranura xmlns="urn:pmr-para-excel:almacen"',
    ),
  ).toBe(true);
  expect(c.get("customXml/itemProps1.xml")!.toString("utf8")).toMatch(
    /^<\?xml[^>]*\?>\r\n<ds:datastoreItem ds:itemID="\{[0-9A-F-]{36}\}" xmlns:ds="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="urn:pmr-para-excel:almacen"\/><\/ds:schemaRefs><\/ds:datastoreItem>$/,
  );
  expect(c.get("customXml/_rels/item1.xml.rels")!.toString("utf8")).toContain(
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/>',
  );
  expect(c.get("xl/_rels/workbook.xml.rels")!.toString("utf8")).toContain(
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/>',
  );
  const tipos = c.get("[Content_Types].xml")!.toString("utf8");
  expect(tipos).toContain(
    '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>',
  );
  expect(tipos).not.toContain('PartName="/customXml/item1.xml"'); // la extensión xml ya tiene Default
});

test("sin Default para .xml en [Content_Types].xml, la parte lleva su Override", async () => {
  const z = await JSZip.loadAsync(await fs.readFile(EJEMPLO));
  const tipos = await z.file("[Content_Types].xml")!.async("string");
  z.file("[Content_Types].xml", tipos.replace('<Default Extension="xml" ContentType="application/xml"/>', ""));
  const almacen = await AlmacenXlsx.desdeContenido(await z.generateAsync({ type: "nodebuffer" }));
  await almacen.escribir(DECISIONES, {});
  const c = await contenidosZip(almacen.contenido());
  expect(c.get("[Content_Types].xml")!.toString("utf8")).toContain(
    '<Override PartName="/customXml/item1.xml" ContentType="application/xml"/>',
  );
});

test("varias ranuras en el mismo libro, y otras partes XML del libro intactas", async () => {
  const ajena =
    '<b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography" SelectedStyle="APA"/>';
  const conAjena = await agregarPartesXml(await fs.readFile(EJEMPLO), [ajena]);
  const ruta = await copiaDe(conAjena);
  const a = await AlmacenXlsx.abrir(ruta);
  await a.escribir(DECISIONES, { k1: "En gestión" });
  await a.escribir(RANURA_SELLOS_PRUEBA, { sellos: [selloSintetico(10)] });
  await a.escribir(DECISIONES, { k1: "Justificado", k2: "Pendiente" });
  const [decisiones, sellos] = await (
    await AlmacenXlsx.abrir(ruta)
  ).leerVarias([DECISIONES, RANURA_SELLOS_PRUEBA] as const);
  expect(decisiones).toEqual({ datos: { k1: "Justificado", k2: "Pendiente" }, problemas: [], version: 1 });
  expect(sellos.datos?.sellos[0].codigos).toHaveLength(10);
  const c = await contenidosZip(await fs.readFile(ruta));
  expect(c.get("customXml/item1.xml")!.toString("utf8")).toContain(ajena);
});

describe("ida y vuelta entre Excel y el .xlsx", () => {
  test("lo que el almacén de Excel escribe, llevado a un .xlsx, se lee igual (y al revés)", async () => {
    const libro = crearLibroFalso({ hojas: [{ nombre: "PMR" }] });
    const excel = crearAlmacenExcel({ ejecutar: usarLibro(libro), maxBytesParte: 50_000 });
    const datos = { sellos: [selloSintetico(1000, { textos: "completos" })] };
    await excel.escribir(RANURA_SELLOS_PRUEBA, datos);
    await excel.escribir(DECISIONES, { "0a1b": "Descartado" });
    const guardadas = libro.guardar().partesXml!.map((p) => p.xml);
    expect(guardadas.length).toBeGreaterThan(3);

    const xlsx = await AlmacenXlsx.desdeContenido(await agregarPartesXml(await fs.readFile(EJEMPLO), guardadas));
    const [s, d] = await xlsx.leerVarias([RANURA_SELLOS_PRUEBA, DECISIONES] as const);
    expect(s.problemas).toEqual([]);
    expect(JSON.stringify(s.datos)).toBe(JSON.stringify(datos));
    expect(d.datos).toEqual({ "0a1b": "Descartado" });

    // Al revés: lo que escribe pmr, abierto en Excel (el falso con las partes del archivo).
    await xlsx.escribir(DECISIONES, { "0a1b": "Justificado" });
    const c = await contenidosZip(xlsx.contenido());
    const partes = [...c.entries()]
      .filter(([n]) => /^customXml\/item\d+\.xml$/.test(n))
      .map(([, b]) => ({ xml: b.toString("utf8") }));
    const reabierto = crearLibroFalso({ hojas: [{ nombre: "PMR" }], partesXml: partes });
    const enExcel = crearAlmacenExcel({ ejecutar: usarLibro(reabierto) });
    expect((await enExcel.leer(DECISIONES)).datos).toEqual({ "0a1b": "Justificado" });
    expect(JSON.stringify((await enExcel.leer(RANURA_SELLOS_PRUEBA)).datos)).toBe(JSON.stringify(datos));
  });

  test("la configuración que guarda el panel, en la parte webextension que escribe Office, la lee pmr", async () => {
    const libro = crearLibroFalso({ hojas: [{ nombre: "PMR" }] });
    const config = crearConfiguracion({ corte: 9, vigencia: 2025, toleranciaFisicoFinanciera: 0.2 });
    await crearAlmacenExcel({ ejecutar: usarLibro(libro), ajustes: libro.ajustes as never }).escribir(
      RANURA_CONFIGURACION,
      config,
    );
    const ajustes = libro.ajustesGuardados();
    const conWe = await agregarWebExtension(await fs.readFile(EJEMPLO), {
      "Office.AutoShowTaskpaneWithDocument": true,
      ...ajustes,
    });
    const xml = (await contenidosZip(conWe)).get("xl/webextensions/webextension1.xml")!.toString("utf8");
    expect(xml).toContain(`<we:property name="${CLAVE_CONFIGURACION}" value="&quot;{\\&quot;corte\\&quot;:9,`);
    const a = await AlmacenXlsx.desdeContenido(conWe);
    expect(await a.leer(RANURA_CONFIGURACION)).toEqual({ datos: config, problemas: [], version: 1 });
    // pmr no escribe la configuración.
    await expect(a.escribir(RANURA_CONFIGURACION, config)).rejects.toThrow(ErrorAlmacen);
    // Sin parte webextension: no hay configuración guardada (rigen las opciones y los valores por defecto).
    const sin = await AlmacenXlsx.desdeContenido(await fs.readFile(EJEMPLO));
    expect(await sin.leer(RANURA_CONFIGURACION)).toEqual({ datos: null, problemas: [], version: null });
  });
});

describe("escritura atómica, copia y errores con el nombre del archivo", () => {
  test("una falla a mitad de la escritura deja el original intacto y ningún temporal", async () => {
    const ruta = await copiaDe(EJEMPLO);
    const antes = await fs.readFile(ruta);
    let fallas = 1;
    const fallaAlEscribir: SistemaArchivos = {
      ...SISTEMA_ARCHIVOS,
      async escribirNuevo(r, bytes, modo) {
        if (fallas-- <= 0) return SISTEMA_ARCHIVOS.escribirNuevo(r, bytes, modo);
        await fs.writeFile(r, bytes.subarray(0, bytes.length >> 1));
        throw Object.assign(new Error("disco lleno"), { code: "ENOSPC" });
      },
    };
    const a = await AlmacenXlsx.abrir(ruta, { sistemaArchivos: fallaAlEscribir });
    await expect(a.escribir(DECISIONES, { x: "y" })).rejects.toThrow(
      `No se pudo guardar en «${ruta}»: no hay espacio en el disco.`,
    );
    expect((await fs.readFile(ruta)).equals(antes)).toBe(true);
    expect(await fs.readdir(carpeta)).toEqual(["libro.xlsx"]);
    // El mismo almacén quedó como el libro de antes y la siguiente escritura sale bien.
    await a.escribir(DECISIONES, { x: "z" });
    expect((await (await AlmacenXlsx.abrir(ruta)).leer(DECISIONES)).datos).toEqual({ x: "z" });
    await compararEntradas(antes, await fs.readFile(ruta));
  });

  test("si el cambio de nombre falla (archivo bloqueado), tampoco cambia nada", async () => {
    const ruta = await copiaDe(EJEMPLO);
    const antes = await fs.readFile(ruta);
    const bloqueado: SistemaArchivos = {
      ...SISTEMA_ARCHIVOS,
      renombrar: () => Promise.reject(Object.assign(new Error("busy"), { code: "EBUSY" })),
    };
    const a = await AlmacenXlsx.abrir(ruta, { nombre: "libro.xlsx", sistemaArchivos: bloqueado });
    await expect(a.escribir(DECISIONES, {})).rejects.toThrow(
      "No se pudo guardar en «libro.xlsx»: el archivo está abierto o bloqueado por otro programa (¿Excel?); ciérrelo y vuelva a intentarlo.",
    );
    expect((await fs.readFile(ruta)).equals(antes)).toBe(true);
    expect(await fs.readdir(carpeta)).toEqual(["libro.xlsx"]);
  });

  test("con salida: se escribe la copia y el original no se toca", async () => {
    const ruta = await copiaDe(EJEMPLO);
    const antes = await fs.readFile(ruta);
    const salida = join(carpeta, "copia.xlsx");
    const a = await AlmacenXlsx.abrir(ruta, { salida });
    await a.escribir(DECISIONES, { k: "v" });
    expect((await fs.readFile(ruta)).equals(antes)).toBe(true);
    expect((await (await AlmacenXlsx.abrir(salida)).leer(DECISIONES)).datos).toEqual({ k: "v" });
    await compararEntradas(antes, await fs.readFile(salida));
    const perdida = join(carpeta, "no-existe", "copia.xlsx");
    await expect((await AlmacenXlsx.abrir(ruta, { salida: perdida })).escribir(DECISIONES, {})).rejects.toThrow(
      `No se pudo guardar en «${perdida}»: la carpeta no existe.`,
    );
  });

  test("archivo de solo lectura, abierto en Excel o cambiado en el disco: error claro y nada cambia", async () => {
    const ruta = await copiaDe(EJEMPLO);
    const antes = await fs.readFile(ruta);
    await fs.chmod(ruta, 0o444);
    await expect((await AlmacenXlsx.abrir(ruta)).escribir(DECISIONES, {})).rejects.toThrow(
      `No se pudo guardar en «${ruta}»: el archivo es de solo lectura; quítele esa marca o use --salida para escribir una copia.`,
    );
    await fs.chmod(ruta, 0o644);

    const bloqueo = join(carpeta, "~$libro.xlsx");
    await fs.writeFile(bloqueo, "");
    await expect((await AlmacenXlsx.abrir(ruta, { nombre: "libro.xlsx" })).escribir(DECISIONES, {})).rejects.toThrow(
      "No se pudo guardar en «libro.xlsx»: parece estar abierto en Excel (existe «~$libro.xlsx»); ciérrelo y vuelva a intentarlo. Si Excel no está abierto, borre ese archivo.",
    );
    await fs.unlink(bloqueo);

    const a = await AlmacenXlsx.abrir(ruta, { nombre: "libro.xlsx" });
    await fs.writeFile(ruta, Buffer.concat([antes, Buffer.from("x")]));
    await expect(a.escribir(DECISIONES, {})).rejects.toThrow(
      /^No se pudo guardar en «libro\.xlsx»: el archivo cambió en el disco/,
    );
    expect((await fs.readFile(ruta)).equals(Buffer.concat([antes, Buffer.from("x")]))).toBe(true);
    expect((await fs.readdir(carpeta)).sort()).toEqual(["libro.xlsx"]);
  });

  test("lo que no se puede abrir: ErrorLecturaLibro en español con el nombre", async () => {
    await expect(AlmacenXlsx.abrir(join(carpeta, "no.xlsx"))).rejects.toThrow(
      `No se pudo leer «${join(carpeta, "no.xlsx")}»: el archivo no existe.`,
    );
    await expect(AlmacenXlsx.abrir(carpeta, { nombre: "carpeta" })).rejects.toThrow(
      "No se pudo leer «carpeta»: es una carpeta, no un archivo.",
    );
    await expect(AlmacenXlsx.desdeContenido(Buffer.from("hola"), { nombre: "x.xlsx" })).rejects.toThrow(
      "No se pudo leer «x.xlsx»: no es un libro de Excel (.xlsx) válido.",
    );
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:document/>");
    const docx = await AlmacenXlsx.desdeContenido(await zip.generateAsync({ type: "nodebuffer" }), {
      nombre: "d.docx",
    });
    await expect(docx.leer(DECISIONES)).rejects.toThrow(
      "No se pudo leer «d.docx»: no es un libro de Excel (.xlsx) válido.",
    );
  });

  test("partes dañadas en el archivo: problemas, no excepciones; escribir las reemplaza", async () => {
    const [xml] = codificarRanura(DECISIONES, { a: "b" });
    const roto = xml.replace("</ranura>", "");
    const ruta = await copiaDe(await agregarPartesXml(await fs.readFile(EJEMPLO), [roto]));
    const a = await AlmacenXlsx.abrir(ruta);
    const r = await a.leer(DECISIONES);
    expect(r.datos).toBeNull();
    expect(r.problemas[0]).toMatch(
      /^PMR para Excel no pudo leer las decisiones de prueba del libro: una de las partes/,
    );
    await a.escribir(DECISIONES, { a: "c" });
    expect(await (await AlmacenXlsx.abrir(ruta)).leer(DECISIONES)).toEqual({
      datos: { a: "c" },
      problemas: [],
      version: 1,
    });
    const c = await contenidosZip(await fs.readFile(ruta));
    expect([...c.keys()].filter(esDelAlmacen)).toHaveLength(3);
    // La serie sigue a la de la parte dañada (su cabecera se pudo leer).
    expect(leerSobre(c.get("customXml/item1.xml")!.toString("utf8"))).toMatchObject({
      serie: 2,
      nombre: "decisiones-xlsx",
    });
  });
});

test("el espacio de nombres del almacén es el que usan las partes", () => {
  expect(ESPACIO_ALMACEN).toBe("urn:pmr-para-excel:almacen");
  expect(ErrorEscrituraLibro).toBeDefined();
});
