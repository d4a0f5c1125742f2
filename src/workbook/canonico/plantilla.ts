/**
 * «Crear plantilla» (PMR-SPEC §6.5): las hojas PMR, PMR_Presupuesto y PMR_Territorial en el diseño
 * canónico (describirHojaCanonica), como tablas de Excel que se revisan solas mientras se llenan:
 *
 * - listas desplegables con alerta en español (Tendencia, Periodicidad, Tipo indicador, Tipo de
 *   recurso, Localidad: las 20 y Distrital). Una tendencia «Sumatoria» se rechaza al escribirla;
 * - cifras mayores o iguales a 0 en las columnas de valores (ponderación entre 0 % y 100 %,
 *   vigencia un año), con la alerta que dice qué va y que vacío no es cero;
 * - un mensaje de entrada en cada encabezado (qué va en la columna) y en cada columna validada;
 * - formato de porcentaje en Ponderación, en el avance y, en las filas ya llenas cuya unidad es un
 *   porcentaje (y sus valores fracciones), en sus valores;
 * - columnas calculadas con las funciones =PMR.*: en PMR el corte, el avance, el estado y el
 *   semáforo de la fila; en PMR_Presupuesto el avance financiero; en PMR_Territorial el avance.
 *   Sus encabezados terminan en «(fórmula)»: el lector las reconoce como cálculos del libro y no
 *   las lee ni las avisa.
 *
 * Puro: la escriben `escribirLibroExcel` (en el libro abierto) o `escribirLibroXlsx` (pmr plantilla).
 */
import { NOMBRES_MES_LARGOS } from "../../domain/catalogos";
import { FORMATOS_EXCEL, TEXTO_TENDENCIA, unidadPorcentual } from "../../domain/formato";
import { HOJAS, encabezadoCanonico, type CualquierDescriptor, type IdHoja } from "../../domain/hojas";
import { LOCALIDADES } from "../../domain/valores";
import { formula, type DescripcionLibro, type DescripcionValidacion, type ReglaValidacion } from "../escritura";
import {
  describirHojaCanonica,
  IDS_CANONICOS,
  type ColumnaCalculada,
  type ContextoFormula,
  type HojaCanonica,
} from "./describir";
import type { ColumnaSalida, DisposicionCanonica, FilaOrigen, HojaOrigen, LibroOrigen } from "./tipos";

/** Propósito de las hojas de la plantilla (marca del complemento). */
export const PROPOSITO_PLANTILLA = "plantilla";
/**
 * Tablas de la plantilla: nombres propios, para no chocar con una tabla «TablaPMR» que el libro
 * ya tenga (Excel no admite dos tablas con el mismo nombre).
 */
export const TABLAS_PLANTILLA: Readonly<Record<IdHoja, string>> = {
  pmr: "PlantillaPMR",
  presupuesto: "PlantillaPresupuesto",
  territorial: "PlantillaTerritorial",
};
/** Filas vacías por defecto de cada tabla de la plantilla (con sus fórmulas). */
export const FILAS_PLANTILLA = 200;

export interface OpcionesPlantilla {
  /** Vigencia de la plantilla: la columna Vigencia solo acepta ese año. */
  readonly vigencia?: number | null;
  /** Filas vacías de cada tabla (por defecto 200). */
  readonly filasVacias?: number;
  /** Filas ya llenas (p. ej. la programación de otra fuente); cada valor tal cual. */
  readonly filas?: LibroOrigen;
}

// ---------------------------------------------------------------------------------------------
// Listas

export const LISTA_TENDENCIA: readonly string[] = Object.values(TEXTO_TENDENCIA);
export const LISTA_PERIODICIDAD: readonly string[] = ["Mensual", "Bimestral", "Trimestral", "Semestral", "Anual"];
export const LISTA_TIPO_INDICADOR: readonly string[] = ["Objetivo", "Producto"];
export const LISTA_TIPO_RECURSO: readonly string[] = ["Inversión", "Funcionamiento"];
/** Las 20 localidades en orden y Distrital al final. */
export const LISTA_LOCALIDAD: readonly string[] = [...LOCALIDADES.slice(1), LOCALIDADES[0]];

function enumerar(valores: readonly string[]): string {
  return valores.length <= 1 ? valores.join("") : `${valores.slice(0, -1).join(", ")} o ${valores[valores.length - 1]}`;
}

interface ReglaColumna {
  readonly regla: ReglaValidacion;
  readonly titulo: string;
  readonly entrada: string;
  readonly alerta: { readonly titulo: string; readonly mensaje: string };
}

