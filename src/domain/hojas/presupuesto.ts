/**
 * Hoja PMR_Presupuesto (PMR-SPEC §4): una fila por producto y fuente de recursos. Opcional:
 * activa las reglas Físico-financiero.
 */
import { z } from "zod";
import { MESES, TIPOS_RECURSO } from "../catalogos";
import { normalizarTexto } from "../valores";
import { clavesSerie, definirHoja } from "./descriptor";

const numero = z.number().nullable();
const texto = z.string().nullable();
const serieNumerica = z.array(numero).length(MESES);
const columnasSerie = z.array(z.number().int().nonnegative().nullable()).length(MESES);

export const CAMPOS_PRESUPUESTO = [
  "codigoProducto",
  "tipoRecurso",
  "proyecto",
  "apropiacion",
  "compromisosAcumulados",
  "girosAcumulados",
] as const;
export type CampoPresupuesto = (typeof CAMPOS_PRESUPUESTO)[number];
export const SERIES_PRESUPUESTO = ["compromisos", "giros"] as const;
export type SeriePresupuesto = (typeof SERIES_PRESUPUESTO)[number];

export const FilaPresupuestoSchema = z.object({
  fila: z.number().int().positive(),
  codigoProducto: texto,
  tipoRecurso: z.enum(TIPOS_RECURSO).nullable(),
  tipoRecursoTexto: texto,
  proyecto: texto,
  apropiacion: numero,
  /** Compromisos mensuales (si la hoja los trae por mes). */
  compromisos: serieNumerica,
  compromisosAcumulados: numero,
  giros: serieNumerica,
  girosAcumulados: numero,
});
export type FilaPresupuesto = z.infer<typeof FilaPresupuestoSchema>;

export const HojaPresupuestoSchema = z.object({
  nombre: z.string(),
  filaEncabezado: z.number().int().positive(),
  columnas: z.object({
    campos: z.partialRecord(z.enum(CAMPOS_PRESUPUESTO), z.number().int().nonnegative()),
    compromisos: columnasSerie,
    giros: columnasSerie,
  }),
  filas: z.array(FilaPresupuestoSchema),
});
export type HojaPresupuesto = z.infer<typeof HojaPresupuestoSchema>;

/** «Inversión», «Recursos de inversión» → INVERSION; «Funcionamiento» → FUNCIONAMIENTO. */
export function tipoRecursoDeTexto(t: string): "INVERSION" | "FUNCIONAMIENTO" | null {
  const n = normalizarTexto(t);
  if (n.includes("inversion")) return "INVERSION";
  if (n.includes("funcionamiento")) return "FUNCIONAMIENTO";
  return null;
}

export const HOJA_PRESUPUESTO = definirHoja<CampoPresupuesto, SeriePresupuesto, FilaPresupuesto, HojaPresupuesto>({
  id: "presupuesto",
  nombre: "PMR_Presupuesto",
  nombres: ["PMR_Presupuesto", "Presupuesto", "PMR presupuestal"],
  raiz: "presupuest",
  requerida: false,
  campos: {
    codigoProducto: {
      encabezados: ["Código producto", "Cód. producto", "ID producto", "Producto No.", "No. producto"],
      relleno: true,
    },
    tipoRecurso: {
      encabezados: ["Tipo de recurso", "Tipo recursos", "Tipo de gasto", "Recurso"],
      nucleos: ["Tipo de recursos", "Clase de recurso"],
      calificadores: ["producto", "gasto"],
      relleno: true,
    },
    proyecto: {
      encabezados: ["Proyecto de inversión", "Proyecto", "Código proyecto", "Proyecto inversión"],
      calificadores: ["nombre", "número", "código", "inversión"],
      relleno: true,
    },
    apropiacion: {
      encabezados: ["Apropiación vigente", "Apropiación", "Apropiación definitiva", "Presupuesto vigente"],
      calificadores: ["vigente", "definitiva", "disponible", "producto", "pesos", "total"],
    },
    compromisosAcumulados: {
      encabezados: ["Compromisos acumulados", "Compromisos", "Total compromisos", "Compromisos acumulado"],
      calificadores: ["acumulados", "acumulado", "total", "pesos", "fecha", "vigencia"],
    },
    girosAcumulados: {
      encabezados: ["Giros acumulados", "Giros", "Total giros", "Giros acumulado"],
      calificadores: ["acumulados", "acumulado", "total", "pesos", "fecha", "vigencia"],
    },
  },
  series: {
    compromisos: { prefijos: ["Compromisos", "Compromiso"], periodos: "sin-anual" },
    giros: { prefijos: ["Giros", "Giro"], periodos: "sin-anual" },
  },
  obligatorios: ["codigoProducto", "apropiacion"],
  identidad: ["codigoProducto"],
  palabrasClave: ["apropia", "compromis", "giro", "presupuest", "pago", "trimestr", "semestr"],
  plantilla: [
    "codigoProducto",
    "tipoRecurso",
    "proyecto",
    "apropiacion",
    ...clavesSerie("compromisos"),
    ...clavesSerie("giros"),
  ],
  esquemaFila: FilaPresupuestoSchema,
  esquema: HojaPresupuestoSchema,
  leerFila(l): FilaPresupuesto | null {
    const codigoProducto = l.texto("codigoProducto");
    if (codigoProducto === null && l.esFilaDeTotal()) return null;
    const tipoRecursoTexto = l.texto("tipoRecurso");
    return {
      fila: l.fila,
      codigoProducto,
      tipoRecurso: tipoRecursoTexto === null ? null : l.interpretar(tipoRecursoTexto, tipoRecursoDeTexto),
      tipoRecursoTexto,
      proyecto: l.texto("proyecto"),
      apropiacion: l.numero("apropiacion"),
      compromisos: l.numeros("compromisos"),
      compromisosAcumulados: l.numero("compromisosAcumulados"),
      giros: l.numeros("giros"),
      girosAcumulados: l.numero("girosAcumulados"),
    };
  },
  construir: ({ periodos: _periodos, ...base }, filas): HojaPresupuesto => ({ ...base, filas }),
});
