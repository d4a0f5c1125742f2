/**
 * El panel como lugar de trabajo, en lógica pura: veredicto y bloqueos del Resumen, categorías
 * por severidad, objetivos por semáforo, el recorrido de hallazgos uno por uno, los filtros que
 * siguen a la severidad y el estado que muestra el Tablero. Con el libro de ejemplo
 * (ejemplos/pmr-ejemplo.xlsx), leído con el lector de .xlsx del producto, y con libros mínimos.
 */
import { CONFIGURACION_POR_DEFECTO, crearConfiguracion } from "../../src/domain/configuracion";
import type { Hallazgo } from "../../src/domain/hallazgo";
import { validarLibro, type InformeValidacion } from "../../src/casos/validar";
import { ESTADO_INICIAL } from "../../src/taskpane/estado";
import {
  abrirEn,
  bloqueoDe,
  cambioDePestana,
  categoriasPorSeveridad,
  encabezadosObligatorios,
  estadoMostrado,
  filtrarHallazgos,
  lineaVigenciaCorte,
  moverAbierto,
  objetivosPorSemaforo,
  opcionesCategoria,
  pasosBloqueo,
  posicionAbierto,
  tituloBloqueo,
  veredicto,
} from "../../src/taskpane/logica";
import { MENSAJES } from "../../src/taskpane/mensajes";
import { grillasEjemplo } from "../e2e/libro-ejemplo";

let ejemplo: InformeValidacion;

beforeAll(async () => {
  ejemplo = validarLibro(await grillasEjemplo(), CONFIGURACION_POR_DEFECTO);
});

const ENCABEZADOS = ["Código objetivo", "Objetivo", "Código indicador", "Indicador", "Tendencia", "Meta vigencia"];

describe("veredicto (defecto 3: con errores no dice «Listo» ni usa el tono de advertencia)", () => {
  test("con errores: tono error y cuántos impiden entregar", () => {
    const v = veredicto(ejemplo.resumen);
    expect(ejemplo.resumen.errores).toBe(7);
    expect(v).toEqual({
      tono: "error",
      titulo: "7 errores impiden entregar el PMR",
      detalle: "Corríjalos y valide de nuevo. Además hay 3 advertencias por revisar.",
    });
    expect(v.titulo).not.toMatch(/Listo/);
    expect(veredicto({ errores: 1, advertencias: 0, info: 0 })).toEqual({
      tono: "error",
      titulo: "1 error impide entregar el PMR",
      detalle: MENSAJES.veredictoCorrija,
    });
  });

  test("solo advertencias, solo información o nada", () => {
    expect(veredicto({ errores: 0, advertencias: 2, info: 5 })).toMatchObject({
      tono: "advertencia",
      titulo: "El PMR no tiene errores",
      detalle: "Revise las 2 advertencias antes de entregarlo.",
    });
    expect(veredicto({ errores: 0, advertencias: 1, info: 0 }).detalle).toBe(
      "Revise la advertencia antes de entregarlo.",
    );
    expect(veredicto({ errores: 0, advertencias: 0, info: 1 })).toMatchObject({ tono: "ok" });
    expect(veredicto({ errores: 0, advertencias: 0, info: 0 })).toEqual({
      tono: "ok",
      titulo: MENSAJES.veredictoListo,
      detalle: MENSAJES.veredictoSinHallazgos,
    });
  });
});

