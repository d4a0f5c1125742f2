/**
 * Benchmark del almacén del complemento en el libro (src/workbook/almacen y
 * src/hosts/xlsx/almacenXlsx.ts, compilados en lib/):
 *
 * (a) Tamaño guardado de un sellado «tipo sellos» de 10.000 indicadores (columnar: 12 meses de
 *     programado y ejecutado, los 6 campos de programación y el avance cualitativo de cada mes),
 *     con tres formas de guardar el cualitativo: nada, su huella (cyrb53, 14 cifras) o el texto
 *     completo. Para cada una: JSON, XML de las partes y cuántas partes (≤ 400 KiB), lo que crece
 *     el .xlsx (el zip ya comprime las partes) y, para decidir si vale la pena comprimir dentro de
 *     la parte, el tamaño con deflate + base64.
 * (b) Tiempos en Node (mediana de 5 tras calentar): codificar (validar con zod, JSON, trozos,
 *     sobre), leer (sobres, huella, JSON, zod), y escribir y volver a leer un .xlsx de 10.000
 *     indicadores con AlmacenXlsx (edición del zip y escritura atómica, con fsync); «sin archivo»
 *     es la misma escritura en memoria (AlmacenXlsx.desdeContenido), para separar lo que cuesta
 *     llevar el archivo al disco.
 *
 *   npm run bench -- almacen            (o node --expose-gc bench/almacen.bench.js)
 *   PMR_BENCH_TAMANOS=1000,10000 npm run bench -- almacen
 *
 * Los textos cualitativos son sintéticos (frases de un vocabulario corto): se comprimen mejor que
 * los reales, así que las cifras comprimidas del texto completo son optimistas.
 */
"use strict";

const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const zlib = require("node:zlib");
const { z } = require("zod");
const { libroGrillas, escribirXlsx, aleatorio } = require("./generar");

const RAIZ = path.resolve(__dirname, "..");
const LIB = path.join(RAIZ, "lib");
if (!fs.existsSync(path.join(LIB, "hosts", "xlsx", "almacenXlsx.js"))) {
  process.stderr.write("Falta lib/: ejecute «npm run prepare» (o «npm run bench», que lo hace solo).\n");
  process.exit(1);
}
const almacen = require(path.join(LIB, "workbook", "almacen", "index.js"));
const { AlmacenXlsx } = require(path.join(LIB, "hosts", "xlsx", "almacenXlsx.js"));
const { cyrb53 } = require(path.join(LIB, "domain", "hash.js"));

