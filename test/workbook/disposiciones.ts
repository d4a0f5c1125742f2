/**
 * Libros «como los escriben las entidades» a partir de la plantilla canónica: cambiar un
 * encabezado, quitar columnas, pasar una serie mensual a trimestres o semestres, poner un grupo
 * combinado sobre subcolumnas. Y las cifras y los hallazgos de un libro, para comparar.
 */
import { CONFIGURACION_POR_DEFECTO, crearConfiguracion, type ConfiguracionEntrada } from "../../src/domain";
import { validarLibro, type InformeValidacion } from "../../src/casos/validar";
import { informeJson } from "../../src/cli/informeJson";
import type { AreaCombinada, GrillaHoja } from "../../src/workbook/grilla";
import { CLAVES_PMR, ENCABEZADOS_PMR, grillaPmr, type ValoresFila } from "../../src/workbook/plantilla";

/**
 * Dos objetivos, tres productos, seis indicadores que reportan por trimestre (valores solo en
 * marzo, junio y septiembre), con ponderaciones, línea base, meta plan, textos y observaciones.
 * Corte automático: septiembre.
 */
export const FILAS_TRIMESTRALES: ValoresFila[] = [
  {
    codigoObjetivo: "1",
    objetivo: "Reducir la deserción escolar",
    tipo: "Objetivo",
    codigo: "1.1",
    nombre: "Tasa de deserción escolar",
    unidad: "Porcentaje",
    tendencia: "Decreciente",
    periodicidad: "Trimestral",
    ponderacion: 0.3,
    lineaBase: 4.5,
    metaPlan: 3,
    vigencia: 2025,
    metaVigencia: 4,
    programado: [null, null, 4.4, null, null, 4.2, null, null, 4.1, null, null, 4],
    ejecutado: [null, null, 4.4, null, null, 4.3, null, null, 4.2],
    cualitativo: [null, null, "La tasa es 4,4 %.", null, null, "La tasa es 4,3 %.", null, null, "Tasa de 4,2 %."],
  },
  {
    codigoObjetivo: "1",
    objetivo: "Reducir la deserción escolar",
    codigoProducto: "1.2",
    producto: "Jornadas de refuerzo escolar",
    tipo: "Producto",
    codigo: "1.2.1",
    nombre: "Jornadas de refuerzo realizadas",
    unidad: "Jornadas",
    tendencia: "Suma",
    periodicidad: "Trimestral",
    ponderacion: 0.45,
    metaPlan: 480,
    vigencia: 2025,
    metaVigencia: 120,
    programado: [null, null, 30, null, null, 30, null, null, 30, null, null, 30],
    ejecutado: [null, null, 28, null, null, 35, null, null, 40],
    cualitativo: [
      null,
      null,
      "Se hicieron 28 jornadas; acumulado de 28.",
      null,
      null,
      "35 jornadas en el trimestre; acumulado de 63.",
      null,
      null,
      "40 jornadas; 103 en total.",
    ],
    observaciones: "Se sumaron sedes nuevas.",
  },
  {
    codigoObjetivo: "1",
    objetivo: "Reducir la deserción escolar",
    codigoProducto: "1.2",
    producto: "Jornadas de refuerzo escolar",
    tipo: "Producto",
    codigo: "1.2.2",
    nombre: "Estudiantes en refuerzo",
    unidad: "Estudiantes",
    tendencia: "Creciente",
    periodicidad: "Trimestral",
    ponderacion: 0.25,
    lineaBase: 100,
    metaPlan: 900,
    vigencia: 2025,
    metaVigencia: 500,
    programado: [null, null, 200, null, null, 300, null, null, 400, null, null, 500],
    ejecutado: [null, null, 150, null, null, 250, null, null, 330],
    cualitativo: [
      null,
      null,
      "150 estudiantes a la fecha.",
      null,
      null,
      "250 estudiantes.",
      null,
      null,
      "330 estudiantes.",
    ],
  },
  {
    codigoObjetivo: "2",
    objetivo: "Mejorar la atención a la ciudadanía",
    tipo: "Objetivo",
    codigo: "2.1",
    nombre: "Ciudadanos satisfechos",
    unidad: "Porcentaje",
    tendencia: "Creciente",
    periodicidad: "Trimestral",
    ponderacion: 0.5,
    lineaBase: 0.8,
    metaPlan: 0.9,
    vigencia: 2025,
    metaVigencia: 0.86,
    programado: [null, null, 0.82, null, null, 0.84, null, null, 0.85, null, null, 0.86],
    ejecutado: [null, null, 0.81, null, null, 0.83, null, null, 0.86],
    cualitativo: [null, null, "81 % satisfechos.", null, null, "83 % satisfechos.", null, null, "86 % satisfechos."],
  },
  {
    codigoObjetivo: "2",
    objetivo: "Mejorar la atención a la ciudadanía",
    codigoProducto: "2.2",
    producto: "Peticiones respondidas a tiempo",
    tipo: "Producto",
    codigo: "2.2.1",
    nombre: "Peticiones respondidas",
    unidad: "Peticiones",
    tendencia: "Suma",
    periodicidad: "Trimestral",
    ponderacion: 0.3,
    metaPlan: 40000,
    vigencia: 2025,
    metaVigencia: 10000,
    programado: [null, null, 2500, null, null, 2500, null, null, 2500, null, null, 2500],
    ejecutado: [null, null, 2400, null, null, 2600, null, null, 2450],
    cualitativo: [
      null,
      null,
      "2.400 peticiones; acumulado de 2.400.",
      null,
      null,
      "2.600 peticiones; acumulado de 5.000.",
      null,
      null,
      "2.450 peticiones; acumulado de 7.450.",
    ],
  },
  {
    codigoObjetivo: "2",
    objetivo: "Mejorar la atención a la ciudadanía",
    codigoProducto: "2.3",
    producto: "Servidores formados",
    tipo: "Producto",
    codigo: "2.3.1",
    nombre: "Servidores formados en atención incluyente",
    unidad: "Servidores",
    tendencia: "Suma",
    periodicidad: "Trimestral",
    ponderacion: 0.2,
    metaPlan: 6000,
    vigencia: 2025,
    metaVigencia: 1500,
    programado: [null, null, 300, null, null, 400, null, null, 400, null, null, 400],
    ejecutado: [null, null, 200, null, null, 500, null, null, 350],
    cualitativo: [
      null,
      null,
      "200 servidores; acumulado de 200.",
      null,
      null,
      "500 servidores; acumulado de 700.",
      null,
      null,
      "350 servidores; acumulado de 1.050.",
    ],
  },
];

