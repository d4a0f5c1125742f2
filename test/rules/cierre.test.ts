/**
 * Reglas de Cierre: el libro contra los sellos guardados (que llegan por el contexto, como en
 * `validar`). Cada caso sella un modelo y luego lo cambia.
 */
import { type Indicador, type ModeloPmr } from "../../src/domain";
import { sellarEvaluacion, type Sello } from "../../src/domain/sellos";
import type { DatosGuardados } from "../../src/rules/contexto";
import { cieIndicadorAnadido } from "../../src/rules/cierre/cie-indicador-anadido";
import { cieIndicadorEliminado } from "../../src/rules/cierre/cie-indicador-eliminado";
import { cieProgramacionCambiada } from "../../src/rules/cierre/cie-programacion-cambiada";
import { cieSelloAlterado } from "../../src/rules/cierre/cie-sello-alterado";
import { cieValorSelladoCambiado } from "../../src/rules/cierre/cie-valor-sellado-cambiado";
import { configuracion, evaluacionDe, indicador, modelo, serie } from "./fabrica";
import { ejecutarRegla, probarRegla } from "./probador";

const FECHA = "2025-07-03T15:00:00.000Z";

function base(): Indicador[] {
  return [
    indicador({
      codigo: "I1",
      metaVigencia: 120,
      metaPlan: 400,
      lineaBase: 10,
      ponderacion: 0.5,
      programado: serie(10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10),
      ejecutado: serie(9, 11, 10, 10, 12, 8),
      cualitativo: serie<string>("Avance de enero", "Avance de febrero", null, null, null, "Junio bien"),
    }),
    indicador({
      codigo: "I2",
      metaVigencia: 12,
      ponderacion: 0.5,
      programado: serie(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1),
      ejecutado: serie(1, 1, 1, 1, 1, 1),
    }),
  ];
}

function sellar(m: ModeloPmr, mes: number, fecha = FECHA): Sello {
  return sellarEvaluacion(evaluacionDe(m, configuracion()), { mes, fecha, nota: "Cierre", hoja: "PMR" });
}

function con(...sellos: Sello[]): DatosGuardados {
  return { problemas: [], sellos: { sellos, ilegibles: [] } };
}

const selladoJunio = con(sellar(modelo({ indicadores: base() }), 6));

/** Los indicadores de base con cambios en el indicador `i`. */
function cambiado(i: number, cambio: Partial<Indicador>, inds = base()): Indicador[] {
  return inds.map((ind, k) => (k === i ? { ...ind, ...cambio } : ind));
}

probarRegla(cieValorSelladoCambiado, {
  validos: [
    { nombre: "sin cambios", modelo: modelo({ indicadores: base() }), guardado: selladoJunio },
    {
      nombre: "filas en otro orden (y más abajo)",
      modelo: modelo({ indicadores: [base()[1], base()[0]].map((x, k) => ({ ...x, fila: 20 + k })) }),
      guardado: selladoJunio,
    },
    {
      nombre: "un mes no sellado (julio) cambió",
      modelo: modelo({ indicadores: cambiado(0, { ejecutado: serie(9, 11, 10, 10, 12, 8, 99) }) }),
      guardado: selladoJunio,
    },
    {
      nombre: "sin sellos",
      modelo: modelo({ indicadores: cambiado(0, { ejecutado: serie(1) }) }),
    },
    {
      nombre: "un sello de otra vigencia",
      modelo: modelo({ indicadores: cambiado(0, { ejecutado: serie(1) }) }),
      guardado: con({ ...sellar(modelo({ indicadores: base() }), 6), vigencia: 2024 }),
    },
  ],
  invalidos: [
    {
      nombre: "ejecutado de junio cambiado: valor sellado y actual en la celda actual",
      modelo: modelo({ indicadores: cambiado(0, { ejecutado: serie(9, 11, 10, 10, 12, 80) }) }),
      guardado: selladoJunio,
      hallazgos: [{ celda: "AG6", mensaje: "valor sellado 8,00, valor actual 80,00" }],
    },
    {
      nombre: "la fila se movió y además cambió: la celda es la nueva",
      modelo: modelo({
        indicadores: [
          base()[1],
          { ...base()[0], programado: serie(10, 10, 15, 10, 10, 10, 10, 10, 10, 10, 10, 10) },
        ].map((x, k) => ({
          ...x,
          fila: 30 + k,
        })),
      }),
      guardado: selladoJunio,
      hallazgos: [{ celda: "R31", mensaje: "La programación de marzo del indicador I1" }],
    },
    {
      nombre: "un valor sellado borrado y un texto cualitativo cambiado",
      modelo: modelo({
        indicadores: cambiado(0, {
          ejecutado: serie(null, 11, 10, 10, 12, 8),
          cualitativo: serie<string>("Avance de enero", "Otro texto", null, null, null, "Junio bien"),
        }),
      }),
      guardado: selladoJunio,
      hallazgos: [
        { celda: "AB6", mensaje: "valor sellado 9,00, valor actual vacío" },
        { celda: "AP6", mensaje: "el texto sellado era otro y ahora dice «Otro texto»" },
      ],
    },
    {
      nombre: "dos sellos (6 y 12): diciembre rige todos los meses, un hallazgo por celda",
      modelo: modelo({ indicadores: cambiado(1, { ejecutado: serie(2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 7) }) }),
      guardado: con(
        sellar(modelo({ indicadores: cambiado(1, { ejecutado: serie(1, 1, 1, 1, 1, 1) }) }), 6),
        sellar(
          modelo({ indicadores: cambiado(1, { ejecutado: serie(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1) }) }),
          12,
          "2026-01-10T12:00:00.000Z",
        ),
      ),
      hallazgos: [
        { celda: "AB7", mensaje: "sello de diciembre de 2025 (sellado el 10/01/2026)" },
        { celda: "AM7", mensaje: "valor sellado 1,00, valor actual 7,00" },
      ],
    },
  ],
});

