/**
 * La solicitud de «Crear plantilla» que deja el botón de la cinta (o la pantalla de bloqueo) para
 * el panel: vive en globalThis, como el almacén del panel, porque los comandos y el panel
 * comparten la página pero son paquetes distintos. Sin importaciones: el paquete de los comandos
 * queda pequeño.
 */
export type Solicitud = "crear-plantilla";

interface Compartido {
  solicitud: Solicitud | null;
  oyentes: Set<() => void>;
}

const CLAVE = Symbol.for("pmr.panel.plantilla");

function compartido(): Compartido {
  const g = globalThis as unknown as Record<symbol, Compartido | undefined>;
  let c = g[CLAVE];
  if (!c) g[CLAVE] = c = { solicitud: null, oyentes: new Set() };
  return c;
}

/** El botón de la cinta (o la pantalla de bloqueo) pide crear la plantilla. */
export function solicitar(s: Solicitud): void {
  const c = compartido();
  c.solicitud = s;
  for (const o of [...c.oyentes]) o();
}

/** Toma la solicitud pendiente (una sola vez). */
export function tomarSolicitud(): Solicitud | null {
  const c = compartido();
  const s = c.solicitud;
  c.solicitud = null;
  return s;
}

export function escucharSolicitudes(oyente: () => void): () => void {
  const c = compartido();
  c.oyentes.add(oyente);
  return () => c.oyentes.delete(oyente);
}
