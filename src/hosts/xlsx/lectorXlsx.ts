/**
 * Lector de archivos .xlsx para la línea de comandos y las pruebas: la envoltura de Node del
 * lector sin Node (libroXlsx.ts, que documenta las equivalencias con Office.js). Aquí solo se
 * comprueba el archivo ANTES de leerlo, para que ninguna entrada cuelgue ni llene la memoria:
 *
 * - que exista y sea un archivo común (no una carpeta, un dispositivo como /dev/zero ni una
 *   tubería sin quien escriba: se mira con `stat`, que no abre el archivo);
 * - que no pase del tamaño máximo (`tamanoMaximo`, por omisión TAMANO_MAXIMO); se lee como
 *   mucho ese tamaño aunque el archivo crezca mientras tanto;
 * - su firma: zip (.xlsx), OLE (.xls o .xlsx cifrado) u otra cosa.
 *
 * Lo que no se puede abrir se informa con ErrorLecturaLibro y un mensaje en español de una línea.
 */
import { promises as fs } from "node:fs";
import type { LibroGrillas } from "../../workbook/grilla";
import { ErrorLecturaLibro } from "./error";
import { leerLibroXlsx, type OpcionesLibroXlsx } from "./libroXlsx";
import { DETALLES_LECTURA, NOMBRE_LIBRO_EN_MEMORIA, type MotivoLectura } from "./mensajes";

export { ErrorLecturaLibro } from "./error";

/** Tamaño máximo por omisión de un archivo: 256 MB (un libro de 500 000 indicadores pesa unos 140 MB). */
export const TAMANO_MAXIMO = 256 * 1024 * 1024;

export interface OpcionesLecturaXlsx extends Omit<OpcionesLibroXlsx, "nombre"> {
  /** Cómo nombrar el libro en los mensajes (por defecto, la ruta tal como se recibió). */
  nombre?: string;
  /** Tamaño máximo del archivo en bytes. */
  tamanoMaximo?: number;
}

const FIRMA_ZIP = [0x50, 0x4b]; // «PK»
const FIRMA_OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Nombre del flujo que Office pone en los libros cifrados («EncryptionInfo» en UTF-16LE). */
const MARCA_CIFRADO = Buffer.from("EncryptionInfo", "utf16le");

function empiezaCon(buf: Uint8Array, firma: readonly number[]): boolean {
  if (buf.length < firma.length) return false;
  for (let i = 0; i < firma.length; i++) if (buf[i] !== firma[i]) return false;
  return true;
}

/** Por qué un contenido no es un .xlsx, mirando su firma; null si parece un .xlsx (zip). */
export function motivoPorFirma(buf: Buffer): MotivoLectura | null {
  if (buf.length === 0) return "vacio";
  if (empiezaCon(buf, FIRMA_OLE)) return buf.includes(MARCA_CIFRADO) ? "cifrado" : "xls";
  if (!empiezaCon(buf, FIRMA_ZIP)) return "no-xlsx";
  return null;
}

/** Motivo de lectura de un error del sistema de archivos (también lo usa el almacén). */
export function motivoDeErrorFs(e: unknown): MotivoLectura {
  const codigo = (e as { code?: string } | null)?.code;
  if (codigo === "ENOENT" || codigo === "ENOTDIR") return "no-existe";
  if (codigo === "EISDIR") return "carpeta";
  if (codigo === "EACCES" || codigo === "EPERM") return "sin-permiso";
  return "otro";
}

/** Lee como mucho `maximo + 1` bytes de un archivo común ya comprobado. */
async function leerAcotado(ruta: string, nombre: string, maximo: number): Promise<Buffer> {
  let archivo: fs.FileHandle;
  try {
    archivo = await fs.open(ruta, "r");
  } catch (e) {
    throw new ErrorLecturaLibro(nombre, motivoDeErrorFs(e), e);
  }
  try {
    const { size } = await archivo.stat();
    const tope = Math.min(size, maximo) + 1;
    const buf = Buffer.allocUnsafe(tope);
    let leidos = 0;
    while (leidos < tope) {
      const { bytesRead } = await archivo.read(buf, leidos, tope - leidos, leidos);
      if (bytesRead === 0) break;
      leidos += bytesRead;
    }
    if (leidos > maximo)
      throw new ErrorLecturaLibro(
        nombre,
        "demasiado-grande",
        undefined,
        DETALLES_LECTURA.tamano(Math.max(size, leidos), maximo),
      );
    return buf.subarray(0, leidos);
  } catch (e) {
    if (e instanceof ErrorLecturaLibro) throw e;
    throw new ErrorLecturaLibro(nombre, motivoDeErrorFs(e), e);
  } finally {
    await archivo.close();
  }
}

/**
 * Los bytes de un .xlsx del disco con las comprobaciones de antes de leer: archivo común (una
 * tubería o un dispositivo no se abren), tamaño máximo, firma de .xlsx. Los usan la lectura de
 * las hojas y el almacén del complemento, para leer el archivo una sola vez.
 */
export async function leerBytesXlsx(
  ruta: string,
  opciones: Pick<OpcionesLecturaXlsx, "nombre" | "tamanoMaximo"> = {},
): Promise<Buffer> {
  const nombre = opciones.nombre ?? ruta;
  const maximo = opciones.tamanoMaximo ?? TAMANO_MAXIMO;
  let datos;
  try {
    // stat no abre el archivo: una tubería sin quien escriba no cuelga la lectura.
    datos = await fs.stat(ruta);
  } catch (e) {
    throw new ErrorLecturaLibro(nombre, motivoDeErrorFs(e), e);
  }
  if (datos.isDirectory()) throw new ErrorLecturaLibro(nombre, "carpeta");
  if (!datos.isFile()) throw new ErrorLecturaLibro(nombre, "no-regular");
  if (datos.size > maximo)
    throw new ErrorLecturaLibro(nombre, "demasiado-grande", undefined, DETALLES_LECTURA.tamano(datos.size, maximo));
  const contenido = await leerAcotado(ruta, nombre, maximo);
  const motivo = motivoPorFirma(contenido);
  if (motivo) throw new ErrorLecturaLibro(nombre, motivo);
  return contenido;
}

/** Lee un archivo .xlsx (ruta o contenido en memoria) y devuelve las grillas de sus hojas. */
export async function leerArchivoXlsx(
  origen: string | Buffer,
  opciones: OpcionesLecturaXlsx = {},
): Promise<LibroGrillas> {
  const nombre = opciones.nombre ?? (typeof origen === "string" ? origen : NOMBRE_LIBRO_EN_MEMORIA);
  const maximo = opciones.tamanoMaximo ?? TAMANO_MAXIMO;
  if (typeof origen === "string") return leerLibroXlsx(await leerBytesXlsx(origen, opciones), { ...opciones, nombre });
  const contenido = origen;
  if (contenido.length > maximo)
    throw new ErrorLecturaLibro(
      nombre,
      "demasiado-grande",
      undefined,
      DETALLES_LECTURA.tamano(contenido.length, maximo),
    );
  const motivo = motivoPorFirma(contenido);
  if (motivo) throw new ErrorLecturaLibro(nombre, motivo);
  return leerLibroXlsx(contenido, { ...opciones, nombre });
}
