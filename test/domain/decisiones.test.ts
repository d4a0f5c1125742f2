import {
  DecisionesSchema,
  SIN_DECISIONES,
  SIN_NOMBRE,
  aplicarDecisiones,
  decidir,
  decisionDe,
  problemaNota,
  vigente,
  type Decisiones,
} from "../../src/domain/decisiones";
import { claveHallazgo, type Hallazgo } from "../../src/domain/hallazgo";

const h = (regla: string, id: string, celda: string, mensaje = `Mensaje de ${id}`): Hallazgo => ({
  regla,
  categoria: "Seguimiento",
  severidad: "error",
  mensaje,
  hoja: "PMR",
  celda,
  clave: claveHallazgo(regla, id),
});

const T1 = new Date("2026-03-01T10:00:00Z");
const T2 = new Date("2026-04-01T10:00:00Z");
const T3 = new Date("2026-05-01T10:00:00Z");

function decidido(
  base: Decisiones,
  x: Hallazgo,
  decision: "Justificado" | "En gestión" | "Descartado" | "Pendiente",
  nota: string,
  ahora = T1,
  autor: string | null = "Ana",
) {
  const r = decidir(base, x, { decision, nota, autor, ahora });
  if (!r.ok) throw new Error(r.problema);
  return r.decisiones;
}

