/** El informe en texto dice cuándo la ejecución (u otra serie) viene por periodos: «reporte trimestral». */
import { informeTexto } from "../../src/cli/informeTexto";
import { FILAS_TRIMESTRALES, grillaPmr, porPeriodos, validar } from "../workbook/disposiciones";

const opciones = { color: false, indicadores: false };

describe("línea «Reporte» del informe en texto", () => {
  it("con la ejecución por trimestre dice «ejecución trimestral»", () => {
    const g = porPeriodos(grillaPmr(FILAS_TRIMESTRALES), "ejecutado", "trimestral", (i) => `Avance Q${i + 1}`);
    const texto = informeTexto("libro.xlsx", validar(g), opciones);
    expect(texto).toMatch(/^ {2}Reporte: +ejecución trimestral \(cada periodo en su mes de cierre\)$/m);
    expect(texto.indexOf("Reporte:")).toBeGreaterThan(texto.indexOf("Corte:"));
  });

  it("un libro mensual no tiene la línea (se ve como siempre)", () => {
    const texto = informeTexto("libro.xlsx", validar(grillaPmr(FILAS_TRIMESTRALES)), opciones);
    expect(texto).not.toContain("Reporte:");
  });
});
