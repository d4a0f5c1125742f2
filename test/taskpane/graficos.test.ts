/** Geometría de los gráficos SVG del panel (src/taskpane/graficos.ts). */
import { barraFraccion, geometriaMensual, segmentosApilados } from "../../src/taskpane/graficos";

const doce = (f: (m: number) => number | null) => Array.from({ length: 12 }, (_, i) => f(i + 1));

describe("gráfico mensual: programado frente a ejecutado", () => {
  test("doce pares de barras a escala del valor más alto; sin dato, sin barra", () => {
    const g = geometriaMensual(
      doce(() => 10),
      doce((m) => (m <= 9 ? m * 2 : null)),
      9,
      240,
      100,
    );
    expect(g.barras).toHaveLength(12);
    expect(g.maximo).toBe(18);
    expect(g.hayDatos).toBe(true);
    const septiembre = g.barras[8];
    expect(septiembre.ejecutado?.y).toBeCloseTo(4, 5); // el más alto llega al tope del área
    expect(septiembre.ejecutado!.alto + septiembre.ejecutado!.y).toBeCloseTo(g.base, 5);
    expect(g.barras[9].ejecutado).toBeNull();
    expect(g.barras[0].programado!.alto).toBeCloseTo((10 / 18) * (g.base - 4), 5);
    // Las barras no se salen del ancho y no se pisan entre meses.
    for (const b of g.barras) expect(b.x + 2 * b.ancho).toBeLessThanOrEqual(240);
    for (let i = 1; i < 12; i++)
      expect(g.barras[i].x).toBeGreaterThanOrEqual(g.barras[i - 1].x + 2 * g.barras[i - 1].ancho);
  });

  test("la línea del corte va tras el mes de corte; con corte en diciembre no hay", () => {
    expect(
      geometriaMensual(
        doce(() => 1),
        doce(() => 1),
        9,
        240,
      ).corteX,
    ).toBe(180);
    expect(
      geometriaMensual(
        doce(() => 1),
        doce(() => 1),
        12,
        240,
      ).corteX,
    ).toBeNull();
  });

  test("todo vacío o en cero no divide por cero; un negativo se dibuja en la base", () => {
    const vacio = geometriaMensual(
      doce(() => null),
      doce(() => null),
      3,
    );
    expect(vacio.hayDatos).toBe(false);
    expect(vacio.barras.every((b) => b.programado === null && b.ejecutado === null)).toBe(true);
    const ceros = geometriaMensual(
      doce(() => 0),
      doce(() => -5),
      3,
    );
    expect(ceros.barras[0].programado).toEqual({ y: ceros.base, alto: 0 });
    expect(ceros.barras[0].ejecutado).toEqual({ y: ceros.base, alto: 0 });
  });
});

test("barra apilada: anchos que suman 100 % y sin segmentos vacíos", () => {
  const s = segmentosApilados([
    { clave: "Rojo", cantidad: 1 },
    { clave: "Verde", cantidad: 3 },
    { clave: "Naranja", cantidad: 0 },
  ]);
  expect(s.map((x) => [x.clave, x.desde, x.ancho])).toEqual([
    ["Rojo", 0, 25],
    ["Verde", 25, 75],
  ]);
  expect(segmentosApilados([{ clave: "Rojo", cantidad: 0 }])).toEqual([]);
});

test("barra de una fracción: recortada a 0–100 % y si excede", () => {
  expect(barraFraccion(0.916)?.ancho).toBeCloseTo(91.6, 9);
  expect(barraFraccion(1.03)).toEqual({ ancho: 100, excede: true });
  expect(barraFraccion(-0.2)).toEqual({ ancho: 0, excede: false });
  expect(barraFraccion(null)).toBeNull();
  expect(barraFraccion(Number.NaN)).toBeNull();
});
