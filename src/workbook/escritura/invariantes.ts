/**
 * Invariantes de una descripción de hojas: lo que Excel rechazaría o haría distinto de lo descrito
 * (nombres, rangos, tablas, validaciones, gráficos). Se comprueban antes de escribir nada, en los
 * dos anfitriones, con mensajes en español que nombran la hoja y el rango.
 */
import { letraColumna } from "../../domain/direcciones";
import {
  esFormula,
  ESTILO_TABLA,
  type DescripcionGrafico,
  type DescripcionHoja,
  type DescripcionLibro,
  type DescripcionTabla,
  type DescripcionValidacion,
} from "./descripcion";
import { MENSAJES_DESCRIPCION as M } from "./mensajes";
import { celdas, contiene, leerColumnas, leerRango, MAX_COLUMNAS, MAX_FILAS, seTocan, type Rect } from "./rangos";

/** Máximo de celdas con valor o formato que una hoja puede describir (memoria y tamaño del envío). */
export const LIMITE_CELDAS_HOJA = 2_000_000;

const CARACTERES_PROHIBIDOS = /[\\/?*[\]:]/;
const COLOR = /^#[0-9A-Fa-f]{6}$/;
const PROPOSITO = /^[a-z0-9][a-z0-9-]{0,63}$/;
const ESTILO_TABLA_VALIDO = /^TableStyle(Light([1-9]|1\d|2[01])|Medium([1-9]|1\d|2[0-8])|Dark([1-9]|1[01]))$/;

/** Error de una descripción que no se puede escribir; `problemas` los lista todos. */
export class ErrorDescripcion extends Error {
  constructor(readonly problemas: readonly string[]) {
    super(M.descripcionInvalida(problemas));
    this.name = "ErrorDescripcion";
  }
}

/** Problemas del nombre de una hoja (vacío si Excel lo acepta). */
export function problemasNombreHoja(nombre: string): string[] {
  if (typeof nombre !== "string" || nombre.trim() === "") return [M.nombreHojaVacio];
  const p: string[] = [];
  if (nombre.length > 31) p.push(M.nombreHojaLargo(nombre));
  if (CARACTERES_PROHIBIDOS.test(nombre)) p.push(M.nombreHojaCaracteres(nombre));
  if (nombre.startsWith("'") || nombre.endsWith("'")) p.push(M.nombreHojaApostrofo(nombre));
  if (nombre.toLowerCase() === "history") p.push(M.nombreHojaReservado(nombre));
  return p;
}

/** ¿Excel acepta este nombre de tabla? Letra, «_» o «\» al inicio; letras, cifras, «_» y «.»; no una celda. */
export function nombreTablaValido(nombre: string): boolean {
  if (typeof nombre !== "string" || nombre.length === 0 || nombre.length > 255) return false;
  if (!/^[A-Za-z_\\\u00C0-\u024F][A-Za-z0-9_.\u00C0-\u024F]*$/.test(nombre)) return false;
  if (/^[A-Za-z]{1,3}\d+$/.test(nombre)) return false; // A1, XFD100
  if (/^[RrCc]$/.test(nombre)) return false;
  if (/^[Rr]\d*[Cc]\d*$/.test(nombre)) return false; // R1C1
  return true;
}

function rango(hoja: string, que: string, texto: string, p: string[]): Rect | null {
  const r = leerRango(texto);
  if (!r) p.push(M.rangoInvalido(hoja, que, String(texto)));
  return r;
}

/** Las celdas descritas de una hoja: cuántas hay, el contenido de una y las de un rango. */
interface CeldasDescritas {
  readonly size: number;
  /** Contenido de la celda de clave fila·MAX_COLUMNAS+columna (undefined si no se describe). */
  get(clave: number): unknown;
  /** Cada celda descrita dentro del rango, en el orden de la descripción. */
  enRango(r: Rect, f: (fila: number, columna: number, v: unknown) => void): void;
}

/** Un bloque de celdas que cabe en la hoja. */
interface BloqueValido {
  readonly ini: Rect;
  readonly filas: readonly (readonly unknown[])[];
  readonly rect: Rect;
}

