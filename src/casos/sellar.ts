/**
 * Caso de uso «sellar» (PMR-SPEC §6.2): registra en el libro, por código de indicador, los meses
 * 1..M de la vigencia (programado, ejecutado, huella del cualitativo) y los campos de
 * programación, con fecha, M y nota; se acumula con los sellos anteriores y lleva la huella de
 * su contenido. Sellar un libro con errores está permitido: el resultado dice cuántos tenía.
 *
 * Puro salvo por los puertos: el panel lo llama con el libro y el almacén de Excel, `pmr sellar`
 * con un .xlsx (AlmacenXlsx, edición quirúrgica y atómica), las pruebas con falsos.
 */
import { sellarEvaluacion, type Sello, type Sellos } from "../domain/sellos";
import {
  MAX_BYTES_PARTE,
  RANURA_CONFIGURACION,
  RANURA_SELLOS,
  codificarRanura,
  type AlmacenLibro,
} from "../workbook/almacen";
import type { LibroGrillas } from "../workbook/grilla";
import { MENSAJES_CIERRE as M } from "./mensajesCierre";
import { datosGuardados, resolverConfiguracion, validarLibro, type InformeValidacion } from "./validar";

export interface PuertosSellado {
  leerLibro(): Promise<LibroGrillas>;
  almacen: AlmacenLibro;
  /** Reloj (las pruebas lo fijan). */
  ahora?(): Date;
}

export interface OpcionesSellado {
  /** Se sellan los meses 1..mes. */
  mes: number;
  /** Vigencia que se sella (por defecto, la de la configuración del libro o la del libro). */
  vigencia?: number | null;
  nota?: string;
}

export interface ResultadoSellado {
  sello: Sello;
  /** Todos los sellos del libro después de sellar, en orden. */
  sellos: Sello[];
  /** La validación del libro justo antes de sellar (con los sellos anteriores). */
  informe: InformeValidacion;
  errores: number;
  /** Lo guardado: partes XML y bytes (UTF-8) de la ranura de los sellos. */
  guardado: { partes: number; bytes: number };
}

/** Error de sellado con un mensaje en español para el usuario (no se guardó nada). */
export class ErrorSellado extends Error {
  constructor(mensaje: string) {
    super(mensaje);
    this.name = "ErrorSellado";
  }
}

const MAX_NOTA = 2000;

/** Los meses 1..mes de la vigencia, sellados en el libro. Rechaza con ErrorSellado si no se puede. */
export async function sellar(puertos: PuertosSellado, opciones: OpcionesSellado): Promise<ResultadoSellado> {
  const { mes } = opciones;
  if (!Number.isInteger(mes) || mes < 1 || mes > 12) throw new ErrorSellado(M.mesNoValido(mes));
  const nota = (opciones.nota ?? "").trim();
  if (nota.length > MAX_NOTA) throw new ErrorSellado(M.notaLarga(nota.length));

  const [libro, [config, sellos]] = await Promise.all([
    puertos.leerLibro(),
    puertos.almacen.leerVarias([RANURA_CONFIGURACION, RANURA_SELLOS] as const),
  ]);
  if (sellos.datos === null && sellos.problemas.length > 0) throw new ErrorSellado(M.sellosIlegibles(sellos.problemas));
  const pedida = opciones.vigencia !== undefined && opciones.vigencia !== null ? { vigencia: opciones.vigencia } : {};
  const resuelta = resolverConfiguracion(config.datos, pedida);
  const informe = validarLibro(libro, resuelta.configuracion, resuelta.origen, datosGuardados(config, sellos));
  const hoja = informe.modelo.pmr;
  if (!hoja) throw new ErrorSellado(M.sinHojaPmr);

  const sello = sellarEvaluacion(informe.evaluacion, {
    mes,
    fecha: (puertos.ahora?.() ?? new Date()).toISOString(),
    nota,
    hoja: hoja.nombre,
  });
  if (sello.indicadores.length === 0) throw new ErrorSellado(M.sinIndicadores(informe.evaluacion.vigencia));
  const datos: Sellos = { sellos: [...(sellos.datos?.sellos ?? []), sello] };
  await puertos.almacen.escribir(RANURA_SELLOS, datos);
  return { sello, sellos: datos.sellos, informe, errores: informe.resumen.errores, guardado: medirSellos(datos) };
}

/** Partes y bytes que ocupan los sellos en el libro (las mismas partes que escribe el almacén). */
export function medirSellos(datos: Sellos, maxBytesParte = MAX_BYTES_PARTE): { partes: number; bytes: number } {
  const partes = codificarRanura(RANURA_SELLOS, datos, { maxBytesParte });
  const utf8 = new TextEncoder();
  let bytes = 0;
  for (const p of partes) bytes += utf8.encode(p).length;
  return { partes: partes.length, bytes };
}
