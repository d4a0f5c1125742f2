/**
 * Sección Cierre del panel: lo que dice de cada sello (qué cubre, cuándo, si está intacto) y del
 * sellado, y el adaptador de Excel (falso) que la alimenta: sellar el libro abierto y leer los
 * sellos guardados.
 */
import * as path from "node:path";
import { sellarEvaluacion } from "../../src/domain/sellos";
import { leerSellosExcel, sellarEnExcel } from "../../src/hosts/excel/cierre";
import { leerArchivoXlsx } from "../../src/hosts/xlsx";
import { MENSAJES_PANEL_CIERRE, fechaSello, resumenSellado, sellosVisibles } from "../../src/taskpane/cierre";
import { crearLibroFalso } from "../fakes/excel-falso";
import { quitarAnfitrion, usarLibro } from "../hosts/excel/ayudas";
import { configuracion, evaluacionDe, indicador, modelo } from "../rules/fabrica";

const EJEMPLO = path.resolve(__dirname, "..", "..", "ejemplos", "pmr-ejemplo.xlsx");

afterEach(() => quitarAnfitrion());

describe("sellosVisibles", () => {
  const m = modelo({ indicadores: [indicador({ codigo: "A" }), indicador({ codigo: "B" })] });
  const ev = evaluacionDe(m, configuracion());
  const junio = sellarEvaluacion(ev, { mes: 6, fecha: "2025-07-03T15:04:00.000Z", nota: "Semestre", hoja: "PMR" });
  const dic = sellarEvaluacion(ev, { mes: 12, fecha: "2026-01-10T09:00:00.000Z", nota: " ", hoja: "PMR" });

  test("del más reciente al más antiguo, con lo que cubre, la fecha y la nota", () => {
    const v = sellosVisibles([junio, dic]);
    expect(v.map((x) => x.titulo)).toEqual(["Diciembre de 2025", "Junio de 2025"]);
    expect(v[1].cubre).toMatch(/^Enero a junio: .* de 2 indicadores\.$/);
    expect(v[1].cuando).toBe("Sellado el 03/07/2025 15:04 (UTC).");
    expect(v[1].nota).toBe("Semestre");
    expect(v[0].nota).toBeNull();
    expect(v.every((x) => x.intacto)).toBe(true);
  });

  test("un sello editado a mano se marca como alterado", () => {
    const editado = { ...junio, nota: "Otra nota" };
    expect(sellosVisibles([editado])[0].intacto).toBe(false);
  });

  test("fechaSello deja tal cual lo que no es ISO", () => {
    expect(fechaSello("ayer")).toBe("ayer");
  });
});

describe("adaptador de Excel (falso)", () => {
  test("sella el libro abierto, lo lee y dice cuántos errores tenía", async () => {
    const libro = crearLibroFalso(await leerArchivoXlsx(EJEMPLO));
    const ejecutar = usarLibro(libro);
    expect((await leerSellosExcel(ejecutar)).datos).toBeNull();
    const r = await sellarEnExcel({ mes: 6, nota: "Primer semestre" }, ejecutar);
    const resumen = resumenSellado(r);
    expect(r.errores).toBeGreaterThan(0);
    expect(resumen.intent).toBe("warning");
    expect(resumen.texto).toContain(`El libro tenía ${r.errores} errores al sellar`);
    const r2 = await sellarEnExcel({ mes: 12 }, ejecutar);
    expect(r2.sellos.map((s) => s.mes)).toEqual([6, 12]);
    const leidos = await leerSellosExcel(ejecutar);
    expect(leidos.datos?.sellos.map((s) => [s.mes, s.nota])).toEqual([
      [6, "Primer semestre"],
      [12, ""],
    ]);
    expect(sellosVisibles(leidos.datos!.sellos)[0].titulo).toBe("Diciembre de 2025");
  });

  test("el mes no válido no guarda nada y el mensaje es para el usuario", async () => {
    const libro = crearLibroFalso(await leerArchivoXlsx(EJEMPLO));
    const ejecutar = usarLibro(libro);
    await expect(sellarEnExcel({ mes: 13 }, ejecutar)).rejects.toThrow("entre 1 y 12");
    expect((await leerSellosExcel(ejecutar)).datos).toBeNull();
    expect(MENSAJES_PANEL_CIERRE.sellar(6)).toBe("Sellar enero a junio");
  });
});
