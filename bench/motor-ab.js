#!/usr/bin/env node
/**
 * A/B del motor (grilla → hallazgos, `validarLibro`) entre dos compilaciones (dos carpetas lib/):
 * la de antes de un cambio (A) y la de después (B), en la MISMA corrida y alternadas, para que la
 * carga de la máquina pese igual en las dos.
 *
 * 1. Igualdad: la salida completa (modelo, evaluación, hallazgos, resumen) en JSON debe ser
 *    idéntica byte a byte entre A y B, en el libro de ejemplo y en libros generados (con y sin
 *    textos cualitativos, con observaciones, con metas ilegibles). Si difiere, dice dónde y sale
 *    con código 1.
 * 2. Tiempo de CPU del proceso (no de pared: con la máquina cargada el reloj mide la espera por
 *    un núcleo): mediana de A y de B con 10.000 indicadores, sin textos y con un texto
 *    cualitativo cada mes, y la razón B/A (< 1: B es más rápido). Metas (issue 20): ≤ 60 ms sin textos y
 *    ≤ 100 ms con textos; con la máquina cargada los tiempos sueltos no dicen mucho, la razón sí.
 *
 *   node --expose-gc bench/motor-ab.js <libA> <libB> [rondas=15]
 *
 * Para A: `git worktree add /tmp/a <commit> && (cd /tmp/a && npx tsc -p tsconfig.cli.json)`, o
 * `git archive <commit> src tsconfig.json tsconfig.cli.json package.json | tar -x -C /tmp/a`.
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { libroGrillas } = require("./generar");

const [libA, libB] = process.argv.slice(2, 4).map((p) => path.resolve(p));
const RONDAS = Number(process.argv[4] || 15);
if (!libA || !libB) {
  process.stderr.write("Uso: node --expose-gc bench/motor-ab.js <libA> <libB> [rondas]\n");
  process.exit(2);
}

function cargar(lib) {
  return {
    validarLibro: require(path.join(lib, "casos", "validar.js")).validarLibro,
    config: require(path.join(lib, "domain", "index.js")).CONFIGURACION_POR_DEFECTO,
    leerArchivoXlsx: require(path.join(lib, "hosts", "xlsx", "lectorXlsx.js")).leerArchivoXlsx,
  };
}
const A = cargar(libA);
const B = cargar(libB);

function mediana(v) {
  const s = [...v].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function primeraDiferencia(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `carácter ${i}: A «${a.slice(Math.max(0, i - 80), i + 80)}» / B «${b.slice(Math.max(0, i - 80), i + 80)}»`;
}

async function main() {
  const casos = [];
  const ejemplo = path.join(__dirname, "..", "ejemplos", "pmr-ejemplo.xlsx");
  if (fs.existsSync(ejemplo)) casos.push(["ejemplo", await A.leerArchivoXlsx(ejemplo)]);
  for (const n of [1000, 10000]) {
    casos.push([`${n}`, libroGrillas(n)]);
    casos.push([`${n} con cualitativo`, libroGrillas(n, 7, { cualitativo: true })]);
  }
  casos.push(["2000 con observaciones", libroGrillas(2000, 11, { observaciones: true })]);
  casos.push(["2000 con metas ilegibles", libroGrillas(2000, 13, { ilegibles: true, cualitativo: true })]);
  // Cortes distintos del 12 (otras reglas se activan).
  const cortes = [null, 6];

  let iguales = true;
  for (const [nombre, libro] of casos) {
    for (const corte of cortes) {
      const cfgA = corte === null ? A.config : { ...A.config, corte };
      const cfgB = corte === null ? B.config : { ...B.config, corte };
      const ja = JSON.stringify(A.validarLibro(libro, cfgA));
      const jb = JSON.stringify(B.validarLibro(libro, cfgB));
      const ok = ja === jb;
      iguales &&= ok;
      console.log(
        `${ok ? "✓ idénticas" : "✗ DISTINTAS"}  ${nombre}${corte === null ? "" : `, corte ${corte}`} (${ja.length.toLocaleString("es-CO")} caracteres)`,
      );
      if (!ok) console.log("   " + primeraDiferencia(ja, jb));
    }
  }

  for (const [nombre, cualitativo, meta] of [
    ["sin textos", false, 60],
    ["con un texto cualitativo cada mes", true, 100],
  ]) {
    const libro = libroGrillas(10000, 2025, { cualitativo });
    for (let i = 0; i < 3; i++) {
      A.validarLibro(libro, A.config);
      B.validarLibro(libro, B.config);
    }
    // Tiempo de CPU del proceso (usuario + sistema, con los hilos del recolector): con la máquina
    // cargada, el reloj de pared mide sobre todo la espera por un núcleo.
    const t = { A: [], B: [] };
    const pareds = { A: [], B: [] };
    const razones = [];
    for (let i = 0; i < RONDAS; i++) {
      // Alternadas, y el orden también: A-B, B-A, …
      const orden = i % 2 ? ["B", "A"] : ["A", "B"];
      const ronda = {};
      for (const k of orden) {
        const v = k === "A" ? A : B;
        if (global.gc) global.gc();
        const c0 = process.cpuUsage();
        const t0 = process.hrtime.bigint();
        v.validarLibro(libro, v.config);
        const pared = Number(process.hrtime.bigint() - t0) / 1e6;
        const c = process.cpuUsage(c0);
        ronda[k] = (c.user + c.system) / 1000;
        t[k].push(ronda[k]);
        pareds[k].push(pared);
      }
      razones.push(ronda.B / ronda.A);
    }
    console.log(
      `10.000 indicadores, ${nombre} (CPU): A ${mediana(t.A).toFixed(1)} ms, B ${mediana(t.B).toFixed(1)} ms ` +
        `(mínimos ${Math.min(...t.A).toFixed(1)} / ${Math.min(...t.B).toFixed(1)}); razón B/A: mediana ${mediana(razones).toFixed(2)}, ` +
        `de medianas ${(mediana(t.B) / mediana(t.A)).toFixed(2)}; meta ≤ ${meta} ms: B ${mediana(t.B) <= meta ? "cumple" : "no cumple"} con esta carga` +
        ` (reloj de pared: A ${mediana(pareds.A).toFixed(1)}, B ${mediana(pareds.B).toFixed(1)} ms)`,
    );
  }
  console.log(
    `carga (1 min): ${require("node:os").loadavg()[0].toFixed(1)} en ${require("node:os").cpus().length} núcleos`,
  );
  process.exit(iguales ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
