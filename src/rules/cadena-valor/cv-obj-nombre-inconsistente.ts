import type { Indicador } from "../../domain/modelo";
import { citar } from "../formato";
import { definirRegla } from "../tipos";
import { revisarNombres, type DatosNombre } from "./nombres";

const mensaje = (d: DatosNombre) =>
  `El ${d.tipo} ${d.codigo} tiene nombres distintos: aquí ${citar(d.nombre)} y en la fila ${d.filaPrimero} ${citar(d.primero)}. Un mismo código debe llevar el mismo nombre en todas sus filas; corrija el que sobra o use otro código.`;

export const cvObjNombreInconsistente = definirRegla(
  {
    id: "CV-OBJ-NOMBRE-INCONSISTENTE",
    categoria: "Cadena de valor",
    severidad: "error",
    descripcion: "Un mismo código de objetivo con nombres distintos en filas distintas.",
    mensaje: mensaje({
      tipo: "objetivo",
      codigo: "O1",
      nombre: "Reducir la pobreza extrema",
      primero: "Reducir la pobreza",
      filaPrimero: 6,
    }),
    esperado: "El mismo nombre de objetivo en todas las filas con ese código.",
    comoCorregir:
      "Copie el nombre correcto en todas las filas del objetivo. Si son dos objetivos distintos, cada uno necesita su propio código.",
    requiere: "pmr",
    detalle:
      "Los nombres se comparan sin importar mayúsculas, tildes, espacios ni la puntuación final; las celdas vacías no cuentan. Se señala la celda del nombre de la primera fila con cada nombre distinto del primero.",
  },
  (ctx, meta) =>
    revisarNombres(
      ctx,
      meta,
      ctx.evaluacion.objetivos.map((o) => [o.codigo, o.indicadores.map((ev) => ev.indicador)] as [string, Indicador[]]),
      "codigoObjetivo",
      "objetivo",
      mensaje,
    ),
);
