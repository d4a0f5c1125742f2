/**
 * Libros como los escriben las entidades (PMR-SPEC §4: el lector maneja clases de encabezados, no
 * una lista): para cada clase, el libro da las mismas cifras y los mismos hallazgos (por regla y
 * clave) que la plantilla canónica, más a lo sumo el hallazgo informativo que dice lo que hizo el
 * lector; o, si no puede leer la columna, un hallazgo que la nombra.
 */
import type { GrillaHoja } from "../../src/workbook/grilla";
import { filaPmr } from "../../src/workbook/plantilla";
import {
  FILAS_TRIMESTRALES,
  cifras,
  claves,
  col,
  conEncabezado,
  copiar,
  grillaPmr,
  porPeriodos,
  reglas,
  sinColumnas,
  soloCierres,
  validar,
} from "./disposiciones";

const base = grillaPmr(FILAS_TRIMESTRALES);
const canonico = validar(base);

/** Mismas cifras y mismos hallazgos que `referencia`, salvo los de `extras` (que deben estar). */
function igualQue(referencia: ReturnType<typeof validar>, variante: GrillaHoja, extras: string[] = []) {
  const inf = validar(variante);
  expect(cifras(inf)).toEqual(cifras(referencia));
  expect(claves(inf, extras)).toEqual(claves(referencia, extras));
  for (const e of extras) expect(reglas(inf)).toContain(e);
  return inf;
}

it("la referencia: la plantilla canónica no tiene hallazgos y sus cifras no son triviales", () => {
  expect(canonico.hallazgos).toEqual([]);
  expect(canonico.evaluacion.corte).toBe(9);
  expect(canonico.evaluacion.objetivos.map((o) => o.cumplimiento)).toEqual([
    expect.closeTo(0.946, 3),
    expect.closeTo(0.995, 3),
  ]);
});

describe("columnas de peso con otras palabras y unidades", () => {
  it.each([
    "Peso relativo del indicador (%)",
    "Importancia del producto %",
    "Importancia relativa",
    "Peso porcentual",
    "Ponderación dentro del objetivo",
    "PONDERACIÓN (%)",
    "Peso del indicador en el objetivo",
  ])("«%s» es la ponderación", (texto) => {
    const inf = igualQue(canonico, conEncabezado(base, "ponderacion", texto));
    expect(inf.modelo.pmr!.columnas.campos.ponderacion).toBe(col("ponderacion"));
  });

  it("una columna de peso que no se reconoce no cambia las cifras en silencio: un hallazgo la nombra", () => {
    const inf = validar(conEncabezado(base, "ponderacion", "Peso estratégico"));
    expect(inf.modelo.pmr!.columnas.campos.ponderacion).toBeUndefined();
    const h = inf.hallazgos.find((x) => x.regla === "EST-COLUMNA-NO-LEIDA")!;
    expect(h).toMatchObject({ hoja: "PMR", celda: "K1" });
    expect(h.mensaje).toContain("«Peso estratégico» (K1)");
    expect(h.mensaje).toContain("no se leyó");
  });
});

