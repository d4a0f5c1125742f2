/** Escala de las ponderaciones por grupo (src/workbook/ponderaciones.ts): umbrales «cerca de 100» y «cerca de 1». */
import type { AvisoLectura } from "../../src/domain";
import {
  ajustarPonderaciones,
  MARGEN_CIEN_PUNTOS,
  MARGEN_UNO,
  type PonderacionEscrita,
} from "../../src/workbook/ponderaciones";

/** Filas de un objetivo con sus pesos escritos (un «%» al final: porcentaje). */
function filas(objetivo: string, pesos: (number | string)[], vigencia: number | null = 2025): PonderacionEscrita[] {
  return pesos.map((p, i) => {
    const porcentaje = typeof p === "string";
    const valor = porcentaje ? Number(p.replace("%", "")) / 100 : p;
    return {
      fila: { codigoObjetivo: objetivo, vigencia, ponderacion: porcentaje || valor <= 1 ? valor : valor / 100 },
      filaHoja: 2 + i,
      valor,
      porcentaje,
    };
  });
}

function ajustar(escritas: PonderacionEscrita[]): { pesos: unknown[]; avisos: AvisoLectura[] } {
  const avisos: AvisoLectura[] = [];
  ajustarPonderaciones(escritas, "ponderacion", ["vigencia", "codigoObjetivo"], "PMR", 10, avisos);
  return { pesos: escritas.map((e) => e.fila.ponderacion), avisos };
}

describe("escala de las ponderaciones", () => {
  it("los márgenes son los de docs/decisiones.md", () => {
    expect([MARGEN_CIEN_PUNTOS, MARGEN_UNO]).toEqual([1, 0.01]);
  });

  it.each([
    ["fracciones que suman 1", [0.5, 0.3, 0.2], [0.5, 0.3, 0.2], 0],
    ["puntos mayores que 1", [50, 30, 20], [0.5, 0.3, 0.2], 0],
    ["puntos con uno hasta 1 (suman 100)", [99.5, 0.5], [0.995, 0.005], 1],
    ["puntos que suman 99 (en el margen)", [98.2, 0.8], [0.982, 0.008], 1],
    ["puntos que suman 98,9 (fuera del margen): cada uno por su cuenta", [98.1, 0.8], [0.981, 0.8], 0],
    ["fracciones que suman 0,995 (cerca de 1): no cambian", [0.995, 0.0], [0.995, 0], 0],
    ["porcentajes escritos («%») cuentan en puntos y no cambian", ["60%", 39.5, 0.5], [0.6, 0.395, 0.005], 1],
    ["un cero no cambia ni se cita", [100, 0], [1, 0], 0],
  ] as const)("%s", (_n, pesos, esperados, avisos) => {
    const r = ajustar(filas("O1", [...pesos]));
    r.pesos.forEach((p, i) => expect(p).toBeCloseTo(esperados[i], 10));
    expect(r.avisos).toHaveLength(avisos);
  });

  it("toda la vigencia en puntos si ningún objetivo suma 1 ni 100 pero la vigencia sí suma 100", () => {
    const escritas = [...filas("O1", new Array(70).fill(0.7)), ...filas("O2", new Array(73).fill(0.7))];
    const r = ajustar(escritas);
    for (const p of r.pesos) expect(p).toBeCloseTo(0.007, 12);
    expect(r.avisos).toEqual([
      expect.objectContaining({ tipo: "escala-ponderacion", grupo: null, suma: expect.closeTo(100.1, 5) }),
    ]);
  });

  it("si un objetivo suma 1 en fracciones, la vigencia no se pasa a puntos", () => {
    const r = ajustar([...filas("O1", [0.5, 0.5]), ...filas("O2", new Array(141).fill(0.7))]);
    expect(r.pesos.slice(0, 2)).toEqual([0.5, 0.5]);
    expect(r.avisos).toEqual([]);
  });

  it("cada vigencia es un grupo aparte", () => {
    const r = ajustar([...filas("O1", [99.5, 0.5], 2024), ...filas("O1", [0.5, 0.5], 2025)]);
    expect(r.pesos).toEqual([0.995, 0.005, 0.5, 0.5]);
    expect(r.avisos.map((a) => a.celda)).toEqual(["K2:K3"]);
  });
});
