/**
 * Caso de uso «consolidar» (PMR-SPEC §6.6) con el libro de ejemplo partido por objetivo en tres
 * archivos: el consolidado da las cifras y los hallazgos del original, cada hallazgo en su archivo
 * y su celda de origen; un valor en conflicto y un objetivo renombrado dan exactamente esos dos
 * hallazgos; un archivo ilegible no impide consolidar los demás.
 */
import {
  consolidar,
  consolidarModelos,
  validarConsolidado,
  type FuenteConsolidacion,
  type InformeConsolidacion,
} from "../../src/casos/consolidar";
import { resolverConfiguracion, validarLibro, type InformeValidacion } from "../../src/casos/validar";
import { escribirLibroXlsx, leerArchivoXlsx } from "../../src/hosts/xlsx";
import type { LibroGrillas } from "../../src/workbook/grilla";
import { indicador, modelo, serie } from "../rules/fabrica";
import { celdaEnParte, partirEjemplo, type Particion } from "./particion";

const GRUPOS = [["O1", "O2"], ["O3", "O4"], ["O5"]];
const NOMBRES = ["gerencia-alimentacion.xlsx", "gerencia-inclusion.xlsx", "gerencia-vejez.xlsx"];

const fuente = (nombre: string, libro: LibroGrillas): FuenteConsolidacion => ({
  nombre,
  leer: () => Promise.resolve(structuredClone(libro)),
});

let particion: Particion;
let original: InformeValidacion;
let consolidado: InformeConsolidacion;

beforeAll(async () => {
  particion = await partirEjemplo(GRUPOS, NOMBRES);
  original = validarLibro(particion.original, resolverConfiguracion(null).configuracion);
  consolidado = await consolidar(particion.partes.map((p) => fuente(p.nombre, p.libro)));
});

describe("el ejemplo partido en tres archivos por objetivo", () => {
  it("cada parte tiene sus objetivos y el consolidado todas las filas", () => {
    expect(consolidado.archivos.map((a) => [a.nombre, a.leido, a.indicadores])).toEqual([
      [NOMBRES[0], true, 12],
      [NOMBRES[1], true, 12],
      [NOMBRES[2], true, 6],
    ]);
    expect(consolidado.leidos).toBe(3);
    expect(consolidado.modelo.pmr!.indicadores).toHaveLength(original.modelo.pmr!.indicadores.length);
    expect(consolidado.modelo.presupuesto!.filas).toHaveLength(original.modelo.presupuesto!.filas.length);
    expect(consolidado.modelo.territorial!.filas).toHaveLength(original.modelo.territorial!.filas.length);
  });

  it("da las mismas cifras que el original: vigencia, corte, cumplimiento, avances y productos", () => {
    const a = original.evaluacion;
    const b = consolidado.evaluacion;
    expect([b.vigencia, b.corte]).toEqual([a.vigencia, a.corte]);
    const objetivos = (e: typeof a) =>
      e.objetivos.map((o) => ({
        codigo: o.codigo,
        nombre: o.nombre,
        cumplimiento: o.cumplimiento,
        semaforo: o.semaforo,
        indicadores: o.indicadores.map((i) => [i.indicador.codigo, i.programado, i.ejecutado, i.avance, i.estado]),
      }));
    expect(objetivos(b)).toEqual(objetivos(a));
    const productos = (e: typeof a) =>
      e.productos.map((p) => [p.codigo, p.nombre, p.avanceFisico, p.avanceFinanciero, p.coherencia]);
    expect(productos(b)).toEqual(productos(a));
    // Una cifra conocida del ejemplo, para que la prueba no pase con dos listas vacías.
    expect(b.objetivos.find((o) => o.codigo === "O1")!.cumplimiento).toBeCloseTo(0.97169, 4);
  });

  it("da los mismos hallazgos, cada uno en su archivo y su celda de origen", () => {
    expect(original.hallazgos.length).toBeGreaterThanOrEqual(10);
    const esperados = original.hallazgos.map((h) => {
      const d = celdaEnParte(particion, h.hoja, h.celda);
      if (d === null) throw new Error(`Sin parte para ${h.hoja}!${h.celda}`);
      return {
        regla: h.regla,
        clave: h.clave,
        severidad: h.severidad,
        archivo: NOMBRES[d.parte],
        hoja: h.hoja,
        celda: d.celda,
      };
    });
    const obtenidos = consolidado.hallazgos.map((h) => ({
      regla: h.regla,
      clave: h.clave,
      severidad: h.severidad,
      archivo: h.archivo,
      hoja: h.hoja,
      celda: h.celda,
    }));
    const orden = (x: { regla: string; clave: string }) => `${x.regla}|${x.clave}`;
    expect([...obtenidos].sort((x, y) => orden(x).localeCompare(orden(y)))).toEqual(
      [...esperados].sort((x, y) => orden(x).localeCompare(orden(y))),
    );
    expect(consolidado.resumen).toEqual(original.resumen);
  });

  it("los mensajes nombran la celda de origen, y el hallazgo dice dónde está en el consolidado", () => {
    const ponderacion = consolidado.hallazgos.find((h) => h.regla === "CV-PONDERACION-SUMA")!;
    // En el original: PMR!K18:K23 (O3); en la segunda parte, desde la fila 6.
    expect(ponderacion).toMatchObject({ archivo: NOMBRES[1], hoja: "PMR", celda: "K6:K11" });
    expect(ponderacion.mensaje).toContain("Ajuste las celdas K6:K11.");
    expect(ponderacion.consolidado).toEqual({ hoja: "PMR", celda: "K14:K19" });
    const error = consolidado.hallazgos.find((h) => h.regla === "EST-ERROR-CELDA")!;
    expect(error).toMatchObject({ archivo: NOMBRES[0], hoja: "PMR", celda: "Z10" });
    const localidad = consolidado.hallazgos.find((h) => h.regla === "TER-LOCALIDAD-DESCONOCIDA")!;
    expect(localidad).toMatchObject({ archivo: NOMBRES[1], hoja: "PMR_Territorial", celda: "B9" });
    expect(localidad.mensaje).toContain("Escriba en B9 ");
  });
});

