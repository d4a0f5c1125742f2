/**
 * El lector de libros (PMR-SPEC §4): de las grillas de valores al modelo PMR. Es puro y nunca
 * lanza por el contenido del libro: lo que no puede leer queda en `modelo.lectura` con su hoja y
 * su celda, y las reglas de Estructura lo convierten en hallazgos. El `detalle` de cada problema
 * sigue el contrato de ProblemaLecturaSchema (el encabezado canónico, el error de Excel o el texto
 * ilegible); el mensaje para el analista lo redacta la regla.
 *
 * Cómo encuentra las cosas:
 * - Hojas: la PMR por nombre («PMR», sin importar mayúsculas, tildes ni espacios); si no, la
 *   primera hoja cuya fila de encabezados tiene las columnas obligatorias; si no, una hoja cuyo
 *   nombre empieza por «PMR» (y no es la de presupuesto o territorial), para poder decir qué
 *   columnas le faltan. Si la hoja llamada PMR no tiene ninguna fila de encabezados reconocible y
 *   otra hoja sí tiene todas las columnas obligatorias, se usa la otra. PMR_Presupuesto y
 *   PMR_Territorial son opcionales: por nombre o por sus encabezados.
 * - Encabezados: ver encabezado.ts (primeras 30 filas, sinónimos, dos filas, combinadas).
 * - Filas de datos: todas las que están debajo del encabezado; no se detiene en filas en blanco
 *   (puede haber huecos). Se omiten:
 *     · las filas vacías (todas las columnas reconocidas vacías, «-», «N/A», «No aplica»…);
 *     · las filas de totales: sin código ni nombre de indicador (sin código de producto en
 *       presupuesto, sin código de indicador en territorial) y con una celda que empieza por
 *       «Total», «Subtotal» o «Gran total»;
 *     · los encabezados repetidos: las columnas que identifican la fila (códigos y nombres)
 *       dicen exactamente lo mismo que su encabezado (p. ej., al pegar un bloque con encabezado).
 * - Celdas combinadas en la zona de datos: una combinación vertical en una columna que
 *   identifica o describe (código y nombre de objetivo o producto, tipo, unidad, tendencia,
 *   periodicidad, vigencia; en presupuesto el producto, el recurso y el proyecto; en
 *   territorial el indicador y la localidad) vale en todas sus filas el valor de su celda
 *   superior, como la ve el analista. En las columnas de cifras y de texto libre no se copia:
 *   una meta combinada sobre tres filas es una sola meta, y copiarla la triplicaría al sumar.
 */
import { direccionA1, leerDireccion } from "../domain/direcciones";
import {
  serieVacia,
  type CampoPmr,
  type FilaPresupuesto,
  type FilaTerritorial,
  type HojaPmr,
  type HojaPresupuesto,
  type HojaTerritorial,
  type Indicador,
  type ModeloPmr,
  type ProblemaLectura,
} from "../domain/modelo";
import { esErrorExcel, leerLocalidad } from "../domain/valores";
import { LectorCeldas } from "./celdas";
import { buscarEncabezado, HojaAnalizada, nombreDeHoja, type Encabezado } from "./encabezado";
import {
  DEFINICION_PMR,
  DICCIONARIO_PMR,
  DICCIONARIO_PRESUPUESTO,
  DICCIONARIO_TERRITORIAL,
  normalizarNombreHoja,
  type Diccionario,
} from "./encabezados";
import type { GrillaHoja, LibroGrillas } from "./grilla";
import { MENSAJES, NOTA_META_VIGENCIA } from "./mensajes";

/**
 * Nombres de hoja (normalizados con normalizarNombreHoja) con que el lector reconoce cada hoja
 * antes de buscarla por sus encabezados. El adaptador de Excel los usa para decidir qué leer.
 */
