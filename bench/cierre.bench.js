/**
 * Benchmark del cierre (issue 12, punto 5): `pmr validar` de un libro de N indicadores (por omisión
 * 10.000) sin sello y con dos sellos (junio y diciembre), lo que tarda `pmr sellar` y lo que
 * ocupan los sellos dentro del .xlsx (partes XML, bytes sin comprimir y lo que crece el archivo).
 * Corre la línea de comandos compilada (lib/cli/main.js) dentro del proceso, con la salida
 * descartada; mediana de 5 corridas de cada libro, intercaladas, tras una de calentamiento.
 *
 *   npm run bench -- cierre           (o node --expose-gc bench/cierre.bench.js)
 *   PMR_BENCH_TAMANOS=1000,10000 npm run bench -- cierre
 */
"use strict";

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { libroGrillas, escribirXlsx } = require("./generar");

const RAIZ = path.resolve(__dirname, "..");
const { main } = require(path.join(RAIZ, "lib", "cli", "main.js"));

const tamanos = (process.env.PMR_BENCH_TAMANOS ?? "10000").split(",").map((t) => Number(t.trim()));
const nulo = () => ({ stdout: { write: () => true }, stderr: { write: (t) => process.stderr.write(t) }, env: {} });
const ms = (desde) => Number(process.hrtime.bigint() - desde) / 1e6;
const mediana = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (b) => (b / 1024 / 1024).toLocaleString("es-CO", { maximumFractionDigits: 2 });

/** Medianas de `veces` corridas de cada orden, intercaladas (a, b, a, b…) tras calentar ambas. */
async function tiempos(ordenes, veces = 5) {
  for (const args of ordenes) await main(args, nulo());
  const ts = ordenes.map(() => []);
  for (let i = 0; i < veces; i++) {
    for (let k = 0; k < ordenes.length; k++) {
      global.gc?.();
      const t = process.hrtime.bigint();
      await main(ordenes[k], nulo());
      ts[k].push(ms(t));
    }
  }
  return ts.map((x) => Math.round(mediana(x)));
}

async function partesDelAlmacen(archivo) {
  const JSZip = require("jszip");
  const zip = await JSZip.loadAsync(fs.readFileSync(archivo));
  let partes = 0;
  let bytes = 0;
  for (const [nombre, f] of Object.entries(zip.files)) {
    if (!/^customXml\/item\d+\.xml$/.test(nombre)) continue;
    partes++;
    bytes += (await f.async("nodebuffer")).length;
  }
  return { partes, bytes };
}

(async () => {
  const carpeta = fs.mkdtempSync(path.join(os.tmpdir(), "pmr-bench-cierre-"));
  console.log(
    "| Indicadores | validar sin sello | sellar junio | sellar diciembre | validar con 2 sellos | partes | sellos sin comprimir | el .xlsx crece |",
  );
  console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const n of tamanos) {
    const libro = path.join(carpeta, `libro-${n}.xlsx`);
    await escribirXlsx(libro, libroGrillas(n));
    const sellado = path.join(carpeta, `sellado-${n}.xlsx`);
    let t = process.hrtime.bigint();
    if ((await main(["sellar", libro, "--mes", "6", "--salida", sellado], nulo())) !== 0)
      throw new Error("sellar junio");
    const sellarJunio = Math.round(ms(t));
    t = process.hrtime.bigint();
    if ((await main(["sellar", sellado, "--mes", "12"], nulo())) !== 0) throw new Error("sellar diciembre");
    const sellarDic = Math.round(ms(t));
    const [sinSello, conSello] = await tiempos([
      ["validar", libro, "--formato", "json"],
      ["validar", sellado, "--formato", "json"],
    ]);
    const { partes, bytes } = await partesDelAlmacen(sellado);
    const crece = fs.statSync(sellado).size - fs.statSync(libro).size;
    console.log(
      `| ${n.toLocaleString("es-CO")} | ${sinSello} ms | ${sellarJunio} ms | ${sellarDic} ms | ${conSello} ms | ${partes} | ${mb(bytes)} MB | ${mb(crece)} MB |`,
    );
  }
  fs.rmSync(carpeta, { recursive: true, force: true });
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
