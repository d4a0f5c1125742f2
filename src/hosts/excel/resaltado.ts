/**
 * Resaltado de las celdas de los hallazgos, y su retiro exacto.
 *
 * Decisión de diseño: el complemento NUNCA cambia el formato propio de las celdas (relleno,
 * fuente, bordes) ni sus valores. Resalta con formatos condicionales que son suyos:
 *
 * - Uno por hoja × severidad (y por bloque de direcciones), de tipo «Custom», aplicado a un
 *   rango múltiple (`worksheet.getRanges("B5,K12:K15,…")`, ExcelApi 1.9) con una fórmula que
 *   siempre es VERDADERA y que lleva una firma que solo escribe el complemento:
 *   `=N("PMR-resaltado:error")=0` (N de un texto es 0). La fórmula exacta (no una parte de
 *   ella, ni sin distinguir mayúsculas) permite reconocerlos sin
 *   ninguna otra memoria, también en un libro guardado, cerrado y vuelto a abrir, en una hoja
 *   renombrada o en una copia de la hoja.
 * - Colores por severidad: error relleno rojo claro, advertencia ámbar, info azul claro. Los de
 *   error se agregan al final, así quedan con la prioridad más alta cuando una celda tiene
 *   hallazgos de varias severidades.
 * - Quitar el resaltado es borrar esos formatos condicionales: lo que el usuario ve vuelve a ser
 *   exactamente lo que había (formato de las celdas y formatos condicionales del usuario, que
 *   nunca se tocan ni se reordenan entre sí).
 * - La lista de lo resaltado (hoja, severidad, direcciones) se guarda en la configuración del
 *   documento (clave «pmr.resaltado», texto JSON, `settings.saveAsync`): así se sabe, sin leer
 *   todo el libro, en qué hojas buscar los formatos anteriores antes de resaltar de nuevo, y el
 *   panel puede saber si hay resaltado sin hablar con Excel (`hayResaltadoGuardado`).
 *
 * Viajes a Excel:
 * - `resaltarHallazgos`: 2 para cualquier número de hallazgos. Viaje 1: formatos condicionales
 *   (solo `type` y la fórmula de los «Custom») de las hojas donde puede haber resaltado anterior
 *   (las de los hallazgos y las de la lista guardada; todas las del libro cuando se conocen, como
 *   en `validarEnExcel`). Viaje 2: borrar los propios y agregar los nuevos. Si una de esas hojas
 *   ya no existe (se borró o se renombró), el viaje 1 falla y se hace un barrido completo: un
 *   viaje más para los nombres de las hojas.
 * - `quitarResaltado`: 3 (nombres de las hojas, formatos condicionales de todas, borrado). Barre
 *   siempre el libro entero, porque una hoja copiada o renombrada lleva la firma pero no está en
 *   la lista; así funciona aunque la lista falte. 2 si no hay nada que borrar.
 *
 * Límites de Excel que se respetan: `getRanges` acepta direcciones de hasta 8192 caracteres (y
 * trunca en silencio las más largas); aquí cada bloque tiene como máximo 2000 caracteres y 250
 * áreas. Las celdas contiguas de una columna se juntan en un solo rango (K12:K15).
 */
import { SEVERIDADES, type Hallazgo, type Severidad } from "../../domain";
import {
  ajustesDelDocumento,
  codigoError,
  detalleError,
  ejecutarExcel,
  guardarAjustes,
  sincronizar,
  type AjustesDocumento,
  type ContadorSyncs,
  type Ejecutar,
} from "./contexto";
import { MENSAJES_EXCEL } from "./mensajes";

/** Clave de la configuración del documento con la lista de lo resaltado. */
export const CLAVE_RESALTADO = "pmr.resaltado";
/** Firma de los formatos condicionales del complemento. */
export const FIRMA_RESALTADO = "PMR-resaltado";
/** Relleno por severidad (los rellenos claros de Excel: rojo, ámbar, azul). */
export const COLORES_RESALTADO: Readonly<Record<Severidad, string>> = Object.freeze({
  error: "#FFC7CE",
  advertencia: "#FFEB9C",
  info: "#DDEBF7",
});
export const MAX_CARACTERES_BLOQUE = 2000;
export const MAX_AREAS_BLOQUE = 250;

const MAX_FILAS = 1_048_576;
const MAX_COLUMNAS = 16_384;