export const NOMBRES_HOJAS: Readonly<Record<"pmr" | "presupuesto" | "territorial", ReadonlySet<string>>> = {
  pmr: new Set(["pmr"]),
  presupuesto: new Set(["pmrpresupuesto", "presupuesto", "pmrpresupuestal"]),
  territorial: new Set(["pmrterritorial", "territorial", "pmrterritorializacion", "territorializacion"]),
};
const NOMBRES_PMR = NOMBRES_HOJAS.pmr;
const NOMBRES_PRESUPUESTO = NOMBRES_HOJAS.presupuesto;
const NOMBRES_TERRITORIAL = NOMBRES_HOJAS.territorial;
const MESES = 12;
/** Columnas de la hoja PMR en que una combinación vertical vale en todas sus filas. */
const RELLENO_PMR = [
  "codigoObjetivo",
  "objetivo",
  "codigoProducto",
  "producto",
  "tipo",
  "unidad",
  "tendencia",
  "periodicidad",
  "vigencia",
];
const CAMPOS_PMR: readonly CampoPmr[] = Object.keys(DEFINICION_PMR.campos) as CampoPmr[];

/** Claves de las series: «programado.1» … «programado.12» (también son los `campo` de los problemas). */
function clavesSerie(serie: string): string[] {
  return Array.from({ length: MESES }, (_, i) => `${serie}.${i + 1}`);
}
const CLAVES_PROGRAMADO = clavesSerie("programado");
const CLAVES_EJECUTADO = clavesSerie("ejecutado");
const CLAVES_CUALITATIVO = clavesSerie("cualitativo");
const CLAVES_COMPROMISOS = clavesSerie("compromisos");
const CLAVES_GIROS = clavesSerie("giros");

/** Una hoja candidata con sus encabezados ya buscados (una vez por tipo de hoja). */
class Candidata {
  private readonly encabezados = new Map<Diccionario, Encabezado | null>();
  readonly nombreNormalizado: string;
  constructor(
    readonly grilla: GrillaHoja,
    readonly hoja: HojaAnalizada,
    readonly fecha1904 = false,
  ) {
    this.nombreNormalizado = normalizarNombreHoja(hoja.nombre);
  }
  encabezado(dic: Diccionario): Encabezado | null {
    let e = this.encabezados.get(dic);
    if (e === undefined) {
      e = buscarEncabezado(this.hoja, dic);
      this.encabezados.set(dic, e);
    }
    return e;
  }
}

function tieneObligatoriosPmr(e: Encabezado | null): boolean {
  if (e === null) return false;
  for (const campo of DEFINICION_PMR.obligatorios) {
    if (campo === "metaVigencia") {
      if (!e.columnas.has("metaVigencia") && !CLAVES_PROGRAMADO.some((k) => e.columnas.has(k))) return false;
    } else if (!e.columnas.has(campo)) return false;
  }
  return true;
}

function tieneClaves(e: Encabezado | null, claves: readonly string[]): boolean {
  return e !== null && claves.every((k) => e.columnas.has(k));
}

