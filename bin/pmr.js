#!/usr/bin/env node
// La orden `pmr`: carga la línea de comandos compilada (lib/, la genera `npm run prepare`,
// que `npm ci` ejecuta solo). Los textos de la orden viven en src/cli/mensajes.ts; aquí solo el
// aviso para cuando lib/ todavía no existe.
"use strict";

let cli;
try {
  cli = require("../lib/cli/main.js");
} catch (e) {
  const falta = e && e.code === "MODULE_NOT_FOUND" && String(e.message).includes("main.js");
  process.stderr.write(
    falta
      ? "pmr no está compilado: ejecute «npm run prepare» (o «npm ci») en la carpeta del proyecto.\n"
      : `pmr no pudo iniciarse (${e && e.message ? String(e.message).split("\n")[0] : String(e)}).\n`,
  );
  process.exit(2);
}
cli.ejecutar(process.argv.slice(2));
