import { CONFIGURACION_POR_DEFECTO } from "../../../src/domain";
import { validar, validarLibro } from "../../../src/casos/validar";
import { hojasALeer, leerLibroConMedida, leerLibroExcel, puertosExcel, type Ejecutar } from "../../../src/hosts/excel";
import type { LibroGrillas } from "../../../src/workbook/grilla";
import { grillaPmr } from "../../../src/workbook/plantilla";
import { crearLibroFalso, type DefinicionHojaFalsa, type LibroFalso } from "../../fakes/excel-falso";
import { quitarAnfitrion, usarLibro } from "./ayudas";
import { filasPmr, libroPmr } from "./generador-pmr";

afterEach(() => quitarAnfitrion());

const ejecutarDe = (libro: LibroFalso) => libro.run as unknown as Ejecutar;

/** Hoja PMR que empieza en C2, con título combinado, encabezado de dos filas y un error de Excel. */
const HOJA_PMR: DefinicionHojaFalsa = {
  nombre: "PMR",
  filaInicial: 1,
  columnaInicial: 2,
  valores: [
    ["Plan PMR 2025", null, null, null, null],
    [],
    ["Código indicador", "Indicador", "Meta vigencia", "Programación", null],
    [null, null, null, "Ene", "Feb"],
    ["IND-1", "Personas atendidas", 120, 10, "#N/A"],
    ["IND-2", "Cobertura", 0.5, 0.1, 0.2],
  ],
  formatos: [[], [], [], [], [null, null, null, null, null], [null, null, "0%", "0%", "0%"]],
  combinadas: ["C2:G2", "F4:G4", "C4:C5"],
};

/** Lo que debe dar la lectura: el rectángulo usado, "" en las vacías, formatos "General" por defecto. */
const ESPERADA = {
  nombre: "PMR",
  filaInicial: 1,
  columnaInicial: 2,
  valores: [
    ["Plan PMR 2025", "", "", "", ""],
    ["", "", "", "", ""],
    ["Código indicador", "Indicador", "Meta vigencia", "Programación", ""],
    ["", "", "", "Ene", "Feb"],
    ["IND-1", "Personas atendidas", 120, 10, "#N/A"],
    ["IND-2", "Cobertura", 0.5, 0.1, 0.2],
  ],
  formatos: [
    ["General", "General", "General", "General", "General"],
    ["General", "General", "General", "General", "General"],
    ["General", "General", "General", "General", "General"],
    ["General", "General", "General", "General", "General"],
    ["General", "General", "General", "General", "General"],
    ["General", "General", "0%", "0%", "0%"],
  ],
  combinadas: [
    { fila: 1, columna: 2, filas: 1, columnas: 5 },
    { fila: 3, columna: 5, filas: 1, columnas: 2 },
    { fila: 3, columna: 2, filas: 2, columnas: 1 },
  ],
};

