/**
 * Hallazgos ↔ Tablero (src/taskpane/vinculos.ts) con el libro de ejemplo: cada problema
 * deliberado (ejemplos/README.md) queda con su objetivo, producto o indicador, las cuentas suben
 * del indicador al producto y al objetivo, y el detalle muestra el valor de la celda y lo que dice
 * la regla (lo esperado y cómo corregir).
 */
import { CONFIGURACION_POR_DEFECTO } from "../../src/domain/configuracion";
import type { Hallazgo } from "../../src/domain/hallazgo";
import { validarLibro, type InformeValidacion } from "../../src/casos/validar";
import { ERROR_INTERNO } from "../../src/rules/mensajes";
import { REGLAS } from "../../src/rules/registro";
import {
  indiceDe,
  leerRango,
  metaDeRegla,
  nombreAmbito,
  totalConteo,
  valoresDeHallazgo,
  vincularHallazgos,
  type IndiceHallazgos,
} from "../../src/taskpane/vinculos";
import { grillasEjemplo } from "../e2e/libro-ejemplo";

let informe: InformeValidacion;
let indice: IndiceHallazgos;

beforeAll(async () => {
  informe = validarLibro(await grillasEjemplo(), CONFIGURACION_POR_DEFECTO);
  indice = vincularHallazgos(informe);
});

function hallazgo(regla: string): Hallazgo {
  const h = informe.hallazgos.find((x) => x.regla === regla);
  if (!h) throw new Error(`El ejemplo debería dar ${regla}.`);
  return h;
}

const fila = (codigo: string) =>
  informe.evaluacion.indicadores.find((i) => i.indicador.codigo === codigo)!.indicador.fila;

test("leerRango: celdas, rangos y lo que no es A1", () => {
  expect(leerRango("B7")).toEqual({ fila1: 7, fila2: 7, col1: 1, col2: 1 });
  expect(leerRango("K23:K18")).toEqual({ fila1: 18, fila2: 23, col1: 10, col2: 10 });
  expect(leerRango("$E$13:$M$13")).toEqual({ fila1: 13, fila2: 13, col1: 4, col2: 12 });
  expect(leerRango("A:C")).toBeNull();
  expect(leerRango("")).toBeNull();
});

describe("cada problema deliberado del ejemplo, con su entidad", () => {
  test("defecto 9: los compromisos de P4.1 (hoja de presupuesto) son del producto P4.1", () => {
    const h = hallazgo("FF-COMPROMISOS-MAYOR-APROPIACION");
    expect(h).toMatchObject({ hoja: "PMR_Presupuesto", severidad: "error" });
    expect(indice.vinculo(h)).toEqual({ objetivo: "O4", producto: "P4.1", fila: null });
    expect(indice.cuenta({ tipo: "producto", codigo: "P4.1" })).toEqual({ error: 1, advertencia: 0, info: 0 });
    // P4.1 es «Coherente» en la evaluación: el Tablero no puede mostrarlo limpio.
    expect(informe.evaluacion.productoPorCodigo.get("P4.1")?.coherencia).toBe("Coherente");
  });

  test("defecto 1: la tendencia «Sumatoria» es del indicador IP5.1.2", () => {
    const h = hallazgo("MET-TENDENCIA-INVALIDA");
    expect(h.celda).toBe("I32");
    expect(indice.vinculo(h)).toEqual({ objetivo: "O5", producto: "P5.1", fila: fila("IP5.1.2") });
    expect(indice.cuenta({ tipo: "indicador", fila: fila("IP5.1.2"), codigo: "IP5.1.2" }).error).toBe(1);
  });

  test("las ponderaciones K18:K23 son del objetivo O3, no de un indicador", () => {
    const h = hallazgo("CV-PONDERACION-SUMA");
    expect(indice.vinculo(h)).toEqual({ objetivo: "O3", producto: null, fila: null });
    for (const i of informe.evaluacion.objetivoPorCodigo.get("O3")!.indicadores) {
      expect(indice.pertenece(h, { tipo: "indicador", fila: i.indicador.fila, codigo: i.indicador.codigo })).toBe(
        false,
      );
    }
  });

  test("la celda del código de producto (C17, C27) es del producto", () => {
    expect(indice.vinculo(hallazgo("CV-PROD-SIN-INDICADOR"))).toEqual({ objetivo: "O2", producto: "P2.3", fila: null });
    expect(indice.vinculo(hallazgo("FF-FINANCIERO-ADELANTADO"))).toEqual({
      objetivo: "O4",
      producto: "P4.2",
      fila: null,
    });
  });

  test("una fila territorial es de su indicador (por código)", () => {
    const h = hallazgo("TER-LOCALIDAD-DESCONOCIDA");
    expect(h.hoja).toBe("PMR_Territorial");
    expect(indice.vinculo(h)?.fila).toBe(fila("IP3.1.1"));
  });

  test("celdas de un mes (error de Excel, fuera de periodicidad, cualitativo) son del indicador de la fila", () => {
    expect(indice.vinculo(hallazgo("EST-ERROR-CELDA"))?.fila).toBe(fila("IP1.2.2"));
    expect(indice.vinculo(hallazgo("SEG-MES-FUERA-PERIODICIDAD"))?.fila).toBe(fila("IP3.2.2"));
    expect(indice.vinculo(hallazgo("CUAL-LONGITUD"))?.fila).toBe(fila("IP2.1.1"));
    expect(indice.vinculo(hallazgo("CUAL-ACUMULADO-DISTINTO"))?.fila).toBe(fila("IP1.1.1"));
  });
});

