/**
 * Sellos de cierre (PMR-SPEC §6.2): qué se guarda al sellar los meses 1..M de una vigencia y
 * cómo se comprueba que nadie lo editó (la huella de su contenido). Puro; la ranura del almacén
 * que los guarda en el libro está en src/workbook/almacen/sellos.ts.
 *
 * Forma compacta (10.000 indicadores deben caber en el libro): por indicador, su identidad, el
 * código visible, los seis campos de programación en una lista (`p`, en el orden de
 * CAMPOS_PROGRAMACION) y las series de los meses 1..M (`pr` programado, `ej` ejecutado, `cu`
 * huellas del cualitativo).
 */
import { z } from "zod";
import {
  CAMPOS_PROGRAMACION,
  huellaTexto,
  identidades,
  valorProgramacion,
  type Foto,
  type Fotografia,
  type CampoProgramacion,
  type ValorComparado,
} from "./comparacion";
import { cyrb53 } from "./hash";
import type { Indicador } from "./modelo";
import type { Evaluacion } from "./evaluacion";

const valor = z.union([z.number(), z.string(), z.null()]);

export const IndicadorSelladoSchema = z.object({
  /** Identidad (código normalizado, «#n» si se repite). */
  id: z.string().min(1),
  /** Código tal como estaba escrito. */
  c: z.string(),
  /** Campos de programación, en el orden de CAMPOS_PROGRAMACION. */
  p: z.array(valor).length(CAMPOS_PROGRAMACION.length),
  pr: z.array(z.number().nullable()),
  ej: z.array(z.number().nullable()),
  cu: z.array(
    z
      .string()
      .regex(/^[0-9a-f]{8}$/)
      .nullable(),
  ),
});
export type IndicadorSellado = z.infer<typeof IndicadorSelladoSchema>;

export const SelloSchema = z
  .object({
    /** Vigencia sellada (null: el libro no dice su vigencia). */
    vigencia: z.number().int().nullable(),
    /** Se sellaron los meses 1..mes. */
    mes: z.number().int().min(1).max(12),
    /** Fecha y hora de sellado (ISO 8601, UTC). */
    fecha: z.string().min(1).max(40),
    nota: z.string().max(2000),
    /** Nombre de la hoja PMR al sellar (informativo). */
    hoja: z.string().max(200),
    /** Huella del contenido (`huellaSello`). */
    huella: z.string().regex(/^[0-9a-f]{14}$/),
    indicadores: z.array(IndicadorSelladoSchema),
  })
  .superRefine((s, ctx) => {
    s.indicadores.forEach((ind, i) => {
      for (const k of ["pr", "ej", "cu"] as const)
        if (ind[k].length !== s.mes)
          ctx.addIssue({
            code: "custom",
            path: ["indicadores", i, k],
            message: `Tiene ${ind[k].length} meses y el sello cubre ${s.mes}.`,
          });
    });
  });
export type Sello = z.infer<typeof SelloSchema>;

export const SellosSchema = z.object({ sellos: z.array(SelloSchema) });
export type Sellos = z.infer<typeof SellosSchema>;

const HUELLA_SELLO = /^[0-9a-f]{14}$/;

/** ¿Es `h` una huella de texto (8 cifras hexadecimales en minúscula)? Sin expresión regular: se llama 240.000 veces. */
function esHuellaTexto(h: string): boolean {
  if (h.length !== 8) return false;
  for (let i = 0; i < 8; i++) {
    const c = h.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

/** Cuántas claves propias tiene `o` (sin crear la lista). */
function cuantasClaves(o: object): number {
  let n = 0;
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k)) n++;
  return n;
}
const esObjeto = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const numeroONulo = (v: unknown) => v === null || (typeof v === "number" && Number.isFinite(v));

/**
 * ¿Tienen `datos` exactamente la forma de SellosSchema? Recorrido a mano, sin copiar: con 10.000
 * indicadores y dos sellos, zod tarda ~700 ms y esto unos milisegundos. No reemplaza al esquema:
 * si responde que no, la ranura valida con zod para dar los mensajes (y la prueba de propiedades
 * de test/domain/sellos.test.ts comprueba que ambos digan lo mismo).
 */
