/**
 * El libro de las pruebas del panel (Node y navegador): una hoja PMR con los encabezados
 * canónicos de la plantilla, dos filas de título, dos objetivos, tres productos y su hoja de
 * presupuesto, con problemas conocidos y con formato propio en las celdas que se van a resaltar
 * (para comprobar que «Quitar resaltado» las deja exactamente como estaban):
 *
 * - IP1, Ejecutado Mar = «diez» (valor ilegible);
 * - IO2, Ejecutado Abr = «#REF!» (error de Excel);
 * - P1 compromete el 90 % con poco avance físico (financiero adelantado).
 */
import { direccionA1 } from "../../src/domain/direcciones";
import type { LibroGrillas } from "../../src/workbook/grilla";
import { CLAVES_PMR, grillaPmr, grillaPresupuesto, type ValoresFila } from "../../src/workbook/plantilla";
import type { DefinicionLibroFalso } from "../fakes/excel-falso";

const TITULO = [["PMR 2025 — Secretaría de Educación (prueba)"], [""]];
/** Fila (1-based) del encabezado de la hoja PMR: debajo de las dos filas de título. */
export const FILA_ENCABEZADO = TITULO.length + 1;

const doce = (f: (m: number) => unknown) => Array.from({ length: 12 }, (_, i) => f(i + 1));
const hastaJunio = (valores: unknown[]) => doce((m) => (m <= 6 ? valores[m - 1] : null));

export const FILAS: ValoresFila[] = [
  {
    codigoObjetivo: "O1",
    objetivo: "Mejorar la calidad educativa",
    tipo: "Objetivo",
    codigo: "IO1",
    nombre: "Estudiantes con refuerzo escolar",
    unidad: "Número",
    tendencia: "Suma",
    periodicidad: "Mensual",
    ponderacion: 0.5,
    lineaBase: 0,
    metaPlan: 480,
    vigencia: 2025,
    metaVigencia: 120,
    programado: doce(() => 10),
    ejecutado: hastaJunio([10, 10, 10, 10, 10, 11]),
  },
  {
    codigoObjetivo: "O1",
    objetivo: "Mejorar la calidad educativa",
    codigoProducto: "P1",
    producto: "Jornadas de refuerzo escolar",
    tipo: "Producto",
    codigo: "IP1",
    nombre: "Jornadas realizadas",
    unidad: "Número",
    tendencia: "Suma",
    periodicidad: "Mensual",
    ponderacion: 0.25,
    lineaBase: 0,
    metaPlan: 240,
    vigencia: 2025,
    metaVigencia: 60,
    programado: doce(() => 5),
    ejecutado: hastaJunio([5, 5, "diez", 5, 5, 5]),
  },
  {
    codigoObjetivo: "O1",
    objetivo: "Mejorar la calidad educativa",
    codigoProducto: "P2",
    producto: "Dotación de bibliotecas",
    tipo: "Producto",
    codigo: "IP2",
    nombre: "Bibliotecas dotadas",
    unidad: "Número",
    tendencia: "Creciente",
    periodicidad: "Mensual",
    ponderacion: 0.25,
    lineaBase: 10,
    metaPlan: 50,
    vigencia: 2025,
    metaVigencia: 30,
    programado: doce((m) => 10 + Math.round((20 * m) / 12)),
    ejecutado: hastaJunio([11, 12, 13, 14, 15, 16]),
  },
  {
    codigoObjetivo: "O2",
    objetivo: "Reducir la deserción escolar",
    tipo: "Objetivo",
    codigo: "IO2",
    nombre: "Tasa de deserción",
    unidad: "Porcentaje",
    tendencia: "Decreciente",
    periodicidad: "Mensual",
    ponderacion: 0.5,
    lineaBase: 8,
    metaPlan: 5,
    vigencia: 2025,
    metaVigencia: 6,
    ejecutado: hastaJunio([8, 7.8, 7.5, "#REF!", 7.2, 7]),
  },
  {
    codigoObjetivo: "O2",
    objetivo: "Reducir la deserción escolar",
    codigoProducto: "P3",
    producto: "Transporte escolar",
    tipo: "Producto",
    codigo: "IP3",
    nombre: "Estudiantes transportados",
    unidad: "Número",
    tendencia: "Suma",
    periodicidad: "Mensual",
    ponderacion: 0.5,
    lineaBase: 0,
    metaPlan: 4800,
    vigencia: 2025,
    metaVigencia: 1200,
    programado: doce(() => 100),
    ejecutado: hastaJunio([100, 100, 100, 100, 100, 100]),
  },
];