describe("el libro consolidado escrito", () => {
  let escrito: LibroGrillas;
  beforeAll(async () => {
    const { archivo } = await escribirLibroXlsx(consolidado.libro);
    escrito = await leerArchivoXlsx(archivo, { nombre: "consolidado.xlsx" });
  });

  it("tiene las tres hojas canónicas con las columnas de origen de cada fila", () => {
    expect(escrito.hojas.map((h) => h.nombre)).toEqual(["PMR", "PMR_Presupuesto", "PMR_Territorial"]);
    const pmr = escrito.hojas[0].valores;
    const encabezado = pmr[0] as string[];
    const col = (t: string) => encabezado.indexOf(t);
    expect(col("Archivo de origen")).toBeGreaterThan(0);
    // La fila 14 del consolidado es la primera de O3: la fila 6 de la segunda parte.
    expect([
      pmr[13][col("Código objetivo")],
      pmr[13][col("Archivo de origen")],
      pmr[13][col("Hoja de origen")],
      pmr[13][col("Fila de origen")],
    ]).toEqual(["O3", NOMBRES[1], "PMR", 6]);
  });

  it("validarlo da las mismas cifras, y sus hallazgos están donde el consolidado dice", () => {
    const v = validarLibro(escrito, resolverConfiguracion(null).configuracion);
    const cumplimientos = (e: typeof v.evaluacion) => e.objetivos.map((o) => [o.codigo, o.cumplimiento]);
    expect(cumplimientos(v.evaluacion)).toEqual(cumplimientos(consolidado.evaluacion));
    // Los hallazgos que no son de lectura: misma regla, misma clave, en la celda `consolidado`.
    const delConsolidado = consolidado.hallazgos
      .filter((h) => h.categoria !== "Estructura")
      .map((h) => [h.regla, h.clave, h.consolidado!.hoja, h.consolidado!.celda].join("|"))
      .sort();
    const delEscrito = v.hallazgos
      .filter((h) => h.categoria !== "Estructura")
      .map((h) => [h.regla, h.clave, h.hoja, h.celda].join("|"))
      .sort();
    expect(delEscrito).toEqual(delConsolidado);
    // El #REF! de la primera parte (Z10) sigue siendo un error de Excel en su fila del
    // consolidado (la 6: el encabezado va en la fila 1, no en la 5).
    expect(v.hallazgos.filter((h) => h.regla === "EST-ERROR-CELDA").map((h) => `${h.hoja}!${h.celda}`)).toEqual([
      "PMR!Z6",
    ]);
  });
});

