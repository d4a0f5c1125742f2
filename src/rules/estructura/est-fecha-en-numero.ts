import type { ProblemaLectura } from "../../domain/modelo";
import { nombreCampo } from "../formato";
import { definirRegla } from "../tipos";
import { hallazgosDeLectura, identidadCelda } from "./comun";

const mensaje = (p: Pick<ProblemaLectura, "celda" | "campo" | "detalle">) =>
  `La celda ${p.celda ?? ""}${p.campo ? ` (${nombreCampo(p.campo)})` : ""} tiene formato de fecha (${p.detalle}): se tomó ese número como la cifra. Si es una cifra, quite el formato de fecha (formato General o Número); si es una fecha, escriba la cifra que corresponde.`;

export const estFechaEnNumero = definirRegla(
  {
    id: "EST-FECHA-EN-NUMERO",
    categoria: "Estructura",
    severidad: "advertencia",
    descripcion: "Una celda que debe tener una cifra tiene un número con formato de fecha u hora.",
    mensaje: mensaje({ celda: "O12", campo: "metaVigencia", detalle: "31/01/2025, número 45688" }),
    esperado: "Un número con formato de número o de porcentaje, no de fecha (por ejemplo 1.234,5).",
    comoCorregir:
      "Excel guarda las fechas como números de días: una fecha escrita en una columna de cifras se lee como un número grande. Cambie el formato de la celda a General o Número y revise la cifra.",
  },
  (ctx, meta) =>
    hallazgosDeLectura(ctx, meta, "fecha-en-numero", mensaje, (p) => [p.hoja, identidadCelda(ctx, p), p.campo]),
);
