import {
  acumulado,
  avance,
  avanceFinanciero,
  avanceFisico,
  avancePlan,
  coherencia,
  crearConfiguracion,
  cumplimiento,
  estado,
  programadoAlCorte,
  promedioPonderado,
  semaforo,
  ultimoMesConValor,
  type Tendencia,
} from "../../src/domain";

const _ = null;
const cerca = (esperado: number | null) => (recibido: number | null) => {
  if (esperado === null) expect(recibido).toBeNull();
  else {
    expect(recibido).not.toBeNull();
    expect(Math.abs((recibido as number) - esperado)).toBeLessThan(1e-9);
  }
};

describe("acumulado (§2)", () => {
  const serie = [10, _, 5, 20, _, _, _, _, _, _, _, _];
  it.each<[string, Tendencia, number, number | null]>([
    ["SUMA suma los flujos hasta el corte", "SUMA", 4, 35],
    ["SUMA ignora los vacíos (vacío no es cero)", "SUMA", 2, 10],
    ["SUMA corta en el mes pedido", "SUMA", 3, 15],
    ["CRECIENTE toma el último valor no vacío", "CRECIENTE", 6, 20],
    ["CONSTANTE toma el último valor no vacío", "CONSTANTE", 2, 10],
    ["DECRECIENTE toma el último valor no vacío", "DECRECIENTE", 3, 5],
  ])("%s", (_n, tendencia, m, esperado) => {
    cerca(esperado)(acumulado(serie, tendencia, m));
  });
  it("sin ningún valor hasta el corte es null (no 0), en flujos y niveles", () => {
    expect(acumulado([_, _, 3], "SUMA", 2)).toBeNull();
    expect(acumulado([_, _, 3], "CRECIENTE", 2)).toBeNull();
  });
  it("un cero es un valor: SUMA 0 y nivel 0", () => {
    expect(acumulado([0, _], "SUMA", 2)).toBe(0);
    expect(acumulado([5, 0], "DECRECIENTE", 2)).toBe(0);
  });
  it("corte fuera de rango se acota a la serie", () => {
    expect(acumulado([1, 2], "SUMA", 99)).toBe(3);
    expect(acumulado([1, 2], "SUMA", 0)).toBeNull();
  });
});

describe("programado al corte (§2)", () => {
  const prog = [10, 10, 10, _, _, 20, _, _, _, _, _, _];
  it("con programación mensual, SUMA suma prog[1..m]", () => {
    expect(programadoAlCorte(prog, 100, "SUMA", 3)).toBe(30);
  });
  it("con programación mensual, niveles toman el último prog no vacío", () => {
    expect(programadoAlCorte(prog, 100, "CRECIENTE", 5)).toBe(10);
    expect(programadoAlCorte(prog, 100, "CONSTANTE", 6)).toBe(20);
  });
  it("sin programación mensual es la meta vigencia", () => {
    expect(programadoAlCorte(new Array(12).fill(null), 80, "SUMA", 4)).toBe(80);
    expect(programadoAlCorte(new Array(12).fill(null), null, "SUMA", 4)).toBeNull();
  });
  it("en el cierre (m = 12) siempre compara contra la meta vigencia", () => {
    expect(programadoAlCorte(prog, 100, "SUMA", 12)).toBe(100);
  });
  it("en el cierre sin meta vigencia usa la programación mensual", () => {
    expect(programadoAlCorte(prog, null, "SUMA", 12)).toBe(50);
  });
  it("programación que empieza después del corte no programa nada al corte", () => {
    expect(programadoAlCorte([_, _, _, 5, _, _, _, _, _, _, _, _], 20, "SUMA", 2)).toBeNull();
  });
});

