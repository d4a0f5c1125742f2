/**
 * «Exportar hallazgos»: la descripción pura, la hoja escrita en el libro abierto (Excel falso) y el
 * .xlsx nuevo de `pmr validar --exportar`. Los textos que empiezan por = + - @ quedan como texto;
 * la única fórmula es el vínculo a la celda.
 */
import { promises as fs } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { Workbook } from "exceljs";
import { fijarDecision } from "../../src/casos/decidir";
import {
  COLUMNAS_EXPORTADAS,
  NOMBRE_HOJA_HALLAZGOS,
  describirHallazgosExportados,
  vinculoACelda,
} from "../../src/casos/exportarHallazgos";
import { validar, type InformeValidacion } from "../../src/casos/validar";
import { main, type Entorno } from "../../src/cli/main";
import { rutaVinculo } from "../../src/cli/decisiones";
import { crearAlmacenExcel, escribirLibroExcel, type Ejecutar } from "../../src/hosts/excel";
import { agregarPartesXml, leerArchivoXlsx } from "../../src/hosts/xlsx";
import { esFormula } from "../../src/workbook/escritura";
import { crearLibroFalso } from "../fakes/excel-falso";
import { inspeccionarEscritura } from "../fakes/escritura-falsa";
import { quitarAnfitrion, usarLibro } from "../hosts/excel/ayudas";

const EJEMPLO = path.resolve(__dirname, "..", "..", "ejemplos", "pmr-ejemplo.xlsx");
const AHORA = new Date("2026-07-01T12:00:00Z");
const NOTA_PELIGROSA = '=HYPERLINK("http://mal.example","clic") contrato';

afterEach(() => quitarAnfitrion());

function entorno(): Entorno & { salida(): string; errores(): string } {
  let out = "";
  let err = "";
  return {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    env: {},
    salida: () => out,
    errores: () => err,
  };
}

let libro: ReturnType<typeof crearLibroFalso>;
let informe: InformeValidacion;
let ejecutar: Ejecutar;

beforeEach(async () => {
  const grillas = await leerArchivoXlsx(EJEMPLO);
  libro = crearLibroFalso({ hojas: grillas.hojas });
  ejecutar = usarLibro(libro);
  const almacen = crearAlmacenExcel({ ejecutar });
  const puertos = { leerLibro: () => Promise.resolve(grillas), almacen };
  const primero = await validar(puertos);
  const [a, b] = primero.hallazgos;
  await fijarDecision({ almacen, autor: () => "Ana", ahora: () => AHORA }, a, {
    decision: "Justificado",
    nota: NOTA_PELIGROSA,
  });
  await fijarDecision({ almacen, ahora: () => AHORA }, b, { decision: "En gestión", nota: "@mesa técnica" });
  informe = await validar(puertos, { ahora: AHORA });
});

describe("descripción", () => {
  test("una fila por hallazgo (abiertos y cerrados), con decisión, nota, autor y vínculo; textos como texto", () => {
    const d = describirHallazgosExportados(informe, { libroVinculado: null, ahora: AHORA });
    expect(d.hojas).toHaveLength(1);
    const h = d.hojas[0];
    expect(h.nombre).toBe(NOMBRE_HOJA_HALLAZGOS);
    const tabla = h.celdas.find((b) => b.desde === "A3")!.filas;
    expect(tabla[0]).toEqual([...COLUMNAS_EXPORTADAS]);
    const filas = tabla.slice(1);
    expect(filas).toHaveLength(informe.hallazgos.length + informe.decisiones.cerrados.length);
    const cerrada = filas.find((f) => f[0] === "Cerrado")!;
    expect(cerrada[6]).toBe("Justificado");
    expect(cerrada[7]).toBe(NOTA_PELIGROSA);
    expect(cerrada[8]).toBe("Ana");
    const gestion = filas.find((f) => f[6] === "En gestión")!;
    expect(gestion[0]).toBe("Abierto");
    expect(gestion[7]).toBe("@mesa técnica");
    expect(gestion[8]).toBe("sin nombre");
    // Solo el vínculo es fórmula; todo lo demás (aunque empiece por = o @) es un valor.
    for (const f of filas) {
      expect(esFormula(f[4])).toBe(true);
      f.forEach((c, i) => i !== 4 && expect(esFormula(c)).toBe(false));
    }
    expect(h.tablas).toEqual([expect.objectContaining({ rango: `A3:L${3 + filas.length}` })]);
  });

  test("vínculos: dentro del libro, a otro archivo, con comillas y apóstrofos escapados; una celda rara va como texto", () => {
    expect(vinculoACelda("PMR", "I32", null)).toEqual({ formula: `=HYPERLINK("#'PMR'!I32","PMR!I32")` });
    expect(vinculoACelda('Año\'s "x"', "K18:K23", "../datos/libro.xlsx")).toEqual({
      formula: `=HYPERLINK("../datos/libro.xlsx#'Año''s ""x""'!K18:K23","Año's ""x""!K18:K23")`,
    });
    expect(vinculoACelda("PMR", '=1+1")', null)).toBe('PMR!=1+1")');
    expect(rutaVinculo("/a/salida/h.xlsx", "/a/libro.xlsx")).toBe("../libro.xlsx");
  });

  test("los resueltos también, con la fecha en que desaparecieron", () => {
    const sin = { ...informe, hallazgos: informe.hallazgos.slice(1) };
    const d = describirHallazgosExportados(
      {
        ...sin,
        decisiones: {
          ...informe.decisiones,
          resueltos: [
            {
              clave: "k",
              guardada: informe.decisiones.porClave.values().next().value!,
              decision: "Justificado",
              nota: NOTA_PELIGROSA,
              desaparecido: AHORA.toISOString(),
              registrado: true,
            },
          ],
        },
      },
      { libroVinculado: null },
    );
    const filas = d.hojas[0].celdas.find((b) => b.desde === "A3")!.filas;
    const r = filas.find((f) => String(f[0]).startsWith("Resuelto"))!;
    expect(r[10]).toMatch(/2026/);
    expect(r[11]).toBe("k");
  });
});

