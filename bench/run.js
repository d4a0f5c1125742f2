#!/usr/bin/env node
/**
 * Ejecuta cada bench/*.bench.js, uno tras otro, en su propio proceso (`node --expose-gc`) y
 * muestra lo que imprimen. Antes comprueba que exista lib/ (la línea de comandos y el motor
 * compilados); si no, ejecuta `npm run prepare`.
 *
 *   npm run bench              → todos
 *   npm run bench -- motor     → solo los que contienen «motor» en el nombre
 */
"use strict";

const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const RAIZ = path.resolve(__dirname, "..");
const NECESARIOS = [path.join(RAIZ, "lib", "cli", "main.js"), path.join(RAIZ, "lib", "casos", "validar.js")];

function compilarSiFalta() {
  if (NECESARIOS.every((f) => fs.existsSync(f))) return;
  process.stdout.write("Falta lib/: se ejecuta «npm run prepare»…\n");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const r = spawnSync(npm, ["run", "prepare"], { cwd: RAIZ, stdio: "inherit", shell: process.platform === "win32" });
  if (r.status !== 0 || !NECESARIOS.every((f) => fs.existsSync(f))) {
    process.stderr.write("No se pudo compilar lib/ con «npm run prepare».\n");
    process.exit(1);
  }
}

function main() {
  compilarSiFalta();
  const filtros = process.argv.slice(2);
  const archivos = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.js"))
    .filter((f) => filtros.length === 0 || filtros.some((x) => f.includes(x)))
    .sort();
  if (archivos.length === 0) {
    process.stderr.write(`No hay benchmarks${filtros.length ? ` que coincidan con ${filtros.join(", ")}` : ""}.\n`);
    process.exit(1);
  }
  const fallidos = [];
  for (const archivo of archivos) {
    process.stdout.write(`\n━━ ${archivo} ━━\n`);
    const inicio = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ["--expose-gc", path.join(__dirname, archivo)], {
      cwd: RAIZ,
      stdio: "inherit",
    });
    const segundos = Number(process.hrtime.bigint() - inicio) / 1e9;
    if (r.status !== 0) fallidos.push(archivo);
    process.stdout.write(
      `(${archivo}: ${segundos.toFixed(1)} s${r.status !== 0 ? `, terminó con código ${r.status}` : ""})\n`,
    );
  }
  if (fallidos.length > 0) {
    process.stderr.write(`\nFallaron: ${fallidos.join(", ")}\n`);
    process.exit(1);
  }
}

main();
