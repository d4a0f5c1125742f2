/** Tipos del módulo del libro de ejemplo (JavaScript plano, para `npm run ejemplo` y las pruebas). */
import type { Workbook } from "exceljs";

export type Escritura = "numero" | "porcentaje" | "texto-coma" | "texto-porcentaje";

export interface IndicadorEjemplo {
  o: string;
  p: string | null;
  objetivo: string;
  producto: string | null;
  tipo: "Objetivo" | "Producto";
  codigo: string;
  nombre: string;
  unidad: string;
  /** Texto tal como se escribe en el libro (p. ej. «Suma», o «Sumatoria» con el problema). */
  tendencia: string;
  periodicidad: "Mensual" | "Bimestral" | "Trimestral" | "Semestral" | "Anual";
  peso: number | null;
  formatoPeso: "numero" | "texto" | "ninguno";
  lb: number | null;
  mp: number;
  mv: number;
  anterior: number | null;
  vigencia: number;
  prog: (number | null)[];
  ejec: (number | null)[];
  cualitativo: (string | null)[];
  obs: string | null;
  escritura: Escritura;
  acumuladoEnTexto: boolean;
  especiales: Record<string, unknown>;
}

export interface FilaPresupuestoEjemplo {
  codigoProducto: string;
  tipoRecurso: "Inversión" | "Funcionamiento";
  proyecto: string | null;
  apropiacion: number;
  compromisos: (number | null)[];
  giros: (number | null)[];
}

export interface FilaTerritorialEjemplo {
  codigoIndicador: string;
  localidad: string | number;
  metaVigencia: number;
  ejecutado: number;
}

export interface Problema {
  id: string;
  categoria: string;
  hoja: string;
  donde: Record<string, unknown>;
  descripcion: string;
}

export interface DatosEjemplo {
  entidad: string;
  vigencia: number;
  corte: number;
  objetivos: { codigo: string; nombre: string }[];
  productos: { codigo: string; nombre: string }[];
  indicadores: IndicadorEjemplo[];
  presupuesto: FilaPresupuestoEjemplo[];
  territorial: FilaTerritorialEjemplo[];
  problemas: Problema[];
}

export interface OpcionesLibro {
  /** true (todos, por defecto), false (ninguno) o lista de ids de PROBLEMAS. */
  problemas?: boolean | string[];
  encabezados?: "ejemplo" | "canonicos" | "sinonimos";
  mesesEnDosFilas?: boolean;
  tabla?: boolean;
  titulo?: boolean;
  presupuesto?: boolean;
  territorial?: boolean;
  instrucciones?: boolean;
}

export interface ColumnaPmr {
  clave: string;
  encabezado: string;
  grupo?: string | null;
}

export interface DisposicionPmr {
  columnas: ColumnaPmr[];
  filaEncabezado: number;
  primeraFila: number;
  indice: Map<string, number>;
}

export interface ProblemaDelLibro {
  id: string;
  categoria: string;
  hoja: string;
  celda: string;
  descripcion: string;
}

export const ENTIDAD: string;
export const VIGENCIA: number;
export const CORTE: number;
export const MESES_LARGOS: readonly string[];
export const REPORTE: Record<string, readonly number[]>;
export const PROBLEMAS: readonly Problema[];
export const IDS_PROBLEMAS: readonly string[];
export const OPCIONES_POR_DEFECTO: Required<OpcionesLibro>;

export function datosEjemplo(opciones?: { problemas?: boolean | string[] }): DatosEjemplo;
export function acumuladoSuma(serie: readonly (number | null)[], mes: number): number;
export function cifra(n: number): string;
export function columnasPmr(opciones: OpcionesLibro): ColumnaPmr[];
export function disposicionPmr(opciones?: OpcionesLibro): DisposicionPmr;
export function construirLibro(opciones?: OpcionesLibro): Workbook;
export function escribirLibro(ruta: string, opciones?: OpcionesLibro): Promise<void>;
export function libroEnMemoria(opciones?: OpcionesLibro): Promise<Buffer>;
export function problemasDelLibro(opciones?: OpcionesLibro): ProblemaDelLibro[];
export function letraColumna(indice: number): string;
