import { citar, entero, nombreCampo } from "../formato";
import { definirRegla } from "../tipos";
import { hallazgosDeAvisos } from "./comun";

const mensaje = (d: {
  celda: string;
  encabezado: string;
  campo: string;
  textos: number;
  celdas: number;
  ejemplo: string;
  celdaEjemplo: string;
}) =>
  `La columna ${citar(d.encabezado)} (${d.celda}) se leyó como ${citar(nombreCampo(d.campo))}, que lleva cifras, pero ${entero(d.textos)} de sus ${entero(d.celdas)} celdas con dato son textos (p. ej. ${citar(d.ejemplo, 40)} en ${d.celdaEjemplo}): se tomaron como vacías. Si la columna es un reporte en texto, cambie su encabezado (p. ej. «Avance cualitativo I trimestre»); si no, escriba solo las cifras.`;

export const estColumnaTexto = definirRegla(
  {
    id: "EST-COLUMNA-TEXTO",
    categoria: "Estructura",
    severidad: "advertencia",
    descripcion: "Una columna de cifras (meta, programación, ejecución…) con textos en la mayoría de sus celdas.",
    mensaje: mensaje({
      celda: "AB5",
      encabezado: "Avance I trimestre",
      campo: "ejecutado.3",
      textos: 28,
      celdas: 30,
      ejemplo: "Se realizaron los talleres previstos",
      celdaEjemplo: "AB6",
    }),
    esperado: "Cifras en las celdas de una columna de metas, programación o ejecución; las notas, en Observaciones.",
    comoCorregir:
      "Si la columna es un texto (un avance cualitativo, una observación), cambie el encabezado para que no se lea como cifra. Si es de cifras, escriba solo el número en cada celda. Cada celda con texto también aparece en EST-VALOR-ILEGIBLE.",
    detalle:
      "Se informa una columna de cifras con al menos 3 celdas de texto que no se pueden leer como número y que son más de la mitad de sus celdas con algo escrito. Suele ser una columna de reporte en texto con un encabezado que se lee como ejecución («Avance I trimestre»).",
  },
  (ctx, meta) => hallazgosDeAvisos(ctx, meta, "columna-texto", mensaje, (a) => [a.hoja, a.campo]),
);
