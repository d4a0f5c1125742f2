/**
 * Cada función =PMR.* y cada rama: celdas sueltas y rangos, cifras iguales a src/domain (1e-9),
 * errores con su código y mensaje, vacíos del escritorio (0) y de la web (null/""), números como
 * texto y valores que llegan como tipos de datos o errores de Excel.
 */
import * as calculos from "../../src/domain/calculos";
import { CONFIGURACION_POR_DEFECTO } from "../../src/domain/configuracion";
import { actualizarConfiguracionFunciones } from "../../src/hosts/excel/configuracionFunciones";
import {
  acumulado,
  avance,
  avanceFinanciero,
  coherencia,
  cumplimiento,
  estado,
  semaforo,
} from "../../src/functions/functions";
import { type Arg, columna, esperarError, reiniciarConfiguracion, unico } from "./ayuda";

const a = (v: unknown): Arg => v;

beforeEach(() => reiniciarConfiguracion());
afterAll(() => reiniciarConfiguracion());

describe("PMR.AVANCE", () => {
  test.each([
    ["SUMA", 100, 95, null],
    ["CONSTANTE", 50, 60, null],
    ["CRECIENTE", 80, 40, 10],
    ["DECRECIENTE", 10, 8, 12],
    ["DECRECIENTE", 10, 8, null],
    ["DECRECIENTE", 10, 0, null],
    ["DECRECIENTE", 10, 12, 10],
  ] as const)("%s P=%p E=%p LB=%p igual que calculos.avance", (tend, p, e, lb) => {
    const r = unico(avance([[p]], [[e]], [[tend]], [[lb]]));
    const esperado = calculos.avance(p, e, tend, lb);
    expect(typeof r).toBe("number");
    expect(r as number).toBeCloseTo(esperado as number, 9);
  });

  test("AVANCE(100; 95) = 0,95 y la tendencia por defecto es Suma", () => {
    expect(unico(avance([[100]], [[95]]))).toBeCloseTo(0.95, 12);
    expect(unico(avance([[100]], [[95]], a(null), a(null)))).toBeCloseTo(0.95, 12);
    expect(unico(avance(a(100), a(95)))).toBeCloseTo(0.95, 12);
  });

  test("sin tope: 104,3 % sigue siendo 104,3 %", () => {
    expect(unico(avance([[100]], [[104.3]]))).toBeCloseTo(1.043, 12);
  });

  test("tendencia sin importar mayúsculas, tildes ni espacios", () => {
    for (const t of ["decreciente", " DECRECIENTE ", "Decrecíente", "DeCreciente"]) {
      expect(unico(avance([[10]], [[8]], [[t]], [[null]]))).toBeCloseTo(1.25, 12);
    }
  });

  test('tendencia vacía (null, "" o el 0 del escritorio) es Suma', () => {
    for (const t of [null, "", 0, "-"]) expect(unico(avance([[10]], [[8]], [[t]]))).toBeCloseTo(0.8, 12);
  });

  test("tendencia fuera del catálogo → #VALUE! con mensaje", () => {
    esperarError(
      unico(avance([[100]], [[95]], [["Sumatoria"]])),
      "#VALUE!",
      "Tendencia no reconocida: «Sumatoria». Use Suma, Creciente, Constante o Decreciente.",
    );
    esperarError(
      unico(avance([[100]], [[95]], [[3]])),
      "#VALUE!",
      "Tendencia no reconocida: «3». Use Suma, Creciente, Constante o Decreciente.",
    );
  });

  test.each([null, "", 0, "-", "N/A", "No aplica", undefined])("programado %p → #N/A «Sin programación»", (p) => {
    esperarError(unico(avance([[p]], [[5]])), "#N/A", "Sin programación");
  });

  test("programado de texto ilegible → #VALUE! que nombra el argumento", () => {
    esperarError(unico(avance([["abc"]], [[5]])), "#VALUE!", "Programado no es un número: «abc».");
    esperarError(unico(avance([[100]], [[true]])), "#VALUE!", "Ejecutado no es un número: «VERDADERO».");
    esperarError(unico(avance([[100]], [[5]], [["Suma"]], [["x"]])), "#VALUE!", "Línea base no es un número: «x».");
    esperarError(unico(avance([[Number.NaN]], [[5]])), "#VALUE!", "Programado no es un número: «NaN».");
    esperarError(unico(avance([[100]], [[Infinity]])), "#VALUE!", "Ejecutado no es un número: «Infinity».");
  });

  test("números escritos como texto: coma decimal, miles y porcentaje", () => {
    expect(unico(avance([["1.234,5"]], [["617,25"]]))).toBeCloseTo(0.5, 12);
    expect(unico(avance([["0,5"]], [["0,25"]]))).toBeCloseTo(0.5, 12);
    expect(unico(avance([["80%"]], [["60 %"]]))).toBeCloseTo(0.75, 12);
  });

  test('ejecutado vacío: web (null, "") y escritorio (0) dan 0 en Suma', () => {
    expect(unico(avance([[100]], [[null]]))).toBe(0);
    expect(unico(avance([[100]], [[""]]))).toBe(0);
    expect(unico(avance([[100]], [[0]]))).toBe(0);
  });

  test("ejecutado vacío en Decreciente: la web da 0 (sin reporte), el escritorio entrega 0 y da 100 %", () => {
    expect(unico(avance([[10]], [[null]], [["Decreciente"]]))).toBe(0);
    expect(unico(avance([[10]], [[0]], [["Decreciente"]]))).toBe(1);
  });

  test("un rango derrama una matriz del mismo tamaño; solo las filas malas son errores", () => {
    const r = avance(
      columna([100, 50, 0, "abc", 10]),
      columna([95, 55, 3, 1, 8]),
      columna(["Suma", "Creciente", "Suma", "Suma", "Decreciente"]),
      columna([null, null, null, null, 12]),
    );
    expect(r).toHaveLength(5);
    expect(r.every((fila) => fila.length === 1)).toBe(true);
    expect(r[0][0]).toBeCloseTo(0.95, 12);
    expect(r[1][0]).toBeCloseTo(1.1, 12);
    esperarError(r[2][0], "#N/A", "Sin programación");
    esperarError(r[3][0], "#VALUE!", "Programado no es un número: «abc».");
    expect(r[4][0]).toBeCloseTo(2, 12);
  });

  test("una celda se repite para todas las filas (difusión) y los rangos 2-D conservan su forma", () => {
    const r = avance(
      [
        [100, 200],
        [50, 10],
      ],
      [
        [50, 50],
        [50, 5],
      ],
      [["Suma"]],
    );
    expect(r).toEqual([
      [0.5, 0.25],
      [1, 0.5],
    ]);
    const d = avance([[200]], columna([50, 100, 300]));
    expect(d).toEqual([[0.25], [0.5], [1.5]]);
  });

  test("rangos de forma distinta → #VALUE! que nombra las formas", () => {
    const r = avance(columna([1, 2, 3]), columna([1, 2]));
    esperarError(
      unico(r),
      "#VALUE!",
      "Los rangos no tienen la misma forma: Programado tiene 3 filas × 1 columna y Ejecutado tiene 2 filas × 1 columna. Use rangos del mismo tamaño o una sola celda.",
    );
    esperarError(
      unico(avance(columna([1, 2]), columna([1, 2]), [["Suma", "Suma"]])),
      "#VALUE!",
      "Los rangos no tienen la misma forma: Programado tiene 2 filas × 1 columna y Tendencia tiene 1 fila × 2 columnas. Use rangos del mismo tamaño o una sola celda.",
    );
  });

  test("rangos vacíos o no rectangulares → #VALUE!", () => {
    esperarError(unico(avance(a([]), [[1]])), "#VALUE!", "Programado: el rango está vacío.");
    esperarError(unico(avance(a([[]]), [[1]])), "#VALUE!", "Programado: el rango está vacío.");
    esperarError(
      unico(avance([[1], [2, 3]], [[1]])),
      "#VALUE!",
      "Programado: no es un rango rectangular (filas de distinto largo).",
    );
  });

  test("errores de Excel en los argumentos se propagan (#N/A con su mensaje, #REF! como #VALUE!)", () => {
    esperarError(unico(avance([[{ code: "#N/A", message: "Sin programación" }]], [[1]])), "#N/A", "Sin programación");
    esperarError(
      unico(avance([[100]], [[{ type: "Error", basicValue: "#REF!", errorType: "Ref" }]])),
      "#VALUE!",
      "Un argumento tiene el error #REF!.",
    );
    esperarError(unico(avance([["#DIV/0!"]], [[1]])), "#DIV/0!", undefined);
    esperarError(
      unico(avance([[100]], [[1]], [[{ type: "Error", errorType: "NotAvailable" }]])),
      "#N/A",
      "Un argumento tiene el error #N/A.",
    );
  });

  test("valores que llegan como tipos de datos usan su valor básico", () => {
    const p = { type: "FormattedNumber", basicValue: 100, numberFormat: "0" };
    const e = { type: "Double", basicValue: 95 };
    const t = { type: "String", basicValue: "Suma" };
    expect(unico(avance([[p]], [[e]], [[t]]))).toBeCloseTo(0.95, 12);
    esperarError(
      unico(avance([[{ type: "Entity", text: "x" }]], [[1]])),
      "#VALUE!",
      "Programado no es un número: «(objeto)».",
    );
  });

  test("lee metodoAvance, metodoDecreciente y topeCien de la configuración", () => {
    actualizarConfiguracionFunciones({ topeCien: true });
    expect(unico(avance([[100]], [[104.3]]))).toBe(1);
    actualizarConfiguracionFunciones({ metodoAvance: "brecha" });
    expect(unico(avance([[80]], [[40]], [["Creciente"]], [[10]]))).toBeCloseTo((40 - 10) / (80 - 10), 12);
    actualizarConfiguracionFunciones({ metodoDecreciente: "inversa" });
    expect(unico(avance([[10]], [[8]], [["Decreciente"]], [[12]]))).toBeCloseTo(10 / 8, 12);
  });
});

