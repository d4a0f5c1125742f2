import { terEjecucionDistintaAcum } from "../../src/rules/territorial/ter-ejecucion-distinta-acum";
import { terIndicadorInexistente } from "../../src/rules/territorial/ter-indicador-inexistente";
import { terLocalidadDesconocida } from "../../src/rules/territorial/ter-localidad-desconocida";
import { terMetasDistintasMv } from "../../src/rules/territorial/ter-metas-distintas-mv";
import { filaTerritorial, hojaTerritorial, indicador, modelo, serie } from "./fabrica";
import { ejecutarRegla, probarRegla } from "./probador";

// Hoja PMR_Territorial, datos desde la fila 2: A código indicador, B localidad, C meta
// vigencia, D ejecutado. En la hoja PMR, I1 es Suma con meta 1.000 y acumulado 450 a marzo.

const H = "PMR_Territorial";
const i1 = (p: Parameters<typeof indicador>[0] = {}) =>
  indicador({ codigo: "I1", metaVigencia: 1000, ejecutado: serie(150, 150, 150), ...p });
const con = (filas: Parameters<typeof filaTerritorial>[0][], ind = i1()) =>
  modelo({ indicadores: [ind], territorial: filas.map((f) => filaTerritorial(f)) });

probarRegla(terLocalidadDesconocida, {
  validos: [
    {
      nombre: "número, nombre y Distrital",
      modelo: con([
        { localidadTexto: "8 - Kennedy" },
        { localidadTexto: "ciudad bolivar" },
        { localidadTexto: "Distrital" },
        { localidadTexto: "19" },
      ]),
    },
    { nombre: "fila totalmente vacía", modelo: con([{ codigoIndicador: null, localidadTexto: null }]) },
  ],
  invalidos: [
    {
      nombre: "«Kenedy»",
      modelo: con([{ localidadTexto: "Kenedy" }]),
      hallazgos: [
        {
          hoja: H,
          celda: "B2",
          mensaje:
            "La localidad «Kenedy» (indicador I1) no es una localidad de Bogotá. Escriba en B2 el número (1 a 20)",
        },
      ],
    },
    {
      nombre: "vacía y número que no coincide con el nombre",
      modelo: con([{ localidadTexto: "1" }, { localidadTexto: null, metaVigencia: 5 }, { localidadTexto: "8 - Suba" }]),
      hallazgos: [
        { hoja: H, celda: "B3", mensaje: "La localidad vacía (indicador I1)" },
        { hoja: H, celda: "B4", mensaje: "«8 - Suba»" },
      ],
    },
  ],
});

probarRegla(terIndicadorInexistente, {
  validos: [
    { nombre: "códigos del PMR (sin importar mayúsculas)", modelo: con([{ codigoIndicador: "i1 " }]) },
    { nombre: "fila vacía", modelo: con([{ codigoIndicador: null, localidadTexto: null }]) },
  ],
  invalidos: [
    {
      nombre: "código que no existe",
      modelo: con([{ codigoIndicador: "I1" }, { codigoIndicador: "I99" }]),
      hallazgos: [
        {
          hoja: H,
          celda: "A3",
          mensaje:
            "La fila territorial del indicador I99 no corresponde a ningún indicador del PMR de la vigencia 2025",
        },
      ],
    },
    {
      nombre: "sin código pero con meta",
      modelo: con([{ codigoIndicador: null, metaVigencia: 10 }]),
      hallazgos: [{ hoja: H, celda: "A2", mensaje: "no tiene código de indicador" }],
    },
  ],
});

probarRegla(terMetasDistintasMv, {
  validos: [
    {
      nombre: "las localidades suman la meta",
      modelo: con([
        { localidadTexto: "Kennedy", metaVigencia: 600 },
        { localidadTexto: "Bosa", metaVigencia: 300 },
        { localidadTexto: "Distrital", metaVigencia: 100 },
      ]),
    },
    {
      nombre: "Creciente: las metas no se suman",
      modelo: con(
        [{ metaVigencia: 50 }, { localidadTexto: "Bosa", metaVigencia: 60 }],
        i1({ tendencia: "CRECIENTE", metaVigencia: 55 }),
      ),
    },
    { nombre: "filas sin meta", modelo: con([{ ejecutado: 450 }]) },
  ],
  invalidos: [
    {
      nombre: "suman 950 y la meta es 1.000",
      modelo: con([
        { metaVigencia: 500 },
        { localidadTexto: "Bosa", metaVigencia: 300 },
        { localidadTexto: "Suba", metaVigencia: 150 },
      ]),
      hallazgos: [
        {
          hoja: H,
          celda: "C2:C4",
          mensaje:
            "Las metas por localidad del indicador I1 suman 950,00 (3 filas), pero su meta vigencia en el PMR es 1.000,00 (PMR!O6)",
        },
      ],
    },
    {
      nombre: "filas no contiguas: la primera",
      modelo: modelo({
        indicadores: [i1(), indicador({ codigo: "I2", metaVigencia: 10 })],
        territorial: hojaTerritorial([
          filaTerritorial({ metaVigencia: 500 }),
          filaTerritorial({ codigoIndicador: "I2", metaVigencia: 10 }),
          filaTerritorial({ localidadTexto: "Bosa", metaVigencia: 400 }),
        ]),
      }),
      hallazgos: [{ hoja: H, celda: "C2", mensaje: "suman 900" }],
    },
  ],
});

probarRegla(terEjecucionDistintaAcum, {
  validos: [
    {
      nombre: "las localidades suman el acumulado",
      modelo: con([{ ejecutado: 400 }, { localidadTexto: "Distrital", ejecutado: 50 }]),
    },
    { nombre: "filas sin ejecución", modelo: con([{ metaVigencia: 1000 }]) },
    { nombre: "Creciente: no se suma", modelo: con([{ ejecutado: 1 }], i1({ tendencia: "CRECIENTE" })) },
  ],
  invalidos: [
    {
      nombre: "suman 410 y el acumulado es 450",
      modelo: con([{ ejecutado: 400 }, { localidadTexto: "Usme", ejecutado: 10 }]),
      hallazgos: [
        {
          hoja: H,
          celda: "D2:D3",
          mensaje:
            "La ejecución por localidad del indicador I1 suma 410,00, pero su acumulado en el PMR a marzo es 450,00",
        },
      ],
    },
    {
      nombre: "sin ejecución en el PMR",
      modelo: con([{ ejecutado: 5 }], i1({ ejecutado: serie() })),
      hallazgos: [{ hoja: H, celda: "D2", mensaje: "es 0" }],
    },
  ],
});

describe("reglas de Territorialización sin hoja territorial", () => {
  it("no se ejecutan", () => {
    const m = modelo({ indicadores: [i1()] });
    expect(ejecutarRegla(terIndicadorInexistente, m)).toEqual([]);
  });
});
