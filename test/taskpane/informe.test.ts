/**
 * «Generar informe» y «Generar anexo» del panel contra el Excel falso con el libro de ejemplo:
 * las hojas y los gráficos nativos con sus series, los datos, la hoja activa y la selección del
 * usuario intactos, y la pregunta antes de reemplazar (que se responde en el panel).
 */
import { crearAccionesInforme } from "../../src/taskpane/informe";
import { crearAlmacen } from "../../src/taskpane/estado";
import { ESTADO_INFORME_INICIAL, type EstadoInforme } from "../../src/taskpane/informeEstado";
import { CLAVE_PROPIETARIO, type Ejecutar } from "../../src/hosts/excel";
import { crearLibroFalso, type LibroFalso } from "../fakes/excel-falso";
import { inspeccionarEscritura } from "../fakes/escritura-falsa";
import { quitarAnfitrion, usarLibro } from "../hosts/excel/ayudas";
import { definicionLibroEjemplo } from "../e2e/libro-ejemplo";
import { validarLibro } from "../../src/casos/validar";
import { grillasEjemplo } from "../e2e/libro-ejemplo";
import { CONFIGURACION_POR_DEFECTO } from "../../src/domain";
import { letraColumna } from "../../src/domain/direcciones";
import { main } from "../../src/cli/main";
import { RUTA_EJEMPLO } from "../e2e/libro-ejemplo";
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

async function libroEjemplo(): Promise<LibroFalso> {
  const def = await definicionLibroEjemplo();
  return crearLibroFalso({
    ...def,
    hojas: def.hojas.map((h) => (h.nombre === "PMR" ? { ...h, seleccion: "D7" } : h)),
    activa: "PMR",
  });
}

/** Espera hasta que el estado cumpla la condición (la acción sigue en curso mientras tanto). */
async function esperar(almacen: { obtener(): EstadoInforme }, condicion: (e: EstadoInforme) => boolean) {
  for (let i = 0; i < 500 && !condicion(almacen.obtener()); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condicion(almacen.obtener())).toBe(true);
}

