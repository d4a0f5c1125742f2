import {
  CONFIGURACION_POR_DEFECTO,
  claveHallazgo,
  crearConfiguracion,
  interpretarConfiguracionGuardada,
  leerConfiguracionGuardada,
  validarConfiguracion,
} from "../../src/domain";

describe("configuración", () => {
  it("valores por defecto de la especificación", () => {
    expect(CONFIGURACION_POR_DEFECTO).toMatchObject({
      corte: null,
      toleranciaFisicoFinanciera: 0.3,
      umbralSobrecumplimiento: 1.25,
      semaforo: { rojo: 0.5, amarillo: 0.75, verde: 1.25 },
      metodoAvance: "razon",
      topeCien: false,
      longitudMaximaCualitativo: 250,
    });
  });
  it("acepta valores parciales", () => {
    expect(crearConfiguracion({ corte: 6 }).corte).toBe(6);
  });
  it("rechaza claves desconocidas y valores fuera de rango con mensajes en español", () => {
    const r = validarConfiguracion({ corte: 13, tolerancia: 2 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errores.join(" ")).toMatch(/Clave desconocida.*tolerancia/);
      expect(r.errores.join(" ")).toMatch(/«corte».*máximo 12/);
    }
  });
  it("rechaza un semáforo no creciente", () => {
    const r = validarConfiguracion({ semaforo: { rojo: 0.8, amarillo: 0.7, verde: 1.2 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errores[0]).toMatch(/crecientes/);
  });
  it("rechaza tipos equivocados y lo dice en español", () => {
    const r = validarConfiguracion({ topeCien: "sí", corte: "seis", semaforo: 3 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errores).toEqual(
        expect.arrayContaining([
          "«topeCien»: tipo no válido (se esperaba true o false).",
          "«corte»: tipo no válido (se esperaba un número).",
          "«semaforo»: tipo no válido (se esperaba un objeto JSON entre llaves).",
        ]),
      );
      expect(r.errores.join(" ")).not.toMatch(/boolean|number|object/);
    }
  });
});

describe("configuración guardada en el libro (un solo intérprete)", () => {
  it.each([null, undefined, ""])("%p: no hay nada guardado", (guardado) => {
    expect(leerConfiguracionGuardada(guardado)).toEqual({ estado: "vacia" });
    expect(interpretarConfiguracionGuardada(guardado)).toEqual({
      configuracion: CONFIGURACION_POR_DEFECTO,
      errores: [],
    });
  });
  it("texto JSON u objeto: lo mismo, completado con los valores por defecto", () => {
    const esperado = { estado: "valida", configuracion: crearConfiguracion({ corte: 4 }) };
    expect(leerConfiguracionGuardada('{"corte":4}')).toEqual(esperado);
    expect(leerConfiguracionGuardada({ corte: 4 })).toEqual(esperado);
  });
  it("JSON roto o configuración rechazada: errores en español, nunca lanza", () => {
    expect(leerConfiguracionGuardada("{corte")).toEqual({
      estado: "no-valida",
      errores: ["La configuración guardada en el libro (pmr.configuracion) no es un JSON válido."],
    });
    const r = interpretarConfiguracionGuardada(JSON.stringify({ corte: 0 }));
    expect(r.configuracion).toEqual(CONFIGURACION_POR_DEFECTO);
    expect(r.errores.join(" ")).toMatch(/«corte».*mínimo 1/);
    expect(leerConfiguracionGuardada(42)).toMatchObject({ estado: "no-valida" });
  });
});

describe("clave de hallazgo", () => {
  it("depende de la regla y de las identidades, no de mayúsculas ni espacios", () => {
    expect(claveHallazgo("R", "o1", 3)).toBe(claveHallazgo("R", " O1 ", "3"));
    expect(claveHallazgo("R", "O1")).not.toBe(claveHallazgo("R", "O2"));
    expect(claveHallazgo("R1", "O1")).not.toBe(claveHallazgo("R2", "O1"));
    expect(claveHallazgo("R", "O1", "")).not.toBe(claveHallazgo("R", "O1"));
  });
});
