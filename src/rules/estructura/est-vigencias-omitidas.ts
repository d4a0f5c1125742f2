import { direccionA1 } from "../../domain/direcciones";
import { entero, lista } from "../formato";
import { definirRegla } from "../tipos";
import { hallazgo } from "../utilidades";

interface Datos {
  vigencia: number;
  filas: number;
  otras: number[];
}
const mensaje = (d: Datos) =>
  `Se evaluó la vigencia ${d.vigencia}; ${d.filas === 1 ? "se omitió 1 fila" : `se omitieron ${entero(d.filas)} filas`} de ${d.otras.length === 1 ? "la vigencia" : "las vigencias"} ${lista(d.otras.map(String), 10)}, que no se revisan ni cuentan en los cálculos.`;

export const estVigenciasOmitidas = definirRegla(
  {
    id: "EST-VIGENCIAS-OMITIDAS",
    categoria: "Estructura",
    severidad: "info",
    descripcion: "La hoja PMR tiene filas de otras vigencias, que no se evaluaron.",
    mensaje: mensaje({ vigencia: 2025, filas: 40, otras: [2023, 2024] }),
    esperado: "Nada que corregir: solo se evalúan las filas de la vigencia elegida.",
    comoCorregir:
      "Nada que corregir si es intencional. Para revisar otra vigencia elíjala en el panel o con --vigencia AAAA.",
    requiere: "pmr",
    configuracion: ["vigencia"],
    detalle:
      "Se evalúa la vigencia pedida o, si no se pide, la más reciente de la columna Vigencia; las filas sin vigencia se evalúan. El hallazgo señala el encabezado de la columna Vigencia.",
  },
  (ctx, meta) => {
    const { omitidos, vigencia } = ctx.evaluacion;
    // Sin ninguna fila de la vigencia lo dice EST-PMR-SIN-FILAS, con las vigencias del libro.
    if (omitidos.length === 0 || vigencia === null || !ctx.hojaPmr || ctx.indicadores.length === 0) return [];
    const otras = [...new Set(omitidos.map((i) => i.vigencia).filter((v): v is number => v !== null))].sort(
      (a, b) => a - b,
    );
    const hoja = ctx.hojaPmr;
    const celda = direccionA1(hoja.filaEncabezado, hoja.columnas.campos.vigencia ?? hoja.columnas.campos.codigo ?? 0);
    return [
      hallazgo(
        meta,
        hoja.nombre,
        celda,
        mensaje({ vigencia, filas: omitidos.length, otras }),
        vigencia,
        otras.join(","),
      ),
    ];
  },
);
