/**
 * Reglas de Estructura que dicen lo que el lector decidió o no pudo leer (avisos del lector):
 * columnas no leídas o ambiguas, columnas de cifras con textos, escala de las ponderaciones,
 * metas de otra vigencia, códigos en los nombres, filas históricas, reporte por periodos y tipos
 * deducidos. Los casos salen de libros leídos con el lector (test/workbook/disposiciones.ts)
 * o de avisos escritos a mano.
 */
import type { AvisoLectura } from "../../src/domain";
import { estCodigosEnNombres } from "../../src/rules/estructura/est-codigos-en-nombres";
import { estColumnaAmbigua } from "../../src/rules/estructura/est-columna-ambigua";
import { estColumnaNoLeida } from "../../src/rules/estructura/est-columna-no-leida";
import { estColumnaCalculada } from "../../src/rules/estructura/est-columna-calculada";
import { estColumnaTexto } from "../../src/rules/estructura/est-columna-texto";
import { estEscalaPonderacion } from "../../src/rules/estructura/est-escala-ponderacion";
import { estFilasHistoricas } from "../../src/rules/estructura/est-filas-historicas";
import { estMetaOtraVigencia } from "../../src/rules/estructura/est-meta-otra-vigencia";
import { estReportePeriodico } from "../../src/rules/estructura/est-reporte-periodico";
import { estTipoDeducido } from "../../src/rules/estructura/est-tipo-deducido";
import { leerModelo } from "../../src/workbook/lector";
import type { GrillaHoja } from "../../src/workbook/grilla";
import { FILAS_TRIMESTRALES, conEncabezado, grillaPmr, porPeriodos } from "../workbook/disposiciones";
import { indicador, modelo, objetivoCompleto } from "./fabrica";
import { probarRegla } from "./probador";

const base = grillaPmr(FILAS_TRIMESTRALES);
const leido = (g: GrillaHoja) => leerModelo({ hojas: [g] });
const completo = (avisos: AvisoLectura[] = []) => modelo({ indicadores: objetivoCompleto("O1"), avisos });
const sinAvisos = () => completo();
/** Un aviso de otro tipo (ninguna regla debe tomarlo por el suyo). */
const otroAviso: AvisoLectura = { tipo: "columna-no-leida", hoja: "PMR", celda: "Z5", encabezado: "Meta producto" };

probarRegla(estColumnaNoLeida, {
  validos: [
    { nombre: "la plantilla canónica", modelo: leido(base) },
    {
      nombre: "una columna sin palabras de un dato («Responsable»)",
      modelo: leido(conEncabezado(base, "observaciones", "Responsable")),
    },
    { nombre: "sin avisos", modelo: sinAvisos() },
  ],
  invalidos: [
    {
      nombre: "un peso con una palabra que no es calificador",
      modelo: leido(conEncabezado(base, "ponderacion", "Peso estratégico")),
      hallazgos: [
        {
          celda: "K1",
          mensaje: "La columna «Peso estratégico» (K1) de la hoja «PMR» parece un dato del PMR, pero no se leyó",
        },
      ],
    },
    {
      nombre: "trimestres sueltos, sin serie",
      modelo: leido(porPeriodos(base, "ejecutado", "trimestral", (i) => `Q${i + 1}`)),
      hallazgos: [
        { celda: "AB1", mensaje: "«Q1» (AB1)" },
        { celda: "AC1", mensaje: "«Q2» (AC1)" },
        { celda: "AD1", mensaje: "«Q3» (AD1)" },
      ],
    },
    {
      nombre: "dos columnas con el mismo encabezado: claves distintas",
      modelo: completo([otroAviso, { ...otroAviso, celda: "AA5" }]),
      hallazgos: [
        { celda: "Z5", mensaje: "«Meta producto» (Z5)" },
        { celda: "AA5", mensaje: "«Meta producto» (AA5)" },
      ],
    },
  ],
});

