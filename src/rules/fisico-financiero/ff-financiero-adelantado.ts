import { porcentaje, puntos } from "../formato";
import { definirRegla } from "../tipos";
import { revisarCoherencia, type DatosIncoherencia } from "./incoherencia";

const mensaje = (d: DatosIncoherencia) =>
  `El producto ${d.producto} tiene un avance financiero de ${porcentaje(d.financiero)} y un avance físico de ${porcentaje(d.fisico)}: el financiero va ${puntos(d.financiero - d.fisico)} adelante y la tolerancia es de ${puntos(d.tolerancia)}. Revise si faltan entregas por reportar en sus indicadores de producto o si los compromisos corresponden a este producto.`;

export const ffFinancieroAdelantado = definirRegla(
  {
    id: "FF-FINANCIERO-ADELANTADO",
    categoria: "Físico-financiero",
    severidad: "advertencia",
    descripcion: "Un producto cuyo avance financiero supera a su avance físico en más de la tolerancia.",
    mensaje: mensaje({ producto: "P2", financiero: 0.8, fisico: 0.2, tolerancia: 0.3 }),
    esperado: "Un avance financiero que no supere al físico en más de la tolerancia (30 puntos por defecto).",
    comoCorregir:
      "Reporte las entregas que falten en los indicadores del producto. Si el dinero se comprometió para entregas de meses siguientes, explíquelo en el avance cualitativo.",
    requiere: "presupuesto",
    configuracion: ["toleranciaFisicoFinanciera", "corte"],
    detalle:
      "Avance financiero = compromisos al corte / apropiación vigente (todas las filas del producto); avance físico = promedio ponderado de acumulado / meta vigencia de sus indicadores de producto, cada uno con tope 100 % (§2). Se señala el código de producto de su primer indicador en la hoja PMR.",
  },
  (ctx, meta) => revisarCoherencia(ctx, meta, "Financiero adelantado", mensaje),
);
