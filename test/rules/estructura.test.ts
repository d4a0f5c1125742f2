import type { ProblemaLectura } from "../../src/domain";
import { estColumnaDuplicada } from "../../src/rules/estructura/est-columna-duplicada";
import { estColumnaFaltante } from "../../src/rules/estructura/est-columna-faltante";
import { estErrorCelda } from "../../src/rules/estructura/est-error-celda";
import { estHojaFaltante } from "../../src/rules/estructura/est-hoja-faltante";
import { estPmrSinFilas } from "../../src/rules/estructura/est-pmr-sin-filas";
import { estValorIlegible } from "../../src/rules/estructura/est-valor-ilegible";
import { estFechaEnNumero } from "../../src/rules/estructura/est-fecha-en-numero";
import { FILAS_BUSQUEDA_ENCABEZADO } from "../../src/workbook/encabezado";
import { estVigenciasOmitidas } from "../../src/rules/estructura/est-vigencias-omitidas";
import { estDatosGuardados } from "../../src/rules/estructura/est-datos-guardados";
import { leerModelo } from "../../src/workbook/lector";
import { indicador, modelo, objetivoCompleto } from "./fabrica";
import { probarRegla } from "./probador";

const problema = (p: Partial<ProblemaLectura> & Pick<ProblemaLectura, "tipo">): ProblemaLectura => ({
  hoja: "PMR",
  celda: null,
  campo: null,
  detalle: "",
  ...p,
});
const completo = (lectura: ProblemaLectura[] = []) => modelo({ indicadores: objetivoCompleto("O1"), lectura });
const otros = () =>
  completo([
    problema({ tipo: "columna-duplicada", celda: "BC5", detalle: "Meta vigencia" }),
    problema({ tipo: "valor-ilegible", celda: "O6", campo: "metaVigencia", detalle: "cien" }),
  ]);

probarRegla(estHojaFaltante, {
  validos: [
    { nombre: "sin problemas de lectura", modelo: completo() },
    { nombre: "otros problemas", modelo: otros() },
  ],
  invalidos: [
    {
      nombre: "no hay hoja PMR",
      // El problema tal como lo deja el lector: las columnas que busca y las hojas del libro.
      modelo: modelo({
        sinPmr: true,
        lectura: leerModelo({ hojas: [{ nombre: "Resumen", valores: [["Código", "Meta"]] }] }).lectura,
      }),
      hallazgos: [
        {
          celda: "A1",
          mensaje:
            "ni tiene los encabezados obligatorios: «Código objetivo», «Objetivo», «Código indicador», «Indicador», «Tendencia» y «Meta vigencia» (o la programación mensual). Hojas del libro: «Resumen».",
        },
      ],
    },
    {
      nombre: "con celda y sin detalle",
      modelo: modelo({ sinPmr: true, lectura: [problema({ tipo: "hoja-faltante", hoja: "Hoja1", celda: "A1" })] }),
      hallazgos: [
        {
          hoja: "Hoja1",
          celda: "A1",
          mensaje: "ni tiene los encabezados obligatorios. Sin ella no se puede revisar el PMR.",
        },
      ],
    },
  ],
});

probarRegla(estColumnaFaltante, {
  validos: [
    { nombre: "sin problemas de lectura", modelo: completo() },
    { nombre: "otros problemas", modelo: otros() },
  ],
  invalidos: [
    {
      nombre: "falta Tendencia",
      modelo: completo([
        problema({ tipo: "columna-faltante", celda: "A5:BA5", campo: "tendencia", detalle: "Tendencia" }),
      ]),
      hallazgos: [{ celda: "A5:BA5", mensaje: "Falta la columna obligatoria «Tendencia» en la hoja «PMR»" }],
    },
    {
      nombre: "sin celda",
      modelo: completo([problema({ tipo: "columna-faltante", detalle: "Código indicador" })]),
      hallazgos: [{ celda: "A1", mensaje: "«Código indicador»" }],
    },
    {
      // El encabezado en la fila 31 no se encuentra: el mensaje dice dónde se buscó.
      nombre: "encabezado debajo de las filas en que se busca",
      modelo: modelo({
        sinPmr: true,
        lectura: leerModelo({
          hojas: [
            {
              nombre: "PMR",
              valores: [
                ...Array.from({ length: FILAS_BUSQUEDA_ENCABEZADO }, () => [""]),
                ["Código objetivo", "Objetivo", "Código indicador", "Indicador", "Tendencia", "Meta vigencia"],
              ],
            },
          ],
        }).lectura.filter((p) => p.campo === "tendencia"),
      }),
      hallazgos: [
        {
          celda: "A1",
          mensaje: `en la fila de encabezados (se busca en las primeras ${FILAS_BUSQUEDA_ENCABEZADO} filas de la hoja)`,
        },
      ],
    },
  ],
});

