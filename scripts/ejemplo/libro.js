/**
 * Escritura del libro de ejemplo con ExcelJS, en varias disposiciones para las pruebas:
 * encabezados del ejemplo (con algunos sinónimos), canónicos o todos sinónimos; meses en una
 * fila («Programado Ene») o en dos filas con el grupo combinado encima («Programación» sobre
 * «Ene»…); datos como rango o como tabla de Excel; con o sin bloque de título. Determinista:
 * las mismas opciones dan el mismo libro.
 */
"use strict";

const ExcelJS = require("exceljs");
const { datosEjemplo, ENTIDAD, VIGENCIA, MESES_LARGOS } = require("./datos");

const MESES = ["Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Sep", "Oct", "Nov", "Dic"];
/** Fecha fija de creación y modificación: el archivo no cambia entre ejecuciones. */
const FECHA_FIJA = new Date(Date.UTC(2025, 9, 6, 12, 0, 0));

/** Campos escalares de la hoja PMR: [campo, canónico, sinónimo, encabezado del ejemplo]. */
const CAMPOS = [
  ["codigoObjetivo", "Código objetivo", "Cód. objetivo", "Código objetivo"],
  ["objetivo", "Objetivo", "Nombre objetivo", "Objetivo"],
  ["codigoProducto", "Código producto", "Cód. producto", "Código producto"],
  ["producto", "Producto", "Nombre producto", "Producto"],
  ["tipo", "Tipo indicador", "Tipo de indicador", "Tipo de indicador"],
  ["codigo", "Código indicador", "Cód. indicador", "Cód. indicador"],
  ["nombre", "Indicador", "Nombre indicador", "Indicador"],
  ["unidad", "Unidad de medida", "Unidad", "Unidad de medida"],
  ["tendencia", "Tendencia", "Tipo de anualización", "Tipo de anualización"],
  ["periodicidad", "Periodicidad", "Periodicidad de medición", "Periodicidad"],
  ["ponderacion", "Ponderación", "Peso", "Peso"],
  ["lineaBase", "Línea base", "LB", "Línea base"],
  ["metaPlan", "Meta plan", "Meta cuatrienio", "Meta plan"],
  ["vigencia", "Vigencia", "Año", "Vigencia"],
  ["metaVigencia", "Meta vigencia", "Meta anual", "Meta vigencia"],
];
const CAMPO_ANTERIOR = [
  "ejecutadoAnterior",
  "Ejecutado vigencias anteriores",
  "Ejecución acumulada anterior",
  "Ejecutado vigencias anteriores",
];
const CAMPO_OBSERVACIONES = ["observaciones", "Observaciones", "Justificación", "Observaciones"];
/** Series mensuales: [serie, prefijo canónico, sinónimo (función del mes), grupo de dos filas]. */
const SERIES = {
  programado: ["Programado", (m) => `Prog. ${MESES[m]}`, "Programación"],
  ejecutado: ["Ejecutado", (m) => `Ejec. ${MESES[m]}`, "Ejecución"],
  cualitativo: ["Cualitativo", (m) => `Avance cualitativo ${MESES_LARGOS[m]}`, "Avance cualitativo"],
};

const OPCIONES_POR_DEFECTO = {
  /** true (todos), false (ninguno) o lista de ids (ver PROBLEMAS en datos.js). */
  problemas: true,
  /** "ejemplo" (algunos sinónimos), "canonicos" o "sinonimos". */
  encabezados: "ejemplo",
  /** Meses en dos filas: grupo combinado encima y el nombre del mes debajo. */
  mesesEnDosFilas: false,
  /** Datos del PMR como tabla de Excel (ListObject). */
  tabla: false,
  /** Bloque de título encima de los encabezados (entidad, formato, vigencia). */
  titulo: true,
  presupuesto: true,
  territorial: true,
  /** Hoja de instrucciones antes del PMR. */
  instrucciones: true,
};

