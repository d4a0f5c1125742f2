/**
 * El lector de .xlsx sin Node: bytes del archivo → LibroGrillas (lo mismo que el complemento
 * obtiene de Excel con Office.js), leyendo solo lo necesario. Lo usan la línea de comandos (con
 * la envoltura de archivos de lectorXlsx.ts) y podrá usarlo el panel en el navegador.
 *
 * Qué lee del paquete (con JSZip, por flujo; ver zip.ts): `_rels/.rels` (dónde está el libro),
 * `xl/workbook.xml` (hojas, su orden y el sistema de fechas 1904), sus relaciones (la parte de
 * cada hoja), `sharedStrings.xml`, los formatos de número de `styles.xml` (cellXfs numFmtId →
 * código, con los formatos incorporados) y SOLO las hojas que el lector necesita: PMR,
 * presupuesto y territorial por su nombre, o todas si falta alguna (hojasALeer, la misma
 * elección que el adaptador de Excel) si se pide `hojas: "necesarias"`, como hace la línea de
 * comandos. Las demás partes (dibujos, temas, otras hojas) no se descomprimen.
 *
 * Equivalencias con Office.js (`worksheet.getUsedRange(true)` y `range.values` /
 * `range.numberFormat`), las mismas que daba la lectura con ExcelJS (grillaExcelJs.ts, que las
 * pruebas usan de referencia):
 * - Rango usado: de la primera a la última fila y columna con un valor (las celdas que solo
 *   tienen formato no cuentan, como con `valuesOnly = true`). Su esquina superior izquierda es
 *   `filaInicial` / `columnaInicial` (0-based). Una hoja sin valores da `[[""]]` en A1.
 * - Forma de la grilla: rectangular (cada fila tan ancha como el rango usado, "" donde no hay
 *   valor), salvo cuando el rectángulo costaría mucho más que los valores (p. ej., un valor
 *   suelto en XFD1048576): entonces cada fila llega solo hasta su último valor y todas las filas
 *   vacías son una misma fila vacía congelada. Así un valor lejano no cuesta memoria.
 * - Celda vacía → "". Fórmula → su último resultado guardado (no se recalcula); sin resultado
 *   guardado → "" (pero la celda cuenta para el rango usado, como en Excel).
 * - Texto enriquecido → el texto plano (sin las guías fonéticas); hipervínculo → su texto
 *   visible (el texto de la celda); texto en línea (`inlineStr`) → su texto; `_xHHHH_` → el
 *   carácter que codifica.
 * - Fecha → número de serie de Excel: el número guardado en el archivo, tal cual, en el sistema
 *   de fechas del libro (1900 o 1904), que es lo que devuelve Office.js. El sistema va en
 *   `fecha1904` del libro.
 * - Error (como valor o como resultado de fórmula) → su texto: "#REF!", "#N/A", …
 * - Lógico → true / false.
 * - Celdas combinadas: las áreas van en `combinadas` (absolutas, 0-based); la celda superior
 *   izquierda tiene el valor y las demás, que Excel guarda vacías, dan "".
 * - `formatos`: el código de formato de número de cada celda con valor ("General" si no tiene).
 *   Las celdas vacías dan "General" (el lector solo mira el formato de celdas con valor).
 * - Todas las hojas de cálculo, también las ocultas, en el orden de las pestañas. Las hojas de
 *   gráfico (y las de macros o diálogos) no son hojas de cálculo y no aparecen.
 *
 * Límites (ver docs/decisiones.md): el tamaño descomprimido de lo que se lee
 * (`descomprimidoMaximo`), la cuadrícula de Excel (1.048.576 filas × 16.384 columnas: una celda
 * fuera de ella es un libro dañado) y las celdas de una grilla (`celdasMaximas`). Una celda con
 * un índice de texto compartido que no existe llega como ValorIlegible (un problema de esa
 * celda, no de todo el libro).
 */
import type { AreaCombinada, GrillaHoja, LibroGrillas, ValorIlegible } from "../../workbook/grilla";
import { hojasALeer } from "../../workbook/seleccion";
import { ErrorLecturaLibro } from "./error";
import { DETALLES_LECTURA, NOMBRE_LIBRO_EN_MEMORIA, type MotivoLectura } from "./mensajes";
import { AnalizadorXml, Atributos, ErrorXml, type ManejadorXml } from "./xml";
import { ErrorZip, PaqueteZip } from "./zip";

