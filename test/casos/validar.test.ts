/**
 * Propiedades del motor completo (grilla → modelo → evaluación → reglas → hallazgos) con
 * fast-check: nunca lanza, el resumen cuadra con los hallazgos y nada depende del orden de las
 * columnas del libro (mismas cifras y los mismos hallazgos, identificados por su clave).
 */
import fc from "fast-check";
import { CONFIGURACION_POR_DEFECTO, HallazgoSchema, type Hallazgo } from "../../src/domain";
import { validarLibro, type InformeValidacion } from "../../src/casos/validar";
import { informeJson } from "../../src/cli/informeJson";
import type { GrillaHoja, LibroGrillas } from "../../src/workbook/grilla";
import { ENCABEZADOS_PMR, grillaPmr } from "../../src/workbook/plantilla";
import { filaIndicador } from "../workbook/arbitrarios";

// Libro sintético de los benchmarks (JavaScript, determinista): objetivos, productos,
// presupuesto y las cuatro tendencias, sin celdas combinadas.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { libroGrillas } = require("../../bench/generar") as {
  libroGrillas: (n: number, semilla?: number) => LibroGrillas;
};

/** La hoja con sus columnas en el orden `orden` (orden[j] = columna original que va a la j). */
function permutarColumnas(hoja: GrillaHoja, orden: readonly number[]): GrillaHoja {
  return { ...hoja, valores: hoja.valores.map((fila) => orden.map((i) => fila[i])) };
}

/** Lo que identifica un hallazgo sin la celda ni el texto (que citan columnas). */
const identidad = (h: Hallazgo) => `${h.regla}|${h.severidad}|${h.hoja}|${h.clave}`;

/** Las cifras de la evaluación que muestran el panel y el informe. */
function cifras(informe: InformeValidacion) {
  const ev = informe.evaluacion;
  return {
    vigencia: ev.vigencia,
    corte: ev.corte,
    objetivos: ev.objetivos.map((o) => [o.codigo, o.cumplimiento, o.semaforo]),
    productos: ev.productos.map((p) => [p.codigo, p.avanceFisico, p.avanceFinanciero, p.coherencia]),
    indicadores: ev.indicadores.map((i) => [i.indicador.codigo, i.programado, i.ejecutado, i.avance, i.estado]),
  };
}

function comprobarInforme(informe: InformeValidacion): void {
  for (const h of informe.hallazgos) {
    HallazgoSchema.parse(h);
    expect(h.celda).not.toBe("");
    expect(h.mensaje.trim()).not.toBe("");
  }
  const contar = (s: string) => informe.hallazgos.filter((h) => h.severidad === s).length;
  expect(informe.resumen.errores).toBe(contar("error"));
  expect(informe.resumen.advertencias).toBe(contar("advertencia"));
  expect(informe.resumen.info).toBe(contar("info"));
  // El documento JSON de §5 se puede serializar (sin ciclos ni NaN que JSON convierta en null).
  const json = JSON.stringify(informeJson("libro.xlsx", informe));
  expect(json).not.toMatch(/NaN|Infinity/);
}

describe("motor: propiedades", () => {
  it("nunca lanza con filas arbitrarias y el resumen cuadra con los hallazgos", () => {
    fc.assert(
      fc.property(fc.array(filaIndicador, { maxLength: 12 }), fc.integer({ min: 1, max: 12 }), (filas, corte) => {
        const informe = validarLibro({ hojas: [grillaPmr(filas)] }, { ...CONFIGURACION_POR_DEFECTO, corte });
        comprobarInforme(informe);
      }),
      { numRuns: 150 },
    );
  });

  it("permutar las columnas de la hoja PMR no cambia las cifras ni los hallazgos (por su clave)", () => {
    const n = ENCABEZADOS_PMR.length;
    const indices = Array.from({ length: n }, (_, i) => i);
    fc.assert(
      fc.property(
        fc.array(filaIndicador, { minLength: 1, maxLength: 8 }),
        fc.shuffledSubarray(indices, { minLength: n, maxLength: n }),
        (filas, orden) => {
          const original = grillaPmr(filas);
          const a = validarLibro({ hojas: [original] }, CONFIGURACION_POR_DEFECTO);
          const b = validarLibro({ hojas: [permutarColumnas(original, orden)] }, CONFIGURACION_POR_DEFECTO);
          expect(cifras(b)).toEqual(cifras(a));
          expect(b.hallazgos.map(identidad).sort()).toEqual(a.hallazgos.map(identidad).sort());
        },
      ),
      { numRuns: 150 },
    );
  });

  it("un libro completo con presupuesto: mismas cifras y hallazgos con las columnas de ambas hojas en otro orden", () => {
    const libro = libroGrillas(60);
    const base = validarLibro(libro, CONFIGURACION_POR_DEFECTO);
    comprobarInforme(base);
    // El libro es de verdad: objetivos con cumplimiento, productos con presupuesto, hallazgos.
    expect(base.evaluacion.objetivos.length).toBeGreaterThanOrEqual(6);
    expect(base.evaluacion.objetivos.every((o) => typeof o.cumplimiento === "number")).toBe(true);
    expect(base.evaluacion.productos.some((p) => typeof p.avanceFinanciero === "number")).toBe(true);
    expect(base.hallazgos.length).toBeGreaterThan(0);

    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (semilla) => {
        const permutado: LibroGrillas = {
          hojas: libro.hojas.map((h) => {
            const ancho = h.valores[0].length;
            const orden = fc.sample(
              fc.shuffledSubarray(
                Array.from({ length: ancho }, (_, i) => i),
                { minLength: ancho, maxLength: ancho },
              ),
              {
                seed: semilla,
                numRuns: 1,
              },
            )[0];
            return permutarColumnas(h, orden);
          }),
        };
        const otro = validarLibro(permutado, CONFIGURACION_POR_DEFECTO);
        expect(cifras(otro)).toEqual(cifras(base));
        expect(otro.hallazgos.map(identidad).sort()).toEqual(base.hallazgos.map(identidad).sort());
      }),
      { numRuns: 25 },
    );
  });

  it("las hojas en otro orden dentro del libro dan el mismo informe", () => {
    const libro = libroGrillas(30);
    const a = validarLibro(libro, CONFIGURACION_POR_DEFECTO);
    const b = validarLibro({ hojas: [...libro.hojas].reverse() }, CONFIGURACION_POR_DEFECTO);
    expect(cifras(b)).toEqual(cifras(a));
    expect(b.hallazgos).toEqual(a.hallazgos);
  });
});