/** Copia profunda de una grilla (los valores y las combinadas). */
export function copiar(g: GrillaHoja): GrillaHoja {
  return {
    ...g,
    valores: g.valores.map((f) => [...f]),
    ...(g.combinadas ? { combinadas: g.combinadas.map((a) => ({ ...a })) } : {}),
  };
}

/** Columna (0-based) de una clave de la plantilla en la grilla canónica. */
export function col(clave: string): number {
  const c = CLAVES_PMR.indexOf(clave);
  if (c < 0) throw new Error(`clave desconocida: ${clave}`);
  return c;
}

/** La grilla con el encabezado de `clave` cambiado (fila 0). */
export function conEncabezado(g: GrillaHoja, clave: string, texto: string): GrillaHoja {
  const h = copiar(g);
  h.valores[0][col(clave)] = texto;
  return h;
}

/** La grilla sin las columnas de esas claves (en todas sus filas). */
export function sinColumnas(g: GrillaHoja, claves: readonly string[]): GrillaHoja {
  const fuera = new Set(claves.map(col));
  return { ...g, valores: g.valores.map((f) => f.filter((_, c) => !fuera.has(c))) };
}

/** Meses de cierre de cada periodo. */
export const CIERRES = { trimestral: [3, 6, 9, 12], semestral: [6, 12], anual: [12] } as const;

