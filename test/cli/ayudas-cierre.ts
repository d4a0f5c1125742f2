/**
 * Ayudas de las pruebas del cierre: editar el XML de una hoja de un .xlsx como lo haría alguien a
 * mano (solo cambia esa parte del zip: las demás se copian con sus bytes comprimidos), y entorno
 * de la línea de comandos que guarda lo escrito.
 */
import JSZip from "jszip";
import type { Entorno } from "../../src/cli/main";

/** Cada entrada se vuelve a escribir con su propio método, para copiar sus bytes sin recomprimir. */
function conservarCompresion(zip: JSZip): void {
  zip.forEach((_ruta, f) => {
    const datos = (f as unknown as { _data?: { compression?: { magic?: string } } })._data;
    const magia = datos?.compression?.magic;
    const opciones = f.options as { compression?: string | null };
    if (opciones.compression) return;
    if (magia === "\x00\x00") opciones.compression = "STORE";
    else if (magia === "\x08\x00") opciones.compression = "DEFLATE";
  });
}

/** El .xlsx con la parte `parte` cambiada por `editar` (las demás partes quedan iguales, byte a byte). */
export async function editarParte(xlsx: Buffer, parte: string, editar: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const f = zip.file(parte);
  if (!f) throw new Error(`el libro no tiene ${parte}`);
  const antes = await f.async("string");
  const despues = editar(antes);
  if (despues === antes) throw new Error(`la edición no cambió ${parte}`);
  conservarCompresion(zip);
  zip.file(parte, despues, { compression: "DEFLATE" });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Cambia el número de una celda (`<c r="AG7" …><v>…</v></c>`) en el XML de una hoja. */
export function ponerNumero(xml: string, celda: string, valor: number): string {
  const re = new RegExp(`(<c r="${celda}"[^>]*>)<v>[^<]*</v>(</c>)`);
  if (!re.test(xml)) throw new Error(`la hoja no tiene un número en ${celda}`);
  return xml.replace(re, `$1<v>${valor}</v>$2`);
}

/** Intercambia el contenido de dos filas (las celdas cambian de número de fila). */
export function intercambiarFilas(xml: string, a: number, b: number): string {
  const fila = (n: number) => new RegExp(`<row r="${n}"([^>]*)>([\\s\\S]*?)</row>`);
  const ma = fila(a).exec(xml);
  const mb = fila(b).exec(xml);
  if (!ma || !mb) throw new Error("fila no encontrada");
  const renumerar = (contenido: string, de: number, a2: number) =>
    contenido.replace(new RegExp(`r="([A-Z]+)${de}"`, "g"), `r="$1${a2}"`);
  const nuevaA = `<row r="${a}"${ma[1]}>${renumerar(mb[2], b, a)}</row>`;
  const nuevaB = `<row r="${b}"${mb[1]}>${renumerar(ma[2], a, b)}</row>`;
  return xml.replace(ma[0], "\u0000A").replace(mb[0], "\u0000B").replace("\u0000A", nuevaA).replace("\u0000B", nuevaB);
}

export function entornoPrueba(): Entorno & { salida(): string; errores(): string } {
  let out = "";
  let err = "";
  return {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    env: {},
    salida: () => out,
    errores: () => err,
  };
}