probarRegla(cieProgramacionCambiada, {
  validos: [
    { nombre: "sin cambios", modelo: modelo({ indicadores: base() }), guardado: selladoJunio },
    {
      nombre: "cambia un campo que no es de programación (el nombre)",
      modelo: modelo({ indicadores: cambiado(0, { nombre: "Otro nombre" }) }),
      guardado: selladoJunio,
    },
  ],
  invalidos: [
    {
      nombre: "meta vigencia cambiada",
      modelo: modelo({ indicadores: cambiado(0, { metaVigencia: 100 }) }),
      guardado: selladoJunio,
      hallazgos: [{ celda: "O6", mensaje: "valor sellado 120,00, valor actual 100,00" }],
    },
    {
      nombre: "ponderación y tendencia cambiadas",
      modelo: modelo({
        indicadores: cambiado(1, { ponderacion: 0.4, tendencia: "CRECIENTE", tendenciaTexto: "Creciente" }),
      }),
      guardado: selladoJunio,
      hallazgos: [
        { celda: "I7", mensaje: "valor sellado Suma, valor actual Creciente" },
        { celda: "K7", mensaje: "valor sellado 50,00\u00a0%, valor actual 40,00\u00a0%" },
      ],
    },
  ],
});

probarRegla(cieIndicadorEliminado, {
  validos: [
    { nombre: "sin cambios", modelo: modelo({ indicadores: base() }), guardado: selladoJunio },
    { nombre: "filas en otro orden", modelo: modelo({ indicadores: [base()[1], base()[0]] }), guardado: selladoJunio },
  ],
  invalidos: [
    {
      nombre: "la fila de I2 se borró",
      modelo: modelo({ indicadores: [base()[0]] }),
      guardado: selladoJunio,
      hallazgos: [{ celda: "F5", mensaje: "El indicador I2 estaba en el sello de junio de 2025" }],
    },
    {
      nombre: "el código de I1 cambió (eliminado I1; I9 es añadido, otra regla)",
      modelo: modelo({ indicadores: cambiado(0, { codigo: "I9" }) }),
      guardado: selladoJunio,
      hallazgos: [{ celda: "F5", mensaje: "El indicador I1" }],
    },
  ],
});

probarRegla(cieIndicadorAnadido, {
  validos: [
    { nombre: "sin cambios", modelo: modelo({ indicadores: base() }), guardado: selladoJunio },
    {
      nombre: "sin sellos de la vigencia",
      modelo: modelo({ indicadores: [...base(), indicador({ codigo: "I3" })] }),
    },
  ],
  invalidos: [
    {
      nombre: "un indicador nuevo",
      modelo: modelo({ indicadores: [...base(), indicador({ codigo: "I3" })] }),
      guardado: selladoJunio,
      hallazgos: [{ celda: "F8", mensaje: "El indicador I3 no estaba en el sello de junio de 2025" }],
    },
    {
      nombre: "un código repetido cuenta como otro indicador",
      modelo: modelo({ indicadores: [...base(), indicador({ codigo: "i2 " })] }),
      guardado: selladoJunio,
      hallazgos: [{ celda: "F8", mensaje: "El indicador i2 no estaba" }],
    },
  ],
});

const alterado = (): Sello => {
  const s = sellar(modelo({ indicadores: base() }), 6);
  return { ...s, indicadores: s.indicadores.map((i, k) => (k === 0 ? { ...i, ej: [9, 11, 10, 10, 12, 80] } : i)) };
};

probarRegla(cieSelloAlterado, {
  validos: [
    { nombre: "sello intacto", modelo: modelo({ indicadores: base() }), guardado: selladoJunio },
    { nombre: "sin sellos", modelo: modelo({ indicadores: base() }) },
  ],
  invalidos: [
    {
      nombre: "un valor del sello editado a mano (la huella no coincide)",
      modelo: modelo({ indicadores: base() }),
      guardado: con(alterado()),
      hallazgos: [{ celda: "A1", mensaje: "El sello de junio de 2025 (sellado el 03/07/2025) (el 1.º" }],
    },
    {
      nombre: "los sellos no se pudieron leer",
      modelo: modelo({ indicadores: base() }),
      guardado: {
        problemas: [],
        sellos: { sellos: [], ilegibles: ["PMR para Excel no pudo leer los sellos de cierre del libro: x."] },
      },
      hallazgos: [{ celda: "A1", mensaje: "Sin los sellos no se puede comprobar" }],
    },
  ],
});

describe("un sello alterado no se usa para comparar", () => {
  it("el cambio que el sello alterado «aprueba» no se informa como valor cambiado, solo la alteración", () => {
    const m = modelo({ indicadores: cambiado(0, { ejecutado: serie(9, 11, 10, 10, 12, 80) }) });
    expect(ejecutarRegla(cieValorSelladoCambiado, m, {}, con(alterado()))).toEqual([]);
    expect(ejecutarRegla(cieSelloAlterado, m, {}, con(alterado()))).toHaveLength(1);
  });
});
