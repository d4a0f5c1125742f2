/**
 * El Informe PMR y el Anexo PMR del libro de ejemplo: hojas, bloques y CADA cifra de la
 * descripción de hojas comparada celda a celda con la del motor (evaluar), con su formato de
 * número de FORMATOS_EXCEL; y el mismo texto en el HTML.
 */
import * as path from "node:path";
import { validarLibro, type InformeValidacion } from "../../src/casos/validar";
import {
  apropiacionPorTipo,
  describirDocumento,
  documentoAnexo,
  documentoInforme,
  ENCABEZADOS_OBJETIVO,
  FORMATO_EXCEL_CIFRA,
  HOJAS_INFORME,
  textoCelda,
  type UbicacionCelda,
} from "../../src/casos/informe";
import { documentoHtml, escaparHtml } from "../../src/casos/informeHtml";
import {
  CONFIGURACION_POR_DEFECTO,
  crearConfiguracion,
  escalaPorcentaje,
  FORMATOS_EXCEL,
  normalizarCodigo,
  porcentaje,
  tipoEfectivo,
  type Indicador,
} from "../../src/domain";
import { letraColumna } from "../../src/domain/direcciones";
import { leerArchivoXlsx } from "../../src/hosts/xlsx";
import type { LibroGrillas } from "../../src/workbook/grilla";
import { comprobarDescripcion, type DescripcionHoja, type DescripcionLibro } from "../../src/workbook/escritura";
import { celdasDe, estilosDe, formatoDe } from "./ayudas-informe";

const EJEMPLO = path.resolve(__dirname, "..", "..", "ejemplos", "pmr-ejemplo.xlsx");
const FECHA = new Date(2026, 0, 15);

function hoja(d: DescripcionLibro, nombre: string): DescripcionHoja {
  const h = d.hojas.find((x) => x.nombre === nombre);
  if (!h) throw new Error(`falta la hoja ${nombre}`);
  return h;
}

/** Filas (número de fila) cuya columna `col` tiene el texto dado. */
function filasCon(celdas: Map<string, unknown>, col: string, texto: string): number[] {
  return [...celdas]
    .filter(([d, v]) => v === texto && d.replace(/\d+$/, "") === col)
    .map(([d]) => Number(d.replace(/^[A-Z]+/, "")));
}

const formatoValor = (ind: Indicador) => {
  const e = escalaPorcentaje(ind);
  return e === "fraccion"
    ? FORMATOS_EXCEL.porcentaje
    : e === "puntos"
      ? FORMATOS_EXCEL.porcentajePuntos
      : FORMATOS_EXCEL.numero;
};

/** Una cifra del motor en la celda: el número exacto (o «—» si el motor no tiene cifra) y su formato. */
function esperarCifra(
  h: DescripcionHoja,
  celdas: Map<string, unknown>,
  dir: string,
  v: number | null,
  formato: string,
  sinCifra: string | null = "—",
) {
  if (v === null) {
    expect([dir, celdas.get(dir)]).toEqual([dir, sinCifra]);
    return;
  }
  expect([dir, celdas.get(dir)]).toEqual([dir, v]);
  expect([dir, formatoDe(h, dir)]).toEqual([dir, formato]);
}

