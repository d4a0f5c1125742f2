/**
 * Lógica pura del panel (sin React ni Office): formato es-CO de cifras y fechas, conteos,
 * filtros y agrupación de hallazgos, y el formulario de configuración (porcentajes ↔ fracciones).
 * Se prueba en Node (test/taskpane/logica.test.ts).
 *
 * El panel nunca recalcula una cifra del PMR: muestra las de InformeValidacion.evaluacion.
 */
import { CONFIGURACION_POR_DEFECTO, validarConfiguracion, type Configuracion } from "../domain/configuracion";
import { esNumero, type ColorSemaforo, type Coherencia, type Estado } from "../domain/calculos";
import { escalaPorcentaje, valorIndicador, type ValoresIndicador } from "../domain/formato";
import type { Evaluacion, ObjetivoEvaluado, ProductoEvaluado } from "../domain/evaluacion";
import { CATEGORIAS, type Categoria, type Hallazgo, type Severidad } from "../domain/hallazgo";
import { NOMBRES_MES_LARGOS } from "../domain/modelo";
import { normalizarTexto, numeroDeTexto } from "../domain/valores";
import type { Filtros } from "./estado";
import { MENSAJES } from "./mensajes";

// ─── Formato es-CO ──────────────────────────────────────────────────────────────────────────

const FORMATO_ENTRADA = new Intl.NumberFormat("es-CO", { maximumFractionDigits: 4, useGrouping: false });
const FORMATO_FECHA = new Intl.DateTimeFormat("es-CO", { dateStyle: "long", timeStyle: "short" });

/**
 * Las cifras del panel usan el formato único de src/domain/formato.ts (el mismo de los mensajes,
 * la línea de comandos y los informes): fracción → «101,26 %», valor → «3.000,00», null → «—».
 */
export { porcentaje as formatearPorcentaje, numero as formatearNumero } from "../domain/formato";

/** Un valor de un indicador en su unidad: «23,00 %» si su unidad es un porcentaje, si no «3.000,00». */
export function formatearValorIndicador(valor: number | null | undefined, ind: ValoresIndicador): string {
  return valorIndicador(valor, escalaPorcentaje(ind));
}

/** Fecha y hora de una validación en es-CO («21 de noviembre de 2025, 8:10 p. m.»). */
export function formatearFechaHora(ms: number): string {
  return FORMATO_FECHA.format(new Date(ms));
}

/** Nombre del mes 1–12 («junio»). */
export function nombreMes(mes: number): string {
  return NOMBRES_MES_LARGOS[mes - 1] ?? String(mes);
}

/** Ancho de una barra de cumplimiento: la fracción recortada a 0–100 %. */
export function anchoBarra(fraccion: number | null | undefined): number {
  if (!esNumero(fraccion)) return 0;
  return Math.max(0, Math.min(1, fraccion)) * 100;
}

// ─── Colores (siempre acompañados del texto) ────────────────────────────────────────────────

export type ColorInsignia = "danger" | "warning" | "success" | "severe" | "informative" | "subtle";

export const COLOR_SEVERIDAD: Readonly<Record<Severidad, ColorInsignia>> = {
  error: "danger",
  advertencia: "warning",
  info: "informative",
};

export const COLOR_SEMAFORO: Readonly<Record<ColorSemaforo, ColorInsignia>> = {
  Rojo: "danger",
  Amarillo: "warning",
  Verde: "success",
  Naranja: "severe",
};

export function colorEstado(estado: Estado): ColorInsignia {
  switch (estado) {
    case "Cumplida":
      return "success";
    case "Sobrecumplida":
      return "severe";
    case "No cumplida":
    case "Sin reporte":
      return "danger";
    case "En ejecución":
      return "informative";
    default:
      return "subtle";
  }
}

export function colorCoherencia(c: Coherencia | null): ColorInsignia {
  if (c === null) return "subtle";
  return c === "Coherente" ? "success" : "warning";
}

// ─── Conteos ────────────────────────────────────────────────────────────────────────────────

