import type { Hallazgo } from "../../domain/hallazgo";
import { MESES } from "../../domain/catalogos";
import { entero, mes } from "../formato";
import { definirRegla } from "../tipos";
import { hallazgo, textoVacio } from "../utilidades";

const mensaje = (d: { indicador: string; cuando: string; largo: number; maximo: number; celda: string }) =>
  `El avance cualitativo ${d.cuando} del indicador ${d.indicador} tiene ${entero(d.largo)} caracteres; el máximo es ${entero(d.maximo)}. Resúmalo en ${d.celda} (sobran ${entero(d.largo - d.maximo)}).`;

/** Longitud en caracteres (puntos de código, no unidades UTF-16), sin espacios en los extremos. */
export function longitud(texto: string): number {
  let n = 0;
  for (const _ of texto.trim()) n++;
  return n;
}

export const cualLongitud = definirRegla(
  {
    id: "CUAL-LONGITUD",
    categoria: "Avance cualitativo",
    severidad: "error",
    descripcion: "Un avance cualitativo más largo que el máximo permitido (250 caracteres).",
    mensaje: mensaje({ indicador: "I3", cuando: "de marzo", largo: 312, maximo: 250, celda: "AQ12" }),
    esperado: "Un avance cualitativo de no más caracteres que el máximo configurado (250 por defecto).",
    comoCorregir:
      "Resuma el texto: qué se logró en el mes y la cifra acumulada, sin repetir el nombre del indicador. El sistema de seguimiento no acepta más caracteres.",
    requiere: "pmr",
    configuracion: ["longitudMaximaCualitativo"],
    detalle:
      "Se revisan todos los meses con texto (y la columna única «Avance cualitativo» si existe). Se cuentan los caracteres sin los espacios de los extremos.",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    const hoja = ctx.hojaPmr;
    if (!hoja) return salida;
    const maximo = ctx.config.longitudMaximaCualitativo;
    const actual = hoja.columnas.campos.cualitativoActual !== undefined;
    for (const r of ctx.conCodigo) {
      const ind = r.ind;
      for (let m = 1; m <= MESES; m++) {
        const t = ind.cualitativo[m - 1];
        // Primero el largo (no recorre el texto): casi ningún texto pasa del máximo.
        if (t === null || t === undefined || t.length <= maximo || textoVacio(t)) continue;
        const largo = longitud(t);
        if (largo <= maximo) continue;
        const celda = ctx.celda(ind, "cualitativo", m);
        salida.push(
          hallazgo(
            meta,
            hoja.nombre,
            celda,
            mensaje({ indicador: ind.codigo!.trim(), cuando: `de ${mes(m)}`, largo, maximo, celda }),
            r.id,
            m,
          ),
        );
      }
      const t = ind.cualitativoActual;
      if (actual && !textoVacio(t) && t!.length > maximo) {
        const largo = longitud(t!);
        if (largo <= maximo) continue;
        const celda = ctx.celda(ind, "cualitativoActual");
        salida.push(
          hallazgo(
            meta,
            hoja.nombre,
            celda,
            mensaje({ indicador: ind.codigo!.trim(), cuando: `del corte (${mes(ctx.corte)})`, largo, maximo, celda }),
            r.id,
            "actual",
          ),
        );
      }
    }
    return salida;
  },
);
