/** «Decididos» en el informe de texto y en el JSON de `pmr validar`: conteos, marcas y resueltos. */
import { reaplicarDecisiones } from "../../src/casos/decisionesInforme";
import { validarLibro } from "../../src/casos/validar";
import { informeJson } from "../../src/cli/informeJson";
import { informeTexto } from "../../src/cli/informeTexto";
import { CONFIGURACION_POR_DEFECTO } from "../../src/domain/configuracion";
import { SIN_DECISIONES, decidir, diaDecision, type Decisiones } from "../../src/domain/decisiones";
import type { Hallazgo } from "../../src/domain/hallazgo";
import { grillasFlujo } from "../e2e/libro-flujo";

const BASE = validarLibro(grillasFlujo(), CONFIGURACION_POR_DEFECTO);
const T = new Date("2026-10-05T14:00:00Z");

function con(d: Decisiones, h: Hallazgo, decision: "Justificado" | "En gestión" | "Descartado", nota: string) {
  const r = decidir(d, h, { decision, nota, autor: "Luz", ahora: T });
  if (!r.ok) throw new Error(r.problema);
  return r.decisiones;
}

const [a, b] = BASE.hallazgos;
const fantasma: Hallazgo = { ...a, clave: "ya-no-esta", celda: "Q99", mensaje: "Un hallazgo que se corrigió." };
let d = con(SIN_DECISIONES, a, "Justificado", "Causa documentada en el acta 12");
d = con(d, b, "En gestión", "");
d = con(d, fantasma, "Descartado", "Era un falso positivo");
const informe = reaplicarDecisiones(BASE, d, T);
const todos = reaplicarDecisiones({ ...BASE, decisiones: { ...BASE.decisiones, todos: true } }, d, T);

test("texto: sección «Decididos» con conteos y los resueltos con su fecha; los cerrados no se listan sin --todos", () => {
  const t = informeTexto("x.xlsx", informe, { color: false, indicadores: false });
  const desde = t.indexOf("\nDecididos\n");
  expect(desde).toBeGreaterThan(0);
  const seccion = t.slice(desde);
  expect(seccion).toContain("En gestión: 1 · Justificados: 1 · Descartados: 0 · Resueltos: 1");
  expect(seccion).toContain(
    `PMR!Q99  Descartado  desde ${diaDecision(T.toISOString())}  ${a.regla}: Un hallazgo que se corrigió.`,
  );
  expect(diaDecision(T.toISOString())).toMatch(/2026/);
  expect(seccion).toContain("«--todos» los lista");
  expect(t.slice(0, desde)).not.toContain(a.mensaje);
  expect(t.slice(0, desde)).toContain(`[En gestión] ${b.mensaje.split("\n")[0]}`);
});

test("texto con --todos: el justificado aparece marcado y el resumen no lo cuenta", () => {
  const t = informeTexto("x.xlsx", todos, { color: false, indicadores: false });
  expect(t).toContain(`[Justificado] ${a.mensaje.split("\n")[0]}`);
  expect(todos.resumen).toEqual(informe.resumen);
});

test("sin decisiones no hay sección «Decididos»", () => {
  expect(informeTexto("x.xlsx", BASE, { color: false, indicadores: false })).not.toContain("Decididos");
});

test("JSON: decision y nota por hallazgo; decididos con conteos y resueltos", () => {
  const j = informeJson("x.xlsx", todos);
  expect(j.hallazgos.find((h) => h.clave === a.clave)).toMatchObject({
    decision: "Justificado",
    nota: "Causa documentada en el acta 12",
  });
  expect(j.hallazgos.find((h) => h.clave === b.clave)).toMatchObject({ decision: "En gestión", nota: null });
  expect(j.decididos).toEqual({
    enGestion: 1,
    justificados: 1,
    descartados: 0,
    resueltos: [
      {
        regla: a.regla,
        categoria: a.categoria,
        severidad: a.severidad,
        mensaje: "Un hallazgo que se corrigió.",
        hoja: a.hoja,
        celda: "Q99",
        clave: "ya-no-esta",
        decision: "Descartado",
        nota: "Era un falso positivo",
        desaparecido: T.toISOString(),
      },
    ],
  });
  expect(j.resumen).toEqual(informe.resumen);
});