export function contarPorSeveridad(hallazgos: readonly Hallazgo[]): Record<Severidad, number> {
  const r: Record<Severidad, number> = { error: 0, advertencia: 0, info: 0 };
  for (const h of hallazgos) r[h.severidad]++;
  return r;
}

/** Categorías con al menos un hallazgo, en el orden de la especificación. */
export function contarPorCategoria(hallazgos: readonly Hallazgo[]): { categoria: Categoria; cantidad: number }[] {
  const cuenta = new Map<Categoria, number>();
  for (const h of hallazgos) cuenta.set(h.categoria, (cuenta.get(h.categoria) ?? 0) + 1);
  return CATEGORIAS.filter((c) => cuenta.has(c)).map((c) => ({ categoria: c, cantidad: cuenta.get(c) ?? 0 }));
}

// ─── Filtros y agrupación ───────────────────────────────────────────────────────────────────

/**
 * Botones del filtro por categoría: las categorías con hallazgos y también las elegidas que ya
 * no tienen (tras validar de nuevo), para poder quitarlas; en el orden de la especificación.
 */
export function opcionesCategoria(
  hallazgos: readonly Hallazgo[],
  elegidas: readonly Categoria[],
): { categoria: Categoria; cantidad: number }[] {
  const conteo = new Map(contarPorCategoria(hallazgos).map((c) => [c.categoria, c.cantidad]));
  return CATEGORIAS.filter((c) => conteo.has(c) || elegidas.includes(c)).map((c) => ({
    categoria: c,
    cantidad: conteo.get(c) ?? 0,
  }));
}

/** Pone o quita `valor` de la lista, que queda en el orden de `orden`. */
export function alternar<T>(lista: readonly T[], valor: T, orden: readonly T[]): T[] {
  const elegidos = new Set(lista);
  if (elegidos.has(valor)) elegidos.delete(valor);
  else elegidos.add(valor);
  return orden.filter((x) => elegidos.has(x));
}

export function hayFiltros(f: Filtros): boolean {
  return f.severidades.length > 0 || f.categorias.length > 0 || f.texto.trim() !== "";
}

/** Texto normalizado de cada hallazgo, calculado una vez por hallazgo (la lista puede tener miles). */
const TEXTO_BUSQUEDA = new WeakMap<Hallazgo, string>();

function textoBusqueda(h: Hallazgo): string {
  let t = TEXTO_BUSQUEDA.get(h);
  if (t === undefined) {
    t = normalizarTexto(`${h.mensaje} ${h.regla} ${h.categoria} ${h.hoja}!${h.celda} ${h.hoja} ${h.celda}`);
    TEXTO_BUSQUEDA.set(h, t);
  }
  return t;
}

/** Hallazgos que pasan los filtros, en el mismo orden. Cada palabra buscada debe aparecer. */
export function filtrarHallazgos(hallazgos: readonly Hallazgo[], filtros: Filtros): Hallazgo[] {
  const severidades = filtros.severidades.length > 0 ? new Set(filtros.severidades) : null;
  const categorias = filtros.categorias.length > 0 ? new Set(filtros.categorias) : null;
  const palabras = normalizarTexto(filtros.texto).split(" ").filter(Boolean);
  return hallazgos.filter((h) => {
    if (severidades && !severidades.has(h.severidad)) return false;
    if (categorias && !categorias.has(h.categoria)) return false;
    if (palabras.length === 0) return true;
    const t = textoBusqueda(h);
    return palabras.every((p) => t.includes(p));
  });
}

export type FilaLista =
  | { tipo: "grupo"; categoria: Categoria; cantidad: number }
  | { tipo: "hallazgo"; hallazgo: Hallazgo; /** 1-based entre los hallazgos visibles. */ posicion: number };

/**
 * Una sola lista plana para la lista virtual: por cada categoría (en el orden de la
 * especificación) una fila de encabezado y después sus hallazgos en el orden recibido.
 */