const PRESUPUESTO: ValoresFila[] = [
  {
    codigoProducto: "P1",
    tipoRecurso: "Inversión",
    proyecto: "7801",
    apropiacion: 1_000_000,
    compromisos: hastaJunio([150_000, 150_000, 150_000, 150_000, 150_000, 150_000]),
    giros: hastaJunio([100_000, 100_000, 100_000, 100_000, 100_000, 100_000]),
  },
  {
    codigoProducto: "P2",
    tipoRecurso: "Inversión",
    proyecto: "7802",
    apropiacion: 500_000,
    compromisos: hastaJunio([40_000, 40_000, 40_000, 40_000, 40_000, 40_000]),
  },
  {
    codigoProducto: "P3",
    tipoRecurso: "Funcionamiento",
    apropiacion: 2_000_000,
    compromisos: hastaJunio([100_000, 100_000, 100_000, 100_000, 100_000, 100_000]),
  },
];

/** Celda A1 de un campo («ejecutado.3») de la fila de datos `i` (0-based) de la hoja PMR. */
export function celdaPmr(i: number, clave: string): string {
  return direccionA1(FILA_ENCABEZADO + 1 + i, CLAVES_PMR.indexOf(clave));
}

/** Las celdas con problemas conocidos. */
export const CELDAS = {
  diez: celdaPmr(1, "ejecutado.3"),
  ref: celdaPmr(3, "ejecutado.4"),
} as const;

/** Las grillas del libro, como las lee el adaptador (para calcular en Node lo esperado). */
export function grillasFlujo(): LibroGrillas {
  return {
    hojas: [grillaPmr(FILAS, { titulo: TITULO }), grillaPresupuesto(PRESUPUESTO)],
  };
}

/** El libro falso: las grillas más formato propio en celdas que se van a resaltar y un formato condicional del usuario. */
export function definicionLibroFlujo(): DefinicionLibroFalso {
  const [pmr, presupuesto] = grillasFlujo().hojas;
  const ultimaColumna = direccionA1(FILA_ENCABEZADO, CLAVES_PMR.length - 1).replace(/\d+$/, "");
  const columnaMv = direccionA1(1, CLAVES_PMR.indexOf("metaVigencia")).replace(/\d+$/, "");
  const primera = FILA_ENCABEZADO + 1;
  const ultima = FILA_ENCABEZADO + FILAS.length;
  return {
    hojas: [
      {
        nombre: pmr.nombre,
        valores: pmr.valores,
        formatoCeldas: {
          [`A${FILA_ENCABEZADO}:${ultimaColumna}${FILA_ENCABEZADO}`]: {
            relleno: "#D9E1F2",
            bordes: { EdgeBottom: { estilo: "Continuous", color: "#1F4E79" } },
          },
          [CELDAS.diez]: {
            relleno: "#FFF2CC",
            fuente: "#1F4E79",
            bordes: {
              EdgeTop: { estilo: "Dash", color: "#7F7F7F" },
              EdgeBottom: { estilo: "Continuous", color: "#000000" },
            },
          },
          [CELDAS.ref]: { fuente: "#C00000" },
        },
        formatosCondicionales: [
          {
            tipo: "Custom",
            formula: `=$${columnaMv}${primera}<0`,
            relleno: "#FFC7CE",
            fuente: "#9C0006",
            areas: `${columnaMv}${primera}:${columnaMv}${ultima}`,
          },
        ],
        seleccion: "A1",
      },
      { nombre: presupuesto.nombre, valores: presupuesto.valores },
    ],
  };
}
