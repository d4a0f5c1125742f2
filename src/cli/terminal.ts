/**
 * Lo que llega a la terminal sale sin caracteres de control: un texto del libro (un nombre, un
 * código, una hoja) puede traer un ESC (`_x001B_` en el archivo) que cambiaría colores o el título
 * de la terminal, o un salto de línea que partiría una fila de una tabla. Se muestran con su
 * símbolo visible (␛, ␊, ␉…) y los de formato bidireccional como «�». Solo se cambia lo que se
 * imprime: los valores del modelo y del JSON son los del libro.
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function visible(c: string): string {
  const k = c.charCodeAt(0);
  if (k < 0x20) return String.fromCharCode(0x2400 + k); // ␀ … ␟
  if (k === 0x7f) return "\u2421"; // ␡
  return "\ufffd";
}

/** El texto con cada carácter de control cambiado por uno visible. */
export function textoVisible(s: string): string {
  CONTROL.lastIndex = 0;
  return CONTROL.test(s) ? s.replace(CONTROL, visible) : s;
}

const NO_ASCII_PELIGROSO = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]/g;

/**
 * JSON ya serializado con los caracteres de control que JSON.stringify deja pasar (DEL, C1,
 * bidireccionales) escritos como \uXXXX: el mismo JSON (los mismos valores) sin nada que la
 * terminal interprete.
 */
export function jsonVisible(json: string): string {
  NO_ASCII_PELIGROSO.lastIndex = 0;
  if (!NO_ASCII_PELIGROSO.test(json)) return json;
  return json.replace(NO_ASCII_PELIGROSO, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
