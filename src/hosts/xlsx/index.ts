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