test("en Excel: la hoja se escribe en el libro abierto con los textos como texto y los vínculos como fórmulas", async () => {
  const d = describirHallazgosExportados(informe, { libroVinculado: null, ahora: AHORA });
  const r = await escribirLibroExcel(d, { ejecutar, confirmarReemplazo: async () => true });
  expect(r.cancelado).toBe(false);
  const c = libro.instantaneaCeldas(NOMBRE_HOJA_HALLAZGOS);
  const e = inspeccionarEscritura(libro, NOMBRE_HOJA_HALLAZGOS);
  const filaNota = Object.entries(c.valores).find(([, v]) => v === NOTA_PELIGROSA)![0];
  expect(c.formatosNumero[filaNota]).toBe("@");
  expect(e.formulas[filaNota]).toBeUndefined();
  expect(e.formulas.E4).toMatch(/^=HYPERLINK\("#'[^']+'!/);
  expect(Object.keys(e.formulas)).toHaveLength(informe.hallazgos.length + informe.decisiones.cerrados.length);
});

test("pmr validar --exportar: un .xlsx nuevo con la hoja, vínculos al libro y textos como texto; no reemplaza archivos", async () => {
  const carpeta = await fs.mkdtemp(path.join(tmpdir(), "pmr-exportar-"));
  const archivo = path.join(carpeta, "libro.xlsx");
  await fs.writeFile(
    archivo,
    await agregarPartesXml(
      await fs.readFile(EJEMPLO),
      libro.guardar().partesXml!.map((p) => p.xml),
    ),
  );
  const destino = path.join(carpeta, "salida", "hallazgos.xlsx");
  await fs.mkdir(path.dirname(destino));
  const e = entorno();
  expect(await main(["validar", archivo, "--exportar", destino, "--formato", "json"], e)).toBe(1);
  expect(() => JSON.parse(e.salida())).not.toThrow();
  expect(e.errores()).toMatch(/Hallazgos exportados a/);

  const wb = new Workbook();
  await wb.xlsx.readFile(destino);
  const ws = wb.getWorksheet(NOMBRE_HOJA_HALLAZGOS)!;
  const celdas: { valor: unknown; formula?: string }[] = [];
  ws.eachRow((fila) => fila.eachCell((c) => celdas.push({ valor: c.value, formula: c.formula })));
  const nota = celdas.find((c) => c.valor === NOTA_PELIGROSA);
  expect(nota).toBeDefined();
  expect(nota!.formula).toBeUndefined();
  expect(celdas.some((c) => c.valor === "@mesa técnica")).toBe(true);
  const vinculos = celdas.filter((c) => c.formula);
  expect(vinculos.length).toBe(informe.hallazgos.length + informe.decisiones.cerrados.length);
  expect(vinculos.every((c) => c.formula!.startsWith('HYPERLINK("../libro.xlsx#'))).toBe(true);

  // Ya existe: no se reemplaza (salida 2, una línea) y el archivo queda igual.
  const antes = await fs.readFile(destino);
  const otra = entorno();
  expect(await main(["validar", archivo, "--exportar", destino], otra)).toBe(2);
  expect(otra.errores()).toMatch(/ya existe/);
  expect((await fs.readFile(destino)).equals(antes)).toBe(true);
  // Ni sobre el libro validado.
  const mismo = entorno();
  expect(await main(["validar", archivo, "--exportar", archivo], mismo)).toBe(2);
});
