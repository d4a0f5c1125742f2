import { definirRegla } from "../tipos";
import { mensajeNombre, revisarRenombrados } from "./nombres";

export const consProductoNombreDistinto = definirRegla(
  {
    id: "CONS-PRODUCTO-NOMBRE-DISTINTO",
    categoria: "Consolidación",
    severidad: "error",
    descripcion: "Un mismo código de producto tiene nombres distintos en dos archivos.",
    mensaje: mensajeNombre({
      tipo: "producto",
      codigo: "P1.1",
      nombre: "Apoyos alimentarios",
      enAqui: "«gerencia-b.xlsx» (PMR!D7)",
      primero: "Apoyos alimentarios entregados a hogares en situación de pobreza",
      enPrimero: "«gerencia-a.xlsx» (PMR!D6)",
    }),
    esperado: "El mismo nombre de producto en todos los archivos que usan ese código.",
    comoCorregir:
      "Copie el nombre oficial del producto en todos los archivos; si son dos productos distintos, cada uno necesita su propio código. Después consolide de nuevo.",
    detalle:
      "Los nombres se comparan sin importar mayúsculas, tildes, espacios ni la puntuación final. El consolidado usa el nombre del primer archivo (en el orden dado) que trae el producto; se señala la celda del nombre en la primera fila de cada archivo posterior con cada nombre distinto. Dentro de un mismo archivo, los nombres distintos los señala CV-PROD-NOMBRE-INCONSISTENTE.",
  },
  (ctx, meta) => revisarRenombrados(ctx, meta, "producto"),
);
