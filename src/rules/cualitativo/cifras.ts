/**
 * Cifras acumuladas que declara un texto de avance cualitativo. Solo se reconocen frases que
 * dicen claramente un acumulado; si el texto no declara ninguno, no se devuelve nada.
 *
 * Se reconocen (sin importar mayúsculas ni tildes; los espacios pueden ser varios o de no separación):
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
import { numeroDeTexto } from "../../domain/valores";

export interface CifraDeclarada {
  /** Valor tal como está escrito (45 para «45 %»). */
  valor: number;
  porcentaje: boolean;
  /** Cifras decimales escritas (para la tolerancia de redondeo). */
  decimales: number;
  /** Fragmento del texto original que la declara. */
  fragmento: string;
}

/** Los espacios de las frases aceptan uno o varios espacios (también de no separación). */
const esp = (patron: string) => patron.replace(/ /g, String.raw`\s+`);

// Todas las expresiones se usan sin importar mayúsculas (bandera i); las tildes se aceptan
// escritas o no (lleg[oó], a[nñ]o…). Se trabaja sobre el texto original, sin copiarlo.
const LETRA = "a-záéíóúüñ";
const MESES = "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre";
const NUM = String.raw`(\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)`;
const PCT = String.raw`(\s?(?:%|por ?ciento))?`;
/** Final de número: ni letra ni dígito pegados. */
const FIN = String.raw`(?![\w${LETRA}])`;
const ANIO = String.raw`(?:19|20)\d{2}`;
const FECHA = esp(
  String.raw`(?:(?:a|al|hasta|de|con corte a|con corte al|a corte de|corte a)\s+)?(?:(?:\d{1,2}|primero)\s+de\s+)?(?:${MESES})(?:\s+(?:de|del)\s+${ANIO})?`,
);
const CONECTOR = esp(
  String.raw`(?:de|del|del indicador|es|es de|fue|fue de|son|llega a|lleg[oó] a|alcanza|alcanz[oó]|asciende a|ascendi[oó] a|corresponde a|equivale a|suma|sum[oó]|a la fecha|al corte|a corte|hasta la fecha|(?:de la vigencia|del a[nñ]o|de|en)\s+${ANIO}|${ANIO}|${FECHA})`,
);
const SEP = String.raw`(?:\s*[:=]\s*|\s+-\s+|\s+)`;

/** Palabras clave, en cualquier parte del texto (el análisis parte de cada una). */
const CLAVES = new RegExp(esp(String.raw`acumulad[oa]s?|en total|a la fecha`), "gi");
/** Tras «acumulado»/«en total»: conectores y la cifra (se aplica justo después de la clave). */
const CIFRA_DESPUES_DE_CLAVE = new RegExp(String.raw`(?:${SEP}${CONECTOR}){0,4}${SEP}${NUM}${PCT}${FIN}`, "iy");
/** Antes de la clave: la cifra y hasta tres palabras (se aplica al final de una ventana). */
const CIFRA_ANTES_DE_CLAVE = new RegExp(
  String.raw`(?:^|[^\w.,${LETRA}])${NUM}${PCT}((?:\s+[${LETRA}]+){0,3})\s+$`,
  "i",
);
/** Palabras delante de «acumulado» que lo vuelven una meta, no un logro. */
const NO_LOGRO =
  /(?:metas?|programad[oa]s?|programaci[oó]n|planead[oa]s?|previst[oa]s?|esperad[oa]s?|proyectad[oa]s?)$/i;

/**
 * ¿Termina el texto antes de `inicio` (sin los espacios) en una palabra de NO_LOGRO? Se mira solo
 * el final (unos 20 caracteres), sin buscar en todo el tramo.
 */
function precedidaDeMeta(t: string, inicio: number): boolean {
  let fin = inicio;
  while (fin > 0 && /\s/.test(t[fin - 1])) fin--;
  return fin > 0 && NO_LOGRO.test(t.slice(Math.max(0, fin - 20), fin));
}
const PALABRAS_EXCLUIDAS = new RegExp(
  String.raw`^(?:${MESES}|d[ií]as?|semanas?|mes|meses|a[nñ]os?|vigencias?|bimestres?|trimestres?|semestres?|metas?|programad[oa]s?|previst[oa]s?|esperad[oa]s?|de|del)$`,
  "i",
);
const LETRA_O_DIGITO = new RegExp(String.raw`[\w${LETRA}]`, "i");
/** Cuántos caracteres antes de la clave se miran (cifra + tres palabras caben de sobra). */
const VENTANA = 80;

function decimalesDe(token: string, valor: number): number {
  const sinSeparadores = Number(token.replace(/[.,]/g, ""));
  if (sinSeparadores === valor) return 0;
  const ultimo = Math.max(token.lastIndexOf(","), token.lastIndexOf("."));
  return ultimo < 0 ? 0 : token.length - ultimo - 1;
}

