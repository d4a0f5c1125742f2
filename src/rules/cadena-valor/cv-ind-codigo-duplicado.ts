import type { Hallazgo } from "../../domain/hallazgo";
import { citar } from "../formato";
import { definirRegla } from "../tipos";
import { hallazgo, textoVacio } from "../utilidades";

const mensaje = (d: { codigo: string; fila: number; nombre: string | null }) =>
  `El código de indicador ${d.codigo} está repetido: ya lo usa la fila ${d.fila}${d.nombre ? ` (${citar(d.nombre)})` : ""}. Cada indicador de la vigencia necesita un código único; cambie el código de esta fila o elimine la fila repetida.`;

export const cvIndCodigoDuplicado = definirRegla(
  {
    id: "CV-IND-CODIGO-DUPLICADO",
    categoria: "Cadena de valor",
    severidad: "error",
    descripcion: "Dos filas de la misma vigencia con el mismo código de indicador.",
    mensaje: mensaje({ codigo: "I3", fila: 12, nombre: "Personas atendidas" }),
    esperado: "Un código de indicador distinto en cada fila de la misma vigencia.",
    comoCorregir:
      "Dé a cada indicador su propio código. Si la fila está repetida por error, elimínela. Las filas de otras vigencias pueden repetir el código.",
    requiere: "pmr",
    detalle:
      "Los códigos se comparan sin importar mayúsculas ni espacios sobrantes, solo dentro de la vigencia evaluada. Se señala cada repetición (no la primera aparición), en su celda de código.",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    // Casi ningún libro repite códigos: sin repetidos no hace falta el índice de todos los códigos.
    if (ctx.repetidos.size === 0) return salida;
    for (const filas of ctx.porCodigo.values()) {
      if (filas.length < 2) continue;
      const primera = filas[0].ind;
      for (let i = 1; i < filas.length; i++) {
        const r = filas[i];
        salida.push(
          hallazgo(
            meta,
            ctx.nombreHojaPmr,
            ctx.celda(r.ind, "codigo"),
            mensaje({
              codigo: r.ind.codigo!.trim(),
              fila: primera.fila,
              nombre: textoVacio(primera.nombre) ? null : primera.nombre,
            }),
            r.id,
          ),
        );
      }
    }
    return salida;
  },
);
