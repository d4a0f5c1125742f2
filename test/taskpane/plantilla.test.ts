/**
 * Las acciones «Crear plantilla» y «Normalizar» del panel con el Excel falso: agregan hojas al
 * libro abierto sin tocar las del usuario, preguntan antes de reemplazar las del complemento y
 * dicen en español qué pasó.
 */
import { crearLibroFalso, type LibroFalso } from "../fakes/excel-falso";
import { inspeccionarEscritura } from "../fakes/escritura-falsa";
import type { Ejecutar } from "../../src/hosts/excel";
import {
  crearPlantillaEnLibro,
  escucharSolicitudes,
  normalizarEnLibro,
  solicitar,
  tomarSolicitud,
  vigenciaDeTexto,
} from "../../src/taskpane/plantilla";
import { validarLibro } from "../../src/casos/validar";
import { CONFIGURACION_POR_DEFECTO } from "../../src/domain/configuracion";
import { grillaPmr } from "../../src/workbook/plantilla";
import { FILAS_EJEMPLO } from "../workbook/ayudas";

function libroConPmr(): LibroFalso {
  const g = grillaPmr(FILAS_EJEMPLO);
  return crearLibroFalso({
    hojas: [
      { nombre: "Portada", celdas: { A1: "Secretaría de Ejemplo" } },
      { nombre: "PMR", valores: [["Seguimiento PMR 2025"], [], ...g.valores] },
    ],
    activa: "PMR",
  });
}

afterEach(() => jest.restoreAllMocks());

const ejecutarDe = (l: LibroFalso) => l.run as unknown as Ejecutar;

describe("crear la plantilla en el libro abierto", () => {
  test("agrega las tres hojas; la hoja PMR del usuario no se toca y la de la plantilla va con «(2)»", async () => {
    const l = libroConPmr();
    const antes = l.instantaneaCeldas("PMR");
    const preguntas: string[][] = [];
    const aviso = await crearPlantillaEnLibro(
      2026,
      async (n) => {
        preguntas.push([...n]);
        return true;
      },
      { ejecutar: ejecutarDe(l) },
    );
    expect(aviso.intent).toBe("success");
    expect(preguntas).toEqual([]);
    expect(l.nombresHojas()).toEqual(["Portada", "PMR", "PMR (2)", "PMR_Presupuesto", "PMR_Territorial"]);
    expect(l.instantaneaCeldas("PMR")).toEqual(antes);
    expect(aviso.texto).toContain("«PMR (2)»");
    expect(aviso.texto).toContain("sigue revisando la suya");
    const e = inspeccionarEscritura(l, "PMR (2)");
    expect(e.tablas.map((t) => t.nombre)).toEqual(["PlantillaPMR"]);
    expect(e.validaciones.some((v) => JSON.stringify(v.regla).includes("Suma,Creciente,Constante,Decreciente"))).toBe(
      true,
    );
  });

  test("la segunda vez pregunta antes de reemplazar; si la respuesta es no, no cambia nada", async () => {
    const l = crearLibroFalso({ hojas: [{ nombre: "Hoja1", celdas: {} }], activa: "Hoja1" });
    const ejecutar = ejecutarDe(l);
    expect((await crearPlantillaEnLibro(null, async () => true, { ejecutar })).intent).toBe("success");
    l.escribirComoUsuario("PMR", "A2", "1");
    const preguntas: string[][] = [];
    const no = await crearPlantillaEnLibro(
      null,
      async (n) => {
        preguntas.push([...n]);
        return false;
      },
      { ejecutar },
    );
    expect(preguntas).toEqual([["PMR", "PMR_Presupuesto", "PMR_Territorial"]]);
    expect(no).toMatchObject({ intent: "warning", titulo: "No se cambió nada" });
    expect(l.nombresHojas()).toEqual(["Hoja1", "PMR", "PMR_Presupuesto", "PMR_Territorial"]);
    const si = await crearPlantillaEnLibro(null, async () => true, { ejecutar });
    expect(si.intent).toBe("success");
    expect(l.nombresHojas()).toEqual(["Hoja1", "PMR", "PMR_Presupuesto", "PMR_Territorial"]);
  });

  test("un error de Excel llega como aviso en español, sin lanzar", async () => {
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    const ejecutar: Ejecutar = () => Promise.reject(new Error("RichApi.Error: GeneralException"));
    const aviso = await crearPlantillaEnLibro(null, async () => true, { ejecutar });
    expect(aviso.intent).toBe("error");
    expect(aviso.texto).toMatch(/[áéíóúñ]|Excel|libro/);
  });
});

