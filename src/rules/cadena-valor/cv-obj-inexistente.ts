import type { Hallazgo } from "../../domain/hallazgo";
import { lista } from "../formato";
import { hayColumna } from "../contexto";
import { definirRegla } from "../tipos";
import { codigoVisible, hallazgo, primerTexto } from "../utilidades";

const mensaje = (d: { codigo: string; indicadores: string[] }) =>
  `El código de objetivo ${d.codigo}${d.indicadores.length ? ` (filas de ${lista(d.indicadores)})` : ""} no tiene nombre de objetivo en ninguna fila: no corresponde a ningún objetivo definido. Escriba el nombre del objetivo en la columna Objetivo o corrija el código.`;

export const cvObjInexistente = definirRegla(
  {
    id: "CV-OBJ-INEXISTENTE",
    categoria: "Cadena de valor",
    severidad: "error",
    descripcion: "Filas que apuntan a un código de objetivo que no está definido (sin nombre en ninguna fila).",
    mensaje: mensaje({ codigo: "O9", indicadores: ["I12", "I13"] }),
    esperado: "Un código de objetivo definido en el PMR, con su nombre en al menos una fila.",
    comoCorregir:
      "Si el código está mal escrito, corríjalo por el del objetivo correcto; si es un objetivo nuevo, escriba su nombre en la columna Objetivo.",
    requiere: "pmr",
    detalle:
      "En el PMR los objetivos se definen en las mismas filas de los indicadores: un código de objetivo existe cuando al menos una fila de la vigencia le da nombre en la columna Objetivo (basta una: así funcionan también las celdas combinadas). Solo se revisa si la columna Objetivo existe. El hallazgo señala el código de objetivo de su primera fila.",
  },
  (ctx, meta) => {
    if (!hayColumna(ctx, "objetivo")) return [];
    const salida: Hallazgo[] = [];
    for (const o of ctx.evaluacion.objetivos) {
      if (o.indicadores.length === 0 || primerTexto(o.indicadores, (ev) => ev.indicador.objetivo) !== null) continue;
      const primera = o.indicadores[0].indicador;
      const indicadores = o.indicadores.map((ev) => ev.indicador.codigo?.trim() ?? "").filter((c) => c !== "");
      salida.push(
        hallazgo(
          meta,
          ctx.nombreHojaPmr,
          ctx.celda(primera, "codigoObjetivo"),
          mensaje({ codigo: codigoVisible(primera.codigoObjetivo, o.codigo), indicadores }),
          o.codigo,
        ),
      );
    }
    return salida;
  },
);
