/**
 * El libro canónico (PMR-SPEC §4 y §6.5): de las filas de origen a la descripción de las hojas PMR,
 * PMR_Presupuesto y PMR_Territorial con los encabezados canónicos de sus descriptores
 * (src/domain/hojas), en el orden de la plantilla. Puro: la escriben `escribirLibroExcel` o
 * `escribirLibroXlsx`.
 *
 * Cada valor se escribe tal cual llegó (un «0,10» sigue siendo el texto «0,10», un «N/A» sigue
 * siendo «N/A») y con su formato de número, para que el lector lo lea igual que en el libro de
 * origen: normalizar no cambia ninguna cifra. Orden de las columnas de cada hoja:
 *
 *   canónicas (la plantilla del descriptor; después, los campos del descriptor que no están en
 *   la plantilla y traen algún valor, como «Estado del indicador» o «Compromisos acumulados»)
 *   · calculadas (fórmulas, solo la plantilla) · extra (columnas de origen que se conservan con
 *   su encabezado) · procedencia (Archivo, Hoja y Fila de origen, si se piden).
 */
import { letraColumna } from "../../domain/direcciones";
import { HOJAS, clavesSerie, encabezadoCanonico, type CualquierDescriptor, type IdHoja } from "../../domain/hojas";
import {
  ESTILO_TABLA,
  nombreTablaValido,
  type AnchoColumnas,
  type Contenido,
  type DescripcionHoja,
  type DescripcionLibro,
  type DescripcionValidacion,
  type EstiloRango,
  type FormatoRango,
  type Formula,
  type ValorEscrito,
} from "../escritura";
import type {
  ColumnaProcedencia,
  ColumnaSalida,
  DisposicionCanonica,
  FilaOrigen,
  HojaOrigen,
  LibroOrigen,
  OpcionesCanonico,
  ValorOrigen,
} from "./tipos";

/** Encabezados de las columnas de procedencia. */
export const ENCABEZADOS_PROCEDENCIA: Readonly<Record<ColumnaProcedencia, string>> = {
  archivo: "Archivo de origen",
  hoja: "Hoja de origen",
  fila: "Fila de origen",
};
const ORDEN_PROCEDENCIA: readonly ColumnaProcedencia[] = ["archivo", "hoja", "fila"];

/** Propósito por defecto de las hojas canónicas (marca del complemento). */
export const PROPOSITO_CANONICO = "normalizado";

/** Los tipos de hoja en el orden en que se escriben. */
export const IDS_CANONICOS: readonly IdHoja[] = ["pmr", "presupuesto", "territorial"];

/** Lo que recibe la fórmula de una columna calculada. */
export interface ContextoFormula {
  /** Fila (1-based) de la celda. */
  readonly fila: number;
  /** Letra de cada columna por su clave («metaVigencia» → «O»). */
  readonly letra: (clave: string) => string;
  /** Nombre de la tabla de Excel de la hoja (null si va sin tabla). */
  readonly tabla: string | null;
  /** Última fila de datos (1-based). */
  readonly ultimaFila: number;
}

/** Una columna calculada (solo la plantilla): una fórmula por fila. */
export interface ColumnaCalculada {
  readonly clave: string;
  readonly encabezado: string;
  readonly formula: (c: ContextoFormula) => Formula;
  readonly formato?: string;
  readonly ancho?: number;
}

/** Lo que describe una hoja canónica además de la descripción. */
export interface HojaCanonica {
  readonly descripcion: DescripcionHoja;
  readonly disposicion: DisposicionCanonica;
}

/** Opciones de una hoja (las del libro más las columnas calculadas y validaciones de esa hoja). */
export interface OpcionesHojaCanonica extends OpcionesCanonico {
  readonly calculadas?: readonly ColumnaCalculada[];
  /** Validaciones que se agregan, ya con sus rangos (la plantilla las arma con la disposición). */
  readonly validaciones?: (d: DisposicionCanonica) => readonly DescripcionValidacion[];
  /** Formatos de número por columna completa (clave → formato), para las filas que no traen uno propio. */
  readonly formatosColumna?: Readonly<Record<string, string>>;
}

