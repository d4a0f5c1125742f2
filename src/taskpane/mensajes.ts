/**
 * Textos que ve el usuario en el panel de tareas y en el botón «Validar PMR» de la cinta
 * (es-CO). Todo texto visible del panel vive aquí, para revisarlo y traducirlo en un solo lugar.
 */
import type { Severidad } from "../domain/hallazgo";

export const MENSAJES = {
  titulo: "PMR para Excel",
  descripcion:
    "Valida la hoja PMR (Productos, Metas y Resultados) de su entidad: cadena de valor, metas, " +
    "seguimiento y coherencia físico-financiera. El complemento no cambia los datos del libro.",

  // Pestañas
  pestanas: "Secciones del panel",
  pestanaResumen: "Resumen",
  pestanaHallazgos: "Hallazgos",
  pestanaTablero: "Tablero",
  pestanaConfiguracion: "Configuración",

  // Acciones
  botonValidar: "Validar PMR",
  botonValidando: "Validando…",
  botonQuitarResaltado: "Quitar resaltado",
  quitandoResaltado: "Quitando el resaltado…",
  preparando: "Preparando la validación…",
  cerrarAviso: "Cerrar aviso",

  // Avisos
  tituloError: "No se pudo completar la acción",
  tituloErrorValidacion: "No se pudo validar el libro",
  tituloErrorQuitar: "No se pudo quitar el resaltado",
  tituloErrorIrA: "No se pudo ir a la celda",
  tituloErrorGuardar: "No se guardó la configuración",
  tituloListo: "Listo",
  resaltadoQuitado: "Se quitó el resaltado. Las celdas quedaron como estaban.",
  validacionCompleta: (errores: number, advertencias: number, info: number) =>
    `Validación terminada: ${cantidad(errores, "error", "errores")}, ${cantidad(advertencias, "advertencia", "advertencias")} y ${info} de información.`,
  validacionSinHallazgos: "Validación terminada: el libro no tiene hallazgos.",
  panelNoListo: "El panel todavía se está cargando. Espere unos segundos y pulse «Validar PMR» de nuevo.",
  errorDesconocido: "Ocurrió un error inesperado. Intente de nuevo; si persiste, cierre y abra el libro.",

  // Resumen
  sinValidar: "Pulse «Validar PMR» para revisar el libro. Los hallazgos se resaltan en sus celdas.",
  resumenTitulo: "Resultado de la validación",
  porSeveridad: "Hallazgos por severidad",
  porCategoria: "Hallazgos por categoría",
  sinHallazgos: "No hay hallazgos. ¡El PMR está en orden!",
  vigencia: "Vigencia",
  vigenciaNoEncontrada: "no encontrada",
  corte: "Corte",
  automatico: "automático",
  configurado: "configurado",
  configurada: "configurada",
  ultimaValidacion: "Última validación",
  evaluados: (objetivos: number, productos: number, indicadores: number) =>
    `${cantidad(objetivos, "objetivo", "objetivos")}, ${cantidad(productos, "producto", "productos")} y ${cantidad(indicadores, "indicador", "indicadores")} evaluados.`,
  verCategoria: (categoria: string, n: number) => `Ver los ${n} hallazgos de ${categoria}`,

  // Hallazgos
  filtros: "Filtros",
  filtroSeveridad: "Severidad",
  filtroCategoria: "Categoría",
  buscar: "Buscar",
  buscarMarcador: "Texto, regla, hoja o celda",
  limpiarFiltros: "Limpiar filtros",
  mostrando: (visibles: number, total: number) =>
    visibles === total
      ? `${cantidad(total, "hallazgo", "hallazgos")}`
      : `Mostrando ${visibles} de ${cantidad(total, "hallazgo", "hallazgos")}`,
  listaHallazgos: "Hallazgos de la validación",
  ningunoConFiltros: "Ningún hallazgo coincide con los filtros.",
  hallazgosSinValidar: "Todavía no hay hallazgos: valide el libro en la pestaña Resumen.",
  irACelda: (hoja: string, celda: string) => `Ir a ${hoja}!${celda}`,
  ayudaLista:
    "Pulse Intro o Espacio para ir a la celda; flechas arriba y abajo para moverse, Inicio y Fin para ir al primero o al último.",
  grupo: (categoria: string, n: number) => `${categoria} (${n})`,

  // Tablero
  objetivos: "Objetivos",
  productos: "Productos",
  tableroSinValidar: "Valide el libro para ver el cumplimiento de cada objetivo.",
  tableroVacio: "El libro no tiene objetivos para la vigencia evaluada.",
  cumplimiento: "Cumplimiento",
  cumplimientoDe: (codigo: string) => `Cumplimiento del objetivo ${codigo}`,
  sinProgramacion: "sin programación",
  semaforo: "Semáforo",
  indicadoresDe: (codigo: string) => `Indicadores del objetivo ${codigo}`,
  productosDe: (codigo: string) => `Productos del objetivo ${codigo}`,
  productosSinObjetivo: "Productos sin objetivo en la hoja PMR",
  sinProductos: "Sin productos.",
  colIndicador: "Indicador",
  detalleIndicador: (tendencia: string, ponderacion: string) => `${tendencia} · ponderación ${ponderacion}`,
  // Con guion suave (U+00AD): en un panel angosto el encabezado se parte («Progra-mado») en vez
  // de ensanchar la tabla; los lectores de pantalla lo ignoran.
  colProgramado: "Progra\u00admado",
  colEjecutado: "Ejecu\u00adtado",
  colAvance: "Avance",
  colProducto: "Producto",
  colFisico: "Avance físico",
  colFinanciero: "Avance financiero",
  sinPresupuesto: "sin presupuesto",
  noAplica: "—",
  sinNombre: "(sin nombre)",

  // Configuración
  configTitulo: "Configuración del libro",
  configDescripcion:
    "Se guarda en el libro, así que viaja con el archivo. La usan la validación y las funciones =PMR.*.",
  campoCorte: "Mes de corte",
  corteAutomatico: "Automático (último mes con ejecución)",
  campoVigencia: "Vigencia",
  vigenciaAyuda: "Déjela vacía para usar la más reciente del libro.",
  vigenciaMarcador: "Automática",
  campoTolerancia: "Tolerancia físico-financiera (puntos %)",
  toleranciaAyuda: "Diferencia máxima entre el avance físico y el financiero de un producto.",
  campoSobrecumplimiento: "Sobrecumplimiento por encima de (%)",
  sobrecumplimientoAyuda: "Un avance mayor se marca «Sobrecumplida» y pide justificación.",
  grupoSemaforo: "Umbrales del semáforo (%)",
  semaforoAyuda: "Hasta el umbral rojo: Rojo; hasta el amarillo: Amarillo; hasta el verde: Verde; por encima: Naranja.",
  campoRojo: "Rojo hasta",
  campoAmarillo: "Amarillo hasta",
  campoVerde: "Verde hasta",
  botonGuardar: "Guardar",
  guardando: "Guardando…",
  botonRestablecer: "Restablecer valores por defecto",
  configuracionGuardada:
    "Configuración guardada en el libro. La usan la próxima validación y las fórmulas =PMR.*, que ya se recalcularon.",
  tituloGuardadaSinRecalculo: "Configuración guardada",
  recalculoPendiente: (detalle: string) =>
    `Se guardó en el libro, pero las fórmulas =PMR.* no se recalcularon (${detalle}). Pulse Ctrl+Alt+F9 en Excel para recalcularlas con la configuración nueva.`,
  valoresRestablecidos: "Se cargaron los valores por defecto. Pulse «Guardar» para guardarlos en el libro.",
  configuracionLeidaConErrores: (errores: readonly string[]) =>
    `La configuración guardada en el libro no era válida; se muestran los valores por defecto. ${errores.join(" ")}`,
  corregirCampos: "Revise los campos marcados antes de guardar.",
  errorNumero: "Escriba un número, por ejemplo 30 o 12,5.",
  errorAnio: "Escriba un año de cuatro cifras, por ejemplo 2025, o déjelo vacío.",
  errorPorcentajeRango: (min: number, max: number) => `Debe estar entre ${min} % y ${max} %.`,
  errorNoNegativo: "No puede ser negativo.",
  errorSemaforoOrden: "Los umbrales deben crecer: rojo < amarillo < verde.",
} as const;

/** «1 error», «3 errores». */
export function cantidad(n: number, singular: string, plural: string): string {
  return `${n.toLocaleString("es-CO")} ${n === 1 ? singular : plural}`;
}

export const TEXTO_SEVERIDAD: Readonly<Record<Severidad, string>> = {
  error: "Error",
  advertencia: "Advertencia",
  info: "Información",
};

export const TEXTO_SEVERIDAD_PLURAL: Readonly<Record<Severidad, string>> = {
  error: "Errores",
  advertencia: "Advertencias",
  info: "Información",
};

export const TEXTO_TENDENCIA = {
  SUMA: "Suma",
  CRECIENTE: "Creciente",
  CONSTANTE: "Constante",
  DECRECIENTE: "Decreciente",
} as const;

export type Mensajes = typeof MENSAJES;
