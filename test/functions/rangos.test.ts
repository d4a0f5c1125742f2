/** Difusión de argumentos: celdas sueltas, rangos, formas y la matriz resultante. */
import { type ErrorFuncion } from "../../src/functions/errores";
import { difundir, esDifusion, esRango, leerRango, porCelda, valorEn } from "../../src/functions/rangos";
import { esperarError } from "./ayuda";

describe("leerRango", () => {
  test("un valor suelto o null es una celda", () => {
    for (const v of [5, "x", null, undefined, true]) {
      const r = leerRango(v, "A");
      expect(esRango(r) && r.unico && r.filas === 1 && r.columnas === 1).toBe(true);
      if (esRango(r)) expect(r.valorUnico).toBe(v ?? null);
    }
  });

  test("[[v]] es una celda; una lista es una fila; una lista de listas es un rango", () => {
    const c = leerRango([[7]], "A");
    expect(esRango(c) && c.unico && c.valorUnico === 7).toBe(true);
    const f = leerRango([1, 2, 3], "A");
    expect(esRango(f) && !f.unico && f.filas === 1 && f.columnas === 3).toBe(true);
    const m = leerRango([[1], [2]], "A");
    expect(esRango(m) && m.filas === 2 && m.columnas === 1).toBe(true);
  });

  test("vacío o no rectangular → #VALUE!", () => {
    esperarError(leerRango([], "Valores"), "#VALUE!", "Valores: el rango está vacío.");
    esperarError(leerRango([[]], "Valores"), "#VALUE!", "Valores: el rango está vacío.");
    esperarError(
      leerRango([[1, 2], [3]], "Valores"),
      "#VALUE!",
      "Valores: no es un rango rectangular (filas de distinto largo).",
    );
    esperarError(
      leerRango([[1], 2], "Valores"),
      "#VALUE!",
      "Valores: no es un rango rectangular (filas de distinto largo).",
    );
    esperarError(
      leerRango([1, [2]], "Valores"),
      "#VALUE!",
      "Valores: no es un rango rectangular (filas de distinto largo).",
    );
  });
});

describe("difundir y porCelda", () => {
  test("la forma común es la de los rangos; las celdas se repiten", () => {
    const d = difundir([
      ["A", [[1], [2], [3]]],
      ["B", [[10]]],
      ["C", null],
    ]);
    expect(esDifusion(d)).toBe(true);
    if (!esDifusion(d)) return;
    expect([d.filas, d.columnas]).toEqual([3, 1]);
    expect(valorEn(d.rangos[1], 2, 0)).toBe(10);
    expect(valorEn(d.rangos[2], 1, 0)).toBeNull();
    expect(valorEn(d.rangos[0], 2, 0)).toBe(3);
  });

  test("todas celdas sueltas → 1 × 1", () => {
    const d = difundir([
      ["A", 1],
      ["B", [[2]]],
    ]);
    expect(esDifusion(d) && d.filas === 1 && d.columnas === 1).toBe(true);
  });

  test("formas distintas → #VALUE! que nombra los dos argumentos y sus formas", () => {
    const d = difundir([
      ["A", [[1, 2]]],
      ["B", 5],
      ["C", [[1], [2]]],
    ]);
    esperarError(
      d,
      "#VALUE!",
      "Los rangos no tienen la misma forma: A tiene 1 fila × 2 columnas y C tiene 2 filas × 1 columna. Use rangos del mismo tamaño o una sola celda.",
    );
  });

  test("porCelda aplica la función a cada posición con los valores difundidos", () => {
    const r = porCelda(
      [
        [
          "A",
          [
            [1, 2],
            [3, 4],
          ],
        ],
        ["B", [[10]]],
      ],
      (a, b, c, d) => [a, b, c, d],
    );
    expect(r).toEqual([
      [
        [1, 10, null, null],
        [2, 10, null, null],
      ],
      [
        [3, 10, null, null],
        [4, 10, null, null],
      ],
    ]);
  });

  test("porCelda con un error de forma devuelve [[#VALUE!]] sin llamar a la función", () => {
    const calcular = jest.fn();
    const r = porCelda(
      [
        ["A", [[1], [2]]],
        ["B", [[1], [2], [3]]],
      ],
      calcular,
    );
    expect(calcular).not.toHaveBeenCalled();
    expect(r).toHaveLength(1);
    expect((r[0][0] as ErrorFuncion).code).toBe("#VALUE!");
  });
});
