/**
 * La plantilla (describirPlantilla): listas con alertas en español, cifras ≥ 0, mensajes en cada
 * encabezado, fórmulas =PMR.* y tablas; igual en la descripción, en el .xlsx (releído con ExcelJS)
 * y en las llamadas de Office.js (Excel falso). Una plantilla nueva no tiene errores de
 * Estructura, y una plantilla llenada por un script valida como el ejemplo.
 */
import * as path from "node:path";
import ExcelJS from "exceljs";
import { validarLibro } from "../../../src/casos/validar";
import { CONFIGURACION_POR_DEFECTO } from "../../../src/domain/configuracion";
import { escribirLibroExcel, type Ejecutar } from "../../../src/hosts/excel";
import { escribirLibroXlsx, leerArchivoXlsx } from "../../../src/hosts/xlsx";
import { leerModeloConOrigen } from "../../../src/workbook";
import {
  describirPlantilla,
  ENCABEZADOS_CALCULADOS,
  LISTA_LOCALIDAD,
  LISTA_TENDENCIA,
} from "../../../src/workbook/canonico";
import { ENCABEZADOS_PMR, ENCABEZADOS_PRESUPUESTO, ENCABEZADOS_TERRITORIAL } from "../../../src/workbook/plantilla";
import type { DescripcionHoja, DescripcionValidacion, ReglaValidacion } from "../../../src/workbook/escritura";
import { crearLibroFalso } from "../../fakes/excel-falso";
import { inspeccionarEscritura } from "../../fakes/escritura-falsa";

const EJEMPLO = path.join(__dirname, "../../../ejemplos/pmr-ejemplo.xlsx");

/** ¿Admite Excel este valor con esta regla? (Como la valida Excel al escribir en la celda.) */
function admite(regla: ReglaValidacion, valor: string | number): boolean {
  switch (regla.tipo) {
    case "cualquiera":
      return true;
    case "lista":
      // Excel compara las listas sin distinguir mayúsculas.
      return regla.valores.some((v) => v.toLowerCase() === String(valor).toLowerCase());
    case "listaRango":
      throw new Error("no se usa en la plantilla");
    default: {
      if (typeof valor !== "number") return false;
      if (regla.tipo === "entero" && !Number.isInteger(valor)) return false;
      switch (regla.operador) {
        case "mayorOIgual":
          return valor >= regla.valor;
        case "entre":
          return valor >= regla.valor && valor <= (regla.valor2 as number);
        default:
          throw new Error(`operador ${regla.operador} no se usa en la plantilla`);
      }
    }
  }
}

const { libro, disposiciones } = describirPlantilla({ vigencia: 2026, filasVacias: 50 });
const hojaDe = (nombre: string): DescripcionHoja => libro.hojas.find((h) => h.nombre === nombre)!;
const letraDe = (id: string, clave: string) =>
  disposiciones.find((d) => d.id === id)!.columnas.find((c) => c.clave === clave)!.letra;
const validacionEn = (h: DescripcionHoja, celda: string): DescripcionValidacion | undefined => {
  const m = /^([A-Z]+)(\d+)$/.exec(celda)!;
  const col = (l: string) => [...l].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  return h.validaciones?.find((v) => {
    const [a, b = a] = v.rango.split(":");
    const [, ca, fa] = /^([A-Z]+)(\d+)$/.exec(a)!;
    const [, cb, fb] = /^([A-Z]+)(\d+)$/.exec(b)!;
    const f = Number(m[2]);
    return col(ca) <= col(m[1]) && col(m[1]) <= col(cb) && Number(fa) <= f && f <= Number(fb);
  });
};