export function leerModelo(libro: LibroGrillas): ModeloPmr {
  const lectura: ProblemaLectura[] = [];
  const grillas: unknown[] =
    libro !== null && typeof libro === "object" && Array.isArray(libro.hojas) ? libro.hojas : [];
  const fecha1904 = libro !== null && typeof libro === "object" && libro.fecha1904 === true;
  const candidatas: Candidata[] = [];
  for (const g of grillas) {
    if (g === null || typeof g !== "object") continue;
    try {
      candidatas.push(new Candidata(g as GrillaHoja, new HojaAnalizada(g as GrillaHoja), fecha1904));
    } catch {
      lectura.push(problemaHoja(g as GrillaHoja));
    }
  }
  const usadas = new Set<Candidata>();

  // Hoja PMR.
  const porNombre = candidatas.find((c) => NOMBRES_PMR.has(c.nombreNormalizado));
  const conObligatorios = () => candidatas.find((c) => tieneObligatoriosPmr(c.encabezado(DICCIONARIO_PMR)));
  let hojaPmr: Candidata | undefined;
  if (porNombre !== undefined && porNombre.encabezado(DICCIONARIO_PMR) !== null) hojaPmr = porNombre;
  else
    hojaPmr =
      conObligatorios() ??
      porNombre ??
      candidatas.find((c) => {
        const n = c.nombreNormalizado;
        return n.startsWith("pmr") && !n.includes("presupuest") && !n.includes("territori");
      });
  let pmr: HojaPmr | null = null;
  if (hojaPmr === undefined) {
    lectura.push({
      tipo: "hoja-faltante",
      hoja: "PMR",
      celda: null,
      campo: null,
      detalle: MENSAJES.hojaFaltante(
        candidatas.map((c) => c.hoja.nombre),
        DEFINICION_PMR.obligatorios.map((k) => ({
          encabezado: DICCIONARIO_PMR.canonico.get(k) ?? k,
          // Como lo exige tieneObligatoriosPmr: la programación mensual reemplaza a la meta vigencia.
          nota: k === "metaVigencia" ? NOTA_META_VIGENCIA : undefined,
        })),
      ),
    });
  } else {
    usadas.add(hojaPmr);
    pmr = protegido(hojaPmr, lectura, () => leerHojaPmr(hojaPmr, lectura));
  }

  // Hojas opcionales.
  const hojaPresupuesto = elegirOpcional(candidatas, usadas, NOMBRES_PRESUPUESTO, DICCIONARIO_PRESUPUESTO);
  const presupuesto =
    hojaPresupuesto === undefined
      ? null
      : protegido(hojaPresupuesto, lectura, () => leerHojaPresupuesto(hojaPresupuesto, lectura));
  const hojaTerritorial = elegirOpcional(candidatas, usadas, NOMBRES_TERRITORIAL, DICCIONARIO_TERRITORIAL);
  const territorial =
    hojaTerritorial === undefined
      ? null
      : protegido(hojaTerritorial, lectura, () => leerHojaTerritorial(hojaTerritorial, lectura));

  return { pmr, presupuesto, territorial, lectura };
}

function elegirOpcional(
  candidatas: readonly Candidata[],
  usadas: Set<Candidata>,
  nombres: ReadonlySet<string>,
  dic: Diccionario,
): Candidata | undefined {
  const libres = candidatas.filter((c) => !usadas.has(c));
  const elegida =
    libres.find((c) => nombres.has(c.nombreNormalizado)) ??
    libres.find((c) => tieneClaves(c.encabezado(dic), dic.obligatorios));
  if (elegida !== undefined) usadas.add(elegida);
  return elegida;
}

/** Último recurso: si leer una hoja fallara por una forma imprevista, el libro sigue leyéndose. */
function protegido<T>(c: Candidata, lectura: ProblemaLectura[], leer: () => T | null): T | null {
  const antes = lectura.length;
  try {
    return leer();
  } catch {
    lectura.length = antes;
    lectura.push(problemaHoja(c.grilla));
    return null;
  }
}

function problemaHoja(g: GrillaHoja): ProblemaLectura {
  const nombre = nombreDeHoja(g.nombre);
  return { tipo: "valor-ilegible", hoja: nombre, celda: null, campo: null, detalle: MENSAJES.hojaIlegible(nombre) };
}

/**
 * Columnas faltantes y duplicadas de una hoja, como problemas. `detalle` es el encabezado
 * canónico (contrato de ProblemaLecturaSchema); las reglas de Estructura redactan el mensaje.
 * Meta vigencia no falta en la hoja PMR si hay programación mensual.
 */