describe("el año en el nombre del campo", () => {
  it.each([
    "Meta 2025",
    "Meta_vigencia_2025",
    "Programación 2025",
    "Programado 2025",
    "Meta vigencia 2025",
    "Meta total 2025",
  ])("«%s» es la meta vigencia cuando las filas son de 2025", (texto) => {
    igualQue(canonico, conEncabezado(base, "metaVigencia", texto));
  });

  it("sin columna Vigencia, «Meta 2026» es la meta vigencia", () => {
    const sinVigencia = sinColumnas(base, ["vigencia"]);
    const variante = sinColumnas(conEncabezado(base, "metaVigencia", "Meta 2026"), ["vigencia"]);
    igualQue(validar(sinVigencia), variante);
  });

  it("«Meta 2026» con filas de 2025: no se toma como su meta y un hallazgo nombra la columna", () => {
    const inf = validar(conEncabezado(base, "metaVigencia", "Meta 2026"));
    expect(inf.modelo.pmr!.indicadores.every((i) => i.metaVigencia === null)).toBe(true);
    const h = inf.hallazgos.find((x) => x.regla === "EST-META-OTRA-VIGENCIA")!;
    expect(h).toMatchObject({ hoja: "PMR", celda: "O1", severidad: "advertencia" });
    expect(h.mensaje).toContain("«Meta 2026» (O1) es la meta de 2026, pero 6 filas son de la vigencia 2025");
  });

  it("con «Meta 2024», «Meta 2025» y «Meta 2026» se lee la del año de las filas; las otras se nombran", () => {
    const c = col("metaVigencia");
    const g = copiar(base);
    g.valores = g.valores.map((f, r) => [
      ...f.slice(0, c),
      r === 0 ? "Meta 2024" : 1,
      r === 0 ? "Meta 2025" : f[c],
      r === 0 ? "Meta 2026" : 2,
      ...f.slice(c + 1),
    ]);
    // Las columnas se corren: se compara con la canónica con las mismas dos columnas de más.
    const referencia = copiar(base);
    referencia.valores = referencia.valores.map((f, r) => [
      ...f.slice(0, c),
      r === 0 ? "Nota 1" : 1,
      f[c],
      r === 0 ? "Nota 2" : 2,
      ...f.slice(c + 1),
    ]);
    const inf = igualQue(validar(referencia), g, ["EST-META-OTRA-VIGENCIA"]);
    expect(inf.hallazgos.filter((h) => h.regla === "EST-META-OTRA-VIGENCIA").map((h) => h.celda)).toEqual(["O1", "Q1"]);
    expect(inf.modelo.pmr!.columnas.campos.metaVigencia).toBe(c + 1);
  });

  it("«Meta 2024-2027» (dos años) es la meta plan", () => {
    const inf = igualQue(canonico, conEncabezado(base, "metaPlan", "Meta 2024-2027"));
    expect(inf.modelo.pmr!.columnas.campos.metaPlan).toBe(col("metaPlan"));
  });
});