describe("la descripción de la plantilla", () => {
  const pmr = hojaDe("PMR");

  test("tres hojas con los encabezados canónicos, en orden, como tablas, con la fila de encabezados inmovilizada", () => {
    expect(libro.hojas.map((h) => h.nombre)).toEqual(["PMR", "PMR_Presupuesto", "PMR_Territorial"]);
    const encabezados = (h: DescripcionHoja) => h.celdas[0].filas[0];
    expect(encabezados(pmr)).toEqual([
      ...ENCABEZADOS_PMR,
      ENCABEZADOS_CALCULADOS.corte,
      ENCABEZADOS_CALCULADOS.avance,
      ENCABEZADOS_CALCULADOS.estado,
      ENCABEZADOS_CALCULADOS.semaforo,
    ]);
    expect(encabezados(hojaDe("PMR_Presupuesto"))).toEqual([
      ...ENCABEZADOS_PRESUPUESTO,
      ENCABEZADOS_CALCULADOS.avanceFinanciero,
    ]);
    expect(encabezados(hojaDe("PMR_Territorial"))).toEqual([...ENCABEZADOS_TERRITORIAL, ENCABEZADOS_CALCULADOS.avance]);
    for (const h of libro.hojas) {
      expect(h.inmovilizar).toEqual({ filas: 1 });
      expect(h.tablas).toHaveLength(1);
      expect(h.tablas![0].rango).toMatch(/^A1:[A-Z]+51$/);
      expect(h.proposito).toBe("plantilla");
      // Un ancho por columna, ni demasiado angosto ni demasiado ancho.
      expect(h.anchos).toHaveLength(h.celdas[0].filas[0].length);
      for (const a of h.anchos!) expect(a.ancho).toBeGreaterThanOrEqual(10);
    }
    expect(pmr.anchos!.find((a) => a.columnas === letraDe("pmr", "nombre"))!.ancho).toBe(45);
  });

  test("la Tendencia rechaza «Sumatoria» con una alerta en español que detiene", () => {
    const v = validacionEn(pmr, `${letraDe("pmr", "tendencia")}2`)!;
    expect(v.regla).toEqual({ tipo: "lista", valores: ["Suma", "Creciente", "Constante", "Decreciente"] });
    expect(admite(v.regla, "Sumatoria")).toBe(false);
    expect(admite(v.regla, "suma")).toBe(true);
    expect(v.alertaError).toMatchObject({ estilo: "detener", titulo: "Tendencia no válida" });
    expect(v.alertaError!.mensaje).toContain("«Sumatoria»");
    expect(v.alertaError!.mensaje).toMatch(/debe ser Suma, Creciente, Constante o Decreciente/);
    // La misma validación en todas las filas de la tabla.
    expect(v.rango).toBe(`${letraDe("pmr", "tendencia")}2:${letraDe("pmr", "tendencia")}51`);
    expect(LISTA_TENDENCIA).toEqual(v.regla.tipo === "lista" ? v.regla.valores : []);
  });

  test("las demás listas: Periodicidad, Tipo indicador, Tipo de recurso y Localidad (20 y Distrital)", () => {
    const lista = (h: string, id: string, clave: string) => {
      const v = validacionEn(hojaDe(h), `${letraDe(id, clave)}10`)!;
      expect(v.alertaError?.estilo).toBe("detener");
      expect(v.mensajeEntrada?.mensaje.length).toBeGreaterThan(10);
      return v.regla.tipo === "lista" ? v.regla.valores : null;
    };
    expect(lista("PMR", "pmr", "periodicidad")).toEqual(["Mensual", "Bimestral", "Trimestral", "Semestral", "Anual"]);
    expect(lista("PMR", "pmr", "tipo")).toEqual(["Objetivo", "Producto"]);
    expect(lista("PMR_Presupuesto", "presupuesto", "tipoRecurso")).toEqual(["Inversión", "Funcionamiento"]);
    const localidades = lista("PMR_Territorial", "territorial", "localidad")!;
    expect(localidades).toHaveLength(21);
    expect(localidades).toEqual(LISTA_LOCALIDAD);
    expect(localidades).toContain("Distrital");
    expect(localidades).toContain("Rafael Uribe Uribe");
    expect(localidades.join(",").length).toBeLessThanOrEqual(255);
  });

  test("cifras ≥ 0 en las columnas de valores; ponderación entre 0 y 100 %; vigencia, la pedida", () => {
    for (const clave of [
      "lineaBase",
      "metaPlan",
      "metaVigencia",
      "programado.1",
      "programado.12",
      "ejecutado.7",
      "ejecutadoAnterior",
    ]) {
      const v = validacionEn(pmr, `${letraDe("pmr", clave)}2`)!;
      expect(v.regla).toEqual({ tipo: "decimal", operador: "mayorOIgual", valor: 0 });
      expect(admite(v.regla, -1)).toBe(false);
      expect(v.alertaError!.mensaje).toMatch(/mayor o igual a 0.*vacío no es cero/);
    }
    const pond = validacionEn(pmr, `${letraDe("pmr", "ponderacion")}2`)!;
    expect(admite(pond.regla, 0.5)).toBe(true);
    expect(admite(pond.regla, 1.5)).toBe(false);
    const vig = validacionEn(pmr, `${letraDe("pmr", "vigencia")}2`)!;
    expect(admite(vig.regla, 2026)).toBe(true);
    expect(admite(vig.regla, 2025)).toBe(false);
    expect(vig.alertaError!.mensaje).toContain("2026");
    for (const [h, id, clave] of [
      ["PMR_Presupuesto", "presupuesto", "apropiacion"],
      ["PMR_Presupuesto", "presupuesto", "giros.3"],
      ["PMR_Territorial", "territorial", "metaVigencia"],
      ["PMR_Territorial", "territorial", "ejecutado"],
    ])
      expect(validacionEn(hojaDe(h), `${letraDe(id, clave)}5`)!.regla).toMatchObject({
        operador: "mayorOIgual",
        valor: 0,
      });
    // Los textos (códigos, nombres) no llevan regla en los datos.
    expect(validacionEn(pmr, `${letraDe("pmr", "nombre")}2`)).toBeUndefined();
    // Formato de porcentaje en la ponderación y en el avance.
    const formatos = pmr.formatosNumero!.map((f) => `${f.rango} ${f.formato}`);
    expect(formatos).toContain(`${letraDe("pmr", "ponderacion")}2:${letraDe("pmr", "ponderacion")}51 0.00%`);
    expect(formatos).toContain(`${letraDe("pmr", "calc.avance")}2:${letraDe("pmr", "calc.avance")}51 0.00%`);
  });

  test("un mensaje de entrada en español en cada encabezado", () => {
    for (const h of libro.hojas) {
      const encabezados = h.celdas[0].filas[0];
      encabezados.forEach((e, i) => {
        const letra = disposiciones.find((d) => d.nombre === h.nombre)!.columnas[i].letra;
        const v = validacionEn(h, `${letra}1`)!;
        expect(v.regla).toEqual({ tipo: "cualquiera" });
        expect(v.mensajeEntrada!.titulo).toBe(String(e).slice(0, 32));
        expect(v.mensajeEntrada!.mensaje.length).toBeGreaterThan(10);
        expect(v.mensajeEntrada!.mensaje.length).toBeLessThanOrEqual(255);
      });
    }
    expect(validacionEn(pmr, `${letraDe("pmr", "tendencia")}1`)!.mensajeEntrada!.mensaje).toMatch(/Suma, Creciente/);
  });

  test("columnas calculadas con =PMR.* en cada fila de la tabla", () => {
    const filas = pmr.celdas[0].filas;
    const col = (clave: string) => disposiciones[0].columnas.find((c) => c.clave === clave)!.indice;
    const f2 = filas[1];
    expect(f2[col("calc.avance")]).toEqual({ formula: expect.stringContaining("PMR.AVANCE(") });
    expect(f2[col("calc.avance")]).toEqual({ formula: expect.stringContaining("PMR.ACUMULADO(AB2:AM2,I2,BB2)") });
    expect(f2[col("calc.estado")]).toEqual({ formula: '=IF(F2="","",PMR.ESTADO(BC2,BB2))' });
    expect(f2[col("calc.semaforo")]).toEqual({ formula: '=IF(ISNUMBER(BC2),PMR.SEMAFORO(BC2),"")' });
    expect(f2[col("calc.corte")]).toEqual({
      formula: expect.stringContaining("PlantillaPMR[[Ejecutado Ene]:[Ejecutado Dic]]"),
    });
    expect(filas[50][col("calc.estado")]).toEqual({ formula: '=IF(F51="","",PMR.ESTADO(BC51,BB51))' });
    // Fuera de las calculadas, las filas nuevas están vacías.
    expect(filas[1].filter((c) => c !== null)).toHaveLength(4);
    const pres = hojaDe("PMR_Presupuesto").celdas[0].filas[1];
    expect(pres[pres.length - 1]).toEqual({ formula: expect.stringContaining("PMR.AVANCE.FINANCIERO(SUM(E2:P2),D2)") });
    const terr = hojaDe("PMR_Territorial").celdas[0].filas[1];
    expect(terr[terr.length - 1]).toEqual({ formula: '=IF(OR(A2="",C2=""),"",PMR.AVANCE(C2,D2,"Suma"))' });
  });
});

