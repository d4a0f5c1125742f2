/**
 * Las acciones del panel con dependencias simuladas: qué queda en el almacén en cada caso
 * (éxito, error en español, sin Excel, acciones repetidas, resultados desactualizados, resaltado
 * que hay o no hay, «Validar mientras escribe» con un reloj falso).
 */
import { CONFIGURACION_POR_DEFECTO, crearConfiguracion } from "../../src/domain/configuracion";
import { MENSAJES_CASOS } from "../../src/casos/mensajes";
import { validarLibro } from "../../src/casos/validar";
import { MENSAJES_EXCEL } from "../../src/hosts/excel/mensajes";
import { crearAcciones, type DependenciasPanel } from "../../src/taskpane/controlador";
import { CLAVE_PREFERENCIA_EN_VIVO, PAUSA_EN_VIVO_MS } from "../../src/taskpane/enVivo";
import { crearAlmacen, ESTADO_INICIAL, type EstadoPanel } from "../../src/taskpane/estado";
import { MENSAJES } from "../../src/taskpane/mensajes";
import { grillasFlujo } from "../e2e/libro-flujo";

const CONFIG_LIBRO = crearConfiguracion({ corte: 5 });
const INFORME = validarLibro(grillasFlujo(), CONFIG_LIBRO);

/** Un reloj falso para la pausa de «Validar mientras escribe». */
function relojFalso() {
  let ahora = 0;
  let pendientes: { cuando: number; fn: () => void; id: number }[] = [];
  let id = 0;
  return {
    programar: (fn: () => void, ms: number) => {
      const p = { cuando: ahora + ms, fn, id: ++id };
      pendientes.push(p);
      return () => {
        pendientes = pendientes.filter((x) => x !== p);
      };
    },
    /** Avanza el reloj y ejecuta lo que venza. */
    avanzar(ms: number) {
      ahora += ms;
      const vencidos = pendientes.filter((p) => p.cuando <= ahora);
      pendientes = pendientes.filter((p) => p.cuando > ahora);
      for (const p of vencidos) p.fn();
    },
    pendientes: () => pendientes.length,
    ahora: () => ahora,
  };
}

function preparar(cambios: Partial<DependenciasPanel> = {}) {
  const almacen = crearAlmacen<EstadoPanel>(ESTADO_INICIAL);
  const reloj = relojFalso();
  const preferencias = new Map<string, string>();
  const escucha = {
    alCambiar: null as ((c: { hoja: string; direccion: string; propio: boolean | null }) => void) | null,
  };
  const cancelar = jest.fn(async () => undefined);
  const config = CONFIG_LIBRO;
  const deps: DependenciasPanel = {
    hayExcel: () => true,
    validar: jest.fn(async (alProgreso) => {
      alProgreso("Leyendo el libro…");
      alProgreso("Validando…");
      return { informe: INFORME };
    }),
    quitarResaltado: jest.fn(async () => 3),
    hayResaltadoGuardado: () => false,
    soportaEventos: () => true,
    escucharCambios: jest.fn(async (alCambiar) => {
      escucha.alCambiar = alCambiar;
      return { cancelar };
    }),
    preferencias: { leer: (k) => preferencias.get(k) ?? null, guardar: (k, v) => void preferencias.set(k, v) },
    programar: reloj.programar,
    irACelda: jest.fn(async () => undefined),
    leerConfiguracion: () => ({ configuracion: config, errores: [] }),
    guardarConfiguracion: jest.fn(async () => undefined),
    actualizarConfiguracionFunciones: jest.fn(),
    recalcularFormulas: jest.fn(async () => undefined),
    mostrarPanel: jest.fn(async () => undefined),
    ahora: () => 1_700_000_000_000 + reloj.ahora(),
    ...cambios,
  };
  const etapas: (string | null)[] = [];
  almacen.suscribir(() => {
    const e = almacen.obtener();
    if (e.etapa !== etapas[etapas.length - 1]) etapas.push(e.etapa);
  });
  return {
    almacen,
    deps,
    acciones: crearAcciones(almacen, deps),
    config,
    etapas,
    reloj,
    preferencias,
    escucha,
    cancelar,
  };
}

