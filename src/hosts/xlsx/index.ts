export { leerArchivoXlsx, motivoPorFirma, ErrorLecturaLibro, TAMANO_MAXIMO } from "./lectorXlsx";
export type { OpcionesLecturaXlsx } from "./lectorXlsx";
export {
  leerLibroXlsx,
  DESCOMPRIMIDO_MAXIMO,
  CELDAS_MAXIMAS,
  FILAS_EXCEL,
  COLUMNAS_EXCEL,
  type OpcionesLibroXlsx,
} from "./libroXlsx";
export { grillasDeLibro, grillaDeHoja, serialDeFecha, NODOS_IGNORADOS } from "./grillaExcelJs";
export { mensajeLectura, MOTIVOS_LECTURA, type MotivoLectura } from "./mensajes";
export {
  ErrorEscrituraXlsx,
  escribirLibroXlsx,
  type OpcionesEscrituraXlsx,
  type ResultadoEscrituraXlsx,
} from "./escrituraXlsx";
export { agregarGraficos, xmlDibujo, xmlGrafico } from "./graficosXlsx";
export { MENSAJES_ESCRITURA_XLSX } from "./mensajesEscritura";
export {
  AlmacenXlsx,
  ErrorEscrituraLibro,
  SISTEMA_ARCHIVOS,
  agregarPartesXml,
  type OpcionesAlmacenXlsx,
  type SistemaArchivos,
} from "./almacenXlsx";
export { MENSAJES_ALMACEN_XLSX, MOTIVOS_ESCRITURA, mensajeEscritura, type MotivoEscritura } from "./mensajes";
