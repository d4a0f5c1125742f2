/**
 * Los descriptores de hoja (src/domain/hojas): coherentes entre sí, la plantilla que escriben se
 * lee con su esquema, y un tipo de hoja nuevo se lee con solo su descriptor (docs/hojas.md).
 */
import { z } from "zod";
import {
  DESCRIPTORES,
  HOJAS,
  MESES,
  ModeloPmrSchema,
  clavesSerie,
  definirHoja,
  nombreDeCampo,
  normalizarPalabras,
  type CualquierDescriptor,
} from "../../src/domain";
import { normalizarNombreHoja } from "../../src/workbook/encabezados";
import { leerModelo, NOMBRES_HOJAS } from "../../src/workbook/lector";
import { filaDe, grillaDe, grillaPmr } from "../../src/workbook/plantilla";
import { FILAS_EJEMPLO } from "./ayudas";

describe.each(DESCRIPTORES.map((d) => [d.nombre, d] as const))("descriptor %s", (_nombre, d: CualquierDescriptor) => {
  const campos = Object.keys(d.campos);
  const series = Object.keys(d.series);

  it("obligatorios, identidad, alternativas y plantilla solo nombran sus campos y series", () => {
    for (const c of [...d.obligatorios, ...d.identidad]) expect(campos).toContain(c);
    for (const [campo, alt] of Object.entries(d.alternativas ?? {})) {
      expect(d.obligatorios).toContain(campo);
      expect(series).toContain(alt!.serie);
    }
    for (const k of d.plantilla) {
      const [base, mes] = k.split(".");
      if (mes === undefined) expect(campos).toContain(base);
      else {
        expect(series).toContain(base);
        expect(Number(mes)).toBeGreaterThanOrEqual(1);
        expect(Number(mes)).toBeLessThanOrEqual(MESES);
      }
    }
    expect(new Set(d.plantilla).size).toBe(d.plantilla.length);
  });

  it("ningún encabezado significa dos campos", () => {
    const visto = new Map<string, string>();
    for (const [campo, def] of Object.entries(d.campos)) {
      for (const e of def.encabezados) {
        const n = normalizarPalabras(e);
        expect([n, visto.get(n) ?? campo]).toEqual([n, campo]);
        visto.set(n, campo);
      }
    }
  });

  it("la plantilla vacía se lee sin problemas y cumple el esquema del descriptor", () => {
    const vacia = leerModelo({ hojas: [grillaPmr(FILAS_EJEMPLO), grillaDe(d, [])] });
    expect(vacia.lectura).toEqual([]);
    const hoja = (vacia as Record<string, unknown>)[d.id];
    expect(d.esquema.safeParse(hoja).success).toBe(true);
  });

  it("se reconoce por su nombre canónico", () => {
    expect(NOMBRES_HOJAS[d.id as keyof typeof NOMBRES_HOJAS]).toContain(normalizarNombreHoja(d.nombre));
  });
});

describe("registro de hojas", () => {
  it("la PMR es la única requerida y va primero", () => {
    expect(DESCRIPTORES[0]).toBe(HOJAS.pmr);
    expect(DESCRIPTORES.filter((d) => d.requerida)).toEqual([HOJAS.pmr]);
  });

  it("el modelo tiene una clave por tipo de hoja", () => {
    // Además de las hojas: lo que anotó el lector, sus avisos y, solo al consolidar, el origen de cada fila.
    expect(Object.keys(ModeloPmrSchema.shape).sort()).toEqual(
      [...Object.keys(HOJAS), "lectura", "avisos", "consolidacion"].sort(),
    );
  });

  it.each([
    ["metaVigencia", "Meta vigencia"],
    ["compromisosAcumulados", "Compromisos acumulados"],
    ["giros", "Giros"],
    ["localidad", "Localidad"],
    ["cualitativo", "Cualitativo"],
  ])("el nombre de «%s» es su encabezado canónico: «%s»", (campo, nombre) => {
    expect(nombreDeCampo(campo)).toBe(nombre);
  });
});

