/** Encabezados (PMR-SPEC §4): sinónimos, posición, dos filas, combinadas, meses. */
import { letraColumna } from "../../src/domain";
import type { AreaCombinada, GrillaHoja } from "../../src/workbook/grilla";
import { normalizarEncabezado } from "../../src/workbook/encabezados";
import { CLAVES_PMR, ENCABEZADOS_PMR, filaPmr, grillaPmr } from "../../src/workbook/plantilla";
import { FILAS_EJEMPLO, MESES_CORTOS, MESES_LARGOS, indicadores, leer } from "./ayudas";

const canonico = leer(grillaPmr(FILAS_EJEMPLO));

/** La grilla canónica con un encabezado cambiado. */
function conEncabezado(clave: string, texto: string): GrillaHoja {
  const g = grillaPmr(FILAS_EJEMPLO);
  g.valores[0][CLAVES_PMR.indexOf(clave)] = texto;
  return g;
}

describe("normalización de encabezados", () => {
  it.each([
    ["Cód. objetivo", "cod objetivo"],
    ["  CÓDIGO   Objetivo ", "codigo objetivo"],
    ["Tipo de indicador", "tipo indicador"],
    ["Ponderación (%)", "ponderacion"],
    ["Programación_de-enero", "programacion enero"],
    ["Año", "ano"],
  ])("«%s» → «%s»", (texto, esperado) => {
    expect(normalizarEncabezado(texto)).toBe(esperado);
  });
  it("lo que no es texto o es muy largo no es encabezado", () => {
    expect(normalizarEncabezado(2025)).toBe("");
    expect(normalizarEncabezado(null)).toBe("");
    expect(normalizarEncabezado("Objetivo ".repeat(50))).toBe("");
  });
});

describe("sinónimos de §4", () => {
  const SINONIMOS: [string, string][] = [
    ["codigoObjetivo", "Cód. objetivo"],
    ["codigoObjetivo", "ID objetivo"],
    ["codigoObjetivo", "Objetivo No."],
    ["codigoObjetivo", "cod objetivo"],
    ["codigoObjetivo", "CODIGO  OBJETIVO"],
    ["objetivo", "Nombre objetivo"],
    ["objetivo", "Objetivo PMR"],
    ["codigoProducto", "Cód. producto"],
    ["codigoProducto", "ID producto"],
    ["producto", "Nombre producto"],
    ["tipo", "Tipo de indicador"],
    ["codigo", "Cód. indicador"],
    ["codigo", "ID indicador"],
    ["nombre", "Nombre indicador"],
    ["unidad", "Unidad"],
    ["tendencia", "Tipo de anualización"],
    ["tendencia", "Anualización"],
    ["tendencia", "Naturaleza"],
    ["periodicidad", "Periodicidad de medición"],
    ["periodicidad", "Frecuencia"],
    ["ponderacion", "Peso"],
    ["ponderacion", "Ponderación indicador"],
    ["lineaBase", "LB"],
    ["lineaBase", "Valor línea base"],
    ["metaPlan", "Meta PMR total"],
    ["metaPlan", "Meta cuatrienio"],
    ["metaPlan", "Meta final"],
    ["vigencia", "Año"],
    ["metaVigencia", "Programación vigencia"],
    ["metaVigencia", "Meta anual"],
    ["ejecutadoAnterior", "Ejecución acumulada anterior"],
    ["observaciones", "Justificación"],
  ];
  it.each(SINONIMOS)("%s acepta «%s»", (campo, texto) => {
    const modelo = leer(conEncabezado(campo, texto));
    expect(modelo.lectura).toEqual([]);
    expect(modelo.pmr?.columnas.campos[campo as keyof typeof modelo.pmr.columnas.campos]).toBe(
      CLAVES_PMR.indexOf(campo),
    );
    expect(indicadores(modelo)).toEqual(indicadores(canonico));
  });

  it("un encabezado desconocido no se toma por ninguna columna", () => {
    const modelo = leer(conEncabezado("unidad", "Unidad de cuenta rara"));
    expect(modelo.pmr?.columnas.campos.unidad).toBeUndefined();
    expect(indicadores(modelo).every((i) => i.unidad === null)).toBe(true);
  });
});

