import {
  CLAVE_RESALTADO,
  COLORES_RESALTADO,
  MENSAJES_EXCEL,
  esFormulaDelComplemento,
  formulaResaltado,
  hayResaltadoGuardado,
  leerRegistroResaltado,
  planificarResaltado,
  quitarResaltado,
  quitarResaltadoConMedida,
  resaltarConMedida,
  resaltarHallazgos,
} from "../../../src/hosts/excel";
import { MAX_AREAS_BLOQUE, MAX_CARACTERES_BLOQUE } from "../../../src/hosts/excel/resaltado";
import {
  analizarDireccion,
  crearLibroFalso,
  reabrir,
  textoDireccion,
  type DefinicionLibroFalso,
  type FormatoCondicionalFalso,
  type LibroFalso,
} from "../../fakes/excel-falso";
import { hallazgo, muchosHallazgos, quitarAnfitrion, usarLibro } from "./ayudas";

afterEach(() => quitarAnfitrion());

/** Un formato condicional del usuario que no se debe tocar nunca. */
const DEL_USUARIO: FormatoCondicionalFalso = {
  tipo: "CellValue",
  formula: null,
  relleno: "#00B050",
  fuente: null,
  areas: "C2:C40",
};

function definicion(): DefinicionLibroFalso {
  const valores = Array.from({ length: 60 }, (_v, f) =>
    Array.from({ length: 22 }, (_w, c) => (f === 0 ? `Col ${c}` : f * 100 + c)),
  );
  return {
    hojas: [
      {
        nombre: "PMR",
        valores,
        formatos: valores.map((fila, f) => fila.map((_v, c) => (f > 0 && c === 4 ? "0.0%" : null))),
        combinadas: ["W1:Y1"],
        formatoCeldas: {
          B2: { relleno: "#FFFF00" },
          D4: { fuente: "#FF0000", bordes: { EdgeBottom: { estilo: "Continuous", color: "#000000" } } },
          "F2:F6": { relleno: "#D9D9D9", bordes: { EdgeLeft: { estilo: "Dash", color: "#7F7F7F" } } },
        },
        formatosCondicionales: [DEL_USUARIO],
      },
      {
        nombre: "PMR_Presupuesto",
        valores: [
          ["Código producto", "Apropiación vigente"],
          ["PRD-1", 1000],
        ],
      },
      { nombre: "Instrucciones", valores: [["Lea esto"]], formatoCeldas: { A1: { relleno: "#C6EFCE" } } },
    ],
  };
}

/** Todo lo que el usuario puede ver de sus celdas, en todas las hojas. */
function estadoDelUsuario(libro: LibroFalso) {
  return libro.nombresHojas().map((h) => ({
    hoja: h,
    celdas: libro.instantaneaCeldas(h),
    condicionales: libro.formatosCondicionales(h).filter((f) => !esFormulaDelComplemento(f.formula)),
  }));
}

function delComplemento(libro: LibroFalso, hoja = "PMR"): FormatoCondicionalFalso[] {
  return libro.formatosCondicionales(hoja).filter((f) => esFormulaDelComplemento(f.formula));
}

/** Celdas (A1) cubiertas por los formatos del complemento en una hoja, por color. */
function celdasResaltadas(libro: LibroFalso, hoja = "PMR"): Map<string, string> {
  const salida = new Map<string, string>();
  for (const f of [...delComplemento(libro, hoja)].reverse()) {
    for (const area of f.areas.split(",")) {
      const r = analizarDireccion(area);
      for (let i = 0; i < r.filas; i++) {
        for (let j = 0; j < r.columnas; j++) {
          salida.set(
            textoDireccion({ fila: r.fila + i, columna: r.columna + j, filas: 1, columnas: 1 }),
            f.relleno ?? "",
          );
        }
      }
    }
  }
  return salida;
}

