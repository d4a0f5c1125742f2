import type { Hallazgo } from "../../domain/hallazgo";
import { normalizarTexto } from "../../domain/valores";
import { citar } from "../formato";
import { definirRegla } from "../tipos";
import { algunValor, esNumero, hallazgo, textoVacio } from "../utilidades";

const mensaje = (d: { fila: number; nombre: string | null; celda: string }) =>
  d.nombre
    ? `La fila ${d.fila} tiene el indicador ${citar(d.nombre)} sin código de indicador: no se puede identificar ni revisar. Escriba su código en ${d.celda}.`
    : `La fila ${d.fila} tiene datos de un indicador (metas, tendencia o ejecución) pero no tiene código de indicador. Escriba el código en ${d.celda} o borre los datos sobrantes.`;

export const cvIndSinCodigo = definirRegla(
  {
    id: "CV-IND-SIN-CODIGO",
    categoria: "Cadena de valor",
    severidad: "error",
    descripcion: "Una fila con datos de indicador no tiene código de indicador.",
    mensaje: mensaje({ fila: 14, nombre: "Personas atendidas en los centros", celda: "F14" }),
    esperado: "El código del indicador en cada fila con datos de indicador.",
    comoCorregir:
      "Escriba el código del indicador. Las filas sin código no se revisan con las demás reglas ni se pueden seguir entre ejecuciones.",
    requiere: "pmr",
    detalle:
      "Fila sin código de indicador que tiene nombre de indicador, tendencia, línea base, meta plan, meta vigencia, programación o ejecución. Una fila que solo nombra el objetivo o el producto (una fila de título) no se señala. Como la fila no tiene código, la clave usa los códigos de objetivo y producto, el nombre del indicador y el orden entre filas iguales.",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    const vistos = new Map<string, number>();
    for (const f of ctx.filas) {
      const ind = f.ind;
      if (f.codigo) continue;
      const conDatos =
        !textoVacio(ind.nombre) ||
        !textoVacio(ind.tendenciaTexto) ||
        esNumero(ind.lineaBase) ||
        esNumero(ind.metaPlan) ||
        esNumero(ind.metaVigencia) ||
        algunValor(ind.programado) ||
        algunValor(ind.ejecutado);
      if (!conDatos) continue;
      const celda = ctx.celda(ind, "codigo");
      const nombre = textoVacio(ind.nombre) ? null : ind.nombre!.trim();
      const identidad = [f.codigoObjetivo, f.codigoProducto, normalizarTexto(nombre ?? "")].join("|");
      const n = (vistos.get(identidad) ?? 0) + 1;
      vistos.set(identidad, n);
      salida.push(hallazgo(meta, ctx.nombreHojaPmr, celda, mensaje({ fila: ind.fila, nombre, celda }), identidad, n));
    }
    return salida;
  },
);
