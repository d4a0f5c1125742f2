/**
 * Benchmark del lector de .xlsx en la línea de comandos: `pmr validar --formato json` (proceso
 * nuevo) frente a un proceso que solo lee el mismo archivo con ExcelJS
 * (`new ExcelJS.Workbook().xlsx.readFile(f)`, la lectura completa «desnuda»), y frente a la
 * lectura de antes (ExcelJS + grillasDeLibro + el mismo motor y el mismo JSON), en la misma
 * corrida. Tiempo de pared (mediana de 3, alternadas) y memoria residente máxima (maxRSS).
 *
 * Metas:
 *   (1) con 20 000 indicadores, pmr ≤ 1,0 × la lectura desnuda en tiempo y en memoria máxima,
 *       con cualquier número de hallazgos: pocos, uno en casi cada fila, varios por fila;
 *   (2) memoria ≤ 8 MB por cada 1 000 indicadores (pendiente de la memoria máxima entre 5 000
 *       y 50 000) y 500 000 indicadores validados con el montón por omisión de Node.
 *
 *   npm run bench -- lector
 *   PMR_BENCH_500K=1 npm run bench -- lector    (además 500 000 indicadores: genera un archivo
 *                                               de ~140 MB y tarda varios minutos)
 *   PMR_BENCH_CORRIDAS=5 npm run bench -- lector
 */
"use strict";

const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { libroGrillas, escribirXlsx } = require("./generar");

const RAIZ = path.resolve(__dirname, "..");
const BIN = path.join(RAIZ, "bin", "pmr.js");
const PICO = path.join(__dirname, "memoria-pico.js");
const CORRIDAS = Math.max(1, Number(process.env.PMR_BENCH_CORRIDAS) || 3);
const META_TAMANO = 20_000;
const TAMANOS_MEMORIA = [5_000, 20_000, 50_000];
const META_RAZON = 1.0;
const META_MB_POR_MIL = 8;
const GRANDE = 500_000;

