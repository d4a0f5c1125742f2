/** El Excel falso para escribir hojas se comporta como Excel en lo que modela y falla en voz alta en lo demás. */
import { crearLibroFalso, NoModelado, type ContextoFalso, type LibroFalso } from "../../fakes/excel-falso";
import { inspeccionarEscritura } from "../../fakes/escritura-falsa";

type Cualquiera = any; // eslint-disable-line @typescript-eslint/no-explicit-any

function nuevo(): LibroFalso {
  return crearLibroFalso({ hojas: [{ nombre: "PMR", celdas: { A1: "x" } }, { nombre: "Otra" }], activa: "PMR" });
}

async function lote(l: LibroFalso, f: (ws: Cualquiera, ctx: Cualquiera) => void): Promise<void> {
  await l.run(async (ctx: ContextoFalso) => {
    const c = ctx as Cualquiera;
    f(c.workbook.worksheets.getItem("PMR"), c);
    await ctx.sync();
  });
}

describe("Excel falso: escribir", () => {
  it("un texto que Excel interpretaría solo se escribe tal cual con formato «@»; null no cambia la celda", async () => {
    const l = nuevo();
    await expect(lote(l, (ws) => (ws.getRange("B1").values = [["=1+1"]]))).rejects.toThrow(NoModelado);
    await expect(lote(l, (ws) => (ws.getRange("B1").values = [["15%"]]))).rejects.toThrow(/Excel lo convertiría/);
    await lote(l, (ws) => {
      ws.getRange("B1:C1").numberFormat = [["@", null]];
      ws.getRange("A1:C1").values = [[null, "=1+1", "texto"]];
    });
    expect(l.instantaneaCeldas("PMR").valores).toEqual({ A1: "x", B1: "=1+1", C1: "texto" });
    await expect(lote(l, (ws) => (ws.getRange("A1:B1").values = [[1]]))).rejects.toThrow(/InvalidArgument|invalid/);
  });

  it("fórmulas: se guardan, y leer su valor es «no modelado» (el falso no calcula)", async () => {
    const l = nuevo();
    await lote(l, (ws) => (ws.getRange("B2").formulas = [["=SUM(A1:A3)"]]));
    expect(inspeccionarEscritura(l, "PMR").formulas).toEqual({ B2: "=SUM(A1:A3)" });
    await expect(
      l.run(async (ctx: Cualquiera) => {
        ctx.workbook.worksheets.getItem("PMR").getRange("A1:B2").load("values");
        await ctx.sync();
      }),
    ).rejects.toThrow(/fórmula de PMR!B2/);
  });

  it("hojas: nombres como Excel, al final y sin activarse; no se borra la única; borrar la activa activa otra", async () => {
    const l = nuevo();
    await expect(lote(l, (_ws, ctx) => ctx.workbook.worksheets.add("pmr"))).rejects.toMatchObject({
      code: "ItemAlreadyExists",
    });
    await expect(lote(l, (_ws, ctx) => ctx.workbook.worksheets.add("a/b"))).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await lote(l, (_ws, ctx) => ctx.workbook.worksheets.add("Nueva"));
    expect(l.nombresHojas()).toEqual(["PMR", "Otra", "Nueva"]);
    expect(l.hojaActiva()).toBe("PMR");
    await lote(l, (ws) => ws.delete());
    expect(l.hojaActiva()).toBe("Otra");
    const sola = crearLibroFalso({ hojas: [{ nombre: "PMR" }] });
    await expect(lote(sola, (ws) => ws.delete())).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  it("propiedades personalizadas: clave sin mayúsculas, objeto nulo si no existe", async () => {
    const l = nuevo();
    await lote(l, (ws) => ws.customProperties.add("PMR.propietario", "PMR para Excel;x"));
    await l.run(async (context: Cualquiera) => {
      const a = context.workbook.worksheets.getItem("PMR").customProperties.getItemOrNullObject("pmr.PROPIETARIO");
      const b = context.workbook.worksheets.getItem("Otra").customProperties.getItemOrNullObject("PMR.propietario");
      a.load("value");
      b.load("value");
      await context.sync();
      expect(a.isNullObject).toBe(false);
      expect(a.value).toBe("PMR para Excel;x");
      expect(b.isNullObject).toBe(true);
    });
  });

  it("validación: Excel rechaza reglas inválidas; mensajes sin regla no están modelados", async () => {
    const l = nuevo();
    const regla = (r: unknown) => lote(l, (ws) => (ws.getRange("B2:B5").dataValidation.rule = r));
    await expect(
      regla({ list: { inCellDropDown: true, source: "a" }, decimal: { operator: "GreaterThan", formula1: 0 } }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(regla({ list: { inCellDropDown: true, source: "" } })).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await expect(regla({ list: { inCellDropDown: true, source: "x".repeat(256) } })).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await expect(regla({ list: { inCellDropDown: true, source: "='No existe'!$A$1:$A$3" } })).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await expect(regla({ wholeNumber: { operator: "GreaterThan" } })).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await expect(regla({ decimal: { operator: "Between", formula1: 0 } })).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await expect(regla({ date: { operator: "GreaterThan", formula1: "2025-01-01" } })).rejects.toThrow(NoModelado);
    await expect(
      lote(l, (ws) => (ws.getRange("C2").dataValidation.prompt = { showPrompt: true, title: "t", message: "m" })),
    ).rejects.toThrow(NoModelado);
    await regla({ list: { inCellDropDown: true, source: "='Otra'!$A$1:$A$3" } });
    expect(inspeccionarEscritura(l, "PMR").validaciones.map((v) => v.rango)).toEqual(["B2:B5"]);
    await l.run(async (context: Cualquiera) => {
      const dv = context.workbook.worksheets.getItem("PMR").getRange("B2:B5").dataValidation;
      const nada = context.workbook.worksheets.getItem("PMR").getRange("D2").dataValidation;
      dv.load("type");
      nada.load("type");
      await context.sync();
      expect(dv.type).toBe("List");
      expect(nada.type).toBe("None");
    });
  });

  it("tablas: sin solaparse, nombre válido y único en el libro, estilo integrado, encabezados de texto", async () => {
    const l = nuevo();
    await lote(l, (ws) => {
      ws.getRange("A1:B1").values = [["Uno", "Dos"]];
      ws.getRange("D1:E1").values = [["Tres", ""]];
      ws.getRange("G1:N1").values = [["a", "b", "", "c", "d", "", "e", "f"]];
    });
    await lote(l, (ws) => (ws.tables.add("A1:B3", true).name = "Tabla_1"));
    await expect(lote(l, (ws) => ws.tables.add("B1:C3", true))).rejects.toMatchObject({ code: "InvalidOperation" });
    await expect(lote(l, (ws) => ws.tables.add("D1:E3", true))).rejects.toThrow(NoModelado);
    await expect(lote(l, (ws) => (ws.tables.add("G1:H3", true).name = "tabla_1"))).rejects.toMatchObject({
      code: "ItemAlreadyExists",
    });
    await expect(lote(l, (ws) => (ws.tables.add("J1:K3", true).name = "A1"))).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await expect(lote(l, (ws) => (ws.tables.add("M1:N3", true).style = "TableStyleMedium99"))).rejects.toMatchObject({
      code: "InvalidArgument",
    });
  });

  it("gráficos: series por columnas o filas, puntos dentro de la serie; lo automático no está modelado", async () => {
    const l = nuevo();
    await lote(
      l,
      (ws) =>
        (ws.getRange("B2:C4").values = [
          [1, 2],
          [3, 4],
          [5, 6],
        ]),
    );
    await expect(lote(l, (ws) => ws.charts.add("BarClustered", ws.getRange("B2:C4"), "Auto"))).rejects.toThrow(
      NoModelado,
    );
    await expect(lote(l, (ws) => ws.charts.add("Pie", ws.getRange("B2:C4"), "Columns"))).rejects.toThrow(NoModelado);
    await expect(lote(l, (ws) => ws.charts.add("Line", ws.getRange("A1:A2"), "Columns"))).rejects.toThrow(/textos/);
    await lote(l, (ws) => ws.charts.add("ColumnClustered", ws.getRange("B2:C4"), "Columns"));
    await lote(l, (ws) => ws.charts.add("Line", ws.getRange("B2:C4"), "Rows"));
    const g = inspeccionarEscritura(l, "PMR").graficos;
    expect(g.map((x) => x.series.map((s) => s.valores))).toEqual([
      ["PMR!B2:B4", "PMR!C2:C4"],
      ["PMR!B2:C2", "PMR!B3:C3", "PMR!B4:C4"],
    ]);
    await expect(
      lote(l, (ws) => {
        const c = ws.charts.add("BarClustered", ws.getRange("B2:B4"), "Columns");
        c.series.getItemAt(0).points.getItemAt(3).format.fill.setSolidColor("#FF0000");
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it("combinar deja solo el valor de la primera celda; inmovilizar fuera de A1 no está modelado", async () => {
    const l = nuevo();
    await lote(l, (ws) => {
      ws.getRange("B1:C1").values = [["a", "b"]];
      ws.getRange("B1:C1").merge(false);
    });
    expect(l.instantaneaCeldas("PMR")).toMatchObject({ valores: { A1: "x", B1: "a" }, combinadas: ["B1:C1"] });
    await expect(lote(l, (ws) => ws.freezePanes.freezeAt("B2:C3"))).rejects.toThrow(NoModelado);
    await lote(l, (ws) => ws.freezePanes.freezeAt("A1:B3"));
    expect(inspeccionarEscritura(l, "PMR").inmovilizadas).toEqual({ filas: 3, columnas: 2 });
  });
});
