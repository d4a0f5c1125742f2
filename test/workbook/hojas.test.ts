/** Hojas del libro (PMR-SPEC §4): PMR obligatoria, columnas obligatorias, presupuesto y territorial. */
import type { GrillaHoja } from "../../src/workbook/grilla";
import {
  CLAVES_PMR,
  ENCABEZADOS_PRESUPUESTO,
  ENCABEZADOS_TERRITORIAL,
  grillaPmr,
  grillaPresupuesto,
  grillaTerritorial,
} from "../../src/workbook/plantilla";
import { FILAS_EJEMPLO, indicadores, leer } from "./ayudas";

const OTRA: GrillaHoja = { nombre: "Instrucciones", valores: [["Diligencie la hoja PMR"], ["Objetivo: …"]] };

describe("hoja PMR", () => {
  it("sin hoja PMR: un solo problema hoja-faltante que nombra las hojas del libro", () => {
    const modelo = leer(OTRA, { nombre: "Hoja2", valores: [] });
    expect(modelo.pmr).toBeNull();
    expect(modelo.lectura).toEqual([
      {
        tipo: "hoja-faltante",
        hoja: "PMR",
        celda: null,
        campo: null,
        detalle: expect.stringContaining("«Instrucciones» y «Hoja2»"),
      },
    ]);
    expect(modelo.lectura[0].detalle).toMatch(/^No se encontró la hoja PMR/);
  });

  it("un libro sin hojas también es un problema y no un error", () => {
    const modelo = leer();
    expect(modelo.lectura.map((p) => p.tipo)).toEqual(["hoja-faltante"]);
    expect(modelo.lectura[0].detalle).toContain("El libro no tiene hojas.");
  });

  it.each(["PMR", "pmr", " Pmr ", "P.M.R."])("se encuentra por el nombre «%s»", (nombre) => {
    const modelo = leer(OTRA, grillaPmr(FILAS_EJEMPLO, { nombre }));
    expect(modelo.pmr?.nombre).toBe(nombre);
    expect(indicadores(modelo)).toHaveLength(3);
  });

  it("si ninguna se llama PMR, la primera con las columnas obligatorias", () => {
    const incompleta = grillaPmr(FILAS_EJEMPLO, { nombre: "Borrador" });
    incompleta.valores[0][CLAVES_PMR.indexOf("tendencia")] = "Notas";
    const modelo = leer(OTRA, incompleta, grillaPmr(FILAS_EJEMPLO, { nombre: "Indicadores 2025" }));
    expect(modelo.pmr?.nombre).toBe("Indicadores 2025");
    expect(modelo.lectura).toEqual([]);
  });

  it("la hoja llamada PMR sin encabezados cede ante otra con todas las columnas", () => {
    const modelo = leer(
      { nombre: "PMR", valores: [["Ver hoja Datos"]] },
      grillaPmr(FILAS_EJEMPLO, { nombre: "Datos" }),
    );
    expect(modelo.pmr?.nombre).toBe("Datos");
  });

  it("una hoja de presupuesto con otro nombre no se toma por la PMR", () => {
    const modelo = leer(
      OTRA,
      grillaPresupuesto([{ codigoProducto: "P1", apropiacion: 10 }], { nombre: "PMR_Presupuesto 2025" }),
    );
    expect(modelo.pmr).toBeNull();
    expect(modelo.lectura.map((p) => p.tipo)).toEqual(["hoja-faltante"]);
    expect(modelo.presupuesto?.nombre).toBe("PMR_Presupuesto 2025");
  });

  it("una hoja «PMR 2025» incompleta se usa y se dice qué le falta", () => {
    const g = grillaPmr(FILAS_EJEMPLO, { nombre: "PMR 2025" });
    g.valores[0][CLAVES_PMR.indexOf("codigoObjetivo")] = "Notas";
    const modelo = leer(OTRA, g);
    expect(modelo.pmr?.nombre).toBe("PMR 2025");
    expect(modelo.lectura.map((p) => [p.tipo, p.hoja, p.campo])).toEqual([
      ["columna-faltante", "PMR 2025", "codigoObjetivo"],
    ]);
  });
});

