import { MENSAJES_EXCEL, irACelda, type Ejecutar } from "../../../src/hosts/excel";
import { crearLibroFalso } from "../../fakes/excel-falso";

function libro() {
  return crearLibroFalso({
    hojas: [
      { nombre: "Instrucciones", valores: [["Lea esto"]] },
      { nombre: "PMR", valores: [["Código indicador"], ["IND-1"]] },
    ],
  });
}

describe("irACelda", () => {
  test("activa la hoja y selecciona la celda en un viaje", async () => {
    const l = libro();
    expect(l.seleccion()).toEqual({ hoja: "Instrucciones", direccion: "A1" });
    await irACelda("PMR", "B12", l.run as unknown as Ejecutar);
    expect(l.syncs).toBe(1);
    expect(l.hojaActiva()).toBe("PMR");
    expect(l.seleccion()).toEqual({ hoja: "PMR", direccion: "B12" });
  });

  test("acepta rangos, $ y minúsculas", async () => {
    const l = libro();
    await irACelda("pmr", "$k$12:k15", l.run as unknown as Ejecutar);
    expect(l.seleccion()).toEqual({ hoja: "PMR", direccion: "K12:K15" });
  });

  test("una hoja que ya no existe da el error en español y no cambia la selección", async () => {
    const l = libro();
    await expect(irACelda("PMR viejo", "A1", l.run as unknown as Ejecutar)).rejects.toThrow(
      "La hoja «PMR viejo» no está en el libro (quizá se borró o cambió de nombre).",
    );
    expect(l.seleccion()).toEqual({ hoja: "Instrucciones", direccion: "A1" });
  });

  test("una dirección que no es una celda da un error en español sin hablar con Excel", async () => {
    const l = libro();
    await expect(irACelda("PMR", "(toda la hoja)", l.run as unknown as Ejecutar)).rejects.toThrow(
      MENSAJES_EXCEL.celdaNoValida("(toda la hoja)"),
    );
    expect(l.syncs).toBe(0);
  });

  test("otro error de Excel se explica en español", async () => {
    const roto: Ejecutar = () => Promise.reject(new Error("Excel está ocupado"));
    await expect(irACelda("PMR", "A1", roto)).rejects.toThrow(
      MENSAJES_EXCEL.noSePudoIrACelda("PMR", "A1", "Excel está ocupado"),
    );
  });
});