describe("normalizar el libro abierto", () => {
  test("escribe PMR_Normalizado y Correspondencia; lo normalizado valida como el libro", async () => {
    const l = libroConPmr();
    const antes = l.instantaneaCeldas("PMR");
    const aviso = await normalizarEnLibro(async () => true, { ejecutar: ejecutarDe(l) });
    expect(aviso.intent).toBe("success");
    expect(aviso.texto).toContain("«PMR_Normalizado» (");
    expect(l.nombresHojas()).toEqual(["Portada", "PMR", "PMR_Normalizado", "Correspondencia"]);
    expect(l.instantaneaCeldas("PMR")).toEqual(antes);
    // Lo escrito, leído como una hoja aparte, da las mismas cifras que el libro.
    const grilla = (hoja: string) => {
      const c = l.instantaneaCeldas(hoja);
      const valores: unknown[][] = [];
      for (const [dir, v] of Object.entries(c.valores)) {
        const m = /^([A-Z]+)(\d+)$/.exec(dir)!;
        const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        (valores[Number(m[2]) - 1] ??= [])[col] = v;
      }
      for (let i = 0; i < valores.length; i++) valores[i] ??= [];
      return { nombre: "PMR", valores };
    };
    const a = validarLibro({ hojas: [grilla("PMR")] }, CONFIGURACION_POR_DEFECTO);
    const b = validarLibro({ hojas: [grilla("PMR_Normalizado")] }, CONFIGURACION_POR_DEFECTO);
    expect(b.evaluacion.objetivos.map((o) => o.cumplimiento)).toEqual(
      a.evaluacion.objetivos.map((o) => o.cumplimiento),
    );
    expect(b.hallazgos.map((h) => h.clave).sort()).toEqual(a.hallazgos.map((h) => h.clave).sort());
  });

  test("sin hoja PMR legible, lo dice", async () => {
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    const l = crearLibroFalso({ hojas: [{ nombre: "Notas", celdas: { A1: "nada" } }], activa: "Notas" });
    const aviso = await normalizarEnLibro(async () => true, { ejecutar: ejecutarDe(l) });
    expect(aviso.intent).toBe("error");
    expect(aviso.texto).toContain("No se puede normalizar");
    expect(l.nombresHojas()).toEqual(["Notas"]);
  });
});

describe("la solicitud de la cinta", () => {
  test("se toma una sola vez y avisa a quien escucha", () => {
    let avisos = 0;
    const dejar = escucharSolicitudes(() => avisos++);
    solicitar("crear-plantilla");
    expect(avisos).toBe(1);
    expect(tomarSolicitud()).toBe("crear-plantilla");
    expect(tomarSolicitud()).toBeNull();
    dejar();
    solicitar("crear-plantilla");
    expect(avisos).toBe(1);
    expect(tomarSolicitud()).toBe("crear-plantilla");
  });

  test("la vigencia del formulario", () => {
    expect(vigenciaDeTexto("")).toBeNull();
    expect(vigenciaDeTexto(" 2026 ")).toBe(2026);
    expect(vigenciaDeTexto("26")).toBeUndefined();
    expect(vigenciaDeTexto("dos mil")).toBeUndefined();
  });
});
