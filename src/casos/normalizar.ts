/**
 * Casos de uso «Crear plantilla» y «Normalizar» (PMR-SPEC §6.5). Puros salvo por el puerto de
 * escritura: el anfitrión escribe la descripción (Office.js en el libro abierto, ExcelJS en un
 * .xlsx nuevo).
 *
 * Normalizar: el libro que el lector entiende, reescrito en el diseño canónico (src/workbook/
 * canonico) con cada valor tal cual, más la hoja «Correspondencia»: cada columna de origen (hoja,
 * celda y encabezado) y la columna canónica en que se convirtió, y la fila y las celdas de origen
 * de cada fila. Validar el resultado da las mismas cifras y los mismos hallazgos (por regla y
 * clave) que validar el original (test/casos/normalizar.test.ts lo comprueba con libros desordenados).
 */
import { letraColumna } from "../domain/direcciones";
import { HOJAS, type IdHoja } from "../domain/hojas";
import type { ModeloPmr } from "../domain/modelo";
import { leerModeloConOrigen, type HojaLeidaOrigen } from "../workbook";
import {
  describirLibroCanonico,
  describirPlantilla,
  IDS_CANONICOS,
  type DisposicionCanonica,
  type OpcionesPlantilla,
} from "../workbook/canonico";
import { hoja, type DescripcionHoja, type DescripcionLibro } from "../workbook/escritura";
import type { LibroGrillas } from "../workbook/grilla";

/** Puerto: escribe una descripción de hojas y dice cómo quedó. */
export type EscribirLibro<R> = (libro: DescripcionLibro) => Promise<R>;

// ---------------------------------------------------------------------------------------------
// Crear plantilla

export interface ResultadoPlantilla<R> {
  escrito: R;
  disposiciones: DisposicionCanonica[];
}

/** Arma la plantilla y la escribe con el puerto. */
export async function crearPlantilla<R>(
  opciones: OpcionesPlantilla,
  escribir: EscribirLibro<R>,
): Promise<ResultadoPlantilla<R>> {
  const { libro, disposiciones } = describirPlantilla(opciones);
  return { escrito: await escribir(libro), disposiciones };
}

// ---------------------------------------------------------------------------------------------
// Normalizar

/** Nombre de la hoja de correspondencia. */
export const HOJA_CORRESPONDENCIA = "Correspondencia";
/** Propósitos de las hojas que escribe Normalizar (marca del complemento). */
export const PROPOSITO_NORMALIZADO = "normalizado";
export const PROPOSITO_CORRESPONDENCIA = "normalizado-correspondencia";

export const ENCABEZADOS_CORRESPONDENCIA = {
  columnas: [
    "Hoja de origen",
    "Celda del encabezado",
    "Encabezado de origen",
    "Hoja canónica",
    "Columna canónica",
    "Letra canónica",
    "Nota",
  ],
  filas: ["Hoja canónica", "Fila canónica", "Hoja de origen", "Fila de origen", "Celdas de origen"],
} as const;

const NOTAS: Readonly<Record<string, string>> = {
  "codigo-en-nombre": "El código venía al comienzo del nombre; va en su columna y el nombre sin él en la suya.",
  "no-leida": "No corresponde a ninguna columna canónica: se conserva con su encabezado a la derecha.",
  duplicada: "Repite una columna ya leída: se conserva con su encabezado a la derecha.",
};

export class ErrorNormalizar extends Error {
  constructor(mensaje: string) {
    super(mensaje);
    this.name = "ErrorNormalizar";
  }
}

export interface ResumenHojaNormalizada {
  id: IdHoja;
  /** Hoja de origen y hoja canónica. */
  origen: string;
  destino: string;
  filas: number;
  /** Columnas de origen conservadas a la derecha (no son canónicas). */
  extras: number;
}

export interface ResultadoNormalizacion {
  libro: DescripcionLibro;
  disposiciones: DisposicionCanonica[];
  hojas: ResumenHojaNormalizada[];
  /** El modelo leído del libro de origen (el mismo que valida `validar`). */
  modelo: ModeloPmr;
}

export interface OpcionesNormalizar {
  /** Nombres de las hojas canónicas (por defecto PMR, PMR_Presupuesto y PMR_Territorial). */
  readonly nombres?: Readonly<Partial<Record<IdHoja, string>>>;
  /** Nombres de las tablas (en Excel, para no chocar con las de una plantilla del libro). */
  readonly nombresTablas?: Readonly<Partial<Record<IdHoja, string>>>;
}