describe("avance (§2)", () => {
  const defecto = crearConfiguracion();
  it.each<[string, number | null, number | null, Tendencia, number | null, number | null]>([
    ["SUMA: E / P", 100, 95, "SUMA", _, 0.95],
    ["CONSTANTE: E / P", 50, 50, "CONSTANTE", _, 1],
    ["CRECIENTE: E / P (método razón por defecto, aunque haya LB)", 80, 60, "CRECIENTE", 40, 0.75],
    ["sin tope: 104,3 % sigue siendo 104,3 %", 100, 104.3, "SUMA", _, 1.043],
    ["DECRECIENTE con LB ≠ P: (LB − E) / (LB − P)", 10, 15, "DECRECIENTE", 20, 0.5],
    ["DECRECIENTE con LB = P: P / E", 20, 25, "DECRECIENTE", 20, 0.8],
    ["DECRECIENTE sin LB: P / E", 10, 20, "DECRECIENTE", _, 0.5],
    ["DECRECIENTE sin LB, E = 0 con P > 0: logrado (1)", 10, 0, "DECRECIENTE", _, 1],
    ["P vacío: sin programación", _, 10, "SUMA", _, _],
    ["P = 0: sin programación", 0, 10, "SUMA", _, _],
    ["E vacío con P: avance 0 (programado sin reporte)", 100, _, "SUMA", _, 0],
  ])("%s", (_n, P, E, t, LB, esperado) => {
    cerca(esperado)(avance(P, E, t, LB, defecto));
  });
  it("método brecha para CRECIENTE: (E − LB) / (P − LB)", () => {
    const c = crearConfiguracion({ metodoAvance: "brecha" });
    cerca(0.5)(avance(80, 60, "CRECIENTE", 40, c));
    cerca(0.75)(avance(80, 60, "CRECIENTE", null, c)); // sin LB vuelve a la razón
    cerca(0.75)(avance(80, 60, "CRECIENTE", 80, c)); // LB = P vuelve a la razón
    cerca(0.75)(avance(80, 60, "SUMA", 40, c)); // solo CRECIENTE
  });
  it("método decreciente «inversa» ignora la LB", () => {
    cerca(10 / 15)(avance(10, 15, "DECRECIENTE", 20, crearConfiguracion({ metodoDecreciente: "inversa" })));
  });
  it("tope del 100 % solo si se pide", () => {
    cerca(1)(avance(100, 104.3, "SUMA", null, crearConfiguracion({ topeCien: true })));
    cerca(0.9)(avance(100, 90, "SUMA", null, crearConfiguracion({ topeCien: true })));
  });
});

describe("cumplimiento de un objetivo (§2)", () => {
  it("ejemplo de la especificación: 60 %/40 %, avances 95 % y 110 % → 101 %", () => {
    cerca(1.01)(
      cumplimiento([
        { avance: 0.95, ponderacion: 0.6 },
        { avance: 1.1, ponderacion: 0.4 },
      ]),
    );
  });
  it("un tercer indicador de 20 % sin programación no cambia nada (re-normalización)", () => {
    cerca(1.01)(
      cumplimiento([
        { avance: 0.95, ponderacion: 0.6 },
        { avance: 1.1, ponderacion: 0.4 },
        { avance: null, ponderacion: 0.2 },
      ]),
    );
  });
  it("sin ponderaciones, todos pesan igual", () => {
    cerca(0.5)(
      cumplimiento([
        { avance: 0.2, ponderacion: null },
        { avance: 0.8, ponderacion: null },
      ]),
    );
  });
  it("si alguno lleva ponderación, los que no la llevan pesan 0", () => {
    cerca(0.2)(
      cumplimiento([
        { avance: 0.2, ponderacion: 0.5 },
        { avance: 0.8, ponderacion: null },
      ]),
    );
  });
  it("si los que cuentan no llevan ponderación positiva, pesan igual", () => {
    cerca(0.5)(
      promedioPonderado([
        { avance: 0.2, ponderacion: 0 },
        { avance: 0.8, ponderacion: null },
        { avance: null, ponderacion: 1 },
      ]),
    );
  });
  it("ningún indicador con programación: null", () => {
    expect(cumplimiento([{ avance: null, ponderacion: 1 }])).toBeNull();
    expect(cumplimiento([])).toBeNull();
  });
});

