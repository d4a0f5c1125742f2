/** Lectura de argumentos: números, textos, vacíos, tipos de datos y errores de Excel. */
import {
  errorDeEntrada,
  leerCorteCelda,
  leerNumeroCelda,
  leerTendenciaCelda,
  leerToleranciaCelda,
  valorBasico,
} from "../../src/functions/celdas";
import { leerNumero } from "../../src/domain/valores";
import { esperarError } from "./ayuda";

describe("leerNumeroCelda usa las reglas de valores.leerNumero", () => {
  test.each(["0,10", "1.234,5", "1,234.5", "15%", "-3", "(12)", "$ 1.000", "1E+3", " 7 "])("«%s»", (t) => {
    const l = leerNumero(t);
    expect(l.tipo).toBe("numero");
    expect(leerNumeroCelda(t, "X")).toBe(l.tipo === "numero" ? l.valor : NaN);
  });

  test.each([null, undefined, "", "-", "N/A", "no aplica", "  "])("%p es vacío (null)", (v) => {
    expect(leerNumeroCelda(v, "X")).toBeNull();
  });

  test("números tal cual; NaN e infinitos → #VALUE!", () => {
    expect(leerNumeroCelda(0, "X")).toBe(0);
    expect(leerNumeroCelda(-2.5, "X")).toBe(-2.5);
    esperarError(leerNumeroCelda(-Infinity, "X"), "#VALUE!", "X no es un número: «-Infinity».");
  });

  test("texto, booleano, lista u objeto → #VALUE! que cita el valor (recortado si es largo)", () => {
    esperarError(leerNumeroCelda("abc", "Programado"), "#VALUE!", "Programado no es un número: «abc».");
    esperarError(leerNumeroCelda(false, "X"), "#VALUE!", "X no es un número: «FALSO».");
    esperarError(leerNumeroCelda([1], "X"), "#VALUE!", "X no es un número: «(matriz)».");
    esperarError(leerNumeroCelda("a".repeat(60), "X"), "#VALUE!", `X no es un número: «${"a".repeat(39)}…».`);
  });
});

describe("errores y tipos de datos de Excel como argumentos", () => {
  test("texto de error, CustomFunctions.Error y tipo de datos de error", () => {
    esperarError(errorDeEntrada("#N/A"), "#N/A", "Un argumento tiene el error #N/A.");
    esperarError(errorDeEntrada(" #ref! "), "#VALUE!", "Un argumento tiene el error #REF!.");
    esperarError(errorDeEntrada({ code: "#NUM!" }), "#NUM!", undefined);
    esperarError(errorDeEntrada({ type: "Error", basicValue: "#DIV/0!" }), "#DIV/0!", undefined);
    esperarError(errorDeEntrada({ type: "Error", errorType: "Ref" }), "#VALUE!", "Un argumento tiene el error #REF!.");
    esperarError(errorDeEntrada({ type: "Error" }), "#VALUE!", "Un argumento tiene el error #VALUE!.");
    expect(errorDeEntrada("#hashtag")).toBeNull();
    expect(errorDeEntrada(5)).toBeNull();
    expect(errorDeEntrada({ type: "Double", basicValue: 1 })).toBeNull();
  });

  test("valorBasico desenvuelve un nivel", () => {
    expect(valorBasico({ type: "Double", basicValue: 3 })).toBe(3);
    const anidado = { basicValue: { basicValue: 1 } };
    expect(valorBasico(anidado)).toBe(anidado);
    expect(valorBasico("x")).toBe("x");
  });
});

describe("leerTendenciaCelda", () => {
  test("catálogo sin importar mayúsculas ni tildes; vacío es Suma", () => {
    expect(leerTendenciaCelda("creciente")).toBe("CRECIENTE");
    expect(leerTendenciaCelda("  Constánte ")).toBe("CONSTANTE");
    expect(leerTendenciaCelda({ type: "String", basicValue: "Decreciente" })).toBe("DECRECIENTE");
    for (const v of [null, undefined, "", 0, "-", "N/A"]) expect(leerTendenciaCelda(v)).toBe("SUMA");
  });

  test("fuera del catálogo → #VALUE! (también repetido: la memoria no guarda errores)", () => {
    for (let i = 0; i < 2; i++) {
      esperarError(
        leerTendenciaCelda("Sumatoria"),
        "#VALUE!",
        "Tendencia no reconocida: «Sumatoria». Use Suma, Creciente, Constante o Decreciente.",
      );
    }
    esperarError(
      leerTendenciaCelda(true),
      "#VALUE!",
      "Tendencia no reconocida: «VERDADERO». Use Suma, Creciente, Constante o Decreciente.",
    );
    esperarError(leerTendenciaCelda("#N/A"), "#N/A", "Un argumento tiene el error #N/A.");
  });

  test("muchos textos distintos no agotan la memoria ni cambian el resultado", () => {
    for (let i = 0; i < 600; i++) leerTendenciaCelda(`x${i}`);
    expect(leerTendenciaCelda("Suma")).toBe("SUMA");
  });
});

describe("corte y tolerancia", () => {
  test("corte 1–12; vacío y 0 → null", () => {
    expect(leerCorteCelda(6, "Corte")).toBe(6);
    expect(leerCorteCelda("12", "Corte")).toBe(12);
    expect(leerCorteCelda(null, "Corte")).toBeNull();
    expect(leerCorteCelda(0, "Corte")).toBeNull();
    esperarError(leerCorteCelda(-1, "Corte"), "#VALUE!", "El corte debe ser un mes entre 1 y 12: «-1».");
  });

  test("tolerancia 0–1, con porcentaje", () => {
    expect(leerToleranciaCelda("25%", "Tolerancia")).toBeCloseTo(0.25, 12);
    expect(leerToleranciaCelda(0, "Tolerancia")).toBe(0);
    expect(leerToleranciaCelda(null, "Tolerancia")).toBeNull();
    esperarError(
      leerToleranciaCelda(-0.1, "Tolerancia"),
      "#VALUE!",
      "La tolerancia debe ser una fracción entre 0 y 1 (p. ej. 0,3 o 30 %): «-0.1».",
    );
  });
});
