/** «Ir a la celda» de un hallazgo: activa la hoja y selecciona la celda, en un solo viaje a Excel. */
import { codigoError, detalleError, ejecutarExcel, sincronizar, type Ejecutar } from "./contexto";
import { MENSAJES_EXCEL } from "./mensajes";
import { leerRectangulo } from "./resaltado";

/**
 * Activa la hoja `hoja` y selecciona `celda` (una celda, «B12», o un rango, «K12:K15»).
 * Rechaza con un Error en español si la hoja ya no existe o la dirección no es válida.
 */
export async function irACelda(hoja: string, celda: string, ejecutar: Ejecutar = ejecutarExcel): Promise<void> {
  const rect = leerRectangulo(celda);
  if (!rect) throw new Error(MENSAJES_EXCEL.celdaNoValida(celda));
  const direccion = String(celda).trim().replace(/^.*!/, "").replace(/\$/g, "").toUpperCase();
  try {
    await ejecutar(async (context) => {
      const hojaExcel = context.workbook.worksheets.getItem(hoja);
      hojaExcel.activate();
      hojaExcel.getRange(direccion).select();
      await sincronizar(context, { syncs: 0 });
    });
  } catch (error) {
    if (codigoError(error) === "ItemNotFound") throw new Error(MENSAJES_EXCEL.hojaNoExiste(hoja));
    throw new Error(MENSAJES_EXCEL.noSePudoIrACelda(hoja, direccion, detalleError(error)));
  }
}
