#!/usr/bin/env node
/**
 * Genera docs/reglas.md a partir del registro de reglas (src/rules/catalogo.ts).
 *
 * No necesita compilar: transpila al vuelo los .ts de src/ con el compilador de TypeScript del
 * proyecto (solo quita los tipos), así el catálogo siempre sale del código actual.
 *   npm run docs:reglas
 */
const fs = require("node:fs");
const path = require("node:path");
const ts = require("typescript");

const raiz = path.resolve(__dirname, "..");
const fuentes = path.join(raiz, "src") + path.sep;

require.extensions[".ts"] = function cargarTs(modulo, archivo) {
  if (!archivo.startsWith(fuentes)) throw new Error(`Solo se transpilan archivos de src/: ${archivo}`);
  const codigo = fs.readFileSync(archivo, "utf8");
  const { outputText } = ts.transpileModule(codigo, {
    fileName: archivo,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      isolatedModules: true,
    },
  });
  modulo._compile(outputText, archivo);
};

const { catalogoMarkdown } = require(path.join(raiz, "src", "rules", "catalogo.ts"));
const destino = path.join(raiz, "docs", "reglas.md");
fs.mkdirSync(path.dirname(destino), { recursive: true });
fs.writeFileSync(destino, catalogoMarkdown(), "utf8");
console.log(`Catálogo de reglas escrito en ${path.relative(raiz, destino)}.`);
