import { crearLibroFalso, LIMITE_WEB_BYTES, type LibroFalso } from "../../fakes/excel-falso";
import { inspeccionarEscritura, tablasDelLibroFalso } from "../../fakes/escritura-falsa";
import {
  CLAVE_PROPIETARIO,
  ErrorEscrituraExcel,
  escribirLibroExcel,
  nombreConNumero,
  type Ejecutar,
} from "../../../src/hosts/excel";
import { ErrorDescripcion, hoja, libro } from "../../../src/workbook/escritura";
import { descripcionMuestra, MENSAJE_PELIGROSO } from "../../workbook/escritura/muestra";

function libroUsuario(): LibroFalso {
  return crearLibroFalso({
    hojas: [
      {
        nombre: "PMR",
        valores: [
          ["Código objetivo", "Objetivo"],
          ["O1", "Reducir"],
        ],
        seleccion: "B2",
      },
      { nombre: "Notas", celdas: { A1: "mis notas" } },
    ],
    activa: "PMR",
  });
}

function opciones(l: LibroFalso, respuesta = true) {
  const preguntas: string[][] = [];
  return {
    preguntas,
    ejecutar: l.run as unknown as Ejecutar,
    confirmarReemplazo: async (nombres: readonly string[]) => {
      preguntas.push([...nombres]);
      return respuesta;
    },
  };
}

