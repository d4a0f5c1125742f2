import { direccionA1, rangoA1 } from "../../domain/direcciones";
import type { Hallazgo } from "../../domain/hallazgo";
import { hayColumna } from "../contexto";
import { lista, porcentaje } from "../formato";
import { definirRegla } from "../tipos";
import { codigoVisible, esNumero, hallazgo, igualesConTolerancia, programadoEnVigencia } from "../utilidades";

const mensaje = (d: { objetivo: string; suma: number; celdas: string; sinPeso: string[] }) =>
  `La ponderación de los indicadores del objetivo ${d.objetivo} suma ${porcentaje(d.suma)}; debe sumar 100 %.${d.sinPeso.length ? ` ${lista(d.sinPeso)} no ${d.sinPeso.length === 1 ? "tiene" : "tienen"} ponderación y ${d.sinPeso.length === 1 ? "cuenta" : "cuentan"} como 0 %.` : ""} Ajuste las celdas ${d.celdas}.`;

export const cvPonderacionSuma = definirRegla(
  {
    id: "CV-PONDERACION-SUMA",
    categoria: "Cadena de valor",
    severidad: "error",
    descripcion: "Las ponderaciones de los indicadores programados de un objetivo no suman 100 %.",
    mensaje: mensaje({ objetivo: "O2", suma: 0.9, celdas: "K12:K15", sinPeso: [] }),
    esperado: "Ponderaciones de los indicadores programados de cada objetivo que suman 100 %.",
    comoCorregir:
      "Reparta el 100 % entre los indicadores del objetivo que tienen meta en la vigencia (de objetivo y de producto). Los que no tienen programación en la vigencia no entran en la suma.",
    requiere: "pmr",
    configuracion: ["toleranciaSumas"],
    detalle:
      "Solo cuando algún indicador programado del objetivo lleva ponderación (si ninguno la lleva, todos pesan igual y no hay nada que sumar). «Programado» = con meta vigencia o alguna programación mensual distinta de cero; los que no llevan ponderación cuentan como 0 %. Se compara con 100 % con la tolerancia toleranciaSumas. El hallazgo señala el rango de la columna Ponderación desde la primera hasta la última fila de esos indicadores.",
  },
  (ctx, meta) => {
    if (!hayColumna(ctx, "ponderacion") || !ctx.hojaPmr) return [];
    const col = ctx.hojaPmr.columnas.campos.ponderacion!;
    const salida: Hallazgo[] = [];
    for (const o of ctx.evaluacion.objetivos) {
      let suma = 0;
      let conPeso = 0;
      let min = Infinity;
      let max = -Infinity;
      const sinPeso: string[] = [];
      // Los indicadores del objetivo que tienen código, en orden de fila.
      for (const r of ctx.revisadosPorObjetivo.get(o.codigo) ?? []) {
        if (!programadoEnVigencia(r.ind)) continue;
        if (r.ind.fila < min) min = r.ind.fila;
        if (r.ind.fila > max) max = r.ind.fila;
        if (esNumero(r.ind.ponderacion)) {
          suma += r.ind.ponderacion;
          conPeso++;
        } else sinPeso.push(r.ind.codigo!.trim());
      }
      if (conPeso === 0 || igualesConTolerancia(suma, 1, ctx.config.toleranciaSumas)) continue;
      const celdas = min === max ? direccionA1(min, col) : rangoA1(min, col, max, col);
      const codigo = codigoVisible(o.indicadores[0].indicador.codigoObjetivo, o.codigo);
      salida.push(
        hallazgo(meta, ctx.nombreHojaPmr, celdas, mensaje({ objetivo: codigo, suma, celdas, sinPeso }), o.codigo),
      );
    }
    return salida;
  },
);