function letraColumna(indice) {
  let n = indice + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * Columnas de la hoja PMR según las opciones: lista de { clave, encabezado, grupo, mesCorto }
 * con clave «campo» o «serie.mes» (mes 1-based).
 */
function columnasPmr(opciones) {
  const cual = opciones.encabezados === "canonicos" ? 1 : opciones.encabezados === "sinonimos" ? 2 : 3;
  const cols = [];
  const campo = (def) => cols.push({ clave: def[0], encabezado: def[cual] });
  const serie = (nombre) => {
    const [prefijo, sinonimo, grupo] = SERIES[nombre];
    for (let m = 0; m < 12; m++) {
      const encabezado = opciones.mesesEnDosFilas ? MESES[m] : cual === 2 ? sinonimo(m) : `${prefijo} ${MESES[m]}`;
      cols.push({ clave: `${nombre}.${m + 1}`, encabezado, grupo: opciones.mesesEnDosFilas ? grupo : null });
    }
  };
  CAMPOS.forEach(campo);
  serie("programado");
  serie("ejecutado");
  campo(CAMPO_ANTERIOR);
  serie("cualitativo");
  campo(CAMPO_OBSERVACIONES);
  return cols;
}

/** Disposición de la hoja PMR: fila de encabezados (1-based) y columna (0-based) de cada clave. */
function disposicionPmr(opciones) {
  const o = { ...OPCIONES_POR_DEFECTO, ...opciones };
  const columnas = columnasPmr(o);
  const filaEncabezado = o.titulo ? 5 : o.mesesEnDosFilas ? 2 : 1;
  const indice = new Map(columnas.map((c, i) => [c.clave, i]));
  return { columnas, filaEncabezado, primeraFila: filaEncabezado + 1, indice };
}

const FORMATO_PORCENTAJE = "0.0%";
const FORMATO_ENTERO = "#,##0";
const FORMATO_DECIMAL = "#,##0.0";
const FORMATO_PESOS = '"$"#,##0';

/** Valor de celda de un número según cómo lo escribe la persona (número, texto con coma, «76%»). */
function valorEscrito(v, escritura) {
  if (v === null || v === undefined) return null;
  if (escritura === "texto-coma") return String(v).replace(".", ",");
  if (escritura === "texto-porcentaje") return `${Math.round(v * 1000) / 10}%`.replace(".", ",");
  return v;
}

function formatoNumero(v, escritura) {
  if (escritura === "porcentaje") return FORMATO_PORCENTAJE;
  return Number.isInteger(v) ? FORMATO_ENTERO : FORMATO_DECIMAL;
}

/** Filas de la hoja PMR: por cada indicador, [valor, formato] por columna. */
function filasPmr(datos, disposicion) {
  return datos.indicadores.map((ind) => {
    const esPct = ind.unidad === "Porcentaje";
    const numeroMeta = (v) => {
      if (v === null || v === undefined) return [null, null];
      return [v, esPct ? FORMATO_PORCENTAJE : formatoNumero(v)];
    };
    const mensual = (v) => {
      if (v === null || v === undefined) return [null, null];
      const escrito = valorEscrito(v, ind.escritura);
      return [escrito, typeof escrito === "number" ? (esPct ? FORMATO_PORCENTAJE : formatoNumero(v)) : null];
    };
    let peso = [null, null];
    if (ind.peso !== null && ind.formatoPeso === "numero") peso = [ind.peso, "0%"];
    else if (ind.peso !== null && ind.formatoPeso === "texto") peso = [`${Math.round(ind.peso * 100)}%`, null];
    const valores = {
      codigoObjetivo: [ind.o, null],
      objetivo: [ind.objetivo, null],
      codigoProducto: [ind.p, null],
      producto: [ind.producto, null],
      tipo: [ind.tipo, null],
      codigo: [ind.codigo, null],
      nombre: [ind.nombre, null],
      unidad: [ind.unidad, null],
      tendencia: [ind.tendencia, null],
      periodicidad: [ind.periodicidad, null],
      ponderacion: peso,
      lineaBase: numeroMeta(ind.lb),
      metaPlan: numeroMeta(ind.mp),
      vigencia: [ind.vigencia, "0"],
      metaVigencia: numeroMeta(ind.mv),
      ejecutadoAnterior: numeroMeta(ind.anterior),
      observaciones: [ind.obs, null],
    };
    return disposicion.columnas.map((c) => {
      const especial = ind.especiales[c.clave];
      if (especial) return [especial, null];
      if (c.clave in valores) return valores[c.clave];
      const [serie, mes] = c.clave.split(".");
      if (serie === "cualitativo") return [ind.cualitativo[mes - 1], null];
      return mensual(ind[serie === "programado" ? "prog" : "ejec"][mes - 1]);
    });
  });
}

const ESTILO_TITULO = { bold: true, size: 14 };
const RELLENO_ENCABEZADO = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E79" } };
const FUENTE_ENCABEZADO = { bold: true, color: { argb: "FFFFFFFF" } };

function estiloEncabezado(celda) {
  celda.font = FUENTE_ENCABEZADO;
  celda.fill = RELLENO_ENCABEZADO;
  celda.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
}

function bloqueTitulo(ws, lineas, ancho) {
  lineas.forEach((texto, i) => {
    const celda = ws.getCell(i + 1, 1);
    celda.value = texto;
    celda.font = i === 0 ? ESTILO_TITULO : { bold: i === 1 };
    ws.mergeCells(i + 1, 1, i + 1, ancho);
  });
}

function hojaPmr(libro, datos, o) {
  const d = disposicionPmr(o);
  const ws = libro.addWorksheet("PMR", { views: [{ state: "frozen", xSplit: 7, ySplit: d.filaEncabezado }] });
  if (o.titulo) {
    bloqueTitulo(
      ws,
      [
        ENTIDAD,
        "Formato PLE-PIN-F020 — Productos, Metas y Resultados (PMR)",
        `Vigencia ${VIGENCIA} · Seguimiento con corte a septiembre`,
      ],
      7,
    );
  }
  const filas = filasPmr(datos, d);
  if (o.tabla) {
    if (o.mesesEnDosFilas) throw new Error("Una tabla de Excel no admite encabezados en dos filas.");
    ws.addTable({
      name: "TablaPMR",
      ref: `A${d.filaEncabezado}`,
      headerRow: true,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: d.columnas.map((c) => ({ name: c.encabezado })),
      rows: filas.map((f) => f.map(([v]) => (v === null ? null : v))),
    });
    // Formatos de número de las celdas de la tabla.
    filas.forEach((f, i) => {
      f.forEach(([, formato], j) => {
        if (formato) ws.getCell(d.primeraFila + i, j + 1).numFmt = formato;
      });
    });
  } else {
    d.columnas.forEach((c, j) => {
      const celda = ws.getCell(d.filaEncabezado, j + 1);
      celda.value = c.encabezado;
      estiloEncabezado(celda);
    });
    if (o.mesesEnDosFilas) {
      const arriba = d.filaEncabezado - 1;
      let j = 0;
      while (j < d.columnas.length) {
        const c = d.columnas[j];
        if (c.grupo) {
          let k = j;
          while (k + 1 < d.columnas.length && d.columnas[k + 1].grupo === c.grupo) k++;
          const celda = ws.getCell(arriba, j + 1);
          celda.value = c.grupo;
          estiloEncabezado(celda);
          ws.mergeCells(arriba, j + 1, arriba, k + 1);
          j = k + 1;
        } else {
          // El encabezado de una columna sin grupo ocupa las dos filas (combinadas en vertical).
          const celda = ws.getCell(arriba, j + 1);
          celda.value = c.encabezado;
          estiloEncabezado(celda);
          ws.getCell(d.filaEncabezado, j + 1).value = null;
          ws.mergeCells(arriba, j + 1, d.filaEncabezado, j + 1);
          j++;
        }
      }
    }
    filas.forEach((f, i) => {
      const fila = ws.getRow(d.primeraFila + i);
      f.forEach(([v, formato], j) => {
        if (v === null || v === undefined) return;
        const celda = fila.getCell(j + 1);
        celda.value = v;
        if (formato) celda.numFmt = formato;
      });
    });
  }
  d.columnas.forEach((c, j) => {
    const col = ws.getColumn(j + 1);
    col.width = c.clave.startsWith("cualitativo.")
      ? 60
      : c.clave === "objetivo" || c.clave === "producto" || c.clave === "nombre"
        ? 40
        : 14;
  });
  return d;
}

function hojaPresupuesto(libro, datos, o) {
  const ws = libro.addWorksheet("PMR_Presupuesto");
  const encabezados = [
    "Código producto",
    "Tipo de recurso",
    "Proyecto de inversión",
    "Apropiación vigente",
    ...MESES.map((m) => `Compromisos ${m}`),
    ...MESES.map((m) => `Giros ${m}`),
  ];
  const filaEncabezado = o.titulo ? 4 : 1;
  if (o.titulo) bloqueTitulo(ws, [ENTIDAD, `Recursos por producto — vigencia ${VIGENCIA} (pesos corrientes)`], 4);
  encabezados.forEach((e, j) => {
    const celda = ws.getCell(filaEncabezado, j + 1);
    celda.value = e;
    estiloEncabezado(celda);
  });
  datos.presupuesto.forEach((p, i) => {
    const fila = ws.getRow(filaEncabezado + 1 + i);
    const valores = [p.codigoProducto, p.tipoRecurso, p.proyecto, p.apropiacion, ...p.compromisos, ...p.giros];
    valores.forEach((v, j) => {
      if (v === null) return;
      const celda = fila.getCell(j + 1);
      celda.value = v;
      if (typeof v === "number") celda.numFmt = FORMATO_PESOS;
    });
  });
  ws.getColumn(3).width = 48;
  for (let j = 4; j <= encabezados.length; j++) ws.getColumn(j).width = 18;
  return { filaEncabezado, encabezados };
}

function hojaTerritorial(libro, datos, o) {
  const ws = libro.addWorksheet("PMR_Territorial");
  const encabezados = ["Código indicador", "Localidad", "Meta vigencia", "Ejecutado"];
  const filaEncabezado = o.titulo ? 3 : 1;
  if (o.titulo)
    bloqueTitulo(
      ws,
      [ENTIDAD, `Territorialización de metas — vigencia ${VIGENCIA}, ejecutado acumulado a septiembre`],
      4,
    );
  encabezados.forEach((e, j) => {
    const celda = ws.getCell(filaEncabezado, j + 1);
    celda.value = e;
    estiloEncabezado(celda);
  });
  datos.territorial.forEach((t, i) => {
    const fila = ws.getRow(filaEncabezado + 1 + i);
    [t.codigoIndicador, t.localidad, t.metaVigencia, t.ejecutado].forEach((v, j) => {
      const celda = fila.getCell(j + 1);
      celda.value = v;
      if (j >= 2) celda.numFmt = FORMATO_ENTERO;
    });
  });
  ws.getColumn(1).width = 18;
  ws.getColumn(2).width = 24;
  return { filaEncabezado, encabezados };
}

function hojaInstrucciones(libro) {
  const ws = libro.addWorksheet("Instrucciones");
  const lineas = [
    ENTIDAD,
    "Formato PLE-PIN-F020 — Productos, Metas y Resultados (PMR)",
    "",
    "Hoja PMR: una fila por indicador; el objetivo y el producto se repiten en cada fila.",
    "Hoja PMR_Presupuesto: una fila por producto y fuente de recursos, con compromisos y giros mensuales.",
    "Hoja PMR_Territorial: metas y ejecución acumulada por localidad.",
    "El reporte cualitativo mensual no debe superar los 250 caracteres.",
  ];
  lineas.forEach((t, i) => {
    if (t) ws.getCell(i + 1, 1).value = t;
  });
  ws.getCell(1, 1).font = ESTILO_TITULO;
  ws.getColumn(1).width = 100;
}

/** Libro de ExcelJS con las opciones dadas (ver OPCIONES_POR_DEFECTO). */
function construirLibro(opciones = {}) {
  const o = { ...OPCIONES_POR_DEFECTO, ...opciones };
  const datos = datosEjemplo({ problemas: o.problemas });
  const libro = new ExcelJS.Workbook();
  libro.creator = "PMR para Excel";
  libro.lastModifiedBy = "PMR para Excel";
  libro.created = FECHA_FIJA;
  libro.modified = FECHA_FIJA;
  libro.title = `PMR ${VIGENCIA} — ${ENTIDAD}`;
  if (o.instrucciones) hojaInstrucciones(libro);
  hojaPmr(libro, datos, o);
  if (o.presupuesto) hojaPresupuesto(libro, datos, o);
  if (o.territorial) hojaTerritorial(libro, datos, o);
  return libro;
}

/**
 * El libro como Buffer. ExcelJS pone la hora actual a cada parte del zip; se reescriben con la
 * fecha fija para que el mismo libro dé los mismos bytes (y git no vea cambios al regenerarlo).
 * JSZip es la biblioteca de zip de ExcelJS.
 */
async function libroEnMemoria(opciones = {}) {
  const bytes = await construirLibro(opciones).xlsx.writeBuffer();
  const JSZip = require("jszip");
  const zip = await JSZip.loadAsync(bytes, { createFolders: false });
  zip.forEach((_ruta, parte) => {
    parte.date = FECHA_FIJA;
  });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/** Escribe el libro en `ruta`. */
async function escribirLibro(ruta, opciones = {}) {
  require("node:fs").writeFileSync(ruta, await libroEnMemoria(opciones));
}

/**
 * Problemas deliberados del libro con sus celdas A1 según la disposición (hoja, celda,
 * categoría, descripción), en el orden de PROBLEMAS.
 */
function problemasDelLibro(opciones = {}) {
  const o = { ...OPCIONES_POR_DEFECTO, ...opciones };
  const datos = datosEjemplo({ problemas: o.problemas });
  const d = disposicionPmr(o);
  const filaIndicador = (codigo) => d.primeraFila + datos.indicadores.findIndex((i) => i.codigo === codigo);
  const celdaPmr = (codigo, clave) => `${letraColumna(d.indice.get(clave))}${filaIndicador(codigo)}`;
  const filaPresupuesto = o.titulo ? 4 : 1;
  const filaTerritorial = o.titulo ? 3 : 1;
  return datos.problemas.map((p) => {
    let celda;
    const w = p.donde;
    if (p.hoja === "PMR") {
      if (w.rango) {
        const filas = datos.indicadores
          .map((i, k) => [i, k])
          .filter(([i]) => i.o === w.rango)
          .map(([, k]) => d.primeraFila + k);
        const letra = letraColumna(d.indice.get(w.campo));
        celda = `${letra}${Math.min(...filas)}:${letra}${Math.max(...filas)}`;
      } else {
        celda = celdaPmr(w.indicador, w.mes ? `${w.campo}.${w.mes}` : w.campo);
      }
    } else if (p.hoja === "PMR_Presupuesto") {
      // Compromisos de enero al mes indicado de la(s) fila(s) del producto.
      const filas = datos.presupuesto
        .map((f, k) => [f, k])
        .filter(([f]) => f.codigoProducto === w.producto)
        .map(([, k]) => filaPresupuesto + 1 + k);
      const desde = letraColumna(4);
      const hasta = letraColumna(4 + w.mes - 1);
      celda = `${desde}${Math.min(...filas)}:${hasta}${Math.max(...filas)}`;
    } else {
      const k = datos.territorial.findIndex((t) => t.codigoIndicador === w.indicador && t.localidad === w.localidad);
      celda = `B${filaTerritorial + 1 + k}`;
    }
    return { id: p.id, categoria: p.categoria, hoja: p.hoja, celda, descripcion: p.descripcion };
  });
}

module.exports = {
  OPCIONES_POR_DEFECTO,
  columnasPmr,
  disposicionPmr,
  construirLibro,
  escribirLibro,
  libroEnMemoria,
  problemasDelLibro,
  letraColumna,
};
