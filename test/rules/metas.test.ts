import { metCrecienteMpMenorLb } from "../../src/rules/metas/met-creciente-mp-menor-lb";
import { metDecrecienteMpMayorLb } from "../../src/rules/metas/met-decreciente-mp-mayor-lb";
import { metDecrecienteSinLb } from "../../src/rules/metas/met-decreciente-sin-lb";
import { metEscalaPorcentajeMixta } from "../../src/rules/metas/met-escala-porcentaje-mixta";
import { metPeriodicidadInvalida } from "../../src/rules/metas/met-periodicidad-invalida";
import { metSumaMvMayorMp } from "../../src/rules/metas/met-suma-mv-mayor-mp";
import { metSumaProgramacionMv } from "../../src/rules/metas/met-suma-programacion-mv";
import { metTendenciaInvalida } from "../../src/rules/metas/met-tendencia-invalida";
import { metTendenciaVacia } from "../../src/rules/metas/met-tendencia-vacia";
import { metValorNegativo } from "../../src/rules/metas/met-valor-negativo";
import { doce, indicador, modelo, objetivoCompleto, serie } from "./fabrica";
import { probarRegla } from "./probador";

// Columnas: I tendencia, J periodicidad, K ponderación, L línea base, M meta plan,
// O meta vigencia, P–AA programado, AB–AM ejecutado. Primera fila de datos: 6.

const completo = () => modelo({ indicadores: objetivoCompleto("O1") });
const uno = (p: Parameters<typeof indicador>[0]) => modelo({ indicadores: [indicador({ codigo: "I1", ...p })] });

probarRegla(metTendenciaInvalida, {
  validos: [
    {
      nombre: "las cuatro tendencias del catálogo",
      modelo: modelo({
        indicadores: (["SUMA", "CRECIENTE", "CONSTANTE", "DECRECIENTE"] as const).map((t, i) =>
          indicador({ codigo: `I${i}`, tendencia: t }),
        ),
      }),
    },
    { nombre: "tendencia vacía (otra regla)", modelo: uno({ tendencia: null }) },
  ],
  invalidos: [
    {
      nombre: "«Sumatoria»",
      modelo: uno({ codigo: "I3", tendencia: null, tendenciaTexto: "Sumatoria" }),
      hallazgos: [
        {
          celda: "I6",
          mensaje:
            "La tendencia «Sumatoria» del indicador I3 no está en el catálogo; use una de: Suma, Creciente, Constante o Decreciente",
        },
      ],
    },
    {
      nombre: "dos tendencias fuera del catálogo",
      modelo: modelo({
        indicadores: [
          indicador({ codigo: "I1", tendencia: null, tendenciaTexto: "Acumulativa" }),
          indicador({ codigo: "I2" }),
          indicador({ codigo: "I3", tendencia: null, tendenciaTexto: "Flujo" }),
        ],
      }),
      hallazgos: [
        { celda: "I6", mensaje: "«Acumulativa»" },
        { celda: "I8", mensaje: "«Flujo»" },
      ],
    },
  ],
});

probarRegla(metTendenciaVacia, {
  validos: [
    { nombre: "con tendencia", modelo: completo() },
    {
      nombre: "tendencia fuera del catálogo (otra regla)",
      modelo: uno({ tendencia: null, tendenciaTexto: "Sumatoria" }),
    },
    {
      nombre: "sin columna Tendencia (lo dice Estructura)",
      modelo: modelo({ indicadores: [indicador({ tendencia: null })], hoja: { sinColumnas: ["tendencia"] } }),
    },
  ],
  invalidos: [
    {
      nombre: "tendencia vacía",
      modelo: uno({ codigo: "I3", tendencia: null }),
      hallazgos: [{ celda: "I6", mensaje: "El indicador I3 no tiene tendencia" }],
    },
    {
      nombre: "tendencia «-»",
      modelo: modelo({
        indicadores: [indicador({ codigo: "I1" }), indicador({ codigo: "I2", tendencia: null, tendenciaTexto: "-" })],
      }),
      hallazgos: [{ celda: "I7", mensaje: "Escriba en I7 Suma, Creciente, Constante o Decreciente" }],
    },
  ],
});

