/**
 * El almacén en Excel contra el Excel falso: la configuración en la configuración del documento y
 * las demás ranuras en partes XML personalizadas, con los viajes contados, los límites de Excel en
 * la Web, fallas a la mitad y guardar/cerrar/reabrir.
 */
import { CLAVE_CONFIGURACION, crearConfiguracion } from "../../../src/domain";
import { BYTES_POR_VIAJE, MENSAJES_EXCEL, crearAlmacenExcel, type Ejecutar } from "../../../src/hosts/excel";
import {
  ESPACIO_ALMACEN,
  MAX_BYTES_PARTE,
  RANURA_CONFIGURACION,
  codificarRanura,
  definirRanura,
  leerSobre,
} from "../../../src/workbook/almacen";
import {
  ErrorExcelFalso,
  LIMITE_WEB_BYTES,
  crearLibroFalso,
  reabrir,
  type ContextoFalso,
  type LibroFalso,
} from "../../fakes/excel-falso";
import { LIMITE_WEB_PARTE_XML } from "../../fakes/partes-xml-falsas";
import { RANURA_SELLOS_PRUEBA, selloSintetico } from "../../workbook/datos-almacen";
import { quitarAnfitrion, usarLibro } from "./ayudas";
import { z } from "zod";

afterEach(() => quitarAnfitrion());

const DECISIONES = definirRanura({
  nombre: "decisiones-prueba",
  descripcion: "las decisiones de prueba",
  version: 1,
  schema: z.record(z.string(), z.object({ decision: z.string(), nota: z.string() }).strict()),
});

const WEB = { limiteBytesRespuesta: LIMITE_WEB_BYTES, limiteCaracteresParteXml: LIMITE_WEB_PARTE_XML };
const nuevoLibro = (opciones = {}) => crearLibroFalso({ hojas: [{ nombre: "PMR" }] }, opciones);
const almacen = (libro: LibroFalso) =>
  crearAlmacenExcel({ ejecutar: usarLibro(libro), ajustes: libro.ajustes as never });
const partesDe = (libro: LibroFalso) => libro.partesXml.partes.filter((p) => p.espacio === ESPACIO_ALMACEN);

describe("almacén en Excel: configuración", () => {
  test("se lee de la configuración del documento sin ir a Excel, con el intérprete único", async () => {
    const config = crearConfiguracion({ corte: 6, topeCien: true });
    const libro = crearLibroFalso({
      hojas: [{ nombre: "PMR" }],
      ajustes: { [CLAVE_CONFIGURACION]: JSON.stringify(config) },
    });
    const a = almacen(libro);
    expect(await a.leer(RANURA_CONFIGURACION)).toEqual({ datos: config, problemas: [], version: 1 });
    expect(libro.syncs).toBe(0);
    expect(a.medida.syncs).toBe(0);
  });

  test("guardada con el almacén viaja con el archivo y la leen las funciones y el panel igual", async () => {
    const libro = nuevoLibro();
    const config = crearConfiguracion({ vigencia: 2025, semaforo: { rojo: 0.4, amarillo: 0.7, verde: 1.2 } });
    await almacen(libro).escribir(RANURA_CONFIGURACION, config);
    expect(typeof libro.ajustesGuardados()[CLAVE_CONFIGURACION]).toBe("string");
    const otro = reabrir(libro);
    expect((await almacen(otro).leer(RANURA_CONFIGURACION)).datos).toEqual(config);
  });

  test("lo guardado que no sirve: problema en español y sin datos, nunca una excepción", async () => {
    const libro = crearLibroFalso({ hojas: [{ nombre: "PMR" }], ajustes: { [CLAVE_CONFIGURACION]: '{"corte":0}' } });
    expect(await almacen(libro).leer(RANURA_CONFIGURACION)).toEqual({
      datos: null,
      version: null,
      problemas: [
        "La configuración guardada en el libro no es válida: «corte»: el valor es demasiado pequeño (mínimo 1).",
      ],
    });
  });

  test("una configuración no válida no se guarda (el mensaje de siempre)", async () => {
    const libro = nuevoLibro();
    await expect(almacen(libro).escribir(RANURA_CONFIGURACION, { ...crearConfiguracion(), corte: 15 })).rejects.toThrow(
      /^La configuración no es válida y no se guardó: .*corte/,
    );
  });
});