describe("leerLibroExcel", () => {
  test("lee la hoja como grilla: rango usado desplazado, combinadas absolutas, formatos y errores como texto", async () => {
    const libro = crearLibroFalso({ hojas: [HOJA_PMR] });
    const leido = await leerLibroExcel(ejecutarDe(libro));
    expect(leido.hojas).toHaveLength(1);
    const g = leido.hojas[0];
    expect({
      ...g,
      combinadas: [...(g.combinadas ?? [])].sort((a, b) => a.fila - b.fila || a.columna - b.columna),
    }).toEqual({
      ...ESPERADA,
      combinadas: [...ESPERADA.combinadas].sort((a, b) => a.fila - b.fila || a.columna - b.columna),
    });
  });

  test("con hoja PMR lee solo PMR, presupuesto y territorial (por nombre, sin importar mayúsculas ni signos)", async () => {
    const libro = crearLibroFalso({
      hojas: [
        { nombre: "Instrucciones", valores: [["Lea esto"]] },
        { nombre: "pmr", valores: [["Código indicador"]] },
        { nombre: "PMR Presupuesto", valores: [["Código producto"]] },
        { nombre: "PMR-Territorial", valores: [["Localidad"]] },
        { nombre: "Listas", valores: [["Suma"]] },
      ],
    });
    const leido = await leerLibroExcel(ejecutarDe(libro));
    expect(leido.hojas.map((h) => h.nombre)).toEqual(["pmr", "PMR Presupuesto", "PMR-Territorial"]);
  });

  test("si falta alguna de las tres por su nombre, lee todas: el presupuesto en «Recursos» se encuentra como en la línea de comandos", async () => {
    expect(hojasALeer(["PMR", "Recursos", "PMR_Territorial", "Notas"])).toEqual([
      "PMR",
      "Recursos",
      "PMR_Territorial",
      "Notas",
    ]);
    expect(hojasALeer(["PMR", "Presupuesto", "Territorial", "Notas"])).toEqual(["PMR", "Presupuesto", "Territorial"]);

    // El mismo libro en el Excel falso y directo al motor: mismas hojas elegidas y mismos hallazgos.
    const pmr = grillaPmr(filasPmr(10));
    const grillas: LibroGrillas = {
      hojas: [
        { ...pmr, nombre: "PMR" },
        { nombre: "Notas", valores: [["Notas de la entidad"]] },
        {
          nombre: "Recursos",
          valores: [
            ["Código producto", "Apropiación vigente", "Compromisos acumulados"],
            ["P1.1", 1000, 1500],
          ],
        },
      ],
    };
    const libro = crearLibroFalso(grillas);
    const r = { informe: await validar(puertosExcel(ejecutarDe(libro))) };
    const directo = validarLibro(grillas, CONFIGURACION_POR_DEFECTO);
    expect(r.informe.modelo.presupuesto?.nombre).toBe("Recursos");
    expect(r.informe.hallazgos.map((h) => h.clave)).toEqual(directo.hallazgos.map((h) => h.clave));
    expect(
      r.informe.hallazgos.some((h) => h.regla === "FF-COMPROMISOS-MAYOR-APROPIACION" && h.hoja === "Recursos"),
    ).toBe(true);
  });

  test("sin hoja llamada PMR lee todas (el lector la busca por encabezados); una hoja vacía da una grilla vacía", async () => {
    const libro = crearLibroFalso({
      hojas: [{ nombre: "Hoja1", valores: [["Código indicador"]] }, { nombre: "Vacía" }],
    });
    const leido = await leerLibroExcel(ejecutarDe(libro));
    expect(leido.hojas).toEqual([
      {
        nombre: "Hoja1",
        valores: [["Código indicador"]],
        filaInicial: 0,
        columnaInicial: 0,
        combinadas: [],
        formatos: [["General"]],
      },
      { nombre: "Vacía", valores: [], filaInicial: 0, columnaInicial: 0, combinadas: [], formatos: [] },
    ]);
    expect(hojasALeer(["Año 2025", "Datos"])).toEqual(["Año 2025", "Datos"]);
  });

  test("2 viajes a Excel, y los mismos con 1.000 que con 50.000 indicadores", async () => {
    const medir = async (n: number) => {
      const libro = crearLibroFalso(libroPmr(n, { titulo: true }));
      const r = await leerLibroConMedida(ejecutarDe(libro));
      expect(r.libro.hojas[0].valores.length).toBe(n + 4);
      return { propios: r.syncs, falso: libro.syncs };
    };
    const mil = await medir(1_000);
    const cincuentaMil = await medir(50_000);
    expect(mil.falso).toBeLessThanOrEqual(3);
    expect(mil.falso).toBe(2);
    expect(cincuentaMil.falso).toBe(mil.falso);
    expect(mil.propios).toBe(mil.falso);
  }, 120_000);

  test("más de 512 áreas combinadas en la hoja: repite pidiendo solo las del encabezado (3 viajes)", async () => {
    const combinadas = ["A1:C1", ...Array.from({ length: 600 }, (_v, i) => `A${i + 50}:B${i + 50}`)];
    const libro = crearLibroFalso({ hojas: [{ nombre: "PMR", valores: [["Título"]], combinadas }] });
    const r = await leerLibroConMedida(ejecutarDe(libro));
    expect(libro.syncs).toBe(3);
    expect(r.libro.hojas[0].combinadas).toEqual([{ fila: 0, columna: 0, filas: 1, columnas: 3 }]);
  });

  test("sin ExcelApi 1.13 no pide áreas combinadas", async () => {
    const libro = crearLibroFalso({ hojas: [HOJA_PMR] }, { versionExcelApi: "1.12" });
    const ejecutar = usarLibro(libro);
    const leido = await leerLibroExcel(ejecutar);
    expect(leido.hojas[0].combinadas).toEqual([]);
    expect(leido.hojas[0].valores).toEqual(ESPERADA.valores);
    expect(libro.syncs).toBe(2);
  });

  test("una hoja más grande de lo que Excel lee de una vez da un mensaje en español", async () => {
    // Un valor olvidado en XFD1048576: el rango usado de la hoja es la hoja entera.
    const libro = crearLibroFalso({
      hojas: [
        { nombre: "PMR", valores: [["a"]] },
        { nombre: "PMR_Presupuesto", celdas: { A1: "Código producto", XFD1048576: "olvidado" } },
      ],
    });
    await expect(leerLibroExcel(ejecutarDe(libro))).rejects.toThrow(
      /^No se pudo leer el libro: Una de las hojas del PMR es demasiado grande/,
    );
  });

  test("en Excel en la Web (5 MB por respuesta) lee por bloques y obtiene las mismas grillas", async () => {
    const base = libroPmr(1_500, { titulo: true });
    const definicion = { hojas: [{ ...base.hojas[0], combinadas: ["A1:E1", "A2:E2"] }] };
    const escritorio = await leerLibroConMedida(ejecutarDe(crearLibroFalso(definicion)));
    expect(escritorio.syncs).toBe(2);
    // Un límite chico obliga a partir: primero en bloques de CELDAS_POR_BLOQUE y luego a la mitad.
    const web = crearLibroFalso(definicion, { limiteBytesRespuesta: 300_000 });
    const r = await leerLibroConMedida(ejecutarDe(web));
    expect(r.libro).toEqual(escritorio.libro);
    expect(r.syncs).toBeGreaterThan(4);
    expect(r.libro.hojas[0].combinadas).toHaveLength(2);
    expect(web.medidas.filter((m) => !m.fallo).every((m) => m.bytesRespuesta <= 300_000)).toBe(true);
  });

  test("si ni una fila cabe en una respuesta, un mensaje en español", async () => {
    const libro = crearLibroFalso(
      { hojas: [{ nombre: "PMR", valores: [["x".repeat(500)]] }] },
      { limiteBytesRespuesta: 300 },
    );
    await expect(leerLibroExcel(ejecutarDe(libro))).rejects.toThrow(/Excel en la Web/);
  });

  test("una hoja que desaparece entre los dos viajes da un mensaje en español", async () => {
    const libro = crearLibroFalso({ hojas: [{ nombre: "PMR", valores: [["a"]] }] });
    const ejecutar: Ejecutar = (lote) =>
      libro.run(async (context) => {
        const original = context.sync.bind(context);
        let n = 0;
        (context as { sync: () => Promise<void> }).sync = async () => {
          await original();
          if (++n === 1) libro.hojas.splice(0, 1); // el usuario borra la hoja
        };
        return lote(context as unknown as Excel.RequestContext);
      });
    await expect(leerLibroExcel(ejecutar)).rejects.toThrow(/^No se pudo leer el libro: /);
  });
});
