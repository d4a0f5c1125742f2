import { cvIndCodigoDuplicado } from "../../src/rules/cadena-valor/cv-ind-codigo-duplicado";
import { cvIndSinCodigo } from "../../src/rules/cadena-valor/cv-ind-sin-codigo";
import { cvIndSinMeta } from "../../src/rules/cadena-valor/cv-ind-sin-meta";
import { cvIndSinObjetivo } from "../../src/rules/cadena-valor/cv-ind-sin-objetivo";
import { cvIndSinProducto } from "../../src/rules/cadena-valor/cv-ind-sin-producto";
import { cvObjInexistente } from "../../src/rules/cadena-valor/cv-obj-inexistente";
import { cvObjNombreInconsistente } from "../../src/rules/cadena-valor/cv-obj-nombre-inconsistente";
import { cvObjSinIndicador } from "../../src/rules/cadena-valor/cv-obj-sin-indicador";
import { cvObjSinProducto } from "../../src/rules/cadena-valor/cv-obj-sin-producto";
import { cvPonderacionFaltante } from "../../src/rules/cadena-valor/cv-ponderacion-faltante";
import { cvPonderacionSuma } from "../../src/rules/cadena-valor/cv-ponderacion-suma";
import { cvProdInexistente } from "../../src/rules/cadena-valor/cv-prod-inexistente";
import { cvProdNombreInconsistente } from "../../src/rules/cadena-valor/cv-prod-nombre-inconsistente";
import { cvProdSinIndicador } from "../../src/rules/cadena-valor/cv-prod-sin-indicador";
import { cvProdVariosObjetivos } from "../../src/rules/cadena-valor/cv-prod-varios-objetivos";
import { cvTipoInvalido } from "../../src/rules/cadena-valor/cv-tipo-invalido";
import { indicador, modelo, objetivoCompleto, serie } from "./fabrica";
import { probarRegla } from "./probador";

// Filas: la primera fila de datos es la 6. objetivoCompleto ocupa dos filas (indicador de
// objetivo y de producto). Columnas: A código objetivo, B objetivo, C código producto,
// D producto, E tipo, F código, G indicador, K ponderación, O meta vigencia.

const completo = () => modelo({ indicadores: objetivoCompleto("O1") });
/** Fila de título: solo nombra objetivo y producto. */
const titulo = (p: Parameters<typeof indicador>[0]) =>
  indicador({ codigo: null, nombre: null, tendencia: null, periodicidad: null, ...p });

probarRegla(cvObjSinIndicador, {
  validos: [
    { nombre: "objetivo con indicador de objetivo y de producto", modelo: completo() },
    {
      nombre: "sin columna de tipo: la fila sin código de producto es de objetivo",
      modelo: modelo({
        indicadores: objetivoCompleto("O1").map((i) => ({ ...i, tipo: null, tipoTexto: null })),
        hoja: { sinColumnas: ["tipo"] },
      }),
    },
  ],
  invalidos: [
    {
      nombre: "objetivo solo con indicadores de producto",
      modelo: modelo({
        indicadores: [
          ...objetivoCompleto("O1"),
          indicador({
            codigo: "I9",
            codigoObjetivo: "O2",
            objetivo: "Reducir la deserción",
            codigoProducto: "P9",
            metaVigencia: 5,
          }),
        ],
      }),
      hallazgos: [
        { celda: "A8", mensaje: "El objetivo O2 («Reducir la deserción») no tiene ningún indicador de objetivo" },
      ],
    },
    {
      nombre: "la fila de título del objetivo no es un indicador",
      modelo: modelo({
        indicadores: [
          titulo({ codigoObjetivo: "O3", objetivo: "Objetivo tres" }),
          indicador({ codigo: "I10", codigoObjetivo: "O3", codigoProducto: "P10", metaVigencia: 5 }),
        ],
      }),
      hallazgos: [{ celda: "A6", mensaje: "código de objetivo O3" }],
    },
  ],
});

