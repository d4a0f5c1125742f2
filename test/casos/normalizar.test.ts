/**
 * Normalizar (PMR-SPEC §6.5): un libro desordenado (bloques de título, sinónimos, meses bajo un
 * grupo combinado, cifras con coma decimal escritas como texto, columnas en otro orden, columnas
 * que el lector no lee, filas vacías y de totales, hojas de presupuesto y territorial) reescrito
 * en el diseño canónico se valida con las mismas cifras y los mismos hallazgos (regla y clave)
 * que el original. Propiedad sobre disposiciones generadas; unas cuantas pasan además por el
 * .xlsx (escribirLibroXlsx y el lector de `pmr validar`).
 */
import fc from "fast-check";
import * as path from "node:path";
import { HOJAS } from "../../src/domain/hojas";
import { NOMBRES_MES, NOMBRES_MES_LARGOS } from "../../src/domain/catalogos";
import { leerDireccion } from "../../src/domain/direcciones";
import { escribirLibroXlsx, leerArchivoXlsx } from "../../src/hosts/xlsx";
import {
  ENCABEZADOS_CORRESPONDENCIA,
  ErrorNormalizar,
  HOJA_CORRESPONDENCIA,
  normalizarLibro,
} from "../../src/casos/normalizar";
import { leerRango, esFormula, type DescripcionLibro } from "../../src/workbook/escritura";
import type { AreaCombinada, GrillaHoja, LibroGrillas } from "../../src/workbook/grilla";
import { filaDe, filaPmr, type ValoresFila } from "../../src/workbook/plantilla";
import { filaIndicador } from "../workbook/arbitrarios";
import { FILAS_EJEMPLO } from "../workbook/ayudas";
import {
  cifras,
  claves,
  col,
  conEncabezado,
  FILAS_TRIMESTRALES,
  grillaPmr,
  porPeriodos,
  soloCierres,
} from "../workbook/disposiciones";
import { validarLibro } from "../../src/casos/validar";
import { CONFIGURACION_POR_DEFECTO } from "../../src/domain/configuracion";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ejemplo = require("../../scripts/ejemplo") as typeof import("../../scripts/ejemplo");

const EJEMPLO = path.join(__dirname, "../../ejemplos/pmr-ejemplo.xlsx");

/**
 * Lo que un anfitrión deja en el libro al escribir la descripción, como lo lee el lector: los
 * valores (una fórmula sin calcular se lee vacía) y los formatos de número.
 */
function grillasDe(d: DescripcionLibro): LibroGrillas {
  return {
    hojas: d.hojas.map((h) => {
      const valores: unknown[][] = [];
      const formatos: (string | null)[][] = [];
      for (const b of h.celdas) {
        const inicio = leerDireccion(b.desde)!;
        b.filas.forEach((fila, i) => {
          const r = inicio.fila - 1 + i;
          valores[r] ??= [];
          fila.forEach((v, j) => {
            valores[r][inicio.columna + j] = esFormula(v) ? null : v;
          });
        });
      }
      for (let r = 0; r < valores.length; r++) valores[r] ??= [];
      for (const f of h.formatosNumero ?? []) {
        const r = leerRango(f.rango)!;
        for (let i = r.fila; i < r.fila + r.filas; i++) {
          formatos[i] ??= [];
          for (let j = r.columna; j < r.columna + r.columnas; j++) formatos[i][j] = f.formato;
        }
      }
      for (let r = 0; r < formatos.length; r++) formatos[r] ??= [];
      return { nombre: h.nombre, valores, formatos };
    }),
  };
}

const config = CONFIGURACION_POR_DEFECTO;
const validar = (l: LibroGrillas) => validarLibro(l, config);

/** Compara el original con el normalizado: mismas cifras y mismos hallazgos por regla y clave. */
function comparar(original: LibroGrillas, normalizado: LibroGrillas): void {
  const a = validar(original);
  const b = validar(normalizado);
  expect(claves(b)).toEqual(claves(a));
  expect(cifras(b)).toEqual(cifras(a));
}

// ---------------------------------------------------------------------------------------------
// Disposiciones desordenadas

