/**
 * Datos de prueba para el almacén: una ranura «tipo sellos» (columnar: una lista por campo y un
 * valor por indicador) con cifras y textos sintéticos pero con la forma de un sellado de cierre.
 * Solo para pruebas: la ranura real de los sellos la define su función.
 */
import { z } from "zod";
import { cyrb53 } from "../../src/domain";
import { definirRanura } from "../../src/workbook/almacen";

const serie = z.array(z.array(z.number().nullable()));

export const SelloPrueba = z
  .object({
    fecha: z.string(),
    mes: z.number().int().min(1).max(12),
    nota: z.string().nullable(),
    codigos: z.array(z.string()),
    /** [mes][indicador] */
    programado: serie,
    ejecutado: serie,
    /** [mes][indicador]: el texto, su huella o null. */
    cualitativo: z.array(z.array(z.string().nullable())),
    metaVigencia: z.array(z.number().nullable()),
    metaPlan: z.array(z.number().nullable()),
    lineaBase: z.array(z.number().nullable()),
    tendencia: z.array(z.string().nullable()),
    ponderacion: z.array(z.number().nullable()),
    periodicidad: z.array(z.string().nullable()),
  })
  .strict();
export type SelloPrueba = z.infer<typeof SelloPrueba>;

export const SellosPrueba = z.object({ sellos: z.array(SelloPrueba) }).strict();
export type SellosPrueba = z.infer<typeof SellosPrueba>;

export const RANURA_SELLOS_PRUEBA = definirRanura({
  nombre: "sellos-prueba",
  descripcion: "los sellos de prueba",
  version: 1,
  schema: SellosPrueba,
});

const imul = Math.imul; // ver src/domain/hash.ts

/** Generador determinista (mulberry32). */
export function aleatorio(semilla: number): () => number {
  let a = semilla | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = imul(a ^ (a >>> 15), 1 | a);
    t = (t + imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PALABRAS =
  "durante el mes se realizaron jornadas de atención a hogares en las localidades de Kennedy Bosa Suba y Ciudad Bolívar con entrega de apoyos alimentarios; se avanzó en la contratación del operador y la meta acumulada alcanza el porcentaje previsto según el reporte del sistema de información misional. Se presentaron retrasos por lluvias que afectaron la logística de distribución y se articuló con la Secretaría de Salud".split(
    " ",
  );

/** Un sellado de `n` indicadores y `meses` meses; los textos completos, solo su huella, o ninguno. */
export function selloSintetico(
  n: number,
  opciones: { meses?: number; textos?: "completos" | "huella" | "ninguno"; semilla?: number } = {},
): SelloPrueba {
  const meses = opciones.meses ?? 12;
  const textos = opciones.textos ?? "huella";
  const r = aleatorio(opciones.semilla ?? 1);
  const numero = () => {
    const x = r();
    if (x < 0.3) return Math.floor(r() * 100);
    if (x < 0.6) return Math.round(r() * 10000) / 100;
    return Math.round(r() * 1e6) / 1e3;
  };
  const texto = () => {
    const largo = 120 + Math.floor(r() * 130);
    let s = "";
    while (s.length < largo)
      s += PALABRAS[Math.floor(r() * PALABRAS.length)] + (r() < 0.1 ? ` ${Math.floor(r() * 5000)} ` : " ");
    return `${s.slice(0, largo).trim()}.`;
  };
  const codigos = Array.from({ length: n }, (_v, i) => `IP${1 + (i % 50)}.${1 + Math.floor(i / 50)}.${i % 7}`);
  const porMes = <T>(f: () => T) => Array.from({ length: meses }, () => codigos.map(f));
  return {
    fecha: "2025-07-01T12:00:00.000Z",
    mes: meses,
    nota: "Cierre del primer semestre",
    codigos,
    programado: porMes(numero),
    ejecutado: porMes(() => (r() < 0.1 ? null : numero())),
    cualitativo: porMes(() => {
      if (textos === "ninguno") return null;
      const t = texto();
      return textos === "completos" ? t : cyrb53(t);
    }),
    metaVigencia: codigos.map(numero),
    metaPlan: codigos.map(numero),
    lineaBase: codigos.map(() => (r() < 0.2 ? null : numero())),
    tendencia: codigos.map(() => ["Suma", "Creciente", "Constante", "Decreciente"][Math.floor(r() * 4)]),
    ponderacion: codigos.map(() => Math.round(r() * 100) / 100),
    periodicidad: codigos.map(() => "Mensual"),
  };
}
