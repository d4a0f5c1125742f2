/**
 * Fábrica de modelos para probar las reglas sin leer libros: indicadores con valores por
 * defecto, una hoja PMR con el mapa de columnas canónico de la plantilla (para que las
 * direcciones A1 sean las reales) y hojas de presupuesto y territorial.
 *
 * Hoja PMR (encabezado en la fila 5, datos desde la fila 6):
 *   A Código objetivo · B Objetivo · C Código producto · D Producto · E Tipo indicador ·
 *   F Código indicador · G Indicador · H Unidad · I Tendencia · J Periodicidad · K Ponderación ·
 *   L Línea base · M Meta plan · N Vigencia · O Meta vigencia · P–AA Programado Ene–Dic ·
 *   AB–AM Ejecutado Ene–Dic · AN Ejecutado vigencias anteriores · AO–AZ Cualitativo Ene–Dic ·
 *   BA Observaciones
 * Hoja PMR_Presupuesto (encabezado en la fila 1): A Código producto · B Tipo de recurso ·
 *   C Proyecto · D Apropiación · E–P Compromisos Ene–Dic · Q–AB Giros Ene–Dic
 *   (con `acumulados: true`: E Compromisos acumulados · F Giros acumulados).
 * Hoja PMR_Territorial (encabezado en la fila 1): A Código indicador · B Localidad ·
 *   C Meta vigencia · D Ejecutado
 */
import {
  crearConfiguracion,
  evaluar,
  leerLocalidad,
  type CampoPmr,
  type ColumnasPmr,
  type Configuracion,
  type ConfiguracionEntrada,
  type Evaluacion,
  type FilaPresupuesto,
  type FilaTerritorial,
  type HojaPmr,
  type HojaPresupuesto,
  type HojaTerritorial,
  type Indicador,
  type ModeloPmr,
  type ProblemaLectura,
  type AvisoLectura,
  type ReportePmr,
} from "../../src/domain";

export const doce = <T>(v: T | null = null): (T | null)[] => new Array<T | null>(12).fill(v);

/** Serie de doce meses a partir de los primeros valores: serie(1, 2) = [1, 2, null × 10]. */
export function serie<T = number>(...valores: (T | null)[]): (T | null)[] {
  return [...valores, ...doce<T>()].slice(0, 12);
}

/** Serie con un valor en meses concretos: enMeses({ 3: 10, 6: 20 }). */
export function enMeses<T = number>(valores: Record<number, T>): (T | null)[] {
  const s = doce<T>();
  for (const [m, v] of Object.entries(valores)) s[Number(m) - 1] = v;
  return s;
}

export type IndicadorParcial = Partial<Indicador>;

/** Indicador con valores por defecto: SUMA, Mensual, vigencia 2025, objetivo O1. */
export function indicador(p: IndicadorParcial = {}): Indicador {
  const codigoProducto = p.codigoProducto ?? null;
  const tipo = p.tipo !== undefined ? p.tipo : codigoProducto ? "PRODUCTO" : "OBJETIVO";
  const tendencia = p.tendencia !== undefined ? p.tendencia : "SUMA";
  const periodicidad = p.periodicidad !== undefined ? p.periodicidad : "MENSUAL";
  const base: Indicador = {
    fila: 0,
    codigoObjetivo: "O1",
    objetivo: "Objetivo uno",
    codigoProducto,
    producto: codigoProducto ? `Producto ${codigoProducto}` : null,
    tipo,
    tipoTexto: tipo === "PRODUCTO" ? "Producto" : tipo === "OBJETIVO" ? "Objetivo" : null,
    codigo: "I1",
    nombre: `Indicador ${p.codigo ?? "I1"}`,
    unidad: "Número",
    tendencia,
    tendenciaTexto: tendencia ? tendencia.charAt(0) + tendencia.slice(1).toLowerCase() : null,
    periodicidad,
    periodicidadTexto: periodicidad ? periodicidad.charAt(0) + periodicidad.slice(1).toLowerCase() : null,
    ponderacion: null,
    lineaBase: null,
    metaPlan: null,
    vigencia: 2025,
    metaVigencia: null,
    ejecutadoAnterior: null,
    programado: doce<number>(),
    ejecutado: doce<number>(),
    cualitativo: doce<string>(),
    cualitativoActual: null,
    observaciones: null,
  };
  return { ...base, ...p };
}

