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
