/**
 * El botón «Validar PMR» de la cinta en Node, con el adaptador de Office.js de verdad sobre el
 * Excel falso: lo asocia Office.actions.associate, valida, resalta, abre el panel y siempre
 * llama a event.completed(), también cuando Excel falla.
 */
import { CONFIGURACION_POR_DEFECTO, crearConfiguracion, CLAVE_CONFIGURACION } from "../../src/domain/configuracion";
import { validarLibro } from "../../src/casos/validar";
import { MENSAJES_EXCEL } from "../../src/hosts/excel/mensajes";
import { crearAcciones } from "../../src/taskpane/controlador";
import { almacenPanel, registrarAcciones, reiniciarEstadoCompartido } from "../../src/taskpane/estado";
import { MENSAJES } from "../../src/taskpane/mensajes";
import { crearLibroFalso, type LibroFalso } from "../fakes/excel-falso";
import { instalarFalsoControlado, type ControlFalso } from "../e2e/falso-controlado";
import { CELDAS, definicionLibroFlujo, grillasFlujo } from "../e2e/libro-flujo";

type Manejador = (evento: { completed: () => void }) => Promise<void>;

let libro: LibroFalso;
let control: ControlFalso;
let desinstalar: () => void;

async function pulsarValidarPmr(): Promise<number> {
  const manejador = libro.registro.asociaciones.get("validarPmr") as Manejador | undefined;
  if (!manejador) throw new Error("validarPmr no está asociado");
  let completado = 0;
  await manejador({ completed: () => completado++ });
  return completado;
}

beforeEach(async () => {
  reiniciarEstadoCompartido();
  libro = crearLibroFalso(definicionLibroFlujo());
  ({ control, desinstalar } = instalarFalsoControlado(globalThis, libro));
  // Como en la página: el panel registra las acciones y después carga el paquete de comandos.
  registrarAcciones(crearAcciones(almacenPanel()));
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- una copia nueva del paquete de comandos
    require("../../src/commands/commands");
  });
  await new Promise((resolver) => setTimeout(resolver, 5)); // Office.onReady
});

afterEach(() => {
  desinstalar();
  reiniciarEstadoCompartido();
});

test("asocia validarPmr; al pulsarlo valida, resalta, abre el panel y completa el evento", async () => {
  expect(libro.registro.asociaciones.has("validarPmr")).toBe(true);
  const antes = libro.formatosCondicionales("PMR").length;

  expect(await pulsarValidarPmr()).toBe(1);

  expect(libro.registro.panelMostrado).toBe(1);
  const e = almacenPanel().obtener();
  expect(e.aviso?.intent).not.toBe("error");
  const esperado = validarLibro(grillasFlujo(), CONFIGURACION_POR_DEFECTO);
  expect(e.informe?.hallazgos).toEqual(esperado.hallazgos);
  expect(e.informe?.hallazgos.map((h) => `${h.hoja}!${h.celda}`)).toContain(`PMR!${CELDAS.diez}`);
  expect(e.pestana).toBe("resumen");
  expect(libro.formatosCondicionales("PMR").length).toBeGreaterThan(antes);
});

test("usa la configuración guardada en el libro", async () => {
  libro.ajustes.set(CLAVE_CONFIGURACION, JSON.stringify(crearConfiguracion({ corte: 3 })));
  await pulsarValidarPmr();
  const e = almacenPanel().obtener();
  expect(e.informe?.evaluacion.corte).toBe(3);
  expect(e.configuracionUsada?.corte).toBe(3);
});

test("si Excel falla, completa el evento igual y el panel muestra el error en español", async () => {
  control.fallo = "Excel no respondió.";
  expect(await pulsarValidarPmr()).toBe(1);
  expect(libro.registro.panelMostrado).toBe(1);
  const e = almacenPanel().obtener();
  expect(e.validando).toBe(false);
  expect(e.aviso).toEqual({
    intent: "error",
    titulo: MENSAJES.tituloErrorValidacion,
    texto: MENSAJES_EXCEL.lecturaFallida("Excel no respondió."),
  });
});

test("si el panel no registró sus acciones, completa el evento y lo explica", async () => {
  reiniciarEstadoCompartido();
  expect(await pulsarValidarPmr()).toBe(1);
  expect(libro.registro.panelMostrado).toBe(1);
  expect(almacenPanel().obtener().aviso).toMatchObject({ intent: "error", texto: MENSAJES.panelNoListo });
});

test("si hasta abrir el panel falla, completa el evento", async () => {
  reiniciarEstadoCompartido();
  const office = (globalThis as unknown as { Office: { addin: { showAsTaskpane: () => Promise<void> } } }).Office;
  const original = office.addin.showAsTaskpane;
  const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
  office.addin.showAsTaskpane = () => Promise.reject(new Error("no soportado"));
  try {
    expect(await pulsarValidarPmr()).toBe(1);
    expect(almacenPanel().obtener().aviso).toMatchObject({ intent: "error", texto: MENSAJES.errorDesconocido });
  } finally {
    office.addin.showAsTaskpane = original;
    error.mockRestore();
  }
});
