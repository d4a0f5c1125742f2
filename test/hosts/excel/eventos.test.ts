/**
 * Cambios de las hojas (Worksheet.onChanged, ExcelApi 1.7) con el Excel falso: el modelo del
 * falso (test/fakes/eventos-falsos.ts), el adaptador (src/hosts/excel/eventos.ts) y «Validar
 * mientras escribe» de punta a punta en Node: el controlador del panel con el adaptador real
 * sobre el falso, una celda escrita por el usuario y el resaltado actualizado, sin validar por
 * los cambios del propio complemento.
 */
import { CONFIGURACION_POR_DEFECTO } from "../../../src/domain/configuracion";
import { leerDireccion } from "../../../src/domain/direcciones";
import { validarLibro } from "../../../src/casos/validar";
import {
  COLORES_RESALTADO,
  escucharCambios,
  esFormulaDelComplemento,
  type CambioHoja,
  type EjecutarEn,
} from "../../../src/hosts/excel";
import { crearAcciones, dependenciasExcel } from "../../../src/taskpane/controlador";
import { PAUSA_EN_VIVO_MS } from "../../../src/taskpane/enVivo";
import { crearAlmacen, ESTADO_INICIAL, type EstadoPanel } from "../../../src/taskpane/estado";
import { NoModelado, crearLibroFalso, type LibroFalso, type OpcionesLibroFalso } from "../../fakes/excel-falso";
import { CELDAS, celdaPmr, definicionLibroFlujo, grillasFlujo } from "../../e2e/libro-flujo";
import { quitarAnfitrion, usarLibro } from "./ayudas";

afterEach(() => quitarAnfitrion());

const esperar = (ms: number) => new Promise((r) => setTimeout(r, ms));

function libroCon(opciones: OpcionesLibroFalso = {}): LibroFalso {
  return crearLibroFalso(definicionLibroFlujo(), opciones);
}

const ejecutarEn = (libro: LibroFalso): EjecutarEn => ((c, lote) => libro.run(c as never, lote as never)) as EjecutarEn;

