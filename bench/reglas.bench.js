#!/usr/bin/env node
/**
 * Benchmark de la evaluación (§2) y de las reglas (§3) sobre modelos de 1.000, 10.000 y 50.000
 * indicadores construidos directamente (sin leer ningún .xlsx). Usa el código compilado en lib/:
 *
 *   npm run prepare && node bench/reglas.bench.js [--repeticiones 7]
 *
 * Imprime la mediana en ms de evaluar + ejecutarReglas por tamaño y los ms por cada 1.000
 * indicadores, para mostrar que el costo crece de forma lineal. Meta: todo el motor (lector +
 * evaluación + reglas) ≤ 100 ms para 10.000 indicadores, así que evaluación + reglas debe quedar
 * muy por debajo de ~50 ms.
 */
const path = require("node:path");

let dominio;
let registro;
try {
  dominio = require(path.join(__dirname, "..", "lib", "domain"));
  registro = require(path.join(__dirname, "..", "lib", "rules", "registro"));
} catch {
  console.error("No se encontró el código compilado en lib/. Ejecute primero: npm run prepare");
  process.exit(2);
}
const { crearConfiguracion, evaluar } = dominio;
const { ejecutarReglas, REGLAS } = registro;

const argRep = process.argv.indexOf("--repeticiones");
const REPETICIONES = argRep > 0 ? Number(process.argv[argRep + 1]) : 7;
const TAMANOS = [1000, 10000, 50000];
const CORTE = 6;

const doce = (v = null) => new Array(12).fill(v);
const meses = (desde) => Array.from({ length: 12 }, (_, i) => desde + i);

/** Columnas canónicas de la plantilla (las mismas de test/rules/fabrica.ts). */
const COLUMNAS_PMR = {
  campos: {
    codigoObjetivo: 0,
    objetivo: 1,
    codigoProducto: 2,
    producto: 3,
    tipo: 4,
    codigo: 5,
    nombre: 6,
    unidad: 7,
    tendencia: 8,
    periodicidad: 9,
    ponderacion: 10,
    lineaBase: 11,
    metaPlan: 12,
    vigencia: 13,
    metaVigencia: 14,
    ejecutadoAnterior: 39,
    observaciones: 52,
  },
  programado: meses(15),
  ejecutado: meses(27),
  cualitativo: meses(40),
};

/**
 * Un PMR de `n` indicadores: objetivos de 10 indicadores (2 de objetivo y 4 productos con 2
 * indicadores cada uno), tendencias y periodicidades variadas, reportes cualitativos con cifras
 * acumuladas, presupuesto por producto y territorialización de la mitad de los indicadores Suma.
 * Casi todo coherente, con algunos defectos repartidos (como un libro real).
 */