probarRegla(metPeriodicidadInvalida, {
  validos: [
    {
      nombre: "periodicidades del catálogo",
      modelo: modelo({
        indicadores: (["MENSUAL", "BIMESTRAL", "TRIMESTRAL", "SEMESTRAL", "ANUAL"] as const).map((p, i) =>
          indicador({ codigo: `I${i}`, periodicidad: p }),
        ),
      }),
    },
    { nombre: "periodicidad vacía (Mensual)", modelo: uno({ periodicidad: null }) },
  ],
  invalidos: [
    {
      nombre: "«Cuatrimestral»",
      modelo: uno({ codigo: "I3", periodicidad: null, periodicidadTexto: "Cuatrimestral" }),
      hallazgos: [{ celda: "J6", mensaje: "La periodicidad «Cuatrimestral» del indicador I3 no está en el catálogo" }],
    },
    {
      nombre: "«Quincenal» y «Diaria»",
      modelo: modelo({
        indicadores: [
          indicador({ codigo: "I1", periodicidad: null, periodicidadTexto: "Quincenal" }),
          indicador({ codigo: "I2", periodicidad: null, periodicidadTexto: "Diaria" }),
        ],
      }),
      hallazgos: [
        { celda: "J6", mensaje: "«Quincenal»" },
        { celda: "J7", mensaje: "«Diaria»" },
      ],
    },
  ],
});

probarRegla(metValorNegativo, {
  validos: [
    { nombre: "valores positivos", modelo: completo() },
    {
      nombre: "ceros",
      modelo: uno({
        lineaBase: 0,
        metaPlan: 0,
        metaVigencia: 0,
        programado: doce(0),
        ejecutado: doce(0),
        ponderacion: 0,
      }),
    },
  ],
  invalidos: [
    {
      nombre: "meta vigencia negativa",
      modelo: uno({ codigo: "I3", metaVigencia: -50 }),
      hallazgos: [{ celda: "O6", mensaje: "El indicador I3 tiene un valor negativo en Meta vigencia (O6): -50" }],
    },
    {
      nombre: "línea base y ejecución de marzo negativas",
      modelo: uno({ lineaBase: -1.5, ejecutado: serie(2, 3, -4) }),
      hallazgos: [
        { celda: "L6", mensaje: "Línea base (L6): -1,5" },
        { celda: "AD6", mensaje: "Ejecutado marzo (AD6): -4" },
      ],
    },
  ],
});

probarRegla(metSumaProgramacionMv, {
  validos: [
    { nombre: "doce meses de 10 suman la meta de 120", modelo: completo() },
    {
      nombre: "Creciente con programación de nivel",
      modelo: uno({ tendencia: "CRECIENTE", metaVigencia: 50, programado: doce(50) }),
    },
    { nombre: "Suma sin programación mensual", modelo: uno({ metaVigencia: 50 }) },
    {
      nombre: "diferencia dentro de la tolerancia",
      modelo: uno({ metaVigencia: 1000, programado: serie(500, 499.5) }),
    },
  ],
  invalidos: [
    {
      nombre: "la programación suma 1.150 y la meta es 1.200",
      modelo: uno({ codigo: "I3", metaVigencia: 1200, programado: [...doce(100).slice(0, 11), 50] }),
      hallazgos: [
        {
          celda: "P6:AA6",
          mensaje:
            "La programación mensual del indicador I3 suma 1.150,00, pero la meta vigencia es 1.200,00 (diferencia: 50,00)",
        },
      ],
    },
    {
      nombre: "programación parcial",
      modelo: uno({ metaVigencia: 120, programado: serie(10, 10, 10) }),
      hallazgos: [{ celda: "P6:AA6", mensaje: "ajuste la programación (P6:AA6) o la meta vigencia (O6)" }],
    },
  ],
});

