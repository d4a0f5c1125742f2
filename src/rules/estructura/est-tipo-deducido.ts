import { conMemoria } from "../../domain/memoria";
import { clasificarTipo } from "../../domain/hojas/pmr";
import { normalizarTexto } from "../../domain/valores";
import { citar, entero, lista } from "../formato";
import { definirRegla } from "../tipos";
import { hallazgo } from "../utilidades";

const mensaje = (d: { filas: number; textos: readonly string[]; celda: string }) =>
  `${d.filas === 1 ? "1 fila dice" : `${entero(d.filas)} filas dicen`} ${lista(
    d.textos.map((t) => citar(t, 30)),
    4,
  )} en Tipo indicador (p. ej. ${d.celda}), que no dice si el indicador es de objetivo o de producto: se tomó como Producto en las filas con código de producto y como Objetivo en las demás. Escriba «Objetivo» o «Producto».`;

export const estTipoDeducido = definirRegla(
  {
    id: "EST-TIPO-DEDUCIDO",
    categoria: "Estructura",
    severidad: "info",
    descripcion:
      "Un Tipo indicador como «Gestión», que no dice objetivo ni producto: se deduce del código de producto.",
    mensaje: mensaje({ filas: 4, textos: ["Gestión"], celda: "E14" }),
    esperado: "«Objetivo» o «Producto» en Tipo indicador.",
    comoCorregir:
      "Escriba «Objetivo» o «Producto» en la columna Tipo indicador. Mientras tanto el tipo se deduce como el de una celda vacía.",
    requiere: "pmr",
    detalle:
      "Se aceptan como Objetivo «Objetivo», «De objetivo», «Resultado», «Indicador de resultado», «Impacto» y «Efecto»; como Producto «Producto», «De producto» e «Indicador de producto». «Gestión» (o «Indicador de gestión») no dice cuál: se deduce como con la celda vacía (Producto si la fila tiene código de producto, si no Objetivo) y se informa en un solo hallazgo. Cualquier otro texto es CV-TIPO-INVALIDO.",
  },
  (ctx, meta) => {
    const hoja = ctx.hojaPmr;
    if (hoja === null) return [];
    const textos = new Map<string, string>();
    let filas = 0;
    let primera: string | null = null;
    const deducido = conMemoria((t) => clasificarTipo(t).deducido);
    for (const r of ctx.filas) {
      const t = r.ind.tipoTexto;
      if (t === null || !deducido(t)) continue;
      filas++;
      const clave = normalizarTexto(t);
      if (!textos.has(clave)) textos.set(clave, t.trim());
      primera ??= ctx.celda(r.ind, "tipo");
    }
    if (filas === 0) return [];
    return [
      hallazgo(
        meta,
        hoja.nombre,
        primera!,
        mensaje({ filas, textos: [...textos.values()], celda: primera! }),
        hoja.nombre,
        [...textos.keys()].sort().join(","),
      ),
    ];
  },
);