/** Columnas canónicas de la plantilla (0-based). */
export const COLUMNAS_PMR: Record<CampoPmr, number> = {
  codigoObjetivo: 0,
  objetivo: 1,
  codigoProducto: 2,
  producto: 3,
  tipo: 4,
  codigo: 5,
  nombre: 6,
  unidad: 7,
  tendencia: 8,
  periodicidad: 9,
  ponderacion: 10,
  lineaBase: 11,
  metaPlan: 12,
  vigencia: 13,
  metaVigencia: 14,
  ejecutadoAnterior: 39,
  cualitativoActual: -1,
  observaciones: 52,
  estadoIndicador: -1,
};

export interface OpcionesHojaPmr {
  nombre?: string;
  filaEncabezado?: number;
  /** Campos cuya columna no existe en la hoja. */
  sinColumnas?: (CampoPmr | "programado" | "ejecutado" | "cualitativo")[];
  /** En vez de doce columnas de cualitativo, una sola «Avance cualitativo» (columna AO). */
  cualitativoActual?: boolean;
  /** Columna del Estado del indicador (p. ej. 53 = BB). */
  estadoIndicador?: number;
  /** Filas históricas (no evaluadas) y reporte leído, como los deja el lector. */
  historicos?: Indicador[];
  reporte?: ReportePmr;
}

export function columnasPmr(op: OpcionesHojaPmr = {}): ColumnasPmr {
  const sin = new Set(op.sinColumnas ?? []);
  const campos: ColumnasPmr["campos"] = {};
  for (const [campo, col] of Object.entries(COLUMNAS_PMR) as [CampoPmr, number][]) {
    if (col >= 0 && !sin.has(campo)) campos[campo] = col;
  }
  const meses = (desde: number) => Array.from({ length: 12 }, (_, i) => desde + i);
  if (op.estadoIndicador !== undefined) campos.estadoIndicador = op.estadoIndicador;
  let cualitativo: (number | null)[] = sin.has("cualitativo") ? doce<number>() : meses(40);
  if (op.cualitativoActual) {
    cualitativo = doce<number>();
    campos.cualitativoActual = 40;
  }
  return {
    campos,
    programado: sin.has("programado") ? doce<number>() : meses(15),
    ejecutado: sin.has("ejecutado") ? doce<number>() : meses(27),
    cualitativo,
  };
}

/** Hoja PMR; los indicadores con fila 0 reciben filas consecutivas bajo el encabezado. */
export function hojaPmr(indicadores: Indicador[], op: OpcionesHojaPmr = {}): HojaPmr {
  const filaEncabezado = op.filaEncabezado ?? 5;
  const hoja: HojaPmr = {
    nombre: op.nombre ?? "PMR",
    filaEncabezado,
    columnas: columnasPmr(op),
    indicadores: indicadores.map((ind, i) => (ind.fila > 0 ? ind : { ...ind, fila: filaEncabezado + 1 + i })),
  };
  if (op.historicos !== undefined) hoja.historicos = op.historicos;
  if (op.reporte !== undefined) hoja.reporte = op.reporte;
  return hoja;
}

export function filaPresupuesto(p: Partial<FilaPresupuesto> = {}): FilaPresupuesto {
  const tipoRecurso = p.tipoRecurso !== undefined ? p.tipoRecurso : "INVERSION";
  return {
    fila: 0,
    codigoProducto: "P1",
    tipoRecurso,
    tipoRecursoTexto:
      tipoRecurso === "INVERSION" ? "Inversión" : tipoRecurso === "FUNCIONAMIENTO" ? "Funcionamiento" : null,
    proyecto: "7890",
    apropiacion: null,
    compromisos: doce<number>(),
    compromisosAcumulados: null,
    giros: doce<number>(),
    girosAcumulados: null,
    ...p,
  };
}

