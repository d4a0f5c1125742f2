/**
 * Las acciones del panel y del botón «Validar PMR»: llaman al adaptador de Excel y publican el
 * resultado (o el error, en español) en el almacén compartido. Ninguna acción lanza.
 *
 * Las dependencias se inyectan para probar el flujo en Node sin Excel; por defecto son el
 * adaptador de Office.js (src/hosts/excel) y la caché de configuración de las funciones.
 */
import { CONFIGURACION_POR_DEFECTO, type Configuracion } from "../domain/configuracion";
import { validar as validarCaso, type InformeValidacion } from "../casos/validar";
import { MENSAJES_CASOS } from "../casos/mensajes";
import { actualizarConfiguracionFunciones } from "../hosts/excel/configuracionFunciones";
import {
  MENSAJES_EXCEL,
  guardarConfiguracion,
  irACelda,
  leerConfiguracionDetallada,
  quitarResaltado,
  puertosExcel,
  recalcularFormulas,
} from "../hosts/excel";
import type { AccionesPanel, Almacen, EstadoPanel } from "./estado";
import { textoDeError } from "./logica";
import { MENSAJES } from "./mensajes";

export interface DependenciasPanel {
  /** ¿Hay un Excel con el que hablar? (fuera de Office no existe `Excel.run`). */
  hayExcel(): boolean;
  /** Valida el libro abierto con la configuración guardada en él y resalta los hallazgos. */
  validar(alProgreso: (etapa: string) => void): Promise<InformeValidacion>;
  quitarResaltado(): Promise<void>;
  irACelda(hoja: string, celda: string): Promise<void>;
  leerConfiguracion(): { configuracion: Configuracion; errores: string[] };
  guardarConfiguracion(c: Configuracion): Promise<void>;
  /** Avisa a las funciones =PMR.* la configuración nueva (misma clave del libro). */
  actualizarConfiguracionFunciones(c: Configuracion): void;
  /** Pide a Excel recalcular las fórmulas (las =PMR.* ya escritas usan así la configuración nueva). */
  recalcularFormulas(): Promise<void>;
  /** Abre el panel de tareas (Office.addin.showAsTaskpane). */
  mostrarPanel(): Promise<void>;
  ahora(): number;
}

export function dependenciasExcel(): DependenciasPanel {
  return {
    hayExcel: () => typeof (globalThis as { Excel?: { run?: unknown } }).Excel?.run === "function",
    validar: (alProgreso) =>
      validarCaso(puertosExcel(), { alProgreso: (etapa) => alProgreso(MENSAJES_CASOS.etapas[etapa]) }),
    quitarResaltado: () => quitarResaltado(),
    irACelda: (hoja, celda) => irACelda(hoja, celda),
    leerConfiguracion: () => leerConfiguracionDetallada(),
    guardarConfiguracion: (c) => guardarConfiguracion(c),
    actualizarConfiguracionFunciones: (c) => {
      actualizarConfiguracionFunciones(c);
    },
    recalcularFormulas: () => recalcularFormulas(),
    mostrarPanel: async () => {
      await Office.addin.showAsTaskpane();
    },
    ahora: () => Date.now(),
  };
}

export function crearAcciones(
  almacen: Almacen<EstadoPanel>,
  deps: DependenciasPanel = dependenciasExcel(),
): AccionesPanel {
  const sinExcel = () => new Error(MENSAJES_EXCEL.sinDocumento);

  async function validar(): Promise<void> {
    if (almacen.obtener().validando) return;
    almacen.actualizar({ validando: true, etapa: MENSAJES.preparando, aviso: null });
    try {
      if (!deps.hayExcel()) throw sinExcel();
      const informe = await deps.validar((etapa) => almacen.actualizar({ etapa }));
      const { errores, advertencias, info } = informe.resumen;
      almacen.actualizar({
        validando: false,
        etapa: null,
        informe,
        configuracionUsada: informe.configuracion,
        ultimaValidacion: deps.ahora(),
        aviso: {
          intent: errores > 0 ? "warning" : "success",
          titulo: MENSAJES.tituloListo,
          texto:
            informe.hallazgos.length === 0
              ? MENSAJES.validacionSinHallazgos
              : MENSAJES.validacionCompleta(errores, advertencias, info),
        },
      });
    } catch (error) {
      almacen.actualizar({
        validando: false,
        etapa: null,
        aviso: { intent: "error", titulo: MENSAJES.tituloErrorValidacion, texto: textoDeError(error) },
      });
    }
  }

  return {
    validar,

    async validarDesdeCinta() {
      almacen.actualizar({ pestana: "resumen" });
      // Primero el panel, para que se vea el progreso; si no se puede abrir, se valida igual.
      try {
        await deps.mostrarPanel();
      } catch (error) {
        console.warn("PMR: no se pudo abrir el panel de tareas.", error);
      }
      await validar();
    },

    async quitarResaltado() {
      if (almacen.obtener().quitando) return;
      almacen.actualizar({ quitando: true, aviso: null });
      try {
        if (!deps.hayExcel()) throw sinExcel();
        await deps.quitarResaltado();
        almacen.actualizar({
          quitando: false,
          aviso: { intent: "success", titulo: MENSAJES.tituloListo, texto: MENSAJES.resaltadoQuitado },
        });
      } catch (error) {
        almacen.actualizar({
          quitando: false,
          aviso: { intent: "error", titulo: MENSAJES.tituloErrorQuitar, texto: textoDeError(error) },
        });
      }
    },

    async irAHallazgo(h) {
      try {
        if (!deps.hayExcel()) throw sinExcel();
        await deps.irACelda(h.hoja, h.celda);
        // Un error anterior de «ir a la celda» ya no aplica.
        almacen.actualizar((e) => (e.aviso?.titulo === MENSAJES.tituloErrorIrA ? { aviso: null } : {}));
      } catch (error) {
        almacen.actualizar({
          aviso: { intent: "error", titulo: MENSAJES.tituloErrorIrA, texto: textoDeError(error) },
        });
      }
    },

    leerConfiguracion() {
      try {
        return deps.leerConfiguracion();
      } catch (error) {
        return { configuracion: CONFIGURACION_POR_DEFECTO, errores: [textoDeError(error)] };
      }
    },

    async guardarConfiguracion(c) {
      try {
        await deps.guardarConfiguracion(c);
      } catch (error) {
        almacen.actualizar({
          aviso: { intent: "error", titulo: MENSAJES.tituloErrorGuardar, texto: textoDeError(error) },
        });
        return false;
      }
      try {
        deps.actualizarConfiguracionFunciones(c);
      } catch (error) {
        console.warn("PMR: no se pudo avisar la configuración a las funciones.", error);
      }
      // Las =PMR.* no son volátiles: sin un recálculo completo, sus celdas seguirían mostrando
      // lo calculado con la configuración anterior. La configuración ya quedó guardada.
      try {
        await deps.recalcularFormulas();
        almacen.actualizar({
          aviso: { intent: "success", titulo: MENSAJES.tituloListo, texto: MENSAJES.configuracionGuardada },
        });
      } catch (error) {
        almacen.actualizar({
          aviso: {
            intent: "warning",
            titulo: MENSAJES.tituloGuardadaSinRecalculo,
            texto: MENSAJES.recalculoPendiente(textoDeError(error)),
          },
        });
      }
      return true;
    },
  };
}
