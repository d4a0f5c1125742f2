/**
 * «Crear plantilla» y «Normalizar» en el panel y en la cinta (PMR-SPEC §6.5).
 *
 * - Las acciones llaman a los casos de uso (src/casos/normalizar.ts) con el adaptador de Excel:
 *   la plantilla se agrega al libro abierto (PMR, PMR_Presupuesto y PMR_Territorial); Normalizar
 *   lee el libro y agrega el conjunto de hojas normalizadas (PMR_Normalizado…) y la hoja
 *   Correspondencia. Si ya hay hojas del complemento con esos nombres, se pregunta antes de
 *   reemplazarlas (`confirmar`); una hoja del usuario nunca se toca (la nueva va con «(2)»).
 *   Ninguna acción lanza: devuelven el aviso que el panel muestra, en español.
 * - El botón de la cinta deja una solicitud en un lugar compartido (globalThis, como el almacén
 *   del panel: los comandos y el panel comparten la página) y abre el panel; el componente la
 *   toma al montarse o al llegar y crea la plantilla (con la misma pregunta).
 */
import type { Ejecutar, ResultadoEscrituraExcel } from "../hosts/excel";
import type { IdHoja } from "../domain/hojas";
import type { LibroGrillas } from "../workbook/grilla";

/**
 * El caso de uso, el escritor y el lector de Excel se cargan al usarlos (paquete aparte): la
 * primera carga del panel no los trae.
 */
async function cargar() {
  const [casos, escritura, lectura] = await Promise.all([
    import("../casos/normalizar"),
    import("../hosts/excel/escritura"),
    import("../hosts/excel/lectura"),
  ]);
  return { ...casos, ...escritura, ...lectura };
}

/** Errores con un mensaje en español para el analista (por su nombre: sus clases se cargan al usarlas). */
const ERRORES_CON_MENSAJE = new Set(["ErrorEscrituraExcel", "ErrorNormalizar", "ErrorDescripcion"]);

export const MENSAJES_PLANTILLA = {
  titulo: "Plantilla y normalización",
  ayudaPlantilla:
    "Agrega a este libro las hojas PMR, PMR_Presupuesto y PMR_Territorial como tablas, con listas desplegables, cifras que no aceptan negativos, ayuda en cada encabezado y el avance, el estado y el semáforo de cada fila calculados con =PMR.*.",
  vigencia: "Vigencia de la plantilla (opcional)",
  vigenciaAyuda: "Con un año, la columna Vigencia solo acepta ese año.",
  vigenciaInvalida: "Escriba un año de cuatro cifras (p. ej. 2026) o deje el campo vacío.",
  crear: "Crear plantilla",
  creando: "Creando la plantilla…",
  ayudaNormalizar:
    "Copia el PMR de este libro, como lo lee el complemento, en hojas nuevas con los encabezados canónicos (PMR_Normalizado…), cada valor tal cual, y una hoja Correspondencia con el origen de cada columna y de cada fila. Sus hojas no cambian.",
  normalizar: "Normalizar este libro",
  normalizando: "Normalizando…",
  confirmarTitulo: "¿Reemplazar las hojas?",
  confirmarTexto: (nombres: readonly string[]) =>
    `El libro ya tiene ${nombres.length === 1 ? "la hoja" : "las hojas"} ${nombres.map((n) => `«${n}»`).join(", ")} del complemento. Si continúa, se reemplaza${nombres.length === 1 ? "" : "n"} por ${nombres.length === 1 ? "una nueva" : "unas nuevas"} y se pierde lo que tenga${nombres.length === 1 ? "" : "n"} escrito.`,
  reemplazar: "Reemplazar",
  cancelar: "Cancelar",
  tituloListo: "Listo",
  tituloCancelado: "No se cambió nada",
  cancelado: "No se reemplazaron las hojas; el libro quedó como estaba.",
  tituloError: "No se pudo completar",
  plantillaCreada: (hojas: readonly string[]) =>
    `Se agregaron las hojas ${hojas.map((h) => `«${h}»`).join(", ")}. Llene una fila por indicador: las columnas «(fórmula)» se calculan solas.`,
  plantillaConOtroNombre: (pedido: string, quedo: string) =>
    ` El libro ya tenía una hoja suya llamada «${pedido}»: la de la plantilla quedó como «${quedo}» y el complemento sigue revisando la suya.`,
  normalizado: (hojas: readonly { origen: string; destino: string; filas: number }[]) =>
    `Se escribieron ${hojas.map((h) => `«${h.destino}» (${h.filas} ${h.filas === 1 ? "fila" : "filas"} de «${h.origen}»)`).join(", ")} y la hoja «Correspondencia». Sus hojas no cambiaron.`,
  errorDesconocido: "Ocurrió un error inesperado. Intente de nuevo; si se repite, cierre y vuelva a abrir el panel.",
} as const;

