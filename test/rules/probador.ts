/**
 * Probador de reglas al estilo del RuleTester de ESLint: cada regla se prueba con una tabla de
 * casos válidos (ningún hallazgo) e inválidos (los hallazgos esperados, en orden: hoja, celda y
 * un fragmento del mensaje; la regla, la categoría y la severidad salen de `meta`).
 */
import { HallazgoSchema, type ConfiguracionEntrada, type Hallazgo, type ModeloPmr } from "../../src/domain";
import type { DatosGuardados } from "../../src/rules/contexto";
import { ejecutarReglas } from "../../src/rules/registro";
import type { Regla } from "../../src/rules/tipos";
import { configuracion, evaluacionDe } from "./fabrica";

export interface Caso {
  nombre: string;
  modelo: ModeloPmr;
  config?: ConfiguracionEntrada;
  /** Lo guardado por el complemento en el libro (por defecto, nada). */
  guardado?: DatosGuardados;
}

export interface Esperado {
  celda: string;
  /** Fragmento que el mensaje debe contener. */
  mensaje: string;
  /** Por defecto «PMR». */
  hoja?: string;
}

export interface CasoInvalido extends Caso {
  hallazgos: Esperado[];
}

/** Ejecuta una sola regla (por el registro, con sus índices) sobre un modelo. */
export function ejecutarRegla(
  regla: Regla,
  modelo: ModeloPmr,
  config: ConfiguracionEntrada = {},
  guardado?: DatosGuardados,
): Hallazgo[] {
  const c = configuracion(config);
  return ejecutarReglas(modelo, evaluacionDe(modelo, c), c, [regla], guardado);
}

export function probarRegla(regla: Regla, casos: { validos: Caso[]; invalidos: CasoInvalido[] }): void {
  const { meta } = regla;
  describe(meta.id, () => {
    it("tiene al menos dos casos válidos y dos inválidos", () => {
      expect(casos.validos.length).toBeGreaterThanOrEqual(2);
      expect(casos.invalidos.length).toBeGreaterThanOrEqual(2);
    });

    it.each(casos.validos.map((c) => [c.nombre, c] as const))("válido: %s", (_nombre, caso) => {
      expect(ejecutarRegla(regla, caso.modelo, caso.config, caso.guardado)).toEqual([]);
    });

    it.each(casos.invalidos.map((c) => [c.nombre, c] as const))("inválido: %s", (_nombre, caso) => {
      const hallazgos = ejecutarRegla(regla, caso.modelo, caso.config, caso.guardado);
      expect(
        hallazgos.map((h) => ({
          regla: h.regla,
          categoria: h.categoria,
          severidad: h.severidad,
          hoja: h.hoja,
          celda: h.celda,
        })),
      ).toEqual(
        caso.hallazgos.map((e) => ({
          regla: meta.id,
          categoria: meta.categoria,
          severidad: meta.severidad,
          hoja: e.hoja ?? "PMR",
          celda: e.celda,
        })),
      );
      hallazgos.forEach((h, i) => {
        expect(h.mensaje).toContain(caso.hallazgos[i].mensaje);
        expect(HallazgoSchema.safeParse(h).success).toBe(true);
      });
      expect(new Set(hallazgos.map((h) => h.clave)).size).toBe(hallazgos.length);
    });
  });
}
