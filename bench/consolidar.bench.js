/**
 * Benchmark de la consolidación (PMR-SPEC §6.6): los libros de un distrito, 60 entidades de 500
 * indicadores cada una (generados; cada entidad con sus propios códigos), consolidados con
 * `pmr consolidar <carpeta> --salida consolidado.xlsx --formato json` en un proceso nuevo. Imprime
 * el tiempo total, la memoria residente máxima (maxRSS) y el tiempo por archivo, junto a
 * `pmr validar` de un solo archivo. Medianas de PMR_BENCH_CORRIDAS corridas (3 por omisión).
 *
 * Memoria: la consolidación lee un archivo a la vez y suelta su grilla; lo que queda de cada uno es
 * su parte del modelo consolidado. Para mostrarlo se consolida también con 15 y 30 archivos (la
 * pendiente del máximo por archivo) y, dentro del proceso, se mide el montón retenido después de
 * cada archivo (con gc): el máximo solo debe crecer con lo retenido, no con las grillas.
 *
 * Metas: los 60 en menos de 15 s en esta máquina (2 núcleos); la memoria máxima crece por archivo
 * a lo sumo lo que crece el modelo retenido más un margen (1,5 ×).
 *
 *   npm run bench -- consolidar
 *   PMR_BENCH_ARCHIVOS=60 PMR_BENCH_INDICADORES=500 PMR_BENCH_CORRIDAS=5 npm run bench -- consolidar
 *   PMR_BENCH_HALLAZGOS=muchos npm run bench -- consolidar   (unos 13 hallazgos por indicador)
 *
 * Hallazgos: por omisión («pocos») cada libro es uno revisado: observaciones y el avance
 * cualitativo de los 12 meses (columnas «Cualitativo Ene»…«Cualitativo Dic»), así el consolidado
 * casi no tiene hallazgos. Con «muchos», los libros no traen cualitativo ni observaciones: cada
 * indicador da un CUAL-FALTANTE por mes con ejecución (360.000 con 60 × 500) y el informe JSON pasa
 * de 200 MB. El benchmark dice cuántos hallazgos dio el consolidado y de qué reglas.
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
const ARCHIVOS = Math.max(2, Number(process.env.PMR_BENCH_ARCHIVOS) || 60);
const INDICADORES = Math.max(10, Number(process.env.PMR_BENCH_INDICADORES) || 500);
const CORRIDAS = Math.max(1, Number(process.env.PMR_BENCH_CORRIDAS) || 3);
/** «pocos» (por omisión: observaciones y cualitativo de cada mes, como un libro revisado) o «muchos» (unos 13 por indicador). */
const HALLAZGOS = process.env.PMR_BENCH_HALLAZGOS === "muchos" ? "muchos" : "pocos";
const META_SEGUNDOS = 15;
const MARGEN_MEMORIA = 1.5;
const MB = 1024 * 1024;

