/**
 * Caso de uso «informe» (PMR-SPEC §6.4): el Informe PMR y el Anexo PMR a partir del modelo ya
 * evaluado por el motor (`validar`): las mismas cifras, nunca otros cálculos.
 *
 * Se arma primero un DOCUMENTO puro (hojas → bloques → tablas de celdas con su tipo de cifra, y
 * gráficos que nombran columnas de esas tablas). De ese único documento salen:
 * - la descripción de hojas del escritor (`describirDocumento`), que escriben Office.js en el libro
 *   abierto y ExcelJS en un .xlsx nuevo, con los formatos de FORMATOS_EXCEL y gráficos nativos;
 * - el HTML imprimible (`src/casos/informeHtml.ts`), con el texto de `src/domain/formato.ts`.
 * Así el panel, la cinta y `pmr informe` dan las mismas tablas con las mismas cifras.
 */
import {
  FORMATOS_EXCEL,
  entero,
  LOCALIDADES,
  NOMBRES_MES_LARGOS,
  SIN_CIFRA,
  escalaPorcentaje,
  moneda,
  numero,
  porcentaje,
  textoTendencia,
  tipoEfectivo,
  normalizarCodigo,
  valorIndicador,
  type ColorSemaforo,
  type Configuracion,
  type Evaluacion,
  type Indicador,
  type IndicadorEvaluado,
  type ModeloPmr,
  type ProductoEvaluado,
} from "../domain";
import {
  hoja as nuevaHoja,
  type ConstructorHoja,
  type Contenido,
  type DescripcionLibro,
  type NombreEstilo,
} from "../workbook/escritura";
import { letraColumna } from "../domain/direcciones";
import { validar, type InformeValidacion, type OpcionesValidacion, type PuertosValidacion } from "./validar";

// ─── El documento ───────────────────────────────────────────────────────────────────────────

/**
 * Cómo se muestra una cifra: cada tipo tiene UN formateador de `domain/formato` (HTML, panel) y
 * UN formato de número de FORMATOS_EXCEL (hojas escritas). «puntos»: un indicador en porcentaje
 * escrito en puntos (23 = 23 %).
 */
export type TipoCifra = "texto" | "porcentaje" | "numero" | "puntos" | "moneda" | "entero";

export interface CeldaInforme {
  /** Número (la cifra del motor, sin redondear), texto, o null (sin cifra: «—»). */
  readonly valor: number | string | null;
  readonly tipo: TipoCifra;
  /** Color del semáforo de la cifra (pinta la celda). */
  readonly semaforo?: ColorSemaforo | null;
  /** Otra marca de color (coherencia físico-financiera). */
  readonly resalte?: "bien" | "aviso" | null;
}

export interface TablaInforme {
  /** Título corto encima de la tabla (opcional). */
  readonly titulo?: string;
  readonly encabezados: readonly string[];
  /** Ancho de cada columna en caracteres (Excel) y proporción (HTML). */
  readonly anchos: readonly number[];
  /**
   * La primera columna agrupa filas seguidas con el mismo texto (el producto de sus indicadores):
   * en el HTML va una vez, con rowspan. En la hoja se repite en cada fila (filtrable).
   */
  readonly agrupar?: boolean;
  /** Columnas con texto largo (se ajusta el texto). */
  readonly ajustar?: readonly number[];
  readonly filas: readonly (readonly CeldaInforme[])[];
  /** Texto cuando la tabla no tiene filas. */
  readonly vacia?: string;
  /** La última fila es un total (en negrita). */
  readonly conTotal?: boolean;
}

export interface SerieInforme {
  readonly nombre: string;
  /** Columna (0-based) de la tabla con los valores. */
  readonly columna: number;
  readonly color: string;
  /** Colorear cada barra por el semáforo de su celda. */
  readonly porSemaforo?: boolean;
}

export interface GraficoInforme {
  readonly nombre: string;
  readonly titulo: string;
  /** Columna (0-based) de la tabla con las categorías. */
  readonly categorias: number;
  readonly series: readonly SerieInforme[];
  readonly tituloEjeValores: string;
  /** Tabla del bloque de la que salen las cifras (0 por defecto). */
  readonly tabla?: number;
}

