import { celdaDeOrigen, columnaDeClave } from "../../domain/consolidacion";
import { direccionA1 } from "../../domain/direcciones";
import { moneda, numero } from "../../domain/formato";
import type { Hallazgo } from "../../domain/hallazgo";
import { nombreCampo } from "../formato";
import { definirRegla } from "../tipos";
import { hallazgo } from "../utilidades";
import { enArchivo, enOrigen } from "./comun";

interface Datos {
  que: string;
  identidad: string;
  campo: string;
  aqui: string;
  enAqui: string;
  alla: string;
  enAlla: string;
  tomado: string;
}

const QUE = { presupuesto: "La fila de presupuesto", territorial: "La meta territorial" } as const;

const mensaje = (d: Datos) =>
  `${d.que} ${d.identidad} está en dos archivos con valores distintos en ${d.campo}: ${d.aqui} en ${d.enAqui} y ${d.alla} en ${d.enAlla}. El consolidado tomó la de «${d.tomado}» (no suma las dos); acuerde con los gerentes cuál es la correcta y corrija el otro archivo.`;

/** El presupuesto en pesos; la meta y la ejecución de la localidad, como números. */
const cifra = (hoja: "presupuesto" | "territorial", v: number | null) =>
  v === null ? "vacía" : hoja === "presupuesto" ? moneda(v) : numero(v);

export const consFilaRepetidaDistinta = definirRegla(
  {
    id: "CONS-FILA-REPETIDA-DISTINTA",
    categoria: "Consolidación",
    severidad: "error",
    descripcion:
      "Una misma fila de presupuesto (producto, tipo de recurso y proyecto) o territorial (indicador y localidad) está en dos archivos con valores distintos.",
    mensaje: mensaje({
      que: QUE.presupuesto,
      identidad: "P1.1 · Inversión · 7890",
      campo: "Apropiación",
      aqui: moneda(1_500_000_000),
      enAqui: "«gerencia-b.xlsx» (PMR_Presupuesto!D7)",
      alla: moneda(1_200_000_000),
      enAlla: "«gerencia-a.xlsx» (PMR_Presupuesto!D5)",
      tomado: "gerencia-a.xlsx",
    }),
    esperado: "Una fila de presupuesto o territorial que está en dos archivos tiene los mismos valores en los dos.",
    comoCorregir:
      "Decida con los gerentes de proyecto cuál fila es la correcta y corrija el archivo equivocado (o deje la fila en un solo archivo); si de verdad son dos partidas distintas, distíngalas por el proyecto. Después consolide de nuevo.",
    detalle:
      "El consolidado no suma dos veces una misma partida: de las filas de presupuesto con el mismo código de producto, tipo de recurso y proyecto (o territoriales con el mismo indicador y localidad) que vienen de archivos distintos, queda la del primer archivo (en el orden dado). Se compara cada fila repetida con esa: apropiación, compromisos y giros de cada mes y acumulados (o meta y ejecución de la localidad). Un hallazgo por campo distinto, en la celda del archivo repetido; el mensaje nombra la celda del otro archivo. Si los valores son iguales, la fila repetida simplemente no se duplica. Las filas repetidas dentro de un mismo archivo se quedan todas (las revisan las demás reglas).",
  },
  (ctx, meta) => {
    const c = ctx.modelo.consolidacion;
    if (!c || c.filasRepetidas.length === 0) return [];
    const salida: Hallazgo[] = [];
    for (const r of c.filasRepetidas) {
      const hoja = ctx.modelo[r.hoja];
      const origen = c.origenes[r.hoja][String(r.primera)];
      if (!hoja || origen === undefined) continue;
      for (const d of r.diferencias) {
        const aqui = celdaDeOrigen(c, r.archivo, r.hoja, r.fila, d.campo);
        const alla = celdaDeOrigen(c, origen.archivo, r.hoja, origen.fila, d.campo);
        const columna = columnaDeClave(hoja.columnas, d.campo) ?? 0;
        const celda = direccionA1(r.primera, columna);
        const nombreArchivo = c.archivos[r.archivo].nombre;
        const h = hallazgo(
          meta,
          hoja.nombre,
          celda,
          mensaje({
            que: QUE[r.hoja],
            identidad: r.identidad,
            campo: nombreCampo(d.campo),
            aqui: cifra(r.hoja, d.aqui),
            enAqui: enArchivo(aqui, nombreArchivo),
            alla: cifra(r.hoja, d.alla),
            enAlla: enArchivo(alla, c.archivos[origen.archivo].nombre),
            tomado: c.archivos[origen.archivo].nombre,
          }),
          r.hoja,
          r.identidad,
          d.campo,
          nombreArchivo,
        );
        salida.push(enOrigen(h, aqui, { hoja: hoja.nombre, celda }));
      }
    }
    return salida;
  },
);
