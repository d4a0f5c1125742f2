import { MENSAJES_CASOS } from "../../../src/casos/mensajes";
import { validar } from "../../../src/casos/validar";
import { esFormulaDelComplemento, puertosExcel, type Ejecutar } from "../../../src/hosts/excel";
import { SIN_RESALTAR } from "../../../src/rules/mensajes";
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
  const { lectura, resaltado, almacen, formatosResaltado } = puertos.medida;
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
    // Sin nada guardado en partes XML, el almacén (decisiones) cuesta un viaje: la lista de partes.
    expect(mil.almacen).toBe(1);
    expect(diezMil).toEqual(mil);
  }, 120_000);
});

describe("la hoja PMR con espacios en el nombre («PMR », « PMR»)", () => {
  test.each(["PMR ", " PMR", "  PMR  "])(
    "«%s»: se valida y se resalta en esa hoja, por su nombre real",
    async (nombre) => {
      const generado = libroPmr(30);
      const libro = crearLibroFalso({ hojas: [{ ...generado.hojas[0], nombre }] });
      const ejecutar = usarLibro(libro);
      const r = await validarEnExcel(undefined, ejecutar);
      const conCelda = r.informe.hallazgos.filter((h) => /^[A-Z]+\d+$/.test(h.celda));
      expect(conCelda.length).toBeGreaterThan(0);
      // El lector da el nombre real de la hoja, y el resaltado lo usa tal cual.
      expect(new Set(conCelda.map((h) => h.hoja))).toEqual(new Set([nombre]));
      expect(r.formatosResaltado).toBeGreaterThan(0);
      expect(r.formatosResaltado).toBe(delComplemento(libro).length);
      for (const h of conCelda) expect(libro.rellenoVisible(nombre, h.celda)).not.toBeNull();
      expect(r.informe.hallazgos.some((h) => h.regla === SIN_RESALTAR.id)).toBe(false);
    },
  );

  test("si la hoja se renombra entre la lectura y el resaltado, un hallazgo EST-SIN-RESALTAR lo dice", async () => {
    const generado = libroPmr(30);
    const libro = crearLibroFalso({ hojas: [{ ...generado.hojas[0], nombre: "PMR " }] });
    const ejecutar = usarLibro(libro);
    const puertos = puertosExcel(ejecutar);
    const resaltar = puertos.resaltar!;
    puertos.resaltar = async (hallazgos) => {
      // El usuario renombra la hoja mientras el panel valida.
      await ejecutar(async (context) => {
        context.workbook.worksheets.getItem("PMR ").name = "PMR 2025";
        await context.sync();
      });
      return resaltar(hallazgos);
    };
    const informe = await validar(puertos);
    const enPmr = informe.hallazgos.filter((h) => h.hoja === "PMR " && h.regla !== SIN_RESALTAR.id);
    expect(enPmr.length).toBeGreaterThan(0);
    const aviso = informe.hallazgos.filter((h) => h.regla === SIN_RESALTAR.id);
    expect(aviso).toEqual([
      expect.objectContaining({
        categoria: "Estructura",
        severidad: "advertencia",
        hoja: "PMR ",
        mensaje: SIN_RESALTAR.mensaje("PMR ", enPmr.length),
      }),
    ]);
    expect(aviso[0].mensaje).toContain(`Los ${enPmr.length} hallazgos de la hoja «PMR » no se resaltaron`);
    expect(informe.resumen.advertencias).toBe(informe.hallazgos.filter((h) => h.severidad === "advertencia").length);
    expect(puertos.medida.formatosResaltado).toBe(0);
    expect(delComplemento(libro)).toEqual([]);
  });

  test("un hallazgo de una hoja que no estaba al leer (falta la hoja PMR) no da EST-SIN-RESALTAR", async () => {
    const libro = crearLibroFalso({ hojas: [{ nombre: "PMR_", valores: [["nada que ver"]] }] });
    const r = await validarEnExcel(undefined, usarLibro(libro));
    expect(r.informe.resumen.errores).toBeGreaterThan(0);
    expect(r.informe.hallazgos.some((h) => h.regla === SIN_RESALTAR.id)).toBe(false);
  });
});
