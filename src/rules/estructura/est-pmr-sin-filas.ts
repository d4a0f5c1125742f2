import { direccionA1 } from "../../domain/direcciones";
import { citar, lista } from "../formato";
import { definirRegla } from "../tipos";
import { hallazgo } from "../utilidades";

const mensaje = (d: { hoja: string; vigencia: number | null; otras: readonly number[] }) =>
  d.otras.length > 0 && d.vigencia !== null
    ? `La hoja ${citar(d.hoja)} no tiene filas de la vigencia ${d.vigencia}: no hay indicadores que revisar y no se hicieron las demás revisiones. ${d.otras.length === 1 ? `La vigencia del libro es ${d.otras[0]}: elíjala` : `Las vigencias del libro son ${lista(d.otras.map(String), 10)}: elija una de ellas`} en Configuración (o con --vigencia en la línea de comandos).`
    : `La hoja ${citar(d.hoja)} no tiene filas de indicadores debajo de la fila de encabezados: no hay nada que revisar.`;

export const estPmrSinFilas = definirRegla(
  {
    id: "EST-PMR-SIN-FILAS",
    categoria: "Estructura",
    severidad: "advertencia",
    descripcion: "La hoja PMR no tiene indicadores de la vigencia evaluada.",
    mensaje: mensaje({ hoja: "PMR", vigencia: 2024, otras: [2025] }),
    esperado: "Al menos una fila de indicador de la vigencia evaluada debajo de los encabezados.",
    comoCorregir: "Escriba una fila por indicador debajo de los encabezados, o elija una vigencia que sí tenga filas.",
    detalle:
      "Si la hoja tiene filas, pero ninguna de la vigencia pedida, el hallazgo nombra las vigencias del libro y solo se ejecutan las reglas de Estructura (las demás señalarían cada fila de presupuesto y territorial).",
    requiere: "pmr",
    configuracion: ["vigencia"],
  },
  (ctx, meta) => {
    const hoja = ctx.hojaPmr;
    if (!hoja || ctx.indicadores.length > 0) return [];
    const otras = [
      ...new Set(ctx.evaluacion.omitidos.map((i) => i.vigencia).filter((v): v is number => v !== null)),
    ].sort((a, b) => a - b);
    const vigencia = ctx.evaluacion.vigencia;
    const celda = direccionA1(hoja.filaEncabezado, hoja.columnas.campos.codigo ?? 0);
    return [
      hallazgo(
        meta,
        hoja.nombre,
        celda,
        mensaje({ hoja: hoja.nombre, vigencia, otras }),
        otras.length > 0 ? vigencia : "",
      ),
    ];
  },
);
