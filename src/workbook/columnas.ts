/**
 * Decisiones del lector sobre las columnas de una hoja, después de elegir su fila de encabezados
 * y antes de leer las filas (PMR-SPEC §4: nunca ignorar en silencio una columna que parece un
 * dato ni adivinar sin decirlo):
 *
 * - Columnas de meta con año («Meta 2025», «Meta 2026»): cuál es la meta vigencia.
 * - Códigos dentro de los nombres («2.3.1. Implementar…») cuando la hoja no tiene la columna del código.
 * - Cómo vienen las series (por mes, trimestre, semestre…).
 *
 * Todo lo que decide queda como aviso (AvisoLectura) con su hoja y su celda.
 */
import { direccionA1 } from "../domain/direcciones";
import { MESES } from "../domain/catalogos";
import type { CualquierDescriptor, PeriodoColumnas } from "../domain/hojas";
import type { AvisoLectura } from "../domain/modelo";
import { numeroONulo } from "../domain/valores";
import type { ColumnaEncabezado, Encabezado, HojaAnalizada } from "./encabezado";

/** Las columnas de la hoja que se leen: una copia de las del encabezado, que el lector ajusta. */
export interface ColumnasLeidas {
  /** Clave → columna que se lee. */
  columnas: Map<string, ColumnaEncabezado>;
  /** Columnas repetidas que no se leen (EST-COLUMNA-DUPLICADA). */
  duplicadas: ColumnaEncabezado[];
  /** Campos obligatorios que no faltan aunque no tengan columna (ya hay un aviso que lo explica). */
  explicados: Set<string>;
  /** Código → nombre: el código se toma del comienzo del nombre (misma columna). */
  codigosEnNombres: Map<string, string>;
}

export function columnasLeidas(enc: Encabezado): ColumnasLeidas {
  return {
    columnas: new Map(enc.columnas),
    duplicadas: [...enc.duplicadas],
    explicados: new Set(),
    codigosEnNombres: new Map(),
  };
}

/** Celda A1 del encabezado de una columna. */
export function celdaEncabezado(hoja: HojaAnalizada, col: { filaTexto: number; columna: number }): string {
  return direccionA1(hoja.fila0 + col.filaTexto + 1, hoja.col0 + col.columna);
}

/** Vigencias (años 1900–2200) escritas en la columna de un campo, debajo del encabezado. */
function vigenciasDeLaHoja(hoja: HojaAnalizada, enc: Encabezado, columna: number): number[] {
  const anios = new Set<number>();
  for (let r = enc.fila + 1; r < hoja.filas.length && anios.size < 50; r++) {
    const v = numeroONulo(hoja.fila(r)[columna]);
    if (v !== null && Number.isInteger(v) && v >= 1900 && v <= 2200) anios.add(v);
  }
  return [...anios];
}

/**
 * Varias columnas con año de un campo con `conAnio` («Meta 2025», «Meta 2026»): se lee la del
 * año de las filas (la vigencia más reciente de la columna Vigencia) o, sin columna Vigencia, la
 * del año que dicen los encabezados de las series («Ejecución 2026» sobre los meses), si es uno
 * solo. Las demás no se leen (aviso). Si no se puede saber, ninguna: el aviso lo dice y el campo
 * no se informa como faltante.
 */
export function resolverAnios(
  d: CualquierDescriptor,
  hoja: HojaAnalizada,
  enc: Encabezado,
  leidas: ColumnasLeidas,
  avisos: AvisoLectura[],
): void {
  for (const [campo, def] of Object.entries(d.campos)) {
    if (!def.conAnio?.length) continue;
    const elegida = leidas.columnas.get(campo);
    if (elegida === undefined || elegida.anios.length !== 1) continue;
    const candidatas = [elegida, ...leidas.duplicadas.filter((x) => x.clave === campo && x.anios.length === 1)];
    if (new Set(candidatas.map((x) => x.anios[0])).size < 2) continue;
    let anio: number | null = null;
    const colVigencia = d.vigencia === undefined ? undefined : leidas.columnas.get(d.vigencia);
    if (colVigencia !== undefined) {
      const vigencias = vigenciasDeLaHoja(hoja, enc, colVigencia.columna);
      if (vigencias.length > 0) anio = Math.max(...vigencias);
    }
    if (anio === null) {
      const deSeries = new Set<number>();
      for (const [clave, col] of leidas.columnas) if (clave.includes(".")) for (const a of col.anios) deSeries.add(a);
      if (deSeries.size === 1) anio = [...deSeries][0];
    }
    const usada = anio === null ? undefined : candidatas.find((x) => x.anios[0] === anio);
    if (usada === undefined) {
      leidas.columnas.delete(campo);
      leidas.explicados.add(campo);
    } else leidas.columnas.set(campo, usada);
    for (const x of candidatas) {
      const i = leidas.duplicadas.indexOf(x);
      if (i >= 0) leidas.duplicadas.splice(i, 1);
      if (x === usada) continue;
      avisos.push({
        tipo: "meta-otra-vigencia",
        hoja: hoja.nombre,
        celda: celdaEncabezado(hoja, x),
        encabezado: x.completo,
        anio: x.anios[0],
        filas: 0,
        vigencias: [],
        usada: usada === undefined ? null : usada.completo,
      });
    }
  }
}

