import { CONFIGURACION_POR_DEFECTO, crearConfiguracion } from "../../src/domain/configuracion";
import type { ProductoEvaluado } from "../../src/domain/evaluacion";
import { CATEGORIAS, type Categoria, type Hallazgo, type Severidad } from "../../src/domain/hallazgo";
import { FILTROS_INICIALES } from "../../src/taskpane/estado";
import {
  alternar,
  anchoBarra,
  campoDeMensaje,
  configuracionDeFormulario,
  contarPorCategoria,
  contarPorSeveridad,
  extremoHallazgo,
  filasDeLista,
  filtrarHallazgos,
  formatearFechaHora,
  formatearNumero,
  formatearPorcentaje,
  formatearValorIndicador,
  FORMULARIO_POR_DEFECTO,
  formularioDeConfiguracion,
  hayFiltros,
  leerPorcentaje,
  nombreMes,
  opcionesCategoria,
  productosPorObjetivo,
  siguienteHallazgo,
  textoDeError,
} from "../../src/taskpane/logica";
import { numero, porcentaje } from "../../src/domain/formato";
import { MENSAJES } from "../../src/taskpane/mensajes";

const NBSP = "\u00a0";

function h(
  severidad: Severidad,
  categoria: Categoria,
  mensaje: string,
  celda = "A1",
  hoja = "PMR",
  regla = "R",
): Hallazgo {
  return { regla, categoria, severidad, mensaje, hoja, celda, clave: `${regla}-${celda}-${mensaje.length}` };
}

const HALLAZGOS: Hallazgo[] = [
  h("error", "Cadena de valor", "El objetivo O2 no tiene producto.", "A7", "PMR", "CV-OBJ-SIN-PRODUCTO"),
  h("error", "Metas", "La meta vigencia de IND-3 es negativa.", "O9", "PMR", "MET-VALOR-NEGATIVO"),
  h(
    "advertencia",
    "Seguimiento",
    "IND-4 tiene ejecución en marzo sin programación.",
    "AD10",
    "PMR",
    "SEG-EJECUCION-SIN-PROGRAMACION",
  ),
  h("advertencia", "Cadena de valor", "Ponderaciones de O1 suman 90 %.", "K4:K8", "PMR", "CV-PONDERACION-SUMA"),
  h("info", "Estructura", "Se omitieron filas de la vigencia 2024.", "N20", "Datos Año", "EST-VIGENCIAS-OMITIDAS"),
];

describe("formato es-CO", () => {
  test("el panel usa el formato único de las cifras (el mismo de los mensajes, la CLI y los informes)", () => {
    for (const f of [1.0126, 0.5, 0, 1.25, 12.3456, 0.245833]) expect(formatearPorcentaje(f)).toBe(porcentaje(f));
    for (const v of [1234.5, 1234567.891, -3, 0.0025]) expect(formatearNumero(v)).toBe(numero(v));
    expect(formatearPorcentaje(1.0126)).toBe(`101,26${NBSP}%`);
  });

  test("lo que no existe se muestra como raya, nunca como 0", () => {
    expect(formatearPorcentaje(null)).toBe(MENSAJES.noAplica);
    expect(formatearPorcentaje(Number.NaN)).toBe(MENSAJES.noAplica);
    expect(formatearNumero(undefined)).toBe(MENSAJES.noAplica);
  });

  test("un indicador en porcentaje muestra sus valores como porcentaje (0,23 con formato 0.0 % es 23 %)", () => {
    const ind = {
      unidad: "Porcentaje",
      lineaBase: 0.2,
      metaPlan: 0.3,
      metaVigencia: 0.23,
      programado: new Array<number | null>(12).fill(null),
      ejecutado: new Array<number | null>(12).fill(null),
    };
    expect(formatearValorIndicador(0.23, ind)).toBe(`23,00${NBSP}%`);
    expect(formatearValorIndicador(3000, { ...ind, unidad: "Hogares" })).toBe("3.000,00");
  });

  test("fecha y hora de la última validación en español de Colombia", () => {
    const texto = formatearFechaHora(new Date(2025, 10, 21, 20, 10).getTime());
    expect(texto).toMatch(/21 de noviembre de 2025/);
    expect(texto).toMatch(/8:10/);
  });

  test("meses por nombre y barra recortada a 0–100 %", () => {
    expect(nombreMes(6)).toBe("junio");
    expect(nombreMes(12)).toBe("diciembre");
    expect(anchoBarra(1.3)).toBe(100);
    expect(anchoBarra(-0.2)).toBe(0);
    expect(anchoBarra(0.42)).toBeCloseTo(42);
    expect(anchoBarra(null)).toBe(0);
  });
});

