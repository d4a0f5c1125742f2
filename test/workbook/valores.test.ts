/** Valores de las celdas (PMR-SPEC §4): números escritos como texto, vacíos, errores, catálogos. */
import { letraColumna } from "../../src/domain";
import type { GrillaHoja } from "../../src/workbook/grilla";
import { CLAVES_PMR, ENCABEZADOS_PMR, filaPmr, type ValoresFila } from "../../src/workbook/plantilla";
import { indicadores, leer } from "./ayudas";

const BASE: ValoresFila = {
  codigoObjetivo: "O1",
  objetivo: "Objetivo",
  codigo: "I1",
  nombre: "Indicador",
  tendencia: "Suma",
};

/** Hoja PMR canónica con una fila por juego de valores (fila 2 en adelante). */
function hoja(filas: ValoresFila[], formatos?: (string | null)[][]): GrillaHoja {
  const g: GrillaHoja = {
    nombre: "PMR",
    valores: [[...ENCABEZADOS_PMR], ...filas.map((f) => filaPmr({ ...BASE, ...f }))],
  };
  if (formatos) g.formatos = formatos;
  return g;
}

/** Dirección A1 del campo en la fila de datos i (0-based). */
function celda(clave: string, i: number): string {
  return `${letraColumna(CLAVES_PMR.indexOf(clave))}${i + 2}`;
}

describe("números escritos como texto", () => {
  it.each<[unknown, number]>([
    ["0,10", 0.1],
    ["1.234,5", 1234.5],
    ["1.234.567", 1234567],
    ["12,5", 12.5],
    [" 7 ", 7],
    ["15%", 0.15],
    ["12,5 %", 0.125],
    ["2025", 2025],
    [1234.5, 1234.5],
  ])("«%s» → %p", (texto, numero) => {
    const modelo = leer(hoja([{ metaVigencia: texto, lineaBase: texto, ejecutado: [texto] }]));
    expect(modelo.lectura).toEqual([]);
    const [ind] = indicadores(modelo);
    expect(ind.metaVigencia).toBeCloseTo(numero, 12);
    expect(ind.lineaBase).toBeCloseTo(numero, 12);
    expect(ind.ejecutado[0]).toBeCloseTo(numero, 12);
  });

  it("vigencia como número o como texto", () => {
    const ind = indicadores(leer(hoja([{ vigencia: 2025 }, { vigencia: "2025" }, { vigencia: " 2024 " }])));
    expect(ind.map((i) => i.vigencia)).toEqual([2025, 2025, 2024]);
  });
});

describe("vacío no es cero", () => {
  it.each<[string, unknown]>([
    ["«-»", "-"],
    ["«N/A»", "N/A"],
    ["«No aplica»", "No aplica"],
    ["«no aplica» en minúsculas", "no aplica"],
    ["texto vacío", ""],
    ["solo espacios", "   "],
    ["null", null],
    ["undefined", undefined],
  ])("%s es vacío (null) y no es un problema", (_nombre, valor) => {
    const modelo = leer(
      hoja([{ metaVigencia: valor, ponderacion: valor, ejecutado: [5, valor], codigoProducto: valor }]),
    );
    expect(modelo.lectura).toEqual([]);
    const [ind] = indicadores(modelo);
    expect(ind.metaVigencia).toBeNull();
    expect(ind.ponderacion).toBeNull();
    expect(ind.ejecutado[1]).toBeNull();
    expect(ind.codigoProducto).toBeNull();
    expect(ind.tipo).toBe("OBJETIVO");
  });

  it("0 y «0» son cero", () => {
    const ind = indicadores(leer(hoja([{ metaVigencia: 0, ejecutado: ["0", 0], lineaBase: "0,0" }])));
    expect(ind[0].metaVigencia).toBe(0);
    expect(ind[0].ejecutado.slice(0, 2)).toEqual([0, 0]);
    expect(ind[0].lineaBase).toBe(0);
  });

  it("los números en columnas de texto se leen como texto", () => {
    const [ind] = indicadores(leer(hoja([{ codigoObjetivo: 1, codigo: 1.1, codigoProducto: 20 }])));
    expect(ind).toMatchObject({ codigoObjetivo: "1", codigo: "1.1", codigoProducto: "20", tipo: "PRODUCTO" });
  });
});

