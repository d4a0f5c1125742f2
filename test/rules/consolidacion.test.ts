/**
 * Reglas de Consolidación (PMR-SPEC §6.6) con modelos consolidados de verdad: cada caso arma los
 * libros de origen con la fábrica y los consolida con `consolidarModelos`.
 *
 * Origen (fábrica): encabezado en la fila 5, datos desde la 6; B objetivo, D producto, F código,
 * O meta vigencia, AB–AM ejecutado. Consolidado: encabezado en la fila 1, datos desde la 2, mismas
 * columnas.
 */
import { consolidarModelos, type LibroLeido } from "../../src/casos/consolidar";
import type { ModeloPmr } from "../../src/domain";
import { moneda } from "../../src/domain/formato";
import { consArchivoIlegible } from "../../src/rules/consolidacion/cons-archivo-ilegible";
import { consFilaRepetidaDistinta } from "../../src/rules/consolidacion/cons-fila-repetida-distinta";
import { consIndicadorValoresDistintos } from "../../src/rules/consolidacion/cons-indicador-valores-distintos";
import { consObjetivoNombreDistinto } from "../../src/rules/consolidacion/cons-objetivo-nombre-distinto";
import { consProductoNombreDistinto } from "../../src/rules/consolidacion/cons-producto-nombre-distinto";
import { enMeses, filaPresupuesto, filaTerritorial, indicador, modelo, type PartesModelo } from "./fabrica";
import { ejecutarRegla, probarRegla } from "./probador";

const libro = (nombre: string, partes: PartesModelo): LibroLeido => ({ nombre, modelo: modelo(partes), error: null });
const ilegible = (nombre: string, error: string): LibroLeido => ({ nombre, modelo: null, error });
const consolidado = (...libros: LibroLeido[]): ModeloPmr => consolidarModelos(libros);

const i1 = (p: Parameters<typeof indicador>[0] = {}) => indicador({ codigo: "I1", metaVigencia: 100, ...p });
const i2 = (p: Parameters<typeof indicador>[0] = {}) => indicador({ codigo: "I2", metaVigencia: 50, ...p });

const partida = (p: Parameters<typeof filaPresupuesto>[0] = {}) => filaPresupuesto({ apropiacion: 1000, ...p });

probarRegla(consFilaRepetidaDistinta, {
  validos: [
    {
      nombre: "la misma partida con los mismos valores en dos archivos (queda una)",
      modelo: consolidado(
        libro("a.xlsx", { indicadores: [i1()], presupuesto: [partida()] }),
        libro("b.xlsx", { indicadores: [i2()], presupuesto: [partida()] }),
      ),
    },
    {
      nombre: "otro proyecto u otro tipo de recurso es otra partida",
      modelo: consolidado(
        libro("a.xlsx", { indicadores: [i1()], presupuesto: [partida()] }),
        libro("b.xlsx", {
          indicadores: [i2()],
          presupuesto: [partida({ proyecto: "7891", apropiacion: 5 }), partida({ tipoRecurso: "FUNCIONAMIENTO" })],
        }),
      ),
    },
    {
      nombre: "dos partidas iguales dentro de un mismo archivo no son de la consolidación",
      modelo: consolidado(
        libro("a.xlsx", { indicadores: [i1()], presupuesto: [partida(), partida({ apropiacion: 7 })] }),
      ),
    },
    {
      nombre: "la misma meta territorial en otra localidad",
      modelo: consolidado(
        libro("a.xlsx", { indicadores: [i1()], territorial: [filaTerritorial({ metaVigencia: 10 })] }),
        libro("b.xlsx", {
          indicadores: [i2()],
          territorial: [filaTerritorial({ localidadTexto: "11 - Suba", metaVigencia: 20 })],
        }),
      ),
    },
  ],
  invalidos: [
    {
      nombre: "otra apropiación y otro compromiso de marzo: uno por campo, en el archivo repetido",
      modelo: consolidado(
        libro("a.xlsx", { indicadores: [i1()], presupuesto: [partida({ compromisos: enMeses({ 3: 40 }) })] }),
        libro("b.xlsx", {
          indicadores: [i2()],
          presupuesto: [partida({ apropiacion: 1500, compromisos: enMeses({ 3: 45 }) })],
        }),
      ),
      hallazgos: [
        {
          hoja: "PMR_Presupuesto",
          celda: "D2",
          mensaje:
            "La fila de presupuesto P1 · Inversión · 7890 está en dos archivos con valores distintos en Apropiación",
        },
        {
          hoja: "PMR_Presupuesto",
          celda: "G2",
          mensaje: `en Compromisos marzo: ${moneda(45)} en «b.xlsx» (PMR_Presupuesto!G2) y ${moneda(40)} en «a.xlsx» (PMR_Presupuesto!G2). El consolidado tomó la de «a.xlsx» (no suma las dos)`,
        },
      ],
    },
    {
      nombre: "la meta de una localidad distinta en otro archivo",
      modelo: consolidado(
        libro("a.xlsx", { indicadores: [i1()], territorial: [filaTerritorial({ metaVigencia: 10 })] }),
        libro("b.xlsx", { indicadores: [i2()], territorial: [filaTerritorial({ metaVigencia: 12 })] }),
      ),
      hallazgos: [
        {
          hoja: "PMR_Territorial",
          celda: "C2",
          mensaje:
            "La meta territorial I1 · 8 - Kennedy está en dos archivos con valores distintos en Meta vigencia: 12,00 en «b.xlsx» (PMR_Territorial!C2) y 10,00 en «a.xlsx» (PMR_Territorial!C2).",
        },
      ],
    },
  ],
});

