import type { ProblemaLectura } from "../../domain/modelo";
import { citar } from "../formato";
import { definirRegla } from "../tipos";
import { hallazgosDeLectura } from "./comun";

const mensaje = (p: Pick<ProblemaLectura, "hoja">) =>
  `No se encontró la hoja ${citar(p.hoja)}: ninguna hoja se llama así ni tiene en su fila de encabezados las columnas obligatorias (Código objetivo, Objetivo, Código indicador, Indicador y Tendencia). Sin ella no se puede revisar el PMR.`;

export const estHojaFaltante = definirRegla(
  {
    id: "EST-HOJA-FALTANTE",
    categoria: "Estructura",
    severidad: "error",
    descripcion: "El libro no tiene la hoja PMR (ni por nombre ni por sus encabezados).",
    mensaje: mensaje({ hoja: "PMR" }),
    comoCorregir:
      "Renombre la hoja del PMR como «PMR» o verifique que su fila de encabezados (en las primeras 30 filas) tenga las columnas obligatorias; «Crear plantilla» escribe una hoja con los encabezados canónicos.",
  },
  (ctx, meta) => hallazgosDeLectura(ctx, meta, "hoja-faltante", mensaje, (p) => [p.hoja]),
);