/** Nombre de la tabla de Excel de cada tipo de hoja. */
export const TABLAS_CANONICAS: Readonly<Record<IdHoja, string>> = {
  pmr: "TablaPMR",
  presupuesto: "TablaPresupuesto",
  territorial: "TablaTerritorial",
};

/**
 * Claves canónicas de una hoja, en orden: las de la plantilla del descriptor y, después, los
 * campos y las series del descriptor que no están en la plantilla y que alguna fila trae.
 */
export function clavesCanonicas(
  d: CualquierDescriptor,
  filas: readonly FilaOrigen[] = [],
  presentes?: readonly string[],
): string[] {
  const tenia = presentes === undefined ? null : new Set(presentes);
  const claves = d.plantilla.filter((k) => tenia === null || tenia.has(k));
  const vistas = new Set(claves);
  const traidas = new Set<string>();
  // for…in y no Object.entries: el consolidado tiene 30 000 filas de 60 claves (un arreglo por par).
  for (const f of filas)
    for (const k in f.valores) {
      const v = f.valores[k];
      if (v !== undefined && !vacio(v.valor)) traidas.add(k);
    }
  const posibles = [...Object.keys(d.campos), ...Object.keys(d.series).flatMap((s) => clavesSerie(s))];
  for (const k of posibles)
    if (!vistas.has(k) && (traidas.has(k) || tenia?.has(k) === true)) {
      claves.push(k);
      vistas.add(k);
    }
  return claves;
}

function vacio(v: ValorEscrito | undefined): boolean {
  return v === null || v === undefined || v === "";
}

/** Ancho sensato (en caracteres) de una columna canónica. */
export function anchoCanonico(clave: string): number {
  const punto = clave.indexOf(".");
  if (punto >= 0) return clave.startsWith("cualitativo") ? 30 : 12;
  switch (clave) {
    case "objetivo":
    case "producto":
    case "nombre":
      return 45;
    case "observaciones":
    case "cualitativoActual":
    case "proyecto":
      return 40;
    case "unidad":
    case "tipo":
    case "tendencia":
    case "periodicidad":
    case "tipoRecurso":
    case "localidad":
    case "estadoIndicador":
      return 18;
    default:
      return 14;
  }
}

const ANCHO_PROCEDENCIA: Readonly<Record<ColumnaProcedencia, number>> = { archivo: 30, hoja: 18, fila: 10 };

/** Columnas de la hoja escrita, en orden, con su índice y su letra. */
export function columnasSalida(
  id: IdHoja,
  hoja: HojaOrigen | null,
  opciones: OpcionesHojaCanonica = {},
): ColumnaSalida[] {
  const d = HOJAS[id] as CualquierDescriptor;
  const columnas: Omit<ColumnaSalida, "indice" | "letra">[] = [];
  for (const clave of clavesCanonicas(d, hoja?.filas ?? [], hoja?.claves))
    columnas.push({ clave, encabezado: encabezadoCanonico(d, clave), tipo: "canonica" });
  for (const c of opciones.calculadas ?? [])
    columnas.push({ clave: c.clave, encabezado: c.encabezado, tipo: "canonica" });
  for (const x of hoja?.extras ?? []) columnas.push({ clave: x.clave, encabezado: x.encabezado, tipo: "extra" });
  const pedidas = new Set(opciones.procedencia ?? []);
  for (const p of ORDEN_PROCEDENCIA)
    if (pedidas.has(p))
      columnas.push({ clave: `origen.${p}`, encabezado: ENCABEZADOS_PROCEDENCIA[p], tipo: "procedencia" });
  return columnas.map((c, indice) => ({ ...c, indice, letra: letraColumna(indice) }));
}

/** Texto de una celda de encabezado para comparar encabezados de tabla (Excel no distingue mayúsculas). */
function claveEncabezado(t: string): string {
  return t.trim().toLowerCase();
}

