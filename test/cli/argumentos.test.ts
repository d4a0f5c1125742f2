/** Argumentos de `pmr` (PMR-SPEC §5): tabla de casos válidos e inválidos. */
import { leerArgumentos, leerCorte, leerFormato, leerVigencia } from "../../src/cli/argumentos";
import { USO_GENERAL, USO_VALIDAR } from "../../src/cli/mensajes";

const base = {
  libro: "libro.xlsx",
  corte: null,
  vigencia: null,
  formato: "texto",
  config: null,
  indicadores: false,
  todos: false,
  exportar: null,
};

describe("órdenes válidas", () => {
  it.each([
    [["validar", "libro.xlsx"], {}],
    [["validar", "libro.xlsx", "--corte", "9"], { corte: 9 }],
    [["validar", "--corte=12", "libro.xlsx"], { corte: 12 }],
    [["validar", "libro.xlsx", "--corte", "09"], { corte: 9 }],
    [["validar", "libro.xlsx", "--vigencia", "2025"], { vigencia: 2025 }],
    [["validar", "libro.xlsx", "--formato", "json"], { formato: "json" }],
    [["validar", "libro.xlsx", "--formato=JSON"], { formato: "json" }],
    [["validar", "libro.xlsx", "--formato", "texto", "--indicadores"], { indicadores: true }],
    [["validar", "libro.xlsx", "--config", "conf.json"], { config: "conf.json" }],
    [["validar", "libro.xlsx", "--todos"], { todos: true }],
    [["validar", "--todos", "--indicadores", "libro.xlsx"], { todos: true, indicadores: true }],
    [["validar", "libro.xlsx", "--exportar", "hallazgos.xlsx"], { exportar: "hallazgos.xlsx" }],
    [["validar", "libro.xlsx", "--exportar=h.xlsx", "--todos"], { exportar: "h.xlsx", todos: true }],
    [["validar", "--corte", "3", "--corte", "4", "libro.xlsx"], { corte: 4 }],
    [["validar", "--", "libro.xlsx"], {}],
    [["validar", "--corte", "6", "--", "--raro.xlsx"], { corte: 6, libro: "--raro.xlsx" }],
  ])("%j", (argv, esperado) => {
    expect(leerArgumentos(argv)).toEqual({ tipo: "validar", ...base, ...esperado });
  });

  it.each([[["--help"]], [["-h"]], [["--ayuda"]]])("ayuda general %j", (argv) => {
    expect(leerArgumentos(argv)).toEqual({ tipo: "ayuda", texto: USO_GENERAL });
  });

  it.each([[["validar", "--help"]], [["validar", "libro.xlsx", "-h"]], [["validar", "--corte", "99", "--help"]]])(
    "ayuda de validar (gana a otros errores) %j",
    (argv) => {
      expect(leerArgumentos(argv)).toEqual({ tipo: "ayuda", texto: USO_VALIDAR });
    },
  );

  it("versión", () => {
    expect(leerArgumentos(["--version"])).toEqual({ tipo: "version" });
  });
});

describe("órdenes inválidas: un mensaje en español de una línea", () => {
  it.each([
    [[], /Falta el comando/],
    [["revisar", "libro.xlsx"], /Comando desconocido: «revisar»/],
    [["--corte", "9"], /Opción desconocida: «--corte»/],
    [["validar"], /Falta el libro/],
    [["validar", "a.xlsx", "b.xlsx"], /Sobra el argumento «b\.xlsx»/],
    [["validar", "libro.xlsx", "--foo"], /Opción desconocida: «--foo»/],
    [["validar", "libro.xlsx", "-x"], /Opción desconocida: «-x»/],
    [["validar", "libro.xlsx", "--formato=html"], /formato debe ser «texto» o «json» \(se recibió «html»\)/],
    [["validar", "libro.xlsx", "--corte", "13"], /corte debe ser un mes entre 1 y 12 \(se recibió «13»\)/],
    [["validar", "libro.xlsx", "--corte", "0"], /corte debe ser un mes entre 1 y 12/],
    [["validar", "libro.xlsx", "--corte", "sept"], /corte debe ser un mes entre 1 y 12/],
    [["validar", "libro.xlsx", "--corte", "2.5"], /corte debe ser un mes entre 1 y 12/],
    [["validar", "libro.xlsx", "--corte"], /La opción --corte necesita un valor/],
    [["validar", "libro.xlsx", "--corte", "--formato", "json"], /La opción --corte necesita un valor/],
    [["validar", "libro.xlsx", "--corte="], /La opción --corte necesita un valor/],
    [["validar", "libro.xlsx", "--vigencia", "25"], /vigencia debe ser un año de cuatro cifras/],
    [["validar", "libro.xlsx", "--vigencia", "3025"], /vigencia debe ser un año/],
    [["validar", "libro.xlsx", "--indicadores=si"], /La opción --indicadores no lleva valor/],
  ])("%j", (argv, mensaje) => {
    const r = leerArgumentos(argv);
    expect(r.tipo).toBe("error");
    if (r.tipo !== "error") return;
    expect(r.mensaje).toMatch(mensaje);
    expect(r.mensaje).not.toMatch(/\n/);
  });
});

describe("lectura de valores de opciones", () => {
  it.each([
    ["1", 1],
    ["12", 12],
    [" 9 ", 9],
    ["13", null],
    ["-1", null],
    ["", null],
  ])("corte %j → %j", (v, n) => expect(leerCorte(v)).toBe(n));

  it.each([
    ["2025", 2025],
    ["1899", null],
    ["2201", null],
    ["20256", null],
    ["año", null],
  ])("vigencia %j → %j", (v, n) => expect(leerVigencia(v)).toBe(n));

  it.each([
    ["texto", "texto"],
    ["Json", "json"],
    ["csv", null],
  ])("formato %j → %j", (v, f) => expect(leerFormato(v)).toBe(f));
});
