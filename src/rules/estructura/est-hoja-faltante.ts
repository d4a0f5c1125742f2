import type { ProblemaLectura } from "../../domain/modelo";
import { definirRegla } from "../tipos";
import { hallazgosDeLectura } from "./comun";

/**
 * El detalle del lector ya dice qué columnas busca y qué hojas tiene el libro; sin él (un modelo
 * que no viene del lector), una frase general.
 */
const mensaje = (p: Pick<ProblemaLectura, "detalle">) =>
  `${p.detalle.trim() || "No se encontró la hoja PMR: ninguna hoja se llama «PMR» ni tiene los encabezados obligatorios."} Sin ella no se puede revisar el PMR.`;

export const estHojaFaltante = definirRegla(
  {
    id: "EST-HOJA-FALTANTE",
    categoria: "Estructura",
    severidad: "error",
    descripcion: "El libro no tiene la hoja PMR (ni por nombre ni por sus encabezados).",
    mensaje: mensaje({
      detalle:
        "No se encontró la hoja PMR: ninguna hoja se llama «PMR» ni tiene los encabezados obligatorios: Código objetivo, Objetivo, Código indicador, Indicador, Tendencia y Meta vigencia (o la programación mensual). Hojas del libro: «Hoja1» y «Resumen». Cambie el nombre de la hoja de indicadores a «PMR» o corrija sus encabezados.",
    }),
    esperado: "Una hoja llamada «PMR», o una hoja con los encabezados obligatorios del PMR.",
    comoCorregir:
      "Renombre la hoja del PMR como «PMR» o verifique que su fila de encabezados (en las primeras 30 filas) tenga las columnas obligatorias, con su nombre canónico o un sinónimo (la hoja PMR del libro de ejemplo tiene todos los encabezados canónicos).",
  },
  (ctx, meta) => hallazgosDeLectura(ctx, meta, "hoja-faltante", mensaje, (p) => [p.hoja]),
);
