/**
 * Tabla de encabezados aceptados y rechazados (docs/decisiones.md, «Lectura del libro»): palabras
 * del campo con calificadores y unidades, años, periodos, y lo que nunca debe tomarse por un campo.
 */
import { HOJAS } from "../../src/domain";
import { diccionario, esReconocido, normalizarEncabezado } from "../../src/workbook/encabezados";

const pmr = diccionario(HOJAS.pmr);
const presupuesto = diccionario(HOJAS.presupuesto);
const territorial = diccionario(HOJAS.territorial);
const reconocer = (dic: typeof pmr, texto: string) => dic.reconocer(normalizarEncabezado(texto));

describe("hoja PMR: encabezados aceptados", () => {
  it.each([
    // [encabezado, clave, calidad, años, periodo]
    ["Ponderación", "ponderacion", 0, [], null],
    ["Peso relativo del indicador (%)", "ponderacion", 1, [], null],
    ["Importancia del producto %", "ponderacion", 1, [], null],
    ["Importancia relativa", "ponderacion", 1, [], null],
    ["Ponderación en el objetivo", "ponderacion", 1, [], null],
    ["Meta 2026", "metaVigencia", 1, [2026], null],
    ["Meta_vigencia_2026", "metaVigencia", 0, [2026], null],
    ["Programación 2026", "metaVigencia", 1, [2026], null],
    ["Meta anual", "metaVigencia", 0, [], null],
    ["Meta 2024-2027", "metaPlan", 1, [2024, 2027], null],
    ["Meta final del producto", "metaPlan", 1, [], null],
    ["Meta plan de desarrollo", "metaPlan", 1, [], null],
    ["Nombre del indicador de producto", "nombre", 1, [], null],
    ["Indicador de resultado", "nombre", 1, [], null],
    ["Objetivo estratégico", "objetivo", 1, [], null],
    ["Código del objetivo estratégico", "codigoObjetivo", 1, [], null],
    ["Periodicidad de reporte del indicador", "periodicidad", 1, [], null],
    ["Frecuencia de medición", "periodicidad", 0, [], null],
    ["Línea de base", "lineaBase", 0, [], null],
    ["Línea base 2023", "lineaBase", 0, [2023], null],
    ["Tipo de anualización del indicador", "tendencia", 1, [], null],
    ["Estado del indicador", "estadoIndicador", 0, [], null],
    ["Programado Ene", "programado.1", 0, [], null],
    ["Ejecución física marzo", "ejecutado.3", 1, [], null],
    ["Ejecutado feb-25", "ejecutado.2", 0, [], null],
    ["I Trimestre ejecución", "ejecutado.3", 1, [], "trimestral"],
    ["Ejecución trimestre 2", "ejecutado.6", 1, [], "trimestral"],
    ["Avance T3 2025", "ejecutado.9", 1, [2025], "trimestral"],
    ["Avance Q4", "ejecutado.12", 1, [], "trimestral"],
    ["Programación IV trimestre", "programado.12", 1, [], "trimestral"],
    ["Ejecución primer semestre", "ejecutado.6", 1, [], "semestral"],
    ["Avance S2", "ejecutado.12", 1, [], "semestral"],
    ["Ejecución bimestre 3", "ejecutado.6", 1, [], "bimestral"],
    ["Ejecución 2025", "ejecutado.12", 1, [2025], "anual"],
    ["Avance anual", "ejecutado.12", 1, [], "anual"],
    ["Avance cualitativo III trimestre", "cualitativo.9", 1, [], "trimestral"],
    ["Avance cualitativo 2025", "cualitativoActual", 0, [2025], null],
  ])("«%s» → %s", (texto, clave, calidad, anios, periodo) => {
    expect(reconocer(pmr, texto)).toEqual({ clave, calidad, anios, periodo });
  });
});

describe("hoja PMR: encabezados rechazados (no se toman por ningún campo)", () => {
  it.each([
    "Meta",
    "Programación",
    "Ejecución",
    "Avance",
    "Peso estratégico",
    "Meta producto",
    "Año de la línea base",
    "Objetivo de desarrollo sostenible",
    "Responsable del indicador",
    "Fórmula del indicador",
    "% de avance",
    "Código proyecto",
    "Tipo de meta",
    "Semáforo",
    "I Trimestre",
    "T3",
    "Trimestre 5",
    "Ejecución quinto trimestre",
  ])("«%s»", (texto) => {
    const r = reconocer(pmr, texto);
    expect(esReconocido(r) ? r.clave : null).toBeNull();
  });

  it.each([
    ["Meta plan / Meta vigencia", ["metaPlan", "metaVigencia"]],
    ["Ponderación o línea base", ["ponderacion", "lineaBase"]],
  ])("«%s» es ambiguo: %j", (texto, campos) => {
    expect(reconocer(pmr, texto)).toEqual({ ambiguo: campos });
  });
});

describe("relevancia: un encabezado sin leer que parece un dato", () => {
  it.each(["Peso estratégico", "Meta producto", "I Trimestre", "T3 2025", "Ene", "Avance", "Logro acumulado"])(
    "«%s» se informa",
    (texto) => {
      expect(pmr.relevante(normalizarEncabezado(texto), texto)).toBe(true);
    },
  );
  it.each([
    "Año de la línea base",
    "Fuente de la meta",
    "% de avance",
    "Porcentaje de cumplimiento",
    "Responsable",
    "Semáforo",
  ])("«%s» no (atributo, cálculo o nada del PMR)", (texto) => {
    expect(pmr.relevante(normalizarEncabezado(texto), texto)).toBe(false);
  });
});

describe("hojas de presupuesto y territorial", () => {
  const hojas = { presupuesto, territorial };
  it.each([
    ["presupuesto", "Compromisos I trimestre", "compromisos.3"],
    ["presupuesto", "Giros 2025", "girosAcumulados"],
    ["presupuesto", "Nombre del proyecto de inversión", "proyecto"],
    ["presupuesto", "Apropiación vigente 2025", "apropiacion"],
    ["territorial", "Meta de la localidad", "metaVigencia"],
    ["territorial", "Ejecutado acumulado localidad", "ejecutado"],
  ] as const)("%s: «%s» → %s", (hoja, texto, clave) => {
    const r = reconocer(hojas[hoja], texto);
    expect(esReconocido(r) ? r.clave : r).toBe(clave);
  });
});
