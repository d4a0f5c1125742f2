/**
 * Piezas comunes del adaptador de Office.js: cómo se abre un lote (`Excel.run` o, en las pruebas,
 * el `run` del Excel falso), cómo se cuentan los viajes a Excel (`context.sync()`), la
 * configuración del documento (`Office.context.document.settings`) y los errores de Office.
 *
 * Nada de este módulo toca los globales `Excel` u `Office` al importarse: solo cuando se llama.
 */
import { MENSAJES_EXCEL } from "./mensajes";

/** Abre un lote de Office.js: `Excel.run` en Excel; el `run` del libro falso en las pruebas. */
export type Ejecutar = <T>(lote: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** `Excel.run`, resuelto al llamar (no al importar), para que el módulo cargue fuera de Excel. */
export const ejecutarExcel: Ejecutar = (lote) => Excel.run(lote);

/** Cuenta los `context.sync()` de una operación (cada uno es un viaje de ida y vuelta a Excel). */
export interface ContadorSyncs {
  syncs: number;
}

export async function sincronizar(context: Excel.RequestContext, contador: ContadorSyncs): Promise<void> {
  contador.syncs++;
  await context.sync();
}

/** Lo que el adaptador usa de `Office.Settings` (la configuración guardada en el libro). */
export type AjustesDocumento = Pick<Office.Settings, "get" | "set" | "remove" | "saveAsync">;

/** `Office.context.document.settings`, o null fuera de Office (página abierta en un navegador, Node). */
export function ajustesDelDocumento(): AjustesDocumento | null {
  const office = (globalThis as { Office?: typeof Office }).Office;
  try {
    return office?.context?.document?.settings ?? null;
  } catch {
    return null;
  }
}

/** `settings.saveAsync` como promesa; rechaza con un Error cuyo mensaje viene de Office. */
export function guardarAjustes(ajustes: AjustesDocumento): Promise<void> {
  return new Promise<void>((resolver, rechazar) => {
    ajustes.saveAsync((resultado: Office.AsyncResult<void>) => {
      if (String(resultado.status) === "failed") {
        rechazar(new Error(resultado.error?.message || MENSAJES_EXCEL.errorDesconocido));
      } else {
        resolver();
      }
    });
  });
}

/** ¿El Excel donde corre el complemento soporta ExcelApi `version`? Fuera de Office se supone que sí. */
export function soportaExcelApi(version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  try {
    const requisitos = office?.context?.requirements;
    if (!requisitos || typeof requisitos.isSetSupported !== "function") return true;
    return requisitos.isSetSupported("ExcelApi", version);
  } catch {
    return true;
  }
}

/** Código de un error de Office.js (`OfficeExtension.Error.code`), p. ej. "ItemNotFound". */
export function codigoError(error: unknown): string | null {
  if (error && typeof error === "object" && "code" in error) {
    const codigo = (error as { code: unknown }).code;
    return typeof codigo === "string" ? codigo : null;
  }
  return null;
}

/** Texto de un error cualquiera, para mostrarlo dentro de un mensaje en español. */
export function detalleError(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === "string" && error) return error;
  return MENSAJES_EXCEL.errorDesconocido;
}