describe("cuentas", () => {
  test("cada hallazgo del ejemplo queda en exactamente un objetivo; las cuentas suben", () => {
    const porObjetivo = informe.evaluacion.objetivos.map((o) =>
      totalConteo(indice.cuenta({ tipo: "objetivo", codigo: o.codigo })),
    );
    expect(porObjetivo.reduce((a, b) => a + b, 0)).toBe(informe.hallazgos.length);
    expect(indice.cuenta({ tipo: "objetivo", codigo: "O4" })).toEqual({ error: 1, advertencia: 1, info: 0 });
    // Un producto cuenta los suyos y los de sus indicadores.
    const p = informe.evaluacion.productoPorCodigo.get("P5.1")!;
    const deIndicadores = p.indicadores.reduce(
      (s, i) =>
        s + totalConteo(indice.cuenta({ tipo: "indicador", fila: i.indicador.fila, codigo: i.indicador.codigo })),
      0,
    );
    expect(totalConteo(indice.cuenta({ tipo: "producto", codigo: "P5.1" }))).toBe(deIndicadores);
  });

  test("una hoja que no es del PMR o una celda de encabezado no se vinculan", () => {
    const suelto = { ...hallazgo("MET-TENDENCIA-INVALIDA"), hoja: "Instrucciones" };
    const encabezado = { ...hallazgo("MET-TENDENCIA-INVALIDA"), celda: "I5" };
    const i = vincularHallazgos({ ...informe, hallazgos: [suelto, encabezado] });
    expect(i.vinculo(suelto)).toBeNull();
    expect(i.vinculo(encabezado)).toBeNull();
    expect(i.cuenta({ tipo: "objetivo", codigo: "O5" })).toEqual({ error: 0, advertencia: 0, info: 0 });
  });

  test("un rango enorme no recorre filas que no son de indicadores", () => {
    const enorme = { ...hallazgo("CV-PONDERACION-SUMA"), celda: "K1:K1048576" };
    // 200 hallazgos sobre la columna entera: sin el recorte a las filas de indicadores serían 200
    // millones de vueltas (la prueba no terminaría a tiempo).
    const i = vincularHallazgos({ ...informe, hallazgos: Array.from({ length: 200 }, () => ({ ...enorme })) });
    // Abarca indicadores de varios objetivos: no es de ninguno.
    expect(i.cuenta({ tipo: "objetivo", codigo: "O3" })).toEqual({ error: 0, advertencia: 0, info: 0 });
  });

  test("el índice se arma una vez por informe", () => {
    expect(indiceDe(informe)).toBe(indiceDe(informe));
  });

  test("nombres de los ámbitos", () => {
    expect(nombreAmbito({ tipo: "producto", codigo: "P4.1" })).toBe("producto P4.1");
    expect(nombreAmbito({ tipo: "indicador", fila: 32, codigo: "IP5.1.2" })).toBe("indicador IP5.1.2");
    expect(nombreAmbito({ tipo: "indicador", fila: 32, codigo: null })).toBe("indicador de la fila 32");
  });
});

describe("detalle: el valor de la celda y lo que dice la regla", () => {
  test("el texto tal como está en la celda: tendencia, error de Excel, código", () => {
    expect(valoresDeHallazgo(informe.modelo, hallazgo("MET-TENDENCIA-INVALIDA"))).toEqual([
      { celda: "I32", valor: "«Sumatoria»" },
    ]);
    expect(valoresDeHallazgo(informe.modelo, hallazgo("EST-ERROR-CELDA"))).toEqual([
      { celda: "Z10", valor: "«#REF!»" },
    ]);
    expect(valoresDeHallazgo(informe.modelo, hallazgo("CV-PROD-SIN-INDICADOR"))).toEqual([
      { celda: "C17", valor: "«P2.3»" },
    ]);
  });

  test("un rango pequeño: una cifra por celda (las ponderaciones, en porcentaje)", () => {
    const v = valoresDeHallazgo(informe.modelo, hallazgo("CV-PONDERACION-SUMA"))!;
    expect(v.map((x) => x.celda)).toEqual(["K18", "K19", "K20", "K21", "K22", "K23"]);
    expect(v.every((x) => /^\d+,\d\d\u00a0%$/.test(x.valor))).toBe(true);
    expect(v.map((x) => x.valor)).toContain("5,00\u00a0%"); // IP3.2.1 pesa 5 % (problema 2)
    const compromisos = valoresDeHallazgo(informe.modelo, hallazgo("FF-COMPROMISOS-MAYOR-APROPIACION"))!;
    expect(compromisos.map((x) => x.celda)).toEqual(["E13", "F13", "G13", "H13", "I13", "J13", "K13", "L13", "M13"]);
  });

  test("sin valor para un encabezado, una hoja desconocida o un rango grande", () => {
    const h = hallazgo("MET-TENDENCIA-INVALIDA");
    expect(valoresDeHallazgo(informe.modelo, { hoja: h.hoja, celda: "I5" })).toBeNull();
    expect(valoresDeHallazgo(informe.modelo, { hoja: "Otra", celda: "I32" })).toBeNull();
    expect(valoresDeHallazgo(informe.modelo, { hoja: h.hoja, celda: "A6:Z40" })).toBeNull();
  });

  test("cada regla dice qué espera y cómo corregir (meta.esperado y meta.comoCorregir)", () => {
    for (const meta of [...REGLAS.map((r) => r.meta), ERROR_INTERNO]) {
      const visible = metaDeRegla(meta.id);
      expect(visible?.esperado?.trim().length ?? 0).toBeGreaterThan(10);
      expect(visible?.comoCorregir.trim().length ?? 0).toBeGreaterThan(10);
    }
    expect(metaDeRegla("MET-TENDENCIA-INVALIDA")).toMatchObject({
      esperado: "Suma, Creciente, Constante o Decreciente.",
    });
    expect(metaDeRegla("NO-EXISTE")).toBeNull();
  });
});