probarRegla(cvObjSinProducto, {
  validos: [
    { nombre: "objetivo con producto", modelo: completo() },
    {
      nombre: "el producto está en una fila de título",
      modelo: modelo({
        indicadores: [
          objetivoCompleto("O1")[0],
          titulo({ codigoObjetivo: "O1", codigoProducto: "P1", producto: "Producto uno" }),
        ],
      }),
    },
  ],
  invalidos: [
    {
      nombre: "objetivo sin ninguna fila de producto",
      modelo: modelo({
        indicadores: [
          ...objetivoCompleto("O1"),
          indicador({ codigo: "I9", codigoObjetivo: "O2", objetivo: "Objetivo dos", metaVigencia: 5 }),
        ],
      }),
      hallazgos: [{ celda: "A8", mensaje: "El objetivo O2 («Objetivo dos») no tiene ningún producto" }],
    },
    {
      nombre: "dos objetivos sin producto",
      modelo: modelo({
        indicadores: [
          indicador({ codigo: "I1", codigoObjetivo: "O1", metaVigencia: 5 }),
          indicador({ codigo: "I2", codigoObjetivo: "O1", metaVigencia: 5 }),
          indicador({ codigo: "I3", codigoObjetivo: "o2", objetivo: null, metaVigencia: 5 }),
        ],
      }),
      hallazgos: [
        { celda: "A6", mensaje: "El objetivo O1 («Objetivo uno»)" },
        { celda: "A8", mensaje: "El objetivo o2 no tiene ningún producto" },
      ],
    },
  ],
});

probarRegla(cvProdSinIndicador, {
  validos: [
    { nombre: "producto con su indicador", modelo: completo() },
    {
      nombre: "sin columna de tipo: la fila con código de producto es de producto",
      modelo: modelo({
        indicadores: objetivoCompleto("O1").map((i) => ({ ...i, tipo: null, tipoTexto: null })),
        hoja: { sinColumnas: ["tipo"] },
      }),
    },
  ],
  invalidos: [
    {
      nombre: "el producto solo aparece en una fila de tipo Objetivo",
      modelo: modelo({
        indicadores: [
          ...objetivoCompleto("O1"),
          indicador({ codigo: "I9", tipo: "OBJETIVO", codigoProducto: "P9", producto: "Kits", metaVigencia: 5 }),
        ],
      }),
      hallazgos: [
        {
          celda: "C8",
          mensaje:
            "El producto P9 («Kits») no tiene ningún indicador de producto (lo nombran I9, pero son de tipo Objetivo)",
        },
      ],
    },
    {
      nombre: "el producto solo está en una fila de título",
      modelo: modelo({
        indicadores: [...objetivoCompleto("O1"), titulo({ codigoProducto: "P8", producto: "Talleres" })],
      }),
      hallazgos: [{ celda: "C8", mensaje: "El producto P8 («Talleres») no tiene ningún indicador de producto." }],
    },
  ],
});

probarRegla(cvIndSinCodigo, {
  validos: [
    { nombre: "todos los indicadores con código", modelo: completo() },
    {
      nombre: "fila de título sin datos de indicador",
      modelo: modelo({
        indicadores: [...objetivoCompleto("O1"), titulo({ codigoProducto: "P2", producto: "Talleres" })],
      }),
    },
  ],
  invalidos: [
    {
      nombre: "fila con nombre de indicador y sin código",
      modelo: modelo({
        indicadores: [
          ...objetivoCompleto("O1"),
          indicador({ codigo: null, nombre: "Personas atendidas", metaVigencia: 10 }),
        ],
      }),
      hallazgos: [
        { celda: "F8", mensaje: "La fila 8 tiene el indicador «Personas atendidas» sin código de indicador" },
      ],
    },
    {
      nombre: "fila con metas y ejecución pero sin código ni nombre",
      modelo: modelo({
        indicadores: [indicador({ codigo: "  ", nombre: null, metaVigencia: 10, ejecutado: serie(2) })],
      }),
      hallazgos: [{ celda: "F6", mensaje: "La fila 6 tiene datos de un indicador" }],
    },
  ],
});