export interface BloqueInforme {
  readonly titulo: string;
  /** Cifra destacada bajo el título (el cumplimiento del objetivo). */
  readonly destacado?: { readonly etiqueta: string; readonly celda: CeldaInforme; readonly nota?: string };
  readonly nota?: string;
  readonly tablas: readonly TablaInforme[];
  readonly grafico?: GraficoInforme;
  /** En el HTML, el bloque empieza en página nueva. */
  readonly paginaNueva?: boolean;
}

export interface HojaInforme {
  readonly nombre: string;
  readonly proposito: string;
  readonly titulo: string;
  /** Título de la sección en el HTML. */
  readonly seccion: string;
  readonly bloques: readonly BloqueInforme[];
}

export interface DocumentoInforme {
  readonly tipo: "informe" | "anexo";
  readonly titulo: string;
  /** Líneas bajo el título: vigencia, corte, fecha, cómo leer el semáforo. */
  readonly subtitulos: readonly string[];
  readonly hojas: readonly HojaInforme[];
}

// ─── Formatos: una tabla, las dos salidas ───────────────────────────────────────────────────

/** Formato de número de Excel de cada tipo de cifra (de FORMATOS_EXCEL: una sola definición). */
export const FORMATO_EXCEL_CIFRA: Readonly<Record<TipoCifra, string>> = {
  texto: FORMATOS_EXCEL.texto,
  porcentaje: FORMATOS_EXCEL.porcentaje,
  numero: FORMATOS_EXCEL.numero,
  puntos: FORMATOS_EXCEL.porcentajePuntos,
  moneda: FORMATOS_EXCEL.moneda,
  entero: FORMATOS_EXCEL.entero,
};

/** El texto de una celda como se imprime (formato es-CO de `domain/formato`). */
export function textoCelda(c: CeldaInforme): string {
  if (c.valor === null) return SIN_CIFRA;
  if (typeof c.valor === "string") return c.valor;
  switch (c.tipo) {
    case "porcentaje":
      return porcentaje(c.valor);
    case "moneda":
      return moneda(c.valor);
    case "entero":
      return entero(c.valor);
    case "puntos":
      return valorIndicador(c.valor, "puntos");
    case "numero":
    case "texto":
      return numero(c.valor);
  }
}

/** Colores de las barras por semáforo (rellenos saturados: se ven impresos en gris también). */
export const COLOR_BARRA_SEMAFORO: Readonly<Record<ColorSemaforo, string>> = {
  Rojo: "#C00000",
  Amarillo: "#E0A800",
  Verde: "#00A04A",
  Naranja: "#ED7D31",
};

export const ESTILO_SEMAFORO: Readonly<Record<ColorSemaforo, NombreEstilo>> = {
  Rojo: "semaforoRojo",
  Amarillo: "semaforoAmarillo",
  Verde: "semaforoVerde",
  Naranja: "semaforoNaranja",
};

const COLOR_FISICO = "#4472C4";
const COLOR_FINANCIERO = "#ED7D31";

// ─── Nombres y textos ───────────────────────────────────────────────────────────────────────

export const HOJAS_INFORME = {
  resumen: "Informe PMR",
  objetivos: "Informe por objetivo",
  fisicoFinanciero: "Informe físico-financiero",
  territorial: "Informe territorial",
  anexo: "Anexo PMR",
} as const;

export const PROPOSITOS_INFORME = {
  resumen: "informe-resumen",
  objetivos: "informe-objetivos",
  fisicoFinanciero: "informe-fisico-financiero",
  territorial: "informe-territorial",
  anexo: "anexo-pmr",
} as const;

const TEXTO_RECURSO = { INVERSION: "Inversión", FUNCIONAMIENTO: "Funcionamiento" } as const;

function fechaLarga(f: Date): string {
  return `${f.getDate()} de ${NOMBRES_MES_LARGOS[f.getMonth()]} de ${f.getFullYear()}`;
}