describe("notas", () => {
  test.each([
    ["Justificado", "", true],
    ["Justificado", "corta", true],
    ["Justificado", "         123456789         ", true],
    ["Justificado", "1234567890", false],
    ["Descartado", "Falso positivo", false],
    ["Descartado", "nueve car", true],
    ["En gestión", "", false],
    ["Pendiente", "", false],
  ] as const)("%s con «%s» → problema: %s", (d, nota, hay) => {
    expect(problemaNota(d, nota) !== null).toBe(hay);
  });

  test("decidir rechaza Justificado sin nota suficiente y no cambia nada", () => {
    const r = decidir(SIN_DECISIONES, h("SEG-X", "I1", "K5"), {
      decision: "Justificado",
      nota: "ok",
      autor: null,
      ahora: T1,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problema).toMatch(/al menos 10 caracteres/);
    expect(SIN_DECISIONES.decisiones).toEqual({});
  });

  test("el esquema rechaza una nota corta guardada a mano en el libro", () => {
    const x = h("SEG-X", "I1", "K5");
    const d = decidido(SIN_DECISIONES, x, "Justificado", "Contrato firmado en junio");
    d.decisiones[x.clave].historial[0].nota = "corta";
    const r = DecisionesSchema.safeParse(d);
    expect(r.success).toBe(false);
  });
});

describe("historial", () => {
  test("quién, qué y cuándo; sin nombre si Office no lo da", () => {
    const x = h("SEG-X", "I1", "K5");
    let d = decidido(SIN_DECISIONES, x, "En gestión", "", T1, "  ");
    d = decidido(d, x, "Justificado", "  Contrato firmado en junio  ", T2, "Ana Pérez");
    const g = d.decisiones[x.clave];
    expect(g.historial).toEqual([
      { decision: "En gestión", nota: "", autor: SIN_NOMBRE, fecha: T1.toISOString() },
      { decision: "Justificado", nota: "Contrato firmado en junio", autor: "Ana Pérez", fecha: T2.toISOString() },
    ]);
    expect(vigente(g).decision).toBe("Justificado");
    expect(DecisionesSchema.parse(d)).toEqual(d);
  });

  test("fijar lo mismo otra vez no agrega al historial; Pendiente sin nota en uno nuevo no guarda nada", () => {
    const x = h("SEG-X", "I1", "K5");
    const d = decidido(SIN_DECISIONES, x, "Descartado", "Falso positivo del lector");
    expect(decidido(d, x, "Descartado", "Falso positivo del lector", T2)).toBe(d);
    expect(decidido(SIN_DECISIONES, x, "Pendiente", "")).toBe(SIN_DECISIONES);
  });
});

describe("aplicar decisiones", () => {
  const a = h("SEG-A", "I1", "K5");
  const b = h("SEG-B", "I2", "K6");
  const c = h("SEG-C", "I3", "K7");

  test("abiertos (Pendiente, En gestión) y cerrados (Justificado, Descartado), en su orden", () => {
    let d = decidido(SIN_DECISIONES, a, "Justificado", "Sobrecumplimiento por donación");
    d = decidido(d, b, "En gestión", "");
    const r = aplicarDecisiones([a, b, c], d, T2);
    expect(r.abiertos).toEqual([b, c]);
    expect(r.cerrados).toEqual([a]);
    expect(r.actualizadas).toBeNull();
    expect(decisionDe(r.porClave, a)).toMatchObject({
      decision: "Justificado",
      nota: "Sobrecumplimiento por donación",
    });
    expect(decisionDe(r.porClave, c)).toMatchObject({ decision: "Pendiente", nota: "", guardada: null });
  });

  test("otra redacción y otra celda (filas insertadas): la decisión sigue a la clave y la huella se pone al día", () => {
    const d = decidido(SIN_DECISIONES, a, "Justificado", "Sobrecumplimiento por donación");
    const movido = { ...a, celda: "K9", mensaje: "Texto nuevo del mismo problema" };
    const r = aplicarDecisiones([movido], d, T2);
    expect(r.cerrados).toEqual([movido]);
    expect(r.actualizadas!.decisiones[a.clave].hallazgo).toMatchObject({
      celda: "K9",
      mensaje: "Texto nuevo del mismo problema",
    });
    expect(r.actualizadas!.decisiones[a.clave].historial).toEqual(d.decisiones[a.clave].historial);
  });

  test("otra identidad es otra clave: no hereda la decisión", () => {
    const d = decidido(SIN_DECISIONES, a, "Justificado", "Sobrecumplimiento por donación");
    const otro = h("SEG-A", "I9", "K5", a.mensaje);
    const r = aplicarDecisiones([otro], d, T2);
    expect(r.abiertos).toEqual([otro]);
    expect(r.cerrados).toEqual([]);
    expect(r.resueltos.map((x) => x.clave)).toEqual([a.clave]);
  });

  test("un decidido que desaparece es resuelto con la fecha en que desapareció; si vuelve, se reabre con su decisión", () => {
    const d = decidido(SIN_DECISIONES, a, "Justificado", "Sobrecumplimiento por donación");
    const r1 = aplicarDecisiones([b], d, T2);
    expect(r1.resueltos).toEqual([
      expect.objectContaining({
        clave: a.clave,
        decision: "Justificado",
        desaparecido: T2.toISOString(),
        registrado: false,
      }),
    ]);
    const guardado = r1.actualizadas!;
    expect(guardado.decisiones[a.clave].desaparecido).toBe(T2.toISOString());
    // Otra validación después: la fecha es la guardada, no la de ahora, y no hay que escribir.
    const r2 = aplicarDecisiones([b], guardado, T3);
    expect(r2.resueltos[0]).toMatchObject({ desaparecido: T2.toISOString(), registrado: true });
    expect(r2.actualizadas).toBeNull();
    // Vuelve a aparecer: sigue justificado y deja de estar desaparecido.
    const r3 = aplicarDecisiones([a, b], guardado, T3);
    expect(r3.cerrados).toEqual([a]);
    expect(r3.resueltos).toEqual([]);
    expect(r3.actualizadas!.decisiones[a.clave].desaparecido).toBeNull();
  });

  test("una clave que se llama como una propiedad de Object no engaña", () => {
    const raro = { ...a, clave: "constructor" };
    expect(aplicarDecisiones([raro], SIN_DECISIONES, T1).abiertos).toEqual([raro]);
  });
});
