/**
 * Lectura de las celdas de datos de una hoja, con los problemas que encuentra. Usa siempre las
 * funciones de src/domain/valores.ts (leerNumero, leerTexto, leerTendencia, …); aquí solo hay
 * atajos para los casos triviales (un número finito es ese número; una celda vacía es vacío) y
 * memorias de los textos repetidos, para que 10 000 filas se lean sin normalizar lo mismo mil veces.
 */
// Importados de cada módulo y no del índice de domain: el índice reexporta con getters, y este
// código los llama cientos de miles de veces por libro.
import { direccionA1 } from "../domain/direcciones";
import { conMemoria } from "../domain/memoria";
import type { ProblemaLectura } from "../domain/modelo";
import {
  esErrorExcel,
  esVacio,
  fraccionDePonderacion,
  leerNumero,
  leerTexto,
  normalizarTexto,
  type LecturaNumero,
} from "../domain/valores";
import type { HojaAnalizada } from "./encabezado";
import { esFormatoFecha, fechaDeSerial } from "./formatoFecha";
import { esValorIlegible } from "./grilla";
import { MENSAJES, mostrar } from "./mensajes";

/**
 * Los textos que significan «vacío» (§4: «-», «N/A», «No aplica»…) son cortos y no tienen cifras;
 * solo esos se preguntan a esVacio (así los códigos «I-0123» y los nombres no se normalizan).
 */
const LARGO_MAXIMO_VACIO = 16;
/** Los textos numéricos se memorizan hasta este largo. */
const LARGO_MAXIMO_NUMERO = 32;
/** Un texto ilegible enorme se recorta en el problema (la celda completa está en el libro). */
const LARGO_MAXIMO_TEXTO_PROBLEMA = 100;
const ILEGIBLE_DESCONOCIDO: LecturaNumero = { tipo: "ilegible", texto: "(valor no reconocido)" };

function leerPorcentaje(t: string): LecturaNumero {
  return leerNumero(t, true);
}

const TOTAL = /^(?:sub ?|gran |suma )?total(?:es)?\b/;

/** Lector de las celdas de una hoja; acumula los problemas en `lectura`. */
export class LectorCeldas {
  // Cada texto distinto se lee una vez por hoja.
  private readonly vacio = conMemoria(esVacio);
  private readonly leerNumero = conMemoria((t) => leerNumero(t));
  private readonly leerPorcentaje = conMemoria(leerPorcentaje);
  private readonly esFormatoFecha = conMemoria(esFormatoFecha);
  private readonly formatos: readonly unknown[] | null;

  constructor(
    private readonly hoja: HojaAnalizada,
    private readonly lectura: ProblemaLectura[],
    formatos: unknown,
    /** El libro usa el sistema de fechas 1904 (solo para mostrar la fecha en el problema). */
    private readonly fecha1904 = false,
  ) {
    this.formatos = Array.isArray(formatos) ? formatos : null;
  }

  /** Fila de la hoja (1-based) de la fila r de la grilla. */
  filaHoja(r: number): number {
    return this.hoja.fila0 + r + 1;
  }

  /** Columna de la hoja (0-based) de la columna c de la grilla. */
  columnaHoja(c: number): number {
    return this.hoja.col0 + c;
  }

  /** ¿Es la celda vacía: nada, espacios, «-», «N/A», «No aplica»…? */
  vacia(v: unknown): boolean {
    if (v === null || v === undefined || v === "") return true;
    if (typeof v !== "string") return false;
    const t = v.trim();
    return t === "" || this.textoVacio(t);
  }

  private textoVacio(t: string): boolean {
    if (t.length > LARGO_MAXIMO_VACIO) return false;
    for (let i = 0; i < t.length; i++) {
      const k = t.charCodeAt(i);
      if (k >= 48 && k <= 57) return false;
    }
    return this.vacio(t);
  }

  /** Texto de una celda (números como texto); null si está vacía o tiene un error de Excel. */
  texto(v: unknown, r: number, c: number, clave: string): string | null {
    if (typeof v === "object" && esValorIlegible(v)) {
      this.ilegible(v.ilegible, r, c, clave);
      return null;
    }
    const t = leerTexto(v);
    if (t === null || typeof v !== "string") return t;
    if (t.charCodeAt(0) === 35 /* # */ && esErrorExcel(t)) {
      this.errorCelda(t.toUpperCase(), r, c, clave);
      return null;
    }
    return this.textoVacio(t) ? null : t;
  }

  /** Número de una celda; null si está vacía, es ilegible o tiene un error (los dos últimos, con problema). */
  numero(v: unknown, r: number, c: number, clave: string): number | null {
    if (typeof v === "number" && Number.isFinite(v)) {
      // Una fecha escrita donde va una cifra: se avisa, y la cifra es el número tal cual.
      if (this.formatos !== null && this.conFormatoFecha(r, c)) this.fecha(v, r, c, clave);
      return v;
    }
    if (v === null || v === undefined || v === "") return null;
    if (typeof v === "object" && esValorIlegible(v)) {
      this.ilegible(v.ilegible, r, c, clave);
      return null;
    }
    const l = this.leer(v, false);
    return l === null ? null : this.valorDe(l, v, r, c, clave);
  }