describe("PMR.CUMPLIMIENTO", () => {
  test("ejemplo de la especificación: 60 %/40 %, avances 95 % y 110 % → 101 %", () => {
    expect(cumplimiento(columna([0.95, 1.1]), columna([0.6, 0.4]))).toBeCloseTo(1.01, 12);
  });

  test("un tercer indicador sin programación no cambia el resultado (101 %)", () => {
    expect(cumplimiento(columna([0.95, 1.1, 0]), columna([0.6, 0.4, 0.2]), columna([100, 50, 0]))).toBeCloseTo(
      1.01,
      12,
    );
    expect(cumplimiento(columna([0.95, 1.1, null]), columna([0.6, 0.4, 0.2]))).toBeCloseTo(1.01, 12);
  });

  test("igual que calculos.cumplimiento", () => {
    const avances = [0.5, 1.2, 0.8, 0.33];
    const pesos = [0.1, 0.2, 0.3, 0.4];
    const esperado = calculos.cumplimiento(avances.map((x, i) => ({ avance: x, ponderacion: pesos[i] })));
    expect(cumplimiento(columna(avances), columna(pesos)) as number).toBeCloseTo(esperado as number, 9);
  });

  test("ponderaciones como 60 %, «60%», 0,6 o 60 pesan lo mismo", () => {
    const esperado = cumplimiento(columna([0.95, 1.1]), columna([0.6, 0.4])) as number;
    expect(cumplimiento(columna([0.95, 1.1]), columna(["60%", "40%"]))).toBeCloseTo(esperado, 12);
    expect(cumplimiento(columna([0.95, 1.1]), columna([60, 40]))).toBeCloseTo(esperado, 12);
    expect(cumplimiento(columna([0.95, 1.1]), columna(["0,6", 0.4]))).toBeCloseTo(esperado, 12);
  });

  test("sin ponderaciones (omitidas o todas vacías) todas pesan igual", () => {
    expect(cumplimiento(columna([0.5, 1]))).toBeCloseTo(0.75, 12);
    expect(cumplimiento(columna([0.5, 1]), a(null))).toBeCloseTo(0.75, 12);
    expect(cumplimiento(columna([0.5, 1]), columna([null, ""]))).toBeCloseTo(0.75, 12);
    expect(cumplimiento(columna([0.5, 1]), columna([0, 0]))).toBeCloseTo(0.75, 12);
  });

  test("avances vacíos, de texto o #N/A no cuentan", () => {
    expect(cumplimiento(columna([0.5, null, "Sin programación", { code: "#N/A" }, "", 1]))).toBeCloseTo(0.75, 12);
    expect(cumplimiento(columna(["50%", "1"]))).toBeCloseTo(0.75, 12);
  });

  test("escritorio: un avance vacío llega como 0 y cuenta, salvo que los programados lo saquen", () => {
    expect(cumplimiento(columna([1, 0]))).toBeCloseTo(0.5, 12);
    expect(cumplimiento(columna([1, 0]), a(null), columna([10, 0]))).toBeCloseTo(1, 12);
    expect(cumplimiento(columna([1, 0]), a(null), columna([10, null]))).toBeCloseTo(1, 12);
  });

  test("ninguna entrada cuenta → #N/A", () => {
    esperarError(
      cumplimiento(columna([null, "x"])),
      "#N/A",
      "Sin programación: ningún indicador tiene avance con programación.",
    );
    esperarError(
      cumplimiento(columna([1, 1]), a(null), columna([0, 0])),
      "#N/A",
      "Sin programación: ningún indicador tiene avance con programación.",
    );
  });

  test("ponderación o programado ilegible → #VALUE! que dice la entrada", () => {
    esperarError(
      cumplimiento(columna([0.5, 1]), columna([0.5, "abc"])),
      "#VALUE!",
      "Ponderaciones, entrada 2: no es un número: «abc».",
    );
    esperarError(
      cumplimiento(columna([0.5, 1]), a(null), columna(["x", 1])),
      "#VALUE!",
      "Programados, entrada 1: no es un número: «x».",
    );
  });

  test("rangos de forma distinta → #VALUE!; una fila y una celda de ponderación sirven", () => {
    esperarError(
      cumplimiento(columna([0.5, 1]), columna([0.5, 0.5, 0.5])),
      "#VALUE!",
      "Los rangos no tienen la misma forma: Avances tiene 2 filas × 1 columna y Ponderaciones tiene 3 filas × 1 columna. Use rangos del mismo tamaño o una sola celda.",
    );
    expect(cumplimiento([[0.5, 1, 0.75]])).toBeCloseTo(0.75, 12);
    expect(cumplimiento([[0.5, 1]], [[0.3]])).toBeCloseTo(0.75, 12);
  });
});