function problemasDeColumnas(
  hoja: HojaAnalizada,
  dic: Diccionario,
  enc: Encabezado | null,
  lectura: ProblemaLectura[],
  programacionMensual: boolean,
): void {
  const filaEncabezado = enc === null ? hoja.fila0 + 1 : hoja.fila0 + enc.fila + 1;
  const celda = direccionA1(filaEncabezado, hoja.col0);
  for (const campo of dic.obligatorios) {
    if (enc !== null && enc.columnas.has(campo)) continue;
    if (campo === "metaVigencia" && dic === DICCIONARIO_PMR && programacionMensual) continue;
    lectura.push({
      tipo: "columna-faltante",
      hoja: hoja.nombre,
      celda,
      campo,
      detalle: dic.canonico.get(campo) ?? campo,
    });
  }
  if (enc === null) return;
  for (const d of enc.duplicadas) {
    const primera = enc.columnas.get(d.clave);
    if (primera === undefined) continue;
    lectura.push({
      tipo: "columna-duplicada",
      hoja: hoja.nombre,
      celda: direccionA1(hoja.fila0 + d.filaTexto + 1, hoja.col0 + d.columna),
      campo: d.clave,
      detalle: dic.canonico.get(d.clave) ?? d.clave,
    });
  }
}

/** Columna relativa de una clave; −1 si la hoja no la tiene. */
function columna(enc: Encabezado, clave: string): number {
  return enc.columnas.get(clave)?.columna ?? -1;
}

function columnasSerie(enc: Encabezado, claves: readonly string[]): number[] {
  return claves.map((k) => columna(enc, k));
}

function absolutaOpcional(hoja: HojaAnalizada, c: number): number | null {
  return c < 0 ? null : hoja.col0 + c;
}

/** Campo → columna absoluta, solo de los campos presentes. */
function mapaCampos<C extends string>(
  hoja: HojaAnalizada,
  enc: Encabezado,
  campos: readonly C[],
): Partial<Record<C, number>> {
  const m: Partial<Record<C, number>> = {};
  for (const campo of campos) {
    const c = columna(enc, campo);
    if (c >= 0) m[campo] = hoja.col0 + c;
  }
  return m;
}

/** Columnas relativas reconocidas (para saber si una fila está vacía). */
function columnasMapeadas(enc: Encabezado): number[] {
  return [...enc.columnas.values()].map((c) => c.columna).sort((a, b) => a - b);
}

/**
 * Valores que las combinaciones verticales de la zona de datos dan a sus celdas de abajo:
 * fila → (columna → valor de la celda superior). null si no hay ninguna (lo normal).
 */
function rellenosCombinadas(
  c: Candidata,
  enc: Encabezado,
  claves: readonly string[],
  celdas: LectorCeldas,
): Map<number, Map<number, unknown>> | null {
  const areas: unknown = c.grilla.combinadas;
  if (!Array.isArray(areas) || areas.length === 0) return null;
  const columnas = new Set(claves.map((k) => columna(enc, k)).filter((k) => k >= 0));
  const hoja = c.hoja;
  let rellenos: Map<number, Map<number, unknown>> | null = null;
  for (const a of areas) {
    if (a === null || typeof a !== "object") continue;
    const { fila, columna: col, filas } = a as Record<string, unknown>;
    if (!Number.isInteger(fila) || !Number.isInteger(col) || !Number.isInteger(filas)) continue;
    const r0 = (fila as number) - hoja.fila0;
    const c0 = (col as number) - hoja.col0;
    if (r0 <= enc.fila || (filas as number) < 2 || !columnas.has(c0)) continue;
    const valor = hoja.fila(r0)[c0];
    // Un error se informa una vez, en su celda; no se copia.
    if (celdas.vacia(valor) || esErrorExcel(valor)) continue;
    const fin = Math.min(r0 + (filas as number), hoja.filas.length);
    for (let r = r0 + 1; r < fin; r++) {
      rellenos ??= new Map();
      let m = rellenos.get(r);
      if (m === undefined) rellenos.set(r, (m = new Map()));
      m.set(c0, valor);
    }
  }
  return rellenos;
}