describe("errores de Excel", () => {
  it.each(["#REF!", "#N/A", "#DIV/0!", "#VALUE!", "#NAME?"])(
    "«%s» en un número: problema con su celda y valor null",
    (error) => {
      const modelo = leer(hoja([{}, { metaVigencia: error, ejecutado: [1, 2, error] }]));
      expect(modelo.lectura).toEqual([
        {
          tipo: "error-celda",
          hoja: "PMR",
          celda: celda("metaVigencia", 1),
          campo: "metaVigencia",
          detalle: error,
        },
        {
          tipo: "error-celda",
          hoja: "PMR",
          celda: celda("ejecutado.3", 1),
          campo: "ejecutado.3",
          detalle: error,
        },
      ]);
      const ind = indicadores(modelo)[1];
      expect(ind.metaVigencia).toBeNull();
      expect(ind.ejecutado.slice(0, 3)).toEqual([1, 2, null]);
    },
  );

  it("detalle es el error en mayúsculas, como lo escribe Excel", () => {
    const modelo = leer(hoja([{ ejecutado: [null, null, "#ref!"] }]));
    expect(modelo.lectura).toEqual([
      { tipo: "error-celda", hoja: "PMR", celda: celda("ejecutado.3", 0), campo: "ejecutado.3", detalle: "#REF!" },
    ]);
  });

  it("un error en una columna de texto también es un problema y el texto queda null", () => {
    const modelo = leer(hoja([{ nombre: "#N/A", cualitativo: ["#REF!"] }]));
    expect(modelo.lectura.map((p) => [p.tipo, p.celda, p.campo])).toEqual([
      ["error-celda", celda("nombre", 0), "nombre"],
      ["error-celda", celda("cualitativo.1", 0), "cualitativo.1"],
    ]);
    const [ind] = indicadores(modelo);
    expect(ind.nombre).toBeNull();
    expect(ind.cualitativo[0]).toBeNull();
  });

  it("un texto que empieza por # y no es un error es texto", () => {
    const [ind] = indicadores(leer(hoja([{ nombre: "#Bogotá cuida" }])));
    expect(ind.nombre).toBe("#Bogotá cuida");
  });
});

describe("valores ilegibles", () => {
  it.each<[unknown, string]>([
    ["doce", "doce"],
    ["12 unidades", "12 unidades"],
    ["1,2,3", "1,2,3"],
    [true, "VERDADERO"],
    [Number.NaN, "NaN"],
    [Number.POSITIVE_INFINITY, "Infinity"],
    ["1e999", "1e999"],
  ])("%p en un campo numérico: valor-ilegible y null", (valor, texto) => {
    const modelo = leer(hoja([{ metaPlan: valor }]));
    expect(modelo.lectura).toEqual([
      {
        tipo: "valor-ilegible",
        hoja: "PMR",
        celda: celda("metaPlan", 0),
        campo: "metaPlan",
        detalle: texto,
      },
    ]);
    expect(indicadores(modelo)[0].metaPlan).toBeNull();
  });

  it("un texto enorme se recorta en el problema", () => {
    const modelo = leer(hoja([{ metaVigencia: "x".repeat(100_000) }]));
    expect(modelo.lectura[0].detalle).toBe("x".repeat(99) + "…");
  });
});

