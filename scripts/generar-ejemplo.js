#!/usr/bin/env node
/**
 * Genera el libro de ejemplo ejemplos/pmr-ejemplo.xlsx y su ejemplos/README.md (la tabla de
 * problemas deliberados sale de los mismos datos, así que no se desactualiza).
 *
 *   npm run ejemplo                 → escribe en ejemplos/
 *   node scripts/generar-ejemplo.js <carpeta>   → escribe en otra carpeta (lo usan las pruebas)
 *
 * Determinista: los datos están en scripts/ejemplo/datos.js y la fecha del libro es fija.
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { escribirLibro, problemasDelLibro, datosEjemplo, ENTIDAD, VIGENCIA, CORTE, MESES_LARGOS } = require("./ejemplo");

const NOMBRE_LIBRO = "pmr-ejemplo.xlsx";

function conteo(lista, clave) {
  const m = new Map();
  for (const x of lista) m.set(x[clave], (m.get(x[clave]) ?? 0) + 1);
  return [...m.entries()].map(([k, n]) => `${k} (${n})`).join(", ");
}

function readme() {
  // Los conteos describen el libro sin problemas (el problema 3 cambia un tipo y el 4 una tendencia).
  const datos = datosEjemplo({ problemas: false });
  const problemas = problemasDelLibro();
  const celdaMd = (s) => s.replace(/\|/g, "\\|");
  const filas = problemas
    .map((p, i) => `| ${i + 1} | ${p.hoja} | ${p.celda} | ${celdaMd(p.descripcion)} | ${p.categoria} | \`${p.id}\` |`)
    .join("\n");
  return `# Libro de ejemplo

\`pmr-ejemplo.xlsx\` es el PMR (formato PLE-PIN-F020) de una entidad distrital **ficticia**, la
*${ENTIDAD}*, para la vigencia ${VIGENCIA}, con ejecuciones reportadas hasta
${MESES_LARGOS[CORTE - 1]} (el corte que se deduce es el mes ${CORTE}).

> Archivo generado por \`npm run ejemplo\` (scripts/generar-ejemplo.js, con los datos de
> scripts/ejemplo/datos.js). No lo edite a mano: cambie los datos y vuelva a generarlo. Una
> prueba comprueba que el archivo guardado es el que genera el script.

Pruébelo:

\`\`\`sh
npx pmr validar ejemplos/pmr-ejemplo.xlsx
npx pmr validar ejemplos/pmr-ejemplo.xlsx --formato json
\`\`\`

## Qué contiene

- **Instrucciones**: una hoja de texto antes del PMR (el PMR se encuentra por su nombre).
- **PMR**: bloque de título en las filas 1 a 3 (entidad, «Formato PLE-PIN-F020», vigencia) y
  encabezados en la fila 5; una fila por indicador.
  - ${datos.objetivos.length} objetivos, ${datos.productos.length} productos y ${datos.indicadores.length} indicadores
    (${conteo(datos.indicadores, "tipo")}, antes de los problemas deliberados).
  - Tendencias: ${conteo(datos.indicadores, "tendencia")} (una de Suma está escrita «Sumatoria»: problema 4).
  - Periodicidades: ${conteo(datos.indicadores, "periodicidad")}.
  - Programación mensual de enero a diciembre y ejecución de enero a septiembre (los indicadores
    no mensuales, solo en sus meses de reporte); reporte cualitativo de cada mes hasta
    septiembre, de menos de 250 caracteres, que en los meses sin medición explica la gestión del
    mes. Los textos de septiembre de los indicadores de suma mensuales declaran el acumulado
    («Con corte a septiembre se registra un acumulado de 18.030 hogares»); en los demás textos no
    hay cifras.
  - Algunos encabezados son sinónimos de los canónicos: «Tipo de anualización» (Tendencia),
    «Cód. indicador» (Código indicador), «Peso» (Ponderación), «Tipo de indicador».
  - Valores escritos de varias formas: números con formato de porcentaje, textos con coma
    decimal («0,645», «0,88») y textos de porcentaje («76%»); las ponderaciones de O1, O3 y O4 son
    números con formato de porcentaje, las de O2 son textos («20%») y O5 no tiene ponderaciones
    (todos sus indicadores pesan igual).
- **PMR_Presupuesto**: una fila por producto y fuente (inversión y funcionamiento), apropiación
  vigente, compromisos y giros mensuales de enero a septiembre (encabezados en la fila 4).
- **PMR_Territorial**: metas y ejecutado acumulado a septiembre por localidad, escritas por
  número (\`19\`) o por nombre («Ciudad Bolívar»), más «Distrital» (encabezados en la fila 3).

Fuera de los problemas de la tabla, todo es coherente: cada objetivo tiene indicador de objetivo
y productos, cada producto tiene indicador de producto y recursos, las ponderaciones suman 100 %,
la programación mensual de los indicadores de suma suma la meta vigencia, ningún avance supera
el 125 %, las series crecientes no bajan y las decrecientes no suben, los compromisos no superan
la apropiación y los giros no superan los compromisos, el avance físico y el financiero de cada
producto difieren en menos de 30 puntos, y las localidades suman la meta vigencia y el
acumulado.

## Problemas deliberados

Cada problema está aislado: no provoca otros hallazgos. La celda es la que señala el hallazgo
(para el producto sin indicador y el producto incoherente, la del código del producto en su fila
del PMR).

| # | Hoja | Celda | Qué está mal | Familia (categoría) | Id |
|---|---|---|---|---|---|
${filas}
`;
}

async function main() {
  const carpeta = path.resolve(process.argv[2] ?? path.join(__dirname, "..", "ejemplos"));
  fs.mkdirSync(carpeta, { recursive: true });
  const libro = path.join(carpeta, NOMBRE_LIBRO);
  await escribirLibro(libro);
  fs.writeFileSync(path.join(carpeta, "README.md"), readme());
  process.stdout.write(`Libro de ejemplo escrito en ${path.relative(process.cwd(), libro) || libro}\n`);
}

main().catch((e) => {
  process.stderr.write(`No se pudo generar el libro de ejemplo: ${e && e.message ? e.message : String(e)}\n`);
  process.exit(1);
});
