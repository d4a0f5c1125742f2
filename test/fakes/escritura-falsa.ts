/**
 * Lo que el Excel falso modela para escribir hojas (el puerto de escritura): agregar, renombrar,
 * mover y borrar hojas; propiedades personalizadas de hoja (ExcelApi 1.12); escribir valores,
 * fórmulas y formatos de número en 2-D; ancho de columna, negrita, cursiva, tamaño, ajuste y
 * alineación; combinar; inmovilizar paneles; tablas; validación de datos; gráficos con series,
 * colores y puntos. Mismas reglas que excel-falso.ts: todo se encola y se aplica en el sync, lo
 * leído exige load + sync, y lo que no se sabe cómo hace Excel lanza «no modelado».
 *
 * Comportamientos de Excel que modela:
 * - `range.values` con un texto que Excel interpretaría (empieza por = + - @ ', o parece número,
 *   porcentaje, fecha o booleano) en una celda sin formato «@» lanza «no modelado»: Excel lo
 *   convertiría en fórmula, número o fecha, y el falso no imita esa conversión. Con «@» queda texto.
 * - `null` en un arreglo 2-D deja la celda como está; "" la vacía (valores) o vuelve a General
 *   (formatos). Un arreglo de otro tamaño que el rango: InvalidArgument.
 * - Leer `values` de una celda con fórmula: «no modelado» (el falso no calcula).
 * - Hojas: nombres ≤ 31 caracteres, sin \ / ? * [ ] :, únicos sin importar mayúsculas; una hoja
 *   nueva va al final y no se activa; no se puede borrar la única hoja; al borrar la activa se
 *   activa la siguiente (o la anterior).
 * - Tablas: nombre válido y único en el libro, estilo integrado, sin solaparse con otra tabla ni
 *   con celdas combinadas; encabezados de texto no vacíos y distintos (si no, Excel los renombra:
 *   «no modelado»).
 * - Validación: la regla lleva exactamente un tipo (lista, entero, decimal o personalizada; los
 *   demás: «no modelado»); lista con origen no vacío (≤ 255 caracteres si es escrita, o
 *   «=Hoja!$A$1:$A$9» de una hoja que existe); operador válido y formula1 (y formula2 con Between);
 *   la personalizada, con fórmula no vacía (sin «=», «no modelado»). Si no, InvalidArgument.
 * - Gráficos: BarClustered, ColumnClustered y Line; `charts.add` crea una serie por columna o por
 *   fila del origen (seriesBy Columns o Rows; Auto o un origen con textos: «no modelado»).
 *
 * No se guarda con `guardar()` / `reabrir()`: tablas, validaciones, gráficos, propiedades y estilos
 * viven mientras viva el libro falso.
 */
import type { BaseFalsa, ContextoFalso, LibroFalso, Rect } from "./excel-falso";

type HojaModelo = InstanceType<BaseFalsa["HojaModelo"]>;
type HojaProxy = InstanceType<BaseFalsa["HojaProxy"]>;
type RangoProxy = InstanceType<BaseFalsa["RangoProxy"]>;
type ObjetoFalso = InstanceType<BaseFalsa["ObjetoFalso"]>;

// ---------------------------------------------------------------------------------------------
// Estado (por hoja del libro falso)

export interface TablaFalsa {
  id: string;
  nombre: string;
  rect: Rect;
  conEncabezados: boolean;
  estilo: string;
  mostrarTotales: boolean;
}

export interface ValidacionFalsa {
  rect: Rect;
  regla: Record<string, unknown>;
  mensajeEntrada: { showPrompt: boolean; title: string; message: string } | null;
  alertaError: { showAlert: boolean; style: string; title: string; message: string } | null;
  ignorarVacias: boolean;
}

export interface SerieFalsa {
  id: number;
  nombre: string;
  valores: { hoja: HojaModelo; rect: Rect } | null;
  categorias: { hoja: HojaModelo; rect: Rect } | null;
  relleno: string | null;
  linea: string | null;
  puntos: Map<number, string>;
}

export interface GraficoFalso {
  id: string;
  nombre: string;
  tipo: string;
  titulo: string | null;
  ejeCategorias: string | null;
  ejeValores: string | null;
  leyenda: boolean;
  posicion: { inicio: string; fin: string | null } | null;
  series: SerieFalsa[];
}

export interface EstiloCeldaFalso {
  negrita?: boolean;
  cursiva?: boolean;
  tamano?: number;
  ajustar?: boolean;
  horizontal?: string;
  vertical?: string;
}

interface EstadoHoja {
  propiedades: Map<string, { clave: string; valor: string }>;
  tablas: TablaFalsa[];
  validaciones: ValidacionFalsa[];
  graficos: GraficoFalso[];
  inmovilizadas: { filas: number; columnas: number };
  /** Ancho en puntos por columna (0-based). */
  anchos: Map<number, number>;
  estilos: Map<number, EstiloCeldaFalso>;
  formulas: Map<number, string>;
}

const CLAVE = 16_384;
const estados = new WeakMap<HojaModelo, EstadoHoja>();

function estado(h: HojaModelo): EstadoHoja {
  let e = estados.get(h);
  if (!e) {
    e = {
      propiedades: new Map(),
      tablas: [],
      validaciones: [],
      graficos: [],
      inmovilizadas: { filas: 0, columnas: 0 },
      anchos: new Map(),
      estilos: new Map(),
      formulas: new Map(),
    };
    estados.set(h, e);
  }
  return e;
}

function seTocan(a: Rect, b: Rect): boolean {
  return (
    a.fila < b.fila + b.filas &&
    b.fila < a.fila + a.filas &&
    a.columna < b.columna + b.columnas &&
    b.columna < a.columna + a.columnas
  );
}

const NOMBRE_HOJA_PROHIBIDO = /[\\/?*[\]:]/;
const ESTILO_TABLA = /^TableStyle(Light([1-9]|1\d|2[01])|Medium([1-9]|1\d|2[0-8])|Dark([1-9]|1[01]))$/;
const TIPOS_GRAFICO = new Set(["BarClustered", "ColumnClustered", "Line"]);
const OPERADORES = new Set([
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqualTo",
  "LessThanOrEqualTo",
]);
const ALINEACION_H = new Set([
  "General",
  "Left",
  "Center",
  "Right",
  "Fill",
  "Justify",
  "CenterAcrossSelection",
  "Distributed",
]);
const ALINEACION_V = new Set(["Top", "Center", "Bottom", "Justify", "Distributed"]);