/** Un cuarto tipo de hoja, definido solo aquí: el lector lo encuentra y lo lee sin cambios. */
const FilaRiesgoSchema = z.object({
  fila: z.number().int().positive(),
  codigoIndicador: z.string().nullable(),
  riesgo: z.string().nullable(),
  probabilidad: z.number().nullable(),
  alertas: z.array(z.number().nullable()).length(MESES),
});
type FilaRiesgo = z.infer<typeof FilaRiesgoSchema>;
const HojaRiesgosSchema = z.object({
  nombre: z.string(),
  filaEncabezado: z.number().int().positive(),
  columnas: z.object({
    campos: z.partialRecord(z.enum(["codigoIndicador", "riesgo", "probabilidad"]), z.number().int()),
    alertas: z.array(z.number().int().nullable()).length(MESES),
  }),
  filas: z.array(FilaRiesgoSchema),
});
type HojaRiesgos = z.infer<typeof HojaRiesgosSchema>;

const HOJA_RIESGOS = definirHoja<"codigoIndicador" | "riesgo" | "probabilidad", "alertas", FilaRiesgo, HojaRiesgos>({
  id: "riesgos",
  nombre: "PMR_Riesgos",
  nombres: ["PMR_Riesgos", "Riesgos"],
  raiz: "riesgo",
  requerida: false,
  campos: {
    codigoIndicador: { encabezados: ["Código indicador", "ID indicador"], relleno: true },
    riesgo: { encabezados: ["Riesgo", "Descripción del riesgo"] },
    probabilidad: { encabezados: ["Probabilidad", "Probabilidad de ocurrencia"] },
  },
  series: { alertas: { prefijos: ["Alertas", "Alerta"] } },
  obligatorios: ["codigoIndicador", "riesgo"],
  identidad: ["codigoIndicador"],
  plantilla: ["codigoIndicador", "riesgo", "probabilidad", ...clavesSerie("alertas")],
  esquemaFila: FilaRiesgoSchema,
  esquema: HojaRiesgosSchema,
  leerFila(l) {
    const codigoIndicador = l.texto("codigoIndicador");
    if (codigoIndicador === null && l.esFilaDeTotal()) return null;
    return {
      fila: l.fila,
      codigoIndicador,
      riesgo: l.texto("riesgo"),
      probabilidad: l.ponderacion("probabilidad"),
      alertas: l.numeros("alertas"),
    };
  },
  construir: ({ periodos: _periodos, ...base }, filas) => ({ ...base, filas }),
});

describe("un tipo de hoja nuevo es solo su descriptor", () => {
  const grilla = {
    nombre: "Matriz de riesgos",
    valores: [
      ["Matriz de riesgos 2025"],
      ["ID indicador", "Descripción del riesgo", "Probabilidad de ocurrencia", "Alerta Ene", "Alertas febrero"],
      ["IP1", "Retraso en la contratación", "30 %", 1, "2"],
      ["IP2", "Baja asistencia", 0.5, "#REF!", ""],
      ["", "Total", "", 1, 2],
    ],
  };

  it("se encuentra por sus encabezados, se lee y cumple su esquema", () => {
    const modelo = leerModelo({ hojas: [grillaPmr(FILAS_EJEMPLO), grilla] }, [...DESCRIPTORES, HOJA_RIESGOS]);
    const riesgos = (modelo as Record<string, unknown>).riesgos as HojaRiesgos;
    expect(HojaRiesgosSchema.parse(riesgos)).toEqual(riesgos);
    expect(riesgos.filaEncabezado).toBe(2);
    expect(riesgos.columnas.campos).toEqual({ codigoIndicador: 0, riesgo: 1, probabilidad: 2 });
    expect(riesgos.filas.map((f) => [f.codigoIndicador, f.probabilidad, f.alertas.slice(0, 2)])).toEqual([
      ["IP1", 0.3, [1, 2]],
      ["IP2", 0.5, [null, null]],
    ]);
    // El error de Excel queda anotado con su celda y su campo, como en cualquier hoja.
    expect(modelo.lectura).toEqual([
      expect.objectContaining({ tipo: "error-celda", hoja: "Matriz de riesgos", celda: "D4", campo: "alertas.1" }),
    ]);
  });

  it("la plantilla del tipo nuevo se escribe con sus encabezados canónicos", () => {
    const g = grillaDe(HOJA_RIESGOS, [{ codigoIndicador: "IP1", riesgo: "R", alertas: [3] }]);
    expect(g.nombre).toBe("PMR_Riesgos");
    expect(g.valores[0].slice(0, 5)).toEqual([
      "Código indicador",
      "Riesgo",
      "Probabilidad",
      "Alertas Ene",
      "Alertas Feb",
    ]);
    expect(g.valores[1].slice(0, 4)).toEqual(
      filaDe(HOJA_RIESGOS.plantilla, { codigoIndicador: "IP1", riesgo: "R", alertas: [3] }).slice(0, 4),
    );
  });
});