probarRegla(consIndicadorValoresDistintos, {
  validos: [
    {
      nombre: "el mismo indicador con los mismos valores en dos archivos",
      modelo: consolidado(libro("a.xlsx", { indicadores: [i1()] }), libro("b.xlsx", { indicadores: [i2(), i1()] })),
    },
    {
      nombre: "el mismo código en otra vigencia no es el mismo indicador",
      modelo: consolidado(
        libro("a.xlsx", { indicadores: [i1()] }),
        libro("b.xlsx", { indicadores: [i1({ vigencia: 2024, metaVigencia: 80 })] }),
      ),
    },
    {
      nombre: "un código repetido dentro de un mismo archivo no es de la consolidación",
      modelo: consolidado(libro("a.xlsx", { indicadores: [i1(), i1({ metaVigencia: 7 })] })),
    },
    {
      nombre: "textos iguales salvo mayúsculas, tildes y espacios",
      modelo: consolidado(
        libro("a.xlsx", { indicadores: [i1({ nombre: "Niños atendidos" })] }),
        libro("b.xlsx", { indicadores: [i1({ nombre: "  NINOS atendidos " })] }),
      ),
    },
  ],
  invalidos: [
    {
      nombre: "meta vigencia distinta: la celda del segundo archivo, y el mensaje nombra las dos",
      modelo: consolidado(
        libro("a.xlsx", { indicadores: [i1()] }),
        libro("b.xlsx", { indicadores: [i2(), i1({ metaVigencia: 120 })] }),
      ),
      hallazgos: [
        {
          celda: "O7",
          mensaje:
            "El indicador I1 está en dos archivos con valores distintos en Meta vigencia: 120,00 en «b.xlsx» (PMR!O7) y 100,00 en «a.xlsx» (PMR!O6). El consolidado tomó el valor de «a.xlsx»",
        },
      ],
    },
    {
      nombre: "ejecución de marzo distinta en una hoja con otro nombre; un tercer archivo igual al primero",
      modelo: consolidado(
        libro("a.xlsx", { indicadores: [i1({ ejecutado: enMeses({ 3: 10 }) })] }),
        libro("b.xlsx", {
          indicadores: [i1({ ejecutado: enMeses({ 3: 12 }) })],
          hoja: { nombre: "Reporte PMR", filaEncabezado: 9 },
        }),
        libro("c.xlsx", { indicadores: [i1({ ejecutado: enMeses({ 3: 10 }) })] }),
      ),
      hallazgos: [
        {
          hoja: "Reporte PMR",
          celda: "AD10",
          mensaje:
            "valores distintos en Ejecutado marzo: 12,00 en «b.xlsx» (Reporte PMR!AD10) y 10,00 en «a.xlsx» (PMR!AD6)",
        },
      ],
    },
    {
      nombre: "una celda vacía frente a una con valor, y la tendencia",
      modelo: consolidado(
        libro("a.xlsx", { indicadores: [i1({ lineaBase: 5 })] }),
        libro("b.xlsx", {
          indicadores: [i1({ lineaBase: null, tendencia: "CRECIENTE", tendenciaTexto: "Creciente" })],
        }),
      ),
      hallazgos: [
        {
          celda: "I6",
          mensaje: "valores distintos en Tendencia: Creciente en «b.xlsx» (PMR!I6) y Suma en «a.xlsx» (PMR!I6)",
        },
        {
          celda: "L6",
          mensaje: "valores distintos en Línea base: vacía en «b.xlsx» (PMR!L6) y 5,00 en «a.xlsx» (PMR!L6)",
        },
      ],
    },
  ],
});