/** La fila r de datos, con los valores de las combinaciones verticales que la cubren. */
function filaDatos(
  hoja: HojaAnalizada,
  r: number,
  rellenos: Map<number, Map<number, unknown>> | null,
  celdas: LectorCeldas,
): readonly unknown[] {
  const fila = hoja.fila(r);
  if (rellenos === null) return fila;
  const extra = rellenos.get(r);
  if (extra === undefined) return fila;
  const copia = fila.slice();
  for (const [c, v] of extra) if (celdas.vacia(copia[c])) copia[c] = v;
  return copia;
}

/** Los problemas de una fila, de izquierda a derecha (se leen por campo, no por columna). */
function ordenarPorColumna(lectura: ProblemaLectura[], desde: number): void {
  const columnaDe = (p: ProblemaLectura) => (p.celda === null ? -1 : (leerDireccion(p.celda)?.columna ?? -1));
  const fila = lectura.slice(desde).sort((a, b) => columnaDe(a) - columnaDe(b));
  for (let i = 0; i < fila.length; i++) lectura[desde + i] = fila[i];
}

/** ¿Están vacías todas las columnas reconocidas de la fila? */
function filaVacia(fila: readonly unknown[], mapeadas: readonly number[], celdas: LectorCeldas): boolean {
  if (fila.length === 0) return true;
  for (let i = 0; i < mapeadas.length; i++) {
    const c = mapeadas[i];
    if (c < fila.length && !celdas.vacia(fila[c])) return false;
  }
  return true;
}

/** Textos de encabezado de las columnas que identifican una fila (para reconocer encabezados repetidos). */
function identidad(enc: Encabezado, claves: readonly string[]): { columna: number; texto: string }[] {
  const r: { columna: number; texto: string }[] = [];
  for (const k of claves) {
    const col = enc.columnas.get(k);
    if (col !== undefined && col.texto !== "") r.push({ columna: col.columna, texto: col.texto.toLowerCase() });
  }
  return r;
}

function esEncabezadoRepetido(fila: readonly unknown[], ident: readonly { columna: number; texto: string }[]): boolean {
  if (ident.length === 0) return false;
  for (const { columna: c, texto } of ident) {
    const v = fila[c];
    if (typeof v !== "string") return false;
    const t = v.trim();
    if (t.length !== texto.length || t.toLowerCase() !== texto) return false;
  }
  return true;
}

