/**
 * Tamaño del JavaScript que carga el panel de tareas al abrirse (meta: ≤ 300 KB gzip).
 *
 *   node bench/panel.bench.js            (también lo corre `npm run bench`)
 *
 * Lee dist/taskpane.html (la página única del tiempo de ejecución compartido), toma cada
 * <script src> que sale de dist/ (taskpane, commands y functions: la página los carga todos) y
 * mide cada archivo: crudo, gzip (zlib nivel 9) y brotli (calidad 11). office.js viene de la CDN
 * de Microsoft, no es nuestro y no se cuenta. Si en dist/ hay otros .js que la página no nombra
 * (trozos que webpack carga bajo demanda: las pestañas que no son Resumen, la lógica del ciclo
 * del año, el lector de .xlsx), también se listan y se suman aparte, para no esconder nada.
 *
 * La meta se juzga con TODO lo que la página carga al abrirse (runtime, «comun», panel, comandos y
 * funciones; no solo el paquete del panel) y con KB = 1000 bytes (la cifra más exigente).
 *
 * Si falta dist/ o alguna fuente (src/, webpack.config.js, tsconfig.json, package-lock.json) es
 * más nueva que la última construcción, primero ejecuta `npm run build` y lo dice. Como webpack no
 * reescribe un archivo que no cambió, la hora de la última construcción de este script queda en
 * node_modules/.cache/pmr-bench-panel (fuera de dist/).
 */
"use strict";

const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const RAIZ = path.resolve(__dirname, "..");
const DIST = path.join(RAIZ, "dist");
const HTML = path.join(DIST, "taskpane.html");
const MARCA = path.join(RAIZ, "node_modules", ".cache", "pmr-bench-panel");
const FUENTES = ["src", "webpack.config.js", "tsconfig.json", "package-lock.json", "manifest.xml"];
// La línea de comandos no entra en los paquetes de webpack.
const FUERA_DEL_PAQUETE = new Set([path.join(RAIZ, "src", "cli")]);
const META_GZIP = 300_000; // 300 KB (KB = 1000 bytes)
const KB = 1000;

/** Hora de modificación más reciente bajo `ruta` (archivo o carpeta); 0 si no existe. */
function masReciente(ruta) {
  if (FUERA_DEL_PAQUETE.has(ruta) || !fs.existsSync(ruta)) return 0;
  const info = fs.statSync(ruta);
  if (!info.isDirectory()) return info.mtimeMs;
  let max = 0;
  for (const nombre of fs.readdirSync(ruta)) max = Math.max(max, masReciente(path.join(ruta, nombre)));
  return max;
}