const texto = (valor: string | null | undefined): CeldaInforme => ({ valor: valor ?? null, tipo: "texto" });
const pct = (valor: number | null, semaforo?: ColorSemaforo | null): CeldaInforme => ({
  valor,
  tipo: "porcentaje",
  ...(semaforo !== undefined ? { semaforo } : {}),
});
const pesos = (valor: number | null): CeldaInforme => ({ valor, tipo: "moneda" });

/** Tipo de cifra de los valores de un indicador, según su unidad y su escala (domain/formato). */
export function tipoValorIndicador(ind: Indicador): TipoCifra {
  const escala = escalaPorcentaje(ind);
  return escala === "fraccion" ? "porcentaje" : escala === "puntos" ? "puntos" : "numero";
}

function valorDe(ind: Indicador, v: number | null): CeldaInforme {
  return { valor: v, tipo: tipoValorIndicador(ind) };
}

function conCodigo(codigo: string | null, nombre: string | null): string {
  if (codigo && nombre) return `${codigo} — ${nombre}`;
  return codigo ?? nombre ?? SIN_CIFRA;
}

// ─── El informe ─────────────────────────────────────────────────────────────────────────────

export interface OpcionesDocumento {
  /** Fecha de generación que se imprime (por defecto, hoy). */
  fecha?: Date;
}

function subtitulos(ev: Evaluacion, config: Configuracion, fecha: Date): string[] {
  const s = config.semaforo;
  const corte = `Corte: ${NOMBRES_MES_LARGOS[ev.corte - 1]}${ev.vigencia !== null ? ` de ${ev.vigencia}` : ""}`;
  return [
    `${ev.vigencia !== null ? `Vigencia ${ev.vigencia}` : "Vigencia sin año"} · ${corte} · Generado el ${fechaLarga(fecha)} con PMR para Excel`,
    `Semáforo: rojo hasta ${porcentaje(s.rojo)}, amarillo hasta ${porcentaje(s.amarillo)}, verde hasta ${porcentaje(
      s.verde,
    )}, naranja por encima (sobrecumplimiento por revisar).`,
  ];
}

/** Fila de la tabla de un objetivo (PMR-SPEC §6.4, como el informe sectorial del Distrito). */
function filaIndicador(ev: IndicadorEvaluado, productos: ReadonlyMap<string, ProductoEvaluado>): CeldaInforme[] {
  const ind = ev.indicador;
  const cp = normalizarCodigo(ind.codigoProducto);
  const producto = cp ? productos.get(cp) : undefined;
  const metaOProducto =
    tipoEfectivo(ind) === "OBJETIVO"
      ? "Indicador de objetivo"
      : conCodigo(producto?.codigo ?? ind.codigoProducto, producto?.nombre ?? ind.producto);
  const observacion = ind.observaciones?.trim();
  return [
    texto(metaOProducto),
    texto(ind.codigo),
    texto(ind.nombre),
    texto(textoTendencia(ind)),
    pct(ind.ponderacion),
    valorDe(ind, ev.programado),
    valorDe(ind, ev.ejecutado),
    pct(ev.avance, ev.semaforo),
    texto(observacion ? `${ev.estado}. ${observacion}` : ev.estado),
  ];
}

export const ENCABEZADOS_OBJETIVO = [
  "Meta o producto",
  "Código indicador",
  "Indicador",
  "Tendencia",
  "Ponderación",
  "Programación",
  "Ejecución",
  "% avance",
  "Estado u observación",
] as const;

