import { celdaDeOrigen, mismaCifra, type CeldaOrigen } from "../../domain/consolidacion";
import { normalizarCodigo } from "../../domain/evaluacion";
import { escalaPorcentaje, textoTendencia, valorIndicador, TEXTO_TIPO } from "../../domain/formato";
import type { Hallazgo } from "../../domain/hallazgo";
import type { Indicador } from "../../domain/modelo";
import { citar, nombreCampo, porcentaje } from "../formato";
import { definirRegla } from "../tipos";
import { claveNombre, hallazgo } from "../utilidades";
import { enArchivo, enOrigen } from "./comun";

/** Un campo que se compara: su clave («metaVigencia», «ejecutado.3»), cómo se compara y cómo se muestra. */
interface Comparado {
  clave: string;
  /** Valor comparable (null = vacío). */
  valor(i: Indicador): string | number | null;
  /** Cómo se lee en el mensaje. */
  texto(i: Indicador): string;
}

const VACIA = "vacía";

const texto = (
  campo: "nombre" | "unidad" | "codigoObjetivo" | "codigoProducto",
  comparar: (t: string) => string,
): Comparado => ({
  clave: campo,
  valor: (i) => (i[campo]?.trim() ? comparar(i[campo]!) : null),
  texto: (i) => (i[campo]?.trim() ? citar(i[campo]!) : VACIA),
});

const cifra = (campo: "lineaBase" | "metaPlan" | "metaVigencia" | "ejecutadoAnterior"): Comparado => ({
  clave: campo,
  valor: (i) => i[campo],
  texto: (i) => (i[campo] === null ? VACIA : valorIndicador(i[campo], escalaPorcentaje(i))),
});

const mensual = (serie: "programado" | "ejecutado", m: number): Comparado => ({
  clave: `${serie}.${m}`,
  valor: (i) => i[serie][m - 1],
  texto: (i) => (i[serie][m - 1] === null ? VACIA : valorIndicador(i[serie][m - 1], escalaPorcentaje(i))),
});

const codigo = (t: string) => normalizarCodigo(t) ?? "";

/** Los campos que se comparan, en el orden de la hoja. */
const COMPARADOS: readonly Comparado[] = [
  texto("codigoObjetivo", codigo),
  texto("codigoProducto", codigo),
  {
    clave: "tipo",
    valor: (i) => i.tipo ?? (i.tipoTexto?.trim() ? claveNombre(i.tipoTexto) : null),
    texto: (i) => (i.tipo ? TEXTO_TIPO[i.tipo] : i.tipoTexto?.trim() ? citar(i.tipoTexto) : VACIA),
  },
  texto("nombre", claveNombre),
  texto("unidad", claveNombre),
  {
    clave: "tendencia",
    valor: (i) => i.tendencia ?? (i.tendenciaTexto?.trim() ? claveNombre(i.tendenciaTexto) : null),
    texto: (i) => textoTendencia(i) ?? VACIA,
  },
  {
    clave: "periodicidad",
    valor: (i) => i.periodicidad ?? (i.periodicidadTexto?.trim() ? claveNombre(i.periodicidadTexto) : null),
    texto: (i) => i.periodicidadTexto?.trim() || (i.periodicidad ?? VACIA),
  },
  {
    clave: "ponderacion",
    valor: (i) => i.ponderacion,
    texto: (i) => (i.ponderacion === null ? VACIA : porcentaje(i.ponderacion)),
  },
  cifra("lineaBase"),
  cifra("metaPlan"),
  cifra("metaVigencia"),
  ...Array.from({ length: 12 }, (_, k) => mensual("programado", k + 1)),
  ...Array.from({ length: 12 }, (_, k) => mensual("ejecutado", k + 1)),
  cifra("ejecutadoAnterior"),
];

function iguales(a: string | number | null, b: string | number | null): boolean {
  if (typeof a === "number" && typeof b === "number") return mismaCifra(a, b);
  return a === b;
}

interface Datos {
  codigo: string;
  campo: string;
  aqui: string;
  enAqui: string;
  alla: string;
  enAlla: string;
  tomado: string;
}