probarRegla(estFechaEnNumero, {
  validos: [
    { nombre: "sin problemas de lectura", modelo: completo() },
    { nombre: "otros problemas", modelo: otros() },
  ],
  invalidos: [
    {
      nombre: "una fecha en la meta vigencia",
      modelo: completo([
        problema({ tipo: "fecha-en-numero", celda: "O6", campo: "metaVigencia", detalle: "31/01/2025, número 45688" }),
      ]),
      hallazgos: [
        {
          celda: "O6",
          mensaje:
            "La celda O6 (Meta vigencia) tiene formato de fecha (31/01/2025, número 45688): se tomó ese número como la cifra.",
        },
      ],
    },
    {
      nombre: "una hora en la ejecución de marzo, en el presupuesto",
      modelo: completo([
        problema({
          tipo: "fecha-en-numero",
          hoja: "PMR_Presupuesto",
          celda: "G4",
          campo: "compromisos.3",
          detalle: "número 0,5",
        }),
      ]),
      hallazgos: [
        { hoja: "PMR_Presupuesto", celda: "G4", mensaje: "(Compromisos marzo) tiene formato de fecha (número 0,5)" },
      ],
    },
  ],
});

probarRegla(estErrorCelda, {
  validos: [
    { nombre: "sin problemas de lectura", modelo: completo() },
    { nombre: "otros problemas", modelo: otros() },
  ],
  invalidos: [
    {
      nombre: "#REF! en la meta vigencia",
      modelo: completo([problema({ tipo: "error-celda", celda: "O6", campo: "metaVigencia", detalle: "#REF!" })]),
      hallazgos: [
        {
          celda: "O6",
          mensaje: "La celda O6 (Meta vigencia) tiene el error de Excel #REF!; su valor se tomó como vacío",
        },
      ],
    },
    {
      nombre: "#N/A en la ejecución de marzo y en el presupuesto",
      modelo: completo([
        problema({ tipo: "error-celda", celda: "AD7", campo: "ejecutado.3", detalle: "#N/A" }),
        problema({
          tipo: "error-celda",
          hoja: "PMR_Presupuesto",
          celda: "D4",
          campo: "apropiacion",
          detalle: "#DIV/0!",
        }),
      ]),
      hallazgos: [
        { celda: "AD7", mensaje: "(Ejecutado marzo) tiene el error de Excel #N/A" },
        { hoja: "PMR_Presupuesto", celda: "D4", mensaje: "(Apropiación vigente) tiene el error de Excel #DIV/0!" },
      ],
    },
  ],
});

probarRegla(estValorIlegible, {
  validos: [
    { nombre: "sin problemas de lectura", modelo: completo() },
    { nombre: "otros problemas", modelo: completo([problema({ tipo: "error-celda", celda: "O6", detalle: "#REF!" })]) },
  ],
  invalidos: [
    {
      nombre: "«cien personas»",
      modelo: completo([
        problema({ tipo: "valor-ilegible", celda: "AD14", campo: "ejecutado.3", detalle: "cien personas" }),
      ]),
      hallazgos: [
        {
          celda: "AD14",
          mensaje: "La celda AD14 (Ejecutado marzo) dice «cien personas», que no se puede leer como número",
        },
      ],
    },
    {
      nombre: "dos celdas",
      modelo: completo([
        problema({ tipo: "valor-ilegible", celda: "L6", campo: "lineaBase", detalle: "ND" }),
        problema({ tipo: "valor-ilegible", celda: "L7", campo: "lineaBase", detalle: "aprox. 5" }),
      ]),
      hallazgos: [
        { celda: "L6", mensaje: "«ND»" },
        { celda: "L7", mensaje: "«aprox. 5»" },
      ],
    },
  ],
});

probarRegla(estColumnaDuplicada, {
  validos: [
    { nombre: "sin problemas de lectura", modelo: completo() },
    { nombre: "otros problemas", modelo: completo([problema({ tipo: "error-celda", celda: "O6", detalle: "#REF!" })]) },
  ],
  invalidos: [
    {
      nombre: "dos columnas Meta vigencia",
      modelo: completo([
        problema({ tipo: "columna-duplicada", celda: "BC5", campo: "metaVigencia", detalle: "Meta vigencia" }),
      ]),
      hallazgos: [
        { celda: "BC5", mensaje: "La hoja «PMR» tiene otra columna «Meta vigencia» (BC5); se usa la primera" },
      ],
    },
    {
      nombre: "en la hoja territorial",
      modelo: completo([
        problema({ tipo: "columna-duplicada", hoja: "PMR_Territorial", celda: "E1", detalle: "Localidad" }),
      ]),
      hallazgos: [{ hoja: "PMR_Territorial", celda: "E1", mensaje: "«Localidad»" }],
    },
  ],
});