/** Los problemas del contenido de una celda (fórmula, texto largo, valor que no se puede escribir). */
function comprobarContenido(h: DescripcionHoja, v: unknown, f: number, c: number, p: string[]): void {
  const dir = () => `${letraColumna(c)}${f + 1}`;
  if (esFormula(v)) {
    if (!v.formula.startsWith("=") || v.formula.length > 8192 || v.formula.length < 2)
      p.push(M.formulaInvalida(h.nombre, dir()));
    if (v.formula.includes("[@")) p.push(M.formulaArrobaTabla(h.nombre, dir()));
  } else if (typeof v === "string") {
    if (v.length > 32767) p.push(M.textoLargo(h.nombre, dir()));
  } else if (!(v === null || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v)))) {
    p.push(M.valorInvalido(h.nombre, dir()));
  }
}

/**
 * Las celdas descritas de una hoja, con los problemas de cada una. Si ningún par de bloques se
 * toca (lo común: un bloque por tabla), ninguna celda se repite y las celdas se leen de los
 * bloques mismos; si no, se arma el mapa de todas las celdas para encontrar las repetidas (un
 * mapa de 1,8 millones de celdas costaba más de un segundo al escribir el libro consolidado).
 */
function mapaCeldas(h: DescripcionHoja, p: string[]): CeldasDescritas {
  const bloques: BloqueValido[] = [];
  for (const b of h.celdas) {
    const ini = rango(h.nombre, "Celdas", b.desde, p);
    if (!ini) continue;
    const alto = b.filas.length;
    const ancho = Math.max(0, ...b.filas.map((f) => f.length));
    if (ini.fila + alto > MAX_FILAS || ini.columna + ancho > MAX_COLUMNAS) {
      p.push(M.bloqueFuera(h.nombre, b.desde));
      continue;
    }
    bloques.push({ ini, filas: b.filas, rect: { fila: ini.fila, columna: ini.columna, filas: alto, columnas: ancho } });
  }
  const seTocanBloques = bloques.some((a, i) => bloques.some((b, j) => j > i && seTocan(a.rect, b.rect)));
  return seTocanBloques ? mapaCompleto(h, bloques, p) : celdasDeBloques(h, bloques, p);
}

/** Sin bloques que se toquen: las celdas son las de los bloques (las posiciones sin valor de un arreglo disperso no cuentan). */
function celdasDeBloques(h: DescripcionHoja, bloques: readonly BloqueValido[], p: string[]): CeldasDescritas {
  let size = 0;
  for (const { ini, filas } of bloques)
    for (let i = 0; i < filas.length; i++) {
      const fila = filas[i];
      for (let j = 0; j < fila.length; j++) {
        const v = fila[j];
        if (v === undefined && !(j in fila)) continue;
        size++;
        if (v === null || typeof v === "number" || typeof v === "boolean") {
          if (typeof v === "number" && !Number.isFinite(v)) comprobarContenido(h, v, ini.fila + i, ini.columna + j, p);
          continue;
        }
        comprobarContenido(h, v, ini.fila + i, ini.columna + j, p);
      }
    }
  const enBloque = (b: BloqueValido, f: number, c: number): boolean => {
    const fila = b.filas[f - b.ini.fila];
    return fila !== undefined && c - b.ini.columna < fila.length && c - b.ini.columna in fila;
  };
  return {
    size,
    get(clave) {
      const f = Math.floor(clave / MAX_COLUMNAS);
      const c = clave % MAX_COLUMNAS;
      for (const b of bloques)
        if (contiene(b.rect, f, c) && enBloque(b, f, c)) return b.filas[f - b.ini.fila][c - b.ini.columna];
      return undefined;
    },
    enRango(r, alRecorrer) {
      for (const b of bloques) {
        if (!seTocan(b.rect, r)) continue;
        const f0 = Math.max(r.fila, b.rect.fila);
        const f1 = Math.min(r.fila + r.filas, b.rect.fila + b.rect.filas);
        for (let f = f0; f < f1; f++) {
          const fila = b.filas[f - b.ini.fila];
          const c0 = Math.max(r.columna, b.ini.columna);
          const c1 = Math.min(r.columna + r.columnas, b.ini.columna + fila.length);
          for (let c = c0; c < c1; c++) if (enBloque(b, f, c)) alRecorrer(f, c, fila[c - b.ini.columna]);
        }
      }
    },
  };
}