function hojaResumen(ev: Evaluacion, titulo: string): HojaInforme {
  const filas = ev.objetivos.map((o) => [
    texto(o.codigo),
    texto(o.nombre),
    { valor: o.indicadores.length, tipo: "entero" } as CeldaInforme,
    pct(o.cumplimiento, o.semaforo),
    texto(o.semaforo ?? "Sin programación"),
  ]);
  return {
    nombre: HOJAS_INFORME.resumen,
    proposito: PROPOSITOS_INFORME.resumen,
    titulo,
    seccion: "1. Resumen",
    bloques: [
      {
        titulo: "Cumplimiento por objetivo",
        nota:
          "Cumplimiento: promedio ponderado del avance de los indicadores del objetivo con programación al corte " +
          "(los indicadores sin programación no cuentan).",
        tablas: [
          {
            encabezados: ["Código", "Objetivo", "Indicadores", "Cumplimiento", "Semáforo"],
            anchos: [10, 60, 12, 14, 16],
            ajustar: [1],
            filas,
            vacia: "El libro no tiene objetivos en la vigencia evaluada.",
          },
        ],
        grafico: {
          nombre: "Cumplimiento por objetivo",
          titulo: "Cumplimiento por objetivo",
          categorias: 0,
          series: [{ nombre: "Cumplimiento", columna: 3, color: COLOR_BARRA_SEMAFORO.Verde, porSemaforo: true }],
          tituloEjeValores: "Cumplimiento",
        },
      },
    ],
  };
}

function hojaObjetivos(ev: Evaluacion, titulo: string): HojaInforme {
  return {
    nombre: HOJAS_INFORME.objetivos,
    proposito: PROPOSITOS_INFORME.objetivos,
    titulo,
    seccion: "2. Cumplimiento por objetivo",
    bloques: ev.objetivos.map((o, i) => ({
      titulo: conCodigo(o.codigo, o.nombre),
      destacado: {
        etiqueta: "Cumplimiento del objetivo",
        celda: pct(o.cumplimiento, o.semaforo),
        nota: o.semaforo ?? "Sin programación",
      },
      tablas: [
        {
          encabezados: [...ENCABEZADOS_OBJETIVO],
          anchos: [34, 12, 44, 12, 13, 15, 15, 11, 34],
          agrupar: true,
          ajustar: [0, 2, 8],
          filas: o.indicadores.map((x) => filaIndicador(x, ev.productoPorCodigo)),
        },
      ],
      paginaNueva: i > 0,
    })),
  };
}

function hojaFisicoFinanciero(ev: Evaluacion, modelo: ModeloPmr, titulo: string): HojaInforme {
  const filas = ev.productos.map((p) => [
    texto(p.codigo),
    texto(p.nombre),
    texto(p.codigoObjetivo),
    pct(p.avanceFisico),
    pct(p.avanceFinanciero),
    pesos(p.apropiacion),
    pesos(p.compromisos),
    {
      ...texto(p.coherencia ?? "Sin dato"),
      resalte: p.coherencia === null ? null : p.coherencia === "Coherente" ? "bien" : "aviso",
    } as CeldaInforme,
  ]);
  return {
    nombre: HOJAS_INFORME.fisicoFinanciero,
    proposito: PROPOSITOS_INFORME.fisicoFinanciero,
    titulo,
    seccion: "3. Avance físico y financiero",
    bloques: [
      {
        titulo: "Avance físico y financiero por producto",
        nota:
          (modelo.presupuesto === null ? "El libro no tiene hoja de presupuesto: no hay avance financiero. " : "") +
          "Avance físico: promedio ponderado de ejecución acumulada / meta vigencia de los indicadores de producto " +
          "(cada uno hasta 100 %). Avance financiero: compromisos acumulados al corte / apropiación vigente.",
        tablas: [
          {
            encabezados: [
              "Código",
              "Producto",
              "Objetivo",
              "Avance físico",
              "Avance financiero",
              "Apropiación vigente",
              "Compromisos",
              "Coherencia",
            ],
            anchos: [9, 46, 9, 12, 12, 19, 19, 20],
            ajustar: [1],
            filas,
            vacia: "El libro no tiene productos en la vigencia evaluada.",
          },
        ],
        grafico: {
          nombre: "Avance físico y financiero",
          titulo: "Avance físico y financiero por producto",
          categorias: 0,
          series: [
            { nombre: "Avance físico", columna: 3, color: COLOR_FISICO },
            { nombre: "Avance financiero", columna: 4, color: COLOR_FINANCIERO },
          ],
          tituloEjeValores: "Avance",
        },
      },
    ],
  };
}

