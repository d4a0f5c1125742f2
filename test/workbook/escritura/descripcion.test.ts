import {
  ErrorDescripcion,
  ESTILOS,
  estiloCompuesto,
  FORMATO_TEXTO,
  formatoNumeroEfectivo,
  formula,
  hoja,
  libro,
  nombreTablaValido,
  planificarBloques,
  problemasDescripcion,
  problemasNombreHoja,
  comprobarDescripcion,
  anchoEnPuntos,
  type DescripcionHoja,
} from "../../../src/workbook/escritura";

function base(): DescripcionHoja {
  return hoja("Informe", "informe-anual")
    .celdas("A1", [
      ["Código", "Valor"],
      ["O1", 0.5],
    ])
    .construir();
}

function con(cambio: Partial<DescripcionHoja>): string[] {
  return problemasDescripcion({ hojas: [{ ...base(), ...cambio }] });
}

describe("constructor de hojas", () => {
  it("arma la descripción con título combinado, formatos, tabla, validación y gráfico", () => {
    const h = hoja("Informe PMR", "informe-anual")
      .titulo("A1:C1", "Informe anual")
      .celdas("A3", [
        ["Código", "Objetivo", "Cumplimiento"],
        ["O1", "Reducir", 0.97],
        ["O2", "Garantizar", formula("=B4")],
      ])
      .formato("C4:C5", "0.00%")
      .ancho("A:B", 20)
      .inmovilizar(3)
      .tabla({ nombre: "Objetivos", rango: "A3:C5" })
      .validacion({ rango: "C4:C5", regla: { tipo: "decimal", operador: "mayorOIgual", valor: 0 } })
      .grafico({
        nombre: "Cumplimiento",
        tipo: "barrasAgrupadas",
        titulo: "Cumplimiento",
        posicion: "E3:L18",
        series: [{ nombre: "Cumplimiento", categorias: "A4:A5", valores: "C4:C5" }],
      })
      .construir();
    expect(h.combinadas).toEqual(["A1:C1"]);
    expect(h.estilos).toEqual([{ rango: "A1:C1", estilos: ["titulo"] }]);
    expect(h.celdas[0]).toEqual({ desde: "A1", filas: [["Informe anual"]] });
    expect(h.tablas).toEqual([
      { nombre: "Objetivos", rango: "A3:C5", estilo: "TableStyleMedium2", conEncabezados: true },
    ]);
    expect(h.inmovilizar).toEqual({ filas: 3, columnas: 0 });
    expect(problemasDescripcion(libro(h))).toEqual([]);
  });

  it("un título de una sola celda no se combina", () => {
    expect(hoja("X", "x").titulo("A1", "T").construir().combinadas).toBeUndefined();
  });

  it("formula() añade el «=» y un texto que empieza por «=» sigue siendo texto", () => {
    expect(formula("SUM(A1:A3)")).toEqual({ formula: "=SUM(A1:A3)" });
    const [b] = planificarBloques(
      hoja("X", "x")
        .celdas("B2", [["=HOY()", formula("=1+1"), "+57", "-5", "@a", 3, null, true]])
        .construir(),
    );
    expect(b.rect).toEqual({ fila: 1, columna: 1, filas: 1, columnas: 8 });
    expect(b.valores).toEqual([["=HOY()", null, "+57", "-5", "@a", 3, "", true]]);
    expect(b.formulas).toEqual([[null, "=1+1", null, null, null, null, null, null]]);
    expect(b.formatosTexto).toEqual([["@", null, "@", "@", "@", null, null, null]]);
  });

  it("bloques sin fórmulas ni textos no piden esas escrituras", () => {
    const [b] = planificarBloques(
      hoja("X", "x")
        .celdas("A1", [[1, 2], [3]])
        .construir(),
    );
    expect(b.formulas).toBeNull();
    expect(b.formatosTexto).toBeNull();
    expect(b.valores).toEqual([
      [1, 2],
      [3, null],
    ]);
  });

  it("formato efectivo: el texto gana; si no, el último rango que cubre la celda", () => {
    const h = hoja("X", "x")
      .celdas("A1", [["texto", 5]])
      .formato("A1:B5", "0.00")
      .formato("B1", "0%")
      .construir();
    expect(formatoNumeroEfectivo(h, 0, 0)).toBe(FORMATO_TEXTO);
    expect(formatoNumeroEfectivo(h, 0, 1)).toBe("0%");
    expect(formatoNumeroEfectivo(h, 3, 1)).toBe("0.00");
    expect(formatoNumeroEfectivo(h, 9, 9)).toBeNull();
  });

  it("estilos con nombre se combinan en orden", () => {
    expect(estiloCompuesto(["encabezado", "centrado"])).toEqual({ ...ESTILOS.encabezado, horizontal: "centro" });
    expect(anchoEnPuntos(10)).toBe(56.25);
    expect(anchoEnPuntos(0)).toBe(0);
  });
});

