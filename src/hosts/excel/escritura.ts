/**
 * Escribe una descripción de hojas (`src/workbook/escritura`) en el libro abierto con Office.js.
 *
 * - Agrega hojas nuevas al final y reemplaza solo las hojas del complemento: las marca con una
 *   propiedad personalizada de hoja (`PMR.propietario` = «PMR para Excel;<propósito>»,
 *   ExcelApi 1.12), que viaja con el archivo, sobrevive a renombrar la hoja y no se ve en las
 *   celdas. Antes de reemplazar, pregunta con `confirmarReemplazo(nombres)`; si la respuesta es
 *   no, no escribe nada.
 * - Una hoja del usuario con el mismo nombre nunca se toca: la hoja del complemento va con otro
 *   nombre libre, «Informe PMR (2)», «(3)»… (o reemplaza la del complemento que ya tenía ese
 *   nombre y el mismo propósito). El resultado dice el nombre pedido y el que quedó.
 * - No cambia la hoja activa ni la selección: agregar hojas no las activa, y nada se selecciona.
 *   Solo si la hoja activa era una del complemento que se reemplaza, queda activa su reemplazo.
 * - Viajes a Excel (`context.sync()`): 2 (leer las hojas y escribir) o 3 (si hay hojas con el
 *   mismo nombre, leer sus marcas): cada bloque de celdas se escribe como un arreglo 2-D. Solo si
 *   lo escrito pasa de unos 4 MB (Excel en la Web rechaza envíos de más de 5 MB) se parte por
 *   filas, un viaje más por cada 4 MB.
 * - Los textos van con formato «@» antes de escribirlos (ver `src/workbook/escritura/plan.ts`):
 *   un mensaje que empieza por «=» queda como texto, nunca como fórmula.
 *
 * Conjuntos de requisitos (ExcelApi) de lo que usa:
 * - 1.1: worksheets.load/add/getActiveWorksheet, Worksheet.name/position/delete/activate/getRange/
 *   getRangeByIndexes, Range.values/formulas/numberFormat, RangeFormat.columnWidth/wrapText/
 *   horizontalAlignment/verticalAlignment, RangeFont.bold/italic/size/color, RangeFill.color,
 *   workbook.tables, worksheet.tables.add, Table.name/style, worksheet.charts.add, Chart.name/
 *   title/setPosition/legend/axes.*.title, ChartSeriesCollection.getItemAt, ChartSeries.name/
 *   format.fill.setSolidColor/format.line.color/points.getItemAt, ChartPoint.format.fill.
 * - 1.2: Range.merge. 1.3: Table.showTotals. 1.7: ChartSeriesCollection.add,
 *   ChartSeries.setValues/setXAxisValues, WorksheetFreezePanes. 1.8: Range.dataValidation
 *   (rule, prompt, errorAlert, ignoreBlanks).
 * - 1.12: Worksheet.customProperties (la marca de propiedad): por eso se exige 1.12.
 */
import { letraColumna } from "../../domain/direcciones";
import {
  anchoEnPuntos,
  comprobarDescripcion,
  COLORES_GRAFICO,
  ErrorDescripcion,
  estiloCompuesto,
  leerColumnas,
  leerRango,
  planificarBloques,
  referenciaHoja,
  textoRangoAbsoluto,
  type DescripcionGrafico,
  type DescripcionHoja,
  type DescripcionLibro,
  type DescripcionValidacion,
  type Rect,
} from "../../workbook/escritura";
import { detalleError, ejecutarExcel, soportaExcelApi, type ContadorSyncs, type Ejecutar } from "./contexto";
import { MENSAJES_ESCRITURA_EXCEL as M } from "./mensajesEscritura";

/** Clave de la propiedad personalizada que marca una hoja como del complemento. */
export const CLAVE_PROPIETARIO = "PMR.propietario";
/** Prefijo del valor de la marca; lo sigue el propósito de la hoja. */
export const PREFIJO_PROPIETARIO = "PMR para Excel;";