probarRegla(metSumaMvMayorMp, {
  validos: [
    { nombre: "meta vigencia menor que la meta plan", modelo: completo() },
    { nombre: "sin meta plan", modelo: uno({ metaVigencia: 100 }) },
    {
      nombre: "Creciente con meta vigencia mayor",
      modelo: uno({ tendencia: "CRECIENTE", metaVigencia: 60, metaPlan: 50 }),
    },
    { nombre: "iguales", modelo: uno({ metaVigencia: 500, metaPlan: 500 }) },
  ],
  invalidos: [
    {
      nombre: "1.200 contra 1.000",
      modelo: uno({ codigo: "I3", metaVigencia: 1200, metaPlan: 1000 }),
      hallazgos: [
        { celda: "O6", mensaje: "La meta vigencia del indicador I3 (1.200,00) es mayor que su meta plan (1.000,00)" },
      ],
    },
    {
      nombre: "decimales",
      modelo: uno({ metaVigencia: 10.5, metaPlan: 10 }),
      hallazgos: [{ celda: "O6", mensaje: "(10,50) es mayor que su meta plan (10,00)" }],
    },
  ],
});

probarRegla(metCrecienteMpMenorLb, {
  validos: [
    {
      nombre: "meta plan por encima de la línea base",
      modelo: uno({ tendencia: "CRECIENTE", lineaBase: 40, metaPlan: 60 }),
    },
    {
      nombre: "Decreciente con meta por debajo",
      modelo: uno({ tendencia: "DECRECIENTE", lineaBase: 40, metaPlan: 20 }),
    },
    { nombre: "sin línea base", modelo: uno({ tendencia: "CRECIENTE", metaPlan: 20 }) },
  ],
  invalidos: [
    {
      nombre: "40 contra 55",
      modelo: uno({ codigo: "I3", tendencia: "CRECIENTE", lineaBase: 55, metaPlan: 40 }),
      hallazgos: [
        {
          celda: "M6",
          mensaje:
            "La meta plan del indicador I3 (40,00) es menor que su línea base (55,00), pero su tendencia es Creciente",
        },
      ],
    },
    {
      nombre: "porcentajes",
      modelo: uno({ tendencia: "CRECIENTE", lineaBase: 0.8, metaPlan: 0.75 }),
      hallazgos: [{ celda: "M6", mensaje: "Revise la meta plan (M6), la línea base (L6) o la tendencia (I6)" }],
    },
  ],
});

probarRegla(metDecrecienteMpMayorLb, {
  validos: [
    {
      nombre: "meta plan por debajo de la línea base",
      modelo: uno({ tendencia: "DECRECIENTE", lineaBase: 8.5, metaPlan: 6 }),
    },
    { nombre: "Creciente con meta por encima", modelo: uno({ tendencia: "CRECIENTE", lineaBase: 8.5, metaPlan: 12 }) },
    { nombre: "sin meta plan", modelo: uno({ tendencia: "DECRECIENTE", lineaBase: 8.5 }) },
  ],
  invalidos: [
    {
      nombre: "12 contra 8,5",
      modelo: uno({ codigo: "I9", tendencia: "DECRECIENTE", lineaBase: 8.5, metaPlan: 12 }),
      hallazgos: [
        {
          celda: "M6",
          mensaje:
            "La meta plan del indicador I9 (12,00) es mayor que su línea base (8,50), pero su tendencia es Decreciente",
        },
      ],
    },
    {
      nombre: "dos indicadores",
      modelo: modelo({
        indicadores: [
          indicador({ codigo: "I1", tendencia: "DECRECIENTE", lineaBase: 1, metaPlan: 2 }),
          indicador({ codigo: "I2", tendencia: "DECRECIENTE", lineaBase: 3, metaPlan: 4 }),
        ],
      }),
      hallazgos: [
        { celda: "M6", mensaje: "I1" },
        { celda: "M7", mensaje: "I2" },
      ],
    },
  ],
});