export const FILAS_EXCEL = 1_048_576;
export const COLUMNAS_EXCEL = 16_384;
/** Máximo descomprimido por omisión: 1 GiB (un libro de 500 000 indicadores ocupa unos 800 MB). */
export const DESCOMPRIMIDO_MAXIMO = 1024 * 1024 * 1024;
/** Celdas máximas de todas las grillas de un libro (las de 500 000 indicadores son unos 23 millones). */
export const CELDAS_MAXIMAS = 64_000_000;
/** Áreas combinadas máximas de una hoja. */
export const COMBINADAS_MAXIMAS = 1_000_000;

export interface OpcionesLibroXlsx {
  /** Cómo nombrar el libro en los mensajes (por defecto, «el libro»). */
  nombre?: string;
  /** Incluir `formatos` (por defecto sí). */
  formatos?: boolean;
  /**
   * "todas" (por defecto): todas las hojas de cálculo; "necesarias": solo las que elige
   * hojasALeer (lo que usa la línea de comandos: las demás no se descomprimen).
   */
  hojas?: "necesarias" | "todas";
  /** Máximo de bytes descomprimidos entre todas las partes leídas. */
  descomprimidoMaximo?: number;
  /** Máximo de celdas entre todas las grillas. */
  celdasMaximas?: number;
}

const GENERAL = "General";

