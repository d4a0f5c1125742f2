/**
 * Textos de los mensajes de las reglas: meses, citas, listas y nombres de campo. Las cifras
 * usan el formato único de src/domain/formato.ts (el mismo del panel, la línea de comandos y los
 * informes), que se reexporta aquí para las reglas.
 */
import { NOMBRES_MES_LARGOS } from "../domain/modelo";

export { entero, moneda, numero, porcentaje, puntos } from "../domain/formato";

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

const NOMBRES_CAMPO: Record<string, string> = {
  codigoObjetivo: "Código objetivo",
  objetivo: "Objetivo",
  codigoProducto: "Código producto",
  producto: "Producto",
  tipo: "Tipo indicador",
  codigo: "Código indicador",
  nombre: "Indicador",
  unidad: "Unidad de medida",
  tendencia: "Tendencia",
  periodicidad: "Periodicidad",
  ponderacion: "Ponderación",
  lineaBase: "Línea base",
  metaPlan: "Meta plan",
  vigencia: "Vigencia",
  metaVigencia: "Meta vigencia",
  ejecutadoAnterior: "Ejecutado vigencias anteriores",
  cualitativoActual: "Avance cualitativo",
  observaciones: "Observaciones",
  programado: "Programado",
  ejecutado: "Ejecutado",
  cualitativo: "Cualitativo",
  tipoRecurso: "Tipo de recurso",
  proyecto: "Proyecto de inversión",
  apropiacion: "Apropiación vigente",
  compromisos: "Compromisos",
  compromisosAcumulados: "Compromisos acumulados",
  giros: "Giros",
  girosAcumulados: "Giros acumulados",
  codigoIndicador: "Código indicador",
  localidad: "Localidad",
};

/**
 * Nombre legible de un campo del modelo: «metaVigencia» → «Meta vigencia»;
 * «ejecutado.3» → «Ejecutado marzo». Si no se conoce, el mismo texto.
 */
export function nombreCampo(campo: string): string {
  const [base, m] = campo.split(".");
  const nombre = NOMBRES_CAMPO[base] ?? base;
  return m !== undefined && /^\d{1,2}$/.test(m) ? `${nombre} ${mes(Number(m))}` : nombre;
}

/** «O2 («Reducir la pobreza»)» o solo «O2» si no hay nombre. */
export function etiqueta(codigo: string, nombre: string | null | undefined, max = 50): string {
  const n = nombre?.trim();
  return n ? `${codigo} (${citar(n, max)})` : codigo;
}