const mensaje = (d: Datos) =>
  `El indicador ${d.codigo} está en dos archivos con valores distintos en ${d.campo}: ${d.aqui} en ${d.enAqui} y ${d.alla} en ${d.enAlla}. El consolidado tomó el valor de «${d.tomado}»; acuerde con los gerentes cuál es el correcto y corrija el otro archivo.`;

export const consIndicadorValoresDistintos = definirRegla(
  {
    id: "CONS-INDICADOR-VALORES-DISTINTOS",
    categoria: "Consolidación",
    severidad: "error",
    descripcion: "Un mismo código de indicador (en la misma vigencia) está en dos archivos con valores distintos.",
    mensaje: mensaje({
      codigo: "IP1.1.1",
      campo: "Meta vigencia",
      aqui: "1.200,00",
      enAqui: "«gerencia-b.xlsx» (PMR!O9)",
      alla: "1.000,00",
      enAlla: "«gerencia-a.xlsx» (PMR!O7)",
      tomado: "gerencia-a.xlsx",
    }),
    esperado: "Un indicador que está en dos archivos tiene los mismos valores en los dos.",
    comoCorregir:
      "Decida con los gerentes de proyecto cuál valor es el correcto y corríjalo en el archivo equivocado (o deje el indicador en un solo archivo); después consolide de nuevo.",
    detalle:
      "El consolidado tiene una sola fila por código de indicador y vigencia: la del primer archivo (en el orden dado) que lo trae. Se compara cada fila repetida de otro archivo con esa: códigos de objetivo y producto, tipo, nombre, unidad, tendencia, periodicidad, ponderación, línea base, meta plan, meta vigencia, programado y ejecutado de cada mes y ejecutado de vigencias anteriores (los textos sin importar mayúsculas, tildes ni espacios; los avances cualitativos y las observaciones no se comparan). Un hallazgo por campo distinto, en la celda del archivo repetido; el mensaje nombra la celda del otro archivo. Si los valores son iguales, la fila repetida simplemente no se duplica.",
  },
  (ctx, meta) => {
    const c = ctx.modelo.consolidacion;
    if (!c || c.repetidos.length === 0 || !ctx.hojaPmr) return [];
    const porFila = new Map<number, Indicador>();
    for (const i of ctx.hojaPmr.indicadores) porFila.set(i.fila, i);
    const salida: Hallazgo[] = [];
    for (const r of c.repetidos) {
      const primero = porFila.get(r.primera);
      const origen = c.origenes.pmr[String(r.primera)];
      if (primero === undefined || origen === undefined) continue;
      const otro = r.indicador;
      for (const comp of COMPARADOS) {
        if (iguales(comp.valor(otro), comp.valor(primero))) continue;
        const punto = comp.clave.indexOf(".");
        const campo = (punto < 0 ? comp.clave : comp.clave.slice(0, punto)) as Parameters<typeof ctx.celda>[1];
        const mes = punto < 0 ? undefined : Number(comp.clave.slice(punto + 1));
        const aqui: CeldaOrigen | null = celdaDeOrigen(c, r.archivo, "pmr", otro.fila, comp.clave);
        const alla = celdaDeOrigen(c, origen.archivo, "pmr", origen.fila, comp.clave);
        const nombreArchivo = c.archivos[r.archivo].nombre;
        const h = hallazgo(
          meta,
          ctx.nombreHojaPmr,
          ctx.celda(primero, campo, mes),
          mensaje({
            codigo: otro.codigo?.trim() ?? "",
            campo: nombreCampo(comp.clave),
            aqui: comp.texto(otro),
            enAqui: enArchivo(aqui, nombreArchivo),
            alla: comp.texto(primero),
            enAlla: enArchivo(alla, c.archivos[origen.archivo].nombre),
            tomado: c.archivos[origen.archivo].nombre,
          }),
          normalizarCodigo(otro.codigo),
          otro.vigencia,
          comp.clave,
          nombreArchivo,
        );
        salida.push(enOrigen(h, aqui, { hoja: ctx.nombreHojaPmr, celda: ctx.celda(primero, campo, mes) }));
      }
    }
    return salida;
  },
);
