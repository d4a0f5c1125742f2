import { cifrasAcumuladas } from "../../src/rules/cualitativo/cifras";
import { cualAcumuladoDistinto } from "../../src/rules/cualitativo/cual-acumulado-distinto";
import { cualFaltante } from "../../src/rules/cualitativo/cual-faltante";
import { cualLongitud } from "../../src/rules/cualitativo/cual-longitud";
import { doce, enMeses, indicador, modelo, objetivoCompleto, serie, type OpcionesHojaPmr } from "./fabrica";
import { ejecutarRegla, probarRegla } from "./probador";

// Cualitativo: AO enero, AP febrero, AQ marzo… (o una sola columna AO con `cualitativoActual`).
// Ejecutado: AB enero… Primera fila: 6.

const completo = () => modelo({ indicadores: objetivoCompleto("O1") });
const uno = (p: Parameters<typeof indicador>[0], hoja?: OpcionesHojaPmr) =>
  modelo({ indicadores: [indicador({ codigo: "I1", metaVigencia: 120, programado: doce(10), ...p })], hoja });

describe("cifrasAcumuladas", () => {
  it.each([
    ["En el mes se atendieron 10 personas; acumulado de 30 personas.", [30], false],
    ["Avance acumulado: 45 %", [45], true],
    ["Se han atendido 120 personas en total", [120], false],
    ["Para un acumulado de 1.234,5 toneladas", [1234.5], false],
    ["El acumulado a marzo es de 300 visitas", [300], false],
    ["Acumulado a 31 de marzo de 2025: 90", [90], false],
    ["El avance acumulado del indicador es 45,5%", [45.5], true],
    ["300 beneficiarios acumulados", [300], false],
    ["120 personas atendidas a la fecha", [120], false],
    ["Se realizaron 3 visitas en el mes, para 12 en total", [12], false],
    ["Acumulado 2025: 300", [300], false],
    ["ACUMULADO  DE  1.234,5 TONELADAS", [1234.5], false],
    ["Avance acumulado:\u00a045\u00a0%", [45], true],
    ["Se atendieron 80 niñas y niños en   total", [80], false],
  ])("%s → %j", (texto, valores, porcentaje) => {
    const cifras = cifrasAcumuladas(texto);
    expect(cifras.map((c) => c.valor)).toEqual(valores);
    expect(cifras.every((c) => c.porcentaje === porcentaje)).toBe(true);
  });

  it.each([
    "Sin novedades en el mes.",
    "La meta acumulada de 500 personas se cumplirá en junio",
    "Se atendieron 40 personas en el mes",
    "Con corte a 31 de marzo a la fecha se llevan 12",
    "Van 3 meses acumulados sin novedad",
    "En 2025 a la fecha van 40 kits",
    "El programado acumulado es 200",
    "Acumulado del cuatrienio de 5.000",
  ])("no declara un acumulado: %s", (texto) => {
    expect(cifrasAcumuladas(texto)).toEqual([]);
  });

  it("cita el fragmento tal como está escrito", () => {
    expect(
      cifrasAcumuladas("Según el reporte, el Acumulado a Marzo es de 1.200 kits.").map((c) => c.fragmento),
    ).toEqual(["Acumulado a Marzo es de 1.200"]);
    expect(cifrasAcumuladas("Van 120 Personas atendidas a la fecha.").map((c) => c.fragmento)).toEqual([
      "120 Personas atendidas a la fecha",
    ]);
  });

  it("cuenta los decimales escritos (para el redondeo)", () => {
    expect(cifrasAcumuladas("acumulado de 1.234,56").map((c) => c.decimales)).toEqual([2]);
    expect(cifrasAcumuladas("acumulado de 1.234").map((c) => [c.valor, c.decimales])).toEqual([[1234, 0]]);
  });
});

