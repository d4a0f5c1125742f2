/**
 * Lectura de valores de celda según PMR-SPEC §4. La usan el lector de libros y las funciones
 * =PMR.*, para que un texto «0,10» o «15%» se lea igual en una celda y en la validación.
 */
import { PERIODICIDADES, TENDENCIAS, type Periodicidad, type Tendencia } from "./catalogos";

/** Texto sin tildes, en minúsculas, con espacios simples y sin espacios en los extremos. */
export function normalizarTexto(texto: string): string {
  return texto
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

/** Textos que significan «vacío» (nunca cero). Ya normalizados. */
const VACIOS = new Set([
  "",
  "-",
  "--",
  "—",
  "–",
  "n/a",
  "na",
  "n.a.",
  "n.a",
  "no aplica",
  "ninguno",
  "sin dato",
  "s/d",
  "nd",
  "n/d",
]);

/** Valores de error de Excel tal como los devuelven Office.js y ExcelJS. */
const ERROR_EXCEL =
  /^#(?:REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|BUSY!|FIELD!|CONNECT!|BLOCKED!|UNKNOWN!|EXTERNAL!|PYTHON!)$/i;

export function esErrorExcel(v: unknown): boolean {
  return typeof v === "string" && ERROR_EXCEL.test(v.trim());
}

export function esVacio(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === "string") return VACIOS.has(normalizarTexto(v));
  return false;
}

export type LecturaNumero =
  | { tipo: "vacio" }
  | { tipo: "numero"; valor: number; porcentaje: boolean }
  | { tipo: "error-excel"; error: string }
  | { tipo: "ilegible"; texto: string };

const VACIO: LecturaNumero = { tipo: "vacio" };

/**
 * Convierte el texto de un número escrito a mano en número. Acepta coma decimal («0,10»),
 * puntos de miles («1.234,5», «1.234.567»), el formato inglés («1,234.5»), signo, «$» y espacios.
 * Devuelve null si no es un número.
 */
/** ¿Solo dígitos ASCII, entre 1 y 15 (Number los lee exactos)? */
function soloCifras(texto: string): boolean {
  if (texto.length === 0 || texto.length > 15) return false;
  for (let i = 0; i < texto.length; i++) {
    const c = texto.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export function numeroDeTexto(texto: string): number | null {
  // Camino rápido para el caso más común: solo cifras («300», «2025»).
  if (soloCifras(texto)) return Number(texto);
  let s = texto.replace(/[\s\u00a0$]/g, "");
  if (s === "") return null;
  let signo = 1;
  if (/^\(.*\)$/.test(s)) {
    signo = -1;
    s = s.slice(1, -1);
  }
  if (s.startsWith("-") || s.startsWith("+")) {
    if (s[0] === "-") signo *= -1;
    s = s.slice(1);
  }
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) {
    // Notación científica simple (1E+3, 1,5e-2).
    const cientifica = /^(\d+(?:[.,]\d+)?)e([+-]?\d+)$/i.exec(s);
    if (!cientifica) return null;
    // «1e309» daría infinito y «0e400», NaN (0 × ∞): no son cifras que Excel pueda guardar, así
    // que son textos ilegibles, en el lector del libro y en las funciones =PMR.* por igual.
    const n = signo * Number(cientifica[1].replace(",", ".")) * 10 ** Number(cientifica[2]);
    return Number.isFinite(n) ? n : null;
  }
  const comas = (s.match(/,/g) ?? []).length;
  const puntos = (s.match(/\./g) ?? []).length;
  let normal: string;
  if (comas > 0 && puntos > 0) {
    // El separador que aparece último es el decimal.
    if (s.lastIndexOf(",") > s.lastIndexOf(".")) {
      if (comas > 1 || !/^\d{1,3}(\.\d{3})+,\d*$/.test(s)) return null;
      normal = s.replace(/\./g, "").replace(",", ".");
    } else {
      if (puntos > 1 || !/^\d{1,3}(,\d{3})+\.\d*$/.test(s)) return null;
      normal = s.replace(/,/g, "");
    }
  } else if (comas > 0) {
    if (comas === 1) normal = s.replace(",", ".");
    else if (/^\d{1,3}(,\d{3})+$/.test(s)) normal = s.replace(/,/g, "");
    else return null;
  } else if (puntos > 1) {
    if (!/^\d{1,3}(\.\d{3})+$/.test(s)) return null;
    normal = s.replace(/\./g, "");
  } else if (puntos === 1 && /^[1-9]\d{0,2}\.\d{3}$/.test(s)) {
    // «1.234»: en Colombia el punto con tres cifras detrás es separador de miles.
    normal = s.replace(".", "");
  } else {
    normal = s;
  }
  if (normal.startsWith(".")) normal = "0" + normal;
  if (normal.endsWith(".")) normal = normal.slice(0, -1);
  const n = Number(normal);
  return Number.isFinite(n) ? signo * n : null;
}

/**
 * Lee una celda como número según §4: números tal cual; textos con coma decimal, puntos de
 * miles o «%»; vacío, «-», «N/A», «No aplica» → vacío (nunca 0); errores de Excel aparte.
 * `formatoPorcentaje` indica que el formato de número de la celda es de porcentaje.
 */
export function leerNumero(v: unknown, formatoPorcentaje = false): LecturaNumero {
  if (v === null || v === undefined) return VACIO;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { tipo: "ilegible", texto: String(v) };
    return { tipo: "numero", valor: v, porcentaje: formatoPorcentaje };
  }
  if (typeof v === "boolean") return { tipo: "ilegible", texto: v ? "VERDADERO" : "FALSO" };
  if (v instanceof Date) return { tipo: "ilegible", texto: v.toISOString().slice(0, 10) };
  if (typeof v !== "string") return { tipo: "ilegible", texto: String(v) };
  const t = v.trim();
  if (esVacio(t)) return VACIO;
  if (esErrorExcel(t)) return { tipo: "error-excel", error: t.toUpperCase() };
  if (t.endsWith("%")) {
    const n = numeroDeTexto(t.slice(0, -1));
    if (n === null) return { tipo: "ilegible", texto: t };
    return { tipo: "numero", valor: n / 100, porcentaje: true };
  }
  const n = numeroDeTexto(t);
  if (n === null) return { tipo: "ilegible", texto: t };
  return { tipo: "numero", valor: n, porcentaje: false };
}