describe("invariantes", () => {
  it.each([
    ["", "no tiene nombre"],
    ["Una hoja con un nombre muy largo!!", "máximo 31"],
    ["Informe [2025]", "no admite"],
    ["a/b", "no admite"],
    ["'Hoja", "apóstrofo"],
    ["History", "reservado"],
  ])("nombre de hoja «%s»", (nombre, texto) => {
    expect(problemasNombreHoja(nombre).join(" ")).toContain(texto);
  });

  it("acepta un nombre de 31 caracteres con tildes y espacios", () => {
    expect(problemasNombreHoja("Informe anual PMR — Bogotá 2025")).toEqual([]);
  });

  it.each([
    ["Objetivos", true],
    ["_tabla.1", true],
    ["PMR_Presupuesto", true],
    ["A1", false],
    ["XFD100", false],
    ["R1C1", false],
    ["C", false],
    ["con espacio", false],
    ["1tabla", false],
    ["", false],
  ])("nombre de tabla «%s» válido: %s", (nombre, ok) => {
    expect(nombreTablaValido(nombre)).toBe(ok);
  });

  it("hojas repetidas sin importar mayúsculas, y propósito con formato", () => {
    const p = problemasDescripcion({ hojas: [base(), { ...base(), nombre: "INFORME", proposito: "Informe Anual" }] });
    expect(p.join(" ")).toContain("aparece dos veces");
    expect(p.join(" ")).toContain("propósito «Informe Anual»");
  });

  it("sin hojas", () => {
    expect(problemasDescripcion({ hojas: [] })).toEqual(["No hay hojas que escribir."]);
  });

  it("celdas repetidas, valores que Excel no guarda, fórmulas sin «=» y bloques fuera de la hoja", () => {
    const p = con({
      celdas: [
        { desde: "A1", filas: [["a", NaN]] },
        { desde: "A1", filas: [[{ formula: "SUM(A1)" }]] },
        { desde: "XFD1", filas: [[1, 2]] },
        { desde: "ZZZZ1", filas: [[1]] },
        { desde: "C5", filas: [[formula("=[@Avance]*2")]] },
      ],
    }).join(" ");
    expect(p).toContain("La celda Informe!A1 se describe dos veces.");
    expect(p).toContain("Informe!B1 no tiene un valor");
    expect(p).toContain("La fórmula de la celda Informe!A1 debe empezar por «=»");
    expect(p).toContain("se salen de la hoja");
    expect(p).toContain("«ZZZZ1» no es un rango válido");
    expect(p).toContain("La fórmula de la celda Informe!C5 usa «[@…]»");
  });

  it("rangos inválidos en formatos, estilos, anchos e inmovilizar", () => {
    const p = con({
      formatosNumero: [
        { rango: "A0", formato: "0" },
        { rango: "B1", formato: "" },
      ],
      estilos: [{ rango: "A1:", estilos: ["negrita"] }],
      anchos: [
        { columnas: "A1", ancho: 10 },
        { columnas: "B", ancho: 300 },
      ],
      inmovilizar: { filas: -1 },
    }).join(" ");
    expect(p).toContain("Formato de número de la hoja «Informe»: «A0»");
    expect(p).toContain("El formato de número de Informe!B1 está vacío");
    expect(p).toContain("Estilo de la hoja «Informe»: «A1:»");
    expect(p).toContain("«A1» no son columnas");
    expect(p).toContain("El ancho 300");
    expect(p).toContain("Inmovilizar");
  });

  it("combinaciones: una celda, solapadas, con valores dentro y dentro de una tabla", () => {
    const p = con({
      combinadas: ["A1", "A1:B1", "B1:C2"],
      tablas: [{ nombre: "T", rango: "A1:B2" }],
    }).join(" ");
    expect(p).toContain("tiene una sola celda");
    expect(p).toContain("Las combinaciones Informe!A1:B1 y Informe!B1:C2 se solapan.");
    expect(p).toContain("La celda Informe!B1 tiene un valor pero está dentro de la combinación A1:B1");
    expect(p).toContain("Excel no admite celdas combinadas dentro de una tabla");
  });

  it("tablas: nombre, estilo, filas, encabezados, solapes y repetidas en el libro", () => {
    const p = con({
      celdas: [
        {
          desde: "A1",
          filas: [
            ["Código", "código", null],
            [1, 2, 3],
          ],
        },
      ],
      tablas: [
        { nombre: "Mala tabla", rango: "A1:C2", estilo: "TableStyleMedium29" },
        { nombre: "T2", rango: "C1:C1" },
        { nombre: "T3", rango: "F1:G3", conEncabezados: false as unknown as true },
      ],
    }).join(" ");
    expect(p).toContain("El nombre de tabla «Mala tabla»");
    expect(p).toContain("TableStyleMedium29");
    expect(p).toContain("repite el encabezado «código»");
    expect(p).toContain("El encabezado Informe!C1 de la tabla «Mala tabla» debe ser un texto no vacío.");
    expect(p).toContain("al menos una fila de datos");
    expect(p).toContain("La tabla «T3» (hoja «Informe») debe tener fila de encabezados");
    expect(p).toContain("se solapan");
    const dos = problemasDescripcion({
      hojas: [
        { ...base(), tablas: [{ nombre: "Tabla", rango: "A1:B2" }] },
        { ...base(), nombre: "Otra", tablas: [{ nombre: "TABLA", rango: "A1:B2" }] },
      ],
    });
    expect(dos).toEqual(["Dos tablas se llaman «TABLA» (Excel no distingue mayúsculas)."]);
  });

  it("validaciones: listas vacías, con comas o largas, números, textos largos y solapes", () => {
    const p = con({
      validaciones: [
        { rango: "A2:A9", regla: { tipo: "lista", valores: [] } },
        { rango: "B2:B9", regla: { tipo: "lista", valores: ["a,b", " "] } },
        { rango: "C2:C9", regla: { tipo: "lista", valores: Array.from({ length: 60 }, (_, i) => `valor${i}`) } },
        { rango: "D2", regla: { tipo: "entero", operador: "entre", valor: 5, valor2: 1 } },
        { rango: "E2", regla: { tipo: "decimal", operador: "mayorOIgual", valor: Infinity } },
        { rango: "E2:E3", regla: { tipo: "listaRango", rango: "Z" } },
        { rango: "G2", regla: { tipo: "listaRango", hoja: "Listas", rango: "A1:A3" } },
        {
          rango: "F2",
          regla: { tipo: "entero", operador: "mayorOIgual", valor: 0 },
          mensajeEntrada: { titulo: "x".repeat(33), mensaje: "" },
        },
      ],
    }).join(" ");
    expect(p).toContain("Informe!A2:A9 no tiene valores");
    expect(p).toContain("«a,b»");
    expect(p).toContain("pasa de 255 caracteres; Excel no la admite escrita");
    expect(p.match(/necesita límites finitos/g)).toHaveLength(2);
    expect(p).toContain("Lista de validación de la hoja «Informe»: «Z»");
    expect(p).toContain(
      "La lista de validación de Informe!G2 toma sus valores de la hoja «Listas», que no está en la descripción.",
    );
    expect(p).toContain("Las validaciones de Informe!E2 y Informe!E2:E3 se solapan");
    expect(p).toContain("El título del mensaje de validación de Informe!F2");
    expect(p).toContain("El mensaje de validación de Informe!F2 está vacío");
  });

  it("gráficos: series, colores, puntos en líneas, nombres", () => {
    const p = con({
      graficos: [
        { nombre: "G", tipo: "lineas", titulo: "t", posicion: "D1:H9", series: [] },
        {
          nombre: "g",
          tipo: "lineas",
          titulo: "t",
          posicion: "D1:H9",
          series: [
            {
              nombre: "s",
              categorias: "A1:B2",
              valores: "B2:B3",
              color: "rojo",
              coloresPuntos: ["#FF0000", "#00FF00", "#0000FF"],
            },
          ],
        },
      ],
    }).join(" ");
    expect(p).toContain("no tiene series");
    expect(p).toContain("Dos gráficos de la hoja «Informe» se llaman «g».");
    expect(p).toContain("El rango A1:B2 del gráfico «g» (hoja «Informe») debe ser una sola fila o una sola columna.");
    expect(p).toContain("distinto número de categorías y de valores");
    expect(p).toContain("El color «rojo»");
    expect(p).toContain("no admite colores por punto");
    expect(p).toContain("más colores por punto que valores");
  });

  it("comprobarDescripcion lanza ErrorDescripcion con todos los problemas y un mensaje en español", () => {
    let error: unknown;
    try {
      comprobarDescripcion({ hojas: [{ ...base(), nombre: "a:b", proposito: "X" }] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ErrorDescripcion);
    expect((error as ErrorDescripcion).problemas).toHaveLength(2);
    expect((error as Error).message).toMatch(/^La descripción de las hojas no es válida: El nombre de hoja «a:b»/);
    expect(() => comprobarDescripcion(libro(base()))).not.toThrow();
  });

  it("una hoja que describe demasiadas celdas con formato se rechaza sin recorrerlas", () => {
    const p = con({ formatosNumero: [{ rango: "A1:Z100000", formato: "0" }] }).join(" ");
    expect(p).toContain("el máximo es 2.000.000");
  });
});
