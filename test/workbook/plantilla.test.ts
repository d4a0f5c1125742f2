/** La plantilla canónica: los encabezados de §4 en orden, y lo que se escribe con ella se lee igual. */
import { CAMPOS_PMR } from "../../src/domain";
import {
  CLAVES_PMR,
  ENCABEZADOS_PMR,
  ENCABEZADOS_PRESUPUESTO,
  filaPmr,
  grillaPmr,
  grillaPresupuesto,
  grillaTerritorial,
} from "../../src/workbook/plantilla";
import { FILAS_EJEMPLO, MESES_CORTOS, indicadores, leer } from "./ayudas";

describe("plantilla", () => {
  it("ENCABEZADOS_PMR son los canónicos de §4, en orden", () => {
    expect(ENCABEZADOS_PMR).toEqual([
      "Código objetivo",
      "Objetivo",
      "Código producto",
      "Producto",
      "Tipo indicador",
      "Código indicador",
      "Indicador",
      "Unidad de medida",
      "Tendencia",
      "Periodicidad",
      "Ponderación",
      "Línea base",
      "Meta plan",
      "Vigencia",
      "Meta vigencia",
      ...MESES_CORTOS.map((m) => `Programado ${m}`),
      ...MESES_CORTOS.map((m) => `Ejecutado ${m}`),
      "Ejecutado vigencias anteriores",
      ...MESES_CORTOS.map((m) => `Cualitativo ${m}`),
      "Observaciones",
    ]);
    expect(CLAVES_PMR).toHaveLength(ENCABEZADOS_PMR.length);
  });

  it("ENCABEZADOS_PRESUPUESTO son los de §4", () => {
    expect(ENCABEZADOS_PRESUPUESTO).toEqual([
      "Código producto",
      "Tipo de recurso",
      "Proyecto de inversión",
      "Apropiación vigente",
      ...MESES_CORTOS.map((m) => `Compromisos ${m}`),
      ...MESES_CORTOS.map((m) => `Giros ${m}`),
    ]);
  });

  it("cada campo escalar del modelo, salvo el avance cualitativo único y el estado del indicador, tiene su columna", () => {
    const escalares = CLAVES_PMR.filter((k) => !k.includes("."));
    expect([...escalares].sort()).toEqual(
      CAMPOS_PMR.filter((c) => c !== "cualitativoActual" && c !== "estadoIndicador").sort(),
    );
  });

  it("una plantilla vacía se lee sin problemas y sin indicadores", () => {
    const modelo = leer(grillaPmr([]), grillaPresupuesto([]), grillaTerritorial([]));
    expect(modelo.lectura).toEqual([]);
    expect(modelo.pmr!.indicadores).toEqual([]);
    expect(modelo.presupuesto!.filas).toEqual([]);
    expect(modelo.territorial!.filas).toEqual([]);
  });

  it("un indicador del modelo escrito con filaPmr se vuelve a leer igual", () => {
    const originales = indicadores(leer(grillaPmr(FILAS_EJEMPLO)));
    const releidos = indicadores(leer(grillaPmr(originales)));
    // tipoTexto, tendenciaTexto y periodicidadTexto pasan a ser los valores del catálogo.
    const valores = (i: (typeof originales)[number]) => ({
      ...i,
      tipoTexto: null,
      tendenciaTexto: null,
      periodicidadTexto: null,
    });
    expect(releidos.map(valores)).toEqual(originales.map(valores));
  });

  it("filaPmr deja vacías («») las celdas sin valor", () => {
    const fila = filaPmr({ codigo: "I1", ejecutado: [1] });
    expect(fila).toHaveLength(ENCABEZADOS_PMR.length);
    expect(fila[CLAVES_PMR.indexOf("codigo")]).toBe("I1");
    expect(fila[CLAVES_PMR.indexOf("ejecutado.1")]).toBe(1);
    expect(fila.filter((v) => v === "")).toHaveLength(ENCABEZADOS_PMR.length - 2);
  });
});