/** Con bloques que se tocan: el mapa de todas las celdas, por clave fila·MAX_COLUMNAS+columna (la última gana). */
function mapaCompleto(h: DescripcionHoja, bloques: readonly BloqueValido[], p: string[]): CeldasDescritas {
  const mapa = new Map<number, unknown>();
  for (const { ini, filas } of bloques) {
    filas.forEach((fila, i) =>
      fila.forEach((v, j) => {
        const f = ini.fila + i;
        const c = ini.columna + j;
        const clave = f * MAX_COLUMNAS + c;
        if (mapa.has(clave)) p.push(M.celdaRepetida(h.nombre, `${letraColumna(c)}${f + 1}`));
        mapa.set(clave, v);
        comprobarContenido(h, v, f, c, p);
      }),
    );
  }
  return {
    size: mapa.size,
    get: (clave) => mapa.get(clave),
    enRango(r, alRecorrer) {
      for (const [clave, v] of mapa) {
        const f = Math.floor(clave / MAX_COLUMNAS);
        const c = clave % MAX_COLUMNAS;
        if (contiene(r, f, c)) alRecorrer(f, c, v);
      }
    },
  };
}

function comprobarTabla(h: DescripcionHoja, t: DescripcionTabla, mapa: CeldasDescritas, p: string[]): Rect | null {
  if (!nombreTablaValido(t.nombre)) p.push(M.nombreTablaInvalido(h.nombre, String(t.nombre)));
  const estilo = t.estilo ?? ESTILO_TABLA;
  if (!ESTILO_TABLA_VALIDO.test(estilo)) p.push(M.estiloTablaInvalido(h.nombre, t.nombre, estilo));
  const r = rango(h.nombre, `Tabla «${t.nombre}»`, t.rango, p);
  if (!r) return null;
  if ((t.conEncabezados as boolean | undefined) === false) p.push(M.tablaSinEncabezados(h.nombre, t.nombre));
  if (r.filas < 2) p.push(M.tablaSinFilas(h.nombre, t.nombre, t.rango));
  const vistos = new Set<string>();
  for (let c = r.columna; c < r.columna + r.columnas; c++) {
    const v = mapa.get(r.fila * MAX_COLUMNAS + c);
    const dir = `${letraColumna(c)}${r.fila + 1}`;
    if (typeof v !== "string" || v.trim() === "") {
      p.push(M.encabezadoTablaVacio(h.nombre, t.nombre, dir));
      continue;
    }
    const k = v.trim().toLocaleLowerCase("es");
    if (vistos.has(k)) p.push(M.encabezadoTablaRepetido(h.nombre, t.nombre, v));
    vistos.add(k);
  }
  return r;
}

function comprobarValidacion(
  h: DescripcionHoja,
  v: DescripcionValidacion,
  p: string[],
  hojas: ReadonlySet<string> | null,
): Rect | null {
  const r = rango(h.nombre, "Validación", v.rango, p);
  const regla = v.regla;
  if (regla.tipo === "cualquiera") {
    if (!v.mensajeEntrada) p.push(M.cualquieraSinMensaje(h.nombre, v.rango));
  } else if (regla.tipo === "lista") {
    if (regla.valores.length === 0) p.push(M.listaVacia(h.nombre, v.rango));
    for (const x of regla.valores)
      if (typeof x !== "string" || x.trim() === "" || x.includes(","))
        p.push(M.listaConComas(h.nombre, v.rango, String(x)));
    if (regla.valores.join(",").length > 255) p.push(M.listaLarga(h.nombre, v.rango));
  } else if (regla.tipo === "listaRango") {
    rango(h.nombre, "Lista de validación", regla.rango, p);
    if (regla.hoja !== undefined && hojas !== null && !hojas.has(String(regla.hoja).toLocaleLowerCase("es")))
      p.push(M.hojaListaInexistente(h.nombre, v.rango, String(regla.hoja)));
  } else {
    const finitos = Number.isFinite(regla.valor) && (regla.operador !== "entre" || Number.isFinite(regla.valor2));
    if (!finitos || (regla.operador === "entre" && (regla.valor2 as number) < regla.valor))
      p.push(M.validacionNumeroInvalido(h.nombre, v.rango));
  }
  for (const m of [v.mensajeEntrada, v.alertaError]) {
    if (!m) continue;
    if (typeof m.titulo !== "string" || m.titulo.length === 0 || m.titulo.length > 32)
      p.push(M.tituloLargo(h.nombre, v.rango));
    if (typeof m.mensaje !== "string" || m.mensaje.length === 0 || m.mensaje.length > 255)
      p.push(M.mensajeLargo(h.nombre, v.rango));
  }
  return r;
}

