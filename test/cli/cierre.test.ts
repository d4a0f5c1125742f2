/**
 * Cierre de punta a punta (issue 12, punto 4): `pmr sellar` sobre el libro de ejemplo, luego
 * alguien cambia el XML de la hoja (solo esa parte del zip) y `pmr validar` lo informa en la
 * celda con ambos valores; filas movidas, meta vigencia cambiada, sello alterado, dos sellos,
 * `pmr comparar`, y la ida y vuelta con el almacén de Excel (falso).
 */
import { promises as fs } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { validar } from "../../src/casos/validar";
import { sellar } from "../../src/casos/sellar";
import { main } from "../../src/cli/main";
import { cyrb53 } from "../../src/domain/hash";
import { crearAlmacenExcel, puertosExcel } from "../../src/hosts/excel";
import { AlmacenXlsx, agregarPartesXml } from "../../src/hosts/xlsx/almacenXlsx";
import { leerArchivoXlsx } from "../../src/hosts/xlsx";
import { RANURA_SELLOS } from "../../src/workbook/almacen";
import { leerModelo } from "../../src/workbook/lector";
import { crearLibroFalso } from "../fakes/excel-falso";
import { quitarAnfitrion, usarLibro } from "../hosts/excel/ayudas";
import { contenidosZip, entradasZip } from "../hosts/xlsx/ayudas-almacen";
import { editarParte, entornoPrueba, intercambiarFilas, ponerNumero } from "./ayudas-cierre";

const EJEMPLO = path.resolve(__dirname, "..", "..", "ejemplos", "pmr-ejemplo.xlsx");
const HOJA_PMR = "xl/worksheets/sheet2.xml";

interface HallazgoJson {
  regla: string;
  categoria: string;
  hoja: string;
  celda: string;
  mensaje: string;
  clave: string;
}

let carpeta: string;
let sellado: string;

async function escribir(nombre: string, bytes: Buffer): Promise<string> {
  const ruta = path.join(carpeta, nombre);
  await fs.writeFile(ruta, bytes);
  return ruta;
}

async function validarJson(ruta: string): Promise<HallazgoJson[]> {
  const e = entornoPrueba();
  await main(["validar", ruta, "--formato", "json"], e);
  return (JSON.parse(e.salida()) as { hallazgos: HallazgoJson[] }).hallazgos;
}

const deCierre = (hs: HallazgoJson[]) => hs.filter((h) => h.categoria === "Cierre");

/** Las entradas del zip que difieren entre dos archivos (bytes comprimidos). */
function distintas(a: Buffer, b: Buffer): string[] {
  const ea = entradasZip(a);
  const eb = entradasZip(b);
  const nombres = new Set([...ea.keys(), ...eb.keys()]);
  return [...nombres].filter((n) => !ea.get(n) || !eb.get(n) || !ea.get(n)!.crudo.equals(eb.get(n)!.crudo)).sort();
}

beforeAll(async () => {
  carpeta = await fs.mkdtemp(path.join(tmpdir(), "pmr-cierre-"));
  const original = await escribir("original.xlsx", await fs.readFile(EJEMPLO));
  sellado = path.join(carpeta, "sellado.xlsx");
  const e = entornoPrueba();
  const rc = await main(["sellar", original, "--mes", "6", "--nota", "Cierre de junio", "--salida", sellado], e);
  expect(e.errores()).toBe("");
  expect(rc).toBe(0);
});

afterEach(() => quitarAnfitrion());

