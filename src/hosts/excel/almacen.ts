/**
 * El almacén del complemento dentro del libro abierto en Excel (puerto AlmacenLibro de
 * src/workbook/almacen):
 *
 * - La configuración vive en la configuración del documento (`Office.context.document.settings`,
 *   clave `pmr.configuracion`), como siempre: las funciones =PMR.* la leen sin esperar y los libros
 *   guardados antes siguen funcionando. Leerla no va a Excel; guardarla es `guardarConfiguracion`.
 * - Las demás ranuras (sellos, decisiones…) viven en partes XML personalizadas
 *   (`workbook.customXmlParts`, ExcelApi 1.5) del espacio de nombres ESPACIO_ALMACEN.
 *
 * Viajes a Excel (`context.sync()`), que no dependen del número de indicadores sino del tamaño de
 * lo guardado: leer, 1 para la lista de partes más 1 por cada BYTES_POR_VIAJE (3 MiB, hasta 7
 * partes; 2 viajes mientras lo guardado quepa en ese tamaño, 1 si no hay nada); escribir, esos
 * mismos para leer más 1 por cada 3 MiB de partes nuevas, en el último de los cuales se quitan las
 * partes viejas de la ranura. Los lotes de 3 MiB mantienen cada solicitud y cada respuesta bajo
 * los 5 MB que admite Excel en la Web.
 *
 * Escribir primero agrega las partes nuevas y solo al final quita las viejas: si algo falla a la
 * mitad, lo anterior sigue completo (y el lector prefiere la escritura completa más reciente).
 */
import { type Configuracion } from "../../domain";
import {
  ESPACIO_ALMACEN,
  ErrorAlmacen,
  MAX_BYTES_PARTE,
  RANURA_CONFIGURACION,
  inventariar,
  leerRanuraDeInventario,
  planificarEscritura,
  type AlmacenLibro,
  type DatosDeRanura,
  type LecturaRanura,
  type ParteGuardada,
  type Ranura,
} from "../../workbook/almacen";
import { guardarConfiguracion } from "./configuracion";
import {
  ajustesDelDocumento,
  codigoError,
  detalleError,
  ejecutarExcel,
  guardarAjustes,
  sincronizar,
  soportaExcelApi,
  type AjustesDocumento,
  type ContadorSyncs,
  type Ejecutar,
} from "./contexto";
import { MENSAJES_EXCEL } from "./mensajes";

/** Lo que se envía o se pide a Excel por viaje, como máximo (Excel en la Web: 5 MB por solicitud y por respuesta). */
export const BYTES_POR_VIAJE = 3 * 1024 * 1024;

export interface OpcionesAlmacenExcel {
  /** `Excel.run` (por defecto) o el `run` del Excel falso. */
  ejecutar?: Ejecutar;
  /** La configuración del documento (por defecto `Office.context.document.settings`). */
  ajustes?: AjustesDocumento | null;
  /** Tamaño máximo de cada parte (por defecto MAX_BYTES_PARTE). */
  maxBytesParte?: number;
  /** Bytes de partes por viaje (por defecto BYTES_POR_VIAJE). */
  bytesPorViaje?: number;
}

/** El almacén de Excel y la cuenta de sus viajes. */
export interface AlmacenExcel extends AlmacenLibro {
  /** Viajes a Excel (`context.sync()`) hechos por este almacén. */
  readonly medida: ContadorSyncs;
}

function esLimiteDeTamano(error: unknown): boolean {
  const codigo = codigoError(error) ?? "";
  return codigo === "RequestPayloadSizeLimitExceeded" || codigo === "ResponsePayloadSizeLimitExceeded";
}