function leerHojaPmr(c: Candidata, lectura: ProblemaLectura[]): HojaPmr | null {
  const hoja = c.hoja;
  const dic = DICCIONARIO_PMR;
  const enc = c.encabezado(dic);
  const cProg = enc === null ? [] : columnasSerie(enc, CLAVES_PROGRAMADO);
  problemasDeColumnas(
    hoja,
    dic,
    enc,
    lectura,
    cProg.some((k) => k >= 0),
  );
  if (enc === null) return null;
  const celdas = new LectorCeldas(hoja, lectura, c.grilla.formatos, c.fecha1904);

  const cEjec = columnasSerie(enc, CLAVES_EJECUTADO);
  const cCual = columnasSerie(enc, CLAVES_CUALITATIVO);
  const cCodObj = columna(enc, "codigoObjetivo");
  const cObj = columna(enc, "objetivo");
  const cCodProd = columna(enc, "codigoProducto");
  const cProd = columna(enc, "producto");
  const cTipo = columna(enc, "tipo");
  const cCod = columna(enc, "codigo");
  const cNom = columna(enc, "nombre");
  const cUni = columna(enc, "unidad");
  const cTend = columna(enc, "tendencia");
  const cPer = columna(enc, "periodicidad");
  const cPond = columna(enc, "ponderacion");
  const cLb = columna(enc, "lineaBase");
  const cMp = columna(enc, "metaPlan");
  const cVig = columna(enc, "vigencia");
  const cMv = columna(enc, "metaVigencia");
  const cAnt = columna(enc, "ejecutadoAnterior");
  const cCualAct = columna(enc, "cualitativoActual");
  const cObs = columna(enc, "observaciones");

  const mapeadas = columnasMapeadas(enc);
  const ident = identidad(enc, ["codigoObjetivo", "objetivo", "codigo", "nombre"]);
  const rellenos = rellenosCombinadas(c, enc, RELLENO_PMR, celdas);
  const indicadores: Indicador[] = [];
  const n = hoja.filas.length;

  for (let r = enc.fila + 1; r < n; r++) {
    const fila = filaDatos(hoja, r, rellenos, celdas);
    if (filaVacia(fila, mapeadas, celdas)) continue;
    if (esEncabezadoRepetido(fila, ident)) continue;
    const problemasAntes = lectura.length;
    const codigo = cCod < 0 ? null : celdas.texto(fila[cCod], r, cCod, "codigo");
    const nombre = cNom < 0 ? null : celdas.texto(fila[cNom], r, cNom, "nombre");
    if (codigo === null && nombre === null && celdas.esFilaDeTotal(fila)) continue;

    const codigoProducto = cCodProd < 0 ? null : celdas.texto(fila[cCodProd], r, cCodProd, "codigoProducto");
    const tipoTexto = cTipo < 0 ? null : celdas.texto(fila[cTipo], r, cTipo, "tipo");
    const tendenciaTexto = cTend < 0 ? null : celdas.texto(fila[cTend], r, cTend, "tendencia");
    const periodicidadTexto = cPer < 0 ? null : celdas.texto(fila[cPer], r, cPer, "periodicidad");

    const programado: (number | null)[] = [null, null, null, null, null, null, null, null, null, null, null, null];
    const ejecutado: (number | null)[] = [null, null, null, null, null, null, null, null, null, null, null, null];
    const cualitativo: (string | null)[] = [null, null, null, null, null, null, null, null, null, null, null, null];
    for (let m = 0; m < MESES; m++) {
      const cp = cProg[m];
      if (cp >= 0) programado[m] = celdas.numero(fila[cp], r, cp, CLAVES_PROGRAMADO[m]);
      const ce = cEjec[m];
      if (ce >= 0) ejecutado[m] = celdas.numero(fila[ce], r, ce, CLAVES_EJECUTADO[m]);
      const cc = cCual[m];
      if (cc >= 0) cualitativo[m] = celdas.texto(fila[cc], r, cc, CLAVES_CUALITATIVO[m]);
    }

    indicadores.push({
      fila: celdas.filaHoja(r),
      codigoObjetivo: cCodObj < 0 ? null : celdas.texto(fila[cCodObj], r, cCodObj, "codigoObjetivo"),
      objetivo: cObj < 0 ? null : celdas.texto(fila[cObj], r, cObj, "objetivo"),
      codigoProducto,
      producto: cProd < 0 ? null : celdas.texto(fila[cProd], r, cProd, "producto"),
      // Sin columna o con la celda vacía: Producto si la fila tiene código de producto.
      tipo: tipoTexto === null ? (codigoProducto === null ? "OBJETIVO" : "PRODUCTO") : celdas.tipo(tipoTexto),
      tipoTexto,
      codigo,
      nombre,
      unidad: cUni < 0 ? null : celdas.texto(fila[cUni], r, cUni, "unidad"),
      tendencia: celdas.tendencia(tendenciaTexto),
      tendenciaTexto,
      periodicidad: celdas.periodicidad(periodicidadTexto),
      periodicidadTexto,
      ponderacion: cPond < 0 ? null : celdas.ponderacion(fila[cPond], r, cPond, "ponderacion"),
      lineaBase: cLb < 0 ? null : celdas.numero(fila[cLb], r, cLb, "lineaBase"),
      metaPlan: cMp < 0 ? null : celdas.numero(fila[cMp], r, cMp, "metaPlan"),
      vigencia: cVig < 0 ? null : celdas.numero(fila[cVig], r, cVig, "vigencia"),
      metaVigencia: cMv < 0 ? null : celdas.numero(fila[cMv], r, cMv, "metaVigencia"),
      ejecutadoAnterior: cAnt < 0 ? null : celdas.numero(fila[cAnt], r, cAnt, "ejecutadoAnterior"),
      programado,
      ejecutado,
      cualitativo,
      cualitativoActual: cCualAct < 0 ? null : celdas.texto(fila[cCualAct], r, cCualAct, "cualitativoActual"),
      observaciones: cObs < 0 ? null : celdas.texto(fila[cObs], r, cObs, "observaciones"),
    });
    if (lectura.length - problemasAntes > 1) ordenarPorColumna(lectura, problemasAntes);
  }

  return {
    nombre: hoja.nombre,
    filaEncabezado: hoja.fila0 + enc.fila + 1,
    columnas: {
      campos: mapaCampos(hoja, enc, CAMPOS_PMR),
      programado: cProg.map((k) => absolutaOpcional(hoja, k)),
      ejecutado: cEjec.map((k) => absolutaOpcional(hoja, k)),
      cualitativo: cCual.map((k) => absolutaOpcional(hoja, k)),
    },
    indicadores,
  };
}

