/**
 * Benchmark del motor y de la línea de comandos con libros sintéticos de 1 000, 10 000 y 50 000
 * indicadores (12 meses programados y ejecutados cada uno; ver bench/generar.js).
 *
 * (a) Motor: `validarLibro` (grilla → hallazgos) de lib/casos/validar.js, mediana de 15
 *     ejecuciones (5 con 50 000) tras calentar, con el desglose lector / evaluación / reglas, y la memoria
 *     (heapUsed y rss antes y después, con global.gc() antes). Meta: ≤ 100 ms con 10 000.
 * (b) Línea de comandos: `pmr validar` completo (proceso nuevo) frente a un proceso que solo lee
 *     el mismo archivo con ExcelJS (`new ExcelJS.Workbook().xlsx.readFile(f)`), mediana de 3.
 *     Meta: pmr ≤ 1,3 × la lectura sola.
 *
 *   npm run bench -- motor                         (o node --expose-gc bench/motor.bench.js)
 *   PMR_BENCH_TAMANOS=1000,10000 npm run bench -- motor   (otros tamaños)
 *   PMR_BENCH_PARTES=motor npm run bench -- motor         (solo (a); «cli» para solo (b))
 */
"use strict";

const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { libroGrillas, escribirXlsx } = require("./generar");

const RAIZ = path.resolve(__dirname, "..");
const LIB = path.join(RAIZ, "lib");
const BIN = path.join(RAIZ, "bin", "pmr.js");

const TAMANOS = (process.env.PMR_BENCH_TAMANOS || "1000,10000,50000")
  .split(",")
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
const META_MOTOR_MS = 100;
const META_MOTOR_TAMANO = 10000;
const META_RAZON_CLI = 1.3;
const CORRIDAS_CLI = 3;

if (!fs.existsSync(path.join(LIB, "casos", "validar.js"))) {
  process.stderr.write("Falta lib/: ejecute «npm run prepare» (o «npm run bench», que lo hace solo).\n");
  process.exit(1);
}
if (typeof global.gc !== "function") {
  process.stderr.write("Ejecute con «node --expose-gc» (npm run bench lo hace) para medir la memoria.\n");
  process.exit(1);
}

const { validarLibro } = require(path.join(LIB, "casos", "validar.js"));
const { leerModelo } = require(path.join(LIB, "workbook", "lector.js"));
const { ejecutarReglas } = require(path.join(LIB, "rules", "registro.js"));
const { evaluar, CONFIGURACION_POR_DEFECTO } = require(path.join(LIB, "domain", "index.js"));