describe("pmr sellar", () => {
  test("escribe la copia con el sello y dice cuántos errores tenía el libro; el original no cambia", async () => {
    expect((await fs.readFile(path.join(carpeta, "original.xlsx"))).equals(await fs.readFile(EJEMPLO))).toBe(true);
    const antes = await validarJson(EJEMPLO);
    const errores = antes.filter((h) => (h as unknown as { severidad: string }).severidad === "error").length;
    const e = entornoPrueba();
    await main(
      ["sellar", path.join(carpeta, "original.xlsx"), "--mes", "6", "--salida", path.join(carpeta, "x.xlsx")],
      e,
    );
    expect(e.salida()).toContain("Se sellaron los meses de enero a junio de 2025 de 30 indicadores.");
    expect(e.salida()).toContain(`El libro tenía ${errores} errores al sellar`);
  });

  test("solo cambian las partes del almacén (customXml, la relación del libro y los tipos de contenido)", async () => {
    const cambios = distintas(await fs.readFile(EJEMPLO), await fs.readFile(sellado));
    expect(cambios.filter((n) => !n.startsWith("customXml/"))).toEqual([
      "[Content_Types].xml",
      "xl/_rels/workbook.xml.rels",
    ]);
  });

  test("el libro recién sellado no tiene hallazgos de Cierre y los demás son los mismos", async () => {
    const a = await validarJson(EJEMPLO);
    const b = await validarJson(sellado);
    expect(deCierre(b)).toEqual([]);
    expect(b.map((h) => h.clave)).toEqual(a.map((h) => h.clave));
  });

  test("argumentos: falta --mes, mes inválido, libro inexistente → 2 con una línea en español", async () => {
    for (const args of [
      ["sellar", sellado],
      ["sellar", sellado, "--mes", "13"],
      ["sellar", path.join(carpeta, "no-existe.xlsx"), "--mes", "6"],
    ]) {
      const e = entornoPrueba();
      expect(await main(args, e)).toBe(2);
      expect(e.errores().trim().split("\n")).toHaveLength(1);
    }
  });
});

