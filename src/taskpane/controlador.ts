/**
 * Las acciones del panel y del botón «Validar PMR»: llaman al adaptador de Excel y publican el
 * resultado (o el error, en español) en el almacén compartido. Ninguna acción lanza.
 *
 * «Validar mientras escribe»: con el interruptor activo, el panel escucha los cambios de las
 * hojas (Worksheet.onChanged) y, tras una pausa corta sin cambios, valida y resalta de nuevo con
 * la misma acción que el botón (ver enVivo.ts para lo que se ignora).
 *
 * Las dependencias se inyectan para probar el flujo en Node sin Excel; por defecto son el
 * adaptador de Office.js (src/hosts/excel), la caché de configuración de las funciones, el
 * almacenamiento local del panel (la preferencia) y setTimeout.
 */
import { CONFIGURACION_POR_DEFECTO, type Configuracion } from "../domain/configuracion";
import { MENSAJES_CASOS } from "../casos/mensajes";
import { validar as validarCaso, type InformeValidacion } from "../casos/validar";
import { actualizarConfiguracionFunciones } from "../hosts/excel/configuracionFunciones";
import {
  MENSAJES_EXCEL,
  crearLectorEnVivo,
  escucharCambios,
  guardarConfiguracion,
  hayResaltadoGuardado,
  irACelda,
  leerConfiguracionDetallada,
  puertosExcel,
  quitarResaltadoConMedida,
  recalcularFormulas,
  soportaEventosDeCambio,
  type CambioHoja,
} from "../hosts/excel";
import {
  CLAVE_PREFERENCIA_EN_VIVO,
  PAUSA_EN_VIVO_MS,
  crearPausa,
  decidirCambio,
  hojasVigiladas,
  programarConTemporizador,
  type Programar,
} from "./enVivo";
import { ErrorDecision, fijarDecision, estaCerrado } from "../casos/decidir";
import { reaplicarDecisiones } from "../casos/decisionesInforme";
import type { Decision, Decisiones } from "../domain/decisiones";
import type { Hallazgo } from "../domain/hallazgo";
import { crearAlmacenExcel } from "../hosts/excel/almacen";
import { resaltarConMedida } from "../hosts/excel/resaltado";
import { nombreDeOffice } from "../hosts/excel/usuario";
import type { DescripcionLibro } from "../workbook/escritura";
import type { AccionesPanel, Almacen, EstadoPanel } from "./estado";
import { textoDeError } from "./logica";
import { MENSAJES } from "./mensajes";
import { MENSAJES_DECISIONES as MD } from "./mensajesDecisiones";

/** Preferencias del analista en este equipo (no viajan con el libro). */
export interface Preferencias {
  leer(clave: string): string | null;
  guardar(clave: string, valor: string): void;
}

/** localStorage del panel; si no se puede usar (modo privado, política), no recuerda nada. */
export function preferenciasLocales(): Preferencias {
  const almacen = (): Storage | null => {
    try {
      return (globalThis as { localStorage?: Storage }).localStorage ?? null;
    } catch {
      return null;
    }
  };
  return {
    leer: (clave) => {
      try {
        return almacen()?.getItem(clave) ?? null;
      } catch {
        return null;
      }
    },
    guardar: (clave, valor) => {
      try {
        almacen()?.setItem(clave, valor);
      } catch {
        // Sin almacenamiento: la preferencia dura lo que dure el panel abierto.
      }
    },
  };
}