function comprobarGrafico(h: DescripcionHoja, g: DescripcionGrafico, p: string[]): void {
  if (typeof g.nombre !== "string" || g.nombre.trim() === "" || g.nombre.length > 255)
    p.push(M.nombreGraficoInvalido(h.nombre));
  rango(h.nombre, `Posición del gráfico «${g.nombre}»`, g.posicion, p);
  if (g.series.length === 0) p.push(M.graficoSinSeries(h.nombre, g.nombre));
  const textos = [g.titulo, g.tituloEjeCategorias ?? "", g.tituloEjeValores ?? "", ...g.series.map((s) => s.nombre)];
  if (textos.some((t) => typeof t !== "string" || t.length > 255)) p.push(M.textoGraficoLargo(h.nombre, g.nombre));
  for (const s of g.series) {
    const cat = rango(h.nombre, `Categorías de «${s.nombre}» (gráfico «${g.nombre}»)`, s.categorias, p);
    const val = rango(h.nombre, `Valores de «${s.nombre}» (gráfico «${g.nombre}»)`, s.valores, p);
    for (const [r, t] of [
      [cat, s.categorias],
      [val, s.valores],
    ] as const) {
      if (r && r.filas > 1 && r.columnas > 1) p.push(M.serieNoLineal(h.nombre, g.nombre, t));
    }
    if (cat && val && celdas(cat) !== celdas(val)) p.push(M.serieDesigual(h.nombre, g.nombre, s.nombre));
    const colores = [s.color, ...(s.coloresPuntos ?? [])].filter((c): c is string => c !== undefined && c !== null);
    for (const c of colores) if (!COLOR.test(c)) p.push(M.colorInvalido(h.nombre, g.nombre, c));
    if (s.coloresPuntos && s.coloresPuntos.length > 0) {
      if (g.tipo === "lineas") p.push(M.coloresPuntosLinea(h.nombre, g.nombre));
      if (val && s.coloresPuntos.length > celdas(val)) p.push(M.coloresPuntosDemasiados(h.nombre, g.nombre, s.nombre));
    }
  }
}

function solapes<T>(items: readonly { r: Rect | null; x: T }[], mensaje: (a: T, b: T) => string, p: string[]): void {
  const validos = items.filter((i): i is { r: Rect; x: T } => i.r !== null);
  for (let i = 0; i < validos.length; i++)
    for (let j = i + 1; j < validos.length; j++)
      if (seTocan(validos[i].r, validos[j].r)) p.push(mensaje(validos[i].x, validos[j].x));
}

/**
 * Todos los problemas de una hoja (vacío si se puede escribir). `hojas`: nombres (en minúsculas) de
 * las hojas de la descripción, para las listas que toman valores de otra hoja.
 */