export function valorPropietario(proposito: string): string {
  return `${PREFIJO_PROPIETARIO}${proposito}`;
}

/** El propósito de una hoja del complemento según su marca; null si la hoja no es suya. */
export function propositoDeMarca(valor: unknown): string | null {
  return typeof valor === "string" && valor.startsWith(PREFIJO_PROPIETARIO)
    ? valor.slice(PREFIJO_PROPIETARIO.length)
    : null;
}

export interface OpcionesEscrituraExcel {
  /** Pregunta si se pueden reemplazar estas hojas del complemento (nombres en el libro). */
  confirmarReemplazo: (nombres: readonly string[]) => Promise<boolean>;
  /** `Excel.run` por defecto; las pruebas pasan el del Excel falso. */
  ejecutar?: Ejecutar;
}

export interface HojaEscrita {
  /** Nombre con que quedó en el libro. */
  nombre: string;
  /** Nombre de la descripción (distinto si había una hoja del usuario con ese nombre). */
  nombrePedido: string;
  proposito: string;
  reemplazada: boolean;
}

export interface ResultadoEscrituraExcel {
  /** true si no se aceptó reemplazar: no se escribió nada. */
  cancelado: boolean;
  hojas: HojaEscrita[];
  /** Viajes a Excel. */
  syncs: number;
}

/** Error de la escritura con un mensaje en español. */
export class ErrorEscrituraExcel extends Error {
  constructor(mensaje: string) {
    super(mensaje);
    this.name = "ErrorEscrituraExcel";
  }
}

interface Existente {
  proxy: Excel.Worksheet;
  nombre: string;
  id: string;
  posicion: number;
}

const igual = (a: string, b: string) => a.toLocaleLowerCase("es") === b.toLocaleLowerCase("es");

/** «Informe PMR (2)», recortando el nombre para que quepa en 31 caracteres. */
export function nombreConNumero(nombre: string, n: number): string {
  const sufijo = ` (${n})`;
  return `${nombre.slice(0, 31 - sufijo.length).trimEnd()}${sufijo}`;
}

function esVariante(existente: string, pedido: string): boolean {
  if (igual(existente, pedido)) return true;
  const m = / \((\d+)\)$/.exec(existente);
  return m !== null && igual(existente, nombreConNumero(pedido, Number(m[1])));
}

interface Decision {
  hoja: DescripcionHoja;
  nombre: string;
  reemplaza: Existente | null;
}

function decidir(
  descripcion: DescripcionLibro,
  existentes: readonly Existente[],
  propositos: ReadonlyMap<string, string | null>,
): Decision[] {
  const usados = new Set<string>();
  const tomado = (n: string) => [...usados].some((u) => igual(u, n));
  const buscar = (n: string) => existentes.find((e) => igual(e.nombre, n)) ?? null;
  return descripcion.hojas.map((hoja) => {
    const exacta = buscar(hoja.nombre);
    if (!exacta) {
      usados.add(hoja.nombre);
      return { hoja, nombre: hoja.nombre, reemplaza: null };
    }
    if (propositos.get(exacta.id) != null && !tomado(exacta.nombre)) {
      usados.add(exacta.nombre);
      return { hoja, nombre: exacta.nombre, reemplaza: exacta };
    }
    for (let n = 2; n < 1000; n++) {
      const candidato = nombreConNumero(hoja.nombre, n);
      if (tomado(candidato)) continue;
      const e = buscar(candidato);
      if (!e) {
        usados.add(candidato);
        return { hoja, nombre: candidato, reemplaza: null };
      }
      if (propositos.get(e.id) === hoja.proposito) {
        usados.add(e.nombre);
        return { hoja, nombre: e.nombre, reemplaza: e };
      }
    }
    throw new ErrorEscrituraExcel(M.sinNombreLibre(hoja.nombre));
  });
}