probarRegla(metDecrecienteSinLb, {
  validos: [
    { nombre: "Decreciente con línea base", modelo: uno({ tendencia: "DECRECIENTE", lineaBase: 10 }) },
    { nombre: "Creciente sin línea base", modelo: uno({ tendencia: "CRECIENTE" }) },
    {
      nombre: "línea base ilegible (lo dice Estructura)",
      modelo: modelo({
        indicadores: [indicador({ tendencia: "DECRECIENTE" })],
        lectura: [{ tipo: "error-celda", hoja: "PMR", celda: "L6", campo: "lineaBase", detalle: "#REF!" }],
      }),
    },
  ],
  invalidos: [
    {
      nombre: "sin línea base",
      modelo: uno({ codigo: "I9", tendencia: "DECRECIENTE" }),
      hallazgos: [
        {
          celda: "L6",
          mensaje:
            "El indicador I9 es Decreciente y no tiene línea base: su avance se calcula como programado / ejecutado",
        },
      ],
    },
    {
      nombre: "método inverso: el mensaje no habla de la fórmula",
      modelo: uno({ codigo: "I9", tendencia: "DECRECIENTE" }),
      config: { metodoDecreciente: "inversa" },
      hallazgos: [{ celda: "L6", mensaje: "no tiene línea base. Escriba la línea base en L6." }],
    },
  ],
});

probarRegla(metEscalaPorcentajeMixta, {
  validos: [
    {
      nombre: "todo en puntos",
      modelo: uno({
        unidad: "Porcentaje",
        tendencia: "CRECIENTE",
        lineaBase: 15,
        metaPlan: 25,
        metaVigencia: 20,
        ejecutado: serie(16, 17),
      }),
    },
    {
      nombre: "todo en fracción",
      modelo: uno({
        unidad: "%",
        tendencia: "CRECIENTE",
        lineaBase: 0.15,
        metaPlan: 0.25,
        metaVigencia: 0.2,
        ejecutado: serie(0.16),
      }),
    },
    { nombre: "unidad que no es porcentaje", modelo: uno({ unidad: "Número", lineaBase: 0.15, metaVigencia: 15 }) },
    {
      nombre: "0,8 y 1,5 en puntos (sin salto de escala)",
      modelo: uno({ unidad: "Tasa porcentual", tendencia: "DECRECIENTE", lineaBase: 1.5, metaVigencia: 0.8 }),
    },
    {
      nombre: "Suma: los meses no se miran",
      modelo: uno({ unidad: "Porcentaje de avance", metaVigencia: 10, programado: serie(0.5, 2, 7.5) }),
    },
  ],
  invalidos: [
    {
      nombre: "línea base 0,15 y meta 15",
      modelo: uno({ codigo: "I6", unidad: "Porcentaje", tendencia: "CRECIENTE", lineaBase: 0.15, metaVigencia: 15 }),
      hallazgos: [
        {
          celda: "L6",
          mensaje:
            "El indicador I6 (unidad «Porcentaje») mezcla escalas de porcentaje: Línea base 0,15 (L6) frente a Meta vigencia 15,00 (O6)",
        },
      ],
    },
    {
      nombre: "la ejecución en fracción y las metas en puntos",
      modelo: uno({
        unidad: "%",
        tendencia: "CONSTANTE",
        lineaBase: 10,
        metaPlan: 20,
        metaVigencia: 15,
        ejecutado: serie(0.12, 0.14),
      }),
      hallazgos: [{ celda: "AB6", mensaje: "Ejecutado enero 0,12 (AB6) frente a Línea base 10,00 (L6)" }],
    },
  ],
});