const config = CONFIGURACION_POR_DEFECTO;
const miles = new Intl.NumberFormat("es-CO");
const uno = new Intl.NumberFormat("es-CO", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const dos = new Intl.NumberFormat("es-CO", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const MB = 1024 * 1024;

function mediana(valores) {
  const v = [...valores].sort((a, b) => a - b);
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

function ms(desde) {
  return Number(process.hrtime.bigint() - desde) / 1e6;
}

function columna(texto, ancho, derecha = true) {
  const s = String(texto);
  return derecha ? s.padStart(ancho) : s.padEnd(ancho);
}

function imprimirTabla(titulos, filas) {
  const anchos = titulos.map((t, j) => Math.max(t.length, ...filas.map((f) => String(f[j]).length)));
  const linea = (celdas) => "  " + celdas.map((c, j) => columna(c, anchos[j], j > 0)).join("   ");
  console.log(linea(titulos));
  for (const f of filas) console.log(linea(f));
}

function cumple(ok) {
  return ok ? "✓ cumple" : "✗ no cumple";
}

/** (a) Motor en este proceso. */
function medirMotor() {
  console.log("(a) Motor: validarLibro (grilla → modelo → evaluación → reglas → hallazgos)");
  const filas = [];
  let motor10k = null;
  for (const n of TAMANOS) {
    global.gc();
    const antesGrilla = process.memoryUsage().heapUsed;
    const libro = libroGrillas(n);
    global.gc();
    const grillaMb = (process.memoryUsage().heapUsed - antesGrilla) / MB;

    // Calentar lo suficiente para que el JIT ya haya optimizado el código (si no, el libro
    // pequeño mide sobre todo la compilación y el crecimiento parece no lineal).
    const calentamiento = n >= 50000 ? 2 : n >= 10000 ? 5 : 20;
    const corridas = n >= 50000 ? 5 : 15;
    for (let i = 0; i < calentamiento; i++) validarLibro(libro, config);

    const tiempos = [];
    const lector = [];
    const evaluacion = [];
    const reglas = [];
    let hallazgos = 0;
    // Primero el motor entero, ejecución tras ejecución (como quien valida varias veces)…
    for (let i = 0; i < corridas; i++) {
      const t = process.hrtime.bigint();
      const informe = validarLibro(libro, config);
      tiempos.push(ms(t));
      hallazgos = informe.hallazgos.length;
    }
    // …y después el desglose por etapa (mismas funciones que validarLibro, medidas por
    // separado), en su propia serie para que su basura no se cobre a las ejecuciones de arriba.
    for (let i = 0; i < corridas; i++) {
      let t = process.hrtime.bigint();
      const modelo = leerModelo(libro);
      lector.push(ms(t));
      t = process.hrtime.bigint();
      const ev = evaluar(modelo, config);
      evaluacion.push(ms(t));
      t = process.hrtime.bigint();
      ejecutarReglas(modelo, ev, config);
      reglas.push(ms(t));
    }

    // Memoria de una ejecución: antes (tras gc) y justo después; lo retenido, tras otro gc.
    global.gc();
    const m0 = process.memoryUsage();
    let informe = validarLibro(libro, config);
    const m1 = process.memoryUsage();
    global.gc();
    const m2 = process.memoryUsage();
    const retenido = (m2.heapUsed - m0.heapUsed) / MB;
    informe = null;

    const med = mediana(tiempos);
    if (n === META_MOTOR_TAMANO) motor10k = med;
    filas.push([
      miles.format(n),
      uno.format(med),
      dos.format(med / (n / 1000)),
      `${uno.format(mediana(lector))} / ${uno.format(mediana(evaluacion))} / ${uno.format(mediana(reglas))}`,
      uno.format(grillaMb),
      uno.format((m1.heapUsed - m0.heapUsed) / MB),
      uno.format((m1.rss - m0.rss) / MB),
      uno.format(retenido),
      miles.format(hallazgos),
    ]);
    void informe;
  }
  imprimirTabla(
    [
      "indicadores",
      "mediana ms",
      "ms por 1k",
      "lector / evaluación / reglas ms",
      "grilla MB",
      "heap Δ MB",
      "rss Δ MB",
      "retenido MB",
      "hallazgos",
    ],
    filas,
  );
  if (motor10k !== null) {
    console.log(
      `  Meta: ≤ ${META_MOTOR_MS} ms con ${miles.format(META_MOTOR_TAMANO)} indicadores → ${uno.format(motor10k)} ms ${cumple(motor10k <= META_MOTOR_MS)}`,
    );
  }
  console.log(
    "  (heap Δ y rss Δ: justo después de una ejecución, con gc antes; retenido: lo que queda tras otro gc mientras el informe sigue vivo)",
  );
}

/** Un proceso: node con los argumentos dados; devuelve el tiempo de pared en ms. */
function cronometrar(args, env = {}) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, {
    cwd: RAIZ,
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
    env: { ...process.env, ...env },
    maxBuffer: 64 * MB,
  });
  const tiempo = ms(t);
  return { tiempo, status: r.status, stderr: r.stderr };
}

const LECTURA_SOLA =
  'new (require("exceljs").Workbook)().xlsx.readFile(process.env.PMR_ARCHIVO).then(() => {}, (e) => { console.error(e); process.exit(1); });';

/** (b) Línea de comandos frente a la lectura sola con ExcelJS. */
async function medirCli() {
  console.log("");
  console.log(
    `(b) pmr validar (proceso completo, salida en texto) frente a solo leer el archivo con ExcelJS; mediana de ${CORRIDAS_CLI}`,
  );
  const carpeta = fs.mkdtempSync(path.join(os.tmpdir(), "pmr-bench-"));
  const filas = [];
  const razones = [];
  try {
    for (const n of TAMANOS) {
      const archivo = path.join(carpeta, `pmr-${n}.xlsx`);
      await escribirXlsx(archivo, libroGrillas(n));
      const tamano = fs.statSync(archivo).size / MB;
      const lectura = [];
      const cli = [];
      for (let i = 0; i < CORRIDAS_CLI; i++) {
        // Alternadas, para que la carga de la máquina afecte a las dos por igual.
        const l = cronometrar(["-e", LECTURA_SOLA], { PMR_ARCHIVO: archivo });
        if (l.status !== 0) throw new Error(`la lectura con ExcelJS falló: ${l.stderr}`);
        lectura.push(l.tiempo);
        const c = cronometrar([BIN, "validar", archivo]);
        if (c.status !== 0 && c.status !== 1) throw new Error(`pmr validar terminó con ${c.status}: ${c.stderr}`);
        cli.push(c.tiempo);
      }
      const ml = mediana(lectura);
      const mc = mediana(cli);
      razones.push([n, mc / ml]);
      filas.push([
        miles.format(n),
        uno.format(tamano),
        miles.format(Math.round(ml)),
        miles.format(Math.round(mc)),
        dos.format(mc / ml),
      ]);
    }
  } finally {
    fs.rmSync(carpeta, { recursive: true, force: true });
  }
  imprimirTabla(["indicadores", "archivo MB", "solo ExcelJS ms", "pmr validar ms", "razón"], filas);
  for (const [n, r] of razones) {
    console.log(
      `  Meta: pmr ≤ ${dos.format(META_RAZON_CLI)} × lectura con ${miles.format(n)} indicadores → ${dos.format(r)} × ${cumple(r <= META_RAZON_CLI)}`,
    );
  }
}

async function main() {
  const cpus = os.cpus();
  console.log(
    `Fecha: ${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${cpus.length} núcleos (${cpus[0] ? cpus[0].model.trim() : "?"}) · tamaños: ${TAMANOS.map((n) => miles.format(n)).join(", ")}`,
  );
  console.log("");
  const partes = (process.env.PMR_BENCH_PARTES || "motor,cli").split(",").map((x) => x.trim());
  if (partes.includes("motor")) medirMotor();
  if (partes.includes("cli")) await medirCli();
}

main().catch((e) => {
  console.error(`El benchmark falló: ${e && e.message ? e.message : String(e)}`);
  process.exit(1);
});