const MB = 1024 * 1024;
const miles = new Intl.NumberFormat("es-CO");
const uno = new Intl.NumberFormat("es-CO", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const dos = new Intl.NumberFormat("es-CO", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

if (!fs.existsSync(path.join(RAIZ, "lib", "hosts", "xlsx", "grillaExcelJs.js"))) {
  process.stderr.write("Falta lib/: ejecute «npm run prepare» (o «npm run bench», que lo hace solo).\n");
  process.exit(1);
}

const LECTURA_DESNUDA =
  'new (require("exceljs").Workbook)().xlsx.readFile(process.env.PMR_ARCHIVO).then(() => {}, (e) => { console.error(e); process.exit(1); });';

/** La lectura de antes: ExcelJS (sin los nodos que no cambian valores) → grillas → motor → JSON. */
const LECTURA_ANTERIOR = `
const ExcelJS = require("exceljs");
const { grillasDeLibro, NODOS_IGNORADOS } = require(${JSON.stringify(path.join(RAIZ, "lib", "hosts", "xlsx", "grillaExcelJs.js"))});
const { validarLibro } = require(${JSON.stringify(path.join(RAIZ, "lib", "casos", "validar.js"))});
const { informeJson } = require(${JSON.stringify(path.join(RAIZ, "lib", "cli", "informeJson.js"))});
const { validarConfiguracion } = require(${JSON.stringify(path.join(RAIZ, "lib", "domain", "configuracion.js"))});
(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(process.env.PMR_ARCHIVO, { ignoreNodes: NODOS_IGNORADOS });
  const informe = validarLibro(grillasDeLibro(wb), validarConfiguracion({}).configuracion);
  process.stdout.write(JSON.stringify(informeJson(process.env.PMR_ARCHIVO, informe), null, 2) + "\\n");
})().catch((e) => { console.error(e); process.exit(2); });
`;

function mediana(v) {
  const s = [...v].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Un proceso node medido: tiempo de pared (ms), memoria máxima (MB), código y stderr. */
function medir(args, env = {}, nodeArgs = []) {
  const rss = path.join(os.tmpdir(), `pmr-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const inicio = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...nodeArgs, "-r", PICO, ...args], {
    cwd: RAIZ,
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
    env: { ...process.env, ...env, PMR_BENCH_RSS: rss },
    maxBuffer: 64 * MB,
  });
  const ms = Number(process.hrtime.bigint() - inicio) / 1e6;
  let mb = NaN;
  try {
    mb = Number(fs.readFileSync(rss, "utf8")) / 1024;
    fs.rmSync(rss);
  } catch {
    // el proceso no llegó a escribirla (murió)
  }
  return { ms, mb, status: r.status, signal: r.signal, stderr: r.stderr };
}

const desnuda = (archivo) => {
  const r = medir(["-e", LECTURA_DESNUDA], { PMR_ARCHIVO: archivo });
  if (r.status !== 0) throw new Error(`la lectura con ExcelJS falló: ${r.stderr}`);
  return r;
};
const anterior = (archivo) => {
  const r = medir(["-e", LECTURA_ANTERIOR], { PMR_ARCHIVO: archivo });
  if (r.status !== 0) throw new Error(`la lectura anterior falló: ${r.stderr}`);
  return r;
};
const pmr = (archivo) => {
  const r = medir([BIN, "validar", archivo, "--formato", "json"]);
  if (r.status !== 0 && r.status !== 1) throw new Error(`pmr validar terminó con ${r.status}: ${r.stderr}`);
  return r;
};

/** Hallazgos que da pmr (una ejecución aparte, solo para contarlos). */
function contarHallazgos(archivo) {
  const r = spawnSync(process.execPath, [BIN, "validar", archivo, "--formato", "json"], {
    cwd: RAIZ,
    encoding: "utf8",
    maxBuffer: 512 * MB,
  });
  return JSON.parse(r.stdout).hallazgos.length;
}

function imprimirTabla(titulos, filas) {
  const anchos = titulos.map((t, j) => Math.max(t.length, ...filas.map((f) => String(f[j]).length)));
  const linea = (c) =>
    "  " + c.map((x, j) => (j === 0 ? String(x).padEnd(anchos[j]) : String(x).padStart(anchos[j]))).join("   ");
  console.log(linea(titulos));
  for (const f of filas) console.log(linea(f));
}

function cumple(ok) {
  return ok ? "✓ cumple" : "✗ no cumple";
}

/** Pendiente por mínimos cuadrados de y frente a x. */
function pendiente(x, y) {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (x[i] - mx) * (y[i] - my);
    den += (x[i] - mx) ** 2;
  }
  return num / den;
}

const VARIANTES = [
  { nombre: "pocos hallazgos", opciones: { observaciones: true } },
  { nombre: "uno en casi cada fila", opciones: {} },
  { nombre: "varios por fila", opciones: { ilegibles: true } },
];

async function main() {
  const cpus = os.cpus();
  console.log(
    `Fecha: ${new Date().toISOString().slice(0, 10)} · Node ${process.version} · ${cpus.length} núcleos (${cpus[0] ? cpus[0].model.trim() : "?"}) · mediana de ${CORRIDAS}`,
  );
  const carpeta = fs.mkdtempSync(path.join(os.tmpdir(), "pmr-bench-lector-"));
  let fallo = false;
  try {
    // (1) 20 000 indicadores, con pocos y con muchos hallazgos.
    console.log(
      `\n(1) ${miles.format(META_TAMANO)} indicadores: pmr validar --formato json frente a la lectura desnuda con ExcelJS y a la lectura de antes`,
    );
    const filas = [];
    const metas = [];
    for (const v of VARIANTES) {
      const archivo = path.join(carpeta, `pmr-${META_TAMANO}-${VARIANTES.indexOf(v)}.xlsx`);
      await escribirXlsx(archivo, libroGrillas(META_TAMANO, 2025, v.opciones));
      const hallazgos = contarHallazgos(archivo);
      const d = [];
      const a = [];
      const p = [];
      for (let i = 0; i < CORRIDAS; i++) {
        d.push(desnuda(archivo));
        p.push(pmr(archivo));
        a.push(anterior(archivo));
      }
      const r = {
        dMs: mediana(d.map((x) => x.ms)),
        dMb: mediana(d.map((x) => x.mb)),
        aMs: mediana(a.map((x) => x.ms)),
        aMb: mediana(a.map((x) => x.mb)),
        pMs: mediana(p.map((x) => x.ms)),
        pMb: mediana(p.map((x) => x.mb)),
      };
      filas.push([
        v.nombre,
        miles.format(hallazgos),
        `${miles.format(Math.round(r.dMs))} / ${miles.format(Math.round(r.dMb))}`,
        `${miles.format(Math.round(r.aMs))} / ${miles.format(Math.round(r.aMb))}`,
        `${miles.format(Math.round(r.pMs))} / ${miles.format(Math.round(r.pMb))}`,
        dos.format(r.aMs / r.dMs),
        dos.format(r.pMs / r.dMs),
        dos.format(r.pMb / r.dMb),
      ]);
      metas.push({ nombre: v.nombre, tiempo: r.pMs / r.dMs, memoria: r.pMb / r.dMb });
    }
    imprimirTabla(
      [
        "hallazgos",
        "n.º",
        "ExcelJS desnudo ms / MB",
        "antes ms / MB",
        "pmr ms / MB",
        "antes ÷ desnudo",
        "pmr ÷ desnudo (tiempo)",
        "pmr ÷ desnudo (memoria)",
      ],
      filas,
    );
    for (const m of metas) {
      const ok = m.tiempo <= META_RAZON && m.memoria <= META_RAZON;
      if (!ok) fallo = true;
      console.log(
        `  Meta (${m.nombre}): tiempo ≤ ${dos.format(META_RAZON)} × → ${dos.format(m.tiempo)} ×; memoria máxima ≤ ${dos.format(META_RAZON)} × → ${dos.format(m.memoria)} × ${cumple(ok)}`,
      );
    }

    // (2) Memoria por cada 1 000 indicadores.
    console.log(`\n(2) Memoria máxima según el tamaño (libro con varios hallazgos por fila)`);
    const filasMem = [];
    const pmrMb = [];
    const desnudaMb = [];
    const tiemposPmr = [];
    for (const n of TAMANOS_MEMORIA) {
      const archivo = path.join(carpeta, `pmr-mem-${n}.xlsx`);
      await escribirXlsx(archivo, libroGrillas(n, 2025, { ilegibles: true }));
      const tamano = fs.statSync(archivo).size / MB;
      const d = desnuda(archivo);
      const p = pmr(archivo);
      pmrMb.push(p.mb);
      desnudaMb.push(d.mb);
      tiemposPmr.push(p.ms);
      filasMem.push([
        miles.format(n),
        uno.format(tamano),
        miles.format(Math.round(d.mb)),
        miles.format(Math.round(p.mb)),
        miles.format(Math.round(p.ms)),
      ]);
    }
    imprimirTabla(["indicadores", "archivo MB", "ExcelJS desnudo MB", "pmr MB", "pmr ms"], filasMem);
    const kilos = TAMANOS_MEMORIA.map((n) => n / 1000);
    const porMil = pendiente(kilos, pmrMb);
    const porMilDesnuda = pendiente(kilos, desnudaMb);
    const msPorMil = pendiente(kilos, tiemposPmr);
    console.log(
      `  Crecimiento por cada 1.000 indicadores: pmr ${uno.format(porMil)} MB y ${miles.format(Math.round(msPorMil))} ms; ExcelJS desnudo ${uno.format(porMilDesnuda)} MB`,
    );
    const okMem = porMil <= META_MB_POR_MIL;
    if (!okMem) fallo = true;
    console.log(
      `  Meta: ≤ ${META_MB_POR_MIL} MB por cada 1.000 indicadores → ${uno.format(porMil)} MB ${cumple(okMem)}`,
    );

    // 500 000 indicadores con el montón por omisión (solo si se pide: tarda).
    if (process.env.PMR_BENCH_500K === "1") {
      console.log(`\n(3) ${miles.format(GRANDE)} indicadores con el montón por omisión de Node`);
      const archivo = path.join(carpeta, `pmr-${GRANDE}.xlsx`);
      const t = process.hrtime.bigint();
      await escribirXlsx(archivo, libroGrillas(GRANDE, 2025, { ilegibles: true }));
      const generado = Number(process.hrtime.bigint() - t) / 1e9;
      const tamano = fs.statSync(archivo).size / MB;
      const p = medir([BIN, "validar", archivo, "--formato", "json"]);
      const ok = p.status === 0 || p.status === 1;
      if (!ok) fallo = true;
      console.log(
        `  archivo ${uno.format(tamano)} MB (generado en ${uno.format(generado)} s); pmr validar: código ${p.status}${p.signal ? ` (${p.signal})` : ""}, ${uno.format(p.ms / 1000)} s, memoria máxima ${miles.format(Math.round(p.mb))} MB`,
      );
      console.log(
        `  Meta: se valida con el montón por omisión → ${cumple(ok)}${ok ? "" : `: ${p.stderr.slice(0, 300)}`}`,
      );
    } else {
      console.log(
        `\n(3) ${miles.format(GRANDE)} indicadores: no se midió (PMR_BENCH_500K=1 para medirlo; tarda varios minutos).`,
      );
    }
  } finally {
    fs.rmSync(carpeta, { recursive: true, force: true });
  }
  if (fallo) process.exitCode = 1;
}

main().catch((e) => {
  console.error(`El benchmark falló: ${e && e.message ? e.message : String(e)}`);
  process.exit(1);
});