  /** Ponderación como fracción: 50 %, 0,5 y 50 → 0.5 (el formato de porcentaje de la celda cuenta). */
  ponderacion(v: unknown, r: number, c: number, clave: string): number | null {
    const p = this.ponderacionEscrita(v, r, c, clave);
    return p === null ? null : fraccionDePonderacion(p.valor, p.porcentaje);
  }

  /** La ponderación como está escrita: el número y si es un porcentaje («15%», formato de porcentaje). */
  ponderacionEscrita(v: unknown, r: number, c: number, clave: string): { valor: number; porcentaje: boolean } | null {
    const porcentaje = this.formatoPorcentaje(r, c);
    if (typeof v === "number" && Number.isFinite(v)) return { valor: v, porcentaje };
    if (v === null || v === undefined || v === "") return null;
    if (typeof v === "object" && esValorIlegible(v)) {
      this.ilegible(v.ilegible, r, c, clave);
      return null;
    }
    const l = this.leer(v, porcentaje);
    if (l === null) return null;
    const n = this.valorDe(l, v, r, c, clave);
    return n === null || l.tipo !== "numero" ? null : { valor: n, porcentaje: l.porcentaje };
  }

  /**
   * ¿Es una fila de totales? Alguna celda de texto empieza por «Total», «Subtotal» o
   * «Gran total». Solo se pregunta cuando las columnas que identifican la fila están vacías.
   */
  esFilaDeTotal(fila: readonly unknown[]): boolean {
    const n = Math.min(fila.length, 16_384);
    for (let c = 0; c < n; c++) {
      const v = fila[c];
      if (typeof v === "string" && v.length <= 200 && TOTAL.test(normalizarTexto(v))) return true;
    }
    return false;
  }

  private leer(v: unknown, porcentaje: boolean): LecturaNumero | null {
    let l: LecturaNumero;
    if (typeof v === "string" && v.length <= LARGO_MAXIMO_NUMERO) {
      // Los mismos textos («0,5», «-», «N/A», «100%») se repiten en miles de celdas.
      l = porcentaje ? this.leerPorcentaje(v) : this.leerNumero(v);
    } else {
      try {
        l = leerNumero(v, porcentaje);
      } catch {
        l = ILEGIBLE_DESCONOCIDO;
      }
    }
    return l.tipo === "vacio" ? null : l;
  }

  private valorDe(l: LecturaNumero, v: unknown, r: number, c: number, clave: string): number | null {
    switch (l.tipo) {
      case "numero":
        if (Number.isFinite(l.valor)) return l.valor;
        this.ilegible(typeof v === "string" ? v : String(l.valor), r, c, clave);
        return null;
      case "error-excel":
        this.errorCelda(l.error, r, c, clave);
        return null;
      case "ilegible":
        this.ilegible(l.texto, r, c, clave);
        return null;
      default:
        return null;
    }
  }

  private formatoPorcentaje(r: number, c: number): boolean {
    if (this.formatos === null) return false;
    const fila = this.formatos[r];
    if (!Array.isArray(fila)) return false;
    const f: unknown = fila[c];
    return typeof f === "string" && f.includes("%");
  }

  private conFormatoFecha(r: number, c: number): boolean {
    const fila = (this.formatos as readonly unknown[])[r];
    if (!Array.isArray(fila)) return false;
    const f: unknown = fila[c];
    if (typeof f !== "string" || f === "General") return false;
    return this.esFormatoFecha(f);
  }

  private fecha(v: number, r: number, c: number, clave: string): void {
    this.lectura.push({
      tipo: "fecha-en-numero",
      hoja: this.hoja.nombre,
      celda: this.celda(r, c),
      campo: clave,
      detalle: MENSAJES.fechaEnNumero(fechaDeSerial(v, this.fecha1904), v),
    });
  }

  private celda(r: number, c: number): string {
    return direccionA1(this.filaHoja(r), this.columnaHoja(c));
  }

  private errorCelda(error: string, r: number, c: number, clave: string): void {
    const celda = this.celda(r, c);
    this.lectura.push({
      tipo: "error-celda",
      hoja: this.hoja.nombre,
      celda,
      campo: clave,
      detalle: error,
    });
  }

  private ilegible(texto: string, r: number, c: number, clave: string): void {
    this.lectura.push({
      tipo: "valor-ilegible",
      hoja: this.hoja.nombre,
      celda: this.celda(r, c),
      campo: clave,
      detalle: mostrar(texto, LARGO_MAXIMO_TEXTO_PROBLEMA),
    });
  }
}