describe("PMR.ACUMULADO", () => {
  const fila = [10, null, 20, 15, null, null];

  test.each(["SUMA", "CRECIENTE", "CONSTANTE", "DECRECIENTE"] as const)(
    "%s en una fila y en una columna igual que calculos.acumulado",
    (t) => {
      const esperado = calculos.acumulado(fila, t, fila.length);
      expect(unico(acumulado([fila], [[t]]))).toBe(esperado);
      expect(unico(acumulado(columna(fila), [[t]]))).toBe(esperado);
    },
  );

  test("corte: solo los meses hasta el corte", () => {
    expect(unico(acumulado([fila], [["Suma"]], [[3]]))).toBe(30);
    expect(unico(acumulado([fila], [["Creciente"]], [[2]]))).toBe(10);
    esperarError(
      unico(acumulado([fila], [["Suma"]], [[13]])),
      "#VALUE!",
      "El corte debe ser un mes entre 1 y 12: «13».",
    );
  });

  test("una serie por fila con la tendencia de cada fila: una columna que se derrama", () => {
    const r = acumulado(
      [
        [1, 2, 3],
        [5, 7, null],
        [null, null, null],
        [1, "abc", 2],
      ],
      columna(["Suma", "Creciente", "Suma", "Suma"]),
    );
    expect(r).toHaveLength(4);
    expect(r[0][0]).toBe(6);
    expect(r[1][0]).toBe(7);
    esperarError(r[2][0], "#N/A", "Sin valores: ningún mes tiene dato.");
    esperarError(r[3][0], "#VALUE!", "El valor del mes 2 no es un número: «abc».");
  });

  test("una columna de valores con una columna de tendencias del mismo alto: un valor por fila", () => {
    expect(acumulado(columna([4, 5]), columna(["Suma", "Constante"]))).toEqual([[4], [5]]);
  });

  test("formas de tendencia y corte que no encajan → #VALUE!", () => {
    esperarError(
      unico(acumulado([[1, 2, 3]], [["Suma", "Suma"]])),
      "#VALUE!",
      "Tendencia: con una sola serie de meses debe ser una sola celda (se recibió 1 fila × 2 columnas).",
    );
    esperarError(
      unico(
        acumulado(
          [
            [1, 2],
            [3, 4],
          ],
          columna(["Suma", "Suma", "Suma"]),
        ),
      ),
      "#VALUE!",
      "Tendencia tiene 3 filas × 1 columna: use una sola celda o una columna de 2 filas (una por fila de valores).",
    );
  });

  test("textos de números y vacíos de la web; el escritorio entrega 0 en los meses vacíos", () => {
    expect(unico(acumulado([["1,5", "2,5", "-", ""]], [["Suma"]]))).toBe(4);
    // Escritorio: los meses vacíos después del último reporte llegan como 0.
    expect(unico(acumulado([[10, 20, 0, 0]], [["Creciente"]]))).toBe(0);
    expect(unico(acumulado([[10, 20, 0, 0]], [["Creciente"]], [[2]]))).toBe(20);
    expect(unico(acumulado([[10, 20, null, null]], [["Creciente"]]))).toBe(20);
  });

  test("tendencia fuera del catálogo → #VALUE!", () => {
    esperarError(
      unico(acumulado([[1, 2]], [["Sumatoria"]])),
      "#VALUE!",
      "Tendencia no reconocida: «Sumatoria». Use Suma, Creciente, Constante o Decreciente.",
    );
  });
});

