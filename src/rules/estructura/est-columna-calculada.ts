import { normalizarTexto } from "../../domain/valores";
import { citar } from "../formato";
import { definirRegla } from "../tipos";
import { hallazgosDeAvisos } from "./comun";

const mensaje = (d: { hoja: string; celda: string; encabezado: string }) =>
  `La columna ${citar(d.encabezado)} (${d.celda}) de la hoja ${citar(d.hoja)} parece un porcentaje calculado en el libro y no se leyó: el complemento calcula el avance y el cumplimiento con sus propias fórmulas. Si la columna trae un dato del PMR (p. ej. la meta en porcentaje), cambie su encabezado por el canónico.`;

export const estColumnaCalculada = definirRegla(
  {
    id: "EST-COLUMNA-CALCULADA",
    categoria: "Estructura",
    severidad: "info",
    descripcion: "Una columna con datos cuyo encabezado es un porcentaje calculado («% de avance»); no se lee.",
    mensaje: mensaje({ hoja: "PMR", celda: "AR5", encabezado: "% de avance" }),
    esperado:
      "Los cálculos del libro (% de avance, % de cumplimiento) pueden quedar: no cuentan. Los datos del PMR, con su encabezado canónico.",
    comoCorregir:
      "Nada que corregir si la columna es un cálculo del libro. Si trae un dato que debe contar (la meta o la ejecución en porcentaje), cambie su encabezado por el canónico («Meta vigencia», «Ejecutado Mar»…).",
    detalle:
      "Un encabezado con «%» o «porcentaje» cuyas palabras son solo de cálculo (porcentaje, avance, cumplimiento, ejecución, acumulado, y además meta, total, indicador, físico) y tiene al menos una de las primeras: «% de avance», «Porcentaje de cumplimiento de la meta». «Meta (%)» o «Meta física %» no son cálculos: si no se leen, los informa EST-COLUMNA-NO-LEIDA. Se informa solo si la columna tiene algo escrito debajo.",
  },
  (ctx, meta) =>
    hallazgosDeAvisos(ctx, meta, "columna-calculada", mensaje, (a) => [a.hoja, normalizarTexto(a.encabezado)]),
);
