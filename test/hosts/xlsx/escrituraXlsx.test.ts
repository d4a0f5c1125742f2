import ExcelJS from "exceljs";
import JSZip from "jszip";
import { XMLValidator } from "fast-xml-parser";
import { escribirLibroXlsx, leerArchivoXlsx } from "../../../src/hosts/xlsx";
import { escribirLibroExcel, type Ejecutar } from "../../../src/hosts/excel";
import { ErrorDescripcion, formula, hoja, libro } from "../../../src/workbook/escritura";
import { crearLibroFalso } from "../../fakes/excel-falso";
import { inspeccionarEscritura } from "../../fakes/escritura-falsa";
import { descripcionMuestra, MENSAJE_PELIGROSO } from "../../workbook/escritura/muestra";

async function generar() {
  const r = await escribirLibroXlsx(descripcionMuestra());
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(r.archivo as unknown as ArrayBuffer);
  const zip = await JSZip.loadAsync(r.archivo);
  const texto = async (ruta: string) => {
    const f = zip.file(ruta);
    if (!f) throw new Error(`falta ${ruta}`);
    return f.async("string");
  };
  return { r, wb, zip, texto };
}

type TablaExcelJs = {
  name: string;
  table: { ref: string; tableRef?: string; style: { theme: string }; totalsRow: boolean; headerRow: boolean };
};

