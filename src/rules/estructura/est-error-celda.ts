import type { ProblemaLectura } from "../../domain/modelo";
import { nombreCampo } from "../formato";
import { definirRegla } from "../tipos";
import { hallazgosDeLectura, identidadCelda } from "./comun";

const mensaje = (p: Pick<ProblemaLectura, "celda" | "campo" | "detalle">) =>
  `La celda ${p.celda ?? ""}${p.campo ? ` (${nombreCampo(p.campo)})` : ""} tiene el error de Excel ${p.detalle}; su valor se tomó como vacío. Corrija la fórmula o escriba el valor.`;

export const estErrorCelda = definirRegla(
  {
    id: "EST-ERROR-CELDA",
    categoria: "Estructura",
    severidad: "error",
    descripcion: "Una celda que se lee contiene un error de Excel (#REF!, #N/A, #¡VALOR!…).",
    mensaje: mensaje({ celda: "O12", campo: "metaVigencia", detalle: "#REF!" }),
    esperado: "Un valor (número, texto o celda vacía), no un error de Excel.",
    comoCorregir:
      "Corrija la fórmula de la celda (una referencia rota, un BUSCARV sin resultado…) o reemplácela por el valor. Mientras tenga el error, el valor cuenta como vacío.",
  },
  (ctx, meta) =>
    hallazgosDeLectura(ctx, meta, "error-celda", mensaje, (p) => [p.hoja, identidadCelda(ctx, p), p.campo]),
);
