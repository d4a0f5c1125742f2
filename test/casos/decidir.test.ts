/**
 * Decisiones sobre hallazgos de punta a punta con el caso de uso (PMR-SPEC §6.3): se decide en el
 * panel (almacén del Excel falso), se valida otra vez, se cierra y se abre el libro, se insertan
 * filas arriba, se cambia el problema; y `pmr validar` sobre el archivo guardado sale con 0 cuando
 * todos los errores que quedan están decididos, y los lista en «Decididos».
 */
import { promises as fs } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import {
  ErrorDecision,
  fijarDecision,
  registrarCambiosDeDecisiones,
  separarPorDecision,
} from "../../src/casos/decidir";
import { validar, type PuertosValidacion } from "../../src/casos/validar";
import { main, type Entorno } from "../../src/cli/main";
import type { Hallazgo } from "../../src/domain";
import { crearAlmacenExcel } from "../../src/hosts/excel";
import { agregarPartesXml, leerArchivoXlsx } from "../../src/hosts/xlsx";
import type { LibroGrillas } from "../../src/workbook/grilla";
import { RANURA_DECISIONES } from "../../src/workbook/almacen";
import { crearLibroFalso } from "../fakes/excel-falso";
import { quitarAnfitrion, usarLibro } from "../hosts/excel/ayudas";

const EJEMPLO = path.resolve(__dirname, "..", "..", "ejemplos", "pmr-ejemplo.xlsx");
const T1 = new Date("2026-06-30T15:00:00Z");
const T2 = new Date("2026-07-31T15:00:00Z");

afterEach(() => quitarAnfitrion());

let grillas: LibroGrillas;
beforeAll(async () => {
  grillas = await leerArchivoXlsx(EJEMPLO);
});

/** Un libro del Excel falso con estas grillas y, si se dan, las partes XML guardadas. */
function abrir(g: LibroGrillas, partesXml?: readonly { xml: string; id?: string }[]) {
  const libro = crearLibroFalso({ hojas: g.hojas, partesXml });
  const almacen = crearAlmacenExcel({ ejecutar: usarLibro(libro) });
  const puertos: PuertosValidacion = { leerLibro: () => Promise.resolve(g), almacen };
  return { libro, almacen, puertos };
}

/** La hoja PMR con `n` filas vacías insertadas arriba (todo baja `n` filas). */
function conFilasArriba(g: LibroGrillas, n: number): LibroGrillas {
  return {
    ...g,
    hojas: g.hojas.map((h) =>
      h.nombre !== "PMR"
        ? h
        : {
            ...h,
            filaInicial: (h.filaInicial ?? 0) + n,
            combinadas: h.combinadas?.map((a) => ({ ...a, fila: a.fila + n })),
          },
    ),
  };
}

/** La hoja PMR con un texto de celda cambiado por otro. */
function conTexto(g: LibroGrillas, de: string, a: string): LibroGrillas {
  return {
    ...g,
    hojas: g.hojas.map((h) =>
      h.nombre !== "PMR" ? h : { ...h, valores: h.valores.map((f) => f.map((v) => (v === de ? a : v))) },
    ),
  };
}

const tendencia = (hs: readonly Hallazgo[]) => hs.find((h) => h.regla === "MET-TENDENCIA-INVALIDA");

