/**
 * Configuración de cálculo y validación guardada EN el libro (`Office.context.document.settings`,
 * clave CLAVE_CONFIGURACION, texto JSON), para que umbrales y corte viajen con el archivo. Las
 * funciones =PMR.* leen la misma clave.
 */
import {
  CLAVE_CONFIGURACION,
  interpretarConfiguracionGuardada,
  validarConfiguracion,
  type Configuracion,
} from "../../domain";
import {
  ajustesDelDocumento,
  detalleError,
  ejecutarExcel,
  guardarAjustes,
  sincronizar,
  type AjustesDocumento,
  type Ejecutar,
} from "./contexto";
import { MENSAJES_EXCEL } from "./mensajes";

export interface LecturaConfiguracion {
  configuracion: Configuracion;
  /** Por qué no se pudo usar lo guardado (vacío si no había nada o si era válido). */
  errores: string[];
}

/** Lee la configuración del libro y dice qué estaba mal si lo guardado no era válido. Nunca lanza. */
export function leerConfiguracionDetallada(
  ajustes: AjustesDocumento | null = ajustesDelDocumento(),
): LecturaConfiguracion {
  let crudo: unknown;
  try {
    crudo = ajustes?.get(CLAVE_CONFIGURACION);
  } catch {
    crudo = null;
  }
  return interpretarConfiguracionGuardada(crudo);
}

/** La configuración del libro; si falta o no es válida, la configuración por defecto. Nunca lanza. */
export function leerConfiguracion(ajustes: AjustesDocumento | null = ajustesDelDocumento()): Configuracion {
  return leerConfiguracionDetallada(ajustes).configuracion;
}

/** Valida y guarda la configuración en el libro (`settings.set` + `saveAsync`). */
export async function guardarConfiguracion(
  configuracion: Configuracion,
  ajustes: AjustesDocumento | null = ajustesDelDocumento(),
): Promise<void> {
  const r = validarConfiguracion(configuracion);
  if (!r.ok) throw new Error(MENSAJES_EXCEL.configuracionNoValida(r.errores));
  if (!ajustes) throw new Error(MENSAJES_EXCEL.sinDocumento);
  try {
    ajustes.set(CLAVE_CONFIGURACION, JSON.stringify(r.configuracion));
    await guardarAjustes(ajustes);
  } catch (error) {
    throw new Error(MENSAJES_EXCEL.configuracionNoGuardada(detalleError(error)));
  }
}

/**
 * Pide a Excel un recálculo completo (`application.calculate(Full)`, ExcelApi 1.1), en un viaje.
 * Las funciones =PMR.* no son volátiles: después de guardar una configuración nueva, sus celdas
 * solo muestran los umbrales nuevos si Excel las vuelve a calcular, y un recálculo normal no lo
 * hace (para Excel no cambió ninguna celda de la que dependan). Rechaza con un Error en español.
 */
export async function recalcularFormulas(ejecutar: Ejecutar = ejecutarExcel): Promise<void> {
  try {
    await ejecutar(async (context) => {
      context.workbook.application.calculate(Excel.CalculationType.full);
      await sincronizar(context, { syncs: 0 });
    });
  } catch (error) {
    throw new Error(MENSAJES_EXCEL.recalculoFallido(detalleError(error)));
  }
}
