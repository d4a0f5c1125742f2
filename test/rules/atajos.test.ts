/**
 * Los atajos de rendimiento del motor dan exactamente lo mismo que el camino general (issue 20:
 * ninguna cifra ni clave cambia): la parte numérica de un código sin expresión regular y la
 * normalización de un código que ya está normalizado, «¿está vacío este texto?» sin recorrerlo,
 * lo programado al corte mes a mes, la clave de un hallazgo y su orden sin expresión regular, y el
 * filtro de los textos cualitativos que pueden declarar un acumulado.
 */
import fc from "fast-check";
import { esNumero, programadoAlCorte } from "../../src/domain/calculos";
import { normalizarCodigo } from "../../src/domain/evaluacion";
import { claveDeIdentidades, compararHallazgos, type Hallazgo } from "../../src/domain/hallazgo";
import { cyrb53 } from "../../src/domain/hash";
import type { Tendencia } from "../../src/domain/modelo";
import { esVacio } from "../../src/domain/valores";
import { numeroConExpresion, numeroDeCodigo } from "../../src/rules/cadena-valor/cv-codigo-jerarquia";
import { POSIBLE_CLAVE } from "../../src/rules/cualitativo/cifras";
import { ProgramadoMesAMes } from "../../src/rules/seguimiento/seg-ejecucion-sin-programacion";
import { textoVacio } from "../../src/rules/utilidades";

/** Textos parecidos a códigos: cifras, puntos, letras, espacios y algún carácter raro. */
const parecidoACodigo = fc
  .array(fc.constantFrom(..."0123456789....abcIPOP- \t\u00a0ÁéñZ_#".split("")), { maxLength: 14 })
  .map((c) => c.join(""));

test("numeroDeCodigo = la primera coincidencia de /\\d+(?:\\.\\d+)*/", () => {
  fc.assert(
    fc.property(fc.oneof(parecidoACodigo, fc.string(), fc.string({ unit: "grapheme" })), (t) => {
      expect(numeroDeCodigo(t)).toBe(numeroConExpresion(t));
    }),
    { numRuns: 5000 },
  );
  for (const t of ["IP 3.2.1", "O1", "1.2.", "1..2", ".5", "P2.1a.3", "", "abc", "12.34.56x7.8"]) {
    expect(numeroDeCodigo(t)).toBe(numeroConExpresion(t));
  }
});

/** La normalización sin atajo (la de siempre). */
const normalizarLento = (c: string) => {
  const n = String(c).trim().replace(/\s+/g, " ").toUpperCase();
  return n === "" ? null : n;
};

test("normalizarCodigo con atajo = sin atajo", () => {
  fc.assert(
    fc.property(fc.oneof(parecidoACodigo, fc.string(), fc.string({ unit: "grapheme" })), (t) => {
      expect(normalizarCodigo(t)).toBe(normalizarLento(t));
    }),
    { numRuns: 5000 },
  );
  for (const t of ["IP1.2.3", "ip1.2.3", " IP1 ", "O-04", "\u00a0X", "ß", "Ab", "~", "", "   "]) {
    expect(normalizarCodigo(t)).toBe(normalizarLento(t));
  }
  expect(normalizarCodigo(null)).toBeNull();
});

test("textoVacio con atajos = esVacio (sin atajos)", () => {
  const vacioOTexto = fc.oneof(
    fc.constantFrom("-", "N/A", "no aplica", "Sin dato", "n.a.", "—", "S/D", "ninguno"),
    fc.string({ maxLength: 30 }),
  );
  const espacios = fc
    .array(fc.constantFrom(" ", "\t", "\n", "\u00a0", "\u2003", "\u3000", "\u0301", "\ufeff"), { maxLength: 25 })
    .map((e) => e.join(""));
  fc.assert(
    fc.property(espacios, vacioOTexto, espacios, fc.string({ maxLength: 40 }), (a, t, b, otro) => {
      for (const x of [a + t + b, t + a + b, a + t, otro, a + otro + b]) expect(textoVacio(x)).toBe(esVacio(x));
    }),
    { numRuns: 5000 },
  );
  // Lo que encontró la propiedad: espacios separados por marcas combinantes, que al normalizar se
  // juntan; el texto largo sigue siendo «no aplica».
  const combinantes = " \u0301 no aplica \u0301 \u0301 \u0301 \u0301 ";
  expect(combinantes.length).toBeGreaterThan(16);
  expect(textoVacio(combinantes)).toBe(true);
});

