/** Todos los textos de la línea de comandos `pmr` (es-CO), en un solo lugar. */
import { entero } from "../domain/formato";

export const USO_GENERAL = `Uso: pmr <comando> [opciones]

Valida el PMR (Productos, Metas y Resultados) del formato PLE-PIN-F020 en un libro de Excel.

Comandos:
  validar <libro.xlsx>   Lee el libro, calcula avances y cumplimientos al corte y lista los
                         hallazgos de validación. Vea «pmr validar --help».
  sellar <libro.xlsx>    Sella los meses 1..M de la vigencia dentro del libro (cierre).
                         Vea «pmr sellar --help».
  comparar <a> <b>       Compara dos libros por código de indicador. Vea «pmr comparar --help».
  informe <libro.xlsx>   Escribe el Informe PMR (.xlsx o .html). Vea «pmr informe --help».
  anexo <libro.xlsx>     Escribe el Anexo PMR (.xlsx o .html). Vea «pmr informe --help».
  plantilla              Escribe un libro nuevo con la plantilla PMR (tablas, listas, fórmulas
                         =PMR.*). Vea «pmr plantilla --help».
  normalizar <libro.xlsx>
                         Reescribe el libro en el diseño canónico, con la hoja
                         «Correspondencia». Vea «pmr normalizar --help».
  consolidar <libros…>   Junta los libros de varios gerentes en un libro consolidado y lo
                         valida. Vea «pmr consolidar --help».

Opciones:
  -h, --help             Muestra esta ayuda.
  -v, --version          Muestra la versión.

Ejemplo:
  npx pmr validar ejemplos/pmr-ejemplo.xlsx --corte 9
`;

export const USO_VALIDAR = `Uso: pmr validar <libro.xlsx> [--corte 1-12] [--vigencia AAAA] [--formato texto|json] [--config archivo.json] [--todos] [--exportar hallazgos.xlsx]

Valida la hoja PMR del libro (y PMR_Presupuesto y PMR_Territorial, si existen): calcula el
avance de cada indicador, el cumplimiento de cada objetivo y la coherencia físico-financiera de
cada producto al corte, y lista los hallazgos con su hoja y celda.

Opciones:
  --corte <1-12>            Mes de corte. Por defecto, el último mes con alguna ejecución.
  --vigencia <AAAA>         Vigencia (año) a evaluar. Por defecto, la más reciente del libro.
  --formato <texto|json>    Formato del informe. Por defecto, texto.
  --config <archivo.json>   Configuración de cálculo y validación (umbrales del semáforo,
                            tolerancias, métodos de avance…), con las mismas claves que el
                            complemento. --corte y --vigencia tienen prioridad sobre ella.
  --indicadores             En formato texto, muestra también los indicadores de cada objetivo.
  --todos                   Lista también los hallazgos cerrados en el panel (justificados o
                            descartados), con su decisión. No cambia los conteos ni la salida.
  --exportar <archivo.xlsx> Escribe un .xlsx nuevo con cada hallazgo, su decisión, su nota y un
                            vínculo a su celda (no reemplaza un archivo que ya exista).
  -h, --help                Muestra esta ayuda.

Los hallazgos justificados o descartados en el panel (decisiones guardadas en el libro) no
cuentan: se resumen en «Decididos».

Código de salida:
  0  no hay hallazgos abiertos de severidad error
  1  hay al menos un hallazgo abierto de severidad error
  2  el libro no se pudo leer o los argumentos no son válidos
`;

const AYUDA_GENERAL = "Use «pmr --help» para ver la ayuda.";
const AYUDA_VALIDAR = "Use «pmr validar --help» para ver las opciones.";

/** Mensajes de error de una línea (van a stderr, con código de salida 2). */
export const ERRORES = {
  sinComando: () => `Falta el comando. ${AYUDA_GENERAL}`,
  comandoDesconocido: (c: string) =>
    `Comando desconocido: «${c}». Los comandos son «validar», «sellar», «comparar», «informe», «anexo», «plantilla», «normalizar» y «consolidar». ${AYUDA_GENERAL}`,
  opcionGeneralDesconocida: (o: string) => `Opción desconocida: «${o}». ${AYUDA_GENERAL}`,
  opcionDesconocida: (o: string) => `Opción desconocida: «${o}». ${AYUDA_VALIDAR}`,
  opcionSinValor: (o: string, forma: string) => `La opción ${o} necesita un valor (${forma}). ${AYUDA_VALIDAR}`,
  opcionSinValorAdmitido: (o: string) => `La opción ${o} no lleva valor. ${AYUDA_VALIDAR}`,
  faltaLibro: () => `Falta el libro a validar: pmr validar <libro.xlsx>. ${AYUDA_VALIDAR}`,
  sobraArgumento: (a: string) => `Sobra el argumento «${a}»: se valida un libro a la vez. ${AYUDA_VALIDAR}`,
  corteInvalido: (v: string) => `El corte debe ser un mes entre 1 y 12 (se recibió «${v}»).`,
  vigenciaInvalida: (v: string) =>
    `La vigencia debe ser un año de cuatro cifras, por ejemplo 2025 (se recibió «${v}»).`,
  formatoInvalido: (v: string) => `El formato debe ser «texto» o «json» (se recibió «${v}»).`,
  configNoExiste: (f: string) => `No se pudo leer la configuración «${f}»: el archivo no existe.`,
  configIlegible: (f: string) => `No se pudo leer la configuración «${f}»: no se pudo abrir el archivo.`,
  configNoJson: (f: string) => `La configuración «${f}» no es un JSON válido.`,
  configNoObjeto: (f: string) => `La configuración «${f}» debe ser un objeto JSON ({ "clave": valor, … }).`,
  configInvalida: (f: string, errores: readonly string[]) =>
    `La configuración «${f}» no es válida: ${errores.join(" ")}`,
  argumentosInvalidos: (errores: readonly string[]) => `Los argumentos no son válidos: ${errores.join(" ")}`,
  maximoInvalido: (variable: string, valor: string) =>
    `La variable de entorno ${variable} dice «${valor.slice(0, 20)}»: debe ser un número de megabytes mayor que cero (p. ej., ${variable}=512).`,
  salidaFallida: (codigo: string) =>
    `No se pudo escribir el informe en la salida (${codigo}${codigo === "ENOSPC" ? ": no queda espacio en el disco o el dispositivo" : ""}); el informe está incompleto.`,
  interno: (detalle: string) =>
    `Error interno de pmr al validar el libro (${detalle}). Es un defecto del programa, no del libro: por favor repórtelo.`,
} as const;