/** Fórmula (siempre VERDADERA) con la firma del complemento. */
export function formulaResaltado(severidad: Severidad): string {
  return `=N("${FIRMA_RESALTADO}:${severidad}")=0`;
}

const FORMULAS_DEL_COMPLEMENTO: ReadonlySet<string> = new Set(SEVERIDADES.map(formulaResaltado));

/**
 * ¿Es la fórmula de un formato condicional del complemento? Solo si es exactamente una de las
 * que escribe (`formulaResaltado`): un formato del usuario cuya fórmula contenga la firma
 * («=Y(N("PMR-resaltado:error")=0;$C2>10)», o en minúsculas) no es del complemento y nunca se
 * borra.
 */
export function esFormulaDelComplemento(formula: unknown): boolean {
  return typeof formula === "string" && FORMULAS_DEL_COMPLEMENTO.has(formula);
}

// ---------------------------------------------------------------------------------------------
// Plan: qué direcciones se resaltan en cada hoja y con qué severidad.

interface Rect {
  fila: number; // 1-based, como las ve el usuario
  columna: number; // 0-based
  filaFin: number;
  columnaFin: number;
}

function columnaDeLetras(letras: string): number {
  let n = 0;
  for (const c of letras) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}

function letrasDeColumna(indice: number): string {
  let n = indice + 1;
  let letras = "";
  while (n > 0) {
    const resto = (n - 1) % 26;
    letras = String.fromCharCode(65 + resto) + letras;
    n = Math.floor((n - 1) / 26);
  }
  return letras;
}