describe("conflictos plantados", () => {
  it("un valor en conflicto y un objetivo renombrado dan exactamente esos dos hallazgos, nombrando los dos archivos", async () => {
    const p = await partirEjemplo(GRUPOS, NOMBRES);
    const pmr = (i: number) => p.partes[i].libro.hojas.find((h) => h.nombre === "PMR")!.valores;
    // El indicador de objetivo de O5 (IO5.1) lo lleva la segunda gerencia; la tercera, que lleva
    // los productos de O5, nombra el objetivo de otra manera en todas sus filas.
    const [io51] = pmr(2).splice(5, 1);
    pmr(1).push(io51);
    const filaIo51 = pmr(1).length;
    for (let r = 5; r < pmr(2).length; r++) pmr(2)[r][1] = "Envejecimiento digno y activo";
    // La tercera trae también el indicador IP1.1.1 (fila 7 del original, en la primera parte)
    // con otra meta vigencia (columna O).
    const copia = [...p.original.hojas.find((h) => h.nombre === "PMR")!.valores[6]];
    const meta = copia[14];
    copia[14] = 20000;
    pmr(2).push(copia);
    const filaCopia = pmr(2).length;

    const r = await consolidar(p.partes.map((x) => fuente(x.nombre, x.libro)));
    const nuevos = r.hallazgos.filter((h) => !consolidado.hallazgos.some((o) => o.clave === h.clave));
    expect(nuevos.map((h) => [h.regla, h.archivo, h.hoja, h.celda])).toEqual([
      ["CONS-OBJETIVO-NOMBRE-DISTINTO", NOMBRES[2], "PMR", "B6"],
      ["CONS-INDICADOR-VALORES-DISTINTOS", NOMBRES[2], "PMR", `O${filaCopia}`],
    ]);
    expect(meta).not.toBe(20000);
    nuevos.reverse();
    expect(nuevos[0].mensaje).toContain(`20.000,00 en «${NOMBRES[2]}» (PMR!O${filaCopia})`);
    expect(nuevos[0].mensaje).toContain(`en «${NOMBRES[0]}» (PMR!O7)`);
    expect(nuevos[1].mensaje).toContain(`«Envejecimiento digno y activo» en «${NOMBRES[2]}» (PMR!B6)`);
    expect(nuevos[1].mensaje).toContain(`en «${NOMBRES[1]}» (PMR!B${filaIo51})`);
    // Los hallazgos de antes siguen todos (por su clave) y no hay otros.
    expect(r.hallazgos.length).toBe(consolidado.hallazgos.length + 2);
    // El consolidado no duplica el indicador ni cambia las cifras.
    expect(r.modelo.pmr!.indicadores).toHaveLength(consolidado.modelo.pmr!.indicadores.length);
    const cumplimientos = (x: InformeConsolidacion) =>
      x.evaluacion.objetivos.map((o) => [o.codigo, o.nombre, o.cumplimiento]);
    expect(cumplimientos(r)).toEqual(cumplimientos(consolidado));
  });

  it("una fila de presupuesto o territorial repetida en otro archivo no se suma dos veces; si difiere, lo dice", async () => {
    const p = await partirEjemplo(GRUPOS, NOMBRES);
    const hoja = (i: number, nombre: string) => p.partes[i].libro.hojas.find((h) => h.nombre === nombre)!.valores;
    const pres = original.modelo.presupuesto!;
    const terr = original.modelo.territorial!;
    // La tercera gerencia copió la primera partida de la primera tal cual, y otra con otra
    // apropiación; y una meta territorial de la primera con otra meta.
    const [igual, distinta] = hoja(0, pres.nombre).slice(pres.filaEncabezado, pres.filaEncabezado + 2);
    const colApropiacion = pres.columnas.campos.apropiacion!;
    const apropiacionOriginal = distinta[colApropiacion] as number;
    hoja(2, pres.nombre).push([...igual]);
    const cambiada = [...distinta];
    cambiada[colApropiacion] = apropiacionOriginal + 1_000_000;
    hoja(2, pres.nombre).push(cambiada);
    const filaCambiada = hoja(2, pres.nombre).length;
    const territorial = [...hoja(0, terr.nombre)[terr.filaEncabezado]];
    const colMeta = terr.columnas.campos.metaVigencia!;
    territorial[colMeta] = 999;
    hoja(2, terr.nombre).push(territorial);
    const filaTerritorial = hoja(2, terr.nombre).length;

    const r = await consolidar(p.partes.map((x) => fuente(x.nombre, x.libro)));
    // Ninguna fila se duplicó: las mismas cifras de presupuesto, territorio y productos.
    expect(r.modelo.presupuesto!.filas).toHaveLength(consolidado.modelo.presupuesto!.filas.length);
    expect(r.modelo.territorial!.filas).toHaveLength(consolidado.modelo.territorial!.filas.length);
    const productos = (x: InformeConsolidacion) =>
      x.evaluacion.productos.map((pr) => [pr.codigo, pr.apropiacion, pr.avanceFinanciero]);
    expect(productos(r)).toEqual(productos(consolidado));
    // Solo las dos diferencias, en la celda del archivo repetido y nombrando la del otro.
    const nuevos = r.hallazgos.filter((h) => !consolidado.hallazgos.some((o) => o.clave === h.clave));
    const letra = (c: number) => String.fromCharCode(65 + c);
    expect(nuevos.map((h) => [h.regla, h.archivo, h.hoja, h.celda])).toEqual([
      ["CONS-FILA-REPETIDA-DISTINTA", NOMBRES[2], pres.nombre, `${letra(colApropiacion)}${filaCambiada}`],
      ["CONS-FILA-REPETIDA-DISTINTA", NOMBRES[2], terr.nombre, `${letra(colMeta)}${filaTerritorial}`],
    ]);
    expect(nuevos[0].mensaje).toMatch(
      /^La fila de presupuesto P1\.1 · .* está en dos archivos con valores distintos en Apropiación/,
    );
    expect(nuevos[0].mensaje).toContain(
      `en «${NOMBRES[0]}» (${pres.nombre}!${letra(colApropiacion)}${pres.filaEncabezado + 2})`,
    );
    expect(nuevos[0].mensaje).toContain(`El consolidado tomó la de «${NOMBRES[0]}» (no suma las dos)`);
    expect(nuevos[1].mensaje).toMatch(/^La meta territorial IP1\.1\.1 · .* en Meta vigencia: 999,00 en/);
    expect(r.hallazgos.length).toBe(consolidado.hallazgos.length + 2);
  });

  it("un archivo ilegible entre buenos: los demás se consolidan y el hallazgo lo nombra", async () => {
    const p = await partirEjemplo(GRUPOS, NOMBRES);
    const progreso: string[] = [];
    const r = await consolidar(
      [
        fuente(NOMBRES[0], p.partes[0].libro),
        {
          nombre: "dañado.xlsx",
          leer: () =>
            Promise.reject(new Error("No se pudo leer «dañado.xlsx»: no es un libro de Excel (.xlsx) válido.")),
        },
        fuente(NOMBRES[1], p.partes[1].libro),
        fuente(NOMBRES[2], p.partes[2].libro),
      ],
      { alProgreso: (e) => progreso.push(e.etapa === "validando" ? e.etapa : `${e.etapa}:${e.archivo}`) },
    );
    expect(r.leidos).toBe(3);
    expect(r.archivos[1]).toEqual({
      nombre: "dañado.xlsx",
      leido: false,
      error: "No se pudo leer «dañado.xlsx»: no es un libro de Excel (.xlsx) válido.",
      indicadores: 0,
    });
    const ilegibles = r.hallazgos.filter((h) => h.regla === "CONS-ARCHIVO-ILEGIBLE");
    expect(ilegibles.map((h) => [h.archivo, h.severidad])).toEqual([["dañado.xlsx", "error"]]);
    expect(r.hallazgos.length).toBe(consolidado.hallazgos.length + 1);
    expect(r.evaluacion.objetivos.map((o) => o.cumplimiento)).toEqual(
      consolidado.evaluacion.objetivos.map((o) => o.cumplimiento),
    );
    expect(progreso).toEqual([
      `leyendo:${NOMBRES[0]}`,
      `leido:${NOMBRES[0]}`,
      "leyendo:dañado.xlsx",
      "ilegible:dañado.xlsx",
      `leyendo:${NOMBRES[1]}`,
      `leido:${NOMBRES[1]}`,
      `leyendo:${NOMBRES[2]}`,
      `leido:${NOMBRES[2]}`,
      "validando",
    ]);
  });
});