describe("cambios después del sello, vistos por pmr validar", () => {
  test("un valor de junio cambiado en el XML de la hoja: exactamente esa celda, con ambos valores", async () => {
    const bytes = await fs.readFile(sellado);
    const editado = await editarParte(bytes, HOJA_PMR, (x) => ponerNumero(x, "AG7", 9999));
    expect(distintas(bytes, editado)).toEqual([HOJA_PMR]);
    const cierre = deCierre(await validarJson(await escribir("junio-cambiado.xlsx", editado)));
    expect(cierre.map((h) => [h.regla, h.hoja, h.celda])).toEqual([["CIE-VALOR-SELLADO-CAMBIADO", "PMR", "AG7"]]);
    expect(cierre[0].mensaje).toContain("valor sellado 2.150,00, valor actual 9.999,00");
    expect(cierre[0].mensaje).toContain("sello de junio de 2025");
  });

  test("un mes no sellado (septiembre) cambiado: ningún hallazgo de Cierre", async () => {
    const editado = await editarParte(await fs.readFile(sellado), HOJA_PMR, (x) => ponerNumero(x, "AJ7", 9999));
    expect(deCierre(await validarJson(await escribir("septiembre.xlsx", editado)))).toEqual([]);
  });

  test("filas movidas después de sellar: ningún hallazgo", async () => {
    const editado = await editarParte(await fs.readFile(sellado), HOJA_PMR, (x) => intercambiarFilas(x, 7, 9));
    const hs = await validarJson(await escribir("filas-movidas.xlsx", editado));
    expect(deCierre(hs)).toEqual([]);
  });

  test("meta vigencia cambiada: un hallazgo de programación en su celda", async () => {
    const editado = await editarParte(await fs.readFile(sellado), HOJA_PMR, (x) => ponerNumero(x, "O7", 30000));
    const cierre = deCierre(await validarJson(await escribir("meta.xlsx", editado)));
    expect(cierre.map((h) => [h.regla, h.celda])).toEqual([["CIE-PROGRAMACION-CAMBIADA", "O7"]]);
    expect(cierre[0].mensaje).toContain("valor sellado 24.000,00, valor actual 30.000,00");
  });

  test("el sello guardado editado a mano: un hallazgo (también si quien edita rehace la huella del almacén)", async () => {
    const bytes = await fs.readFile(sellado);
    const partes = [...(await contenidosZip(bytes)).keys()].filter((n) => /^customXml\/item\d+\.xml$/.test(n));
    expect(partes).toHaveLength(1);
    // 1) Cambia un número del sello: la huella del almacén ya no coincide.
    const tosco = await editarParte(bytes, partes[0], (x) => x.replace("[1850,2100", "[1851,2100"));
    const c1 = deCierre(await validarJson(await escribir("sello-tosco.xlsx", tosco)));
    expect(c1.map((h) => [h.regla, h.celda])).toEqual([["CIE-SELLO-ALTERADO", "A1"]]);
    // 2) Además rehace la huella del sobre: lo detecta la huella del sello.
    const fino = await editarParte(bytes, partes[0], (x) => {
      const m = /^([\s\S]*?huella=")([0-9a-f]{14})("[^>]*>)([\s\S]*)(<\/ranura>)$/.exec(x)!;
      const json = m[4].replace("[1850,2100", "[1851,2100");
      return m[1] + cyrb53(json) + m[3] + json + m[5];
    });
    const c2 = deCierre(await validarJson(await escribir("sello-fino.xlsx", fino)));
    expect(c2.map((h) => [h.regla, h.celda])).toEqual([["CIE-SELLO-ALTERADO", "A1"]]);
    expect(c2[0].mensaje).toContain("no coincide con su huella");
  });

  test("dos sellos (junio y diciembre): cada celda cambiada una sola vez, con el sello que la rige", async () => {
    const doble = await escribir("doble.xlsx", await fs.readFile(sellado));
    const e = entornoPrueba();
    expect(await main(["sellar", doble, "--mes", "12", "--nota", "Cierre anual"], e)).toBe(0);
    expect(e.salida()).toContain("Sellos en el libro: 2 (junio de 2025, diciembre de 2025).");
    const editado = await editarParte(await fs.readFile(doble), HOJA_PMR, (x) =>
      ponerNumero(ponerNumero(x, "AG7", 1), "AJ7", 2),
    );
    const cierre = deCierre(await validarJson(await escribir("doble-editado.xlsx", editado)));
    expect(cierre.map((h) => h.celda)).toEqual(["AG7", "AJ7"]);
    for (const h of cierre) expect(h.mensaje).toContain("sello de diciembre de 2025");
  });
});

describe("pmr comparar", () => {
  test("lista el mismo cambio con la celda en cada archivo; 1 con cambios, 0 sin, 2 ilegible", async () => {
    const editado = await escribir(
      "para-comparar.xlsx",
      await editarParte(await fs.readFile(sellado), HOJA_PMR, (x) => ponerNumero(x, "AG7", 9999)),
    );
    const e = entornoPrueba();
    expect(await main(["comparar", sellado, editado, "--formato", "json"], e)).toBe(1);
    const r = JSON.parse(e.salida()) as { cambios: unknown[]; anadidos: unknown[]; eliminados: unknown[] };
    expect(r.anadidos).toEqual([]);
    expect(r.eliminados).toEqual([]);
    expect(r.cambios).toEqual([
      expect.objectContaining({
        campo: "ejecutado",
        mes: 6,
        antes: 2150,
        despues: 9999,
        anterior: { hoja: "PMR", celda: "AG7" },
        actual: { hoja: "PMR", celda: "AG7" },
      }),
    ]);
    const texto = entornoPrueba();
    expect(await main(["comparar", sellado, editado], texto)).toBe(1);
    expect(texto.salida()).toMatch(/Ejecutado junio: 2\.150,00 → 9\.999,00 {2}\(PMR!AG7 → PMR!AG7\)/);

    expect(await main(["comparar", EJEMPLO, sellado], entornoPrueba())).toBe(0);
    const ilegible = entornoPrueba();
    expect(await main(["comparar", EJEMPLO, path.join(carpeta, "no-existe.xlsx")], ilegible)).toBe(2);
    expect(ilegible.errores()).toContain("no-existe.xlsx");
  });

  test("filas movidas: sin cambios", async () => {
    const movidas = await escribir(
      "movidas-comparar.xlsx",
      await editarParte(await fs.readFile(EJEMPLO), HOJA_PMR, (x) => intercambiarFilas(x, 7, 9)),
    );
    // Las filas de verdad se movieron (el código de la fila 7 es otro).
    const codigo7 = async (ruta: string) =>
      leerModelo(await leerArchivoXlsx(ruta)).pmr!.indicadores.find((i) => i.fila === 7)!.codigo;
    expect(await codigo7(movidas)).not.toBe(await codigo7(EJEMPLO));
    expect(await main(["comparar", EJEMPLO, movidas], entornoPrueba())).toBe(0);
  });
});