export function hojaPresupuesto(filas: FilaPresupuesto[], op: { acumulados?: boolean } = {}): HojaPresupuesto {
  const meses = (desde: number) => Array.from({ length: 12 }, (_, i) => desde + i);
  const columnas: HojaPresupuesto["columnas"] = op.acumulados
    ? {
        campos: {
          codigoProducto: 0,
          tipoRecurso: 1,
          proyecto: 2,
          apropiacion: 3,
          compromisosAcumulados: 4,
          girosAcumulados: 5,
        },
        compromisos: doce<number>(),
        giros: doce<number>(),
      }
    : {
        campos: { codigoProducto: 0, tipoRecurso: 1, proyecto: 2, apropiacion: 3 },
        compromisos: meses(4),
        giros: meses(16),
      };
  return {
    nombre: "PMR_Presupuesto",
    filaEncabezado: 1,
    columnas,
    filas: filas.map((f, i) => (f.fila > 0 ? f : { ...f, fila: 2 + i })),
  };
}

export function filaTerritorial(
  p: Partial<FilaTerritorial> & { localidadTexto?: string | null } = {},
): FilaTerritorial {
  const localidadTexto = p.localidadTexto !== undefined ? p.localidadTexto : "8 - Kennedy";
  return {
    fila: 0,
    codigoIndicador: "I1",
    localidad: p.localidad !== undefined ? p.localidad : leerLocalidad(localidadTexto),
    metaVigencia: null,
    ejecutado: null,
    ...p,
    localidadTexto,
  };
}

export function hojaTerritorial(filas: FilaTerritorial[]): HojaTerritorial {
  return {
    nombre: "PMR_Territorial",
    filaEncabezado: 1,
    columnas: { campos: { codigoIndicador: 0, localidad: 1, metaVigencia: 2, ejecutado: 3 } },
    filas: filas.map((f, i) => (f.fila > 0 ? f : { ...f, fila: 2 + i })),
  };
}

export interface PartesModelo {
  indicadores?: Indicador[];
  hoja?: OpcionesHojaPmr;
  /** Sin hoja PMR. */
  sinPmr?: boolean;
  presupuesto?: FilaPresupuesto[] | HojaPresupuesto | null;
  territorial?: FilaTerritorial[] | HojaTerritorial | null;
  lectura?: ProblemaLectura[];
  avisos?: AvisoLectura[];
}

export function modelo(p: PartesModelo = {}): ModeloPmr {
  const presupuesto =
    p.presupuesto === undefined || p.presupuesto === null
      ? null
      : Array.isArray(p.presupuesto)
        ? hojaPresupuesto(p.presupuesto)
        : p.presupuesto;
  const territorial =
    p.territorial === undefined || p.territorial === null
      ? null
      : Array.isArray(p.territorial)
        ? hojaTerritorial(p.territorial)
        : p.territorial;
  return {
    pmr: p.sinPmr ? null : hojaPmr(p.indicadores ?? [], p.hoja),
    presupuesto,
    territorial,
    lectura: p.lectura ?? [],
    ...(p.avisos ? { avisos: p.avisos } : {}),
  };
}

export function configuracion(parcial: ConfiguracionEntrada = {}): Configuracion {
  return crearConfiguracion(parcial);
}

export function evaluacionDe(m: ModeloPmr, config: Configuracion = configuracion()): Evaluacion {
  return evaluar(m, config);
}

/**
 * Un objetivo completo y coherente: un indicador de objetivo y un producto con su indicador,
 * ambos SUMA con meta 120 y 10 por mes, ejecutados al día hasta el corte (marzo), con reporte
 * cualitativo. Base de los casos válidos: cada prueba cambia lo que necesita.
 */
export function objetivoCompleto(o = "O1", opciones: { corte?: number } = {}): Indicador[] {
  const corte = opciones.corte ?? 3;
  const ejecutado = doce<number>().map((_, i) => (i < corte ? 10 : null));
  const cualitativo = doce<string>().map((_, i) =>
    i < corte ? `En el mes se atendieron 10 personas; acumulado de ${10 * (i + 1)} personas.` : null,
  );
  const comun = {
    codigoObjetivo: o,
    objetivo: `Objetivo ${o}`,
    metaVigencia: 120,
    metaPlan: 480,
    programado: doce<number>(10),
    ejecutado,
    cualitativo,
  };
  return [
    indicador({ ...comun, codigo: `${o}-IO1`, nombre: `Indicador de objetivo ${o}`, ponderacion: 0.5 }),
    indicador({
      ...comun,
      codigo: `${o}-IP1`,
      nombre: `Indicador de producto ${o}`,
      codigoProducto: `${o}-P1`,
      ponderacion: 0.5,
    }),
  ];
}