describe("el .xlsx de la plantilla releído con ExcelJS", () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    const r = await escribirLibroXlsx(libro);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.archivo as unknown as ArrayBuffer);
  });

  test("listas, alertas, mensajes, fórmulas, tabla e inmovilizado", () => {
    const ws = wb.getWorksheet("PMR")!;
    const dv = (ws as unknown as { dataValidations: { model: Record<string, Record<string, unknown>> } })
      .dataValidations.model;
    const t = letraDe("pmr", "tendencia");
    expect(dv[`${t}2`]).toMatchObject({
      type: "list",
      formulae: ['"Suma,Creciente,Constante,Decreciente"'],
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: "Tendencia no válida",
    });
    expect(String(dv[`${t}51`].error)).toContain("«Sumatoria»");
    expect(dv[`${t}1`]).toMatchObject({
      type: "custom",
      formulae: ["TRUE"],
      showInputMessage: true,
      promptTitle: "Tendencia",
    });
    expect(dv[`${letraDe("pmr", "metaVigencia")}7`]).toMatchObject({
      type: "decimal",
      operator: "greaterThanOrEqual",
      formulae: [0],
    });
    expect(ws.getCell(`${letraDe("pmr", "calc.estado")}2`).formula).toBe('IF(F2="","",PMR.ESTADO(BC2,BB2))');
    expect(ws.getCell(`${letraDe("pmr", "calc.avance")}9`).formula).toContain("PMR.AVANCE(");
    expect(ws.getCell(`${letraDe("pmr", "calc.avance")}9`).numFmt).toBe("0.00%");
    expect(ws.getCell(`${letraDe("pmr", "ponderacion")}9`).numFmt).toBe("0.00%");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const tablas = (ws as unknown as { getTables(): { name: string; table: { tableRef?: string; ref: string } }[] })
      .getTables()
      .map((x) => [x.name, x.table.tableRef ?? x.table.ref]);
    expect(tablas).toEqual([["PlantillaPMR", `A1:${letraDe("pmr", "calc.semaforo")}51`]]);
    const terr = wb.getWorksheet("PMR_Territorial")!;
    const dvt = (terr as unknown as { dataValidations: { model: Record<string, Record<string, unknown>> } })
      .dataValidations.model;
    expect(String((dvt.B2.formulae as string[])[0])).toBe(`"${LISTA_LOCALIDAD.join(",")}"`);
  });
});