describe("PMR.ESTADO", () => {
  test.each([
    [1, 12, "Cumplida"],
    [1.25, 12, "Cumplida"],
    [1.3, 12, "Sobrecumplida"],
    [0.9, 12, "No cumplida"],
    [0.9, 6, "En ejecución"],
    [null, 6, "Sin programación"],
    ["", 12, "Sin programación"],
  ] as const)("avance %p, corte %p → %s", (av, corte, esperado) => {
    expect(unico(estado([[av]], [[corte]]))).toBe(esperado);
    expect(esperado).toBe(calculos.estado(typeof av === "number" ? av : null, corte));
  });

  test("corte por defecto 12 (también el 0 del escritorio)", () => {
    expect(unico(estado([[0.9]]))).toBe("No cumplida");
    expect(unico(estado([[0.9]], [[0]]))).toBe("No cumplida");
  });

  test("el #N/A de PMR.AVANCE es Sin programación; otros errores se propagan", () => {
    const sinProg = unico(avance([[0]], [[1]]));
    expect(unico(estado([[sinProg]]))).toBe("Sin programación");
    esperarError(unico(estado([["#REF!"]])), "#VALUE!", "Un argumento tiene el error #REF!.");
  });

  test("corte no válido → #VALUE!", () => {
    esperarError(unico(estado([[1]], [[13]])), "#VALUE!", "El corte debe ser un mes entre 1 y 12: «13».");
    esperarError(unico(estado([[1]], [[2.5]])), "#VALUE!", "El corte debe ser un mes entre 1 y 12: «2.5».");
    esperarError(unico(estado([[1]], [["mayo"]])), "#VALUE!", "Corte no es un número: «mayo».");
  });

  test("avance como texto con porcentaje y en rango", () => {
    expect(estado(columna(["130%", "100 %", "0,5"]), [[6]])).toEqual([
      ["Sobrecumplida"],
      ["Cumplida"],
      ["En ejecución"],
    ]);
  });

  test("umbral de sobrecumplimiento de la configuración", () => {
    actualizarConfiguracionFunciones({ umbralSobrecumplimiento: 1.1 });
    expect(unico(estado([[1.2]]))).toBe("Sobrecumplida");
  });
});