/** Un texto que Excel no guardaría tal cual al escribirlo en `values` en una celda sin formato «@». */
function excelLoInterpretaria(texto: string): boolean {
  const t = texto.trim();
  if (t === "") return false;
  if (/^[=+\-@']/.test(texto)) return true;
  if (/^[\d.,$(%#]/.test(t)) return true;
  if (/^(true|false|verdadero|falso)$/i.test(t)) return true;
  // Meses con año o día («ene-25», «3 mar»): Excel en español los lee como fechas.
  if (
    /^(\d{1,2}[\s/-])?(ene|feb|mar|abr|may|jun|jul|ago|sep|oct|nov|dic|jan|apr|aug|dec)[a-z]*([\s/-]\d{1,4})?$/i.test(
      t,
    ) &&
    /\d/.test(t)
  )
    return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Los modelos, definidos una vez con las piezas de excel-falso.ts

let definidos: ReturnType<typeof definir> | null = null;

/** Celdas (fila × 16.384 + columna) donde el complemento escribió una fórmula. */
export function formulasEscritas(h: HojaModelo): Iterable<number> {
  return estados.get(h)?.formulas.keys() ?? [];
}

export function modelosEscritura(b: BaseFalsa): ReturnType<typeof definir> {
  return (definidos ??= definir(b));
}

function definir(b: BaseFalsa) {
  const { ObjetoFalso, ColeccionFalsa, ErrorExcelFalso, NoModelado, blindar } = b;

  function invalido(detalle: string) {
    return b.argumentoInvalido(detalle);
  }
  function operacionInvalida(detalle: string) {
    return new ErrorExcelFalso("InvalidOperation", `The operation is invalid for the object. (${detalle})`);
  }
  function yaExiste(detalle: string) {
    return new ErrorExcelFalso("ItemAlreadyExists", `The resource already exists. (${detalle})`);
  }
  function direccion(h: HojaModelo, r: Rect): string {
    return `${h.nombre}!${b.textoDireccion(r)}`;
  }

  function comprobarNombreHoja(libro: LibroFalso, nombre: unknown, propia: HojaModelo | null): string {
    if (typeof nombre !== "string" || nombre.trim() === "" || nombre.length > 31 || NOMBRE_HOJA_PROHIBIDO.test(nombre))
      throw invalido(`nombre de hoja «${String(nombre)}»`);
    if (nombre.startsWith("'") || nombre.endsWith("'")) throw invalido(`nombre de hoja «${nombre}»`);
    const otra = libro.hojaPorClave(nombre);
    if (otra && otra !== propia) throw yaExiste(`worksheet «${nombre}»`);
    return nombre;
  }

  // ---- Hojas ----

  function agregarHoja(ctx: ContextoFalso, nombre: string | undefined): HojaProxy {
    const libro = ctx._libro;
    const id = libro.nuevoId("HOJA");
    ctx._encolar(() => {
      const n =
        nombre === undefined
          ? (() => {
              let i = libro.hojas.length + 1;
              while (libro.hojaPorClave(`Hoja${i}`)) i++;
              return `Hoja${i}`;
            })()
          : comprobarNombreHoja(libro, nombre, null);
      libro.hojas.push(new b.HojaModelo(id, n));
      libro._version++;
    }, nombre ?? null);
    return b.hojaPorClave(ctx, id, false, false);
  }

  function renombrarHoja(p: HojaProxy, nombre: string): void {
    p._operar(() => {
      const h = p._hoja();
      h.nombre = comprobarNombreHoja(p._ctx._libro, nombre, h);
    }, nombre);
  }

  function moverHoja(p: HojaProxy, posicion: number): void {
    p._operar(() => {
      const h = p._hoja();
      const hojas = p._ctx._libro.hojas;
      if (!Number.isInteger(posicion) || posicion < 0 || posicion >= hojas.length)
        throw invalido(`position ${posicion}`);
      hojas.splice(hojas.indexOf(h), 1);
      hojas.splice(posicion, 0, h);
    }, posicion);
  }

  function borrarHoja(p: HojaProxy): void {
    p._operar(() => {
      const h = p._hoja();
      const libro = p._ctx._libro;
      if (libro.hojas.length === 1) throw operacionInvalida("a workbook must contain at least one visible worksheet");
      const i = libro.hojas.indexOf(h);
      libro.hojas.splice(i, 1);
      if (libro.activaId === h.id) libro.activaId = (libro.hojas[i] ?? libro.hojas[i - 1]).id;
    });
  }

  // ---- Propiedades personalizadas de hoja (ExcelApi 1.12) ----

  class PropiedadProxy extends ObjetoFalso {
    readonly _clase = "WorksheetCustomProperty";
    readonly _escalares = ["key", "value"] as const;
    constructor(
      ctx: ContextoFalso,
      nulable: boolean,
      private readonly _buscar: () => { clave: string; valor: string } | null,
    ) {
      super(ctx, nulable);
    }
    _resolver(): unknown {
      return this._buscar();
    }
    _leerEscalar(d: unknown, p: string): unknown {
      const x = d as { clave: string; valor: string };
      return p === "key" ? x.clave : x.valor;
    }
    get key(): string {
      return this._leer("key") as string;
    }
    get value(): string {
      return this._leer("value") as string;
    }
  }

  class PropiedadesProxy extends ColeccionFalsa<PropiedadProxy> {
    readonly _clase = "WorksheetCustomPropertyCollection";
    constructor(
      ctx: ContextoFalso,
      private readonly _hojaProxy: HojaProxy,
    ) {
      super(ctx, false);
    }
    _destinos(): unknown[] {
      return [...estado(this._hojaProxy._hoja()).propiedades.values()];
    }
    _crearItem(d: unknown): PropiedadProxy {
      return blindar(
        new PropiedadProxy(this._ctx, false, () => d as { clave: string; valor: string }),
        "WorksheetCustomProperty",
      );
    }
    add(clave: string, valor: string): PropiedadProxy {
      this._operar(() => {
        if (typeof clave !== "string" || clave.length === 0 || clave.length > 255)
          throw invalido(`clave «${String(clave)}»`);
        estado(this._hojaProxy._hoja()).propiedades.set(clave.toLowerCase(), { clave, valor: String(valor) });
      }, [clave, valor]);
      return this.getItemOrNullObject(clave);
    }
    getItemOrNullObject(clave: string): PropiedadProxy {
      return blindar(
        new PropiedadProxy(
          this._ctx,
          true,
          () => estado(this._hojaProxy._hoja()).propiedades.get(String(clave).toLowerCase()) ?? null,
        ),
        "WorksheetCustomProperty",
      );
    }
  }

  // ---- Inmovilizar paneles ----

  class InmovilizarProxy extends ObjetoFalso {
    readonly _clase = "WorksheetFreezePanes";
    readonly _escalares: readonly string[] = [];
    constructor(
      ctx: ContextoFalso,
      private readonly _hojaProxy: HojaProxy,
    ) {
      super(ctx, false);
    }
    _resolver(): unknown {
      return this._hojaProxy._hoja();
    }
    _leerEscalar(): unknown {
      throw new NoModelado("propiedades de WorksheetFreezePanes");
    }
    private poner(filas: number, columnas: number): void {
      this._operar(() => {
        if (![filas, columnas].every((n) => Number.isInteger(n) && n >= 0))
          throw invalido(`freeze ${filas}, ${columnas}`);
        estado(this._hojaProxy._hoja()).inmovilizadas = { filas, columnas };
      }, [filas, columnas]);
    }
    freezeRows(n = 1): void {
      this.poner(n, 0);
    }
    freezeColumns(n = 1): void {
      this.poner(0, n);
    }
    freezeAt(rango: string | RangoProxy): void {
      if (typeof rango !== "string") throw new NoModelado("freezeAt con un objeto Range (use una dirección)");
      const r = b.analizarDireccion(rango);
      if (r.fila !== 0 || r.columna !== 0) throw new NoModelado(`freezeAt(«${rango}») que no empieza en A1`);
      this.poner(r.filas, r.columnas);
    }
    unfreeze(): void {
      this.poner(0, 0);
    }
  }

  // ---- Valores, fórmulas y formatos de número ----

  function matriz(p: RangoProxy, v: unknown, que: string): { hoja: HojaModelo; rect: Rect; filas: unknown[][] } {
    const { hoja, rect } = p._rango();
    if (!Array.isArray(v) || !v.every(Array.isArray)) throw new NoModelado(`${que} que no es un arreglo 2-D`);
    if (v.length !== rect.filas || v.some((f) => (f as unknown[]).length !== rect.columnas))
      throw invalido(`${que}: el arreglo no tiene el tamaño de ${direccion(hoja, rect)}`);
    return { hoja, rect, filas: v as unknown[][] };
  }

  function escribirValores(p: RangoProxy, v: unknown, que: "values" | "formulas"): void {
    p._operar(() => {
      const { hoja, rect, filas } = matriz(p, v, `Range.${que}`);
      const e = estado(hoja);
      filas.forEach((fila, i) =>
        fila.forEach((x, j) => {
          if (x === null || x === undefined) return;
          const f = rect.fila + i;
          const c = rect.columna + j;
          const clave = f * CLAVE + c;
          const dir = direccion(hoja, b.celda(f, c));
          if (typeof x === "string" && que === "formulas" && x.startsWith("=")) {
            e.formulas.set(clave, x);
            hoja.ponerValor(f, c, "");
            return;
          }
          if (typeof x === "string" && x !== "" && hoja.formatoNumero(f, c) !== "@" && excelLoInterpretaria(x))
            throw new NoModelado(
              `escribir «${x.slice(0, 40)}» en ${dir} sin formato Texto («@»): Excel lo convertiría en fórmula, número o fecha`,
            );
          if (typeof x === "number" && !Number.isFinite(x)) throw invalido(`número no finito en ${dir}`);
          if (!["string", "number", "boolean"].includes(typeof x)) throw new NoModelado(`valor ${typeof x} en ${dir}`);
          e.formulas.delete(clave);
          hoja.ponerValor(f, c, x as string | number | boolean);
        }),
      );
    }, v);
  }

  function escribirFormatosNumero(p: RangoProxy, v: unknown): void {
    p._operar(() => {
      const { hoja, rect, filas } = matriz(p, v, "Range.numberFormat");
      filas.forEach((fila, i) =>
        fila.forEach((x, j) => {
          if (x === null || x === undefined) return;
          if (typeof x !== "string") throw invalido("numberFormat que no es texto");
          hoja.ponerFormatoNumero(rect.fila + i, rect.columna + j, x === "" ? "General" : x);
        }),
      );
    }, v);
  }

  function comprobarSinFormulas(hoja: HojaModelo, rect: Rect): void {
    const e = estados.get(hoja);
    if (!e || e.formulas.size === 0) return;
    for (const clave of e.formulas.keys()) {
      const f = Math.floor(clave / CLAVE);
      const c = clave % CLAVE;
      if (f >= rect.fila && f < rect.fila + rect.filas && c >= rect.columna && c < rect.columna + rect.columnas)
        throw new NoModelado(`leer el valor calculado de la fórmula de ${direccion(hoja, b.celda(f, c))}`);
    }
  }

  // ---- Formato: ancho, ajuste, alineación, negrita, cursiva, tamaño ----

  type PropiedadFormato =
    "columnWidth" | "wrapText" | "horizontalAlignment" | "verticalAlignment" | "bold" | "italic" | "size";

  function formatoRango(
    p: ObjetoFalso,
    buscar: () => { hoja: HojaModelo; rect: Rect },
    prop: PropiedadFormato,
    v: unknown,
  ): void {
    p._operar(() => {
      const { hoja, rect } = buscar();
      const e = estado(hoja);
      if (prop === "columnWidth") {
        if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || v > 1789.5)
          throw invalido(`columnWidth ${String(v)}`);
        for (let c = rect.columna; c < rect.columna + rect.columnas; c++) e.anchos.set(c, v);
        return;
      }
      const cambio: EstiloCeldaFalso = {};
      if (prop === "wrapText" || prop === "bold" || prop === "italic") {
        if (typeof v !== "boolean") throw invalido(`${prop} ${String(v)}`);
        cambio[prop === "wrapText" ? "ajustar" : prop === "bold" ? "negrita" : "cursiva"] = v;
      } else if (prop === "size") {
        if (typeof v !== "number" || v < 1 || v > 409) throw invalido(`size ${String(v)}`);
        cambio.tamano = v;
      } else if (prop === "horizontalAlignment") {
        if (!ALINEACION_H.has(String(v))) throw invalido(`horizontalAlignment ${String(v)}`);
        cambio.horizontal = String(v);
      } else {
        if (!ALINEACION_V.has(String(v))) throw invalido(`verticalAlignment ${String(v)}`);
        cambio.vertical = String(v);
      }
      b.cadaCelda(rect, (f, c) => {
        const clave = f * CLAVE + c;
        e.estilos.set(clave, { ...e.estilos.get(clave), ...cambio });
      });
    }, v);
  }

  // ---- Combinar ----

  function combinar(p: RangoProxy, across?: boolean): void {
    if (across) throw new NoModelado("Range.merge(true) (combinar por filas)");
    p._operar(() => {
      const { hoja, rect } = p._rango();
      if (rect.filas * rect.columnas < 2) return;
      if (hoja.combinadas.some((a) => seTocan(a, rect))) throw new NoModelado("combinar sobre otra combinación");
      if (estado(hoja).tablas.some((t) => seTocan(t.rect, rect)))
        throw operacionInvalida(`no se pueden combinar celdas de una tabla (${direccion(hoja, rect)})`);
      // Excel conserva solo el valor de la celda superior izquierda.
      b.cadaCelda(rect, (f, c) => {
        if (f !== rect.fila || c !== rect.columna) hoja.ponerValor(f, c, "");
      });
      hoja.combinadas.push({ ...rect });
    });
  }

  // ---- Tablas ----

  function todasLasTablas(libro: LibroFalso): { hoja: HojaModelo; tabla: TablaFalsa }[] {
    return libro.hojas.flatMap((hoja) => (estados.get(hoja)?.tablas ?? []).map((tabla) => ({ hoja, tabla })));
  }

  function nombreTablaValido(n: string): boolean {
    return (
      n.length > 0 &&
      n.length <= 255 &&
      /^[A-Za-z_\\\u00C0-\u024F][A-Za-z0-9_.\u00C0-\u024F]*$/.test(n) &&
      !/^[A-Za-z]{1,3}\d+$/.test(n) &&
      !/^[RrCc]$/.test(n) &&
      !/^[Rr]\d*[Cc]\d*$/.test(n)
    );
  }

  class TablaProxy extends ObjetoFalso {
    readonly _clase = "Table";
    readonly _escalares = ["name", "id", "style", "showTotals", "showHeaders"] as const;
    constructor(
      ctx: ContextoFalso,
      private readonly _buscar: () => { hoja: HojaModelo; tabla: TablaFalsa },
    ) {
      super(ctx, false);
    }
    _resolver(): unknown {
      return this._buscar();
    }
    _leerEscalar(d: unknown, p: string): unknown {
      const t = (d as { tabla: TablaFalsa }).tabla;
      if (p === "name") return t.nombre;
      if (p === "id") return t.id;
      if (p === "style") return t.estilo;
      if (p === "showTotals") return t.mostrarTotales;
      return t.conEncabezados;
    }
    get name(): string {
      return this._leer("name") as string;
    }
    set name(v: string) {
      this._operar(() => {
        const { tabla } = this._buscar();
        if (typeof v !== "string" || !nombreTablaValido(v)) throw invalido(`nombre de tabla «${String(v)}»`);
        const otra = todasLasTablas(this._ctx._libro).find(
          (x) => x.tabla !== tabla && x.tabla.nombre.toLowerCase() === v.toLowerCase(),
        );
        if (otra) throw yaExiste(`table «${v}»`);
        tabla.nombre = v;
      }, v);
    }
    get style(): string {
      return this._leer("style") as string;
    }
    set style(v: string) {
      this._operar(() => {
        if (!ESTILO_TABLA.test(String(v))) throw invalido(`estilo de tabla «${String(v)}»`);
        this._buscar().tabla.estilo = v;
      }, v);
    }
    get showTotals(): boolean {
      return this._leer("showTotals") as boolean;
    }
    set showTotals(v: boolean) {
      this._operar(() => {
        if (v) throw new NoModelado("mostrar la fila de totales de una tabla");
        this._buscar().tabla.mostrarTotales = false;
      }, v);
    }
  }

  class TablasProxy extends ColeccionFalsa<TablaProxy> {
    readonly _clase = "TableCollection";
    constructor(
      ctx: ContextoFalso,
      private readonly _hojaProxy: HojaProxy | null,
    ) {
      super(ctx, false);
    }
    _destinos(): unknown[] {
      const todas = todasLasTablas(this._ctx._libro);
      if (!this._hojaProxy) return todas;
      const h = this._hojaProxy._hoja();
      return todas.filter((x) => x.hoja === h);
    }
    _crearItem(d: unknown): TablaProxy {
      return blindar(new TablaProxy(this._ctx, () => d as { hoja: HojaModelo; tabla: TablaFalsa }), "Table");
    }
    add(direccionTabla: string, conEncabezados: boolean): TablaProxy {
      if (!this._hojaProxy) throw new NoModelado("workbook.tables.add (use worksheet.tables.add)");
      const hp = this._hojaProxy;
      const libro = this._ctx._libro;
      const id = String(libro.nuevoId("TABLA"));
      let creada: { hoja: HojaModelo; tabla: TablaFalsa } | null = null;
      this._operar(() => {
        const hoja = hp._hoja();
        const rect = b.analizarDireccion(direccionTabla);
        const e = estado(hoja);
        if (e.tablas.some((t) => seTocan(t.rect, rect)))
          throw operacionInvalida(`una tabla no puede solaparse con otra (${direccionTabla})`);
        if (hoja.combinadas.some((a) => seTocan(a, rect)))
          throw operacionInvalida(`una tabla no puede contener celdas combinadas (${direccionTabla})`);
        // Sin encabezados, Excel agrega una fila de encabezados propia: no se modela.
        if (!conEncabezados) throw new NoModelado("tables.add sin encabezados (Excel agrega una fila propia)");
        const vistos = new Set<string>();
        for (let c = rect.columna; c < rect.columna + rect.columnas; c++) {
          const v = hoja.valor(rect.fila, c);
          if (typeof v !== "string" || v.trim() === "" || vistos.has(v.toLowerCase()))
            throw new NoModelado(
              `encabezado de tabla vacío, repetido o no textual en ${direccion(hoja, b.celda(rect.fila, c))} (Excel lo renombraría)`,
            );
          vistos.add(v.toLowerCase());
        }
        let n = todasLasTablas(libro).length + 1;
        while (todasLasTablas(libro).some((x) => x.tabla.nombre.toLowerCase() === `table${n}`)) n++;
        const tabla: TablaFalsa = {
          id,
          nombre: `Table${n}`,
          rect,
          conEncabezados: Boolean(conEncabezados),
          estilo: "TableStyleMedium2",
          mostrarTotales: false,
        };
        e.tablas.push(tabla);
        creada = { hoja, tabla };
      }, [direccionTabla, conEncabezados]);
      return blindar(
        new TablaProxy(this._ctx, () => {
          if (!creada) throw new NoModelado("usar una tabla antes del sync que la crea");
          return creada;
        }),
        "Table",
      );
    }
  }

  // ---- Validación de datos ----

  function comprobarRegla(libro: LibroFalso, regla: unknown): Record<string, unknown> {
    if (typeof regla !== "object" || regla === null) throw invalido("regla de validación");
    const tipos = Object.keys(regla).filter((k) => (regla as Record<string, unknown>)[k] !== undefined);
    if (tipos.length !== 1) throw invalido("la regla de validación debe tener exactamente un tipo");
    const tipo = tipos[0];
    const x = (regla as Record<string, Record<string, unknown>>)[tipo];
    if (tipo === "list") {
      const origen = x?.source;
      if (typeof origen !== "string") throw new NoModelado("lista de validación con origen que no es texto");
      if (origen.trim() === "") throw invalido("lista de validación sin origen");
      if (origen.startsWith("=")) {
        const m = /^=(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)$/.exec(origen);
        if (!m) throw new NoModelado(`origen de lista «${origen}» (solo =Hoja!$A$1:$A$9)`);
        const hoja = (m[1] ?? m[2]).replace(/''/g, "'");
        if (!libro.hojaPorClave(hoja)) throw invalido(`origen de lista de una hoja que no existe («${hoja}»)`);
        b.analizarDireccion(m[3]);
      } else if (origen.length > 255) {
        throw invalido("lista de validación escrita de más de 255 caracteres");
      }
    } else if (tipo === "wholeNumber" || tipo === "decimal") {
      if (!OPERADORES.has(String(x?.operator))) throw invalido(`operador «${String(x?.operator)}»`);
      if (x.formula1 === undefined || x.formula1 === null || x.formula1 === "") throw invalido("formula1");
      if (
        (x.operator === "Between" || x.operator === "NotBetween") &&
        (x.formula2 === undefined || x.formula2 === null)
      )
        throw invalido("formula2");
      if (typeof x.formula1 === "object" || typeof x.formula2 === "object")
        throw new NoModelado("límites de validación con un Range");
    } else if (tipo === "custom") {
      // Excel exige una fórmula; el falso solo modela las que empiezan por «=».
      const f = x?.formula;
      if (typeof f !== "string" || f.trim() === "") throw invalido("fórmula de validación personalizada");
      if (!f.startsWith("=")) throw new NoModelado(`fórmula de validación personalizada sin «=» («${f}»)`);
    } else {
      throw new NoModelado(`validación de tipo ${tipo}`);
    }
    return JSON.parse(JSON.stringify(regla)) as Record<string, unknown>;
  }

  class ValidacionProxy extends ObjetoFalso {
    readonly _clase = "DataValidation";
    readonly _escalares = ["type", "rule", "prompt", "errorAlert", "ignoreBlanks"] as const;
    constructor(
      ctx: ContextoFalso,
      private readonly _rangoProxy: RangoProxy,
    ) {
      super(ctx, false);
    }
    _resolver(): unknown {
      const { hoja, rect } = this._rangoProxy._rango();
      return {
        hoja,
        rect,
        v:
          estado(hoja).validaciones.find(
            (x) =>
              x.rect.fila === rect.fila &&
              x.rect.columna === rect.columna &&
              x.rect.filas === rect.filas &&
              x.rect.columnas === rect.columnas,
          ) ?? null,
      };
    }
    _leerEscalar(d: unknown, p: string): unknown {
      const { hoja, rect, v } = d as { hoja: HojaModelo; rect: Rect; v: ValidacionFalsa | null };
      if (!v && estado(hoja).validaciones.some((x) => seTocan(x.rect, rect)))
        throw new NoModelado("leer una validación mixta");
      if (p === "type")
        return v
          ? (
              { list: "List", wholeNumber: "WholeNumber", decimal: "Decimal", custom: "Custom" } as Record<
                string,
                string
              >
            )[Object.keys(v.regla)[0]]
          : "None";
      if (p === "rule") return v ? v.regla : {};
      if (p === "prompt") return v?.mensajeEntrada ?? { showPrompt: false, title: "", message: "" };
      if (p === "errorAlert") return v?.alertaError ?? { showAlert: true, style: "Stop", title: "", message: "" };
      return v?.ignorarVacias ?? true;
    }
    private propia(): ValidacionFalsa {
      const { hoja, rect, v } = this._resolver() as { hoja: HojaModelo; rect: Rect; v: ValidacionFalsa | null };
      if (v) return v;
      throw new NoModelado(`mensaje o alerta de validación en ${direccion(hoja, rect)} sin regla puesta antes`);
    }
    get type(): string {
      return this._leer("type") as string;
    }
    get rule(): unknown {
      return this._leer("rule");
    }
    get prompt(): unknown {
      return this._leer("prompt");
    }
    get errorAlert(): unknown {
      return this._leer("errorAlert");
    }
    get ignoreBlanks(): boolean {
      return this._leer("ignoreBlanks") as boolean;
    }
    set rule(regla: unknown) {
      this._operar(() => {
        const { hoja, rect, v } = this._resolver() as { hoja: HojaModelo; rect: Rect; v: ValidacionFalsa | null };
        const limpia = comprobarRegla(this._ctx._libro, regla);
        if (v) {
          v.regla = limpia;
          return;
        }
        const e = estado(hoja);
        if (e.validaciones.some((x) => seTocan(x.rect, rect)))
          throw new NoModelado("validación que se solapa en parte con otra");
        e.validaciones.push({
          rect: { ...rect },
          regla: limpia,
          mensajeEntrada: null,
          alertaError: null,
          ignorarVacias: true,
        });
      }, regla);
    }
    set prompt(m: { showPrompt?: boolean; title?: string; message?: string }) {
      this._operar(() => {
        const v = this.propia();
        if (String(m?.title ?? "").length > 32 || String(m?.message ?? "").length > 255)
          throw new NoModelado("mensaje de entrada más largo que lo que admite la interfaz de Excel (32 y 255)");
        v.mensajeEntrada = {
          showPrompt: m.showPrompt ?? true,
          title: String(m.title ?? ""),
          message: String(m.message ?? ""),
        };
      }, m);
    }
    set errorAlert(m: { showAlert?: boolean; style?: string; title?: string; message?: string }) {
      this._operar(() => {
        const v = this.propia();
        const estilo = m?.style ?? "Stop";
        if (!["Stop", "Warning", "Information"].includes(estilo)) throw invalido(`estilo de alerta «${estilo}»`);
        if (String(m.title ?? "").length > 32 || String(m.message ?? "").length > 255)
          throw new NoModelado("alerta más larga que lo que admite la interfaz de Excel (32 y 255)");
        v.alertaError = {
          showAlert: m.showAlert ?? true,
          style: estilo,
          title: String(m.title ?? ""),
          message: String(m.message ?? ""),
        };
      }, m);
    }
    set ignoreBlanks(x: boolean) {
      this._operar(() => {
        this.propia().ignorarVacias = Boolean(x);
      }, x);
    }
    clear(): void {
      this._operar(() => {
        const { hoja, rect } = this._rangoProxy._rango();
        const e = estado(hoja);
        if (
          e.validaciones.some(
            (x) =>
              seTocan(x.rect, rect) &&
              !(
                x.rect.fila >= rect.fila &&
                x.rect.fila + x.rect.filas <= rect.fila + rect.filas &&
                x.rect.columna >= rect.columna &&
                x.rect.columna + x.rect.columnas <= rect.columna + rect.columnas
              ),
          )
        )
          throw new NoModelado("borrar parte de una validación");
        e.validaciones = e.validaciones.filter((x) => !seTocan(x.rect, rect));
      });
    }
  }

  // ---- Gráficos ----

  let siguienteSerie = 1;

  function rangoDe(r: unknown): { hoja: HojaModelo; rect: Rect } {
    if (!(r instanceof b.RangoProxy)) throw new NoModelado("origen de gráfico que no es un Range");
    return (r as RangoProxy)._rango();
  }

  class TextoProxy extends ObjetoFalso {
    readonly _escalares = ["text"] as const;
    constructor(
      ctx: ContextoFalso,
      readonly _clase: string,
      private readonly _leerTexto: () => string | null,
      private readonly _ponerTexto: (t: string) => void,
    ) {
      super(ctx, false);
    }
    _resolver(): unknown {
      return this._leerTexto();
    }
    _leerEscalar(d: unknown): unknown {
      return d ?? "";
    }
    get text(): string {
      return this._leer("text") as string;
    }
    set text(t: string) {
      this._operar(() => this._ponerTexto(String(t)), t);
    }
  }

  class RellenoGraficoProxy extends ObjetoFalso {
    readonly _clase = "ChartFill";
    readonly _escalares: readonly string[] = [];
    constructor(
      ctx: ContextoFalso,
      private readonly _poner: (c: string) => void,
    ) {
      super(ctx, false);
    }
    _resolver(): unknown {
      return true;
    }
    _leerEscalar(): unknown {
      throw new NoModelado("leer ChartFill");
    }
    setSolidColor(color: string): void {
      this._operar(() => {
        if (typeof color !== "string" || !/^#[0-9A-Fa-f]{6}$/.test(color))
          throw new NoModelado(`color «${String(color)}» (solo #RRGGBB)`);
        this._poner(color.toUpperCase());
      }, color);
    }
  }

  class PuntoProxy extends ObjetoFalso {
    readonly _clase = "ChartPoint";
    readonly _escalares: readonly string[] = [];
    constructor(
      ctx: ContextoFalso,
      private readonly _serie: () => SerieFalsa,
      private readonly _indice: number,
    ) {
      super(ctx, false);
    }
    _resolver(): unknown {
      const s = this._serie();
      const n = s.valores ? s.valores.rect.filas * s.valores.rect.columnas : 0;
      if (!Number.isInteger(this._indice) || this._indice < 0 || this._indice >= n)
        throw b.noEncontrado(`punto ${this._indice} de la serie «${s.nombre}» (tiene ${n})`);
      return s;
    }
    _leerEscalar(): unknown {
      throw new NoModelado("propiedades de ChartPoint");
    }
    get format(): { fill: RellenoGraficoProxy } {
      return this._hijo("format", () => {
        const fill = blindar(
          new RellenoGraficoProxy(this._ctx, (c) => {
            const s = this._resolver() as SerieFalsa;
            s.puntos.set(this._indice, c);
          }),
          "ChartFill",
        );
        return blindar(
          Object.assign(Object.create(null), { fill, _nulo: false }),
          "ChartPointFormat",
        ) as unknown as ObjetoFalso;
      }) as unknown as { fill: RellenoGraficoProxy };
    }
  }

  class SerieProxy extends ObjetoFalso {
    readonly _clase = "ChartSeries";
    readonly _escalares = ["name"] as const;
    constructor(
      ctx: ContextoFalso,
      private readonly _buscar: () => SerieFalsa,
    ) {
      super(ctx, false);
    }
    _resolver(): unknown {
      return this._buscar();
    }
    _leerEscalar(d: unknown): unknown {
      return (d as SerieFalsa).nombre;
    }
    get name(): string {
      return this._leer("name") as string;
    }
    set name(v: string) {
      this._operar(() => {
        this._buscar().nombre = String(v);
      }, v);
    }
    setValues(r: RangoProxy): void {
      this._operar(() => {
        const x = rangoDe(r);
        if (x.rect.filas > 1 && x.rect.columnas > 1) throw invalido("valores de serie en más de una fila y columna");
        this._buscar().valores = x;
      });
    }
    setXAxisValues(r: RangoProxy): void {
      this._operar(() => {
        const x = rangoDe(r);
        if (x.rect.filas > 1 && x.rect.columnas > 1) throw invalido("categorías de serie en más de una fila y columna");
        this._buscar().categorias = x;
      });
    }
    get format(): { fill: RellenoGraficoProxy; line: { color: string } } {
      return this._hijo("format", () => {
        const ctx = this._ctx;
        const fill = blindar(new RellenoGraficoProxy(ctx, (c) => (this._buscar().relleno = c)), "ChartFill");
        // Dentro de los setters del literal, `this` es el literal: se guarda el proxy.
        // eslint-disable-next-line @typescript-eslint/no-this-alias
        const serie = this;
        const line = blindar(
          {
            get color(): string {
              throw new NoModelado("leer ChartLineFormat.color");
            },
            set color(c: string) {
              serie._operar(() => {
                if (typeof c !== "string" || !/^#[0-9A-Fa-f]{6}$/.test(c))
                  throw new NoModelado(`color «${String(c)}» (solo #RRGGBB)`);
                serie._buscar().linea = c.toUpperCase();
              }, c);
            },
          },
          "ChartLineFormat",
        );
        return blindar(
          Object.assign(Object.create(null), { fill, line, _nulo: false }),
          "ChartSeriesFormat",
        ) as unknown as ObjetoFalso;
      }) as unknown as { fill: RellenoGraficoProxy; line: { color: string } };
    }
    get points(): { getItemAt: (i: number) => PuntoProxy } {
      return this._hijo("points", () => {
        const ctx = this._ctx;
        const buscar = this._buscar;
        return blindar(
          Object.assign(Object.create(null), {
            _nulo: false,
            getItemAt: (i: number) => blindar(new PuntoProxy(ctx, buscar, i), "ChartPoint"),
          }),
          "ChartPointsCollection",
        ) as unknown as ObjetoFalso;
      }) as unknown as { getItemAt: (i: number) => PuntoProxy };
    }
  }

  class GraficoProxy extends ObjetoFalso {
    readonly _clase = "Chart";
    readonly _escalares = ["name", "id"] as const;
    constructor(
      ctx: ContextoFalso,
      private readonly _buscar: () => GraficoFalso,
    ) {
      super(ctx, false);
    }
    _resolver(): unknown {
      return this._buscar();
    }
    _leerEscalar(d: unknown, p: string): unknown {
      const g = d as GraficoFalso;
      return p === "name" ? g.nombre : g.id;
    }
    get name(): string {
      return this._leer("name") as string;
    }
    set name(v: string) {
      this._operar(() => {
        this._buscar().nombre = String(v);
      }, v);
    }
    get title(): TextoProxy {
      return this._hijo("title", () =>
        blindar(
          new TextoProxy(
            this._ctx,
            "ChartTitle",
            () => this._buscar().titulo,
            (t) => (this._buscar().titulo = t),
          ),
          "ChartTitle",
        ),
      );
    }
    get axes(): { categoryAxis: { title: TextoProxy }; valueAxis: { title: TextoProxy } } {
      return this._hijo("axes", () => {
        const eje = (campo: "ejeCategorias" | "ejeValores", clase: string) =>
          blindar(
            Object.assign(Object.create(null), {
              _nulo: false,
              title: blindar(
                new TextoProxy(
                  this._ctx,
                  "ChartAxisTitle",
                  () => this._buscar()[campo],
                  (t) => (this._buscar()[campo] = t),
                ),
                "ChartAxisTitle",
              ),
            }),
            clase,
          );
        return blindar(
          Object.assign(Object.create(null), {
            _nulo: false,
            categoryAxis: eje("ejeCategorias", "ChartAxis"),
            valueAxis: eje("ejeValores", "ChartAxis"),
          }),
          "ChartAxes",
        ) as unknown as ObjetoFalso;
      }) as unknown as { categoryAxis: { title: TextoProxy }; valueAxis: { title: TextoProxy } };
    }
    get legend(): { visible: boolean } {
      return this._hijo("legend", () => {
        // Dentro de los setters del literal, `this` es el literal: se guarda el proxy.
        // eslint-disable-next-line @typescript-eslint/no-this-alias
        const grafico = this;
        return blindar(
          {
            _nulo: false,
            get visible(): boolean {
              throw new NoModelado("leer ChartLegend.visible");
            },
            set visible(v: boolean) {
              grafico._operar(() => {
                grafico._buscar().leyenda = Boolean(v);
              }, v);
            },
          },
          "ChartLegend",
        ) as unknown as ObjetoFalso;
      }) as unknown as { visible: boolean };
    }
    get series(): { getItemAt: (i: number) => SerieProxy; add: (nombre?: string) => SerieProxy } {
      return this._hijo("series", () => {
        const ctx = this._ctx;
        // Dentro de los setters del literal, `this` es el literal: se guarda el proxy.
        // eslint-disable-next-line @typescript-eslint/no-this-alias
        const grafico = this;
        return blindar(
          Object.assign(Object.create(null), {
            _nulo: false,
            getItemAt(i: number): SerieProxy {
              return blindar(
                new SerieProxy(ctx, () => {
                  const s = grafico._buscar().series[i];
                  if (!s) throw b.noEncontrado(`serie ${i}`);
                  return s;
                }),
                "ChartSeries",
              );
            },
            add(nombre?: string): SerieProxy {
              const id = siguienteSerie++;
              grafico._operar(() => {
                grafico._buscar().series.push({
                  id,
                  nombre: nombre ?? `Series${grafico._buscar().series.length + 1}`,
                  valores: null,
                  categorias: null,
                  relleno: null,
                  linea: null,
                  puntos: new Map(),
                });
              }, nombre ?? null);
              return blindar(
                new SerieProxy(ctx, () => {
                  const s = grafico._buscar().series.find((x) => x.id === id);
                  if (!s) throw new NoModelado("usar una serie antes del sync que la crea");
                  return s;
                }),
                "ChartSeries",
              );
            },
          }),
          "ChartSeriesCollection",
        ) as unknown as ObjetoFalso;
      }) as unknown as { getItemAt: (i: number) => SerieProxy; add: (nombre?: string) => SerieProxy };
    }
    setPosition(inicio: string, fin?: string): void {
      this._operar(() => {
        if (typeof inicio !== "string" || (fin !== undefined && typeof fin !== "string"))
          throw new NoModelado("setPosition con objetos Range");
        b.analizarDireccion(inicio);
        if (fin !== undefined) b.analizarDireccion(fin);
        this._buscar().posicion = { inicio: inicio.toUpperCase(), fin: fin === undefined ? null : fin.toUpperCase() };
      }, [inicio, fin ?? null]);
    }
  }

  class GraficosProxy extends ColeccionFalsa<GraficoProxy> {
    readonly _clase = "ChartCollection";
    constructor(
      ctx: ContextoFalso,
      private readonly _hojaProxy: HojaProxy,
    ) {
      super(ctx, false);
    }
    _destinos(): unknown[] {
      return [...estado(this._hojaProxy._hoja()).graficos];
    }
    _crearItem(d: unknown): GraficoProxy {
      return blindar(new GraficoProxy(this._ctx, () => d as GraficoFalso), "Chart");
    }
    add(tipo: string, origen: RangoProxy, porSeries?: string): GraficoProxy {
      const id = String(this._ctx._libro.nuevoId("GRAFICO"));
      const hp = this._hojaProxy;
      this._operar(() => {
        if (!TIPOS_GRAFICO.has(tipo)) throw new NoModelado(`gráfico de tipo ${String(tipo)}`);
        if (porSeries !== "Columns" && porSeries !== "Rows")
          throw new NoModelado(`seriesBy ${String(porSeries)} (detección automática)`);
        const hoja = hp._hoja();
        const { hoja: hojaOrigen, rect } = rangoDe(origen);
        b.cadaCelda(rect, (f, c) => {
          if (typeof hojaOrigen.valor(f, c) === "string" && hojaOrigen.valor(f, c) !== "")
            throw new NoModelado("origen de gráfico con textos (Excel los tomaría como nombres o categorías)");
        });
        const e = estado(hoja);
        const series: SerieFalsa[] = [];
        const n = porSeries === "Columns" ? rect.columnas : rect.filas;
        for (let i = 0; i < n; i++) {
          const r =
            porSeries === "Columns"
              ? { fila: rect.fila, columna: rect.columna + i, filas: rect.filas, columnas: 1 }
              : { fila: rect.fila + i, columna: rect.columna, filas: 1, columnas: rect.columnas };
          series.push({
            id: siguienteSerie++,
            nombre: `Series${i + 1}`,
            valores: { hoja: hojaOrigen, rect: r },
            categorias: null,
            relleno: null,
            linea: null,
            puntos: new Map(),
          });
        }
        e.graficos.push({
          id,
          nombre: `Chart ${e.graficos.length + 1}`,
          tipo,
          titulo: null,
          ejeCategorias: null,
          ejeValores: null,
          leyenda: true,
          posicion: null,
          series,
        });
      }, [tipo, porSeries ?? null]);
      return blindar(
        new GraficoProxy(this._ctx, () => {
          const g = estado(hp._hoja()).graficos.find((x) => x.id === id);
          if (!g) throw new NoModelado("usar un gráfico antes del sync que lo crea");
          return g;
        }),
        "Chart",
      );
    }
  }

  return {
    agregarHoja,
    renombrarHoja,
    moverHoja,
    borrarHoja,
    escribirValores,
    escribirFormatosNumero,
    comprobarSinFormulas,
    formatoRango,
    combinar,
    propiedadesHoja: (p: HojaProxy) => blindar(new PropiedadesProxy(p._ctx, p), "WorksheetCustomPropertyCollection"),
    tablasDeHoja: (p: HojaProxy) => blindar(new TablasProxy(p._ctx, p), "TableCollection"),
    tablasDelLibro: (ctx: ContextoFalso) => blindar(new TablasProxy(ctx, null), "TableCollection"),
    graficosDeHoja: (p: HojaProxy) => blindar(new GraficosProxy(p._ctx, p), "ChartCollection"),
    inmovilizarHoja: (p: HojaProxy) => blindar(new InmovilizarProxy(p._ctx, p), "WorksheetFreezePanes"),
    validacionDeRango: (p: RangoProxy) => blindar(new ValidacionProxy(p._ctx, p), "DataValidation"),
  };
}

// ---------------------------------------------------------------------------------------------
// Inspección para las pruebas (no es API de Office)

function letras(indice: number): string {
  let n = indice + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function texto(r: Rect): string {
  const ini = `${letras(r.columna)}${r.fila + 1}`;
  return r.filas === 1 && r.columnas === 1 ? ini : `${ini}:${letras(r.columna + r.columnas - 1)}${r.fila + r.filas}`;
}

export interface EscrituraInspeccionada {
  propiedades: Record<string, string>;
  tablas: { nombre: string; rango: string; conEncabezados: boolean; estilo: string; mostrarTotales: boolean }[];
  validaciones: {
    rango: string;
    regla: Record<string, unknown>;
    mensajeEntrada: ValidacionFalsa["mensajeEntrada"];
    alertaError: ValidacionFalsa["alertaError"];
    ignorarVacias: boolean;
  }[];
  graficos: {
    nombre: string;
    tipo: string;
    titulo: string | null;
    ejeCategorias: string | null;
    ejeValores: string | null;
    leyenda: boolean;
    posicion: { inicio: string; fin: string | null } | null;
    series: {
      nombre: string;
      valores: string | null;
      categorias: string | null;
      relleno: string | null;
      linea: string | null;
      puntos: Record<number, string>;
    }[];
  }[];
  inmovilizadas: { filas: number; columnas: number };
  /** Ancho en puntos por letra de columna. */
  anchos: Record<string, number>;
  /** Fórmulas por dirección. */
  formulas: Record<string, string>;
  /** Negrita, cursiva, tamaño, ajuste y alineación por dirección. */
  estilos: Record<string, EstiloCeldaFalso>;
}

/** Lo escrito en una hoja del libro falso que no son valores ni formatos de número. */
export function inspeccionarEscritura(libro: LibroFalso, nombreHoja: string): EscrituraInspeccionada {
  const h = libro.hojaPorClave(nombreHoja);
  if (!h) throw new Error(`El libro falso no tiene la hoja «${nombreHoja}».`);
  const e = estados.get(h);
  const dir = (clave: number) => `${letras(clave % CLAVE)}${Math.floor(clave / CLAVE) + 1}`;
  return {
    propiedades: Object.fromEntries([...(e?.propiedades.values() ?? [])].map((p) => [p.clave, p.valor])),
    tablas: (e?.tablas ?? []).map((t) => ({
      nombre: t.nombre,
      rango: texto(t.rect),
      conEncabezados: t.conEncabezados,
      estilo: t.estilo,
      mostrarTotales: t.mostrarTotales,
    })),
    validaciones: (e?.validaciones ?? []).map((v) => ({
      rango: texto(v.rect),
      regla: v.regla,
      mensajeEntrada: v.mensajeEntrada,
      alertaError: v.alertaError,
      ignorarVacias: v.ignorarVacias,
    })),
    graficos: (e?.graficos ?? []).map((g) => ({
      nombre: g.nombre,
      tipo: g.tipo,
      titulo: g.titulo,
      ejeCategorias: g.ejeCategorias,
      ejeValores: g.ejeValores,
      leyenda: g.leyenda,
      posicion: g.posicion,
      series: g.series.map((s) => ({
        nombre: s.nombre,
        valores: s.valores ? `${s.valores.hoja.nombre}!${texto(s.valores.rect)}` : null,
        categorias: s.categorias ? `${s.categorias.hoja.nombre}!${texto(s.categorias.rect)}` : null,
        relleno: s.relleno,
        linea: s.linea,
        puntos: Object.fromEntries(s.puntos),
      })),
    })),
    inmovilizadas: { ...(e?.inmovilizadas ?? { filas: 0, columnas: 0 }) },
    anchos: Object.fromEntries([...(e?.anchos ?? new Map<number, number>())].map(([c, w]) => [letras(c), w])),
    formulas: Object.fromEntries([...(e?.formulas ?? new Map<number, string>())].map(([k, f]) => [dir(k), f])),
    estilos: Object.fromEntries(
      [...(e?.estilos ?? new Map<number, EstiloCeldaFalso>())].map(([k, s]) => [dir(k), { ...s }]),
    ),
  };
}

/** Todas las tablas del libro falso, con su hoja. */
export function tablasDelLibroFalso(libro: LibroFalso): { hoja: string; nombre: string }[] {
  return libro.hojas.flatMap((h) => (estados.get(h)?.tablas ?? []).map((t) => ({ hoja: h.nombre, nombre: t.nombre })));
}