describe("reporte por trimestre, semestre o año", () => {
  const TRIMESTRES: [string, (i: number) => string, string | undefined][] = [
    ["«I Trimestre» bajo «Ejecución»", (i) => `${["I", "II", "III", "IV"][i]} Trimestre`, "Ejecución"],
    ["«Trimestre 2» bajo «Avance»", (i) => `Trimestre ${i + 1}`, "Avance"],
    ["«T3 2025» bajo «Ejecución 2025»", (i) => `T${i + 1} 2025`, "Ejecución 2025"],
    ["«Avance Q4»", (i) => `Avance Q${i + 1}`, undefined],
    [
      "«Ejecución primer trimestre»",
      (i) => `Ejecución ${["primer", "segundo", "tercer", "cuarto"][i]} trimestre`,
      undefined,
    ],
    ["«1er trimestre ejecutado»", (i) => `${["1er", "2do", "3er", "4to"][i]} trimestre ejecutado`, undefined],
  ];
  it.each(TRIMESTRES)("%s: la ejecución de cada trimestre en su mes de cierre", (_n, encabezado, grupo) => {
    const inf = igualQue(canonico, porPeriodos(base, "ejecutado", "trimestral", encabezado, grupo), [
      "EST-REPORTE-PERIODICO",
    ]);
    expect(inf.modelo.pmr!.reporte).toEqual({ programado: "mensual", ejecutado: "trimestral", cualitativo: "mensual" });
    expect(inf.hallazgos.find((h) => h.regla === "EST-REPORTE-PERIODICO")!.mensaje).toContain(
      "La ejecución de la hoja «PMR» viene por trimestre (reporte trimestral)",
    );
  });

  it("programación, ejecución y avance cualitativo por trimestre", () => {
    let g = porPeriodos(
      base,
      "programado",
      "trimestral",
      (i) => `Programación ${["I", "II", "III", "IV"][i]} trimestre`,
    );
    g = porPeriodos(g, "ejecutado", "trimestral", (i) => `Avance T${i + 1}`);
    g = porPeriodos(g, "cualitativo", "trimestral", (i) => `Avance cualitativo trimestre ${i + 1}`);
    const inf = igualQue(canonico, g, ["EST-REPORTE-PERIODICO"]);
    expect(inf.modelo.pmr!.reporte).toEqual({
      programado: "trimestral",
      ejecutado: "trimestral",
      cualitativo: "trimestral",
    });
    expect(reglas(inf).filter((r) => r === "EST-REPORTE-PERIODICO")).toHaveLength(3);
  });

  it("por semestre («I Semestre», «Semestre 2»)", () => {
    const filas = soloCierres(FILAS_TRIMESTRALES, "semestral").map((f) => ({ ...f, periodicidad: "Semestral" }));
    const referencia = grillaPmr(filas);
    let g = porPeriodos(referencia, "programado", "semestral", (i) => `Programación semestre ${i + 1}`);
    g = porPeriodos(g, "ejecutado", "semestral", (i) => `${["I", "II"][i]} Semestre`, "Ejecución");
    const inf = igualQue(validar(referencia), g, ["EST-REPORTE-PERIODICO"]);
    expect(inf.modelo.pmr!.reporte!.ejecutado).toBe("semestral");
    expect(inf.evaluacion.corte).toBe(6);
  });

  it("solo anual («Ejecución 2025»): en diciembre", () => {
    const filas = FILAS_TRIMESTRALES.map((f) => {
      const e = f.ejecutado as (number | null)[];
      return { ...f, periodicidad: "Anual", ejecutado: [...new Array(11).fill(null), e[8]] };
    });
    const referencia = grillaPmr(filas);
    const inf = igualQue(
      validar(referencia),
      porPeriodos(referencia, "ejecutado", "anual", () => "Ejecución 2025"),
      ["EST-REPORTE-PERIODICO"],
    );
    expect(inf.modelo.pmr!.reporte!.ejecutado).toBe("anual");
    expect(inf.evaluacion.corte).toBe(12);
  });

  it("trimestres sin decir de qué serie son: un hallazgo nombra cada columna", () => {
    const inf = validar(
      porPeriodos(base, "ejecutado", "trimestral", (i) => `${["I", "II", "III", "IV"][i]} Trimestre`),
    );
    const h = inf.hallazgos.filter((x) => x.regla === "EST-COLUMNA-NO-LEIDA");
    expect(h.map((x) => x.celda)).toEqual(["AB1", "AC1", "AD1"]);
    expect(h[0].mensaje).toContain("«I Trimestre» (AB1)");
  });

  it("una columna de trimestre con textos en lugar de cifras: un hallazgo por la columna", () => {
    const g = porPeriodos(base, "ejecutado", "trimestral", (i) => `${["I", "II", "III", "IV"][i]} Trimestre`, "Avance");
    for (let r = 2; r < g.valores.length; r++) g.valores[r][col("ejecutado.1")] = `Se avanzó en la fila ${r}`;
    const inf = validar(g);
    const h = inf.hallazgos.find((x) => x.regla === "EST-COLUMNA-TEXTO")!;
    expect(h).toMatchObject({ celda: "AB2" });
    expect(h.mensaje).toContain("«Avance I Trimestre» (AB2)");
    expect(h.mensaje).toContain("6 de sus 6 celdas con dato son textos");
  });
});

describe("nombres más largos de los campos conocidos", () => {
  it("«Nombre del indicador de producto», «Objetivo estratégico», «Periodicidad de reporte del indicador»…", () => {
    const textos: Record<string, string> = {
      nombre: "Nombre del indicador de producto",
      objetivo: "Objetivo estratégico",
      periodicidad: "Periodicidad de reporte del indicador",
      metaPlan: "Meta final del producto",
      codigo: "Código del indicador",
      producto: "Descripción del producto",
      tendencia: "Tipo de anualización del indicador",
      lineaBase: "Línea de base del indicador",
      metaVigencia: "Meta de la vigencia",
      codigoProducto: "Código del producto",
      unidad: "Unidad de medida del indicador",
      observaciones: "Observaciones generales",
    };
    let g = base;
    for (const [clave, texto] of Object.entries(textos)) g = conEncabezado(g, clave, texto);
    const inf = igualQue(canonico, g);
    for (const clave of Object.keys(textos))
      expect(inf.modelo.pmr!.columnas.campos[clave as "nombre"]).toBe(col(clave));
  });
});

