import {
  esErrorExcel,
  fraccionDePonderacion,
  leerLocalidad,
  leerNumero,
  leerPeriodicidad,
  leerTendencia,
  leerTexto,
  mesesDeReporte,
  normalizarTexto,
  numeroDeTexto,
} from "../../src/domain";

describe("lectura de números (§4)", () => {
  it.each<[string, number | null]>([
    ["0,10", 0.1],
    ["1.234,5", 1234.5],
    ["1.234.567", 1234567],
    ["1,234.5", 1234.5],
    ["1,234,567", 1234567],
    ["1234.5", 1234.5],
    ["1.234", 1234],
    ["0.123", 0.123],
    ["1.5", 1.5],
    [" 12 ", 12],
    ["-3,5", -3.5],
    ["$ 1.500.000", 1500000],
    ["(200)", -200],
    ["1,5e3", 1500],
    // Textos que no son cifras finitas: ilegibles (nunca ±infinito ni NaN).
    ["1e309", null],
    ["-1e309", null],
    ["0e400", null],
    ["1E+400", null],
    ["Infinity", null],
    ["-Infinity", null],
    ["NaN", null],
    ["doce", null],
    ["1,2,3", null],
    ["12a", null],
    ["", null],
  ])("«%s» → %p", (t, n) => {
    expect(numeroDeTexto(t)).toBe(n);
  });

  it("texto de porcentaje se lee como fracción", () => {
    expect(leerNumero("15%")).toEqual({ tipo: "numero", valor: 0.15, porcentaje: true });
    expect(leerNumero("12,5 %")).toEqual({ tipo: "numero", valor: 0.125, porcentaje: true });
  });
  it("vacío, «-», «N/A» y «No aplica» son vacío, nunca 0", () => {
    for (const v of [null, undefined, "", "  ", "-", "N/A", "n/a", "No aplica", "NO APLICA"]) {
      expect(leerNumero(v)).toEqual({ tipo: "vacio" });
    }
    expect(leerNumero(0)).toEqual({ tipo: "numero", valor: 0, porcentaje: false });
  });
  it("errores de Excel se distinguen", () => {
    expect(leerNumero("#REF!")).toEqual({ tipo: "error-excel", error: "#REF!" });
    expect(leerNumero("#n/a")).toEqual({ tipo: "error-excel", error: "#N/A" });
    expect(esErrorExcel("#DIV/0!")).toBe(true);
    expect(esErrorExcel("#hashtag")).toBe(false);
  });
  it("ilegibles: texto, booleanos, NaN, infinitos", () => {
    expect(leerNumero("doce").tipo).toBe("ilegible");
    expect(leerNumero(true).tipo).toBe("ilegible");
    expect(leerNumero(NaN).tipo).toBe("ilegible");
    expect(leerNumero(Infinity).tipo).toBe("ilegible");
    expect(leerNumero({}).tipo).toBe("ilegible");
    for (const t of ["1e309", "0e400", "-1e309", "Infinity", "NaN", "1e309%"]) {
      expect(leerNumero(t)).toEqual({ tipo: "ilegible", texto: t });
    }
  });
  it("el formato de porcentaje marca el número", () => {
    expect(leerNumero(0.5, true)).toEqual({ tipo: "numero", valor: 0.5, porcentaje: true });
  });
  it("ponderación: 50 %, 0,5 y 50 son 0.5", () => {
    expect(fraccionDePonderacion(0.5, true)).toBe(0.5);
    expect(fraccionDePonderacion(0.5, false)).toBe(0.5);
    expect(fraccionDePonderacion(50, false)).toBe(0.5);
    expect(fraccionDePonderacion(1, false)).toBe(1);
  });
});

describe("textos y catálogos (§1, §4)", () => {
  it("normaliza tildes, mayúsculas y espacios", () => {
    expect(normalizarTexto("  Código   INDICADOR ")).toBe("codigo indicador");
  });
  it("leerTexto: vacío es null, números a texto", () => {
    expect(leerTexto("  ")).toBeNull();
    expect(leerTexto(12)).toBe("12");
    expect(leerTexto(" O1 ")).toBe("O1");
  });
  it("tendencias del catálogo, sin importar mayúsculas ni tildes; «Sumatoria» no", () => {
    expect(leerTendencia("suma")).toBe("SUMA");
    expect(leerTendencia(" Decreciente ")).toBe("DECRECIENTE");
    expect(leerTendencia("CONSTANTE")).toBe("CONSTANTE");
    expect(leerTendencia("Sumatoria")).toBeNull();
    expect(leerTendencia(3)).toBeNull();
  });
  it("periodicidades y sus meses de reporte", () => {
    expect(leerPeriodicidad("Trimestral")).toBe("TRIMESTRAL");
    expect(leerPeriodicidad("cada mes")).toBeNull();
    expect(mesesDeReporte("TRIMESTRAL")).toEqual([3, 6, 9, 12]);
    expect(mesesDeReporte("SEMESTRAL")).toEqual([6, 12]);
    expect(mesesDeReporte("BIMESTRAL")).toEqual([2, 4, 6, 8, 10, 12]);
    expect(mesesDeReporte("ANUAL")).toEqual([12]);
    expect(mesesDeReporte("MENSUAL")).toHaveLength(12);
  });
  it.each<[unknown, number | null]>([
    [8, 8],
    ["8", 8],
    ["Kennedy", 8],
    ["ENGATIVA", 10],
    ["8 - Kennedy", 8],
    ["19. Ciudad Bolívar", 19],
    ["Distrital", 0],
    ["Los Mártires", 14],
    ["Soacha", null],
    [21, null],
    ["8 - Suba", null],
    [null, null],
  ])("localidad %p → %p", (v, n) => {
    expect(leerLocalidad(v)).toBe(n);
  });
});
