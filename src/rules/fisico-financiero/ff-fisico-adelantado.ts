import { porcentaje, puntos } from "../formato";
import { definirRegla } from "../tipos";
import { revisarCoherencia, type DatosIncoherencia } from "./incoherencia";

const mensaje = (d: DatosIncoherencia) =>
  `El producto ${d.producto} tiene un avance físico de ${porcentaje(d.fisico)} y un avance financiero de ${porcentaje(d.financiero)}: el físico va ${puntos(d.fisico - d.financiero)} adelante y la tolerancia es de ${puntos(d.tolerancia)}. Revise si faltan compromisos por registrar o si la ejecución física está sobrestimada.`;

export const ffFisicoAdelantado = definirRegla(
  {
    id: "FF-FISICO-ADELANTADO",
    categoria: "Físico-financiero",
    severidad: "advertencia",
    descripcion: "Un producto cuyo avance físico supera a su avance financiero en más de la tolerancia.",
    mensaje: mensaje({ producto: "P4", financiero: 0.1, fisico: 0.65, tolerancia: 0.3 }),
    esperado: "Un avance físico que no supere al financiero en más de la tolerancia (30 puntos por defecto).",
    comoCorregir:
      "Registre los compromisos que falten en la hoja de presupuesto. Si las entregas se financian con otros recursos (otro producto, vigencias anteriores), explíquelo en las observaciones.",
    requiere: "presupuesto",
    configuracion: ["toleranciaFisicoFinanciera", "corte"],
    detalle: "Mismo cálculo que FF-FINANCIERO-ADELANTADO, en el sentido contrario.",
  },
  (ctx, meta) => revisarCoherencia(ctx, meta, "Físico adelantado", mensaje),
);
