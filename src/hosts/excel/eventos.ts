/**
 * Escuchar los cambios de las hojas (para «Validar mientras escribe»): `Worksheet.onChanged`
 * (ExcelApi 1.7) en cada hoja del libro, registrado en 2 viajes a Excel sin importar cuántas
 * hojas haya (los nombres y, después, todos los registros juntos). Cada aviso llega con el nombre
 * de la hoja, la dirección cambiada y si lo causó el propio complemento (`triggerSource`,
 * ExcelApi 1.14; en versiones anteriores Excel no lo dice y llega null).
 *
 * Quitar la escucha usa el contexto del registro (`Excel.run(context, lote)`), como pide
 * Office.js para `EventHandlerResult.remove()`: 1 viaje.
 *
 * El resaltado son formatos condicionales: la documentación de Office describe onChanged como
 * cambios de datos y no tiene evento para los formatos condicionales, así que resaltar no
 * debería avisar; quien escucha se protege igual (src/taskpane/enVivo.ts).
 */
import { ejecutarExcel, soportaExcelApi, type Ejecutar } from "./contexto";

export interface CambioHoja {
  /** Nombre de la hoja (el que tenía al empezar a escuchar). */
  hoja: string;
  /** Dirección A1 del área cambiada, sin el nombre de la hoja («B7», «B7:D9»). */
  direccion: string;
  /** true: lo causó este complemento; false: otro (el usuario); null: este Excel no lo dice. */
  propio: boolean | null;
  /** `changeType` («RangeEdited», «RowInserted»…): qué tanto cambió la hoja. */
  tipo?: string;
}

export interface EscuchaCambios {
  /** Hojas escuchadas. */
  hojas: string[];
  /** Viajes a Excel que costó empezar a escuchar (2). */
  syncs: number;
  /** Deja de escuchar (1 viaje). No lanza si Excel ya no responde: la escucha muere con el libro. */
  cancelar(): Promise<void>;
}

/** `Excel.run(context, lote)`: un lote con el contexto de uno anterior. */
export type EjecutarEn = <T>(
  contexto: Excel.RequestContext,
  lote: (context: Excel.RequestContext) => Promise<T>,
) => Promise<T>;

export const ejecutarExcelEn: EjecutarEn = (contexto, lote) => Excel.run(contexto, lote);

/** ¿Este Excel avisa los cambios de las hojas? (Worksheet.onChanged, ExcelApi 1.7). */
export function soportaEventosDeCambio(): boolean {
  return soportaExcelApi("1.7");
}

/** Empieza a escuchar los cambios de todas las hojas del libro. */
export async function escucharCambios(
  alCambiar: (cambio: CambioHoja) => void,
  ejecutar: Ejecutar = ejecutarExcel,
  ejecutarEn: EjecutarEn = ejecutarExcelEn,
): Promise<EscuchaCambios> {
  return ejecutar(async (context) => {
    const hojas = context.workbook.worksheets;
    hojas.load("items/name,items/id");
    await context.sync();
    const nombres = new Map(hojas.items.map((h) => [h.id, h.name]));
    const manejador = async (e: Excel.WorksheetChangedEventArgs): Promise<void> => {
      const origen = (e as { triggerSource?: string }).triggerSource;
      alCambiar({
        hoja: nombres.get(e.worksheetId) ?? "",
        direccion: e.address,
        tipo: e.changeType,
        propio: origen === undefined ? null : origen === "ThisLocalAddin",
      });
    };
    const registros = hojas.items.map((h) => h.onChanged.add(manejador));
    await context.sync();
    let cancelada = false;
    return {
      hojas: [...nombres.values()],
      syncs: 2,
      async cancelar() {
        if (cancelada || registros.length === 0) return;
        cancelada = true;
        try {
          await ejecutarEn(registros[0].context as Excel.RequestContext, async (ctx) => {
            for (const r of registros) r.remove();
            await ctx.sync();
          });
        } catch (error) {
          console.warn("PMR: no se pudo dejar de escuchar los cambios del libro.", error);
        }
      },
    };
  });
}
