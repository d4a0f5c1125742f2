/**
 * Cierre en Excel (PMR-SPEC §6.2): el caso de uso «sellar» con el libro abierto (lector de
 * Office.js) y el almacén de Excel (partes XML personalizadas, ExcelApi 1.5), y la lectura de los
 * sellos guardados para la sección Cierre del panel.
 */
import { sellar, type OpcionesSellado, type ResultadoSellado } from "../../casos/sellar";
import { RANURA_SELLOS, type LecturaRanura } from "../../workbook/almacen";
import type { Sellos } from "../../domain/sellos";
import { crearAlmacenExcel } from "./almacen";
import { ejecutarExcel, type Ejecutar } from "./contexto";
import { leerLibroExcel } from "./lectura";

/** Sella los meses 1..mes del libro abierto. Rechaza con ErrorSellado / ErrorAlmacen (en español) si no se puede. */
export function sellarEnExcel(
  opciones: OpcionesSellado,
  ejecutar: Ejecutar = ejecutarExcel,
): Promise<ResultadoSellado> {
  return sellar({ leerLibro: () => leerLibroExcel(ejecutar), almacen: crearAlmacenExcel({ ejecutar }) }, opciones);
}

/** Los sellos guardados en el libro abierto (con los problemas si no se pudieron leer). */
export function leerSellosExcel(ejecutar: Ejecutar = ejecutarExcel): Promise<LecturaRanura<Sellos>> {
  return crearAlmacenExcel({ ejecutar }).leer(RANURA_SELLOS);
}
