/** Enlace de React con el almacén compartido del panel. */
import { useSyncExternalStore } from "react";
import { almacenPanel, obtenerAcciones, type AccionesPanel, type EstadoPanel } from "./estado";

/** Estado del panel; el componente se vuelve a pintar cuando cambia. */
export function useEstadoPanel(): EstadoPanel {
  const almacen = almacenPanel();
  return useSyncExternalStore(almacen.suscribir, almacen.obtener, almacen.obtener);
}

/** Las acciones registradas por index.tsx (siempre existen cuando el panel está montado). */
export function useAcciones(): AccionesPanel {
  const acciones = obtenerAcciones();
  if (!acciones) throw new Error("PMR: las acciones del panel no están registradas.");
  return acciones;
}
