import { definirRegla } from "../tipos";
import { hallazgo } from "../utilidades";

/** Qué pasó con lo que no se pudo usar, según la ranura. */
const CONSECUENCIA: Readonly<Record<string, string>> = {
  configuracion: "Se validó con la configuración por defecto: guárdela otra vez en la pestaña Configuración del panel.",
  decisiones:
    "Los hallazgos se muestran como pendientes; lo guardado no se reemplaza hasta que se fije una decisión en el panel.",
};
const CONSECUENCIA_GENERAL = "Lo guardado no se usó en esta validación.";

const mensaje = (problema: string, ranura: string) =>
  `${problema.trim()} ${CONSECUENCIA[ranura] ?? CONSECUENCIA_GENERAL}`;

export const estDatosGuardados = definirRegla(
  {
    id: "EST-DATOS-GUARDADOS",
    categoria: "Estructura",
    severidad: "advertencia",
    descripcion:
      "Lo que el complemento guarda dentro del libro (configuración, sellos, decisiones) no se pudo leer o no es válido.",
    mensaje: mensaje(
      "La configuración guardada en el libro no es válida: «corte»: el valor es demasiado grande (máximo 12).",
      "configuracion",
    ),
    esperado:
      "Que lo guardado por el complemento en el libro (configuración, sellos, decisiones) se pueda leer y sea válido.",
    comoCorregir:
      "Vuelva a guardar el dato desde el panel (Configuración, Cierre o la decisión del hallazgo). Si el libro se editó fuera de Excel o lo escribió una versión más nueva del complemento, ábralo con la versión más reciente.",
    detalle:
      "Se informa cada problema que el almacén del libro encontró al leer (partes que faltan, huella distinta, JSON o esquema no válidos, versión más nueva). Apunta a la celda A1 de la hoja PMR: el dato no está en una celda.",
  },
  (ctx, meta) => {
    const ordinales = new Map<string, number>();
    return ctx.guardado.problemas.map(({ ranura, mensaje: problema }) => {
      const n = (ordinales.get(ranura) ?? 0) + 1;
      ordinales.set(ranura, n);
      return hallazgo(meta, ctx.nombreHojaPmr, "A1", mensaje(problema, ranura), ranura, n);
    });
  },
);