function temporal(existentes: readonly Existente[], i: number): string {
  let n = i;
  while (existentes.some((e) => igual(e.nombre, `PMR temporal ${n}`))) n++;
  return `PMR temporal ${n}`;
}

function rect(texto: string): Rect {
  // La descripción ya se comprobó: cada rango es válido.
  return leerRango(texto) as Rect;
}

/** Un arreglo 2-D del tamaño del rango con el mismo valor. */
function lleno<T>(r: Rect, v: T): T[][] {
  return Array.from({ length: r.filas }, () => new Array<T>(r.columnas).fill(v));
}

const HORIZONTAL = { izquierda: "Left", centro: "Center", derecha: "Right" } as const;
const VERTICAL = { arriba: "Top", centro: "Center", abajo: "Bottom" } as const;
const OPERADOR = {
  mayorOIgual: "GreaterThanOrEqualTo",
  menorOIgual: "LessThanOrEqualTo",
  mayor: "GreaterThan",
  menor: "LessThan",
  igual: "EqualTo",
  entre: "Between",
} as const;
const ALERTA = { detener: "Stop", advertencia: "Warning", informacion: "Information" } as const;
const TIPO_GRAFICO = {
  barrasAgrupadas: "BarClustered",
  columnasAgrupadas: "ColumnClustered",
  lineas: "Line",
} as const;

/** Nombre con que queda en el libro cada hoja de la descripción (en minúsculas → nombre final). */
type NombresFinales = ReadonlyMap<string, string>;

/** Fórmula de la validación «cualquier valor» (ver ReglaValidacion). */
export const FORMULA_CUALQUIERA = "=TRUE";

function reglaExcel(v: DescripcionValidacion, nombreHoja: string, nombres: NombresFinales): Excel.DataValidationRule {
  const r = v.regla;
  // Siempre se cumple: la celda solo muestra su mensaje de entrada.
  if (r.tipo === "cualquiera") return { custom: { formula: FORMULA_CUALQUIERA } };
  if (r.tipo === "lista") return { list: { inCellDropDown: true, source: r.valores.join(",") } };
  if (r.tipo === "listaRango")
    return {
      list: {
        inCellDropDown: true,
        source: `=${referenciaHoja(nombres.get((r.hoja ?? nombreHoja).toLocaleLowerCase("es")) ?? nombreHoja)}!${textoRangoAbsoluto(rect(r.rango))}`,
      },
    };
  const basica: Excel.BasicDataValidation = { operator: OPERADOR[r.operador], formula1: r.valor };
  if (r.operador === "entre") basica.formula2 = r.valor2 as number;
  return r.tipo === "entero" ? { wholeNumber: basica } : { decimal: basica };
}

function escribirGrafico(ws: Excel.Worksheet, g: DescripcionGrafico): void {
  const primera = g.series[0];
  const r0 = rect(primera.valores);
  const chart = ws.charts.add(
    TIPO_GRAFICO[g.tipo],
    ws.getRange(primera.valores),
    r0.columnas === 1 ? "Columns" : "Rows",
  );
  chart.name = g.nombre;
  chart.title.text = g.titulo;
  const posicion = rect(g.posicion);
  chart.setPosition(
    `${letraColumna(posicion.columna)}${posicion.fila + 1}`,
    `${letraColumna(posicion.columna + posicion.columnas - 1)}${posicion.fila + posicion.filas}`,
  );
  if (g.tituloEjeCategorias) chart.axes.categoryAxis.title.text = g.tituloEjeCategorias;
  if (g.tituloEjeValores) chart.axes.valueAxis.title.text = g.tituloEjeValores;
  chart.legend.visible = g.leyenda ?? g.series.length > 1;
  g.series.forEach((s, i) => {
    // La primera serie la crea charts.add con sus valores; se fijan igual, explícitos.
    const serie = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.nombre);
    serie.name = s.nombre;
    serie.setValues(ws.getRange(s.valores));
    serie.setXAxisValues(ws.getRange(s.categorias));
    const color = s.color ?? COLORES_GRAFICO[i % COLORES_GRAFICO.length];
    if (g.tipo === "lineas") serie.format.line.color = color;
    else serie.format.fill.setSolidColor(color);
    (s.coloresPuntos ?? []).forEach((c, j) => {
      if (c) serie.points.getItemAt(j).format.fill.setSolidColor(c);
    });
  });
}