const TAMANOS = (process.env.PMR_BENCH_TAMANOS || "10000")
  .split(",")
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
const miles = new Intl.NumberFormat("es-CO");
const dos = new Intl.NumberFormat("es-CO", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const uno = new Intl.NumberFormat("es-CO", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const MB = 1024 * 1024;

const serie = z.array(z.array(z.number().nullable()));
const Sello = z
  .object({
    fecha: z.string(),
    mes: z.number().int(),
    nota: z.string().nullable(),
    codigos: z.array(z.string()),
    programado: serie,
    ejecutado: serie,
    cualitativo: z.array(z.array(z.string().nullable())).nullable(),
    metaVigencia: z.array(z.number().nullable()),
    metaPlan: z.array(z.number().nullable()),
    lineaBase: z.array(z.number().nullable()),
    tendencia: z.array(z.string().nullable()),
    ponderacion: z.array(z.number().nullable()),
    periodicidad: z.array(z.string().nullable()),
  })
  .strict();
const RANURA = almacen.definirRanura({
  nombre: "sellos-bench",
  descripcion: "los sellos del benchmark",
  version: 1,
  schema: z.object({ sellos: z.array(Sello) }).strict(),
});

const PALABRAS =
  "durante el mes se realizaron jornadas de atención a hogares en las localidades de Kennedy Bosa Suba y Ciudad Bolívar con entrega de apoyos alimentarios; se avanzó en la contratación del operador y la meta acumulada alcanza el porcentaje previsto según el reporte del sistema de información misional. Se presentaron retrasos por lluvias que afectaron la logística de distribución y se articuló con la Secretaría de Salud".split(
    " ",
  );

/** Un sellado de diciembre de `n` indicadores; `textos`: "ninguno", "huella" o "completos". */
function sello(n, textos) {
  const r = aleatorio(7);
  const numero = () => {
    const x = r();
    if (x < 0.3) return Math.floor(r() * 100);
    if (x < 0.6) return Math.round(r() * 10000) / 100;
    return Math.round(r() * 1e6) / 1e3;
  };
  const texto = () => {
    const largo = 120 + Math.floor(r() * 130);
    let s = "";
    while (s.length < largo)
      s += PALABRAS[Math.floor(r() * PALABRAS.length)] + (r() < 0.1 ? ` ${Math.floor(r() * 5000)} ` : " ");
    return `${s.slice(0, largo).trim()}.`;
  };
  const codigos = Array.from({ length: n }, (_v, i) => `IP${1 + (i % 50)}.${1 + Math.floor(i / 50)}.${i % 7}`);
  const porMes = (f) => Array.from({ length: 12 }, () => codigos.map(f));
  return {
    sellos: [
      {
        fecha: "2025-12-31T12:00:00.000Z",
        mes: 12,
        nota: "Cierre de la vigencia",
        codigos,
        programado: porMes(numero),
        ejecutado: porMes(() => (r() < 0.1 ? null : numero())),
        cualitativo: textos === "ninguno" ? null : porMes(() => (textos === "huella" ? cyrb53(texto()) : texto())),
        metaVigencia: codigos.map(numero),
        metaPlan: codigos.map(numero),
        lineaBase: codigos.map(() => (r() < 0.2 ? null : numero())),
        tendencia: codigos.map(() => ["Suma", "Creciente", "Constante", "Decreciente"][Math.floor(r() * 4)]),
        ponderacion: codigos.map(() => Math.round(r() * 100) / 100),
        periodicidad: codigos.map(() => "Mensual"),
      },
    ],
  };
}

function ms(desde) {
  return Number(process.hrtime.bigint() - desde) / 1e6;
}
function mediana(v) {
  const s = [...v].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
function medir(fn, corridas = 5, calentar = 1) {
  for (let i = 0; i < calentar; i++) fn();
  const t = [];
  for (let i = 0; i < corridas; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    t.push(ms(t0));
  }
  return mediana(t);
}
async function medirAsync(fn, corridas = 5, calentar = 1) {
  for (let i = 0; i < calentar; i++) await fn();
  const t = [];
  for (let i = 0; i < corridas; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    t.push(ms(t0));
  }
  return mediana(t);
}
function imprimirTabla(titulos, filas) {
  const anchos = titulos.map((t, j) => Math.max(t.length, ...filas.map((f) => String(f[j]).length)));
  const linea = (c) =>
    "  " + c.map((x, j) => (j === 0 ? String(x).padEnd(anchos[j]) : String(x).padStart(anchos[j]))).join("   ");
  console.log(linea(titulos));
  for (const f of filas) console.log(linea(f));
}

async function main() {
  const carpeta = fs.mkdtempSync(path.join(os.tmpdir(), "pmr-bench-almacen-"));
  try {
    for (const n of TAMANOS) {
      console.log(`\n(a) Tamaño guardado de un sellado de ${miles.format(n)} indicadores (12 meses)`);
      const libro = path.join(carpeta, `libro-${n}.xlsx`);
      await escribirXlsx(libro, libroGrillas(n));
      const bytesLibro = fs.statSync(libro).size;
      const filas = [];
      const casos = {};
      for (const textos of ["ninguno", "huella", "completos"]) {
        const datos = sello(n, textos);
        const json = JSON.stringify(datos);
        const partes = almacen.codificarRanura(RANURA, datos);
        const bytesXml = partes.reduce((s, p) => s + Buffer.byteLength(p), 0);
        const maxParte = Math.max(...partes.map((p) => Buffer.byteLength(p)));
        const copia = path.join(carpeta, `copia-${n}-${textos}.xlsx`);
        fs.copyFileSync(libro, copia);
        const a = await AlmacenXlsx.abrir(copia);
        await a.escribir(RANURA, datos);
        const crece = fs.statSync(copia).size - bytesLibro;
        const deflateB64 = zlib.deflateRawSync(json, { level: 6 }).toString("base64").length;
        casos[textos] = { datos, partes, copia };
        filas.push([
          { ninguno: "sin cualitativo", huella: "cualitativo: huella", completos: "cualitativo: texto" }[textos],
          dos.format(Buffer.byteLength(json) / MB),
          dos.format(bytesXml / MB),
          partes.length,
          uno.format(maxParte / 1024),
          dos.format(crece / MB),
          dos.format(deflateB64 / MB),
        ]);
      }
      imprimirTabla(
        [
          "Qué se guarda",
          "JSON (MB)",
          "XML (MB)",
          "Partes",
          "Parte máx. (KiB)",
          ".xlsx crece (MB)",
          "deflate+base64 (MB)",
        ],
        filas,
      );
      console.log(`  (.xlsx de ${miles.format(n)} indicadores sin almacén: ${dos.format(bytesLibro / MB)} MB)`);

      console.log(`\n(b) Tiempos con ${miles.format(n)} indicadores (ms, mediana de 5)`);
      const tiempos = [];
      for (const textos of ["huella", "completos"]) {
        const { datos, partes, copia } = casos[textos];
        const guardadas = partes.map((xml, i) => ({ id: String(i), xml }));
        const codificar = medir(() => almacen.codificarRanura(RANURA, datos));
        const leer = medir(() => almacen.leerRanuraDePartes(RANURA, guardadas));
        const escribirXlsxMs = await medirAsync(async () => {
          const a = await AlmacenXlsx.abrir(copia);
          await a.escribir(RANURA, datos);
        });
        const bytesCopia = fs.readFileSync(copia);
        const enMemoriaMs = await medirAsync(async () => {
          const a = await AlmacenXlsx.desdeContenido(bytesCopia);
          await a.escribir(RANURA, datos);
        });
        const leerXlsxMs = await medirAsync(async () => {
          const a = await AlmacenXlsx.abrir(copia);
          const r = await a.leer(RANURA);
          if (r.problemas.length || !r.datos) throw new Error(r.problemas.join(" "));
        });
        tiempos.push([
          { huella: "cualitativo: huella", completos: "cualitativo: texto" }[textos],
          miles.format(Math.round(codificar)),
          miles.format(Math.round(leer)),
          miles.format(Math.round(escribirXlsxMs)),
          miles.format(Math.round(enMemoriaMs)),
          miles.format(Math.round(leerXlsxMs)),
        ]);
      }
      imprimirTabla(
        [
          "Qué se guarda",
          "Codificar",
          "Leer partes",
          "Abrir + escribir .xlsx",
          "Lo mismo sin archivo",
          "Abrir + leer .xlsx",
        ],
        tiempos,
      );
    }
  } finally {
    fs.rmSync(carpeta, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