describe("Generar informe en el Excel falso", () => {
  let libro: LibroFalso;
  let ejecutar: Ejecutar;
  afterEach(() => quitarAnfitrion());
  beforeEach(async () => {
    libro = await libroEjemplo();
    ejecutar = usarLibro(libro);
  });

  function acciones() {
    const almacen = crearAlmacen<EstadoInforme>(ESTADO_INFORME_INICIAL);
    const a = crearAccionesInforme(almacen, { ejecutar, hayExcel: () => true, mostrarPanel: async () => undefined });
    return { almacen, a };
  }

  it("escribe las cuatro hojas con sus gráficos nativos (series de la tabla) sin tocar las del usuario", async () => {
    const antes = Object.fromEntries(libro.nombresHojas().map((h) => [h, libro.instantaneaCeldas(h)]));
    const { almacen, a } = acciones();
    await a.generar("informe");
    const e = almacen.obtener();
    expect(e.error).toBeNull();
    expect(e.resultado).toEqual({
      tipo: "informe",
      hojas: ["Informe PMR", "Informe por objetivo", "Informe físico-financiero", "Informe territorial"],
      reemplazadas: 0,
      cancelado: false,
    });
    expect(libro.nombresHojas()).toEqual([
      "Instrucciones",
      "PMR",
      "PMR_Presupuesto",
      "PMR_Territorial",
      "Informe PMR",
      "Informe por objetivo",
      "Informe físico-financiero",
      "Informe territorial",
    ]);
    for (const [h, celdas] of Object.entries(antes)) expect(libro.instantaneaCeldas(h)).toEqual(celdas);
    expect(libro.hojaActiva()).toBe("PMR");
    expect(libro.seleccion()).toEqual({ hoja: "PMR", direccion: "D7" });

    // Las cifras son las del motor y el gráfico toma sus series de la tabla.
    const v = validarLibro(await grillasEjemplo(), CONFIGURACION_POR_DEFECTO);
    const resumen = inspeccionarEscritura(libro, "Informe PMR");
    expect(resumen.propiedades[CLAVE_PROPIETARIO]).toBe("PMR para Excel;informe-resumen");
    expect(resumen.graficos).toHaveLength(1);
    const g = resumen.graficos[0];
    expect(g.tipo).toBe("BarClustered");
    expect(g.series).toHaveLength(1);
    const filaO1 = [...Array(40).keys()].map((i) => i + 1).find((f) => libro.valor("Informe PMR", `A${f}`) === "O1")!;
    const ultima = filaO1 + v.evaluacion.objetivos.length - 1;
    for (const [i, o] of v.evaluacion.objetivos.entries())
      expect(libro.valor("Informe PMR", `D${filaO1 + i}`)).toBe(o.cumplimiento);
    expect(g.series).toEqual([
      {
        nombre: "Cumplimiento",
        valores: `Informe PMR!D${filaO1}:D${ultima}`,
        categorias: `Informe PMR!A${filaO1}:A${ultima}`,
        relleno: "#00A04A",
        linea: null,
        // Cada barra con el color de su semáforo (todos verdes en el ejemplo).
        puntos: { 0: "#00A04A", 1: "#00A04A", 2: "#00A04A", 3: "#00A04A", 4: "#00A04A" },
      },
    ]);

    const ff = inspeccionarEscritura(libro, "Informe físico-financiero");
    expect(ff.graficos[0].tipo).toBe("BarClustered");
    expect(ff.graficos[0].series.map((s) => [s.nombre, s.valores!.replace(/\d+/g, "#"), s.relleno])).toEqual([
      ["Avance físico", "Informe físico-financiero!D#:D#", "#4472C4"],
      ["Avance financiero", "Informe físico-financiero!E#:E#", "#ED7D31"],
    ]);
  });

  it("la segunda vez pregunta antes de reemplazar; «Cancelar» no escribe nada y «Reemplazar» reemplaza solo esas hojas", async () => {
    const { almacen, a } = acciones();
    await a.generar("informe");
    libro.escribirComoUsuario("Informe PMR", "A1", "tocado a mano");
    const antes = libro.instantaneaCeldas("Informe PMR");

    const segunda = a.generar("informe");
    await esperar(almacen, (e) => e.pregunta !== null);
    expect(almacen.obtener().pregunta).toEqual({
      tipo: "informe",
      hojas: ["Informe PMR", "Informe por objetivo", "Informe físico-financiero", "Informe territorial"],
    });
    a.responder(false);
    await segunda;
    expect(almacen.obtener().resultado).toMatchObject({ cancelado: true });
    expect(libro.instantaneaCeldas("Informe PMR")).toEqual(antes);

    const tercera = a.generar("informe");
    await esperar(almacen, (e) => e.pregunta !== null);
    a.responder(true);
    await tercera;
    expect(almacen.obtener().resultado).toMatchObject({ cancelado: false, reemplazadas: 4 });
    expect(libro.valor("Informe PMR", "A1")).toBe("Informe de seguimiento PMR 2025");
    expect(libro.nombresHojas().filter((h) => h.startsWith("Informe"))).toHaveLength(4);
  });

  it("el anexo va en su propia hoja; una hoja del usuario con ese nombre no se toca («Anexo PMR (2)»)", async () => {
    const def = await definicionLibroEjemplo();
    libro = crearLibroFalso({ hojas: [...def.hojas, { nombre: "Anexo PMR", celdas: { A1: "mi anexo a mano" } }] });
    ejecutar = usarLibro(libro);
    const { almacen, a } = acciones();
    await a.generar("anexo");
    expect(almacen.obtener().resultado).toMatchObject({ tipo: "anexo", hojas: ["Anexo PMR (2)"], cancelado: false });
    expect(libro.valor("Anexo PMR", "A1")).toBe("mi anexo a mano");
    expect(libro.valor("Anexo PMR (2)", "A1")).toBe("Anexo PMR 2025");
    expect(inspeccionarEscritura(libro, "Anexo PMR (2)").propiedades[CLAVE_PROPIETARIO]).toBe(
      "PMR para Excel;anexo-pmr",
    );
    expect(inspeccionarEscritura(libro, "Anexo PMR").propiedades).toEqual({});
  });

  it("el panel y pmr informe dan las mismas tablas con las mismas cifras (celda a celda)", async () => {
    const { almacen, a } = acciones();
    await a.generar("informe");
    expect(almacen.obtener().error).toBeNull();
    const carpeta = mkdtempSync(path.join(tmpdir(), "pmr-panel-cli-"));
    try {
      const salida = path.join(carpeta, "informe.xlsx");
      const sink = { write: () => true };
      expect(await main(["informe", RUTA_EJEMPLO, "--salida", salida], { stdout: sink, stderr: sink, env: {} })).toBe(
        0,
      );
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(salida);
      let comparadas = 0;
      for (const ws of wb.worksheets) {
        ws.eachRow({ includeEmpty: false }, (fila, f) =>
          fila.eachCell({ includeEmpty: false }, (celda, c) => {
            const dir = `${letraColumna(c - 1)}${f}`;
            if (dir === "A2") return; // la fecha de generación
            if (celda.isMerged && celda.master.address !== celda.address) return; // ExcelJS repite el valor de la combinada
            expect([ws.name, dir, libro.valor(ws.name, dir)]).toEqual([ws.name, dir, celda.value]);
            // ExcelJS relee «"$"\ #,##0» como «"$" #,##0» (el mismo formato).
            const formato = libro
              .hojaPorClave(ws.name)!
              .formatoNumero(f - 1, c - 1)
              .replace("\\ ", " ");
            expect([ws.name, dir, formato]).toEqual([ws.name, dir, (celda.numFmt ?? "General").replace("\\ ", " ")]);
            comparadas++;
          }),
        );
      }
      expect(comparadas).toBeGreaterThan(500);
    } finally {
      rmSync(carpeta, { recursive: true, force: true });
    }
  });

  it("sin Excel: un error en español, sin lanzar", async () => {
    const almacen = crearAlmacen<EstadoInforme>(ESTADO_INFORME_INICIAL);
    const a = crearAccionesInforme(almacen, { ejecutar, hayExcel: () => false, mostrarPanel: async () => undefined });
    await a.generar("informe");
    expect(almacen.obtener()).toMatchObject({
      ocupado: null,
      error: "Abra un libro en Excel para generar el informe.",
    });
  });
});
