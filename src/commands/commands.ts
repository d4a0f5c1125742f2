/*
 * Comandos de la cinta (pestaña PMR). Se cargan en la misma página que el panel y las funciones
 * personalizadas (tiempo de ejecución compartido), así que comparten estado con ellos: el botón
 * «Validar PMR» usa las acciones que registró el panel (src/taskpane/estado.ts) y el panel
 * muestra lo que el botón produjo. Este paquete solo importa el almacén (sin el motor ni el
 * adaptador, que ya trae el paquete del panel).
 */
// Primero: zod sin eval, antes de cualquier parse (política de seguridad del panel).
import "../hosts/excel/sinEval";
import { almacenPanel, obtenerAcciones } from "../taskpane/estado";
import { MENSAJES } from "../taskpane/mensajes";

async function abrirPanel(): Promise<void> {
  await Office.addin.showAsTaskpane();
}

/**
 * Manejador del botón «Validar PMR» (ExecuteFunction validarPmr en manifest.xml): abre el panel,
 * valida el libro con la configuración guardada y resalta los hallazgos; el panel muestra el
 * resultado o el error en español. Siempre llama a event.completed(), también si algo falla: si
 * no, Excel deja el botón ocupado.
 */
export async function validarPmr(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const acciones = obtenerAcciones();
    if (acciones) {
      await acciones.validarDesdeCinta();
    } else {
      almacenPanel().actualizar({
        pestana: "resumen",
        aviso: { intent: "error", titulo: MENSAJES.tituloErrorValidacion, texto: MENSAJES.panelNoListo },
      });
      await abrirPanel();
    }
  } catch (error) {
    console.error("PMR: no se pudo ejecutar «Validar PMR».", error);
    almacenPanel().actualizar({
      validando: false,
      etapa: null,
      aviso: { intent: "error", titulo: MENSAJES.tituloErrorValidacion, texto: MENSAJES.errorDesconocido },
    });
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
