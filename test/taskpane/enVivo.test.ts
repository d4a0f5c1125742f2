/** «Validar mientras escribe» en lógica pura (src/taskpane/enVivo.ts). */
import {
  VENTANA_PROPIA_MS,
  crearPausa,
  decidirCambio,
  hojasVigiladas,
  type Programar,
} from "../../src/taskpane/enVivo";

const base = { vigiladas: new Set(["pmr", "pmr_presupuesto"]), resaltando: false, finResaltado: null, ahora: 10_000 };

test("un cambio del usuario en una hoja del PMR pide validar (sin importar mayúsculas)", () => {
  expect(decidirCambio({ hoja: "PMR", propio: false }, base)).toBe("validar");
  expect(decidirCambio({ hoja: "pmr_Presupuesto", propio: false }, base)).toBe("validar");
});

test("lo del propio complemento no (triggerSource), ni en otra hoja", () => {
  expect(decidirCambio({ hoja: "PMR", propio: true }, base)).toBe("propio");
  expect(decidirCambio({ hoja: "Instrucciones", propio: false }, base)).toBe("otra-hoja");
  // Sin hoja PMR en la última validación, cualquier hoja puede ser la que falta.
  expect(decidirCambio({ hoja: "Hoja1", propio: false }, { ...base, vigiladas: null })).toBe("validar");
});

test("sin triggerSource (Excel anterior a 1.14): mientras resalta y poco después, se trata como propio", () => {
  expect(decidirCambio({ hoja: "PMR", propio: null }, { ...base, resaltando: true })).toBe("propio");
  const fin = base.ahora - VENTANA_PROPIA_MS + 1;
  expect(decidirCambio({ hoja: "PMR", propio: null }, { ...base, finResaltado: fin })).toBe("propio");
  expect(decidirCambio({ hoja: "PMR", propio: null }, { ...base, finResaltado: base.ahora - VENTANA_PROPIA_MS })).toBe(
    "validar",
  );
  // Un cambio que Excel atribuye al usuario nunca se ignora, aunque llegue mientras resalta.
  expect(decidirCambio({ hoja: "PMR", propio: false }, { ...base, resaltando: true })).toBe("validar");
});

test("hojas vigiladas: las del PMR que leyó la validación", () => {
  expect(hojasVigiladas(null)).toBeNull();
  expect(hojasVigiladas({ pmr: null, presupuesto: null, territorial: null })).toBeNull();
  const pmr = { nombre: "PMR 2025" } as never;
  expect(hojasVigiladas({ pmr, presupuesto: { nombre: "Recursos" } as never, territorial: null })).toEqual(
    new Set(["pmr 2025", "recursos"]),
  );
});

test("la pausa junta varios pedidos en una sola ejecución, después del último", () => {
  let ahora = 0;
  let tareas: { cuando: number; fn: () => void }[] = [];
  const programar: Programar = (fn, ms) => {
    const t = { cuando: ahora + ms, fn };
    tareas.push(t);
    return () => {
      tareas = tareas.filter((x) => x !== t);
    };
  };
  const avanzar = (ms: number) => {
    ahora += ms;
    const vencidas = tareas.filter((t) => t.cuando <= ahora);
    tareas = tareas.filter((t) => t.cuando > ahora);
    vencidas.forEach((t) => t.fn());
  };
  const fn = jest.fn();
  const pausa = crearPausa(programar, 400, fn);
  pausa.pedir();
  avanzar(300);
  pausa.pedir();
  avanzar(300);
  expect(fn).not.toHaveBeenCalled();
  expect(pausa.pendiente()).toBe(true);
  avanzar(100);
  expect(fn).toHaveBeenCalledTimes(1);
  expect(pausa.pendiente()).toBe(false);
  pausa.pedir();
  pausa.cancelar();
  avanzar(1000);
  expect(fn).toHaveBeenCalledTimes(1);
});
