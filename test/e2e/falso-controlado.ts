/**
 * El Excel falso (test/fakes/excel-falso.ts) instalado como anfitrión, con un interruptor para
 * que Excel falle: mientras `control.fallo` tenga un texto, cada `Excel.run` se rechaza con un
 * error de Office.js (code "GeneralException"), como cuando Excel en la Web pierde la conexión.
 * Sin imports de Node: se usa en Jest y, empaquetado con esbuild, en la página.
 */
import { ErrorExcelFalso, instalarExcelFalso, type LibroFalso } from "../fakes/excel-falso";

export interface ControlFalso {
  /** Si no es null, el próximo Excel.run (y los siguientes) fallan con este mensaje. */
  fallo: string | null;
}

export function instalarFalsoControlado(
  destino: object,
  libro: LibroFalso,
): { control: ControlFalso; desinstalar: () => void } {
  const instalado = instalarExcelFalso(destino, libro);
  const g = destino as Record<string, unknown>;
  const excel = g.Excel as Record<string, unknown>;
  const control: ControlFalso = { fallo: null };
  const run = <T>(lote: Parameters<LibroFalso["run"]>[0]): Promise<T> =>
    control.fallo !== null
      ? Promise.reject(new ErrorExcelFalso("GeneralException", control.fallo))
      : (libro.run(lote) as Promise<T>);
  g.Excel = new Proxy(excel, {
    get: (destinoExcel, p, receptor) => (p === "run" ? run : Reflect.get(destinoExcel, p, receptor)),
  });
  return { control, desinstalar: instalado.desinstalar };
}