function leerHojaPresupuesto(c: Candidata, lectura: ProblemaLectura[]): HojaPresupuesto | null {
  const hoja = c.hoja;
  const dic = DICCIONARIO_PRESUPUESTO;
  const enc = c.encabezado(dic);
  problemasDeColumnas(hoja, dic, enc, lectura, false);
  if (enc === null) return null;
  const celdas = new LectorCeldas(hoja, lectura, c.grilla.formatos, c.fecha1904);
  const cCod = columna(enc, "codigoProducto");
  const cTipo = columna(enc, "tipoRecurso");
  const cProy = columna(enc, "proyecto");
  const cApr = columna(enc, "apropiacion");
  const cComAc = columna(enc, "compromisosAcumulados");
  const cGirAc = columna(enc, "girosAcumulados");
  const cCom = columnasSerie(enc, CLAVES_COMPROMISOS);
  const cGir = columnasSerie(enc, CLAVES_GIROS);
  const mapeadas = columnasMapeadas(enc);
  const ident = identidad(enc, ["codigoProducto"]);
  const rellenos = rellenosCombinadas(c, enc, ["codigoProducto", "tipoRecurso", "proyecto"], celdas);
  const filas: FilaPresupuesto[] = [];
  for (let r = enc.fila + 1; r < hoja.filas.length; r++) {
    const fila = filaDatos(hoja, r, rellenos, celdas);
    if (filaVacia(fila, mapeadas, celdas)) continue;
    if (esEncabezadoRepetido(fila, ident)) continue;
    const codigoProducto = cCod < 0 ? null : celdas.texto(fila[cCod], r, cCod, "codigoProducto");
    if (codigoProducto === null && celdas.esFilaDeTotal(fila)) continue;
    const tipoRecursoTexto = cTipo < 0 ? null : celdas.texto(fila[cTipo], r, cTipo, "tipoRecurso");
    const compromisos = serieVacia<number>();
    const giros = serieVacia<number>();
    for (let m = 0; m < MESES; m++) {
      if (cCom[m] >= 0) compromisos[m] = celdas.numero(fila[cCom[m]], r, cCom[m], CLAVES_COMPROMISOS[m]);
      if (cGir[m] >= 0) giros[m] = celdas.numero(fila[cGir[m]], r, cGir[m], CLAVES_GIROS[m]);
    }
    filas.push({
      fila: celdas.filaHoja(r),
      codigoProducto,
      tipoRecurso: celdas.tipoRecurso(tipoRecursoTexto),
      tipoRecursoTexto,
      proyecto: cProy < 0 ? null : celdas.texto(fila[cProy], r, cProy, "proyecto"),
      apropiacion: cApr < 0 ? null : celdas.numero(fila[cApr], r, cApr, "apropiacion"),
      compromisos,
      compromisosAcumulados: cComAc < 0 ? null : celdas.numero(fila[cComAc], r, cComAc, "compromisosAcumulados"),
      giros,
      girosAcumulados: cGirAc < 0 ? null : celdas.numero(fila[cGirAc], r, cGirAc, "girosAcumulados"),
    });
  }
  return {
    nombre: hoja.nombre,
    filaEncabezado: hoja.fila0 + enc.fila + 1,
    columnas: {
      campos: mapaCampos(hoja, enc, [
        "codigoProducto",
        "tipoRecurso",
        "proyecto",
        "apropiacion",
        "compromisosAcumulados",
        "girosAcumulados",
      ] as const),
      compromisos: cCom.map((k) => absolutaOpcional(hoja, k)),
      giros: cGir.map((k) => absolutaOpcional(hoja, k)),
    },
    filas,
  };
}