export function esSellosValidos(datos: unknown): datos is Sellos {
  if (!esObjeto(datos) || Object.keys(datos).length !== 1 || !Array.isArray(datos.sellos)) return false;
  for (const s of datos.sellos as unknown[]) {
    if (!esObjeto(s) || Object.keys(s).length !== 7) return false;
    const { vigencia, mes, fecha, nota, hoja, huella, indicadores } = s;
    if (!(vigencia === null || Number.isSafeInteger(vigencia))) return false;
    if (typeof mes !== "number" || !Number.isSafeInteger(mes) || mes < 1 || mes > 12) return false;
    if (typeof fecha !== "string" || fecha.length < 1 || fecha.length > 40) return false;
    if (typeof nota !== "string" || nota.length > 2000) return false;
    if (typeof hoja !== "string" || hoja.length > 200) return false;
    if (typeof huella !== "string" || !HUELLA_SELLO.test(huella)) return false;
    if (!Array.isArray(indicadores)) return false;
    for (const i of indicadores as unknown[]) {
      if (!esObjeto(i) || cuantasClaves(i) !== 6) return false;
      if (typeof i.id !== "string" || i.id.length < 1 || typeof i.c !== "string") return false;
      const { p, pr, ej, cu } = i;
      if (!Array.isArray(p) || p.length !== CAMPOS_PROGRAMACION.length) return false;
      for (const v of p) if (!(typeof v === "string" || numeroONulo(v))) return false;
      if (!Array.isArray(pr) || !Array.isArray(ej) || !Array.isArray(cu)) return false;
      if (pr.length !== mes || ej.length !== mes || cu.length !== mes) return false;
      for (let k = 0; k < mes; k++) {
        if (!numeroONulo(pr[k]) || !numeroONulo(ej[k])) return false;
        const h: unknown = cu[k];
        if (!(h === null || (typeof h === "string" && esHuellaTexto(h)))) return false;
      }
    }
  }
  return true;
}

/**
 * Huella del contenido de un sello: todo menos la huella misma, en un orden fijo (no depende del
 * orden de las claves del JSON guardado).
 */
export function huellaSello(s: Omit<Sello, "huella">): string {
  const partes: string[] = [JSON.stringify([s.vigencia, s.mes, s.fecha, s.nota, s.hoja, s.indicadores.length])];
  for (const i of s.indicadores) partes.push(JSON.stringify([i.id, i.c, i.p, i.pr, i.ej, i.cu]));
  return cyrb53(partes.join("\n"));
}

/** ¿Coincide la huella guardada con el contenido? */
export function selloIntacto(s: Sello): boolean {
  return huellaSello(s) === s.huella;
}

export interface DatosSellado {
  vigencia: number | null;
  mes: number;
  fecha: string;
  nota: string;
  hoja: string;
  /** Las filas de la vigencia con su identidad (las que tienen código). */
  filas: readonly { ind: Indicador; id: string }[];
}

/** Sella los meses 1..mes de las filas dadas. */
export function crearSello(d: DatosSellado): Sello {
  const indicadores: IndicadorSellado[] = d.filas.map(({ ind, id }) => ({
    id,
    c: (ind.codigo ?? "").trim(),
    p: CAMPOS_PROGRAMACION.map((c) => valorProgramacion(ind, c)),
    pr: ind.programado.slice(0, d.mes),
    ej: ind.ejecutado.slice(0, d.mes),
    cu: ind.cualitativo.slice(0, d.mes).map(huellaTexto),
  }));
  const sinHuella = { vigencia: d.vigencia, mes: d.mes, fecha: d.fecha, nota: d.nota, hoja: d.hoja, indicadores };
  return { ...sinHuella, huella: huellaSello(sinHuella) };
}

/** La fotografía de un sello (para `comparar`). */
export function fotografiaDeSello(s: Sello): Fotografia {
  const indicadores: Foto[] = s.indicadores.map((i) => {
    const programacion = {} as Record<CampoProgramacion, ValorComparado>;
    CAMPOS_PROGRAMACION.forEach((c, k) => (programacion[c] = i.p[k] ?? null));
    return {
      id: i.id,
      codigo: i.c,
      fila: null,
      vigencia: s.vigencia,
      programacion,
      programado: i.pr,
      ejecutado: i.ej,
      cualitativo: i.cu,
    };
  });
  return { cualitativo: "huella", meses: s.mes, indicadores };
}

/**
 * Sella los meses 1..mes de los indicadores de la vigencia evaluada (los que tienen código, con
 * la misma identidad que usan las reglas).
 */
export function sellarEvaluacion(
  ev: Pick<Evaluacion, "indicadores" | "vigencia">,
  d: { mes: number; fecha: string; nota: string; hoja: string },
): Sello {
  const inds = ev.indicadores.map((e) => e.indicador);
  const ids = identidades(inds);
  const filas: { ind: Indicador; id: string }[] = [];
  inds.forEach((ind, i) => {
    const id = ids[i];
    if (id !== null) filas.push({ ind, id });
  });
  return crearSello({ vigencia: ev.vigencia, ...d, filas });
}