describe("validar", () => {
  test("con la configuración del libro: publica el informe, la configuración usada, la hora y las etapas", async () => {
    const { almacen, deps, acciones, config, etapas } = preparar();
    await acciones.validar();
    const e = almacen.obtener();
    expect(deps.validar).toHaveBeenCalledWith(expect.any(Function), "usuario");
    expect(e.informe).toBe(INFORME);
    expect(e.configuracionUsada).toBe(config);
    expect(e.ultimaValidacion).toBe(1_700_000_000_000);
    expect(e.validando).toBe(false);
    expect(etapas).toEqual([MENSAJES.preparando, "Leyendo el libro…", "Validando…", null]);
    // Defecto 3: ningún aviso «Listo» con icono de advertencia sobre un libro con errores; el
    // veredicto del Resumen (veredicto(), con su tono) es el que lo dice.
    expect(INFORME.resumen.errores).toBeGreaterThan(0);
    expect(e.aviso).toBeNull();
    expect(e.desactualizado).toBeNull();
    expect(e.hayResaltado).toBe(true);
  });

  test("si falla, el error va al aviso en español y el informe anterior queda marcado como desactualizado", async () => {
    const { almacen, acciones, deps } = preparar();
    await acciones.validar();
    (deps.validar as jest.Mock).mockRejectedValueOnce(new Error(MENSAJES_EXCEL.lecturaFallida("sin conexión")));
    await acciones.validar();
    const e = almacen.obtener();
    expect(e.validando).toBe(false);
    expect(e.etapa).toBeNull();
    expect(e.informe).toBe(INFORME);
    expect(e.aviso).toEqual({
      intent: "error",
      titulo: MENSAJES.tituloErrorValidacion,
      texto: "No se pudo leer el libro: sin conexión",
    });
    // Defecto 5: los resultados a la vista ya no dicen que están al día.
    expect(e.desactualizado).toBe("No se pudo leer el libro: sin conexión");
    // Cerrar el aviso no borra la marca; validar bien sí.
    almacen.actualizar({ aviso: null });
    expect(almacen.obtener().desactualizado).not.toBeNull();
    await acciones.validar();
    expect(almacen.obtener().desactualizado).toBeNull();
  });

  test("si la primera validación falla, no hay nada desactualizado (no hay resultados)", async () => {
    const { almacen, acciones } = preparar({
      validar: async () => Promise.reject(new Error("Excel no respondió.")),
    });
    await acciones.validar();
    expect(almacen.obtener().informe).toBeNull();
    expect(almacen.obtener().desactualizado).toBeNull();
    expect(almacen.obtener().aviso).toMatchObject({ intent: "error" });
  });

  test("fuera de Excel dice en español que hace falta un libro abierto", async () => {
    const { almacen, acciones, deps } = preparar({ hayExcel: () => false });
    await acciones.validar();
    expect(deps.validar).not.toHaveBeenCalled();
    expect(almacen.obtener().aviso).toMatchObject({ intent: "error", texto: MENSAJES_EXCEL.sinDocumento });
  });

  test("una segunda pulsación mientras valida no lanza otra validación", async () => {
    let terminar: () => void = () => undefined;
    const { acciones, deps } = preparar({
      validar: jest.fn(
        () =>
          new Promise((resolver) => {
            terminar = () => resolver({ informe: INFORME });
          }),
      ),
    });
    const primera = acciones.validar();
    await acciones.validar();
    terminar();
    await primera;
    expect(deps.validar).toHaveBeenCalledTimes(1);
  });

  test("si Excel no dejó ningún formato de resaltado (la hoja del hallazgo no existe), no se ofrece quitarlo", async () => {
    const { almacen, acciones } = preparar({
      validar: async () => ({ informe: INFORME, formatosResaltado: 0 }),
    });
    await acciones.validar();
    expect(almacen.obtener().hayResaltado).toBe(false);
  });

  test("sin hallazgos no queda resaltado (y «Quitar resaltado» no se ofrece)", async () => {
    const vacio = { ...INFORME, hallazgos: [], resumen: { errores: 0, advertencias: 0, info: 0 } };
    const { almacen, acciones } = preparar({ validar: async () => ({ informe: vacio }) });
    await acciones.validar();
    expect(almacen.obtener().aviso).toBeNull();
    expect(almacen.obtener().hayResaltado).toBe(false);
  });
});

describe("botón de la cinta", () => {
  test("abre el panel en Resumen y valida", async () => {
    const { almacen, acciones, deps } = preparar();
    almacen.actualizar({ pestana: "configuracion" });
    await acciones.validarDesdeCinta();
    expect(deps.mostrarPanel).toHaveBeenCalledTimes(1);
    expect(almacen.obtener().pestana).toBe("resumen");
    expect(almacen.obtener().informe).toBe(INFORME);
  });

  test("si no se puede abrir el panel, valida igual", async () => {
    const aviso = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    const { almacen, acciones } = preparar({ mostrarPanel: async () => Promise.reject(new Error("no soportado")) });
    await acciones.validarDesdeCinta();
    expect(almacen.obtener().informe).toBe(INFORME);
    aviso.mockRestore();
  });
});

