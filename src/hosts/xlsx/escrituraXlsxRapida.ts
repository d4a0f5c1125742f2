/**
 * Escritor de .xlsx para libros grandes sin gráficos ni validaciones de datos (el libro consolidado
 * de 60 entidades: 30 000 filas de 60 columnas). `escribirLibroXlsx` (ExcelJS) arma el libro entero
 * en objetos por celda: con 1,8 millones de celdas tardaba más de un minuto y usaba más de 1 GB.
 * Este escribe el XML de cada hoja como texto y lo comprime con zlib: los mismos valores, fórmulas,
 * formatos de número, estilos, anchos, paneles inmovilizados, combinadas y tablas de Excel que la
 * misma descripción da con `escribirLibroXlsx` (una prueba compara las grillas leídas de los dos).
 * El XML de cada hoja se comprime por trozos mientras se arma (nunca está entero en memoria) y
 * las filas de un bloque de celdas se leen de la descripción sin copiarlas.
 *
 * Los textos van como «inlineStr» con el formato «@» (como los escribe escribirLibroXlsx: un texto
 * que empieza por «=» sigue siendo texto); los caracteres de control, como `_xHHHH_` (lo que hace
 * Excel).
 */
import { constants as zlibConstantes, crc32, deflateRaw, deflateRawSync } from "node:zlib";
import { letraColumna } from "../../domain/direcciones";
import {
  comprobarDescripcion,
  esFormula,
  estiloCompuesto,
  leerColumnas,
  leerRango,
  type DescripcionHoja,
  type DescripcionLibro,
  type Estilo,
  type NombreEstilo,
} from "../../workbook/escritura";

const FORMATO_TEXTO = "@";

