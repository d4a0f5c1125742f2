/**
 * Benchmark del adaptador de Excel (src/hosts/excel) sobre el Excel falso (test/fakes/excel-falso):
 * viajes a Excel (`context.sync()`) y tiempo de leer + validar + resaltar, y de quitar el
 * resaltado, para 1.000, 10.000 y 50.000 indicadores. Los viajes deben ser los mismos en los tres
 * tamaños (lectura ≤ 3, resaltado ≤ 2).
 *
 *   node bench/excel.bench.js            (también lo corre `npm run bench`)
 *   node bench/excel.bench.js 1000 5000  (otros tamaños)
 *
 * Compilación: `npm run prepare` (tsconfig.cli.json) no incluye src/hosts/excel ni test/fakes, así
 * que este script transpila con la API de TypeScript (`ts.transpileModule`, sin comprobar tipos:
 * eso lo hace `npm run typecheck`) src/domain, src/workbook, src/rules, src/casos,
 * src/hosts/excel y el Excel falso (test/fakes/excel-falso.ts, partes-xml-falsas.ts y escritura-falsa.ts) a una
 * carpeta temporal (con un enlace a node_modules para zod) y la borra al terminar. Los libros
 * salen de bench/generar.js.
 *
 * Los tiempos son los del lado de JavaScript con el Excel falso (que también copia y mide los
 * datos); no incluyen lo que tarda Excel de verdad en cada viaje, que es justamente lo que
 * ahorran los pocos viajes. «Respuesta máx.» es el tamaño aproximado (JSON) de la respuesta más
 * grande de un viaje: Excel en la Web rechaza las de más de 5 MB, y entonces el adaptador lee por
 * bloques de filas (un viaje por bloque); la última parte de la salida mide ese caso.
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const ts = require("typescript");
const { libroGrillas } = require("./generar");

const RAIZ = path.join(__dirname, "..");
const CARPETAS = ["src/domain", "src/workbook", "src/rules", "src/casos", "src/hosts/excel"];
const ARCHIVOS = ["test/fakes/excel-falso.ts", "test/fakes/partes-xml-falsas.ts", "test/fakes/escritura-falsa.ts"];
const TAMANOS = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
const LIMITE_WEB = 5 * 1024 * 1024;

function archivosTs(carpeta) {
  const salida = [];
  for (const e of fs.readdirSync(path.join(RAIZ, carpeta), { withFileTypes: true })) {
    const rel = path.posix.join(carpeta, e.name);
    if (e.isDirectory()) salida.push(...archivosTs(rel));
    else if (/\.tsx?$/.test(e.name) && !/\.(d|test)\.tsx?$/.test(e.name)) salida.push(rel);
  }
  return salida;
}

/** Transpila lo necesario a una carpeta temporal y devuelve su ruta. */
function compilar() {
  const destino = fs.mkdtempSync(path.join(os.tmpdir(), "pmr-bench-excel-"));
  const opciones = {
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2022,
    esModuleInterop: true,
    useDefineForClassFields: true,
    jsx: ts.JsxEmit.ReactJSX,
  };
  for (const rel of [...CARPETAS.flatMap(archivosTs), ...ARCHIVOS]) {
    const fuente = fs.readFileSync(path.join(RAIZ, rel), "utf8");
    const { outputText } = ts.transpileModule(fuente, { compilerOptions: opciones, fileName: rel });
    const salida = path.join(destino, rel.replace(/\.tsx?$/, ".js"));
    fs.mkdirSync(path.dirname(salida), { recursive: true });
    fs.writeFileSync(salida, outputText);
  }
  fs.symlinkSync(path.join(RAIZ, "node_modules"), path.join(destino, "node_modules"), "dir");
  return destino;
}

function ms(desde) {
  return Number(process.hrtime.bigint() - desde) / 1e6;
}

function fila(celdas, anchos) {
  return celdas.map((c, i) => (i === 0 ? String(c).padEnd(anchos[i]) : String(c).padStart(anchos[i]))).join("  ");
}

