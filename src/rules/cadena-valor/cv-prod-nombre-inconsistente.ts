import type { Indicador } from "../../domain/modelo";
import { citar } from "../formato";
import { definirRegla } from "../tipos";
import { revisarNombres, type DatosNombre } from "./nombres";

const mensaje = (d: DatosNombre) =>
  `El ${d.tipo} ${d.codigo} tiene nombres distintos: aquí ${citar(d.nombre)} y en la fila ${d.filaPrimero} ${citar(d.primero)}. Un mismo código debe llevar el mismo nombre en todas sus filas; corrija el que sobra o use otro código.`;

export const cvProdNombreInconsistente = definirRegla(
  {
    id: "CV-PROD-NOMBRE-INCONSISTENTE",
    categoria: "Cadena de valor",
    severidad: "error",
    descripcion: "Un mismo código de producto con nombres distintos en filas distintas.",
    mensaje: mensaje({
      tipo: "producto",
      codigo: "P2",
      nombre: "Jornadas de refuerzo",
      primero: "Jornadas de refuerzo escolar",
      filaPrimero: 8,
    }),
    esperado: "El mismo nombre de producto en todas las filas con ese código.",
    comoCorregir:
      "Copie el nombre correcto en todas las filas del producto. Si son dos productos distintos, cada uno necesita su propio código.",
    requiere: "pmr",
    detalle: "Igual que CV-OBJ-NOMBRE-INCONSISTENTE, con el código y el nombre del producto.",
  },
  (ctx, meta) =>
    revisarNombres(
      ctx,
      meta,
      [...ctx.filasPorProducto].map(([cp, filas]) => [cp, filas.map((f) => f.ind)] as [string, Indicador[]]),
      "codigoProducto",
      "producto",
      mensaje,
    ),
);