probarRegla(cualLongitud, {
  validos: [
    { nombre: "textos cortos", modelo: completo() },
    { nombre: "exactamente 250 caracteres", modelo: uno({ cualitativo: serie("a".repeat(250)) }) },
    {
      nombre: "250 caracteres con un emoji (cuenta como uno)",
      modelo: uno({ cualitativo: serie("a".repeat(249) + "✅") }),
    },
    {
      nombre: "280 con máximo de 300",
      modelo: uno({ cualitativo: serie("a".repeat(280)) }),
      config: { longitudMaximaCualitativo: 300 },
    },
  ],
  invalidos: [
    {
      nombre: "312 caracteres en marzo",
      modelo: uno({ codigo: "I3", cualitativo: serie(null, null, "b".repeat(312)) }),
      hallazgos: [
        {
          celda: "AQ6",
          mensaje:
            "El avance cualitativo de marzo del indicador I3 tiene 312 caracteres; el máximo es 250. Resúmalo en AQ6 (sobran 62).",
        },
      ],
    },
    {
      nombre: "columna única del corte",
      modelo: uno({ ejecutado: serie(10, 10), cualitativoActual: "c".repeat(251) }, { cualitativoActual: true }),
      hallazgos: [
        { celda: "AO6", mensaje: "El avance cualitativo del corte (febrero) del indicador I1 tiene 251 caracteres" },
      ],
    },
  ],
});

probarRegla(cualFaltante, {
  validos: [
    { nombre: "cada mes reportado tiene texto", modelo: completo() },
    {
      nombre: "mes sin ejecución no necesita texto",
      modelo: uno({ ejecutado: serie(10, null, 10), cualitativo: serie("Enero.", null, "Marzo.") }),
    },
    {
      nombre: "columna única: solo se revisa el corte",
      modelo: uno({ ejecutado: serie(10, 10), cualitativoActual: "Febrero." }, { cualitativoActual: true }),
    },
    { nombre: "sin columnas cualitativas y sin ejecución", modelo: uno({}, { sinColumnas: ["cualitativo"] }) },
  ],
  invalidos: [
    {
      nombre: "marzo ejecutado sin texto",
      modelo: uno({ codigo: "I3", ejecutado: serie(10, 10, 10), cualitativo: serie("Enero.", "Febrero.", "  ") }),
      hallazgos: [
        {
          celda: "AQ6",
          mensaje:
            "Falta el avance cualitativo de marzo del indicador I3, que reporta ejecución ese mes (AD6). Escriba en AQ6",
        },
      ],
    },
    {
      nombre: "la hoja no tiene columnas cualitativas",
      modelo: uno({ ejecutado: serie(10) }, { sinColumnas: ["cualitativo"] }),
      hallazgos: [{ celda: "F5", mensaje: "La hoja «PMR» no tiene columnas de avance cualitativo" }],
    },
    {
      nombre: "columna única vacía al corte, con un cero reportado",
      modelo: uno({ ejecutado: serie(10, 0) }, { cualitativoActual: true }),
      hallazgos: [{ celda: "AO6", mensaje: "Falta el avance cualitativo de febrero" }],
    },
  ],
});