describe("ponderación", () => {
  it("50 %, 0,5 y 50 son 0,5 (formato de porcentaje, texto y puntos porcentuales)", () => {
    const filas: ValoresFila[] = [
      { ponderacion: 0.5 }, // con formato 0% en la celda: Excel guarda 0,5 y muestra 50 %
      { ponderacion: "50%" },
      { ponderacion: 0.5 },
      { ponderacion: "0,5" },
      { ponderacion: 50 },
      { ponderacion: "50" },
      { ponderacion: 1 },
      { ponderacion: 1 }, // 1 con formato de porcentaje = 1 %
    ];
    const formatos = [[], ...filas.map(() => [] as (string | null)[])];
    const col = CLAVES_PMR.indexOf("ponderacion");
    formatos[1][col] = "0%";
    formatos[8][col] = "0.00%";
    const ind = indicadores(leer(hoja(filas, formatos)));
    expect(ind.map((i) => i.ponderacion)).toEqual([0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 1, 1]);
  });

  it("el formato de porcentaje solo cuenta en su celda", () => {
    const col = CLAVES_PMR.indexOf("ponderacion");
    const formatos: (string | null)[][] = [[], [], []];
    formatos[1][col] = "0%";
    const ind = indicadores(leer(hoja([{ ponderacion: 40 }, { ponderacion: 40 }], formatos)));
    expect(ind.map((i) => i.ponderacion)).toEqual([40, 0.4]);
  });
});

describe("tendencia, periodicidad y tipo", () => {
  it("tendencia sin importar mayúsculas, tildes ni espacios; fuera del catálogo queda null con su texto", () => {
    const ind = indicadores(
      leer(
        hoja([
          { tendencia: "suma" },
          { tendencia: " CRECIENTE " },
          { tendencia: "Decreciente" },
          { tendencia: "Constante" },
          { tendencia: "Sumatoria" },
          { tendencia: "" },
        ]),
      ),
    );
    expect(ind.map((i) => [i.tendencia, i.tendenciaTexto])).toEqual([
      ["SUMA", "suma"],
      ["CRECIENTE", "CRECIENTE"],
      ["DECRECIENTE", "Decreciente"],
      ["CONSTANTE", "Constante"],
      [null, "Sumatoria"],
      [null, null],
    ]);
  });

  it("periodicidad: Mensual si la celda está vacía; fuera del catálogo queda null con su texto", () => {
    const ind = indicadores(
      leer(
        hoja([
          { periodicidad: "" },
          { periodicidad: "trimestral" },
          { periodicidad: "SEMESTRAL" },
          { periodicidad: "Cada mes" },
          { periodicidad: "-" },
        ]),
      ),
    );
    expect(ind.map((i) => [i.periodicidad, i.periodicidadTexto])).toEqual([
      ["MENSUAL", null],
      ["TRIMESTRAL", "trimestral"],
      ["SEMESTRAL", "SEMESTRAL"],
      [null, "Cada mes"],
      ["MENSUAL", null],
    ]);
  });

  it("periodicidad: Mensual si no hay columna", () => {
    const modelo = leer({
      nombre: "PMR",
      valores: [
        ["Código objetivo", "Objetivo", "Código indicador", "Indicador", "Tendencia", "Meta vigencia"],
        ["O1", "Obj", "I1", "Ind", "Suma", 10],
      ],
    });
    expect(indicadores(modelo)[0]).toMatchObject({ periodicidad: "MENSUAL", periodicidadTexto: null });
  });

  it("tipo: Objetivo / Producto y sus variantes; «Gestión» se deduce; fuera del catálogo null con su texto", () => {
    const ind = indicadores(
      leer(
        hoja([
          { tipo: "Objetivo" },
          { tipo: "PRODUCTO", codigoProducto: "P1" },
          { tipo: "De objetivo" },
          { tipo: "Indicador de producto" },
          { tipo: "producto" },
          { tipo: "Indicador de resultado" },
          { tipo: "Resultado" },
          { tipo: "De producto" },
          { tipo: "Gestión" },
          { tipo: "Gestión", codigoProducto: "P1" },
          { tipo: "Estratégico" },
          { tipo: "", codigoProducto: "P1" },
          { tipo: "" },
        ]),
      ),
    );
    expect(ind.map((i) => [i.tipo, i.tipoTexto])).toEqual([
      ["OBJETIVO", "Objetivo"],
      ["PRODUCTO", "PRODUCTO"],
      ["OBJETIVO", "De objetivo"],
      ["PRODUCTO", "Indicador de producto"],
      ["PRODUCTO", "producto"],
      ["OBJETIVO", "Indicador de resultado"],
      ["OBJETIVO", "Resultado"],
      ["PRODUCTO", "De producto"],
      // «Gestión» no dice objetivo ni producto: como una celda vacía (EST-TIPO-DEDUCIDO lo informa).
      ["OBJETIVO", "Gestión"],
      ["PRODUCTO", "Gestión"],
      [null, "Estratégico"],
      ["PRODUCTO", null],
      ["OBJETIVO", null],
    ]);
  });

  it("tipo sin columna: Producto cuando hay código de producto, si no Objetivo", () => {
    const modelo = leer({
      nombre: "PMR",
      valores: [
        [
          "Código objetivo",
          "Objetivo",
          "Código producto",
          "Código indicador",
          "Indicador",
          "Tendencia",
          "Meta vigencia",
        ],
        ["O1", "Obj", "", "IO1", "Ind", "Suma", 10],
        ["O1", "Obj", "P1", "IP1", "Ind", "Suma", 10],
        ["O1", "Obj", "N/A", "IO2", "Ind", "Suma", 10],
      ],
    });
    expect(modelo.pmr!.columnas.campos.tipo).toBeUndefined();
    expect(indicadores(modelo).map((i) => [i.tipo, i.tipoTexto])).toEqual([
      ["OBJETIVO", null],
      ["PRODUCTO", null],
      ["OBJETIVO", null],
    ]);
  });
});