describe("la plantilla en Excel (Office.js, Excel falso)", () => {
  test("las llamadas de Office.js dejan las tablas, las validaciones, los mensajes y las fórmulas", async () => {
    const l = crearLibroFalso({ hojas: [{ nombre: "Hoja1", celdas: { A1: "mis datos" } }], activa: "Hoja1" });
    const r = await escribirLibroExcel(libro, {
      ejecutar: l.run as unknown as Ejecutar,
      confirmarReemplazo: () => Promise.resolve(true),
    });
    expect(r.cancelado).toBe(false);
    expect(l.nombresHojas()).toEqual(["Hoja1", "PMR", "PMR_Presupuesto", "PMR_Territorial"]);
    const e = inspeccionarEscritura(l, "PMR");
    expect(e.tablas.map((t) => [t.nombre, t.rango])).toEqual([
      ["PlantillaPMR", `A1:${letraDe("pmr", "calc.semaforo")}51`],
    ]);
    expect(e.inmovilizadas).toEqual({ filas: 1, columnas: 0 });
    const t = letraDe("pmr", "tendencia");
    const tendencia = e.validaciones.find((v) => v.rango === `${t}2:${t}51`)!;
    expect(tendencia.regla).toEqual({ list: { inCellDropDown: true, source: "Suma,Creciente,Constante,Decreciente" } });
    expect(tendencia.alertaError).toMatchObject({ showAlert: true, style: "Stop", title: "Tendencia no válida" });
    expect(tendencia.alertaError!.message).toContain("«Sumatoria»");
    const encabezado = e.validaciones.find((v) => v.rango === `${t}1`)!;
    expect(encabezado.regla).toEqual({ custom: { formula: "=TRUE" } });
    expect(encabezado.mensajeEntrada).toMatchObject({ showPrompt: true, title: "Tendencia" });
    expect(e.formulas[`${letraDe("pmr", "calc.estado")}2`]).toBe('=IF(F2="","",PMR.ESTADO(BC2,BB2))');
    expect(e.formulas[`${letraDe("pmr", "calc.avance")}51`]).toContain("PMR.AVANCE(");
    expect(e.propiedades).toMatchObject({ "PMR.propietario": "PMR para Excel;plantilla" });
    const loc = inspeccionarEscritura(l, "PMR_Territorial").validaciones.find((v) => v.rango === "B2:B51")!;
    expect(loc.regla).toEqual({ list: { inCellDropDown: true, source: LISTA_LOCALIDAD.join(",") } });
  });
});

