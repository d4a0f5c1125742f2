import { direccionA1 } from "../../domain/direcciones";
import type { Hallazgo } from "../../domain/hallazgo";
import { citar, entero, mes } from "../formato";
import { definirRegla } from "../tipos";
import { esNumero, hallazgo, textoVacio } from "../utilidades";
import { hayColumnasCualitativas, reporteCualitativo, textoCualitativo } from "./comun";

type Datos =
  | { sinColumnas: false; indicador: string; mes: number; celdaEjecucion: string; celda: string; maximo: number }
  | { sinColumnas: true; hoja: string };

const mensaje = (d: Datos) =>
  d.sinColumnas
    ? `La hoja ${citar(d.hoja)} no tiene columnas de avance cualitativo (Cualitativo Ene … Dic o Avance cualitativo): los reportes cualitativos no se pueden revisar.`
    : `Falta el avance cualitativo de ${mes(d.mes)} del indicador ${d.indicador}, que reporta ejecución ese mes (${d.celdaEjecucion}). Escriba en ${d.celda} qué se logró en el mes y el acumulado (máximo ${entero(d.maximo)} caracteres).`;

export const cualFaltante = definirRegla(
  {
    id: "CUAL-FALTANTE",
    categoria: "Avance cualitativo",
    severidad: "advertencia",
    descripcion: "Un mes con reporte cuantitativo (hasta el corte) sin avance cualitativo.",
    mensaje: mensaje({
      sinColumnas: false,
      indicador: "I3",
      mes: 3,
      celdaEjecucion: "AD12",
      celda: "AQ12",
      maximo: 250,
    }),
    esperado: "Un avance cualitativo en cada mes con reporte cuantitativo hasta el corte.",
    comoCorregir:
      "Escriba el avance cualitativo del mes: qué se hizo, el logro del mes y el acumulado a la fecha, en un máximo de 250 caracteres.",
    requiere: "pmr",
    configuracion: ["corte", "longitudMaximaCualitativo"],
    detalle:
      "Para cada mes de enero al corte con un valor ejecutado (incluido 0) se busca el texto del mes en su columna Cualitativo; si la hoja solo tiene la columna única «Avance cualitativo», se revisa solo el mes de corte. Un hallazgo por celda. Si la hoja no tiene ninguna columna cualitativa y hay ejecución, un solo hallazgo en el encabezado del código de indicador.",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    const hoja = ctx.hojaPmr;
    if (!hoja) return salida;
    if (!hayColumnasCualitativas(ctx)) {
      const hayEjecucion = ctx.conCodigo.some((r) => r.ind.ejecutado.some((v, i) => i < ctx.corte && esNumero(v)));
      if (!hayEjecucion) return salida;
      const celda = direccionA1(hoja.filaEncabezado, hoja.columnas.campos.codigo ?? 0);
      return [hallazgo(meta, hoja.nombre, celda, mensaje({ sinColumnas: true, hoja: hoja.nombre }), "sin-columnas")];
    }
    const maximo = ctx.config.longitudMaximaCualitativo;
    for (const r of ctx.conCodigo) {
      const ind = r.ind;
      for (let m = 1; m <= ctx.corte; m++) {
        if (!esNumero(ind.ejecutado[m - 1])) continue;
        const texto = textoCualitativo(ctx, ind, m);
        if (texto === undefined || !textoVacio(texto)) continue;
        const rep = reporteCualitativo(ctx, ind, m)!;
        salida.push(
          hallazgo(
            meta,
            hoja.nombre,
            rep.celda,
            mensaje({
              sinColumnas: false,
              indicador: ind.codigo!.trim(),
              mes: m,
              celdaEjecucion: ctx.celda(ind, "ejecutado", m),
              celda: rep.celda,
              maximo,
            }),
            r.id,
            rep.identidad,
          ),
        );
      }
    }
    return salida;
  },
);
