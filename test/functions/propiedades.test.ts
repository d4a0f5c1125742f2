/**
 * Propiedades (fast-check): ninguna entrada hace lanzar a una función =PMR.*, y todo resultado es
 * algo que Excel sabe mostrar (número finito, texto o error, o una matriz rectangular de ellos).
 * Un texto que no es una cifra finita («1e309», «0e400», «Infinity») se trata como cualquier texto
 * que no es un número, igual que en el lector del libro. Corren contra la fuente y contra el
 * paquete que se distribuye (dist/, cargado en un sandbox como en Excel).
 */
import fc from "fast-check";
import * as calculos from "../../src/domain/calculos";
import { FUNCIONES } from "../../src/functions/functions";
import { esValorError } from "./ayuda";
import { type Funcion, cargarPaquete } from "./paquete-dist";

/**
 * Textos con forma de número cuyo valor no es finito: exponentes de 309 en adelante (±infinito),
 * cero por un exponente así (NaN con la cuenta ingenua), y los nombres de JavaScript.
 */
const textoNoFinito: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom("", "-", "+"),
      fc.constantFrom("1", "0", "9,99", "1.5", "0,5", "123", "00"),
      fc.constantFrom("e", "E"),
      fc.constantFrom("", "+"),
      fc.integer({ min: 309, max: 100_000 }),
      fc.constantFrom("", "%", " ", " %"),
      fc.constantFrom("", " "),
    )
    .map(([signo, mantisa, e, signoExp, exp, fin, inicio]) => `${inicio}${signo}${mantisa}${e}${signoExp}${exp}${fin}`),
  fc.constantFrom("1e309", "0e400", "-1e309", "Infinity", "-Infinity", "+Infinity", "NaN", "-NaN", "1E+400%", "∞"),
);

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
  textoNoFinito,
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

/** Las funciones de la fuente y las del paquete construido, con el mismo nombre. */
const IMPLEMENTACIONES: [string, () => Record<string, Funcion>][] = [
  ["fuente", () => FUNCIONES as unknown as Record<string, Funcion>],
  ["paquete dist/", () => Object.fromEntries(cargarPaquete().registro)],
];

/** Resultado sin prototipos y con el texto citado en los mensajes («…») borrado, para comparar. */
function sinCitas(r: unknown): unknown {
  return JSON.parse(
    JSON.stringify(r ?? null, (_k, v: unknown) => (typeof v === "string" ? v.replace(/«[^»]*»/g, "«»") : v)),
  );
}

/** Celda con un texto no finito marcado, para materializarla con el texto o con «abc». */
interface Marcado {
  noFinito: string;
}

function materializar(v: unknown, conTexto: boolean): unknown {
  if (Array.isArray(v)) return v.map((x) => materializar(x, conTexto));
  if (typeof v === "object" && v !== null && "noFinito" in v) return conTexto ? (v as Marcado).noFinito : "abc";
  return v;
}

describe.each(IMPLEMENTACIONES)("%s", (_nombre, cargar) => {
  let funciones: Record<string, Funcion>;
  beforeAll(() => {
    funciones = cargar();
  });

  test.each(Object.keys(FUNCIONES))("PMR.%s nunca lanza y siempre devuelve un valor que Excel puede mostrar", (id) => {
    const llamar = funciones[id];
    expect(typeof llamar).toBe("function");
    fc.assert(
      fc.property(fc.array(argumento, { minLength: 0, maxLength: 5 }), (args) => {
        const r = llamar(...args);
        expect(esResultadoValido(r)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  test.each(Object.keys(FUNCIONES))(
    "PMR.%s: un texto no finito («1e309», «0e400», «NaN») da lo mismo que cualquier texto que no es número",
    (id) => {
      const llamar = funciones[id];
      // Celdas comunes, con textos no finitos (marcados) en cualquier argumento.
      const marcado = textoNoFinito.map((t): Marcado => ({ noFinito: t }));
      const celdaConNoFinito = fc.oneof(celda, marcado, marcado);
      const rangoConNoFinito = fc
        .record({ filas: fc.integer({ min: 1, max: 3 }), columnas: fc.integer({ min: 1, max: 3 }) })
        .chain(({ filas, columnas }) =>
          fc.array(fc.array(celdaConNoFinito, { minLength: columnas, maxLength: columnas }), {
            minLength: filas,
            maxLength: filas,
          }),
        );
      fc.assert(
        fc.property(fc.array(fc.oneof(celdaConNoFinito, rangoConNoFinito), { minLength: 1, maxLength: 4 }), (args) => {
          const conTexto = materializar(args, true) as unknown[];
          const conAbc = materializar(args, false) as unknown[];
          expect(sinCitas(llamar(...conTexto))).toEqual(sinCitas(llamar(...conAbc)));
        }),
        { numRuns: 300 },
      );
    },
  );

  test("los casos del issue: AVANCE(5; «1e309»), COHERENCIA y SEMAFORO dicen qué argumento no es un número", () => {
    const mensaje = (r: unknown) => JSON.parse(JSON.stringify((r as unknown[][])[0][0])) as unknown;
    expect(mensaje(funciones.AVANCE([[5]], [["1e309"]]))).toEqual({
      code: "#VALUE!",
      message: "Ejecutado no es un número: «1e309».",
    });
    expect(mensaje(funciones.AVANCE([["0e400"]], [[5]]))).toEqual({
      code: "#VALUE!",
      message: "Programado no es un número: «0e400».",
    });
    expect(mensaje(funciones.COHERENCIA([[0.5]], [["0e400"]]))).toEqual({
      code: "#VALUE!",
      message: "Avance financiero no es un número: «0e400».",
    });
    expect(mensaje(funciones.SEMAFORO([["-1e309"]]))).toEqual({
      code: "#VALUE!",
      message: "Avance no es un número: «-1e309».",
    });
    expect(mensaje(funciones.ESTADO([["Infinity"]]))).toEqual({
      code: "#VALUE!",
      message: "Avance no es un número: «Infinity».",
    });
    expect(mensaje(funciones["AVANCE.FINANCIERO"]([["NaN"]], [[10]]))).toEqual({
      code: "#VALUE!",
      message: "Compromisos no es un número: «NaN».",
    });
    expect(mensaje(funciones.ACUMULADO([[1, "1e309", 2]], [["Suma"]]))).toEqual({
      code: "#VALUE!",
      message: "El valor del mes 2 no es un número: «1e309».",
    });
    // Con programados, uno no finito es un error; como avance, un texto no cuenta (como «abc»).
    expect(JSON.parse(JSON.stringify(funciones.CUMPLIMIENTO([[1], [0.5]], null, [[10], ["1e309"]])))).toEqual({
      code: "#VALUE!",
      message: "Programados, entrada 2: no es un número: «1e309».",
    });
    expect(funciones.CUMPLIMIENTO([[1], ["1e309"]], null, null)).toBe(1);
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