/** Nombres de las hojas que escribe Normalizar en el libro abierto (no chocan con las del usuario). */
export const NOMBRES_NORMALIZADOS: Readonly<Record<IdHoja, string>> = {
  pmr: "PMR_Normalizado",
  presupuesto: "PMR_Presupuesto_Normalizado",
  territorial: "PMR_Territorial_Normalizado",
};
/** Tablas de las hojas normalizadas (no chocan con las de la plantilla). */
export const TABLAS_NORMALIZADAS: Readonly<Record<IdHoja, string>> = {
  pmr: "TablaPMRNormalizada",
  presupuesto: "TablaPresupuestoNormalizada",
  territorial: "TablaTerritorialNormalizada",
};

export interface AvisoAccion {
  intent: "success" | "warning" | "error";
  titulo: string;
  texto: string;
}

export type Confirmar = (nombres: readonly string[]) => Promise<boolean>;

export interface DependenciasPlantilla {
  ejecutar?: Ejecutar;
  leerLibro?: () => Promise<LibroGrillas>;
}

function textoError(e: unknown): string {
  if (e instanceof Error && ERRORES_CON_MENSAJE.has(e.name)) return e.message;
  return MENSAJES_PLANTILLA.errorDesconocido;
}

function cancelado(): AvisoAccion {
  return { intent: "warning", titulo: MENSAJES_PLANTILLA.tituloCancelado, texto: MENSAJES_PLANTILLA.cancelado };
}

/** Agrega la plantilla al libro abierto. */
export async function crearPlantillaEnLibro(
  vigencia: number | null,
  confirmar: Confirmar,
  deps: DependenciasPlantilla = {},
): Promise<AvisoAccion> {
  try {
    const { crearPlantilla, escribirLibroExcel } = await cargar();
    const { escrito } = await crearPlantilla({ vigencia }, (libro) =>
      escribirLibroExcel(libro, {
        confirmarReemplazo: confirmar,
        ...(deps.ejecutar ? { ejecutar: deps.ejecutar } : {}),
      }),
    );
    if (escrito.cancelado) return cancelado();
    return { intent: "success", titulo: MENSAJES_PLANTILLA.tituloListo, texto: textoPlantilla(escrito) };
  } catch (e) {
    console.error("PMR: no se pudo crear la plantilla.", e);
    return { intent: "error", titulo: MENSAJES_PLANTILLA.tituloError, texto: textoError(e) };
  }
}

function textoPlantilla(r: ResultadoEscrituraExcel): string {
  let texto = MENSAJES_PLANTILLA.plantillaCreada(r.hojas.map((h) => h.nombre));
  for (const h of r.hojas)
    if (h.nombre !== h.nombrePedido && h.nombrePedido === "PMR")
      texto += MENSAJES_PLANTILLA.plantillaConOtroNombre(h.nombrePedido, h.nombre);
  return texto;
}

/** Normaliza el libro abierto en un conjunto de hojas nuevo. */
export async function normalizarEnLibro(confirmar: Confirmar, deps: DependenciasPlantilla = {}): Promise<AvisoAccion> {
  try {
    const { normalizar, escribirLibroExcel, leerLibroExcel } = await cargar();
    const grillas = await (deps.leerLibro ?? (() => leerLibroExcel(deps.ejecutar)))();
    const r = await normalizar(
      grillas,
      (libro) =>
        escribirLibroExcel(libro, {
          confirmarReemplazo: confirmar,
          ...(deps.ejecutar ? { ejecutar: deps.ejecutar } : {}),
        }),
      { nombres: NOMBRES_NORMALIZADOS, nombresTablas: TABLAS_NORMALIZADAS },
    );
    if (r.escrito.cancelado) return cancelado();
    const escritas = new Map(r.escrito.hojas.map((h) => [h.nombrePedido, h.nombre]));
    return {
      intent: "success",
      titulo: MENSAJES_PLANTILLA.tituloListo,
      texto: MENSAJES_PLANTILLA.normalizado(
        r.hojas.map((h) => ({ origen: h.origen, destino: escritas.get(h.destino) ?? h.destino, filas: h.filas })),
      ),
    };
  } catch (e) {
    console.error("PMR: no se pudo normalizar el libro.", e);
    return { intent: "error", titulo: MENSAJES_PLANTILLA.tituloError, texto: textoError(e) };
  }
}

/** Lee la vigencia del formulario: null si está vacía, undefined si no es un año. */
export function vigenciaDeTexto(t: string): number | null | undefined {
  const s = t.trim();
  if (s === "") return null;
  if (!/^\d{4}$/.test(s)) return undefined;
  const n = Number(s);
  return n >= 1900 && n <= 2200 ? n : undefined;
}

export { escucharSolicitudes, solicitar, tomarSolicitud, type Solicitud } from "./solicitudPlantilla";
