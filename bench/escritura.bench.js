/**
 * Benchmark del puerto de escritura: una hoja de informe con N filas × 8 columnas (textos,
 * números con formato, una fórmula por fila), una tabla, una validación y un gráfico de barras de
 * las primeras 20 filas, más una segunda hoja pequeña.
 *
 * - Escritor de Office.js (`escribirLibroExcel`) con el Excel falso: viajes a Excel al escribir y
 *   al reemplazar (deben ser 2 y 3 con cualquier N), tiempo del lado de JavaScript y tamaño
 *   aproximado (JSON) de lo enviado en el viaje de escritura (Excel en la Web admite 5 MB).
 * - Escritor de .xlsx (`escribirLibroXlsx`, ExcelJS + gráficos por zip): tiempo y tamaño del archivo.
 *
 *   node bench/escritura.bench.js               (también lo corre `npm run bench`)
 *   node bench/escritura.bench.js 1000 5000     (otros tamaños)
 *
 * Como bench/excel.bench.js, transpila con la API de TypeScript (sin comprobar tipos) lo necesario
 * a una carpeta temporal y la borra al terminar. Lo que tarda un Excel real no se mide aquí.
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const ts = require("typescript");

const RAIZ = path.join(__dirname, "..");
const CARPETAS = ["src/domain", "src/workbook", "src/rules", "src/casos", "src/hosts/excel", "src/hosts/xlsx"];
const ARCHIVOS = ["test/fakes/excel-falso.ts", "test/fakes/escritura-falsa.ts"];
const TAMANOS = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);

function archivosTs(carpeta) {
  const salida = [];
  for (const e of fs.readdirSync(path.join(RAIZ, carpeta), { withFileTypes: true })) {
    const rel = path.posix.join(carpeta, e.name);
    if (e.isDirectory()) salida.push(...archivosTs(rel));
    else if (/\.tsx?$/.test(e.name) && !/\.(d|test)\.tsx?$/.test(e.name)) salida.push(rel);
  }
  return salida;
}

function compilar() {
  const destino = fs.mkdtempSync(path.join(os.tmpdir(), "pmr-bench-escritura-"));
  const opciones = {
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2022,
    esModuleInterop: true,
    useDefineForClassFields: true,
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

function descripcion(e, n) {
  const filas = [];
  for (let i = 0; i < n; i++) {
    const f = i + 4;
    filas.push([
      `O${i % 50}`,
      `Objetivo ${i % 50} con un nombre de largo realista para un informe`,
      `IP${i}`,
      i % 4 === 0 ? "Suma" : "Creciente",
      0.1 + (i % 10) / 10,
      100 + i,
      90 + (i % 30),
      e.formula(`=IF(F${f}=0,"",G${f}/F${f})`),
    ]);
  }
  const ultima = 3 + n;
  const informe = e
    .hoja("Informe PMR", "informe-anual")
    .titulo("A1:H1", "Informe anual PMR")
    .celdas("A3", [
      [
        "Código objetivo",
        "Objetivo",
        "Código indicador",
        "Tendencia",
        "Ponderación",
        "Programado",
        "Ejecutado",
        "Avance",
      ],
      ...filas,
    ])
    .formato(`E4:E${ultima}`, e.FORMATOS_EXCEL.porcentaje)
    .formato(`F4:G${ultima}`, e.FORMATOS_EXCEL.numero)
    .formato(`H4:H${ultima}`, e.FORMATOS_EXCEL.porcentaje)
    .estilo("A3:H3", "encabezado")
    .ancho("B", 50)
    .inmovilizar(3, 1)
    .tabla({ nombre: "Informe", rango: `A3:H${ultima}` })
    .validacion({
      rango: `D4:D${ultima}`,
      regla: { tipo: "lista", valores: ["Suma", "Creciente", "Constante", "Decreciente"] },
    })
    .grafico({
      nombre: "Avance",
      tipo: "barrasAgrupadas",
      titulo: "Avance",
      posicion: "J3:Q20",
      series: [{ nombre: "Avance", categorias: `C4:C${Math.min(ultima, 23)}`, valores: `E4:E${Math.min(ultima, 23)}` }],
    });
  const resumen = e.hoja("Resumen PMR", "informe-anual").celdas("A1", [["Indicadores", n]]);
  return e.libro(informe, resumen);
}

async function medir(n, m) {
  const d = descripcion(m.escritura, n);
  const libro = m.falso.crearLibroFalso({ hojas: [{ nombre: "PMR" }] });
  const opciones = { ejecutar: libro.run, confirmarReemplazo: async () => true };

  let t = process.hrtime.bigint();
  const r1 = await m.excel.escribirLibroExcel(d, opciones);
  const msEscribir = ms(t);
  const envio = Math.max(...libro.medidas.map((x) => x.bytesPeticion));
  libro.reiniciarConteo();
  t = process.hrtime.bigint();
  const r2 = await m.excel.escribirLibroExcel(d, opciones);
  const msReemplazar = ms(t);

  t = process.hrtime.bigint();
  const x = await m.xlsx.escribirLibroXlsx(d);
  const msXlsx = ms(t);
  return { n, syncs: `${r1.syncs} / ${r2.syncs}`, msEscribir, msReemplazar, envio, msXlsx, bytes: x.archivo.length };
}

async function main() {
  const destino = compilar();
  try {
    const m = {
      escritura: require(path.join(destino, "src/workbook/escritura/index.js")),
      excel: require(path.join(destino, "src/hosts/excel/index.js")),
      xlsx: require(path.join(destino, "src/hosts/xlsx/index.js")),
      falso: require(path.join(destino, "test/fakes/excel-falso.js")),
    };
    // Calentar.
    await medir(200, m);
    const tamanos = TAMANOS.length ? TAMANOS : [1000, 10000, 50000];
    console.log("Puerto de escritura: informe de N filas × 8 columnas, tabla, validación y gráfico");
    console.log(
      "Filas    Viajes (escribir / reemplazar)  Office.js (ms)  Reemplazar (ms)  Envío máx. (MB)  .xlsx (ms)  .xlsx (MB)",
    );
    for (const n of tamanos) {
      const r = await medir(n, m);
      console.log(
        [
          String(r.n).padEnd(7),
          r.syncs.padStart(31),
          r.msEscribir.toFixed(0).padStart(14),
          r.msReemplazar.toFixed(0).padStart(16),
          (r.envio / 1024 / 1024).toFixed(2).padStart(16),
          r.msXlsx.toFixed(0).padStart(11),
          (r.bytes / 1024 / 1024).toFixed(2).padStart(10),
        ].join("  "),
      );
    }
  } finally {
    fs.rmSync(destino, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