describe("ida y vuelta con Excel", () => {
  test("sellado en Excel (falso) y leído por pmr validar", async () => {
    const libro = crearLibroFalso(await leerArchivoXlsx(EJEMPLO));
    const ejecutar = usarLibro(libro);
    const p = puertosExcel(ejecutar, { resaltar: false });
    const r = await sellar({ leerLibro: () => p.leerLibro(), almacen: crearAlmacenExcel({ ejecutar }) }, { mes: 6 });
    expect(r.sello.indicadores).toHaveLength(30);
    const partes = libro.guardar().partesXml!.map((x) => x.xml);
    const xlsx = await agregarPartesXml(await fs.readFile(EJEMPLO), partes);
    const editado = await editarParte(xlsx, HOJA_PMR, (x) => ponerNumero(x, "AG7", 9999));
    const cierre = deCierre(await validarJson(await escribir("desde-excel.xlsx", editado)));
    expect(cierre.map((h) => h.celda)).toEqual(["AG7"]);
  });

  test("sellado por pmr y validado en Excel (falso): el panel ve y resalta la celda cambiada", async () => {
    const editado = await editarParte(await fs.readFile(sellado), HOJA_PMR, (x) => ponerNumero(x, "AG7", 9999));
    const partes = [...(await contenidosZip(editado)).entries()]
      .filter(([n]) => /^customXml\/item\d+\.xml$/.test(n))
      .map(([, b]) => ({ xml: b.toString("utf8") }));
    const libro = crearLibroFalso({ ...(await leerArchivoXlsx(editado)), partesXml: partes });
    const ejecutar = usarLibro(libro);
    expect((await crearAlmacenExcel({ ejecutar }).leer(RANURA_SELLOS)).datos?.sellos).toHaveLength(1);
    const informe = await validar(puertosExcel(ejecutar));
    const cierre = informe.hallazgos.filter((h) => h.categoria === "Cierre");
    expect(cierre.map((h) => [h.regla, h.celda])).toEqual([["CIE-VALOR-SELLADO-CAMBIADO", "AG7"]]);
    // Resaltada como cualquier hallazgo: la celda está en las áreas de un formato condicional del complemento.
    const areas = libro
      .formatosCondicionales("PMR")
      .map((f) => f.areas.split(","))
      .flat();
    expect(areas).toContain("AG7");
    // Y pmr validar da la misma clave sobre el mismo archivo.
    const cli = deCierre(await validarJson(await escribir("mismo.xlsx", editado)));
    expect(cli.map((h) => h.clave)).toEqual(cierre.map((h) => h.clave));
  });
});

test("AlmacenXlsx lee lo que escribió pmr sellar", async () => {
  const a = await AlmacenXlsx.abrir(sellado);
  const l = await a.leer(RANURA_SELLOS);
  expect(l.problemas).toEqual([]);
  expect(l.datos?.sellos.map((s) => [s.mes, s.vigencia, s.nota])).toEqual([[6, 2025, "Cierre de junio"]]);
});
