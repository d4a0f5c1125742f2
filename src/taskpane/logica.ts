/**
 * Lógica pura del panel (sin React ni Office): formato es-CO de cifras y fechas, conteos,
 * filtros y agrupación de hallazgos, el veredicto y los bloqueos del Resumen, el recorrido de
 * hallazgos uno por uno, y el formulario de configuración (porcentajes ↔ fracciones).
 * Se prueba en Node (test/taskpane/logica.test.ts, test/taskpane/revision.test.ts).
 *
 * El panel nunca recalcula una cifra del PMR: muestra las de InformeValidacion.evaluacion.
 */
import { CONFIGURACION_POR_DEFECTO, validarConfiguracion, type Configuracion } from "../domain/configuracion";
import { esNumero, type ColorSemaforo, type Coherencia, type Estado } from "../domain/calculos";
import { escalaPorcentaje, valorIndicador, type ValoresIndicador } from "../domain/formato";
import type { Evaluacion, IndicadorEvaluado, ObjetivoEvaluado, ProductoEvaluado } from "../domain/evaluacion";
import { CATEGORIAS, type Categoria, type Hallazgo, type Severidad } from "../domain/hallazgo";
import { NOMBRES_MES_LARGOS, type ModeloPmr } from "../domain/modelo";
import { normalizarTexto, numeroDeTexto } from "../domain/valores";
import { HOJAS } from "../domain/hojas";
import { diccionario } from "../workbook/encabezados";
import { INSIGNIA_SEMAFORO, type ColorInsignia } from "./colores";
import type { EstadoPanel, Filtros, HallazgoAbierto, Pestana } from "./estado";
import { MENSAJES, cantidad } from "./mensajes";

// ─── Formato es-CO ──────────────────────────────────────────────────────────────────────────

const FORMATO_ENTRADA = new Intl.NumberFormat("es-CO", { maximumFractionDigits: 4, useGrouping: false });
const FORMATO_FECHA = new Intl.DateTimeFormat("es-CO", { dateStyle: "long", timeStyle: "short" });
const FORMATO_HORA = new Intl.DateTimeFormat("es-CO", { timeStyle: "short" });

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