describe("el Excel falso: onChanged y lo que escribe el usuario", () => {
  test("un manejador registrado (tras el sync) recibe el cambio, después y con sus datos", async () => {
    const libro = libroCon();
    const recibidos: unknown[] = [];
    await libro.run(async (context) => {
      const hoja = context.workbook.worksheets.getItem("PMR");
      hoja.onChanged.add((e) => void recibidos.push(e));
      expect(libro.eventos.registrados()).toBe(0); // se encola: aún no está
      await context.sync();
    });
    expect(libro.eventos.registrados()).toBe(1);
    libro.escribirComoUsuario("PMR", CELDAS.diez, 5);
    expect(recibidos).toEqual([]); // el aviso llega después, no dentro de la escritura
    await libro.eventos.entregados();
    const id = libro.hojaPorClave("PMR")!.id;
    expect(recibidos).toEqual([
      {
        type: "WorksheetChanged",
        worksheetId: id,
        address: CELDAS.diez,
        changeType: "RangeEdited",
        source: "Local",
        triggerSource: "Unknown",
        details: { valueBefore: "diez", valueAfter: 5, valueTypeBefore: "String", valueTypeAfter: "Double" },
      },
    ]);
    expect(libro.valor("PMR", CELDAS.diez)).toBe(5);
    // Escribir como usuario no es la API: no cuenta viajes (solo el del registro).
    expect(libro.syncs).toBe(1);
  });

  test("varias celdas: la dirección del área, sin details; otra hoja no avisa a este manejador", async () => {
    const libro = libroCon();
    const recibidos: { address: string; details?: unknown }[] = [];
    await libro.run(async (context) => {
      context.workbook.worksheets.getItem("PMR").onChanged.add((e) => void recibidos.push(e));
      await context.sync();
    });
    libro.escribirComoUsuario("PMR", "B7", [
      ["a", "b"],
      ["c", "d"],
    ]);
    libro.escribirComoUsuario("PMR_Presupuesto", "B2", 1);
    await libro.eventos.entregados();
    expect(recibidos.map((r) => r.address)).toEqual(["B7:C8"]);
    expect(recibidos[0].details).toBeUndefined();
  });

  test("quitar el manejador con Excel.run(resultado.context, lote), como pide Office.js", async () => {
    const libro = libroCon();
    const manejador = jest.fn();
    const resultado = await libro.run(async (context) => {
      const r = context.workbook.worksheets.getItem("PMR").onChanged.add(manejador);
      await context.sync();
      return r;
    });
    await libro.run(resultado.context as never, async (context) => {
      resultado.remove();
      await context.sync();
    });
    expect(libro.eventos.registrados()).toBe(0);
    libro.escribirComoUsuario("PMR", "B7", "x");
    await libro.eventos.entregados();
    expect(manejador).not.toHaveBeenCalled();
  });

  test.each([
    ["por defecto no avisan", {}, []],
    ["simulado, con triggerSource (1.14+)", { avisarCambiosDelComplemento: true }, ["ThisLocalAddin"]],
    ["simulado, sin triggerSource (1.12)", { avisarCambiosDelComplemento: true, versionExcelApi: "1.12" }, [undefined]],
  ] as const)("formatos condicionales del complemento: %s", async (_nombre, opciones, esperado) => {
    const libro = libroCon(opciones);
    const origenes: unknown[] = [];
    await libro.run(async (context) => {
      const hoja = context.workbook.worksheets.getItem("PMR");
      hoja.onChanged.add((e) => void origenes.push(e.triggerSource));
      await context.sync();
      const fc = hoja.getRange("B7").conditionalFormats.add("Custom");
      fc.custom.rule.formula = '=N("x")=0';
      await context.sync();
    });
    await libro.eventos.entregados();
    expect(origenes).toEqual(esperado);
  });

  test("antes de ExcelApi 1.7 onChanged no existe; Excel.run con otra cosa no está modelado", async () => {
    const libro = libroCon({ versionExcelApi: "1.6" });
    await expect(
      libro.run(async (context) => {
        context.workbook.worksheets.getItem("PMR").onChanged.add(() => undefined);
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    await expect(libro.run({} as never, async () => undefined)).rejects.toBeInstanceOf(NoModelado);
  });
});

describe("el adaptador: escucharCambios", () => {
  test("2 viajes con cualquier número de hojas; avisa hoja, dirección y si fue propio", async () => {
    const libro = libroCon();
    const ejecutar = usarLibro(libro);
    const cambios: CambioHoja[] = [];
    const escucha = await escucharCambios((c) => cambios.push(c), ejecutar, ejecutarEn(libro));
    expect(escucha.syncs).toBe(2);
    expect(libro.syncs).toBe(2);
    expect(escucha.hojas).toEqual(["PMR", "PMR_Presupuesto"]);
    libro.escribirComoUsuario("PMR_Presupuesto", "C3", 10);
    await libro.eventos.entregados();
    expect(cambios).toEqual([{ hoja: "PMR_Presupuesto", direccion: "C3", propio: false, tipo: "RangeEdited" }]);

    libro.reiniciarConteo();
    await escucha.cancelar();
    expect(libro.syncs).toBe(1);
    expect(libro.eventos.registrados()).toBe(0);
    await escucha.cancelar(); // dos veces no falla ni viaja
    expect(libro.syncs).toBe(1);
  });

  test("en un Excel sin triggerSource (antes de 1.14) el origen llega null", async () => {
    const libro = libroCon({ versionExcelApi: "1.12" });
    const cambios: CambioHoja[] = [];
    await escucharCambios((c) => cambios.push(c), usarLibro(libro), ejecutarEn(libro));
    libro.escribirComoUsuario("PMR", "B7", "x");
    await libro.eventos.entregados();
    expect(cambios).toEqual([{ hoja: "PMR", direccion: "B7", propio: null, tipo: "RangeEdited" }]);
  });
});

describe("«Validar mientras escribe» de punta a punta (controlador + adaptador + Excel falso)", () => {
  async function preparar(opciones: OpcionesLibroFalso = {}) {
    const libro = libroCon(opciones);
    usarLibro(libro);
    const almacen = crearAlmacen<EstadoPanel>(ESTADO_INICIAL);
    const validaciones = { n: 0, syncs: [] as number[], origenes: [] as (string | undefined)[] };
    const base = dependenciasExcel();
    const acciones = crearAcciones(almacen, {
      ...base,
      validar: async (p, origen) => {
        validaciones.n++;
        validaciones.origenes.push(origen);
        const antes = libro.syncs;
        const r = await base.validar(p, origen);
        validaciones.syncs.push(libro.syncs - antes);
        return r;
      },
    });
    await acciones.iniciar();
    return { libro, almacen, acciones, validaciones };
  }

  const esperarValidacion = async (almacen: ReturnType<typeof crearAlmacen<EstadoPanel>>, desde: number) => {
    for (let i = 0; i < 200; i++) {
      const e = almacen.obtener();
      if (!e.validando && (e.ultimaValidacion ?? 0) > desde) return;
      await esperar(10);
    }
    throw new Error("La validación no terminó.");
  };

  test("corregir una celda la quita del resaltado y de los hallazgos tras la pausa", async () => {
    const { libro, almacen, acciones, validaciones } = await preparar();
    expect(almacen.obtener().enVivoDisponible).toBe(true);
    await acciones.alternarEnVivo(true); // no había resultados: valida
    expect(validaciones.n).toBe(1);
    expect(libro.rellenoVisible("PMR", CELDAS.diez)).toBe(COLORES_RESALTADO.error);
    expect(almacen.obtener().informe!.hallazgos.some((h) => h.celda === CELDAS.diez)).toBe(true);

    // El analista corrige «diez» por 10 (como lo haría en la celda).
    await esperar(50);
    const desde = Date.now();
    libro.escribirComoUsuario("PMR", CELDAS.diez, 10);
    await esperar(PAUSA_EN_VIVO_MS / 2);
    expect(validaciones.n).toBe(1); // aún en la pausa
    await esperarValidacion(almacen, desde);
    expect(validaciones.n).toBe(2);
    expect(libro.rellenoVisible("PMR", CELDAS.diez)).toBe("#FFF2CC"); // su formato propio, sin resaltado
    const despues = almacen.obtener().informe!.hallazgos;
    expect(despues.some((h) => h.celda === CELDAS.diez)).toBe(false);
    expect(despues).not.toHaveLength(0);
    // Lo mismo que da el motor sobre el libro corregido.
    const grillas = grillasFlujo();
    const pmr = grillas.hojas.find((g) => g.nombre === "PMR")!;
    const d = leerDireccion(CELDAS.diez)!;
    const valores = pmr.valores.map((f) => [...f]);
    valores[d.fila - 1 - (pmr.filaInicial ?? 0)][d.columna - (pmr.columnaInicial ?? 0)] = 10;
    const corregido = validarLibro(
      { hojas: grillas.hojas.map((g) => (g === pmr ? { ...g, valores } : g)) },
      CONFIGURACION_POR_DEFECTO,
    );
    expect(despues).toEqual(corregido.hallazgos);
    // La validación por el cambio leyó solo la celda cambiada: un viaje menos que la primera
    // (que leyó las hojas enteras en 2), y lo mismo que el motor sobre el libro entero.
    expect(validaciones.origenes).toEqual(["enVivo", "enVivo"]);
    expect(validaciones.syncs[1]).toBe(validaciones.syncs[0] - 1);
    expect(
      libro.formatosCondicionales("PMR").filter((fc) => esFormulaDelComplemento(fc.formula)).length,
    ).toBeGreaterThan(0);
    await acciones.alternarEnVivo(false);
  });

  test("escribir un error nuevo lo resalta; cambios en otra hoja que no es del PMR no validan", async () => {
    const libro = crearLibroFalso({
      ...definicionLibroFlujo(),
      hojas: [...definicionLibroFlujo().hojas, { nombre: "Notas", valores: [["nota"]] }],
    });
    usarLibro(libro);
    const almacen = crearAlmacen<EstadoPanel>(ESTADO_INICIAL);
    const acciones = crearAcciones(almacen, dependenciasExcel());
    await acciones.iniciar();
    await acciones.alternarEnVivo(true);
    const primera = almacen.obtener().ultimaValidacion!;
    await esperar(50);
    libro.escribirComoUsuario("Notas", "A2", "otra nota");
    await esperar(PAUSA_EN_VIVO_MS + 100);
    expect(almacen.obtener().ultimaValidacion).toBe(primera);

    const celda = celdaPmr(4, "ejecutado.2");
    expect(libro.rellenoVisible("PMR", celda)).toBeNull();
    const desde = Date.now();
    libro.escribirComoUsuario("PMR", celda, "#N/A");
    await esperarValidacion(almacen, desde);
    expect(libro.rellenoVisible("PMR", celda)).toBe(COLORES_RESALTADO.error);
    await acciones.alternarEnVivo(false);
  });

  test("si el resaltado avisara onChanged, no se vuelve a validar en bucle (con y sin triggerSource)", async () => {
    for (const versionExcelApi of ["1.17", "1.12"]) {
      const { libro, almacen, acciones, validaciones } = await preparar({
        avisarCambiosDelComplemento: true,
        versionExcelApi,
      });
      await acciones.alternarEnVivo(true);
      await libro.eventos.entregados();
      expect(libro.eventos.enviados.length).toBeGreaterThan(0); // el resaltado sí avisó
      await esperar(PAUSA_EN_VIVO_MS + 150);
      expect({ versionExcelApi, validaciones: validaciones.n }).toEqual({ versionExcelApi, validaciones: 1 });
      // Un cambio del usuario sí valida (y su resaltado tampoco provoca otra).
      await esperar(400);
      const desde = Date.now();
      libro.escribirComoUsuario("PMR", CELDAS.diez, 10);
      await esperarValidacion(almacen, desde);
      await esperar(PAUSA_EN_VIVO_MS + 150);
      expect({ versionExcelApi, validaciones: validaciones.n }).toEqual({ versionExcelApi, validaciones: 2 });
      await acciones.alternarEnVivo(false);
      quitarAnfitrion();
    }
  });
});
