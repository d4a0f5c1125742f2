/**
 * Propiedades (fast-check): ninguna entrada hace lanzar a una función =PMR.*, y todo resultado es
 * algo que Excel sabe mostrar (número finito, texto o error, o una matriz rectangular de ellos).
 */
import fc from "fast-check";
import * as calculos from "../../src/domain/calculos";
import { FUNCIONES } from "../../src/functions/functions";
import { esValorError } from "./ayuda";

const celda = fc.oneof(
  fc.double(),
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, 0, -0, 1e308, -1e308, 5e-324),
  fc.string(),
  fc.constantFrom(
    "Suma",
    "creciente",
    "DECRECIENTE",
    "Constante",
    "Sumatoria",
    "15%",
    "0,10",
    "1.234,5",
    "-",
    "N/A",
    "#N/A",
    "#REF!",
    "",
  ),
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.constantFrom(
    { code: "#N/A", message: "x" },
    { type: "Error", basicValue: "#DIV/0!" },
    { type: "Double", basicValue: 3 },
    { type: "String", basicValue: "Suma" },
    { basicValue: { basicValue: 1 } },
    {},
    new Date(0),
  ),
);

const valor: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  arbol: fc.oneof({ depthSize: "small", withCrossShrink: true }, celda, fc.array(tie("arbol"), { maxLength: 4 })),
})).arbol;

/** Rangos rectangulares (lo que Excel entrega de verdad), a veces de la misma forma. */
const rango = fc
  .record({ filas: fc.integer({ min: 1, max: 4 }), columnas: fc.integer({ min: 1, max: 3 }) })
  .chain(({ filas, columnas }) =>
    fc.array(fc.array(celda, { minLength: columnas, maxLength: columnas }), { minLength: filas, maxLength: filas }),
  );

const argumento = fc.oneof(valor, rango, rango);

function esResultadoDeCelda(v: unknown): boolean {
  if (typeof v === "number") return Number.isFinite(v);
  if (typeof v === "string") return true;
  return esValorError(v) && /^#/.test((v as { code: string }).code);
}

function esResultadoValido(r: unknown): boolean {
  if (!Array.isArray(r)) return esResultadoDeCelda(r);
  if (r.length === 0 || !Array.isArray(r[0]) || r[0].length === 0) return false;
  const columnas = (r[0] as unknown[]).length;
  return r.every((fila) => Array.isArray(fila) && fila.length === columnas && fila.every(esResultadoDeCelda));
}

describe.each(Object.entries(FUNCIONES))("PMR.%s", (_id, funcion) => {
  test("nunca lanza y siempre devuelve un valor que Excel puede mostrar", () => {
    const llamar = funcion as (...args: unknown[]) => unknown;
    fc.assert(
      fc.property(fc.array(argumento, { minLength: 0, maxLength: 5 }), (args) => {
        const r = llamar(...args);
        expect(esResultadoValido(r)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

test("AVANCE sobre rangos de números da, celda por celda, lo mismo que calculos.avance", () => {
  const numero = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(0), fc.constant(null));
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 20 }).chain((n) =>
        fc.tuple(
          fc.array(numero, { minLength: n, maxLength: n }),
          fc.array(numero, { minLength: n, maxLength: n }),
          fc.array(fc.constantFrom("SUMA", "CRECIENTE", "CONSTANTE", "DECRECIENTE" as const), {
            minLength: n,
            maxLength: n,
          }),
          fc.array(numero, { minLength: n, maxLength: n }),
        ),
      ),
      ([p, e, t, lb]) => {
        const r = FUNCIONES.AVANCE(
          p.map((x) => [x]),
          e.map((x) => [x]),
          t.map((x) => [x]),
          lb.map((x) => [x]),
        );
        expect(r).toHaveLength(p.length);
        p.forEach((_, i) => {
          const esperado = calculos.avance(p[i], e[i], t[i], lb[i]);
          const obtenido = r[i][0];
          if (esperado === null) expect(esValorError(obtenido)).toBe(true);
          else
            expect(Math.abs((obtenido as number) - esperado)).toBeLessThanOrEqual(
              1e-9 * Math.max(1, Math.abs(esperado)),
            );
        });
      },
    ),
    { numRuns: 300 },
  );
});