/** Textos del informe en formato texto. */
export const INFORME = {
  titulo: "PMR · Informe de validación",
  archivo: "Archivo",
  vigencia: "Vigencia",
  corte: "Corte",
  sinVigencia: "— (el libro no indica la vigencia)",
  corteMes: (nombreMes: string, mes: number) => `${nombreMes} (mes ${mes})`,
  configuracion: "Configuración",
  /** Nombre de cada clave de la configuración, para decir de dónde salió. */
  claves: {
    corte: "mes de corte",
    vigencia: "vigencia",
    toleranciaFisicoFinanciera: "tolerancia físico-financiera",
    umbralSobrecumplimiento: "umbral de sobrecumplimiento",
    semaforo: "umbrales del semáforo",
    metodoAvance: "método de avance",
    metodoDecreciente: "método de los decrecientes",
    topeCien: "tope del 100 %",
    longitudMaximaCualitativo: "largo máximo del cualitativo",
    toleranciaSumas: "tolerancia de las sumas",
  } as Record<string, string>,
  configuracionOrigen: (delLibro: readonly string[], pedidas: readonly string[]) =>
    [
      delLibro.length ? `guardada en el libro: ${delLibro.join(", ")}` : "",
      pedidas.length ? `de la línea de comandos: ${pedidas.join(", ")}` : "",
    ]
      .filter(Boolean)
      .join("; ") + "; el resto, valores por defecto.",
  reporte: "Reporte",
  /** «ejecución trimestral» o «programación semestral, ejecución trimestral» (solo lo que no viene por mes). */
  reportePorPeriodos: (
    series: readonly { serie: "programación" | "ejecución" | "avance cualitativo"; periodo: string }[],
  ) => `${series.map((s) => `${s.serie} ${s.periodo}`).join(", ")} (cada periodo en su mes de cierre)`,
  resumen: "Resumen",
  conteos: (objetivos: number, productos: number, indicadores: number) =>
    `${plural(objetivos, "objetivo", "objetivos")} · ${plural(productos, "producto", "productos")} · ${plural(indicadores, "indicador", "indicadores")}`,
  conteoHallazgos: (total: number, errores: number, advertencias: number, info: number) =>
    `${plural(total, "hallazgo", "hallazgos")}: ${plural(errores, "error", "errores")}, ${plural(advertencias, "advertencia", "advertencias")}, ${plural(info, "informativo", "informativos")}`,
  omitidos: (n: number, vigencia: number | null) =>
    `${plural(n, "fila", "filas")} de otras vigencias no se ${n === 1 ? "evaluó" : "evaluaron"}${vigencia === null ? "" : ` (se evaluó ${vigencia})`}.`,
  objetivos: "Objetivos",
  sinObjetivos: "No hay objetivos para mostrar.",
  productos: "Productos",
  sinProductos: "No hay productos para mostrar.",
  hallazgos: "Hallazgos",
  sinHallazgos: "Sin hallazgos: el PMR cumple todas las reglas de validación.",
  columnas: {
    codigo: "Código",
    objetivo: "Objetivo",
    cumplimiento: "Cumplimiento",
    semaforo: "Semáforo",
    indicador: "Indicador",
    tendencia: "Tendencia",
    programado: "Programado",
    ejecutado: "Ejecutado",
    avance: "Avance",
    estado: "Estado",
    producto: "Producto",
    avanceFisico: "Avance físico",
    avanceFinanciero: "Avance financiero",
    coherencia: "Coherencia",
    celda: "Celda",
    severidad: "Severidad",
    mensaje: "Mensaje",
  },
  noAplica: "—",
  severidad: { error: "error", advertencia: "advertencia", info: "info" },
} as const;

function plural(n: number, uno: string, varios: string): string {
  return `${entero(n)} ${n === 1 ? uno : varios}`;
}
