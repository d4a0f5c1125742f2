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
 *
 * «Validar mientras escribe» (al final): el controlador del panel (src/taskpane/controlador.ts)
 * con el adaptador real sobre el falso, escuchando Worksheet.onChanged. Se escribe una celda de
 * una fila (como el usuario) y se mide desde el cambio hasta el resaltado actualizado: la pausa
 * (debounce) y, aparte, el trabajo (leer + validar + resaltar), con sus viajes a Excel. Con el
 * libro de ejemplo (ejemplos/pmr-ejemplo.xlsx) y con 10.000 indicadores; mediana de 7 cambios
 * tras 3 de calentamiento.
 */
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const ts = require("typescript");
const { libroGrillas } = require("./generar");

const RAIZ = path.join(__dirname, "..");
const CARPETAS = [
  "src/domain",
  "src/workbook",
  "src/rules",
  "src/casos",
  "src/hosts/excel",
  "src/hosts/xlsx",
  "src/functions",
  "src/taskpane",
];
const ARCHIVOS = [
  "test/fakes/excel-falso.ts",
  "test/fakes/eventos-falsos.ts",
  "test/fakes/partes-xml-falsas.ts",
  "test/fakes/escritura-falsa.ts",
];
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

function mediana(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/**
 * Desde que el usuario escribe una celda hasta que el resaltado está al día, con el controlador
 * del panel y el adaptador real sobre el Excel falso. Alterna la celda entre un número y un texto
 * ilegible, así cada cambio pone o quita un hallazgo (y su resaltado).
 */
async function medirEnVivo(nombre, grillas, m) {
  const libro = m.falso.crearLibroFalso(grillas);
  // Las dependencias reales del panel (con su lector de «Validar mientras escribe») sobre el
  // Excel falso instalado como anfitrión.
  const { desinstalar } = m.falso.instalarExcelFalso(globalThis, libro);
  const almacen = m.estado.crearAlmacen(m.estado.ESTADO_INICIAL);
  const marcas = { inicio: 0, validando: 0, resaltando: 0, fin: 0, syncsAntes: 0 };
  const base = m.controlador.dependenciasExcel();
  const etapas = m.casos.MENSAJES_CASOS.etapas;
  const deps = {
    ...base,
    validar: async (progreso, origen) => {
      marcas.inicio = performance.now();
      marcas.syncsAntes = libro.syncs;
      const r = await base.validar((etapa) => {
        if (etapa === etapas.validando) marcas.validando = performance.now();
        if (etapa === etapas.resaltando) marcas.resaltando = performance.now();
        progreso(etapa);
      }, origen);
      marcas.fin = performance.now();
      return r;
    },
    preferencias: { leer: () => null, guardar: () => undefined },
    programar: m.enVivo.programarConTemporizador,
    ahora: () => Date.now(),
  };
  const acciones = m.controlador.crearAcciones(almacen, deps);
  await acciones.alternarEnVivo(true); // escucha y valida una vez
  const informe = almacen.obtener().informe;
  const pmr = informe.modelo.pmr;
  const ind = pmr.indicadores[Math.floor(pmr.indicadores.length / 2)];
  const col = pmr.columnas.ejecutado.find((c) => c !== null);
  const celda = m.dominio.direccionA1(ind.fila, col);
  const original = libro.valor(pmr.nombre, celda);
  const esperarFin = async (desde) => {
    for (;;) {
      const e = almacen.obtener();
      if (!e.validando && e.ultimaValidacion !== null && e.ultimaValidacion >= desde && marcas.fin >= marcas.inicio)
        return;
      await new Promise((r) => setTimeout(r, 2));
    }
  };
  const trabajo = [];
  const tiempos = { leer: [], validar: [], resaltar: [] };
  const total = [];
  const syncs = [];
  const pausas = [];
  let resaltadoAlDia = true;
  for (let i = 0; i < 10; i++) {
    const ilegible = i % 2 === 0;
    await new Promise((r) => setTimeout(r, m.enVivo.VENTANA_PROPIA_MS + 50));
    const desde = Date.now();
    const t0 = performance.now();
    libro.escribirComoUsuario(pmr.nombre, celda, ilegible ? "diez" : original === "" ? 1 : original);
    await esperarFin(desde);
    const fin = performance.now();
    // El resaltado de la celda sigue al cambio: aparece con el texto ilegible, se va con el número.
    const relleno = libro.rellenoVisible(pmr.nombre, celda);
    if ((relleno === m.excel.COLORES_RESALTADO.error) !== ilegible) resaltadoAlDia = false;
    if (i < 3) continue;
    trabajo.push(marcas.fin - marcas.inicio);
    tiempos.leer.push(marcas.validando - marcas.inicio);
    tiempos.validar.push(marcas.resaltando - marcas.validando);
    tiempos.resaltar.push(marcas.fin - marcas.resaltando);
    total.push(fin - t0);
    pausas.push(marcas.inicio - t0);
    syncs.push(libro.syncs - marcas.syncsAntes);
  }
  await acciones.alternarEnVivo(false);
  desinstalar();
  return {
    nombre,
    indicadores: pmr.indicadores.length,
    hallazgos: informe.hallazgos.length,
    pausa: mediana(pausas),
    trabajo: mediana(trabajo),
    leer: mediana(tiempos.leer),
    validar: mediana(tiempos.validar),
    resaltar: mediana(tiempos.resaltar),
    total: mediana(total),
    syncs: [...new Set(syncs)],
    resaltadoAlDia,
  };
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
      xlsx: require(path.join(carpeta, "src/hosts/xlsx/index.js")),
      controlador: require(path.join(carpeta, "src/taskpane/controlador.js")),
      estado: require(path.join(carpeta, "src/taskpane/estado.js")),
      enVivo: require(path.join(carpeta, "src/taskpane/enVivo.js")),
      casos: require(path.join(carpeta, "src/casos/mensajes.js")),
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
    const diezMil = resultados.find((r) => r.n === 10_000);
    if (diezMil) {
      const frio = diezMil.msLectura + diezMil.msValidacion + diezMil.msResaltado;
      console.log(
        `\nValidación completa en frío con 10.000 indicadores (leer + validar + resaltar, la primera del proceso): ` +
          `${frio.toFixed(0)} ms; meta ≤ 300 ms: ${frio <= 300 ? "✓ cumple" : "✗ no cumple"}.`,
      );
    }
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
    console.log(
      `\n«Validar mientras escribe»: de una celda escrita al resaltado al día (pausa de ${m.enVivo.PAUSA_EN_VIVO_MS} ms antes de validar; mediana de 7 cambios):`,
    );
    const ejemplo = await m.xlsx.leerArchivoXlsx(path.join(RAIZ, "ejemplos", "pmr-ejemplo.xlsx"));
    const enVivo = [await medirEnVivo("ejemplo", ejemplo, m), await medirEnVivo("10.000", libroGrillas(10_000), m)];
    for (const r of enVivo) {
      console.log(
        `  ${r.nombre.padEnd(8)} (${r.indicadores.toLocaleString("es-CO")} indicadores, ${r.hallazgos.toLocaleString("es-CO")} hallazgos): ` +
          `trabajo ${r.trabajo.toFixed(0)} ms (leer ${r.leer.toFixed(0)} + validar ${r.validar.toFixed(0)} + resaltar ${r.resaltar.toFixed(0)}), ${r.syncs.join("/")} viajes; ` +
          `con la pausa ${r.total.toFixed(0)} ms; resaltado al día: ${r.resaltadoAlDia ? "sí" : "NO"}`,
      );
    }
    const syncsIguales = new Set(enVivo.flatMap((r) => r.syncs)).size === 1;
    console.log(
      `  Viajes iguales con 30 y con 10.000 indicadores: ${syncsIguales ? "sí" : "NO"}. Meta del trabajo a 10.000: ≤ 100 ms → ` +
        `${(enVivo[1]?.trabajo ?? NaN).toFixed(0)} ms ${enVivo[1]?.trabajo <= 100 ? "✓ cumple" : "✗ no cumple"}.`,
    );
    if (!constantes || !enMeta || !syncsIguales || enVivo.some((r) => !r.resaltadoAlDia)) process.exitCode = 1;
  } finally {
    fs.rmSync(carpeta, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