/** Hora de una validación en es-CO («6:25 a. m.»). */
export function formatearHora(ms: number): string {
  return FORMATO_HORA.format(new Date(ms));
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

// ─── Colores (siempre acompañados del texto y de un icono; ver colores.ts) ───────────────────

export type { ColorInsignia } from "./colores";

export const COLOR_SEVERIDAD: Readonly<Record<Severidad, ColorInsignia>> = {
  error: "danger",
  advertencia: "warning",
  info: "informative",
};

export const COLOR_SEMAFORO: Readonly<Record<ColorSemaforo, ColorInsignia>> = INSIGNIA_SEMAFORO;

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
 * Botones del filtro por categoría: las categorías con hallazgos entre los que dejan pasar los
 * demás filtros (severidad, ámbito: con «Errores» puesto, una categoría sin errores no se ofrece)
 * y también las elegidas que ya no tienen, para poder quitarlas; en el orden de la especificación.
 * La cuenta de cada una es la que se verá al elegirla.
 */
export function opcionesCategoria(
  hallazgos: readonly Hallazgo[],
  elegidas: readonly Categoria[],
  filtros: Pick<Filtros, "severidades"> = { severidades: [] },
  pertenece: ((h: Hallazgo) => boolean) | null = null,
): { categoria: Categoria; cantidad: number }[] {
  const severidades = filtros.severidades.length > 0 ? new Set(filtros.severidades) : null;
  const candidatos = hallazgos.filter(
    (h) => (!severidades || severidades.has(h.severidad)) && (!pertenece || pertenece(h)),
  );
  const conteo = new Map(contarPorCategoria(candidatos).map((c) => [c.categoria, c.cantidad]));
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
  return (
    f.severidades.length > 0 ||
    f.categorias.length > 0 ||
    f.texto.trim() !== "" ||
    f.ambito !== null ||
    (f.decisiones?.length ?? 0) > 0
  );
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

/**
 * Hallazgos que pasan los filtros, en el mismo orden. Cada palabra buscada debe aparecer.
 * `pertenece` dice si un hallazgo es del ámbito elegido (objetivo, producto o indicador del
 * Tablero; ver vinculos.ts); sin él, el ámbito no filtra.
 */
export function filtrarHallazgos(
  hallazgos: readonly Hallazgo[],
  filtros: Pick<Filtros, "severidades" | "categorias" | "texto">,
  pertenece: ((h: Hallazgo) => boolean) | null = null,
): Hallazgo[] {
  const severidades = filtros.severidades.length > 0 ? new Set(filtros.severidades) : null;
  const categorias = filtros.categorias.length > 0 ? new Set(filtros.categorias) : null;
  const palabras = normalizarTexto(filtros.texto).split(" ").filter(Boolean);
  return hallazgos.filter((h) => {
    if (severidades && !severidades.has(h.severidad)) return false;
    if (categorias && !categorias.has(h.categoria)) return false;
    if (pertenece && !pertenece(h)) return false;
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

// ─── Recorrido uno por uno (como la Comprobación de errores de Excel) ───────────────────────

/** Lo que se abre en el detalle: el hallazgo de la posición `indice` de la lista filtrada. */
export function abrirEn(visibles: readonly Hallazgo[], indice: number): HallazgoAbierto | null {
  if (visibles.length === 0) return null;
  const i = Math.max(0, Math.min(visibles.length - 1, indice));
  const h = visibles[i];
  return { clave: h.clave, hoja: h.hoja, celda: h.celda, indice: i };
}

/**
 * Dónde está el hallazgo abierto en la lista filtrada (por clave y celda; tras validar otra vez
 * es otro objeto). `indice` -1: ya no está (se corrigió o dejó de pasar los filtros).
 */
export function posicionAbierto(
  visibles: readonly Hallazgo[],
  abierto: HallazgoAbierto,
): { indice: number; hallazgo: Hallazgo | null } {
  const cerca = visibles[abierto.indice];
  if (cerca && cerca.clave === abierto.clave && cerca.hoja === abierto.hoja && cerca.celda === abierto.celda)
    return { indice: abierto.indice, hallazgo: cerca };
  const i = visibles.findIndex(
    (h) => h.clave === abierto.clave && h.hoja === abierto.hoja && h.celda === abierto.celda,
  );
  return i >= 0 ? { indice: i, hallazgo: visibles[i] } : { indice: -1, hallazgo: null };
}

/**
 * Anterior (-1) o Siguiente (+1) desde el abierto. Si el abierto ya no está en la lista (se
 * corrigió), «Siguiente» es el que ahora ocupa su lugar y «Anterior» el de antes. null en los
 * extremos (no da la vuelta: el analista sabe que llegó al final).
 */
export function moverAbierto(
  visibles: readonly Hallazgo[],
  abierto: HallazgoAbierto,
  paso: 1 | -1,
): HallazgoAbierto | null {
  const { indice } = posicionAbierto(visibles, abierto);
  const destino = indice >= 0 ? indice + paso : paso === 1 ? abierto.indice : abierto.indice - 1;
  if (destino < 0 || destino >= visibles.length) return null;
  return abrirEn(visibles, destino);
}

// ─── Veredicto, bloqueos y cuadro general del Resumen ───────────────────────────────────────

export type Tono = "error" | "advertencia" | "ok";

export interface Veredicto {
  tono: Tono;
  titulo: string;
  detalle: string;
}

/** Lo primero que dice el Resumen: si el PMR se puede entregar, en una frase. */
export function veredicto(r: { errores: number; advertencias: number; info: number }): Veredicto {
  if (r.errores > 0) {
    return {
      tono: "error",
      titulo: MENSAJES.veredictoErrores(r.errores),
      detalle: r.advertencias > 0 ? MENSAJES.veredictoAdemasAdvertencias(r.advertencias) : MENSAJES.veredictoCorrija,
    };
  }
  if (r.advertencias > 0) {
    return {
      tono: "advertencia",
      titulo: MENSAJES.veredictoSinErrores,
      detalle: MENSAJES.veredictoRevise(r.advertencias),
    };
  }
  return {
    tono: "ok",
    titulo: MENSAJES.veredictoListo,
    detalle: r.info > 0 ? MENSAJES.veredictoSoloInfo(r.info) : MENSAJES.veredictoSinHallazgos,
  };
}

export type TipoBloqueo = "sin-hoja" | "sin-encabezados" | "sin-filas" | "vigencia-sin-filas";

/**
 * Un libro que no se puede revisar: sin hoja PMR, con una hoja PMR vacía o sin encabezados
 * reconocibles, o sin filas (de la vigencia elegida). El panel muestra una pantalla propia con la
 * causa y los pasos para arreglarlo, en lugar de un resumen con 0 objetivos.
 */
export interface Bloqueo {
  tipo: TipoBloqueo;
  /** Hoja PMR (la que se leyó o la que falta). */
  hoja: string;
  /** Lo que dijo la validación (el mensaje del hallazgo de Estructura, con las hojas del libro). */
  causa: string;
  /** Encabezados obligatorios de la hoja PMR (canónicos, con la nota de meta vigencia). */
  encabezados: string[];
  /** Vigencias que sí tiene la hoja (vigencia-sin-filas). */
  vigencias: number[];
  /** La vigencia evaluada (la pedida en Configuración o la más reciente). */
  vigencia: number | null;
}

/** Título de la pantalla de bloqueo. */
export function tituloBloqueo(b: Bloqueo): string {
  switch (b.tipo) {
    case "sin-hoja":
      return MENSAJES.bloqueoSinHoja;
    case "sin-encabezados":
      return MENSAJES.bloqueoSinEncabezados(b.hoja);
    case "sin-filas":
      return MENSAJES.bloqueoSinFilas(b.hoja);
    case "vigencia-sin-filas":
      return MENSAJES.bloqueoVigencia(b.vigencia === null ? "" : String(b.vigencia));
  }
}

/** Los pasos para arreglar un bloqueo, en orden. */
export function pasosBloqueo(b: Bloqueo): readonly string[] {
  switch (b.tipo) {
    case "sin-hoja":
      return MENSAJES.pasosSinHoja;
    case "sin-encabezados":
      return MENSAJES.pasosSinEncabezados(b.hoja);
    case "sin-filas":
      return MENSAJES.pasosSinFilas;
    case "vigencia-sin-filas":
      return MENSAJES.pasosVigencia(listaY(b.vigencias.map(String)));
  }
}

/** «2024», «2024 y 2025», «2023, 2024 y 2025». */
function listaY(xs: readonly string[]): string {
  return xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} y ${xs[xs.length - 1]}`;
}

/** Encabezados obligatorios de la hoja PMR, como los pide el lector (su descriptor, src/domain/hojas/pmr.ts). */
export function encabezadosObligatorios(): string[] {
  const d = HOJAS.pmr;
  const dic = diccionario(d);
  return d.obligatorios.map((k) => {
    const e = dic.canonico.get(k) ?? k;
    const nota = (d.alternativas as Record<string, { nota?: string } | undefined> | undefined)?.[k]?.nota;
    return nota ? `${e} (${nota})` : e;
  });
}

export function bloqueoDe(informe: {
  modelo: Pick<ModeloPmr, "pmr" | "lectura">;
  evaluacion: Pick<Evaluacion, "indicadores" | "omitidos" | "vigencia">;
  hallazgos: readonly Hallazgo[];
}): Bloqueo | null {
  const { modelo, evaluacion, hallazgos } = informe;
  if (evaluacion.indicadores.length > 0) return null;
  const mensajeDe = (regla: string) => hallazgos.find((h) => h.regla === regla)?.mensaje ?? "";
  const base = { encabezados: encabezadosObligatorios(), vigencias: [] as number[], vigencia: evaluacion.vigencia };
  if (modelo.pmr === null) {
    const faltante = modelo.lectura.find((p) => p.tipo === "hoja-faltante");
    if (faltante) return { ...base, tipo: "sin-hoja", hoja: "PMR", causa: mensajeDe("EST-HOJA-FALTANTE") };
    const columnas = modelo.lectura.find((p) => p.tipo === "columna-faltante");
    return {
      ...base,
      tipo: "sin-encabezados",
      hoja: columnas?.hoja ?? "PMR",
      causa: hallazgos
        .filter((h) => h.regla === "EST-COLUMNA-FALTANTE")
        .map((h) => h.mensaje)
        .join(" "),
    };
  }
  const vigencias = [
    ...new Set(evaluacion.omitidos.map((i) => i.vigencia).filter((v): v is number => v !== null)),
  ].sort((a, b) => a - b);
  return {
    ...base,
    tipo: vigencias.length > 0 ? "vigencia-sin-filas" : "sin-filas",
    hoja: modelo.pmr.nombre,
    causa: mensajeDe("EST-PMR-SIN-FILAS"),
    vigencias,
  };
}

export interface CategoriaConCuentas {
  categoria: Categoria;
  error: number;
  advertencia: number;
  info: number;
}

/**
 * Categorías con hallazgos y sus cuentas por severidad, de la más grave a la menos: más errores
 * primero, luego más advertencias, luego más informativos; a igualdad, el orden de la
 * especificación.
 */
export function categoriasPorSeveridad(hallazgos: readonly Hallazgo[]): CategoriaConCuentas[] {
  const cuentas = new Map<Categoria, CategoriaConCuentas>();
  for (const h of hallazgos) {
    let c = cuentas.get(h.categoria);
    if (!c) cuentas.set(h.categoria, (c = { categoria: h.categoria, error: 0, advertencia: 0, info: 0 }));
    c[h.severidad]++;
  }
  return [...cuentas.values()].sort(
    (a, b) =>
      b.error - a.error ||
      b.advertencia - a.advertencia ||
      b.info - a.info ||
      CATEGORIAS.indexOf(a.categoria) - CATEGORIAS.indexOf(b.categoria),
  );
}

/** Cuántos objetivos hay en cada color del semáforo (y sin cumplimiento calculable). */
export function objetivosPorSemaforo(
  objetivos: readonly Pick<ObjetivoEvaluado, "semaforo">[],
): { color: ColorSemaforo | null; cantidad: number }[] {
  const orden: (ColorSemaforo | null)[] = ["Rojo", "Amarillo", "Verde", "Naranja", null];
  const cuenta = new Map<ColorSemaforo | null, number>();
  for (const o of objetivos) cuenta.set(o.semaforo, (cuenta.get(o.semaforo) ?? 0) + 1);
  return orden.filter((c) => cuenta.has(c)).map((c) => ({ color: c, cantidad: cuenta.get(c) ?? 0 }));
}

/** Vigencia y corte en una línea: «Vigencia 2025 · corte a septiembre (automáticos)». */
export function lineaVigenciaCorte(
  ev: Pick<Evaluacion, "vigencia" | "corte">,
  usada: Pick<Configuracion, "vigencia" | "corte"> | null,
): string {
  const vigencia = ev.vigencia === null ? MENSAJES.vigenciaNoEncontrada : String(ev.vigencia);
  const origen = (configurado: boolean, masculino: boolean) =>
    configurado
      ? masculino
        ? MENSAJES.configurado
        : MENSAJES.configurada
      : masculino
        ? MENSAJES.automatico
        : MENSAJES.automatica;
  const partes = [
    `${MENSAJES.vigencia} ${vigencia}${usada ? ` (${origen(usada.vigencia !== null, false)})` : ""}`,
    `${MENSAJES.corteA} ${nombreMes(ev.corte)}${usada ? ` (${origen(usada.corte !== null, true)})` : ""}`,
  ];
  return partes.join(" · ");
}

// ─── Pestañas ───────────────────────────────────────────────────────────────────────────────

/**
 * Cambiar de pestaña: un aviso de éxito o informativo («Se quitó el resaltado») se cierra, para
 * que no ocupe cada pestaña; un error o una advertencia quedan hasta que el usuario los cierre.
 */
export function cambioDePestana(
  e: Pick<EstadoPanel, "aviso">,
  pestana: Pestana,
): Pick<EstadoPanel, "pestana" | "aviso"> {
  const pasajero = e.aviso !== null && (e.aviso.intent === "success" || e.aviso.intent === "info");
  return { pestana, aviso: pasajero ? null : e.aviso };
}

// ─── Indicadores en el Tablero ──────────────────────────────────────────────────────────────

export interface EstadoMostrado {
  texto: string;
  color: ColorInsignia;
  /** Por qué no hay avance, cuando el estado calculado no lo dice (tendencia no válida). */
  explicacion: string | null;
}

/**
 * El estado que muestra el Tablero para un indicador: el calculado, salvo cuando la causa real es
 * otra. Sin tendencia válida no hay programado ni avance, y el estado calculado diría «Sin
 * programación»: se dice que la tendencia no es válida (o falta) y cuál es su texto.
 */
export function estadoMostrado(
  i: Pick<IndicadorEvaluado, "estado"> & {
    indicador: Pick<IndicadorEvaluado["indicador"], "tendencia" | "tendenciaTexto">;
  },
): EstadoMostrado {
  if (i.indicador.tendencia === null) {
    const t = i.indicador.tendenciaTexto?.trim();
    return t
      ? { texto: MENSAJES.tendenciaNoValida, color: "danger", explicacion: MENSAJES.sinAvancePorTendencia(t) }
      : { texto: MENSAJES.sinTendencia, color: "danger", explicacion: MENSAJES.sinAvanceSinTendencia };
  }
  return { texto: i.estado, color: colorEstado(i.estado), explicacion: null };
}

/** «1 hallazgo», «3 hallazgos» (con la cuenta de errores si hay). */
export function textoCuentaHallazgos(c: { error: number; advertencia: number; info: number }): string {
  const total = c.error + c.advertencia + c.info;
  return c.error > 0
    ? `${cantidad(total, "hallazgo", "hallazgos")} (${cantidad(c.error, "error", "errores")})`
    : cantidad(total, "hallazgo", "hallazgos");
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
