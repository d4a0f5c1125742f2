/**
 * «Generar informe» y «Generar anexo» en Excel: el caso de uso arma el documento con el libro
 * abierto y su configuración guardada (`src/casos/informe.ts`) y `escribirLibroExcel` escribe sus
 * hojas. El escritor solo agrega hojas o reemplaza las que el complemento escribió antes, y antes
 * de reemplazar pregunta: la pregunta se muestra en el panel (un add-in no puede abrir
 * window.confirm) y la respuesta la da el analista con «Reemplazar» o «Cancelar». Los datos, la
 * hoja activa y la selección del usuario quedan como estaban. Ninguna acción lanza.
 */
import type { Ejecutar } from "../hosts/excel";
import { almacenPanel, type Almacen } from "./estado";
import {
  almacenInforme,
  registrarAccionesInforme,
  type AccionesInforme,
  type EstadoInforme,
  type TipoDocumentoPanel,
} from "./informeEstado";
import { textoDeError } from "./logica";

export const MENSAJES_INFORME = {
  titulo: "Informe y anexo PMR",
  ayuda:
    "Escribe en este libro hojas nuevas con el informe (cumplimiento por objetivo, tabla por objetivo, avance físico y financiero, localidades) o el Anexo PMR, con gráficos. No cambia ninguna otra hoja.",
  generarInforme: "Generar informe",
  generarAnexo: "Generar anexo",
  generando: (t: TipoDocumentoPanel) => (t === "informe" ? "Generando el informe…" : "Generando el anexo…"),
  tituloPregunta: "¿Reemplazar las hojas?",
  pregunta: (hojas: readonly string[]) =>
    `Estas hojas las escribió PMR para Excel antes y se reemplazarán: ${hojas.map((h) => `«${h}»`).join(", ")}. Ninguna otra hoja cambia.`,
  reemplazar: "Reemplazar",
  cancelar: "Cancelar",
  tituloListo: (t: TipoDocumentoPanel) => (t === "informe" ? "Informe generado" : "Anexo generado"),
  listo: (hojas: readonly string[], reemplazadas: number) =>
    `Hojas escritas: ${hojas.map((h) => `«${h}»`).join(", ")}${reemplazadas > 0 ? " (reemplazan las anteriores)" : ""}.`,
  tituloCancelado: "Sin cambios",
  cancelado: "No se escribió nada: las hojas anteriores quedan como estaban.",
  tituloError: "No se pudo generar",
  sinExcel: "Abra un libro en Excel para generar el informe.",
} as const;

export interface DependenciasInforme {
  /** `Excel.run` o el del Excel falso. */
  ejecutar?: Ejecutar;
  hayExcel(): boolean;
  mostrarPanel(): Promise<void>;
}

function dependenciasExcel(): DependenciasInforme {
  return {
    hayExcel: () => typeof Excel !== "undefined" && typeof Excel.run === "function",
    mostrarPanel: async () => {
      await Office.addin.showAsTaskpane();
    },
  };
}

export function crearAccionesInforme(
  almacen: Almacen<EstadoInforme> = almacenInforme(),
  deps: DependenciasInforme = dependenciasExcel(),
): AccionesInforme {
  let responder: ((si: boolean) => void) | null = null;

  async function generar(tipo: TipoDocumentoPanel): Promise<void> {
    if (almacen.obtener().ocupado) return;
    almacen.actualizar({ ocupado: tipo, pregunta: null, resultado: null, error: null });
    try {
      if (!deps.hayExcel()) throw new Error(MENSAJES_INFORME.sinExcel);
      // El informe y el escritor se cargan al usarlos (paquete aparte de la primera carga del panel).
      const [{ generarDocumento }, { escribirLibroExcel }, { puertosExcel }] = await Promise.all([
        import("../casos/informe"),
        import("../hosts/excel/escritura"),
        import("../hosts/excel/validacion"),
      ]);
      const puertos = puertosExcel(deps.ejecutar, { resaltar: false });
      const { descripcion } = await generarDocumento(tipo, puertos);
      const r = await escribirLibroExcel(descripcion, {
        ...(deps.ejecutar ? { ejecutar: deps.ejecutar } : {}),
        confirmarReemplazo: (hojas) =>
          new Promise<boolean>((resolver) => {
            responder = resolver;
            almacen.actualizar({ pregunta: { tipo, hojas: [...hojas] } });
          }),
      });
      almacen.actualizar({
        ocupado: null,
        pregunta: null,
        resultado: {
          tipo,
          hojas: r.hojas.map((h) => h.nombre),
          reemplazadas: r.hojas.filter((h) => h.reemplazada).length,
          cancelado: r.cancelado,
        },
      });
    } catch (error) {
      almacen.actualizar({ ocupado: null, pregunta: null, error: textoDeError(error) });
    } finally {
      responder = null;
    }
  }

  return {
    generar,
    responder(si: boolean) {
      const r = responder;
      responder = null;
      almacen.actualizar({ pregunta: null });
      r?.(si);
    },
    async desdeCinta(tipo: TipoDocumentoPanel) {
      almacenPanel().actualizar({ pestana: "resumen" });
      try {
        await deps.mostrarPanel();
      } catch {
        // El panel ya estaba abierto o no se pudo abrir: la generación sigue y el resultado queda en el panel.
      }
      await generar(tipo);
    },
  };
}

/** Las acciones de la página (las registra el paquete del panel al cargarse). */
export function accionesInformePanel(): AccionesInforme {
  return registrarAccionesInforme(crearAccionesInforme());
}
