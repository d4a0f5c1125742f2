/**
 * Descripción de hojas que el complemento escribe (informe, anexo, plantilla, hojas normalizadas o
 * consolidadas, hallazgos exportados): datos puros, sin anfitrión. Un caso de uso arma la
 * descripción y un anfitrión la escribe: Office.js en el libro abierto (`src/hosts/excel/escritura.ts`)
 * o ExcelJS en un .xlsx nuevo (`src/hosts/xlsx/escrituraXlsx.ts`). La misma descripción da las
 * mismas tablas, validaciones y formatos de número en los dos.
 *
 * Reglas de la descripción:
 * - Un texto es SIEMPRE texto, aunque empiece por `=`, `+`, `-` o `@`. Una fórmula es un objeto
 *   `formula("=SUMA…")`, nunca un texto (ver `formula`).
 * - Direcciones A1 de la hoja que se describe («B3», «A1:F1»); los anchos van por columnas («A»,
 *   «B:D»). Sin nombres de hoja dentro de las direcciones.
 * - Colores #RRGGBB.
 */

/**
 * Una fórmula de Excel en notación inglesa (la de `range.formulas` y del archivo), con «=». Las
 * referencias estructuradas van completas (`Tabla[[#This Row],[Columna]]`): la forma abreviada
 * `[@Columna]` vale en Excel pero no dentro de un .xlsx.
 */
export interface Formula {
  readonly formula: string;
}

/** Valor de una celda: número, texto, booleano o vacía (null). */
export type ValorEscrito = number | string | boolean | null;

/** Lo que va en una celda: un valor o una fórmula explícita. */
export type Contenido = ValorEscrito | Formula;

/** Una fórmula explícita; «SUM(A1:A3)» y «=SUM(A1:A3)» son la misma. */
export function formula(texto: string): Formula {
  const t = texto.trim();
  return { formula: t.startsWith("=") ? t : `=${t}` };
}

export function esFormula(c: unknown): c is Formula {
  return typeof c === "object" && c !== null && typeof (c as Formula).formula === "string";
}

// ---------------------------------------------------------------------------------------------
// Formatos de número y estilos (vocabulario pequeño y con nombre)

/**
 * Formatos de número: los de `src/domain/formato.ts` (una sola definición para las cifras del
 * panel, la línea de comandos y las hojas que se escriben).
 */
export { FORMATOS_EXCEL } from "../../domain/formato";

/** Lo que un estilo puede cambiar. */
export interface Estilo {
  readonly negrita?: boolean;
  readonly cursiva?: boolean;
  /** Tamaño de letra en puntos. */
  readonly tamano?: number;
  readonly colorFuente?: string;
  readonly relleno?: string;
  readonly ajustarTexto?: boolean;
  readonly horizontal?: "izquierda" | "centro" | "derecha";
  readonly vertical?: "arriba" | "centro" | "abajo";
}

/** Los estilos con nombre que usan los informes y la plantilla. */
export const ESTILOS = {
  titulo: { negrita: true, tamano: 14, colorFuente: "#1F3864" },
  subtitulo: { negrita: true, tamano: 12, colorFuente: "#1F3864" },
  encabezado: { negrita: true, relleno: "#DDEBF7", colorFuente: "#000000", ajustarTexto: true, vertical: "centro" },
  negrita: { negrita: true },
  nota: { cursiva: true, colorFuente: "#595959" },
  ajustar: { ajustarTexto: true, vertical: "arriba" },
  centrado: { horizontal: "centro" },
  derecha: { horizontal: "derecha" },
  semaforoRojo: { relleno: "#FFC7CE", colorFuente: "#9C0006" },
  semaforoAmarillo: { relleno: "#FFEB9C", colorFuente: "#9C5700" },
  semaforoVerde: { relleno: "#C6EFCE", colorFuente: "#006100" },
  semaforoNaranja: { relleno: "#F8CBAD", colorFuente: "#843C0C" },
} as const satisfies Record<string, Estilo>;

export type NombreEstilo = keyof typeof ESTILOS;

/** Los estilos aplicados en orden (el último gana en lo que repiten). */
export function estiloCompuesto(nombres: readonly NombreEstilo[]): Estilo {
  return Object.assign({}, ...nombres.map((n) => ESTILOS[n])) as Estilo;
}

/** Colores de serie por defecto (paleta de Office). */
export const COLORES_GRAFICO = ["#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47"] as const;

// ---------------------------------------------------------------------------------------------
// La descripción

/** Un bloque rectangular de celdas que empieza en `desde`. */
export interface BloqueCeldas {
  readonly desde: string;
  readonly filas: readonly (readonly Contenido[])[];
}

export interface FormatoRango {
  readonly rango: string;
  readonly formato: string;
}

