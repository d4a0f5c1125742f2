/**
 * Escala del sello (issue 12, punto 5): 10.000 indicadores con los doce meses y textos
 * cualitativos largos caben en el libro dentro de los límites de Excel en la Web (partes XML de
 * a lo sumo 400 KiB; Excel en la Web rechaza más de 1 MB por parte), también dos sellos (junio y
 * diciembre). Se mide el tamaño guardado y se comprueba con el Excel falso con el límite de la Web.
 */
import { medirSellos } from "../../src/casos/sellar";
import { validarModelo } from "../../src/casos/validar";
import { sellarEvaluacion, type Sello } from "../../src/domain/sellos";
import { crearAlmacenExcel } from "../../src/hosts/excel";
import { MAX_BYTES_PARTE, RANURA_SELLOS } from "../../src/workbook/almacen";
import { crearLibroFalso } from "../fakes/excel-falso";
import { LIMITE_WEB_PARTE_XML } from "../fakes/partes-xml-falsas";
import { quitarAnfitrion, usarLibro } from "../hosts/excel/ayudas";
import { configuracion, evaluacionDe, indicador, modelo } from "../rules/fabrica";

const N = 10_000;

function grande() {
  const texto = (i: number, m: number) =>
    `En el mes ${m} el indicador ${i} avanzó según lo programado; se realizaron las jornadas previstas con la comunidad y se reportó en el sistema distrital.`;
  return modelo({
    indicadores: Array.from({ length: N }, (_v, i) =>
      indicador({
        codigo: `${1 + (i % 7)}.${Math.floor(i / 7)}.${i}`,
        metaVigencia: 1200 + i,
        metaPlan: 4800 + i,
        lineaBase: 13.75,
        ponderacion: 1 / 7,
        programado: Array.from({ length: 12 }, (_x, m) => 100 + ((i + m) % 37) + 0.25),
        ejecutado: Array.from({ length: 12 }, (_x, m) => 97.5 + ((i * 3 + m) % 41)),
        cualitativo: Array.from({ length: 12 }, (_x, m) => texto(i, m + 1)),
      }),
    ),
  });
}

afterEach(() => quitarAnfitrion());

test("10.000 indicadores: el sello de junio y el de diciembre caben en partes de ≤ 400 KiB; Excel en la Web (falso) los acepta", async () => {
  const m = grande();
  const ev = evaluacionDe(m, configuracion());
  let t = performance.now();
  const junio = sellarEvaluacion(ev, { mes: 6, fecha: "2025-07-03T00:00:00.000Z", nota: "", hoja: "PMR" });
  const diciembre = sellarEvaluacion(ev, { mes: 12, fecha: "2026-01-10T00:00:00.000Z", nota: "", hoja: "PMR" });
  const msSellar = (performance.now() - t) / 2;
  expect(diciembre.indicadores).toHaveLength(N);

  const uno = medirSellos({ sellos: [diciembre] });
  const dos = medirSellos({ sellos: [junio, diciembre] });
  // Las cifras medidas, para docs/cierre.md.
  process.stdout.write(
    `sello de diciembre de ${N} indicadores: ${uno.partes} partes, ${Math.round(uno.bytes / 1024)} KiB; ` +
      `junio + diciembre: ${dos.partes} partes, ${Math.round(dos.bytes / 1024)} KiB; sellar ${Math.round(msSellar)} ms\n`,
  );
  expect(uno.bytes).toBeLessThan(4 * 1024 * 1024);
  expect(dos.partes).toBeGreaterThan(1);

  // El almacén de Excel (falso, con el límite por parte de Excel en la Web) los escribe y los lee.
  const libro = crearLibroFalso({ hojas: [{ nombre: "PMR" }] }, { limiteCaracteresParteXml: LIMITE_WEB_PARTE_XML });
  const almacen = crearAlmacenExcel({ ejecutar: usarLibro(libro) });
  await almacen.escribir(RANURA_SELLOS, { sellos: [junio, diciembre] });
  const partes = libro.guardar().partesXml!;
  expect(partes).toHaveLength(dos.partes);
  for (const p of partes) expect(Buffer.byteLength(p.xml, "utf8")).toBeLessThanOrEqual(MAX_BYTES_PARTE);
  const leido = await almacen.leer(RANURA_SELLOS);
  expect(leido.problemas).toEqual([]);
  expect((leido.datos?.sellos as Sello[]).map((s) => s.mes)).toEqual([6, 12]);

  // Validar con los dos sellos: sin hallazgos de Cierre (nada cambió) y el tiempo medido.
  t = performance.now();
  const sinSello = validarModelo(m, configuracion());
  const msSin = performance.now() - t;
  t = performance.now();
  const conSello = validarModelo(m, configuracion(), undefined, {
    problemas: [],
    sellos: { sellos: leido.datos!.sellos, ilegibles: [] },
  });
  const msCon = performance.now() - t;
  process.stdout.write(`validar ${N}: sin sello ${Math.round(msSin)} ms, con dos sellos ${Math.round(msCon)} ms\n`);
  expect(conSello.hallazgos.filter((h) => h.categoria === "Cierre")).toEqual([]);
  expect(conSello.hallazgos.length).toBe(sinSello.hallazgos.length);
}, 120_000);
