/**
 * Registro de los tipos de hoja: la ÚNICA lista. El lector los busca en este orden (la PMR
 * primero: es la requerida, y una hoja ya elegida no se vuelve a usar), el modelo tiene una clave
 * por cada uno (`modelo.pmr`, `modelo.presupuesto`, `modelo.territorial`) y la plantilla los
 * escribe. Añadir un tipo de hoja: su archivo en esta carpeta y una línea aquí (docs/hojas.md).
 */
import { HOJA_PMR } from "./pmr";
import { HOJA_PRESUPUESTO } from "./presupuesto";
import { HOJA_TERRITORIAL } from "./territorial";
import type { CualquierDescriptor } from "./descriptor";

export const HOJAS = {
  pmr: HOJA_PMR,
  presupuesto: HOJA_PRESUPUESTO,
  territorial: HOJA_TERRITORIAL,
} as const;
export type IdHoja = keyof typeof HOJAS;

/** Los descriptores en el orden en que se buscan las hojas. */
export const DESCRIPTORES: readonly CualquierDescriptor[] = Object.values(HOJAS);

const NOMBRE_CAMPO = new Map<string, string>();
for (const d of DESCRIPTORES) {
  for (const [campo, def] of Object.entries(d.campos))
    if (!NOMBRE_CAMPO.has(campo)) NOMBRE_CAMPO.set(campo, def.encabezados[0]);
  for (const [serie, def] of Object.entries(d.series))
    if (!NOMBRE_CAMPO.has(serie)) NOMBRE_CAMPO.set(serie, def.prefijos[0]);
}

/**
 * Encabezado canónico de un campo o de una serie de cualquier hoja («metaVigencia» → «Meta
 * vigencia», «compromisos» → «Compromisos»); undefined si ninguna hoja lo tiene. Un mismo nombre
 * de campo significa lo mismo en todas las hojas (Código indicador, Meta vigencia…).
 */
export function nombreDeCampo(campo: string): string | undefined {
  return NOMBRE_CAMPO.get(campo);
}

export * from "./descriptor";
export * from "./pmr";
export * from "./presupuesto";
export * from "./territorial";
