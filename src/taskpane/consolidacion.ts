/**
 * La consolidación en el panel (PMR-SPEC §6.6): se carga SOLO cuando el analista consolida
 * (`import()` dinámico desde components/Consolidar.tsx: webpack la pone en un paquete aparte, con el
 * lector de .xlsx y JSZip), así la primera carga del panel no crece.
 *
 * Lee cada archivo elegido con el lector de .xlsx sin Node (hosts/xlsx/libroXlsx), uno a la vez,
 * consolida y valida con el caso de uso, y escribe las hojas consolidadas en el libro abierto con
 * escribirLibroExcel (pregunta antes de reemplazar hojas consolidadas anteriores; nunca toca otra).
 */
import { consolidar, type InformeConsolidacion, type ProgresoConsolidacion } from "../casos/consolidar";
import { escribirLibroExcel, type ResultadoEscrituraExcel } from "../hosts/excel/escritura";
import { leerLibroXlsx } from "../hosts/xlsx/libroXlsx";

/** Nombres de las hojas consolidadas en el libro abierto (no chocan con la hoja PMR del analista). */
export const NOMBRES_CONSOLIDADO = {
  pmr: "PMR consolidado",
  presupuesto: "Presupuesto consolidado",
  territorial: "Territorial consolidado",
} as const;

/** Un archivo elegido (un File del navegador). */
export interface ArchivoElegido {
  readonly name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface ResultadoConsolidacionPanel {
  informe: InformeConsolidacion;
  /** null si ningún libro se pudo leer (no se escribió nada). */
  escritura: ResultadoEscrituraExcel | null;
}

export async function consolidarEnLibro(
  archivos: readonly ArchivoElegido[],
  opciones: {
    alProgreso(p: ProgresoConsolidacion | { etapa: "escribiendo" }): void;
    confirmarReemplazo(hojas: readonly string[]): Promise<boolean>;
    pedida?: Readonly<Record<string, unknown>>;
  },
): Promise<ResultadoConsolidacionPanel> {
  const informe = await consolidar(
    archivos.map((a) => ({
      nombre: a.name,
      leer: async () => leerLibroXlsx(new Uint8Array(await a.arrayBuffer()), { nombre: a.name, hojas: "necesarias" }),
    })),
    {
      pedida: opciones.pedida,
      alProgreso: opciones.alProgreso,
      ceder: () => new Promise((listo) => setTimeout(listo, 0)),
      nombres: NOMBRES_CONSOLIDADO,
    },
  );
  if (informe.leidos === 0) return { informe, escritura: null };
  opciones.alProgreso({ etapa: "escribiendo" });
  const escritura = await escribirLibroExcel(informe.libro, { confirmarReemplazo: opciones.confirmarReemplazo });
  return { informe, escritura };
}
