/* Esta prueba rompe a propósito las reglas de Office.js (leer antes del sync) para comprobar que
   el falso las hace cumplir como Excel: */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read */
/**
 * Las partes XML personalizadas del Excel falso (workbook.customXmlParts) se comportan como las
 * de Excel en lo que modelan: cargar antes de leer, valores en el sync, filtros por espacio de
 * nombres, XML bien formado, límite por parte y persistencia al guardar y reabrir.
 */
import { ErrorExcelFalso, crearLibroFalso, reabrir, type ContextoFalso } from "../../fakes/excel-falso";
import { LIMITE_WEB_PARTE_XML } from "../../fakes/partes-xml-falsas";

const NS = "urn:prueba:uno";
const xml = (texto: string, ns = NS) => `<datos xmlns="${ns}">${texto}</datos>`;
const partes = (context: ContextoFalso) => context.workbook.customXmlParts as unknown as Excel.CustomXmlPartCollection;

async function rechazo(p: Promise<unknown>): Promise<ErrorExcelFalso> {
  try {
    await p;
  } catch (e) {
    return e as ErrorExcelFalso;
  }
  throw new Error("se esperaba un rechazo");
}

describe("Excel falso: customXmlParts", () => {
  test("add, id y getXml: se leen solo después del sync, que se cuenta", async () => {
    const libro = crearLibroFalso({ hojas: [{ nombre: "PMR" }] });
    await libro.run(async (context: ContextoFalso) => {
      const parte = partes(context).add(xml("hola"));
      parte.load("id,namespaceUri");
      const contenido = parte.getXml();
      expect(() => parte.id).toThrow(/not available/);
      expect(() => contenido.value).toThrow(ErrorExcelFalso);
      await context.sync();
      expect(parte.id).toMatch(/^\{XML-/);
      expect(parte.namespaceUri).toBe(NS);
      expect(contenido.value).toBe(xml("hola"));
    });
    expect(libro.syncs).toBe(1);
    expect(libro.partesXml.partes).toHaveLength(1);
  });

  test("getByNamespace filtra al ejecutar el lote; getCount, getOnlyItem y sus OrNullObject", async () => {
    const libro = crearLibroFalso({
      hojas: [{ nombre: "PMR" }],
      partesXml: [{ xml: xml("a") }, { xml: xml("b", "urn:otro") }, { xml: `<p:x xmlns:p="${NS}"/>` }],
    });
    await libro.run(async (context: ContextoFalso) => {
      const propias = partes(context).getByNamespace(NS);
      propias.load("items/id");
      const cuenta = propias.getCount();
      const total = partes(context).getCount();
      const otras = partes(context).getByNamespace("urn:otro");
      const unica = otras.getOnlyItem();
      unica.load("namespaceUri");
      const ninguna = partes(context).getByNamespace("urn:nadie").getOnlyItemOrNullObject();
      const varias = propias.getOnlyItemOrNullObject();
      await context.sync();
      expect(propias.items).toHaveLength(2);
      expect(cuenta.value).toBe(2);
      expect(total.value).toBe(3);
      expect(unica.namespaceUri).toBe("urn:otro");
      expect(ninguna.isNullObject).toBe(true);
      expect(varias.isNullObject).toBe(true);
    });
    const e = await rechazo(
      libro.run(async (context: ContextoFalso) => {
        partes(context).getByNamespace(NS).getOnlyItem().load("id");
        await context.sync();
      }),
    );
    expect(e.code).toBe("ItemNotFound");
  });

  test("getItem, getItemOrNullObject, setXml y delete", async () => {
    const libro = crearLibroFalso({ hojas: [{ nombre: "PMR" }], partesXml: [{ id: "{A}", xml: xml("a") }] });
    await libro.run(async (context: ContextoFalso) => {
      partes(context).getItem("{A}").setXml(xml("nuevo"));
      const falta = partes(context).getItemOrNullObject("{Z}");
      const enOtro = partes(context).getByNamespace("urn:otro").getItemOrNullObject("{A}");
      await context.sync();
      expect(falta.isNullObject).toBe(true);
      expect(enOtro.isNullObject).toBe(true);
    });
    expect(libro.partesXml.partes[0].xml).toBe(xml("nuevo"));
    await libro.run(async (context: ContextoFalso) => {
      partes(context).getItem("{A}").delete();
      await context.sync();
    });
    expect(libro.partesXml.partes).toEqual([]);
    const e = await rechazo(
      libro.run(async (context: ContextoFalso) => {
        partes(context).getItem("{A}").getXml();
        await context.sync();
      }),
    );
    expect(e.code).toBe("ItemNotFound");
  });

  test("XML mal formado: InvalidArgument en el sync, y lo anterior del lote queda aplicado", async () => {
    const libro = crearLibroFalso({ hojas: [{ nombre: "PMR" }] });
    const e = await rechazo(
      libro.run(async (context: ContextoFalso) => {
        partes(context).add(xml("bien"));
        partes(context).add("<datos><sin cerrar></datos>");
        await context.sync();
      }),
    );
    expect(e.code).toBe("InvalidArgument");
    expect(libro.partesXml.partes.map((p) => p.xml)).toEqual([xml("bien")]);
  });

  test("límite por parte (Excel en la Web): GeneralException; sin límite en escritorio", async () => {
    const grande = xml("x".repeat(LIMITE_WEB_PARTE_XML));
    const web = crearLibroFalso({ hojas: [{ nombre: "PMR" }] }, { limiteCaracteresParteXml: LIMITE_WEB_PARTE_XML });
    const e = await rechazo(
      web.run(async (context: ContextoFalso) => {
        partes(context).add(grande);
        await context.sync();
      }),
    );
    expect(e.code).toBe("GeneralException");
    const escritorio = crearLibroFalso({ hojas: [{ nombre: "PMR" }] });
    await escritorio.run(async (context: ContextoFalso) => {
      partes(context).add(grande);
      await context.sync();
    });
    expect(escritorio.partesXml.partes).toHaveLength(1);
  });

  test("el tamaño de lo enviado y lo recibido cuenta para el límite de 5 MB de la Web", async () => {
    const libro = crearLibroFalso({ hojas: [{ nombre: "PMR" }] }, { limiteBytesRespuesta: 1000 });
    const e = await rechazo(
      libro.run(async (context: ContextoFalso) => {
        partes(context).add(xml("y".repeat(2000)));
        await context.sync();
      }),
    );
    expect(e.code).toMatch(/PayloadSizeLimitExceeded/);
  });

  test("guardar y reabrir conserva las partes y sus ids", async () => {
    const libro = crearLibroFalso({ hojas: [{ nombre: "PMR" }] });
    await libro.run(async (context: ContextoFalso) => {
      partes(context).add(xml("uno"));
      partes(context).add(xml("dos", "urn:otro"));
      await context.sync();
    });
    const ids = libro.partesXml.partes.map((p) => p.id);
    const otra = reabrir(libro);
    await otra.run(async (context: ContextoFalso) => {
      const todas = partes(context);
      todas.load("items/id,items/namespaceUri");
      await context.sync();
      expect(todas.items.map((p) => p.id)).toEqual(ids);
      expect(todas.items.map((p) => p.namespaceUri)).toEqual([NS, "urn:otro"]);
    });
  });
});