describe("columnas mensuales", () => {
  const VARIANTES_MES: [number, string][] = [
    [1, "Ene"],
    [1, "Enero"],
    [2, "Feb"],
    [2, "Febrero"],
    [3, "Mar"],
    [3, "Marzo"],
    [4, "Abr"],
    [4, "Abril"],
    [5, "May"],
    [5, "Mayo"],
    [6, "Jun"],
    [6, "Junio"],
    [7, "Jul"],
    [7, "Julio"],
    [8, "Ago"],
    [8, "Agosto"],
    [9, "Sep"],
    [9, "Sept"],
    [9, "Septiembre"],
    [9, "Setiembre"],
    [10, "Oct"],
    [10, "Octubre"],
    [11, "Nov"],
    [11, "Noviembre"],
    [12, "Dic"],
    [12, "Diciembre"],
  ];
  it.each(VARIANTES_MES)("el mes %i se reconoce como «%s» en las tres series", (mes, nombre) => {
    const g = grillaPmr(FILAS_EJEMPLO);
    const enc = g.valores[0];
    enc[CLAVES_PMR.indexOf(`programado.${mes}`)] = `Prog. ${nombre}`;
    enc[CLAVES_PMR.indexOf(`ejecutado.${mes}`)] = `Ejecución ${nombre.toLowerCase()}`;
    enc[CLAVES_PMR.indexOf(`cualitativo.${mes}`)] = `Avance cualitativo ${nombre}`;
    const modelo = leer(g);
    expect(modelo.lectura).toEqual([]);
    expect(modelo.pmr?.columnas.programado[mes - 1]).toBe(CLAVES_PMR.indexOf(`programado.${mes}`));
    expect(modelo.pmr?.columnas.ejecutado[mes - 1]).toBe(CLAVES_PMR.indexOf(`ejecutado.${mes}`));
    expect(modelo.pmr?.columnas.cualitativo[mes - 1]).toBe(CLAVES_PMR.indexOf(`cualitativo.${mes}`));
    expect(indicadores(modelo)).toEqual(indicadores(canonico));
  });

  it.each([
    ["Programado Ene", "programado"],
    ["Prog. Ene", "programado"],
    ["Programación enero", "programado"],
    ["Ejecutado Ene", "ejecutado"],
    ["Ejec. Ene", "ejecutado"],
    ["Ejecución enero", "ejecutado"],
    ["Avance enero", "ejecutado"],
    ["Cualitativo Ene", "cualitativo"],
    ["Avance cualitativo enero", "cualitativo"],
  ])("«%s» es de la serie %s", (texto, serie) => {
    const g = grillaPmr([{ codigo: "I1", nombre: "X", programado: [1], ejecutado: [2], cualitativo: ["t"] }]);
    const enc = g.valores[0];
    // Solo queda la columna de enero de la serie probada, con el texto probado.
    for (const s of ["programado", "ejecutado", "cualitativo"]) enc[CLAVES_PMR.indexOf(`${s}.1`)] = "Otra cosa";
    enc[CLAVES_PMR.indexOf(`${serie}.1`)] = texto;
    const modelo = leer(g);
    const columnas = modelo.pmr!.columnas;
    for (const s of ["programado", "ejecutado", "cualitativo"] as const) {
      expect(columnas[s][0]).toBe(s === serie ? CLAVES_PMR.indexOf(`${serie}.1`) : null);
    }
    const ind = indicadores(modelo)[0];
    expect(ind[serie as "programado"][0]).toEqual(serie === "programado" ? 1 : serie === "ejecutado" ? 2 : "t");
  });

  it.each([
    ["Programado Ene 2025", "programado", 1],
    ["Ejecutado feb-25", "ejecutado", 2],
    ["Ejecución marzo/2025", "ejecutado", 3],
    ["Enero programado", "programado", 1],
    ["Meta vigencia 2025", "metaVigencia", 0],
    ["Vigencia 2025", "vigencia", 0],
  ])("los años no cuentan: «%s»", (texto, clave, mes) => {
    const g = grillaPmr(FILAS_EJEMPLO);
    const columna = CLAVES_PMR.indexOf(mes === 0 ? clave : `${clave}.${mes}`);
    g.valores[0][columna] = texto;
    const modelo = leer(g);
    expect(modelo.lectura).toEqual([]);
    expect(indicadores(modelo)).toEqual(indicadores(canonico));
  });

  it("un grupo con año («Programación 2025») sobre los meses", () => {
    const modelo = leer({
      nombre: "PMR",
      valores: [
        [
          "Código objetivo",
          "Objetivo",
          "Código indicador",
          "Indicador",
          "Tendencia",
          "Programación 2025",
          "",
          "Ejecución 2025",
          "",
        ],
        ["", "", "", "", "", "Ene", "Feb", "Ene", "Feb"],
        ["O1", "Obj", "I1", "Ind", "Suma", 1, 2, 3, 4],
      ],
    });
    expect(modelo.lectura).toEqual([]);
    expect(indicadores(modelo)[0].programado.slice(0, 2)).toEqual([1, 2]);
    expect(indicadores(modelo)[0].ejecutado.slice(0, 3)).toEqual([3, 4, null]);
  });

  it("«Avance enero» es ejecutado y «Avance cualitativo enero» es cualitativo en la misma hoja", () => {
    const modelo = leer({
      nombre: "PMR",
      valores: [
        [
          "Código objetivo",
          "Objetivo",
          "Código indicador",
          "Indicador",
          "Tendencia",
          "Meta vigencia",
          "Avance enero",
          "Avance cualitativo enero",
        ],
        ["O1", "Obj", "I1", "Ind", "Suma", 10, 4, "Se hicieron 4"],
      ],
    });
    const ind = indicadores(modelo)[0];
    expect(ind.ejecutado[0]).toBe(4);
    expect(ind.cualitativo[0]).toBe("Se hicieron 4");
    expect(modelo.pmr!.columnas.ejecutado[0]).toBe(6);
    expect(modelo.pmr!.columnas.cualitativo[0]).toBe(7);
  });

  it("una sola columna «Avance cualitativo» es el avance cualitativo del corte", () => {
    const modelo = leer({
      nombre: "PMR",
      valores: [
        [
          "Código objetivo",
          "Objetivo",
          "Código indicador",
          "Indicador",
          "Tendencia",
          "Meta vigencia",
          "Avance cualitativo",
        ],
        ["O1", "Obj", "I1", "Ind", "Suma", 10, "Vamos en 4 de 10"],
      ],
    });
    expect(modelo.pmr!.columnas.campos.cualitativoActual).toBe(6);
    expect(indicadores(modelo)[0].cualitativoActual).toBe("Vamos en 4 de 10");
    expect(indicadores(modelo)[0].cualitativo).toEqual(new Array(12).fill(null));
  });

  it("sin meta vigencia pero con programación mensual no falta nada", () => {
    const g = grillaPmr(FILAS_EJEMPLO);
    g.valores[0][CLAVES_PMR.indexOf("metaVigencia")] = "Comentario";
    expect(leer(g).lectura).toEqual([]);
  });
});

