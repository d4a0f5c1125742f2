/**
 * Reglas que mostraron los libros reales: avance fuera de todo rango plausible, línea base «N/D»
 * en un Decreciente, códigos que contradicen su jerarquía, metas de todas las vigencias que pasan
 * la meta plan; y los mensajes de sobrecumplimiento y cierre cuando no hay columna Observaciones.
 */
import { cvCodigoJerarquia } from "../../src/rules/cadena-valor/cv-codigo-jerarquia";
import { metDecrecienteSinLb } from "../../src/rules/metas/met-decreciente-sin-lb";
import { metLbSinDato } from "../../src/rules/metas/met-lb-sin-dato";
import { metSumaVigenciasMayorMp } from "../../src/rules/metas/met-suma-vigencias-mayor-mp";
import { segAvanceImplausible } from "../../src/rules/seguimiento/seg-avance-implausible";
import { segCierreSinObservaciones } from "../../src/rules/seguimiento/seg-cierre-sin-observaciones";
import { segSobrecumplimientoSinJustificacion } from "../../src/rules/seguimiento/seg-sobrecumplimiento-sin-justificacion";
import { leerModelo } from "../../src/workbook/lector";
import { grillaPmr } from "../../src/workbook/plantilla";
import { doce, indicador, modelo, objetivoCompleto, serie } from "./fabrica";
import { ejecutarRegla, probarRegla } from "./probador";

// Columnas (fabrica.ts): F código, L línea base, M meta plan, O meta vigencia, AB… ejecutado,
// AO… cualitativo, BA observaciones. Primera fila: 6.
const uno = (p: Parameters<typeof indicador>[0]) => modelo({ indicadores: [indicador({ codigo: "I1", ...p })] });

probarRegla(segAvanceImplausible, {
  validos: [
    { nombre: "avances normales", modelo: modelo({ indicadores: objetivoCompleto("O1") }) },
    { nombre: "10 veces lo programado justo", modelo: uno({ metaVigencia: 10, ejecutado: serie(100) }) },
    { nombre: "sin programación (sin avance)", modelo: uno({ ejecutado: serie(5) }) },
  ],
  invalidos: [
    {
      nombre: "la ejecución en otra escala que la meta (85 frente a 0,85)",
      modelo: uno({
        tendencia: "CRECIENTE",
        unidad: "Porcentaje",
        metaVigencia: 0.85,
        ejecutado: serie(80, 85),
      }),
      hallazgos: [
        {
          celda: "AC6",
          mensaje:
            "El avance del indicador I1 al corte (febrero) es 10.000,00\u00a0%: más de 10 veces lo programado, lo que no es plausible. Revise si la ejecución (AC6) y la meta están en la misma escala",
        },
      ],
    },
    {
      nombre: "Decreciente con la ejecución por encima de la línea base: avance negativo",
      modelo: uno({ tendencia: "DECRECIENTE", lineaBase: 10, metaVigencia: 8, ejecutado: serie(null, null, 13) }),
      hallazgos: [
        {
          celda: "AD6",
          mensaje:
            "El avance del indicador I1 al corte (marzo) es -150,00\u00a0%: un avance negativo no es posible. En un indicador Decreciente pasa cuando la ejecución está por encima de la línea base",
        },
      ],
    },
  ],
});

probarRegla(metLbSinDato, {
  validos: [
    { nombre: "Decreciente con línea base", modelo: uno({ tendencia: "DECRECIENTE", lineaBase: 10 }) },
    { nombre: "«N/D» en un Suma (no la necesita)", modelo: uno({ lineaBaseTexto: "N/D" }) },
    {
      nombre: "Decreciente con la celda vacía (lo dice MET-DECRECIENTE-SIN-LB)",
      modelo: uno({ tendencia: "DECRECIENTE" }),
    },
  ],
  invalidos: [
    {
      nombre: "«N/D» leída del libro",
      modelo: leerModelo({
        hojas: [
          grillaPmr([
            {
              codigoObjetivo: "O1",
              objetivo: "Obj",
              codigo: "I1",
              nombre: "Tasa",
              tendencia: "Decreciente",
              lineaBase: "N/D",
              metaVigencia: 3,
            },
          ]),
        ],
      }),
      hallazgos: [
        {
          celda: "L2",
          mensaje:
            "La línea base del indicador I1 dice «N/D» (L2), que se lee como «sin dato». El indicador es Decreciente y necesita línea base: sin ella su avance se calcula como programado / ejecutado",
        },
      ],
    },
    {
      nombre: "«Sin dato» con el método inverso",
      modelo: uno({ tendencia: "DECRECIENTE", lineaBaseTexto: "Sin dato" }),
      config: { metodoDecreciente: "inversa" },
      hallazgos: [
        {
          celda: "L6",
          mensaje:
            "dice «Sin dato» (L6), que se lee como «sin dato». El indicador es Decreciente y necesita línea base. Escriba",
        },
      ],
    },
  ],
});

