/**
 * Propiedad: cambiar cualquier encabezado canónico de la hoja PMR por cualquier variante que el
 * lector acepta (sinónimos, palabras del campo con sus calificadores, mayúsculas, sin tildes,
 * guiones bajos, la unidad «(%)», el mes escrito de otra forma) no cambia ni las cifras ni los
 * hallazgos, con cualquier contenido en las filas.
 */
import fc from "fast-check";
import { HOJAS, NOMBRES_MES_LARGOS, normalizarTexto } from "../../src/domain";
import { leerModelo } from "../../src/workbook/lector";
import { CLAVES_PMR, grillaPmr } from "../../src/workbook/plantilla";
import { filaIndicador } from "./arbitrarios";
import { cifras, validar } from "./disposiciones";

const pmr = HOJAS.pmr;

/** Formas de escribir el mismo texto: mayúsculas, sin tildes, guiones bajos, con «(%)». */
function formas(texto: string): string[] {
  return [
    texto,
    texto.toUpperCase(),
    normalizarTexto(texto),
    texto.replace(/ /g, "_"),
    `  ${texto}  `,
    `${texto} (%)`,
    `${texto}:`,
  ];
}

/** Variantes aceptadas del encabezado de una clave de la plantilla. */
function variantes(clave: string): string[] {
  const [base, mes] = clave.split(".");
  const salida = new Set<string>();
  if (mes === undefined) {
    const def = pmr.campos[base as keyof typeof pmr.campos];
    const nucleos = [...def.encabezados, ...(def.nucleos ?? [])];
    for (const n of nucleos) {
      salida.add(n);
      for (const c of def.calificadores ?? []) {
        salida.add(`${n} ${c}`);
        salida.add(`${n} del ${c}`);
      }
    }
  } else {
    const m = Number(mes);
    const nombres = [NOMBRES_MES_LARGOS[m - 1], NOMBRES_MES_LARGOS[m - 1].slice(0, 3)];
    for (const p of pmr.series[base as keyof typeof pmr.series].prefijos)
      for (const n of nombres) {
        salida.add(`${p} ${n}`);
        salida.add(`${n} ${p}`);
        salida.add(`${p} de ${n}`);
      }
  }
  return [...salida].flatMap(formas);
}

const TODAS: [number, string][] = CLAVES_PMR.flatMap((clave, c) =>
  variantes(clave).map((v) => [c, v] as [number, string]),
);

describe("variantes de los encabezados", () => {
  it("hay variantes de cada columna de la plantilla (y no son pocas)", () => {
    expect(new Set(TODAS.map(([c]) => c)).size).toBe(CLAVES_PMR.length);
    expect(TODAS.length).toBeGreaterThan(2000);
  });

  it("cambiar un encabezado canónico por una variante aceptada no cambia cifras ni hallazgos", () => {
    fc.assert(
      fc.property(
        fc.array(filaIndicador, { minLength: 1, maxLength: 5 }),
        fc.constantFrom(...TODAS),
        fc.constantFrom(...TODAS),
        (filas, [c1, v1], [c2, v2]) => {
          const canonica = grillaPmr(filas);
          const variante = grillaPmr(filas);
          variante.valores[0][c1] = v1;
          if (c2 !== c1) variante.valores[0][c2] = v2;
          const a = validar(canonica);
          const b = validar(variante);
          expect(b.modelo.pmr!.columnas).toEqual(a.modelo.pmr!.columnas);
          expect(cifras(b)).toEqual(cifras(a));
          // Los mensajes que nombran la columna citan el encabezado tal como lo escribió el usuario
          // (EST-COLUMNA-TEXTO: «La columna «Meta del plan (%)» (M1) se leyó como «Meta plan»…»);
          // con el canónico en su lugar, todo lo demás es igual.
          const comoCanonico = (m: string) =>
            [
              [v1, canonica.valores[0][c1]],
              [v2, canonica.valores[0][c2]],
            ].reduce((t, [v, c]) => t.split(`«${String(v)}» (`).join(`«${String(c)}» (`), m);
          expect(b.hallazgos.map((h) => ({ ...h, mensaje: comoCanonico(h.mensaje) }))).toEqual(a.hallazgos);
        },
      ),
      { numRuns: 250 },
    );
  });

  it("cada variante, sola, se reconoce como su columna", () => {
    const esperadas = JSON.stringify(leerModelo({ hojas: [grillaPmr([])] }).pmr!.columnas);
    const fallas: string[] = [];
    for (const [c, v] of TODAS) {
      const g = grillaPmr([]);
      g.valores[0][c] = v;
      const modelo = leerModelo({ hojas: [g] });
      if (JSON.stringify(modelo.pmr!.columnas) !== esperadas || modelo.avisos!.length > 0)
        fallas.push(`${CLAVES_PMR[c]}: «${v}»`);
    }
    expect(fallas).toEqual([]);
  });

  it("un encabezado con palabras de un dato, reconocido o no, nunca cambia una cifra sin un hallazgo de Estructura", () => {
    // Palabras de los campos (las que hacen relevante un encabezado), calificadores, ruido, meses, periodos y años.
    const palabrasCampo = [
      "Meta",
      "Peso",
      "Ponderación",
      "Importancia",
      "Avance",
      "Ejecución",
      "Programación",
      "Línea base",
      "Meta plan",
      "Meta vigencia",
      "Vigencia",
      "Tendencia",
    ];
    const otras = [
      "relativo",
      "del indicador",
      "producto",
      "objetivo",
      "total",
      "anual",
      "estratégico",
      "asignado",
      "(%)",
      "2025",
      "2026",
      "2024-2027",
      "I Trimestre",
      "T3",
      "Q4",
      "Semestre 2",
      "marzo",
      "Dic",
      "nuevo",
      "del plan",
      "física",
    ];
    const encabezado = fc
      .tuple(fc.constantFrom(...palabrasCampo), fc.array(fc.constantFrom(...otras), { maxLength: 3 }))
      .map(([p, resto]) => [p, ...resto].join(" "));
    fc.assert(
      fc.property(
        fc.array(filaIndicador, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: CLAVES_PMR.length - 1 }),
        encabezado,
        (filas, c, texto) => {
          const canonica = grillaPmr(filas);
          const variante = grillaPmr(filas);
          variante.valores[0][c] = texto;
          const a = validar(canonica);
          const b = validar(variante);
          if (JSON.stringify(cifras(a)) === JSON.stringify(cifras(b))) return;
          const antes = new Set(a.hallazgos.map((h) => h.clave));
          const nuevos = b.hallazgos.filter((h) => h.categoria === "Estructura" && !antes.has(h.clave));
          expect(nuevos.map((h) => h.regla)).not.toEqual([]);
        },
      ),
      { numRuns: Number(process.env.PMR_CORRIDAS ?? 300) },
    );
  });
});
