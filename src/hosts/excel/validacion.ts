/** «Validar PMR» dentro de Excel: leer el libro → validar → resaltar, con avisos de progreso. */
import type { Configuracion } from "../../domain";
import { validarLibro, type InformeValidacion } from "../../engine/validar";
import { ceder, ejecutarExcel, type Ejecutar } from "./contexto";
import { leerLibroConMedida } from "./lectura";
import { MENSAJES_EXCEL } from "./mensajes";
import { resaltarConMedida } from "./resaltado";

export interface SyncsValidacion {
  /** Viajes a Excel de la lectura (2 normalmente; nunca crece con el tamaño del libro). */
  lectura: number;
  /** Viajes a Excel del resaltado (2 normalmente). */
  resaltado: number;
  total: number;
}

export interface ResultadoValidacionExcel {
  informe: InformeValidacion;
  syncs: SyncsValidacion;
  /** Formatos condicionales de resaltado agregados. */
  formatosResaltado: number;
}

/**
 * Lee el libro abierto, lo valida con `config` y resalta las celdas de los hallazgos (quitando
 * antes el resaltado anterior). `alProgreso` recibe las etapas en español.
 */
export async function validarEnExcel(
  config: Configuracion,
  alProgreso?: (etapa: string) => void,
  ejecutar: Ejecutar = ejecutarExcel,
): Promise<ResultadoValidacionExcel> {
  alProgreso?.(MENSAJES_EXCEL.progresoLeyendo);
  const lectura = await leerLibroConMedida(ejecutar);
  alProgreso?.(MENSAJES_EXCEL.progresoValidando);
  await ceder();
  const informe = validarLibro(lectura.libro, config);
  alProgreso?.(MENSAJES_EXCEL.progresoResaltando);
  await ceder();
  const resaltado = await resaltarConMedida(informe.hallazgos, ejecutar, lectura.nombresHojas);
  return {
    informe,
    syncs: { lectura: lectura.syncs, resaltado: resaltado.syncs, total: lectura.syncs + resaltado.syncs },
    formatosResaltado: resaltado.formatos,
  };
}
