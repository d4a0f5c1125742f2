/**
 * Forma de una regla de validación (al estilo de ESLint): `meta` la describe y `revisar` va del
 * contexto (modelo, evaluación, configuración e índices construidos una vez) a los hallazgos.
 */
import type { Configuracion } from "../domain/configuracion";
import type { Categoria, Hallazgo, Severidad } from "../domain/hallazgo";
import type { IdHoja } from "../domain/hojas";
import type { ContextoReglas } from "./contexto";

/** Hoja sin la cual la regla no tiene nada que revisar (el registro no la ejecuta): un tipo de hoja del registro de hojas. */
export type HojaRequerida = IdHoja;

export interface MetaRegla {
  /** Identificador estable (forma parte de la clave de cada hallazgo). */
  id: string;
  categoria: Categoria;
  severidad: Severidad;
  /** Qué revisa, en una frase. */
  descripcion: string;
  /** Un mensaje de ejemplo, tal como lo leerá el analista (se genera con la misma plantilla). */
  mensaje: string;
  /**
   * Lo que la regla espera encontrar en un libro correcto, en una frase («Suma, Creciente,
   * Constante o Decreciente»). El panel lo muestra junto al valor actual de la celda.
   */
  esperado?: string;
  comoCorregir: string;
  /** La regla solo se ejecuta cuando existe esta hoja. Sin valor: siempre. */
  requiere?: HojaRequerida;
  /** Ajustes de la configuración que usa. */
  configuracion?: readonly (keyof Configuracion)[];
  /** Definición exacta cuando no es evidente (se publica en docs/reglas.md). */
  detalle?: string;
}

export interface Regla {
  meta: MetaRegla;
  revisar(ctx: ContextoReglas): Hallazgo[];
}

/** Define una regla: `revisar` recibe el contexto y la propia `meta` (para construir hallazgos). */
export function definirRegla(meta: MetaRegla, revisar: (ctx: ContextoReglas, meta: MetaRegla) => Hallazgo[]): Regla {
  return { meta, revisar: (ctx) => revisar(ctx, meta) };
}