function hojaTerritorial(ev: Evaluacion, modelo: ModeloPmr, titulo: string): HojaInforme {
  const porCodigo = new Map<string, IndicadorEvaluado>();
  for (const i of ev.indicadores) {
    const c = normalizarCodigo(i.indicador.codigo);
    if (c && !porCodigo.has(c)) porCodigo.set(c, i);
  }
  const filas: CeldaInforme[][] = [];
  for (const f of modelo.territorial?.filas ?? []) {
    const c = normalizarCodigo(f.codigoIndicador);
    const ind = c ? porCodigo.get(c) : undefined;
    if (!ind) continue;
    filas.push([
      texto(ind.indicador.codigo),
      texto(ind.indicador.nombre),
      texto(f.localidad !== null ? LOCALIDADES[f.localidad] : f.localidadTexto),
      valorDe(ind.indicador, f.metaVigencia),
      valorDe(ind.indicador, f.ejecutado),
    ]);
  }
  return {
    nombre: HOJAS_INFORME.territorial,
    proposito: PROPOSITOS_INFORME.territorial,
    titulo,
    seccion: "4. Territorialización",
    bloques: [
      {
        titulo: "Metas y ejecuciones por localidad",
        ...(modelo.territorial === null ? { nota: "El libro no tiene hoja territorial." } : {}),
        tablas: [
          {
            encabezados: ["Código indicador", "Indicador", "Localidad", "Meta vigencia", "Ejecución"],
            anchos: [14, 56, 22, 16, 16],
            ajustar: [1],
            filas,
            vacia: "No hay metas territorializadas de indicadores de la vigencia evaluada.",
          },
        ],
      },
    ],
  };
}

function tituloInforme(ev: Evaluacion): string {
  const base = ev.corte === 12 ? "Informe anual PMR" : "Informe de seguimiento PMR";
  return ev.vigencia !== null ? `${base} ${ev.vigencia}` : base;
}

/** El documento del Informe PMR a partir de lo que evaluó el motor. Puro. */
export function documentoInforme(
  v: Pick<InformeValidacion, "modelo" | "evaluacion" | "configuracion">,
  opciones: OpcionesDocumento = {},
): DocumentoInforme {
  const ev = v.evaluacion;
  const titulo = tituloInforme(ev);
  return {
    tipo: "informe",
    titulo,
    subtitulos: subtitulos(ev, v.configuracion, opciones.fecha ?? new Date()),
    hojas: [
      hojaResumen(ev, titulo),
      hojaObjetivos(ev, titulo),
      hojaFisicoFinanciero(ev, v.modelo, titulo),
      hojaTerritorial(ev, v.modelo, titulo),
    ],
  };
}

/** Apropiación vigente de un producto por tipo de recurso (filas del presupuesto, sumadas por tipo). */
export function apropiacionPorTipo(p: ProductoEvaluado): { tipo: string; apropiacion: number | null }[] {
  const grupos = new Map<string, number | null>();
  for (const f of p.filasPresupuesto) {
    const tipo = f.tipoRecurso ? TEXTO_RECURSO[f.tipoRecurso] : f.tipoRecursoTexto?.trim() || "Sin tipo de recurso";
    const antes = grupos.has(tipo) ? grupos.get(tipo)! : null;
    const v = f.apropiacion;
    grupos.set(tipo, v === null || !Number.isFinite(v) ? antes : (antes ?? 0) + v);
  }
  return [...grupos].map(([tipo, apropiacion]) => ({ tipo, apropiacion }));
}

