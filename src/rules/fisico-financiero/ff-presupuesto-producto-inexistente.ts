import { normalizarCodigo } from "../../domain/evaluacion";
import type { Hallazgo } from "../../domain/hallazgo";
import { definirRegla } from "../tipos";
import { algunValor, codigoVisible, esNumero, hallazgo } from "../utilidades";

const mensaje = (d: { codigo: string | null; vigencia: number | null; celda: string }) =>
  d.codigo
    ? `La fila de presupuesto del producto ${d.codigo} no corresponde a ningún producto del PMR${d.vigencia !== null ? ` de la vigencia ${d.vigencia}` : ""}: sus recursos no se pueden asociar a metas. Corrija el código en ${d.celda} o añada el producto y su indicador en la hoja PMR.`
    : `La fila de presupuesto tiene valores pero no tiene código de producto: sus recursos no se pueden asociar a ningún producto. Escriba el código en ${d.celda}.`;

export const ffPresupuestoProductoInexistente = definirRegla(
  {
    id: "FF-PRESUPUESTO-PRODUCTO-INEXISTENTE",
    categoria: "Físico-financiero",
    severidad: "error",
    descripcion: "Una fila de presupuesto cuyo código de producto no existe en el PMR (o está vacío).",
    mensaje: mensaje({ codigo: "P12", vigencia: 2025, celda: "A9" }),
    esperado: "El código de un producto del PMR en cada fila de presupuesto.",
    comoCorregir:
      "Use en la hoja de presupuesto el mismo código de producto de la hoja PMR (se comparan sin importar mayúsculas ni espacios).",
    requiere: "presupuesto",
    detalle:
      "Un código de producto existe si alguna fila de la hoja PMR de la vigencia evaluada lo lleva. Las filas sin código se señalan solo si tienen apropiación, compromisos o giros.",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    const hoja = ctx.presupuesto!;
    for (const f of hoja.filas) {
      const cp = normalizarCodigo(f.codigoProducto);
      if (cp && ctx.filasPorProducto.has(cp)) continue;
      if (
        !cp &&
        !esNumero(f.apropiacion) &&
        !esNumero(f.compromisosAcumulados) &&
        !esNumero(f.girosAcumulados) &&
        !algunValor(f.compromisos) &&
        !algunValor(f.giros)
      )
        continue;
      const celda = ctx.celdaPresupuesto(f, "codigoProducto");
      salida.push(
        hallazgo(
          meta,
          hoja.nombre,
          celda,
          mensaje({
            codigo: cp ? codigoVisible(f.codigoProducto, cp) : null,
            vigencia: ctx.evaluacion.vigencia,
            celda,
          }),
          ctx.idPresupuesto(f),
        ),
      );
    }
    return salida;
  },
);
