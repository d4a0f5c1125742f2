import { normalizarTexto } from "../../domain/valores";
import { citar, entero } from "../formato";
import { definirRegla } from "../tipos";
import { hallazgosDeAvisos, listaO } from "./comun";

type Datos = {
  celda: string;
  encabezado: string;
  anio: number;
  filas: number;
  vigencias: readonly number[];
  usada: string | null;
};

const mensaje = (d: Datos) => {
  if (d.filas > 0)
    return `La columna ${citar(d.encabezado)} (${d.celda}) es la meta de ${d.anio}, pero ${d.filas === 1 ? "1 fila es" : `${entero(d.filas)} filas son`} de la vigencia ${listaO(d.vigencias.map(String))}: en ${d.filas === 1 ? "ella" : "ellas"} no se tomó como meta vigencia (quedó vacía). Agregue la columna «Meta vigencia» o una columna de meta por cada año.`;
  if (d.usada !== null)
    return `La columna ${citar(d.encabezado)} (${d.celda}) es la meta de ${d.anio} y no se leyó: como meta vigencia se usa ${citar(d.usada)}, la del año de las filas.`;
  return `La hoja tiene varias columnas de meta por año y no se pudo saber cuál es la de la vigencia: ${citar(d.encabezado)} (${d.celda}) no se leyó como meta vigencia. Agregue una columna «Vigencia» con el año de cada fila, o deje solo la meta de la vigencia.`;
};

export const estMetaOtraVigencia = definirRegla(
  {
    id: "EST-META-OTRA-VIGENCIA",
    categoria: "Estructura",
    severidad: "advertencia",
    descripcion: "Una columna de meta con año («Meta 2026») que no es de la vigencia de las filas.",
    mensaje: mensaje({ celda: "O5", encabezado: "Meta 2026", anio: 2026, filas: 12, vigencias: [2025], usada: null }),
    esperado: "Una columna de meta con el año de la vigencia de las filas («Meta 2025» para filas de 2025) o sin año.",
    comoCorregir:
      "Use «Meta vigencia» con una columna «Vigencia» por fila, o una columna de meta por año («Meta 2025», «Meta 2026») y la columna «Vigencia»: se lee la del año de las filas.",
    detalle:
      "Un encabezado de meta con un año («Meta 2026», «Meta_vigencia_2026», «Programación 2026») es la meta vigencia de las filas de ese año y de las que no tienen vigencia. Con varias columnas así se lee la del año más reciente de la columna Vigencia o, sin ella, la del año que dicen los encabezados de las series (p. ej. «Ejecución 2026» sobre los meses), si es uno solo; si no, ninguna. Un encabezado con dos años («Meta 2024-2027») es la meta plan.",
  },
  (ctx, meta) =>
    hallazgosDeAvisos(ctx, meta, "meta-otra-vigencia", mensaje, (a) => [
      a.hoja,
      normalizarTexto(a.encabezado),
      a.filas > 0 ? "filas" : "columna",
    ]),
);
