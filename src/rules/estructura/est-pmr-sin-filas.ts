import { direccionA1 } from "../../domain/direcciones";
import { citar } from "../formato";
import { definirRegla } from "../tipos";
import { hallazgo } from "../utilidades";

const mensaje = (d: { hoja: string; vigencia: number | null; hayOtras: boolean }) =>
  d.hayOtras && d.vigencia !== null
    ? `La hoja ${citar(d.hoja)} no tiene filas de la vigencia ${d.vigencia}: no hay indicadores que revisar.`
    : `La hoja ${citar(d.hoja)} no tiene filas de indicadores debajo de la fila de encabezados: no hay nada que revisar.`;

export const estPmrSinFilas = definirRegla(
  {
    id: "EST-PMR-SIN-FILAS",
    categoria: "Estructura",
    severidad: "advertencia",
    descripcion: "La hoja PMR no tiene indicadores de la vigencia evaluada.",
    mensaje: mensaje({ hoja: "PMR", vigencia: null, hayOtras: false }),
    comoCorregir: "Escriba una fila por indicador debajo de los encabezados, o elija una vigencia que sí tenga filas.",
    requiere: "pmr",
    configuracion: ["vigencia"],
  },
  (ctx, meta) => {
    const hoja = ctx.hojaPmr;
    if (!hoja || ctx.indicadores.length > 0) return [];
    const hayOtras = ctx.evaluacion.omitidos.length > 0;
    const vigencia = ctx.evaluacion.vigencia;
    const celda = direccionA1(hoja.filaEncabezado, hoja.columnas.campos.codigo ?? 0);
    return [
      hallazgo(meta, hoja.nombre, celda, mensaje({ hoja: hoja.nombre, vigencia, hayOtras }), hayOtras ? vigencia : ""),
    ];
  },
);