probarRegla(estColumnaCalculada, {
  validos: [
    { nombre: "la plantilla canónica", modelo: leido(base) },
    {
      nombre: "«Meta (%)» no es un cálculo (la informa EST-COLUMNA-NO-LEIDA si no se lee)",
      modelo: leido(conEncabezado(base, "observaciones", "Meta (%)")),
    },
  ],
  invalidos: [
    {
      nombre: "«% de avance» con datos, en lugar de Observaciones",
      modelo: leido(conEncabezado(base, "observaciones", "% de avance")),
      hallazgos: [
        { celda: "BA1", mensaje: "La columna «% de avance» (BA1) de la hoja «PMR» parece un porcentaje calculado" },
      ],
    },
    {
      nombre: "«Porcentaje de cumplimiento de la meta»",
      modelo: leido(conEncabezado(base, "observaciones", "Porcentaje de cumplimiento de la meta")),
      hallazgos: [{ celda: "BA1", mensaje: "«Porcentaje de cumplimiento de la meta» (BA1)" }],
    },
  ],
});

probarRegla(estColumnaAmbigua, {
  validos: [
    { nombre: "la plantilla canónica", modelo: leido(base) },
    { nombre: "otros avisos", modelo: completo([otroAviso]) },
  ],
  invalidos: [
    {
      nombre: "«Meta plan / Meta vigencia»",
      modelo: leido(conEncabezado(base, "metaVigencia", "Meta plan / Meta vigencia")),
      hallazgos: [{ celda: "O1", mensaje: "podría ser «Meta plan» o «Meta vigencia»: no se leyó" }],
    },
    {
      nombre: "tres campos",
      modelo: completo([
        {
          tipo: "columna-ambigua",
          hoja: "PMR",
          celda: "L5",
          encabezado: "LB / MP / MV",
          campos: ["lineaBase", "metaPlan", "metaVigencia"],
        },
      ]),
      hallazgos: [{ celda: "L5", mensaje: "podría ser «Línea base», «Meta plan» o «Meta vigencia»" }],
    },
  ],
});

/** La ejecución por trimestre bajo «Avance», con texto en `filas` filas del primer trimestre. */
function conTextos(filas: number): GrillaHoja {
  const g = porPeriodos(base, "ejecutado", "trimestral", (i) => `${["I", "II", "III", "IV"][i]} Trimestre`, "Avance");
  for (let r = 2; r < 2 + filas; r++) g.valores[r][27] = `Se avanzó según lo previsto (${r})`;
  return g;
}

probarRegla(estColumnaTexto, {
  validos: [
    { nombre: "cifras", modelo: leido(conTextos(0)) },
    { nombre: "dos textos no bastan", modelo: leido(conTextos(2)) },
    { nombre: "la mitad o menos son textos", modelo: leido(conTextos(3)) },
  ],
  invalidos: [
    {
      nombre: "4 de 6 celdas con texto",
      modelo: leido(conTextos(4)),
      hallazgos: [
        {
          celda: "AB2",
          mensaje:
            "La columna «Avance I Trimestre» (AB2) se leyó como «Ejecutado marzo», que lleva cifras, pero 4 de sus 6 celdas con dato son textos (p. ej. «Se avanzó según lo previsto (2)» en AB3): se tomaron como vacías.",
        },
      ],
    },
    {
      nombre: "todas",
      modelo: leido(conTextos(6)),
      hallazgos: [{ celda: "AB2", mensaje: "6 de sus 6 celdas con dato son textos" }],
    },
  ],
});

probarRegla(estEscalaPonderacion, {
  validos: [
    { nombre: "fracciones que suman 1", modelo: leido(base) },
    {
      nombre: "puntos mayores que 1 (no cambia nada)",
      modelo: leido(grillaPmr(FILAS_TRIMESTRALES.map((f, i) => ({ ...f, ponderacion: [30, 45, 25, 50, 30, 20][i] })))),
    },
  ],
  invalidos: [
    {
      nombre: "un objetivo en puntos con valores hasta 1",
      modelo: leido(
        grillaPmr(FILAS_TRIMESTRALES.map((f, i) => ({ ...f, ponderacion: [0.3, 0.45, 0.25, 99.1, 0.5, 0.4][i] }))),
      ),
      hallazgos: [
        {
          celda: "K5:K7",
          mensaje:
            "Las ponderaciones del objetivo 2 (K5:K7) suman 100,00 y algunas son menores o iguales a 1 (p. ej. 0,50): se leyeron todas como puntos porcentuales (0,50 = 0,50 %), no como fracciones (0,50 = 50,00\u00a0%).",
        },
      ],
    },
    {
      nombre: "toda la vigencia en puntos (0,71 % cada uno)",
      modelo: leido(
        grillaPmr(
          Array.from({ length: 140 }, (_, i) => ({
            ...FILAS_TRIMESTRALES[1],
            codigoObjetivo: `O${1 + (i % 7)}`,
            codigo: `I${i}`,
            ponderacion: i < 20 ? 0.72 : 0.7133,
          })),
        ),
      ),
      hallazgos: [
        {
          celda: "K2:K141",
          mensaje:
            "Las ponderaciones de la vigencia (K2:K141) suman 100,00 y algunas son menores o iguales a 1 (p. ej. 0,72)",
        },
      ],
    },
  ],
});

