import { textosCambio } from "../../domain/comparacion";
import { definirRegla } from "../tipos";
import { hallazgo } from "../utilidades";
import { citar, mes, nombreCampo } from "../formato";
import { SELLO_EJEMPLO, describirSello, revisionCierre, type CambioSellado } from "./comun";

const SERIE: Readonly<Record<string, string>> = {
  programado: "La programación",
  ejecutado: "La ejecución",
  cualitativo: "El avance cualitativo",
};

export function mensajeValorSellado({ cambio: c, sello }: Pick<CambioSellado, "cambio" | "sello">): string {
  const inicio = `${SERIE[c.campo] ?? nombreCampo(c.campo)} de ${mes(c.mes ?? 1)} del indicador ${c.codigo} cambió después ${describirSello(sello, "del")}`;
  if (c.campo === "cualitativo") {
    const ahora = c.despues === null ? "ahora está vacío" : `ahora dice ${citar(String(c.despues))}`;
    const antes = c.antes === null ? "estaba vacío al sellar" : "el texto sellado era otro";
    return `${inicio}: ${antes} y ${ahora}. Los meses sellados no se pueden modificar.`;
  }
  const t = textosCambio(c);
  return `${inicio}: valor sellado ${t.antes}, valor actual ${t.despues}. Los meses sellados no se pueden modificar.`;
}

export const cieValorSelladoCambiado = definirRegla(
  {
    id: "CIE-VALOR-SELLADO-CAMBIADO",
    categoria: "Cierre",
    severidad: "error",
    requiere: "pmr",
    descripcion:
      "Un valor de un mes sellado (programado, ejecutado o avance cualitativo) es distinto del que se selló.",
    mensaje: mensajeValorSellado({
      cambio: {
        id: "1.1.1",
        codigo: "1.1.1",
        campo: "ejecutado",
        mes: 6,
        antes: 40,
        despues: 45,
        antesEsHuella: false,
        filaAntes: null,
        filaDespues: 12,
      },
      sello: SELLO_EJEMPLO,
    }),
    esperado: "El mismo valor que tenía el mes cuando se selló.",
    comoCorregir:
      "Devuelva la celda al valor sellado. Si el cambio es una corrección aprobada, selle de nuevo desde la sección Cierre del panel (o con pmr sellar) con una nota que lo explique.",
    detalle:
      "Compara, por código de indicador (no por fila: insertar u ordenar filas no cambia nada), cada mes 1..M del último sello que cubre ese mes con el libro. Las cifras se comparan exactas; el avance cualitativo por la huella de su texto (el sello no guarda los textos, sin espacios al comienzo ni al final). Un hallazgo por celda, en la celda actual.",
  },
  (ctx, meta) =>
    revisionCierre(ctx).series.map((cs) =>
      hallazgo(
        meta,
        ctx.nombreHojaPmr,
        ctx.celda(cs.fila.ind, cs.cambio.campo as "programado", cs.cambio.mes ?? 1),
        mensajeValorSellado(cs),
        cs.fila.id,
        cs.cambio.campo,
        cs.cambio.mes,
      ),
    ),
);
