/**
 * Propiedad de las reglas de Cierre (issue 12, punto 4): para cualquier libro sellado y cualquier
 * conjunto de ediciones (valores de las series y campos de programación, en meses sellados o no)
 * y cualquier reordenamiento de las filas, los hallazgos de Cierre son exactamente los valores
 * sellados editados, cada uno en la celda actual del valor editado.
 */
import fc from "fast-check";
import { CAMPOS_PROGRAMACION, type CampoProgramacion } from "../../src/domain/comparacion";
import { celdaIndicador, type Indicador } from "../../src/domain";
import { sellarEvaluacion } from "../../src/domain/sellos";
import { REGLAS, ejecutarReglas } from "../../src/rules/registro";
import { configuracion, evaluacionDe, indicador, modelo } from "./fabrica";

const CIERRE = REGLAS.filter((r) => r.meta.categoria === "Cierre");
const SERIES = ["programado", "ejecutado", "cualitativo"] as const;

type Edicion =
  | { tipo: "serie"; i: number; serie: (typeof SERIES)[number]; mes: number; valor: number | string | null }
  | { tipo: "programacion"; i: number; campo: CampoProgramacion; valor: number | string | null };

const numero = fc.option(fc.oneof(fc.integer({ min: -50, max: 5000 }), fc.double({ min: 0, max: 2, noNaN: true })), {
  nil: null,
});
const texto = fc.option(fc.string({ minLength: 1, maxLength: 40 }), { nil: null });

const filaArb = fc.record({
  metaVigencia: numero,
  metaPlan: numero,
  lineaBase: numero,
  ponderacion: numero,
  tendencia: fc.constantFrom("SUMA", "CRECIENTE", "CONSTANTE", "DECRECIENTE", null),
  periodicidad: fc.constantFrom("MENSUAL", "TRIMESTRAL", "ANUAL", null),
  programado: fc.array(numero, { minLength: 12, maxLength: 12 }),
  ejecutado: fc.array(numero, { minLength: 12, maxLength: 12 }),
  cualitativo: fc.array(texto, { minLength: 12, maxLength: 12 }),
});

/** El valor de lo editado, en la forma del modelo. */
function aplicar(ind: Indicador, e: Edicion): Indicador {
  if (e.tipo === "serie") {
    const s = [...ind[e.serie]] as (number | string | null)[];
    s[e.mes - 1] = e.valor;
    return { ...ind, [e.serie]: s } as Indicador;
  }
  if (e.campo === "tendencia") return { ...ind, tendencia: e.valor as Indicador["tendencia"], tendenciaTexto: null };
  if (e.campo === "periodicidad")
    return { ...ind, periodicidad: e.valor as Indicador["periodicidad"], periodicidadTexto: null };
  return { ...ind, [e.campo]: e.valor } as Indicador;
}

function valorDe(ind: Indicador, e: Edicion): unknown {
  if (e.tipo === "serie") return ind[e.serie][e.mes - 1];
  return ind[e.campo];
}

test("los hallazgos de Cierre son exactamente los valores sellados editados, en su celda actual", () => {
  fc.assert(
    fc.property(
      fc.array(filaArb, { minLength: 1, maxLength: 8 }),
      fc.integer({ min: 1, max: 12 }),
      fc.array(
        fc.oneof(
          fc.record({
            tipo: fc.constant("serie" as const),
            i: fc.nat(7),
            serie: fc.constantFrom(...SERIES),
            mes: fc.integer({ min: 1, max: 12 }),
            valor: fc.oneof(numero, texto),
          }),
          fc.record({
            tipo: fc.constant("programacion" as const),
            i: fc.nat(7),
            campo: fc.constantFrom(...CAMPOS_PROGRAMACION),
            valor: numero,
          }),
        ),
        { maxLength: 10 },
      ),
      fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
      (filas, mes, ediciones, azar) => {
        const originales = filas.map((f, k) =>
          indicador({
            ...f,
            codigo: `C${k}`,
            tendenciaTexto: null,
            periodicidadTexto: null,
          } as Partial<Indicador>),
        );
        const m0 = modelo({ indicadores: originales });
        const c = configuracion({ vigencia: 2025 });
        const sello = sellarEvaluacion(evaluacionDe(m0, c), {
          mes,
          fecha: "2025-07-01T00:00:00Z",
          nota: "",
          hoja: "PMR",
        });

        // Ediciones con el tipo de cada campo (números en programado/ejecutado, textos en cualitativo).
        let editados = originales.map((x) => ({ ...x }));
        for (const e of ediciones) {
          if (e.i >= editados.length) continue;
          const valor =
            e.tipo === "serie" && e.serie === "cualitativo"
              ? typeof e.valor === "string" || e.valor === null
                ? e.valor
                : `t${e.valor}`
              : typeof e.valor === "string"
                ? e.valor.length
                : e.valor;
          const ed = { ...e, valor } as Edicion;
          if (ed.tipo === "programacion" && (ed.campo === "tendencia" || ed.campo === "periodicidad"))
            ed.valor = ed.campo === "tendencia" ? (ed.valor === null ? null : "CRECIENTE") : null;
          editados[e.i] = aplicar(editados[e.i], ed);
        }
        // Lo que de verdad cambió respecto de lo sellado (una edición puede dejar el mismo valor).
        const esperados = new Set<string>();
        editados.forEach((ind, k) => {
          const o = originales[k];
          for (const campo of CAMPOS_PROGRAMACION) {
            const e: Edicion = { tipo: "programacion", i: k, campo, valor: null };
            if (valorDe(ind, e) !== valorDe(o, e)) esperados.add(`${k}|${campo}|`);
          }
          for (const serie of SERIES)
            for (let mm = 1; mm <= mes; mm++) {
              const a = o[serie][mm - 1];
              const b = ind[serie][mm - 1];
              const norm = (v: unknown) => (typeof v === "string" ? v.trim() || null : v);
              if (norm(a) !== norm(b)) esperados.add(`${k}|${serie}|${mm}`);
            }
        });

        // Reordenar las filas (y dejarlas más abajo).
        const orden = editados.map((_x, k) => k);
        for (let k = orden.length - 1; k > 0; k--) {
          const r = Math.floor(azar.next().value! * (k + 1)) % (k + 1);
          [orden[k], orden[r]] = [orden[r], orden[k]];
        }
        editados = orden.map((k, pos) => ({ ...editados[k], fila: 10 + pos }));
        const m1 = modelo({ indicadores: editados });
        const hallazgos = ejecutarReglas(m1, evaluacionDe(m1, c), c, CIERRE, {
          problemas: [],
          sellos: { sellos: [sello], ilegibles: [] },
        });
        const hoja = m1.pmr!;
        const celdas = new Set<string>();
        for (const clave of esperados) {
          const [k, campo, mm] = clave.split("|");
          const ind = editados.find((x) => x.codigo === `C${k}`)!;
          celdas.add(celdaIndicador(hoja, ind.fila, campo as "programado", mm ? Number(mm) : undefined));
        }
        expect(
          hallazgos
            .map((h) => h.regla)
            .every((r) => r === "CIE-VALOR-SELLADO-CAMBIADO" || r === "CIE-PROGRAMACION-CAMBIADA"),
        ).toBe(true);
        expect(hallazgos).toHaveLength(esperados.size);
        expect(new Set(hallazgos.map((h) => h.celda))).toEqual(celdas);
      },
    ),
    { numRuns: 300 },
  );
});