function lista(valores: readonly string[], titulo: string, alerta: string, entrada: string): ReglaColumna {
  return {
    regla: { tipo: "lista", valores },
    titulo,
    entrada,
    alerta: { titulo: `${titulo} no válida`.slice(0, 32), mensaje: alerta },
  };
}

const TENDENCIA = lista(
  LISTA_TENDENCIA,
  "Tendencia",
  `La tendencia debe ser ${enumerar(LISTA_TENDENCIA)}. Otros nombres («Sumatoria», «Acumulada», «Anualizada») no se aceptan: escoja una de la lista para que el avance se calcule igual en la hoja, en el panel y en pmr.`,
  "Escoja de la lista: Suma (se suman los meses), Creciente, Constante o Decreciente (cuenta el último mes con dato).",
);
const PERIODICIDAD = lista(
  LISTA_PERIODICIDAD,
  "Periodicidad",
  `La periodicidad debe ser ${enumerar(LISTA_PERIODICIDAD)}. Escoja una de la lista (vacía se toma como Mensual).`,
  "Cada cuánto se mide el indicador. Vacía se toma como Mensual.",
);
const TIPO_INDICADOR: ReglaColumna = {
  ...lista(
    LISTA_TIPO_INDICADOR,
    "Tipo indicador",
    "El tipo de indicador debe ser Objetivo o Producto. Escoja uno de la lista (vacío: Producto si la fila tiene código de producto, si no Objetivo).",
    "Objetivo o Producto. Vacío: Producto si la fila tiene código de producto, si no Objetivo.",
  ),
  alerta: {
    titulo: "Tipo de indicador no válido",
    mensaje:
      "El tipo de indicador debe ser Objetivo o Producto. Escoja uno de la lista (vacío: Producto si la fila tiene código de producto, si no Objetivo).",
  },
};
const TIPO_RECURSO: ReglaColumna = {
  ...lista(
    LISTA_TIPO_RECURSO,
    "Tipo de recurso",
    "El tipo de recurso debe ser Inversión o Funcionamiento. Escoja uno de la lista.",
    "Inversión o Funcionamiento.",
  ),
  alerta: {
    titulo: "Tipo de recurso no válido",
    mensaje: "El tipo de recurso debe ser Inversión o Funcionamiento. Escoja uno de la lista.",
  },
};
const LOCALIDAD = lista(
  LISTA_LOCALIDAD,
  "Localidad",
  "La localidad debe ser una de las 20 de Bogotá o Distrital (lo que no se puede ubicar). Escoja una de la lista.",
  "Una de las 20 localidades de Bogotá, o Distrital para lo que no se puede ubicar.",
);

function noNegativo(encabezado: string, entrada: string): ReglaColumna {
  return {
    regla: { tipo: "decimal", operador: "mayorOIgual", valor: 0 },
    titulo: encabezado.slice(0, 32),
    entrada,
    alerta: {
      titulo: "Cifra no válida",
      mensaje: `«${encabezado}» debe ser un número mayor o igual a 0. Si no hay dato, deje la celda vacía (vacío no es cero).`,
    },
  };
}

const PONDERACION: ReglaColumna = {
  regla: { tipo: "decimal", operador: "entre", valor: 0, valor2: 1 },
  titulo: "Ponderación",
  entrada:
    "Peso del indicador dentro de su objetivo, entre 0 % y 100 % (escriba 50 para 50 %). Los pesos de un objetivo suman 100 %.",
  alerta: {
    titulo: "Ponderación no válida",
    mensaje: "La ponderación debe estar entre 0 % y 100 % (escriba 50 para 50 %). Si no hay dato, deje la celda vacía.",
  },
};

function vigencia(anio: number | null | undefined): ReglaColumna {
  const fija = anio !== null && anio !== undefined && Number.isInteger(anio);
  return {
    regla: fija
      ? { tipo: "entero", operador: "entre", valor: anio, valor2: anio }
      : { tipo: "entero", operador: "entre", valor: 2000, valor2: 2100 },
    titulo: "Vigencia",
    entrada: fija ? `El año de la vigencia: ${anio}.` : "El año de la vigencia, p. ej. 2026.",
    alerta: {
      titulo: "Vigencia no válida",
      mensaje: fija
        ? `Esta plantilla es de la vigencia ${anio}: escriba ${anio}.`
        : "La vigencia es un año de cuatro cifras entre 2000 y 2100 (p. ej. 2026).",
    },
  };
}

