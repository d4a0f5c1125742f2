/**
 * El archivo de configuración de `--config` (JSON con las claves de la configuración), el mismo
 * para `pmr validar` y `pmr consolidar`: se lee, se comprueba que sea un objeto JSON y se valida
 * junto con --corte y --vigencia (que mandan sobre el archivo). Cada error es una oración en
 * español que nombra el archivo.
 */
import { promises as fs } from "node:fs";
import { validarConfiguracion, type Configuracion } from "../domain/configuracion";
import { ERRORES } from "./mensajes";

export class ErrorArchivoConfiguracion extends Error {}

/** Lee el archivo de configuración (JSON con las claves de ConfiguracionSchema). */
export async function leerArchivoConfiguracion(ruta: string): Promise<Record<string, unknown>> {
  let texto: string;
  try {
    texto = await fs.readFile(ruta, "utf8");
  } catch (e) {
    const codigo = (e as { code?: string }).code;
    throw new ErrorArchivoConfiguracion(
      codigo === "ENOENT" || codigo === "ENOTDIR" ? ERRORES.configNoExiste(ruta) : ERRORES.configIlegible(ruta),
    );
  }
  let datos: unknown;
  try {
    datos = JSON.parse(texto.replace(/^\uFEFF/, ""));
  } catch {
    throw new ErrorArchivoConfiguracion(ERRORES.configNoJson(ruta));
  }
  if (datos === null || typeof datos !== "object" || Array.isArray(datos))
    throw new ErrorArchivoConfiguracion(ERRORES.configNoObjeto(ruta));
  return datos as Record<string, unknown>;
}

/**
 * La configuración pedida: el archivo (si hay) con --corte y --vigencia encima, ya validada. Lanza
 * ErrorArchivoConfiguracion con el mensaje para el usuario.
 */
export async function configuracionPedida(o: {
  config: string | null;
  corte: number | null;
  vigencia: number | null;
}): Promise<{ datos: Record<string, unknown>; configuracion: Configuracion }> {
  const datos = o.config === null ? {} : await leerArchivoConfiguracion(o.config);
  if (o.corte !== null) datos.corte = o.corte;
  if (o.vigencia !== null) datos.vigencia = o.vigencia;
  const conf = validarConfiguracion(datos);
  if (!conf.ok)
    throw new ErrorArchivoConfiguracion(
      o.config === null ? ERRORES.argumentosInvalidos(conf.errores) : ERRORES.configInvalida(o.config, conf.errores),
    );
  return { datos, configuracion: conf.configuracion };
}