describe("planificarResaltado", () => {
  test("una dirección con varias severidades queda con la más grave; las contiguas de una columna se juntan", () => {
    const plan = planificarResaltado([
      hallazgo("PMR", "K12", "info"),
      hallazgo("PMR", "K12", "error"),
      hallazgo("PMR", "K13", "error"),
      hallazgo("PMR", "$K$14", "error"),
      hallazgo("PMR", "B3:B5", "advertencia"),
      hallazgo("pmr", "C9", "advertencia"),
      hallazgo("Otra", "A1", "info"),
    ]);
    expect(plan).toEqual([
      { hoja: "PMR", severidad: "advertencia", bloques: ["B3:B5,C9"] },
      { hoja: "PMR", severidad: "error", bloques: ["K12:K14"] },
      { hoja: "Otra", severidad: "info", bloques: ["A1"] },
    ]);
  });

  test("omite hallazgos sin hoja o con una celda que no es una dirección", () => {
    const plan = planificarResaltado([
      hallazgo("", "A1"),
      hallazgo("PMR", "(toda la hoja)"),
      hallazgo("PMR", "A0"),
      hallazgo("PMR", "XFE1"),
    ]);
    expect(plan).toEqual([]);
  });

  test("divide en bloques que getRanges acepta (≤ 2000 caracteres, ≤ 250 áreas)", () => {
    const plan = planificarResaltado(muchosHallazgos("PMR", 5_000));
    const bloques = plan.flatMap((p) => p.bloques);
    expect(bloques.length).toBeGreaterThan(3);
    for (const b of bloques) {
      expect(b.length).toBeLessThanOrEqual(MAX_CARACTERES_BLOQUE);
      expect(b.split(",").length).toBeLessThanOrEqual(MAX_AREAS_BLOQUE);
    }
    expect(bloques.flatMap((b) => b.split(",")).length).toBe(5_000);
  });

  test("la fórmula de la firma es siempre verdadera y se reconoce; otras no", () => {
    expect(formulaResaltado("error")).toBe('=N("PMR-resaltado:error")=0');
    for (const s of ["error", "advertencia", "info"] as const) {
      expect(esFormulaDelComplemento(formulaResaltado(s))).toBe(true);
    }
    expect(esFormulaDelComplemento("=$C2>10")).toBe(false);
    expect(esFormulaDelComplemento(null)).toBe(false);
    // Solo la fórmula exacta: una del usuario que contenga la firma (o en minúsculas) no lo es.
    for (const delUsuario of [
      '=n("pmr-resaltado:info")=0',
      '=N("PMR-resaltado:error")=0 ',
      '=N("PMR-resaltado:otra")=0',
      '=AND(N("PMR-resaltado:error")=0,$C2>10)',
      '=ISNUMBER(SEARCH("PMR-resaltado",$A2))',
      '=$A2="PMR-resaltado:error"',
    ]) {
      expect(esFormulaDelComplemento(delUsuario)).toBe(false);
    }
  });
});

