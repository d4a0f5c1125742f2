/**
 * La lectura de «Validar mientras escribe» (src/hosts/excel/lecturaEnVivo.ts) con el Excel falso:
 * después de cualquier serie de cambios del usuario (y de recálculos de sus fórmulas, que Excel
 * no avisa), lo que lee es exactamente lo que daría una lectura completa, en pocos viajes y
 * leyendo solo lo cambiado cuando se puede.
 */
import fc from "fast-check";
import { escucharCambios, leerLibroConMedida, type EjecutarEn } from "../../../src/hosts/excel";
import { crearLectorEnVivo, rectanguloDe } from "../../../src/hosts/excel/lecturaEnVivo";
import { crearLibroFalso, type LibroFalso } from "../../fakes/excel-falso";
import { celdaPmr, definicionLibroFlujo, FILAS } from "../../e2e/libro-flujo";
import { quitarAnfitrion, usarLibro } from "./ayudas";

afterEach(() => quitarAnfitrion());

/** La meta de la vigencia de la primera fila es una fórmula del usuario (la suma de sus metas). */
const FORMULA = celdaPmr(0, "metaVigencia");

function libroConFormula(): LibroFalso {
  const definicion = definicionLibroFlujo();
  const [pmr, ...resto] = definicion.hojas;
  return crearLibroFalso({ ...definicion, hojas: [{ ...pmr, formulas: { [FORMULA]: "=SUMA(M8:X8)" } }, ...resto] });
}

async function preparar(libro: LibroFalso) {
  const ejecutar = usarLibro(libro);
  const ejecutarEn: EjecutarEn = ((c, lote) => libro.run(c as never, lote as never)) as EjecutarEn;
  const lector = crearLectorEnVivo(ejecutar);
  await escucharCambios((c) => lector.anotar(c), ejecutar, ejecutarEn);
  const completa = async () => (await leerLibroConMedida(ejecutar)).libro;
  return { lector, completa };
}

describe("rectanguloDe", () => {
  test.each([
    ["B7", { fila: 6, columna: 1, filas: 1, columnas: 1 }],
    ["$B$7:D9", { fila: 6, columna: 1, filas: 3, columnas: 3 }],
    ["D9:B7", { fila: 6, columna: 1, filas: 3, columnas: 3 }],
  ])("%s", (direccion, esperado) => expect(rectanguloDe(direccion)).toEqual(esperado));
  test.each(["A:A", "3:5", "", "B0", "Hoja!B7"])("«%s» no es un rango simple", (d) =>
    expect(rectanguloDe(d)).toBeNull(),
  );
});

