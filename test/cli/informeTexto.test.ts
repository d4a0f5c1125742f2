/** Informe en texto de `pmr validar`: formato es-CO, alineación, grupos por categoría y colores. */
import { CONFIGURACION_POR_DEFECTO, type Hallazgo, type ModeloPmr } from "../../src/domain";
import { validarLibro, validarModelo, resumir, type InformeValidacion } from "../../src/casos/validar";
import { informeTexto } from "../../src/cli/informeTexto";
import { numero, porcentaje } from "../../src/domain/formato";
import { leerArchivoXlsx } from "../../src/hosts/xlsx";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ejemplo = require("../../scripts/ejemplo") as typeof import("../../scripts/ejemplo");

const ESC = "\u001b[";

describe("cifras en es-CO", () => {
  it("los porcentajes y valores son los del formato único (src/domain/formato.ts)", () => {
    expect(porcentaje(1.0126)).toBe("101,26\u00a0%");
    expect(numero(48030)).toBe("48.030,00");
    expect(porcentaje(null)).toBe("—");
  });
});

describe("informe del libro de ejemplo", () => {
  let informe: InformeValidacion;
  beforeAll(async () => {
    const libro = await leerArchivoXlsx(await ejemplo.libroEnMemoria());
    informe = validarLibro(libro, CONFIGURACION_POR_DEFECTO);
  });

  it("encabezado con archivo, vigencia y corte", () => {
    const t = informeTexto("ejemplos/pmr-ejemplo.xlsx", informe, { color: false, indicadores: false });
    expect(t).toMatch(/^PMR · Informe de validación\n/);
    expect(t).toMatch(/Archivo: +ejemplos\/pmr-ejemplo\.xlsx\n/);
    expect(t).toMatch(/Vigencia: +2025\n/);
    expect(t).toMatch(/Corte: +septiembre \(mes 9\)\n/);
    expect(t).toContain(
      `${informe.evaluacion.objetivos.length} objetivos · ${informe.evaluacion.productos.length} productos · 30 indicadores`,
    );
  });

  it("cada objetivo con su cumplimiento y semáforo, con la columna de cumplimiento alineada", () => {
    const t = informeTexto("x.xlsx", informe, { color: false, indicadores: false });
    const lineas = t.split("\n");
    const finales: number[] = [];
    for (const o of informe.evaluacion.objetivos) {
      const linea = lineas.find((l) => l.startsWith(`  ${o.codigo} `));
      expect(linea).toBeDefined();
      expect(linea).toContain(porcentaje(o.cumplimiento));
      expect(linea).toContain(String(o.semaforo));
      finales.push(linea!.indexOf(" %") + 2);
    }
    expect(new Set(finales).size).toBe(1);
  });

  it("cada producto con avance físico, financiero y coherencia", () => {
    const t = informeTexto("x.xlsx", informe, { color: false, indicadores: false });
    for (const p of informe.evaluacion.productos) {
      const linea = t.split("\n").find((l) => l.startsWith(`  ${p.codigo} `));
      expect(linea).toContain(porcentaje(p.avanceFisico));
      expect(linea).toContain(porcentaje(p.avanceFinanciero));
      if (p.coherencia) expect(linea).toContain(p.coherencia);
    }
  });

  it("los indicadores solo si se piden", () => {
    const sin = informeTexto("x.xlsx", informe, { color: false, indicadores: false });
    const con = informeTexto("x.xlsx", informe, { color: false, indicadores: true });
    expect(sin.split("\n").some((l) => l.trim().startsWith("IP1.1.1"))).toBe(false);
    const linea = con.split("\n").find((l) => l.trim().startsWith("IP1.1.1"));
    const ind = informe.evaluacion.indicadores.find((i) => i.indicador.codigo === "IP1.1.1")!;
    expect(linea).toContain(porcentaje(ind.avance));
    expect(linea).toContain(numero(ind.ejecutado));
    expect(linea).toContain(ind.estado);
  });

  it("sin colores si no se piden; con colores si se piden", () => {
    expect(informeTexto("x.xlsx", informe, { color: false, indicadores: true })).not.toContain(ESC);
    const color = informeTexto("x.xlsx", informe, { color: true, indicadores: false });
    expect(color).toContain(ESC);
    expect(color).toContain("\u001b[32mVerde");
  });
});

describe("hallazgos agrupados por categoría", () => {
  function hallazgo(
    categoria: Hallazgo["categoria"],
    severidad: Hallazgo["severidad"],
    celda: string,
    mensaje: string,
  ): Hallazgo {
    return { regla: "X", categoria, severidad, mensaje, hoja: "PMR", celda, clave: celda };
  }
  const modelo: ModeloPmr = { pmr: null, presupuesto: null, territorial: null, lectura: [] };
  const hallazgos = [
    hallazgo("Estructura", "error", "Z10", "La celda tiene #REF!."),
    hallazgo("Metas", "advertencia", "I32", "Tendencia fuera del catálogo."),
    hallazgo("Metas", "error", "O7", "Meta negativa."),
    hallazgo("Seguimiento", "info", "AB100", "Una nota."),
  ];
  const informe: InformeValidacion = {
    ...validarModelo(modelo, CONFIGURACION_POR_DEFECTO),
    hallazgos,
    resumen: resumir(hallazgos),
  };
  const t = informeTexto("x.xlsx", informe, { color: false, indicadores: false });
  const lineas = t.split("\n");

  it("en el orden de las categorías de §3, con su conteo", () => {
    const grupos = lineas.filter((l) => /^ {2}\S.* \(\d+\)$/.test(l)).map((l) => l.trim());
    expect(grupos).toEqual(["Metas (2)", "Seguimiento (1)", "Estructura (1)"]);
  });

  it("cada hallazgo con hoja!celda, severidad y mensaje, alineados", () => {
    const filas = lineas.filter((l) => l.startsWith("    PMR!"));
    expect(filas).toHaveLength(4);
    expect(filas[0]).toMatch(/^ {4}PMR!I32 +advertencia +Tendencia fuera del catálogo\.$/);
    expect(new Set(filas.map((f) => f.search(/(error|advertencia|info) /))).size).toBe(1);
    const mensajes = filas.map((f) => f.indexOf(f.trim().split(/ {2,}/)[2]));
    expect(new Set(mensajes).size).toBe(1);
  });

  it("el resumen cuenta por severidad", () => {
    expect(t).toContain("4 hallazgos: 2 errores, 1 advertencia, 1 informativo");
  });

  it("sin hallazgos lo dice", () => {
    const vacio = informeTexto(
      "x.xlsx",
      { ...informe, hallazgos: [], resumen: resumir([]) },
      { color: false, indicadores: false },
    );
    expect(vacio).toContain("Sin hallazgos");
    expect(vacio).toContain("No hay objetivos para mostrar.");
  });
});
