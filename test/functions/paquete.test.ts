/**
 * El paquete construido (dist/functions.*.js, lo que Excel carga) en un sandbox de Node `vm`, con
 * un `CustomFunctions` de mentira (registra associate y ofrece Error y ErrorCode) y un `Office`
 * con la configuración del documento. Comprueba que cada id de dist/functions.json queda
 * registrado y que las funciones calculan dentro del paquete.
 *
 * dist/ lo construye `npm run build` (npm test lo hace en pretest). Si falta, esta prueba falla
 * y dice qué ejecutar.
 */
import * as path from "path";
import {
  ErrorExcel,
  FALTA_DIST,
  type Funcion,
  type Metadatos,
  RAIZ,
  archivoDelPaquete,
  cargarPaquete,
  leerMetadatos,
} from "./paquete-dist";

// El generador de metadatos es dependencia de custom-functions-metadata-plugin: se carga desde ahí.
type Generador = (entrada: string[], consola: boolean) => Promise<{ errors: string[]; metadataJson: string }>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generateCustomFunctionsMetadata } = require(
  require.resolve("custom-functions-metadata", {
    paths: [path.dirname(require.resolve("custom-functions-metadata-plugin"))],
  }),
) as { generateCustomFunctionsMetadata: Generador };

/** Copia sin prototipos del sandbox, para comparar con toEqual. */
const plano = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

test("sin dist/ la prueba falla diciendo que se ejecute npm run build", () => {
  const inexistente = path.join(RAIZ, "no-existe-dist");
  expect(() => archivoDelPaquete(inexistente)).toThrow(FALTA_DIST);
  expect(() => leerMetadatos(inexistente)).toThrow(FALTA_DIST);
});

describe("paquete de funciones construido (dist/)", () => {
  let metadatos: Metadatos;
  let registro: Map<string, Funcion>;
  let asociaciones: string[];

  beforeAll(() => {
    metadatos = leerMetadatos();
    ({ registro, asociaciones } = cargarPaquete());
  });

  test("dist/functions.json declara las siete funciones", () => {
    expect(metadatos.functions.map((f) => f.id).sort()).toEqual(
      ["ACUMULADO", "AVANCE", "AVANCE.FINANCIERO", "COHERENCIA", "CUMPLIMIENTO", "ESTADO", "SEMAFORO"].sort(),
    );
  });

  test("cada id de dist/functions.json queda registrado con una función, y nada más", () => {
    for (const f of metadatos.functions) expect(typeof registro.get(f.id)).toBe("function");
    expect([...new Set(asociaciones)].sort()).toEqual(metadatos.functions.map((f) => f.id).sort());
  });

  test("dist/functions.json está al día con src/functions/functions.ts", async () => {
    const generado = await generateCustomFunctionsMetadata([path.join(RAIZ, "src/functions/functions.ts")], true);
    expect(generado.errors).toEqual([]);
    const fuente = JSON.parse(generado.metadataJson) as Metadatos;
    expect(metadatos.functions).toEqual(fuente.functions);
  });

  test("cada función y cada argumento tienen ayuda en español; los opcionales y las matrices están declarados", () => {
    for (const f of metadatos.functions) {
      expect(f.name).toBe(f.id);
      expect(f.description ?? "").toMatch(/[a-záéíóúñ]{4,}/);
      for (const p of f.parameters) {
        expect(p.description ?? "").not.toBe("");
        expect(p.type).toBe("any");
        expect(p.dimensionality).toBe("matrix");
      }
    }
    const opcionales = Object.fromEntries(
      metadatos.functions.map((f) => [f.id, f.parameters.filter((p) => p.optional).map((p) => p.name)]),
    );
    expect(opcionales).toEqual({
      AVANCE: ["tendencia", "lineaBase"],
      CUMPLIMIENTO: ["ponderaciones", "programados"],
      ACUMULADO: ["corte"],
      ESTADO: ["corte"],
      SEMAFORO: [],
      "AVANCE.FINANCIERO": [],
      COHERENCIA: ["tolerancia"],
    });
    const escalares = metadatos.functions.filter((f) => f.result.dimensionality !== "matrix").map((f) => f.id);
    expect(escalares).toEqual(["CUMPLIMIENTO"]);
  });

  test("AVANCE(100; 95) = 0,95", () => {
    const r = registro.get("AVANCE")!([[100]], [[95]], null, null) as number[][];
    expect(r[0][0]).toBeCloseTo(0.95, 12);
  });

  test("una llamada con rangos devuelve una matriz que se derrama", () => {
    const r = registro.get("AVANCE")!(
      [[100], [50], [10]],
      [[95], [55], [8]],
      [["Suma"], ["Creciente"], ["Decreciente"]],
      [[null], [null], [12]],
    );
    expect(plano(r)).toEqual([[0.95], [1.1], [2]]);
  });

  test("los errores usan CustomFunctions.Error con su código y mensaje", () => {
    const r = registro.get("AVANCE")!([[100]], [[95]], [["Sumatoria"]], null) as unknown[][];
    expect(r[0][0]).toBeInstanceOf(ErrorExcel);
    expect(plano(r[0][0])).toEqual({
      code: "#VALUE!",
      message: "Tendencia no reconocida: «Sumatoria». Use Suma, Creciente, Constante o Decreciente.",
    });
    const sinProg = registro.get("AVANCE")!([[0]], [[1]], null, null) as unknown[][];
    expect(plano(sinProg[0][0])).toEqual({ code: "#N/A", message: "Sin programación" });
    expect(plano(registro.get("AVANCE.FINANCIERO")!([[1]], [[0]]))).toEqual([
      [{ code: "#N/A", message: "Sin apropiación" }],
    ]);
  });

  test("las demás funciones calculan dentro del paquete", () => {
    expect(registro.get("CUMPLIMIENTO")!([[0.95], [1.1]], [[0.6], [0.4]], null)).toBeCloseTo(1.01, 12);
    expect(plano(registro.get("ACUMULADO")!([[10, 20, null]], [["Creciente"]], null))).toEqual([[20]]);
    expect(plano(registro.get("ESTADO")!([[0.9], [1.3]], [[6]]))).toEqual([["En ejecución"], ["Sobrecumplida"]]);
    expect(plano(registro.get("SEMAFORO")!([[0.6]]))).toEqual([["Amarillo"]]);
    expect(plano(registro.get("COHERENCIA")!([[0.2]], [[0.9]], null))).toEqual([["Financiero adelantado"]]);
  });

  test("lee la configuración del documento (Office.context.document.settings)", () => {
    const otro = cargarPaquete(JSON.stringify({ semaforo: { rojo: 0.7, amarillo: 0.8, verde: 1.2 } }));
    expect(plano(otro.registro.get("SEMAFORO")!([[0.6]]))).toEqual([["Rojo"]]);
  });
});
