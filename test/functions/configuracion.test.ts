/**
 * Configuración de las funciones: se lee de Office.context.document.settings (clave
 * pmr.configuracion), se guarda en caché, se renueva con SettingsChanged y con
 * actualizarConfiguracionFunciones; fuera de Office rigen los valores por defecto.
 */
import {
  CLAVE_CONFIGURACION,
  CONFIGURACION_POR_DEFECTO,
  interpretarConfiguracionGuardada,
} from "../../src/domain/configuracion";
import {
  actualizarConfiguracionFunciones,
  configuracionFunciones,
  erroresConfiguracionFunciones,
} from "../../src/hosts/excel/configuracionFunciones";
import { semaforo } from "../../src/functions/functions";
import { reiniciarConfiguracion, unico } from "./ayuda";

type Global = { Office?: unknown };
type ModuloConfiguracion = typeof import("../../src/hosts/excel/configuracionFunciones");

/** Office de mentira con la configuración del documento que usan las funciones. */
function instalarOffice(guardado: unknown) {
  const valores = new Map<string, unknown>([[CLAVE_CONFIGURACION, guardado]]);
  const manejadores: { tipo: unknown; manejador: () => void }[] = [];
  const settings = {
    lecturas: 0,
    get(nombre: string) {
      settings.lecturas++;
      return valores.get(nombre) ?? null;
    },
    addHandlerAsync(tipo: unknown, manejador: () => void) {
      manejadores.push({ tipo, manejador });
    },
  };
  (globalThis as Global).Office = {
    EventType: { SettingsChanged: "settingsChanged" },
    context: { document: { settings } },
  };
  return {
    settings,
    manejadores,
    guardar(valor: unknown) {
      valores.set(CLAVE_CONFIGURACION, valor);
    },
    avisarCambio() {
      for (const m of manejadores) m.manejador();
    },
  };
}

beforeEach(() => reiniciarConfiguracion());
afterEach(() => {
  delete (globalThis as Global).Office;
  reiniciarConfiguracion();
});

test("fuera de Office: valores por defecto", () => {
  expect(configuracionFunciones()).toEqual(CONFIGURACION_POR_DEFECTO);
  expect(unico(semaforo([[0.6]]))).toBe("Amarillo");
});

test("lee el JSON guardado en el libro una sola vez (caché)", () => {
  const office = instalarOffice(JSON.stringify({ semaforo: { rojo: 0.6, amarillo: 0.8, verde: 1.2 } }));
  expect(unico(semaforo([[0.55]]))).toBe("Rojo");
  expect(unico(semaforo([[0.7]]))).toBe("Amarillo");
  expect(configuracionFunciones().semaforo).toEqual({ rojo: 0.6, amarillo: 0.8, verde: 1.2 });
  expect(office.settings.lecturas).toBe(1);
});

test("también acepta el objeto guardado sin serializar", () => {
  instalarOffice({ toleranciaFisicoFinanciera: 0.1 });
  expect(configuracionFunciones().toleranciaFisicoFinanciera).toBe(0.1);
});

test("sin configuración guardada: valores por defecto (y en caché)", () => {
  const office = instalarOffice(null);
  expect(configuracionFunciones()).toEqual(CONFIGURACION_POR_DEFECTO);
  configuracionFunciones();
  expect(office.settings.lecturas).toBe(1);
});

test("configuración no válida: valores por defecto y los errores en español", () => {
  instalarOffice(JSON.stringify({ semaforo: { rojo: 0.9, amarillo: 0.5, verde: 1.2 } }));
  expect(configuracionFunciones()).toEqual(CONFIGURACION_POR_DEFECTO);
  expect(erroresConfiguracionFunciones().join(" ")).toMatch(/crecientes/);
});

test("JSON roto: valores por defecto y un error que nombra la clave", () => {
  instalarOffice("{no es json");
  expect(configuracionFunciones()).toEqual(CONFIGURACION_POR_DEFECTO);
  expect(erroresConfiguracionFunciones()).toEqual([
    "La configuración guardada en el libro (pmr.configuracion) no es un JSON válido.",
  ]);
});

test("SettingsChanged renueva la caché", () => {
  const office = instalarOffice(JSON.stringify({ umbralSobrecumplimiento: 1.5 }));
  expect(configuracionFunciones().umbralSobrecumplimiento).toBe(1.5);
  expect(office.manejadores).toHaveLength(1);
  expect(office.manejadores[0].tipo).toBe("settingsChanged");
  office.guardar(JSON.stringify({ umbralSobrecumplimiento: 1.1 }));
  expect(configuracionFunciones().umbralSobrecumplimiento).toBe(1.5);
  office.avisarCambio();
  expect(configuracionFunciones().umbralSobrecumplimiento).toBe(1.1);
  expect(office.manejadores).toHaveLength(1);
});

test("actualizarConfiguracionFunciones(config) aplica una configuración válida al instante", () => {
  instalarOffice(null);
  expect(configuracionFunciones().topeCien).toBe(false);
  const r = actualizarConfiguracionFunciones({ topeCien: true });
  expect(r.ok).toBe(true);
  expect(configuracionFunciones().topeCien).toBe(true);
});

test("actualizarConfiguracionFunciones con datos no válidos devuelve los errores y vuelve a leer el libro", () => {
  const office = instalarOffice(JSON.stringify({ topeCien: true }));
  const r = actualizarConfiguracionFunciones({ topeCien: "sí" });
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.errores[0]).toMatch(/topeCien/);
  expect(configuracionFunciones().topeCien).toBe(true);
  office.guardar(JSON.stringify({ topeCien: false }));
  actualizarConfiguracionFunciones();
  expect(configuracionFunciones().topeCien).toBe(false);
});

test("el estado se comparte entre copias del módulo (panel y funciones van en paquetes distintos)", () => {
  instalarOffice(null);
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const otraCopia: ModuloConfiguracion = require("../../src/hosts/excel/configuracionFunciones");
    otraCopia.actualizarConfiguracionFunciones({ metodoAvance: "brecha" });
  });
  expect(configuracionFunciones().metodoAvance).toBe("brecha");
});

test("un Office sin documento o con settings que fallan no rompe nada", () => {
  (globalThis as Global).Office = { context: {} };
  expect(configuracionFunciones()).toEqual(CONFIGURACION_POR_DEFECTO);
  (globalThis as Global).Office = {
    context: {
      document: {
        settings: {
          get() {
            throw new Error("sin acceso");
          },
        },
      },
    },
  };
  expect(configuracionFunciones()).toEqual(CONFIGURACION_POR_DEFECTO);
});

test("interpretarConfiguracionGuardada: completa con los valores por defecto", () => {
  const { configuracion, errores } = interpretarConfiguracionGuardada('{"metodoDecreciente":"inversa"}');
  expect(errores).toEqual([]);
  expect(configuracion).toEqual({ ...CONFIGURACION_POR_DEFECTO, metodoDecreciente: "inversa" });
});