/** Formatos de número incorporados (los que no se escriben en styles.xml), como los da ExcelJS. */
const FORMATOS_INCORPORADOS: Readonly<Record<number, string>> = {
  0: GENERAL,
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

const TIPO_HOJA = "/worksheet";

/** `_xHHHH_` → el carácter (la codificación de OOXML para caracteres que XML no admite). */
function decodificarX(t: string): string {
  if (t.indexOf("_x") < 0) return t;
  return t.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Ruta de una parte a partir de la carpeta de la parte de origen («xl/») y el destino de la relación. */
export function resolverRuta(base: string, destino: string): string {
  const partes = destino.startsWith("/") ? [] : base.split("/").filter((p) => p !== "");
  for (const p of destino.split("/")) {
    if (p === "" || p === ".") continue;
    if (p === "..") partes.pop();
    else partes.push(p);
  }
  return partes.join("/");
}

function carpetaDe(parte: string): string {
  const i = parte.lastIndexOf("/");
  return i < 0 ? "" : parte.slice(0, i + 1);
}

function relacionesDe(parte: string): string {
  const i = parte.lastIndexOf("/");
  return `${parte.slice(0, i + 1)}_rels/${parte.slice(i + 1)}.rels`;
}

/** Referencia de celda → [fila, columna] 0-based; null si no es una referencia; fuera de la cuadrícula, fila o columna ≥ límite. */
export function leerReferencia(ref: string): [number, number] | null {
  let i = 0;
  let col = 0;
  const n = ref.length;
  if (n > 0 && ref.charCodeAt(0) === 36 /* $ */) i++;
  const inicioLetras = i;
  while (i < n) {
    let k = ref.charCodeAt(i);
    if (k >= 97 && k <= 122) k -= 32;
    if (k < 65 || k > 90) break;
    col = col * 26 + (k - 64);
    if (col > 1e7) col = 1e7;
    i++;
  }
  if (i === inicioLetras) return null;
  if (i < n && ref.charCodeAt(i) === 36) i++;
  const inicioCifras = i;
  let fila = 0;
  while (i < n) {
    const k = ref.charCodeAt(i);
    if (k < 48 || k > 57) return null;
    fila = fila * 10 + (k - 48);
    if (fila > 1e10) fila = 1e10;
    i++;
  }
  if (i === inicioCifras || fila === 0) return null;
  return [fila - 1, col - 1];
}

/** Solo las letras de columna de una referencia («B12» → 1); −1 si no empieza con letras. */
function columnaDeReferencia(ref: string): number {
  let col = 0;
  let i = 0;
  if (ref.charCodeAt(0) === 36) i++;
  const inicio = i;
  for (; i < ref.length; i++) {
    let k = ref.charCodeAt(i);
    if (k >= 97 && k <= 122) k -= 32;
    if (k < 65 || k > 90) break;
    col = col * 26 + (k - 64);
    if (col > 1e7) col = 1e7;
  }
  return i === inicio ? -1 : col - 1;
}

/** Un error que el lector de hojas lanza con lo que sabe (la celda); la lectura añade parte y hoja. */
class ErrorHoja extends Error {
  constructor(
    readonly motivo: MotivoLectura,
    readonly celda: string | null,
    readonly detalle: (hoja: string) => string,
  ) {
    super("hoja");
  }
}

// ───────────────────────────── Partes pequeñas ─────────────────────────────

interface Relacion {
  tipo: string;
  destino: string;
}

class LectorRelaciones implements ManejadorXml {
  quiereTexto = false;
  readonly porId = new Map<string, Relacion>();
  readonly lista: Relacion[] = [];
  constructor(private readonly base: string) {}
  abrir(nombre: string, a: Atributos): void {
    if (nombre !== "Relationship") return;
    if (a.get("TargetMode") === "External") return;
    const id = a.get("Id");
    const tipo = a.get("Type") ?? "";
    const destino = a.get("Target");
    if (destino === undefined) return;
    const r = { tipo, destino: resolverRuta(this.base, destino) };
    if (id !== undefined && !this.porId.has(id)) this.porId.set(id, r);
    this.lista.push(r);
  }
  cerrar(): void {}
  texto(): void {}
}

interface HojaDelLibro {
  nombre: string;
  id: string;
}

class LectorLibro implements ManejadorXml {
  quiereTexto = false;
  readonly hojas: HojaDelLibro[] = [];
  fecha1904 = false;
  abrir(nombre: string, a: Atributos): void {
    if (nombre === "sheet") {
      const id = a.get("id");
      const n = a.get("name");
      if (id !== undefined && n !== undefined) this.hojas.push({ nombre: n, id });
    } else if (nombre === "workbookPr") {
      const v = a.get("date1904");
      this.fecha1904 = v === "1" || v === "true";
    }
  }
  cerrar(): void {}
  texto(): void {}
}

class LectorEstilos implements ManejadorXml {
  quiereTexto = false;
  private readonly propios = new Map<number, string>();
  private readonly ids: number[] = [];
  private enCellXfs = false;
  abrir(nombre: string, a: Atributos, vacio: boolean): void {
    if (nombre === "numFmt") {
      const id = Number(a.get("numFmtId"));
      const codigo = a.get("formatCode");
      if (Number.isInteger(id) && codigo !== undefined) this.propios.set(id, codigo);
    } else if (nombre === "cellXfs") {
      this.enCellXfs = !vacio;
    } else if (nombre === "xf" && this.enCellXfs) {
      this.ids.push(Number(a.get("numFmtId") ?? 0));
    }
  }
  cerrar(nombre: string): void {
    if (nombre === "cellXfs") this.enCellXfs = false;
  }
  texto(): void {}
  /** Código de formato de cada estilo de celda (índice `s` de las celdas). */
  formatos(): string[] {
    return this.ids.map((id) => this.propios.get(id) ?? FORMATOS_INCORPORADOS[id] ?? GENERAL);
  }
}

class LectorTextos implements ManejadorXml {
  quiereTexto = false;
  readonly textos: string[] = [];
  private actual = "";
  private enSi = false;
  private fonetica = 0;
  abrir(nombre: string, _a: Atributos, vacio: boolean): void {
    if (nombre === "si") {
      this.enSi = true;
      this.actual = "";
      if (vacio) this.enSi = false;
    } else if (nombre === "rPh") {
      if (!vacio) this.fonetica++;
    } else if (nombre === "t" && this.enSi && this.fonetica === 0) {
      this.quiereTexto = !vacio;
    }
  }
  cerrar(nombre: string): void {
    if (nombre === "t") this.quiereTexto = false;
    else if (nombre === "rPh") this.fonetica = Math.max(0, this.fonetica - 1);
    else if (nombre === "si") {
      this.textos.push(decodificarX(this.actual));
      this.enSi = false;
    }
  }
  texto(t: string): void {
    this.actual += t;
  }
}

// ───────────────────────────── Hojas ─────────────────────────────

/** Una fila con valores: sus valores desde la columna c0 hasta el último valor. */
interface RegistroFila {
  fila: number;
  c0: number;
  valores: unknown[];
  formatos: string[] | null;
}

const FILA_SIN_VALORES: readonly unknown[] = Object.freeze([]);

/** Cuenta de celdas compartida por todas las hojas de un libro. */
interface Presupuesto {
  celdas: number;
  readonly maximo: number;
}

class LectorHoja implements ManejadorXml {
  quiereTexto = false;
  /** Referencia de la última celda vista (para ubicar los errores). */
  ultimaReferencia: string | null = null;

  private readonly filas: RegistroFila[] = [];
  private readonly combinadas: AreaCombinada[] = [];
  private ordenadas = true;
  private filaMin = Infinity;
  private filaMax = -1;
  private colMin = Infinity;
  private colMax = -1;

  // Fila en curso.
  private fila = -1;
  private c0 = -1;
  private valoresFila: unknown[] = [];
  private formatosFila: string[] | null = null;
  private desordenada = false;
  private sueltas: { c: number; v: unknown; f: string }[] = [];
  private vaciasConFormato: number[] = [];
  private formatosVacias: string[] = [];

  // Celda en curso.
  private enCelda = false;
  private col = -1;
  private tipo: string | undefined;
  private formato = GENERAL;
  private formula = false;
  private textoV: string | undefined;
  private textoIs: string | undefined;
  private enV = false;
  private enIs = false;
  private fonetica = 0;

  constructor(
    private readonly textos: readonly string[],
    private readonly formatosEstilo: readonly string[],
    private readonly conFormatos: boolean,
    private readonly presupuesto: Presupuesto,
  ) {}

  abrir(nombre: string, a: Atributos, vacio: boolean): void {
    switch (nombre) {
      case "c":
        this.abrirCelda(a);
        return;
      case "v":
        if (this.enCelda && !vacio) {
          this.enV = true;
          this.quiereTexto = true;
        }
        return;
      case "f":
        if (this.enCelda) this.formula = true;
        return;
      case "is":
        if (this.enCelda && !vacio) this.enIs = true;
        return;
      case "t":
        if (this.enIs && this.fonetica === 0 && !vacio) this.quiereTexto = true;
        return;
      case "rPh":
        if (this.enIs && !vacio) this.fonetica++;
        return;
      case "row":
        this.abrirFila(a);
        return;
      case "mergeCell":
        this.combinada(a.get("ref"));
        return;
      default:
        return;
    }
  }

  cerrar(nombre: string): void {
    switch (nombre) {
      case "c":
        if (this.enCelda) this.cerrarCelda();
        return;
      case "v":
        this.enV = false;
        this.quiereTexto = false;
        return;
      case "t":
        if (this.enIs) this.quiereTexto = false;
        return;
      case "rPh":
        if (this.fonetica > 0) this.fonetica--;
        return;
      case "is":
        this.enIs = false;
        this.quiereTexto = false;
        return;
      case "row":
        this.cerrarFila();
        return;
      default:
        return;
    }
  }

  texto(t: string): void {
    if (this.enV) this.textoV = this.textoV === undefined ? t : this.textoV + t;
    else if (this.enIs) this.textoIs = this.textoIs === undefined ? t : this.textoIs + t;
  }

  private abrirFila(a: Atributos): void {
    this.cerrarFila();
    const r = a.get("r");
    let fila: number;
    if (r === undefined) fila = this.fila + 1;
    else {
      fila = /^[0-9]{1,12}$/.test(r) ? Number(r) - 1 : NaN;
      if (!Number.isInteger(fila) || fila < 0) {
        const ref = `fila ${r}`;
        throw new ErrorHoja("danado", null, (h) => DETALLES_LECTURA.referenciaInvalida(h, ref));
      }
    }
    if (fila >= FILAS_EXCEL) {
      const ref = `A${fila + 1}`;
      throw new ErrorHoja("fuera-de-cuadricula", ref, (h) => DETALLES_LECTURA.fueraDeCuadricula(h, ref));
    }
    this.fila = fila;
    this.col = -1;
  }

  private abrirCelda(a: Atributos): void {
    this.enCelda = true;
    const r = a.get("r");
    if (r === undefined) {
      this.col++;
      if (this.fila < 0) this.fila = 0;
    } else {
      this.ultimaReferencia = r;
      const pos = leerReferencia(r);
      if (pos === null) {
        // Algunas herramientas escriben solo la columna («B»).
        const c = columnaDeReferencia(r);
        if (c < 0 || /[^A-Za-z$]/.test(r))
          throw new ErrorHoja("danado", r, (h) => DETALLES_LECTURA.referenciaInvalida(h, r));
        this.col = c;
        if (this.fila < 0) this.fila = 0;
      } else {
        const [fila, col] = pos;
        if (fila >= FILAS_EXCEL || col >= COLUMNAS_EXCEL)
          throw new ErrorHoja("fuera-de-cuadricula", r, (h) => DETALLES_LECTURA.fueraDeCuadricula(h, r));
        if (fila !== this.fila) {
          // Una celda de otra fila (el archivo no siguió la regla): se ubica donde dice la celda.
          this.cerrarFila();
          this.fila = fila;
        }
        this.col = col;
      }
    }
    if (this.col >= COLUMNAS_EXCEL) {
      const ref = r ?? `columna ${this.col + 1}`;
      throw new ErrorHoja("fuera-de-cuadricula", ref, (h) => DETALLES_LECTURA.fueraDeCuadricula(h, ref));
    }
    this.tipo = a.get("t");
    const s = a.get("s");
    this.formato =
      s === undefined || s === "0" ? (this.formatosEstilo[0] ?? GENERAL) : (this.formatosEstilo[Number(s)] ?? GENERAL);
    this.formula = false;
    this.textoV = undefined;
    this.textoIs = undefined;
    this.enV = false;
    this.enIs = false;
    this.fonetica = 0;
  }

  /** El valor de la celda como lo da `range.values`; undefined si la celda no tiene valor. */
  private valor(): unknown {
    const v = this.textoV;
    if (this.formula) {
      // Fórmula: su resultado guardado; sin resultado, "" (pero la celda cuenta).
      if (v === undefined || v === "") return "";
      switch (this.tipo) {
        case "str":
          return v;
        case "b":
          return parseInt(v, 10) !== 0;
        case "e":
          return v;
        default:
          return this.numero(v);
      }
    }
    switch (this.tipo) {
      case "s": {
        if (v === undefined) return undefined;
        const i = /^\s*[0-9]{1,10}\s*$/.test(v) ? Number(v) : -1;
        const t = i >= 0 && i < this.textos.length ? this.textos[i] : undefined;
        if (t === undefined)
          return { ilegible: DETALLES_LECTURA.textoCompartidoInexistente(v.trim()) } satisfies ValorIlegible;
        return t;
      }
      case "inlineStr":
        return this.textoIs === undefined ? (v === undefined ? undefined : v) : decodificarX(this.textoIs);
      case "str":
        return v;
      case "b":
        return v === undefined ? undefined : parseInt(v, 10) !== 0;
      case "e":
        return v;
      case "d":
        return v === undefined ? undefined : this.fechaIso(v);
      default:
        return v === undefined ? undefined : this.numero(v);
    }
  }

  private numero(v: string): unknown {
    const n = parseFloat(v);
    if (Number.isNaN(n)) return { ilegible: DETALLES_LECTURA.numeroIlegible(v) } satisfies ValorIlegible;
    return Number.isFinite(n) ? n : "#NUM!";
  }

  /** Celda de fecha ISO 8601 (`t="d"`, poco usada) → número de serie del sistema 1900. */
  private fechaIso(v: string): unknown {
    const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v) || !v.includes("T") ? v : `${v}Z`);
    if (Number.isNaN(ms)) return { ilegible: DETALLES_LECTURA.numeroIlegible(v) } satisfies ValorIlegible;
    return Number((ms / 86_400_000 + 25569).toFixed(10));
  }

  private cerrarCelda(): void {
    this.enCelda = false;
    this.quiereTexto = false;
    const v = this.valor();
    const c = this.col;
    if (v === undefined) {
      if (this.conFormatos && this.formato !== GENERAL && this.vaciasConFormato.length < COLUMNAS_EXCEL) {
        this.vaciasConFormato.push(c);
        this.formatosVacias.push(this.formato);
      }
      return;
    }
    if (this.desordenada) {
      this.sueltas.push({ c, v, f: this.formato });
      return;
    }
    if (this.c0 < 0) this.c0 = c;
    const i = c - this.c0;
    const fila = this.valoresFila;
    if (i < fila.length) {
      // Una celda antes de la última (el archivo no las ordenó): la fila se arma al cerrarla.
      this.desordenada = true;
      for (let k = 0; k < fila.length; k++) {
        if (fila[k] !== "" || (this.formatosFila !== null && this.formatosFila[k] !== GENERAL))
          this.sueltas.push({ c: this.c0 + k, v: fila[k], f: this.formatosFila?.[k] ?? GENERAL });
      }
      this.sueltas.push({ c, v, f: this.formato });
      return;
    }
    while (fila.length < i) fila.push("");
    fila.push(v);
    if (this.conFormatos && (this.formato !== GENERAL || this.formatosFila !== null)) {
      const f = (this.formatosFila ??= []);
      while (f.length < i) f.push(GENERAL);
      f.push(this.formato);
    }
  }

  private cerrarFila(): void {
    if (this.fila < 0) return;
    if (this.desordenada) this.armarDesordenada();
    const valores = this.valoresFila;
    if (valores.length > 0) {
      let formatos = this.formatosFila;
      if (formatos !== null) while (formatos.length < valores.length) formatos.push(GENERAL);
      if (this.conFormatos && this.vaciasConFormato.length > 0) {
        for (let k = 0; k < this.vaciasConFormato.length; k++) {
          const i = this.vaciasConFormato[k] - this.c0;
          if (i < 0 || i >= valores.length || valores[i] !== "") continue;
          formatos ??= new Array<string>(valores.length).fill(GENERAL);
          formatos[i] = this.formatosVacias[k];
        }
      }
      const fila = this.fila;
      const anterior = this.filas.length > 0 ? this.filas[this.filas.length - 1].fila : -1;
      if (fila <= anterior) this.ordenadas = false;
      this.filas.push({ fila, c0: this.c0, valores, formatos: this.conFormatos ? formatos : null });
      if (fila < this.filaMin) this.filaMin = fila;
      if (fila > this.filaMax) this.filaMax = fila;
      if (this.c0 < this.colMin) this.colMin = this.c0;
      const ultima = this.c0 + valores.length - 1;
      if (ultima > this.colMax) this.colMax = ultima;
      this.presupuesto.celdas += valores.length;
      if (this.presupuesto.celdas > this.presupuesto.maximo) {
        const { celdas, maximo } = this.presupuesto;
        throw new ErrorHoja("demasiadas-celdas", null, (h) => DETALLES_LECTURA.demasiadasCeldas(h, celdas, maximo));
      }
      this.valoresFila = [];
      this.formatosFila = null;
    }
    this.c0 = -1;
    this.desordenada = false;
    this.sueltas = [];
    if (this.vaciasConFormato.length > 0) {
      this.vaciasConFormato = [];
      this.formatosVacias = [];
    }
  }

  /** Fila con celdas fuera de orden: se ordenan por columna (la última de una columna repetida gana). */
  private armarDesordenada(): void {
    const sueltas = this.sueltas;
    let min = Infinity;
    let max = -1;
    for (const s of sueltas) {
      if (s.c < min) min = s.c;
      if (s.c > max) max = s.c;
    }
    const valores = new Array<unknown>(max - min + 1).fill("");
    let formatos: string[] | null = null;
    for (const s of sueltas) {
      valores[s.c - min] = s.v;
      if (this.conFormatos && s.f !== GENERAL) {
        formatos ??= new Array<string>(valores.length).fill(GENERAL);
        formatos[s.c - min] = s.f;
      }
    }
    this.c0 = min;
    this.valoresFila = valores;
    this.formatosFila = formatos;
    this.desordenada = false;
  }

  private combinada(ref: string | undefined): void {
    if (ref === undefined) return;
    const [a, b = a] = ref.split(":");
    const p = leerReferencia(a);
    const q = leerReferencia(b);
    if (p === null || q === null)
      throw new ErrorHoja("danado", ref, (h) => DETALLES_LECTURA.referenciaInvalida(h, ref));
    for (const [f, c] of [p, q]) {
      if (f >= FILAS_EXCEL || c >= COLUMNAS_EXCEL)
        throw new ErrorHoja("fuera-de-cuadricula", ref, (h) => DETALLES_LECTURA.fueraDeCuadricula(h, ref));
    }
    if (this.combinadas.length >= COMBINADAS_MAXIMAS)
      throw new ErrorHoja("demasiadas-celdas", null, (h) =>
        DETALLES_LECTURA.demasiadasCombinadas(h, COMBINADAS_MAXIMAS),
      );
    const fila = Math.min(p[0], q[0]);
    const columna = Math.min(p[1], q[1]);
    this.combinadas.push({
      fila,
      columna,
      filas: Math.max(p[0], q[0]) - fila + 1,
      columnas: Math.max(p[1], q[1]) - columna + 1,
    });
  }

  /** La grilla de la hoja, al terminar su XML. */
  grilla(nombre: string): GrillaHoja {
    this.cerrarFila();
    const combinadas = this.combinadas.sort((a, b) => a.fila - b.fila || a.columna - b.columna);
    if (this.filas.length === 0) {
      const vacia: GrillaHoja = { nombre, valores: [[""]], filaInicial: 0, columnaInicial: 0, combinadas };
      if (this.conFormatos) vacia.formatos = [[GENERAL]];
      return vacia;
    }
    const registros = this.ordenadas ? this.filas : unirFilas(this.filas);
    const alto = this.filaMax - this.filaMin + 1;
    const ancho = this.colMax - this.colMin + 1;
    let guardadas = 0;
    for (const r of registros) guardadas += r.valores.length + (r.c0 - this.colMin);
    // Rectangular como Office.js, salvo que el rectángulo cueste mucho más que los valores.
    const rectangular = alto * ancho <= guardadas * 2 + 1_000_000;
    const celdas = rectangular ? alto * ancho : guardadas;
    if (celdas > this.presupuesto.maximo) {
      throw new ErrorHoja("demasiadas-celdas", null, (h) =>
        DETALLES_LECTURA.demasiadasCeldas(h, celdas, this.presupuesto.maximo),
      );
    }
    const filaVacia = rectangular ? Object.freeze(new Array<unknown>(ancho).fill("")) : FILA_SIN_VALORES;
    const formatoVacio = rectangular
      ? Object.freeze(new Array<string>(ancho).fill(GENERAL))
      : (FILA_SIN_VALORES as readonly string[]);
    const valores = new Array<unknown[]>(alto);
    const formatos = this.conFormatos ? new Array<string[]>(alto) : null;
    for (let i = 0; i < alto; i++) {
      valores[i] = filaVacia as unknown[];
      if (formatos) formatos[i] = formatoVacio as string[];
    }
    for (const r of registros) {
      let v = r.valores;
      let f = r.formatos;
      const izquierda = r.c0 - this.colMin;
      if (izquierda > 0) {
        v = new Array<unknown>(izquierda).fill("").concat(v);
        if (f !== null) f = new Array<string>(izquierda).fill(GENERAL).concat(f);
      }
      if (rectangular) {
        while (v.length < ancho) v.push("");
        if (f !== null) while (f.length < ancho) f.push(GENERAL);
      }
      valores[r.fila - this.filaMin] = v;
      if (formatos) formatos[r.fila - this.filaMin] = f ?? (formatoVacio as string[]);
    }
    const grilla: GrillaHoja = { nombre, valores, filaInicial: this.filaMin, columnaInicial: this.colMin, combinadas };
    if (formatos) grilla.formatos = formatos;
    return grilla;
  }
}