probarRegla(estMetaOtraVigencia, {
  validos: [
    { nombre: "«Meta 2025» con filas de 2025", modelo: leido(conEncabezado(base, "metaVigencia", "Meta 2025")) },
    { nombre: "otros avisos", modelo: completo([otroAviso]) },
  ],
  invalidos: [
    {
      nombre: "«Meta 2026» con filas de 2025",
      modelo: leido(conEncabezado(base, "metaVigencia", "Meta 2026")),
      hallazgos: [
        {
          celda: "O1",
          mensaje:
            "La columna «Meta 2026» (O1) es la meta de 2026, pero 6 filas son de la vigencia 2025: en ellas no se tomó como meta vigencia (quedó vacía).",
        },
      ],
    },
    {
      nombre: "otra columna con año que no se usa, y varias sin saber cuál",
      modelo: completo([
        {
          tipo: "meta-otra-vigencia",
          hoja: "PMR",
          celda: "P5",
          encabezado: "Meta 2026",
          anio: 2026,
          filas: 0,
          vigencias: [],
          usada: "Meta 2025",
        },
        {
          tipo: "meta-otra-vigencia",
          hoja: "PMR",
          celda: "Q5",
          encabezado: "Meta 2027",
          anio: 2027,
          filas: 0,
          vigencias: [],
          usada: null,
        },
      ]),
      hallazgos: [
        { celda: "P5", mensaje: "es la meta de 2026 y no se leyó: como meta vigencia se usa «Meta 2025»" },
        { celda: "Q5", mensaje: "no se pudo saber cuál es la de la vigencia: «Meta 2027» (Q5) no se leyó" },
      ],
    },
  ],
});

probarRegla(estCodigosEnNombres, {
  validos: [
    { nombre: "con columnas de código", modelo: leido(base) },
    { nombre: "otros avisos", modelo: completo([otroAviso]) },
  ],
  invalidos: [
    {
      nombre: "códigos de indicador en los nombres",
      modelo: leido({
        nombre: "PMR",
        valores: [
          ["Código objetivo", "Objetivo", "Indicador", "Tendencia", "Meta vigencia"],
          ["1", "Obj", "1.1. Tasa de deserción", "Suma", 10],
          ["1", "Obj", "1.2 - Estudiantes", "Suma", 10],
        ],
      }),
      hallazgos: [
        {
          celda: "C2",
          mensaje:
            "La hoja «PMR» no tiene columna «Código indicador»: los códigos se tomaron del comienzo de los nombres de la columna «Indicador» (p. ej. «1.1» de «1.1. Tasa de deserción», C2).",
        },
      ],
    },
    {
      nombre: "de objetivo y de producto",
      modelo: completo([
        {
          tipo: "codigos-en-nombres",
          hoja: "PMR",
          celda: "B6",
          campo: "codigoObjetivo",
          encabezado: "Objetivo",
          ejemplo: "O1. Reducir",
          codigo: "O1",
        },
        {
          tipo: "codigos-en-nombres",
          hoja: "PMR",
          celda: "D7",
          campo: "codigoProducto",
          encabezado: "Producto",
          ejemplo: "P1.1 Apoyos",
          codigo: "P1.1",
        },
      ]),
      hallazgos: [
        { celda: "B6", mensaje: "no tiene columna «Código objetivo»" },
        { celda: "D7", mensaje: "no tiene columna «Código producto»" },
      ],
    },
  ],
});