describe("almacén en Excel: partes XML personalizadas", () => {
  test("escribir y leer: 2 viajes en un libro sin partes, 2 para leer, y las partes llevan el sobre", async () => {
    const libro = nuevoLibro();
    const a = almacen(libro);
    const datos = { "0a1b2c3d4e5f60": { decision: "Justificado", nota: "Se reprogramó con acta 12." } };
    await a.escribir(DECISIONES, datos);
    expect(a.medida.syncs).toBe(2);
    expect(libro.syncs).toBe(2);
    expect(partesDe(libro)).toHaveLength(1);
    expect(leerSobre(partesDe(libro)[0].xml)).toMatchObject({ nombre: "decisiones-prueba", serie: 1, partes: 1 });
    libro.reiniciarConteo();
    expect(await a.leer(DECISIONES)).toEqual({ datos, problemas: [], version: 1 });
    expect(libro.syncs).toBe(2);
  });

  test("reescribir reemplaza solo las partes de esa ranura, en 3 viajes", async () => {
    const libro = nuevoLibro();
    const a = almacen(libro);
    await a.escribir(RANURA_SELLOS_PRUEBA, { sellos: [selloSintetico(50)] });
    await a.escribir(DECISIONES, { k: { decision: "En gestión", nota: "" } });
    const antes = partesDe(libro).map((p) => p.id);
    libro.reiniciarConteo();
    await a.escribir(DECISIONES, { k: { decision: "Descartado", nota: "No aplica a la vigencia." } });
    expect(libro.syncs).toBe(3);
    const despues = partesDe(libro);
    expect(despues).toHaveLength(2);
    expect(despues[0].id).toBe(antes[0]);
    expect(despues[1].id).not.toBe(antes[1]);
    const [sellos, decisiones] = await a.leerVarias([RANURA_SELLOS_PRUEBA, DECISIONES] as const);
    expect(sellos.datos?.sellos[0].codigos).toHaveLength(50);
    expect(decisiones.datos).toEqual({ k: { decision: "Descartado", nota: "No aplica a la vigencia." } });
    expect(leerSobre(despues[1].xml)).toMatchObject({ serie: 2 });
  });

  test("leerVarias: varias ranuras y la configuración con la misma lectura (2 viajes)", async () => {
    const libro = nuevoLibro();
    const a = almacen(libro);
    await a.escribir(DECISIONES, {});
    libro.reiniciarConteo();
    const [config, sellos, decisiones] = await a.leerVarias([
      RANURA_CONFIGURACION,
      RANURA_SELLOS_PRUEBA,
      DECISIONES,
    ] as const);
    expect(libro.syncs).toBe(2);
    expect(config).toEqual({ datos: null, problemas: [], version: null });
    expect(sellos).toEqual({ datos: null, problemas: [], version: null });
    expect(decisiones.datos).toEqual({});
  });

  test("guardar, cerrar y reabrir: se lee igual", async () => {
    const libro = nuevoLibro();
    const datos = { sellos: [selloSintetico(300, { textos: "completos" })] };
    await almacen(libro).escribir(RANURA_SELLOS_PRUEBA, datos);
    const reabierto = reabrir(libro);
    expect(await almacen(reabierto).leer(RANURA_SELLOS_PRUEBA)).toEqual({ datos, problemas: [], version: 1 });
  });

  test("10.000 indicadores en Excel en la Web: partes de ≤ 400 KiB, viajes por lotes de 3 MiB, sin pasar los límites", async () => {
    const libro = nuevoLibro(WEB);
    const a = almacen(libro);
    const datos = { sellos: [selloSintetico(10_000, { textos: "huella" })] };
    const partes = codificarRanura(RANURA_SELLOS_PRUEBA, datos).length;
    const porViaje = Math.floor(BYTES_POR_VIAJE / MAX_BYTES_PARTE);
    await a.escribir(RANURA_SELLOS_PRUEBA, datos);
    expect(partesDe(libro)).toHaveLength(partes);
    expect(libro.syncs).toBe(1 + Math.ceil(partes / porViaje));
    for (const p of partesDe(libro)) expect(Buffer.byteLength(p.xml)).toBeLessThanOrEqual(MAX_BYTES_PARTE);
    expect(Math.max(...libro.medidas.map((m) => Math.max(m.bytesPeticion, m.bytesRespuesta)))).toBeLessThan(
      LIMITE_WEB_BYTES,
    );
    libro.reiniciarConteo();
    const leido = await a.leer(RANURA_SELLOS_PRUEBA);
    expect(leido.problemas).toEqual([]);
    expect(JSON.stringify(leido.datos)).toBe(JSON.stringify(datos)); // (toEqual tarda con 300.000 valores)
    expect(libro.syncs).toBe(1 + Math.ceil(partes / porViaje));
  });

  test("una parte que Excel en la Web no puede enviar: problema, no excepción", async () => {
    const enorme = `<ranura xmlns="${ESPACIO_ALMACEN}" formato="1" nombre="decisiones-prueba" version="1" serie="1" parte="1" partes="1" huella="00000000000000">${"x".repeat(LIMITE_WEB_BYTES)}</ranura>`;
    const libro = crearLibroFalso({ hojas: [{ nombre: "PMR" }], partesXml: [{ xml: enorme }] }, WEB);
    const r = await almacen(libro).leer(DECISIONES);
    expect(r.datos).toBeNull();
    expect(r.problemas).toEqual([MENSAJES_EXCEL.almacenParteMuyGrandeWeb]);
  });

  test("datos no válidos: no se toca el libro", async () => {
    const libro = nuevoLibro();
    await expect(almacen(libro).escribir(DECISIONES, { k: { decision: 3 } } as never)).rejects.toThrow(
      /^No se guardó nada: los datos de las decisiones de prueba no tienen la forma esperada: «k\.decision»: tipo no válido \(se esperaba un texto\)\./,
    );
    expect(partesDe(libro)).toEqual([]);
  });

  test("lo escrito por una versión más nueva no se sobrescribe", async () => {
    const [nueva] = codificarRanura({ ...DECISIONES, version: 2 } as typeof DECISIONES, {});
    const libro = crearLibroFalso({ hojas: [{ nombre: "PMR" }], partesXml: [{ id: "{N}", xml: nueva }] });
    await expect(almacen(libro).escribir(DECISIONES, {})).rejects.toThrow(/versión más nueva.*se perderían/);
    expect(libro.partesXml.partes.map((p) => p.xml)).toEqual([nueva]);
  });

  test("falla a la mitad de una escritura en varios viajes: lo anterior sigue completo y se lee", async () => {
    const libro = nuevoLibro();
    const antes = { sellos: [selloSintetico(20)] };
    await almacen(libro).escribir(RANURA_SELLOS_PRUEBA, antes);
    const idsAntes = partesDe(libro).map((p) => p.id);
    // El tercer viaje de la escritura (segundo lote de partes nuevas) se ejecuta pero su respuesta se pierde.
    const ejecutar: Ejecutar = (lote) =>
      libro.run(async (context: ContextoFalso) => {
        let n = 0;
        const original = context.sync.bind(context);
        (context as { sync: () => Promise<void> }).sync = async () => {
          n++;
          await original();
          if (n === 3) throw new ErrorExcelFalso("GeneralException", "Se perdió la conexión.");
        };
        return lote(context as unknown as Excel.RequestContext);
      });
    const a = crearAlmacenExcel({ ejecutar, maxBytesParte: 4096, bytesPorViaje: 8192 });
    await expect(a.escribir(RANURA_SELLOS_PRUEBA, { sellos: [selloSintetico(2000)] })).rejects.toThrow(
      "No se guardó nada en el libro (los sellos de prueba): Se perdió la conexión.",
    );
    expect(partesDe(libro).filter((p) => idsAntes.includes(p.id))).toHaveLength(idsAntes.length);
    const leido = await almacen(libro).leer(RANURA_SELLOS_PRUEBA);
    expect(leido.datos).toEqual(antes);
    expect(leido.problemas).toEqual([
      "En los sellos de prueba del libro quedaron 2 partes de una escritura anterior que no terminó; se usó la última completa, y lo sobrante se quita al volver a guardar.",
    ]);
    // La siguiente escritura deja solo lo nuevo.
    await almacen(libro).escribir(RANURA_SELLOS_PRUEBA, antes);
    expect(await almacen(libro).leer(RANURA_SELLOS_PRUEBA)).toEqual({ datos: antes, problemas: [], version: 1 });
  });

  test("Excel sin ExcelApi 1.5: leer dice por qué, escribir rechaza", async () => {
    const libro = nuevoLibro({ versionExcelApi: "1.4" });
    const a = almacen(libro);
    expect(await a.leer(DECISIONES)).toEqual({
      datos: null,
      problemas: [MENSAJES_EXCEL.almacenSinSoporte],
      version: null,
    });
    await expect(a.escribir(DECISIONES, {})).rejects.toThrow(MENSAJES_EXCEL.almacenSinSoporte);
    expect(libro.syncs).toBe(0);
  });

  test("si Excel falla al leer, rechaza con un mensaje en español", async () => {
    const libro = nuevoLibro();
    const ejecutar: Ejecutar = () => Promise.reject(new ErrorExcelFalso("GeneralException", "Excel no responde."));
    await expect(crearAlmacenExcel({ ejecutar }).leer(DECISIONES)).rejects.toThrow(
      "No se pudieron leer los datos de PMR para Excel guardados en el libro: Excel no responde.",
    );
    expect(libro.syncs).toBe(0);
  });
});
