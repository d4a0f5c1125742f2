import type { ProblemaLectura } from "../../domain/modelo";
import { citar, nombreCampo } from "../formato";
import { definirRegla } from "../tipos";
import { hallazgosDeLectura, identidadCelda } from "./comun";

const mensaje = (p: Pick<ProblemaLectura, "celda" | "campo" | "detalle">) =>
  `La celda ${p.celda ?? ""}${p.campo ? ` (${nombreCampo(p.campo)})` : ""} dice ${citar(p.detalle)}, que no se puede leer como número; se tomó como vacía. Escriba solo la cifra (p. ej. 1.234,5 o 15 %).`;

export const estValorIlegible = definirRegla(
  {
    id: "EST-VALOR-ILEGIBLE",
    categoria: "Estructura",
    severidad: "error",
    descripcion: "Una celda que debe tener un número tiene un texto que no se puede leer como número.",
    mensaje: mensaje({ celda: "AD14", campo: "ejecutado.3", detalle: "cien personas" }),
    esperado: "Un número (por ejemplo 1.234,5 o 15 %) o la celda vacía.",
    comoCorregir:
      "Escriba el número sin texto alrededor (se aceptan coma decimal, puntos de miles y «%»). Para «sin dato» deje la celda vacía o escriba «N/A»; vacío no es cero.",
  },
  (ctx, meta) =>
    hallazgosDeLectura(ctx, meta, "valor-ilegible", mensaje, (p) => [p.hoja, identidadCelda(ctx, p), p.campo]),
);