describe("conteos", () => {
  test("por severidad", () => {
    expect(contarPorSeveridad(HALLAZGOS)).toEqual({ error: 2, advertencia: 2, info: 1 });
    expect(contarPorSeveridad([])).toEqual({ error: 0, advertencia: 0, info: 0 });
  });

  test("por categoría: solo las que tienen hallazgos, en el orden de la especificación", () => {
    const r = contarPorCategoria(HALLAZGOS);
    expect(r).toEqual([
      { categoria: "Cadena de valor", cantidad: 2 },
      { categoria: "Metas", cantidad: 1 },
      { categoria: "Seguimiento", cantidad: 1 },
      { categoria: "Estructura", cantidad: 1 },
    ]);
    const orden = r.map((x) => CATEGORIAS.indexOf(x.categoria));
    expect([...orden].sort((a, b) => a - b)).toEqual(orden);
  });
});

describe("filtros", () => {
  test("sin filtros pasan todos, en el mismo orden", () => {
    expect(hayFiltros(FILTROS_INICIALES)).toBe(false);
    expect(filtrarHallazgos(HALLAZGOS, FILTROS_INICIALES)).toEqual(HALLAZGOS);
  });

  test("por severidad y por categoría (vacío = todas)", () => {
    const errores = filtrarHallazgos(HALLAZGOS, { ...FILTROS_INICIALES, severidades: ["error"] });
    expect(errores.map((x) => x.regla)).toEqual(["CV-OBJ-SIN-PRODUCTO", "MET-VALOR-NEGATIVO"]);
    const cadena = filtrarHallazgos(HALLAZGOS, { ...FILTROS_INICIALES, categorias: ["Cadena de valor"] });
    expect(cadena).toHaveLength(2);
    const ambos = filtrarHallazgos(HALLAZGOS, {
      ...FILTROS_INICIALES,
      severidades: ["advertencia"],
      categorias: ["Cadena de valor", "Estructura"],
    });
    expect(ambos.map((x) => x.regla)).toEqual(["CV-PONDERACION-SUMA"]);
    expect(hayFiltros({ ...FILTROS_INICIALES, severidades: ["info"] })).toBe(true);
  });

  test("botones de categoría: las que tienen hallazgos y las elegidas sin hallazgos, en el orden de la especificación", () => {
    expect(opcionesCategoria(HALLAZGOS, [])).toEqual(contarPorCategoria(HALLAZGOS));
    // Una categoría elegida que tras validar de nuevo quedó sin hallazgos sigue visible (con 0) para quitarla.
    expect(opcionesCategoria(HALLAZGOS, ["Cierre", "Metas"]).map((o) => `${o.categoria} ${o.cantidad}`)).toEqual([
      "Cadena de valor 2",
      "Metas 1",
      "Seguimiento 1",
      "Estructura 1",
      "Cierre 0",
    ]);
    expect(opcionesCategoria([], [])).toEqual([]);
  });

  test("alternar pone o quita un valor y deja la lista en el orden dado", () => {
    expect(alternar<Severidad>([], "info", ["error", "advertencia", "info"])).toEqual(["info"]);
    expect(alternar<Severidad>(["info"], "error", ["error", "advertencia", "info"])).toEqual(["error", "info"]);
    expect(alternar<Severidad>(["error", "info"], "error", ["error", "advertencia", "info"])).toEqual(["info"]);
    expect(alternar<Categoria>(["Estructura"], "Metas", CATEGORIAS)).toEqual(["Metas", "Estructura"]);
  });

  test("la búsqueda no distingue tildes ni mayúsculas y exige todas las palabras", () => {
    const buscar = (texto: string) => filtrarHallazgos(HALLAZGOS, { ...FILTROS_INICIALES, texto }).map((x) => x.regla);
    expect(buscar("EJECUCION marzo")).toEqual(["SEG-EJECUCION-SIN-PROGRAMACION"]);
    expect(buscar("ejecución febrero")).toEqual([]);
    expect(buscar("  ")).toHaveLength(HALLAZGOS.length);
    expect(hayFiltros({ ...FILTROS_INICIALES, texto: "x" })).toBe(true);
  });

  test("la búsqueda encuentra hoja!celda, la celda sola, la hoja y la regla", () => {
    const buscar = (texto: string) => filtrarHallazgos(HALLAZGOS, { ...FILTROS_INICIALES, texto }).map((x) => x.regla);
    expect(buscar("PMR!O9")).toEqual(["MET-VALOR-NEGATIVO"]);
    expect(buscar("ad10")).toEqual(["SEG-EJECUCION-SIN-PROGRAMACION"]);
    expect(buscar("datos ano")).toEqual(["EST-VIGENCIAS-OMITIDAS"]);
    expect(buscar("cv-ponderacion")).toEqual(["CV-PONDERACION-SUMA"]);
  });
});

