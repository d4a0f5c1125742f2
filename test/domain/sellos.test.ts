/**
 * Sellos: la huella detecta cualquier edición del contenido, y el recorrido rápido de la forma
 * (`esSellosValidos`) nunca acepta algo que el esquema zod rechaza (propiedad con mutaciones al
 * azar de sellos válidos).
 */
import fc from "fast-check";
import { comparar, fotografiar, huellaTexto, identidades } from "../../src/domain/comparacion";
import { SellosSchema, esSellosValidos, selloIntacto, sellarEvaluacion, type Sello } from "../../src/domain/sellos";
import { configuracion, evaluacionDe, indicador, modelo, serie } from "../rules/fabrica";

function sello(): Sello {
  const m = modelo({
    indicadores: [
      indicador({ codigo: "A", metaVigencia: 10, ejecutado: serie(1, 2, 3), cualitativo: serie<string>("uno") }),
      indicador({ codigo: "B", ponderacion: 0.5 }),
    ],
  });
  return sellarEvaluacion(evaluacionDe(m, configuracion()), {
    mes: 3,
    fecha: "2025-04-01T00:00:00Z",
    nota: "n",
    hoja: "PMR",
  });
}

test("la huella cambia con cualquier cambio del contenido", () => {
  const s = sello();
  expect(selloIntacto(s)).toBe(true);
  expect(selloIntacto({ ...s, nota: "m" })).toBe(false);
  expect(selloIntacto({ ...s, mes: 2 })).toBe(false);
  const ind = s.indicadores.map((i, k) => (k === 0 ? { ...i, ej: [1, 2, 4] } : i));
  expect(selloIntacto({ ...s, indicadores: ind })).toBe(false);
  expect(selloIntacto({ ...s, indicadores: [...s.indicadores].reverse() })).toBe(false);
});

test("huellaTexto: espacios al borde no cuentan; vacío es null", () => {
  expect(huellaTexto("  hola ")).toBe(huellaTexto("hola"));
  expect(huellaTexto("hola")).toMatch(/^[0-9a-f]{8}$/);
  expect(huellaTexto("   ")).toBeNull();
  expect(huellaTexto("hola")).not.toBe(huellaTexto("Hola"));
});

test("identidades: códigos normalizados y repetidos con ordinal", () => {
  const inds = [indicador({ codigo: " a1 " }), indicador({ codigo: "A1" }), indicador({ codigo: null })];
  expect(identidades(inds)).toEqual(["A1", "A1#2", null]);
});

test("comparar: añadidos, eliminados y cambios por código, sin importar la fila", () => {
  const antes = fotografiar([
    indicador({ codigo: "A", fila: 6, metaVigencia: 1 }),
    indicador({ codigo: "B", fila: 7 }),
  ]);
  const despues = fotografiar([
    indicador({ codigo: "C", fila: 6 }),
    indicador({ codigo: "A", fila: 9, metaVigencia: 2, cualitativo: serie<string>(null, "x") }),
  ]);
  const c = comparar(antes, despues);
  expect(c.anadidos.map((f) => f.id)).toEqual(["C"]);
  expect(c.eliminados.map((f) => f.id)).toEqual(["B"]);
  expect(c.cambios.map((k) => [k.id, k.campo, k.mes, k.antes, k.despues, k.filaAntes, k.filaDespues])).toEqual([
    ["A", "metaVigencia", null, 1, 2, 6, 9],
    ["A", "cualitativo", 2, null, "x", 6, 9],
  ]);
});

test("esSellosValidos nunca acepta lo que el esquema rechaza (y acepta los sellos bien formados)", () => {
  const base = { sellos: [sello()] };
  expect(esSellosValidos(base)).toBe(true);
  expect(SellosSchema.safeParse(base).success).toBe(true);
  // Lo que encontró esta propiedad: un entero fuera del rango seguro no es un entero para zod.
  const fueraDeRango = { sellos: [{ ...base.sellos[0], vigencia: -(2 ** 53) }] };
  expect(SellosSchema.safeParse(fueraDeRango).success).toBe(false);
  expect(esSellosValidos(fueraDeRango)).toBe(false);
  const valorRaro = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.integer(),
    fc.double(),
    fc.string({ maxLength: 20 }),
    fc.constantFrom("0123abcd", "0123456789abcd", "", "x".repeat(2001)),
    fc.array(fc.oneof(fc.integer(), fc.constant(null)), { maxLength: 4 }),
    fc.object({ maxDepth: 1 }),
  );
  const ruta = fc.array(
    fc.oneof(
      fc.constantFrom(
        "sellos",
        "indicadores",
        "p",
        "pr",
        "ej",
        "cu",
        "id",
        "c",
        "mes",
        "vigencia",
        "fecha",
        "nota",
        "hoja",
        "huella",
        "extra",
      ),
      fc.nat(3),
    ),
    {
      minLength: 1,
      maxLength: 5,
    },
  );
  fc.assert(
    fc.property(fc.array(fc.tuple(ruta, valorRaro), { minLength: 1, maxLength: 3 }), (mutaciones) => {
      const x = structuredClone(base) as unknown as Record<string, unknown>;
      for (const [r, v] of mutaciones) {
        let o: unknown = x;
        for (let k = 0; k < r.length - 1; k++) {
          if (typeof o !== "object" || o === null) break;
          o = (o as Record<string | number, unknown>)[r[k]];
        }
        if (typeof o === "object" && o !== null) (o as Record<string | number, unknown>)[r[r.length - 1]] = v;
      }
      if (esSellosValidos(x)) expect(SellosSchema.safeParse(x).success).toBe(true);
    }),
    { numRuns: 2000 },
  );
});