/** 1234.5 → «1.234,5» (como lo escribe a mano un analista en Colombia). */
function textoColombiano(n: number): string {
  const [entero, decimales] = Math.abs(n).toString().split(".");
  const miles = entero.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return (n < 0 ? "-" : "") + miles + (decimales ? "," + decimales : "");
}

const CAMPOS_OPCIONALES = [
  "codigoProducto",
  "producto",
  "tipo",
  "unidad",
  "periodicidad",
  "ponderacion",
  "lineaBase",
  "metaPlan",
  "vigencia",
  "ejecutadoAnterior",
  "observaciones",
] as const;
const GRUPOS: Record<string, string> = {
  programado: "Programación",
  ejecutado: "Ejecución",
  cualitativo: "Avance cualitativo",
};
const PREFIJOS: Record<string, string[]> = {
  programado: ["Programado", "Prog.", "Programación"],
  ejecutado: ["Ejecutado", "Ejec.", "Ejecución"],
  cualitativo: ["Cualitativo", "Avance cualitativo"],
};
const EXTRAS = ["Responsable", "Peso estratégico asignado", "% de avance", "Dependencia"] as const;

interface Disposicion {
  titulo: number;
  fila0: number;
  col0: number;
  sinonimos: number[];
  meses: "canonico" | "prefijo" | "agrupado-corto" | "agrupado-largo";
  orden: number[];
  comoTexto: boolean;
  extras: string[];
  quitar: string[];
  sinCualitativo: boolean;
  vacia: boolean;
  total: boolean;
  territorial: boolean;
}

const CAMPOS_PMR = Object.keys(HOJAS.pmr.campos).filter(
  (c) => HOJAS.pmr.plantilla.includes(c) && c !== "cualitativoActual",
);

const disposicion: fc.Arbitrary<Disposicion> = fc.record({
  titulo: fc.integer({ min: 0, max: 4 }),
  fila0: fc.integer({ min: 0, max: 3 }),
  col0: fc.integer({ min: 0, max: 3 }),
  sinonimos: fc.array(fc.nat({ max: 20 }), { minLength: CAMPOS_PMR.length, maxLength: CAMPOS_PMR.length }),
  meses: fc.constantFrom("canonico", "prefijo", "agrupado-corto", "agrupado-largo"),
  orden: fc.shuffledSubarray(
    CAMPOS_PMR.map((_, i) => i),
    { minLength: CAMPOS_PMR.length, maxLength: CAMPOS_PMR.length },
  ),
  comoTexto: fc.boolean(),
  extras: fc.subarray([...EXTRAS]),
  quitar: fc.subarray([...CAMPOS_OPCIONALES]),
  sinCualitativo: fc.boolean(),
  vacia: fc.boolean(),
  total: fc.boolean(),
  territorial: fc.boolean(),
});

