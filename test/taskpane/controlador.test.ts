/**
 * Las acciones del panel con dependencias simuladas: qué queda en el almacén en cada caso
 * (éxito, error en español, sin Excel, acciones repetidas).
 */
import { CONFIGURACION_POR_DEFECTO, crearConfiguracion } from "../../src/domain/configuracion";
import { validarLibro } from "../../src/casos/validar";
import { MENSAJES_EXCEL } from "../../src/hosts/excel/mensajes";
import { crearAcciones, type DependenciasPanel } from "../../src/taskpane/controlador";
import { crearAlmacen, ESTADO_INICIAL, type EstadoPanel } from "../../src/taskpane/estado";
import { MENSAJES } from "../../src/taskpane/mensajes";
import { grillasFlujo } from "../e2e/libro-flujo";

const CONFIG_LIBRO = crearConfiguracion({ corte: 5 });
const INFORME = validarLibro(grillasFlujo(), CONFIG_LIBRO);

function preparar(cambios: Partial<DependenciasPanel> = {}) {
  const almacen = crearAlmacen<EstadoPanel>(ESTADO_INICIAL);
  const config = CONFIG_LIBRO;
  const deps: DependenciasPanel = {
    hayExcel: () => true,
    validar: jest.fn(async (alProgreso) => {
      alProgreso("Leyendo el libro…");
      alProgreso("Validando…");
      return INFORME;
    }),
    quitarResaltado: jest.fn(async () => undefined),
    irACelda: jest.fn(async () => undefined),
    leerConfiguracion: () => ({ configuracion: config, errores: [] }),
    guardarConfiguracion: jest.fn(async () => undefined),
    actualizarConfiguracionFunciones: jest.fn(),
    recalcularFormulas: jest.fn(async () => undefined),
    mostrarPanel: jest.fn(async () => undefined),
    ahora: () => 1_700_000_000_000,
    ...cambios,
  };
  const etapas: (string | null)[] = [];
  almacen.suscribir(() => {
    const e = almacen.obtener();
    if (e.etapa !== etapas[etapas.length - 1]) etapas.push(e.etapa);
  });
  return { almacen, deps, acciones: crearAcciones(almacen, deps), config, etapas };
}

describe("validar", () => {
  test("con la configuración del libro: publica el informe, la configuración usada, la hora y las etapas", async () => {
    const { almacen, deps, acciones, config, etapas } = preparar();
    await acciones.validar();
    const e = almacen.obtener();
    expect(deps.validar).toHaveBeenCalledWith(expect.any(Function));
    expect(e.informe).toBe(INFORME);
    expect(e.configuracionUsada).toBe(config);
    expect(e.ultimaValidacion).toBe(1_700_000_000_000);
    expect(e.validando).toBe(false);
    expect(etapas).toEqual([MENSAJES.preparando, "Leyendo el libro…", "Validando…", null]);
    const { errores, advertencias, info } = INFORME.resumen;
    expect(e.aviso).toEqual({
      intent: "warning",
      titulo: MENSAJES.tituloListo,
      texto: MENSAJES.validacionCompleta(errores, advertencias, info),
    });
  });

  test("si falla, el error va al aviso en español y se conserva el informe anterior", async () => {
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
            terminar = () => resolver(INFORME);
          }),
      ),
    });
    const primera = acciones.validar();
    await acciones.validar();
    terminar();
    await primera;
    expect(deps.validar).toHaveBeenCalledTimes(1);
  });

  test("sin hallazgos el aviso lo dice", async () => {
    const vacio = { ...INFORME, hallazgos: [], resumen: { errores: 0, advertencias: 0, info: 0 } };
    const { almacen, acciones } = preparar({ validar: async () => vacio });
    await acciones.validar();
    expect(almacen.obtener().aviso).toMatchObject({ intent: "success", texto: MENSAJES.validacionSinHallazgos });
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
    await acciones.quitarResaltado();
    expect(deps.quitarResaltado).toHaveBeenCalledTimes(1);
    expect(almacen.obtener().aviso).toMatchObject({ intent: "success", texto: MENSAJES.resaltadoQuitado });
    expect(almacen.obtener().quitando).toBe(false);

    (deps.quitarResaltado as jest.Mock).mockRejectedValueOnce(new Error("No se pudo quitar el resaltado: x"));
    await acciones.quitarResaltado();
    expect(almacen.obtener().aviso).toMatchObject({ intent: "error", titulo: MENSAJES.tituloErrorQuitar });
    expect(almacen.obtener().quitando).toBe(false);
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
