/**
 * Colores del panel (src/taskpane/colores.ts): contraste WCAG AA de cada etiqueta, colores del
 * semáforo que se distinguen entre sí (defecto 10: el naranja del sobrecumplimiento era casi el
 * rojo de «Rojo»), un icono de forma distinta para cada uno, y una advertencia («Financiero
 * adelantado») nunca más pálida que un «Coherente».
 */
import { COLORES_SEMAFORO } from "../../src/domain/calculos";
import {
  COLOR_EJECUTADO,
  COLOR_FINANCIERO,
  COLOR_FISICO,
  COLOR_PROGRAMADO,
  ICONO_INSIGNIA,
  INSIGNIA_SEMAFORO,
  PISTA,
  RELLENO_SEMAFORO,
  TINTAS,
  contraste,
  diferenciaColor,
} from "../../src/taskpane/colores";
import { colorCoherencia, colorEstado } from "../../src/taskpane/logica";

const BLANCO = "#FFFFFF";

test("contraste y diferencia: valores de referencia", () => {
  expect(contraste("#000000", BLANCO)).toBeCloseTo(21, 5);
  expect(contraste("#777777", BLANCO)).toBeCloseTo(4.48, 2);
  expect(diferenciaColor("#FF0000", "#FF0000")).toBe(0);
  // El naranja oscuro de Fluent frente a su rojo (lo que tenía el panel): apenas distinto.
  expect(diferenciaColor("#DA3B01", "#D13438")).toBeLessThan(30);
});

test("cada etiqueta: texto sobre su fondo con contraste AA (≥ 4,5:1), también sobre blanco", () => {
  for (const [nombre, t] of Object.entries(TINTAS)) {
    expect({ nombre, contraste: contraste(t.texto, t.fondo) >= 4.5 }).toEqual({ nombre, contraste: true });
    expect({ nombre, blanco: contraste(t.texto, BLANCO) >= 4.5 }).toEqual({ nombre, blanco: true });
  }
});

test("colores del semáforo: cada par se distingue (ΔE ≥ 40) y cada uno tiene su icono", () => {
  for (let i = 0; i < COLORES_SEMAFORO.length; i++) {
    for (let j = i + 1; j < COLORES_SEMAFORO.length; j++) {
      const a = COLORES_SEMAFORO[i];
      const b = COLORES_SEMAFORO[j];
      expect({ par: `${a}-${b}`, distintos: diferenciaColor(RELLENO_SEMAFORO[a], RELLENO_SEMAFORO[b]) >= 40 }).toEqual({
        par: `${a}-${b}`,
        distintos: true,
      });
    }
  }
  const iconos = COLORES_SEMAFORO.map((c) => ICONO_INSIGNIA[INSIGNIA_SEMAFORO[c]]);
  expect(new Set(iconos).size).toBe(COLORES_SEMAFORO.length);
  // Las etiquetas de Rojo y Naranja también se distinguen por su borde.
  expect(diferenciaColor(TINTAS.danger.borde, TINTAS.severe.borde)).toBeGreaterThanOrEqual(25);
});

test("defecto 10: una advertencia se ve al menos tanto como un «todo bien»", () => {
  const prominencia = (c: keyof typeof TINTAS) =>
    contraste(TINTAS[c].fondo, BLANCO) + contraste(TINTAS[c].borde, BLANCO);
  expect(colorCoherencia("Financiero adelantado")).toBe("warning");
  expect(colorCoherencia("Coherente")).toBe("success");
  expect(prominencia("warning")).toBeGreaterThan(prominencia("success"));
  expect(prominencia("danger")).toBeGreaterThan(prominencia("success"));
  expect(colorEstado("Sobrecumplida")).toBe("severe");
});

test("las barras del gráfico mensual y de físico/financiero se distinguen de la pista y entre sí", () => {
  for (const c of [COLOR_PROGRAMADO, COLOR_EJECUTADO, COLOR_FISICO, COLOR_FINANCIERO]) {
    expect(contraste(c, PISTA)).toBeGreaterThanOrEqual(2.5);
  }
  expect(diferenciaColor(COLOR_PROGRAMADO, COLOR_EJECUTADO)).toBeGreaterThanOrEqual(40);
  expect(diferenciaColor(COLOR_FISICO, COLOR_FINANCIERO)).toBeGreaterThanOrEqual(30);
});