/** Una cifra o un vacío, con negativos, decimales, ceros y no finitos. */
const valorSerie = fc.oneof(
  fc.constant(null),
  fc.constant(0),
  fc.integer({ min: -50, max: 500 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, 0.1, 0.2, 0.7),
);

test("ProgramadoMesAMes = programadoAlCorte mes a mes (series con programación)", () => {
  fc.assert(
    fc.property(
      fc.array(valorSerie, { minLength: 12, maxLength: 12 }),
      valorSerie,
      fc.constantFrom<Tendencia>("SUMA", "CRECIENTE", "CONSTANTE", "DECRECIENTE"),
      fc.integer({ min: 1, max: 12 }),
      (programado, metaVigencia, tendencia, corte) => {
        fc.pre(programado.some((v) => esNumero(v)));
        const p = new ProgramadoMesAMes(programado, metaVigencia, tendencia);
        for (let m = 1; m <= corte; m++) {
          p.avanzar(m);
          expect(Object.is(p.alCorte(m), programadoAlCorte(programado, metaVigencia, tendencia, m))).toBe(true);
        }
      },
    ),
    { numRuns: 3000 },
  );
});

test("los identificadores de la clave de un hallazgo: atajo = String(i).trim().toUpperCase()", () => {
  const lento = (regla: string, ids: (string | number | null)[]) =>
    cyrb53(regla + ids.map((i) => "\u001f" + (i === null ? "" : String(i).trim().toUpperCase())).join(""));
  fc.assert(
    fc.property(
      fc.array(fc.oneof(parecidoACodigo, fc.string(), fc.integer(), fc.double(), fc.constant(null), fc.constant(-0)), {
        maxLength: 4,
      }),
      (ids) => {
        expect(claveDeIdentidades("R", ids)).toBe(lento("R", ids));
      },
    ),
    { numRuns: 3000 },
  );
});

test("el orden de los hallazgos lee la celda como /^([A-Z]+)(\\d+)/", () => {
  const celdas = ["A1", "B12", "AA3", "K12:K15", "Z9", "a1", "", "12", "A", "AB0012", "hoja", "C3x", "$A$1"];
  const hallazgos: Hallazgo[] = celdas.map((celda, k) => ({
    regla: `R${k}`,
    categoria: "Metas",
    severidad: "error",
    mensaje: "",
    hoja: "PMR",
    celda,
    clave: String(k),
  }));
  const conExpresion = (a: Hallazgo, b: Hallazgo) => {
    const ma = /^([A-Z]+)(\d+)/.exec(a.celda);
    const mb = /^([A-Z]+)(\d+)/.exec(b.celda);
    if (!ma || !mb) return a.celda < b.celda ? -1 : a.celda > b.celda ? 1 : 0;
    if (Number(ma[2]) !== Number(mb[2])) return Number(ma[2]) - Number(mb[2]);
    if (ma[1].length !== mb[1].length) return ma[1].length - mb[1].length;
    return ma[1] < mb[1] ? -1 : ma[1] > mb[1] ? 1 : 0;
  };
  for (const a of hallazgos)
    for (const b of hallazgos) expect(Math.sign(compararHallazgos(a, b))).toBe(Math.sign(conExpresion(a, b)));
});

test("POSIBLE_CLAVE nunca descarta un texto en que CLAVES encuentra algo", () => {
  const claves = /acumulad[oa]s?|en\s+total|a\s+la\s+fecha/i;
  const trozos = fc.constantFrom(
    "acumulado",
    "ACUMULADA",
    "Acumulad",
    "acumula",
    "en  total",
    "En\u00a0Total",
    "a la fecha",
    "A LA\tFECHA",
    "fech",
    "tota",
    "\u017f",
    "\u212a",
    "á",
    " ",
    "1.234,5",
    "x",
  );
  fc.assert(
    fc.property(
      fc.oneof(
        fc.array(trozos, { maxLength: 8 }).map((t) => t.join("")),
        fc.string(),
      ),
      (t) => {
        if (claves.test(t)) expect(POSIBLE_CLAVE.test(t)).toBe(true);
      },
    ),
    { numRuns: 5000 },
  );
});