/**
 * Tamaño aproximado (JSON) máximo de lo que se envía en un viaje. Excel en la Web rechaza envíos de
 * más de 5 MB; con menos de 4 MB la escritura va en un viaje, y si no cabe se parte por filas.
 */
export const LIMITE_ENVIO_BYTES = 4 * 1024 * 1024;

/** Lo encolado desde el último viaje y cómo hacer el siguiente. */
interface Envio {
  bytes: number;
  viaje: () => Promise<void>;
}

function tamanoValor(v: unknown): number {
  if (v === null || v === undefined) return 5;
  if (typeof v === "string") return v.length + 3;
  if (typeof v === "number") return String(v).length + 1;
  return 6;
}

/** Encola que se gastan `bytes`; si no caben en el envío actual, antes hace un viaje. */
async function gastar(envio: Envio, bytes: number): Promise<void> {
  if (envio.bytes > 0 && envio.bytes + bytes > LIMITE_ENVIO_BYTES) {
    await envio.viaje();
    envio.bytes = 0;
  }
  envio.bytes += bytes;
}

type Propiedad2D = "numberFormat" | "values" | "formulas";

/** Escribe matrices 2-D de un mismo rango, en el orden dado, por trozos de filas que caben en un envío. */
async function escribir2D(
  ws: Excel.Worksheet,
  r: Rect,
  matrices: readonly { propiedad: Propiedad2D; m: readonly (readonly unknown[])[] }[],
  envio: Envio,
): Promise<void> {
  let desde = 0;
  while (desde < r.filas) {
    // Las filas que caben en lo que queda del envío (al menos una).
    let hasta = desde;
    let bytes = 0;
    while (hasta < r.filas) {
      let fila = 0;
      for (const { m } of matrices) for (const v of m[hasta]) fila += tamanoValor(v) + 2 / r.columnas;
      if (hasta > desde && envio.bytes + bytes + fila > LIMITE_ENVIO_BYTES) break;
      bytes += fila;
      hasta++;
    }
    await gastar(envio, bytes);
    const rango = ws.getRangeByIndexes(r.fila + desde, r.columna, hasta - desde, r.columnas);
    for (const { propiedad, m } of matrices) {
      const trozo = m.slice(desde, hasta) as unknown[][];
      if (propiedad === "numberFormat") rango.numberFormat = trozo as string[][];
      else if (propiedad === "values") rango.values = trozo as (string | number | boolean)[][];
      else rango.formulas = trozo as string[][];
    }
    desde = hasta;
  }
}

