import { definirRegla } from "../tipos";
import { hallazgo } from "../utilidades";

const mensaje = (d: { archivo: string; motivo: string }) =>
  `El archivo «${d.archivo}» no se pudo leer y no entró al consolidado: ${d.motivo.trim()} Los demás archivos sí se consolidaron; corrija o vuelva a guardar este archivo como libro de Excel (.xlsx) y consolide de nuevo.`;

export const consArchivoIlegible = definirRegla(
  {
    id: "CONS-ARCHIVO-ILEGIBLE",
    categoria: "Consolidación",
    severidad: "error",
    descripcion: "Un archivo de la consolidación no se pudo leer; los demás se consolidan sin él.",
    mensaje: mensaje({
      archivo: "gerencia-salud.xlsx",
      motivo: "No se pudo leer «gerencia-salud.xlsx»: no es un libro de Excel (.xlsx) válido.",
    }),
    esperado: "Cada archivo de la consolidación es un libro de Excel (.xlsx) que se puede abrir.",
    comoCorregir:
      "Abra el archivo en Excel y guárdelo como «Libro de Excel (.xlsx)» (sin contraseña), o pida al gerente de proyecto que lo envíe de nuevo; después consolide otra vez.",
    detalle:
      "El hallazgo no tiene hoja ni celda: nombra el archivo y el motivo que dio el lector. La línea de comandos termina con código 2 solo si ningún archivo se pudo leer.",
  },
  (ctx, meta) =>
    (ctx.modelo.consolidacion?.archivos ?? []).flatMap((a) =>
      a.error === null
        ? []
        : [{ ...hallazgo(meta, "", "", mensaje({ archivo: a.nombre, motivo: a.error }), a.nombre), archivo: a.nombre }],
    ),
);