/** Número o null (vacío, ilegible o error). Para quien solo necesita el valor. */
export function numeroONulo(v: unknown): number | null {
  const l = leerNumero(v);
  return l.tipo === "numero" ? l.valor : null;
}

/** Texto de celda o null si está vacía (los números se convierten a texto). */
export function leerTexto(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") {
    const t = v.trim();
    return t === "" ? null : t;
  }
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return null;
}

/**
 * Ponderación como fracción: 50 %, «50%», 0,5 y 50 se leen 0.5. Un número mayor que 1 sin
 * signo de porcentaje se entiende como puntos porcentuales.
 */
export function fraccionDePonderacion(valor: number, porcentaje: boolean): number {
  if (porcentaje) return valor;
  return valor > 1 ? valor / 100 : valor;
}

/**
 * Tendencia de un texto, sin importar mayúsculas, tildes ni espacios: Suma, Creciente, Constante
 * o Decreciente. null si no está en el catálogo (p. ej. «Sumatoria»): el libro y las funciones
 * =PMR.* aceptan exactamente lo mismo.
 */
export function leerTendencia(v: unknown): Tendencia | null {
  if (typeof v !== "string") return null;
  const n = normalizarTexto(v).toUpperCase();
  return (TENDENCIAS as readonly string[]).includes(n) ? (n as Tendencia) : null;
}

/** Periodicidad de un texto; null si no está en el catálogo. */
export function leerPeriodicidad(v: unknown): Periodicidad | null {
  if (typeof v !== "string") return null;
  const n = normalizarTexto(v).toUpperCase();
  return (PERIODICIDADES as readonly string[]).includes(n) ? (n as Periodicidad) : null;
}

/** Meses (1–12) en que reporta una periodicidad. */
export function mesesDeReporte(p: Periodicidad): readonly number[] {
  switch (p) {
    case "MENSUAL":
      return [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    case "BIMESTRAL":
      return [2, 4, 6, 8, 10, 12];
    case "TRIMESTRAL":
      return [3, 6, 9, 12];
    case "SEMESTRAL":
      return [6, 12];
    case "ANUAL":
      return [12];
  }
}

/** Las 20 localidades de Bogotá, por número (índice 1–20). */
export const LOCALIDADES = [
  "Distrital",
  "Usaquén",
  "Chapinero",
  "Santa Fe",
  "San Cristóbal",
  "Usme",
  "Tunjuelito",
  "Bosa",
  "Kennedy",
  "Fontibón",
  "Engativá",
  "Suba",
  "Barrios Unidos",
  "Teusaquillo",
  "Los Mártires",
  "Antonio Nariño",
  "Puente Aranda",
  "La Candelaria",
  "Rafael Uribe Uribe",
  "Ciudad Bolívar",
  "Sumapaz",
] as const;

const LOCALIDAD_POR_NOMBRE = new Map<string, number>();
LOCALIDADES.forEach((nombre, i) => LOCALIDAD_POR_NOMBRE.set(normalizarTexto(nombre), i));
LOCALIDAD_POR_NOMBRE.set("martires", 14);
LOCALIDAD_POR_NOMBRE.set("candelaria", 17);
LOCALIDAD_POR_NOMBRE.set("rafael uribe", 18);
LOCALIDAD_POR_NOMBRE.set("santafe", 3);
LOCALIDAD_POR_NOMBRE.set("distrito", 0);

/**
 * Localidad por número (1–20), por nombre (sin importar tildes) o «N - Nombre»/«N. Nombre»;
 * 0 = Distrital; null si no se reconoce.
 */
export function leerLocalidad(v: unknown): number | null {
  if (typeof v === "number") return Number.isInteger(v) && v >= 1 && v <= 20 ? v : null;
  if (typeof v !== "string") return null;
  const n = normalizarTexto(v);
  if (/^\d{1,2}$/.test(n)) {
    const k = Number(n);
    return k >= 1 && k <= 20 ? k : null;
  }
  const prefijo = /^(\d{1,2})\s*[-.:)]?\s*(.+)$/.exec(n);
  if (prefijo) {
    const k = Number(prefijo[1]);
    const porNombre = LOCALIDAD_POR_NOMBRE.get(prefijo[2].trim());
    if (k >= 1 && k <= 20 && (porNombre === undefined || porNombre === k)) return k;
    return null;
  }
  return LOCALIDAD_POR_NOMBRE.get(n.replace(/^localidad (de )?/, "")) ?? null;
}