/** Valor que se escribe: el de origen, con "" como vacía y sin números no finitos. */
function escrito(v: ValorOrigen | undefined): ValorEscrito {
  if (v === undefined) return null;
  const x = v.valor;
  if (x === "" || x === undefined) return null;
  if (typeof x === "number" && !Number.isFinite(x)) return null;
  return x;
}

function formatoPropio(v: ValorOrigen | undefined): string | null {
  const f = v?.formato;
  if (typeof f !== "string") return null;
  const t = f.trim();
  return t === "" || t.toLowerCase() === "general" ? null : t;
}

/**
 * Formatos de número de una columna: tramos de filas seguidas con el mismo formato (una
 * descripción pequeña aunque la hoja tenga miles de filas).
 */
function tramosFormato(
  letra: string,
  formatos: readonly (string | null)[],
  primera: number,
  salida: FormatoRango[],
): void {
  let inicio = -1;
  let actual: string | null = null;
  const cerrar = (fin: number) => {
    if (actual === null || inicio < 0) return;
    const a = primera + inicio;
    const b = primera + fin;
    salida.push({ rango: a === b ? `${letra}${a}` : `${letra}${a}:${letra}${b}`, formato: actual });
  };
  for (let i = 0; i < formatos.length; i++) {
    const f = formatos[i];
    if (f === actual) continue;
    cerrar(i - 1);
    actual = f;
    inicio = i;
  }
  cerrar(formatos.length - 1);
}

