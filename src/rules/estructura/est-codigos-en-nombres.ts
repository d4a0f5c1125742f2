import { citar, nombreCampo } from "../formato";
import { definirRegla } from "../tipos";
import { hallazgosDeAvisos } from "./comun";

const mensaje = (d: {
  hoja: string;
  celda: string;
  campo: string;
  encabezado: string;
  ejemplo: string;
  codigo: string;
}) =>
  `La hoja ${citar(d.hoja)} no tiene columna ${citar(nombreCampo(d.campo))}: los códigos se tomaron del comienzo de los nombres de la columna ${citar(d.encabezado)} (p. ej. «${d.codigo}» de ${citar(d.ejemplo, 50)}, ${d.celda}). Para no depender de eso, agregue la columna ${citar(nombreCampo(d.campo))}.`;

export const estCodigosEnNombres = definirRegla(
  {
    id: "EST-CODIGOS-EN-NOMBRES",
    categoria: "Estructura",
    severidad: "info",
    descripcion:
      "La hoja no tiene la columna de un código y se tomó del comienzo de los nombres («2.3.1. Implementar…»).",
    mensaje: mensaje({
      hoja: "PMR",
      celda: "G6",
      campo: "codigo",
      encabezado: "Indicador",
      ejemplo: "2.3.1. Implementar la estrategia de entornos escolares",
      codigo: "2.3.1",
    }),
    esperado: "Una columna Código indicador (y Código objetivo y Código producto) con el código de cada fila.",
    comoCorregir:
      "Nada que corregir si los códigos están bien. Para que no dependan del texto del nombre, agregue la columna del código (Código objetivo, Código producto o Código indicador).",
    detalle:
      "Se usa cuando la hoja no tiene la columna del código (objetivo, producto o indicador) y al menos el 80 % de los nombres de esa columna empiezan por un código: «2.3.1. Implementar…», «P1.2 - Apoyos…», «IP 3.2.1 Personas…», «O1. Reducir…», «1. Reducir…». Un número solo seguido de un espacio («100 personas…») no es código. El nombre se lee sin el código; los hallazgos del código señalan la celda del nombre.",
  },
  (ctx, meta) => hallazgosDeAvisos(ctx, meta, "codigos-en-nombres", mensaje, (a) => [a.hoja, a.campo]),
);
