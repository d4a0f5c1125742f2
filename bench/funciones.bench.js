/**
 * Benchmark de las funciones =PMR.* sobre rangos grandes: una sola llamada para 10 000 filas, como
 * cuando una fórmula derramada llena toda una columna. Usa el código compilado en lib/
 * (`npm run prepare`). Meta: AVANCE sobre 10 000 filas en ≤ 5 ms (mediana).
 *
 *   node bench/funciones.bench.js            (también lo corre `npm run bench`)
 *
 * Imprime una tabla con la mediana, el mínimo y el percentil 90 de cada caso, tras calentar.
 */
"use strict";

const fs = require("fs");
const path = require("path");

const RUTA = path.join(__dirname, "..", "lib", "functions", "functions.js");
const FILAS = 10_000;
const CALENTAMIENTO = 15;
const CORRIDAS = 41;
const META_AVANCE_MS = 5;

/** Generador pseudoaleatorio determinista (mulberry32): los mismos datos en cada corrida. */
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

/** Columnas de 10 000 filas como las entrega Excel (n × 1), con vacíos, textos y tendencias. */
function datos() {
  const azar = aleatorio(20250101);
  const tendencias = ["Suma", "Creciente", "Constante", "Decreciente", "suma", "DECRECIENTE"];
  const programado = [];
  const ejecutado = [];
  const tendencia = [];
  const lineaBase = [];
  const ponderacion = [];
  const avances = [];
  const meses = [];
  for (let i = 0; i < FILAS; i++) {
    const p = azar() < 0.03 ? null : Math.round(azar() * 1000);
    programado.push([p]);
    ejecutado.push([azar() < 0.05 ? null : azar() < 0.02 ? "12,5" : Math.round(azar() * 1100)]);
    tendencia.push([tendencias[i % tendencias.length]]);
    lineaBase.push([azar() < 0.5 ? null : Math.round(azar() * 1200)]);
    ponderacion.push([Math.round(azar() * 100) / 100]);
    avances.push([azar() < 0.03 ? null : azar() * 1.4]);
    const fila = [];
    for (let m = 0; m < 12; m++) fila.push(azar() < 0.2 ? null : Math.round(azar() * 100));
    meses.push(fila);
  }
  return { programado, ejecutado, tendencia, lineaBase, ponderacion, avances, meses };
}

function medir(nombre, filas, fn) {
  for (let i = 0; i < CALENTAMIENTO; i++) fn();
  const tiempos = [];
  for (let i = 0; i < CORRIDAS; i++) {
    const inicio = process.hrtime.bigint();
    fn();
    tiempos.push(Number(process.hrtime.bigint() - inicio) / 1e6);
  }
  tiempos.sort((a, b) => a - b);
  const mediana = tiempos[Math.floor(tiempos.length / 2)];
  return {
    caso: nombre,
    filas,
    medianaMs: mediana,
    minimoMs: tiempos[0],
    p90Ms: tiempos[Math.floor(tiempos.length * 0.9)],
  };
}

function principal() {
  if (!fs.existsSync(RUTA)) {
    console.error("Falta lib/functions/functions.js: ejecute «npm run prepare» (compila src/ en lib/).");
    process.exitCode = 1;
    return null;
  }
  const f = require(RUTA);
  const d = datos();

  // Comprobación rápida: la forma del resultado es la de los rangos.
  const prueba = f.avance(d.programado, d.ejecutado, d.tendencia, d.lineaBase);
  if (!Array.isArray(prueba) || prueba.length !== FILAS || prueba[0].length !== 1) {
    throw new Error("AVANCE no devolvió una matriz de 10 000 × 1");
  }

  const resultados = [
    medir("AVANCE (programado, ejecutado, tendencia, línea base)", FILAS, () =>
      f.avance(d.programado, d.ejecutado, d.tendencia, d.lineaBase),
    ),
    medir("AVANCE (programado, ejecutado)", FILAS, () => f.avance(d.programado, d.ejecutado)),
    medir("CUMPLIMIENTO (avances, ponderaciones, programados)", FILAS, () =>
      f.cumplimiento(d.avances, d.ponderacion, d.programado),
    ),
    medir("ACUMULADO (12 meses por fila, tendencia por fila)", FILAS, () => f.acumulado(d.meses, d.tendencia)),
    medir("ESTADO (avance, corte 6)", FILAS, () => f.estado(d.avances, [[6]])),
    medir("SEMAFORO (avance)", FILAS, () => f.semaforo(d.avances)),
    medir("AVANCE.FINANCIERO (compromisos, apropiación)", FILAS, () => f.avanceFinanciero(d.ejecutado, d.programado)),
    medir("COHERENCIA (físico, financiero)", FILAS, () => f.coherencia(d.avances, d.ponderacion)),
  ];

  const ancho = Math.max(...resultados.map((r) => r.caso.length));
  const num = (x) => x.toFixed(2).padStart(8);
  console.log(
    `\nFunciones =PMR.* — una llamada por caso; mediana de ${CORRIDAS} corridas tras ${CALENTAMIENTO} de calentamiento`,
  );
  console.log(
    `${"Caso".padEnd(ancho)}  ${"Filas".padStart(6)}  ${"Mediana".padStart(8)}  ${"Mínimo".padStart(8)}  ${"P90".padStart(8)}  (ms)`,
  );
  for (const r of resultados) {
    console.log(
      `${r.caso.padEnd(ancho)}  ${String(r.filas).padStart(6)}  ${num(r.medianaMs)}  ${num(r.minimoMs)}  ${num(r.p90Ms)}`,
    );
  }
  const avance = resultados[0];
  const cumple = avance.medianaMs <= META_AVANCE_MS;
  console.log(
    `Meta: AVANCE sobre ${FILAS} filas ≤ ${META_AVANCE_MS} ms → ${avance.medianaMs.toFixed(2)} ms (${cumple ? "cumple" : "NO cumple"}).`,
  );
  return resultados;
}

// Se ejecuta al cargarse: sirve igual con `node bench/funciones.bench.js` que desde bench/run.js.
principal();