probarRegla(estFilasHistoricas, {
  validos: [
    { nombre: "sin filas históricas", modelo: completo() },
    { nombre: "lista vacía", modelo: modelo({ indicadores: objetivoCompleto("O1"), hoja: { historicos: [] } }) },
  ],
  invalidos: [
    {
      nombre: "marcadas en Estado del indicador",
      modelo: modelo({
        indicadores: objetivoCompleto("O1"),
        hoja: {
          estadoIndicador: 53,
          historicos: [
            indicador({ fila: 14, codigo: "IP2.1.3", estadoIndicador: "No vigente", retiro: "No vigente" }),
            indicador({ fila: 30, codigo: "IP4.2.2", estadoIndicador: "Retirado", retiro: "Retirado" }),
          ],
        },
      }),
      hallazgos: [
        {
          celda: "BB14",
          mensaje:
            "En la hoja «PMR» se dejaron fuera 2 filas marcadas como históricas («No vigente» y «Retirado»): IP2.1.3 (fila 14) y IP4.2.2 (fila 30).",
        },
      ],
    },
    {
      nombre: "marcada en Observaciones",
      modelo: modelo({
        indicadores: objetivoCompleto("O1"),
        hoja: { historicos: [indicador({ fila: 9, codigo: null, observaciones: "Eliminado", retiro: "Eliminado" })] },
      }),
      hallazgos: [{ celda: "BA9", mensaje: "se dejó fuera 1 fila marcada como histórica («Eliminado»): fila 9." }],
    },
  ],
});

probarRegla(estReportePeriodico, {
  validos: [
    { nombre: "por mes", modelo: leido(base) },
    { nombre: "sin reporte (modelo que no viene del lector)", modelo: completo() },
  ],
  invalidos: [
    {
      nombre: "ejecución por trimestre",
      modelo: leido(porPeriodos(base, "ejecutado", "trimestral", (i) => `Avance Q${i + 1}`)),
      hallazgos: [
        {
          celda: "AB1",
          mensaje:
            "La ejecución de la hoja «PMR» viene por trimestre (reporte trimestral): cada periodo se leyó en su mes de cierre (marzo, junio, septiembre y diciembre)",
        },
      ],
    },
    {
      nombre: "programación por semestre y ejecución mezclada",
      modelo: modelo({
        indicadores: objetivoCompleto("O1"),
        hoja: { reporte: { programado: "semestral", ejecutado: "mixto", cualitativo: "mensual" } },
      }),
      hallazgos: [
        {
          celda: "P5",
          mensaje:
            "La programación de la hoja «PMR» viene por semestre (reporte semestral): cada periodo se leyó en su mes de cierre (junio y diciembre)",
        },
        {
          celda: "AB5",
          mensaje: "La ejecución de la hoja «PMR» viene por meses y por periodos mezclados (reporte mixto)",
        },
      ],
    },
  ],
});

probarRegla(estTipoDeducido, {
  validos: [
    { nombre: "Objetivo y Producto", modelo: completo() },
    {
      nombre: "Resultado, De producto, vacío",
      modelo: modelo({
        indicadores: [
          indicador({ codigo: "I1", tipoTexto: "Resultado" }),
          indicador({ codigo: "I2", tipoTexto: "De producto", codigoProducto: "P1" }),
          indicador({ codigo: "I3", tipoTexto: null }),
        ],
      }),
    },
  ],
  invalidos: [
    {
      nombre: "«Gestión» en dos filas",
      modelo: modelo({
        indicadores: [
          indicador({ codigo: "I1", tipoTexto: "Gestión", tipo: "OBJETIVO" }),
          indicador({ codigo: "I2", tipoTexto: "gestion", tipo: "PRODUCTO", codigoProducto: "P1" }),
        ],
      }),
      hallazgos: [{ celda: "E6", mensaje: "2 filas dicen «Gestión» en Tipo indicador (p. ej. E6)" }],
    },
    {
      nombre: "«Indicador de gestión» en una fila",
      modelo: modelo({
        indicadores: [indicador({ codigo: "I1", tipoTexto: "Indicador de gestión", tipo: "OBJETIVO" })],
      }),
      hallazgos: [{ celda: "E6", mensaje: "1 fila dice «Indicador de gestión»" }],
    },
  ],
});