describe("lista agrupada por categoría", () => {
  test("un encabezado por categoría (orden de la especificación) y sus hallazgos debajo", () => {
    const filas = filasDeLista(HALLAZGOS);
    expect(
      filas.map((f) => (f.tipo === "grupo" ? `# ${f.categoria} ${f.cantidad}` : `${f.posicion} ${f.hallazgo.regla}`)),
    ).toEqual([
      "# Cadena de valor 2",
      "1 CV-OBJ-SIN-PRODUCTO",
      "2 CV-PONDERACION-SUMA",
      "# Metas 1",
      "3 MET-VALOR-NEGATIVO",
      "# Seguimiento 1",
      "4 SEG-EJECUCION-SIN-PROGRAMACION",
      "# Estructura 1",
      "5 EST-VIGENCIAS-OMITIDAS",
    ]);
    expect(filasDeLista([])).toEqual([]);
  });

  test("moverse con el teclado salta los encabezados", () => {
    const filas = filasDeLista(HALLAZGOS);
    expect(extremoHallazgo(filas, false)).toBe(1);
    expect(extremoHallazgo(filas, true)).toBe(8);
    expect(siguienteHallazgo(filas, 2, 1)).toBe(4);
    expect(siguienteHallazgo(filas, 4, -1)).toBe(2);
    expect(siguienteHallazgo(filas, 1, -1)).toBe(-1);
    expect(siguienteHallazgo(filas, 8, 1)).toBe(-1);
    expect(extremoHallazgo([], true)).toBe(-1);
  });

  test("miles de hallazgos se filtran y agrupan rápido y sin perder ninguno", () => {
    const muchos: Hallazgo[] = [];
    for (let i = 0; i < 20_000; i++) {
      muchos.push(
        h(i % 3 === 0 ? "error" : "advertencia", CATEGORIAS[i % CATEGORIAS.length], `Mensaje ${i}`, `B${i + 2}`),
      );
    }
    const filas = filasDeLista(filtrarHallazgos(muchos, { ...FILTROS_INICIALES, texto: "mensaje" }));
    expect(filas.filter((f) => f.tipo === "hallazgo")).toHaveLength(20_000);
    expect(filas.filter((f) => f.tipo === "grupo")).toHaveLength(CATEGORIAS.length);
  });
});

describe("tablero", () => {
  const producto = (codigo: string, codigoObjetivo: string | null) =>
    ({ codigo, codigoObjetivo, nombre: codigo }) as unknown as ProductoEvaluado;

  test("reparte los productos entre sus objetivos; los demás quedan aparte", () => {
    const r = productosPorObjetivo({
      objetivos: [{ codigo: "O1" }, { codigo: "O2" }] as never,
      productos: [
        producto("P1", "O1"),
        producto("P2", "O2"),
        producto("P3", "O1"),
        producto("P9", null),
        producto("P8", "O7"),
      ],
    });
    expect(r.porObjetivo.get("O1")?.map((p) => p.codigo)).toEqual(["P1", "P3"]);
    expect(r.porObjetivo.get("O2")?.map((p) => p.codigo)).toEqual(["P2"]);
    expect(r.sinObjetivo.map((p) => p.codigo)).toEqual(["P9", "P8"]);
  });
});

