/**
 * Eventos de cambio de las hojas en el Excel falso: `Worksheet.onChanged` (ExcelApi 1.7), lo que
 * usa «Validar mientras escribe». Se conecta al falso con pocas líneas (excel-falso.ts:
 * `HojaProxy.onChanged`, `LibroFalso.eventos`, `Excel.run(context, lote)`).
 *
 * Lo que modela, como Office.js:
 * - `hoja.onChanged.add(manejador)` se encola y queda registrado en el `sync` siguiente; devuelve
 *   un EventHandlerResult con `context` y `remove()`, que también se encola. Para quitarlo se usa
 *   `Excel.run(resultado.context, lote)` (el contexto de un lote anterior: ExcelApi 1.1).
 * - Los avisos llegan después del cambio, de forma asíncrona, a cada manejador registrado en esa
 *   hoja, con WorksheetChangedEventArgs: `type` "WorksheetChanged", `worksheetId`, `address` (sin
 *   el nombre de la hoja), `changeType` "RangeEdited", `source` "Local", `details` solo si cambió
 *   una celda (ExcelApi 1.9) y `triggerSource` (ExcelApi 1.14: "Unknown" para lo que hace el
 *   usuario, "ThisLocalAddin" para lo que hace el complemento; ausente en versiones anteriores).
 * - Lo que el usuario escribe (`escribirComoUsuario`) cambia los valores y avisa.
 * - Los formatos condicionales que agrega o borra el complemento NO avisan por defecto: la
 *   documentación dice que onChanged es para cambios de datos (el formato tiene onFormatChanged,
 *   ExcelApi 1.9) y no hay evento documentado para los formatos condicionales. Para probar que el
 *   complemento se protege igual, `avisarCambiosDelComplemento` hace que sí avisen (con
 *   triggerSource "ThisLocalAddin" desde ExcelApi 1.14; sin él antes).
 * - Con una versión de ExcelApi anterior a 1.7, `onChanged` no existe (ApiNotFound).
 *
 * No modela: onChanged de WorksheetCollection (ExcelApi 1.9) ni de tablas, inserción o borrado
 * de filas (changeType RowInserted…), cambios de otra sesión (source "Remote"), cálculo de
 * fórmulas (el falso no las tiene): usarlos lanza «no modelado».
 */

/** WorksheetChangedEventArgs como los entrega Excel (lo modelado). */
export interface ArgsCambioHoja {
  type: "WorksheetChanged";
  worksheetId: string;
  address: string;
  changeType: "RangeEdited";
  source: "Local";
  triggerSource?: "Unknown" | "ThisLocalAddin";
  details?: { valueBefore: unknown; valueAfter: unknown; valueTypeBefore: string; valueTypeAfter: string };
}

export type ManejadorCambio = (args: ArgsCambioHoja) => unknown;

/** Lo que el registro necesita del contexto del falso (sin importarlo: evita un ciclo de módulos). */
export interface ContextoConCola {
  _encolar(op: () => void, argumentos?: unknown): void;
}

/** Manejadores registrados por hoja (id), y el envío asíncrono de los avisos. */
export class RegistroEventos {
  private readonly porHoja = new Map<string, Set<ManejadorCambio>>();
  /** Avisos enviados (para las pruebas). */
  enviados: ArgsCambioHoja[] = [];
  /** Avisos en vuelo (enviados y aún no entregados). */
  private enVuelo = 0;
  private esperando: (() => void)[] = [];

  constructor(
    private readonly opciones: { versionExcelApi: () => string; avisarCambiosDelComplemento: () => boolean },
  ) {}

  registrados(hojaId?: string): number {
    if (hojaId !== undefined) return this.porHoja.get(hojaId)?.size ?? 0;
    let n = 0;
    for (const s of this.porHoja.values()) n += s.size;
    return n;
  }

  agregar(hojaId: string, m: ManejadorCambio): void {
    let s = this.porHoja.get(hojaId);
    if (!s) this.porHoja.set(hojaId, (s = new Set()));
    s.add(m);
  }

  quitar(hojaId: string, m: ManejadorCambio): void {
    this.porHoja.get(hojaId)?.delete(m);
  }

  /** Avisa un cambio de datos en `address` de la hoja (el usuario, o el complemento si `propio`). */
  avisar(hojaId: string, address: string, propio: boolean, details?: ArgsCambioHoja["details"]): void {
    if (propio && !this.opciones.avisarCambiosDelComplemento()) return;
    const manejadores = [...(this.porHoja.get(hojaId) ?? [])];
    if (manejadores.length === 0) return;
    const args: ArgsCambioHoja = {
      type: "WorksheetChanged",
      worksheetId: hojaId,
      address,
      changeType: "RangeEdited",
      source: "Local",
    };
    if (versionAlMenos(this.opciones.versionExcelApi(), "1.14"))
      args.triggerSource = propio ? "ThisLocalAddin" : "Unknown";
    if (details && versionAlMenos(this.opciones.versionExcelApi(), "1.9")) args.details = details;
    this.enviados.push(args);
    this.enVuelo++;
    // Como Excel: el aviso llega después, no dentro de la escritura.
    setTimeout(() => {
      try {
        for (const m of manejadores) {
          try {
            const r = m(Object.freeze({ ...args }));
            if (r && typeof (r as Promise<unknown>).catch === "function")
              (r as Promise<unknown>).catch(() => undefined);
          } catch {
            // Office no propaga las excepciones de un manejador a quien cambió la celda.
          }
        }
      } finally {
        this.enVuelo--;
        if (this.enVuelo === 0) for (const r of this.esperando.splice(0)) r();
      }
    }, 0);
  }

  /** Espera a que se entreguen los avisos enviados (para las pruebas). */
  entregados(): Promise<void> {
    if (this.enVuelo === 0) return Promise.resolve();
    return new Promise((r) => this.esperando.push(r));
  }
}

export function versionAlMenos(version: string, minimo: string): boolean {
  const a = version.split(".").map(Number);
  const b = minimo.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return true;
}

/**
 * `Worksheet.onChanged`: EventHandlers con `add(manejador)` → EventHandlerResult. `crearError`
 * fabrica el error de Office (ApiNotFound) cuando la versión no lo soporta.
 */
export function eventHandlersDeHoja(
  ctx: ContextoConCola,
  registro: RegistroEventos,
  hojaId: () => string,
  version: string,
  crearError: (code: string, mensaje: string) => Error,
): { add(m: ManejadorCambio): { context: ContextoConCola; remove(): void } } {
  if (!versionAlMenos(version, "1.7")) {
    throw crearError(
      "ApiNotFound",
      "The API you are trying to use could not be found (Worksheet.onChanged, ExcelApi 1.7).",
    );
  }
  return Object.freeze({
    add(m: ManejadorCambio) {
      if (typeof m !== "function") throw crearError("InvalidArgument", "The event handler must be a function.");
      let id = "";
      ctx._encolar(() => {
        id = hojaId();
        registro.agregar(id, m);
      });
      return Object.freeze({
        context: ctx,
        remove() {
          ctx._encolar(() => registro.quitar(id, m));
        },
      });
    },
  });
}
