import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { CATEGORIAS, HallazgoSchema, type Hallazgo, type Indicador, type ModeloPmr } from "../../src/domain";
import { catalogoMarkdown } from "../../src/rules/catalogo";
import { cvIndSinMeta } from "../../src/rules/cadena-valor/cv-ind-sin-meta";
import { REGLAS, ejecutarReglas } from "../../src/rules/registro";
import { definirRegla } from "../../src/rules/tipos";
import {
  configuracion,
  doce,
  evaluacionDe,
  filaPresupuesto,
  filaTerritorial,
  indicador,
  modelo,
  modeloCoherente,
  serie,
} from "./fabrica";

const RAIZ = path.resolve(__dirname, "../..");

function todas(m: ModeloPmr, parcial: Parameters<typeof configuracion>[0] = {}): Hallazgo[] {
  const c = configuracion(parcial);
  return ejecutarReglas(m, evaluacionDe(m, c), c);
}

describe("registro de reglas", () => {
  it("ids únicos, con forma FAMILIA-ALGO, y meta completa", () => {
    const ids = REGLAS.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { meta } of REGLAS) {
      expect(meta.id).toMatch(/^(CV|MET|SEG|CUAL|FF|TER|EST|CIE|CONS)(-[A-Z0-9]+)+$/);
      expect(CATEGORIAS).toContain(meta.categoria);
      expect(meta.descripcion.length).toBeGreaterThan(10);
      expect(meta.mensaje.length).toBeGreaterThan(20);
      expect(meta.comoCorregir.length).toBeGreaterThan(10);
    }
  });

  it("cubre todas las categorías de §3", () => {
    const categorias = new Set(REGLAS.map((r) => r.meta.categoria));
    expect([...CATEGORIAS].filter((c) => !categorias.has(c))).toEqual([]);
  });

  it("cada regla vive en src/rules/<familia>/<id en minúsculas>.ts y tiene su tabla de casos", () => {
    const carpetas = fs
      .readdirSync(path.join(RAIZ, "src/rules"), { withFileTypes: true })
      .filter((d) => d.isDirectory());
    const pruebas = fs
      .readdirSync(path.join(RAIZ, "test/rules"))
      .filter((f) => f.endsWith(".test.ts"))
      .map((f) => fs.readFileSync(path.join(RAIZ, "test/rules", f), "utf8"))
      .join("\n");
    const modulos = new Map<string, string>();
    for (const carpeta of carpetas) {
      for (const archivo of fs.readdirSync(path.join(RAIZ, "src/rules", carpeta.name))) {
        const fuente = fs.readFileSync(path.join(RAIZ, "src/rules", carpeta.name, archivo), "utf8");
        const m = /export const (\w+) = definirRegla\(\s*\{\s*id: "([A-Z0-9-]+)"/.exec(fuente);
        if (m) modulos.set(m[2], `${archivo}|${m[1]}`);
      }
    }
    // El registro lista exactamente los módulos que definen reglas.
    expect([...modulos.keys()].sort()).toEqual(REGLAS.map((r) => r.meta.id).sort());
    for (const [id, valor] of modulos) {
      const [archivo, exportado] = valor.split("|");
      expect(archivo).toBe(`${id.toLowerCase()}.ts`);
      expect(pruebas).toContain(`probarRegla(${exportado},`);
    }
  });
});

describe("un PMR coherente", () => {
  const m = modeloCoherente();

  it("no produce ningún error ni advertencia", () => {
    const hallazgos = todas(m);
    expect(hallazgos.filter((h) => h.severidad !== "info")).toEqual([]);
    // Solo el aviso de la fila de 2024 que no se evaluó.
    expect(hallazgos.map((h) => h.regla)).toEqual(["EST-VIGENCIAS-OMITIDAS"]);
  });

  it("es de verdad el PMR que describe (corte de junio, presupuesto y territorio en uso)", () => {
    const ev = evaluacionDe(m);
    expect(ev.corte).toBe(6);
    expect(ev.objetivos.map((o) => o.codigo)).toEqual(["O1", "O2", "O3"]);
    expect(ev.productos.map((p) => p.coherencia)).toEqual(["Coherente", "Coherente", "Coherente", "Coherente"]);
    expect(ev.indicadores.every((i) => i.avance === null || i.avance <= 1.0001)).toBe(true);
    expect(m.territorial?.filas).toHaveLength(6);
  });
});

/** Un PMR con un defecto de cada familia, para las pruebas de claves. */
function modeloConDefectos(desplazamiento = 0): ModeloPmr {
  const d = desplazamiento;
  const indicadores: Indicador[] = [
    indicador({ fila: 6 + d, codigo: "I1", metaVigencia: -5, ejecutado: serie(1, 2, 3), ponderacion: 0.5 }),
    indicador({
      fila: 7 + d,
      codigo: "I2",
      metaVigencia: 100,
      programado: doce(5),
      ponderacion: 0.3,
      ejecutado: serie(1, 2),
    }),
    indicador({
      fila: 8 + d,
      codigo: "I2",
      tendencia: "CRECIENTE",
      lineaBase: 10,
      metaPlan: 5,
      ejecutado: serie(5, 4),
    }),
    indicador({
      fila: 9 + d,
      codigo: "I3",
      tendencia: null,
      tendenciaTexto: "Sumatoria",
      codigoProducto: "P1",
      cualitativo: serie("x".repeat(300)),
    }),
  ];
  const m = modelo({
    indicadores,
    presupuesto: [filaPresupuesto({ fila: 2 + d, codigoProducto: "P9", apropiacion: 10, compromisos: serie(20) })],
    territorial: [filaTerritorial({ fila: 2 + d, codigoIndicador: "I1", localidadTexto: "Kenedy" })],
    lectura: [{ tipo: "valor-ilegible", hoja: "PMR", celda: `L${6 + d}`, campo: "lineaBase", detalle: "ND" }],
  });
  return m;
}

describe("claves de los hallazgos", () => {
  it("no cambian al insertar una fila encima (aunque cambien las celdas)", () => {
    const antes = todas(modeloConDefectos(0));
    const despues = todas(modeloConDefectos(1));
    expect(antes.length).toBeGreaterThan(15);
    expect(despues.map((h) => h.clave)).toEqual(antes.map((h) => h.clave));
    expect(despues.map((h) => h.celda)).not.toEqual(antes.map((h) => h.celda));
    expect(new Set(antes.map((h) => h.clave)).size).toBe(antes.length);
  });

  it("distinguen códigos distintos con el mismo defecto", () => {
    const m = modelo({ indicadores: [indicador({ codigo: "I1" }), indicador({ codigo: "I2" })] });
    const [a, b] = todas(m).filter((h) => h.regla === "CV-IND-SIN-META");
    expect(a.clave).not.toBe(b.clave);
    // Y la clave es la de la regla y el código, no la de la fila.
    const solo = modelo({ indicadores: [indicador({ codigo: "I2", fila: 40 })] });
    expect(todas(solo).find((h) => h.regla === "CV-IND-SIN-META")?.clave).toBe(b.clave);
  });

  it("distinguen las filas repetidas de un mismo código", () => {
    const m = modelo({ indicadores: [indicador({ codigo: "I1" }), indicador({ codigo: "I1" })] });
    const claves = todas(m)
      .filter((h) => h.regla === "CV-IND-SIN-META")
      .map((h) => h.clave);
    expect(claves).toHaveLength(2);
    expect(claves[0]).not.toBe(claves[1]);
  });
});

describe("ejecutarReglas", () => {
  const rota = definirRegla(
    {
      id: "PRUEBA-ROTA",
      categoria: "Metas",
      severidad: "error",
      descripcion: "Falla siempre.",
      mensaje: "—",
      comoCorregir: "—",
    },
    () => {
      throw new Error("índice fuera de rango");
    },
  );

  it("sobrevive a una regla que lanza: un hallazgo de Estructura y las demás siguen", () => {
    const m = modelo({ indicadores: [indicador({ codigo: "I5" })] });
    const c = configuracion();
    const hallazgos = ejecutarReglas(m, evaluacionDe(m, c), c, [rota, cvIndSinMeta]);
    expect(hallazgos.map((h) => [h.regla, h.categoria, h.severidad])).toEqual([
      ["EST-ERROR-INTERNO", "Estructura", "error"],
      ["CV-IND-SIN-META", "Cadena de valor", "error"],
    ]);
    expect(hallazgos[0].mensaje).toContain("Error interno de la regla PRUEBA-ROTA");
    expect(hallazgos[0].mensaje).toContain("índice fuera de rango");
    expect(HallazgoSchema.safeParse(hallazgos[0]).success).toBe(true);
  });

  it("con una vigencia que no está en la hoja PMR, solo las reglas de Estructura (no cada fila de presupuesto y territorio)", () => {
    const m = modeloCoherente();
    const conOtra = todas(m, { vigencia: 2031 });
    expect(conOtra.map((h) => h.regla)).toEqual(["EST-PMR-SIN-FILAS"]);
    expect(conOtra[0].mensaje).toContain("no tiene filas de la vigencia 2031");
    // Y con su vigencia, el mismo modelo se revisa entero (la regla no apaga nada más).
    expect(todas(m).map((h) => h.regla)).toEqual(["EST-VIGENCIAS-OMITIDAS"]);
  });

  it("no ejecuta las reglas cuya hoja no existe", () => {
    const m = modelo({
      sinPmr: true,
      lectura: [{ tipo: "hoja-faltante", hoja: "PMR", celda: null, campo: null, detalle: "" }],
    });
    expect(todas(m).map((h) => h.regla)).toEqual(["EST-HOJA-FALTANTE"]);
  });

  it("nunca lanza ni falla por contenido extraño (propiedad)", () => {
    const numero = fc.option(
      fc.oneof(fc.integer({ min: -1000, max: 100000 }), fc.double({ min: -10, max: 10, noNaN: true })),
      { nil: null },
    );
    const texto = fc.option(fc.string({ maxLength: 300 }), { nil: null });
    const codigo = fc.option(fc.constantFrom("I1", "i1", " I2 ", "O1", "P1", "", "  "), { nil: null });
    const fila = fc.record({
      codigo,
      codigoObjetivo: codigo,
      codigoProducto: codigo,
      objetivo: texto,
      producto: texto,
      tipo: fc.constantFrom("OBJETIVO", "PRODUCTO", null),
      tendencia: fc.constantFrom("SUMA", "CRECIENTE", "CONSTANTE", "DECRECIENTE", null),
      periodicidad: fc.constantFrom("MENSUAL", "TRIMESTRAL", "ANUAL", null),
      tendenciaTexto: texto,
      unidad: fc.constantFrom("%", "Número", null),
      ponderacion: numero,
      lineaBase: numero,
      metaPlan: numero,
      metaVigencia: numero,
      vigencia: fc.constantFrom(2024, 2025, null),
      programado: fc.array(numero, { minLength: 12, maxLength: 12 }),
      ejecutado: fc.array(numero, { minLength: 12, maxLength: 12 }),
      cualitativo: fc.array(
        fc.option(fc.constantFrom("acumulado de 1.234,5", "45 % acumulado", "x".repeat(260), ""), { nil: null }),
        { minLength: 12, maxLength: 12 },
      ),
      observaciones: texto,
    });
    const presupuesto = fc.array(
      fc.record({
        codigoProducto: codigo,
        apropiacion: numero,
        compromisos: fc.array(numero, { minLength: 12, maxLength: 12 }),
        giros: fc.array(numero, { minLength: 12, maxLength: 12 }),
      }),
      { maxLength: 4 },
    );
    const territorial = fc.array(
      fc.record({ codigoIndicador: codigo, localidadTexto: texto, metaVigencia: numero, ejecutado: numero }),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(
        fc.array(fila, { maxLength: 8 }),
        presupuesto,
        territorial,
        fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
        (filas, pres, ter, corte) => {
          const m = modelo({
            indicadores: filas.map((f) => indicador(f)),
            presupuesto: pres.map((p) => filaPresupuesto(p)),
            territorial: ter.map((t) => filaTerritorial(t)),
          });
          const hallazgos = todas(m, { corte });
          expect(hallazgos.filter((h) => h.regla === "EST-ERROR-INTERNO")).toEqual([]);
          for (const h of hallazgos) expect(HallazgoSchema.safeParse(h).success).toBe(true);
          expect(new Set(hallazgos.map((h) => h.clave)).size).toBe(hallazgos.length);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("docs/reglas.md", () => {
  it("es el catálogo generado del registro (si falla: ejecute npm run docs:reglas)", () => {
    const archivo = fs.readFileSync(path.join(RAIZ, "docs/reglas.md"), "utf8");
    const generado = catalogoMarkdown();
    if (archivo !== generado) {
      throw new Error(
        "docs/reglas.md no coincide con el registro de reglas: ejecute npm run docs:reglas y confirme el cambio.",
      );
    }
    for (const { meta } of REGLAS) expect(archivo).toContain(`| [${meta.id}](#${meta.id.toLowerCase()}) |`);
  });
});