export function filasDeLista(hallazgos: readonly Hallazgo[]): FilaLista[] {
  const grupos = new Map<Categoria, Hallazgo[]>();
  for (const h of hallazgos) {
    let g = grupos.get(h.categoria);
    if (!g) {
      g = [];
      grupos.set(h.categoria, g);
    }
    g.push(h);
  }
  const filas: FilaLista[] = [];
  let posicion = 0;
  for (const c of CATEGORIAS) {
    const g = grupos.get(c);
    if (!g) continue;
    filas.push({ tipo: "grupo", categoria: c, cantidad: g.length });
    for (const h of g) filas.push({ tipo: "hallazgo", hallazgo: h, posicion: ++posicion });
  }
  return filas;
}

/** Índice de la siguiente fila de hallazgo (saltando encabezados) en la dirección dada; -1 si no hay. */
export function siguienteHallazgo(filas: readonly FilaLista[], desde: number, paso: 1 | -1): number {
  for (let i = desde + paso; i >= 0 && i < filas.length; i += paso) {
    if (filas[i].tipo === "hallazgo") return i;
  }
  return -1;
}

/** Primera o última fila de hallazgo. */
export function extremoHallazgo(filas: readonly FilaLista[], final: boolean): number {
  return final ? siguienteHallazgo(filas, filas.length, -1) : siguienteHallazgo(filas, -1, 1);
}

// ─── Tablero ────────────────────────────────────────────────────────────────────────────────

export interface ProductosTablero {
  porObjetivo: Map<string, ProductoEvaluado[]>;
  /** Productos cuyo objetivo no está en la hoja PMR (p. ej. solo en el presupuesto). */
  sinObjetivo: ProductoEvaluado[];
}

/** Reparte los productos evaluados entre sus objetivos (sin recalcular nada). */
export function productosPorObjetivo(evaluacion: Pick<Evaluacion, "objetivos" | "productos">): ProductosTablero {
  const porObjetivo = new Map<string, ProductoEvaluado[]>();
  const objetivos = new Set(evaluacion.objetivos.map((o: ObjetivoEvaluado) => o.codigo));
  const sinObjetivo: ProductoEvaluado[] = [];
  for (const p of evaluacion.productos) {
    if (p.codigoObjetivo !== null && objetivos.has(p.codigoObjetivo)) {
      const lista = porObjetivo.get(p.codigoObjetivo) ?? [];
      lista.push(p);
      porObjetivo.set(p.codigoObjetivo, lista);
    } else {
      sinObjetivo.push(p);
    }
  }
  return { porObjetivo, sinObjetivo };
}

// ─── Formulario de configuración ────────────────────────────────────────────────────────────

/** Lo que el usuario escribe (texto tal cual, porcentajes en puntos: «30» = 0,3). */
export interface FormularioConfiguracion {
  /** "" = automático; "1"–"12". */
  corte: string;
  /** "" = automática. */
  vigencia: string;
  tolerancia: string;
  sobrecumplimiento: string;
  rojo: string;
  amarillo: string;
  verde: string;
}

export type CampoFormulario = keyof FormularioConfiguracion | "semaforo" | "general";
export type ErroresFormulario = Partial<Record<CampoFormulario, string[]>>;

function aPorcentaje(fraccion: number): string {
  return FORMATO_ENTRADA.format(Math.round(fraccion * 100 * 1e6) / 1e6);
}

export function formularioDeConfiguracion(c: Configuracion): FormularioConfiguracion {
  return {
    corte: c.corte === null ? "" : String(c.corte),
    vigencia: c.vigencia === null ? "" : String(c.vigencia),
    tolerancia: aPorcentaje(c.toleranciaFisicoFinanciera),
    sobrecumplimiento: aPorcentaje(c.umbralSobrecumplimiento),
    rojo: aPorcentaje(c.semaforo.rojo),
    amarillo: aPorcentaje(c.semaforo.amarillo),
    verde: aPorcentaje(c.semaforo.verde),
  };
}

export const FORMULARIO_POR_DEFECTO: FormularioConfiguracion = formularioDeConfiguracion(CONFIGURACION_POR_DEFECTO);

/** Ruta de la configuración → campo del formulario. */
const CAMPO_DE_CLAVE: Readonly<Record<string, CampoFormulario>> = {
  corte: "corte",
  vigencia: "vigencia",
  toleranciaFisicoFinanciera: "tolerancia",
  umbralSobrecumplimiento: "sobrecumplimiento",
  "semaforo.rojo": "rojo",
  "semaforo.amarillo": "amarillo",
  "semaforo.verde": "verde",
  semaforo: "semaforo",
};

