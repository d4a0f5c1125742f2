/**
 * Los atajos de rendimiento del motor dan exactamente lo mismo que el camino general (issue 20:
 * ninguna cifra ni clave cambia): la parte numérica de un código sin expresión regular y la
 * normalización de un código que ya está normalizado, y «¿está vacío este texto?» sin recorrerlo.
 */
import fc from "fast-check";
import { normalizarCodigo } from "../../src/domain/evaluacion";
import { esVacio } from "../../src/domain/valores";
import { numeroConExpresion, numeroDeCodigo } from "../../src/rules/cadena-valor/cv-codigo-jerarquia";
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