probarRegla(cvIndSinObjetivo, {
  validos: [
    { nombre: "todos con código de objetivo", modelo: completo() },
    {
      nombre: "la hoja no tiene la columna (lo dice Estructura)",
      modelo: modelo({
        indicadores: [indicador({ codigo: "I1", codigoObjetivo: null, metaVigencia: 5 })],
        hoja: { sinColumnas: ["codigoObjetivo"] },
      }),
    },
  ],
  invalidos: [
    {
      nombre: "indicador sin código de objetivo",
      modelo: modelo({
        indicadores: [...objetivoCompleto("O1"), indicador({ codigo: "I7", codigoObjetivo: null, metaVigencia: 5 })],
      }),
      hallazgos: [{ celda: "A8", mensaje: "El indicador I7 no tiene código de objetivo" }],
    },
    {
      nombre: "código de objetivo en blanco",
      modelo: modelo({ indicadores: [indicador({ codigo: "I7", codigoObjetivo: "   ", metaVigencia: 5 })] }),
      hallazgos: [{ celda: "A6", mensaje: "Escriba en A6 el código del objetivo" }],
    },
  ],
});

probarRegla(cvIndSinProducto, {
  validos: [
    { nombre: "indicadores de producto con su producto", modelo: completo() },
    {
      nombre: "sin tipo y sin producto: es de objetivo",
      modelo: modelo({ indicadores: [indicador({ codigo: "I1", tipo: null, tipoTexto: null, metaVigencia: 5 })] }),
    },
  ],
  invalidos: [
    {
      nombre: "tipo Producto sin código de producto",
      modelo: modelo({
        indicadores: [...objetivoCompleto("O1"), indicador({ codigo: "I8", tipo: "PRODUCTO", metaVigencia: 5 })],
      }),
      hallazgos: [{ celda: "C8", mensaje: "El indicador I8 es de tipo Producto pero no tiene código de producto" }],
    },
    {
      nombre: "código de producto en blanco",
      modelo: modelo({
        indicadores: [indicador({ codigo: "I8", tipo: "PRODUCTO", codigoProducto: " ", metaVigencia: 5 })],
      }),
      hallazgos: [{ celda: "C6", mensaje: "Escriba en C6" }],
    },
  ],
});

probarRegla(cvObjInexistente, {
  validos: [
    { nombre: "objetivos con nombre", modelo: completo() },
    {
      nombre: "el nombre solo en la primera fila (celdas combinadas)",
      modelo: modelo({ indicadores: objetivoCompleto("O1").map((i, n) => (n === 0 ? i : { ...i, objetivo: null })) }),
    },
    {
      nombre: "la hoja no tiene columna Objetivo",
      modelo: modelo({
        indicadores: objetivoCompleto("O1").map((i) => ({ ...i, objetivo: null })),
        hoja: { sinColumnas: ["objetivo"] },
      }),
    },
  ],
  invalidos: [
    {
      nombre: "código de objetivo sin nombre en ninguna fila",
      modelo: modelo({
        indicadores: [
          ...objetivoCompleto("O1"),
          indicador({ codigo: "I12", codigoObjetivo: "O9", objetivo: null, metaVigencia: 5 }),
          indicador({ codigo: "I13", codigoObjetivo: "O9", objetivo: null, metaVigencia: 5 }),
        ],
      }),
      hallazgos: [
        {
          celda: "A8",
          mensaje: "El código de objetivo O9 (filas de I12 y I13) no tiene nombre de objetivo en ninguna fila",
        },
      ],
    },
    {
      nombre: "nombre «-» (vacío)",
      modelo: modelo({
        indicadores: [indicador({ codigo: "I1", codigoObjetivo: "O4", objetivo: "-", metaVigencia: 5 })],
      }),
      hallazgos: [{ celda: "A6", mensaje: "código de objetivo O4" }],
    },
  ],
});