export interface AnchoColumnas {
  /** «A» o «B:D». */
  readonly columnas: string;
  /** En caracteres (como en Excel: Formato → Ancho de columna). */
  readonly ancho: number;
}

export interface EstiloRango {
  readonly rango: string;
  readonly estilos: readonly NombreEstilo[];
}

export interface DescripcionTabla {
  /** Nombre de la tabla de Excel (único en el libro). */
  readonly nombre: string;
  /** Rango completo, con la fila de encabezados. */
  readonly rango: string;
  /** Estilo de tabla de Excel («TableStyleMedium2» por defecto). */
  readonly estilo?: string;
  /**
   * La primera fila del rango son los encabezados: siempre (una tabla sin encabezados hace que Excel
   * agregue una fila propia, y Excel y el .xlsx ya no coincidirían). La fila de totales nunca se muestra.
   */
  readonly conEncabezados?: true;
}

export type OperadorValidacion = "mayorOIgual" | "menorOIgual" | "mayor" | "menor" | "igual" | "entre";

export type ReglaValidacion =
  /**
   * Cualquier valor: la celda solo lleva su mensaje de entrada (p. ej. en un encabezado, qué va en
   * la columna). Excel y el .xlsx la escriben como validación personalizada con la fórmula =TRUE
   * (siempre se cumple): Office.js no pone un mensaje sin regla.
   */
  | { readonly tipo: "cualquiera" }
  | { readonly tipo: "lista"; readonly valores: readonly string[] }
  | {
      readonly tipo: "listaRango";
      readonly rango: string;
      /** Otra hoja de la misma descripción (p. ej. una hoja «Listas»); por defecto, la misma hoja. */
      readonly hoja?: string;
    }
  | {
      readonly tipo: "entero" | "decimal";
      readonly operador: OperadorValidacion;
      readonly valor: number;
      /** Límite superior con «entre». */
      readonly valor2?: number;
    };

export interface DescripcionValidacion {
  readonly rango: string;
  readonly regla: ReglaValidacion;
  /** Mensaje de entrada que Excel muestra al elegir la celda (título ≤ 32, mensaje ≤ 255 caracteres). */
  readonly mensajeEntrada?: { readonly titulo: string; readonly mensaje: string };
  /** Alerta cuando el dato no cumple (título ≤ 32, mensaje ≤ 255 caracteres). */
  readonly alertaError?: {
    readonly estilo: "detener" | "advertencia" | "informacion";
    readonly titulo: string;
    readonly mensaje: string;
  };
  /** Las celdas vacías cumplen (por defecto sí). */
  readonly permitirVacias?: boolean;
}

export type TipoGrafico = "barrasAgrupadas" | "columnasAgrupadas" | "lineas";

export interface SerieGrafico {
  readonly nombre: string;
  /** Rango de las categorías (una fila o una columna de la hoja). */
  readonly categorias: string;
  /** Rango de los valores (una fila o una columna, tantas celdas como categorías). */
  readonly valores: string;
  readonly color?: string;
  /** Color de cada punto (barras y columnas); null deja el de la serie. */
  readonly coloresPuntos?: readonly (string | null)[];
}

export interface DescripcionGrafico {
  /** Nombre del gráfico (único en la hoja). */
  readonly nombre: string;
  readonly tipo: TipoGrafico;
  readonly titulo: string;
  readonly series: readonly SerieGrafico[];
  readonly tituloEjeCategorias?: string;
  readonly tituloEjeValores?: string;
  /** Celdas que cubre el gráfico («H2:P20»). */
  readonly posicion: string;
  /** Mostrar la leyenda (por defecto, solo con más de una serie). */
  readonly leyenda?: boolean;
}

export interface DescripcionHoja {
  readonly nombre: string;
  /**
   * Para qué es la hoja («informe-anual», «anexo», «plantilla»…): se guarda como marca de que la
   * hoja es del complemento. Minúsculas, cifras y guiones.
   */
  readonly proposito: string;
  readonly celdas: readonly BloqueCeldas[];
  readonly formatosNumero?: readonly FormatoRango[];
  readonly anchos?: readonly AnchoColumnas[];
  readonly inmovilizar?: { readonly filas?: number; readonly columnas?: number };
  readonly combinadas?: readonly string[];
  readonly estilos?: readonly EstiloRango[];
  readonly tablas?: readonly DescripcionTabla[];
  readonly validaciones?: readonly DescripcionValidacion[];
  readonly graficos?: readonly DescripcionGrafico[];
}

export interface DescripcionLibro {
  readonly hojas: readonly DescripcionHoja[];
}

/** Estilo de tabla por defecto. */
export const ESTILO_TABLA = "TableStyleMedium2";