describe("Informe PMR del libro de ejemplo", () => {
  let v: InformeValidacion;
  let d: DescripcionLibro;
  let ubicaciones: UbicacionCelda[];
  let libro: LibroGrillas;
  beforeAll(async () => {
    libro = await leerArchivoXlsx(EJEMPLO);
    v = validarLibro(libro, CONFIGURACION_POR_DEFECTO);
    ubicaciones = [];
    d = describirDocumento(documentoInforme(v, { fecha: FECHA }), ubicaciones);
  });

  it("cuatro hojas del complemento, válidas para el escritor, con dos gráficos", () => {
    expect(d.hojas.map((h) => [h.nombre, h.proposito])).toEqual([
      ["Informe PMR", "informe-resumen"],
      ["Informe por objetivo", "informe-objetivos"],
      ["Informe físico-financiero", "informe-fisico-financiero"],
      ["Informe territorial", "informe-territorial"],
    ]);
    expect(() => comprobarDescripcion(d)).not.toThrow();
    expect(d.hojas.flatMap((h) => (h.graficos ?? []).map((g) => [h.nombre, g.tipo, g.series.length]))).toEqual([
      ["Informe PMR", "barrasAgrupadas", 1],
      ["Informe físico-financiero", "barrasAgrupadas", 2],
    ]);
    const c = celdasDe(d.hojas[0]);
    expect(c.get("A1")).toBe("Informe de seguimiento PMR 2025");
    expect(c.get("A2")).toBe(
      "Vigencia 2025 · Corte: septiembre de 2025 · Generado el 15 de enero de 2026 con PMR para Excel",
    );
  });

  it("resumen: el cumplimiento y el semáforo de cada objetivo son los del motor; el gráfico colorea cada barra por su semáforo", () => {
    const h = hoja(d, HOJAS_INFORME.resumen);
    const c = celdasDe(h);
    expect(v.evaluacion.objetivos).toHaveLength(5);
    const filas: number[] = [];
    for (const o of v.evaluacion.objetivos) {
      const [f] = filasCon(c, "A", o.codigo);
      filas.push(f);
      expect(c.get(`B${f}`)).toBe(o.nombre);
      expect(c.get(`C${f}`)).toBe(o.indicadores.length);
      esperarCifra(h, c, `D${f}`, o.cumplimiento, FORMATOS_EXCEL.porcentaje);
      expect(c.get(`E${f}`)).toBe(o.semaforo);
      expect(estilosDe(h, `D${f}`)).toContain(`semaforo${o.semaforo}`);
    }
    const g = h.graficos![0];
    expect(g.series[0].valores).toBe(`D${filas[0]}:D${filas[4]}`);
    expect(g.series[0].categorias).toBe(`A${filas[0]}:A${filas[4]}`);
    expect(g.series[0].coloresPuntos).toEqual(v.evaluacion.objetivos.map(() => "#00A04A"));
  });

  it("un bloque por objetivo: su cumplimiento y la tabla del informe sectorial, cada cifra igual a la del motor", () => {
    const h = hoja(d, HOJAS_INFORME.objetivos);
    const c = celdasDe(h);
    let indicadores = 0;
    for (const o of v.evaluacion.objetivos) {
      const [f] = filasCon(c, "A", `${o.codigo} — ${o.nombre}`);
      expect(c.get(`A${f + 1}`)).toBe("Cumplimiento del objetivo");
      esperarCifra(h, c, `B${f + 1}`, o.cumplimiento, FORMATOS_EXCEL.porcentaje);
      expect(ENCABEZADOS_OBJETIVO.map((_, i) => c.get(`${letraColumna(i)}${f + 2}`))).toEqual([
        ...ENCABEZADOS_OBJETIVO,
      ]);
      o.indicadores.forEach((ev, i) => {
        const fila = f + 3 + i;
        const ind = ev.indicador;
        expect(c.get(`B${fila}`)).toBe(ind.codigo);
        expect(c.get(`C${fila}`)).toBe(ind.nombre);
        if (tipoEfectivo(ind) === "OBJETIVO") expect(c.get(`A${fila}`)).toBe("Indicador de objetivo");
        else {
          const p = v.evaluacion.productoPorCodigo.get(normalizarCodigo(ind.codigoProducto)!)!;
          expect(c.get(`A${fila}`)).toBe(`${p.codigo} — ${p.nombre}`);
        }
        esperarCifra(h, c, `E${fila}`, ind.ponderacion, FORMATOS_EXCEL.porcentaje);
        esperarCifra(h, c, `F${fila}`, ev.programado, formatoValor(ind));
        esperarCifra(h, c, `G${fila}`, ev.ejecutado, formatoValor(ind));
        esperarCifra(h, c, `H${fila}`, ev.avance, FORMATOS_EXCEL.porcentaje);
        expect(String(c.get(`I${fila}`)).startsWith(ev.estado)).toBe(true);
        indicadores++;
      });
      // La tabla termina donde terminan los indicadores del objetivo.
      expect(c.get(`B${f + 3 + o.indicadores.length}`)).toBeUndefined();
    }
    expect(indicadores).toBe(v.evaluacion.indicadores.length);
    // La observación acompaña al estado (IP4.2.1 tiene una).
    const [f421] = filasCon(c, "B", "IP4.2.1");
    expect(c.get(`I${f421}`)).toMatch(/^En ejecución\. El operador de la formación/);
    expect(estilosDe(h, `H${f421}`)).toContain("semaforoRojo");
    // Sin programación: sin avance («—»), nunca 0.
    const [f512] = filasCon(c, "B", "IP5.1.2");
    expect(c.get(`H${f512}`)).toBe("—");
  });

  it("físico-financiero: cada producto con los avances, la apropiación, los compromisos y la coherencia del motor", () => {
    const h = hoja(d, HOJAS_INFORME.fisicoFinanciero);
    const c = celdasDe(h);
    for (const p of v.evaluacion.productos) {
      const [f] = filasCon(c, "A", p.codigo);
      // Columnas del gráfico: sin cifra, la celda queda vacía (Excel dibujaría «—» como cero).
      esperarCifra(h, c, `D${f}`, p.avanceFisico, FORMATOS_EXCEL.porcentaje, null);
      esperarCifra(h, c, `E${f}`, p.avanceFinanciero, FORMATOS_EXCEL.porcentaje, null);
      esperarCifra(h, c, `F${f}`, p.apropiacion, FORMATOS_EXCEL.moneda);
      esperarCifra(h, c, `G${f}`, p.compromisos, FORMATOS_EXCEL.moneda);
      expect(c.get(`H${f}`)).toBe(p.coherencia ?? "Sin dato");
    }
    const g = h.graficos![0];
    expect(g.series.map((s) => [s.nombre, s.valores.replace(/\d+/g, "")])).toEqual([
      ["Avance físico", "D:D"],
      ["Avance financiero", "E:E"],
    ]);
  });

  it("territorial: cada meta y ejecución por localidad es la de la hoja PMR_Territorial", () => {
    const h = hoja(d, HOJAS_INFORME.territorial);
    const c = celdasDe(h);
    const filas = v.modelo.territorial!.filas;
    expect(filas.length).toBeGreaterThan(0);
    const [enc] = filasCon(c, "A", "Código indicador");
    filas.forEach((t, i) => {
      const f = enc + 1 + i;
      expect(c.get(`A${f}`)).toBe(t.codigoIndicador);
      expect(c.get(`D${f}`)).toBe(t.metaVigencia);
      expect(c.get(`E${f}`)).toBe(t.ejecutado);
    });
    expect(c.get(`C${enc + 1}`)).toBe("Ciudad Bolívar"); // «19» en el libro
  });

  it("cada cifra escrita tiene el formato de su tipo; ninguna se escribe como texto formateado a mano", () => {
    expect(ubicaciones.length).toBeGreaterThan(200);
    for (const u of ubicaciones) {
      expect(typeof u.celda.valor).toBe("number");
      const h = hoja(d, u.hoja);
      expect(celdasDe(h).get(u.direccion)).toBe(u.celda.valor);
      expect([u.hoja, u.direccion, formatoDe(h, u.direccion)]).toEqual([
        u.hoja,
        u.direccion,
        FORMATO_EXCEL_CIFRA[u.celda.tipo],
      ]);
    }
  });

  it("la configuración manda: con otro semáforo cambian los colores, nunca las cifras", () => {
    const estricta = crearConfiguracion({ semaforo: { rojo: 0.9, amarillo: 0.99, verde: 1.25 } });
    const v2 = validarLibro(libro, estricta);
    const d2 = describirDocumento(documentoInforme(v2, { fecha: FECHA }));
    const h = hoja(d2, HOJAS_INFORME.resumen);
    const c = celdasDe(h);
    const [f] = filasCon(c, "A", "O4");
    expect(c.get(`D${f}`)).toBe(v.evaluacion.objetivoPorCodigo.get("O4")!.cumplimiento);
    expect(c.get(`E${f}`)).toBe("Rojo");
    expect(estilosDe(h, `D${f}`)).toContain("semaforoRojo");
    expect(h.graficos![0].series[0].coloresPuntos![3]).toBe("#C00000");
  });

  it("un libro sin hojas da un informe vacío pero válido, que lo dice", () => {
    const vacio = describirDocumento(
      documentoInforme(validarLibro({ hojas: [] } as never, CONFIGURACION_POR_DEFECTO), { fecha: FECHA }),
    );
    expect(() => comprobarDescripcion(vacio)).not.toThrow();
    expect([...celdasDe(vacio.hojas[0]).values()]).toContain("El libro no tiene objetivos en la vigencia evaluada.");
    expect(vacio.hojas[0].graficos).toBeUndefined();
  });
});