/** Lee el texto de todas las partes del almacén, en lotes de a lo sumo `porViaje` partes. */
async function leerPartes(
  context: Excel.RequestContext,
  contador: ContadorSyncs,
  porViaje: number,
): Promise<{ coleccion: Excel.CustomXmlPartScopedCollection; partes: ParteGuardada[]; problemas: string[] }> {
  const coleccion = context.workbook.customXmlParts.getByNamespace(ESPACIO_ALMACEN);
  coleccion.load("items/id");
  // context.sync() escrito aquí (y no con `sincronizar`) para que eslint-plugin-office-addins vea
  // la carga y el viaje; cada uno se cuenta igual.
  contador.syncs++;
  await context.sync();
  // eslint-disable-next-line office-addins/load-object-before-read -- «items/id» carga items (el plugin solo reconoce «items»)
  const items = coleccion.items;
  const partes: ParteGuardada[] = [];
  const problemas: string[] = [];
  const lotes: Excel.CustomXmlPart[][] = [];
  for (let i = 0; i < items.length; i += porViaje) lotes.push(items.slice(i, i + porViaje));
  // Un viaje por lote (no por parte): los lotes existen solo por el límite de 5 MB de la Web.
  for (const lote of lotes) {
    const textos = lote.map((p) => p.getXml());
    try {
      contador.syncs++;
      await context.sync(); // eslint-disable-line office-addins/no-context-sync-in-loop
      lote.forEach((p, k) => partes.push({ id: p.id, xml: textos[k].value }));
    } catch (error) {
      if (!esLimiteDeTamano(error)) throw error;
      // Excel en la Web rechazó la respuesta: de a una parte; la que aun así no pasa queda como problema.
      for (const p of lote) {
        const texto = p.getXml();
        try {
          contador.syncs++;
          await context.sync(); // eslint-disable-line office-addins/no-context-sync-in-loop
          // eslint-disable-next-line office-addins/load-object-before-read -- un ClientResult no se carga: su value llega con el sync
          partes.push({ id: p.id, xml: texto.value });
        } catch (e) {
          if (!esLimiteDeTamano(e)) throw e;
          problemas.push(MENSAJES_EXCEL.almacenParteMuyGrandeWeb);
        }
      }
    }
  }
  return { coleccion, partes, problemas };
}

/** Agrupa textos en lotes de a lo sumo `bytes` (cada lote con al menos uno). */
function enLotes(textos: readonly string[], bytes: number): string[][] {
  const lotes: string[][] = [];
  let actual: string[] = [];
  let suma = 0;
  for (const t of textos) {
    if (actual.length > 0 && suma + t.length > bytes) {
      lotes.push(actual);
      actual = [];
      suma = 0;
    }
    actual.push(t);
    suma += t.length;
  }
  if (actual.length > 0) lotes.push(actual);
  return lotes;
}