describe("decidir y volver a validar", () => {
  test("justificado: sale de los abiertos, de los conteos y del resaltado; se conserva al validar, al cerrar y abrir, y con filas insertadas arriba", async () => {
    const { libro, almacen, puertos } = abrir(grillas);
    const antes = await validar(puertos, { ahora: T1 });
    const h = tendencia(antes.hallazgos)!;
    expect(h.celda).toBe("I32");
    const resaltados: string[] = [];
    await fijarDecision({ almacen, autor: () => "Ana Pérez", ahora: () => T1 }, h, {
      decision: "Justificado",
      nota: "«Sumatoria» es la tendencia SUMA del contrato 123",
    });

    const despues = await validar(
      { ...puertos, resaltar: async (hs) => void resaltados.push(...hs.map((x) => x.celda)) },
      { ahora: T2 },
    );
    expect(tendencia(despues.hallazgos)).toBeUndefined();
    expect(despues.resumen.errores).toBe(antes.resumen.errores - 1);
    expect(despues.decisiones.cerrados.map((x) => x.clave)).toEqual([h.clave]);
    expect(despues.decisiones.conteo).toEqual({ enGestion: 0, justificados: 1, descartados: 0, resueltos: 0 });
    expect(resaltados).not.toContain("I32");
    expect(resaltados.length).toBe(despues.hallazgos.length);

    // Con «todos» se lista, con su decisión, pero sigue sin contar.
    const todos = await validar(puertos, { todos: true });
    expect(tendencia(todos.hallazgos)?.clave).toBe(h.clave);
    expect(todos.resumen).toEqual(despues.resumen);

    // Cerrar y abrir: el archivo guardado lleva la decisión.
    const guardado = libro.guardar();
    const reabierto = abrir(grillas, guardado.partesXml);
    const r = await validar(reabierto.puertos);
    expect(tendencia(r.hallazgos)).toBeUndefined();
    const g = r.decisiones.porClave.get(h.clave)!;
    expect(g.historial).toEqual([
      {
        decision: "Justificado",
        nota: "«Sumatoria» es la tendencia SUMA del contrato 123",
        autor: "Ana Pérez",
        fecha: T1.toISOString(),
      },
    ]);

    // Tres filas insertadas arriba: el hallazgo está en I35, con la misma clave y la misma decisión.
    const movido = abrir(conFilasArriba(grillas, 3), guardado.partesXml);
    const m = await validar(movido.puertos, { todos: true, registrarDecisiones: true });
    const hm = tendencia(m.hallazgos)!;
    expect(hm.celda).toBe("I35");
    expect(hm.clave).toBe(h.clave);
    expect(m.decisiones.cerrados).toEqual([hm]);
    expect(m.resumen.errores).toBe(despues.resumen.errores);
    // Lo guardado se puso al día con la celda nueva (para listarlo si después desaparece).
    expect((await movido.almacen.leer(RANURA_DECISIONES)).datos!.decisiones[h.clave].hallazgo.celda).toBe("I35");
  });

  test("otro problema (otra identidad): la decisión no se arrastra; la anterior queda resuelta con su fecha", async () => {
    const { libro, almacen, puertos } = abrir(grillas);
    const h = tendencia((await validar(puertos)).hallazgos)!;
    await fijarDecision({ almacen, ahora: () => T1 }, h, { decision: "Descartado", nota: "Lo corrige la entidad" });

    // El indicador cambia de código: es otro hallazgo, con otra clave, pendiente.
    const otro = abrir(conTexto(grillas, "IP5.1.2", "IP5.1.9"), libro.guardar().partesXml);
    const r = await validar(otro.puertos, { ahora: T2, registrarDecisiones: true });
    const nuevo = tendencia(r.hallazgos)!;
    expect(nuevo.clave).not.toBe(h.clave);
    expect(r.decisiones.porClave.has(nuevo.clave)).toBe(false);
    expect(r.resumen.errores).toBe((await validar(puertos)).resumen.errores + 1);
    expect(r.decisiones.resueltos).toEqual([
      expect.objectContaining({
        clave: h.clave,
        decision: "Descartado",
        desaparecido: T2.toISOString(),
        registrado: false,
      }),
    ]);
    // El panel registró la fecha en que desapareció: la próxima validación la da guardada.
    const guardada = (await otro.almacen.leer(RANURA_DECISIONES)).datos!.decisiones[h.clave];
    expect(guardada.desaparecido).toBe(T2.toISOString());
    const r2 = await validar(otro.puertos, { ahora: new Date("2026-09-01T00:00:00Z") });
    expect(r2.decisiones.resueltos[0]).toMatchObject({ desaparecido: T2.toISOString(), registrado: true });
  });

  test("registrar lo puesto al día no pisa una decisión fijada mientras se validaba", async () => {
    const { almacen, puertos } = abrir(grillas);
    const inicial = await validar(puertos);
    const [a, b] = inicial.hallazgos;
    await fijarDecision({ almacen, ahora: () => T1 }, a, { decision: "Justificado", nota: "Justificación suficiente" });
    // Una validación sin «a» (se corrigió) leyó lo guardado…
    const sinA = inicial.hallazgos.filter((x) => x.clave !== a.clave);
    const lectura = await almacen.leer(RANURA_DECISIONES);
    const d = separarPorDecision(sinA, lectura, { ahora: T2 }).decisiones;
    expect(d.actualizadas).not.toBeNull();
    // …y mientras tanto el analista decidió «b».
    await fijarDecision({ almacen, ahora: () => T2 }, b, { decision: "En gestión", nota: "" });
    await expect(registrarCambiosDeDecisiones(almacen, d, sinA, T2)).resolves.toEqual({
      escrito: true,
      problema: null,
    });
    const final = (await almacen.leer(RANURA_DECISIONES)).datos!.decisiones;
    expect(final[a.clave].desaparecido).toBe(T2.toISOString());
    expect(final[b.clave].historial.map((c) => c.decision)).toEqual(["En gestión"]);
  });

  test("sin nota suficiente no se guarda nada", async () => {
    const { almacen, puertos, libro } = abrir(grillas);
    const h = tendencia((await validar(puertos)).hallazgos)!;
    await expect(fijarDecision({ almacen }, h, { decision: "Justificado", nota: "porque sí" })).rejects.toThrow(
      ErrorDecision,
    );
    expect(libro.guardar().partesXml ?? []).toEqual([]);
  });

  test("lo guardado dañado es un hallazgo y no se escribe encima al validar", async () => {
    const { almacen, puertos, libro } = abrir(grillas);
    const h = tendencia((await validar(puertos)).hallazgos)!;
    await fijarDecision({ almacen }, h, { decision: "Justificado", nota: "Justificación suficiente" });
    const partes = libro.guardar().partesXml!.map((p) => ({ ...p, xml: p.xml.replace("Justificado", "Aprobado") }));
    const danado = abrir(grillas, partes);
    const r = await validar(danado.puertos, { registrarDecisiones: true });
    expect(r.hallazgos.some((x) => x.regla === "EST-DATOS-GUARDADOS" && /decisiones/.test(x.mensaje))).toBe(true);
    expect(tendencia(r.hallazgos)).toBeDefined();
    expect(danado.libro.guardar().partesXml).toEqual(partes);
  });
});