/** Scripts de dist/ que carga taskpane.html, en orden (sin office.js de la CDN). */
function scriptsDeLaPagina() {
  const html = fs.readFileSync(HTML, "utf8");
  const todos = [...html.matchAll(/<script\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );
  const externos = todos.filter((s) => /^(https?:)?\/\//i.test(s));
  const locales = todos.filter((s) => !/^(https?:)?\/\//i.test(s)).map((s) => s.replace(/^\.?\//, "").split(/[?#]/)[0]);
  return { locales, externos };
}

function construccionAlDia() {
  if (!fs.existsSync(HTML)) return { alDia: false, motivo: "no existe dist/taskpane.html" };
  const { locales } = scriptsDeLaPagina();
  const faltan = locales.filter((s) => !fs.existsSync(path.join(DIST, s)));
  if (faltan.length > 0) return { alDia: false, motivo: `faltan en dist/: ${faltan.join(", ")}` };
  const fuentes = Math.max(...FUENTES.map((f) => masReciente(path.join(RAIZ, f))));
  const marca = fs.existsSync(MARCA) ? fs.statSync(MARCA).mtimeMs : 0;
  const construido = Math.max(marca, ...[HTML, ...locales.map((s) => path.join(DIST, s))].map(masReciente));
  if (fuentes > construido) return { alDia: false, motivo: "hay fuentes más nuevas que dist/" };
  return { alDia: true };
}

function construir(motivo) {
  process.stdout.write(`dist/ no está al día (${motivo}): se ejecuta «npm run build»…\n`);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const inicio = Date.now();
  const r = spawnSync(npm, ["run", "build", "--silent"], {
    cwd: RAIZ,
    stdio: ["ignore", "ignore", "inherit"],
    shell: process.platform === "win32",
  });
  if (r.status !== 0 || !fs.existsSync(HTML)) {
    process.stderr.write("No se pudo construir dist/ con «npm run build».\n");
    process.exit(1);
  }
  fs.mkdirSync(path.dirname(MARCA), { recursive: true });
  fs.writeFileSync(MARCA, new Date().toISOString());
  process.stdout.write(`Construido en ${((Date.now() - inicio) / 1000).toFixed(0)} s.\n\n`);
}

function medir(archivo) {
  const datos = fs.readFileSync(path.join(DIST, archivo));
  const gzip = zlib.gzipSync(datos, { level: 9 }).length;
  const brotli = zlib.brotliCompressSync(datos, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: datos.length,
    },
  }).length;
  return { archivo, crudo: datos.length, gzip, brotli };
}

const kb = (bytes) => (bytes / KB).toFixed(1);

function tabla(filas, titulo) {
  const ancho = Math.max(24, ...filas.map((f) => f.archivo.length));
  const linea = (a, b, c, d) => `${a.padEnd(ancho)}  ${b.padStart(10)}  ${c.padStart(10)}  ${d.padStart(10)}`;
  const suma = (k) => filas.reduce((t, f) => t + f[k], 0);
  const salida = [titulo, linea("archivo", "crudo KB", "gzip KB", "brotli KB"), "-".repeat(ancho + 36)];
  for (const f of filas) salida.push(linea(f.archivo, kb(f.crudo), kb(f.gzip), kb(f.brotli)));
  salida.push("-".repeat(ancho + 36));
  salida.push(linea("total", kb(suma("crudo")), kb(suma("gzip")), kb(suma("brotli"))));
  return { texto: salida.join("\n"), gzip: suma("gzip"), crudo: suma("crudo"), brotli: suma("brotli") };
}

function main() {
  const estado = construccionAlDia();
  if (!estado.alDia) construir(estado.motivo);
  else process.stdout.write("dist/ está al día con las fuentes (no se construye).\n\n");

  const { locales, externos } = scriptsDeLaPagina();
  const pagina = locales.map(medir);
  const nombrados = new Set(locales);
  const otros = fs
    .readdirSync(DIST)
    .filter((f) => f.endsWith(".js") && !nombrados.has(f))
    .sort()
    .map(medir);

  process.stdout.write(
    `Scripts de dist/taskpane.html (KB = 1000 bytes; gzip nivel 9, brotli calidad 11).\n` +
      `Fuera de la cuenta: ${externos.join(", ") || "ninguno"} (CDN de Microsoft).\n\n`,
  );
  const t = tabla(pagina, "Lo que carga la página del panel (tiempo de ejecución compartido):");
  process.stdout.write(`${t.texto}\n`);
  let totalGzip = t.gzip;
  if (otros.length > 0) {
    const o = tabla(otros, "\nOtros .js en dist/ (bajo demanda; se suman por prudencia):");
    process.stdout.write(`${o.texto}\n`);
    totalGzip += o.gzip;
  }

  const panel = pagina.find((f) => /^taskpane(\.[0-9a-f]+)?\.js$/.test(f.archivo));
  const marca = (ok) => (ok ? "✓" : "✗");
  process.stdout.write("\nMeta: «lo que la página carga al abrirse ≤ 300 KB gzip».\n");
  if (panel) {
    process.stdout.write(`  Solo el paquete del panel (${panel.archivo}): ${kb(panel.gzip)} KB gzip\n`);
  }
  process.stdout.write(
    `  Primera carga (todos los scripts de la página): ${kb(t.gzip)} KB gzip ` +
      `${marca(t.gzip <= META_GZIP)} (margen ${kb(META_GZIP - t.gzip)} KB)  ← la cifra que cuenta\n`,
  );
  if (otros.length > 0) {
    process.stdout.write(
      `  Con todo lo que se carga bajo demanda (las otras pestañas, el ciclo del año, el lector de .xlsx): ` +
        `${kb(totalGzip)} KB gzip (informativo)\n`,
    );
  }
}

main();