/**
 * Una hoja en la que la serie (programado, ejecutado o cualitativo) viene por periodo: sus doce
 * columnas mensuales se reemplazan por una por periodo, con el valor del mes de cierre.
 * `encabezado(k, i)`: el texto de la columna del periodo i (0-based) de k; con `grupo`, una fila
 * de grupos encima (el texto del grupo combinado sobre las columnas de la serie) y las demás
 * columnas combinadas en vertical.
 */
export function porPeriodos(
  g: GrillaHoja,
  serie: string,
  periodo: keyof typeof CIERRES,
  encabezado: (i: number) => string,
  grupo?: string,
): GrillaHoja {
  const meses = CIERRES[periodo];
  // La columna de enero de la serie, por su encabezado canónico (la grilla puede tener columnas corridas).
  const primera = g.valores[0].indexOf(ENCABEZADOS_PMR[col(`${serie}.1`)]);
  if (primera < 0) throw new Error(`la grilla no tiene la serie ${serie} por mes`);
  const valores = g.valores.map((f, r) => {
    const antes = f.slice(0, primera);
    const despues = f.slice(primera + 12);
    const nuevas = meses.map((m, i) => (r === 0 ? encabezado(i) : f[primera + m - 1]));
    return [...antes, ...nuevas, ...despues];
  });
  if (grupo === undefined) return { ...g, valores };
  const ancho = valores[0].length;
  const arriba: unknown[] = valores[0].map((t, c) => (c >= primera && c < primera + meses.length ? "" : t));
  arriba[primera] = grupo;
  const abajo = valores[0].map((t, c) => (c >= primera && c < primera + meses.length ? t : ""));
  const combinadas: AreaCombinada[] = [{ fila: 0, columna: primera, filas: 1, columnas: meses.length }];
  for (let c = 0; c < ancho; c++)
    if (c < primera || c >= primera + meses.length) combinadas.push({ fila: 0, columna: c, filas: 2, columnas: 1 });
  return { ...g, valores: [arriba, abajo, ...valores.slice(1)], combinadas };
}

/** Las filas con los valores de otros meses borrados: solo los meses de cierre del periodo. */
export function soloCierres(filas: readonly ValoresFila[], periodo: keyof typeof CIERRES): ValoresFila[] {
  const meses: readonly number[] = CIERRES[periodo];
  const limpiar = (s: unknown) =>
    Array.isArray(s) ? Array.from({ length: 12 }, (_, i) => (meses.includes(i + 1) ? (s[i] ?? null) : null)) : s;
  return filas.map((f) => ({
    ...f,
    programado: limpiar(f.programado),
    ejecutado: limpiar(f.ejecutado),
    cualitativo: limpiar(f.cualitativo),
  }));
}

export function validar(g: GrillaHoja | GrillaHoja[], config: ConfiguracionEntrada = {}): InformeValidacion {
  return validarLibro(
    { hojas: Array.isArray(g) ? g : [g] },
    crearConfiguracion({ ...CONFIGURACION_POR_DEFECTO, ...config }),
  );
}

/** Las cifras de un informe (lo que publica `pmr validar --formato json`, sin los hallazgos). */
export function cifras(inf: InformeValidacion): unknown {
  const { hallazgos: _h, resumen: _r, ...resto } = informeJson("libro", inf);
  return resto;
}

/** Los hallazgos de un informe por regla y clave (la identidad, sin la celda ni el mensaje). */
export function claves(inf: InformeValidacion, sinReglas: readonly string[] = []): string[] {
  return inf.hallazgos
    .filter((h) => !sinReglas.includes(h.regla))
    .map((h) => `${h.regla} ${h.clave}`)
    .sort();
}

/** Reglas de un informe (para ver qué hallazgos de más trae una variante). */
export function reglas(inf: InformeValidacion): string[] {
  return inf.hallazgos.map((h) => h.regla);
}

export { grillaPmr };