describe("MET-DECRECIENTE-SIN-LB deja a MET-LB-SIN-DATO la celda que dice «N/D»", () => {
  it("un solo hallazgo por celda", () => {
    const m = uno({ tendencia: "DECRECIENTE", lineaBaseTexto: "ND" });
    expect(ejecutarRegla(metDecrecienteSinLb, m)).toEqual([]);
    expect(ejecutarRegla(metLbSinDato, m)).toHaveLength(1);
  });
});

/** Un objetivo con productos e indicadores de código jerárquico. */
function jerarquia(extra: Parameters<typeof indicador>[0][] = []) {
  const ind = (o: string, p: string | null, c: string) =>
    indicador({ codigoObjetivo: o, codigoProducto: p, codigo: c, tipo: p ? "PRODUCTO" : "OBJETIVO" });
  return modelo({
    indicadores: [
      ind("2", null, "IO 2.1"),
      ind("2", "P2.1", "IP 2.1.1"),
      ind("2", "P2.1", "IP 2.1.2"),
      ind("2", "P2.2", "IP 2.2.1"),
      ind("2", "P2.2", "IP 2.2.2"),
      ind("2", "P2.3", "IP 2.3.1"),
      ...extra.map((e) => indicador(e)),
    ],
  });
}

probarRegla(cvCodigoJerarquia, {
  validos: [
    { nombre: "todos siguen la jerarquía", modelo: jerarquia() },
    {
      nombre: "el libro no usa códigos jerárquicos",
      modelo: modelo({
        indicadores: [
          indicador({ codigoObjetivo: "O1", codigo: "I-7" }),
          indicador({ codigoObjetivo: "O1", codigoProducto: "P2", codigo: "IND.3.1" }),
        ],
      }),
    },
  ],
  invalidos: [
    {
      nombre: "IP 3.2.1 bajo el producto 2.1",
      modelo: jerarquia([{ codigoObjetivo: "2", codigoProducto: "P2.1", codigo: "IP 3.2.1", tipo: "PRODUCTO" }]),
      hallazgos: [
        {
          celda: "F12",
          mensaje:
            "El código del indicador IP 3.2.1 no corresponde a su producto P2.1: en este libro los códigos siguen la jerarquía objetivo → producto → indicador (2.1 → 2.1.1). Revise el código (F12) o el producto de la fila.",
        },
      ],
    },
    {
      nombre: "un indicador de objetivo con el prefijo de otro objetivo",
      modelo: jerarquia([{ codigoObjetivo: "2", codigo: "IO 3.4", tipo: "OBJETIVO" }]),
      hallazgos: [{ celda: "F12", mensaje: "no corresponde a su objetivo 2" }],
    },
  ],
});