describe("quitar resaltado, ir a la celda y guardar", () => {
  test("quitar resaltado confirma o explica el error", async () => {
    const { almacen, acciones, deps } = preparar();
    almacen.actualizar({ hayResaltado: true });
    await acciones.quitarResaltado();
    expect(deps.quitarResaltado).toHaveBeenCalledTimes(1);
    expect(almacen.obtener().aviso).toMatchObject({ intent: "success", texto: MENSAJES.resaltadoQuitado });
    expect(almacen.obtener().quitando).toBe(false);
    expect(almacen.obtener().hayResaltado).toBe(false);

    (deps.quitarResaltado as jest.Mock).mockRejectedValueOnce(new Error("No se pudo quitar el resaltado: x"));
    await acciones.quitarResaltado();
    expect(almacen.obtener().aviso).toMatchObject({ intent: "error", titulo: MENSAJES.tituloErrorQuitar });
    expect(almacen.obtener().quitando).toBe(false);
  });

  test("defecto 4: si no había nada que quitar, no dice «Se quitó el resaltado»", async () => {
    const { almacen, acciones } = preparar({ quitarResaltado: jest.fn(async () => 0) });
    await acciones.quitarResaltado();
    expect(almacen.obtener().aviso?.texto).toBe(MENSAJES.sinResaltadoQueQuitar);
    expect(almacen.obtener().aviso?.texto).not.toContain("Se quitó");
  });

  test("defecto 4: al abrir el panel, «Quitar resaltado» solo se ofrece si el libro guarda resaltado", async () => {
    const sin = preparar();
    await sin.acciones.iniciar();
    expect(sin.almacen.obtener().hayResaltado).toBe(false);
    const con = preparar({ hayResaltadoGuardado: () => true });
    await con.acciones.iniciar();
    expect(con.almacen.obtener().hayResaltado).toBe(true);
    const fuera = preparar({ hayExcel: () => false, hayResaltadoGuardado: () => true });
    await fuera.acciones.iniciar();
    expect(fuera.almacen.obtener().hayResaltado).toBe(false);
  });

  test("ir a una celda de una hoja que ya no existe muestra el error; el siguiente acierto lo borra", async () => {
    const { almacen, acciones, deps } = preparar();
    (deps.irACelda as jest.Mock).mockRejectedValueOnce(new Error(MENSAJES_EXCEL.hojaNoExiste("PMR viejo")));
    await acciones.irAHallazgo({ hoja: "PMR viejo", celda: "B3" });
    expect(almacen.obtener().aviso).toEqual({
      intent: "error",
      titulo: MENSAJES.tituloErrorIrA,
      texto: "La hoja «PMR viejo» no está en el libro (quizá se borró o cambió de nombre).",
    });
    await acciones.irAHallazgo({ hoja: "PMR", celda: "AD5" });
    expect(deps.irACelda).toHaveBeenLastCalledWith("PMR", "AD5");
    expect(almacen.obtener().aviso).toBeNull();
  });

  test("guardar la configuración avisa a las funciones =PMR.* y después pide el recálculo", async () => {
    const orden: string[] = [];
    const { almacen, acciones, deps } = preparar({
      guardarConfiguracion: jest.fn(async () => void orden.push("guardar")),
      actualizarConfiguracionFunciones: jest.fn(() => void orden.push("funciones")),
      recalcularFormulas: jest.fn(async () => void orden.push("recalcular")),
    });
    const nueva = crearConfiguracion({ corte: 3 });
    expect(await acciones.guardarConfiguracion(nueva)).toBe(true);
    expect(deps.guardarConfiguracion).toHaveBeenCalledWith(nueva);
    expect(deps.actualizarConfiguracionFunciones).toHaveBeenCalledWith(nueva);
    expect(orden).toEqual(["guardar", "funciones", "recalcular"]);
    expect(almacen.obtener().aviso).toMatchObject({ intent: "success", texto: MENSAJES.configuracionGuardada });
  });

  test("si Excel no recalcula, la configuración queda guardada y el aviso dice cómo recalcular", async () => {
    const { almacen, acciones, deps } = preparar({
      recalcularFormulas: jest.fn(async () =>
        Promise.reject(new Error(MENSAJES_EXCEL.recalculoFallido("Excel no respondió."))),
      ),
    });
    expect(await acciones.guardarConfiguracion(crearConfiguracion({ corte: 4 }))).toBe(true);
    expect(deps.actualizarConfiguracionFunciones).toHaveBeenCalled();
    const aviso = almacen.obtener().aviso;
    expect(aviso).toMatchObject({ intent: "warning", titulo: MENSAJES.tituloGuardadaSinRecalculo });
    expect(aviso?.texto).toContain("Excel no respondió.");
    expect(aviso?.texto).toContain("Ctrl+Alt+F9");
  });

  test("si no se puede guardar, no avisa a las funciones y explica el error", async () => {
    const { almacen, acciones, deps } = preparar({
      guardarConfiguracion: async () =>
        Promise.reject(new Error("No se pudo guardar la configuración en el libro: sin permiso")),
    });
    expect(await acciones.guardarConfiguracion(CONFIGURACION_POR_DEFECTO)).toBe(false);
    expect(deps.actualizarConfiguracionFunciones).not.toHaveBeenCalled();
    expect(deps.recalcularFormulas).not.toHaveBeenCalled();
    expect(almacen.obtener().aviso).toMatchObject({ intent: "error", titulo: MENSAJES.tituloErrorGuardar });
  });

  test("leer la configuración nunca lanza", () => {
    const { acciones } = preparar({
      leerConfiguracion: () => {
        throw new Error("roto");
      },
    });
    expect(acciones.leerConfiguracion()).toEqual({ configuracion: CONFIGURACION_POR_DEFECTO, errores: ["roto"] });
  });
});