probarRegla(cvProdInexistente, {
  validos: [
    { nombre: "productos con nombre", modelo: completo() },
    {
      nombre: "la hoja no tiene columna Producto",
      modelo: modelo({
        indicadores: objetivoCompleto("O1").map((i) => ({ ...i, producto: null })),
        hoja: { sinColumnas: ["producto"] },
      }),
    },
  ],
  invalidos: [
    {
      nombre: "código de producto sin nombre",
      modelo: modelo({
        indicadores: [
          ...objetivoCompleto("O1"),
          indicador({ codigo: "I21", codigoProducto: "P9", producto: null, metaVigencia: 5 }),
        ],
      }),
      hallazgos: [{ celda: "C8", mensaje: "El código de producto P9 (filas de I21) no tiene nombre de producto" }],
    },
    {
      nombre: "dos productos sin nombre",
      modelo: modelo({
        indicadores: [
          indicador({ codigo: "I1", codigoProducto: "P1", producto: "", metaVigencia: 5 }),
          indicador({ codigo: "I2", codigoProducto: "P2", producto: null, metaVigencia: 5 }),
        ],
      }),
      hallazgos: [
        { celda: "C6", mensaje: "P1" },
        { celda: "C7", mensaje: "P2" },
      ],
    },
  ],
});

probarRegla(cvProdVariosObjetivos, {
  validos: [
    {
      nombre: "cada producto en su objetivo",
      modelo: modelo({ indicadores: [...objetivoCompleto("O1"), ...objetivoCompleto("O2")] }),
    },
    {
      nombre: "el mismo objetivo escrito distinto (o1 / «O1 »)",
      modelo: modelo({
        indicadores: [
          indicador({ codigo: "I1", codigoObjetivo: "o1", codigoProducto: "P1", metaVigencia: 5 }),
          indicador({ codigo: "I2", codigoObjetivo: "O1 ", codigoProducto: "P1", metaVigencia: 5 }),
        ],
      }),
    },
  ],
  invalidos: [
    {
      nombre: "producto en dos objetivos",
      modelo: modelo({
        indicadores: [
          indicador({ codigo: "I1", codigoObjetivo: "O1", codigoProducto: "P2", metaVigencia: 5 }),
          indicador({ codigo: "I2", codigoObjetivo: "O3", codigoProducto: "P2", metaVigencia: 5 }),
        ],
      }),
      hallazgos: [{ celda: "A7", mensaje: "El producto P2 aparece en los objetivos O1 y O3" }],
    },
    {
      nombre: "producto en tres objetivos: un hallazgo",
      modelo: modelo({
        indicadores: [
          indicador({ codigo: "I1", codigoObjetivo: "O1", codigoProducto: "P2", metaVigencia: 5 }),
          indicador({ codigo: "I2", codigoObjetivo: "O1", codigoProducto: "P2", metaVigencia: 5 }),
          indicador({ codigo: "I3", codigoObjetivo: "O2", codigoProducto: "P2", metaVigencia: 5 }),
          indicador({ codigo: "I4", codigoObjetivo: "O3", codigoProducto: "P2", metaVigencia: 5 }),
        ],
      }),
      hallazgos: [{ celda: "A8", mensaje: "O1, O2 y O3" }],
    },
  ],
});

