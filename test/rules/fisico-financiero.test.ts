import { ffApropiacionSinIndicador } from "../../src/rules/fisico-financiero/ff-apropiacion-sin-indicador";
import { ffCompromisosMayorApropiacion } from "../../src/rules/fisico-financiero/ff-compromisos-mayor-apropiacion";
import { ffFinancieroAdelantado } from "../../src/rules/fisico-financiero/ff-financiero-adelantado";
import { ffFisicoAdelantado } from "../../src/rules/fisico-financiero/ff-fisico-adelantado";
import { ffGirosMayorCompromisos } from "../../src/rules/fisico-financiero/ff-giros-mayor-compromisos";
import { ffPresupuestoProductoInexistente } from "../../src/rules/fisico-financiero/ff-presupuesto-producto-inexistente";
import { ffProductoSinRecursos } from "../../src/rules/fisico-financiero/ff-producto-sin-recursos";
import { ejecutarRegla } from "./probador";
import { filaPresupuesto, hojaPresupuesto, indicador, modelo, objetivoCompleto, serie } from "./fabrica";
import { probarRegla } from "./probador";

// Hoja PMR_Presupuesto, datos desde la fila 2: A código producto, B tipo de recurso,
// C proyecto, D apropiación, E–P compromisos enero–diciembre, Q–AB giros enero–diciembre
// (con `acumulados`: E compromisos acumulados, F giros acumulados).
// objetivoCompleto("O1"): fila 6 indicador de objetivo, fila 7 indicador del producto O1-P1
// (meta 120, acumulado 30 a marzo: avance físico 25 %). Corte: marzo.

const H = "PMR_Presupuesto";
const conPresupuesto = (...filas: Parameters<typeof filaPresupuesto>[0][]) =>
  modelo({
    indicadores: objetivoCompleto("O1"),
    presupuesto: filas.map((f) => filaPresupuesto({ codigoProducto: "O1-P1", ...f })),
  });
const conAcumulados = (...filas: Parameters<typeof filaPresupuesto>[0][]) =>
  modelo({
    indicadores: objetivoCompleto("O1"),
    presupuesto: hojaPresupuesto(
      filas.map((f) => filaPresupuesto({ codigoProducto: "O1-P1", ...f })),
      { acumulados: true },
    ),
  });

probarRegla(ffCompromisosMayorApropiacion, {
  validos: [
    {
      nombre: "compromisos dentro de la apropiación",
      modelo: conPresupuesto({ apropiacion: 1000, compromisos: serie(100, 100, 100) }),
    },
    {
      nombre: "lo que excede está después del corte",
      modelo: conPresupuesto({ apropiacion: 300, compromisos: serie(100, 100, 100, 500) }),
    },
    {
      nombre: "acumulados iguales a la apropiación",
      modelo: conAcumulados({ apropiacion: 1000, compromisosAcumulados: 1000 }),
    },
  ],
  invalidos: [
    {
      nombre: "compromisos mensuales por encima",
      modelo: conPresupuesto({ apropiacion: 250, compromisos: serie(100, 100, 100) }),
      hallazgos: [
        {
          hoja: H,
          celda: "E2:G2",
          mensaje:
            "Los compromisos de O1-P1 (Inversión, proyecto 7890) a marzo ($\u00a0300) superan la apropiación vigente ($\u00a0250) en $\u00a050.",
        },
      ],
    },
    {
      nombre: "columna de acumulados",
      modelo: conAcumulados({ apropiacion: 1200000000, compromisosAcumulados: 1250000000 }),
      hallazgos: [
        {
          hoja: H,
          celda: "E2",
          mensaje: "($\u00a01.250.000.000) superan la apropiación vigente ($\u00a01.200.000.000)",
        },
      ],
    },
    {
      nombre: "compromisos sin apropiación",
      modelo: conPresupuesto(
        { apropiacion: 1000 },
        { tipoRecurso: "FUNCIONAMIENTO", proyecto: null, compromisos: serie(5) },
      ),
      hallazgos: [
        {
          hoja: H,
          celda: "E3:G3",
          mensaje:
            "La fila de presupuesto de O1-P1 (Funcionamiento) tiene compromisos por $\u00a05 a marzo pero no tiene apropiación vigente. Escriba la apropiación en D3",
        },
      ],
    },
  ],
});