async function medir(n, m) {
  const grillas = libroGrillas(n);
  const libro = m.falso.crearLibroFalso(grillas);
  const ejecutar = libro.run;
  const config = m.dominio.crearConfiguracion();

  let t = process.hrtime.bigint();
  const lectura = await m.excel.leerLibroConMedida(ejecutar);
  const msLectura = ms(t);
  const syncsLectura = libro.syncs;
  const respuestaMax = Math.max(...libro.medidas.map((x) => x.bytesRespuesta));

  t = process.hrtime.bigint();
  const informe = m.motor.validarLibro(lectura.libro, config);
  const msValidacion = ms(t);

  libro.reiniciarConteo();
  t = process.hrtime.bigint();
  const resaltado = await m.excel.resaltarConMedida(informe.hallazgos, ejecutar, lectura.nombresHojas);
  const msResaltado = ms(t);
  const syncsResaltado = libro.syncs;

  libro.reiniciarConteo();
  t = process.hrtime.bigint();
  const quitado = await m.excel.quitarResaltadoConMedida(ejecutar);
  const msQuitar = ms(t);
  const syncsQuitar = libro.syncs;
  if (quitado.borrados !== resaltado.formatos) {
    throw new Error(`Quitar borró ${quitado.borrados} formatos de ${resaltado.formatos}.`);
  }

  // La misma lectura en «Excel en la Web» (5 MB por respuesta): por bloques si no cabe.
  const web = m.falso.crearLibroFalso(grillas, { limiteBytesRespuesta: LIMITE_WEB });
  t = process.hrtime.bigint();
  await m.excel.leerLibroConMedida(web.run);
  const msLecturaWeb = ms(t);
  const syncsLecturaWeb = web.syncs;

  return {
    n,
    msLecturaWeb,
    syncsLecturaWeb,
    hallazgos: informe.hallazgos.length,
    formatos: resaltado.formatos,
    syncsLectura,
    syncsResaltado,
    syncsQuitar,
    msLectura,
    msValidacion,
    msResaltado,
    msQuitar,
    respuestaMax,
  };
}

async function main() {
  const inicio = process.hrtime.bigint();
  const carpeta = compilar();
  try {
    const m = {
      falso: require(path.join(carpeta, "test/fakes/excel-falso.js")),
      excel: require(path.join(carpeta, "src/hosts/excel/index.js")),
      motor: require(path.join(carpeta, "src/casos/validar.js")),
      dominio: require(path.join(carpeta, "src/domain/index.js")),
    };
    console.log(`Adaptador de Excel sobre el Excel falso (compilado en ${ms(inicio).toFixed(0)} ms)\n`);
    const encabezado = [
      "indicadores",
      "hallazgos",
      "formatos",
      "syncs leer",
      "syncs resaltar",
      "syncs quitar",
      "leer ms",
      "validar ms",
      "resaltar ms",
      "quitar ms",
      "total ms",
      "respuesta máx.",
    ];
    const anchos = encabezado.map((e) => Math.max(e.length, 9));
    console.log(fila(encabezado, anchos));
    console.log(anchos.map((a) => "-".repeat(a)).join("  "));
    const resultados = [];
    for (const n of TAMANOS.length ? TAMANOS : [1_000, 10_000, 50_000]) {
      const r = await medir(n, m);
      resultados.push(r);
      const total = r.msLectura + r.msValidacion + r.msResaltado;
      console.log(
        fila(
          [
            r.n.toLocaleString("es-CO"),
            r.hallazgos.toLocaleString("es-CO"),
            r.formatos,
            r.syncsLectura,
            r.syncsResaltado,
            r.syncsQuitar,
            r.msLectura.toFixed(0),
            r.msValidacion.toFixed(0),
            r.msResaltado.toFixed(0),
            r.msQuitar.toFixed(0),
            total.toFixed(0),
            `${(r.respuestaMax / 1024 / 1024).toFixed(1)} MB${r.respuestaMax > LIMITE_WEB ? " (>5 MB)" : ""}`,
          ],
          anchos,
        ),
      );
    }
    const constantes = resultados.every(
      (r) =>
        r.syncsLectura === resultados[0].syncsLectura &&
        r.syncsResaltado === resultados[0].syncsResaltado &&
        r.syncsQuitar === resultados[0].syncsQuitar,
    );
    const enMeta = resultados.every((r) => r.syncsLectura <= 3 && r.syncsResaltado <= 2);
    console.log(
      `\nViajes a Excel iguales en todos los tamaños: ${constantes ? "sí" : "NO"}; lectura ≤ 3 y resaltado ≤ 2: ${enMeta ? "sí" : "NO"}.`,
    );
    console.log(
      "\nExcel en la Web (rechaza respuestas de más de 5 MB; si la lectura no cabe, se lee por bloques de filas):",
    );
    for (const r of resultados) {
      console.log(
        `  ${r.n.toLocaleString("es-CO").padStart(7)} indicadores: ${r.syncsLecturaWeb} viajes de lectura${
          r.respuestaMax > LIMITE_WEB ? " (1 rechazado + tamaños + bloques)" : ""
        }, ${r.msLecturaWeb.toFixed(0)} ms`,
      );
    }
    if (!constantes || !enMeta) process.exitCode = 1;
  } finally {
    fs.rmSync(carpeta, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