/** Campo al que pertenece un mensaje de validarConfiguracion («semaforo.rojo»: …). */
export function campoDeMensaje(mensaje: string): CampoFormulario {
  const m = /^«([^»]+)»/.exec(mensaje);
  return (m && CAMPO_DE_CLAVE[m[1]]) || "general";
}

function agregar(errores: ErroresFormulario, campo: CampoFormulario, mensaje: string): void {
  (errores[campo] ??= []).push(mensaje);
}

/** Un porcentaje escrito por el usuario («30», «12,5», «30 %») como fracción; null si no es número. */
export function leerPorcentaje(texto: string): number | null {
  const t = texto.trim().replace(/%$/, "").trim();
  if (t === "") return null;
  const n = numeroDeTexto(t);
  return n === null ? null : n / 100;
}

/**
 * Del formulario a una Configuracion: conserva de `base` las claves que el formulario no
 * muestra, revisa cada campo (mensajes en porcentaje, junto al campo) y valida el conjunto con
 * validarConfiguracion, cuyos mensajes se reparten por campo.
 */
export function configuracionDeFormulario(
  f: FormularioConfiguracion,
  base: Configuracion = CONFIGURACION_POR_DEFECTO,
): { ok: true; configuracion: Configuracion } | { ok: false; errores: ErroresFormulario } {
  const errores: ErroresFormulario = {};

  const corte = f.corte.trim() === "" ? null : Number(f.corte);

  let vigencia: number | null = null;
  const v = f.vigencia.trim();
  if (v !== "") {
    if (!/^\d{4}$/.test(v)) agregar(errores, "vigencia", MENSAJES.errorAnio);
    else vigencia = Number(v);
  }

  const porcentaje = (campo: "tolerancia" | "sobrecumplimiento" | "rojo" | "amarillo" | "verde", max?: number) => {
    const n = leerPorcentaje(f[campo]);
    if (n === null) {
      agregar(errores, campo, MENSAJES.errorNumero);
      return 0;
    }
    if (n < 0)
      agregar(
        errores,
        campo,
        max === undefined ? MENSAJES.errorNoNegativo : MENSAJES.errorPorcentajeRango(0, max * 100),
      );
    else if (max !== undefined && n > max) agregar(errores, campo, MENSAJES.errorPorcentajeRango(0, max * 100));
    return n;
  };
  const tolerancia = porcentaje("tolerancia", 1);
  const sobrecumplimiento = porcentaje("sobrecumplimiento");
  const rojo = porcentaje("rojo");
  const amarillo = porcentaje("amarillo");
  const verde = porcentaje("verde");
  if (Object.keys(errores).length > 0) return { ok: false, errores };

  const candidato = {
    ...base,
    corte,
    vigencia,
    toleranciaFisicoFinanciera: tolerancia,
    umbralSobrecumplimiento: sobrecumplimiento,
    semaforo: { rojo, amarillo, verde },
  };
  const r = validarConfiguracion(candidato);
  if (r.ok) return { ok: true, configuracion: r.configuracion };
  for (const mensaje of r.errores) {
    const campo = campoDeMensaje(mensaje);
    // El único error de conjunto del semáforo es el orden: se explica en porcentaje.
    agregar(errores, campo, campo === "semaforo" ? MENSAJES.errorSemaforoOrden : mensaje);
  }
  return { ok: false, errores };
}

/** El formulario no coincide con la configuración guardada (hay cambios sin guardar). */
export function formularioCambiado(f: FormularioConfiguracion, c: Configuracion): boolean {
  const g = formularioDeConfiguracion(c);
  return (Object.keys(g) as (keyof FormularioConfiguracion)[]).some((k) => g[k].trim() !== f[k].trim());
}

/** Texto del error de cualquier cosa que se lanzó, para mostrarlo al usuario. */
export function textoDeError(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === "string" && error) return error;
  return MENSAJES.errorDesconocido;
}