/** Lo que se valida en cada columna de datos (por clave canónica; una serie, por su nombre). */
function reglaDeColumna(
  id: IdHoja,
  clave: string,
  encabezado: string,
  anio: number | null | undefined,
): ReglaColumna | null {
  const serie = clave.includes(".") ? clave.slice(0, clave.indexOf(".")) : null;
  if (serie !== null) {
    // Un mismo mensaje para los doce meses: las columnas de una serie van en una sola validación.
    const nombre = encabezado.replace(/\s+\S+$/, "");
    switch (serie) {
      case "programado":
        return noNegativo(nombre, "Lo programado para el mes (número ≥ 0). Vacío no es cero.");
      case "ejecutado":
        return noNegativo(nombre, "Lo ejecutado (reportado) en el mes (número ≥ 0). Vacío: sin reporte.");
      case "compromisos":
        return noNegativo(nombre, "Compromisos del mes, en pesos (≥ 0).");
      case "giros":
        return noNegativo(nombre, "Giros del mes, en pesos (≥ 0).");
      default:
        return null;
    }
  }
  switch (clave) {
    case "tendencia":
      return TENDENCIA;
    case "periodicidad":
      return PERIODICIDAD;
    case "tipo":
      return TIPO_INDICADOR;
    case "tipoRecurso":
      return TIPO_RECURSO;
    case "localidad":
      return LOCALIDAD;
    case "ponderacion":
      return PONDERACION;
    case "vigencia":
      return vigencia(anio);
    case "lineaBase":
      return noNegativo(encabezado, "Valor del indicador al comenzar el plan (número ≥ 0).");
    case "metaPlan":
      return noNegativo(encabezado, "Meta del indicador para todo el plan (número ≥ 0).");
    case "metaVigencia":
      return noNegativo(
        encabezado,
        id === "territorial"
          ? "Meta de la vigencia en la localidad (número ≥ 0)."
          : "Meta del indicador para la vigencia (número ≥ 0).",
      );
    case "ejecutadoAnterior":
      return noNegativo(encabezado, "Lo ejecutado en las vigencias anteriores del plan (número ≥ 0).");
    case "ejecutado":
      return noNegativo(encabezado, "Lo ejecutado en la localidad en la vigencia (número ≥ 0).");
    case "apropiacion":
      return noNegativo(encabezado, "Apropiación vigente del producto, en pesos (≥ 0).");
    case "compromisosAcumulados":
      return noNegativo(encabezado, "Compromisos acumulados al corte, en pesos (≥ 0).");
    case "girosAcumulados":
      return noNegativo(encabezado, "Giros acumulados al corte, en pesos (≥ 0).");
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Mensajes de entrada de los encabezados

const AYUDA_CAMPO: Readonly<Record<string, string>> = {
  codigoObjetivo: "Código del objetivo (p. ej. 1). Se repite en cada indicador del objetivo. Obligatorio.",
  objetivo: "Nombre del objetivo PMR. Se repite en cada indicador del objetivo. Obligatorio.",
  codigoProducto: "Código del producto (p. ej. 1.1). Vacío en los indicadores de objetivo.",
  producto: "Nombre del producto. Vacío en los indicadores de objetivo.",
  tipo: "Objetivo o Producto.",
  codigo: "Código del indicador (p. ej. 1.1.1), único en la hoja. Obligatorio.",
  nombre: "Nombre del indicador. Obligatorio.",
  unidad:
    "Unidad de medida (Número, Porcentaje, Personas…). Con «%» o «Porcentaje», los valores se leen como porcentajes.",
  tendencia: "Suma, Creciente, Constante o Decreciente. Obligatoria: decide cómo se acumula y se calcula el avance.",
  periodicidad: "Mensual, Bimestral, Trimestral, Semestral o Anual (vacía: Mensual).",
  ponderacion: "Peso del indicador en su objetivo (0 % a 100 %); los de un objetivo suman 100 %.",
  lineaBase: "Valor al comenzar el plan. La usan las tendencias Decreciente y Creciente (brecha).",
  metaPlan: "Meta para todo el plan de desarrollo.",
  vigencia: "Año de la vigencia (p. ej. 2026).",
  metaVigencia: "Meta de la vigencia. Obligatoria, salvo que llene la programación mensual.",
  ejecutadoAnterior: "Ejecutado en las vigencias anteriores (para el avance del plan).",
  cualitativoActual: "Avance cualitativo al corte.",
  observaciones: "Observaciones o justificación.",
  estadoIndicador: "Estado del indicador («No vigente» lo deja fuera de los cálculos).",
  tipoRecurso: "Inversión o Funcionamiento.",
  proyecto: "Proyecto de inversión (código o nombre).",
  apropiacion: "Apropiación vigente, en pesos. Obligatoria.",
  compromisosAcumulados: "Compromisos acumulados al corte, en pesos.",
  girosAcumulados: "Giros acumulados al corte, en pesos.",
  codigoIndicador: "Código del indicador de la hoja PMR que se territorializa. Obligatorio.",
  localidad: "Una de las 20 localidades de Bogotá o Distrital. Obligatoria.",
  ejecutado: "Ejecutado en la localidad en la vigencia.",
};

function ayudaSerie(serie: string, mes: string): string | null {
  switch (serie) {
    case "programado":
      return `Lo programado para ${mes}. Vacío no es cero.`;
    case "ejecutado":
      return `Lo ejecutado (reportado) en ${mes}. Vacío: sin reporte.`;
    case "cualitativo":
      return `Avance cualitativo de ${mes}: qué se hizo y por qué.`;
    case "compromisos":
      return `Compromisos de ${mes}, en pesos.`;
    case "giros":
      return `Giros de ${mes}, en pesos.`;
    default:
      return null;
  }
}

/** Mensaje de entrada del encabezado de una columna canónica (≤ 255 caracteres). */
export function ayudaEncabezado(id: IdHoja, clave: string): string {
  const punto = clave.indexOf(".");
  const d = HOJAS[id] as CualquierDescriptor;
  let texto: string | null = null;
  if (punto >= 0) {
    const mes = NOMBRES_MES_LARGOS[Number(clave.slice(punto + 1)) - 1] ?? "";
    texto = ayudaSerie(clave.slice(0, punto), mes);
  } else if (id === "territorial" && clave === "metaVigencia") texto = "Meta de la vigencia en la localidad.";
  else texto = AYUDA_CAMPO[clave] ?? null;
  return (texto ?? encabezadoCanonico(d, clave)).slice(0, 255);
}

// ---------------------------------------------------------------------------------------------
// Columnas calculadas

/** Encabezados de las columnas calculadas (terminan en «(fórmula)»: el lector no las lee ni las avisa). */
export const ENCABEZADOS_CALCULADOS = {
  corte: "Corte (fórmula)",
  avance: "Avance (fórmula)",
  estado: "Estado (fórmula)",
  semaforo: "Semáforo (fórmula)",
  avanceFinanciero: "Avance financiero (fórmula)",
} as const;

/**
 * El mes de corte de la tabla: el último mes con alguna ejecución numérica en cualquier fila (como
 * `corteDelModelo`), 1 si no hay ninguna. SUMPRODUCT evalúa la matriz sin fórmula matricial.
 */
function formulaCorte({ letra, tabla, ultimaFila }: ContextoFormula): string {
  // Con tabla, la referencia estructurada crece con ella; sin tabla, las filas escritas.
  const ejec =
    tabla !== null
      ? `${tabla}[[Ejecutado Ene]:[Ejecutado Dic]]`
      : `$${letra("ejecutado.1")}$2:$${letra("ejecutado.12")}$${Math.max(2, ultimaFila)}`;
  const primera = tabla !== null ? `${tabla}[[#Headers],[Ejecutado Ene]]` : `$${letra("ejecutado.1")}$1`;
  return `=MAX(1,SUMPRODUCT(MAX(ISNUMBER(${ejec})*COLUMN(${ejec})))-COLUMN(${primera})+1)`;
}

const CALCULADAS_PMR: readonly ColumnaCalculada[] = [
  {
    clave: "calc.corte",
    encabezado: ENCABEZADOS_CALCULADOS.corte,
    formato: "0",
    ancho: 10,
    formula: (c) => formula(formulaCorte(c)),
  },
  {
    clave: "calc.avance",
    encabezado: ENCABEZADOS_CALCULADOS.avance,
    formato: FORMATOS_EXCEL.porcentaje,
    ancho: 12,
    formula: ({ fila: f, letra: l }) => {
      const c = `${l("calc.corte")}${f}`;
      const t = `${l("tendencia")}${f}`;
      const mv = `${l("metaVigencia")}${f}`;
      const prog = `${l("programado.1")}${f}:${l("programado.12")}${f}`;
      const ejec = `${l("ejecutado.1")}${f}:${l("ejecutado.12")}${f}`;
      // Lo programado al corte como programadoAlCorte: la meta vigencia en diciembre; si no, la
      // programación mensual acumulada al corte; sin ella, la meta vigencia.
      const programado = `IF(AND(${c}>=12,ISNUMBER(${mv})),${mv},IF(COUNT(${prog})>0,PMR.ACUMULADO(${prog},${t},${c}),${mv}))`;
      return formula(
        `=IF(OR(${l("codigo")}${f}="",${t}=""),"",PMR.AVANCE(${programado},PMR.ACUMULADO(${ejec},${t},${c}),${t},${l("lineaBase")}${f}))`,
      );
    },
  },
  {
    clave: "calc.estado",
    encabezado: ENCABEZADOS_CALCULADOS.estado,
    ancho: 16,
    formula: ({ fila: f, letra: l }) =>
      formula(`=IF(${l("codigo")}${f}="","",PMR.ESTADO(${l("calc.avance")}${f},${l("calc.corte")}${f}))`),
  },
  {
    clave: "calc.semaforo",
    encabezado: ENCABEZADOS_CALCULADOS.semaforo,
    ancho: 12,
    formula: ({ fila: f, letra: l }) =>
      formula(`=IF(ISNUMBER(${l("calc.avance")}${f}),PMR.SEMAFORO(${l("calc.avance")}${f}),"")`),
  },
];

const CALCULADAS_PRESUPUESTO: readonly ColumnaCalculada[] = [
  {
    clave: "calc.avanceFinanciero",
    encabezado: ENCABEZADOS_CALCULADOS.avanceFinanciero,
    formato: FORMATOS_EXCEL.porcentaje,
    ancho: 14,
    // Compromisos del año (los meses por venir están vacíos) sobre la apropiación vigente.
    formula: ({ fila: f, letra: l }) =>
      formula(
        `=IF(OR(${l("codigoProducto")}${f}="",${l("apropiacion")}${f}=""),"",PMR.AVANCE.FINANCIERO(SUM(${l("compromisos.1")}${f}:${l("compromisos.12")}${f}),${l("apropiacion")}${f}))`,
      ),
  },
];

const CALCULADAS_TERRITORIAL: readonly ColumnaCalculada[] = [
  {
    clave: "calc.avance",
    encabezado: ENCABEZADOS_CALCULADOS.avance,
    formato: FORMATOS_EXCEL.porcentaje,
    ancho: 12,
    formula: ({ fila: f, letra: l }) =>
      formula(
        `=IF(OR(${l("codigoIndicador")}${f}="",${l("metaVigencia")}${f}=""),"",PMR.AVANCE(${l("metaVigencia")}${f},${l("ejecutado")}${f},"Suma"))`,
      ),
  },
];

export const CALCULADAS: Readonly<Record<IdHoja, readonly ColumnaCalculada[]>> = {
  pmr: CALCULADAS_PMR,
  presupuesto: CALCULADAS_PRESUPUESTO,
  territorial: CALCULADAS_TERRITORIAL,
};

// ---------------------------------------------------------------------------------------------
// Validaciones de la hoja

/** Une columnas seguidas con la misma regla (y el mismo mensaje) en un solo rango. */
function tramos(
  columnas: readonly ColumnaSalida[],
  regla: (c: ColumnaSalida) => ReglaColumna | null,
): { desde: ColumnaSalida; hasta: ColumnaSalida; r: ReglaColumna }[] {
  const salida: { desde: ColumnaSalida; hasta: ColumnaSalida; r: ReglaColumna }[] = [];
  for (const c of columnas) {
    const r = regla(c);
    if (r === null) continue;
    const ultimo = salida[salida.length - 1];
    if (
      ultimo !== undefined &&
      ultimo.hasta.indice === c.indice - 1 &&
      JSON.stringify(ultimo.r.regla) === JSON.stringify(r.regla) &&
      ultimo.r.alerta.mensaje === r.alerta.mensaje
    )
      ultimo.hasta = c;
    else salida.push({ desde: c, hasta: c, r });
  }
  return salida;
}

/** Validaciones de una hoja de la plantilla: encabezados (mensaje) y columnas de datos (regla y alerta). */
export function validacionesPlantilla(
  d: DisposicionCanonica,
  anio: number | null | undefined,
): DescripcionValidacion[] {
  const v: DescripcionValidacion[] = [];
  const calculadas = new Map(CALCULADAS[d.id].map((c) => [c.clave, c]));
  for (const c of d.columnas) {
    if (c.tipo !== "canonica") continue;
    const calc = calculadas.get(c.clave);
    v.push({
      rango: `${c.letra}1`,
      regla: { tipo: "cualquiera" },
      mensajeEntrada: {
        titulo: c.encabezado.slice(0, 32),
        mensaje:
          calc !== undefined
            ? `Se calcula sola con =PMR.* mientras llena la fila; no la escriba. El complemento no la lee: calcula lo suyo.`
            : ayudaEncabezado(d.id, c.clave),
      },
    });
  }
  if (d.ultimaFila < 2) return v;
  const porSerie = (c: ColumnaSalida) =>
    c.tipo === "canonica" && !calculadas.has(c.clave) ? reglaDeColumna(d.id, c.clave, c.encabezado, anio) : null;
  for (const { desde, hasta, r } of tramos(d.columnas, porSerie)) {
    const rango =
      desde === hasta
        ? `${desde.letra}2:${desde.letra}${d.ultimaFila}`
        : `${desde.letra}2:${hasta.letra}${d.ultimaFila}`;
    v.push({
      rango,
      regla: r.regla,
      mensajeEntrada: { titulo: r.titulo.slice(0, 32), mensaje: r.entrada.slice(0, 255) },
      alertaError: { estilo: "detener", titulo: r.alerta.titulo.slice(0, 32), mensaje: r.alerta.mensaje.slice(0, 255) },
      permitirVacias: true,
    });
  }
  return v;
}

// ---------------------------------------------------------------------------------------------
// Porcentajes en las filas ya llenas

const CLAVES_VALOR = ["lineaBase", "metaPlan", "metaVigencia", "ejecutadoAnterior"];

/** ¿Son fracciones (entre 0 y 1) todos los valores numéricos de la fila? */
function valoresFraccion(f: FilaOrigen): boolean {
  for (const [k, v] of Object.entries(f.valores)) {
    if (v === undefined || !(CLAVES_VALOR.includes(k) || k.startsWith("programado.") || k.startsWith("ejecutado.")))
      continue;
    if (typeof v.valor === "number" && v.valor > 1) return false;
  }
  return true;
}

/**
 * Una fila ya llena cuya unidad es un porcentaje y sus valores son fracciones (0,23 = 23 %): sus
 * valores sin formato propio van con formato de porcentaje. Solo cambia cómo se ve, no la cifra.
 */
function conPorcentajes(f: FilaOrigen): FilaOrigen {
  const unidad = f.valores.unidad?.valor;
  if (typeof unidad !== "string" || !unidadPorcentual(unidad) || !valoresFraccion(f)) return f;
  const valores: Record<string, FilaOrigen["valores"][string]> = {};
  for (const [k, v] of Object.entries(f.valores)) {
    const esValor = CLAVES_VALOR.includes(k) || k.startsWith("programado.") || k.startsWith("ejecutado.");
    valores[k] =
      v !== undefined && esValor && typeof v.valor === "number" && !v.formato
        ? { ...v, formato: FORMATOS_EXCEL.porcentaje }
        : v;
  }
  return { ...f, valores };
}

// ---------------------------------------------------------------------------------------------

/** Una hoja de la plantilla. */
export function describirHojaPlantilla(id: IdHoja, opciones: OpcionesPlantilla = {}): HojaCanonica {
  const dadas: HojaOrigen | null | undefined = opciones.filas?.[id];
  const hoja: HojaOrigen = {
    filas: (dadas?.filas ?? []).map((f) => (id === "pmr" ? conPorcentajes(f) : f)),
    ...(dadas?.extras ? { extras: dadas.extras } : {}),
  };
  return describirHojaCanonica(id, hoja, {
    proposito: PROPOSITO_PLANTILLA,
    nombresTablas: TABLAS_PLANTILLA,
    filasVacias: Math.max(1, opciones.filasVacias ?? FILAS_PLANTILLA),
    calculadas: CALCULADAS[id],
    formatosColumna: id === "pmr" ? { ponderacion: FORMATOS_EXCEL.porcentaje } : {},
    validaciones: (d) => validacionesPlantilla(d, opciones.vigencia),
  });
}

/** La plantilla: PMR, PMR_Presupuesto y PMR_Territorial. */
export function describirPlantilla(opciones: OpcionesPlantilla = {}): {
  libro: DescripcionLibro;
  disposiciones: DisposicionCanonica[];
} {
  const hojas = IDS_CANONICOS.map((id) => describirHojaPlantilla(id, opciones));
  return { libro: { hojas: hojas.map((h) => h.descripcion) }, disposiciones: hojas.map((h) => h.disposicion) };
}