/**
 * Una columna con año («Meta 2026») que sí se lee vale solo para las filas de ese año o sin año:
 * en las de otra vigencia el campo queda vacío (aviso con cuántas y de qué vigencias).
 */
export function aplicarAnioAFilas(
  d: CualquierDescriptor,
  hoja: HojaAnalizada,
  leidas: ColumnasLeidas,
  filas: readonly Record<string, unknown>[],
  avisos: AvisoLectura[],
): void {
  if (d.vigencia === undefined || !leidas.columnas.has(d.vigencia)) return;
  for (const [campo, def] of Object.entries(d.campos)) {
    if (!def.conAnio?.length) continue;
    const col = leidas.columnas.get(campo);
    if (col === undefined || col.anios.length !== 1) continue;
    const anio = col.anios[0];
    let cuantas = 0;
    const vigencias = new Set<number>();
    for (const f of filas) {
      if (d.historica?.(f) === true) continue;
      const v = f[d.vigencia];
      if (typeof v !== "number" || v === anio) continue;
      vigencias.add(v);
      if (f[campo] === null) continue;
      f[campo] = null;
      cuantas++;
    }
    if (cuantas > 0)
      avisos.push({
        tipo: "meta-otra-vigencia",
        hoja: hoja.nombre,
        celda: celdaEncabezado(hoja, col),
        encabezado: col.completo,
        anio,
        filas: cuantas,
        vigencias: [...vigencias].sort((a, b) => a - b),
        usada: null,
      });
  }
}

/**
 * Código al comienzo de un nombre: «2.3.1. Implementar…», «P1.2 - Apoyos…», «IP 3.2.1 Personas…»,
 * «O1. Reducir…», «1. Reducir…». Un número solo («100 personas», «2025 metas») no es código: sin
 * puntos ni letras delante, necesita un signo después («1.», «3)», «2 -»). El nombre empieza por letra.
 */
const CODIGO_EN_NOMBRE = /^\s*((?:[A-Z]{1,4} ?)?\d{1,4}(?:\.\d{1,4})*)(\s*[.):\-–]\s*|\s+)(\p{L}[\s\S]*)$/u;

/** El código y el resto de un nombre con código al comienzo; null si no lo tiene. */
export function separarCodigo(texto: string): { codigo: string; nombre: string } | null {
  const m = CODIGO_EN_NOMBRE.exec(texto);
  if (m === null) return null;
  const codigo = m[1];
  if (/^\d+$/.test(codigo) && !/[.):\-–]/.test(m[2])) return null;
  return { codigo, nombre: m[3].trim() };
}

/** Fracción de los nombres (con texto) que deben traer código para tomarlo de ellos. */
export const FRACCION_CODIGOS_EN_NOMBRES = 0.8;

/**
 * Si la hoja no tiene la columna de un código pero sí la de su nombre y al menos el 80 % de los
 * nombres empiezan por un código, el código se toma de ahí (la misma columna) y se avisa.
 */
export function detectarCodigosEnNombres(
  d: CualquierDescriptor,
  hoja: HojaAnalizada,
  enc: Encabezado,
  leidas: ColumnasLeidas,
  avisos: AvisoLectura[],
): void {
  for (const [codigo, nombre] of Object.entries(d.codigosEnNombres ?? {})) {
    if (nombre === undefined || leidas.columnas.has(codigo)) continue;
    const col = leidas.columnas.get(nombre);
    if (col === undefined) continue;
    let conTexto = 0;
    let conCodigo = 0;
    let ejemplo: { fila: number; texto: string; codigo: string } | null = null;
    for (let r = enc.fila + 1; r < hoja.filas.length; r++) {
      const v = hoja.fila(r)[col.columna];
      if (typeof v !== "string" || v.trim() === "") continue;
      conTexto++;
      const s = separarCodigo(v);
      if (s === null) continue;
      conCodigo++;
      ejemplo ??= { fila: r, texto: v.trim(), codigo: s.codigo };
    }
    if (ejemplo === null || conCodigo < FRACCION_CODIGOS_EN_NOMBRES * conTexto) continue;
    leidas.codigosEnNombres.set(codigo, nombre);
    leidas.columnas.set(codigo, { ...col, clave: codigo });
    avisos.push({
      tipo: "codigos-en-nombres",
      hoja: hoja.nombre,
      celda: direccionA1(hoja.fila0 + ejemplo.fila + 1, hoja.col0 + col.columna),
      campo: codigo,
      encabezado: col.completo,
      ejemplo: ejemplo.texto,
      codigo: ejemplo.codigo,
    });
  }
}

/** Cómo vienen las columnas de una serie: mensual, trimestral…, mixto, o null si no tiene ninguna. */
export function periodoDeSerie(leidas: ColumnasLeidas, serie: string): PeriodoColumnas | null {
  const vistos = new Set<PeriodoColumnas>();
  for (let m = 1; m <= MESES; m++) {
    const col = leidas.columnas.get(`${serie}.${m}`);
    if (col !== undefined) vistos.add(col.periodo ?? "mensual");
  }
  if (vistos.size === 0) return null;
  return vistos.size === 1 ? [...vistos][0] : "mixto";
}
