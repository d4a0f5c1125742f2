/*
 * Comandos de la cinta (pestaña PMR). Se cargan en la misma página que el panel y las funciones
 * personalizadas (tiempo de ejecución compartido), así que comparten estado con ellos.
 */

/** Lo que hace el botón «Validar PMR». Por ahora abre el panel; la validación se conecta después. */
export type AccionValidar = () => Promise<void>;

async function abrirPanel(): Promise<void> {
  await Office.addin.showAsTaskpane();
}

let accionValidar: AccionValidar = abrirPanel;

/** Reemplaza la acción del botón «Validar PMR» (la usa el motor de validación y las pruebas). */
export function definirAccionValidar(accion: AccionValidar): void {
  accionValidar = accion;
}

/**
 * Manejador del botón «Validar PMR» (ExecuteFunction validarPmr en manifest.xml).
 * Siempre llama a event.completed(), incluso si la acción falla: si no, Excel deja el botón ocupado.
 */
export async function validarPmr(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await accionValidar();
  } catch (error) {
    console.error("PMR: no se pudo ejecutar «Validar PMR».", error);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  // Fuera de Office (p. ej. la página abierta en un navegador) no existe Office.actions.
  if (typeof Office.actions?.associate === "function") {
    Office.actions.associate("validarPmr", validarPmr);
  }
});
