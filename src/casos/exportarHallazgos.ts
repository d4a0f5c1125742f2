/**
 * Caso de uso «Exportar hallazgos» (PMR-SPEC §6.3): una hoja con cada hallazgo (abiertos, cerrados
 * y resueltos), su decisión, su nota, quién y cuándo decidió, y un vínculo a su celda: lo que el
 * analista envía a su supervisor. Puro: arma la descripción (src/workbook/escritura) que escriben
 * Excel (en el libro abierto, con vínculos dentro del libro) o `pmr validar --exportar` (un .xlsx
 * nuevo, con vínculos al libro validado).
 *
 * Los textos del libro (mensajes, notas, nombres de hoja) se escriben SIEMPRE como texto, aunque
 * empiecen por `=`, `+`, `-` o `@` (regla de la descripción); la única fórmula es el vínculo,
 * armado aquí con las comillas escapadas.
 */
import { vigente, fechaDecision, type DecisionGuardada } from "../domain/decisiones";
import { NOMBRES_MES_LARGOS, type Hallazgo } from "../domain";
import { formula, hoja, libro, referenciaHoja, type Contenido, type DescripcionLibro } from "../workbook/escritura";
import type { InformeValidacion } from "./validar";

export const NOMBRE_HOJA_HALLAZGOS = "Hallazgos PMR";
export const PROPOSITO_HALLAZGOS = "hallazgos";
export const TABLA_HALLAZGOS = "PMR_Hallazgos";

export const COLUMNAS_EXPORTADAS = [
  "Estado",
  "Severidad",
  "Categoría",
  "Regla",
  "Celda",
  "Mensaje",
  "Decisión",
  "Nota",
  "Decidido por",
  "Fecha de la decisión",
  "Desapareció",
  "Clave",
] as const;

const TEXTOS = {
  titulo: "Hallazgos del PMR con su decisión",
  subtitulo: (archivo: string | null, vigencia: number | null, corte: number, fecha: string) =>
    [
      archivo ? `Libro: ${archivo}` : null,
      vigencia === null ? null : `Vigencia ${vigencia}`,
      `Corte: ${NOMBRES_MES_LARGOS[corte - 1] ?? corte}`,
      `Exportado: ${fecha}`,
    ]
      .filter(Boolean)
      .join(" · "),
  abierto: "Abierto",
  cerrado: "Cerrado",
  resuelto: "Resuelto (ya no aparece)",
  severidad: { error: "Error", advertencia: "Advertencia", info: "Informativo" },
} as const;

export interface OpcionesExportar {
  /**
   * Archivo del libro validado, para los vínculos desde un .xlsx aparte («libro.xlsx#'PMR'!I32»);
   * null = la hoja va dentro del mismo libro («#'PMR'!I32»).
   */
  libroVinculado: string | null;
  /** Cómo nombrar el libro en el subtítulo (por defecto, ninguno). */
  archivo?: string | null;
  ahora?: Date;
}

/** Texto para dentro de una cadena de fórmula: las comillas dobles se duplican. */
function enCadena(texto: string): string {
  return texto.replace(/"/g, '""');
}

/** El vínculo a la celda del hallazgo (fórmula HYPERLINK en notación inglesa). */
export function vinculoACelda(hojaDestino: string, celda: string, libroVinculado: string | null): Contenido {
  // Solo direcciones A1 o rangos A1: otra cosa (texto raro en un libro editado a mano) va como texto.
  if (!/^\$?[A-Z]{1,3}\$?\d{1,7}(:\$?[A-Z]{1,3}\$?\d{1,7})?$/.test(celda)) return `${hojaDestino}!${celda}`;
  const destino = `${libroVinculado ?? ""}#${referenciaHoja(hojaDestino)}!${celda}`;
  const visible = `${hojaDestino}!${celda}`.slice(0, 255);
  return formula(`HYPERLINK("${enCadena(destino)}","${enCadena(visible)}")`);
}

function filaDe(
  estado: string,
  h: Pick<Hallazgo, "severidad" | "categoria" | "regla" | "hoja" | "celda" | "mensaje" | "clave">,
  g: DecisionGuardada | undefined,
  desaparecido: string | null,
  libroVinculado: string | null,
): Contenido[] {
  const v = g ? vigente(g) : null;
  return [
    estado,
    TEXTOS.severidad[h.severidad] ?? h.severidad,
    h.categoria,
    h.regla,
    vinculoACelda(h.hoja, h.celda, libroVinculado),
    h.mensaje,
    v?.decision ?? "Pendiente",
    v?.nota ? v.nota : null,
    v?.autor ?? null,
    v ? fechaDecision(v.fecha) : null,
    desaparecido ? fechaDecision(desaparecido) : null,
    h.clave,
  ];
}

/**
 * La descripción de la hoja «Hallazgos PMR»: título, subtítulo, y una tabla con los abiertos, los
 * cerrados y los resueltos (en ese orden, cada grupo en el orden del informe).
 */
export function describirHallazgosExportados(informe: InformeValidacion, opciones: OpcionesExportar): DescripcionLibro {
  const d = informe.decisiones;
  const cerrados = new Set(d.cerrados.map((h) => h.clave));
  const abiertos = informe.hallazgos.filter((h) => !cerrados.has(h.clave));
  const filas: Contenido[][] = [
    ...abiertos.map((h) => filaDe(TEXTOS.abierto, h, d.porClave.get(h.clave), null, opciones.libroVinculado)),
    ...d.cerrados.map((h) => filaDe(TEXTOS.cerrado, h, d.porClave.get(h.clave), null, opciones.libroVinculado)),
    ...d.resueltos.map((r) =>
      filaDe(
        TEXTOS.resuelto,
        { ...r.guardada.hallazgo, clave: r.clave },
        r.guardada,
        r.desaparecido,
        opciones.libroVinculado,
      ),
    ),
  ];
  const ev = informe.evaluacion;
  const fecha = fechaDecision((opciones.ahora ?? new Date()).toISOString());
  const ultimaColumna = String.fromCharCode(64 + COLUMNAS_EXPORTADAS.length);
  const inicioTabla = 3;
  const h = hoja(NOMBRE_HOJA_HALLAZGOS, PROPOSITO_HALLAZGOS)
    .titulo(`A1:${ultimaColumna}1`, TEXTOS.titulo)
    .celda("A2", TEXTOS.subtitulo(opciones.archivo ?? null, ev.vigencia, ev.corte, fecha))
    .estilo("A2", "nota")
    .celdas(`A${inicioTabla}`, [[...COLUMNAS_EXPORTADAS], ...filas])
    .estilo(`A${inicioTabla}:${ultimaColumna}${inicioTabla}`, "encabezado")
    .ancho("A", 14)
    .ancho("B", 12)
    .ancho("C", 18)
    .ancho("D", 26)
    .ancho("E", 18)
    .ancho("F", 70)
    .ancho("G", 13)
    .ancho("H", 40)
    .ancho("I:K", 20)
    .ancho("L", 14)
    .inmovilizar(inicioTabla);
  if (filas.length > 0) {
    h.estilo(`F${inicioTabla + 1}:F${inicioTabla + filas.length}`, "ajustar");
    h.estilo(`H${inicioTabla + 1}:H${inicioTabla + filas.length}`, "ajustar");
  }
  // Una tabla de Excel necesita al menos una fila de datos.
  h.tabla({
    nombre: TABLA_HALLAZGOS,
    rango: `A${inicioTabla}:${ultimaColumna}${inicioTabla + Math.max(1, filas.length)}`,
  });
  return libro(h);
}