/** La cifra y el fragmento del texto original (entre dos posiciones) que la declara. */
function cifra(
  token: string,
  pct: string | undefined,
  texto: string,
  inicio: number,
  fin: number,
): CifraDeclarada | null {
  const valor = numeroDeTexto(token);
  if (valor === null) return null;
  let fragmento = texto.slice(inicio, fin).trim();
  if (/\s\s|[^\S ]/.test(fragmento)) fragmento = fragmento.replace(/\s+/g, " ");
  return { valor, porcentaje: pct !== undefined && pct !== "", decimales: decimalesDe(token, valor), fragmento };
}

/**
 * Lo que CLAVES necesita encontrar, sin los espacios ni las variantes: si el texto no lo tiene,
 * CLAVES no encuentra nada (misma bandera i, sin u). Es más rápida que CLAVES y casi ningún texto
 * cualitativo la cumple; la regla la pregunta en cada mes de cada fila.
 */
export const POSIBLE_CLAVE = /acumulad|total|fecha/i;

/** Cifras acumuladas declaradas en el texto, en orden de aparición (sin repetir la misma cifra). */
export function cifrasAcumuladas(t: string): CifraDeclarada[] {
  if (!POSIBLE_CLAVE.test(t)) return [];
  const encontradas: { posicion: number; cifra: CifraDeclarada }[] = [];
  const ya = (posicion: number) => encontradas.some((e) => e.posicion === posicion);
  CLAVES.lastIndex = 0;
  for (let k = CLAVES.exec(t); k !== null; k = CLAVES.exec(t)) {
    const inicio = k.index;
    const fin = inicio + k[0].length;
    // La clave debe ser una palabra completa («acumuladamente» no lo es).
    if ((inicio > 0 && LETRA_O_DIGITO.test(t[inicio - 1])) || (fin < t.length && LETRA_O_DIGITO.test(t[fin]))) continue;
    const aLaFecha = k[0].length > 1 && (k[0][0] === "a" || k[0][0] === "A") && /\s/.test(k[0][1]);

    // 1. Clave y luego la cifra: «acumulado de 1.234,5», «en total 120».
    if (!aLaFecha && !precedidaDeMeta(t, inicio)) {
      CIFRA_DESPUES_DE_CLAVE.lastIndex = fin;
      const m = CIFRA_DESPUES_DE_CLAVE.exec(t);
      if (m) {
        const token = m[1];
        const posicion = fin + m[0].lastIndexOf(token);
        const c = cifra(token, m[2], t, inicio, fin + m[0].length);
        if (c && !ya(posicion)) encontradas.push({ posicion, cifra: c });
      }
    }

    // 2. La cifra y luego la clave: «120 personas en total», «45 % acumulado». Solo si hay
    // algún dígito poco antes de la clave.
    let desde = Math.max(0, inicio - VENTANA);
    let hayDigito = false;
    for (let i = inicio - 1; i >= desde && !hayDigito; i--) {
      const codigo = t.charCodeAt(i);
      hayDigito = codigo >= 48 && codigo <= 57;
    }
    if (!hayDigito) continue;
    while (desde > 0 && /[\d.,]/.test(t[desde - 1])) desde--;
    const m = CIFRA_ANTES_DE_CLAVE.exec(t.slice(desde, inicio));
    if (!m) continue;
    const palabras = (m[3] ?? "")
      .trim()
      .split(/\s+/)
      .filter((p) => p !== "");
    if (palabras.some((p) => PALABRAS_EXCLUIDAS.test(p))) continue;
    if (aLaFecha && palabras.length === 0) continue;
    const token = m[1];
    const posicion = desde + m.index + m[0].indexOf(token);
    if (ya(posicion)) continue;
    const c = cifra(token, m[2], t, posicion, fin);
    if (c) encontradas.push({ posicion, cifra: c });
  }

  if (encontradas.length > 1) encontradas.sort((x, y) => x.posicion - y.posicion);
  return encontradas.map((e) => e.cifra);
}

/** Todas las cifras del texto (con o sin «%»), para ver si alguna es el acumulado calculado. */
const TODAS = new RegExp(String.raw`(?:^|[^\w.,${LETRA}])${NUM}${PCT}${FIN}`, "gi");

/** Todas las cifras escritas en el texto, en orden (sin mirar si se presentan como acumulado). */
export function cifrasDelTexto(t: string): CifraDeclarada[] {
  const salida: CifraDeclarada[] = [];
  TODAS.lastIndex = 0;
  for (let m = TODAS.exec(t); m !== null; m = TODAS.exec(t)) {
    const inicio = m.index + m[0].indexOf(m[1]);
    const c = cifra(m[1], m[2], t, inicio, m.index + m[0].length);
    if (c) salida.push(c);
    if (salida.length >= 50) break;
  }
  return salida;
}
