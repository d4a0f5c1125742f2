import { citar, etiqueta, lista, mes, meses, nombreCampo, numero, porcentaje, puntos } from "../../src/rules/formato";

describe("formato es-CO de los mensajes", () => {
  it("las cifras son las del formato único (src/domain/formato.ts)", () => {
    expect(numero(1234.5)).toBe("1.234,50");
    expect(porcentaje(0.9)).toBe("90,00\u00a0%");
    expect(puntos(0.01)).toBe("1,00 puntos");
  });

  it("listas, meses, citas y campos", () => {
    expect(lista(["I1"])).toBe("I1");
    expect(lista(["I1", "I2", "I3"])).toBe("I1, I2 y I3");
    expect(lista(["a", "b", "c", "d", "e", "f", "g"])).toBe("a, b, c, d, e y 2 más");
    expect(mes(3)).toBe("marzo");
    expect(meses([3, 6, 9, 12])).toBe("marzo, junio, septiembre y diciembre");
    expect(citar("x".repeat(100), 10)).toBe("«xxxxxxxxx…»");
    expect(etiqueta("O2", "  Reducir  ")).toBe("O2 («Reducir»)");
    expect(etiqueta("O2", null)).toBe("O2");
    expect(nombreCampo("metaVigencia")).toBe("Meta vigencia");
    expect(nombreCampo("ejecutado.12")).toBe("Ejecutado diciembre");
    expect(nombreCampo("otraCosa")).toBe("otraCosa");
  });
});