describe("resaltarHallazgos y quitarResaltado", () => {
  test.each([10, 5_000])("%i hallazgos: 2 viajes a Excel, cada celda con el color de su severidad", async (n) => {
    const libro = crearLibroFalso(definicion());
    const ejecutar = usarLibro(libro);
    const hallazgos = muchosHallazgos("PMR", n);
    await resaltarHallazgos(hallazgos, ejecutar);
    expect(libro.syncs).toBeLessThanOrEqual(2);
    const resaltadas = celdasResaltadas(libro);
    expect(resaltadas.size).toBe(n);
    for (const h of hallazgos) expect(resaltadas.get(h.celda)).toBe(COLORES_RESALTADO[h.severidad]);
    for (const f of delComplemento(libro)) {
      expect(f.tipo).toBe("Custom");
      expect(f.areas.length).toBeLessThanOrEqual(MAX_CARACTERES_BLOQUE);
    }
    // Lo que el usuario ve: el color del hallazgo encima de su propio relleno.
    expect(libro.rellenoVisible("PMR", hallazgos[0].celda)).toBe(COLORES_RESALTADO[hallazgos[0].severidad]);
  });

  test("resaltar → quitar deja valores, formatos, relleno, fuente, bordes y formatos condicionales del usuario como estaban", async () => {
    const libro = crearLibroFalso(definicion());
    const ejecutar = usarLibro(libro);
    const antes = estadoDelUsuario(libro);
    const visiblesAntes = ["B2", "D4", "F3", "C10", "A1"].map((c) => libro.formatoCelda("PMR", c));
    await resaltarHallazgos(
      [
        hallazgo("PMR", "B2"),
        hallazgo("PMR", "F2:F6", "advertencia"),
        hallazgo("PMR", "C10", "info"),
        hallazgo("PMR_Presupuesto", "B2"),
      ],
      ejecutar,
    );
    expect(libro.rellenoVisible("PMR", "B2")).toBe(COLORES_RESALTADO.error);
    expect(libro.rellenoVisible("PMR", "F4")).toBe(COLORES_RESALTADO.advertencia);
    expect(delComplemento(libro, "PMR_Presupuesto")).toHaveLength(1);
    // Resaltar no toca nada del usuario.
    expect(estadoDelUsuario(libro)).toEqual(antes);
    expect(hayResaltadoGuardado(libro.ajustes)).toBe(true);

    libro.reiniciarConteo();
    await quitarResaltado(ejecutar);
    expect(libro.syncs).toBe(3);
    expect(estadoDelUsuario(libro)).toEqual(antes);
    expect(libro.nombresHojas().flatMap((h) => delComplemento(libro, h))).toEqual([]);
    expect(libro.formatosCondicionales("PMR")).toEqual(antes[0].condicionales);
    expect(["B2", "D4", "F3", "C10", "A1"].map((c) => libro.formatoCelda("PMR", c))).toEqual(visiblesAntes);
    expect(libro.rellenoVisible("PMR", "B2")).toBe("#FFFF00");
    expect(libro.ajustes.get(CLAVE_RESALTADO)).toBeNull();
    expect(hayResaltadoGuardado(libro.ajustes)).toBe(false);
  });

  test("el formato condicional del usuario sobrevive y conserva su lugar relativo", async () => {
    const libro = crearLibroFalso(definicion());
    const ejecutar = usarLibro(libro);
    await resaltarHallazgos([hallazgo("PMR", "C5")], ejecutar);
    const condicionales = libro.formatosCondicionales("PMR");
    expect(condicionales).toHaveLength(2);
    // El del complemento queda por encima (se ve en C5) y el del usuario sigue igual.
    expect(esFormulaDelComplemento(condicionales[0].formula)).toBe(true);
    expect(condicionales[1]).toEqual(libro.formatosCondicionales("PMR")[1]);
    expect({ ...condicionales[1], id: undefined, stopIfTrue: undefined }).toEqual({
      ...DEL_USUARIO,
      id: undefined,
      stopIfTrue: undefined,
    });
  });

  test("un formato del usuario cuya fórmula contiene la firma no se toca al resaltar ni al quitar", async () => {
    const def = definicion();
    const suyos: FormatoCondicionalFalso[] = [
      {
        tipo: "Custom",
        formula: '=ISNUMBER(SEARCH("PMR-resaltado",$A2))',
        relleno: "#00B0F0",
        fuente: null,
        areas: "A2:A40",
      },
      { tipo: "Custom", formula: '=n("pmr-resaltado:error")=0', relleno: "#7030A0", fuente: null, areas: "H2:H9" },
    ];
    def.hojas[0].formatosCondicionales = [DEL_USUARIO, ...suyos];
    const libro = crearLibroFalso(def);
    const ejecutar = usarLibro(libro);
    const antes = libro.formatosCondicionales("PMR");
    expect(antes).toHaveLength(3);

    await resaltarHallazgos([hallazgo("PMR", "C5"), hallazgo("PMR", "H3", "info")], ejecutar);
    await resaltarHallazgos([hallazgo("PMR", "C6")], ejecutar);
    expect(delComplemento(libro)).toHaveLength(1);
    expect(libro.formatosCondicionales("PMR").filter((f) => !esFormulaDelComplemento(f.formula))).toEqual(antes);

    const { borrados } = await quitarResaltadoConMedida(ejecutar);
    expect(borrados).toBe(1);
    expect(libro.formatosCondicionales("PMR")).toEqual(antes);
    expect(libro.rellenoVisible("PMR", "H3")).toBe("#7030A0");
  });

  test("volver a resaltar quita antes el resaltado anterior (sin duplicados), también en 2 viajes", async () => {
    const libro = crearLibroFalso(definicion());
    const ejecutar = usarLibro(libro);
    await resaltarHallazgos(muchosHallazgos("PMR", 300), ejecutar);
    const primera = delComplemento(libro).length;
    libro.reiniciarConteo();
    const medida = await resaltarConMedida(muchosHallazgos("PMR", 300), ejecutar);
    expect(libro.syncs).toBe(2);
    expect(medida.borrados).toBe(primera);
    expect(delComplemento(libro)).toHaveLength(primera);
    // Menos hallazgos la segunda vez: solo quedan los nuevos.
    await resaltarHallazgos([hallazgo("PMR", "D7", "info")], ejecutar);
    expect([...celdasResaltadas(libro).entries()]).toEqual([["D7", COLORES_RESALTADO.info]]);
    expect(delComplemento(libro, "PMR_Presupuesto")).toEqual([]);
    // Sin hallazgos: no queda resaltado ni lista.
    await resaltarHallazgos([], ejecutar);
    expect(delComplemento(libro)).toEqual([]);
    expect(libro.ajustes.get(CLAVE_RESALTADO)).toBeNull();
  });

  test("guardar, cerrar y volver a abrir: «Quitar resaltado» sigue quitándolo todo", async () => {
    const original = crearLibroFalso(definicion());
    const antes = estadoDelUsuario(original);
    await resaltarHallazgos([hallazgo("PMR", "B2"), hallazgo("PMR", "E30", "advertencia")], usarLibro(original));
    const lista = leerRegistroResaltado(original.ajustes);
    expect(lista?.hojas.map((h) => [h.hoja, h.severidad])).toEqual([
      ["PMR", "advertencia"],
      ["PMR", "error"],
    ]);
    // La lista se guardó en el archivo (saveAsync), no solo en memoria.
    expect(typeof original.ajustesGuardados()[CLAVE_RESALTADO]).toBe("string");

    const reabierto = reabrir(original);
    expect(delComplemento(reabierto)).toHaveLength(2);
    const ejecutar = usarLibro(reabierto);
    await quitarResaltado(ejecutar);
    expect(delComplemento(reabierto)).toEqual([]);
    expect(
      estadoDelUsuario(reabierto).map((h) => ({
        ...h,
        condicionales: h.condicionales.map((c) => ({ ...c, id: undefined })),
      })),
    ).toEqual(antes.map((h) => ({ ...h, condicionales: h.condicionales.map((c) => ({ ...c, id: undefined })) })));
    expect(reabierto.ajustesGuardados()[CLAVE_RESALTADO]).toBeUndefined();
  });

  test("sin la lista guardada, quitar los encuentra por su firma, también en una copia de la hoja", async () => {
    const libro = crearLibroFalso(definicion());
    await resaltarHallazgos([hallazgo("PMR", "B2"), hallazgo("Instrucciones", "A1", "info")], usarLibro(libro));
    const estado = libro.guardar();
    // El usuario copió la hoja PMR (lleva los formatos del complemento) y la configuración se perdió.
    const copia = { ...estado.hojas[0], nombre: "PMR (2)", id: undefined };
    const reabierto = crearLibroFalso({ ...estado, hojas: [...estado.hojas, copia], ajustes: {} });
    expect(delComplemento(reabierto, "PMR (2)")).toHaveLength(1);
    const antes = estadoDelUsuario(reabierto);
    const medida = await quitarResaltadoConMedida(usarLibro(reabierto));
    expect(medida.borrados).toBe(3);
    for (const h of reabierto.nombresHojas()) expect(delComplemento(reabierto, h)).toEqual([]);
    expect(estadoDelUsuario(reabierto)).toEqual(antes);
    expect(reabierto.rellenoVisible("Instrucciones", "A1")).toBe("#C6EFCE");
  });

  test("si una hoja de la lista ya no existe (renombrada), barre el libro entero y resalta igual", async () => {
    const libro = crearLibroFalso(definicion());
    await resaltarHallazgos([hallazgo("PMR", "B2")], usarLibro(libro));
    const estado = libro.guardar();
    const renombrado = crearLibroFalso({
      ...estado,
      hojas: estado.hojas.map((h) => (h.nombre === "PMR" ? { ...h, nombre: "PMR anterior" } : h)),
    });
    const ejecutar = usarLibro(renombrado);
    const medida = await resaltarConMedida([hallazgo("PMR_Presupuesto", "A2", "advertencia")], ejecutar);
    expect(medida.borrados).toBe(1);
    expect(delComplemento(renombrado, "PMR anterior")).toEqual([]);
    expect(delComplemento(renombrado, "PMR_Presupuesto")).toHaveLength(1);
    expect(renombrado.syncs).toBe(4);
  });

  test("hallazgos en una hoja que no existe se omiten sin romper el resto", async () => {
    const libro = crearLibroFalso(definicion());
    const ejecutar = usarLibro(libro);
    await resaltarHallazgos([hallazgo("No existe", "A1"), hallazgo("PMR", "B3")], ejecutar);
    expect([...celdasResaltadas(libro).keys()]).toEqual(["B3"]);
    expect(leerRegistroResaltado(libro.ajustes)?.hojas.map((h) => h.hoja)).toEqual(["PMR"]);
  });

  test("si saveAsync falla, el resaltado queda hecho y quitar lo encuentra por la firma", async () => {
    const libro = crearLibroFalso(definicion());
    const ejecutar = usarLibro(libro);
    libro.fallarGuardadoAjustes = "sin permiso";
    await resaltarHallazgos([hallazgo("PMR", "B2")], ejecutar);
    expect(delComplemento(libro)).toHaveLength(1);
    await quitarResaltado(ejecutar);
    expect(delComplemento(libro)).toEqual([]);
  });

  test("fuera de Office (sin configuración del documento) resalta y quita igual", async () => {
    const libro = crearLibroFalso(definicion());
    const ejecutar = libro.run as unknown as Parameters<typeof resaltarHallazgos>[1];
    await resaltarHallazgos([hallazgo("PMR", "B2")], ejecutar);
    expect(delComplemento(libro)).toHaveLength(1);
    await quitarResaltado(ejecutar);
    expect(delComplemento(libro)).toEqual([]);
  });

  test("un error de Excel se informa en español", async () => {
    const libro = crearLibroFalso(definicion());
    const ejecutar = usarLibro(libro);
    libro.hojas.length = 0; // el libro se cerró a medias
    await expect(quitarResaltado(ejecutar)).resolves.toBeUndefined();
    const roto: Parameters<typeof resaltarHallazgos>[1] = () => Promise.reject(new Error("Excel no responde"));
    await expect(resaltarHallazgos([hallazgo("PMR", "B2")], roto)).rejects.toThrow(
      MENSAJES_EXCEL.resaltadoFallido("Excel no responde"),
    );
    await expect(quitarResaltado(roto)).rejects.toThrow(MENSAJES_EXCEL.quitarResaltadoFallido("Excel no responde"));
  });
});