describe("formulario de configuración", () => {
  test("los valores por defecto se muestran en porcentaje y vuelven iguales", () => {
    expect(FORMULARIO_POR_DEFECTO).toEqual({
      corte: "",
      vigencia: "",
      tolerancia: "30",
      sobrecumplimiento: "125",
      rojo: "50",
      amarillo: "75",
      verde: "125",
    });
    const r = configuracionDeFormulario(FORMULARIO_POR_DEFECTO);
    expect(r).toEqual({ ok: true, configuracion: CONFIGURACION_POR_DEFECTO });
  });

  test("corte, vigencia y porcentajes con coma decimal se convierten en fracciones", () => {
    const base = crearConfiguracion({ topeCien: true, metodoAvance: "brecha" });
    const r = configuracionDeFormulario(
      {
        corte: "6",
        vigencia: "2025",
        tolerancia: "12,5",
        sobrecumplimiento: "130 %",
        rojo: "40",
        amarillo: "70",
        verde: "120",
      },
      base,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errores));
    expect(r.configuracion).toMatchObject({
      corte: 6,
      vigencia: 2025,
      toleranciaFisicoFinanciera: 0.125,
      umbralSobrecumplimiento: 1.3,
      semaforo: { rojo: 0.4, amarillo: 0.7, verde: 1.2 },
      // Lo que el formulario no muestra se conserva.
      topeCien: true,
      metodoAvance: "brecha",
    });
    expect(formularioDeConfiguracion(r.configuracion)).toMatchObject({ tolerancia: "12,5", sobrecumplimiento: "130" });
  });

  test("cada error va junto a su campo, en español y en porcentaje", () => {
    const r = configuracionDeFormulario({
      ...FORMULARIO_POR_DEFECTO,
      vigencia: "25",
      tolerancia: "150",
      sobrecumplimiento: "mucho",
      rojo: "-5",
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errores.vigencia).toEqual([MENSAJES.errorAnio]);
    expect(r.errores.tolerancia).toEqual([MENSAJES.errorPorcentajeRango(0, 100)]);
    expect(r.errores.sobrecumplimiento).toEqual([MENSAJES.errorNumero]);
    expect(r.errores.rojo).toEqual([MENSAJES.errorNoNegativo]);
    expect(r.errores.general).toBeUndefined();
  });

  test("el orden del semáforo lo decide validarConfiguracion y se explica junto al grupo", () => {
    const r = configuracionDeFormulario({ ...FORMULARIO_POR_DEFECTO, rojo: "80", amarillo: "75" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errores.semaforo).toEqual([MENSAJES.errorSemaforoOrden]);
  });

  test("vigencia fuera del rango del esquema: el mensaje de validarConfiguracion va a su campo", () => {
    const r = configuracionDeFormulario({ ...FORMULARIO_POR_DEFECTO, vigencia: "1800" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errores.vigencia?.[0]).toMatch(/«vigencia»/);
  });

  test("campo de cada mensaje del dominio", () => {
    expect(campoDeMensaje("«semaforo.rojo»: el valor es demasiado pequeño (mínimo 0).")).toBe("rojo");
    expect(campoDeMensaje("«toleranciaFisicoFinanciera»: …")).toBe("tolerancia");
    expect(campoDeMensaje("«semaforo»: los umbrales…")).toBe("semaforo");
    expect(campoDeMensaje("Clave desconocida en la configuración: x.")).toBe("general");
    expect(campoDeMensaje("«metodoAvance»: valor no válido")).toBe("general");
  });

  test("leer porcentajes", () => {
    expect(leerPorcentaje("30")).toBeCloseTo(0.3);
    expect(leerPorcentaje("12,5 %")).toBeCloseTo(0.125);
    expect(leerPorcentaje("")).toBeNull();
    expect(leerPorcentaje("abc")).toBeNull();
  });

  test("texto de un error cualquiera", () => {
    expect(textoDeError(new Error("La hoja «X» ya no existe en el libro."))).toBe(
      "La hoja «X» ya no existe en el libro.",
    );
    expect(textoDeError("texto")).toBe("texto");
    expect(textoDeError(undefined)).toBe(MENSAJES.errorDesconocido);
  });
});
