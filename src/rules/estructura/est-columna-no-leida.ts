import { normalizarTexto } from "../../domain/valores";
import { citar } from "../formato";
import { definirRegla } from "../tipos";
import { hallazgosDeAvisos } from "./comun";

const mensaje = (d: { hoja: string; celda: string; encabezado: string }) =>
  `La columna ${citar(d.encabezado)} (${d.celda}) de la hoja ${citar(d.hoja)} parece un dato del PMR, pero no se leyó: su encabezado no corresponde a ninguna columna conocida y sus valores no cuentan en los cálculos. Si trae cifras que deben contar, cambie el encabezado por el canónico (p. ej. «Ponderación», «Meta vigencia», «Ejecutado Mar» o «Ejecución I trimestre»); si es un cálculo o una nota, no hace falta cambiar nada.`;

export const estColumnaNoLeida = definirRegla(
  {
    id: "EST-COLUMNA-NO-LEIDA",
    categoria: "Estructura",
    severidad: "advertencia",
    descripcion:
      "Una columna con datos cuyo encabezado parece de un campo del PMR (meta, ejecución, peso, trimestre…) no se pudo leer.",
    mensaje: mensaje({ hoja: "PMR", celda: "Q5", encabezado: "Peso estratégico asignado" }),
    esperado:
      "Cada columna con datos del PMR con un encabezado que el lector reconoce (o una columna que no es del PMR).",
    comoCorregir:
      "Cambie el encabezado por el canónico de la columna o uno de sus sinónimos (docs/hojas.md y el README dicen cuáles acepta el lector). Si la columna es un cálculo del libro (un porcentaje de avance, un semáforo) o una nota, puede dejarla: el complemento calcula lo suyo.",
    detalle:
      "Se revisa cada columna de la fila de encabezados que no se leyó y tiene algo escrito debajo: se informa si su encabezado tiene una palabra de un dato del PMR (en la hoja PMR: meta, ponderación, peso, importancia, avance, ejecución, programación, trimestre, semestre, bimestre, línea base, tendencia, anualización, periodicidad, frecuencia, vigencia, cualitativo, observaciones, justificación, acumulado, logro; en las demás hojas, las de sus campos), un mes o un periodo («T3», «Q4»). No se informan los atributos de un campo («Año de la línea base», «Fuente de la meta»); los porcentajes calculados («% de avance») los informa EST-COLUMNA-CALCULADA.",
  },
  (ctx, meta) =>
    hallazgosDeAvisos(ctx, meta, "columna-no-leida", mensaje, (a) => [a.hoja, normalizarTexto(a.encabezado)]),
);