describe("posición del encabezado", () => {
  it("un bloque de título encima: la fila de encabezados se busca en las primeras 30", () => {
    const titulo = [
      ["SECRETARÍA DISTRITAL DE EJEMPLO"],
      ["Formato PLE-PIN-F020 — Productos, Metas y Resultados"],
      [],
      ["Objetivo", "Vigencia 2025"],
      ["", ""],
      ["Fecha de corte:", "31/03/2025"],
    ];
    const modelo = leer(grillaPmr(FILAS_EJEMPLO, { titulo }));
    expect(modelo.lectura).toEqual([]);
    expect(modelo.pmr!.filaEncabezado).toBe(7);
    expect(indicadores(modelo).map((i) => i.fila)).toEqual([8, 9, 10]);
    const sinFila = (m: typeof modelo) => indicadores(m).map(({ fila: _fila, ...resto }) => resto);
    expect(sinFila(modelo)).toEqual(sinFila(canonico));
  });

  it("más allá de la fila 30 no se busca", () => {
    const titulo = Array.from({ length: 30 }, (_, i) => [`Nota ${i + 1}`]);
    const modelo = leer(grillaPmr(FILAS_EJEMPLO, { titulo }));
    expect(modelo.pmr).toBeNull();
    expect(modelo.lectura.map((p) => p.tipo)).toContain("columna-faltante");
  });

  it("los huecos en los datos no detienen la lectura; las filas vacías se omiten", () => {
    const g = grillaPmr(FILAS_EJEMPLO);
    g.valores.splice(2, 0, [], ["", null, "  ", "-", "N/A"], new Array(60).fill(""));
    g.valores.push(
      [],
      [],
      filaPmr({
        codigoObjetivo: "O2",
        objetivo: "Otro",
        codigo: "IO2",
        nombre: "Otro indicador",
        tendencia: "Suma",
        metaVigencia: 5,
      }),
    );
    const modelo = leer(g);
    expect(indicadores(modelo).map((i) => [i.codigo, i.fila])).toEqual([
      ["IO1", 2],
      ["IP1", 6],
      ["IP2", 7],
      ["IO2", 10],
    ]);
  });

  it("se omiten las filas de totales y los encabezados repetidos", () => {
    const g = grillaPmr(FILAS_EJEMPLO);
    g.valores.push(filaPmr({ objetivo: "Total objetivo O1", metaVigencia: 1224 }));
    g.valores.push(filaPmr({ codigoObjetivo: "Subtotal", metaVigencia: 1224 }));
    g.valores.push([...ENCABEZADOS_PMR]);
    g.valores.push(
      filaPmr({ codigoObjetivo: "O2", codigo: "IO2", nombre: "Total de hogares atendidos", tendencia: "Suma" }),
    );
    const modelo = leer(g);
    expect(indicadores(modelo).map((i) => i.codigo)).toEqual(["IO1", "IP1", "IP2", "IO2"]);
  });

  it("una fila sin código ni nombre de indicador y sin «Total» se conserva (una regla la señalará)", () => {
    const g = grillaPmr(FILAS_EJEMPLO);
    g.valores.push(filaPmr({ codigoObjetivo: "O1", metaVigencia: 3 }));
    const ind = indicadores(leer(g));
    expect(ind).toHaveLength(4);
    expect(ind[3]).toMatchObject({ codigo: null, nombre: null, codigoObjetivo: "O1", metaVigencia: 3, fila: 5 });
  });

  it("un bloque tipo tabla que no empieza en A1: columnas y filas absolutas", () => {
    const g = grillaPmr(FILAS_EJEMPLO, { filaInicial: 7, columnaInicial: 3 });
    g.valores[2][CLAVES_PMR.indexOf("ejecutado.2")] = "#REF!";
    const modelo = leer(g);
    const pmr = modelo.pmr!;
    expect(pmr.filaEncabezado).toBe(8);
    expect(pmr.columnas.campos.codigoObjetivo).toBe(3);
    expect(pmr.columnas.campos.metaVigencia).toBe(3 + CLAVES_PMR.indexOf("metaVigencia"));
    expect(pmr.columnas.ejecutado[1]).toBe(3 + CLAVES_PMR.indexOf("ejecutado.2"));
    expect(pmr.indicadores.map((i) => i.fila)).toEqual([9, 10, 11]);
    const celda = `${letraColumna(3 + CLAVES_PMR.indexOf("ejecutado.2"))}10`;
    expect(modelo.lectura).toEqual([
      expect.objectContaining({ tipo: "error-celda", hoja: "PMR", celda, campo: "ejecutado.2" }),
    ]);
    expect(pmr.indicadores[1].ejecutado[1]).toBeNull();
  });

  it("una columna repetida: se usa la primera y se avisa en la segunda", () => {
    const g = grillaPmr(FILAS_EJEMPLO);
    for (const fila of g.valores) fila.push(fila === g.valores[0] ? "Meta anual" : 999);
    const modelo = leer(g);
    const col = letraColumna(ENCABEZADOS_PMR.length);
    expect(modelo.lectura).toEqual([
      expect.objectContaining({ tipo: "columna-duplicada", celda: `${col}1`, campo: "metaVigencia" }),
    ]);
    expect(modelo.lectura[0].detalle).toBe("Meta vigencia");
    expect(indicadores(modelo).map((i) => i.metaVigencia)).toEqual([4, 1200, 20]);
  });
});

