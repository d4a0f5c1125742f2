/**
 * Se carga con `node -r bench/memoria-pico.js …` en los procesos que mide bench/lector.bench.js:
 * al salir escribe la memoria residente máxima del proceso (maxRSS, en KB) en el archivo que
 * dice PMR_BENCH_RSS. No cambia nada de lo que hace el proceso.
 */
"use strict";

const fs = require("node:fs");

const destino = process.env.PMR_BENCH_RSS;
if (destino) {
  process.on("exit", () => {
    try {
      fs.writeFileSync(destino, String(process.resourceUsage().maxRSS));
    } catch {
      // sin dato: el benchmark lo informa
    }
  });
}