/** El documento del Anexo PMR: por producto, sus indicadores con LB, MV y MP, y su apropiación. Puro. */
export function documentoAnexo(
  v: Pick<InformeValidacion, "modelo" | "evaluacion" | "configuracion">,
  opciones: OpcionesDocumento = {},
): DocumentoInforme {
  const ev = v.evaluacion;
  const titulo = `Anexo PMR${ev.vigencia !== null ? ` ${ev.vigencia}` : ""}`;
  const bloques: BloqueInforme[] = ev.productos.map((p) => {
    const indicadores: TablaInforme = {
      titulo: "Indicadores de producto",
      encabezados: [
        "Código indicador",
        "Indicador",
        "Unidad de medida",
        "Tendencia",
        "Línea base",
        "Meta vigencia",
        "Meta plan",
      ],
      anchos: [14, 50, 16, 13, 15, 15, 15],
      ajustar: [1],
      filas: p.indicadores.map(({ indicador: ind }) => [
        texto(ind.codigo),
        texto(ind.nombre),
        texto(ind.unidad),
        texto(textoTendencia(ind)),
        valorDe(ind, ind.lineaBase),
        valorDe(ind, ind.metaVigencia),
        valorDe(ind, ind.metaPlan),
      ]),
      vacia: "El producto no tiene indicadores de producto en la vigencia.",
    };
    const recursos = apropiacionPorTipo(p);
    const apropiacion: TablaInforme = {
      titulo: "Apropiación vigente por tipo de recurso",
      encabezados: ["Tipo de recurso", "Apropiación vigente"],
      anchos: [20, 22],
      conTotal: recursos.length > 0,
      filas: [
        ...recursos.map((r) => [texto(r.tipo), pesos(r.apropiacion)]),
        ...(recursos.length > 0 ? [[texto("Total"), pesos(p.apropiacion)]] : []),
      ],
      vacia:
        v.modelo.presupuesto === null
          ? "El libro no tiene hoja de presupuesto."
          : "El producto no tiene recursos en la hoja de presupuesto.",
    };
    return {
      titulo: conCodigo(p.codigo, p.nombre),
      nota: p.codigoObjetivo
        ? `Objetivo ${conCodigo(p.codigoObjetivo, ev.objetivoPorCodigo.get(p.codigoObjetivo)?.nombre ?? null)}`
        : "Sin objetivo en la hoja PMR (solo en el presupuesto).",
      tablas: [indicadores, apropiacion],
      paginaNueva: false,
    };
  });
  return {
    tipo: "anexo",
    titulo,
    subtitulos: [
      `${ev.vigencia !== null ? `Vigencia ${ev.vigencia}` : "Vigencia sin año"} · Generado el ${fechaLarga(
        opciones.fecha ?? new Date(),
      )} con PMR para Excel`,
      "Lo que la entidad se compromete a entregar con el presupuesto que solicita: por producto, sus indicadores y su apropiación.",
    ],
    hojas: [
      { nombre: HOJAS_INFORME.anexo, proposito: PROPOSITOS_INFORME.anexo, titulo, seccion: "Productos", bloques },
    ],
  };
}

// ─── Del documento a la descripción de hojas ─────────────────────────────────────────────────

/** Dónde quedó cada celda numérica del documento (para comprobarlo celda a celda). */
export interface UbicacionCelda {
  hoja: string;
  direccion: string;
  celda: CeldaInforme;
}

const dir = (fila: number, col: number) => `${letraColumna(col)}${fila + 1}`;

/** Columnas que ocupa la hoja (la tabla más ancha). */
function anchoHoja(h: HojaInforme): number {
  let n = 2;
  for (const b of h.bloques) for (const t of b.tablas) n = Math.max(n, t.encabezados.length);
  return n;
}

/**
 * Lo que va en la celda: la cifra, el texto, o «—» sin cifra. En una columna que grafica, una
 * cifra que no existe queda VACÍA: Excel dibujaría un texto como cero.
 */
function contenido(c: CeldaInforme, enGrafico = false): Contenido {
  return c.valor === null ? (enGrafico && c.tipo !== "texto" ? null : SIN_CIFRA) : c.valor;
}

/**
 * Agrupa las celdas con la misma clave (formato de número, estilo) en corridas verticales de cada
 * columna: un rango por corrida en lugar de uno por celda (con 10.000 indicadores, de decenas de
 * miles de rangos a unos pocos miles).
 */
