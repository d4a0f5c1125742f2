/* Esta prueba rompe a propósito las reglas de Office.js (leer sin cargar, leer antes del sync)
   para comprobar que el falso las hace cumplir como Excel: */
/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read, office-addins/no-empty-load */
/**
 * El Excel falso tiene que seguir siendo honesto: si dejara leer sin cargar o devolviera datos
 * que Excel no devuelve, las pruebas del adaptador pasarían en falso.
 */
import {
  ErrorExcelFalso,
  LIMITE_DIRECCION,
  NoModelado,
  crearLibroFalso,
  instalarExcelFalso,
  reabrir,
  type ContextoFalso,
} from "../../fakes/excel-falso";

function libroBasico() {
  return crearLibroFalso({
    hojas: [
      {
        nombre: "PMR",
        filaInicial: 2,
        columnaInicial: 1,
        valores: [
          ["Código", "Valor"],
          ["A-1", 10],
          ["A-2", "#REF!"],
        ],
        formatos: [
          [null, null],
          [null, "0.0%"],
          [null, null],
        ],
        combinadas: ["B1:D1"],
      },
      { nombre: "Vacía" },
    ],
  });
}

async function rechazo(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("se esperaba un rechazo");
}

describe("Excel falso: cargar antes de leer", () => {
  test("leer una propiedad sin load lanza PropertyNotLoaded", async () => {
    const libro = libroBasico();
    await libro.run(async (context: ContextoFalso) => {
      const rango = context.workbook.worksheets.getItem("PMR").getRange("B3:C5");
      expect(() => rango.values).toThrow(ErrorExcelFalso);
      try {
        void rango.values;
      } catch (e) {
        expect((e as ErrorExcelFalso).code).toBe("PropertyNotLoaded");
      }
      await context.sync();
      expect(() => rango.values).toThrow(/not available/);
    });
  });

  test("con load pero antes del sync, tampoco; después del sync, sí (copia del momento)", async () => {
    const libro = libroBasico();
    await libro.run(async (context: ContextoFalso) => {
      const rango = context.workbook.worksheets.getItem("PMR").getRange("B3:C5");
      rango.load("values,numberFormat,address");
      expect(() => rango.values).toThrow(/not available/);
      expect(libro.syncs).toBe(0);
      await context.sync();
      expect(libro.syncs).toBe(1);
      expect(rango.values).toEqual([
        ["Código", "Valor"],
        ["A-1", 10],
        ["A-2", "#REF!"],
      ]);
      expect(rango.numberFormat[1][1]).toBe("0.0%");
      expect(rango.numberFormat[0][0]).toBe("General");
      expect(rango.address).toBe("PMR!B3:C5");
      // Lo no cargado sigue sin poder leerse.
      expect(() => rango.rowIndex).toThrow(/not available/);
    });
  });

  test('celdas vacías como "" y valores 2-D también para una sola celda', async () => {
    const libro = libroBasico();
    await libro.run(async (context: ContextoFalso) => {
      const a1 = context.workbook.worksheets.getItem("PMR").getRange("A1");
      const b1 = context.workbook.worksheets.getItem("PMR").getRange("A1:B2");
      a1.load("values");
      b1.load("values");
      await context.sync();
      expect(a1.values).toEqual([[""]]);
      expect(b1.values).toEqual([
        ["", ""],
        ["", ""],
      ]);
    });
  });

  test("las escrituras se aplican en el sync, no antes", async () => {
    const libro = libroBasico();
    await libro.run(async (context: ContextoFalso) => {
      context.workbook.worksheets.getItem("PMR").getRange("B4").format.fill.color = "#FF0000";
      expect(libro.formatoCelda("PMR", "B4").relleno).toBeNull();
      await context.sync();
      expect(libro.formatoCelda("PMR", "B4").relleno).toBe("#FF0000");
    });
  });

  test("isNullObject: solo tras el sync; un método sobre un objeto nulo no está modelado", async () => {
    const libro = libroBasico();
    await libro.run(async (context: ContextoFalso) => {
      const falta = context.workbook.worksheets.getItemOrNullObject("No existe");
      const vacia = context.workbook.worksheets.getItem("Vacía").getUsedRangeOrNullObject(true);
      expect(() => falta.isNullObject).toThrow(/not available/);
      await context.sync();
      expect(falta.isNullObject).toBe(true);
      expect(vacia.isNullObject).toBe(true);
      // Propiedades de un objeto nulo: undefined, como el cliente de Office.js.
      expect(falta.name).toBeUndefined();
      falta.getRange("A1").load("values");
      await expect(context.sync()).rejects.toThrow(NoModelado);
    });
  });

  test("getItem de una hoja que no existe rechaza el sync con ItemNotFound y no deja nada cargado", async () => {
    const libro = libroBasico();
    await libro.run(async (context: ContextoFalso) => {
      const hojas = context.workbook.worksheets;
      hojas.load("items/name");
      context.workbook.worksheets.getItem("Otra").getRange("A1").load("values");
      const e = (await rechazo(context.sync())) as ErrorExcelFalso;
      expect(e.code).toBe("ItemNotFound");
      expect(() => hojas.items).toThrow(/not available/);
    });
  });

  test("lo que no modela lanza «no modelado» en lugar de inventar", async () => {
    const libro = libroBasico();
    await libro.run(async (context: ContextoFalso) => {
      const hoja = context.workbook.worksheets.getItem("PMR") as unknown as Record<string, unknown>;
      expect(() => hoja.shapes).toThrow(NoModelado);
      expect(() => (hoja.getRange as (a: string) => { values: unknown })("A1").values).toThrow(/not available/);
      const rango = context.workbook.worksheets.getItem("PMR").getRange("A1");
      expect(() => {
        (rango as unknown as { formulasLocal: unknown }).formulasLocal = [["=1"]];
      }).toThrow(NoModelado);
      expect(() => rango.load(undefined)).toThrow(NoModelado);
      rango.load("formulas");
      await expect(context.sync()).rejects.toThrow(NoModelado);
    });
  });

  test("la colección de hojas y sus items solo tras cargar", async () => {
    const libro = libroBasico();
    await libro.run(async (context: ContextoFalso) => {
      const hojas = context.workbook.worksheets;
      expect(() => hojas.items).toThrow(/not available/);
      hojas.load("items/name");
      await context.sync();
      expect(hojas.items.map((h) => h.name)).toEqual(["PMR", "Vacía"]);
      expect(() => hojas.items[0].id).toThrow(/not available/);
    });
  });

  test("rango usado por valores, áreas combinadas y sus límites", async () => {
    const libro = libroBasico();
    await libro.run(async (context: ContextoFalso) => {
      const hoja = context.workbook.worksheets.getItem("PMR");
      const usado = hoja.getUsedRangeOrNullObject(true);
      usado.load("rowIndex,columnIndex,rowCount,columnCount");
      const areas = hoja.getRange().getMergedAreasOrNullObject();
      areas.load("areas/items/address");
      await context.sync();
      expect([usado.rowIndex, usado.columnIndex, usado.rowCount, usado.columnCount]).toEqual([2, 1, 3, 2]);
      expect(areas.areas.items.map((a) => a.address)).toEqual(["PMR!B1:D1"]);
      hoja.getRange().load("values");
      expect(((await rechazo(context.sync())) as ErrorExcelFalso).code).toBe("RangeExceedsLimit");
    });
  });

  test("el libro no admite valores dentro de un área combinada fuera de la celda superior izquierda", () => {
    expect(() => crearLibroFalso({ hojas: [{ nombre: "H", valores: [["a", "b"]], combinadas: ["A1:B1"] }] })).toThrow(
      /solo la celda superior izquierda/,
    );
    expect(() => crearLibroFalso({ hojas: [{ nombre: "H", valores: [[new Date()]] }] })).toThrow(NoModelado);
  });

  test("más de 512 áreas combinadas: Excel falla", async () => {
    const combinadas = Array.from({ length: 513 }, (_v, i) => `A${2 * i + 1}:B${2 * i + 1}`);
    const libro = crearLibroFalso({ hojas: [{ nombre: "H", combinadas }] });
    await libro.run(async (context: ContextoFalso) => {
      context.workbook.worksheets.getItem("H").getRange().getMergedAreasOrNullObject().load("areaCount");
      await expect(context.sync()).rejects.toThrow(/512/);
    });
  });

  test("getRanges trunca la dirección a 8192 caracteres, como Excel", async () => {
    const libro = libroBasico();
    const direcciones = Array.from({ length: 2000 }, (_v, i) => `A${i + 1}`).join(",");
    expect(direcciones.length).toBeGreaterThan(LIMITE_DIRECCION);
    await libro.run(async (context: ContextoFalso) => {
      const areas = context.workbook.worksheets.getItem("PMR").getRanges(direcciones);
      areas.load("areaCount");
      // El corte cae en medio de una dirección o deja menos áreas: nunca las 2000.
      try {
        await context.sync();
        expect(areas.areaCount).toBeLessThan(2000);
      } catch (e) {
        expect((e as ErrorExcelFalso).code).toBe("InvalidArgument");
      }
    });
  });

  test("formatos condicionales: add los pone primero; delete los quita; items con su tipo", async () => {
    const libro = crearLibroFalso({
      hojas: [
        {
          nombre: "H",
          formatosCondicionales: [
            { tipo: "CellValue", formula: null, relleno: "#00FF00", fuente: null, areas: "A1:A5" },
          ],
        },
      ],
    });
    await libro.run(async (context: ContextoFalso) => {
      const hoja = context.workbook.worksheets.getItem("H");
      const fc = hoja.getRanges("A2,C3").conditionalFormats.add("Custom");
      fc.custom.rule.formula = "=TRUE";
      fc.custom.format.fill.color = "#ff0000";
      await context.sync();
      expect(libro.formatosCondicionales("H").map((f) => [f.tipo, f.areas, f.relleno])).toEqual([
        ["Custom", "A2,C3", "#FF0000"],
        ["CellValue", "A1:A5", "#00FF00"],
      ]);
      expect(libro.rellenoVisible("H", "C3")).toBe("#FF0000");
      const todos = hoja.getRange().conditionalFormats;
      todos.load("items/type,items/customOrNullObject/rule/formula");
      await context.sync();
      expect(todos.items.map((f) => f.type)).toEqual(["Custom", "CellValue"]);
      expect(todos.items[0].customOrNullObject.rule.formula).toBe("=TRUE");
      // Bajo un objeto nulo no se cargó nada.
      expect(todos.items[1].customOrNullObject.isNullObject).toBe(true);
      expect(() => todos.items[1].customOrNullObject.rule.formula).toThrow(/not available/);
      todos.items[0].delete();
      await context.sync();
      expect(libro.formatosCondicionales("H").map((f) => f.tipo)).toEqual(["CellValue"]);
    });
  });

  test("cuenta cada sync y el sync final implícito de run si quedan operaciones", async () => {
    const libro = libroBasico();
    await libro.run(async (context: ContextoFalso) => {
      context.workbook.worksheets.getItem("PMR").activate();
    });
    expect(libro.syncs).toBe(1);
    await libro.run(async () => undefined);
    expect(libro.syncs).toBe(1);
  });

  test("los objetos de un run terminado no sirven en otro", async () => {
    const libro = libroBasico();
    let viejo: { load: (p: string) => unknown } | null = null;
    await libro.run(async (context: ContextoFalso) => {
      viejo = context.workbook.worksheets.getItem("PMR");
      await context.sync();
    });
    expect(() => viejo!.load("name")).toThrow(/finished Excel.run/);
  });

  test("configuración: set en memoria, saveAsync al archivo; al reabrir solo queda lo guardado", async () => {
    const libro = libroBasico();
    libro.ajustes.set("a", "uno");
    await new Promise<void>((r) => libro.ajustes.saveAsync(() => r()));
    libro.ajustes.set("b", "dos (sin guardar)");
    const otro = reabrir(libro);
    expect(otro.ajustes.get("a")).toBe("uno");
    expect(otro.ajustes.get("b")).toBeNull();
    libro.fallarGuardadoAjustes = "disco lleno";
    const r = await new Promise<{ status: string; error: { message: string } | null }>((res) =>
      libro.ajustes.saveAsync(res),
    );
    expect(r.status).toBe("failed");
    expect(r.error?.message).toBe("disco lleno");
  });

  test("SettingsChanged: los manejadores se registran y reciben los cambios de otra sesión", async () => {
    const libro = libroBasico();
    const avisos: unknown[] = [];
    await new Promise<void>((r) =>
      libro.ajustes.addHandlerAsync(
        "settingsChanged",
        (e: unknown) => avisos.push(e),
        () => r(),
      ),
    );
    libro.cambiarAjustesDesdeOtraSesion({ x: "1" });
    expect(avisos).toHaveLength(1);
    expect(libro.ajustes.get("x")).toBeNull(); // la copia en memoria no cambia sola
    await new Promise<void>((r) => libro.ajustes.refreshAsync(() => r()));
    expect(libro.ajustes.get("x")).toBe("1");
    expect(() => libro.ajustes.addHandlerAsync("documentSelectionChanged", () => undefined)).toThrow(NoModelado);
  });

  test("reabrir conserva valores, formatos y formatos condicionales (con ids nuevos)", async () => {
    const libro = crearLibroFalso({
      hojas: [
        {
          nombre: "H",
          valores: [[1, "x"]],
          formatoCeldas: {
            A1: { relleno: "#123456", bordes: { EdgeTop: { estilo: "Continuous", color: "#000000" } } },
          },
          formatosCondicionales: [{ tipo: "Custom", formula: "=TRUE", relleno: "#FF0000", fuente: null, areas: "B1" }],
        },
      ],
    });
    const otro = reabrir(libro);
    expect(otro.instantaneaCeldas("H")).toEqual(libro.instantaneaCeldas("H"));
    const [a] = libro.formatosCondicionales("H");
    const [b] = otro.formatosCondicionales("H");
    expect({ ...b, id: undefined }).toEqual({ ...a, id: undefined });
    expect(b.id).not.toBe(a.id);
  });

  test("instalarExcelFalso pone Excel y Office y los quita", async () => {
    const libro = libroBasico();
    const g: Record<string, unknown> = {};
    const inst = instalarExcelFalso(g, libro);
    const office = g.Office as {
      onReady: () => Promise<{ host: string }>;
      actions: { associate: (n: string, f: () => void) => void };
      addin: { showAsTaskpane: () => Promise<void> };
      context: {
        document: { settings: { get: (k: string) => unknown } };
        requirements: { isSetSupported: (n: string, v: string) => boolean };
      };
    };
    expect((await office.onReady()).host).toBe("Excel");
    office.actions.associate("validarPmr", () => undefined);
    await office.addin.showAsTaskpane();
    expect([...libro.registro.asociaciones.keys()]).toEqual(["validarPmr"]);
    expect(libro.registro.panelMostrado).toBe(1);
    expect(office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(true);
    expect(office.context.requirements.isSetSupported("ExcelApi", "9.1")).toBe(false);
    expect(() => (office as unknown as Record<string, unknown>).ribbon).toThrow(NoModelado);
    const excel = g.Excel as { run: typeof libro.run };
    await excel.run(async (context: ContextoFalso) => {
      context.workbook.worksheets.load("items/name");
      await context.sync();
    });
    expect(libro.syncs).toBe(1);
    inst.desinstalar();
    expect("Excel" in g).toBe(false);
    expect("Office" in g).toBe(false);
  });

  test("workbook.application.calculate: se anota en el sync; un tipo no válido falla en el sync, como en Excel", async () => {
    const libro = libroBasico();
    const g: Record<string, unknown> = {};
    const inst = instalarExcelFalso(g, libro);
    const excel = g.Excel as { CalculationType: { full: string } };
    await libro.run(async (context: ContextoFalso) => {
      context.workbook.application.calculate(excel.CalculationType.full);
      expect(libro.registro.recalculos).toEqual([]);
      await context.sync();
    });
    expect(libro.registro.recalculos).toEqual(["Full"]);
    await expect(
      libro.run(async (context: ContextoFalso) => {
        context.workbook.application.calculate("Todo");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(libro.registro.recalculos).toEqual(["Full"]);
    await expect(
      libro.run(async (context: ContextoFalso) => {
        (context.workbook.application as unknown as { calculationMode: unknown }).calculationMode = "Manual";
      }),
    ).rejects.toThrow(NoModelado);
    inst.desinstalar();
  });

  test("con funcionesPersonalizadas también pone CustomFunctions (associate, Error, ErrorCode)", () => {
    const libro = libroBasico();
    const g: Record<string, unknown> = { Office: "office.js" };
    const inst = instalarExcelFalso(g, libro, { funcionesPersonalizadas: true });
    const cf = g.CustomFunctions as {
      associate: (id: string, f: () => number) => void;
      Error: new (code: string, m?: string) => { code: string; message?: string };
      ErrorCode: Record<string, string>;
    };
    cf.associate("AVANCE", () => 1);
    expect([...libro.registro.funciones.keys()]).toEqual(["AVANCE"]);
    const e = new cf.Error(cf.ErrorCode.notAvailable, "Sin programación");
    expect([e.code, e.message]).toEqual(["#N/A", "Sin programación"]);
    expect("message" in new cf.Error(cf.ErrorCode.invalidValue)).toBe(false);
    inst.desinstalar();
    expect(g).toEqual({ Office: "office.js" });
  });
});