probarRegla(cvIndCodigoDuplicado, {
  validos: [
    { nombre: "códigos únicos", modelo: completo() },
    {
      nombre: "el mismo código en otra vigencia",
      modelo: modelo({
        indicadores: [
          indicador({ codigo: "I1", metaVigencia: 5 }),
          indicador({ codigo: "I1", vigencia: 2024, metaVigencia: 5 }),
        ],
      }),
    },
  ],
  invalidos: [
    {
      nombre: "código repetido",
      modelo: modelo({
        indicadores: [
          indicador({ codigo: "I1", nombre: "Personas atendidas", metaVigencia: 5 }),
          indicador({ codigo: "I1", nombre: "Otro", metaVigencia: 5 }),
        ],
      }),
      hallazgos: [
        { celda: "F7", mensaje: "El código de indicador I1 está repetido: ya lo usa la fila 6 («Personas atendidas»)" },
      ],
    },
    {
      nombre: "tres filas con el mismo código escrito distinto",
      modelo: modelo({
        indicadores: [
          indicador({ codigo: "i1", metaVigencia: 5 }),
          indicador({ codigo: "I2", metaVigencia: 5 }),
          indicador({ codigo: "I1 ", metaVigencia: 5 }),
          indicador({ codigo: " I1", metaVigencia: 5 }),
        ],
      }),
      hallazgos: [
        { celda: "F8", mensaje: "I1 está repetido" },
        { celda: "F9", mensaje: "I1 está repetido" },
      ],
    },
  ],
});

probarRegla(cvObjNombreInconsistente, {
  validos: [
    {
      nombre: "mismo nombre con otras mayúsculas, tildes, espacios y punto final",
      modelo: modelo({
        indicadores: [
          indicador({ codigo: "I1", objetivo: "Reducir la deserción escolar", metaVigencia: 5 }),
          indicador({ codigo: "I2", objetivo: "reducir la  desercion escolar.", metaVigencia: 5 }),
        ],
      }),
    },
    {
      nombre: "filas sin nombre no cuentan",
      modelo: modelo({
        indicadores: [
          indicador({ codigo: "I1", metaVigencia: 5 }),
          indicador({ codigo: "I2", objetivo: null, metaVigencia: 5 }),
        ],
      }),
    },
  ],
  invalidos: [
    {
      nombre: "dos nombres para O1",
      modelo: modelo({
        indicadores: [
          indicador({ codigo: "I1", objetivo: "Reducir la pobreza", metaVigencia: 5 }),
          indicador({ codigo: "I2", objetivo: "Reducir la pobreza extrema", metaVigencia: 5 }),
        ],
      }),
      hallazgos: [
        {
          celda: "B7",
          mensaje:
            "El objetivo O1 tiene nombres distintos: aquí «Reducir la pobreza extrema» y en la fila 6 «Reducir la pobreza»",
        },
      ],
    },
    {
      nombre: "tres nombres: un hallazgo por nombre distinto",
      modelo: modelo({
        indicadores: [
          indicador({ codigo: "I1", objetivo: "A", metaVigencia: 5 }),
          indicador({ codigo: "I2", objetivo: "B", metaVigencia: 5 }),
          indicador({ codigo: "I3", objetivo: "A", metaVigencia: 5 }),
          indicador({ codigo: "I4", objetivo: "C", metaVigencia: 5 }),
          indicador({ codigo: "I5", objetivo: "b", metaVigencia: 5 }),
        ],
      }),
      hallazgos: [
        { celda: "B7", mensaje: "«B»" },
        { celda: "B9", mensaje: "«C»" },
      ],
    },
  ],
});