describe("Anexo PMR del libro de ejemplo", () => {
  let v: InformeValidacion;
  let d: DescripcionLibro;
  beforeAll(async () => {
    v = validarLibro(await leerArchivoXlsx(EJEMPLO), CONFIGURACION_POR_DEFECTO);
    d = describirDocumento(documentoAnexo(v, { fecha: FECHA }));
  });

  it("una hoja; por producto, sus indicadores con LB, MV y MP y su apropiación por tipo de recurso", () => {
    expect(d.hojas.map((h) => h.nombre)).toEqual(["Anexo PMR"]);
    expect(() => comprobarDescripcion(d)).not.toThrow();
    const h = d.hojas[0];
    const c = celdasDe(h);
    for (const p of v.evaluacion.productos) {
      const [f] = filasCon(c, "A", `${p.codigo} — ${p.nombre}`);
      expect(f).toBeGreaterThan(0);
      for (const { indicador: ind } of p.indicadores) {
        const [fi] = filasCon(c, "A", ind.codigo!);
        expect(fi).toBeGreaterThan(f);
        expect(c.get(`B${fi}`)).toBe(ind.nombre);
        expect(c.get(`C${fi}`)).toBe(ind.unidad);
        esperarCifra(h, c, `E${fi}`, ind.lineaBase, formatoValor(ind));
        esperarCifra(h, c, `F${fi}`, ind.metaVigencia, formatoValor(ind));
        esperarCifra(h, c, `G${fi}`, ind.metaPlan, formatoValor(ind));
      }
      const recursos = apropiacionPorTipo(p);
      // La suma por tipo es la de las filas del presupuesto; el total, el del motor.
      for (const r of recursos) {
        const suma = p.filasPresupuesto
          .filter((x) => (x.tipoRecurso === "INVERSION" ? "Inversión" : "Funcionamiento") === r.tipo)
          .reduce((s, x) => s + (x.apropiacion ?? 0), 0);
        expect(r.apropiacion).toBe(suma);
      }
      if (recursos.length > 0) {
        const totales = filasCon(c, "A", "Total").filter((x) => x > f);
        const ft = Math.min(...totales);
        esperarCifra(h, c, `B${ft}`, p.apropiacion, FORMATOS_EXCEL.moneda);
        expect(estilosDe(h, `B${ft}`)).toContain("negrita");
        recursos.forEach((r, i) => {
          expect(c.get(`A${ft - recursos.length + i}`)).toBe(r.tipo);
          esperarCifra(h, c, `B${ft - recursos.length + i}`, r.apropiacion, FORMATOS_EXCEL.moneda);
        });
      }
    }
    // P1.1 tiene inversión y funcionamiento.
    expect(apropiacionPorTipo(v.evaluacion.productoPorCodigo.get("P1.1")!)).toEqual([
      { tipo: "Inversión", apropiacion: 42_500_000_000 },
      { tipo: "Funcionamiento", apropiacion: 1_200_000_000 },
    ]);
  });
});

