/** Puerto de escritura de hojas: descripción pura, invariantes, plan común y ayudas para armarla. */
export * from "./descripcion";
export * from "./constructor";
export {
  comprobarDescripcion,
  ErrorDescripcion,
  LIMITE_CELDAS_HOJA,
  nombreTablaValido,
  problemasDescripcion,
  problemasHoja,
  problemasNombreHoja,
} from "./invariantes";
export { anchoEnPuntos, FORMATO_TEXTO, formatoNumeroEfectivo, planificarBloques, type BloquePlan } from "./plan";
export { leerColumnas, leerRango, referenciaHoja, textoRango, textoRangoAbsoluto, type Rect } from "./rangos";
export { MENSAJES_DESCRIPCION } from "./mensajes";