/** Texto para XML (atributos y contenido), con los caracteres de control como Excel: `_xHHHH_`. */
function xml(t: string): string {
  let s = t.replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_");
  s = s.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g,
    (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
  );
  return s.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

/** Los estilos de celda del libro: cada combinación de formato de número y estilos con nombre, una vez. */
class Estilos {
  private readonly numFmts = new Map<string, number>();
  private readonly fuentes = new Map<string, number>([["", 0]]);
  private readonly rellenos = new Map<string, number>([
    ["", 0],
    ["gray125", 1],
  ]);
  private readonly xfs = new Map<string, number>([["", 0]]);
  private readonly xfsXml: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly fuentesXml = ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'];
  private readonly rellenosXml = [
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ];

  private idFormato(f: string | null): number {
    if (f === null || f === "" || f.toLowerCase() === "general") return 0;
    if (f === FORMATO_TEXTO) return 49;
    let id = this.numFmts.get(f);
    if (id === undefined) this.numFmts.set(f, (id = 164 + this.numFmts.size));
    return id;
  }

  private idFuente(e: Estilo): number {
    if (e.negrita === undefined && e.cursiva === undefined && e.tamano === undefined && e.colorFuente === undefined)
      return 0;
    const clave = `${e.negrita ?? ""}|${e.cursiva ?? ""}|${e.tamano ?? ""}|${e.colorFuente ?? ""}`;
    let id = this.fuentes.get(clave);
    if (id === undefined) {
      id = this.fuentesXml.length;
      this.fuentes.set(clave, id);
      this.fuentesXml.push(
        `<font>${e.negrita ? "<b/>" : ""}${e.cursiva ? "<i/>" : ""}<sz val="${e.tamano ?? 11}"/>${e.colorFuente ? `<color rgb="FF${e.colorFuente.slice(1).toUpperCase()}"/>` : ""}<name val="Calibri"/><family val="2"/></font>`,
      );
    }
    return id;
  }

  private idRelleno(e: Estilo): number {
    if (e.relleno === undefined) return 0;
    let id = this.rellenos.get(e.relleno);
    if (id === undefined) {
      id = this.rellenosXml.length;
      this.rellenos.set(e.relleno, id);
      this.rellenosXml.push(
        `<fill><patternFill patternType="solid"><fgColor rgb="FF${e.relleno.slice(1).toUpperCase()}"/><bgColor indexed="64"/></patternFill></fill>`,
      );
    }
    return id;
  }

  /** Índice del estilo de celda con este formato de número y estos estilos con nombre. */
  id(formato: string | null, estilos: readonly NombreEstilo[] | null): number {
    const clave = `${formato ?? ""}\u001f${estilos?.join(",") ?? ""}`;
    let id = this.xfs.get(clave);
    if (id !== undefined) return id;
    const e = estilos ? estiloCompuesto(estilos) : {};
    const numFmtId = this.idFormato(formato);
    const fontId = this.idFuente(e);
    const fillId = this.idRelleno(e);
    const h = { izquierda: "left", centro: "center", derecha: "right" } as const;
    const v = { arriba: "top", centro: "center", abajo: "bottom" } as const;
    const alineacion =
      e.ajustarTexto !== undefined || e.horizontal !== undefined || e.vertical !== undefined
        ? `<alignment${e.horizontal ? ` horizontal="${h[e.horizontal]}"` : ""}${e.vertical ? ` vertical="${v[e.vertical]}"` : ""}${e.ajustarTexto ? ' wrapText="1"' : ""}/>`
        : "";
    id = this.xfsXml.length;
    this.xfs.set(clave, id);
    this.xfsXml.push(
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${numFmtId ? ' applyNumberFormat="1"' : ""}${fontId ? ' applyFont="1"' : ""}${fillId ? ' applyFill="1"' : ""}${alineacion ? ' applyAlignment="1">' + alineacion + "</xf>" : "/>"}`,
    );
    return id;
  }

  xml(): string {
    const numFmts = [...this.numFmts].map(([f, id]) => `<numFmt numFmtId="${id}" formatCode="${xml(f)}"/>`);
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.join("")}</numFmts>` : "") +
      `<fonts count="${this.fuentesXml.length}">${this.fuentesXml.join("")}</fonts>` +
      `<fills count="${this.rellenosXml.length}">${this.rellenosXml.join("")}</fills>` +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfsXml.length}">${this.xfsXml.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
    );
  }
}

/**
 * Una parte del zip comprimida por trozos: cada trozo de texto se pasa a bytes, se suma al CRC y
 * se comprime aparte (deflate con vaciado de sincronía: bloques sin la marca de último, que se
 * pueden concatenar); al cerrar, un bloque final vacío. Así el XML de una hoja de 30 000 filas
 * (más de 100 MB) nunca está entero en memoria: solo sus bytes comprimidos.
 */
class ParteComprimida {
  /** Los trozos comprimidos, en orden (los que comprime otro hilo, como promesa). */
  private readonly trozos: (Buffer | Promise<Buffer>)[] = [];
  /** Bytes del trozo que se está juntando (el texto se codifica en UTF-8 al agregarlo). */
  private bytes: Buffer = Buffer.allocUnsafe(TROZO_BYTES);
  private usados = 0;
  /** Trozos que otro hilo todavía comprime (modo asíncrono), del más viejo al más nuevo. */
  private readonly enCurso: Promise<Buffer>[] = [];
  crc = 0;
  tamano = 0;

  /**
   * `asincrona`: cada trozo se comprime en el grupo de hilos de Node (zlib asíncrono) mientras
   * este hilo arma el XML que sigue; si no, aquí mismo.
   */
  constructor(
    readonly nombre: string,
    private readonly asincrona = false,
  ) {}

  /** Agrega texto (se comprime al juntar unos TROZO_BYTES bytes). */
  agregar(texto: string): void {
    // Un carácter de JavaScript ocupa a lo sumo 3 bytes en UTF-8.
    if (this.usados + texto.length * 3 > this.bytes.length) {
      this.vaciar();
      if (texto.length * 3 > this.bytes.length) {
        this.comprimir(Buffer.from(texto, "utf8"));
        return;
      }
    }
    this.usados += this.bytes.write(texto, this.usados, "utf8");
  }