describe("PMR.SEMAFORO", () => {
  test.each([
    [0.5, "Rojo"],
    [0.51, "Amarillo"],
    [0.75, "Amarillo"],
    [1, "Verde"],
    [1.25, "Verde"],
    [1.26, "Naranja"],
    [-0.1, "Rojo"],
  ] as const)("%p → %s (igual que calculos.semaforo)", (av, color) => {
    expect(unico(semaforo([[av]]))).toBe(color);
    expect(calculos.semaforo(av)).toBe(color);
  });

  test("avance vacío → #N/A; el 0 del escritorio es Rojo", () => {
    esperarError(unico(semaforo([[null]])), "#N/A", "Sin avance: la celda está vacía.");
    expect(unico(semaforo([[0]]))).toBe("Rojo");
  });

  test("umbrales de la configuración", () => {
    actualizarConfiguracionFunciones({ semaforo: { rojo: 0.3, amarillo: 0.6, verde: 1.1 } });
    expect(semaforo(columna([0.4, 0.7, 1.2]))).toEqual([["Amarillo"], ["Verde"], ["Naranja"]]);
  });
});

describe("PMR.AVANCE.FINANCIERO", () => {
  test("compromisos / apropiación, igual que calculos.avanceFinanciero", () => {
    expect(unico(avanceFinanciero([[300]], [[1000]]))).toBeCloseTo(calculos.avanceFinanciero(300, 1000) as number, 12);
    expect(unico(avanceFinanciero([["1.500.000"]], [["3.000.000"]]))).toBeCloseTo(0.5, 12);
  });

  test("compromisos vacíos cuentan como 0", () => {
    expect(unico(avanceFinanciero([[null]], [[1000]]))).toBe(0);
  });

  test.each([0, null, "", "-"])("apropiación %p → #N/A «Sin apropiación»", (ap) => {
    esperarError(unico(avanceFinanciero([[5]], [[ap]])), "#N/A", "Sin apropiación");
  });

  test("rangos y errores por fila", () => {
    const r = avanceFinanciero(columna([50, 10, "x"]), columna([100, 0, 10]));
    expect(r[0][0]).toBeCloseTo(0.5, 12);
    esperarError(r[1][0], "#N/A", "Sin apropiación");
    esperarError(r[2][0], "#VALUE!", "Compromisos no es un número: «x».");
  });
});