const uno = new Intl.NumberFormat("es-CO", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const dos = new Intl.NumberFormat("es-CO", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

if (!fs.existsSync(path.join(RAIZ, "lib", "casos", "consolidar.js"))) {
  process.stderr.write("Falta lib/ con consolidar: ejecute «npm run prepare» (o «npm run bench», que lo hace solo).\n");
  process.exit(1);
}

function mediana(v) {
  const s = [...v].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Un proceso node medido: tiempo de pared (ms) y memoria residente máxima (MB). */
function medir(args) {
  const rss = path.join(os.tmpdir(), `pmr-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const inicio = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["-r", PICO, ...args], {
    cwd: RAIZ,
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
    env: { ...process.env, PMR_BENCH_RSS: rss },
  });
  const ms = Number(process.hrtime.bigint() - inicio) / 1e6;
  let mb = NaN;
  try {
    mb = Number(fs.readFileSync(rss, "utf8")) / 1024;
    fs.rmSync(rss);
  } catch {
    // el proceso no llegó a escribirla
  }
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(" ")} terminó con ${r.status}: ${r.stderr}`);
  return { ms, mb };
}

/** Cambia el número de objetivo de los códigos («O1», «P1.2», «IP1.2.3») para que cada entidad tenga los suyos. */
function conCodigosDeEntidad(libro, desplazamiento) {
  const cambiar = (v) =>
    typeof v === "string" ? v.replace(/^(IO|IP|O|P)(\d+)/, (_, a, n) => `${a}${Number(n) + desplazamiento}`) : v;
  for (const hoja of libro.hojas) {
    const columnas = hoja.nombre === "PMR" ? [0, 2, 5] : [0];
    for (let r = 1; r < hoja.valores.length; r++)
      for (const c of columnas) hoja.valores[r][c] = cambiar(hoja.valores[r][c]);
  }
  return libro;
}

/** Consolidación dentro de este proceso: tiempo de cada archivo y montón retenido (con gc) después de cada uno. */
async function enProceso(carpeta) {
  const { consolidar } = require(path.join(RAIZ, "lib", "casos", "consolidar.js"));
  const { leerArchivoXlsx } = require(path.join(RAIZ, "lib", "hosts", "xlsx", "index.js"));
  const rutas = fs
    .readdirSync(carpeta)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => path.join(carpeta, f));
  const tiempos = [];
  const retenido = [];
  let inicio = 0;
  global.gc?.();
  const base = process.memoryUsage().heapUsed;
  const informe = await consolidar(
    rutas.map((r) => ({ nombre: path.basename(r), leer: () => leerArchivoXlsx(r, { hojas: "necesarias" }) })),
    {
      alProgreso: (p) => {
        if (p.etapa === "leyendo") inicio = process.hrtime.bigint();
        if (p.etapa === "leido" || p.etapa === "ilegible") {
          tiempos.push(Number(process.hrtime.bigint() - inicio) / 1e6);
          global.gc?.();
          retenido.push((process.memoryUsage().heapUsed - base) / MB);
        }
      },
    },
  );
  const porRegla = new Map();
  for (const h of informe.hallazgos) porRegla.set(h.regla, (porRegla.get(h.regla) ?? 0) + 1);
  return { tiempos, retenido, hallazgos: informe.hallazgos.length, porRegla };
}

async function main() {
  const carpeta = fs.mkdtempSync(path.join(os.tmpdir(), "pmr-bench-consolidar-"));
  try {
    const libros = path.join(carpeta, "entidades");
    fs.mkdirSync(libros);
    const t0 = Date.now();
    for (let k = 0; k < ARCHIVOS; k++) {
      const libro = conCodigosDeEntidad(
        libroGrillas(INDICADORES, 1000 + k, {
          observaciones: HALLAZGOS !== "muchos",
          cualitativo: HALLAZGOS !== "muchos",
        }),
        k * 1000,
      );
      await escribirXlsx(path.join(libros, `entidad-${String(k + 1).padStart(2, "0")}.xlsx`), libro);
    }
    const unArchivo = path.join(libros, "entidad-01.xlsx");
    console.log(
      `${ARCHIVOS} libros de ${INDICADORES} indicadores (hallazgos: ${HALLAZGOS}) generados en ${uno.format((Date.now() - t0) / 1000)} s (${uno.format(fs.statSync(unArchivo).size / 1024)} KB cada uno).`,
    );
    console.log(
      `Máquina: ${os.cpus().length} núcleos, carga media ${os
        .loadavg()
        .map((x) => dos.format(x))
        .join(" / ")} (1/5/15 min): compartida, por eso las medianas.`,
    );

    // Subconjuntos para la pendiente de la memoria por archivo.
    const subconjuntos = [Math.max(2, Math.round(ARCHIVOS / 4)), Math.max(2, Math.round(ARCHIVOS / 2))].filter(
      (n, i, a) => n < ARCHIVOS && a.indexOf(n) === i,
    );
    const carpetas = new Map([[ARCHIVOS, libros]]);
    for (const n of subconjuntos) {
      const c = path.join(carpeta, `primeros-${n}`);
      fs.mkdirSync(c);
      for (let k = 0; k < n; k++) {
        const f = `entidad-${String(k + 1).padStart(2, "0")}.xlsx`;
        fs.linkSync(path.join(libros, f), path.join(c, f));
      }
      carpetas.set(n, c);
    }

    const consolidarN = (n, i) => {
      const salida = path.join(carpeta, `consolidado-${n}-${i}.xlsx`);
      const r = medir([BIN, "consolidar", carpetas.get(n), "--salida", salida, "--formato", "json"]);
      fs.rmSync(salida, { force: true });
      return r;
    };
    const medidas = new Map([...carpetas.keys()].map((n) => [n, []]));
    const validar = [];
    for (let i = 0; i < CORRIDAS; i++) {
      validar.push(medir([BIN, "validar", unArchivo, "--formato", "json"]));
      for (const n of medidas.keys()) medidas.get(n).push(consolidarN(n, i));
    }

    const total = mediana(medidas.get(ARCHIVOS).map((m) => m.ms)) / 1000;
    const pico = mediana(medidas.get(ARCHIVOS).map((m) => m.mb));
    const validarMs = mediana(validar.map((m) => m.ms));
    const validarMb = mediana(validar.map((m) => m.mb));
    console.log("");
    console.log(`Medianas de ${CORRIDAS} corridas (proceso nuevo cada vez, con el arranque de Node):`);
    console.log(
      `  pmr consolidar, ${ARCHIVOS} libros     ${uno.format(total)} s en total · ${uno.format(pico)} MB de memoria máxima`,
    );
    console.log(
      `                                   ${Math.round((total * 1000) / ARCHIVOS)} ms por archivo (total / ${ARCHIVOS})`,
    );
    console.log(
      `  pmr validar, 1 libro            ${Math.round(validarMs)} ms · ${uno.format(validarMb)} MB de memoria máxima`,
    );
    for (const n of subconjuntos)
      console.log(
        `  pmr consolidar, ${n} libros     ${uno.format(mediana(medidas.get(n).map((m) => m.ms)) / 1000)} s · ${uno.format(mediana(medidas.get(n).map((m) => m.mb)))} MB`,
      );

    // Dentro del proceso: tiempo por archivo (leer + modelo) y montón retenido.
    const { tiempos, retenido, hallazgos, porRegla } = await enProceso(libros);
    const porArchivoRetenido =
      retenido.length > 1 ? (retenido[retenido.length - 1] - retenido[0]) / (retenido.length - 1) : NaN;
    console.log("");
    console.log(`Dentro de un proceso (${ARCHIVOS} libros, gc después de cada uno):`);
    console.log(
      `  leer un archivo y su modelo: mediana ${Math.round(mediana(tiempos))} ms (mín. ${Math.round(Math.min(...tiempos))}, máx. ${Math.round(Math.max(...tiempos))})`,
    );
    console.log(
      `  montón retenido tras el archivo 1: ${uno.format(retenido[0])} MB; tras el ${ARCHIVOS}: ${uno.format(retenido[retenido.length - 1])} MB (${dos.format(porArchivoRetenido)} MB por archivo: el modelo consolidado)`,
    );

    const ns = [...carpetas.keys()].sort((a, b) => a - b);
    const primero = ns[0];
    const pendientePico = (pico - mediana(medidas.get(primero).map((m) => m.mb))) / (ARCHIVOS - primero);
    const reglas = [...porRegla]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([r, n]) => `${r}: ${n.toLocaleString("es-CO")}`)
      .join(", ");
    console.log(
      `  hallazgos del consolidado: ${hallazgos.toLocaleString("es-CO")}${reglas ? ` (${reglas}${porRegla.size > 4 ? ", …" : ""})` : ""}`,
    );
    console.log(`  memoria máxima por archivo (de ${primero} a ${ARCHIVOS} libros): ${dos.format(pendientePico)} MB`);

    console.log("");
    const okTiempo = total < META_SEGUNDOS;
    const okMemoria = pendientePico <= MARGEN_MEMORIA * porArchivoRetenido + 0.5;
    console.log(
      `Meta: ${ARCHIVOS} libros en < ${META_SEGUNDOS} s: ${okTiempo ? "✓ cumple" : "✗ no cumple"} (${uno.format(total)} s)`,
    );
    console.log(
      `Meta: la memoria máxima crece por archivo ≤ ${uno.format(MARGEN_MEMORIA)} × el modelo retenido (+0,5 MB): ${okMemoria ? "✓ cumple" : "✗ no cumple"} (${dos.format(pendientePico)} frente a ${dos.format(porArchivoRetenido)} MB)`,
    );
    if (!okTiempo || !okMemoria) process.exitCode = 1;
  } finally {
    fs.rmSync(carpeta, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
