import type { ProblemaLectura } from "../../domain/modelo";
import { citar } from "../formato";
import { definirRegla } from "../tipos";
import { hallazgosDeLectura } from "./comun";

const mensaje = (p: Pick<ProblemaLectura, "hoja" | "celda" | "detalle">) =>
  `La hoja ${citar(p.hoja)} tiene otra columna ${citar(p.detalle)} (${p.celda ?? ""}); se usa la primera y esta se ignora.`;

export const estColumnaDuplicada = definirRegla(
  {
    id: "EST-COLUMNA-DUPLICADA",
    categoria: "Estructura",
    severidad: "advertencia",
    descripcion: "Dos columnas de la fila de encabezados significan lo mismo; solo se lee la primera.",
    mensaje: mensaje({ hoja: "PMR", celda: "BC5", detalle: "Meta vigencia" }),
    esperado: "Cada dato en una sola columna de la fila de encabezados.",
    comoCorregir:
      "Deje una sola columna con ese significado: borre la otra o cambie su encabezado por uno que no sea sinónimo de ninguna columna del PMR.",
  },
  (ctx, meta) => hallazgosDeLectura(ctx, meta, "columna-duplicada", mensaje, (p) => [p.hoja, p.campo ?? p.detalle]),
);
