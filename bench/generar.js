/**
 * Libros PMR sintéticos para los benchmarks: grillas en memoria (para el motor) y archivos .xlsx
 * (para la línea de comandos). Deterministas: el mismo tamaño da siempre el mismo libro.
 *
 * Cada objetivo tiene 10 indicadores: 2 de objetivo y 2 productos con 4 indicadores de
 * producto cada uno, ponderaciones del 10 %, las cuatro tendencias, programación y ejecución de
 * los 12 meses, y una fila de presupuesto por producto con compromisos y giros mensuales.
 */
"use strict";

const MESES = ["Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Sep", "Oct", "Nov", "Dic"];
const TENDENCIAS = ["Suma", "Creciente", "Constante", "Decreciente"];

const ENCABEZADOS_PMR = [
  "Código objetivo",
  "Objetivo",
  "Código producto",
  "Producto",
  "Tipo indicador",
  "Código indicador",
  "Indicador",
  "Unidad de medida",
  "Tendencia",
  "Periodicidad",
  "Ponderación",
  "Línea base",
  "Meta plan",
  "Vigencia",
  "Meta vigencia",
  ...MESES.map((m) => `Programado ${m}`),
  ...MESES.map((m) => `Ejecutado ${m}`),
  "Observaciones",
];

const ENCABEZADOS_PRESUPUESTO = [
  "Código producto",
  "Tipo de recurso",
  "Proyecto de inversión",
  "Apropiación vigente",
  ...MESES.map((m) => `Compromisos ${m}`),
  ...MESES.map((m) => `Giros ${m}`),
];