/** Doce valores: los primeros `hasta` meses con `valor(m)`, el resto vacío. */
function hastaMes<T>(hasta: number, valor: (m: number) => T): (T | null)[] {
  return doce<T>().map((_, i) => (i < hasta ? valor(i + 1) : null));
}

/**
 * Un PMR realista y coherente al corte de junio: tres objetivos, indicadores de las cuatro
 * tendencias y de varias periodicidades, ponderaciones que suman 100 %, programación que suma la
 * meta, reportes cualitativos que dicen el acumulado correcto, presupuesto coherente con el
 * avance físico y territorialización que cuadra. Incluye una fila de la vigencia anterior.
 * Ninguna regla debe encontrar un error ni una advertencia.
 */
export function modeloCoherente(): ModeloPmr {
  const corte = 6;
  const o1 = { codigoObjetivo: "O1", objetivo: "Reducir la deserción escolar" };
  const o2 = { codigoObjetivo: "O2", objetivo: "Disminuir la mortalidad materna" };
  const o3 = { codigoObjetivo: "O3", objetivo: "Fortalecer la gestión institucional" };
  const p11 = { ...o1, codigoProducto: "O1-P1", producto: "Jornadas de refuerzo escolar" };
  const p12 = { ...o1, codigoProducto: "O1-P2", producto: "Kits escolares entregados" };
  const p21 = { ...o2, codigoProducto: "O2-P1", producto: "Controles prenatales" };
  const p31 = { ...o3, codigoProducto: "O3-P1", producto: "Trámites en línea" };
  const nivelesO31 = [42, 44, 46, 48, 50, 52, 54, 56, 58, 60, 60, 60];

  const indicadores: Indicador[] = [
    indicador({
      ...o1,
      codigo: "O1-IO1",
      nombre: "Tasa de permanencia escolar",
      unidad: "Porcentaje",
      tendencia: "CRECIENTE",
      periodicidad: "TRIMESTRAL",
      ponderacion: 0.4,
      lineaBase: 90,
      metaPlan: 95,
      metaVigencia: 93,
      ejecutado: enMeses({ 3: 91, 6: 92 }),
      cualitativo: enMeses({
        3: "La permanencia acumulada es de 91 % con la búsqueda activa.",
        6: "Permanencia acumulada: 92 %.",
      }),
    }),
    indicador({
      ...p11,
      codigo: "O1-P1-I1",
      nombre: "Jornadas de refuerzo realizadas",
      ponderacion: 0.3,
      lineaBase: 0,
      metaPlan: 480,
      metaVigencia: 120,
      ejecutadoAnterior: 110,
      programado: doce(10),
      ejecutado: hastaMes(corte, () => 10),
      cualitativo: hastaMes(corte, (m) => `Se realizaron 10 jornadas en el mes; acumulado de ${10 * m} jornadas.`),
    }),
    indicador({
      ...p12,
      codigo: "O1-P2-I1",
      nombre: "Kits escolares entregados",
      ponderacion: 0.3,
      metaPlan: 20000,
      metaVigencia: 5000,
      ejecutado: hastaMes(corte, () => 400),
      cualitativo: hastaMes(corte, (m) => `Se entregaron 400 kits; ${numeroEs(400 * m)} kits entregados en total.`),
    }),
    indicador({
      ...o2,
      codigo: "O2-IO1",
      nombre: "Razón de mortalidad materna",
      unidad: "Por 100.000 nacidos vivos",
      tendencia: "DECRECIENTE",
      periodicidad: "SEMESTRAL",
      ponderacion: 0.5,
      lineaBase: 30,
      metaPlan: 22,
      metaVigencia: 26,
      ejecutado: enMeses({ 6: 27 }),
      cualitativo: enMeses({ 6: "La razón del primer semestre es 27 por 100.000 nacidos vivos." }),
    }),
    indicador({
      ...p21,
      codigo: "O2-P1-I1",
      nombre: "Controles prenatales realizados",
      ponderacion: 0.5,
      metaPlan: 9600,
      metaVigencia: 2400,
      programado: doce(200),
      ejecutado: hastaMes(corte, () => 200),
      cualitativo: hastaMes(corte, (m) => `200 controles en el mes, para un acumulado de ${numeroEs(200 * m)}.`),
    }),
    indicador({
      ...o3,
      codigo: "O3-IO1",
      nombre: "Índice de satisfacción ciudadana",
      unidad: "%",
      tendencia: "CONSTANTE",
      periodicidad: "ANUAL",
      lineaBase: 0.85,
      metaPlan: 0.85,
      metaVigencia: 0.85,
    }),
    indicador({
      ...p31,
      codigo: "O3-P1-I1",
      nombre: "Trámites disponibles en línea",
      unidad: "Trámites",
      tendencia: "CRECIENTE",
      lineaBase: 40,
      metaPlan: 80,
      metaVigencia: 60,
      programado: nivelesO31,
      ejecutado: hastaMes(corte, (m) => nivelesO31[m - 1]),
      cualitativo: hastaMes(
        corte,
        (m) => `Se habilitaron 2 trámites; ${nivelesO31[m - 1]} trámites en línea a la fecha.`,
      ),
    }),
    indicador({
      ...p11,
      codigo: "O1-P1-I1",
      nombre: "Jornadas de refuerzo realizadas",
      vigencia: 2024,
      metaVigencia: 110,
      ejecutado: doce(10),
    }),
  ];

  const millones = (n: number) => n * 1_000_000;
  const presupuesto = [
    filaPresupuesto({
      codigoProducto: "O1-P1",
      proyecto: "7890",
      apropiacion: millones(1000),
      compromisos: serie(...[100, 100, 100, 100, 100, 50].map(millones)),
      giros: serie(...[50, 50, 50, 50, 50, 50].map(millones)),
    }),
    filaPresupuesto({
      codigoProducto: "O1-P2",
      proyecto: "7890",
      apropiacion: millones(600),
      compromisos: serie(millones(300)),
      giros: serie(millones(100)),
    }),
    filaPresupuesto({
      codigoProducto: "o1-p2",
      tipoRecurso: "FUNCIONAMIENTO",
      proyecto: null,
      apropiacion: millones(200),
      compromisos: serie(null, millones(100)),
      giros: serie(null, millones(100)),
    }),
    filaPresupuesto({
      codigoProducto: "O2-P1",
      proyecto: "7901",
      apropiacion: millones(500),
      compromisos: serie(millones(250)),
      giros: serie(millones(200)),
    }),
    filaPresupuesto({
      codigoProducto: "O3-P1",
      proyecto: "7915",
      apropiacion: millones(300),
      compromisos: serie(millones(210)),
      giros: serie(millones(60), millones(60)),
    }),
  ];

  const territorial = [
    filaTerritorial({ codigoIndicador: "O1-P1-I1", localidadTexto: "8 - Kennedy", metaVigencia: 60, ejecutado: 30 }),
    filaTerritorial({ codigoIndicador: "O1-P1-I1", localidadTexto: "Bosa", metaVigencia: 40, ejecutado: 20 }),
    filaTerritorial({ codigoIndicador: "O1-P1-I1", localidadTexto: "Distrital", metaVigencia: 20, ejecutado: 10 }),
    filaTerritorial({ codigoIndicador: "O1-P2-I1", localidadTexto: "11 - Suba", metaVigencia: 3000, ejecutado: 1400 }),
    filaTerritorial({ codigoIndicador: "O1-P2-I1", localidadTexto: "Engativá", metaVigencia: 2000, ejecutado: 1000 }),
    filaTerritorial({ codigoIndicador: "O2-IO1", localidadTexto: "19", metaVigencia: 28, ejecutado: 29 }),
  ];

  return modelo({ indicadores, presupuesto, territorial });
}

/** 2400 → «2.400» (como lo escribiría un analista). */
function numeroEs(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}