function leerHojaTerritorial(c: Candidata, lectura: ProblemaLectura[]): HojaTerritorial | null {
  const hoja = c.hoja;
  const dic = DICCIONARIO_TERRITORIAL;
  const enc = c.encabezado(dic);
  problemasDeColumnas(hoja, dic, enc, lectura, false);
  if (enc === null) return null;
  const celdas = new LectorCeldas(hoja, lectura, c.grilla.formatos, c.fecha1904);
  const cCod = columna(enc, "codigoIndicador");
  const cLoc = columna(enc, "localidad");
  const cMv = columna(enc, "metaVigencia");
  const cEj = columna(enc, "ejecutado");
  const mapeadas = columnasMapeadas(enc);
  const ident = identidad(enc, ["codigoIndicador", "localidad"]);
  const rellenos = rellenosCombinadas(c, enc, ["codigoIndicador", "localidad"], celdas);
  const localidades = new Map<string, number | null>();
  const filas: FilaTerritorial[] = [];
  for (let r = enc.fila + 1; r < hoja.filas.length; r++) {
    const fila = filaDatos(hoja, r, rellenos, celdas);
    if (filaVacia(fila, mapeadas, celdas)) continue;
    if (esEncabezadoRepetido(fila, ident)) continue;
    const codigoIndicador = cCod < 0 ? null : celdas.texto(fila[cCod], r, cCod, "codigoIndicador");
    if (codigoIndicador === null && celdas.esFilaDeTotal(fila)) continue;
    const crudo = cLoc < 0 ? null : fila[cLoc];
    const localidadTexto = cLoc < 0 ? null : celdas.texto(crudo, r, cLoc, "localidad");
    let localidad: number | null = null;
    if (localidadTexto !== null) {
      if (typeof crudo === "number") localidad = leerLocalidad(crudo);
      else {
        localidad = localidades.get(localidadTexto) ?? null;
        if (!localidades.has(localidadTexto)) {
          localidad = leerLocalidad(localidadTexto);
          if (localidades.size < 4_096) localidades.set(localidadTexto, localidad);
        }
      }
    }
    filas.push({
      fila: celdas.filaHoja(r),
      codigoIndicador,
      localidadTexto,
      localidad,
      metaVigencia: cMv < 0 ? null : celdas.numero(fila[cMv], r, cMv, "metaVigencia"),
      ejecutado: cEj < 0 ? null : celdas.numero(fila[cEj], r, cEj, "ejecutado"),
    });
  }
  return {
    nombre: hoja.nombre,
    filaEncabezado: hoja.fila0 + enc.fila + 1,
    columnas: { campos: mapaCampos(hoja, enc, ["codigoIndicador", "localidad", "metaVigencia", "ejecutado"] as const) },
    filas,
  };
}