/** La hoja «Correspondencia»: columnas de origen → canónicas, y filas de origen → canónicas. */
function hojaCorrespondencia(
  origen: Partial<Record<IdHoja, HojaLeidaOrigen>>,
  disposiciones: readonly DisposicionCanonica[],
): DescripcionHoja {
  const columnas: (string | number)[][] = [];
  const filas: (string | number)[][] = [];
  for (const d of disposiciones) {
    const h = origen[d.id];
    if (h === undefined) continue;
    const letraDe = new Map(d.columnas.map((c) => [c.clave, c.letra]));
    for (const c of h.correspondencia) {
      // Una columna extra se escribe con la clave de su letra de origen.
      const letraOrigen = c.celda.replace(/\d+$/, "");
      const letra = c.clave === null ? letraDe.get(letraOrigen) : letraDe.get(c.clave);
      columnas.push([c.hoja, c.celda, c.encabezado, d.nombre, c.canonico, letra ?? "", c.nota ? NOTAS[c.nota] : ""]);
    }
    h.filas.forEach((f, i) => {
      const celdas = celdasFila(f);
      filas.push([d.nombre, i + 2, f.origen.hoja, f.origen.fila, celdas === "" ? "" : `${f.origen.hoja}!${celdas}`]);
    });
  }
  const c = ENCABEZADOS_CORRESPONDENCIA;
  const inicioFilas = columnas.length + 4;
  const h = hoja(HOJA_CORRESPONDENCIA, PROPOSITO_CORRESPONDENCIA)
    .titulo("A1", "Columnas: de dónde viene cada columna canónica", "subtitulo")
    .celdas("A2", [[...c.columnas], ...columnas])
    .estilo(`A2:${letraColumna(c.columnas.length - 1)}2`, "encabezado")
    .titulo(`A${inicioFilas}`, "Filas: de dónde viene cada fila", "subtitulo")
    .celdas(`A${inicioFilas + 1}`, [[...c.filas], ...filas])
    .estilo(`A${inicioFilas + 1}:${letraColumna(c.filas.length - 1)}${inicioFilas + 1}`, "encabezado")
    .ancho("A", 20)
    .ancho("B", 14)
    .ancho("C", 36)
    .ancho("D", 18)
    .ancho("E", 30)
    .ancho("F", 10)
    .ancho("G", 60);
  return h.construir();
}

/** Celdas de origen de una fila: de la primera a la última con valor («B7:AZ7»). */
function celdasFila(f: HojaLeidaOrigen["filas"][number]): string {
  let min = Infinity;
  let max = -Infinity;
  let letraMin = "";
  let letraMax = "";
  for (const v of [...Object.values(f.valores), ...Object.values(f.extras ?? {})]) {
    const letra = v?.celda?.replace(/\d+$/, "");
    if (!letra) continue;
    let n = 0;
    for (const ch of letra) n = n * 26 + (ch.charCodeAt(0) - 64);
    if (n < min) [min, letraMin] = [n, letra];
    if (n > max) [max, letraMax] = [n, letra];
  }
  if (letraMin === "") return "";
  return letraMin === letraMax
    ? `${letraMin}${f.origen.fila}`
    : `${letraMin}${f.origen.fila}:${letraMax}${f.origen.fila}`;
}

/**
 * Describe el libro normalizado. Lanza ErrorNormalizar si el lector no encontró la hoja PMR
 * (no hay nada que normalizar).
 */
export function normalizarLibro(grillas: LibroGrillas, opciones: OpcionesNormalizar = {}): ResultadoNormalizacion {
  const { modelo, origen } = leerModeloConOrigen(grillas);
  if (origen.pmr === undefined) {
    const faltante = modelo.lectura.find((p) => p.tipo === "hoja-faltante" || p.tipo === "columna-faltante");
    throw new ErrorNormalizar(
      `No se puede normalizar: el lector no encontró una hoja PMR con sus encabezados. ${faltante?.detalle ?? ""}`.trim(),
    );
  }
  const { libro, disposiciones } = describirLibroCanonico(origen, {
    proposito: PROPOSITO_NORMALIZADO,
    ...(opciones.nombres ? { nombres: opciones.nombres } : {}),
    ...(opciones.nombresTablas ? { nombresTablas: opciones.nombresTablas } : {}),
  });
  const hojas: ResumenHojaNormalizada[] = [];
  for (const id of IDS_CANONICOS) {
    const h = origen[id];
    if (h === undefined) continue;
    hojas.push({
      id,
      origen: h.hoja,
      destino: opciones.nombres?.[id] ?? HOJAS[id].nombre,
      filas: h.filas.length,
      extras: h.extras?.length ?? 0,
    });
  }
  return {
    libro: { hojas: [...libro.hojas, hojaCorrespondencia(origen, disposiciones)] },
    disposiciones,
    hojas,
    modelo,
  };
}

/** Normaliza y escribe con el puerto. */
export async function normalizar<R>(
  grillas: LibroGrillas,
  escribir: EscribirLibro<R>,
  opciones: OpcionesNormalizar = {},
): Promise<ResultadoNormalizacion & { escrito: R }> {
  const r = normalizarLibro(grillas, opciones);
  return { ...r, escrito: await escribir(r.libro) };
}
