import type { Hallazgo } from "../../domain/hallazgo";
import { mes, numero } from "../formato";
import { definirRegla } from "../tipos";
import { esNumero, hallazgo, igualesConTolerancia } from "../utilidades";
import { celdasDeFilas } from "./comun";

const mensaje = (d: { indicador: string; suma: number; acum: number; corte: number }) =>
  `La ejecución por localidad del indicador ${d.indicador} suma ${numero(d.suma)}, pero su acumulado en el PMR a ${mes(d.corte)} es ${numero(d.acum)}. Actualice la ejecución territorial al mismo corte (use «Distrital» para lo que no se puede ubicar) o revise la ejecución mensual.`;

export const terEjecucionDistintaAcum = definirRegla(
  {
    id: "TER-EJECUCION-DISTINTA-ACUM",
    categoria: "Territorialización",
    severidad: "error",
    descripcion: "En un indicador Suma, la ejecución por localidad no suma el acumulado al corte.",
    mensaje: mensaje({ indicador: "I3", suma: 410, acum: 450, corte: 6 }),
    esperado: "Una ejecución por localidad que suma el acumulado del indicador al corte.",
    comoCorregir:
      "La columna Ejecutado de la hoja territorial es el acumulado al corte de cada localidad: su suma debe ser el acumulado del indicador en el PMR.",
    requiere: "territorial",
    configuracion: ["corte", "toleranciaSumas"],
    detalle:
      "Solo para indicadores Suma con al menos una fila territorial con ejecución. El acumulado es el de §2 al corte (vacío cuenta como 0). Tolerancia relativa toleranciaSumas. Se señala el rango de ejecución de las filas del indicador si son contiguas, o la de su primera fila.",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    const hoja = ctx.territorial!;
    for (const [codigo, filas] of ctx.territorialPorIndicador) {
      const r = ctx.porCodigo.get(codigo)?.[0];
      if (!r || r.ind.tendencia !== "SUMA") continue;
      let suma = 0;
      let con = 0;
      for (const f of filas) {
        if (!esNumero(f.ejecutado)) continue;
        suma += f.ejecutado;
        con++;
      }
      if (con === 0) continue;
      const acum = r.ev.ejecutado ?? 0;
      if (igualesConTolerancia(suma, acum, ctx.config.toleranciaSumas)) continue;
      salida.push(
        hallazgo(
          meta,
          hoja.nombre,
          celdasDeFilas(ctx, filas, "ejecutado"),
          mensaje({ indicador: r.ind.codigo!.trim(), suma, acum, corte: ctx.corte }),
          codigo,
        ),
      );
    }
    return salida;
  },
);