describe("avance plan (§2)", () => {
  it("SUMA: (vigencias anteriores + acumulado) / MP", () => {
    cerca(0.6)(avancePlan(20, 100, "SUMA", null, 40));
    cerca(0.2)(avancePlan(20, 100, "SUMA", null, null));
    expect(avancePlan(null, 100, "SUMA", null, null)).toBe(0);
  });
  it("CRECIENTE y CONSTANTE: acumulado / MP", () => {
    cerca(0.5)(avancePlan(50, 100, "CRECIENTE", 10, 999));
    cerca(0.5)(avancePlan(50, 100, "CONSTANTE"));
  });
  it("DECRECIENTE: como el avance, con MP", () => {
    cerca(0.5)(avancePlan(15, 10, "DECRECIENTE", 20));
    cerca(0.5)(avancePlan(20, 10, "DECRECIENTE", null));
  });
  it("sin meta plan: null", () => {
    expect(avancePlan(10, null, "SUMA")).toBeNull();
    expect(avancePlan(10, 0, "CRECIENTE")).toBeNull();
  });
});

describe("estado (§2)", () => {
  it.each<[number | null, number, boolean, string]>([
    [null, 6, true, "Sin programación"],
    [0, 6, false, "Sin reporte"],
    [1.3, 6, true, "Sobrecumplida"],
    [1.25, 6, true, "Cumplida"],
    [1, 12, true, "Cumplida"],
    [0.7, 6, true, "En ejecución"],
    [0.7, 12, true, "No cumplida"],
  ])("avance %p, corte %p, ejecución %p → %s", (a, corte, hay, esperado) => {
    expect(estado(a, corte, hay)).toBe(esperado);
  });
  it("el umbral de sobrecumplimiento es configurable", () => {
    expect(estado(1.1, 6, true, 1.05)).toBe("Sobrecumplida");
  });
});

describe("semáforo (§2)", () => {
  it.each<[number | null, string | null]>([
    [0.5, "Rojo"],
    [0.1, "Rojo"],
    [0.5000001, "Amarillo"],
    [0.75, "Amarillo"],
    [0.9, "Verde"],
    [1.25, "Verde"],
    [1.26, "Naranja"],
    [null, null],
  ])("%p → %p", (a, color) => {
    expect(semaforo(a)).toBe(color);
  });
  it("umbrales configurables", () => {
    expect(semaforo(0.55, { rojo: 0.6, amarillo: 0.8, verde: 1.2 })).toBe("Rojo");
  });
});

describe("avance financiero, físico y coherencia (§2)", () => {
  it("financiero = compromisos / apropiación; sin apropiación null", () => {
    cerca(0.4)(avanceFinanciero(40, 100));
    cerca(0)(avanceFinanciero(null, 100));
    expect(avanceFinanciero(10, 0)).toBeNull();
    expect(avanceFinanciero(10, null)).toBeNull();
  });
  it("físico: promedio ponderado de acum / MV, con tope del 100 % por indicador", () => {
    cerca(0.75)(
      avanceFisico([
        { acumulado: 150, metaVigencia: 100, ponderacion: 0.5 },
        { acumulado: 50, metaVigencia: 100, ponderacion: 0.5 },
      ]),
    );
    cerca(0.5)(
      avanceFisico([
        { acumulado: null, metaVigencia: 10, ponderacion: null },
        { acumulado: 10, metaVigencia: 10, ponderacion: null },
      ]),
    );
    expect(avanceFisico([{ acumulado: 5, metaVigencia: null, ponderacion: 1 }])).toBeNull();
  });
  it.each<[number | null, number | null, string | null]>([
    [0.5, 0.8, "Coherente"],
    [0.5, 0.2, "Coherente"],
    [0.2, 0.8, "Financiero adelantado"],
    [0.9, 0.3, "Físico adelantado"],
    [null, 0.3, null],
    [0.3, null, null],
  ])("físico %p, financiero %p → %p", (f, F, esperado) => {
    expect(coherencia(f, F)).toBe(esperado);
  });
  it("la tolerancia es configurable", () => {
    expect(coherencia(0.5, 0.65, 0.1)).toBe("Financiero adelantado");
  });
});

describe("corte automático", () => {
  it("último mes con alguna ejecución", () => {
    expect(
      ultimoMesConValor([
        [1, _, _],
        [_, _, _, 4, _],
      ]),
    ).toBe(4);
    expect(ultimoMesConValor([[_, _]])).toBe(0);
  });
});
