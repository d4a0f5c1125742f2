import { MENSAJES_CASOS } from "../../../src/casos/mensajes";
import { validar } from "../../../src/casos/validar";
import { esFormulaDelComplemento, puertosExcel, type AlmacenExcel, type Ejecutar } from "../../../src/hosts/excel";
import { crearLibroFalso, reabrir, type LibroFalso } from "../../fakes/excel-falso";
import { quitarAnfitrion, usarLibro } from "./ayudas";
import { libroPmr } from "./generador-pmr";

afterEach(() => quitarAnfitrion());

/** El caso de uso «validar» con los puertos de Excel, y lo que midieron los puertos. */
async function validarEnExcel(alProgreso: ((etapa: string) => void) | undefined, ejecutar: Ejecutar) {
  const puertos = puertosExcel(ejecutar);
  const informe = await validar(puertos, {
    alProgreso: alProgreso && ((e) => alProgreso(MENSAJES_CASOS.etapas[e])),
  });
  const { lectura, resaltado, formatosResaltado } = puertos.medida;
  // Lo guardado en el libro: la configuración sale de la configuración del documento (sin viaje) y
  // los sellos de cierre de las partes XML (un viaje si no hay ninguna).
  const almacen = (puertos.almacen as AlmacenExcel).medida.syncs;
  return { informe, syncs: { lectura, resaltado, almacen, total: lectura + resaltado + almacen }, formatosResaltado };
}

function delComplemento(libro: LibroFalso) {
  return libro
    .nombresHojas()
    .flatMap((h) => libro.formatosCondicionales(h).filter((f) => esFormulaDelComplemento(f.formula)));
}

describe("validarEnExcel", () => {
  test("lee, valida y resalta, avisando cada etapa en español; no cambia ninguna celda", async () => {
    const libro = crearLibroFalso(libroPmr(100, { titulo: true }));
    const ejecutar = usarLibro(libro);
    const antes = libro.instantaneaCeldas("PMR");
    const etapas: string[] = [];
    const r = await validarEnExcel((e) => etapas.push(e), ejecutar);
    expect(etapas).toEqual([
      MENSAJES_CASOS.etapas.leyendo,
      MENSAJES_CASOS.etapas.validando,
      MENSAJES_CASOS.etapas.resaltando,
    ]);
    expect(r.informe.modelo.pmr).not.toBeNull();
    expect(r.informe.hallazgos.length).toBeGreaterThan(0);
    expect(r.syncs.lectura).toBeLessThanOrEqual(3);
    expect(r.syncs.resaltado).toBeLessThanOrEqual(2);
    expect(r.syncs.almacen).toBeLessThanOrEqual(2);
    expect(r.syncs.total).toBe(libro.syncs);
    expect(r.formatosResaltado).toBe(delComplemento(libro).length);
    expect(r.formatosResaltado).toBeGreaterThan(0);
    // Cada hallazgo con una celda de la hoja PMR queda a la vista con un color de resaltado.
    const enPmr = r.informe.hallazgos.filter((h) => h.hoja === "PMR" && /^[A-Z]+\d+$/.test(h.celda));
    expect(enPmr.length).toBeGreaterThan(0);
    for (const h of enPmr.slice(0, 50)) expect(libro.rellenoVisible("PMR", h.celda)).not.toBeNull();
    expect(libro.instantaneaCeldas("PMR")).toEqual(antes);
  });

  test("validar dos veces no duplica el resaltado", async () => {
    const libro = crearLibroFalso(libroPmr(100));
    const ejecutar = usarLibro(libro);
    await validarEnExcel(undefined, ejecutar);
    const primera = delComplemento(libro).map((f) => ({ ...f, id: undefined }));
    await validarEnExcel(undefined, ejecutar);
    expect(delComplemento(libro).map((f) => ({ ...f, id: undefined }))).toEqual(primera);
  });

  test("guardar, cerrar, reabrir y validar otra vez: primero quita el resaltado anterior, sin duplicados", async () => {
    const original = crearLibroFalso(libroPmr(100));
    const antes = original.instantaneaCeldas("PMR");
    await validarEnExcel(undefined, usarLibro(original));
    const primera = delComplemento(original).map((f) => ({ ...f, id: undefined }));
    expect(primera.length).toBeGreaterThan(0);

    const reabierto = reabrir(original);
    const r = await validarEnExcel(undefined, usarLibro(reabierto));
    expect(r.syncs.resaltado).toBeLessThanOrEqual(2);
    expect(delComplemento(reabierto).map((f) => ({ ...f, id: undefined }))).toEqual(primera);
    expect(reabierto.instantaneaCeldas("PMR")).toEqual(antes);
  });

  test("un libro sin hoja PMR: el hallazgo de estructura no rompe el resaltado", async () => {
    const libro = crearLibroFalso({ hojas: [{ nombre: "Hoja1", valores: [["nada que ver"]] }] });
    const ejecutar = usarLibro(libro);
    const r = await validarEnExcel(undefined, ejecutar);
    expect(r.informe.resumen.errores).toBeGreaterThan(0);
    expect(r.syncs.lectura).toBe(2);
  });

  test("los mismos viajes a Excel con 1.000 y con 10.000 indicadores", async () => {
    const medir = async (n: number) => {
      const libro = crearLibroFalso(libroPmr(n));
      const r = await validarEnExcel(undefined, libro.run as unknown as Ejecutar);
      expect(r.syncs.total).toBe(libro.syncs);
      return r.syncs;
    };
    const mil = await medir(1_000);
    const diezMil = await medir(10_000);
    expect(mil.lectura).toBeLessThanOrEqual(3);
    expect(mil.resaltado).toBeLessThanOrEqual(2);
    expect(diezMil).toEqual(mil);
  }, 120_000);
});
