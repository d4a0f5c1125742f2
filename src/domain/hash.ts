/**
 * cyrb53: hash de 53 bits, rápido y sin dependencias (funciona igual en Node y en Excel). No es
 * criptográfico: identifica un hallazgo entre ejecuciones (su clave) y sirve de huella para
 * saber si un texto guardado en el libro cambió o quedó incompleto.
 */
/**
 * `Math.imul` en una constante del módulo: dentro de un contexto `vm` de Node (jest) cada lectura
 * del global `Math` pasa por un interceptor y el bucle se vuelve cien veces más lento; en el
 * navegador y en Node da igual.
 */
const imul = Math.imul;

export function cyrb53(texto: string, semilla = 0): string {
  let h1 = 0xdeadbeef ^ semilla;
  let h2 = 0x41c6ce57 ^ semilla;
  for (let i = 0; i < texto.length; i++) {
    const c = texto.charCodeAt(i);
    h1 = imul(h1 ^ c, 2654435761);
    h2 = imul(h2 ^ c, 1597334677);
  }
  h1 = imul(h1 ^ (h1 >>> 16), 2246822507) ^ imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = imul(h2 ^ (h2 >>> 16), 2246822507) ^ imul(h1 ^ (h1 >>> 13), 3266489909);
  // Los 53 bits (21 de h2 y 32 de h1) en 14 cifras hexadecimales, con ceros a la izquierda. Se
  // escriben a mano: Number#toString(16) de un número de 53 bits es unas diez veces más lento, y
  // con miles de hallazgos se nota.
  return hex32(2097151 & h2).slice(2) + hex32(h1);
}

/** "00" … "ff": cada byte en dos cifras hexadecimales. */
const HEX2 = Array.from({ length: 256 }, (_, i) => (i < 16 ? "0" : "") + i.toString(16));

/** Los 32 bits de `v` como 8 cifras hexadecimales. */
function hex32(v: number): string {
  return HEX2[(v >>> 24) & 255] + HEX2[(v >>> 16) & 255] + HEX2[(v >>> 8) & 255] + HEX2[v & 255];
}