/** Filas fuera de orden o repetidas (el archivo no siguió la regla): ordenadas, y las repetidas unidas. */
function unirFilas(filas: RegistroFila[]): RegistroFila[] {
  const ordenadas = filas.slice().sort((a, b) => a.fila - b.fila);
  const salida: RegistroFila[] = [];
  for (const r of ordenadas) {
    const ultima = salida[salida.length - 1];
    if (ultima === undefined || ultima.fila !== r.fila) {
      salida.push(r);
      continue;
    }
    const c0 = Math.min(ultima.c0, r.c0);
    const fin = Math.max(ultima.c0 + ultima.valores.length, r.c0 + r.valores.length);
    const valores = new Array<unknown>(fin - c0).fill("");
    const formatos = ultima.formatos || r.formatos ? new Array<string>(fin - c0).fill(GENERAL) : null;
    for (const x of [ultima, r]) {
      for (let k = 0; k < x.valores.length; k++) {
        if (x.valores[k] === "" && x !== ultima) continue;
        valores[x.c0 - c0 + k] = x.valores[k];
        if (formatos && x.formatos) formatos[x.c0 - c0 + k] = x.formatos[k];
      }
    }
    salida[salida.length - 1] = { fila: r.fila, c0, valores, formatos };
  }
  return salida;
}

