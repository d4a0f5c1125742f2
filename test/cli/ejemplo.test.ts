/**
 * El libro de ejemplo: (1) el archivo guardado en ejemplos/ es el que genera hoy el script (se
 * comparan las grillas, no los bytes, y el README); (2) sus datos son coherentes según los
 * cálculos de src/domain salvo los problemas deliberados; (3) cada problema está en la celda que
 * dice el README.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import {
  acumulado,
  avance,
  avanceFinanciero,
  avanceFisico,
  coherencia,
  leerLocalidad,
  leerNumero,
  leerPeriodicidad,
  leerTendencia,
  mesesDeReporte,
  programadoAlCorte,
  CONFIGURACION_POR_DEFECTO,
  type Tendencia,
} from "../../src/domain";
import { validarLibro } from "../../src/casos/validar";
import { leerArchivoXlsx } from "../../src/hosts/xlsx";
import type { GrillaHoja, LibroGrillas } from "../../src/workbook/grilla";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ejemplo = require("../../scripts/ejemplo") as typeof import("../../scripts/ejemplo");
type DatosEjemplo = import("../../scripts/ejemplo").DatosEjemplo;

const RAIZ = path.resolve(__dirname, "..", "..");
const CARPETA_EJEMPLOS = path.join(RAIZ, "ejemplos");

describe("ejemplos/ está al día con el generador", () => {
  let carpeta: string;
  let guardado: LibroGrillas;
  let generado: LibroGrillas;
  beforeAll(async () => {
    carpeta = mkdtempSync(path.join(tmpdir(), "pmr-ejemplo-"));
    const r = spawnSync(process.execPath, [path.join(RAIZ, "scripts", "generar-ejemplo.js"), carpeta], {
      encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(`el generador falló: ${r.stderr}`);
    guardado = await leerArchivoXlsx(path.join(CARPETA_EJEMPLOS, "pmr-ejemplo.xlsx"));
    generado = await leerArchivoXlsx(path.join(carpeta, "pmr-ejemplo.xlsx"));
  });
  afterAll(() => rmSync(carpeta, { recursive: true, force: true }));

  it("mismas hojas, valores, combinadas y formatos (si falla: npm run ejemplo)", () => {
    expect(generado.hojas.map((h) => h.nombre)).toEqual(["Instrucciones", "PMR", "PMR_Presupuesto", "PMR_Territorial"]);
    expect(guardado).toEqual(generado);
  });

  it("mismo README (si falla: npm run ejemplo)", () => {
    expect(readFileSync(path.join(CARPETA_EJEMPLOS, "README.md"), "utf8")).toBe(
      readFileSync(path.join(carpeta, "README.md"), "utf8"),
    );
  });

  describe("cada problema deliberado está en la celda que dice el README", () => {
    const problemas = ejemplo.problemasDelLibro();
    const readme = readFileSync(path.join(CARPETA_EJEMPLOS, "README.md"), "utf8");
    function valor(hoja: GrillaHoja, a1: string): unknown {
      const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
      let col = 0;
      for (const c of m[1]) col = col * 26 + (c.charCodeAt(0) - 64);
      return hoja.valores[Number(m[2]) - 1 - (hoja.filaInicial ?? 0)]?.[col - 1 - (hoja.columnaInicial ?? 0)];
    }
    const h = (nombre: string) => guardado.hojas.find((x) => x.nombre === nombre)!;
    const de = (id: string) => problemas.find((p) => p.id === id)!;

    it("entre 6 y 10 problemas, de al menos seis familias, todos en la tabla del README", () => {
      expect(problemas.length).toBeGreaterThanOrEqual(6);
      expect(problemas.length).toBeLessThanOrEqual(10);
      expect(new Set(problemas.map((p) => p.categoria)).size).toBeGreaterThanOrEqual(6);
      for (const p of problemas) expect(readme).toContain(`| ${p.hoja} | ${p.celda} |`);
    });

    it("la validación encuentra exactamente esos problemas: misma hoja, celda y categoría, ni uno más", () => {
      const informe = validarLibro(guardado, CONFIGURACION_POR_DEFECTO);
      const vistos = informe.hallazgos.map((x) => `${x.hoja}!${x.celda} · ${x.categoria}`).sort();
      const listados = problemas.map((p) => `${p.hoja}!${p.celda} · ${p.categoria}`).sort();
      expect(vistos).toEqual(listados);
      // Y cada fila de la tabla del README es uno de ellos.
      const filas = readme.split("\n").filter((l) => /^\| \d+ \|/.test(l));
      expect(filas).toHaveLength(informe.hallazgos.length);
      for (const x of informe.hallazgos) expect(readme).toContain(`| ${x.hoja} | ${x.celda} |`);
    });

    it("#REF! en un mes", () => expect(valor(h("PMR"), de("ref-en-mes").celda)).toBe("#REF!"));
    it("«Sumatoria»", () => expect(valor(h("PMR"), de("tendencia-sumatoria").celda)).toBe("Sumatoria"));
    it("tipo «Objetivo» en la fila del producto P2.3", () => {
      const celda = de("producto-sin-indicador").celda;
      expect(valor(h("PMR"), celda)).toBe("P2.3");
      expect(valor(h("PMR"), celda.replace(/^[A-Z]+/, "E"))).toBe("Objetivo");
    });
    it("la fila del producto incoherente P4.2", () =>
      expect(valor(h("PMR"), de("fisico-financiero-incoherente").celda)).toBe("P4.2"));
    it("texto de más de 250 caracteres", () =>
      expect(String(valor(h("PMR"), de("cualitativo-largo").celda)).length).toBeGreaterThan(250));
    it("acumulado declarado distinto", () =>
      expect(String(valor(h("PMR"), de("acumulado-cualitativo").celda))).toContain("acumulado de 18.300 hogares"));
    it("ejecución en agosto de un trimestral", () =>
      expect(valor(h("PMR"), de("ejecucion-fuera-de-periodo").celda)).toBe(0.96));
    it("«Soacha»", () => expect(valor(h("PMR_Territorial"), de("localidad-desconocida").celda)).toBe("Soacha"));
    it("ponderaciones de O3 que suman 90 %", () => {
      const [desde, hasta] = de("ponderaciones-90").celda.split(":");
      const col = desde.replace(/\d+/g, "");
      let suma = 0;
      for (let f = Number(desde.replace(/\D+/g, "")); f <= Number(hasta.replace(/\D+/g, "")); f++) {
        const l = leerNumero(valor(h("PMR"), `${col}${f}`));
        if (l.tipo === "numero") suma += l.valor;
      }
      expect(suma).toBeCloseTo(0.9, 12);
    });
  });
});

/** Cifras al corte de los datos, con los cálculos de src/domain. */
function evaluarDatos(d: DatosEjemplo) {
  const indicadores = d.indicadores.map((i) => {
    const t = leerTendencia(i.tendencia) as Tendencia | null;
    const P = t ? programadoAlCorte(i.prog, i.mv, t, d.corte) : null;
    const E = acumulado(i.ejec, t ?? "SUMA", d.corte);
    return { i, t, P, E, avance: t ? avance(P, E, t, i.lb) : null };
  });
  const productos = d.productos.map((p) => {
    const inds = indicadores.filter((x) => x.i.p === p.codigo && x.i.tipo === "Producto");
    const filas = d.presupuesto.filter((f) => f.codigoProducto === p.codigo);
    const fisico = avanceFisico(inds.map((x) => ({ acumulado: x.E, metaVigencia: x.i.mv, ponderacion: x.i.peso })));
    const comp = filas.reduce((s, f) => s + (acumulado(f.compromisos, "SUMA", d.corte) ?? 0), 0);
    const financiero = filas.length
      ? avanceFinanciero(
          comp,
          filas.reduce((s, f) => s + f.apropiacion, 0),
        )
      : null;
    return { codigo: p.codigo, inds, filas, fisico, financiero, coherencia: coherencia(fisico, financiero) };
  });
  return { indicadores, productos };
}

