/**
 * ¿Es un formato de número de fecha u hora? Excel guarda una fecha como un número (días desde
 * 1900 o 1904) y solo el formato la muestra como fecha: en una columna de cifras, un número con
 * formato de fecha casi siempre es una fecha escrita donde iba una cifra.
 */

/** Días entre el 30/12/1899 (día 0 del sistema 1900, con el 29/02/1900 que Excel cuenta) y el 01/01/1904. */
const DIAS_1904 = 1462;
const MS_POR_DIA = 86_400_000;
/** 31/12/9999, la última fecha de Excel. */
const SERIAL_MAXIMO = 2_958_465;

/** ¿El código de formato muestra fechas u horas (d, m, a/y, h, s fuera de textos y corchetes)? */
export function esFormatoFecha(codigo: unknown): boolean {
  if (typeof codigo !== "string" || codigo === "" || codigo === "General") return false;
  let t = codigo
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "");
  if (/\[(?:h+|m+|s+)\]/i.test(t)) return true; // tiempo transcurrido: [h]:mm
  t = t.replace(/\[[^\]]*\]/g, "").replace(/general/gi, "");
  return /[dmyhsb]/i.test(t.replace(/e[+-]/gi, ""));
}

/** Número de serie de Excel → «31/01/2025»; null si no es una fecha de Excel. */
export function fechaDeSerial(serial: number, fecha1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > SERIAL_MAXIMO) return null;
  const dias = Math.floor(serial);
  if (!fecha1904 && dias === 60) return "29/02/1900"; // el día que Excel cuenta y no existió
  // Antes del 01/03/1900, el sistema 1900 va un día adelantado (por ese 29/02 ficticio).
  const desde1899 = fecha1904 ? dias + DIAS_1904 : dias < 60 ? dias + 1 : dias;
  const d = new Date(Date.UTC(1899, 11, 30) + desde1899 * MS_POR_DIA);
  const dd = String(d.getUTCDate()).padStart(2, "0");
  const mm = String(d.getUTCMonth() + 1).padStart(2, "0");
  return `${dd}/${mm}/${d.getUTCFullYear()}`;
}