/** Una hoja PMR desordenada con las filas dadas. */
function hojaDesordenada(filas: readonly ValoresFila[], d: Disposicion): GrillaHoja {
  const campos = d.orden.map((i) => CAMPOS_PMR[i]).filter((c) => !d.quitar.includes(c));
  const series = ["programado", "ejecutado", ...(d.sinCualitativo ? [] : ["cualitativo"])];
  const agrupado = d.meses.startsWith("agrupado");
  const arriba: unknown[] = [];
  const abajo: unknown[] = [];
  const claves: string[] = [];
  const combinadas: AreaCombinada[] = [];
  const columna = () => d.col0 + claves.length;
  for (const c of campos) {
    const lista = HOJAS.pmr.campos[c as keyof typeof HOJAS.pmr.campos].encabezados;
    const texto = lista[d.sinonimos[CAMPOS_PMR.indexOf(c)] % lista.length];
    if (agrupado) combinadas.push({ fila: d.fila0 + d.titulo, columna: columna(), filas: 2, columnas: 1 });
    arriba.push(agrupado ? texto : "");
    abajo.push(agrupado ? "" : texto);
    claves.push(c);
  }
  for (const s of series) {
    const prefijos = PREFIJOS[s];
    if (agrupado) combinadas.push({ fila: d.fila0 + d.titulo, columna: columna(), filas: 1, columnas: 12 });
    for (let m = 1; m <= 12; m++) {
      const mes = d.meses === "agrupado-largo" ? NOMBRES_MES_LARGOS[m - 1] : NOMBRES_MES[m - 1];
      arriba.push(agrupado && m === 1 ? GRUPOS[s] : "");
      const prefijo = d.meses === "prefijo" ? prefijos[(m + s.length) % prefijos.length] : prefijos[0];
      abajo.push(agrupado ? mes : `${prefijo} ${mes}`);
      claves.push(`${s}.${m}`);
    }
  }
  for (const x of d.extras) {
    if (agrupado) combinadas.push({ fila: d.fila0 + d.titulo, columna: columna(), filas: 2, columnas: 1 });
    arriba.push(agrupado ? x : "");
    abajo.push(agrupado ? "" : x);
    claves.push(`extra:${x}`);
  }
  const numericas = new Set(["ponderacion", "lineaBase", "metaPlan", "metaVigencia", "ejecutadoAnterior", "vigencia"]);
  const datos = filas.map((f, i) => {
    const base = filaDe(claves, f);
    return base.map((v, j) => {
      const k = claves[j];
      if (k.startsWith("extra:")) return k === "extra:Responsable" ? `Persona ${i + 1}` : i * 0.1;
      if (d.comoTexto && typeof v === "number" && (numericas.has(k) || /^(programado|ejecutado)\./.test(k)))
        return k === "ponderacion" ? `${textoColombiano(Math.round(v * 10000) / 100)} %` : textoColombiano(v);
      return v;
    });
  });
  if (d.vacia && datos.length > 1) datos.splice(1, 0, []);
  if (d.total) datos.push(claves.map((k, j) => (j === 0 ? "Total" : k === "metaVigencia" ? 999 : "")));
  const titulo = Array.from({ length: d.titulo }, (_, i) =>
    i === 0
      ? ["ALCALDÍA MAYOR DE BOGOTÁ — Plan de Metas y Resultados"]
      : i === 1
        ? ["Entidad: Secretaría de Ejemplo"]
        : [],
  );
  const encabezado = agrupado ? [arriba, abajo] : [abajo];
  return {
    nombre: "PMR",
    filaInicial: d.fila0,
    columnaInicial: d.col0,
    valores: [...titulo, ...encabezado, ...datos],
    ...(agrupado ? { combinadas } : {}),
  };
}

/** Hoja territorial con sinónimos: las localidades por nombre o número, metas como texto. */
function hojaTerritorial(filas: readonly ValoresFila[]): GrillaHoja {
  const codigos = filas.map((f) => f.codigo).filter((c): c is string => typeof c === "string" && c.trim() !== "");
  return {
    nombre: "Territorialización",
    valores: [
      ["Cód. indicador", "Nombre localidad", "Meta localidad", "Ejecución"],
      ...codigos.slice(0, 3).flatMap((c, i) => [
        [c, "Kennedy", "10", i === 0 ? "4,5" : 3],
        [c, 19, 5, ""],
        [c, "Chapinerito", 2, 1],
      ]),
    ],
  };
}

function libroDesordenado(filas: readonly ValoresFila[], d: Disposicion): LibroGrillas {
  const hojas = [hojaDesordenada(filas, d)];
  if (d.territorial) hojas.push(hojaTerritorial(filas));
  return { hojas };
}

// ---------------------------------------------------------------------------------------------

