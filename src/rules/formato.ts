/**
 * Formato de cifras y textos en los mensajes de las reglas (es-CO): coma decimal, punto de
 * miles, porcentajes como «90 %». Se escribe a mano (sin Intl) para que el texto sea idéntico
 * en Node, en Excel de escritorio y en Excel para la web.
 */
import { nombreDeCampo } from "../domain/hojas";
import { NOMBRES_MES_LARGOS } from "../domain/modelo";

function conMiles(entero: string): string {
  return entero.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/**
 * Número en es-CO: 1234.5 → «1.234,5»; 0.15 → «0,15». Hasta `decimales` cifras decimales (por
 * defecto 2, o 4 para valores menores que 1), sin ceros sobrantes.
 */
export function numero(n: number, decimales?: number): string {
  if (!Number.isFinite(n)) return String(n);
  const d = decimales ?? (Math.abs(n) < 1 ? 4 : 2);
  let fijo = Math.abs(n).toFixed(d);
  // Sin ceros sobrantes al final de la fracción (ni el punto, si no queda fracción).
  const punto = fijo.indexOf(".");
  if (punto >= 0) {
    let fin = fijo.length;
    while (fin > punto + 1 && fijo.charCodeAt(fin - 1) === 48) fin--;
    fijo = fijo.slice(0, fin === punto + 1 ? punto : fin);
  }
  const corte = fijo.indexOf(".");
  const entero = corte < 0 ? fijo : fijo.slice(0, corte);
  const fraccion = corte < 0 ? "" : fijo.slice(corte + 1);
  // «-0» no existe: el signo solo si lo escrito no es cero.
  const signo = n < 0 && Number(fijo) !== 0 ? "-" : "";
  return signo + (entero.length > 3 ? conMiles(entero) : entero) + (fraccion ? "," + fraccion : "");
}

/** Fracción como porcentaje: 0.9 → «90 %»; 1.043 → «104,3 %». */
export function porcentaje(fraccion: number): string {
  return `${numero(fraccion * 100, 2)} %`;
}

/** Diferencia de fracciones en puntos porcentuales: 0.6 → «60 puntos». */
export function puntos(fraccion: number): string {
  const p = numero(Math.abs(fraccion) * 100, 2);
  return `${p} ${p === "1" ? "punto" : "puntos"}`;
}

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
