/**
 * El libro de ejemplo escrito en el diseño canónico (leerModeloConOrigen → describirLibroCanonico
 * → .xlsx) se valida con las mismas cifras y los mismos hallazgos (regla y clave) que el original.
 */
import * as path from "node:path";
import { validarLibro } from "../../../src/casos/validar";
import { CONFIGURACION_POR_DEFECTO } from "../../../src/domain/configuracion";
import { escribirLibroXlsx, leerArchivoXlsx } from "../../../src/hosts/xlsx";
import { leerModeloConOrigen } from "../../../src/workbook";
import { describirLibroCanonico } from "../../../src/workbook/canonico";

/** Lo que no depende de dónde está cada celda: sin filas, columnas, celdas ni avisos de la lectura. */
function cifras(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(cifras);
  if (x === null || typeof x !== "object") return x;
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(x))
    if (!["fila", "filaEncabezado", "columnas", "celda", "lectura", "avisos"].includes(k)) o[k] = cifras(v);
  return o;
}

const EJEMPLO = path.join(__dirname, "../../../ejemplos/pmr-ejemplo.xlsx");

test("el ejemplo en el diseño canónico da las mismas cifras y hallazgos", async () => {
  const g = await leerArchivoXlsx(EJEMPLO);
  const { origen } = leerModeloConOrigen(g);
  const { libro } = describirLibroCanonico(origen, { procedencia: ["hoja", "fila"] });
  const r = await escribirLibroXlsx(libro);
  const g2 = await leerArchivoXlsx(r.archivo);
  const a = validarLibro(g, CONFIGURACION_POR_DEFECTO);
  const b = validarLibro(g2, CONFIGURACION_POR_DEFECTO);
  const k = (i: typeof a) => i.hallazgos.map((h) => `${h.regla} ${h.clave}`).sort();
  expect(k(b)).toEqual(k(a));
  expect(cifras(b.evaluacion)).toEqual(cifras(a.evaluacion));
  expect(cifras(b.modelo)).toEqual(cifras(a.modelo));
  expect(a.hallazgos.length).toBeGreaterThan(0);
});

test("las columnas de procedencia (archivo, hoja, fila) no cambian la lectura ni los hallazgos", async () => {
  const g = await leerArchivoXlsx(EJEMPLO);
  const { origen } = leerModeloConOrigen(g);
  // Como al consolidar: cada fila dice de qué archivo viene.
  const conArchivo = Object.fromEntries(
    Object.entries(origen).map(([id, h]) => [
      id,
      { ...h, filas: h.filas.map((f) => ({ ...f, origen: { ...f.origen, archivo: "entidad-a.xlsx" } })) },
    ]),
  );
  const { libro, disposiciones } = describirLibroCanonico(conArchivo, { procedencia: ["archivo", "hoja", "fila"] });
  const pmr = disposiciones.find((d) => d.id === "pmr")!;
  expect(pmr.columnas.slice(-3).map((c) => c.encabezado)).toEqual([
    "Archivo de origen",
    "Hoja de origen",
    "Fila de origen",
  ]);
  const hoja = libro.hojas.find((h) => h.nombre === "PMR")!;
  const filas = hoja.celdas[0].filas;
  expect(filas[1].slice(-3)).toEqual(["entidad-a.xlsx", "PMR", origen.pmr!.filas[0].origen.fila]);
  const g2 = await leerArchivoXlsx((await escribirLibroXlsx(libro)).archivo);
  const a = validarLibro(g, CONFIGURACION_POR_DEFECTO);
  const b = validarLibro(g2, CONFIGURACION_POR_DEFECTO);
  expect(b.hallazgos.map((h) => `${h.regla} ${h.clave}`).sort()).toEqual(
    a.hallazgos.map((h) => `${h.regla} ${h.clave}`).sort(),
  );
});

test("sin las celdas de origen (como al consolidar): los mismos valores y formatos, y el mismo libro canónico", async () => {
  const g = await leerArchivoXlsx(EJEMPLO);
  const con = leerModeloConOrigen(g).origen;
  const sin = leerModeloConOrigen(g, undefined, { celdas: false }).origen;
  const sinCelda = (o: typeof con) =>
    Object.values(o).flatMap((h) =>
      h.filas.map((f) => [
        f.origen,
        Object.entries(f.valores).map(([k, v]) => [k, v?.valor, v?.formato]),
        Object.entries(f.extras ?? {}).map(([k, v]) => [k, v?.valor, v?.formato]),
      ]),
    );
  expect(sinCelda(sin)).toEqual(sinCelda(con));
  expect(Object.values(sin).some((h) => h.filas.some((f) => Object.values(f.valores).some((v) => v?.celda)))).toBe(
    false,
  );
  expect(describirLibroCanonico(sin).libro).toEqual(describirLibroCanonico(con).libro);
});