describe("escribirLibroExcel con el Excel falso", () => {
  it("escribe las dos hojas: celdas, textos como texto, fórmula, formatos, estilos, tabla, validaciones, gráficos; 2 viajes", async () => {
    const l = libroUsuario();
    const o = opciones(l);
    const antes = l.instantaneaCeldas("PMR");
    const r = await escribirLibroExcel(descripcionMuestra(), o);

    expect(r).toEqual({
      cancelado: false,
      syncs: 2,
      hojas: [
        { nombre: "Informe PMR", nombrePedido: "Informe PMR", proposito: "informe-anual", reemplazada: false },
        { nombre: "Plantilla", nombrePedido: "Plantilla", proposito: "plantilla", reemplazada: false },
      ],
    });
    expect(l.syncs).toBe(2);
    expect(o.preguntas).toEqual([]);
    expect(l.nombresHojas()).toEqual(["PMR", "Notas", "Informe PMR", "Plantilla"]);
    // La hoja activa y la selección del usuario no cambian; sus celdas tampoco.
    expect(l.seleccion()).toEqual({ hoja: "PMR", direccion: "B2" });
    expect(l.instantaneaCeldas("PMR")).toEqual(antes);

    const c = l.instantaneaCeldas("Informe PMR");
    expect(c.valores.A1).toBe("Informe anual PMR 2025");
    expect(c.valores.A3).toBe("Código");
    expect(c.valores.C4).toBe(0.9717);
    expect(c.valores.D6).toBe("Rojo");
    expect(c.valores.B9).toBe(MENSAJE_PELIGROSO);
    expect(c.valores.B10).toBe("-5 indicadores");
    expect(c.valores.B11).toBe("@analista");
    expect(c.valores.B12).toBe("+57 300");
    expect(c.formatosNumero.B9).toBe("@");
    expect(c.formatosNumero.A3).toBe("@");
    expect(c.formatosNumero.C4).toBe("0.00%");
    expect(c.formatosNumero.C7).toBe("0.00%");
    expect(c.formatosNumero.C8).toBeUndefined();
    expect(c.combinadas).toEqual(["A1:D1"]);
    expect(c.formatos.A3.relleno).toBe("#DDEBF7");
    expect(c.formatos.D6).toMatchObject({ relleno: "#FFC7CE", fuente: "#9C0006" });

    const e = inspeccionarEscritura(l, "Informe PMR");
    expect(e.propiedades).toEqual({ [CLAVE_PROPIETARIO]: "PMR para Excel;informe-anual" });
    expect(e.formulas).toEqual({ C7: "=AVERAGE(C4:C6)" });
    expect(e.estilos.A1).toEqual({ negrita: true, tamano: 14 });
    expect(e.estilos.A3).toEqual({ negrita: true, ajustar: true, vertical: "Center" });
    expect(e.anchos).toEqual({ A: 56.25, B: 240 });
    expect(e.inmovilizadas).toEqual({ filas: 3, columnas: 0 });
    expect(e.tablas).toEqual([
      {
        nombre: "PMR_Objetivos",
        rango: "A3:D6",
        conEncabezados: true,
        estilo: "TableStyleMedium2",
        mostrarTotales: false,
      },
    ]);
    expect(e.graficos).toEqual([
      {
        nombre: "Cumplimiento por objetivo",
        tipo: "BarClustered",
        titulo: "Cumplimiento por objetivo",
        ejeCategorias: "Objetivo",
        ejeValores: "Cumplimiento",
        leyenda: false,
        posicion: { inicio: "F3", fin: "M18" },
        series: [
          {
            nombre: "Cumplimiento",
            valores: "Informe PMR!C4:C6",
            categorias: "Informe PMR!A4:A6",
            relleno: "#4472C4",
            linea: null,
            puntos: { 0: "#00B050", 1: "#00B050", 2: "#FF0000" },
          },
        ],
      },
      {
        nombre: "Tendencia",
        tipo: "Line",
        titulo: "Tendencia",
        ejeCategorias: null,
        ejeValores: null,
        leyenda: true,
        posicion: { inicio: "F20", fin: "M34" },
        series: [
          {
            nombre: "Cumplimiento",
            valores: "Informe PMR!C4:C6",
            categorias: "Informe PMR!A4:A6",
            relleno: null,
            linea: "#70AD47",
            puntos: {},
          },
          // Sin color en la descripción: el segundo de la paleta.
          {
            nombre: "Meta",
            valores: "Informe PMR!C4:C6",
            categorias: "Informe PMR!A4:A6",
            relleno: null,
            linea: "#ED7D31",
            puntos: {},
          },
        ],
      },
    ]);

    const p = inspeccionarEscritura(l, "Plantilla");
    expect(p.propiedades).toEqual({ [CLAVE_PROPIETARIO]: "PMR para Excel;plantilla" });
    expect(p.tablas).toEqual([
      {
        nombre: "PMR_Plantilla",
        rango: "A1:C3",
        conEncabezados: true,
        estilo: "TableStyleLight9",
        mostrarTotales: false,
      },
    ]);
    expect(p.inmovilizadas).toEqual({ filas: 1, columnas: 1 });
    expect(p.validaciones).toEqual([
      {
        rango: "B2:B3",
        regla: { list: { inCellDropDown: true, source: "Suma,Creciente,Constante,Decreciente" } },
        mensajeEntrada: { showPrompt: true, title: "Tendencia", message: "Elija la tendencia del indicador." },
        alertaError: {
          showAlert: true,
          style: "Stop",
          title: "Tendencia no válida",
          message: "Use Suma, Creciente, Constante o Decreciente.",
        },
        ignorarVacias: true,
      },
      {
        rango: "C2:C3",
        regla: { decimal: { operator: "GreaterThanOrEqualTo", formula1: 0 } },
        mensajeEntrada: { showPrompt: true, title: "Meta vigencia", message: "Un número desde 0." },
        alertaError: {
          showAlert: true,
          style: "Warning",
          title: "Meta no válida",
          message: "La meta debe ser un número desde 0.",
        },
        ignorarVacias: true,
      },
      {
        rango: "A2:A3",
        regla: { list: { inCellDropDown: true, source: "='Plantilla'!$E$2:$E$5" } },
        mensajeEntrada: null,
        alertaError: null,
        ignorarVacias: true,
      },
      {
        rango: "E7",
        regla: { list: { inCellDropDown: true, source: "='Informe PMR'!$A$4:$A$6" } },
        mensajeEntrada: null,
        alertaError: null,
        ignorarVacias: true,
      },
    ]);
    expect(l.instantaneaCeldas("Plantilla").formatosNumero).toMatchObject({ C2: "#,##0.00", C3: "#,##0.00", A1: "@" });
  });

  it("los viajes a Excel no crecen con la descripción (3 filas o 5.000)", async () => {
    const chico = libroUsuario();
    const grande = libroUsuario();
    await escribirLibroExcel(descripcionMuestra(), opciones(chico));
    await escribirLibroExcel(descripcionMuestra(5000), opciones(grande));
    expect(grande.syncs).toBe(chico.syncs);
    expect(grande.valor("Informe PMR", "A5006")).toBe("X4999");
    // Reemplazar también es constante: 3 viajes.
    chico.reiniciarConteo();
    grande.reiniciarConteo();
    await escribirLibroExcel(descripcionMuestra(), opciones(chico));
    await escribirLibroExcel(descripcionMuestra(5000), opciones(grande));
    expect(chico.syncs).toBe(3);
    expect(grande.syncs).toBe(3);
  });

  it("en Excel en la Web (5 MB por envío) una hoja enorme se parte por filas: más viajes, todo escrito", async () => {
    const l = crearLibroFalso({ hojas: [{ nombre: "PMR" }] }, { limiteBytesRespuesta: LIMITE_WEB_BYTES });
    const texto = "x".repeat(40);
    const filas = Array.from({ length: 30_000 }, (_v, i) => [`F${i}`, texto, texto, texto, texto, i]);
    const d = libro(hoja("Grande", "consolidado").celdas("A1", filas).formato("F1:F30000", "0"));
    const r = await escribirLibroExcel(d, opciones(l));
    expect(r.syncs).toBeGreaterThan(2);
    expect(r.syncs).toBeLessThan(8);
    expect(Math.max(...l.medidas.map((m) => m.bytesPeticion))).toBeLessThanOrEqual(LIMITE_WEB_BYTES);
    expect(l.valor("Grande", "A30000")).toBe("F29999");
    expect(l.valor("Grande", "F30000")).toBe(29999);
    expect(l.instantaneaCeldas("Grande").formatosNumero.B30000).toBe("@");
  });

  it("reemplazar hojas propias pregunta antes; con «sí» las reemplaza en su lugar, sin duplicar tablas", async () => {
    const l = libroUsuario();
    await escribirLibroExcel(descripcionMuestra(), opciones(l));
    // El usuario mueve la hoja del informe al principio.
    await l.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Informe PMR").position = 0;
      await ctx.sync();
    });
    const o = opciones(l, true);
    const r = await escribirLibroExcel(descripcionMuestra(), o);
    expect(o.preguntas).toEqual([["Informe PMR", "Plantilla"]]);
    expect(r.hojas.map((h) => h.reemplazada)).toEqual([true, true]);
    expect(l.nombresHojas()).toEqual(["Informe PMR", "PMR", "Notas", "Plantilla"]);
    expect(tablasDelLibroFalso(l)).toEqual([
      { hoja: "Informe PMR", nombre: "PMR_Objetivos" },
      { hoja: "Plantilla", nombre: "PMR_Plantilla" },
    ]);
    expect(inspeccionarEscritura(l, "Informe PMR").graficos).toHaveLength(2);
    expect(l.seleccion()).toEqual({ hoja: "PMR", direccion: "B2" });
  });

  it("con «no» no escribe nada", async () => {
    const l = libroUsuario();
    await escribirLibroExcel(descripcionMuestra(), opciones(l));
    const antes = JSON.stringify(l.guardar());
    const r = await escribirLibroExcel(descripcionMuestra(), opciones(l, false));
    expect(r).toEqual({ cancelado: true, hojas: [], syncs: 2 });
    expect(JSON.stringify(l.guardar())).toBe(antes);
  });

  it("una hoja del usuario con el mismo nombre nunca se toca: la del complemento va como «(2)» y después se reemplaza esa", async () => {
    const l = crearLibroFalso({
      hojas: [
        { nombre: "PMR", celdas: { A1: "x" } },
        { nombre: "informe pmr", celdas: { A1: "del usuario" }, seleccion: "A1" },
      ],
      activa: "informe pmr",
    });
    const antes = l.instantaneaCeldas("informe pmr");
    const o = opciones(l);
    const r = await escribirLibroExcel(descripcionMuestra(), o);
    expect(r.hojas[0]).toEqual({
      nombre: "Informe PMR (2)",
      nombrePedido: "Informe PMR",
      proposito: "informe-anual",
      reemplazada: false,
    });
    expect(o.preguntas).toEqual([]);
    expect(l.instantaneaCeldas("informe pmr")).toEqual(antes);
    expect(inspeccionarEscritura(l, "informe pmr")).toMatchObject({ propiedades: {}, tablas: [], graficos: [] });
    expect(l.seleccion()).toEqual({ hoja: "informe pmr", direccion: "A1" });
    // La lista que toma valores de la hoja del informe usa el nombre con que quedó esa hoja.
    expect(inspeccionarEscritura(l, "Plantilla").validaciones[3].regla).toEqual({
      list: { inCellDropDown: true, source: "='Informe PMR (2)'!$A$4:$A$6" },
    });
    const r2 = await escribirLibroExcel(descripcionMuestra(), o);
    expect(o.preguntas).toEqual([["Informe PMR (2)", "Plantilla"]]);
    expect(r2.hojas[0]).toMatchObject({ nombre: "Informe PMR (2)", reemplazada: true });
    expect(l.nombresHojas()).toEqual(["PMR", "informe pmr", "Informe PMR (2)", "Plantilla"]);
    expect(l.instantaneaCeldas("informe pmr")).toEqual(antes);
  });

  it("si la hoja activa era una del complemento que se reemplaza, queda activo su reemplazo", async () => {
    const l = libroUsuario();
    await escribirLibroExcel(descripcionMuestra(), opciones(l));
    await l.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Plantilla").activate();
      await ctx.sync();
    });
    await escribirLibroExcel(descripcionMuestra(), opciones(l));
    expect(l.hojaActiva()).toBe("Plantilla");
  });

  it("una tabla del usuario con el mismo nombre: error en español y nada escrito", async () => {
    const l = libroUsuario();
    await l.run(async (ctx) => {
      const t = (ctx.workbook.worksheets.getItem("PMR") as unknown as Excel.Worksheet).tables.add("A1:B2", true);
      t.name = "PMR_Plantilla";
      await ctx.sync();
    });
    const antes = l.nombresHojas();
    await expect(escribirLibroExcel(descripcionMuestra(), opciones(l))).rejects.toThrow(
      new ErrorEscrituraExcel(
        "Ya hay en el libro una tabla llamada «PMR_Plantilla» en una hoja que no es del complemento. Cambie el nombre de esa tabla (Diseño de tabla → Nombre de la tabla) y vuelva a intentarlo; no se escribió nada.",
      ),
    );
    expect(l.nombresHojas()).toEqual(antes);
  });

  it("una descripción inválida no llega a Excel; un Excel sin ExcelApi 1.12 recibe un mensaje claro", async () => {
    const l = libroUsuario();
    await expect(escribirLibroExcel(libro(hoja("a:b", "x")), opciones(l))).rejects.toBeInstanceOf(ErrorDescripcion);
    expect(l.syncs).toBe(0);
    const viejo = crearLibroFalso({ hojas: [{ nombre: "PMR" }] }, { versionExcelApi: "1.11" });
    const { instalarExcelFalso } = await import("../../fakes/excel-falso");
    const { desinstalar } = instalarExcelFalso(globalThis, viejo);
    try {
      await expect(escribirLibroExcel(descripcionMuestra(), opciones(viejo))).rejects.toThrow(
        /necesita ExcelApi 1\.12/,
      );
    } finally {
      desinstalar();
    }
    expect(viejo.syncs).toBe(0);
  });

  it("un fallo de Excel a mitad se envuelve en un mensaje en español", async () => {
    const l = libroUsuario();
    const mala = libro(
      hoja("Malo", "x")
        .celdas("A1", [
          ["a", "b"],
          [1, 2],
        ])
        .formato("A2", "0")
        .construir(),
    );
    // El Excel falso rechaza escribir en una hoja que ya no existe: se simula borrándola a mitad.
    const ejecutar: Ejecutar = (lote) =>
      l.run(async (ctx) => {
        const original = ctx.sync.bind(ctx);
        let n = 0;
        (ctx as unknown as { sync: () => Promise<void> }).sync = async () => {
          n++;
          if (n === 2)
            throw Object.assign(new Error("The requested resource doesn't exist."), { code: "ItemNotFound" });
          return original();
        };
        return lote(ctx as unknown as Excel.RequestContext);
      });
    await expect(escribirLibroExcel(mala, { ejecutar, confirmarReemplazo: async () => true })).rejects.toThrow(
      "No se pudieron escribir las hojas: The requested resource doesn't exist.. Revise las hojas del complemento: Excel pudo dejar alguna a medias.",
    );
  });

  it("nombreConNumero recorta para no pasar de 31 caracteres", () => {
    expect(nombreConNumero("Informe PMR", 2)).toBe("Informe PMR (2)");
    expect(nombreConNumero("x".repeat(31), 12)).toBe(`${"x".repeat(26)} (12)`);
  });
});