describe("validar la plantilla", () => {
  const config = CONFIGURACION_POR_DEFECTO;

  test("una plantilla nueva no tiene errores de Estructura (solo el aviso de que no tiene indicadores)", async () => {
    const g = await leerArchivoXlsx((await escribirLibroXlsx(describirPlantilla().libro)).archivo);
    const i = validarLibro(g, config);
    expect(i.hallazgos.map((h) => `${h.regla} ${h.severidad}`)).toEqual(["EST-PMR-SIN-FILAS advertencia"]);
    expect(i.modelo.presupuesto).not.toBeNull();
    expect(i.modelo.territorial).not.toBeNull();
  });

  test("una plantilla llenada por un script (ExcelJS, celda por celda) valida como el ejemplo", async () => {
    const ejemplo = await leerArchivoXlsx(EJEMPLO);
    const { origen } = leerModeloConOrigen(ejemplo);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await escribirLibroXlsx(describirPlantilla({ filasVacias: 60 }).libro)).archivo as unknown as ArrayBuffer,
    );
    // El script escribe cada valor del ejemplo en la columna de su encabezado canónico.
    for (const d of describirPlantilla({ filasVacias: 60 }).disposiciones) {
      const ws = wb.getWorksheet(d.nombre)!;
      const filas = origen[d.id]?.filas ?? [];
      expect(filas.length).toBeLessThanOrEqual(60);
      filas.forEach((f, i) => {
        for (const c of d.columnas) {
          const v = f.valores[c.clave];
          if (v !== undefined && v.valor !== null) ws.getCell(`${c.letra}${i + 2}`).value = v.valor;
        }
      });
    }
    const lleno = await leerArchivoXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    const a = validarLibro(ejemplo, config);
    const b = validarLibro(lleno, config);
    const k = (x: typeof a) => x.hallazgos.map((h) => `${h.regla} ${h.clave}`).sort();
    expect(k(b)).toEqual(k(a));
    const cifras = (x: typeof a) =>
      x.evaluacion.objetivos.map((o) => ({
        codigo: o.codigo,
        cumplimiento: o.cumplimiento,
        indicadores: o.indicadores.map((i) => [
          i.indicador.codigo,
          i.programado,
          i.ejecutado,
          i.avance,
          i.estado,
          i.semaforo,
        ]),
      }));
    expect(cifras(b)).toEqual(cifras(a));
    expect(a.evaluacion.objetivos.length).toBeGreaterThan(2);
  });
});

describe("la regla «cualquiera» del escritor", () => {
  test("sin mensaje de entrada no sirve de nada: la descripción no es válida y lo dice", async () => {
    const { problemasDescripcion, hoja, libro: libroDe } = await import("../../../src/workbook/escritura");
    const h = hoja("Hoja", "plantilla")
      .celdas("A1", [["Código"], ["x"]])
      .validacion({ rango: "A1", regla: { tipo: "cualquiera" } });
    expect(problemasDescripcion(libroDe(h))).toEqual([
      "La validación de Hoja!A1 acepta cualquier valor: necesita un mensaje de entrada (si no, sobra).",
    ]);
    const bien = hoja("Hoja", "plantilla")
      .celdas("A1", [["Código"], ["x"]])
      .validacion({
        rango: "A1",
        regla: { tipo: "cualquiera" },
        mensajeEntrada: { titulo: "Código", mensaje: "El código." },
      });
    expect(problemasDescripcion(libroDe(bien))).toEqual([]);
  });
});