describe("bloqueos (defecto 2: un libro que no se puede revisar no es «Listo · 1 error» con 0 objetivos)", () => {
  const validar = (hojas: { nombre: string; valores: unknown[][] }[], config = CONFIGURACION_POR_DEFECTO) =>
    validarLibro({ hojas }, config);

  test("el libro de ejemplo no está bloqueado", () => {
    expect(bloqueoDe(ejemplo)).toBeNull();
  });

  test("sin hoja PMR: la causa nombra las hojas del libro y los pasos piden cambiar el nombre", () => {
    const b = bloqueoDe(validar([{ nombre: "Hoja1", valores: [["Fecha", "Valor"]] }]));
    expect(b).toMatchObject({ tipo: "sin-hoja", hoja: "PMR" });
    expect(b!.causa).toContain("«Hoja1»");
    expect(tituloBloqueo(b!)).toBe("El libro no tiene la hoja PMR");
    expect(pasosBloqueo(b!)[0]).toContain("cámbiele el nombre a «PMR»");
    expect(b!.encabezados.map((e) => e.replace(/ \(.*\)$/, ""))).toEqual(ENCABEZADOS);
  });

  test("hoja PMR vacía o con encabezados que no se reconocen", () => {
    for (const valores of [
      [],
      [
        ["Fecha", "Valor"],
        ["x", 2],
      ],
    ]) {
      const b = bloqueoDe(validar([{ nombre: "PMR", valores }]));
      expect(b).toMatchObject({ tipo: "sin-encabezados", hoja: "PMR" });
      expect(tituloBloqueo(b!)).toBe("La hoja «PMR» está vacía o sus encabezados no se reconocen");
      expect(b!.causa).toContain("Falta la columna obligatoria «Código objetivo»");
    }
  });

  test("encabezados sin filas, y una vigencia pedida que no tiene filas", () => {
    expect(bloqueoDe(validar([{ nombre: "PMR", valores: [ENCABEZADOS] }]))).toMatchObject({ tipo: "sin-filas" });
    const conFilas = [
      [...ENCABEZADOS, "Vigencia"],
      ["O1", "Objetivo", "I1", "Indicador", "Suma", 10, 2025],
    ];
    const b = bloqueoDe(validar([{ nombre: "PMR", valores: conFilas }], crearConfiguracion({ vigencia: 2024 })));
    expect(b).toMatchObject({ tipo: "vigencia-sin-filas", vigencias: [2025], vigencia: 2024 });
    expect(tituloBloqueo(b!)).toBe("No hay indicadores de la vigencia 2024");
    expect(pasosBloqueo(b!)[0]).toContain("el libro tiene 2025");
  });

  test("los encabezados que se piden son los obligatorios del lector", () => {
    expect(encabezadosObligatorios()).toEqual([
      "Código objetivo",
      "Objetivo",
      "Código indicador",
      "Indicador",
      "Tendencia",
      "Meta vigencia (o la programación mensual)",
    ]);
  });
});

describe("cuadro general del Resumen", () => {
  test("categorías con errores y advertencias, de la más grave a la menos", () => {
    const c = categoriasPorSeveridad(ejemplo.hallazgos);
    const errores = c.map((x) => x.error);
    expect([...errores].sort((a, b) => b - a)).toEqual(errores);
    expect(c[0]).toEqual({ categoria: "Cadena de valor", error: 2, advertencia: 0, info: 0 });
    const total = c.reduce((s, x) => s + x.error + x.advertencia + x.info, 0);
    expect(total).toBe(ejemplo.hallazgos.length);
    // A igual número de errores, más advertencias primero.
    const ff = c.find((x) => x.categoria === "Físico-financiero")!;
    const metas = c.find((x) => x.categoria === "Metas")!;
    expect(ff).toEqual({ categoria: "Físico-financiero", error: 1, advertencia: 1, info: 0 });
    expect(metas.error).toBe(1);
    expect(c.indexOf(ff)).toBeLessThan(c.indexOf(metas));
  });

  test("objetivos por semáforo, en orden rojo → naranja y sin dato al final", () => {
    expect(objetivosPorSemaforo(ejemplo.evaluacion.objetivos)).toEqual([{ color: "Verde", cantidad: 5 }]);
    expect(
      objetivosPorSemaforo([{ semaforo: null }, { semaforo: "Naranja" }, { semaforo: "Rojo" }, { semaforo: "Rojo" }]),
    ).toEqual([
      { color: "Rojo", cantidad: 2 },
      { color: "Naranja", cantidad: 1 },
      { color: null, cantidad: 1 },
    ]);
  });

  test("vigencia y corte en una línea, con su origen", () => {
    expect(lineaVigenciaCorte(ejemplo.evaluacion, CONFIGURACION_POR_DEFECTO)).toBe(
      "Vigencia 2025 (automática) · corte a septiembre (automático)",
    );
    expect(lineaVigenciaCorte({ vigencia: 2025, corte: 3 }, { vigencia: 2025, corte: 3 })).toBe(
      "Vigencia 2025 (configurada) · corte a marzo (configurado)",
    );
    expect(lineaVigenciaCorte({ vigencia: null, corte: 1 }, null)).toBe("Vigencia no encontrada · corte a enero");
  });
});