probarRegla(metSumaVigenciasMayorMp, {
  validos: [
    { nombre: "una sola vigencia", modelo: uno({ metaPlan: 100, metaVigencia: 40 }) },
    {
      nombre: "las vigencias suman la meta plan",
      modelo: modelo({
        indicadores: [
          indicador({ codigo: "I1", vigencia: 2025, metaPlan: 100, metaVigencia: 40 }),
          indicador({ codigo: "I1", vigencia: 2024, metaPlan: 100, metaVigencia: 60 }),
        ],
      }),
    },
    {
      nombre: "un Creciente (la meta de cada año no se suma)",
      modelo: modelo({
        indicadores: [
          indicador({ codigo: "I1", tendencia: "CRECIENTE", vigencia: 2025, metaPlan: 100, metaVigencia: 90 }),
          indicador({ codigo: "I1", tendencia: "CRECIENTE", vigencia: 2024, metaPlan: 100, metaVigencia: 80 }),
        ],
      }),
    },
  ],
  invalidos: [
    {
      nombre: "tres vigencias que pasan la meta plan",
      modelo: modelo({
        indicadores: [
          indicador({ codigo: "I3", vigencia: 2025, metaPlan: 1200, metaVigencia: 500 }),
          indicador({ codigo: "I3", vigencia: 2024, metaPlan: 1200, metaVigencia: 500 }),
          indicador({ codigo: "i3 ", vigencia: 2026, metaPlan: 1200, metaVigencia: 500 }),
        ],
      }),
      config: { vigencia: 2025 },
      hallazgos: [
        {
          celda: "O6",
          mensaje:
            "La suma de las metas vigencia del indicador I3 en las vigencias 2024, 2025 y 2026 (1.500,00) es mayor que su meta plan (1.200,00, M6)",
        },
      ],
    },
    {
      nombre: "la vigencia pedida no es la más reciente",
      modelo: modelo({
        indicadores: [
          indicador({ codigo: "I1", vigencia: 2025, metaPlan: 100, metaVigencia: 70 }),
          indicador({ codigo: "I1", vigencia: 2024, metaPlan: 100, metaVigencia: 60 }),
        ],
      }),
      config: { vigencia: 2024 },
      hallazgos: [{ celda: "O7", mensaje: "en las vigencias 2024 y 2025 (130,00)" }],
    },
  ],
});

describe("sobrecumplimiento: la justificación puede estar en el avance cualitativo del mes", () => {
  const sobrecumplido = (p: Parameters<typeof indicador>[0] = {}) =>
    indicador({ codigo: "I1", metaVigencia: 120, programado: doce(10), ejecutado: serie(20, 20, 20), ...p });
  it("un texto del corte que explica el sobrecumplimiento justifica", () => {
    const m = modelo({
      indicadores: [sobrecumplido({ cualitativo: serie(null, null, "Se superó la meta por mayor demanda en marzo.") })],
    });
    expect(ejecutarRegla(segSobrecumplimientoSinJustificacion, m)).toEqual([]);
  });
  it("un texto que no lo explica no justifica", () => {
    const m = modelo({
      indicadores: [sobrecumplido({ cualitativo: serie(null, null, "Se atendieron 20 personas.") })],
    });
    expect(ejecutarRegla(segSobrecumplimientoSinJustificacion, m).map((h) => h.celda)).toEqual(["BA6"]);
  });
  it("sin columna Observaciones el mensaje no señala otra columna como Observaciones", () => {
    const m = modelo({
      indicadores: [sobrecumplido({ cualitativo: serie(null, null, "Se atendieron 20 personas.") })],
      hoja: { sinColumnas: ["observaciones"] },
    });
    const [h] = ejecutarRegla(segSobrecumplimientoSinJustificacion, m);
    expect(h.celda).toBe("AQ6");
    expect(h.mensaje).toContain(
      "La hoja no tiene columna Observaciones: explique por qué se superó lo programado en el avance cualitativo de marzo (AQ6) o en una columna Observaciones",
    );
    expect(h.mensaje).not.toMatch(/Observaciones \(/);
  });
  it("sin Observaciones ni cualitativo: el mensaje pide la columna", () => {
    const m = modelo({ indicadores: [sobrecumplido()], hoja: { sinColumnas: ["observaciones", "cualitativo"] } });
    const [h] = ejecutarRegla(segSobrecumplimientoSinJustificacion, m);
    expect(h.celda).toBe("F6");
    expect(h.mensaje).toContain("explique por qué se superó lo programado en una columna Observaciones");
  });
});

describe("cierre sin observaciones cuando no hay columna Observaciones", () => {
  it("el mensaje pide agregarla y no nombra la celda del código como Observaciones", () => {
    const m = modelo({
      indicadores: [indicador({ codigo: "I1", metaVigencia: 120, ejecutado: serie(10) })],
      hoja: { sinColumnas: ["observaciones"] },
    });
    const [h] = ejecutarRegla(segCierreSinObservaciones, m, { corte: 12 });
    expect(h.celda).toBe("F6");
    expect(h.mensaje).toContain("La hoja no tiene columna Observaciones: agréguela");
    expect(h.mensaje).not.toContain("(F6)");
  });
});