describe("PMR.COHERENCIA", () => {
  test.each([
    [0.5, 0.7, "Coherente"],
    [0.5, 0.8, "Coherente"],
    [0.2, 0.9, "Financiero adelantado"],
    [0.9, 0.2, "Físico adelantado"],
  ] as const)("físico %p, financiero %p → %s", (f, fin, esperado) => {
    expect(unico(coherencia([[f]], [[fin]]))).toBe(esperado);
    expect(calculos.coherencia(f, fin, CONFIGURACION_POR_DEFECTO.toleranciaFisicoFinanciera)).toBe(esperado);
  });

  test("tolerancia como argumento (fracción o porcentaje) y de la configuración", () => {
    expect(unico(coherencia([[0.5]], [[0.7]], [[0.1]]))).toBe("Financiero adelantado");
    expect(unico(coherencia([[0.5]], [[0.7]], [["10%"]]))).toBe("Financiero adelantado");
    actualizarConfiguracionFunciones({ toleranciaFisicoFinanciera: 0.1 });
    expect(unico(coherencia([[0.5]], [[0.7]]))).toBe("Financiero adelantado");
  });

  test("tolerancia fuera de 0–1 → #VALUE!", () => {
    esperarError(
      unico(coherencia([[0.5]], [[0.7]], [[30]])),
      "#VALUE!",
      "La tolerancia debe ser una fracción entre 0 y 1 (p. ej. 0,3 o 30 %): «30».",
    );
  });

  test("avances vacíos → #N/A", () => {
    esperarError(unico(coherencia([[null]], [[0.5]])), "#N/A", "Sin avance físico");
    esperarError(unico(coherencia([[0.5]], [[""]])), "#N/A", "Sin avance financiero");
  });

  test("rangos", () => {
    expect(coherencia(columna([0.5, 0.1]), columna([0.6, 0.9]))).toEqual([["Coherente"], ["Financiero adelantado"]]);
  });
});

describe("resultados que Excel no puede mostrar y fallas internas", () => {
  test("un resultado infinito es #NUM! (sin mensaje: Excel no lo admite en #NUM!)", () => {
    esperarError(unico(acumulado([[1e308, 1e308]], [["Suma"]])), "#NUM!", undefined);
    esperarError(unico(avanceFinanciero([[1]], [[5e-324]])), "#NUM!", undefined);
    esperarError(cumplimiento(columna([1e308, 1e308]), columna([1e308, 1e308])), "#NUM!", undefined);
  });

  test("una excepción dentro de una función se vuelve #VALUE! con mensaje, nunca sale hacia Excel", () => {
    const mensaje = "Error interno de PMR: boom. Informe este caso al equipo del complemento.";
    const fallar = () => {
      throw new Error("boom");
    };
    const espias = (
      ["avance", "cumplimiento", "acumulado", "estado", "semaforo", "avanceFinanciero", "coherencia"] as const
    ).map((nombre) => jest.spyOn(calculos, nombre).mockImplementation(fallar));
    try {
      esperarError(unico(avance([[1]], [[1]])), "#VALUE!", mensaje);
      esperarError(cumplimiento([[1]]), "#VALUE!", mensaje);
      esperarError(unico(acumulado([[1]], [["Suma"]])), "#VALUE!", mensaje);
      esperarError(unico(estado([[1]])), "#VALUE!", mensaje);
      esperarError(unico(semaforo([[1]])), "#VALUE!", mensaje);
      esperarError(unico(avanceFinanciero([[1]], [[1]])), "#VALUE!", mensaje);
      esperarError(unico(coherencia([[1]], [[1]])), "#VALUE!", mensaje);
    } finally {
      espias.forEach((e) => e.mockRestore());
    }
  });
});
