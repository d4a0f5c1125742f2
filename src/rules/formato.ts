/**
 * Textos de los mensajes de las reglas: meses, citas, listas y nombres de campo. Las cifras
 * usan el formato único de src/domain/formato.ts (el mismo del panel, la línea de comandos y los
 * informes), que se reexporta aquí para las reglas.
 */
import * as formato from "../domain/formato";
import { nombreDeCampo } from "../domain/hojas";
import { NOMBRES_MES_LARGOS } from "../domain/catalogos";

// Constantes y no `export { … } from`: así el módulo compilado las expone como propiedades y no
// como getters, que se llamarían en cada mensaje (miles por validación).
export const entero = formato.entero;
export const moneda = formato.moneda;
export const numero = formato.numero;
export const porcentaje = formato.porcentaje;
export const puntos = formato.puntos;

/** Nombre del mes (1–12) en minúsculas: 3 → «marzo». */
export function mes(m: number): string {
  return NOMBRES_MES_LARGOS[m - 1] ?? `mes ${m}`;
}

/** Texto entre comillas latinas, recortado si es largo. */
export function citar(texto: string, max = 60): string {
  const t = texto.trim();
  return `«${t.length > max ? t.slice(0, max - 1) + "…" : t}»`;
}

/** Enumeración en español: «a», «a y b», «a, b y c»; con más de `max`, «a, b, c y 4 más». */
export function lista(elementos: readonly string[], max = 5): string {
  if (elementos.length === 0) return "";
  if (elementos.length > max) {
    return `${elementos.slice(0, max).join(", ")} y ${elementos.length - max} más`;
  }
  if (elementos.length === 1) return elementos[0];
  return `${elementos.slice(0, -1).join(", ")} y ${elementos[elementos.length - 1]}`;
}

/** Lista de meses: [1, 2, 3] → «enero, febrero y marzo». */
export function meses(ms: readonly number[]): string {
  return lista(ms.map(mes), 12);
}

/**
 * Nombre legible de un campo del modelo (su encabezado canónico, del descriptor de su hoja en
 * src/domain/hojas): «metaVigencia» → «Meta vigencia»;
 * «ejecutado.3» → «Ejecutado marzo». Si no se conoce, el mismo texto.
 */
export function nombreCampo(campo: string): string {
  const [base, m] = campo.split(".");
  const nombre = nombreDeCampo(base) ?? base;
  return m !== undefined && /^\d{1,2}$/.test(m) ? `${nombre} ${mes(Number(m))}` : nombre;
}

/** «O2 («Reducir la pobreza»)» o solo «O2» si no hay nombre. */
export function etiqueta(codigo: string, nombre: string | null | undefined, max = 50): string {
  const n = nombre?.trim();
  return n ? `${codigo} (${citar(n, max)})` : codigo;
}