describe("normalizar da las mismas cifras y los mismos hallazgos", () => {
  test("el libro de ejemplo (por el .xlsx, ida y vuelta)", async () => {
    const original = await leerArchivoXlsx(EJEMPLO);
    const r = normalizarLibro(original);
    const escrito = await leerArchivoXlsx((await escribirLibroXlsx(r.libro)).archivo);
    comparar(original, escrito);
    expect(r.hojas.map((h) => [h.destino, h.filas])).toEqual(
      r.hojas.map((h) => [HOJAS[h.id].nombre, r.modelo[h.id] === null ? 0 : h.filas]),
    );
    expect(escrito.hojas.map((h) => h.nombre)).toEqual([...r.hojas.map((h) => h.destino), HOJA_CORRESPONDENCIA]);
  });

  // Las variantes del libro de ejemplo con que se prueba el lector (scripts/ejemplo): sinónimos,
  // meses bajo un grupo combinado de dos filas, tabla de Excel, bloque de título, hoja de
  // instrucciones antes; con todos los problemas sembrados (tendencia «Sumatoria», cifras con
  // coma decimal escritas como texto, pesos en texto…).
  test.each([
    { encabezados: "sinonimos", mesesEnDosFilas: true, tabla: false, titulo: true },
    { encabezados: "sinonimos", mesesEnDosFilas: false, tabla: true, titulo: false },
    { encabezados: "canonicos", mesesEnDosFilas: true, tabla: false, titulo: true },
    { encabezados: "ejemplo", mesesEnDosFilas: false, tabla: true, titulo: true },
  ] as const)(
    "el ejemplo con encabezados $encabezados, meses en dos filas $mesesEnDosFilas, tabla $tabla, título $titulo",
    async (o) => {
      const original = await leerArchivoXlsx(await ejemplo.libroEnMemoria({ ...o, problemas: true }));
      const r = normalizarLibro(original);
      comparar(original, await leerArchivoXlsx((await escribirLibroXlsx(r.libro)).archivo));
      expect(validar(original).hallazgos.length).toBeGreaterThanOrEqual(10);
    },
  );

  test("disposiciones desordenadas con filas plausibles (propiedad, en memoria)", () => {
    fc.assert(
      fc.property(disposicion, (d) => {
        const original = libroDesordenado(FILAS_EJEMPLO, d);
        comparar(original, grillasDe(normalizarLibro(original).libro));
      }),
      { numRuns: 150 },
    );
  });

  test("disposiciones desordenadas con cualquier contenido en las celdas (propiedad, en memoria)", () => {
    fc.assert(
      fc.property(fc.array(filaIndicador, { minLength: 1, maxLength: 6 }), disposicion, (filas, d) => {
        const original = libroDesordenado(filas, d);
        let normalizado: LibroGrillas;
        try {
          normalizado = grillasDe(normalizarLibro(original).libro);
        } catch (e) {
          // Sin hoja PMR legible no hay qué normalizar (lo dice el error).
          expect(e).toBeInstanceOf(ErrorNormalizar);
          expect(validar(original).modelo.pmr).toBeNull();
          return;
        }
        comparar(original, normalizado);
      }),
      { numRuns: 150 },
    );
  });

  test("unas disposiciones desordenadas por el .xlsx (escribirLibroXlsx y el lector de pmr validar)", async () => {
    await fc.assert(
      fc.asyncProperty(disposicion, async (d) => {
        const original = libroDesordenado(FILAS_EJEMPLO, d);
        const r = normalizarLibro(original);
        comparar(original, await leerArchivoXlsx((await escribirLibroXlsx(r.libro)).archivo));
      }),
      { numRuns: 8 },
    );
  });
});