describe("tipos escritos de otra forma", () => {
  function conTipos(tipo: (t: string) => string): GrillaHoja {
    return grillaPmr(FILAS_TRIMESTRALES.map((f) => ({ ...f, tipo: tipo(f.tipo as string) })));
  }
  it.each([
    [
      "«Indicador de resultado» y «De producto»",
      (t: string) => (t === "Objetivo" ? "Indicador de resultado" : "De producto"),
    ],
    [
      "«Resultado» y «Indicador de producto»",
      (t: string) => (t === "Objetivo" ? "Resultado" : "Indicador de producto"),
    ],
  ])("%s", (_n, tipo) => {
    igualQue(canonico, conTipos(tipo));
  });

  it("«Gestión» se deduce del código de producto y se informa", () => {
    const inf = igualQue(
      canonico,
      conTipos((t) => (t === "Producto" ? "Gestión" : t)),
      ["EST-TIPO-DEDUCIDO"],
    );
    expect(inf.hallazgos.find((h) => h.regla === "EST-TIPO-DEDUCIDO")!.mensaje).toContain("4 filas dicen «Gestión»");
  });
});

describe("códigos dentro de los nombres", () => {
  it("«2.3.1. Implementar…» sin columnas de código: mismos códigos y cifras", () => {
    const filas = FILAS_TRIMESTRALES.map((f) => ({
      ...f,
      objetivo: `${f.codigoObjetivo as string}. ${f.objetivo as string}`,
      producto: f.producto === undefined ? undefined : `${f.codigoProducto as string}. ${f.producto as string}`,
      nombre: `${f.codigo as string} ${f.nombre as string}`,
    }));
    const g = sinColumnas(grillaPmr(filas), ["codigoObjetivo", "codigoProducto", "codigo"]);
    const inf = igualQue(canonico, g, ["EST-CODIGOS-EN-NOMBRES"]);
    expect(inf.modelo.pmr!.indicadores.map((i) => [i.codigoObjetivo, i.codigoProducto, i.codigo, i.nombre])[1]).toEqual(
      ["1", "1.2", "1.2.1", "Jornadas de refuerzo realizadas"],
    );
    expect(inf.hallazgos.filter((h) => h.regla === "EST-CODIGOS-EN-NOMBRES")).toHaveLength(3);
  });
});

describe("ponderaciones en puntos porcentuales", () => {
  it("0,5 y 0,4 junto a 99,1 (suman 100): 0,5 % y 0,4 %, no 50 % y 40 %", () => {
    const fraccion = [0.3, 0.45, 0.25, 0.991, 0.005, 0.004];
    const puntos = [30, 45, 25, 99.1, 0.5, 0.4];
    const referencia = grillaPmr(FILAS_TRIMESTRALES.map((f, i) => ({ ...f, ponderacion: fraccion[i] })));
    const variante = grillaPmr(FILAS_TRIMESTRALES.map((f, i) => ({ ...f, ponderacion: puntos[i] })));
    const inf = igualQue(validar(referencia), variante, ["EST-ESCALA-PONDERACION"]);
    const h = inf.hallazgos.find((x) => x.regla === "EST-ESCALA-PONDERACION")!;
    expect(h).toMatchObject({ celda: "K5:K7", severidad: "info" });
    expect(h.mensaje).toContain("del objetivo 2 (K5:K7) suman 100");
  });

  it("fracciones que suman 1 no cambian", () => {
    expect(reglas(canonico)).not.toContain("EST-ESCALA-PONDERACION");
  });
});

describe("grupo combinado sobre subcolumnas que no son meses", () => {
  /** «Línea base» combinado sobre «Valor», «Año», «Fuente»; las demás columnas combinadas en vertical. */
  function conLineaBase(combinar: boolean): GrillaHoja {
    const c = col("lineaBase");
    const arriba = [...base.valores[0]];
    arriba.splice(c + 1, 0, "", "");
    const abajo = arriba.map((_, k) => (k === c ? "Valor" : k === c + 1 ? "Año" : k === c + 2 ? "Fuente" : ""));
    const datos = base.valores.slice(1).map((f) => {
      const copia = [...f];
      copia.splice(c + 1, 0, f[c] === "" ? "" : 2023, f[c] === "" ? "" : "Secretaría");
      return copia;
    });
    return {
      nombre: "PMR",
      valores: [arriba, abajo, ...datos],
      combinadas: combinar
        ? [
            { fila: 0, columna: c, filas: 1, columnas: 3 },
            ...arriba
              .map((_, k) => ({ fila: 0, columna: k, filas: 2, columnas: 1 }))
              .filter((a) => a.columna < c || a.columna > c + 2),
          ]
        : [],
    };
  }
  it.each([
    ["con el grupo combinado", true],
    ["sin información de combinadas", false],
  ])("%s: la fila de subencabezados es encabezado, no datos; «Año» no es la vigencia", (_n, combinar) => {
    const inf = validar(conLineaBase(combinar));
    expect(cifras(inf)).toEqual(cifras(canonico));
    expect(inf.hallazgos).toEqual([]);
    const pmr = inf.modelo.pmr!;
    expect(pmr.filaEncabezado).toBe(2);
    expect(pmr.columnas.campos.lineaBase).toBe(col("lineaBase"));
    expect(pmr.columnas.campos.vigencia).toBe(col("vigencia") + 2);
    expect(pmr.indicadores.map((i) => i.lineaBase)).toEqual(canonico.modelo.pmr!.indicadores.map((i) => i.lineaBase));
  });
});

