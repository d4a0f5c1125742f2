/** jsonPorPartes: exactamente los bytes de JSON.stringify(valor, null, 2), en trozos. */
import fc from "fast-check";
import { jsonPorPartes, ListaPorPartes } from "../../src/cli/jsonPorPartes";

const unir = (v: unknown, tamano?: number) => [...jsonPorPartes(v, tamano)].join("");

describe("jsonPorPartes", () => {
  it("igual que JSON.stringify con sangría 2, con cualquier valor JSON y cualquier tamaño de trozo", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 1, max: 200 }), (v, tamano) => {
        expect(unir(v, tamano)).toBe(JSON.stringify(v, null, 2));
      }),
      { numRuns: 300 },
    );
  });

  it("una ListaPorPartes sale igual que la lista armada, en cualquier nivel y vacía", () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue()), fc.integer({ min: 1, max: 200 }), (xs, tamano) => {
        const f = (x: unknown) => ({ x, y: [x, undefined] });
        const v = { a: new ListaPorPartes(xs, f), b: { c: new ListaPorPartes(xs, f) }, d: [new ListaPorPartes(xs, f)] };
        expect(unir(v, tamano)).toBe(JSON.stringify(v, null, 2));
        expect(unir(new ListaPorPartes(xs, f), tamano)).toBe(JSON.stringify(xs.map(f), null, 2));
      }),
      { numRuns: 200 },
    );
  });

  it("claves con undefined se omiten y en listas son null; fechas con toJSON; textos con saltos de línea", () => {
    const v = {
      a: undefined,
      b: [undefined, () => 1, 1],
      c: new Date(Date.UTC(2025, 0, 31)),
      d: { e: "línea\nnueva", f: [{ g: [1, { h: 2 }] }] },
      i: {},
      j: [],
    };
    expect(unir(v)).toBe(JSON.stringify(v, null, 2));
  });

  it("un informe grande sale en trozos acotados", () => {
    const v = { hallazgos: Array.from({ length: 5000 }, (_, i) => ({ regla: "X", mensaje: `hallazgo ${i}` })) };
    const trozos = [...jsonPorPartes(v)];
    expect(trozos.length).toBeGreaterThan(3);
    expect(Math.max(...trozos.map((t) => t.length))).toBeLessThan(70_000);
    expect(trozos.join("")).toBe(JSON.stringify(v, null, 2));
  });
});