describe("celdas combinadas en los datos", () => {
  it("las cifras combinadas no se copian (una meta combinada es una sola meta)", () => {
    const g = hoja([
      { metaVigencia: 100, codigo: "I1" },
      { metaVigencia: "", codigo: "I2" },
    ]);
    const col = CLAVES_PMR.indexOf("metaVigencia");
    g.combinadas = [{ fila: 1, columna: col, filas: 2, columnas: 1 }];
    expect(indicadores(leer(g)).map((i) => i.metaVigencia)).toEqual([100, null]);
  });

  it("un error combinado se informa una sola vez", () => {
    const g = hoja([
      { codigoObjetivo: "#REF!", codigo: "I1" },
      { codigoObjetivo: "", codigo: "I2" },
    ]);
    g.combinadas = [{ fila: 1, columna: 0, filas: 2, columnas: 1 }];
    const modelo = leer(g);
    expect(modelo.lectura.map((p) => p.celda)).toEqual(["A2"]);
  });

  it("en territorial, el código de indicador combinado sobre sus localidades vale en cada fila", () => {
    const modelo = leer({
      nombre: "PMR_Territorial",
      valores: [
        ["Código indicador", "Localidad", "Meta vigencia", "Ejecutado"],
        ["IP1", "Suba", 10, 2],
        ["", "Bosa", 5, 1],
      ],
      combinadas: [{ fila: 1, columna: 0, filas: 2, columnas: 1 }],
    });
    expect(modelo.territorial!.filas.map((f) => [f.codigoIndicador, f.localidad])).toEqual([
      ["IP1", 11],
      ["IP1", 7],
    ]);
  });

  it("un objetivo combinado en vertical vale en todas sus filas", () => {
    const g = hoja([
      { codigo: "I1" },
      { codigoObjetivo: "", objetivo: "", codigo: "I2" },
      { codigoObjetivo: "", objetivo: "", codigo: "I3" },
    ]);
    g.combinadas = [
      { fila: 1, columna: 0, filas: 3, columnas: 1 },
      { fila: 1, columna: 1, filas: 3, columnas: 1 },
    ];
    const ind = indicadores(leer(g));
    expect(ind.map((i) => [i.codigo, i.codigoObjetivo, i.objetivo])).toEqual([
      ["I1", "O1", "Objetivo"],
      ["I2", "O1", "Objetivo"],
      ["I3", "O1", "Objetivo"],
    ]);
  });
});
