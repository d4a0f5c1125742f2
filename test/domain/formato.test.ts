import {
  ESPACIO_DURO,
  entero,
  escalaPorcentaje,
  moneda,
  numero,
  porcentaje,
  puntos,
  textoTendencia,
  unidadPorcentual,
  valorIndicador,
  type ValoresIndicador,
} from "../../src/domain/formato";

const P = ESPACIO_DURO + "%";

describe("formato es-CO único de las cifras", () => {
  it.each([
    [1.0126, `101,26${P}`],
    [0.9, `90,00${P}`],
    [0.33333, `33,33${P}`],
    [0.245833, `24,58${P}`],
    [0, `0,00${P}`],
    [-0.5, `-50,00${P}`],
    [-0.00001, `0,00${P}`],
    [12.5, `1.250,00${P}`],
  ])("porcentaje(%p) = %p", (f, esperado) => {
    expect(porcentaje(f)).toBe(esperado);
  });

  it.each([
    [46, "46,00"],
    [0.1, "0,10"],
    [3000, "3.000,00"],
    [1234.5, "1.234,50"],
    [1200000000, "1.200.000.000,00"],
    [-50, "-50,00"],
    [1 / 3, "0,33"],
    [0.0025, "0,0025"],
    [-0.00001, "0,00"],
    [0.004999, "0,005"],
  ])("numero(%p) = %p", (n, esperado) => {
    expect(numero(n)).toBe(esperado);
  });

  it("enteros, dinero y puntos", () => {
    expect(entero(1234)).toBe("1.234");
    expect(entero(999)).toBe("999");
    expect(entero(1234567)).toBe("1.234.567");
    expect(moneda(1234567.4)).toBe(`$${ESPACIO_DURO}1.234.567`);
    expect(moneda(-2500)).toBe(`$${ESPACIO_DURO}-2.500`);
    expect(puntos(0.3)).toBe("30,00 puntos");
    expect(puntos(-0.551)).toBe("55,10 puntos");
  });

  it("lo que no es una cifra se muestra «—», nunca «NaN» ni «Infinity»", () => {
    for (const v of [null, undefined, NaN, Infinity, -Infinity]) {
      expect(porcentaje(v)).toBe("—");
      expect(numero(v)).toBe("—");
      expect(entero(v)).toBe("—");
      expect(moneda(v)).toBe("—");
      expect(valorIndicador(v, "fraccion")).toBe("—");
    }
  });

  it("valores de un indicador en porcentaje: en su escala, siempre como porcentaje", () => {
    const base: ValoresIndicador = {
      unidad: "Porcentaje",
      lineaBase: 0.2,
      metaPlan: 0.3,
      metaVigencia: 0.23,
      programado: new Array(12).fill(null),
      ejecutado: [0.23, ...new Array(11).fill(null)],
    };
    expect(escalaPorcentaje(base)).toBe("fraccion");
    expect(valorIndicador(0.23, escalaPorcentaje(base))).toBe(`23,00${P}`);
    const enPuntos = { ...base, metaVigencia: 23 };
    expect(escalaPorcentaje(enPuntos)).toBe("puntos");
    expect(valorIndicador(23, "puntos")).toBe(`23,00${P}`);
    expect(escalaPorcentaje({ ...base, unidad: "Hogares" })).toBeNull();
    expect(valorIndicador(3000, null)).toBe("3.000,00");
  });

  it("unidades en porcentaje y textos de tendencia", () => {
    expect(unidadPorcentual("Porcentaje")).toBe(true);
    expect(unidadPorcentual("Tasa (%)")).toBe(true);
    expect(unidadPorcentual("porcentual")).toBe(true);
    expect(unidadPorcentual("Personas")).toBe(false);
    expect(unidadPorcentual(null)).toBe(false);
    expect(textoTendencia({ tendencia: "SUMA", tendenciaTexto: "suma" })).toBe("Suma");
    expect(textoTendencia({ tendencia: null, tendenciaTexto: "Sumatoria" })).toBe("Sumatoria");
  });
});
