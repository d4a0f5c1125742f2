/**
 * Adaptador de Office.js (Excel): leer el libro, validar, resaltar y quitar el resaltado, ir a
 * una celda, y guardar en el libro la configuración y los demás datos del complemento (almacén).
 * Cada función que habla con Excel recibe un `ejecutar` opcional (por defecto `Excel.run`); las
 * pruebas pasan el `run` del Excel falso.
 */
export { ejecutarExcel, type AjustesDocumento, type Ejecutar } from "./contexto";
export { MENSAJES_EXCEL } from "./mensajes";
export { claveNombreHoja, hojasALeer, leerLibroConMedida, leerLibroExcel, type LecturaExcel } from "./lectura";
export {
  CLAVE_RESALTADO,
  COLORES_RESALTADO,
  FIRMA_RESALTADO,
  esFormulaDelComplemento,
  formulaResaltado,
  hayResaltadoGuardado,
  leerRegistroResaltado,
  planificarResaltado,
  quitarResaltado,
  quitarResaltadoConMedida,
  resaltarConMedida,
  resaltarHallazgos,
  type MedidaResaltado,
  type RegistroResaltado,
  type ResaltadoHoja,
} from "./resaltado";
export { irACelda } from "./navegacion";
export {
  guardarConfiguracion,
  leerConfiguracion,
  leerConfiguracionDetallada,
  recalcularFormulas,
  type LecturaConfiguracion,
} from "./configuracion";
export { crearLectorEnVivo, type CambioLeido, type LecturaEnVivo, type LectorEnVivo } from "./lecturaEnVivo";
export { puertosExcel, type MedidaValidacionExcel, type PuertosExcel } from "./validacion";
export {
  CLAVE_PROPIETARIO,
  ErrorEscrituraExcel,
  escribirLibroExcel,
  nombreConNumero,
  propositoDeMarca,
  valorPropietario,
  type HojaEscrita,
  type OpcionesEscrituraExcel,
  type ResultadoEscrituraExcel,
} from "./escritura";
export { MENSAJES_ESCRITURA_EXCEL } from "./mensajesEscritura";
export { BYTES_POR_VIAJE, crearAlmacenExcel, type AlmacenExcel, type OpcionesAlmacenExcel } from "./almacen";
export {
  ejecutarExcelEn,
  escucharCambios,
  soportaEventosDeCambio,
  type CambioHoja,
  type EjecutarEn,
  type EscuchaCambios,
} from "./eventos";