describe("encabezado de dos filas", () => {
  const FIJAS = ["Código objetivo", "Objetivo", "Código indicador", "Indicador", "Tendencia", "Meta vigencia"];
  const datos = [
    [
      "O1",
      "Obj",
      "I1",
      "Ind 1",
      "Suma",
      12,
      ...[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
      ...[1, 2, 0.5],
      ...new Array(9).fill(""),
      "Bien",
      ...new Array(11).fill(""),
    ],
    [
      "O1",
      "Obj",
      "I2",
      "Ind 2",
      "Creciente",
      30,
      ...new Array(12).fill(""),
      10,
      20,
      "",
      30,
      ...new Array(8).fill(""),
      ...new Array(12).fill(""),
    ],
  ];
  /** Título arriba, fila de grupos (fila 3) y fila de meses (fila 4). */
  function dosFilas(conCombinadas: boolean, meses: string[], fijasArriba: boolean): GrillaHoja {
    const grupos = [
      ...(fijasArriba ? FIJAS : FIJAS.map(() => "")),
      "Programación",
      ...new Array(11).fill(""),
      "Ejecución",
      ...new Array(11).fill(""),
      "Avance cualitativo",
      ...new Array(11).fill(""),
    ];
    const mesesFila = [...(fijasArriba ? FIJAS.map(() => "") : FIJAS), ...meses, ...meses, ...meses];
    const combinadas: AreaCombinada[] = [
      { fila: 0, columna: 0, filas: 1, columnas: 10 },
      { fila: 2, columna: 6, filas: 1, columnas: 12 },
      { fila: 2, columna: 18, filas: 1, columnas: 12 },
      { fila: 2, columna: 30, filas: 1, columnas: 12 },
      ...(fijasArriba ? FIJAS.map((_, c) => ({ fila: 2, columna: c, filas: 2, columnas: 1 })) : []),
    ];
    return {
      nombre: "PMR",
      valores: [["PMR 2025 — Secretaría"], [], grupos, mesesFila, ...datos],
      ...(conCombinadas ? { combinadas } : {}),
    };
  }

  it.each([
    ["con áreas combinadas, meses cortos", true, MESES_CORTOS, true],
    ["con áreas combinadas, meses largos", true, MESES_LARGOS, true],
    ["sin información de combinadas (el grupo se extiende a la derecha)", false, MESES_CORTOS, true],
    ["sin combinadas, con los encabezados fijos abajo", false, MESES_LARGOS, false],
    ["con combinadas, con los encabezados fijos abajo", true, MESES_CORTOS, false],
  ])("%s", (_nombre, conCombinadas, meses, fijasArriba) => {
    const modelo = leer(dosFilas(conCombinadas, meses, fijasArriba));
    expect(modelo.lectura).toEqual([]);
    const pmr = modelo.pmr!;
    expect(pmr.filaEncabezado).toBe(4);
    expect(pmr.columnas.campos).toMatchObject({
      codigoObjetivo: 0,
      objetivo: 1,
      codigo: 2,
      nombre: 3,
      tendencia: 4,
      metaVigencia: 5,
    });
    expect(pmr.columnas.programado).toEqual(Array.from({ length: 12 }, (_, i) => 6 + i));
    expect(pmr.columnas.ejecutado).toEqual(Array.from({ length: 12 }, (_, i) => 18 + i));
    expect(pmr.columnas.cualitativo).toEqual(Array.from({ length: 12 }, (_, i) => 30 + i));
    const [a, b] = pmr.indicadores;
    expect(a).toMatchObject({ fila: 5, codigo: "I1", metaVigencia: 12, tendencia: "SUMA" });
    expect(a.programado).toEqual(new Array(12).fill(1));
    expect(a.ejecutado).toEqual([1, 2, 0.5, ...new Array(9).fill(null)]);
    expect(a.cualitativo[0]).toBe("Bien");
    expect(b.ejecutado).toEqual([10, 20, null, 30, ...new Array(8).fill(null)]);
    expect(b.programado).toEqual(new Array(12).fill(null));
  });

  it("con combinadas, un grupo termina donde termina su área (no se extiende)", () => {
    const g = dosFilas(true, MESES_CORTOS, true);
    // Trece columnas bajo «Programación», pero el área combinada solo cubre doce: la 13.ª no es de nadie.
    for (const fila of g.valores) fila.push("");
    g.valores[3][42] = "Ene";
    g.valores[4][42] = 777;
    const modelo = leer(g);
    expect(modelo.pmr!.columnas.cualitativo[0]).toBe(30);
    expect(modelo.lectura).toEqual([]);
  });
});
