import fc from "fast-check";
import {
  CATEGORIAS,
  SEVERIDADES,
  claveHallazgo,
  compararHallazgos,
  ordenarHallazgos,
  type Hallazgo,
} from "../../src/domain";

const hallazgo = (p: Partial<Hallazgo>): Hallazgo => ({
  regla: "R",
  categoria: "Metas",
  severidad: "error",
  mensaje: "m",
  hoja: "PMR",
  celda: "A1",
  clave: "k",
  ...p,
});

describe("orden de los hallazgos", () => {
  it("severidad, categoría, hoja y celda: por fila y, en la misma fila, por columna (B2 antes que AA2)", () => {
    const lista = [
      hallazgo({ celda: "A10", mensaje: "a10" }),
      hallazgo({ celda: "AA2", mensaje: "aa2" }),
      hallazgo({ celda: "B2", mensaje: "b2" }),
      hallazgo({ celda: "K12:K15", mensaje: "rango" }),
      hallazgo({ severidad: "advertencia", celda: "A1", mensaje: "adv" }),
      hallazgo({ categoria: "Cadena de valor", celda: "Z99", mensaje: "cadena" }),
      hallazgo({ hoja: "PMR_Presupuesto", celda: "A1", mensaje: "presupuesto" }),
    ];
    expect(ordenarHallazgos(lista).map((h) => h.mensaje)).toEqual([
      "cadena",
      "b2",
      "aa2",
      "a10",
      "rango",
      "presupuesto",
      "adv",
    ]);
  });

  it("no cambia la lista recibida", () => {
    const lista = [hallazgo({ celda: "B1" }), hallazgo({ celda: "A1" })];
    ordenarHallazgos(lista);
    expect(lista.map((h) => h.celda)).toEqual(["B1", "A1"]);
  });

  it("da el mismo orden que ordenar con compararHallazgos (estable), también con celdas que no son A1", () => {
    const celda = fc.oneof(
      fc
        .tuple(fc.constantFrom("A", "B", "Z", "AA", "AB", "BA"), fc.integer({ min: 1, max: 40 }))
        .map(([c, f]) => `${c}${f}`),
      fc.tuple(fc.constantFrom("K", "AB"), fc.integer({ min: 1, max: 9 })).map(([c, f]) => `${c}${f}:${c}${f + 3}`),
      fc.constantFrom("", "(hoja)", "a1", "1A"),
    );
    const arb = fc.array(
      fc.record({
        severidad: fc.constantFrom(...SEVERIDADES),
        categoria: fc.constantFrom(...CATEGORIAS),
        hoja: fc.constantFrom("PMR", "PMR_Presupuesto", "PMR_Territorial"),
        celda,
      }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(arb, (xs) => {
        const lista = xs.map((x, i) => hallazgo({ ...x, mensaje: String(i) }));
        expect(ordenarHallazgos(lista).map((h) => h.mensaje)).toEqual(
          [...lista].sort(compararHallazgos).map((h) => h.mensaje),
        );
      }),
    );
  });
});

describe("claveHallazgo", () => {
  it("depende de la regla y de las identidades, no de mayúsculas ni espacios alrededor", () => {
    expect(claveHallazgo("R", " o2 ", 3)).toBe(claveHallazgo("R", "O2", "3"));
    expect(claveHallazgo("R", "O2")).not.toBe(claveHallazgo("R", "O3"));
    expect(claveHallazgo("R", "O2")).not.toBe(claveHallazgo("S", "O2"));
    expect(claveHallazgo("R", "A", "B")).not.toBe(claveHallazgo("R", "AB"));
    expect(claveHallazgo("R", "O2")).toMatch(/^[0-9a-f]{14}$/);
  });

  it("no cambia entre versiones: las claves ya guardadas siguen identificando el mismo hallazgo", () => {
    expect(claveHallazgo("CV-PONDERACION-SUMA", "O2")).toBe("0eaf3ccb7cc7ed");
    expect(claveHallazgo("SEG-SIN-REPORTE", "IP1.2.1", 9)).toBe("0519b33acdea6a");
  });
});