probarRegla(ffGirosMayorCompromisos, {
  validos: [
    {
      nombre: "giros menores que los compromisos",
      modelo: conPresupuesto({ apropiacion: 1000, compromisos: serie(300), giros: serie(100, 100) }),
    },
    { nombre: "sin giros", modelo: conPresupuesto({ apropiacion: 1000, compromisos: serie(300) }) },
    {
      nombre: "acumulados iguales",
      modelo: conAcumulados({ apropiacion: 1000, compromisosAcumulados: 400, girosAcumulados: 400 }),
    },
  ],
  invalidos: [
    {
      nombre: "giros mensuales por encima",
      modelo: conPresupuesto({ apropiacion: 1000, compromisos: serie(100), giros: serie(50, 50, 50) }),
      hallazgos: [
        {
          hoja: H,
          celda: "Q2:S2",
          mensaje:
            "Los giros de O1-P1 (Inversión, proyecto 7890) a marzo ($\u00a0150) superan los compromisos ($\u00a0100) en $\u00a050.",
        },
      ],
    },
    {
      nombre: "acumulados",
      modelo: conAcumulados({ apropiacion: 1000, compromisosAcumulados: 750, girosAcumulados: 800 }),
      hallazgos: [{ hoja: H, celda: "F2", mensaje: "revise los giros o los compromisos (E2)" }],
    },
  ],
});

probarRegla(ffFinancieroAdelantado, {
  validos: [
    { nombre: "40 % financiero y 25 % físico", modelo: conPresupuesto({ apropiacion: 1000, compromisos: serie(400) }) },
    {
      nombre: "el producto no tiene presupuesto",
      modelo: conPresupuesto({ codigoProducto: "OTRO", apropiacion: 1000, compromisos: serie(1000) }),
    },
    {
      nombre: "físico adelantado (otra regla)",
      modelo: conPresupuesto({ apropiacion: 1000, compromisos: serie(0) }),
      config: { toleranciaFisicoFinanciera: 0.1 },
    },
  ],
  invalidos: [
    {
      nombre: "80 % financiero y 25 % físico",
      modelo: conPresupuesto({ apropiacion: 1000, compromisos: serie(800) }),
      hallazgos: [
        {
          celda: "C7",
          mensaje:
            "El producto O1-P1 tiene un avance financiero de 80,00\u00a0% y un avance físico de 25,00\u00a0%: el financiero va 55,00 puntos adelante y la tolerancia es de 30,00 puntos",
        },
      ],
    },
    {
      nombre: "tolerancia de 10 puntos",
      modelo: conPresupuesto({ apropiacion: 1000, compromisos: serie(400) }),
      config: { toleranciaFisicoFinanciera: 0.1 },
      hallazgos: [{ celda: "C7", mensaje: "va 15,00 puntos adelante y la tolerancia es de 10,00 puntos" }],
    },
  ],
});

const fisicoAlto = (compromisos: number) =>
  modelo({
    indicadores: [
      objetivoCompleto("O1")[0],
      indicador({ codigo: "IP", codigoProducto: "P4", metaVigencia: 100, ejecutado: serie(30, 40) }),
    ],
    presupuesto: [filaPresupuesto({ codigoProducto: "P4", apropiacion: 1000, compromisos: serie(compromisos) })],
  });

probarRegla(ffFisicoAdelantado, {
  validos: [
    { nombre: "70 % físico y 50 % financiero", modelo: fisicoAlto(500) },
    {
      nombre: "financiero adelantado (otra regla)",
      modelo: conPresupuesto({ apropiacion: 1000, compromisos: serie(900) }),
    },
  ],
  invalidos: [
    {
      nombre: "70 % físico y 10 % financiero",
      modelo: fisicoAlto(100),
      hallazgos: [
        {
          celda: "C7",
          mensaje:
            "El producto P4 tiene un avance físico de 70,00\u00a0% y un avance financiero de 10,00\u00a0%: el físico va 60,00 puntos adelante",
        },
      ],
    },
    {
      nombre: "sin compromisos",
      modelo: fisicoAlto(0),
      hallazgos: [{ celda: "C7", mensaje: "avance financiero de 0,00\u00a0%" }],
    },
  ],
});