/** Encola todo lo de una hoja; hace viajes intermedios solo si no cabe en un envío. */
async function escribirHoja(
  ws: Excel.Worksheet,
  h: DescripcionHoja,
  nombres: NombresFinales,
  envio: Envio,
): Promise<void> {
  const nombreFinal = nombres.get(h.nombre.toLocaleLowerCase("es")) ?? h.nombre;
  for (const f of h.formatosNumero ?? []) {
    const r = rect(f.rango);
    await escribir2D(ws, r, [{ propiedad: "numberFormat", m: lleno(r, f.formato) }], envio);
  }
  for (const b of planificarBloques(h)) {
    const matrices: { propiedad: Propiedad2D; m: readonly (readonly unknown[])[] }[] = [];
    if (b.formatosTexto) matrices.push({ propiedad: "numberFormat", m: b.formatosTexto });
    matrices.push({ propiedad: "values", m: b.valores });
    if (b.formulas) matrices.push({ propiedad: "formulas", m: b.formulas });
    await escribir2D(ws, b.rect, matrices, envio);
  }
  for (const a of h.anchos ?? []) {
    const [c1, c2] = leerColumnas(a.columnas) as [number, number];
    ws.getRange(`${letraColumna(c1)}:${letraColumna(c2)}`).format.columnWidth = anchoEnPuntos(a.ancho);
  }
  for (const e of h.estilos ?? []) {
    const r = rect(e.rango);
    const f = ws.getRangeByIndexes(r.fila, r.columna, r.filas, r.columnas).format;
    const s = estiloCompuesto(e.estilos);
    if (s.negrita !== undefined) f.font.bold = s.negrita;
    if (s.cursiva !== undefined) f.font.italic = s.cursiva;
    if (s.tamano !== undefined) f.font.size = s.tamano;
    if (s.colorFuente !== undefined) f.font.color = s.colorFuente;
    if (s.relleno !== undefined) f.fill.color = s.relleno;
    if (s.ajustarTexto !== undefined) f.wrapText = s.ajustarTexto;
    if (s.horizontal !== undefined) f.horizontalAlignment = HORIZONTAL[s.horizontal];
    if (s.vertical !== undefined) f.verticalAlignment = VERTICAL[s.vertical];
  }
  for (const c of h.combinadas ?? []) ws.getRange(c).merge(false);
  for (const t of h.tablas ?? []) {
    const tabla = ws.tables.add(t.rango, true);
    tabla.name = t.nombre;
    tabla.style = t.estilo ?? "TableStyleMedium2";
    tabla.showTotals = false;
  }
  for (const v of h.validaciones ?? []) {
    const dv = ws.getRange(v.rango).dataValidation;
    dv.rule = reglaExcel(v, nombreFinal, nombres);
    dv.ignoreBlanks = v.permitirVacias ?? true;
    if (v.mensajeEntrada)
      dv.prompt = { showPrompt: true, title: v.mensajeEntrada.titulo, message: v.mensajeEntrada.mensaje };
    if (v.alertaError)
      dv.errorAlert = {
        showAlert: true,
        style: ALERTA[v.alertaError.estilo],
        title: v.alertaError.titulo,
        message: v.alertaError.mensaje,
      };
  }
  for (const g of h.graficos ?? []) escribirGrafico(ws, g);
  const { filas = 0, columnas = 0 } = h.inmovilizar ?? {};
  if (filas > 0 && columnas > 0) ws.freezePanes.freezeAt(`A1:${letraColumna(columnas - 1)}${filas}`);
  else if (filas > 0) ws.freezePanes.freezeRows(filas);
  else if (columnas > 0) ws.freezePanes.freezeColumns(columnas);
}

/**
 * Escribe las hojas de la descripción en el libro abierto. Lanza ErrorDescripcion si la
 * descripción no es válida y ErrorEscrituraExcel (mensaje en español) si Excel falla.
 */
