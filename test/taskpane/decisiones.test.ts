/**
 * Decisiones en el panel sin navegador: las acciones «decidir» y «exportar hallazgos» con
 * dependencias simuladas (qué queda en el almacén del panel, qué se resalta, qué se escribe) y la
 * lógica pura de la lista (cerrados, filtro y conteos por decisión).
 */
import { ErrorDecision } from "../../src/casos/decidir";
import { NOMBRE_HOJA_HALLAZGOS } from "../../src/casos/exportarHallazgos";
import { validarLibro } from "../../src/casos/validar";
import { reaplicarDecisiones } from "../../src/casos/decisionesInforme";
import { CONFIGURACION_POR_DEFECTO } from "../../src/domain/configuracion";
import { SIN_DECISIONES, decidir, type Decision, type Decisiones } from "../../src/domain/decisiones";
import type { Hallazgo } from "../../src/domain/hallazgo";
import { crearAcciones, type DependenciasPanel } from "../../src/taskpane/controlador";
import { contarPorDecision, filtrarPorDecision, hallazgosDelPanel } from "../../src/taskpane/decisiones";
import { crearAlmacen, ESTADO_INICIAL, type EstadoPanel } from "../../src/taskpane/estado";
import { MENSAJES_DECISIONES } from "../../src/taskpane/mensajesDecisiones";
import type { DescripcionLibro } from "../../src/workbook/escritura";
import { grillasFlujo } from "../e2e/libro-flujo";

const INFORME = validarLibro(grillasFlujo(), CONFIGURACION_POR_DEFECTO);
const AHORA = 1_780_000_000_000;

function preparar(cambios: Partial<DependenciasPanel> = {}) {
  const almacen = crearAlmacen<EstadoPanel>({ ...ESTADO_INICIAL, informe: INFORME, hayResaltado: true });
  let guardadas: Decisiones = SIN_DECISIONES;
  const resaltados: Hallazgo[][] = [];
  const escritas: DescripcionLibro[] = [];
  const deps: DependenciasPanel = {
    hayExcel: () => true,
    validar: async () => ({ informe: INFORME }),
    quitarResaltado: async () => 0,
    hayResaltadoGuardado: () => false,
    soportaEventos: () => false,
    escucharCambios: async () => ({ cancelar: async () => undefined }),
    preferencias: { leer: () => null, guardar: () => undefined },
    programar: () => () => undefined,
    irACelda: async () => undefined,
    leerConfiguracion: () => ({ configuracion: CONFIGURACION_POR_DEFECTO, errores: [] }),
    guardarConfiguracion: async () => undefined,
    actualizarConfiguracionFunciones: () => undefined,
    recalcularFormulas: async () => undefined,
    mostrarPanel: async () => undefined,
    ahora: () => AHORA,
    decidir: async (h: Hallazgo, decision: Decision, nota: string) => {
      const r = decidir(guardadas, h, { decision, nota, autor: null, ahora: new Date(AHORA) });
      if (!r.ok) throw new ErrorDecision(r.problema);
      guardadas = r.decisiones;
      return guardadas;
    },
    resaltar: async (hs) => {
      resaltados.push([...hs]);
      return hs.length;
    },
    escribirHojas: async (d) => {
      escritas.push(d);
      return { cancelado: false, hojas: [d.hojas[0].nombre] };
    },
    ...cambios,
  };
  return { almacen, acciones: crearAcciones(almacen, deps), resaltados, escritas, guardadas: () => guardadas };
}

const primerError = () => INFORME.hallazgos.find((h) => h.severidad === "error")!;