  /** Hay tantos trozos comprimiéndose que conviene esperar antes de seguir (la memoria no crece). */
  get llena(): boolean {
    return this.enCurso.length >= TROZOS_EN_CURSO;
  }

  /** Espera a que termine el trozo más viejo en curso. */
  async esperar(): Promise<void> {
    const viejo = this.enCurso.shift();
    if (viejo !== undefined) await viejo;
  }

  private vaciar(): void {
    if (this.usados === 0) return;
    const bytes = this.bytes.subarray(0, this.usados);
    // El trozo anterior sigue en uso mientras otro hilo lo comprime: uno nuevo para el que sigue.
    this.bytes = Buffer.allocUnsafe(TROZO_BYTES);
    this.usados = 0;
    this.comprimir(bytes);
  }

  private comprimir(bytes: Buffer): void {
    this.crc = crc32(bytes, this.crc);
    this.tamano += bytes.length;
    const opciones = { level: 6, finishFlush: zlibConstantes.Z_SYNC_FLUSH };
    if (!this.asincrona) {
      this.trozos.push(deflateRawSync(bytes, opciones));
      return;
    }
    const c = new Promise<Buffer>((listo, falla) => deflateRaw(bytes, opciones, (e, r) => (e ? falla(e) : listo(r))));
    // Sin rechazos sin atender mientras espera su turno: el error se ve al cerrar.
    c.catch(() => undefined);
    this.trozos.push(c);
    this.enCurso.push(c);
  }

  /** Termina la parte: sus bytes comprimidos (un flujo deflate completo). */
  cerrar(): Buffer[] {
    this.vaciar();
    this.trozos.push(deflateRawSync(Buffer.alloc(0)));
    return this.trozos as Buffer[];
  }

  /** Termina la parte, esperando los trozos que comprime otro hilo. */
  async cerrarAsincrona(): Promise<Buffer[]> {
    this.vaciar();
    this.trozos.push(deflateRawSync(Buffer.alloc(0)));
    return Promise.all(this.trozos);
  }
}

/** Trozos que se comprimen a la vez en otros hilos antes de esperar (unos 2 MB de XML). */
const TROZOS_EN_CURSO = 8;

/**
 * Bytes de XML que se juntan antes de comprimirlos: con trozos chicos las filas ya escritas no
 * llegan a la generación vieja del montón (con trozos de 4 M caracteres, la memoria máxima del
 * consolidado subía 200 MB al escribir); el archivo queda un 3 % más grande.
 */
const TROZO_BYTES = 512 * 1024;

/** Un rango de filas de una columna con un formato de número o unos estilos (el último que cubre una celda gana o se suma). */
interface Tramo<T> {
  desde: number;
  hasta: number;
  valor: T;
}

/** Por columna, los tramos de filas de cada rango (en el orden de la descripción). */
function tramosPorColumna<T>(rangos: readonly { rango: string; valor: T }[]): Map<number, Tramo<T>[]> {
  const m = new Map<number, Tramo<T>[]>();
  for (const { rango, valor } of rangos) {
    const r = leerRango(rango);
    if (!r) continue;
    for (let c = r.columna; c < r.columna + r.columnas; c++) {
      let lista = m.get(c);
      if (lista === undefined) m.set(c, (lista = []));
      lista.push({ desde: r.fila, hasta: r.fila + r.filas - 1, valor });
    }
  }
  return m;
}

/** Tramos de una columna a partir de los cuales conviene un arreglo por fila (buscar en la lista es lineal). */
const TRAMOS_EN_LISTA = 8;

/**
 * El formato de número de cada celda (el último tramo que la cubre gana). Una columna con muchos
 * tramos (formatos de origen distintos fila a fila) se resuelve una vez en un arreglo por fila:
 * buscar en la lista por cada celda haría la escritura cuadrática.
 */