describe("filas históricas", () => {
  it("«No vigente» en Estado y «Retirado» en Observaciones: fuera de los cálculos y de los códigos repetidos", () => {
    const conEstado = (g: GrillaHoja, estados: string[]) => ({
      ...g,
      valores: g.valores.map((f, r) => [...f, r === 0 ? "Estado del indicador" : (estados[r - 1] ?? "")]),
    });
    const referencia = conEstado(base, []);
    const variante = conEstado(base, []);
    variante.valores.push(
      [...filaPmr({ ...FILAS_TRIMESTRALES[4], ejecutado: [null, null, 99999] }), "No vigente"],
      [...filaPmr({ ...FILAS_TRIMESTRALES[1], codigo: "1.2.9", observaciones: "Retirado en la reformulación" }), ""],
    );
    const inf = igualQue(validar(referencia), variante, ["EST-FILAS-HISTORICAS"]);
    expect(inf.modelo.pmr!.historicos!.map((i) => i.codigo)).toEqual(["2.2.1", "1.2.9"]);
    const h = inf.hallazgos.find((x) => x.regla === "EST-FILAS-HISTORICAS")!;
    expect(h).toMatchObject({ celda: "BB8", severidad: "info" });
    expect(h.mensaje).toContain(
      "se dejaron fuera 2 filas marcadas como históricas («No vigente» y «Retirado en la reformulación»): 2.2.1 (fila 8) y 1.2.9 (fila 9)",
    );
  });
});

describe("encabezados que no se pueden leer: siempre con un hallazgo que los nombra", () => {
  it("un encabezado ambiguo no se lee y se nombra", () => {
    const inf = validar(conEncabezado(base, "metaVigencia", "Meta plan / Meta vigencia"));
    expect(inf.modelo.pmr!.columnas.campos.metaVigencia).toBeUndefined();
    const h = inf.hallazgos.find((x) => x.regla === "EST-COLUMNA-AMBIGUA")!;
    expect(h).toMatchObject({ celda: "O1" });
    expect(h.mensaje).toContain("«Meta plan / Meta vigencia» (O1) podría ser «Meta plan» o «Meta vigencia»");
  });

  it("una columna exacta gana a una reconocida por palabras aunque esté a la derecha, y se dice", () => {
    const g = copiar(base);
    g.valores = g.valores.map((f, r) => [r === 0 ? "Peso relativo" : 0.1, ...f]);
    const inf = validar(g);
    expect(inf.modelo.pmr!.columnas.campos.ponderacion).toBe(col("ponderacion") + 1);
    const h = inf.hallazgos.find((x) => x.regla === "EST-COLUMNA-DUPLICADA")!;
    expect(h.celda).toBe("A1");
    expect(h.mensaje).toContain("tiene dos columnas «Ponderación»: se usa la de L1");
  });
});

describe("un título combinado que parece un campo no se come los encabezados de abajo", () => {
  it("«Vigencia 2025» combinado sobre toda la fila de encabezados", () => {
    const ancho = base.valores[0].length;
    const g: GrillaHoja = {
      nombre: "PMR",
      valores: [["Vigencia 2025", ...new Array(ancho - 1).fill("")], ...base.valores.map((f) => [...f])],
      combinadas: [{ fila: 0, columna: 0, filas: 1, columnas: ancho }],
    };
    const inf = validar(g);
    expect(cifras(inf)).toEqual(cifras(canonico));
    expect(claves(inf)).toEqual(claves(canonico));
    expect(inf.modelo.pmr!.filaEncabezado).toBe(2);
  });
});