describe("decidir desde el panel", () => {
  test("Justificado: el informe deja de contarlo al instante y el resaltado queda solo en los abiertos", async () => {
    expect(INFORME.resumen.errores).toBeGreaterThan(0);
    const { almacen, acciones, resaltados } = preparar();
    const h = primerError();
    await expect(acciones.decidir!(h, "Justificado", "Causa documentada en el acta 12")).resolves.toBeNull();
    const e = almacen.obtener();
    expect(e.informe!.resumen.errores).toBe(INFORME.resumen.errores - 1);
    expect(e.informe!.hallazgos.map((x) => x.clave)).not.toContain(h.clave);
    expect(e.informe!.decisiones.cerrados).toEqual([h]);
    expect(e.aviso).toMatchObject({ intent: "success", titulo: MENSAJES_DECISIONES.tituloGuardada });
    expect(resaltados).toHaveLength(1);
    expect(resaltados[0].map((x) => x.clave)).not.toContain(h.clave);
    expect(resaltados[0]).toHaveLength(INFORME.hallazgos.length - 1);
    expect(e.guardandoDecision).toBe(false);
  });

  test("En gestión: sigue abierto y no se vuelve a resaltar (no cambió)", async () => {
    const { almacen, acciones, resaltados } = preparar();
    await acciones.decidir!(primerError(), "En gestión", "");
    expect(almacen.obtener().informe!.resumen).toEqual(INFORME.resumen);
    expect(resaltados).toEqual([]);
  });

  test("nota corta: devuelve el motivo para el campo, sin aviso de error y sin guardar", async () => {
    const { almacen, acciones, guardadas } = preparar();
    const r = await acciones.decidir!(primerError(), "Descartado", "no aplica");
    expect(r).toMatch(/al menos 10 caracteres/);
    expect(almacen.obtener().aviso).toBeNull();
    expect(almacen.obtener().informe).toBe(INFORME);
    expect(guardadas()).toBe(SIN_DECISIONES);
  });

  test("Excel falla: aviso en español y el informe no cambia", async () => {
    const { almacen, acciones } = preparar({
      decidir: async () => {
        throw new Error("No se pudieron guardar las decisiones sobre hallazgos: Excel no respondió.");
      },
    });
    const r = await acciones.decidir!(primerError(), "Justificado", "Causa documentada en el acta 12");
    expect(r).toMatch(/Excel no respondió/);
    expect(almacen.obtener().aviso).toMatchObject({ intent: "error", titulo: MENSAJES_DECISIONES.tituloErrorDecision });
    expect(almacen.obtener().informe).toBe(INFORME);
  });
});

test("una decisión guardada mientras se validaba no se pierde cuando la validación termina", async () => {
  let terminar: () => void = () => undefined;
  const { almacen, acciones } = preparar({
    validar: () => new Promise((listo) => (terminar = () => listo({ informe: INFORME }))),
  });
  const validando = acciones.validar();
  const h = primerError();
  await acciones.decidir!(h, "Justificado", "Causa documentada en el acta 12");
  terminar();
  await validando;
  const e = almacen.obtener();
  expect(e.validando).toBe(false);
  expect(e.informe!.decisiones.cerrados.map((x) => x.clave)).toEqual([h.clave]);
  expect(e.informe!.resumen.errores).toBe(INFORME.resumen.errores - 1);
});

describe("exportar desde el panel", () => {
  test("escribe la hoja «Hallazgos PMR» con vínculos dentro del libro", async () => {
    const { almacen, acciones, escritas } = preparar();
    await acciones.exportarHallazgos!(async () => true);
    expect(escritas).toHaveLength(1);
    expect(escritas[0].hojas[0].nombre).toBe(NOMBRE_HOJA_HALLAZGOS);
    expect(JSON.stringify(escritas[0])).toContain('HYPERLINK(\\"#');
    expect(almacen.obtener().aviso).toMatchObject({ intent: "success" });
  });

  test("si no se acepta reemplazar, lo dice y no escribe nada", async () => {
    const { almacen, acciones } = preparar({
      escribirHojas: async (_d, confirmar) => ({ cancelado: !(await confirmar(["Hallazgos PMR"])), hojas: [] }),
    });
    await acciones.exportarHallazgos!(async () => false);
    expect(almacen.obtener().aviso).toMatchObject({ intent: "info", texto: MENSAJES_DECISIONES.exportacionCancelada });
  });
});

describe("lista del panel", () => {
  test("cerrados, filtro y conteos por decisión", () => {
    const [a, b] = INFORME.hallazgos;
    let d = SIN_DECISIONES;
    for (const [h, decision, nota] of [
      [a, "Descartado", "Falso positivo del lector"],
      [b, "En gestión", ""],
    ] as const) {
      const r = decidir(d, h, { decision, nota, autor: null, ahora: new Date(AHORA) });
      if (r.ok) d = r.decisiones;
    }
    const informe = reaplicarDecisiones(INFORME, d, new Date(AHORA));
    expect(hallazgosDelPanel(informe, false)).toHaveLength(INFORME.hallazgos.length - 1);
    expect(hallazgosDelPanel(informe, true).map((h) => h.clave)).toEqual(INFORME.hallazgos.map((h) => h.clave));
    const todos = hallazgosDelPanel(informe, true);
    expect(filtrarPorDecision(todos, ["Descartado"], informe)).toEqual([a]);
    expect(filtrarPorDecision(todos, ["En gestión", "Descartado"], informe)).toEqual([a, b]);
    expect(contarPorDecision(todos, informe)).toEqual({
      Pendiente: INFORME.hallazgos.length - 2,
      "En gestión": 1,
      Justificado: 0,
      Descartado: 1,
    });
  });
});