/** Describe una hoja canónica con las filas dadas. */
export function describirHojaCanonica(
  id: IdHoja,
  hoja: HojaOrigen | null,
  opciones: OpcionesHojaCanonica = {},
): HojaCanonica {
  const d = HOJAS[id] as CualquierDescriptor;
  const nombre = opciones.nombres?.[id] ?? d.nombre;
  const columnas = columnasSalida(id, hoja, opciones);
  const filas = hoja?.filas ?? [];
  const conTabla = opciones.tablas ?? true;
  const encabezados = columnas.map((c) => c.encabezado);
  const repetidos = new Set(encabezados.map(claveEncabezado)).size < encabezados.length;
  const vacias = opciones.filasVacias ?? (filas.length === 0 ? 1 : 0);
  const ultimaFila = 1 + filas.length + Math.max(0, vacias);
  const nombreTabla = opciones.nombresTablas?.[id] ?? TABLAS_CANONICAS[id];
  const tabla = conTabla && !repetidos && ultimaFila >= 2 && nombreTablaValido(nombreTabla) ? nombreTabla : null;

  const letraDe = new Map(columnas.map((c) => [c.clave, c.letra]));
  const letra = (clave: string): string => {
    const l = letraDe.get(clave);
    if (l === undefined) throw new Error(`La hoja ${nombre} no tiene la columna «${clave}».`);
    return l;
  };
  const calculadas = new Map((opciones.calculadas ?? []).map((c) => [c.clave, c]));

  const cuerpo: Contenido[][] = [];
  // Formatos propios por columna: el arreglo de una columna se crea con su primer formato (las
  // filas anteriores, sin formato); una columna sin ninguno no guarda una entrada por fila.
  const formatos: ((string | null)[] | null)[] = columnas.map(() => null);
  const anotarFormato = (k: number, i: number, fmt: string | null) => {
    const lista = formatos[k];
    if (lista !== null) lista.push(fmt);
    else if (fmt !== null) formatos[k] = [...(new Array(i).fill(null) as null[]), fmt];
  };
  for (let i = 0; i < filas.length; i++) {
    const f = filas[i];
    const filaHoja = i + 2;
    const celdas: Contenido[] = [];
    for (let k = 0; k < columnas.length; k++) {
      const c = columnas[k];
      let v: ValorOrigen | undefined;
      if (c.tipo === "canonica") {
        const calc = calculadas.get(c.clave);
        if (calc !== undefined) {
          celdas.push(calc.formula({ fila: filaHoja, letra, tabla, ultimaFila }));
          anotarFormato(k, i, null);
          continue;
        }
        v = f.valores[c.clave];
      } else if (c.tipo === "extra") v = f.extras?.[c.clave];
      else {
        const p = c.clave.slice("origen.".length) as ColumnaProcedencia;
        const o = f.origen;
        v = { valor: p === "archivo" ? (o.archivo ?? null) : p === "hoja" ? o.hoja : o.fila };
      }
      celdas.push(escrito(v));
      anotarFormato(k, i, formatoPropio(v));
    }
    cuerpo.push(celdas);
  }
  // Filas vacías de la tabla: solo las fórmulas de las columnas calculadas.
  for (let filaHoja = 2 + filas.length; filaHoja <= ultimaFila; filaHoja++) {
    cuerpo.push(
      columnas.map((c) => {
        const calc = c.tipo === "canonica" ? calculadas.get(c.clave) : undefined;
        return calc === undefined ? null : calc.formula({ fila: filaHoja, letra, tabla, ultimaFila });
      }),
    );
  }

  const formatosNumero: FormatoRango[] = [];
  const porColumna = opciones.formatosColumna ?? {};
  for (let k = 0; k < columnas.length; k++) {
    const c = columnas[k];
    const deColumna = calculadas.get(c.clave)?.formato ?? porColumna[c.clave];
    if (deColumna !== undefined && ultimaFila >= 2) {
      // El formato de la columna para todas las filas; el propio de cada celda de origen va encima.
      formatosNumero.push({ rango: `${c.letra}2:${c.letra}${ultimaFila}`, formato: deColumna });
    }
    const propios = formatos[k];
    if (propios !== null) tramosFormato(c.letra, propios, 2, formatosNumero);
  }

  const anchos: AnchoColumnas[] = columnas.map((c) => ({
    columnas: c.letra,
    ancho:
      c.tipo === "procedencia"
        ? ANCHO_PROCEDENCIA[c.clave.slice("origen.".length) as ColumnaProcedencia]
        : c.tipo === "extra"
          ? 16
          : (calculadas.get(c.clave)?.ancho ?? anchoCanonico(c.clave)),
  }));
  const ultimaLetra = columnas[columnas.length - 1].letra;
  const estilos: EstiloRango[] = [{ rango: `A1:${ultimaLetra}1`, estilos: ["encabezado"] }];
  const disposicion: DisposicionCanonica = { id, nombre, columnas, ultimaFila, tabla };
  const validaciones = opciones.validaciones?.(disposicion) ?? [];

  const descripcion: DescripcionHoja = {
    nombre,
    proposito: opciones.proposito ?? PROPOSITO_CANONICO,
    celdas: [{ desde: "A1", filas: [encabezados, ...cuerpo] }],
    ...(formatosNumero.length > 0 ? { formatosNumero } : {}),
    anchos,
    inmovilizar: { filas: 1 },
    estilos,
    ...(tabla !== null
      ? {
          tablas: [
            { nombre: tabla, rango: `A1:${ultimaLetra}${ultimaFila}`, estilo: ESTILO_TABLA, conEncabezados: true },
          ],
        }
      : {}),
    ...(validaciones.length > 0 ? { validaciones } : {}),
  };
  return { descripcion, disposicion };
}

/**
 * El libro canónico: una hoja por tipo de hoja que venga en `libro` (o que pidan
 * `opciones.siempre`), en el orden PMR, PMR_Presupuesto, PMR_Territorial.
 */
export function describirLibroCanonico(
  libro: LibroOrigen,
  opciones: OpcionesCanonico = {},
): { libro: DescripcionLibro; disposiciones: DisposicionCanonica[] } {
  const siempre = new Set(opciones.siempre ?? []);
  const hojas: HojaCanonica[] = [];
  for (const id of IDS_CANONICOS) {
    const h = libro[id] ?? null;
    if (h === null && !siempre.has(id)) continue;
    hojas.push(describirHojaCanonica(id, h, opciones));
  }
  return { libro: { hojas: hojas.map((h) => h.descripcion) }, disposiciones: hojas.map((h) => h.disposicion) };
}