describe("lectura en vivo sobre el Excel falso", () => {
  test("la primera lectura es completa; un cambio después se lee solo, en 2 viajes, con lo mismo que una lectura completa", async () => {
    const libro = libroConFormula();
    const { lector, completa } = await preparar(libro);
    const primera = await lector.leer();
    expect(primera.parcial).toBe(false);
    const filasAntes = primera.libro.hojas[0].valores;
    const copiaAntes = JSON.parse(JSON.stringify(filasAntes));

    const celda = celdaPmr(2, "ejecutado.2");
    libro.escribirComoUsuario("PMR", celda, 1234);
    await libro.eventos.entregados();
    const segunda = await lector.leer();
    expect(segunda.parcial).toBe(true);
    expect(segunda.syncs).toBe(2); // todo lo cambiado en uno; los valores de las fórmulas en otro
    expect(segunda.celdas).toBe(2); // la celda escrita y la de la fórmula
    expect(segunda.libro).toEqual(await completa());
    // La lectura anterior no se tocó (el informe anterior la puede estar usando).
    expect(filasAntes).toEqual(copiaAntes);
  });

  test("una fórmula que Excel recalculó (sin avisar) se lee igual", async () => {
    const libro = libroConFormula();
    const { lector, completa } = await preparar(libro);
    await lector.leer();
    libro.escribirComoUsuario("PMR", celdaPmr(0, "programado.1"), 77);
    libro.recalcularComoExcel("PMR", FORMULA, 9999);
    await libro.eventos.entregados();
    const r = await lector.leer();
    expect(r.parcial).toBe(true);
    const leida = await completa();
    expect(r.libro).toEqual(leida);
    expect(JSON.stringify(r.libro)).toContain("9999");
  });

  test("escribir fuera del rango usado, insertar filas o pedir la lectura completa: lee todo", async () => {
    const libro = libroConFormula();
    const { lector, completa } = await preparar(libro);
    await lector.leer();
    libro.escribirComoUsuario("PMR", `A${FILAS.length + 40}`, "nota al pie");
    await libro.eventos.entregados();
    const fuera = await lector.leer();
    expect(fuera.parcial).toBe(false);
    expect(fuera.libro).toEqual(await completa());

    lector.anotar({ hoja: "PMR", direccion: "9:9", tipo: "RowInserted" });
    expect((await lector.leer()).parcial).toBe(false);
    libro.escribirComoUsuario("PMR", celdaPmr(1, "ejecutado.1"), 3);
    await libro.eventos.entregados();
    expect((await lector.leer({ completa: true })).parcial).toBe(false);
  });

  test("un cambio en una hoja que no se lee no obliga a leer todo", async () => {
    // Con las tres hojas del PMR por su nombre, solo se leen ellas (no «Notas»).
    const definicion = definicionLibroFlujo();
    const territorial = { nombre: "PMR_Territorial", valores: [["Código indicador", "Localidad", "Meta"]] };
    const libro = crearLibroFalso({
      ...definicion,
      hojas: [...definicion.hojas, territorial, { nombre: "Notas", valores: [["x"]] }],
    });
    const { lector, completa } = await preparar(libro);
    const primera = await lector.leer();
    expect(primera.libro.hojas.map((h) => h.nombre)).not.toContain("Notas");
    libro.escribirComoUsuario("Notas", "B2", "otra nota");
    libro.escribirComoUsuario("PMR", celdaPmr(1, "ejecutado.1"), 3);
    await libro.eventos.entregados();
    const r = await lector.leer();
    expect(r.parcial).toBe(true);
    expect(r.syncs).toBe(1); // sin fórmulas, un solo viaje
    expect(r.libro).toEqual(await completa());
  });

  test("propiedad: tras cualquier serie de cambios y recálculos, lo leído es lo de una lectura completa", async () => {
    const filas = FILAS.length;
    const columnas = ["codigo", "programado.1", "ejecutado.2", "ejecutado.3", "metaVigencia", "cualitativo.1"];
    const valor = fc.oneof(fc.integer({ min: -5, max: 5000 }), fc.constantFrom("", "texto", "#REF!", "12,5"));
    const cambio = fc.oneof(
      fc.record({
        tipo: fc.constant("escribir" as const),
        fila: fc.integer({ min: 0, max: filas - 1 }),
        columna: fc.constantFrom(...columnas),
        valor,
      }),
      fc.record({ tipo: fc.constant("recalcular" as const), valor: fc.integer({ min: 0, max: 9000 }) }),
      fc.record({ tipo: fc.constant("leer" as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(cambio, { minLength: 1, maxLength: 10 }), async (cambios) => {
        const libro = libroConFormula();
        const { lector, completa } = await preparar(libro);
        await lector.leer();
        let formulaViva = true;
        for (const c of cambios) {
          if (c.tipo === "escribir") {
            const celda = celdaPmr(c.fila, c.columna);
            libro.escribirComoUsuario("PMR", celda, c.valor);
            if (celda === FORMULA) formulaViva = false;
          } else if (c.tipo === "recalcular") {
            if (formulaViva) libro.recalcularComoExcel("PMR", FORMULA, c.valor);
          } else {
            await libro.eventos.entregados();
            expect((await lector.leer()).libro).toEqual(await completa());
          }
        }
        await libro.eventos.entregados();
        expect((await lector.leer()).libro).toEqual(await completa());
        quitarAnfitrion();
      }),
      { numRuns: 40 },
    );
  });
});
