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
import { obtenerAccionesInforme, type TipoDocumentoPanel } from "../taskpane/informeEstado";
import { solicitar } from "../taskpane/solicitudPlantilla";

async function abrirPanel(): Promise<void> {
  await Office.addin.showAsTaskpane();
}

/** El panel todavía no registró sus acciones: se dice en el panel y se abre para que se vea. */
async function avisarPanelNoListo(): Promise<void> {
  almacenPanel().actualizar({
    pestana: "resumen",
    aviso: { intent: "error", titulo: MENSAJES.tituloErrorValidacion, texto: MENSAJES.panelNoListo },
  });
  await abrirPanel();
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
      await avisarPanelNoListo();
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

/**
 * Menú «Informe PMR» de la cinta (ExecuteFunction generarInformePmr y generarAnexoPmr): abre el
 * panel y escribe las hojas del informe o del anexo en el libro; la pregunta antes de reemplazar
 * hojas anteriores y el resultado se ven en el panel (sección «Informe y anexo PMR»).
 */
async function generarDesdeCinta(tipo: TipoDocumentoPanel, event: Office.AddinCommands.Event): Promise<void> {
  try {
    const acciones = obtenerAccionesInforme();
    if (acciones) {
      await acciones.desdeCinta(tipo);
    } else {
      await avisarPanelNoListo();
    }
  } catch (error) {
    console.error(`PMR: no se pudo generar el ${tipo} desde la cinta.`, error);
  } finally {
    event.completed();
  }
}

/**
 * Manejador del botón «Crear plantilla» (ExecuteFunction crearPlantillaPmr): deja la solicitud
 * para el panel, lo abre en Configuración y el panel agrega la plantilla al libro (preguntando
 * antes de reemplazar hojas del complemento). Siempre llama a event.completed().
 */
export async function crearPlantillaPmr(event: Office.AddinCommands.Event): Promise<void> {
  try {
    solicitar("crear-plantilla");
    almacenPanel().actualizar({ pestana: "configuracion" });
    await abrirPanel();
  } catch (error) {
    console.error("PMR: no se pudo abrir el panel para crear la plantilla.", error);
  } finally {
    event.completed();
  }
}

export function generarInformePmr(event: Office.AddinCommands.Event): Promise<void> {
  return generarDesdeCinta("informe", event);
}

export function generarAnexoPmr(event: Office.AddinCommands.Event): Promise<void> {
  return generarDesdeCinta("anexo", event);
}

Office.onReady(() => {
  // Fuera de Office (p. ej. la página abierta en un navegador) no existe Office.actions.
  if (typeof Office.actions?.associate === "function") {
    Office.actions.associate("validarPmr", validarPmr);
    Office.actions.associate("generarInformePmr", generarInformePmr);
    Office.actions.associate("generarAnexoPmr", generarAnexoPmr);
    Office.actions.associate("crearPlantillaPmr", crearPlantillaPmr);
  }
});
