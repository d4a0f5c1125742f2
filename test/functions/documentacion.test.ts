/**
 * docs/funciones.md no miente: cada fila de sus tablas «Fórmula | Resultado» se evalúa con las
 * funciones reales sobre la «Hoja de ejemplo» del mismo documento, y el resultado debe ser el
 * escrito (números con los decimales mostrados, textos iguales, errores con código y mensaje).
 */
import * as fs from "fs";
import * as path from "path";
import { leerNumero } from "../../src/domain/valores";
import { FUNCIONES } from "../../src/functions/functions";
import { esValorError, reiniciarConfiguracion } from "./ayuda";

const DOC = fs.readFileSync(path.resolve(__dirname, "../../docs/funciones.md"), "utf8");

/** Celdas de una fila de tabla Markdown, sin los bordes. */
function celdasDeFila(linea: string): string[] {
  return linea
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split("|")
    .map((c) => c.trim());
}

/** Tablas del documento: encabezado y filas (sin la línea separadora). */
function tablas(): { encabezado: string[]; filas: string[][] }[] {
  const resultado: { encabezado: string[]; filas: string[][] }[] = [];
  const lineas = DOC.split("\n");
  for (let i = 0; i < lineas.length - 1; i++) {
    if (!lineas[i].trim().startsWith("|") || !/^\|\s*-/.test(lineas[i + 1].trim())) continue;
    const encabezado = celdasDeFila(lineas[i]);
    const filas: string[][] = [];
    let j = i + 2;
    for (; j < lineas.length && lineas[j].trim().startsWith("|"); j++) filas.push(celdasDeFila(lineas[j]));
    resultado.push({ encabezado, filas });
    i = j;
  }
  return resultado;
}

/** Valor de una celda escrita en la hoja de ejemplo: vacía → null; número (como lo lee el libro); texto. */
function valorEscrito(texto: string): unknown {
  if (texto === "") return null;
  const l = leerNumero(texto);
  return l.tipo === "numero" ? l.valor : texto;
}

function hojaDeEjemplo(): Map<string, unknown> {
  const hoja = tablas().find((t) => t.encabezado[0] === "" && t.encabezado[1] === "A");
  if (!hoja) throw new Error("docs/funciones.md no tiene la «Hoja de ejemplo»");
  const columnas = hoja.encabezado.slice(1);
  const celdas = new Map<string, unknown>();
  for (const fila of hoja.filas) {
    columnas.forEach((col, k) => celdas.set(`${col}${fila[0]}`, valorEscrito(fila[k + 1] ?? "")));
  }
  return celdas;
}

const HOJA = hojaDeEjemplo();

function referencia(ref: string): unknown[][] {
  const [desde, hasta = desde] = ref.split(":");
  const a = /^([A-Z])(\d+)$/.exec(desde)!;
  const b = /^([A-Z])(\d+)$/.exec(hasta)!;
  const filas: unknown[][] = [];
  for (let f = Number(a[2]); f <= Number(b[2]); f++) {
    const fila: unknown[] = [];
    for (let c = a[1].charCodeAt(0); c <= b[1].charCodeAt(0); c++) {
      const clave = `${String.fromCharCode(c)}${f}`;
      if (!HOJA.has(clave)) throw new Error(`La celda ${clave} no está en la hoja de ejemplo`);
      fila.push(HOJA.get(clave));
    }
    filas.push(fila);
  }
  return filas;
}

/** Divide por «;» fuera de comillas, paréntesis y «». */
function dividir(texto: string): string[] {
  const partes: string[] = [];
  let actual = "";
  let comillas = false;
  let nivel = 0;
  for (const ch of texto) {
    if (ch === '"') comillas = !comillas;
    else if (!comillas && (ch === "(" || ch === "«")) nivel++;
    else if (!comillas && (ch === ")" || ch === "»")) nivel--;
    if (ch === ";" && !comillas && nivel === 0) {
      partes.push(actual.trim());
      actual = "";
    } else actual += ch;
  }
  partes.push(actual.trim());
  return partes;
}

/** Argumento de una fórmula como lo entrega Excel a un parámetro any[][]. */
function argumento(texto: string): unknown {
  if (texto === "") return null; // argumento omitido
  if (/^"[^"]*"$/.test(texto)) return [[texto.slice(1, -1)]];
  if (/^[A-Z]\d+(:[A-Z]\d+)?$/.test(texto)) return referencia(texto);
  const l = leerNumero(texto);
  if (l.tipo !== "numero") throw new Error(`Argumento no soportado por la prueba: ${texto}`);
  return [[l.valor]];
}

function evaluar(formula: string): unknown[] {
  const m = /^=PMR\.([A-Z.]+)\((.*)\)$/.exec(formula);
  if (!m) throw new Error(`Fórmula no reconocida: ${formula}`);
  const funcion = (FUNCIONES as Record<string, (...args: unknown[]) => unknown>)[m[1]];
  if (!funcion) throw new Error(`Función desconocida: PMR.${m[1]}`);
  const r = funcion(...dividir(m[2]).map(argumento));
  if (!Array.isArray(r)) return [r];
  // Solo se documentan derrames en una columna (o 1 × 1).
  return r.map((fila: unknown[]) => {
    expect(fila).toHaveLength(1);
    return fila[0];
  });
}

function comprobar(obtenido: unknown, escrito: string): void {
  const error = /^(#[A-Z/0!?]+)(?: \(«(.*)»\))?$/.exec(escrito);
  if (error) {
    expect(esValorError(obtenido)).toBe(true);
    expect((obtenido as { code: string }).code).toBe(error[1]);
    expect((obtenido as { message?: string }).message).toBe(error[2]);
    return;
  }
  const l = leerNumero(escrito);
  if (l.tipo === "numero") {
    const decimales = (escrito.split(",")[1] ?? "").length;
    expect(typeof obtenido).toBe("number");
    expect(Math.abs((obtenido as number) - l.valor)).toBeLessThanOrEqual(0.5 * 10 ** -decimales + 1e-12);
    return;
  }
  expect(obtenido).toBe(escrito);
}

const EJEMPLOS = tablas()
  .filter((t) => t.encabezado[0] === "Fórmula" && t.encabezado[1] === "Resultado")
  .flatMap((t) => t.filas.map((f) => [f[0].replace(/^`|`$/g, ""), f[1]] as const));

beforeEach(() => reiniciarConfiguracion());

test("el documento trae ejemplos de las siete funciones", () => {
  const usadas = new Set(EJEMPLOS.map(([formula]) => /^=PMR\.([A-Z.]+)\(/.exec(formula)?.[1]));
  expect([...usadas].sort()).toEqual(Object.keys(FUNCIONES).sort());
});

test.each(EJEMPLOS)("%s → %s", (formula, resultado) => {
  const obtenidos = evaluar(formula);
  const escritos = dividir(resultado);
  expect(obtenidos).toHaveLength(escritos.length);
  obtenidos.forEach((o, i) => comprobar(o, escritos[i]));
});

test("la fórmula de derrame del documento usa rangos del mismo tamaño", () => {
  expect(DOC).toContain("=PMR.AVANCE(P5:P10004;Q5:Q10004;I5:I10004)");
});
