import { citar, etiqueta, lista, mes, meses, nombreCampo, numero, porcentaje, puntos } from "../../src/rules/formato";

describe("formato es-CO de los mensajes", () => {
  it.each([
    [1234.5, "1.234,5"],
    [1200000000, "1.200.000.000"],
    [0.15, "0,15"],
    [-50, "-50"],
    [100, "100"],
    [1 / 3, "0,3333"],
    [2 / 3 + 10, "10,67"],
    [-0.00001, "0"],
  ])("numero(%p) = %p", (n, esperado) => {
    expect(numero(n)).toBe(esperado);
  });

  it("porcentajes y puntos", () => {
    expect(porcentaje(0.9)).toBe("90 %");
    expect(porcentaje(1.043)).toBe("104,3 %");
    expect(porcentaje(0.33333)).toBe("33,33 %");
    expect(puntos(0.55)).toBe("55 puntos");
    expect(puntos(-0.3)).toBe("30 puntos");
    expect(puntos(0.01)).toBe("1 punto");
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