export function problemasHoja(h: DescripcionHoja, hojas: ReadonlySet<string> | null = null): string[] {
  const p = problemasNombreHoja(h.nombre);
  if (typeof h.proposito !== "string" || !PROPOSITO.test(h.proposito))
    p.push(M.propositoInvalido(h.nombre, String(h.proposito)));
  const mapa = mapaCeldas(h, p);

  let area = mapa.size;
  for (const f of h.formatosNumero ?? []) {
    const r = rango(h.nombre, "Formato de número", f.rango, p);
    if (r) area += celdas(r);
    if (typeof f.formato !== "string" || f.formato.length === 0 || f.formato.length > 255)
      p.push(M.formatoInvalido(h.nombre, f.rango));
  }
  for (const e of h.estilos ?? []) {
    const r = rango(h.nombre, "Estilo", e.rango, p);
    if (r) area += celdas(r);
  }
  if (area > LIMITE_CELDAS_HOJA) p.push(M.hojaDemasiadoGrande(h.nombre, area));

  for (const a of h.anchos ?? []) {
    if (!leerColumnas(a.columnas)) p.push(M.columnasInvalidas(h.nombre, String(a.columnas)));
    if (!(typeof a.ancho === "number" && a.ancho >= 0 && a.ancho <= 255))
      p.push(M.anchoInvalido(h.nombre, a.columnas, a.ancho));
  }
  if (h.inmovilizar) {
    const { filas = 0, columnas = 0 } = h.inmovilizar;
    const ok =
      [filas, columnas].every((n) => Number.isInteger(n) && n >= 0) && filas < MAX_FILAS && columnas < MAX_COLUMNAS;
    if (!ok) p.push(M.inmovilizarInvalido(h.nombre));
  }

  const combinadas = (h.combinadas ?? []).map((c) => ({ r: rango(h.nombre, "Combinación", c, p), x: c }));
  for (const { r, x } of combinadas) {
    if (!r) continue;
    if (celdas(r) < 2) p.push(M.combinadaUnaCelda(h.nombre, x));
    mapa.enRango(r, (f, c, v) => {
      if (!(f === r.fila && c === r.columna) && v !== null && v !== "")
        p.push(M.combinadaConValores(h.nombre, x, `${letraColumna(c)}${f + 1}`));
    });
  }
  solapes(combinadas, (a, b) => M.combinadasSolapadas(h.nombre, a, b), p);

  const tablas = (h.tablas ?? []).map((t) => ({ r: comprobarTabla(h, t, mapa, p), x: t.nombre }));
  solapes(tablas, (a, b) => M.tablasSolapadas(h.nombre, a, b), p);
  for (const t of tablas)
    for (const c of combinadas) if (t.r && c.r && seTocan(t.r, c.r)) p.push(M.tablaConCombinadas(h.nombre, t.x, c.x));

  const validaciones = (h.validaciones ?? []).map((v) => ({ r: comprobarValidacion(h, v, p, hojas), x: v.rango }));
  solapes(validaciones, (a, b) => M.validacionesSolapadas(h.nombre, a, b), p);

  const nombresGraficos = new Set<string>();
  for (const g of h.graficos ?? []) {
    comprobarGrafico(h, g, p);
    const k = String(g.nombre).toLocaleLowerCase("es");
    if (nombresGraficos.has(k)) p.push(M.graficoRepetido(h.nombre, g.nombre));
    nombresGraficos.add(k);
  }
  return p;
}

/** Todos los problemas de una descripción (vacío si se puede escribir). */
export function problemasDescripcion(libro: DescripcionLibro): string[] {
  if (!libro || !Array.isArray(libro.hojas) || libro.hojas.length === 0) return [M.sinHojas];
  const p: string[] = [];
  const hojas = new Set<string>();
  const tablas = new Set<string>();
  const todas = new Set(libro.hojas.map((h) => String(h.nombre).toLocaleLowerCase("es")));
  for (const h of libro.hojas) {
    p.push(...problemasHoja(h, todas));
    const k = String(h.nombre).toLocaleLowerCase("es");
    if (hojas.has(k)) p.push(M.hojaRepetida(h.nombre));
    hojas.add(k);
    for (const t of h.tablas ?? []) {
      const kt = String(t.nombre).toLowerCase();
      if (tablas.has(kt)) p.push(M.tablaRepetida(t.nombre));
      tablas.add(kt);
    }
  }
  return p;
}

/** Lanza ErrorDescripcion si la descripción tiene algún problema. */
export function comprobarDescripcion(libro: DescripcionLibro): void {
  const p = problemasDescripcion(libro);
  if (p.length > 0) throw new ErrorDescripcion(p);
}
