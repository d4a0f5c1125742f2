/**
 * Lo que el lector puro hace con dos cosas que trae el archivo: un número con formato de fecha
 * en una columna de cifras (se avisa, la cifra no cambia) y una celda dañada (ValorIlegible:
 * un problema de esa celda, no de todo el libro).
 */
import { leerModelo } from "../../src/workbook/lector";
import { esFormatoFecha, fechaDeSerial } from "../../src/workbook/formatoFecha";
import type { GrillaHoja, LibroGrillas } from "../../src/workbook/grilla";

const ENCABEZADOS = [
  "Código objetivo",
  "Objetivo",
  "Código indicador",
  "Indicador",
  "Tendencia",
  "Meta vigencia",
  "Línea base",
];

function libro(fila: unknown[], formatos?: string[], fecha1904?: boolean): LibroGrillas {
  const g: GrillaHoja = { nombre: "PMR", valores: [ENCABEZADOS, fila] };
  if (formatos) g.formatos = [ENCABEZADOS.map(() => "General"), formatos];
  const l: LibroGrillas = { hojas: [g] };
  if (fecha1904 !== undefined) l.fecha1904 = fecha1904;
  return l;
}

describe("un número con formato de fecha en una columna de cifras", () => {
  const fila = ["O1", "Objetivo", "I1", "Indicador", "Suma", 45688, 10];
  const general = ENCABEZADOS.map(() => "General");

  it("se avisa en su celda y la cifra es el número tal cual", () => {
    const m = leerModelo(libro(fila, [...general.slice(0, 5), "dd/mm/yyyy", "General"]));
    expect(m.pmr?.indicadores[0].metaVigencia).toBe(45688);
    expect(m.lectura).toEqual([
      { tipo: "fecha-en-numero", hoja: "PMR", celda: "F2", campo: "metaVigencia", detalle: "31/01/2025, número 45688" },
    ]);
  });

  it("con el sistema 1904, la fecha que muestra Excel", () => {
    const m = leerModelo(libro(fila, [...general.slice(0, 5), "d-mmm-yy", "General"], true));
    expect(m.lectura[0].detalle).toBe("01/02/2029, número 45688");
  });

  it("sin formatos, con General, porcentaje o miles: nada", () => {
    expect(leerModelo(libro(fila)).lectura).toEqual([]);
    expect(leerModelo(libro(fila, [...general.slice(0, 5), "0%", "#,##0.00"])).lectura).toEqual([]);
  });

  it("esFormatoFecha: fechas y horas sí; cifras, textos entre comillas y colores no", () => {
    for (const f of [
      "dd/mm/yyyy",
      "mm-dd-yy",
      "d-mmm",
      "h:mm",
      "[h]:mm:ss",
      "[$-240A]d \\de mmmm \\de yyyy",
      "yyyy-mm-dd hh:mm",
    ])
      expect([f, esFormatoFecha(f)]).toEqual([f, true]);
    for (const f of ["General", "0", "0.00%", "#,##0", '0 "días"', "[Red]#,##0", "0.00E+00", "@", "", null])
      expect([f, esFormatoFecha(f)]).toEqual([f, false]);
  });

  it("fechaDeSerial: el calendario de Excel, con su 29/02/1900", () => {
    expect(fechaDeSerial(1)).toBe("01/01/1900");
    expect(fechaDeSerial(59)).toBe("28/02/1900");
    expect(fechaDeSerial(60)).toBe("29/02/1900");
    expect(fechaDeSerial(61)).toBe("01/03/1900");
    expect(fechaDeSerial(45688.75)).toBe("31/01/2025");
    expect(fechaDeSerial(0, true)).toBeNull();
    expect(fechaDeSerial(1, true)).toBe("02/01/1904");
    expect(fechaDeSerial(-3)).toBeNull();
    expect(fechaDeSerial(3e6)).toBeNull();
  });
});

describe("una celda dañada en el archivo (ValorIlegible)", () => {
  const danada = {
    ilegible: "(texto dañado en el archivo: la celda apunta al texto compartido n.º 999, que no existe)",
  };

  it("en una columna de cifras: valor ilegible de esa celda, el resto del libro se lee", () => {
    const m = leerModelo(libro(["O1", "Objetivo", "I1", "Indicador", "Suma", danada, 10]));
    expect(m.pmr?.indicadores[0].metaVigencia).toBeNull();
    expect(m.pmr?.indicadores[0].lineaBase).toBe(10);
    expect(m.lectura).toEqual([
      { tipo: "valor-ilegible", hoja: "PMR", celda: "F2", campo: "metaVigencia", detalle: danada.ilegible },
    ]);
  });

  it("en una columna de texto: también, y el texto queda vacío", () => {
    const m = leerModelo(libro(["O1", "Objetivo", "I1", danada, "Suma", 5, 10]));
    expect(m.pmr?.indicadores[0].nombre).toBeNull();
    expect(m.lectura.map((p) => [p.tipo, p.celda, p.campo])).toEqual([["valor-ilegible", "D2", "nombre"]]);
  });
});