export async function escribirLibroExcel(
  descripcion: DescripcionLibro,
  opciones: OpcionesEscrituraExcel,
): Promise<ResultadoEscrituraExcel> {
  comprobarDescripcion(descripcion);
  if (!soportaExcelApi("1.12")) throw new ErrorEscrituraExcel(M.versionNoSoportada);
  const ejecutar = opciones.ejecutar ?? ejecutarExcel;
  const contador: ContadorSyncs = { syncs: 0 };
  try {
    return await ejecutar(async (context) => {
      const hojas = context.workbook.worksheets;
      hojas.load("items/name,items/id,items/position");
      const tablasLibro = context.workbook.tables;
      tablasLibro.load("items/name");
      const activa = hojas.getActiveWorksheet();
      activa.load("id");
      contador.syncs++;
      await context.sync();
      const idActiva = activa.id;

      const existentes: Existente[] = hojas.items.map((h) => ({
        proxy: h,
        nombre: h.name,
        id: h.id,
        posicion: h.position,
      }));
      const candidatas = existentes.filter((e) => descripcion.hojas.some((d) => esVariante(e.nombre, d.nombre)));
      const marcas = candidatas.map((e) => {
        const marca = e.proxy.customProperties.getItemOrNullObject(CLAVE_PROPIETARIO);
        marca.load("value");
        const tablas = e.proxy.tables;
        tablas.load("items/name");
        return { e, marca, tablas };
      });
      if (marcas.length > 0) {
        contador.syncs++;
        await context.sync();
      }
      const propositos = new Map<string, string | null>(
        marcas.map(({ e, marca }) => [e.id, marca.isNullObject ? null : propositoDeMarca(marca.value)]),
      );

      const decisiones = decidir(descripcion, existentes, propositos);
      const reemplazos = decisiones.filter((d) => d.reemplaza !== null);
      if (reemplazos.length > 0 && !(await opciones.confirmarReemplazo(reemplazos.map((d) => d.nombre)))) {
        return { cancelado: true, hojas: [], syncs: contador.syncs };
      }

      // Una tabla con el mismo nombre en otra hoja (no reemplazada) haría fallar la escritura a medias.
      const seVan = new Set(reemplazos.map((d) => (d.reemplaza as Existente).id));
      const tablasQueSeVan = new Set(
        marcas
          .filter(({ e }) => seVan.has(e.id))
          .flatMap(({ tablas }) => tablas.items.map((t) => t.name.toLowerCase())),
      );
      const nuevas = descripcion.hojas.flatMap((h) => (h.tablas ?? []).map((t) => t.nombre.toLowerCase()));
      for (const t of tablasLibro.items) {
        if (nuevas.includes(t.name.toLowerCase()) && !tablasQueSeVan.has(t.name.toLowerCase())) {
          throw new ErrorEscrituraExcel(M.tablaExistente(t.name));
        }
      }

      let activar: Excel.Worksheet | null = null;
      const ordenadas = [...decisiones].sort(
        (a, b) => (a.reemplaza?.posicion ?? Infinity) - (b.reemplaza?.posicion ?? Infinity),
      );
      // Primero todas las hojas (una lista puede tomar valores de otra hoja nueva), después su contenido.
      const creadas = ordenadas.map((d, i) => {
        let ws: Excel.Worksheet;
        if (d.reemplaza) {
          ws = hojas.add(temporal(existentes, i + 1));
          d.reemplaza.proxy.delete();
          ws.name = d.nombre;
          ws.position = d.reemplaza.posicion;
          if (d.reemplaza.id === idActiva) activar = ws;
        } else {
          ws = hojas.add(d.nombre);
        }
        ws.customProperties.add(CLAVE_PROPIETARIO, valorPropietario(d.hoja.proposito));
        return { ws, d };
      });
      const nombres = new Map(decisiones.map((d) => [d.hoja.nombre.toLocaleLowerCase("es"), d.nombre]));
      const envio: Envio = {
        bytes: 0,
        viaje: async () => {
          contador.syncs++;
          await context.sync();
        },
      };
      for (const { ws, d } of creadas) await escribirHoja(ws, d.hoja, nombres, envio);
      if (activar) (activar as Excel.Worksheet).activate();
      contador.syncs++;
      await context.sync();
      return {
        cancelado: false,
        hojas: decisiones.map((d) => ({
          nombre: d.nombre,
          nombrePedido: d.hoja.nombre,
          proposito: d.hoja.proposito,
          reemplazada: d.reemplaza !== null,
        })),
        syncs: contador.syncs,
      };
    });
  } catch (error) {
    if (error instanceof ErrorDescripcion || error instanceof ErrorEscrituraExcel) throw error;
    throw new ErrorEscrituraExcel(M.escrituraFallida(detalleError(error)));
  }
}
