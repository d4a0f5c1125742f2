import type { Hallazgo } from "../../domain/hallazgo";
import { etiqueta } from "../formato";
import { definirRegla } from "../tipos";
import { codigoVisible, hallazgo, primerTexto } from "../utilidades";

const mensaje = (d: { objetivo: string; codigo: string }) =>
  `El objetivo ${d.objetivo} no tiene ningún indicador de objetivo: todas sus filas son de indicadores de producto. Añada al menos una fila con Tipo indicador «Objetivo» y el código de objetivo ${d.codigo}.`;

export const cvObjSinIndicador = definirRegla(
  {
    id: "CV-OBJ-SIN-INDICADOR",
    categoria: "Cadena de valor",
    severidad: "error",
    descripcion: "Cada objetivo necesita al menos un indicador de objetivo.",
    mensaje: mensaje({ objetivo: etiqueta("O2", "Reducir la deserción escolar"), codigo: "O2" }),
    esperado: "Al menos un indicador de tipo Objetivo en cada objetivo.",
    comoCorregir:
      "Añada una fila para el indicador de objetivo (Tipo indicador «Objetivo», sin código de producto) con el código del objetivo, o corrija el tipo de una fila que en realidad mide el objetivo.",
    requiere: "pmr",
    detalle:
      "Un objetivo es un código de objetivo de la vigencia evaluada. Cuenta como indicador de objetivo una fila con código de indicador cuyo tipo es Objetivo (o, sin columna de tipo, sin código de producto). El hallazgo señala el código de objetivo de su primera fila.",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    for (const o of ctx.evaluacion.objetivos) {
      const tiene = ctx.revisadosPorObjetivo.get(o.codigo)?.some((r) => r.tipo === "OBJETIVO") ?? false;
      if (tiene || o.indicadores.length === 0) continue;
      const primera = o.indicadores[0].indicador;
      const codigo = codigoVisible(primera.codigoObjetivo, o.codigo);
      const nombre = primerTexto(o.indicadores, (ev) => ev.indicador.objetivo);
      salida.push(
        hallazgo(
          meta,
          ctx.nombreHojaPmr,
          ctx.celda(primera, "codigoObjetivo"),
          mensaje({ objetivo: etiqueta(codigo, nombre), codigo }),
          o.codigo,
        ),
      );
    }
    return salida;
  },
);
