/**
 * Lo que comparten las reglas de Cierre: qué sellos rigen para la vigencia evaluada y la
 * comparación (src/domain/comparacion.ts, la misma de `pmr comparar`) entre ellos y el libro.
 * Se calcula una vez por validación (las cinco reglas la leen del mismo contexto).
 *
 * Qué sello rige (docs/cierre.md):
 * - Solo los sellos de la vigencia evaluada cuya huella coincide (un sello alterado se informa y
 *   no se usa: sus cifras ya no son de fiar).
 * - Cada mes lo rige el ÚLTIMO sello que lo cubre (el de diciembre rige enero a diciembre; si
 *   después se vuelve a sellar junio, ese rige enero a junio y el de diciembre julio a diciembre).
 * - Los campos de programación, los indicadores eliminados y los añadidos se comparan con el
 *   último sello de la vigencia.
 */
import { comparar, fotoDeIndicador, type CambioValor, type Foto, type Fotografia } from "../../domain/comparacion";
import { direccionA1 } from "../../domain/direcciones";
import { MESES } from "../../domain/catalogos";
import { fotografiaDeSello, selloIntacto, type Sello } from "../../domain/sellos";
import type { ContextoReglas, IndicadorRevisado } from "../contexto";
import { mes } from "../formato";

/** El sello de junio de 2025 que usan de ejemplo los mensajes de las reglas de Cierre (su catálogo). */
export const SELLO_EJEMPLO: Sello = {
  vigencia: 2025,
  mes: 6,
  fecha: "2025-07-03T15:00:00.000Z",
  nota: "",
  hoja: "PMR",
  huella: "00000000000000",
  indicadores: [],
};

export interface CambioSellado {
  cambio: CambioValor;
  sello: Sello;
  fila: IndicadorRevisado;
}

export interface RevisionCierre {
  /** Sellos cuya huella no coincide con su contenido, con su posición (1 = el primero). */
  alterados: { sello: Sello; posicion: number }[];
  /** El último sello intacto de la vigencia evaluada (null: no hay). */
  vigente: Sello | null;
  series: CambioSellado[];
  programacion: CambioSellado[];
  eliminados: { foto: Foto; sello: Sello }[];
  anadidos: { fila: IndicadorRevisado; sello: Sello }[];
}

const CACHE = new WeakMap<ContextoReglas, RevisionCierre>();

/** La revisión de los sellos del libro contra el libro (una vez por contexto). */
export function revisionCierre(ctx: ContextoReglas): RevisionCierre {
  let r = CACHE.get(ctx);
  if (!r) CACHE.set(ctx, (r = revisar(ctx)));
  return r;
}

function revisar(ctx: ContextoReglas): RevisionCierre {
  const todos = ctx.guardado.sellos?.sellos ?? [];
  const alterados: RevisionCierre["alterados"] = [];
  const vigencia = ctx.evaluacion.vigencia;
  const validos: Sello[] = [];
  todos.forEach((s, i) => {
    if (!selloIntacto(s)) alterados.push({ sello: s, posicion: i + 1 });
    else if (s.vigencia === vigencia) validos.push(s);
  });
  const r: RevisionCierre = { alterados, vigente: null, series: [], programacion: [], eliminados: [], anadidos: [] };
  if (validos.length === 0 || !ctx.hojaPmr) return r;

  const porId = new Map<string, IndicadorRevisado>();
  const fotos: Foto[] = [];
  for (const f of ctx.conCodigo) {
    porId.set(f.id, f);
    fotos.push(fotoDeIndicador(f.ind, f.id));
  }
  const actual: Fotografia = { cualitativo: "texto", meses: MESES, indicadores: fotos };

  const vigente = validos[validos.length - 1];
  r.vigente = vigente;
  // Del último al primero: cada sello rige los meses que no rige uno posterior.
  let cubiertos = 0;
  for (let k = validos.length - 1; k >= 0; k--) {
    const s = validos[k];
    const esVigente = k === validos.length - 1;
    if (!esVigente && s.mes <= cubiertos) continue;
    const c = comparar(fotografiaDeSello(s), actual, { desde: cubiertos + 1, meses: s.mes, programacion: esVigente });
    for (const cambio of c.cambios) {
      const fila = porId.get(cambio.id);
      if (!fila) continue;
      (cambio.mes === null ? r.programacion : r.series).push({ cambio, sello: s, fila });
    }
    if (esVigente) {
      r.eliminados = c.eliminados.map((foto) => ({ foto, sello: s }));
      for (const a of c.anadidos) {
        const fila = porId.get(a.id);
        if (fila) r.anadidos.push({ fila, sello: s });
      }
    }
    cubiertos = Math.max(cubiertos, s.mes);
  }
  return r;
}

/** «el sello de junio de 2025 (sellado el 03/07/2025)»; con `del`, «del sello…». */
export function describirSello(s: Sello, articulo: "el" | "del" = "el"): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s.fecha);
  const cuando = m ? ` (sellado el ${m[3]}/${m[2]}/${m[1]})` : "";
  return `${articulo} sello de ${mes(s.mes)}${s.vigencia !== null ? ` de ${s.vigencia}` : ""}${cuando}`;
}

/** Celda del encabezado del código en la hoja PMR (para lo que ya no tiene fila). */
export function celdaEncabezadoCodigo(ctx: ContextoReglas): string {
  const h = ctx.hojaPmr;
  const col = h?.columnas.campos.codigo;
  return h && col !== undefined ? direccionA1(h.filaEncabezado, col) : "A1";
}
