/**
 * Cifras acumuladas que declara un texto de avance cualitativo. Solo se reconocen frases que
 * dicen claramente un acumulado; si el texto no declara ninguno, no se devuelve nada.
 *
 * Se reconocen (sin importar mayúsculas ni tildes):
 * - palabra clave y luego la cifra, con conectores entre ellas:
 *   «acumulado de 1.234,5», «avance acumulado: 45 %», «el acumulado a marzo es de 300»,
 *   «un total acumulado de 120», «en total 120 personas», «acumulado a 31 de marzo de 2025: 90»;
 * - la cifra y luego la palabra clave, con hasta tres palabras entre ellas:
 *   «se han atendido 120 personas en total», «300 beneficiarios acumulados»,
 *   «45 % acumulado», «120 personas atendidas a la fecha».
 * Palabras clave: acumulado/acumulada(s), en total, a la fecha. No cuentan las metas y lo
 * programado («meta acumulada de 500», «programado acumulado»), ni cifras seguidas de unidades de
 * tiempo o meses («3 meses acumulados», «31 de marzo a la fecha»).
 * Los números se leen con numeroDeTexto (coma o punto decimal, puntos de miles: «1.234,5»).
 */
import { normalizarTexto, numeroDeTexto } from "../../domain";

export interface CifraDeclarada {
  /** Valor tal como está escrito (45 para «45 %»). */
  valor: number;
  porcentaje: boolean;
  /** Cifras decimales escritas (para la tolerancia de redondeo). */
  decimales: number;
  /** Fragmento del texto (normalizado) que la declara. */
  fragmento: string;
}

const MESES = "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre";
const NUM = String.raw`(\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)`;
const PCT = String.raw`(\s?(?:%|por ?ciento))?`;
/** Final de número: ni letra ni dígito pegados. */
const FIN = String.raw`(?![\w])`;
const ANIO = String.raw`(?:19|20)\d{2}`;
const FECHA = String.raw`(?:(?:a|al|hasta|de|con corte a|con corte al|a corte de|corte a)\s+)?(?:(?:\d{1,2}|primero)\s+de\s+)?(?:${MESES})(?:\s+(?:de|del)\s+${ANIO})?`;
const CONECTOR = String.raw`(?:de|del|del indicador|es|es de|fue|fue de|son|llega a|llego a|alcanza|alcanzo|asciende a|ascendio a|corresponde a|equivale a|suma|sumo|a la fecha|al corte|a corte|hasta la fecha|(?:de la vigencia|del ano|de|en)\s+${ANIO}|${ANIO}|${FECHA})`;
const SEP = String.raw`(?:\s*[:=]\s*|\s+-\s+|\s+)`;
const CLAVE_ANTES = String.raw`(?:acumulad[oa]s?|en total)`;
/** Palabras delante de «acumulado» que lo vuelven una meta, no un logro. */
const NO_LOGRO = /(?:meta|metas|programad[oa]s?|programacion|planead[oa]s?|previst[oa]s?|esperad[oa]s?|proyectad[oa]s?)\s*$/;

const PATRON_ANTES = new RegExp(
  String.raw`(?:^|[^\w])(${CLAVE_ANTES})(?:${SEP}${CONECTOR}){0,4}${SEP}${NUM}${PCT}${FIN}`,
  "g",
);
const PATRON_DESPUES = new RegExp(
  String.raw`(?:^|[^\w.,])${NUM}${PCT}((?:\s+[a-z]+){0,3})\s+(en total|acumulad[oa]s?|a la fecha)(?![\w])`,
  "g",
);
const PALABRAS_EXCLUIDAS = new RegExp(
  String.raw`^(?:${MESES}|dias?|semanas?|mes|meses|anos?|vigencias?|bimestres?|trimestres?|semestres?|meta|metas|programad[oa]s?|previst[oa]s?|esperad[oa]s?|de|del)$`,
);

function decimalesDe(token: string, valor: number): number {
  const sinSeparadores = Number(token.replace(/[.,]/g, ""));
  if (sinSeparadores === valor) return 0;
  const ultimo = Math.max(token.lastIndexOf(","), token.lastIndexOf("."));
  return ultimo < 0 ? 0 : token.length - ultimo - 1;
}

function cifra(token: string, pct: string | undefined, fragmento: string): CifraDeclarada | null {
  const valor = numeroDeTexto(token);
  if (valor === null) return null;
  return { valor, porcentaje: Boolean(pct), decimales: decimalesDe(token, valor), fragmento: fragmento.trim() };
}

/** Cifras acumuladas declaradas en el texto, en orden de aparición (sin repetir la misma cifra). */
export function cifrasAcumuladas(texto: string): CifraDeclarada[] {
  const t = normalizarTexto(texto);
  const porPosicion = new Map<number, CifraDeclarada>();

  for (const m of t.matchAll(PATRON_ANTES)) {
    const inicio = m.index + m[0].indexOf(m[1]);
    if (NO_LOGRO.test(t.slice(0, inicio))) continue;
    const token = m[2];
    const posicion = m.index + m[0].lastIndexOf(token);
    const c = cifra(token, m[3], m[0]);
    if (c && !porPosicion.has(posicion)) porPosicion.set(posicion, c);
  }

  for (const m of t.matchAll(PATRON_DESPUES)) {
    const palabras = (m[3] ?? "").trim().split(/\s+/).filter((p) => p !== "");
    const clave = m[4];
    if (palabras.some((p) => PALABRAS_EXCLUIDAS.test(p))) continue;
    if (clave === "a la fecha" && palabras.length === 0) continue;
    const token = m[1];
    const posicion = m.index + m[0].indexOf(token);
    if (porPosicion.has(posicion)) continue;
    const c = cifra(token, m[2], m[0]);
    if (c) porPosicion.set(posicion, c);
  }

  return [...porPosicion.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c);
}