describe("escribirLibroXlsx", () => {
  it("escribe celdas, textos como texto, fórmula, formatos, estilos, anchos, inmovilizar y combinadas; ExcelJS lo vuelve a leer", async () => {
    const { r, wb } = await generar();
    expect(r.hojas).toEqual(["Informe PMR", "Plantilla"]);
    expect(r.avisos).toEqual([]);
    expect(r.graficos).toEqual([
      { hoja: "Informe PMR", nombre: "Cumplimiento por objetivo", incluido: true },
      { hoja: "Informe PMR", nombre: "Tendencia", incluido: true },
    ]);
    const ws = wb.getWorksheet("Informe PMR")!;
    expect(ws.getCell("A1").value).toBe("Informe anual PMR 2025");
    expect(ws.getCell("C4").value).toBe(0.9717);
    expect(ws.getCell("C4").numFmt).toBe("0.00%");
    expect(ws.getCell("B9").value).toBe(MENSAJE_PELIGROSO);
    expect(ws.getCell("B9").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("B9").numFmt).toBe("@");
    expect(ws.getCell("B10").value).toBe("-5 indicadores");
    expect(ws.getCell("C7").formula).toBe("AVERAGE(C4:C6)");
    expect(ws.getCell("C7").numFmt).toBe("0.00%");
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 14, color: { argb: "FF1F3864" } });
    expect(ws.getCell("B3").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } });
    expect(ws.getCell("B3").alignment).toMatchObject({ wrapText: true, vertical: "middle" });
    expect(ws.getCell("D6").font.color).toEqual({ argb: "FF9C0006" });
    expect(ws.getColumn(1).width).toBe(10);
    expect(ws.getColumn(2).width).toBe(45);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 0, ySplit: 3 });
    expect((ws.model as unknown as { merges: string[] }).merges).toEqual(["A1:D1"]);
    const p = wb.getWorksheet("Plantilla")!;
    expect(p.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 1 });
    expect(p.getCell("C2").numFmt).toBe("#,##0.00");
    // El lector del producto (el de `pmr validar`) también lo abre.
    const grillas = await leerArchivoXlsx(r.archivo);
    expect(grillas.hojas.map((h) => h.nombre)).toEqual(["Informe PMR", "Plantilla"]);
  });

  it("tablas y validaciones (con mensaje de entrada y alerta) como se describieron", async () => {
    const { wb } = await generar();
    const tablas = (nombre: string) =>
      (wb.getWorksheet(nombre) as unknown as { getTables(): TablaExcelJs[] }).getTables().map((t) => ({
        nombre: t.name,
        rango: t.table.tableRef ?? t.table.ref,
        estilo: t.table.style.theme,
        totales: t.table.totalsRow,
        encabezados: t.table.headerRow,
      }));
    expect(tablas("Informe PMR")).toEqual([
      { nombre: "PMR_Objetivos", rango: "A3:D6", estilo: "TableStyleMedium2", totales: false, encabezados: true },
    ]);
    expect(tablas("Plantilla")).toEqual([
      { nombre: "PMR_Plantilla", rango: "A1:C3", estilo: "TableStyleLight9", totales: false, encabezados: true },
    ]);
    const dv = (wb.getWorksheet("Plantilla") as unknown as { dataValidations: { model: Record<string, unknown> } })
      .dataValidations.model;
    expect(Object.keys(dv).sort()).toEqual(["A2", "A3", "B2", "B3", "C2", "C3", "E7"]);
    expect(dv.E7).toMatchObject({ type: "list", formulae: ["'Informe PMR'!$A$4:$A$6"] });
    expect(dv.B3).toEqual({
      type: "list",
      allowBlank: true,
      formulae: ['"Suma,Creciente,Constante,Decreciente"'],
      showInputMessage: true,
      promptTitle: "Tendencia",
      prompt: "Elija la tendencia del indicador.",
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: "Tendencia no válida",
      error: "Use Suma, Creciente, Constante o Decreciente.",
    });
    expect(dv.C2).toMatchObject({
      type: "decimal",
      operator: "greaterThanOrEqual",
      formulae: [0],
      errorStyle: "warning",
    });
    expect(dv.A2).toMatchObject({ type: "list", formulae: ["'Plantilla'!$E$2:$E$5"] });
  });

  it("gráficos nativos: partes de DrawingML bien formadas, con los rangos, colores, títulos y el ancla descritos", async () => {
    const { zip, texto } = await generar();
    const partes = Object.keys(zip.files).filter((f) => /^xl\/(charts|drawings)\//.test(f) && !f.endsWith("/"));
    expect(partes.sort()).toEqual([
      "xl/charts/chart1.xml",
      "xl/charts/chart2.xml",
      "xl/drawings/_rels/drawing1.xml.rels",
      "xl/drawings/drawing1.xml",
    ]);
    for (const f of [
      ...partes,
      "[Content_Types].xml",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/_rels/sheet1.xml.rels",
    ])
      expect(XMLValidator.validate(await texto(f))).toBe(true);

    const barras = await texto("xl/charts/chart1.xml");
    expect(barras).toContain('<c:barDir val="bar"/><c:grouping val="clustered"/>');
    expect(barras).toContain("<a:t>Cumplimiento por objetivo</a:t>");
    expect(barras).toContain("<c:tx><c:v>Cumplimiento</c:v></c:tx>");
    expect(barras).toContain("<c:cat><c:strRef><c:f>&apos;Informe PMR&apos;!$A$4:$A$6</c:f>".replace(/&apos;/g, "'"));
    expect(barras).toContain("<c:val><c:numRef><c:f>'Informe PMR'!$C$4:$C$6</c:f>");
    expect(barras).toContain('<c:pt idx="0"><c:v>O1</c:v></c:pt>');
    expect(barras).toContain('<c:pt idx="2"><c:v>0.48</c:v></c:pt>');
    expect(barras).toContain('<c:spPr><a:solidFill><a:srgbClr val="4472C4"/></a:solidFill></c:spPr>');
    expect(barras.match(/<c:dPt>/g)).toHaveLength(3);
    expect(barras).toContain(
      '<c:dPt><c:idx val="2"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr><a:solidFill><a:srgbClr val="FF0000"/>',
    );
    expect(barras).toContain("<a:t>Objetivo</a:t>");
    expect(barras).not.toContain("<c:legend>");

    const lineas = await texto("xl/charts/chart2.xml");
    expect(lineas).toContain('<c:lineChart><c:grouping val="standard"/>');
    expect(lineas.match(/<c:ser>/g)).toHaveLength(2);
    expect(lineas).toContain('<a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="70AD47"/>');
    expect(lineas).toContain('<a:srgbClr val="ED7D31"/>');
    expect(lineas).toContain("<c:legend>");

    const dibujo = await texto("xl/drawings/drawing1.xml");
    expect(dibujo).toContain("<xdr:from><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row>");
    expect(dibujo).toContain("<xdr:to><xdr:col>13</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>18</xdr:row>");
    expect(dibujo).toContain('name="Cumplimiento por objetivo"');
    const relsDibujo = await texto("xl/drawings/_rels/drawing1.xml.rels");
    expect(relsDibujo).toContain(
      'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"',
    );
    expect(relsDibujo).toContain('Target="../charts/chart2.xml"');

    const hojaXml = await texto("xl/worksheets/sheet1.xml");
    expect(hojaXml).toMatch(/<drawing r:id="rIdPmrDibujo"\/><tableParts/);
    const relsHoja = await texto("xl/worksheets/_rels/sheet1.xml.rels");
    expect(relsHoja).toContain(
      'Id="rIdPmrDibujo" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"',
    );
    expect(relsHoja).toContain("relationships/table");
    const tipos = await texto("[Content_Types].xml");
    expect(tipos).toContain(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    );
    expect(tipos).toContain(
      '<Override PartName="/xl/charts/chart2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    // La hoja sin gráficos no tiene dibujo.
    expect(await texto("xl/worksheets/sheet2.xml")).not.toContain("<drawing");
  });

  it("sin gráficos: se dejan fuera y el resultado lo dice en español", async () => {
    const r = await escribirLibroXlsx(descripcionMuestra(), { graficos: false });
    const zip = await JSZip.loadAsync(r.archivo);
    expect(Object.keys(zip.files).some((f) => f.startsWith("xl/charts/"))).toBe(false);
    expect(r.avisos).toEqual([
      "El gráfico «Cumplimiento por objetivo» de la hoja «Informe PMR» no se incluyó en el archivo .xlsx; sus datos sí están en la hoja.",
      "El gráfico «Tendencia» de la hoja «Informe PMR» no se incluyó en el archivo .xlsx; sus datos sí están en la hoja.",
    ]);
  });

  it("la misma descripción da los mismos formatos de número, tablas y validaciones en Excel y en el .xlsx", async () => {
    const l = crearLibroFalso({ hojas: [{ nombre: "PMR" }] });
    await escribirLibroExcel(descripcionMuestra(), {
      ejecutar: l.run as unknown as Ejecutar,
      confirmarReemplazo: async () => true,
    });
    const { wb } = await generar();
    for (const nombre of ["Informe PMR", "Plantilla"]) {
      const enExcel = l.instantaneaCeldas(nombre).formatosNumero;
      const enXlsx: Record<string, string> = {};
      // Las celdas ocultas de una combinación no cuentan: ExcelJS les copia el estilo de la primera
      // y qué guarda Excel en ellas no está documentado.
      wb.getWorksheet(nombre)!.eachRow({ includeEmpty: true }, (fila) =>
        fila.eachCell({ includeEmpty: true }, (c) => {
          if (c.numFmt && c.numFmt !== "General" && (!c.isMerged || c.master === c)) enXlsx[c.address] = c.numFmt;
        }),
      );
      expect(enXlsx).toEqual(enExcel);
      const tablasExcel = inspeccionarEscritura(l, nombre).tablas.map((t) => [t.nombre, t.rango, t.estilo]);
      const tablasXlsx = (wb.getWorksheet(nombre) as unknown as { getTables(): TablaExcelJs[] })
        .getTables()
        .map((t) => [t.name, t.table.tableRef ?? t.table.ref, t.table.style.theme]);
      expect(tablasXlsx).toEqual(tablasExcel);
    }
    const validacionesExcel = inspeccionarEscritura(l, "Plantilla").validaciones.map((v) => v.rango);
    expect(validacionesExcel).toEqual(["B2:B3", "C2:C3", "A2:A3", "E7"]);
  });

  it("un nombre de hoja con apóstrofo y «&» queda bien citado y escapado en las referencias del gráfico", async () => {
    const nombre = "Informe d'Ana & Cía";
    const d = libro(
      hoja(nombre, "informe-anual")
        .celdas("A1", [
          ["<O1>", 1],
          ["O2", 2],
        ])
        .grafico({
          nombre: "G & <H>",
          tipo: "columnasAgrupadas",
          titulo: "Título con <marcas> & más",
          posicion: "D1:H10",
          series: [{ nombre: "S'1", categorias: "A1:A2", valores: "B1:B2" }],
        }),
    );
    const r = await escribirLibroXlsx(d);
    const zip = await JSZip.loadAsync(r.archivo);
    const grafico = await zip.file("xl/charts/chart1.xml")!.async("string");
    expect(XMLValidator.validate(grafico)).toBe(true);
    expect(grafico).toContain("<c:f>'Informe d''Ana &amp; Cía'!$B$1:$B$2</c:f>");
    expect(grafico).toContain('<c:barDir val="col"/>');
    expect(grafico).toContain("<a:t>Título con &lt;marcas&gt; &amp; más</a:t>");
    expect(grafico).toContain('<c:pt idx="0"><c:v>&lt;O1&gt;</c:v></c:pt>');
    expect(XMLValidator.validate(await zip.file("xl/drawings/drawing1.xml")!.async("string"))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.archivo as unknown as ArrayBuffer);
    expect(wb.getWorksheet(nombre)!.getCell("A1").value).toBe("<O1>");
  });

  it("una tabla con una columna calculada (fórmulas) queda igual en Excel y en el .xlsx", async () => {
    const d = libro(
      hoja("Plantilla", "plantilla")
        .celdas("A1", [
          ["Programado", "Ejecutado", "Avance"],
          [10, 5, formula('=IF(A2="","",B2/A2)')],
          [20, 30, formula('=IF(A3="","",B3/A3)')],
        ])
        .formato("C2:C3", "0.0%")
        .tabla({ nombre: "Calculada", rango: "A1:C3" }),
    );
    const r = await escribirLibroXlsx(d);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.archivo as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Plantilla")!;
    expect(ws.getCell("C3").formula).toBe('IF(A3="","",B3/A3)');
    expect(ws.getCell("C3").numFmt).toBe("0.0%");
    expect((ws as unknown as { getTables(): TablaExcelJs[] }).getTables()[0].table.tableRef).toBe("A1:C3");
    const l = crearLibroFalso({ hojas: [{ nombre: "PMR" }] });
    await escribirLibroExcel(d, { ejecutar: l.run as unknown as Ejecutar, confirmarReemplazo: async () => true });
    expect(inspeccionarEscritura(l, "Plantilla").formulas).toEqual({
      C2: '=IF(A2="","",B2/A2)',
      C3: '=IF(A3="","",B3/A3)',
    });
    expect(inspeccionarEscritura(l, "Plantilla").tablas.map((t) => t.rango)).toEqual(["A1:C3"]);
  });

  it("una descripción inválida no genera archivo", async () => {
    await expect(escribirLibroXlsx(libro(hoja("a?b", "x")))).rejects.toBeInstanceOf(ErrorDescripcion);
  });
});