function formatosPorCelda(formatos: Map<number, Tramo<string>[]>): (f: number, c: number) => string | null {
  const porFila = new Map<number, (string | undefined)[]>();
  for (const [c, lista] of formatos) {
    if (lista.length <= TRAMOS_EN_LISTA) continue;
    const filas: (string | undefined)[] = [];
    for (const t of lista) for (let f = t.desde; f <= t.hasta; f++) filas[f] = t.valor;
    porFila.set(c, filas);
  }
  return (f, c) => {
    const filas = porFila.get(c);
    if (filas !== undefined) return filas[f] ?? null;
    const lista = formatos.get(c);
    if (lista === undefined) return null;
    for (let k = lista.length - 1; k >= 0; k--) if (f >= lista[k].desde && f <= lista[k].hasta) return lista[k].valor;
    return null;
  };
}

/**
 * Las filas de la hoja (0-based) y la columna de su primer valor. Con un solo bloque de celdas
 * (el libro consolidado) son las filas de la descripción, sin copiarlas; con varios, una copia
 * dispersa en la que el último bloque que escribe una celda gana.
 */
function filasDe(h: DescripcionHoja): { filas: (readonly unknown[] | undefined)[]; desde: number[]; maxFila: number } {
  const filas: (readonly unknown[] | undefined)[] = [];
  const desde: number[] = [];
  let maxFila = -1;
  if (h.celdas.length === 1) {
    const b = h.celdas[0];
    const ini = leerRango(b.desde)!;
    b.filas.forEach((f, i) => {
      filas[ini.fila + i] = f;
      desde[ini.fila + i] = ini.columna;
    });
    if (b.filas.length > 0) maxFila = ini.fila + b.filas.length - 1;
    return { filas, desde, maxFila };
  }
  const copia: (unknown[] | undefined)[] = [];
  for (const b of h.celdas) {
    const ini = leerRango(b.desde)!;
    b.filas.forEach((f, i) => {
      const r = ini.fila + i;
      let fila = copia[r];
      if (fila === undefined) copia[r] = fila = [];
      for (let j = 0; j < f.length; j++) {
        const v = f[j];
        if (v === null || v === undefined || v === "") continue;
        fila[ini.columna + j] = v;
      }
      desde[r] = 0;
      if (r > maxFila) maxFila = r;
    });
  }
  return { filas: copia, desde, maxFila };
}

/** Una celda sin valor (vacía, null o ""): no se escribe, salvo que tenga formato o estilo. */
function vacia(v: unknown): boolean {
  return v === null || v === undefined || v === "";
}

/**
 * El XML de una hoja, por trozos en `parte`; devuelve sus tablas. Cede (yield) cuando la parte
 * tiene demasiados trozos comprimiéndose en otros hilos: quien la recorre espera y sigue.
 */