describe("columnas obligatorias", () => {
  it.each([
    ["codigoObjetivo", "Código objetivo"],
    ["objetivo", "Objetivo"],
    ["codigo", "Código indicador"],
    ["nombre", "Indicador"],
    ["tendencia", "Tendencia"],
  ])("sin %s: un problema columna-faltante en la fila de encabezados", (campo, encabezado) => {
    const g = grillaPmr(FILAS_EJEMPLO, { titulo: [["Título"], [], [], []] });
    g.valores[4][CLAVES_PMR.indexOf(campo)] = "Otra columna";
    const modelo = leer(g);
    // detalle = el encabezado canónico (contrato de ProblemaLecturaSchema); la celda, la de la
    // primera columna de la fila de encabezados.
    expect(modelo.lectura).toEqual([
      { tipo: "columna-faltante", hoja: "PMR", celda: "A5", campo, detalle: encabezado },
    ]);
    // La hoja se lee igual, con lo que tiene.
    expect(indicadores(modelo)).toHaveLength(3);
  });

  it("Meta vigencia falta solo si tampoco hay programación mensual", () => {
    const g = grillaPmr(FILAS_EJEMPLO);
    g.valores[0][CLAVES_PMR.indexOf("metaVigencia")] = "";
    expect(leer(g).lectura).toEqual([]);
    for (let m = 1; m <= 12; m++) g.valores[0][CLAVES_PMR.indexOf(`programado.${m}`)] = "";
    const modelo = leer(g);
    expect(modelo.lectura).toEqual([
      {
        tipo: "columna-faltante",
        hoja: "PMR",
        celda: "A1",
        campo: "metaVigencia",
        detalle: "Meta vigencia",
      },
    ]);
  });

  it("una hoja PMR sin ninguna fila de encabezados: todas las obligatorias faltan y no hay modelo PMR", () => {
    const modelo = leer({ nombre: "PMR", valores: [["Hola"], [1, 2, 3]], filaInicial: 2, columnaInicial: 1 });
    expect(modelo.pmr).toBeNull();
    expect(modelo.lectura.map((p) => [p.tipo, p.campo, p.celda])).toEqual([
      ["columna-faltante", "codigoObjetivo", "B3"],
      ["columna-faltante", "objetivo", "B3"],
      ["columna-faltante", "codigo", "B3"],
      ["columna-faltante", "nombre", "B3"],
      ["columna-faltante", "tendencia", "B3"],
      ["columna-faltante", "metaVigencia", "B3"],
    ]);
    expect(modelo.lectura.map((p) => p.detalle)).toEqual([
      "Código objetivo",
      "Objetivo",
      "Código indicador",
      "Indicador",
      "Tendencia",
      "Meta vigencia",
    ]);
  });
});

describe("hoja PMR_Presupuesto", () => {
  const FILAS = [
    {
      codigoProducto: "P1",
      tipoRecurso: "Inversión",
      proyecto: 7890,
      apropiacion: "1.500.000.000",
      compromisos: [100_000_000, "200.000.000,5"],
      giros: [50_000_000],
    },
    { codigoProducto: "P1", tipoRecurso: "funcionamiento", apropiacion: 300_000_000, compromisos: [10, "-"] },
    { codigoProducto: "P2", tipoRecurso: "Otro", apropiacion: "#REF!" },
    { proyecto: "Total", apropiacion: 1_800_000_000 },
  ];

  it("se lee por nombre, con recursos, proyecto y series mensuales", () => {
    const modelo = leer(grillaPmr(FILAS_EJEMPLO), grillaPresupuesto(FILAS));
    const p = modelo.presupuesto!;
    expect(p.nombre).toBe("PMR_Presupuesto");
    expect(p.filaEncabezado).toBe(1);
    expect(p.columnas.campos).toEqual({ codigoProducto: 0, tipoRecurso: 1, proyecto: 2, apropiacion: 3 });
    expect(p.columnas.compromisos[0]).toBe(4);
    expect(p.columnas.giros[11]).toBe(4 + 23);
    expect(p.filas).toHaveLength(3);
    expect(p.filas[0]).toMatchObject({
      fila: 2,
      codigoProducto: "P1",
      tipoRecurso: "INVERSION",
      tipoRecursoTexto: "Inversión",
      proyecto: "7890",
      apropiacion: 1_500_000_000,
      compromisosAcumulados: null,
      girosAcumulados: null,
    });
    expect(p.filas[0].compromisos.slice(0, 3)).toEqual([100_000_000, 200_000_000.5, null]);
    expect(p.filas[0].giros[0]).toBe(50_000_000);
    expect(p.filas[1]).toMatchObject({ tipoRecurso: "FUNCIONAMIENTO", apropiacion: 300_000_000 });
    expect(p.filas[1].compromisos.slice(0, 2)).toEqual([10, null]);
    expect(p.filas[2]).toMatchObject({ tipoRecurso: null, tipoRecursoTexto: "Otro", apropiacion: null });
    expect(modelo.lectura).toEqual([
      expect.objectContaining({ tipo: "error-celda", hoja: "PMR_Presupuesto", celda: "D4", campo: "apropiacion" }),
    ]);
  });

  it("con acumulados en vez de meses, y encontrada por sus encabezados", () => {
    const hoja: GrillaHoja = {
      nombre: "Recursos",
      valores: [
        ["Código producto", "Tipo de recurso", "Apropiación vigente", "Compromisos acumulados", "Giros acumulados"],
        ["P1", "INVERSION", 100, "80,5", 40],
      ],
    };
    const p = leer(grillaPmr(FILAS_EJEMPLO), hoja).presupuesto!;
    expect(p.nombre).toBe("Recursos");
    expect(p.filas[0]).toMatchObject({
      apropiacion: 100,
      compromisosAcumulados: 80.5,
      girosAcumulados: 40,
      tipoRecurso: "INVERSION",
    });
    expect(p.filas[0].compromisos).toEqual(new Array(12).fill(null));
  });

  it("es opcional: sin ella, presupuesto es null y no hay problema", () => {
    const modelo = leer(grillaPmr(FILAS_EJEMPLO));
    expect(modelo.presupuesto).toBeNull();
    expect(modelo.territorial).toBeNull();
    expect(modelo.lectura).toEqual([]);
  });

  it("por nombre pero sin Apropiación vigente: columna-faltante", () => {
    const g = grillaPresupuesto(FILAS);
    g.valores[0][ENCABEZADOS_PRESUPUESTO.indexOf("Apropiación vigente")] = "Notas";
    const modelo = leer(grillaPmr(FILAS_EJEMPLO), g);
    expect(modelo.lectura).toEqual([
      expect.objectContaining({ tipo: "columna-faltante", hoja: "PMR_Presupuesto", campo: "apropiacion", celda: "A1" }),
    ]);
  });
});

