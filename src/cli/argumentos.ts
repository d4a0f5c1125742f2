/**
 * Argumentos de `pmr` (PMR-SPEC §5). Se leen a mano para que cada error tenga un mensaje en
 * español de una línea. Formas admitidas: `--corte 9` y `--corte=9`; `--` termina las opciones.
 */
import { ERRORES, USO_GENERAL, USO_VALIDAR } from "./mensajes";

export type FormatoInforme = "texto" | "json";

export interface OpcionesValidar {
  libro: string;
  corte: number | null;
  vigencia: number | null;
  formato: FormatoInforme;
  config: string | null;
  indicadores: boolean;
  /** Listar también los hallazgos cerrados (justificados o descartados). */
  todos: boolean;
  /** Escribir los hallazgos con su decisión en este .xlsx nuevo (--exportar). */
  exportar: string | null;
}

export type Orden =
  | { tipo: "ayuda"; texto: string }
  | { tipo: "version" }
  | ({ tipo: "validar" } & OpcionesValidar)
  | { tipo: "sellar" | "comparar"; argumentos: readonly string[] }
  | { tipo: "plantilla" | "normalizar"; args: readonly string[] }
  | { tipo: "error"; mensaje: string };

const OPCIONES_CON_VALOR = {
  "--corte": "un mes entre 1 y 12",
  "--vigencia": "un año, p. ej. 2025",
  "--formato": "texto o json",
  "--config": "la ruta de un archivo .json",
  "--exportar": "la ruta del .xlsx nuevo",
} as const;
type OpcionConValor = keyof typeof OPCIONES_CON_VALOR;

const BANDERAS = new Set(["--indicadores", "--todos"]);
const AYUDA = new Set(["-h", "--help", "--ayuda"]);
const VERSION = new Set(["-v", "--version"]);

function esOpcionConValor(o: string): o is OpcionConValor {
  return Object.prototype.hasOwnProperty.call(OPCIONES_CON_VALOR, o);
}

/** Mes de corte 1–12, o null si el texto no lo es. */
export function leerCorte(v: string): number | null {
  const t = v.trim();
  if (!/^\d{1,2}$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 && n <= 12 ? n : null;
}

/** Vigencia AAAA (1900–2200, como la configuración), o null si el texto no lo es. */
export function leerVigencia(v: string): number | null {
  const t = v.trim();
  if (!/^\d{4}$/.test(t)) return null;
  const n = Number(t);
  return n >= 1900 && n <= 2200 ? n : null;
}

export function leerFormato(v: string): FormatoInforme | null {
  const t = v.trim().toLowerCase();
  return t === "texto" || t === "json" ? t : null;
}

/**
 * --corte, --vigencia y --formato como los leen todos los comandos que los aceptan (validar,
 * informe, anexo, consolidar): null si no se dieron; un error en español si no son válidos.
 */
export function leerCorteVigenciaFormato(valores: {
  "--corte"?: string;
  "--vigencia"?: string;
  "--formato"?: string;
}): { corte: number | null; vigencia: number | null; formato: FormatoInforme } | { error: string } {
  let corte: number | null = null;
  if (valores["--corte"] !== undefined) {
    corte = leerCorte(valores["--corte"]);
    if (corte === null) return { error: ERRORES.corteInvalido(valores["--corte"]) };
  }
  let vigencia: number | null = null;
  if (valores["--vigencia"] !== undefined) {
    vigencia = leerVigencia(valores["--vigencia"]);
    if (vigencia === null) return { error: ERRORES.vigenciaInvalida(valores["--vigencia"]) };
  }
  let formato: FormatoInforme = "texto";
  if (valores["--formato"] !== undefined) {
    const f = leerFormato(valores["--formato"]);
    if (f === null) return { error: ERRORES.formatoInvalido(valores["--formato"]) };
    formato = f;
  }
  return { corte, vigencia, formato };
}

export function leerArgumentos(argv: readonly string[]): Orden {
  if (argv.length === 0) return { tipo: "error", mensaje: ERRORES.sinComando() };
  const [comando, ...resto] = argv;
  if (AYUDA.has(comando)) return { tipo: "ayuda", texto: USO_GENERAL };
  if (VERSION.has(comando)) return { tipo: "version" };
  if (comando.startsWith("-"))
    return { tipo: "error", mensaje: ERRORES.opcionGeneralDesconocida(comando.split("=")[0]) };
  if (comando === "sellar" || comando === "comparar") return { tipo: comando, argumentos: resto };
  if (comando === "plantilla" || comando === "normalizar") return { tipo: comando, args: resto };
  if (comando !== "validar") return { tipo: "error", mensaje: ERRORES.comandoDesconocido(comando) };
  return leerValidar(resto);
}

function leerValidar(args: readonly string[]): Orden {
  // La ayuda gana a cualquier otro error, como en las herramientas de línea de comandos usuales.
  const fin = args.indexOf("--");
  const opciones = fin < 0 ? args : args.slice(0, fin);
  if (opciones.some((a) => AYUDA.has(a))) return { tipo: "ayuda", texto: USO_VALIDAR };

  const posicionales: string[] = [];
  const valores: Partial<Record<OpcionConValor, string>> = {};
  const banderas = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (i === fin) {
      posicionales.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith("-") || a === "-") {
      posicionales.push(a);
      continue;
    }
    const igual = a.indexOf("=");
    const nombre = a.startsWith("--") && igual > 0 ? a.slice(0, igual) : a;
    const enLinea = a.startsWith("--") && igual > 0 ? a.slice(igual + 1) : undefined;
    if (esOpcionConValor(nombre)) {
      let valor = enLinea;
      if (valor === undefined) {
        const siguiente = args[i + 1];
        if (siguiente === undefined || siguiente.startsWith("--") || i + 1 === fin) {
          return { tipo: "error", mensaje: ERRORES.opcionSinValor(nombre, OPCIONES_CON_VALOR[nombre]) };
        }
        valor = siguiente;
        i++;
      }
      if (valor.trim() === "")
        return { tipo: "error", mensaje: ERRORES.opcionSinValor(nombre, OPCIONES_CON_VALOR[nombre]) };
      valores[nombre] = valor;
      continue;
    }
    if (BANDERAS.has(nombre)) {
      if (enLinea !== undefined) return { tipo: "error", mensaje: ERRORES.opcionSinValorAdmitido(nombre) };
      banderas.add(nombre);
      continue;
    }
    return { tipo: "error", mensaje: ERRORES.opcionDesconocida(nombre) };
  }

  if (posicionales.length === 0) return { tipo: "error", mensaje: ERRORES.faltaLibro() };
  if (posicionales.length > 1) return { tipo: "error", mensaje: ERRORES.sobraArgumento(posicionales[1]) };

  const cvf = leerCorteVigenciaFormato(valores);
  if ("error" in cvf) return { tipo: "error", mensaje: cvf.error };
  const { corte, vigencia, formato } = cvf;
  return {
    tipo: "validar",
    libro: posicionales[0],
    corte,
    vigencia,
    formato,
    config: valores["--config"] ?? null,
    indicadores: banderas.has("--indicadores"),
    todos: banderas.has("--todos"),
    exportar: valores["--exportar"] ?? null,
  };
}