// ───────────────────────────── Libro ─────────────────────────────

class Lectura {
  constructor(
    readonly paquete: PaqueteZip,
    readonly nombre: string,
  ) {}

  /** Analiza una parte con un manejador; traduce los errores a ErrorLecturaLibro con la parte y la hoja. */
  async analizar(
    parte: string,
    manejador: ManejadorXml,
    hoja: string | null = null,
    lectorHoja?: LectorHoja,
  ): Promise<void> {
    const analizador = new AnalizadorXml(manejador);
    try {
      await this.paquete.leer(parte, (t) => analizador.escribir(t));
      analizador.terminar();
    } catch (e) {
      throw this.traducir(e, parte, hoja, lectorHoja);
    }
  }

  traducir(e: unknown, parte: string, hoja: string | null, lectorHoja?: LectorHoja): Error {
    if (e instanceof ErrorLecturaLibro) return e;
    if (e instanceof ErrorHoja) return new ErrorLecturaLibro(this.nombre, e.motivo, e, e.detalle(hoja ?? parte));
    if (e instanceof ErrorXml) {
      const celda = lectorHoja?.ultimaReferencia ?? null;
      const donde = celda === null ? `${e.message} (carácter ${e.posicion + 1})` : e.message;
      return new ErrorLecturaLibro(this.nombre, "danado", e, DETALLES_LECTURA.xmlDanado(parte, hoja, celda, donde));
    }
    if (e instanceof ErrorZip) {
      if (e.tipo === "descomprimido")
        return new ErrorLecturaLibro(
          this.nombre,
          "descomprimido-grande",
          e,
          DETALLES_LECTURA.descomprimido(parte, this.paquete.descomprimidoMaximo),
        );
      return new ErrorLecturaLibro(this.nombre, "danado", e, DETALLES_LECTURA.zipDanado(parte, e.message));
    }
    if (e instanceof RangeError) {
      // Memoria o pila agotadas por una forma imprevista: un mensaje, nunca una traza.
      return new ErrorLecturaLibro(
        this.nombre,
        "danado",
        e,
        DETALLES_LECTURA.zipDanado(parte, "tiene una forma que no se pudo leer"),
      );
    }
    return new ErrorLecturaLibro(this.nombre, "danado", e, DETALLES_LECTURA.zipDanado(parte, "no se pudo leer"));
  }