/** Generador pseudoaleatorio determinista (mulberry32). */
function aleatorio(semilla) {
  let a = semilla >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Fila de un indicador: 12 meses programados y ejecutados según su tendencia. Opciones:
 * `observaciones` (texto en Observaciones: pocos hallazgos), `ilegibles` (la meta plan escrita
 * como texto que no es un número: un hallazgo más por fila) y `cualitativo` (un texto de avance
 * cualitativo cada mes, con la cifra ejecutada, en las columnas «Cualitativo Ene»…«Cualitativo Dic»).
 */
function filaIndicador(azar, o, p, k, tipo, tendencia, opciones = {}) {
  const codigoObjetivo = `O${o}`;
  const codigoProducto = p === null ? "" : `P${o}.${p}`;
  const codigo = p === null ? `IO${o}.${k}` : `IP${o}.${p}.${k}`;
  const prog = new Array(12);
  const ejec = new Array(12);
  let lb = "";
  let mv;
  let mp;
  if (tendencia === "Suma") {
    const base = 50 + Math.floor(azar() * 500);
    mv = 0;
    for (let m = 0; m < 12; m++) {
      prog[m] = base + Math.floor(azar() * 50);
      ejec[m] = Math.round(prog[m] * (0.8 + azar() * 0.35));
      mv += prog[m];
    }
    mp = mv * 4;
  } else if (tendencia === "Decreciente") {
    lb = 40 + Math.floor(azar() * 20);
    mv = lb - 10;
    mp = lb - 15;
    let e = lb;
    for (let m = 0; m < 12; m++) {
      prog[m] = lb - ((m + 1) * 10) / 12;
      e = Math.max(mv - 3, e - azar() * 1.2);
      ejec[m] = Math.round(e * 100) / 100;
    }
  } else {
    lb = Math.round(azar() * 50) / 100;
    mv = Math.min(1, lb + 0.2);
    mp = Math.min(1, lb + 0.3);
    let e = lb;
    for (let m = 0; m < 12; m++) {
      prog[m] = tendencia === "Constante" ? mv : Math.round((lb + ((mv - lb) * (m + 1)) / 12) * 1000) / 1000;
      e = tendencia === "Constante" ? mv * (0.9 + azar() * 0.15) : Math.min(mv * 1.1, e + azar() * 0.03);
      ejec[m] = Math.round(e * 1000) / 1000;
    }
  }
  return [
    codigoObjetivo,
    `Objetivo estratégico ${o} de la entidad`,
    codigoProducto,
    p === null ? "" : `Producto ${o}.${p}: servicio a la ciudadanía`,
    tipo,
    codigo,
    `Indicador ${codigo} de ${tipo.toLowerCase()}`,
    tendencia === "Suma" || tendencia === "Decreciente" ? "Número" : "Porcentaje",
    tendencia,
    "Mensual",
    0.1,
    lb,
    opciones.ilegibles ? `aprox. ${mp}` : mp,
    2025,
    mv,
    ...prog,
    ...ejec,
    opciones.observaciones ? "Cierre revisado con la oficina de planeación." : "",
    ...(opciones.cualitativo
      ? ejec.map(
          (e, m) =>
            `En ${MESES[m].toLowerCase()} se ejecutaron ${e} ${tendencia === "Suma" ? "unidades" : "puntos"}; las actividades avanzan según lo previsto con la comunidad.`,
        )
      : []),
  ];
}

/** Libro en memoria (LibroGrillas) con `n` indicadores (múltiplo de 10 por objetivo); opciones de filaIndicador. */
function libroGrillas(n, semilla = 2025, opciones = {}) {
  const azar = aleatorio(semilla);
  const pmr = [
    opciones.cualitativo ? [...ENCABEZADOS_PMR, ...MESES.map((m) => `Cualitativo ${m}`)] : ENCABEZADOS_PMR.slice(),
  ];
  const presupuesto = [ENCABEZADOS_PRESUPUESTO.slice()];
  let i = 0;
  for (let o = 1; i < n; o++) {
    const bloque = [];
    bloque.push(filaIndicador(azar, o, null, 1, "Objetivo", TENDENCIAS[(o + 1) % 4], opciones));
    bloque.push(filaIndicador(azar, o, null, 2, "Objetivo", TENDENCIAS[(o + 2) % 4], opciones));
    for (let p = 1; p <= 2; p++) {
      for (let k = 1; k <= 4; k++)
        bloque.push(filaIndicador(azar, o, p, k, "Producto", TENDENCIAS[(k + p) % 4], opciones));
      const apropiacion = 1e9 + Math.floor(azar() * 9e9);
      const comp = [];
      const giros = [];
      for (let m = 0; m < 12; m++) {
        comp.push(Math.floor((apropiacion / 12) * (0.8 + azar() * 0.19)));
        giros.push(Math.floor(comp[m] * (0.6 + azar() * 0.4)));
      }
      presupuesto.push([`P${o}.${p}`, "Inversión", `Proyecto ${7000 + o}`, apropiacion, ...comp, ...giros]);
    }
    for (const fila of bloque) {
      if (i++ < n) pmr.push(fila);
    }
  }
  return {
    hojas: [
      { nombre: "PMR", valores: pmr, filaInicial: 0, columnaInicial: 0, combinadas: [] },
      { nombre: "PMR_Presupuesto", valores: presupuesto, filaInicial: 0, columnaInicial: 0, combinadas: [] },
    ],
  };
}

/** Escribe un LibroGrillas a un .xlsx (ExcelJS en flujo: poca memoria aun con 50 000 filas). */
async function escribirXlsx(ruta, libro) {
  const ExcelJS = require("exceljs");
  const escritor = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: ruta, useSharedStrings: true, useStyles: false });
  for (const hoja of libro.hojas) {
    const ws = escritor.addWorksheet(hoja.nombre);
    for (const fila of hoja.valores) ws.addRow(fila.map((v) => (v === "" ? null : v))).commit();
    ws.commit();
  }
  await escritor.commit();
}

module.exports = { libroGrillas, escribirXlsx, ENCABEZADOS_PMR, ENCABEZADOS_PRESUPUESTO, aleatorio };
