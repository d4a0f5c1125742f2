/** Construcción de errores: CustomFunctions.Error en Excel, ErrorLocal fuera de Excel. */
import {
  ErrorLocal,
  crearError,
  esErrorFuncion,
  noDisponible,
  propagarError,
  valorNoValido,
} from "../../src/functions/errores";

type Global = { CustomFunctions?: unknown };

describe("fuera de Excel (sin CustomFunctions global)", () => {
  test("crea ErrorLocal con código y mensaje", () => {
    const e = valorNoValido("Mensaje");
    expect(e).toBeInstanceOf(ErrorLocal);
    expect({ ...e }).toEqual({ code: "#VALUE!", message: "Mensaje" });
    expect({ ...noDisponible("Sin programación") }).toEqual({ code: "#N/A", message: "Sin programación" });
    expect(esErrorFuncion(e)).toBe(true);
    expect(esErrorFuncion({ code: "#VALUE!" })).toBe(false);
  });

  test("los códigos sin mensaje propio en Excel se crean sin mensaje", () => {
    const e = crearError("divisionByZero", "no se mostraría");
    expect(e.code).toBe("#DIV/0!");
    expect("message" in e).toBe(false);
  });

  test("propagarError conserva #N/A, #DIV/0!, #NUM!, #NULL! y vuelve #VALUE! los demás", () => {
    expect({ ...propagarError("#N/A", "de antes", "x") }).toEqual({ code: "#N/A", message: "de antes" });
    expect({ ...propagarError("#n/a", undefined, "x") }).toEqual({ code: "#N/A", message: "x" });
    expect(propagarError("#NUM!", undefined, "x").code).toBe("#NUM!");
    expect(propagarError("#NULL!", undefined, "x").code).toBe("#NULL!");
    expect({ ...propagarError("#REF!", "y", "Un argumento tiene el error #REF!.") }).toEqual({
      code: "#VALUE!",
      message: "Un argumento tiene el error #REF!.",
    });
  });
});

describe("en Excel (con CustomFunctions global)", () => {
  class ErrorExcel {
    constructor(
      public code: string,
      public message?: string,
    ) {}
  }
  const llamadas: unknown[][] = [];
  beforeAll(() => {
    (globalThis as Global).CustomFunctions = {
      Error: class extends ErrorExcel {
        constructor(...args: [string, string?]) {
          super(...args);
          llamadas.push(args);
        }
      },
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!" },
    };
  });
  afterAll(() => {
    delete (globalThis as Global).CustomFunctions;
  });

  test("usa la clase Error y los códigos de CustomFunctions.ErrorCode", () => {
    const e = valorNoValido("Mensaje");
    expect(e).toBeInstanceOf(ErrorExcel);
    expect(e).not.toBeInstanceOf(ErrorLocal);
    expect(llamadas).toContainEqual(["#VALUE!", "Mensaje"]);
    expect(esErrorFuncion(e)).toBe(true);
    crearError("divisionByZero", "x");
    expect(llamadas[llamadas.length - 1]).toEqual(["#DIV/0!"]);
  });

  test("un código que falte en ErrorCode usa el texto conocido", () => {
    expect(crearError("invalidNumber").code).toBe("#NUM!");
  });
});