probarRegla(ffApropiacionSinIndicador, {
  validos: [
    { nombre: "producto con indicador y apropiación", modelo: conPresupuesto({ apropiacion: 1000 }) },
    {
      nombre: "producto sin indicador y sin apropiación",
      modelo: modelo({
        indicadores: [
          ...objetivoCompleto("O1"),
          indicador({ codigo: null, nombre: null, tendencia: null, codigoProducto: "P5", producto: "Kits" }),
        ],
        presupuesto: [filaPresupuesto({ codigoProducto: "P5", apropiacion: 0 })],
      }),
    },
    {
      nombre: "producto que solo está en presupuesto (otra regla)",
      modelo: conPresupuesto({ codigoProducto: "P99", apropiacion: 1000 }),
    },
  ],
  invalidos: [
    {
      nombre: "producto de una fila de título con apropiación",
      modelo: modelo({
        indicadores: [
          ...objetivoCompleto("O1"),
          indicador({ codigo: null, nombre: null, tendencia: null, codigoProducto: "P5", producto: "Kits" }),
        ],
        presupuesto: [
          filaPresupuesto({ codigoProducto: "O1-P1", apropiacion: 10 }),
          filaPresupuesto({ codigoProducto: "P5", apropiacion: 350000000 }),
        ],
      }),
      hallazgos: [
        {
          hoja: H,
          celda: "D3",
          mensaje:
            "El producto P5 tiene apropiación vigente ($\u00a0350.000.000) pero ningún indicador de producto en el PMR",
        },
      ],
    },
    {
      nombre: "la primera fila con apropiación",
      modelo: modelo({
        indicadores: [
          ...objetivoCompleto("O1"),
          indicador({ codigo: "I9", tipo: "OBJETIVO", codigoProducto: "P6", producto: "Kits", metaVigencia: 1 }),
        ],
        presupuesto: [
          filaPresupuesto({ codigoProducto: "P6", apropiacion: 0 }),
          filaPresupuesto({ codigoProducto: "p6", apropiacion: 200 }),
        ],
      }),
      hallazgos: [{ hoja: H, celda: "D3", mensaje: "apropiación vigente ($\u00a0200)" }],
    },
  ],
});

probarRegla(ffProductoSinRecursos, {
  validos: [
    { nombre: "producto con apropiación", modelo: conPresupuesto({ apropiacion: 1000 }) },
    {
      nombre: "apropiación repartida en dos fuentes",
      modelo: conPresupuesto({ apropiacion: 0 }, { tipoRecurso: "FUNCIONAMIENTO", apropiacion: 50 }),
    },
  ],
  invalidos: [
    {
      nombre: "sin filas de presupuesto",
      modelo: conPresupuesto({ codigoProducto: "OTRO", apropiacion: 5 }),
      hallazgos: [
        { celda: "C7", mensaje: "El producto O1-P1 (indicadores O1-IP1) no tiene filas en la hoja «PMR_Presupuesto»" },
      ],
    },
    {
      nombre: "apropiación vacía",
      modelo: conPresupuesto({ apropiacion: null }),
      hallazgos: [{ celda: "C7", mensaje: "no tiene apropiación vigente" }],
    },
  ],
});

probarRegla(ffPresupuestoProductoInexistente, {
  validos: [
    {
      nombre: "códigos del PMR (sin importar mayúsculas)",
      modelo: conPresupuesto({ codigoProducto: "o1-p1 ", apropiacion: 10 }),
    },
    {
      nombre: "fila vacía",
      modelo: conPresupuesto({ apropiacion: 10 }, { codigoProducto: null, proyecto: null, tipoRecurso: null }),
    },
  ],
  invalidos: [
    {
      nombre: "código que no está en el PMR",
      modelo: conPresupuesto({ apropiacion: 10 }, { codigoProducto: "P12", apropiacion: 5 }),
      hallazgos: [
        {
          hoja: H,
          celda: "A3",
          mensaje:
            "La fila de presupuesto del producto P12 no corresponde a ningún producto del PMR de la vigencia 2025",
        },
      ],
    },
    {
      nombre: "sin código pero con apropiación",
      modelo: conPresupuesto({ codigoProducto: null, apropiacion: 10 }),
      hallazgos: [{ hoja: H, celda: "A2", mensaje: "no tiene código de producto" }],
    },
    {
      nombre: "el producto solo existe en otra vigencia",
      modelo: modelo({
        indicadores: [
          ...objetivoCompleto("O1"),
          indicador({ codigo: "V", codigoProducto: "P0", vigencia: 2024, metaVigencia: 1 }),
        ],
        presupuesto: [
          filaPresupuesto({ codigoProducto: "O1-P1", apropiacion: 1 }),
          filaPresupuesto({ codigoProducto: "P0", apropiacion: 1 }),
        ],
      }),
      hallazgos: [{ hoja: H, celda: "A3", mensaje: "producto P0" }],
    },
  ],
});

describe("reglas de Físico-financiero sin hoja de presupuesto", () => {
  it("no se ejecutan", () => {
    const m = modelo({ indicadores: [indicador({ codigo: "I1", codigoProducto: "P1", metaVigencia: 5 })] });
    for (const regla of [ffProductoSinRecursos, ffCompromisosMayorApropiacion, ffPresupuestoProductoInexistente]) {
      expect(ejecutarRegla(regla, m)).toEqual([]);
    }
  });
});
