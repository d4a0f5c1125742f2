/**
 * Un libro «de la vida real» (título encima, sinónimos, meses bajo grupos combinados, números
 * escritos como texto con coma decimal, tabla que no empieza en A1) da el mismo modelo que la
 * plantilla canónica.
 */
import type { AreaCombinada, GrillaHoja } from "../../src/workbook/grilla";
import { CLAVES_PMR, filaPmr, grillaPmr } from "../../src/workbook/plantilla";
import { FILAS_EJEMPLO, MESES_LARGOS, indicadores, leer } from "./ayudas";

/** 1234.5 → «1.234,5» (como lo escribe a mano un analista en Colombia). */
function textoColombiano(n: number): string {
  const [entero, decimales] = Math.abs(n).toString().split(".");
  const miles = entero.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return (n < 0 ? "-" : "") + miles + (decimales ? "," + decimales : "");
}

const SINONIMO: Record<string, string> = {
  codigoObjetivo: "Cód. objetivo",
  objetivo: "Objetivo PMR",
  codigoProducto: "ID producto",
  producto: "Nombre producto",
  tipo: "Tipo de indicador",
  codigo: "Cód. indicador",
  nombre: "Nombre del indicador",
  unidad: "Unidad",
  tendencia: "Tipo de anualización",
  periodicidad: "Frecuencia",
  ponderacion: "Peso",
  lineaBase: "LB",
  metaPlan: "Meta cuatrienio",
  vigencia: "Año",
  metaVigencia: "Meta anual",
  ejecutadoAnterior: "Ejecución acumulada anterior",
  observaciones: "Justificación",
};
const GRUPO: Record<string, string> = {
  programado: "Programación",
  ejecutado: "Ejecución",
  cualitativo: "Avance cualitativo",
};

function libroReal(conCombinadas: boolean): GrillaHoja {
  const FILA0 = 4;
  const COL0 = 2;
  const arriba: unknown[] = [];
  const abajo: unknown[] = [];
  const combinadas: AreaCombinada[] = [{ fila: 0, columna: 0, filas: 1, columnas: 8 }];
  CLAVES_PMR.forEach((clave, c) => {
    const [serie, mes] = clave.split(".");
    if (mes === undefined) {
      arriba.push(SINONIMO[clave]);
      abajo.push("");
      combinadas.push({ fila: FILA0 + 3, columna: COL0 + c, filas: 2, columnas: 1 });
    } else {
      arriba.push(mes === "1" ? GRUPO[serie] : "");
      abajo.push(MESES_LARGOS[Number(mes) - 1]);
      if (mes === "1") combinadas.push({ fila: FILA0 + 3, columna: COL0 + c, filas: 1, columnas: 12 });
    }
  });
  const datos = FILAS_EJEMPLO.map((f) =>
    filaPmr(f).map((v, c) => {
      if (typeof v !== "number") return v;
      const clave = CLAVES_PMR[c];
      if (clave === "vigencia") return String(v);
      if (clave === "ponderacion") return `${textoColombiano(v * 100)} %`;
      return textoColombiano(v);
    }),
  );
  return {
    nombre: "PMR",
    filaInicial: FILA0,
    columnaInicial: COL0,
    valores: [
      ["ALCALDÍA MAYOR DE BOGOTÁ — PMR vigencia 2025"],
      ["Entidad: Secretaría de Ejemplo"],
      [],
      arriba,
      abajo,
      ...datos,
    ],
    ...(conCombinadas ? { combinadas } : {}),
  };
}

describe("equivalencia con la plantilla canónica", () => {
  const canonico = leer(grillaPmr(FILAS_EJEMPLO));

  it.each([
    ["con áreas combinadas", true],
    ["sin información de combinadas", false],
  ])("%s: mismos valores, filas y columnas desplazadas", (_n, conCombinadas) => {
    const real = leer(libroReal(conCombinadas));
    expect(real.lectura).toEqual([]);
    const pmr = real.pmr!;
    expect(pmr.filaEncabezado).toBe(4 + 5);
    // Mismos valores (la ponderación en texto «60 %» es 0,6 como en la canónica).
    const sinFila = (ind: ReturnType<typeof indicadores>) => ind.map(({ fila: _f, ...resto }) => resto);
    expect(sinFila(indicadores(real))).toEqual(sinFila(indicadores(canonico)));
    expect(indicadores(real).map((i) => i.fila)).toEqual(indicadores(canonico).map((i) => i.fila + 4 + 4));
    // Las columnas se corren dos a la derecha.
    for (const [campo, col] of Object.entries(canonico.pmr!.columnas.campos)) {
      expect(pmr.columnas.campos[campo as keyof typeof pmr.columnas.campos]).toBe(col + 2);
    }
    expect(pmr.columnas.ejecutado).toEqual(canonico.pmr!.columnas.ejecutado.map((c) => c! + 2));
  });

  it("los valores de prueba no son triviales (hay decimales, miles y porcentajes escritos como texto)", () => {
    const valores = libroReal(true).valores.slice(5).flat();
    expect(valores).toEqual(expect.arrayContaining(["1.200", "95,5", "60 %", "4,5"]));
  });
});