describe("HTML del informe", () => {
  it("cada cifra de las hojas aparece en el HTML con el formato es-CO único (101,26 %, 18.030,00, $ 43.700.000.000)", async () => {
    const v = validarLibro(await leerArchivoXlsx(EJEMPLO), CONFIGURACION_POR_DEFECTO);
    const doc = documentoInforme(v, { fecha: FECHA });
    const ubicaciones: UbicacionCelda[] = [];
    describirDocumento(doc, ubicaciones);
    const html = documentoHtml(doc);
    for (const u of ubicaciones) expect(html).toContain(`>${escaparHtml(textoCelda(u.celda))}<`);
    expect(html).toContain(`>${porcentaje(v.evaluacion.objetivoPorCodigo.get("O1")!.cumplimiento)}<`);
    expect(html).toContain(">97,17\u00a0%<");
    expect(html).toContain(">18.030,00<");
    expect(html).toContain(">$\u00a043.700.000.000<");
    // Sin recursos externos ni scripts.
    expect(html).not.toMatch(/<script|<link|src=|url\(|@import|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);
    // Un salto de página antes de cada objetivo menos el primero.
    expect(html.match(/class="bloque pagina-nueva/g)).toHaveLength(v.evaluacion.objetivos.length - 1);
  });

  it("escapa los textos del libro", () => {
    const v = {
      modelo: { pmr: null, presupuesto: null, territorial: null, lectura: [] },
      configuracion: CONFIGURACION_POR_DEFECTO,
      evaluacion: {
        vigencia: 2025,
        corte: 12,
        indicadores: [],
        omitidos: [],
        objetivos: [
          {
            codigo: "O<1>",
            nombre: '<img src=x onerror="alert(1)">',
            cumplimiento: null,
            semaforo: null,
            indicadores: [],
            productos: [],
          },
        ],
        productos: [],
        objetivoPorCodigo: new Map(),
        productoPorCodigo: new Map(),
        reporte: null,
      },
    } as unknown as InformeValidacion;
    const html = documentoHtml(documentoInforme(v, { fecha: FECHA }));
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain("Informe anual PMR 2025");
  });
});
