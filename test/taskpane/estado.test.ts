import {
  almacenPanel,
  crearAlmacen,
  ESTADO_INICIAL,
  obtenerAcciones,
  registrarAcciones,
  reiniciarEstadoCompartido,
  type AccionesPanel,
} from "../../src/taskpane/estado";

afterEach(() => reiniciarEstadoCompartido());

describe("almacén mínimo", () => {
  test("actualiza por partes, avisa a los suscriptores y deja de avisar al cancelar", () => {
    const a = crearAlmacen({ n: 0, texto: "a" });
    const avisos: number[] = [];
    const cancelar = a.suscribir(() => avisos.push(a.obtener().n));
    a.actualizar({ n: 1 });
    a.actualizar((e) => ({ n: e.n + 1 }));
    expect(a.obtener()).toEqual({ n: 2, texto: "a" });
    expect(avisos).toEqual([1, 2]);
    cancelar();
    a.actualizar({ n: 3 });
    expect(avisos).toEqual([1, 2]);
  });

  test("un cambio que no cambia nada no avisa ni crea un estado nuevo", () => {
    const a = crearAlmacen({ n: 0 });
    const antes = a.obtener();
    const oyente = jest.fn();
    a.suscribir(oyente);
    a.actualizar({ n: 0 });
    a.actualizar({});
    expect(oyente).not.toHaveBeenCalled();
    expect(a.obtener()).toBe(antes);
  });

  test("el estado es inmutable: cada cambio es un objeto nuevo (para useSyncExternalStore)", () => {
    const a = crearAlmacen({ n: 0 });
    const antes = a.obtener();
    a.actualizar({ n: 1 });
    expect(a.obtener()).not.toBe(antes);
    expect(antes.n).toBe(0);
  });

  test("un suscriptor que falla no impide avisar a los demás", () => {
    const a = crearAlmacen({ n: 0 });
    const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const otro = jest.fn();
    a.suscribir(() => {
      throw new Error("falla");
    });
    a.suscribir(otro);
    a.actualizar({ n: 1 });
    expect(otro).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });
});

describe("estado compartido entre paquetes", () => {
  test("dos copias del módulo (dos paquetes de webpack) ven el mismo almacén y las mismas acciones", () => {
    let copia: typeof import("../../src/taskpane/estado") | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- otra copia del módulo, como otro paquete
      copia = require("../../src/taskpane/estado") as typeof import("../../src/taskpane/estado");
    });
    expect(copia).toBeDefined();
    expect(copia!.almacenPanel()).toBe(almacenPanel());

    const acciones = { validar: jest.fn() } as unknown as AccionesPanel;
    registrarAcciones(acciones);
    expect(copia!.obtenerAcciones()).toBe(acciones);

    copia!.almacenPanel().actualizar({ pestana: "tablero" });
    expect(almacenPanel().obtener().pestana).toBe("tablero");
  });

  test("las primeras acciones registradas quedan (una sola copia del adaptador por página)", () => {
    const primeras = { validar: jest.fn() } as unknown as AccionesPanel;
    const segundas = { validar: jest.fn() } as unknown as AccionesPanel;
    expect(registrarAcciones(primeras)).toBe(primeras);
    expect(registrarAcciones(segundas)).toBe(primeras);
    expect(obtenerAcciones()).toBe(primeras);
  });

  test("empieza en Resumen, sin informe ni aviso", () => {
    expect(almacenPanel().obtener()).toEqual(ESTADO_INICIAL);
    expect(obtenerAcciones()).toBeNull();
  });
});
