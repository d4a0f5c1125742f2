import type { ProblemaLectura } from "../../domain/modelo";
import { citar } from "../formato";
import { definirRegla } from "../tipos";
import { hallazgosDeLectura } from "./comun";

const mensaje = (p: Pick<ProblemaLectura, "hoja" | "detalle">) =>
  `Falta la columna obligatoria ${citar(p.detalle)} en la hoja ${citar(p.hoja)}: no se encontró ese encabezado ni ninguno de sus sinónimos en la fila de encabezados (se busca en las primeras 30 filas de la hoja). Las revisiones que dependen de ella no se hicieron.`;

export const estColumnaFaltante = definirRegla(
  {
    id: "EST-COLUMNA-FALTANTE",
    categoria: "Estructura",
    severidad: "error",
    descripcion: "Falta una columna obligatoria en la fila de encabezados.",
    mensaje: mensaje({ hoja: "PMR", detalle: "Tendencia" }),
    esperado: "Todas las columnas obligatorias en la fila de encabezados, con su nombre o un sinónimo.",
    comoCorregir:
      "Añada la columna con el encabezado canónico (o uno de sus sinónimos, p. ej. «Tipo de anualización» para Tendencia) en la misma fila de encabezados que las demás, dentro de las primeras 30 filas de la hoja.",
  },
  (ctx, meta) => hallazgosDeLectura(ctx, meta, "columna-faltante", mensaje, (p) => [p.hoja, p.campo ?? p.detalle]),
);