  async relaciones(parte: string): Promise<LectorRelaciones> {
    const r = new LectorRelaciones(carpetaDe(parte));
    const ruta = relacionesDe(parte);
    if (this.paquete.tiene(ruta)) await this.analizar(ruta, r);
    return r;
  }
}

/** Lee un .xlsx (sus bytes) y devuelve las grillas de las hojas que necesita el lector. */
export async function leerLibroXlsx(bytes: Uint8Array, opciones: OpcionesLibroXlsx = {}): Promise<LibroGrillas> {
  const nombre = opciones.nombre ?? NOMBRE_LIBRO_EN_MEMORIA;
  const conFormatos = opciones.formatos !== false;
  let paquete: PaqueteZip;
  try {
    paquete = await PaqueteZip.abrir(bytes, opciones.descomprimidoMaximo ?? DESCOMPRIMIDO_MAXIMO);
  } catch (e) {
    if (e instanceof ErrorZip && e.tipo === "partes")
      throw new ErrorLecturaLibro(nombre, "danado", e, DETALLES_LECTURA.zipDanado(null, e.message));
    throw new ErrorLecturaLibro(nombre, "no-xlsx", e);
  }
  const lectura = new Lectura(paquete, nombre);

  // Dónde está el libro: la relación officeDocument del paquete; si no, xl/workbook.xml.
  let parteLibro = "xl/workbook.xml";
  if (paquete.tiene("_rels/.rels")) {
    const raiz = await lectura.relaciones("");
    const doc = raiz.lista.find((r) => r.tipo.endsWith("/officeDocument") && paquete.tiene(r.destino));
    if (doc) parteLibro = doc.destino;
  }
  // Un .docx o un .zip cualquiera también son zip: sin libro no es un .xlsx.
  if (!paquete.tiene(parteLibro)) throw new ErrorLecturaLibro(nombre, "no-xlsx");

  const libro = new LectorLibro();
  await lectura.analizar(parteLibro, libro);
  const rels = await lectura.relaciones(parteLibro);

  const hojas: { nombre: string; parte: string }[] = [];
  for (const h of libro.hojas) {
    const r = rels.porId.get(h.id);
    // Solo hojas de cálculo: las de gráfico, macros o diálogos no tienen celdas.
    if (r === undefined || !r.tipo.endsWith(TIPO_HOJA)) continue;
    hojas.push({ nombre: h.nombre, parte: r.destino });
  }
  if (hojas.length === 0) throw new ErrorLecturaLibro(nombre, "sin-hojas");
  const elegidas =
    opciones.hojas !== "necesarias"
      ? hojas
      : (() => {
          const nombres = new Set(hojasALeer(hojas.map((h) => h.nombre)));
          return hojas.filter((h) => nombres.has(h.nombre));
        })();

  let formatosEstilo: string[] = [];
  const estilos = rels.lista.find((r) => r.tipo.endsWith("/styles"));
  if (conFormatos && estilos && paquete.tiene(estilos.destino)) {
    const e = new LectorEstilos();
    await lectura.analizar(estilos.destino, e);
    formatosEstilo = e.formatos();
  }
  let textos: string[] = [];
  const compartidos = rels.lista.find((r) => r.tipo.endsWith("/sharedStrings"));
  if (compartidos && paquete.tiene(compartidos.destino)) {
    const t = new LectorTextos();
    await lectura.analizar(compartidos.destino, t);
    textos = t.textos;
  }

  const presupuesto: Presupuesto = { celdas: 0, maximo: opciones.celdasMaximas ?? CELDAS_MAXIMAS };
  const grillas: GrillaHoja[] = [];
  for (const h of elegidas) {
    if (!paquete.tiene(h.parte))
      throw new ErrorLecturaLibro(nombre, "danado", undefined, DETALLES_LECTURA.parteFaltante(h.parte, h.nombre));
    const lector = new LectorHoja(textos, formatosEstilo, conFormatos, presupuesto);
    await lectura.analizar(h.parte, lector, h.nombre, lector);
    try {
      grillas.push(lector.grilla(h.nombre));
    } catch (e) {
      throw lectura.traducir(e, h.parte, h.nombre);
    }
  }
  const resultado: LibroGrillas = { hojas: grillas };
  if (libro.fecha1904) resultado.fecha1904 = true;
  return resultado;
}