probarRegla(consObjetivoNombreDistinto, {
  validos: [
    {
      nombre: "el mismo objetivo con el mismo nombre en dos archivos",
      modelo: consolidado(libro("a.xlsx", { indicadores: [i1()] }), libro("b.xlsx", { indicadores: [i2()] })),
    },
    {
      nombre: "dos nombres dentro de un mismo archivo los señala CV-OBJ-NOMBRE-INCONSISTENTE",
      modelo: consolidado(libro("a.xlsx", { indicadores: [i1(), i2({ objetivo: "Otro nombre" })] })),
    },
    {
      nombre: "un nombre vacío no cuenta",
      modelo: consolidado(
        libro("a.xlsx", { indicadores: [i1()] }),
        libro("b.xlsx", { indicadores: [i2({ objetivo: null })] }),
      ),
    },
  ],
  invalidos: [
    {
      nombre: "el segundo archivo nombra distinto el objetivo",
      modelo: consolidado(
        libro("a.xlsx", { indicadores: [i1()] }),
        libro("b.xlsx", { indicadores: [i2({ objetivo: "Objetivo renombrado" })] }),
      ),
      hallazgos: [
        {
          celda: "B6",
          mensaje:
            "El objetivo O1 se llama «Objetivo renombrado» en «b.xlsx» (PMR!B6) y «Objetivo uno» en «a.xlsx» (PMR!B6). El consolidado usa «Objetivo uno»",
        },
      ],
    },
    {
      nombre: "dos archivos con dos nombres distintos: uno por archivo y nombre",
      modelo: consolidado(
        libro("a.xlsx", { indicadores: [i1()] }),
        libro("b.xlsx", {
          indicadores: [i2({ objetivo: "Nombre B" }), indicador({ codigo: "I3", objetivo: "Nombre B" })],
        }),
        libro("c.xlsx", { indicadores: [indicador({ codigo: "I4", objetivo: "Nombre C" })] }),
      ),
      hallazgos: [
        { celda: "B6", mensaje: "«Nombre B» en «b.xlsx» (PMR!B6)" },
        { celda: "B6", mensaje: "«Nombre C» en «c.xlsx» (PMR!B6)" },
      ],
    },
  ],
});

probarRegla(consProductoNombreDistinto, {
  validos: [
    {
      nombre: "el mismo producto con el mismo nombre",
      modelo: consolidado(
        libro("a.xlsx", { indicadores: [i1({ codigoProducto: "P1", producto: "Apoyos" })] }),
        libro("b.xlsx", { indicadores: [i2({ codigoProducto: "P1", producto: "apoyos." })] }),
      ),
    },
    {
      nombre: "productos distintos",
      modelo: consolidado(
        libro("a.xlsx", { indicadores: [i1({ codigoProducto: "P1", producto: "Apoyos" })] }),
        libro("b.xlsx", { indicadores: [i2({ codigoProducto: "P2", producto: "Otros" })] }),
      ),
    },
  ],
  invalidos: [
    {
      nombre: "el producto P1 con otro nombre en el segundo archivo",
      modelo: consolidado(
        libro("a.xlsx", { indicadores: [i1({ codigoProducto: "P1", producto: "Apoyos entregados" })] }),
        libro("b.xlsx", { indicadores: [i2(), i2({ codigo: "I5", codigoProducto: "P1", producto: "Apoyos" })] }),
      ),
      hallazgos: [{ celda: "D7", mensaje: "El producto P1 se llama «Apoyos» en «b.xlsx» (PMR!D7)" }],
    },
    {
      nombre: "sin columna de producto en el archivo: señala el código del indicador",
      modelo: consolidado(
        libro("a.xlsx", { indicadores: [i1({ codigoProducto: "P1", producto: "Apoyos entregados" })] }),
        libro("b.xlsx", {
          indicadores: [i2({ codigoProducto: "P1", producto: "Apoyos" })],
          hoja: { sinColumnas: ["producto"] },
        }),
      ),
      hallazgos: [{ celda: "F6", mensaje: "«Apoyos» en «b.xlsx» (PMR!F6)" }],
    },
  ],
});

