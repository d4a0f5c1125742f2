/** Propiedades del lector con fast-check: nunca lanza, siempre cumple el esquema, no depende del orden de columnas. */
import fc from "fast-check";
import { ModeloPmrSchema } from "../../src/domain";
import type { AreaCombinada, GrillaHoja, LibroGrillas } from "../../src/workbook/grilla";
import { leerModelo } from "../../src/workbook/lector";
import {
  ENCABEZADOS_PMR,
  ENCABEZADOS_PRESUPUESTO,
  ENCABEZADOS_TERRITORIAL,
  grillaPmr,
} from "../../src/workbook/plantilla";
import { MESES_LARGOS } from "./ayudas";
import { filaIndicador as indicador } from "./arbitrarios";

const PALABRAS = [
  ...ENCABEZADOS_PMR,
  ...ENCABEZADOS_PRESUPUESTO,
  ...ENCABEZADOS_TERRITORIAL,
  ...MESES_LARGOS,
  "Programación",
  "Ejecución",
  "Avance cualitativo",
  "Total",
  "Subtotal",
  "PMR",
  "#REF!",
  "#N/A",
  "#DIV/0!",
  "#¿NOMBRE?",
  "-",
  "N/A",
  "No aplica",
  "0,10",
  "1.234,5",
  "15%",
  "1e999",
  "Suma",
  "Creciente",
  "Mensual",
  "Objetivo",
  "Producto",
  "8 - Kennedy",
  "Distrital",
  "   ",
  "",
];

/** Cualquier valor de JavaScript, incluso objetos sin prototipo (String() lanza con ellos). */
const cualquierCosa = fc.anything({
  withNullPrototype: true,
  withBoxedValues: true,
  withSparseArray: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withBigInt: true,
  withDate: true,
  withObjectString: true,
});

/** Cualquier cosa que pueda (o no) llegar en una celda. */
const celda: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PALABRAS) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0) },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 2, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
  { weight: 1, arbitrary: fc.array(cualquierCosa, { maxLength: 3 }) },
  { weight: 1, arbitrary: cualquierCosa },
  { weight: 1, arbitrary: fc.date() },
);

/** Filas: arreglos de celdas o, a veces, cualquier cosa que no es un arreglo. */
const fila: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: fc.array(celda, { maxLength: 20 }) },
  { weight: 1, arbitrary: cualquierCosa },
);

const combinada: fc.Arbitrary<AreaCombinada> = fc.record({
  fila: fc.integer({ min: -2, max: 40 }),
  columna: fc.integer({ min: -2, max: 40 }),
  filas: fc.integer({ min: -1, max: 50 }),
  columnas: fc.integer({ min: -1, max: 50 }),
});

const nombreHoja = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("PMR", "pmr", "PMR_Presupuesto", "PMR_Territorial", "Hoja1", "PMR 2025") },
  { weight: 4, arbitrary: fc.string() },
  { weight: 1, arbitrary: cualquierCosa },
) as fc.Arbitrary<string>;

const hoja: fc.Arbitrary<GrillaHoja> = fc.record(
  {
    nombre: nombreHoja,
    valores: fc.array(fila, { maxLength: 40 }) as fc.Arbitrary<unknown[][]>,
    filaInicial: fc.oneof(fc.nat(2000), fc.constantFrom(Number.NaN, -3, 1.5)),
    columnaInicial: fc.oneof(fc.nat(100), fc.constantFrom(Number.NaN, -3, 1.5)),
    combinadas: fc.array(combinada, { maxLength: 6 }),
    formatos: fc.array(
      fc.array(fc.oneof(fc.constantFrom("0%", "0.00", "General", null, undefined), fc.string()), { maxLength: 20 }),
      {
        maxLength: 10,
      },
    ),
  },
  { requiredKeys: ["nombre", "valores"] },
);

/** Una hoja con un encabezado de verdad (a veces desordenado) encima de filas de basura. */
const hojaConEncabezado: fc.Arbitrary<GrillaHoja> = fc
  .tuple(
    fc.constantFrom(ENCABEZADOS_PMR, ENCABEZADOS_PRESUPUESTO, ENCABEZADOS_TERRITORIAL),
    fc.array(fila, { maxLength: 5 }),
    fc.array(fc.array(celda, { maxLength: 60 }), { maxLength: 30 }),
    nombreHoja,
    fc.array(combinada, { maxLength: 4 }),
  )
  .chain(([encabezado, titulo, datos, nombre, combinadas]) =>
    fc.shuffledSubarray([...encabezado], { minLength: 2 }).map((enc) => ({
      nombre,
      valores: [...titulo, enc, ...datos] as unknown[][],
      combinadas,
    })),
  );

function leerYValidar(libro: LibroGrillas): void {
  const modelo = leerModelo(libro);
  ModeloPmrSchema.parse(modelo);
  // El último recurso del lector (una hoja que no se pudo leer por una excepción) no debe
  // dispararse nunca: si se dispara, hay un caso que el lector no maneja.
  expect(modelo.lectura.filter((p) => p.detalle.startsWith("No se pudo leer la hoja"))).toEqual([]);
}

describe("propiedades del lector", () => {
  it("nunca lanza con grillas arbitrarias y siempre devuelve un modelo válido", () => {
    fc.assert(
      fc.property(fc.array(hoja, { maxLength: 4 }), (hojas) => {
        leerYValidar({ hojas });
      }),
      { numRuns: 300 },
    );
  });

  it("nunca lanza con encabezados de verdad sobre datos arbitrarios", () => {
    fc.assert(
      fc.property(fc.array(hojaConEncabezado, { minLength: 1, maxLength: 3 }), (hojas) => {
        leerYValidar({ hojas });
      }),
      { numRuns: 300 },
    );
  });

  it("nunca lanza si el libro mismo no tiene la forma esperada", () => {
    fc.assert(
      fc.property(cualquierCosa, (x) => {
        leerYValidar(x as LibroGrillas);
        leerYValidar({ hojas: x } as LibroGrillas);
        leerYValidar({ hojas: [x] } as LibroGrillas);
      }),
      { numRuns: 200 },
    );
  });

  it("permutar las columnas de una hoja PMR válida no cambia los valores de los indicadores", () => {
    const n = ENCABEZADOS_PMR.length;
    const indices = Array.from({ length: n }, (_, i) => i);
    fc.assert(
      fc.property(
        fc.array(indicador, { minLength: 1, maxLength: 6 }),
        fc.shuffledSubarray(indices, { minLength: n, maxLength: n }),
        (filas, permutacion) => {
          const original = grillaPmr(filas);
          const permutada: GrillaHoja = {
            nombre: "PMR",
            valores: original.valores.map((f) => permutacion.map((i) => f[i])),
          };
          const a = leerModelo({ hojas: [original] });
          const b = leerModelo({ hojas: [permutada] });
          ModeloPmrSchema.parse(b);
          expect(b.pmr).not.toBeNull();
          expect(b.pmr!.indicadores).toEqual(a.pmr!.indicadores);
          // Los problemas son los mismos, salvo la columna de la celda.
          const sinCelda = (m: typeof a) =>
            m.lectura.map((p) => `${p.tipo}|${p.campo}|${p.celda?.replace(/^[A-Z]+/, "")}`).sort();
          expect(sinCelda(b)).toEqual(sinCelda(a));
        },
      ),
      { numRuns: 200 },
    );
  });
});
