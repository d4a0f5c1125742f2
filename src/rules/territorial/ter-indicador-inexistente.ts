import { normalizarCodigo } from "../../domain/evaluacion";
import type { Hallazgo } from "../../domain/hallazgo";
import { definirRegla } from "../tipos";
import { hallazgo } from "../utilidades";

const mensaje = (d: { codigo: string | null; vigencia: number | null; celda: string }) =>
  d.codigo
    ? `La fila territorial del indicador ${d.codigo} no corresponde a ningún indicador del PMR${d.vigencia !== null ? ` de la vigencia ${d.vigencia}` : ""}. Corrija el código en ${d.celda} (debe ser el mismo de la hoja PMR).`
    : `La fila territorial tiene valores pero no tiene código de indicador. Escriba en ${d.celda} el código del indicador que territorializa.`;

export const terIndicadorInexistente = definirRegla(
  {
    id: "TER-INDICADOR-INEXISTENTE",
    categoria: "Territorialización",
    severidad: "error",
    descripcion: "Una fila territorial cuyo código de indicador no existe en el PMR (o está vacío).",
    mensaje: mensaje({ codigo: "I99", vigencia: 2025, celda: "A12" }),
    esperado: "El código de un indicador del PMR en cada fila territorial.",
    comoCorregir: "Use el mismo código de indicador de la hoja PMR (se compara sin importar mayúsculas ni espacios).",
    requiere: "territorial",
    detalle:
      "Se compara con los indicadores de la vigencia evaluada. Las filas sin código se señalan solo si tienen localidad, meta o ejecución.",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    const hoja = ctx.territorial!;
    for (const f of hoja.filas) {
      const codigo = normalizarCodigo(f.codigoIndicador);
      if (codigo && ctx.porCodigo.has(codigo)) continue;
      if (!codigo && f.localidadTexto === null && f.metaVigencia === null && f.ejecutado === null) continue;
      const celda = ctx.celdaTerritorial(f, "codigoIndicador");
      salida.push(
        hallazgo(
          meta,
          hoja.nombre,
          celda,
          mensaje({ codigo: codigo ? f.codigoIndicador!.trim() : null, vigencia: ctx.evaluacion.vigencia, celda }),
          ctx.idTerritorial(f),
        ),
      );
    }
    return salida;
  },
);