/** «B12», «$K$12:K15», «PMR!B3» → rectángulo; null si no es una celda o un rango de celdas. */
export function leerRectangulo(celda: string): Rect | null {
  let texto = String(celda ?? "").trim();
  const excl = texto.lastIndexOf("!");
  if (excl >= 0) texto = texto.slice(excl + 1);
  texto = texto.replace(/\$/g, "").toUpperCase();
  const m = /^([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?$/.exec(texto);
  if (!m) return null;
  const c1 = columnaDeLetras(m[1]);
  const f1 = Number(m[2]);
  const c2 = m[3] ? columnaDeLetras(m[3]) : c1;
  const f2 = m[4] ? Number(m[4]) : f1;
  const r: Rect = {
    fila: Math.min(f1, f2),
    filaFin: Math.max(f1, f2),
    columna: Math.min(c1, c2),
    columnaFin: Math.max(c1, c2),
  };
  if (r.fila < 1 || r.filaFin > MAX_FILAS || r.columnaFin >= MAX_COLUMNAS) return null;
  return r;
}

function textoRect(r: Rect): string {
  const ini = `${letrasDeColumna(r.columna)}${r.fila}`;
  const fin = `${letrasDeColumna(r.columnaFin)}${r.filaFin}`;
  return ini === fin ? ini : `${ini}:${fin}`;
}

/** Junta los rectángulos de las mismas columnas cuyas filas se tocan o se solapan. */
function compactar(rects: Rect[]): Rect[] {
  const ordenados = [...rects].sort(
    (a, b) => a.columna - b.columna || a.columnaFin - b.columnaFin || a.fila - b.fila || a.filaFin - b.filaFin,
  );
  const salida: Rect[] = [];
  for (const r of ordenados) {
    const ultimo = salida[salida.length - 1];
    if (ultimo && ultimo.columna === r.columna && ultimo.columnaFin === r.columnaFin && r.fila <= ultimo.filaFin + 1) {
      ultimo.filaFin = Math.max(ultimo.filaFin, r.filaFin);
    } else {
      salida.push({ ...r });
    }
  }
  return salida;
}

/** Divide una lista de direcciones en bloques que `getRanges` acepta sin truncar. */
function enBloques(direcciones: string[]): string[] {
  const bloques: string[] = [];
  let actual: string[] = [];
  let largo = 0;
  for (const d of direcciones) {
    const extra = actual.length === 0 ? d.length : d.length + 1;
    if (actual.length > 0 && (largo + extra > MAX_CARACTERES_BLOQUE || actual.length >= MAX_AREAS_BLOQUE)) {
      bloques.push(actual.join(","));
      actual = [];
      largo = 0;
    }
    largo += actual.length === 0 ? d.length : d.length + 1;
    actual.push(d);
  }
  if (actual.length > 0) bloques.push(actual.join(","));
  return bloques;
}

export interface ResaltadoHoja {
  hoja: string;
  severidad: Severidad;
  /** Listas de direcciones separadas por comas, cada una aceptable por `getRanges`. */
  bloques: string[];
}

const RANGO_SEVERIDAD: Record<Severidad, number> = { error: 3, advertencia: 2, info: 1 };

/**
 * Qué se resalta: por hoja y severidad, las direcciones de los hallazgos (sin repetir; una
 * dirección con hallazgos de varias severidades queda con la más grave), compactadas y en
 * bloques. Los hallazgos sin hoja o con una celda que no es una dirección se omiten.
 */
export function planificarResaltado(hallazgos: readonly Hallazgo[]): ResaltadoHoja[] {
  const porHoja = new Map<string, { hoja: string; celdas: Map<string, { rect: Rect; severidad: Severidad }> }>();
  for (const h of hallazgos) {
    // El nombre tal como lo dio el lector: «PMR » y « PMR» son hojas de Excel distintas de «PMR».
    const hoja = String(h.hoja ?? "");
    if (!hoja.trim()) continue;
    const rect = leerRectangulo(h.celda);
    if (!rect) continue;
    const severidad: Severidad = (SEVERIDADES as readonly string[]).includes(h.severidad) ? h.severidad : "info";
    const clave = hoja.toLocaleLowerCase("es");
    let grupo = porHoja.get(clave);
    if (!grupo) {
      grupo = { hoja, celdas: new Map() };
      porHoja.set(clave, grupo);
    }
    const texto = textoRect(rect);
    const previo = grupo.celdas.get(texto);
    if (!previo || RANGO_SEVERIDAD[severidad] > RANGO_SEVERIDAD[previo.severidad]) {
      grupo.celdas.set(texto, { rect, severidad });
    }
  }
  const plan: ResaltadoHoja[] = [];
  for (const { hoja, celdas } of porHoja.values()) {
    // De menor a mayor gravedad: cada formato nuevo entra con la prioridad más alta.
    for (const severidad of ["info", "advertencia", "error"] as const) {
      const rects = [...celdas.values()].filter((c) => c.severidad === severidad).map((c) => c.rect);
      if (rects.length === 0) continue;
      plan.push({ hoja, severidad, bloques: enBloques(compactar(rects).map(textoRect)) });
    }
  }
  return plan;
}

// ---------------------------------------------------------------------------------------------
// Lista guardada en el documento.

export interface RegistroResaltado {
  version: 1;
  hojas: { hoja: string; severidad: Severidad; bloques: string[] }[];
}

/** Por encima de este tamaño se guardan solo las hojas (la firma basta para encontrar los formatos). */
const MAX_CARACTERES_REGISTRO = 500_000;

export function leerRegistroResaltado(
  ajustes: AjustesDocumento | null = ajustesDelDocumento(),
): RegistroResaltado | null {
  try {
    const crudo: unknown = ajustes?.get(CLAVE_RESALTADO);
    if (crudo === null || crudo === undefined) return null;
    const datos = (typeof crudo === "string" ? JSON.parse(crudo) : crudo) as Partial<RegistroResaltado>;
    if (!datos || datos.version !== 1 || !Array.isArray(datos.hojas)) return null;
    const hojas = datos.hojas
      .filter((h) => h && typeof h.hoja === "string" && (SEVERIDADES as readonly string[]).includes(h.severidad))
      .map((h) => ({
        hoja: h.hoja,
        severidad: h.severidad,
        bloques: Array.isArray(h.bloques) ? h.bloques.filter((b) => typeof b === "string") : [],
      }));
    return { version: 1, hojas };
  } catch {
    return null;
  }
}

/** ¿Hay resaltado según la lista guardada en el libro? (no habla con Excel). */
export function hayResaltadoGuardado(ajustes: AjustesDocumento | null = ajustesDelDocumento()): boolean {
  return (leerRegistroResaltado(ajustes)?.hojas.length ?? 0) > 0;
}

async function escribirRegistro(ajustes: AjustesDocumento | null, plan: ResaltadoHoja[]): Promise<void> {
  if (!ajustes) return;
  try {
    if (plan.length === 0) {
      ajustes.remove(CLAVE_RESALTADO);
    } else {
      let texto = JSON.stringify({ version: 1, hojas: plan } satisfies RegistroResaltado);
      if (texto.length > MAX_CARACTERES_REGISTRO) {
        texto = JSON.stringify({
          version: 1,
          hojas: plan.map((p) => ({ hoja: p.hoja, severidad: p.severidad, bloques: [] })),
        } satisfies RegistroResaltado);
      }
      ajustes.set(CLAVE_RESALTADO, texto);
    }
    await guardarAjustes(ajustes);
  } catch {
    // El resaltado ya está hecho; sin la lista, «Quitar resaltado» lo encuentra por la firma.
  }
}

// ---------------------------------------------------------------------------------------------
// Operaciones sobre Excel.

type Escaneo = Map<string, Excel.ConditionalFormatCollection>;

/** Encola la lectura de los formatos condicionales de cada hoja (solo lo necesario para la firma). */
function encolarEscaneo(context: Excel.RequestContext, hojas: readonly string[]): Escaneo {
  const escaneo: Escaneo = new Map();
  for (const nombre of hojas) {
    const formatos = context.workbook.worksheets.getItem(nombre).getRange().conditionalFormats;
    formatos.load("items/type,items/customOrNullObject/rule/formula");
    escaneo.set(nombre, formatos);
  }
  return escaneo;
}

/** Encola el borrado de los formatos condicionales del complemento; devuelve cuántos. */
function encolarBorrado(escaneo: Escaneo): number {
  let borrados = 0;
  for (const formatos of escaneo.values()) {
    for (const formato of formatos.items) {
      if (String(formato.type) !== "Custom") continue;
      if (esFormulaDelComplemento(formato.customOrNullObject.rule.formula)) {
        formato.delete();
        borrados++;
      }
    }
  }
  return borrados;
}

function encolarResaltado(context: Excel.RequestContext, plan: readonly ResaltadoHoja[]): number {
  let formatos = 0;
  for (const parte of plan) {
    const hoja = context.workbook.worksheets.getItem(parte.hoja);
    for (const bloque of parte.bloques) {
      const formato = hoja.getRanges(bloque).conditionalFormats.add("Custom");
      formato.custom.rule.formula = formulaResaltado(parte.severidad);
      formato.custom.format.fill.color = COLORES_RESALTADO[parte.severidad];
      formatos++;
    }
  }
  return formatos;
}

/** Barrido completo: nombres de todas las hojas (1 viaje) y sus formatos condicionales (1 viaje). */
async function escanearTodo(
  context: Excel.RequestContext,
  contador: ContadorSyncs,
): Promise<{ escaneo: Escaneo; nombres: string[] }> {
  const hojas = context.workbook.worksheets;
  hojas.load("items/name");
  await sincronizar(context, contador);
  const nombres = hojas.items.map((h) => h.name);
  const escaneo = encolarEscaneo(context, nombres);
  await sincronizar(context, contador);
  return { escaneo, nombres };
}

function unicas(nombres: readonly string[]): string[] {
  const vistas = new Map<string, string>();
  for (const n of nombres) {
    const clave = n.toLocaleLowerCase("es");
    if (!vistas.has(clave)) vistas.set(clave, n);
  }
  return [...vistas.values()];
}

/**
 * El plan, solo en las hojas que existen, con el nombre tal como está en el libro (Excel no
 * distingue mayúsculas en los nombres de hoja, pero sí los espacios). Las hojas del plan que no
 * están van en `faltan`.
 */
function planEnHojas(
  plan: readonly ResaltadoHoja[],
  nombres: readonly string[],
): { plan: ResaltadoHoja[]; faltan: string[] } {
  const reales = new Map(nombres.map((n) => [n.toLocaleLowerCase("es"), n]));
  const faltan = new Set<string>();
  const enHojas = plan.flatMap((p) => {
    const real = reales.get(p.hoja.toLocaleLowerCase("es"));
    if (real === undefined) faltan.add(p.hoja);
    return real === undefined ? [] : [{ ...p, hoja: real }];
  });
  return { plan: enHojas, faltan: [...faltan] };
}

export interface MedidaResaltado {
  syncs: number;
  /** Formatos condicionales agregados. */
  formatos: number;
  /** Formatos condicionales del complemento que se borraron (resaltado anterior). */
  borrados: number;
  /** Lo que quedó resaltado (por hoja y severidad). */
  plan: ResaltadoHoja[];
  /**
   * Hojas que estaban al leer el libro (`hojasDelLibro`) y ya no están al resaltar (se
   * renombraron o se borraron mientras tanto): sus hallazgos no se resaltaron.
   */
  hojasSinResaltar: string[];
}

/**
 * Resalta y devuelve la medida. `hojasDelLibro`: los nombres de todas las hojas si ya se
 * conocen (tras una lectura): entonces se barre el libro entero sin un viaje extra y solo se
 * resalta en hojas que existen.
 */
export async function resaltarConMedida(
  hallazgos: readonly Hallazgo[],
  ejecutar: Ejecutar = ejecutarExcel,
  hojasDelLibro?: readonly string[],
): Promise<MedidaResaltado> {
  const ajustes = ajustesDelDocumento();
  let plan = planificarResaltado(hallazgos);
  // Las hojas que no estaban al leer (p. ej. la del hallazgo «falta la hoja PMR») no se resaltan.
  if (hojasDelLibro) plan = planEnHojas(plan, hojasDelLibro).plan;
  const anterior = leerRegistroResaltado(ajustes);
  const candidatas = hojasDelLibro
    ? unicas(hojasDelLibro)
    : unicas([...plan.map((p) => p.hoja), ...(anterior?.hojas.map((h) => h.hoja) ?? [])]);

  let medida: MedidaResaltado;
  try {
    medida = await ejecutar(async (context) => {
      const contador: ContadorSyncs = { syncs: 0 };
      if (candidatas.length === 0) return { syncs: 0, formatos: 0, borrados: 0, plan, hojasSinResaltar: [] };
      let escaneo: Escaneo;
      let aplicar = plan;
      let sinResaltar: string[] = [];
      try {
        escaneo = encolarEscaneo(context, candidatas);
        await sincronizar(context, contador);
      } catch (error) {
        if (codigoError(error) !== "ItemNotFound") throw error;
        // Una hoja se borró o se renombró desde la última vez: barrer el libro entero.
        const todo = await escanearTodo(context, contador);
        escaneo = todo.escaneo;
        const enHojas = planEnHojas(plan, todo.nombres);
        aplicar = enHojas.plan;
        // Solo se sabe que una hoja «desapareció» si se conocían las del libro al leerlo.
        if (hojasDelLibro) sinResaltar = enHojas.faltan;
      }
      const borrados = encolarBorrado(escaneo);
      const formatos = encolarResaltado(context, aplicar);
      if (borrados + formatos > 0) await sincronizar(context, contador);
      return { syncs: contador.syncs, formatos, borrados, plan: aplicar, hojasSinResaltar: sinResaltar };
    });
  } catch (error) {
    throw new Error(MENSAJES_EXCEL.resaltadoFallido(detalleError(error)));
  }
  await escribirRegistro(ajustes, medida.plan);
  return medida;
}

/**
 * Resalta las celdas de los hallazgos (color por severidad) en 2 viajes a Excel, después de
 * quitar el resaltado anterior. No cambia ningún valor ni el formato propio de ninguna celda.
 */
export async function resaltarHallazgos(hallazgos: Hallazgo[], ejecutar: Ejecutar = ejecutarExcel): Promise<void> {
  await resaltarConMedida(hallazgos, ejecutar);
}

/** Quita el resaltado y devuelve la medida (viajes y formatos borrados). */
export async function quitarResaltadoConMedida(
  ejecutar: Ejecutar = ejecutarExcel,
): Promise<{ syncs: number; borrados: number }> {
  const ajustes = ajustesDelDocumento();
  let medida: { syncs: number; borrados: number };
  try {
    medida = await ejecutar(async (context) => {
      const contador: ContadorSyncs = { syncs: 0 };
      const { escaneo } = await escanearTodo(context, contador);
      const borrados = encolarBorrado(escaneo);
      if (borrados > 0) await sincronizar(context, contador);
      return { syncs: contador.syncs, borrados };
    });
  } catch (error) {
    throw new Error(MENSAJES_EXCEL.quitarResaltadoFallido(detalleError(error)));
  }
  await escribirRegistro(ajustes, []);
  return medida;
}

/**
 * Quita todo el resaltado del complemento (lo encuentra por su firma en todas las hojas, haya o
 * no lista guardada) y deja cada celda como se ve sin él.
 */
export async function quitarResaltado(ejecutar: Ejecutar = ejecutarExcel): Promise<void> {
  await quitarResaltadoConMedida(ejecutar);
}