describe("validar mientras escribe", () => {
  const cambio = (hoja = "PMR", propio: boolean | null = false) => ({ hoja, direccion: "P7", propio });

  test("activarlo escucha los cambios, valida si no había resultados y se recuerda", async () => {
    const { almacen, acciones, deps, preferencias } = preparar();
    await acciones.alternarEnVivo(true);
    expect(deps.escucharCambios).toHaveBeenCalledTimes(1);
    expect(almacen.obtener().enVivo).toBe(true);
    expect(deps.validar).toHaveBeenCalledTimes(1);
    expect(preferencias.get(CLAVE_PREFERENCIA_EN_VIVO)).toBe("1");
  });

  test("un cambio valida después de la pausa; varios cambios seguidos, una sola vez", async () => {
    const { acciones, deps, reloj, escucha } = preparar();
    await acciones.validar();
    await acciones.alternarEnVivo(true);
    expect(deps.validar).toHaveBeenCalledTimes(1);
    reloj.avanzar(1000); // fuera de la ventana del resaltado propio
    escucha.alCambiar?.(cambio());
    reloj.avanzar(PAUSA_EN_VIVO_MS - 1);
    escucha.alCambiar?.(cambio());
    reloj.avanzar(PAUSA_EN_VIVO_MS - 1);
    expect(deps.validar).toHaveBeenCalledTimes(1);
    reloj.avanzar(1);
    await Promise.resolve();
    expect(deps.validar).toHaveBeenCalledTimes(2);
  });

  test("ignora los cambios propios, los de otras hojas y los que llegan mientras resalta", async () => {
    let progreso: ((e: string) => void) | null = null;
    let terminar: () => void = () => undefined;
    const { acciones, deps, reloj, escucha } = preparar({
      validar: jest.fn(
        (alProgreso) =>
          new Promise((resolver) => {
            progreso = alProgreso;
            terminar = () => resolver({ informe: INFORME });
          }),
      ),
    });
    const primera = acciones.validar();
    progreso!(MENSAJES_CASOS.etapas.resaltando);
    terminar();
    await primera;
    await acciones.alternarEnVivo(true);
    // Excel con triggerSource: lo del complemento se ignora siempre.
    reloj.avanzar(5000);
    escucha.alCambiar?.(cambio("PMR", true));
    // Una hoja que no es del PMR.
    escucha.alCambiar?.(cambio("Instrucciones", false));
    reloj.avanzar(PAUSA_EN_VIVO_MS * 3);
    expect(reloj.pendientes()).toBe(0);
    expect(deps.validar).toHaveBeenCalledTimes(1);

    // Excel sin triggerSource (antes de ExcelApi 1.14): mientras resalta, se trata como propio.
    const segunda = acciones.validar();
    progreso!(MENSAJES_CASOS.etapas.resaltando);
    escucha.alCambiar?.(cambio("PMR", null));
    terminar();
    await segunda;
    reloj.avanzar(PAUSA_EN_VIVO_MS * 3);
    expect(deps.validar).toHaveBeenCalledTimes(2);
  });

  test("un cambio del usuario durante una validación la repite al terminar", async () => {
    let retener = false;
    let terminar: () => void = () => undefined;
    const { acciones, deps, reloj, escucha } = preparar({
      validar: jest.fn(() =>
        retener
          ? new Promise((resolver) => {
              terminar = () => resolver({ informe: INFORME });
            })
          : Promise.resolve({ informe: INFORME }),
      ),
    });
    await acciones.alternarEnVivo(true); // valida (no había resultados)
    reloj.avanzar(5000);
    retener = true;
    const enCurso = acciones.validar();
    escucha.alCambiar?.(cambio("PMR", false));
    terminar();
    await enCurso;
    retener = false;
    expect(deps.validar).toHaveBeenCalledTimes(2);
    reloj.avanzar(PAUSA_EN_VIVO_MS);
    expect(deps.validar).toHaveBeenCalledTimes(3);
  });

  test("desactivarlo deja de escuchar, cancela la pausa y se recuerda", async () => {
    const { almacen, acciones, deps, reloj, escucha, cancelar, preferencias } = preparar();
    await acciones.validar();
    await acciones.alternarEnVivo(true);
    reloj.avanzar(1000);
    escucha.alCambiar?.(cambio());
    await acciones.alternarEnVivo(false);
    expect(cancelar).toHaveBeenCalledTimes(1);
    expect(almacen.obtener().enVivo).toBe(false);
    expect(preferencias.get(CLAVE_PREFERENCIA_EN_VIVO)).toBe("0");
    reloj.avanzar(PAUSA_EN_VIVO_MS * 2);
    expect(deps.validar).toHaveBeenCalledTimes(1);
  });

  test("al abrir el panel se retoma si el analista lo dejó activo (sin validar todavía)", async () => {
    const { almacen, acciones, deps, preferencias } = preparar();
    preferencias.set(CLAVE_PREFERENCIA_EN_VIVO, "1");
    await acciones.iniciar();
    expect(almacen.obtener().enVivoDisponible).toBe(true);
    expect(almacen.obtener().enVivo).toBe(true);
    expect(deps.escucharCambios).toHaveBeenCalledTimes(1);
    expect(deps.validar).not.toHaveBeenCalled();
  });

  test("un Excel sin eventos de cambio (anterior a ExcelApi 1.7) no lo ofrece y lo explica si se pide", async () => {
    const { almacen, acciones, deps, preferencias } = preparar({ soportaEventos: () => false });
    preferencias.set(CLAVE_PREFERENCIA_EN_VIVO, "1");
    await acciones.iniciar();
    expect(almacen.obtener().enVivoDisponible).toBe(false);
    expect(almacen.obtener().enVivo).toBe(false);
    await acciones.alternarEnVivo(true);
    expect(deps.escucharCambios).not.toHaveBeenCalled();
    expect(almacen.obtener().aviso).toMatchObject({ intent: "warning", texto: MENSAJES.enVivoNoDisponible });
  });

  test("el interruptor se enciende al instante y, si se apaga antes de que Excel registre la escucha, no queda escuchando", async () => {
    let registrar: () => void = () => undefined;
    const cancelarTardia = jest.fn(async () => undefined);
    const { almacen, acciones, deps } = preparar({
      escucharCambios: jest.fn(
        () =>
          new Promise<{ cancelar(): Promise<void> }>((resolver) => {
            registrar = () => resolver({ cancelar: cancelarTardia });
          }),
      ),
    });
    const encendiendo = acciones.alternarEnVivo(true);
    // Antes de que Excel responda, el analista ya ve el interruptor encendido…
    expect(almacen.obtener().enVivo).toBe(true);
    // …y lo apaga.
    await acciones.alternarEnVivo(false);
    registrar();
    await encendiendo;
    expect(almacen.obtener().enVivo).toBe(false);
    expect(cancelarTardia).toHaveBeenCalledTimes(1);
    expect(deps.validar).not.toHaveBeenCalled();
  });

  test("si Excel no deja escuchar, lo dice y el interruptor queda apagado", async () => {
    const { almacen, acciones } = preparar({
      escucharCambios: async () => Promise.reject(new Error("Excel no respondió.")),
    });
    await acciones.alternarEnVivo(true);
    expect(almacen.obtener().enVivo).toBe(false);
    expect(almacen.obtener().aviso).toMatchObject({ intent: "error", texto: "Excel no respondió." });
  });
});
