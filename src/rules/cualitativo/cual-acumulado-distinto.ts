import { acumulado } from "../../domain/calculos";
import { evaluarIndicador } from "../../domain/evaluacion";
import type { Hallazgo } from "../../domain/hallazgo";
import { citar, mes, numero, porcentaje } from "../formato";
import type { ContextoReglas, IndicadorRevisado } from "../contexto";
import { definirRegla, type MetaRegla } from "../tipos";
import { esNumero, hallazgo, textoVacio, unidadPorcentual } from "../utilidades";
import { POSIBLE_CLAVE, cifrasAcumuladas, cifrasDelTexto, type CifraDeclarada } from "./cifras";
import { reporteCualitativo, textoCualitativo } from "./comun";

const mensaje = (d: { indicador: string; mes: number; fragmento: string; referencia: string; celda: string }) =>
  `El avance cualitativo de ${mes(d.mes)} del indicador ${d.indicador} dice ${citar(d.fragmento)}, pero ${d.referencia}. Corrija la cifra del texto (${d.celda}) o la ejecución mensual.`;

/** ¿Coincide la cifra escrita con alguno de los valores (en la escala en que se escribió)? */
function coincide(c: CifraDeclarada, candidatos: number[], toleranciaRelativa: number): boolean {
  const redondeo = 10 ** -c.decimales;
  return candidatos.some((v) => Math.abs(c.valor - v) <= Math.max(redondeo, toleranciaRelativa * Math.abs(v)) + 1e-9);
}

export const cualAcumuladoDistinto = definirRegla(
  {
    id: "CUAL-ACUMULADO-DISTINTO",
    categoria: "Avance cualitativo",
    severidad: "advertencia",
    descripcion:
      "La cifra acumulada que declara el avance cualitativo no coincide con el acumulado calculado a ese mes.",
    mensaje: mensaje({
      indicador: "I3",
      mes: 3,
      fragmento: "acumulado de 1.200",
      referencia: "el acumulado calculado a marzo es 1.150",
      celda: "AQ12",
    }),
    esperado: "La cifra acumulada del texto igual al acumulado calculado de la ejecución a ese mes.",
    comoCorregir:
      "Haga que el texto diga el mismo acumulado que la ejecución mensual (Suma: la suma de los meses; Creciente, Constante, Decreciente: el último valor reportado). Si la cifra del texto es la correcta, corrija la ejecución.",
    requiere: "pmr",
    configuracion: ["corte", "toleranciaSumas", "metodoAvance", "metodoDecreciente", "topeCien"],
    detalle:
      "Solo cuando el texto declara claramente un acumulado: «acumulado/acumulada» o «en total» seguidos de la cifra («acumulado de 1.234,5», «avance acumulado: 45 %», «el acumulado a marzo es de 300»), o la cifra seguida de hasta tres palabras y «en total», «acumulado(s)» o «a la fecha» («se han atendido 120 personas en total»). No cuentan «meta acumulada», «programado acumulado» ni cifras de meses o plazos («3 meses acumulados», «31 de marzo a la fecha»). Se leen comas y puntos decimales y de miles. Una cifra sin «%» se compara con el acumulado del mes (§2); una cifra con «%» se compara con el avance del indicador a ese mes y, si la unidad es de porcentaje, también con el acumulado (en escala 0–1 o 0–100). Tolerancia: una unidad de la última cifra escrita (45 % admite 44–46 %; 1.234,5 admite ±0,1) o toleranciaSumas, la mayor. Coincide si cualquiera de las cifras presentadas como acumulado o total es el acumulado calculado o, si ninguna lo es, cualquier otra cifra del texto (la etiqueta puede ir con otra cifra: «la meta acumulada es 500 y vamos en 120»). Se revisan los meses de enero al corte; si el texto no declara ninguna cifra acumulada, o si no hay ninguna ejecución hasta ese mes (no hay acumulado con qué comparar), no se dice nada.",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    for (const r of ctx.conCodigo) {
      const ind = r.ind;
      const t = ind.tendencia;
      if (!t) continue;
      let enPorcentaje: boolean | undefined;
      for (let m = 1; m <= ctx.corte; m++) {
        const texto = textoCualitativo(ctx, ind, m);
        // Casi ningún texto declara un acumulado: se pregunta antes que si está vacío (un texto
        // vacío, «N/A», «-», no declara ninguno), para recorrer cada texto una sola vez, y sin
        // crear la lista vacía de cifras de cada texto.
        if (texto === undefined || texto === null || !POSIBLE_CLAVE.test(texto)) continue;
        const cifras = cifrasAcumuladas(texto);
        if (cifras.length === 0 || textoVacio(texto)) continue;
        // Sin ninguna ejecución hasta el mes no hay acumulado con qué comparar (no es «acumulado 0»):
        // la falta de reporte la señala SEG-SIN-REPORTE.
        const acum = acumulado(ind.ejecutado, t, m);
        if (acum === null) continue;
        enPorcentaje ??= unidadPorcentual(ind.unidad);
        // El resto, en su propia función: las variables que captura `candidatos` no crean un
        // contexto en cada mes de cada fila, solo en los textos que declaran un acumulado.
        const h = revisarMes(ctx, meta, r, m, texto, cifras, acum, enPorcentaje);
        if (h !== null) salida.push(h);
      }
    }
    return salida;
  },
);

/** El hallazgo del mes `m` si ninguna cifra del texto es el acumulado (o el avance) calculado; null si coincide. */
function revisarMes(
  ctx: ContextoReglas,
  meta: MetaRegla,
  r: IndicadorRevisado,
  m: number,
  texto: string,
  cifras: CifraDeclarada[],
  acum: number,
  enPorcentaje: boolean,
): Hallazgo | null {
  const ind = r.ind;
  const tol = ctx.config.toleranciaSumas;
  let avanceMes: number | null | undefined;
  const candidatos = (c: CifraDeclarada): number[] => {
    const v: number[] = [];
    if (c.porcentaje) {
      if (avanceMes === undefined) avanceMes = evaluarIndicador(ind, m, ctx.config).avance;
      if (esNumero(avanceMes)) v.push(avanceMes * 100);
      if (enPorcentaje) v.push(acum * 100, acum);
    } else {
      v.push(acum);
      if (enPorcentaje) v.push(acum * 100);
    }
    return v;
  };
  // Basta con que una cifra presentada como acumulado coincida; si ninguna, con que
  // coincida cualquier cifra del texto (la etiqueta puede ser de otra: «meta de 500, vamos en 120»).
  const comparables = cifras.filter((c) => candidatos(c).length > 0);
  if (comparables.length === 0) return null;
  if (comparables.some((c) => coincide(c, candidatos(c), tol))) return null;
  if (cifrasDelTexto(texto).some((c) => coincide(c, candidatos(c), tol))) return null;
  const c = comparables[0];
  let referencia: string;
  if (!c.porcentaje) referencia = `el acumulado calculado a ${mes(m)} es ${numero(acum)}`;
  else if (enPorcentaje)
    referencia = `el acumulado calculado a ${mes(m)} es ${acum <= 1 ? porcentaje(acum) : `${numero(acum)} %`}`;
  else referencia = `el avance calculado a ${mes(m)} es ${porcentaje(avanceMes!)}`;
  const rep = reporteCualitativo(ctx, ind, m)!;
  return hallazgo(
    meta,
    ctx.nombreHojaPmr,
    rep.celda,
    mensaje({ indicador: ind.codigo!.trim(), mes: m, fragmento: c.fragmento, referencia, celda: rep.celda }),
    r.id,
    rep.identidad,
  );
}