describe("la hoja Correspondencia", () => {
  const d: Disposicion = {
    titulo: 2,
    fila0: 1,
    col0: 1,
    sinonimos: CAMPOS_PMR.map(() => 1),
    meses: "agrupado-largo",
    orden: CAMPOS_PMR.map((_, i) => i),
    comoTexto: true,
    extras: ["Responsable"],
    quitar: [],
    sinCualitativo: true,
    vacia: false,
    total: false,
    territorial: true,
  };
  const original = libroDesordenado(FILAS_EJEMPLO, d);
  const r = normalizarLibro(original);
  const hoja = r.libro.hojas.find((h) => h.nombre === HOJA_CORRESPONDENCIA)!;
  const filas = hoja.celdas.flatMap((b) => b.filas.map((f) => f.map((v) => (v === null ? "" : String(v)))));

  test("cada encabezado de origen con su celda y la columna canónica en que se convirtió", () => {
    expect(filas).toContainEqual([...ENCABEZADOS_CORRESPONDENCIA.columnas]);
    // «Cód. indicador» (sinónimo) en la fila de abajo del encabezado de dos filas: fila 1+2+1+1 = 5.
    const codigo = filas.find((f) => f[2] === "Cód. indicador" && f[0] === "PMR")!;
    expect(codigo.slice(3, 6)).toEqual(["PMR", "Código indicador", "F"]);
    expect(codigo[1]).toMatch(/^[A-Z]+4$/);
    // Un mes bajo el grupo combinado: el encabezado completo.
    const marzo = filas.find((f) => f[4] === "Ejecutado Mar")!;
    expect(marzo[2]).toBe("Ejecución marzo");
    // La columna que no es canónica se conserva con su encabezado.
    const responsable = filas.find((f) => f[2] === "Responsable")!;
    expect(responsable[4]).toBe("Responsable");
    expect(responsable[6]).toContain("se conserva");
    // La hoja territorial, hallada por sus encabezados, también.
    expect(filas.find((f) => f[0] === "Territorialización" && f[2] === "Nombre localidad")!.slice(3, 5)).toEqual([
      "PMR_Territorial",
      "Localidad",
    ]);
  });

  test("la fila y las celdas de origen de cada fila", () => {
    expect(filas).toContainEqual([...ENCABEZADOS_CORRESPONDENCIA.filas]);
    const deFilas = filas.filter((f) => f[0] === "PMR" && /^\d+$/.test(f[1]));
    expect(deFilas).toHaveLength(FILAS_EJEMPLO.length);
    // Título de 2 filas + encabezado de 2 filas, desde la fila 2 de la hoja: la primera fila de datos es la 6.
    expect(deFilas[0].slice(1, 4)).toEqual(["2", "PMR", "6"]);
    expect(deFilas[0][4]).toMatch(/^PMR!B6:[A-Z]+6$/);
    const canon = r.libro.hojas.find((h) => h.nombre === "PMR")!.celdas[0].filas;
    expect(canon.length - 1).toBe(FILAS_EJEMPLO.length);
    // Cada valor tal cual: las cifras con coma decimal siguen siendo texto.
    expect(canon[1]).toContain("4,5");
    expect(filaPmr(FILAS_EJEMPLO[0])).toContain(4.5);
  });
});

describe("lo que normalizar resuelve: los avisos sobre la disposición de origen", () => {
  /** Reglas de un hallazgo que está en uno y no en el otro. */
  async function diferencia(hojas: GrillaHoja[]): Promise<{ soloOriginal: string[]; soloNormalizado: string[] }> {
    const original = { hojas };
    const normalizado = await leerArchivoXlsx((await escribirLibroXlsx(normalizarLibro(original).libro)).archivo);
    const a = validar(original);
    const b = validar(normalizado);
    // Las cifras nunca cambian.
    expect(cifras(b)).toEqual(cifras(a));
    const ka = claves(a);
    const kb = claves(b);
    return {
      soloOriginal: ka.filter((k) => !kb.includes(k)).map((k) => k.split(" ")[0]),
      soloNormalizado: kb.filter((k) => !ka.includes(k)).map((k) => k.split(" ")[0]),
    };
  }

  test("la ejecución por trimestre queda en sus meses de cierre: ya no hay aviso de reporte periódico", async () => {
    const g = porPeriodos(
      grillaPmr(soloCierres(FILAS_TRIMESTRALES, "trimestral")),
      "ejecutado",
      "trimestral",
      (i) => `Ejecución T${i + 1}`,
    );
    expect(await diferencia([g])).toEqual({ soloOriginal: ["EST-REPORTE-PERIODICO"], soloNormalizado: [] });
  });

  test("los códigos dentro de los nombres pasan a su columna: ya no hay aviso de códigos en nombres", async () => {
    const g = grillaPmr(
      FILAS_EJEMPLO.map((f) => ({ ...f, nombre: `${String(f.codigo)}. ${String(f.nombre)}`, codigo: null })),
    );
    const sinCodigo = { ...g, valores: g.valores.map((f) => f.filter((_, c) => c !== col("codigo"))) };
    expect(await diferencia([sinCodigo])).toEqual({ soloOriginal: ["EST-CODIGOS-EN-NOMBRES"], soloNormalizado: [] });
  });

  test("una meta de otra vigencia («Meta 2024») se conserva a la derecha y se avisa como columna repetida", async () => {
    const g = conEncabezado(grillaPmr(FILAS_EJEMPLO), "metaVigencia", "Meta 2025");
    g.valores[0].push("Meta 2024");
    g.valores.slice(1).forEach((f) => f.push(7));
    expect(await diferencia([g])).toEqual({
      soloOriginal: ["EST-META-OTRA-VIGENCIA"],
      soloNormalizado: ["EST-COLUMNA-DUPLICADA"],
    });
  });
});