function* hojaXml(
  h: DescripcionHoja,
  estilos: Estilos,
  idTabla: { siguiente: number },
  parte: ParteComprimida,
): Generator<void, { nombre: string; xml: string }[]> {
  const { filas, desde, maxFila: ultimaConValores } = filasDe(h);
  let maxFila = ultimaConValores;
  const valorEn = (f: number, c: number): unknown => {
    const fila = filas[f];
    return fila === undefined ? undefined : fila[c - desde[f]];
  };
  const formatos = tramosPorColumna((h.formatosNumero ?? []).map((f) => ({ rango: f.rango, valor: f.formato })));
  const conEstilo = tramosPorColumna((h.estilos ?? []).map((e) => ({ rango: e.rango, valor: e.estilos })));
  const columnasConTramos = [...new Set([...formatos.keys(), ...conEstilo.keys()])].sort((a, b) => a - b);
  for (const lista of [...formatos.values(), ...conEstilo.values()])
    for (const t of lista) if (t.hasta > maxFila) maxFila = t.hasta;
  const formatoEn = formatosPorCelda(formatos);
  const estilosEn = (f: number, c: number): NombreEstilo[] | null => {
    const lista = conEstilo.get(c);
    if (lista === undefined) return null;
    let salida: NombreEstilo[] | null = null;
    for (const t of lista) if (f >= t.desde && f <= t.hasta) (salida ??= []).push(...t.valor);
    return salida;
  };

  const letras: string[] = [];
  const letra = (c: number) => (letras[c] ??= letraColumna(c));
  const inicio: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
  ];
  const { filas: fijas = 0, columnas: fijasC = 0 } = h.inmovilizar ?? {};
  if (fijas > 0 || fijasC > 0) {
    const celda = `${letraColumna(fijasC)}${fijas + 1}`;
    const panel = fijas > 0 && fijasC > 0 ? "bottomRight" : fijas > 0 ? "bottomLeft" : "topRight";
    inicio.push(
      `<sheetViews><sheetView workbookViewId="0"><pane${fijasC ? ` xSplit="${fijasC}"` : ""}${fijas ? ` ySplit="${fijas}"` : ""} topLeftCell="${celda}" activePane="${panel}" state="frozen"/></sheetView></sheetViews>`,
    );
  }
  if (h.anchos?.length) {
    const cols: string[] = [];
    for (const a of h.anchos) {
      const [c1, c2] = leerColumnas(a.columnas) as [number, number];
      cols.push(`<col min="${c1 + 1}" max="${c2 + 1}" width="${a.ancho}" customWidth="1"/>`);
    }
    inicio.push(`<cols>${cols.join("")}</cols>`);
  }
  inicio.push("<sheetData>");
  parte.agregar(inicio.join(""));
  for (let f = 0; f <= maxFila; f++) {
    const valores = filas[f];
    const base = desde[f] ?? 0;
    let orden: number[] = [];
    if (valores !== undefined)
      for (let j = 0; j < valores.length; j++) {
        if (!vacia(valores[j])) orden.push(base + j);
      }
    let extra = false;
    for (const c of columnasConTramos)
      if (vacia(valorEn(f, c)) && (formatoEn(f, c) !== null || estilosEn(f, c) !== null)) {
        orden.push(c);
        extra = true;
      }
    if (orden.length === 0) continue;
    if (extra) orden = orden.sort((a, b) => a - b);
    const n = String(f + 1);
    let fila = `<row r="${n}">`;
    for (const c of orden) {
      const v = valorEn(f, c);
      const texto = typeof v === "string";
      const formato = formatoEn(f, c) ?? (texto ? FORMATO_TEXTO : null);
      const s = estilos.id(formato, estilosEn(f, c));
      const r = letra(c) + n;
      const atributoS = s ? ` s="${s}"` : "";
      if (vacia(v)) fila += `<c r="${r}"${atributoS}/>`;
      else if (esFormula(v)) fila += `<c r="${r}"${atributoS}><f>${xml(v.formula.slice(1))}</f></c>`;
      else if (typeof v === "number")
        fila += Number.isFinite(v) ? `<c r="${r}"${atributoS}><v>${v}</v></c>` : `<c r="${r}"${atributoS}/>`;
      else if (typeof v === "boolean") fila += `<c r="${r}"${atributoS} t="b"><v>${v ? 1 : 0}</v></c>`;
      else fila += `<c r="${r}"${atributoS} t="inlineStr"><is><t xml:space="preserve">${xml(String(v))}</t></is></c>`;
    }
    parte.agregar(fila + "</row>");
    if (parte.llena) yield;
  }
  const fin: string[] = ["</sheetData>"];
  if (h.combinadas?.length)
    fin.push(
      `<mergeCells count="${h.combinadas.length}">${h.combinadas.map((c) => `<mergeCell ref="${c}"/>`).join("")}</mergeCells>`,
    );
  const tablas: { nombre: string; xml: string }[] = [];
  for (const t of h.tablas ?? []) {
    const r = leerRango(t.rango)!;
    const id = idTabla.siguiente++;
    const nombres = Array.from({ length: r.columnas }, (_, j) => {
      const v = valorEn(r.fila, r.columna + j);
      return String(vacia(v) ? `Columna${j + 1}` : v);
    });
    tablas.push({
      nombre: `table${id}.xml`,
      xml:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${xml(t.nombre)}" displayName="${xml(t.nombre)}" ref="${t.rango}" headerRowCount="1" totalsRowShown="0">` +
        `<autoFilter ref="${t.rango}"/><tableColumns count="${r.columnas}">${nombres.map((n, j) => `<tableColumn id="${j + 1}" name="${xml(n)}"/>`).join("")}</tableColumns>` +
        `<tableStyleInfo name="${xml(t.estilo ?? "TableStyleMedium2")}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
    });
  }
  if (tablas.length)
    fin.push(
      `<tableParts count="${tablas.length}">${tablas.map((_, i) => `<tablePart r:id="rIdT${i + 1}"/>`).join("")}</tableParts>`,
    );
  fin.push("</worksheet>");
  parte.agregar(fin.join(""));
  return tablas;
}

/** Una parte del zip ya comprimida: sus trozos deflate, el CRC y el tamaño sin comprimir. */
interface ParteLista {
  nombre: string;
  comprimidos: readonly Buffer[];
  crc: number;
  tamano: number;
}

/** Una parte de texto pequeña (relaciones, libro, estilos), comprimida de una vez. */
function parteDeTexto(nombre: string, t: string): ParteLista {
  const datos = Buffer.from(t, "utf8");
  return { nombre, comprimidos: [deflateRawSync(datos, { level: 6 })], crc: crc32(datos), tamano: datos.length };
}

/** Un .zip con estas partes (ya comprimidas con deflate). */
function zip(partes: readonly ParteLista[]): Buffer {
  const locales: Buffer[] = [];
  const central: Buffer[] = [];
  let desplazamiento = 0;
  for (const p of partes) {
    const nombre = Buffer.from(p.nombre, "utf8");
    const { comprimidos, crc, tamano } = p;
    const largo = comprimidos.reduce((n, b) => n + b.length, 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(largo, 18);
    local.writeUInt32LE(tamano, 22);
    local.writeUInt16LE(nombre.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(crc >>> 0, 16);
    cd.writeUInt32LE(largo, 20);
    cd.writeUInt32LE(tamano, 24);
    cd.writeUInt16LE(nombre.length, 28);
    cd.writeUInt32LE(desplazamiento, 42);
    locales.push(local, nombre, ...comprimidos);
    central.push(cd, nombre);
    desplazamiento += 30 + nombre.length + largo;
  }
  const tamanoCentral = central.reduce((n, b) => n + b.length, 0);
  const fin = Buffer.alloc(22);
  fin.writeUInt32LE(0x06054b50, 0);
  fin.writeUInt16LE(partes.length, 8);
  fin.writeUInt16LE(partes.length, 10);
  fin.writeUInt32LE(tamanoCentral, 12);
  fin.writeUInt32LE(desplazamiento, 16);
  return Buffer.concat([...locales, ...central, fin]);
}

/**
 * El .xlsx de una descripción sin gráficos ni validaciones de datos (para esas, escribirLibroXlsx).
 * Lanza ErrorDescripcion si la descripción no es válida.
 */
export function escribirLibroXlsxRapido(descripcion: DescripcionLibro): Buffer {
  const { estilos, idTabla } = comenzar(descripcion);
  const hojas = descripcion.hojas.map((h, i) => {
    const parte = new ParteComprimida(`xl/worksheets/sheet${i + 1}.xml`);
    const g = hojaXml(h, estilos, idTabla, parte);
    let r = g.next();
    while (!r.done) r = g.next();
    return {
      parte: { nombre: parte.nombre, comprimidos: parte.cerrar(), crc: parte.crc, tamano: parte.tamano },
      tablas: r.value,
    };
  });
  return zip(partesDelLibro(descripcion, hojas, estilos));
}

/**
 * Como escribirLibroXlsxRapido, pero el XML de cada hoja se comprime en el grupo de hilos de Node
 * mientras este hilo arma el que sigue (la línea de comandos: en una máquina de dos núcleos, la
 * compresión deja de sumar al tiempo). Los mismos bytes.
 */
export async function escribirLibroXlsxRapidoAsincrono(descripcion: DescripcionLibro): Promise<Buffer> {
  const { estilos, idTabla } = comenzar(descripcion);
  const hojas: { parte: ParteLista; tablas: { nombre: string; xml: string }[] }[] = [];
  for (let i = 0; i < descripcion.hojas.length; i++) {
    const parte = new ParteComprimida(`xl/worksheets/sheet${i + 1}.xml`, true);
    const g = hojaXml(descripcion.hojas[i], estilos, idTabla, parte);
    let r = g.next();
    while (!r.done) {
      await parte.esperar();
      r = g.next();
    }
    const comprimidos = await parte.cerrarAsincrona();
    hojas.push({ parte: { nombre: parte.nombre, comprimidos, crc: parte.crc, tamano: parte.tamano }, tablas: r.value });
  }
  return zip(partesDelLibro(descripcion, hojas, estilos));
}

/** Comprueba la descripción y prepara los estilos y la numeración de las tablas. */
function comenzar(descripcion: DescripcionLibro): { estilos: Estilos; idTabla: { siguiente: number } } {
  comprobarDescripcion(descripcion);
  for (const h of descripcion.hojas)
    if ((h.graficos?.length ?? 0) > 0 || (h.validaciones?.length ?? 0) > 0)
      throw new Error(`La hoja «${h.nombre}» tiene gráficos o validaciones de datos: escríbala con escribirLibroXlsx.`);
  const estilos = new Estilos();
  estilos.id(FORMATO_TEXTO, null);
  return { estilos, idTabla: { siguiente: 1 } };
}

/** Las partes del paquete, en su orden, con las hojas ya comprimidas. */
function partesDelLibro(
  descripcion: DescripcionLibro,
  hojas: readonly { parte: ParteLista; tablas: readonly { nombre: string; xml: string }[] }[],
  estilos: Estilos,
): ParteLista[] {
  const partes: ParteLista[] = [];
  const texto = (nombre: string, t: string) => partes.push(parteDeTexto(nombre, t));
  const tablas = hojas.flatMap((h) => h.tablas);
  texto(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      hojas
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join("") +
      tablas
        .map(
          (t) =>
            `<Override PartName="/xl/tables/${t.nombre}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`,
        )
        .join("") +
      "</Types>",
  );
  texto(
    "_rels/.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  texto(
    "xl/workbook.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets>' +
      descripcion.hojas
        .map((h, i) => `<sheet name="${xml(h.nombre)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join("") +
      "</sheets></workbook>",
  );
  texto(
    "xl/_rels/workbook.xml.rels",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      hojas
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join("") +
      `<Relationship Id="rId${hojas.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  );
  hojas.forEach((h, i) => {
    partes.push(h.parte);
    if (h.tablas.length) {
      texto(
        `xl/worksheets/_rels/sheet${i + 1}.xml.rels`,
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          h.tablas
            .map(
              (t, k) =>
                `<Relationship Id="rIdT${k + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/${t.nombre}"/>`,
            )
            .join("") +
          "</Relationships>",
      );
      for (const t of h.tablas) texto(`xl/tables/${t.nombre}`, t.xml);
    }
  });
  texto("xl/styles.xml", estilos.xml());
  return partes;
}