probarRegla(consArchivoIlegible, {
  validos: [
    { nombre: "todos los archivos se leyeron", modelo: consolidado(libro("a.xlsx", { indicadores: [i1()] })) },
    { nombre: "un libro solo (no consolidado)", modelo: modelo({ indicadores: [i1()] }) },
  ],
  invalidos: [
    {
      nombre: "un archivo ilegible entre dos buenos",
      modelo: consolidado(
        libro("a.xlsx", { indicadores: [i1()] }),
        ilegible("roto.xlsx", "No se pudo leer «roto.xlsx»: no es un libro de Excel (.xlsx) válido."),
        libro("b.xlsx", { indicadores: [i2()] }),
      ),
      hallazgos: [
        {
          hoja: "",
          celda: "",
          mensaje:
            "El archivo «roto.xlsx» no se pudo leer y no entró al consolidado: No se pudo leer «roto.xlsx»: no es un libro de Excel (.xlsx) válido. Los demás archivos sí se consolidaron",
        },
      ],
    },
    {
      nombre: "ninguno se pudo leer",
      modelo: consolidado(ilegible("x.xlsx", "no existe."), ilegible("y.xlsx", "está cifrado.")),
      hallazgos: [
        { hoja: "", celda: "", mensaje: "«x.xlsx»" },
        { hoja: "", celda: "", mensaje: "«y.xlsx»" },
      ],
    },
  ],
});

describe("hallazgos de Consolidación: archivo de origen y lugar en el consolidado", () => {
  it("el valor en conflicto señala el archivo repetido y la celda del consolidado", () => {
    const m = consolidado(
      libro("a.xlsx", { indicadores: [i1()] }),
      libro("b.xlsx", { indicadores: [i2(), i1({ metaVigencia: 120 })] }),
    );
    const [h] = ejecutarRegla(consIndicadorValoresDistintos, m);
    expect(h).toMatchObject({ archivo: "b.xlsx", hoja: "PMR", celda: "O7", consolidado: { hoja: "PMR", celda: "O2" } });
  });

  it("el objetivo renombrado: el consolidado usa el nombre del primer archivo", () => {
    const m = consolidado(
      libro("a.xlsx", { indicadores: [i1()] }),
      libro("b.xlsx", { indicadores: [i2({ objetivo: "Objetivo renombrado" })] }),
    );
    expect(m.pmr!.indicadores.map((i) => i.objetivo)).toEqual(["Objetivo uno", "Objetivo uno"]);
    const [h] = ejecutarRegla(consObjetivoNombreDistinto, m);
    expect(h).toMatchObject({ archivo: "b.xlsx", celda: "B6", consolidado: { hoja: "PMR", celda: "B3" } });
  });

  it("las claves no dependen de las filas", () => {
    const a = consolidado(
      libro("a.xlsx", { indicadores: [i1()] }),
      libro("b.xlsx", { indicadores: [i1({ metaVigencia: 120 })] }),
    );
    const b = consolidado(
      libro("a.xlsx", { indicadores: [i2(), i1()] }),
      libro("b.xlsx", { indicadores: [i2(), i2({ codigo: "I7" }), i1({ metaVigencia: 120 })] }),
    );
    const [ha] = ejecutarRegla(consIndicadorValoresDistintos, a);
    const [hb] = ejecutarRegla(consIndicadorValoresDistintos, b);
    expect(ha.celda).not.toBe(hb.celda);
    expect(ha.clave).toBe(hb.clave);
  });
});