describe("un hallazgo en una columna que el archivo de origen no tiene", () => {
  it("señala la fila en el origen y el mensaje sigue nombrando las celdas del consolidado", () => {
    const libros = [
      {
        nombre: "a.xlsx",
        modelo: modelo({
          indicadores: [indicador({ codigo: "I1", metaVigencia: 10, programado: serie(5), ejecutado: serie(5) })],
          hoja: { sinColumnas: ["cualitativo"] },
        }),
        error: null,
      },
    ];
    const m = consolidarModelos(libros);
    const r = validarConsolidado(
      libros,
      m,
      resolverConfiguracion(null).configuracion,
      resolverConfiguracion(null).origen,
    );
    const h = r.hallazgos.find((x) => x.regla === "CUAL-FALTANTE")!;
    // Origen: fila 6 de a.xlsx, en la celda del código (F) porque no tiene columnas de cualitativo.
    expect(h).toMatchObject({
      archivo: "a.xlsx",
      hoja: "PMR",
      celda: "F6",
      consolidado: { hoja: "PMR", celda: "AO2" },
    });
    // El mensaje habla del consolidado de principio a fin (su ejecución de enero, AB2, y su
    // cualitativo, AO2): no mezcla celdas de dos libros.
    expect(h.mensaje).toContain("(AB2)");
    expect(h.mensaje).toContain("Escriba en AO2");
  });
});