probarRegla(cvProdNombreInconsistente, {
  validos: [
    {
      nombre: "productos con un solo nombre",
      modelo: modelo({ indicadores: [...objetivoCompleto("O1"), ...objetivoCompleto("O2")] }),
    },
    {
      nombre: "nombre repetido con otra forma",
      modelo: modelo({
        indicadores: [
          indicador({ codigo: "I1", codigoProducto: "P1", producto: "Kits escolares", metaVigencia: 5 }),
          indicador({ codigo: "I2", codigoProducto: "P1", producto: "KITS ESCOLARES", metaVigencia: 5 }),
        ],
      }),
    },
  ],
  invalidos: [
    {
      nombre: "dos nombres para P1",
      modelo: modelo({
        indicadores: [
          indicador({ codigo: "I1", codigoProducto: "P1", producto: "Jornadas de refuerzo escolar", metaVigencia: 5 }),
          indicador({ codigo: "I2", codigoProducto: "P1", producto: "Jornadas de refuerzo", metaVigencia: 5 }),
        ],
      }),
      hallazgos: [{ celda: "D7", mensaje: "El producto P1 tiene nombres distintos" }],
    },
    {
      nombre: "dos productos con nombres distintos",
      modelo: modelo({
        indicadores: [
          indicador({ codigo: "I1", codigoProducto: "P1", producto: "X", metaVigencia: 5 }),
          indicador({ codigo: "I2", codigoProducto: "P2", producto: "Y", metaVigencia: 5 }),
          indicador({ codigo: "I3", codigoProducto: "P1", producto: "Z", metaVigencia: 5 }),
          indicador({ codigo: "I4", codigoProducto: "P2", producto: "W", metaVigencia: 5 }),
        ],
      }),
      hallazgos: [
        { celda: "D8", mensaje: "P1" },
        { celda: "D9", mensaje: "P2" },
      ],
    },
  ],
});

probarRegla(cvTipoInvalido, {
  validos: [
    { nombre: "tipos del catálogo", modelo: completo() },
    {
      nombre: "tipo vacío",
      modelo: modelo({ indicadores: [indicador({ codigo: "I1", tipo: null, tipoTexto: null, metaVigencia: 5 })] }),
    },
  ],
  invalidos: [
    {
      nombre: "tipo «Resultado»",
      modelo: modelo({
        indicadores: [indicador({ codigo: "I4", tipo: null, tipoTexto: "Resultado", metaVigencia: 5 })],
      }),
      hallazgos: [{ celda: "E6", mensaje: "El tipo de indicador «Resultado» de I4 no está en el catálogo" }],
    },
    {
      nombre: "dos tipos fuera del catálogo",
      modelo: modelo({
        indicadores: [
          indicador({ codigo: "I1", tipo: null, tipoTexto: "Gestión", metaVigencia: 5 }),
          indicador({ codigo: "I2", metaVigencia: 5 }),
          indicador({ codigo: "I3", tipo: null, tipoTexto: "Impacto", metaVigencia: 5 }),
        ],
      }),
      hallazgos: [
        { celda: "E6", mensaje: "«Gestión»" },
        { celda: "E8", mensaje: "«Impacto»" },
      ],
    },
  ],
});

probarRegla(cvIndSinMeta, {
  validos: [
    { nombre: "con meta vigencia", modelo: completo() },
    { nombre: "solo meta plan", modelo: modelo({ indicadores: [indicador({ codigo: "I1", metaPlan: 100 })] }) },
    {
      nombre: "solo programación mensual",
      modelo: modelo({ indicadores: [indicador({ codigo: "I1", programado: serie(0, 5) })] }),
    },
    {
      nombre: "la meta vigencia es ilegible (lo dice Estructura)",
      modelo: modelo({
        indicadores: [indicador({ codigo: "I1" })],
        lectura: [{ tipo: "valor-ilegible", hoja: "PMR", celda: "O6", campo: "metaVigencia", detalle: "cien" }],
      }),
    },
  ],
  invalidos: [
    {
      nombre: "sin ninguna meta",
      modelo: modelo({ indicadores: [...objetivoCompleto("O1"), indicador({ codigo: "I5" })] }),
      hallazgos: [{ celda: "O8", mensaje: "El indicador I5 no tiene ninguna meta" }],
    },
    {
      nombre: "dos indicadores sin meta (solo ejecución)",
      modelo: modelo({ indicadores: [indicador({ codigo: "I1", ejecutado: serie(3) }), indicador({ codigo: "I2" })] }),
      hallazgos: [
        { celda: "O6", mensaje: "I1" },
        { celda: "O7", mensaje: "I2" },
      ],
    },
  ],
});

