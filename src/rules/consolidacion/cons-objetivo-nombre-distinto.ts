import { definirRegla } from "../tipos";
import { mensajeNombre, revisarRenombrados } from "./nombres";

export const consObjetivoNombreDistinto = definirRegla(
  {
    id: "CONS-OBJETIVO-NOMBRE-DISTINTO",
    categoria: "Consolidación",
    severidad: "error",
    descripcion: "Un mismo código de objetivo tiene nombres distintos en dos archivos.",
    mensaje: mensajeNombre({
      tipo: "objetivo",
      codigo: "O2",
      nombre: "Atención integral a la primera infancia",
      enAqui: "«gerencia-b.xlsx» (PMR!B7)",
      primero: "Garantizar la atención integral a niñas y niños en primera infancia",
      enPrimero: "«gerencia-a.xlsx» (PMR!B12)",
    }),
    esperado: "El mismo nombre de objetivo en todos los archivos que usan ese código.",
    comoCorregir:
      "Copie el nombre oficial del objetivo en todos los archivos; si son dos objetivos distintos, cada uno necesita su propio código. Después consolide de nuevo.",
    detalle:
      "Los nombres se comparan sin importar mayúsculas, tildes, espacios ni la puntuación final. El consolidado usa el nombre del primer archivo (en el orden dado) que trae el objetivo; se señala la celda del nombre en la primera fila de cada archivo posterior con cada nombre distinto. Dentro de un mismo archivo, los nombres distintos los señala CV-OBJ-NOMBRE-INCONSISTENTE.",
  },
  (ctx, meta) => revisarRenombrados(ctx, meta, "objetivo"),
);