describe("recorrido uno por uno (Anterior / Siguiente)", () => {
  const h = (clave: string, celda: string): Hallazgo => ({
    regla: "R",
    categoria: "Metas",
    severidad: "error",
    mensaje: clave,
    hoja: "PMR",
    celda,
    clave,
  });
  const lista = [h("a", "A1"), h("b", "B2"), h("c", "C3")];

  test("abre, avanza y retrocede sin dar la vuelta", () => {
    const primero = abrirEn(lista, 0)!;
    expect(primero).toEqual({ clave: "a", hoja: "PMR", celda: "A1", indice: 0 });
    expect(moverAbierto(lista, primero, -1)).toBeNull();
    const segundo = moverAbierto(lista, primero, 1)!;
    expect(segundo.clave).toBe("b");
    expect(moverAbierto(lista, moverAbierto(lista, segundo, 1)!, 1)).toBeNull();
    expect(abrirEn([], 0)).toBeNull();
  });

  test("tras validar otra vez, sigue en el mismo hallazgo aunque cambie de posición", () => {
    const abierto = abrirEn(lista, 1)!;
    const nueva = [h("x", "X9"), ...lista.map((x) => ({ ...x }))];
    expect(posicionAbierto(nueva, abierto)).toMatchObject({ indice: 2, hallazgo: { clave: "b" } });
  });

  test("si se corrigió, Siguiente va al que ocupa su lugar y Anterior al de antes", () => {
    const abierto = abrirEn(lista, 1)!;
    const sinB = [lista[0], lista[2]];
    expect(posicionAbierto(sinB, abierto)).toEqual({ indice: -1, hallazgo: null });
    expect(moverAbierto(sinB, abierto, 1)?.clave).toBe("c");
    expect(moverAbierto(sinB, abierto, -1)?.clave).toBe("a");
  });

  test("recorre todos los hallazgos del ejemplo, del primero al último", () => {
    let abierto = abrirEn(ejemplo.hallazgos, 0);
    const vistos: string[] = [];
    while (abierto) {
      vistos.push(`${abierto.hoja}!${abierto.celda}`);
      abierto = moverAbierto(ejemplo.hallazgos, abierto, 1);
    }
    expect(vistos).toEqual(ejemplo.hallazgos.map((x) => `${x.hoja}!${x.celda}`));
  });
});

describe("filtros", () => {
  test("defecto 8: con «Errores» puesto, una categoría sin errores no se ofrece", () => {
    expect(ejemplo.hallazgos.some((x) => x.categoria === "Seguimiento" && x.severidad !== "error")).toBe(true);
    expect(ejemplo.hallazgos.some((x) => x.categoria === "Seguimiento" && x.severidad === "error")).toBe(false);
    const conErrores = opcionesCategoria(ejemplo.hallazgos, [], { severidades: ["error"] });
    expect(conErrores.map((c) => c.categoria)).not.toContain("Seguimiento");
    // Cada cuenta ofrecida es la que se verá al elegirla: ninguna lleva a una lista vacía.
    for (const { categoria, cantidad } of conErrores) {
      expect(cantidad).toBeGreaterThan(0);
      expect(
        filtrarHallazgos(ejemplo.hallazgos, { severidades: ["error"], categorias: [categoria], texto: "" }),
      ).toHaveLength(cantidad);
    }
    // Una categoría ya elegida se sigue ofreciendo (con 0) para poder quitarla.
    expect(opcionesCategoria(ejemplo.hallazgos, ["Seguimiento"], { severidades: ["error"] })).toContainEqual({
      categoria: "Seguimiento",
      cantidad: 0,
    });
  });

  test("el ámbito del Tablero filtra con el predicado que se le pasa", () => {
    const soloPresupuesto = (x: Hallazgo) => x.hoja === "PMR_Presupuesto";
    const r = filtrarHallazgos(ejemplo.hallazgos, { severidades: [], categorias: [], texto: "" }, soloPresupuesto);
    expect(r.length).toBeGreaterThan(0);
    expect(r.every(soloPresupuesto)).toBe(true);
  });
});

describe("estado que muestra el Tablero (defecto 1: la causa real, no «Sin programación»)", () => {
  test("IP5.1.2 con tendencia «Sumatoria»", () => {
    const ip512 = ejemplo.evaluacion.indicadores.find((i) => i.indicador.codigo === "IP5.1.2")!;
    expect(ip512.estado).toBe("Sin programación");
    expect(estadoMostrado(ip512)).toEqual({
      texto: "Tendencia no válida",
      color: "danger",
      explicacion: "Sin avance: la tendencia «Sumatoria» no es válida (Suma, Creciente, Constante o Decreciente).",
    });
  });

  test("sin tendencia, y con tendencia válida (el estado calculado)", () => {
    expect(
      estadoMostrado({ estado: "Sin programación", indicador: { tendencia: null, tendenciaTexto: null } }),
    ).toMatchObject({
      texto: "Sin tendencia",
      color: "danger",
    });
    expect(estadoMostrado({ estado: "Cumplida", indicador: { tendencia: "SUMA", tendenciaTexto: "Suma" } })).toEqual({
      texto: "Cumplida",
      color: "success",
      explicacion: null,
    });
  });
});

describe("pestañas (defecto 11: el aviso no se queda en todas)", () => {
  test("un aviso de éxito se cierra al cambiar de pestaña; un error queda", () => {
    const exito = { ...ESTADO_INICIAL, aviso: { intent: "success" as const, titulo: "Listo", texto: "x" } };
    expect(cambioDePestana(exito, "hallazgos")).toEqual({ pestana: "hallazgos", aviso: null });
    const error = { ...ESTADO_INICIAL, aviso: { intent: "error" as const, titulo: "No", texto: "y" } };
    expect(cambioDePestana(error, "tablero")).toEqual({ pestana: "tablero", aviso: error.aviso });
  });
});
