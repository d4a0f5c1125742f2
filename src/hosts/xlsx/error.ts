/** El error de lectura de un libro .xlsx: un motivo y un mensaje en español de una línea. */
import { mensajeLectura, type MotivoLectura } from "./mensajes";

export class ErrorLecturaLibro extends Error {
  readonly motivo: MotivoLectura;
  readonly archivo: string;
  /** `causa`: el error original (de JSZip, del XML o del sistema de archivos), para depurar. */
  constructor(archivo: string, motivo: MotivoLectura, causa?: unknown, detalle?: string) {
    super(mensajeLectura(archivo, motivo, detalle), causa === undefined ? undefined : { cause: causa });
    this.name = "ErrorLecturaLibro";
    this.motivo = motivo;
    this.archivo = archivo;
  }
}