function entorno(): Entorno & { salida(): string } {
  let out = "";
  return {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: () => true },
    env: {},
    salida: () => out,
  };
}

test("guardado con el adaptador de Excel (falso) y leído por pmr: salida 0 con todos los errores decididos, listados en «Decididos»", async () => {
  const { libro, almacen, puertos } = abrir(grillas);
  const inicial = await validar(puertos);
  const errores = inicial.hallazgos.filter((h) => h.severidad === "error");
  expect(errores.length).toBeGreaterThan(2);
  for (const [i, h] of errores.entries()) {
    await fijarDecision({ almacen, ahora: () => T1 }, h, {
      decision: i % 2 === 0 ? "Justificado" : "Descartado",
      nota: `Nota número ${i} con la causa documentada`,
    });
  }
  const carpeta = await fs.mkdtemp(path.join(tmpdir(), "pmr-decisiones-"));
  const archivo = path.join(carpeta, "decidido.xlsx");
  const partes = libro.guardar().partesXml!.map((p) => p.xml);
  await fs.writeFile(archivo, await agregarPartesXml(await fs.readFile(EJEMPLO), partes));
  const antesDeLeer = await fs.readFile(archivo);

  const sin = entorno();
  expect(await main(["validar", EJEMPLO], sin)).toBe(1);

  const texto = entorno();
  expect(await main(["validar", archivo], texto)).toBe(0);
  const t = texto.salida();
  expect(t).toMatch(/Decididos/);
  expect(t).toContain(`Justificados: ${Math.ceil(errores.length / 2)}`);
  expect(t).toContain(`Descartados: ${Math.floor(errores.length / 2)}`);
  expect(t).not.toContain("I32");

  const json = entorno();
  expect(await main(["validar", archivo, "--formato", "json", "--todos"], json)).toBe(0);
  const doc = JSON.parse(json.salida()) as {
    resumen: { errores: number };
    hallazgos: { clave: string; severidad: string; decision: string; nota: string | null }[];
  };
  expect(doc.resumen.errores).toBe(0);
  const decididos = doc.hallazgos.filter((h) => h.severidad === "error");
  expect(decididos.map((h) => h.clave).sort()).toEqual(errores.map((h) => h.clave).sort());
  expect(decididos.every((h) => h.decision !== "Pendiente" && (h.nota ?? "").startsWith("Nota número"))).toBe(true);
  expect(
    doc.hallazgos.filter((h) => h.severidad !== "error").every((h) => h.decision === "Pendiente" && h.nota === null),
  ).toBe(true);
  // pmr validar no escribe en el libro.
  expect((await fs.readFile(archivo)).equals(antesDeLeer)).toBe(true);
});