probarRegla(estVigenciasOmitidas, {
  validos: [
    { nombre: "una sola vigencia", modelo: completo() },
    {
      nombre: "filas sin vigencia se evalúan",
      modelo: modelo({ indicadores: [indicador({ codigo: "I1" }), indicador({ codigo: "I2", vigencia: null })] }),
    },
    {
      nombre: "ninguna fila de la vigencia pedida (lo dice EST-PMR-SIN-FILAS)",
      modelo: completo(),
      config: { vigencia: 2030 },
    },
  ],
  invalidos: [
    {
      nombre: "dos filas de 2024",
      modelo: modelo({
        indicadores: [
          indicador({ codigo: "I1" }),
          indicador({ codigo: "I1", vigencia: 2024 }),
          indicador({ codigo: "I2", vigencia: 2024 }),
        ],
      }),
      hallazgos: [{ celda: "N5", mensaje: "Se evaluó la vigencia 2025; se omitieron 2 filas de la vigencia 2024" }],
    },
    {
      nombre: "vigencia pedida con otras antes y después",
      modelo: modelo({
        indicadores: [
          indicador({ codigo: "I1", vigencia: 2023 }),
          indicador({ codigo: "I1", vigencia: 2024 }),
          indicador({ codigo: "I1", vigencia: 2025 }),
        ],
      }),
      config: { vigencia: 2024 },
      hallazgos: [{ celda: "N5", mensaje: "se omitieron 2 filas de las vigencias 2023 y 2025" }],
    },
  ],
});

probarRegla(estPmrSinFilas, {
  validos: [
    { nombre: "con filas", modelo: completo() },
    { nombre: "sin hoja PMR (lo dice EST-HOJA-FALTANTE)", modelo: modelo({ sinPmr: true }) },
  ],
  invalidos: [
    {
      nombre: "hoja vacía",
      modelo: modelo({ indicadores: [] }),
      hallazgos: [{ celda: "F5", mensaje: "no tiene filas de indicadores debajo de la fila de encabezados" }],
    },
    {
      nombre: "ninguna fila de la vigencia pedida",
      modelo: completo(),
      config: { vigencia: 2030 },
      hallazgos: [
        {
          celda: "F5",
          mensaje:
            "La hoja «PMR» no tiene filas de la vigencia 2030: no hay indicadores que revisar y no se hicieron las demás revisiones. La vigencia del libro es 2025: elíjala",
        },
      ],
    },
    {
      nombre: "ninguna fila de la vigencia pedida, con filas de dos vigencias",
      modelo: modelo({
        indicadores: [indicador({ codigo: "I1", vigencia: 2023 }), indicador({ codigo: "I1", vigencia: 2025 })],
      }),
      config: { vigencia: 2024 },
      hallazgos: [{ celda: "F5", mensaje: "Las vigencias del libro son 2023 y 2025: elija una de ellas" }],
    },
  ],
});

probarRegla(estDatosGuardados, {
  validos: [
    { nombre: "nada guardado", modelo: completo() },
    { nombre: "lo guardado se leyó bien", modelo: completo(), guardado: { problemas: [] } },
  ],
  invalidos: [
    {
      nombre: "configuración guardada no válida: se dice y que rigió la de defecto",
      modelo: completo(),
      guardado: {
        problemas: [
          { ranura: "configuracion", mensaje: "La configuración guardada en el libro no es válida: «corte» (13)." },
        ],
      },
      hallazgos: [
        {
          celda: "A1",
          mensaje:
            "La configuración guardada en el libro no es válida: «corte» (13). Se validó con la configuración por defecto",
        },
      ],
    },
    {
      nombre: "dos problemas de otra ranura: uno por problema, con claves distintas",
      modelo: completo(),
      guardado: {
        problemas: [
          { ranura: "sellos", mensaje: "Lo guardado está incompleto (hay 9 de sus 10 partes)." },
          { ranura: "sellos", mensaje: "La huella no coincide." },
        ],
      },
      hallazgos: [
        { celda: "A1", mensaje: "(hay 9 de sus 10 partes). Lo guardado no se usó en esta validación." },
        { celda: "A1", mensaje: "La huella no coincide. Lo guardado no se usó" },
      ],
    },
  ],
});
