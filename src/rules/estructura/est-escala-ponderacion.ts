import { numero, porcentaje } from "../formato";
import { definirRegla } from "../tipos";
import { hallazgosDeAvisos } from "./comun";

const mensaje = (d: { celda: string; grupo: string | null; suma: number; ejemplo: number }) =>
  `Las ponderaciones ${d.grupo === null ? "de la vigencia" : `del objetivo ${d.grupo}`} (${d.celda}) suman ${numero(d.suma)} y algunas son menores o iguales a 1 (p. ej. ${numero(d.ejemplo)}): se leyeron todas como puntos porcentuales (${numero(d.ejemplo)} = ${numero(d.ejemplo)} %), no como fracciones (${numero(d.ejemplo)} = ${porcentaje(d.ejemplo)}). Si eran fracciones, corríjalas para que sumen 1; para que no haya duda, escríbalas con «%».`;

export const estEscalaPonderacion = definirRegla(
  {
    id: "EST-ESCALA-PONDERACION",
    categoria: "Estructura",
    severidad: "info",
    descripcion: "Ponderaciones escritas en puntos porcentuales con valores hasta 1 (0,71 = 0,71 %), leídas en puntos.",
    mensaje: mensaje({ celda: "K12:K20", grupo: "O3", suma: 100, ejemplo: 0.5 }),
    esperado: "Ponderaciones en una sola escala: fracciones que suman 1 (0,25) o puntos que suman 100 (25 o 25 %).",
    comoCorregir:
      "Nada que corregir si los valores son puntos porcentuales. Para que la escala no dependa de la suma, escriba las ponderaciones con «%» (0,71 %) o con formato de porcentaje.",
    detalle:
      "Cada ponderación sin «%» se lee sola: mayor que 1, en puntos (50 = 50 %); hasta 1, como fracción (0,5 = 50 %). Si las de un objetivo (en la vigencia) no suman cerca de 1 en fracciones (entre 0,99 y 1,01) pero sí cerca de 100 en puntos (entre 99 y 101), se leen todas en puntos; igual con toda la vigencia si ningún objetivo suma cerca de 1 pero la vigencia entera suma cerca de 100. Se informa solo si algún valor cambió. Las filas históricas no cuentan.",
  },
  (ctx, meta) => hallazgosDeAvisos(ctx, meta, "escala-ponderacion", mensaje, (a) => [a.hoja, a.grupo ?? "(vigencia)"]),
);