function construirModelo(n) {
  const indicadores = [];
  const presupuesto = [];
  const territorial = [];
  const tendencias = ["SUMA", "SUMA", "CRECIENTE", "DECRECIENTE", "CONSTANTE"];
  let fila = 6;
  let filaPres = 2;
  let filaTer = 2;
  for (let i = 0; i < n; i++) {
    const o = Math.floor(i / 10);
    const k = i % 10;
    const esObjetivo = k < 2;
    const p = esObjetivo ? null : `O${o}-P${Math.floor((k - 2) / 2)}`;
    const tendencia = tendencias[i % tendencias.length];
    const suma = tendencia === "SUMA";
    const mv = suma ? 120 : tendencia === "DECRECIENTE" ? 20 : 60;
    const programado = suma ? doce(10) : doce(null);
    const ejecutado = doce(null);
    const cualitativo = doce(null);
    let acum = 0;
    for (let m = 1; m <= CORTE; m++) {
      const v = suma ? 10 + (i % 7 === 0 ? 1 : 0) : tendencia === "DECRECIENTE" ? 30 - m : 40 + m;
      ejecutado[m - 1] = v;
      acum = suma ? acum + v : v;
      cualitativo[m - 1] =
        i % 13 === 0
          ? null
          : `En el mes se avanzó según lo previsto; acumulado de ${acum.toLocaleString("es-CO")} unidades.`;
    }
    indicadores.push({
      fila: fila++,
      codigoObjetivo: `O${o}`,
      objetivo: `Objetivo ${o}`,
      codigoProducto: p,
      producto: p ? `Producto ${p}` : null,
      tipo: esObjetivo ? "OBJETIVO" : "PRODUCTO",
      tipoTexto: esObjetivo ? "Objetivo" : "Producto",
      codigo: `I${i}`,
      nombre: `Indicador ${i}`,
      unidad: i % 11 === 0 ? "Porcentaje" : "Número",
      tendencia,
      tendenciaTexto: tendencia,
      periodicidad: "MENSUAL",
      periodicidadTexto: "Mensual",
      ponderacion: 0.1,
      lineaBase: tendencia === "DECRECIENTE" ? 30 : tendencia === "CRECIENTE" ? 40 : null,
      metaPlan: suma ? 480 : mv,
      vigencia: 2025,
      metaVigencia: mv,
      ejecutadoAnterior: null,
      programado,
      ejecutado,
      cualitativo,
      cualitativoActual: null,
      observaciones: i % 17 === 0 ? "Sin novedad." : null,
    });
    if (k === 3 || k === 5 || k === 7 || k === 9) {
      const compromisos = doce(null);
      const giros = doce(null);
      for (let m = 1; m <= CORTE; m++) {
        compromisos[m - 1] = 60;
        giros[m - 1] = 30;
      }
      presupuesto.push({
        fila: filaPres++,
        codigoProducto: p,
        tipoRecurso: "INVERSION",
        tipoRecursoTexto: "Inversión",
        proyecto: "7890",
        apropiacion: 500,
        compromisos,
        compromisosAcumulados: null,
        giros,
        girosAcumulados: null,
      });
    }
    if (suma && i % 2 === 0) {
      for (const [localidad, texto, parte] of [
        [8, "8 - Kennedy", 0.5],
        [7, "Bosa", 0.3],
        [0, "Distrital", 0.2],
      ]) {
        territorial.push({
          fila: filaTer++,
          codigoIndicador: `I${i}`,
          localidadTexto: texto,
          localidad,
          metaVigencia: mv * parte,
          ejecutado: acum * parte,
        });
      }
    }
  }
  return {
    pmr: { nombre: "PMR", filaEncabezado: 5, columnas: COLUMNAS_PMR, indicadores },
    presupuesto: {
      nombre: "PMR_Presupuesto",
      filaEncabezado: 1,
      columnas: {
        campos: { codigoProducto: 0, tipoRecurso: 1, proyecto: 2, apropiacion: 3 },
        compromisos: meses(4),
        giros: meses(16),
      },
      filas: presupuesto,
    },
    territorial: {
      nombre: "PMR_Territorial",
      filaEncabezado: 1,
      columnas: { campos: { codigoIndicador: 0, localidad: 1, metaVigencia: 2, ejecutado: 3 } },
      filas: territorial,
    },
    lectura: [],
  };
}

function mediana(valores) {
  const v = [...valores].sort((a, b) => a - b);
  const mitad = Math.floor(v.length / 2);
  return v.length % 2 ? v[mitad] : (v[mitad - 1] + v[mitad]) / 2;
}

const ms = (inicio) => Number(process.hrtime.bigint() - inicio) / 1e6;
const f = (x) => x.toFixed(1).padStart(8);

function principal() {
  const config = crearConfiguracion({});
  console.log(
    `Evaluación + ${REGLAS.length} reglas — mediana de ${REPETICIONES} repeticiones (Node ${process.version})`,
  );
  console.log("indicadores  evaluar(ms)  reglas(ms)  total(ms)  ms/1k ind.  hallazgos");
  for (const n of TAMANOS) {
    const modelo = construirModelo(n);
    // Calentamiento (JIT): más vueltas con los libros pequeños, que si no miden la compilación.
    const vueltas = n >= 50000 ? 1 : n >= 10000 ? 3 : 10;
    for (let v = 0; v < vueltas; v++) ejecutarReglas(modelo, evaluar(modelo, config), config);
    const tEval = [];
    const tReglas = [];
    let hallazgos = 0;
    for (let r = 0; r < REPETICIONES; r++) {
      let t = process.hrtime.bigint();
      const ev = evaluar(modelo, config);
      tEval.push(ms(t));
      t = process.hrtime.bigint();
      hallazgos = ejecutarReglas(modelo, ev, config).length;
      tReglas.push(ms(t));
    }
    const e = mediana(tEval);
    const g = mediana(tReglas);
    const total = mediana(tEval.map((x, i) => x + tReglas[i]));
    console.log(
      `${String(n).padStart(11)}  ${f(e)}     ${f(g)}   ${f(total)}   ${f((total / n) * 1000)}   ${String(hallazgos).padStart(9)}`,
    );
  }
}

module.exports = { construirModelo };
if (require.main === module) principal();
