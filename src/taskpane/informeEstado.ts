/**
 * Estado compartido de «Generar informe» y «Generar anexo» (panel y cinta). Como el del panel
 * (estado.ts), vive en globalThis: el botón de la cinta, en otro paquete de la misma página, pide
 * el informe y el panel muestra la pregunta de reemplazo y el resultado. Solo tipos y el almacén:
 * el paquete de los comandos lo incluye y debe quedar pequeño.
 */
import { crearAlmacen, type Almacen } from "./estado";

export type TipoDocumentoPanel = "informe" | "anexo";

export interface EstadoInforme {
  /** Lo que se está generando; null si nada. */
  ocupado: TipoDocumentoPanel | null;
  /** Hojas del complemento que se reemplazarían: se espera la respuesta del analista. */
  pregunta: { tipo: TipoDocumentoPanel; hojas: readonly string[] } | null;
  /** Lo último que se escribió (o se canceló). */
  resultado: { tipo: TipoDocumentoPanel; hojas: readonly string[]; reemplazadas: number; cancelado: boolean } | null;
  error: string | null;
}

export const ESTADO_INFORME_INICIAL: EstadoInforme = Object.freeze({
  ocupado: null,
  pregunta: null,
  resultado: null,
  error: null,
});

export interface AccionesInforme {
  /** Genera el documento y escribe sus hojas en el libro abierto (pregunta antes de reemplazar). */
  generar(tipo: TipoDocumentoPanel): Promise<void>;
  /** Respuesta a la pregunta de reemplazo. */
  responder(reemplazar: boolean): void;
  /** Botón de la cinta: abre el panel (pestaña Resumen) y genera. */
  desdeCinta(tipo: TipoDocumentoPanel): Promise<void>;
}

interface CompartidoInforme {
  almacen: Almacen<EstadoInforme>;
  acciones: AccionesInforme | null;
}

const CLAVE = Symbol.for("pmr.panel.informe");

function compartido(): CompartidoInforme {
  const g = globalThis as unknown as Record<symbol, CompartidoInforme | undefined>;
  let c = g[CLAVE];
  if (!c) {
    c = { almacen: crearAlmacen<EstadoInforme>(ESTADO_INFORME_INICIAL), acciones: null };
    g[CLAVE] = c;
  }
  return c;
}

export function almacenInforme(): Almacen<EstadoInforme> {
  return compartido().almacen;
}

/** Registra las acciones (la primera registrada queda). */
export function registrarAccionesInforme(acciones: AccionesInforme): AccionesInforme {
  const c = compartido();
  c.acciones ??= acciones;
  return c.acciones;
}

export function obtenerAccionesInforme(): AccionesInforme | null {
  return compartido().acciones;
}

/** Solo para pruebas. */
export function reiniciarEstadoInforme(): void {
  const g = globalThis as unknown as Record<symbol, CompartidoInforme | undefined>;
  delete g[CLAVE];
}
