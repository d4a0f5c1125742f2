/**
 * Los atajos de rendimiento del motor dan exactamente lo mismo que el camino general (issue 20:
 * ninguna cifra ni clave cambia): la parte numérica de un código sin expresión regular y la
 * normalización de un código que ya está normalizado.
 */
import fc from "fast-check";
import { normalizarCodigo } from "../../src/domain/evaluacion";
import { numeroConExpresion, numeroDeCodigo } from "../../src/rules/cadena-valor/cv-codigo-jerarquia";

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