class Corridas {
  private readonly porColumna = new Map<number, { col: number; clave: string; desde: number; hasta: number }>();
  readonly rangos: { rango: string; clave: string }[] = [];
  agregar(fila: number, col: number, clave: string): void {
    const c = this.porColumna.get(col);
    if (c && c.clave === clave && c.hasta === fila - 1) {
      c.hasta = fila;
      return;
    }
    if (c) this.cerrar(c);
    this.porColumna.set(col, { col, clave, desde: fila, hasta: fila });
  }
  private cerrar(c: { col: number; clave: string; desde: number; hasta: number }): void {
    const a = dir(c.desde, c.col);
    this.rangos.push({ rango: c.desde === c.hasta ? a : `${a}:${dir(c.hasta, c.col)}`, clave: c.clave });
  }
  terminar(): void {
    for (const c of this.porColumna.values()) this.cerrar(c);
    this.porColumna.clear();
  }
}

function describirHoja(
  h: HojaInforme,
  subtitulosDoc: readonly string[],
  ubicaciones: UbicacionCelda[] | null,
): ConstructorHoja {
  const b = nuevaHoja(h.nombre, h.proposito);
  const columnas = anchoHoja(h);
  const ultima = letraColumna(columnas - 1);
  const formatos = new Corridas();
  const colores = new Corridas();
  const anchos = new Array<number>(columnas).fill(10);
  let fila = 0;
  b.titulo(`A1:${ultima}1`, h.titulo);
  fila = 1;
  for (const s of subtitulosDoc) {
    b.celda(dir(fila, 0), s).estilo(dir(fila, 0), "nota");
    fila++;
  }
  fila++;
  for (const bloque of h.bloques) {
    const inicioBloque = fila;
    // Sin combinar: el texto se ve sobre las celdas vacías de al lado (y mil objetivos no son mil combinadas).
    b.titulo(`A${fila + 1}`, bloque.titulo, "subtitulo");
    fila++;
    if (bloque.destacado) {
      const d = bloque.destacado;
      b.celdas(dir(fila, 0), [[d.etiqueta, contenido(d.celda), d.nota ?? null]]);
      b.estilo(dir(fila, 0), "negrita");
      const estilos: NombreEstilo[] = ["negrita"];
      if (d.celda.semaforo) estilos.push(ESTILO_SEMAFORO[d.celda.semaforo]);
      b.estilo(dir(fila, 1), ...estilos);
      if (typeof d.celda.valor === "number") formatos.agregar(fila, 1, FORMATO_EXCEL_CIFRA[d.celda.tipo]);
      ubicaciones?.push({ hoja: h.nombre, direccion: dir(fila, 1), celda: d.celda });
      fila++;
    }
    if (bloque.nota) {
      b.celda(dir(fila, 0), bloque.nota).estilo(dir(fila, 0), "nota");
      fila++;
    }
    const origenes: { filaEncabezado: number; filas: number }[] = [];
    const graficadas = new Set(bloque.grafico?.series.map((x) => x.columna) ?? []);
    for (const [k, t] of bloque.tablas.entries()) {
      const enGrafico = (col: number) => k === (bloque.grafico?.tabla ?? 0) && graficadas.has(col);
      if (t.titulo) {
        b.celda(dir(fila, 0), t.titulo).estilo(dir(fila, 0), "negrita");
        fila++;
      }
      const enc = fila;
      b.celdas(dir(fila, 0), [t.encabezados]);
      b.estilo(`${dir(fila, 0)}:${dir(fila, t.encabezados.length - 1)}`, "encabezado");
      t.anchos.forEach((a, i) => (anchos[i] = Math.max(anchos[i], a)));
      fila++;
      if (t.filas.length === 0 && t.vacia) {
        b.celda(dir(fila, 0), t.vacia).estilo(dir(fila, 0), "nota");
        fila++;
      }
      const inicio = fila;
      if (t.filas.length > 0)
        b.celdas(
          dir(fila, 0),
          t.filas.map((f) => f.map((c, col) => contenido(c, enGrafico(col)))),
        );
      for (const f of t.filas) {
        f.forEach((c, col) => {
          if (typeof c.valor === "number") formatos.agregar(fila, col, FORMATO_EXCEL_CIFRA[c.tipo]);
          // Los textos llevan «@» del escritor (plan.ts); aquí solo las cifras.
          if (c.semaforo) colores.agregar(fila, col, ESTILO_SEMAFORO[c.semaforo]);
          if (c.resalte) colores.agregar(fila, col, c.resalte === "bien" ? "semaforoVerde" : "semaforoAmarillo");
          if (c.valor !== null && c.tipo !== "texto")
            ubicaciones?.push({ hoja: h.nombre, direccion: dir(fila, col), celda: c });
        });
        fila++;
      }
      if (t.conTotal && t.filas.length > 0)
        b.estilo(`${dir(fila - 1, 0)}:${dir(fila - 1, t.encabezados.length - 1)}`, "negrita");
      for (const col of t.ajustar ?? [])
        if (t.filas.length > 0) b.estilo(`${dir(inicio, col)}:${dir(fila - 1, col)}`, "ajustar");
      origenes.push({ filaEncabezado: enc, filas: t.filas.length });
      fila++;
    }
    const g = bloque.grafico;
    const o = origenes[g?.tabla ?? 0];
    if (g && o && o.filas > 0) {
      const tabla = bloque.tablas[g.tabla ?? 0];
      const desde = o.filaEncabezado + 1;
      const hasta = desde + o.filas - 1;
      const rangoCol = (c: number) => `${dir(desde, c)}:${dir(hasta, c)}`;
      const izquierda = columnas + 1;
      const alto = Math.max(16, o.filas + 4);
      b.grafico({
        nombre: g.nombre,
        tipo: "barrasAgrupadas",
        titulo: g.titulo,
        tituloEjeValores: g.tituloEjeValores,
        posicion: `${dir(inicioBloque, izquierda)}:${dir(inicioBloque + alto, izquierda + 8)}`,
        leyenda: g.series.length > 1,
        series: g.series.map((s) => ({
          nombre: s.nombre,
          categorias: rangoCol(g.categorias),
          valores: rangoCol(s.columna),
          color: s.color,
          ...(s.porSemaforo
            ? {
                coloresPuntos: tabla.filas.map((f) => {
                  const sem = f[s.columna].semaforo;
                  return sem ? COLOR_BARRA_SEMAFORO[sem] : null;
                }),
              }
            : {}),
        })),
      });
      fila = Math.max(fila, inicioBloque + alto + 2);
    }
  }
  formatos.terminar();
  for (const f of formatos.rangos) b.formato(f.rango, f.clave);
  colores.terminar();
  for (const c of colores.rangos) b.estilo(c.rango, c.clave as NombreEstilo);
  anchos.forEach((a, i) => b.ancho(letraColumna(i), a));
  return b;
}

