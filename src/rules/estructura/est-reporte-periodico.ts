import { direccionA1 } from "../../domain/direcciones";
import type { Hallazgo } from "../../domain/hallazgo";
import { SERIES_PMR } from "../../domain/hojas/pmr";
import type { PeriodoReporte, SeriePmr } from "../../domain/modelo";
import { citar, meses } from "../formato";
import { definirRegla } from "../tipos";
import { hallazgo } from "../utilidades";

const SERIE: Record<SeriePmr, string> = {
  programado: "La programación",
  ejecutado: "La ejecución",
  cualitativo: "El avance cualitativo",
};
const PERIODO: Record<Exclude<PeriodoReporte, "mensual">, { texto: string; meses?: number[] }> = {
  bimestral: { texto: "por bimestre", meses: [2, 4, 6, 8, 10, 12] },
  trimestral: { texto: "por trimestre", meses: [3, 6, 9, 12] },
  semestral: { texto: "por semestre", meses: [6, 12] },
  anual: { texto: "por año", meses: [12] },
  mixto: { texto: "por meses y por periodos mezclados" },
};

const mensaje = (d: {
  hoja: string;
  serie: SeriePmr;
  periodo: Exclude<PeriodoReporte, "mensual">;
  columnas: number[];
}) => {
  const p = PERIODO[d.periodo];
  const cierre = p.meses
    ? `cada periodo se leyó en su mes de cierre (${meses(p.meses)})`
    : `cada periodo se leyó en su mes de cierre (${meses(d.columnas)})`;
  return `${SERIE[d.serie]} de la hoja ${citar(d.hoja)} viene ${p.texto} (reporte ${d.periodo}): ${cierre} y los cálculos y las revisiones se hacen como con esos meses.`;
};

export const estReportePeriodico = definirRegla(
  {
    id: "EST-REPORTE-PERIODICO",
    categoria: "Estructura",
    severidad: "info",
    descripcion:
      "La programación, la ejecución o el avance cualitativo vienen por trimestre, semestre, bimestre o año, no por mes.",
    mensaje: mensaje({ hoja: "PMR", serie: "ejecutado", periodo: "trimestral", columnas: [3, 6, 9, 12] }),
    esperado:
      "Programación y ejecución por mes; si se reporta por trimestre o semestre, cada periodo en su mes de cierre.",
    comoCorregir:
      "Nada que corregir. Cada periodo cuenta en su mes de cierre: trimestres en marzo, junio, septiembre y diciembre; semestres en junio y diciembre; bimestres en los meses pares; el año en diciembre.",
    requiere: "pmr",
    detalle:
      "Se reconocen «I Trimestre», «Trimestre 2», «T3 2025», «Avance Q4», «Primer semestre», «S2», «Bimestre 3» y el año («Ejecución 2025», «Avance anual»), solos bajo un grupo combinado («Ejecución», «Avance») o con el prefijo de la serie. El corte automático es el último mes con ejecución, así que con trimestres es un mes de cierre. Un hallazgo por serie que no viene por mes.",
  },
  (ctx, meta) => {
    const hoja = ctx.hojaPmr;
    if (hoja === null || hoja.reporte === undefined) return [];
    const salida: Hallazgo[] = [];
    for (const serie of SERIES_PMR) {
      const periodo = hoja.reporte[serie];
      if (periodo === null || periodo === "mensual") continue;
      const columnas = hoja.columnas[serie];
      const mesesConColumna = columnas.flatMap((c, i) => (c === null ? [] : [i + 1]));
      const primera = columnas.find((c) => c !== null) ?? hoja.columnas.campos.codigo ?? 0;
      const celda = direccionA1(hoja.filaEncabezado, primera);
      salida.push(
        hallazgo(
          meta,
          hoja.nombre,
          celda,
          mensaje({ hoja: hoja.nombre, serie, periodo, columnas: mesesConColumna }),
          serie,
          periodo,
        ),
      );
    }
    return salida;
  },
);