export interface DependenciasPanel {
  /** ¿Hay un Excel con el que hablar? (fuera de Office no existe `Excel.run`). */
  hayExcel(): boolean;
  /**
   * Valida el libro abierto con la configuración guardada en él (caso de uso «validar») y
   * resalta; `formatosResaltado`: cuántos formatos de resaltado quedaron en el libro.
   */
  validar(
    alProgreso: (etapa: string) => void,
    origen?: "usuario" | "enVivo",
  ): Promise<{ informe: InformeValidacion; formatosResaltado?: number }>;
  /** Quita el resaltado; devuelve cuántos formatos del complemento borró. */
  quitarResaltado(): Promise<number>;
  /** ¿El libro guarda una lista de resaltado (de esta sesión o de una anterior)? Sin viajes a Excel. */
  hayResaltadoGuardado(): boolean;
  /** ¿Este Excel avisa los cambios de las hojas? (Worksheet.onChanged, ExcelApi 1.7). */
  soportaEventos(): boolean;
  /** Empieza a escuchar los cambios de las hojas; devuelve cómo dejar de escuchar. */
  escucharCambios(alCambiar: (c: CambioHoja) => void): Promise<{ cancelar(): Promise<void> }>;
  preferencias: Preferencias;
  /** Temporizador de la pausa de «Validar mientras escribe». */
  programar: Programar;
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
  /** Fija y guarda en el libro la decisión de un hallazgo (caso de uso «decidir»); devuelve lo guardado. */
  decidir?(h: Hallazgo, decision: Decision, nota: string): Promise<Decisiones>;
  /** Resalta solo estos hallazgos (quita el resaltado anterior); devuelve cuántos formatos quedaron. */
  resaltar?(hallazgos: readonly Hallazgo[]): Promise<number>;
  /** Escribe hojas en el libro abierto; `cancelado` si no se aceptó reemplazar. */
  escribirHojas?(
    descripcion: DescripcionLibro,
    confirmar: (nombres: readonly string[]) => Promise<boolean>,
  ): Promise<{ cancelado: boolean; hojas: string[] }>;
}

export function dependenciasExcel(): DependenciasPanel {
  // «Validar mientras escribe» lee solo lo cambiado sobre la última lectura; el botón, todo.
  const lector = crearLectorEnVivo();
  return {
    hayExcel: () => typeof (globalThis as { Excel?: { run?: unknown } }).Excel?.run === "function",
    validar: async (alProgreso, origen = "usuario") => {
      const puertos = puertosExcel(undefined, { leer: () => lector.leer({ completa: origen !== "enVivo" }) });
      const informe = await validarCaso(puertos, {
        alProgreso: (etapa) => alProgreso(MENSAJES_CASOS.etapas[etapa]),
        registrarDecisiones: true,
      });
      return { informe, formatosResaltado: puertos.medida.formatosResaltado };
    },
    quitarResaltado: async () => (await quitarResaltadoConMedida()).borrados,
    hayResaltadoGuardado: () => hayResaltadoGuardado(),
    soportaEventos: () => soportaEventosDeCambio(),
    escucharCambios: (alCambiar) =>
      escucharCambios((c) => {
        lector.anotar(c);
        alCambiar(c);
      }),
    preferencias: preferenciasLocales(),
    programar: programarConTemporizador,
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
    decidir: (h, decision, nota) =>
      fijarDecision({ almacen: crearAlmacenExcel(), autor: nombreDeOffice }, h, { decision, nota }),
    resaltar: async (hallazgos) => (await resaltarConMedida(hallazgos)).formatos,
    escribirHojas: async (descripcion, confirmar) => {
      const { escribirLibroExcel } = await import("../hosts/excel/escritura");
      const r = await escribirLibroExcel(descripcion, { confirmarReemplazo: confirmar });
      return { cancelado: r.cancelado, hojas: r.hojas.map((h) => h.nombre) };
    },
  };
}