function monotona(serie: (number | null)[], sentido: 1 | -1): boolean {
  const v = serie.filter((x): x is number => x !== null);
  return v.every((x, k) => k === 0 || sentido * (x - v[k - 1]) >= 0);
}

describe("los datos sin problemas son coherentes (cálculos de src/domain)", () => {
  const d = ejemplo.datosEjemplo({ problemas: false });
  const ev = evaluarDatos(d);

  it("tamaño y variedad: ≈5 objetivos, ≈12 productos, ≈30 indicadores, las cuatro tendencias", () => {
    expect(d.objetivos).toHaveLength(5);
    expect(d.productos).toHaveLength(12);
    expect(d.indicadores).toHaveLength(30);
    expect(new Set(d.indicadores.map((i) => leerTendencia(i.tendencia)))).toEqual(
      new Set(["SUMA", "CRECIENTE", "CONSTANTE", "DECRECIENTE"]),
    );
    expect(new Set(d.indicadores.map((i) => i.periodicidad)).size).toBeGreaterThanOrEqual(4);
  });

  it("cadena de valor completa", () => {
    for (const o of d.objetivos) {
      const inds = d.indicadores.filter((i) => i.o === o.codigo);
      expect(inds.some((i) => i.tipo === "Objetivo")).toBe(true);
      expect(inds.some((i) => i.p !== null)).toBe(true);
    }
    for (const p of ev.productos) {
      expect(p.inds.length).toBeGreaterThan(0);
      expect(p.filas.length).toBeGreaterThan(0);
    }
    const codigos = d.indicadores.map((i) => i.codigo);
    expect(new Set(codigos).size).toBe(codigos.length);
    for (const f of d.presupuesto) expect(d.productos.map((p) => p.codigo)).toContain(f.codigoProducto);
    for (const t of d.territorial) expect(codigos).toContain(t.codigoIndicador);
  });

  it("ponderaciones: 100 % por objetivo, o ninguna", () => {
    for (const o of d.objetivos) {
      const pesos = d.indicadores.filter((i) => i.o === o.codigo).map((i) => i.peso);
      if (pesos.every((p) => p === null)) continue;
      expect(pesos.reduce((s: number, p) => s + (p ?? 0), 0)).toBeCloseTo(1, 12);
    }
  });

  it("metas: catálogo, programación SUMA = meta vigencia, meta plan y línea base coherentes", () => {
    for (const { i, t } of ev.indicadores) {
      expect(t).not.toBeNull();
      expect(leerPeriodicidad(i.periodicidad)).not.toBeNull();
      if (t === "SUMA") {
        expect(i.prog.reduce((s: number, v) => s + (v ?? 0), 0)).toBe(i.mv);
        expect(i.mv).toBeLessThanOrEqual(i.mp);
      }
      if (t === "CRECIENTE") expect(i.mp).toBeGreaterThanOrEqual(i.lb ?? -Infinity);
      if (t === "DECRECIENTE") {
        expect(i.lb).not.toBeNull();
        expect(i.mp).toBeLessThanOrEqual(i.lb!);
      }
    }
  });

  it("seguimiento: crecientes que no bajan, decrecientes que no suben, ejecución solo en meses de reporte y hasta el corte", () => {
    for (const { i, t } of ev.indicadores) {
      if (t === "CRECIENTE") expect(monotona(i.ejec, 1) && monotona(i.prog, 1)).toBe(true);
      if (t === "DECRECIENTE") expect(monotona(i.ejec, -1) && monotona(i.prog, -1)).toBe(true);
      const meses = mesesDeReporte(leerPeriodicidad(i.periodicidad)!);
      i.ejec.forEach((v, k) => {
        if (v !== null) {
          expect(meses).toContain(k + 1);
          expect(k + 1).toBeLessThanOrEqual(d.corte);
        }
      });
    }
  });

  it("avances al corte entre 80 % y 125 % (o sin programación)", () => {
    for (const x of ev.indicadores) {
      if (x.avance === null) {
        expect(x.i.periodicidad).toBe("Anual");
        continue;
      }
      expect(x.avance).toBeGreaterThanOrEqual(0.8);
      expect(x.avance).toBeLessThanOrEqual(1.25);
    }
  });

  it("textos cualitativos: cada mes hasta el corte, ≤ 250 caracteres, sin cifras salvo el acumulado, que es el calculado", () => {
    for (const { i, E } of ev.indicadores) {
      for (let m = 1; m <= 12; m++) {
        const t = i.cualitativo[m - 1];
        if (m > d.corte) {
          expect(t).toBeNull();
          continue;
        }
        expect(typeof t).toBe("string");
        expect(t!.length).toBeLessThanOrEqual(250);
        const declarado = /acumulado de ([\d.]+) /.exec(t!);
        const sinAcumulado = t!.replace(/acumulado de [\d.]+ /, "");
        expect(sinAcumulado).not.toMatch(/\d/);
        if (declarado) {
          expect(m).toBe(d.corte);
          expect(declarado[1]).toBe(ejemplo.cifra(E!));
        }
      }
    }
    expect(ev.indicadores.filter((x) => x.i.acumuladoEnTexto).length).toBeGreaterThanOrEqual(4);
  });

  it("presupuesto: compromisos ≤ apropiación, giros ≤ compromisos, físico y financiero coherentes", () => {
    for (const f of d.presupuesto) {
      let comp = 0;
      let giros = 0;
      for (let m = 0; m < 12; m++) {
        comp += f.compromisos[m] ?? 0;
        giros += f.giros[m] ?? 0;
        expect(giros).toBeLessThanOrEqual(comp);
      }
      expect(comp).toBeLessThanOrEqual(f.apropiacion);
    }
    expect(new Set(d.presupuesto.map((f) => f.tipoRecurso))).toEqual(new Set(["Inversión", "Funcionamiento"]));
    for (const p of ev.productos) expect([p.codigo, p.coherencia]).toEqual([p.codigo, "Coherente"]);
  });

  it("territorial: localidades de Bogotá que suman la meta vigencia y el acumulado", () => {
    const porIndicador = new Map<string, { meta: number; ejec: number }>();
    for (const t of d.territorial) {
      expect(leerLocalidad(t.localidad)).not.toBeNull();
      const s = porIndicador.get(t.codigoIndicador) ?? { meta: 0, ejec: 0 };
      s.meta += t.metaVigencia;
      s.ejec += t.ejecutado;
      porIndicador.set(t.codigoIndicador, s);
    }
    expect(new Set(d.territorial.map((t) => typeof t.localidad))).toEqual(new Set(["number", "string"]));
    for (const [codigo, s] of porIndicador) {
      const x = ev.indicadores.find((y) => y.i.codigo === codigo)!;
      expect(x.t).toBe("SUMA");
      expect(s.meta).toBe(x.i.mv);
      expect(s.ejec).toBe(x.E);
    }
  });
});

