/**
 * Textos que ve el usuario en el panel de tareas y en el botón «Validar PMR» de la cinta
 * (es-CO). Todo texto visible del panel vive aquí, para revisarlo y traducirlo en un solo lugar.
 */
import { entero } from "../domain/formato";
import type { Severidad } from "../domain/hallazgo";

export { entero };

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
  sinResaltadoQueQuitar: "El libro no tenía resaltado del complemento: no había nada que quitar.",
  quitarSinResaltado: "No hay resaltado del complemento en el libro: valide primero.",
  tituloEnVivo: "Validar mientras escribe",
  enVivoNoDisponible:
    "Este Excel no avisa los cambios de las hojas (hace falta ExcelApi 1.7: Excel 2019, Microsoft 365 o Excel en la Web). Valide con el botón «Validar PMR».",
  desactualizado: (hora: string, error: string) =>
    `Estos resultados son de la validación de las ${hora}; la última falló (${error}) y pueden no estar al día.`,
  validarDeNuevo: "Validar de nuevo",
  cargandoPestana: "Cargando…",
  panelNoListo: "El panel todavía se está cargando. Espere unos segundos y pulse «Validar PMR» de nuevo.",
  errorDesconocido: "Ocurrió un error inesperado. Intente de nuevo; si persiste, cierre y abra el libro.",

  // Resumen
  sinValidar: "Pulse «Validar PMR» para revisar el libro. Los hallazgos se resaltan en sus celdas.",
  enVivo: "Validar mientras escribe",
  enVivoAyuda: "Valida y resalta de nuevo poco después de cada cambio en las hojas del PMR.",
  veredictoErrores: (n: number) =>
    n === 1 ? "1 error impide entregar el PMR" : `${entero(n)} errores impiden entregar el PMR`,
  veredictoAdemasAdvertencias: (n: number) =>
    `Corríjalos y valide de nuevo. Además hay ${cantidad(n, "advertencia", "advertencias")} por revisar.`,
  veredictoCorrija: "Corríjalos y valide de nuevo.",
  veredictoSinErrores: "El PMR no tiene errores",
  veredictoRevise: (n: number) =>
    `Revise ${n === 1 ? "la advertencia" : `las ${entero(n)} advertencias`} antes de entregarlo.`,
  veredictoListo: "El PMR no tiene errores ni advertencias",
  veredictoSoloInfo: (n: number) =>
    `${n === 1 ? "Hay 1 hallazgo informativo" : `Hay ${entero(n)} hallazgos informativos`}, sin nada que corregir.`,
  veredictoSinHallazgos: "No hay hallazgos: está listo para entregar.",
  revisarUnoPorUno: "Revisar uno por uno",
  panorama: "Objetivos por semáforo",
  panoramaDe: (n: number) => `Semáforo de los ${cantidad(n, "objetivo", "objetivos")}`,
  sinDato: "Sin dato",
  colCategoria: "Categoría",
  colErrores: "Errores",
  colAdvertencias: "Advert.",
  colAdvertenciasLargo: "Advertencias",
  colInfo: "Info.",
  colInfoLargo: "Información",
  verCategoriaCuentas: (categoria: string, e: number, a: number, i: number) =>
    `Ver ${categoria}: ${cantidad(e, "error", "errores")}, ${cantidad(a, "advertencia", "advertencias")} y ${i} de información`,
  corteA: "corte a",
  porCategoria: "Hallazgos por categoría",
  sinHallazgos: "No hay hallazgos. ¡El PMR está en orden!",
  vigencia: "Vigencia",
  vigenciaNoEncontrada: "no encontrada",
  corte: "Corte",
  automatico: "automático",
  automatica: "automática",
  configurado: "configurado",
  configurada: "configurada",
  ultimaValidacion: "Última validación",
  evaluados: (objetivos: number, productos: number, indicadores: number) =>
    `${cantidad(objetivos, "objetivo", "objetivos")}, ${cantidad(productos, "producto", "productos")} y ${cantidad(indicadores, "indicador", "indicadores")} evaluados.`,

  // Bloqueos: el libro no se puede revisar
  bloqueoIntro: "No se puede revisar el PMR hasta arreglar esto.",
  bloqueoSinHoja: "El libro no tiene la hoja PMR",
  bloqueoSinEncabezados: (hoja: string) => `La hoja «${hoja}» está vacía o sus encabezados no se reconocen`,
  bloqueoSinFilas: (hoja: string) => `La hoja «${hoja}» no tiene indicadores`,
  bloqueoVigencia: (vigencia: string) => `No hay indicadores de la vigencia ${vigencia}`,
  bloqueoPasos: "Cómo arreglarlo",
  bloqueoCausa: "Lo que encontró la validación",
  bloqueoEncabezados: "Encabezados obligatorios de la hoja PMR",
  bloqueoSinonimos:
    "Se aceptan sinónimos (por ejemplo «Tipo de anualización» por Tendencia o «Cód. indicador» por Código indicador) y la fila de encabezados puede estar en cualquiera de las primeras 30 filas.",
  pasosSinHoja: [
    "Si el PMR está en otra hoja, cámbiele el nombre a «PMR»: clic derecho en la pestaña de la hoja → Cambiar nombre.",
    "Compruebe que una de sus primeras 30 filas tenga los encabezados de abajo.",
    "Pulse «Validar PMR» de nuevo.",
  ],
  pasosSinEncabezados: (hoja: string) => [
    `Si «${hoja}» está vacía, copie en ella el PMR de su entidad: una fila de encabezados y debajo una fila por indicador.`,
    `Si ya tiene datos, escriba en su fila de encabezados (una de las primeras 30 filas) los encabezados de abajo.`,
    "Pulse «Validar PMR» de nuevo.",
  ],
  pasosSinFilas: ["Escriba una fila por indicador debajo de la fila de encabezados.", "Pulse «Validar PMR» de nuevo."],
  pasosVigencia: (vigencias: string) => [
    `En Configuración, escriba una vigencia que tenga filas (el libro tiene ${vigencias}) o deje Vigencia vacía para usar la más reciente.`,
    "Guarde y pulse «Validar PMR» de nuevo.",
  ],
  irAConfiguracion: "Ir a Configuración",
  botonCrearPlantilla: "Crear la hoja PMR con la plantilla",
  tableroBloqueado: "No hay objetivos que mostrar: el libro no se pudo revisar.",
  verQueFalta: "Ver qué falta",

  // Hallazgos
  filtros: "Filtros",
  filtroSeveridad: "Severidad",
  filtroCategoria: "Categoría",
  buscarMarcador: "Buscar: texto, regla, hoja o celda",
  buscarEtiqueta: "Buscar en los hallazgos (texto, regla, hoja o celda)",
  limpiarFiltros: "Limpiar filtros",
  mostrando: (visibles: number, total: number) =>
    visibles === total
      ? `${cantidad(total, "hallazgo", "hallazgos")}`
      : `Mostrando ${visibles} de ${cantidad(total, "hallazgo", "hallazgos")}`,
  listaHallazgos: "Hallazgos de la validación",
  ningunoConFiltros: "Ningún hallazgo coincide con los filtros.",
  hallazgosSinValidar: "Todavía no hay hallazgos: valide el libro en la pestaña Resumen.",
  abrirHallazgo: (hoja: string, celda: string) => `Abrir el hallazgo e ir a ${hoja}!${celda}`,
  ayudaLista:
    "Pulse Intro o Espacio para abrir el hallazgo e ir a su celda; flechas arriba y abajo para moverse, Inicio y Fin para ir al primero o al último.",
  grupo: (categoria: string, n: number) => `${categoria} (${n})`,
  categoriasElegidas: (n: number) =>
    n === 0 ? "Categorías: todas" : `Categorías: ${cantidad(n, "elegida", "elegidas")}`,
  soloDe: (ambito: string) => `Solo del ${ambito}`,
  quitarFiltroAmbito: (ambito: string) => `Quitar el filtro del ${ambito}`,
  ambitoObjetivo: (codigo: string) => `objetivo ${codigo}`,
  ambitoProducto: (codigo: string) => `producto ${codigo}`,
  ambitoIndicador: (codigo: string) => `indicador ${codigo}`,
  filaN: (fila: number) => `de la fila ${fila}`,

  // Detalle de un hallazgo (uno por uno)
  detalle: "Detalle del hallazgo",
  posicion: (i: number, n: number) => `Hallazgo ${entero(i)} de ${entero(n)}`,
  anterior: "Anterior",
  siguiente: "Siguiente",
  volverALista: "Volver a la lista",
  irALaCelda: "Ir a la celda",
  valorActual: "Valor en la celda",
  valoresActuales: "Valores en las celdas",
  celdaVacia: "vacía",
  loEsperado: "Lo esperado",
  comoCorregir: "Cómo corregir",
  esDe: "De",
  hallazgoCorregido:
    "Este hallazgo ya no aparece en la última validación: se corrigió o cambió. Pulse «Siguiente» para seguir con el próximo.",
  ayudaDetalle: "Anterior y Siguiente recorren los hallazgos de la lista (con sus filtros) y van a cada celda.",

  // Tablero
  objetivos: "Objetivos",
  productos: "Productos",
  tableroSinValidar: "Valide el libro para ver el cumplimiento de cada objetivo.",
  tableroVacio: "El libro no tiene objetivos para la vigencia evaluada.",
  cumplimiento: "Cumplimiento",
  cumplimientoDe: (codigo: string) => `Cumplimiento del objetivo ${codigo}`,
  sinProgramacion: "sin programación",
  semaforo: "Semáforo",
  productosSinObjetivo: "Productos sin objetivo en la hoja PMR",
  sinProductos: "Sin productos.",
  detalleIndicador: (tendencia: string, ponderacion: string) => `${tendencia} · ponderación ${ponderacion}`,
  colProgramado: "Programado",
  colEjecutado: "Ejecutado",
  colAvance: "Avance",
  indicadores: "Indicadores",
  datoConErrores: "Dato con errores",
  estadoCalculado: (estado: string) => `Estado calculado: ${estado}`,
  coherenciaCalculada: (c: string) => `Coherencia calculada: ${c}`,
  tendenciaNoValida: "Tendencia no válida",
  sinTendencia: "Sin tendencia",
  sinAvancePorTendencia: (texto: string) =>
    `Sin avance: la tendencia «${texto}» no es válida (Suma, Creciente, Constante o Decreciente).`,
  sinAvanceSinTendencia: "Sin avance: falta la tendencia (Suma, Creciente, Constante o Decreciente).",
  verHallazgosDe: (ambito: string, n: number) => `Ver ${cantidad(n, "hallazgo", "hallazgos")} del ${ambito}`,
  verPorMes: "Ver por mes",
  ocultarPorMes: "Ocultar meses",
  graficoMensual: (codigo: string) => `Programado y ejecutado por mes del indicador ${codigo}`,
  mes: "Mes",
  corteEnGrafico: "corte",
  fisico: "Físico",
  financiero: "Financiero",
  graficoFisicoFinanciero: (codigo: string, fisico: string, financiero: string) =>
    `Producto ${codigo}: avance físico ${fisico}, avance financiero ${financiero}`,
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
  return `${entero(n)} ${n === 1 ? singular : plural}`;
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

export type Mensajes = typeof MENSAJES;
