export {
  leerArchivoXlsx,
  grillasDeLibro,
  grillaDeHoja,
  serialDeFecha,
  motivoPorFirma,
  ErrorLecturaLibro,
} from "./lectorXlsx";
export type { OpcionesLecturaXlsx } from "./lectorXlsx";
export { mensajeLectura, MOTIVOS_LECTURA, type MotivoLectura } from "./mensajes";
export {
  AlmacenXlsx,
  ErrorEscrituraLibro,
  SISTEMA_ARCHIVOS,
  agregarPartesXml,
  type OpcionesAlmacenXlsx,
  type SistemaArchivos,
} from "./almacenXlsx";
export { MENSAJES_ALMACEN_XLSX, MOTIVOS_ESCRITURA, mensajeEscritura, type MotivoEscritura } from "./mensajes";