describe("los problemas cambian solo lo que dicen", () => {
  const sin = ejemplo.datosEjemplo({ problemas: false });
  const con = ejemplo.datosEjemplo();
  const evSin = evaluarDatos(sin);
  const evCon = evaluarDatos(con);

  it("P4.2 pasa a «Financiero adelantado» y es el único producto incoherente", () => {
    const incoherentes = evCon.productos.filter((p) => p.coherencia !== null && p.coherencia !== "Coherente");
    expect(incoherentes.map((p) => [p.codigo, p.coherencia])).toEqual([["P4.2", "Financiero adelantado"]]);
  });

  it("P4.1 compromete más de lo apropiado y sigue coherente", () => {
    const p41 = evCon.productos.find((p) => p.codigo === "P4.1")!;
    expect(p41.financiero!).toBeGreaterThan(1);
    expect(p41.coherencia).toBe("Coherente");
  });

  it("los cumplimientos de O1, O2 y O5 no cambian (los problemas de esos objetivos no tocan cifras)", () => {
    for (const codigo of ["IO1.1", "IP1.1.1", "IP1.2.2", "IP2.1.1", "IP2.3.1", "IP5.1.1"]) {
      const a = evSin.indicadores.find((x) => x.i.codigo === codigo)!;
      const b = evCon.indicadores.find((x) => x.i.codigo === codigo)!;
      expect([codigo, b.avance]).toEqual([codigo, a.avance]);
    }
  });

  it("cada id de problema se puede pedir por separado", () => {
    for (const id of ejemplo.IDS_PROBLEMAS) {
      const d = ejemplo.datosEjemplo({ problemas: [id] });
      expect(d.problemas.map((p) => p.id)).toEqual([id]);
    }
    expect(() => ejemplo.datosEjemplo({ problemas: ["no-existe"] })).toThrow(/desconocido/);
  });
});