probarRegla(cvPonderacionSuma, {
  validos: [
    { nombre: "50 % + 50 %", modelo: completo() },
    {
      nombre: "sin ponderaciones: todos pesan igual",
      modelo: modelo({ indicadores: objetivoCompleto("O1").map((i) => ({ ...i, ponderacion: null })) }),
    },
    {
      nombre: "un indicador sin programación en la vigencia no entra en la suma",
      modelo: modelo({
        indicadores: [...objetivoCompleto("O1"), indicador({ codigo: "I3", ponderacion: 0.2, metaPlan: 50 })],
      }),
    },
    {
      nombre: "tres tercios redondeados (33,33 %) dentro de la tolerancia",
      modelo: modelo({
        indicadores: [1, 2, 3].map((n) => indicador({ codigo: `I${n}`, ponderacion: 0.3333, metaVigencia: 10 })),
      }),
    },
  ],
  invalidos: [
    {
      nombre: "suman 90 %",
      modelo: modelo({
        indicadores: [
          ...objetivoCompleto("O1"),
          indicador({
            codigo: "I9",
            codigoObjetivo: "O2",
            objetivo: "Objetivo dos",
            ponderacion: 0.5,
            metaVigencia: 5,
          }),
          indicador({
            codigo: "I10",
            codigoObjetivo: "O2",
            objetivo: "Objetivo dos",
            ponderacion: 0.4,
            metaVigencia: 5,
          }),
        ],
      }),
      hallazgos: [
        {
          celda: "K8:K9",
          mensaje:
            "La ponderación de los indicadores del objetivo O2 suma 90,00\u00a0%; debe sumar 100 %. Ajuste las celdas K8:K9.",
        },
      ],
    },
    {
      nombre: "uno sin ponderación cuenta como 0 %",
      modelo: modelo({
        indicadores: [
          indicador({ codigo: "I1", ponderacion: 0.6, metaVigencia: 5 }),
          indicador({ codigo: "I2", ponderacion: null, programado: serie(1, 1) }),
        ],
      }),
      hallazgos: [
        { celda: "K6:K7", mensaje: "suma 60,00\u00a0%; debe sumar 100 %. I2 no tiene ponderación y cuenta como 0 %." },
      ],
    },
    {
      nombre: "un solo indicador con 80 %",
      modelo: modelo({ indicadores: [indicador({ codigo: "I1", ponderacion: 0.8, metaVigencia: 5 })] }),
      hallazgos: [{ celda: "K6", mensaje: "suma 80,00\u00a0%" }],
    },
  ],
});

probarRegla(cvPonderacionFaltante, {
  validos: [
    { nombre: "todos con ponderación", modelo: completo() },
    {
      nombre: "ninguno con ponderación",
      modelo: modelo({ indicadores: objetivoCompleto("O1").map((i) => ({ ...i, ponderacion: null })) }),
    },
    {
      nombre: "el que no tiene ponderación no está programado",
      modelo: modelo({
        indicadores: [
          indicador({ codigo: "I1", ponderacion: 1, metaVigencia: 5 }),
          indicador({ codigo: "I2", metaPlan: 10 }),
        ],
      }),
    },
  ],
  invalidos: [
    {
      nombre: "uno sin ponderación",
      modelo: modelo({
        indicadores: [
          indicador({ codigo: "I1", ponderacion: 1, metaVigencia: 5 }),
          indicador({ codigo: "I3", metaVigencia: 5 }),
        ],
      }),
      hallazgos: [
        { celda: "K7", mensaje: "El indicador I3 no tiene ponderación, pero otros indicadores del objetivo O1 sí" },
      ],
    },
    {
      nombre: "dos sin ponderación",
      modelo: modelo({
        indicadores: [
          indicador({ codigo: "I1", metaVigencia: 5 }),
          indicador({ codigo: "I2", ponderacion: 1, metaVigencia: 5 }),
          indicador({ codigo: "I3", metaVigencia: 5 }),
        ],
      }),
      hallazgos: [
        { celda: "K6", mensaje: "I1" },
        { celda: "K8", mensaje: "I3" },
      ],
    },
  ],
});