export function crearAcciones(
  almacen: Almacen<EstadoPanel>,
  deps: DependenciasPanel = dependenciasExcel(),
): AccionesPanel {
  const sinExcel = () => new Error(MENSAJES_EXCEL.sinDocumento);

  // «Validar mientras escribe»: la escucha de Excel, la pausa y lo que se sabe del resaltado.
  let escucha: { cancelar(): Promise<void> } | null = null;
  let vigiladas: ReadonlySet<string> | null = null;
  let resaltando = false;
  let finResaltado: number | null = null;
  /** Llegó un cambio mientras se validaba: al terminar, validar otra vez. */
  let pendiente = false;
  /** Lo último guardado por «decidir» en esta sesión (null si no se ha decidido nada). */
  let decisionesGuardadas: Decisiones | null = null;
  const pausa = crearPausa(deps.programar, PAUSA_EN_VIVO_MS, () => void validar("enVivo"));

  /**
   * Valida y resalta. El Resumen muestra el veredicto (no hay aviso de éxito que tape el panel);
   * si falla, el aviso lo dice y, si había resultados, quedan marcados como desactualizados.
   * `origen` "enVivo": la pidió un cambio en el libro; no cierra los avisos que haya.
   */
  async function validar(origen: "usuario" | "enVivo" = "usuario"): Promise<void> {
    if (almacen.obtener().validando) {
      if (origen === "enVivo") pendiente = true;
      return;
    }
    pausa.cancelar();
    almacen.actualizar((e) => ({
      validando: true,
      etapa: MENSAJES.preparando,
      aviso: origen === "usuario" ? null : e.aviso,
    }));
    const decisionesAlEmpezar = decisionesGuardadas;
    try {
      if (!deps.hayExcel()) throw sinExcel();
      const validado = await deps.validar((etapa) => {
        resaltando = etapa === MENSAJES_CASOS.etapas.resaltando;
        almacen.actualizar({ etapa });
      }, origen);
      // Una decisión guardada mientras se validaba: la validación la leyó antes; se aplica encima.
      const informe =
        decisionesGuardadas !== decisionesAlEmpezar && decisionesGuardadas
          ? reaplicarDecisiones(validado.informe, decisionesGuardadas, new Date(deps.ahora()))
          : validado.informe;
      const { formatosResaltado } = validado;
      resaltando = false;
      finResaltado = deps.ahora();
      vigiladas = hojasVigiladas(informe.modelo);
      almacen.actualizar((e) => ({
        validando: false,
        etapa: null,
        informe,
        configuracionUsada: informe.configuracion,
        ultimaValidacion: deps.ahora(),
        desactualizado: null,
        hayResaltado: (formatosResaltado ?? informe.hallazgos.length) > 0,
        // Un error de validación anterior ya no aplica.
        aviso: e.aviso?.titulo === MENSAJES.tituloErrorValidacion ? null : e.aviso,
      }));
    } catch (error) {
      if (resaltando) finResaltado = deps.ahora();
      resaltando = false;
      const texto = textoDeError(error);
      almacen.actualizar((e) => ({
        validando: false,
        etapa: null,
        desactualizado: e.informe ? texto : null,
        aviso: { intent: "error", titulo: MENSAJES.tituloErrorValidacion, texto },
      }));
    }
    if (pendiente) {
      pendiente = false;
      pausa.pedir();
    }
  }

  function alCambiar(c: CambioHoja): void {
    if (!almacen.obtener().enVivo) return;
    const decision = decidirCambio(c, { vigiladas, resaltando, finResaltado, ahora: deps.ahora() });
    if (decision !== "validar") return;
    if (almacen.obtener().validando) pendiente = true;
    else pausa.pedir();
  }

  /** Cada encendido o apagado del interruptor; una activación vieja que termina tarde no manda. */
  let intentoEnVivo = 0;

  async function activarEnVivo(recordar: boolean): Promise<boolean> {
    if (!deps.hayExcel() || !deps.soportaEventos()) {
      almacen.actualizar({
        enVivo: false,
        aviso: { intent: "warning", titulo: MENSAJES.tituloEnVivo, texto: MENSAJES.enVivoNoDisponible },
      });
      return false;
    }
    const intento = ++intentoEnVivo;
    let nueva: Awaited<ReturnType<DependenciasPanel["escucharCambios"]>> | null = null;
    try {
      if (!escucha) nueva = await deps.escucharCambios(alCambiar);
    } catch (error) {
      if (intento !== intentoEnVivo) return false;
      almacen.actualizar({
        enVivo: false,
        aviso: { intent: "error", titulo: MENSAJES.tituloEnVivo, texto: textoDeError(error) },
      });
      return false;
    }
    // Si el analista lo apagó mientras Excel registraba la escucha, gana lo último que pidió.
    if (intento !== intentoEnVivo) {
      await nueva?.cancelar();
      return false;
    }
    if (nueva) escucha = nueva;
    almacen.actualizar({ enVivo: true });
    if (recordar) deps.preferencias.guardar(CLAVE_PREFERENCIA_EN_VIVO, "1");
    return true;
  }

  return {
    async iniciar() {
      let hay = false;
      let disponible = false;
      try {
        hay = deps.hayExcel() && deps.hayResaltadoGuardado();
        disponible = deps.hayExcel() && deps.soportaEventos();
      } catch (error) {
        console.warn("PMR: no se pudo leer el estado guardado en el libro.", error);
      }
      almacen.actualizar((e) => ({ hayResaltado: e.hayResaltado || hay, enVivoDisponible: disponible }));
      if (disponible && deps.preferencias.leer(CLAVE_PREFERENCIA_EN_VIVO) === "1") await activarEnVivo(false);
    },

    validar: () => validar("usuario"),

    async alternarEnVivo(activo) {
      if (activo) {
        // El interruptor se ve encendido al instante; si Excel no puede escuchar, vuelve a apagarse
        // con un aviso que dice por qué.
        almacen.actualizar({ enVivo: true });
        if ((await activarEnVivo(true)) && !almacen.obtener().informe) await validar("enVivo");
        return;
      }
      intentoEnVivo++;
      pausa.cancelar();
      pendiente = false;
      const anterior = escucha;
      escucha = null;
      almacen.actualizar({ enVivo: false });
      deps.preferencias.guardar(CLAVE_PREFERENCIA_EN_VIVO, "0");
      await anterior?.cancelar();
    },

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
        const borrados = await deps.quitarResaltado();
        almacen.actualizar({
          quitando: false,
          hayResaltado: false,
          aviso: {
            intent: "success",
            titulo: MENSAJES.tituloListo,
            texto: borrados > 0 ? MENSAJES.resaltadoQuitado : MENSAJES.sinResaltadoQueQuitar,
          },
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

    async decidir(h, decision, nota) {
      if (almacen.obtener().guardandoDecision) return null;
      if (!deps.decidir) return MENSAJES_EXCEL.sinDocumento;
      almacen.actualizar({ guardandoDecision: true });
      let decisiones: Decisiones;
      try {
        if (!deps.hayExcel()) throw sinExcel();
        decisiones = await deps.decidir(h, decision, nota);
        decisionesGuardadas = decisiones;
      } catch (error) {
        almacen.actualizar({ guardandoDecision: false });
        // La nota corta se muestra junto al campo; lo demás (Excel falló), también en el aviso.
        if (!(error instanceof ErrorDecision))
          almacen.actualizar({
            aviso: { intent: "error", titulo: MD.tituloErrorDecision, texto: textoDeError(error) },
          });
        return textoDeError(error);
      }
      const anterior = almacen.obtener().informe;
      const informe = anterior ? reaplicarDecisiones(anterior, decisiones, new Date(deps.ahora())) : null;
      const cerrado = informe ? estaCerrado(informe.decisiones, h) : false;
      const cambioAbiertos = anterior && informe ? estaCerrado(anterior.decisiones, h) !== cerrado : false;
      almacen.actualizar({
        guardandoDecision: false,
        ...(informe ? { informe } : {}),
        aviso: { intent: "success", titulo: MD.tituloGuardada, texto: MD.guardada(decision, cerrado) },
      });
      // Solo los abiertos se resaltan: si el hallazgo se cerró o se reabrió, el resaltado cambia
      // (salvo que el analista lo haya quitado y el hallazgo se cierre: no se vuelve a poner).
      if (informe && cambioAbiertos && deps.resaltar && (almacen.obtener().hayResaltado || !cerrado)) {
        try {
          const abiertos = informe.decisiones.todos
            ? informe.hallazgos.filter((x) => !estaCerrado(informe.decisiones, x))
            : informe.hallazgos;
          const formatos = await deps.resaltar(abiertos);
          almacen.actualizar({ hayResaltado: formatos > 0 });
        } catch (error) {
          almacen.actualizar({
            aviso: { intent: "warning", titulo: MD.tituloResaltadoPendiente, texto: textoDeError(error) },
          });
        }
      }
      return null;
    },

    async exportarHallazgos(confirmar) {
      const { informe, exportando } = almacen.obtener();
      if (exportando || !informe) return;
      almacen.actualizar({ exportando: true, aviso: null });
      try {
        if (!deps.hayExcel() || !deps.escribirHojas) throw sinExcel();
        // La hoja exportada se describe con código que se carga al usarlo (fuera de la primera carga).
        const { NOMBRE_HOJA_HALLAZGOS, describirHallazgosExportados } = await import("../casos/exportarHallazgos");
        const descripcion = describirHallazgosExportados(informe, {
          libroVinculado: null,
          ahora: new Date(deps.ahora()),
        });
        const r = await deps.escribirHojas(descripcion, confirmar);
        almacen.actualizar({
          exportando: false,
          aviso: r.cancelado
            ? { intent: "info", titulo: MD.exportar, texto: MD.exportacionCancelada }
            : {
                intent: "success",
                titulo: MD.tituloExportado,
                texto: MD.exportado(r.hojas[0] ?? NOMBRE_HOJA_HALLAZGOS),
              },
        });
      } catch (error) {
        almacen.actualizar({
          exportando: false,
          aviso: { intent: "error", titulo: MD.tituloErrorExportar, texto: textoDeError(error) },
        });
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
