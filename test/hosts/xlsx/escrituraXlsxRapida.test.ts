/**
 * El escritor rápido da, leído con el lector de .xlsx, las mismas hojas, valores y formatos de
 * número que escribirLibroXlsx (ExcelJS) con la misma descripción: el libro consolidado del ejemplo
 * partido en tres y una hoja con textos difíciles, fórmulas, estilos y combinadas.
 */
import JSZip from "jszip";
import { consolidar } from "../../../src/casos/consolidar";
import { escribirLibroXlsx, leerArchivoXlsx } from "../../../src/hosts/xlsx";
import { escribirLibroXlsxRapido, escribirLibroXlsxRapidoAsincrono } from "../../../src/hosts/xlsx/escrituraXlsxRapida";
import { formula, hoja, libro, type DescripcionLibro } from "../../../src/workbook/escritura";
import { partirEjemplo } from "../../casos/particion";

async function leidoCon(d: DescripcionLibro) {
  const [a, b] = [(await escribirLibroXlsx(d, { graficos: false })).archivo, escribirLibroXlsxRapido(d)];
  return [await leerArchivoXlsx(a, { nombre: "exceljs.xlsx" }), await leerArchivoXlsx(b, { nombre: "rapido.xlsx" })];
}

/** Las grillas sin lo que cambia solo por cómo se guardó (filas vacías del final). */
function comparable(l: Awaited<ReturnType<typeof leerArchivoXlsx>>) {
  return l.hojas.map((h) => ({
    nombre: h.nombre,
    valores: h.valores.map((f) => (f ?? []).map((v) => (v === "" ? null : v))),
    formatos: (h.formatos ?? []).map((f) => (f ?? []).map((x) => (x === "General" || x === "" ? null : (x ?? null)))),
  }));
}

describe("escribirLibroXlsxRapido", () => {
  it("el consolidado del ejemplo: mismas hojas, valores y formatos que con ExcelJS", async () => {
    const p = await partirEjemplo([["O1", "O2"], ["O3", "O4"], ["O5"]], ["a.xlsx", "b.xlsx", "c.xlsx"]);
    const inf = await consolidar(p.partes.map((x) => ({ nombre: x.nombre, leer: () => Promise.resolve(x.libro) })));
    const [a, b] = await leidoCon(inf.libro);
    expect(comparable(b)).toEqual(comparable(a));
    expect(b.hojas.map((h) => h.nombre)).toEqual(["PMR", "PMR_Presupuesto", "PMR_Territorial"]);
    expect(b.hojas[0].valores.length).toBe(31);
  });

  it("textos que parecen fórmulas, caracteres de XML, fórmulas, estilos, combinadas y tabla", async () => {
    const d = libro(
      hoja("Prueba", "prueba")
        .titulo("A1:C1", "Título & <cosas>")
        .celdas("A3", [
          ["Código", "Texto", "Cifra"],
          ["=SUMA(1)", '<texto> & «comillas» "dobles"', 0.25],
          ["+57", "", 1234.5],
          [true, formula("=1+1"), -3],
        ])
        .formato("C4:C6", "0.00%")
        .estilo("A3:C3", "encabezado")
        .ancho("B", 40)
        .inmovilizar(3)
        .tabla({ nombre: "TablaPrueba", rango: "A3:C6" }),
    );
    const [a, b] = await leidoCon(d);
    expect(comparable(b)).toEqual(comparable(a));
    expect(b.hojas[0].valores[3][0]).toBe("=SUMA(1)");
    expect(b.hojas[0].valores[3][1]).toBe('<texto> & «comillas» "dobles"');
    const zip = await JSZip.loadAsync(escribirLibroXlsxRapido(d));
    expect(Object.keys(zip.files)).toContain("xl/tables/table1.xml");
    expect(await zip.file("xl/worksheets/sheet1.xml")!.async("string")).toContain('<mergeCell ref="A1:C1"/>');
  });

  it("un carácter de control y un «_x0041_» escrito se leen tal cual (con ExcelJS se pierden)", async () => {
    const d = libro(hoja("T", "t").celda("A1", "código _x0041_ y _x00, con\u001bESC"));
    const leido = await leerArchivoXlsx(escribirLibroXlsxRapido(d), { nombre: "t.xlsx" });
    expect(leido.hojas[0].valores[0][0]).toBe("código _x0041_ y _x00, con\u001bESC");
  });

  it("no escribe gráficos ni validaciones (son de escribirLibroXlsx)", () => {
    const d = libro(
      hoja("V", "v")
        .celda("A1", 1)
        .validacion({ rango: "A1", regla: { tipo: "lista", valores: ["a"] } }),
    );
    expect(() => escribirLibroXlsxRapido(d)).toThrow(/validaciones/);
  });

  it("una columna con un formato distinto en cada fila: los mismos formatos que con ExcelJS", async () => {
    let h = hoja("F", "f").celdas(
      "A1",
      Array.from({ length: 40 }, (_, i) => [i, i / 100, `t${i}`]),
    );
    for (let i = 0; i < 40; i++) h = h.formato(`B${i + 1}`, i % 2 ? "0.00%" : "#,##0.000");
    h = h.formato("B5:B8", "0.0").formato("C3", "@");
    const [a, b] = await leidoCon(libro(h));
    expect(comparable(b)).toEqual(comparable(a));
    expect(b.hojas[0].formatos![5][1]).toBe("0.0");
    expect(b.hojas[0].formatos![9][1]).toBe("0.00%");
  });

  it("una hoja de varios MB de XML (se comprime en muchos trozos) se lee entera", async () => {
    const texto = "Avance cualitativo del mes con la comunidad y la oficina de planeación";
    const filas = Array.from({ length: 3000 }, (_, i) => [
      i + 1,
      ...Array.from({ length: 30 }, (_, j) => `${texto} ${i}.${j}`),
    ]);
    const leido = await leerArchivoXlsx(escribirLibroXlsxRapido(libro(hoja("G", "g").celdas("A1", filas))), {
      nombre: "g.xlsx",
    });
    expect(leido.hojas[0].valores.length).toBe(3000);
    expect(leido.hojas[0].valores[2999][0]).toBe(3000);
    expect(leido.hojas[0].valores[2999][30]).toBe(`${texto} 2999.29`);
    expect(leido.hojas[0].valores[1500][15]).toBe(`${texto} 1500.14`);
  });

  it("la versión asíncrona (compresión en otros hilos) da los mismos bytes", async () => {
    const texto = "Avance cualitativo del mes con la comunidad";
    const filas: (string | number)[][] = [Array.from({ length: 21 }, (_, j) => `Columna ${j + 1}`)];
    for (let i = 1; i < 4000; i++) filas.push([i, ...Array.from({ length: 20 }, (_, j) => `${texto} ${i}.${j}`)]);
    const d = libro(
      hoja("G", "g").celdas("A1", filas).formato("A2:A4000", "0.00").tabla({ nombre: "TablaG", rango: "A1:U4000" }),
      hoja("H", "h").celda("A1", "otra"),
    );
    expect((await escribirLibroXlsxRapidoAsincrono(d)).equals(escribirLibroXlsxRapido(d))).toBe(true);
  });
});