/**
 * La descripción de hojas del documento (para `escribirLibroExcel` y `escribirLibroXlsx`).
 * `ubicaciones`, si se pasa, recibe la celda de cada cifra escrita.
 */
export function describirDocumento(
  doc: DocumentoInforme,
  ubicaciones: UbicacionCelda[] | null = null,
): DescripcionLibro {
  return { hojas: doc.hojas.map((h) => describirHoja(h, doc.subtitulos, ubicaciones).construir()) };
}

// ─── El caso de uso con puertos ─────────────────────────────────────────────────────────────

export type TipoDocumento = "informe" | "anexo";

export interface ResultadoInforme {
  validacion: InformeValidacion;
  documento: DocumentoInforme;
  descripcion: DescripcionLibro;
}

/**
 * Lee el libro del anfitrión con la configuración guardada (y encima la pedida), evalúa con el
 * motor y arma el documento pedido con su descripción de hojas. No resalta nada.
 */
export async function generarDocumento(
  tipo: TipoDocumento,
  puertos: Omit<PuertosValidacion, "resaltar">,
  opciones: OpcionesValidacion & OpcionesDocumento = {},
): Promise<ResultadoInforme> {
  const validacion = await validar({ leerLibro: puertos.leerLibro, almacen: puertos.almacen }, opciones);
  const documento = tipo === "informe" ? documentoInforme(validacion, opciones) : documentoAnexo(validacion, opciones);
  return { validacion, documento, descripcion: describirDocumento(documento) };
}
