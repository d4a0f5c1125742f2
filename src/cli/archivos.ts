/**
 * Escritura de los archivos que produce `pmr` (informes, plantillas, consolidados, hallazgos
 * exportados), en un solo lugar: siempre un temporal en la misma carpeta y después el nombre
 * final, así nunca queda un archivo a medias.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";

function temporalJunto(ruta: string): string {
  return path.join(path.dirname(path.resolve(ruta)), `.${path.basename(ruta)}.${process.pid}.${Date.now()}.tmp`);
}

/**
 * Escribe un archivo nuevo sin reemplazar nunca uno que exista: si la ruta ya existe (o aparece
 * mientras se escribe), lanza el error del sistema con código EEXIST y no toca nada.
 */
export async function escribirArchivoNuevo(ruta: string, datos: Uint8Array | string): Promise<void> {
  const temporal = temporalJunto(ruta);
  try {
    await fs.writeFile(temporal, datos, { flag: "wx" });
    // link falla si la ruta final existe: a diferencia de rename, nunca reemplaza.
    await fs.link(temporal, ruta);
  } finally {
    await fs.rm(temporal, { force: true });
  }
}

/** ¿Existe algo (archivo, carpeta o enlace) en esa ruta? */
export async function existe(ruta: string): Promise<boolean> {
  try {
    await fs.lstat(ruta);
    return true;
  } catch {
    return false;
  }
}
