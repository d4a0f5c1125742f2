import { CLAVE_CONFIGURACION, crearConfiguracion } from "../../../src/domain";
import {
  guardarConfiguracion,
  leerConfiguracion,
  leerConfiguracionDetallada,
  recalcularFormulas,
} from "../../../src/hosts/excel";
import { ErrorExcelFalso, crearLibroFalso, reabrir } from "../../fakes/excel-falso";
import { quitarAnfitrion, usarLibro } from "./ayudas";

afterEach(() => quitarAnfitrion());

const libro = (ajustes: Record<string, unknown> = {}) => crearLibroFalso({ hojas: [{ nombre: "PMR" }], ajustes });

describe("configuración en el libro", () => {
  test("sin nada guardado: la configuración por defecto", () => {
    usarLibro(libro());
    expect(leerConfiguracion()).toEqual(crearConfiguracion());
    expect(leerConfiguracionDetallada().errores).toEqual([]);
  });

  test("ida y vuelta: se guarda con saveAsync como JSON y viaja con el archivo", async () => {
    const l = libro();
    usarLibro(l);
    const config = crearConfiguracion({
      corte: 6,
      vigencia: 2025,
      semaforo: { rojo: 0.4, amarillo: 0.7, verde: 1.2 },
      topeCien: true,
    });
    await guardarConfiguracion(config);
    expect(typeof l.ajustesGuardados()[CLAVE_CONFIGURACION]).toBe("string");
    const reabierto = reabrir(l);
    usarLibro(reabierto);
    expect(leerConfiguracion()).toEqual(config);
  });

  test.each([
    ["JSON roto", "{corte: 6", /no es un JSON válido/],
    ["valor fuera de rango", JSON.stringify({ corte: 13 }), /corte/],
    ["semáforo decreciente", JSON.stringify({ semaforo: { rojo: 0.9, amarillo: 0.5, verde: 1 } }), /semáforo/],
    ["clave desconocida", JSON.stringify({ umbral: 3 }), /Clave desconocida/],
  ])("%s guardado: la configuración por defecto y el porqué, sin lanzar", (_n, guardado, motivo) => {
    usarLibro(libro({ [CLAVE_CONFIGURACION]: guardado }));
    expect(leerConfiguracion()).toEqual(crearConfiguracion());
    const d = leerConfiguracionDetallada();
    expect(d.configuracion).toEqual(crearConfiguracion());
    expect(d.errores.join(" ")).toMatch(motivo);
  });

  test("también acepta un objeto guardado (no texto) por otra versión", () => {
    usarLibro(libro({ [CLAVE_CONFIGURACION]: { corte: 3 } }));
    expect(leerConfiguracion().corte).toBe(3);
  });

  test("una configuración no válida no se guarda y el error dice por qué", async () => {
    const l = libro();
    usarLibro(l);
    const mala = { ...crearConfiguracion(), corte: 15 };
    await expect(guardarConfiguracion(mala)).rejects.toThrow(/^La configuración no es válida y no se guardó: .*corte/);
    expect(l.ajustes.get(CLAVE_CONFIGURACION)).toBeNull();
  });

  test("si saveAsync falla, rechaza con un mensaje en español", async () => {
    const l = libro();
    usarLibro(l);
    l.fallarGuardadoAjustes = "El documento es de solo lectura.";
    await expect(guardarConfiguracion(crearConfiguracion())).rejects.toThrow(
      "No se pudo guardar la configuración en el libro: El documento es de solo lectura.",
    );
  });

  test("fuera de Office: leer da la configuración por defecto y guardar explica que hace falta Excel", async () => {
    quitarAnfitrion();
    expect(leerConfiguracion()).toEqual(crearConfiguracion());
    await expect(guardarConfiguracion(crearConfiguracion())).rejects.toThrow(
      "Esta acción solo funciona con un libro abierto en Excel.",
    );
  });
});

describe("recálculo después de guardar", () => {
  test("un recálculo completo (las =PMR.* no son volátiles) en un viaje, sin tocar las celdas", async () => {
    const l = crearLibroFalso({ hojas: [{ nombre: "PMR", valores: [["Código", 1]] }] });
    const ejecutar = usarLibro(l);
    const antes = l.instantaneaCeldas("PMR");
    await recalcularFormulas(ejecutar);
    expect(l.registro.recalculos).toEqual(["Full"]);
    expect(l.syncs).toBe(1);
    expect(l.instantaneaCeldas("PMR")).toEqual(antes);
  });

  test("si Excel falla, un error en español con el detalle", async () => {
    usarLibro(libro());
    const falla = (async () => {
      throw new ErrorExcelFalso("GeneralException", "Excel no respondió.");
    }) as unknown as Parameters<typeof recalcularFormulas>[0];
    await expect(recalcularFormulas(falla)).rejects.toThrow(
      "No se pudieron recalcular las fórmulas del libro: Excel no respondió.",
    );
  });
});