probarRegla(cualAcumuladoDistinto, {
  validos: [
    { nombre: "los textos dicen el acumulado correcto", modelo: completo() },
    {
      nombre: "el texto no declara ninguna cifra acumulada",
      modelo: uno({ ejecutado: serie(10), cualitativo: serie("Se atendieron 10 personas en el mes.") }),
    },
    {
      nombre: "porcentaje que coincide con el avance (30 de 120 = 25 %)",
      modelo: uno({
        metaVigencia: 120,
        programado: doce(null),
        ejecutado: serie(10, 10, 10),
        cualitativo: serie(null, null, "Avance acumulado: 25 %"),
      }),
    },
    {
      nombre: "unidad en porcentaje guardada como fracción",
      modelo: uno({
        unidad: "Porcentaje",
        tendencia: "CRECIENTE",
        metaVigencia: 0.5,
        programado: doce(null),
        ejecutado: serie(0.4, 0.45),
        cualitativo: serie(null, "La cobertura acumulada es de 45 %"),
      }),
    },
    {
      nombre: "redondeo de la cifra escrita",
      modelo: uno({ ejecutado: serie(10.4, 10.3), cualitativo: serie(null, "acumulado de 21") }),
    },
    {
      nombre: "meta acumulada (no es un logro)",
      modelo: uno({ ejecutado: serie(10), cualitativo: serie("La meta acumulada de 500 se cumplirá en diciembre.") }),
    },
  ],
  invalidos: [
    {
      nombre: "el texto dice 1.200 y el acumulado es 1.150",
      modelo: uno({
        codigo: "I3",
        metaVigencia: 5000,
        programado: doce(null),
        ejecutado: serie(400, 400, 350),
        cualitativo: serie(null, null, "Se lleva un acumulado de 1.200 kits entregados."),
      }),
      hallazgos: [
        {
          celda: "AQ6",
          mensaje:
            "El avance cualitativo de marzo del indicador I3 dice «acumulado de 1.200», pero el acumulado calculado a marzo es 1.150,00. Corrija la cifra del texto (AQ6)",
        },
      ],
    },
    {
      nombre: "«en total» en febrero con otra cifra",
      modelo: uno({ ejecutado: serie(10, 10), cualitativo: serie(null, "Se han atendido 120 personas en total") }),
      hallazgos: [
        { celda: "AP6", mensaje: "dice «120 personas en total», pero el acumulado calculado a febrero es 20" },
      ],
    },
    {
      nombre: "porcentaje que no coincide con el avance",
      modelo: uno({
        metaVigencia: 120,
        programado: doce(null),
        ejecutado: serie(10, 10, 10),
        cualitativo: serie(null, null, "Avance acumulado: 45 %"),
      }),
      hallazgos: [{ celda: "AQ6", mensaje: "pero el avance calculado a marzo es 25,00\u00a0%" }],
    },
    {
      nombre: "dos cifras presentadas como acumulado y ninguna coincide: se cita la primera",
      modelo: uno({
        ejecutado: serie(10, 10, 10),
        cualitativo: serie(null, null, "Acumulado de 25 personas; en total 27 atenciones."),
      }),
      hallazgos: [{ celda: "AQ6", mensaje: "dice «Acumulado de 25», pero el acumulado calculado a marzo es 30" }],
    },
    {
      nombre: "un mes sin ejecución después de otros: se compara con el acumulado a la fecha",
      modelo: uno({ ejecutado: serie(10, null, null), cualitativo: serie(null, null, "Acumulado de 40 personas") }),
      config: { corte: 3 },
      hallazgos: [{ celda: "AQ6", mensaje: "pero el acumulado calculado a marzo es 10" }],
    },
  ],
});

describe("CUAL-ACUMULADO-DISTINTO no grita en falso", () => {
  const regla = (m: ReturnType<typeof uno>) => ejecutarRegla(cualAcumuladoDistinto, m);
  it.each([
    [
      "una de varias cifras presentadas como acumulado o total coincide",
      "Acumulado del mes 10; acumulado de 30 personas a la fecha",
    ],
    [
      "el total coincide aunque el «acumulado» sea de otra cosa",
      "Meta acumulada: 500; acumulado 45 talleres; en total 30",
    ],
    [
      "la etiqueta va con otra cifra y el acumulado está en el texto",
      "Se lleva un acumulado de 3 meses de operación con 30 personas",
    ],
    ["la cifra coincide sin la palabra «acumulado» en ella", "acumulado: se atendieron 10 en el mes, 30 desde enero"],
  ])("%s", (_n, texto) => {
    expect(regla(uno({ ejecutado: serie(10, 10, 10), cualitativo: serie(null, null, texto) }))).toEqual([]);
  });

  it("un mes sin ninguna ejecución hasta la fecha no se compara con «acumulado 0»", () => {
    const m = uno({ ejecutado: enMeses({ 2: 5 }), cualitativo: serie("Acumulado de 5 personas") });
    expect(regla(m)).toEqual([]);
    // Ningún mensaje dice que el acumulado sea 0 cuando no hay ejecución.
    const otro = uno({ ejecutado: doce(null), cualitativo: serie("Acumulado de 12", "Acumulado de 20") });
    expect(regla(otro)).toEqual([]);
  });
});