/** El almacén del libro abierto en Excel. */
export function crearAlmacenExcel(opciones: OpcionesAlmacenExcel = {}): AlmacenExcel {
  const ejecutar = opciones.ejecutar ?? ejecutarExcel;
  const maxBytesParte = opciones.maxBytesParte ?? MAX_BYTES_PARTE;
  const bytesPorViaje = opciones.bytesPorViaje ?? BYTES_POR_VIAJE;
  const porViaje = Math.max(1, Math.floor(bytesPorViaje / maxBytesParte));
  const ajustes = () => (opciones.ajustes === undefined ? ajustesDelDocumento() : opciones.ajustes);
  const medida: ContadorSyncs = { syncs: 0 };

  function leerAjuste<T>(ranura: Ranura<T>): LecturaRanura<T> {
    let crudo: unknown = null;
    try {
      crudo = ajustes()?.get(ranura.ajuste as string);
    } catch {
      crudo = null;
    }
    const r = ranura.interpretarAjuste(crudo);
    return { ...r, version: r.datos === null ? null : ranura.version };
  }

  async function leerVarias<const R extends readonly Ranura<unknown>[]>(
    ranuras: R,
  ): Promise<{ -readonly [K in keyof R]: LecturaRanura<DatosDeRanura<R[K]>> }> {
    const conPartes = ranuras.some((r) => r.respaldo === "partes");
    let leidas: { partes: ParteGuardada[]; problemas: string[] } | null = null;
    let sinSoporte = false;
    if (conPartes) {
      if (!soportaExcelApi("1.5")) sinSoporte = true;
      else {
        try {
          leidas = await ejecutar(async (context) => {
            const r = await leerPartes(context, medida, porViaje);
            return { partes: r.partes, problemas: r.problemas };
          });
        } catch (error) {
          throw new Error(MENSAJES_EXCEL.almacenLecturaFallida(detalleError(error)), { cause: error });
        }
      }
    }
    const inventario = leidas ? inventariar(leidas.partes) : null;
    return ranuras.map((ranura) => {
      if (ranura.respaldo === "ajuste") return leerAjuste(ranura);
      if (sinSoporte || !inventario || !leidas)
        return { datos: null, problemas: [MENSAJES_EXCEL.almacenSinSoporte], version: null };
      const r = leerRanuraDeInventario(ranura, inventario);
      return { ...r, problemas: [...leidas.problemas, ...r.problemas] };
    }) as { -readonly [K in keyof R]: LecturaRanura<DatosDeRanura<R[K]>> };
  }

  async function escribirAjuste<T>(ranura: Ranura<T>, datos: T): Promise<void> {
    if (ranura === (RANURA_CONFIGURACION as unknown as Ranura<T>)) {
      await guardarConfiguracion(datos as unknown as Configuracion, ajustes());
      return;
    }
    const r = ranura.validar(datos);
    if (!r.ok)
      throw new ErrorAlmacen(MENSAJES_EXCEL.almacenEscrituraFallida(ranura.descripcion, r.problemas.join(" ")));
    const a = ajustes();
    if (!a) throw new Error(MENSAJES_EXCEL.sinDocumento);
    try {
      a.set(ranura.ajuste as string, JSON.stringify(r.datos));
      await guardarAjustes(a);
    } catch (error) {
      throw new Error(MENSAJES_EXCEL.almacenEscrituraFallida(ranura.descripcion, detalleError(error)), {
        cause: error,
      });
    }
  }

  async function escribirPartes<T>(ranura: Ranura<T>, datos: T): Promise<void> {
    if (!soportaExcelApi("1.5")) throw new Error(MENSAJES_EXCEL.almacenSinSoporte);
    try {
      await ejecutar(async (context) => {
        const { partes } = await leerPartes(context, medida, porViaje);
        const plan = planificarEscritura(ranura, datos, partes, { maxBytesParte });
        const todas = context.workbook.customXmlParts;
        const lotes = enLotes(plan.nuevas, bytesPorViaje);
        const agregadas: Excel.CustomXmlPart[] = [];
        try {
          for (let k = 0; k < lotes.length; k++) {
            const nuevas = lotes[k].map((xml) => todas.add(xml));
            for (const p of nuevas) p.load("id");
            if (k === lotes.length - 1) for (const id of plan.quitar) todas.getItem(id).delete();
            // Un viaje por lote de 3 MiB (límite de 5 MB por solicitud de Excel en la Web).
            medida.syncs++;
            await context.sync(); // eslint-disable-line office-addins/no-context-sync-in-loop
            agregadas.push(...nuevas);
          }
        } catch (error) {
          // Lo anterior queda completo; se intenta quitar lo nuevo ya agregado en lotes anteriores.
          if (agregadas.length > 0) {
            try {
              for (const p of agregadas) todas.getItem(p.id).delete();
              await sincronizar(context, medida);
            } catch {
              // Queda una escritura incompleta: el lector la ignora y la próxima escritura la quita.
            }
          }
          throw error;
        }
      });
    } catch (error) {
      if (error instanceof ErrorAlmacen) throw error;
      throw new Error(MENSAJES_EXCEL.almacenEscrituraFallida(ranura.descripcion, detalleError(error)), {
        cause: error,
      });
    }
  }

  return {
    medida,
    leerVarias,
    async leer<T>(ranura: Ranura<T>): Promise<LecturaRanura<T>> {
      const [r] = await leerVarias([ranura as Ranura<unknown>] as const);
      return r as LecturaRanura<T>;
    },
    async escribir<T>(ranura: Ranura<T>, datos: T): Promise<void> {
      if (ranura.respaldo === "ajuste") await escribirAjuste(ranura, datos);
      else await escribirPartes(ranura, datos);
    },
  };
}