describe("hoja PMR_Territorial", () => {
  it("localidades por número, nombre, «8 - Kennedy» y Distrital; desconocidas con su texto", () => {
    const filas = [
      { codigoIndicador: "IP1", localidad: 8, metaVigencia: 100, ejecutado: 40 },
      { codigoIndicador: "IP1", localidad: "Ciudad Bolívar", metaVigencia: "200,5", ejecutado: "-" },
      { codigoIndicador: "IP1", localidad: "8 - Kennedy", metaVigencia: 1 },
      { codigoIndicador: "IP1", localidad: "Distrital", metaVigencia: 1 },
      { codigoIndicador: "IP1", localidad: "Marte", metaVigencia: 1 },
      { codigoIndicador: "IP1", localidad: 25, metaVigencia: 1 },
      { localidad: "Total", metaVigencia: 304.5 },
    ];
    const modelo = leer(grillaPmr(FILAS_EJEMPLO), grillaTerritorial(filas));
    const t = modelo.territorial!;
    expect(t.nombre).toBe("PMR_Territorial");
    expect(t.columnas.campos).toEqual({ codigoIndicador: 0, localidad: 1, metaVigencia: 2, ejecutado: 3 });
    expect(t.filas.map((f) => [f.fila, f.localidad, f.localidadTexto, f.metaVigencia, f.ejecutado])).toEqual([
      [2, 8, "8", 100, 40],
      [3, 19, "Ciudad Bolívar", 200.5, null],
      [4, 8, "8 - Kennedy", 1, null],
      [5, 0, "Distrital", 1, null],
      [6, null, "Marte", 1, null],
      [7, null, "25", 1, null],
    ]);
    expect(modelo.lectura).toEqual([]);
  });

  it("encontrada por sus encabezados (Código indicador + Localidad) con otro nombre", () => {
    const g = grillaTerritorial([{ codigoIndicador: "IP1", localidad: "Suba", metaVigencia: 3, ejecutado: 1 }], {
      nombre: "Metas por localidad",
      titulo: [["Territorialización"]],
    });
    const t = leer(OTRA, grillaPmr(FILAS_EJEMPLO), g).territorial!;
    expect(t.nombre).toBe("Metas por localidad");
    expect(t.filaEncabezado).toBe(2);
    expect(t.filas[0]).toMatchObject({ fila: 3, localidad: 11 });
  });

  it("los encabezados canónicos son los de §4", () => {
    expect(ENCABEZADOS_TERRITORIAL).toEqual(["Código indicador", "Localidad", "Meta vigencia", "Ejecutado"]);
  });
});
