import { normalizarTexto } from "../../domain/valores";
import { citar, nombreCampo } from "../formato";
import { definirRegla } from "../tipos";
import { hallazgosDeAvisos, listaO } from "./comun";

const mensaje = (d: { celda: string; encabezado: string; campos: readonly string[] }) =>
  `El encabezado ${citar(d.encabezado)} (${d.celda}) podría ser ${listaO(d.campos.map((c) => citar(nombreCampo(c))))}: no se leyó, para no tomar una columna por otra. Cambie el encabezado por el de una sola de ellas.`;

export const estColumnaAmbigua = definirRegla(
  {
    id: "EST-COLUMNA-AMBIGUA",
    categoria: "Estructura",
    severidad: "advertencia",
    descripcion: "Un encabezado que podría ser dos columnas del PMR; no se lee.",
    mensaje: mensaje({ celda: "M5", encabezado: "Meta plan / Meta vigencia", campos: ["metaPlan", "metaVigencia"] }),
    esperado: "Un encabezado que nombre un solo campo del PMR («Meta plan» o «Meta vigencia», no ambos).",
    comoCorregir:
      "Escriba el encabezado de una sola columna (el canónico, p. ej. «Meta plan» o «Meta vigencia»). Si la columna de verdad mezcla dos datos, sepárela en dos columnas.",
    detalle:
      "Un encabezado es ambiguo cuando tiene palabras de dos campos con el mismo peso (p. ej. «Meta plan / Meta vigencia»). La prioridad con que el lector reconoce un encabezado está en docs/decisiones.md (Lectura del libro).",
  },
  (ctx, meta) =>
    hallazgosDeAvisos(ctx, meta, "columna-ambigua", mensaje, (a) => [a.hoja, normalizarTexto(a.encabezado)]),
);
