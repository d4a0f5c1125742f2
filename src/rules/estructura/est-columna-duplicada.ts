import type { ProblemaLectura } from "../../domain/modelo";
import { citar } from "../formato";
import { definirRegla } from "../tipos";
import { hallazgosDeLectura } from "./comun";

const mensaje = (p: Pick<ProblemaLectura, "hoja" | "celda" | "detalle" | "usada" | "encabezado">) =>
  p.usada === undefined
    ? `La hoja ${citar(p.hoja)} tiene otra columna ${citar(p.detalle)} (${p.celda ?? ""}); se usa la primera y esta se ignora.`
    : `La hoja ${citar(p.hoja)} tiene dos columnas ${citar(p.detalle)}: se usa la de ${p.usada}, cuyo encabezado es el exacto, y esta (${citar(p.encabezado ?? p.detalle)}, ${p.celda ?? ""}) se ignora.`;

export const estColumnaDuplicada = definirRegla(
  {
    id: "EST-COLUMNA-DUPLICADA",
    categoria: "Estructura",
    severidad: "advertencia",
    descripcion: "Dos columnas de la fila de encabezados significan lo mismo; solo se lee una.",
    mensaje: mensaje({ hoja: "PMR", celda: "BC5", detalle: "Meta vigencia" }),
    esperado: "Cada dato en una sola columna de la fila de encabezados.",
    comoCorregir:
      "Deje una sola columna con ese significado: borre la otra o cambie su encabezado por uno que no sea sinónimo de ninguna columna del PMR.",
    detalle:
      "Se lee la columna de encabezado exacto (el canónico, un sinónimo o un mes) antes que una reconocida por las palabras del campo o por un periodo («Ejecución 2025» frente a «Ejecutado Dic»); entre dos igual de exactas, la primera (la de más a la izquierda).",
  },
  (ctx, meta) => hallazgosDeLectura(ctx, meta, "columna-duplicada", mensaje, (p) => [p.hoja, p.campo ?? p.detalle]),
);
