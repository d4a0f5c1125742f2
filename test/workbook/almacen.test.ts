/**
 * Almacén del complemento en el libro, parte pura: ranuras, sobre, trozos, versiones, lectura
 * indulgente de lo dañado y la configuración del documento en las partes webextension.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { XMLValidator } from "fast-xml-parser";
import { z } from "zod";
import { CLAVE_CONFIGURACION, crearConfiguracion, cyrb53 } from "../../src/domain";
import {
  ESPACIO_ALMACEN,
  ErrorAlmacen,
  ID_COMPLEMENTO,
  MAX_BYTES_PARTE,
  RANURA_CONFIGURACION,
  buscarAjuste,
  codificarRanura,
  definirRanura,
  esParteDelAlmacen,
  escaparAtributoXml,
  leerRaizXml,
  leerRanuraDePartes,
  leerSobre,
  leerWebExtension,
  planificarEscritura,
  ranuraPorNombre,
  ranurasDefinidas,
  trocear,
  type ParteGuardada,
} from "../../src/workbook/almacen";

const bytes = (s: string) => Buffer.byteLength(s, "utf8");
const partes = (xmls: string[], prefijo = "p"): ParteGuardada[] =>
  xmls.map((xml, i) => ({ id: `${prefijo}${i}`, xml }));

const Prueba = z.object({ codigos: z.array(z.string()), valores: z.array(z.number().nullable()) }).strict();
const PRUEBA = definirRanura({ nombre: "prueba", descripcion: "los datos de prueba", version: 1, schema: Prueba });
const LIBRE = definirRanura({ nombre: "libre", descripcion: "los datos libres", version: 1, schema: z.unknown() });

function datosPrueba(n: number) {
  return {
    codigos: Array.from({ length: n }, (_v, i) => `IP${i}.1 «año» & <${i}>`),
    valores: Array.from({ length: n }, (_v, i) => (i % 7 === 0 ? null : i * 1.5)),
  };
}

describe("definirRanura", () => {
  test("registra la ranura una vez, con su respaldo", () => {
    expect(ranuraPorNombre("prueba")).toBe(PRUEBA);
    expect(PRUEBA.respaldo).toBe("partes");
    expect(RANURA_CONFIGURACION.respaldo).toBe("ajuste");
    expect(RANURA_CONFIGURACION.ajuste).toBe(CLAVE_CONFIGURACION);
    expect(ranurasDefinidas().map((r) => r.nombre)).toEqual(expect.arrayContaining(["configuracion", "prueba"]));
  });
  test.each([
    [{ nombre: "prueba" }, /ya está definida/],
    [{ nombre: "Sellos" }, /Nombre de ranura no válido/],
    [{ nombre: "x".repeat(41) }, /Nombre de ranura no válido/],
    [{ nombre: "otra", version: 0 }, /entero ≥ 1/],
    [{ nombre: "otra", version: 1.5 }, /entero ≥ 1/],
  ])("rechaza una definición mal escrita %p", (cambio, error) => {
    expect(() =>
      definirRanura({ ...{ nombre: "x", descripcion: "x", version: 1, schema: z.unknown() }, ...cambio }),
    ).toThrow(error);
  });
});

describe("sobre y trozos", () => {
  test("una parte: el sobre lleva nombre, versión, serie, parte, huella y el JSON escapado", () => {
    const datos = datosPrueba(3);
    const [xml, ...resto] = codificarRanura(PRUEBA, datos);
    expect(resto).toEqual([]);
    expect(xml.startsWith(`<ranura xmlns="${ESPACIO_ALMACEN}" formato="1" nombre="prueba" version="1" serie="1"`)).toBe(
      true,
    );
    expect(xml).toContain("&amp; &lt;0&gt;");
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(esParteDelAlmacen(xml)).toBe(true);
    const s = leerSobre(xml);
    expect(s).toMatchObject({ nombre: "prueba", version: 1, serie: 1, parte: 1, partes: 1 });
    if (!("error" in s)) expect(s.huella).toBe(cyrb53(JSON.stringify(datos)));
    expect(leerRanuraDePartes(PRUEBA, partes([xml]))).toEqual({ datos, problemas: [], version: 1 });
  });

  test("datos grandes: varias partes, ninguna pasa del máximo, y se reúnen en cualquier orden", () => {
    const datos = datosPrueba(20_000);
    const xmls = codificarRanura(PRUEBA, datos);
    expect(xmls.length).toBeGreaterThan(1);
    for (const x of xmls) expect(bytes(x)).toBeLessThanOrEqual(MAX_BYTES_PARTE);
    const desordenadas = partes([...xmls].reverse());
    expect(leerRanuraDePartes(PRUEBA, desordenadas)).toEqual({ datos, problemas: [], version: 1 });
  });

  test("trocear no corta un par sustituto ni pasa del presupuesto escapado", () => {
    const json = JSON.stringify("😀&<>é".repeat(50));
    const trozos = trocear(json, 13);
    expect(trozos.join("")).toBe(json);
    for (const t of trozos) {
      expect(t).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
      expect(bytes(t.replace(/&/g, "&amp;").replace(/[<>]/g, "&lt;"))).toBeLessThanOrEqual(13);
    }
  });

  test("los datos no válidos no se codifican (ErrorAlmacen en español)", () => {
    expect(() => codificarRanura(PRUEBA, { codigos: [1], valores: [] } as never)).toThrow(ErrorAlmacen);
    expect(() => codificarRanura(PRUEBA, { codigos: [1], valores: [] } as never)).toThrow(
      /^No se guardó nada: los datos de los datos de prueba no tienen la forma esperada: «codigos\[0\]»: tipo no válido \(se esperaba un texto\)\./,
    );
    expect(() => codificarRanura(LIBRE, undefined)).toThrow(/no se pueden escribir como JSON/);
    expect(() => codificarRanura(PRUEBA, datosPrueba(1), { maxBytesParte: 100 })).toThrow(/maxBytesParte/);
  });

  test("propiedad: cualquier JSON, cualquier tamaño de parte y cualquier orden vuelven iguales", () => {
    const texto = fc.string({ unit: "binary", maxLength: 40 });
    const valor = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: "small" },
        texto,
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie("v"), { maxLength: 6 }),
        fc.dictionary(texto, tie("v"), { maxKeys: 5 }),
      ),
    })).v;
    fc.assert(
      fc.property(valor, fc.integer({ min: 512, max: 3000 }), fc.integer(), (datos, maximo, semilla) => {
        const xmls = codificarRanura(LIBRE, datos, { maxBytesParte: maximo });
        for (const x of xmls) {
          expect(bytes(x)).toBeLessThanOrEqual(maximo);
          expect(XMLValidator.validate(x)).toBe(true);
        }
        const orden = xmls.map((x, i) => ({ x, k: cyrb53(`${semilla}-${i}`) })).sort((a, b) => (a.k < b.k ? -1 : 1));
        const leido = leerRanuraDePartes(LIBRE, partes(orden.map((o) => o.x)));
        expect(leido.problemas).toEqual([]);
        expect(leido.datos).toEqual(JSON.parse(JSON.stringify(datos)));
      }),
      { numRuns: 150 },
    );
  });

  test("U+FFFE y U+FFFF (no son caracteres XML) viajan escapados en el JSON", () => {
    const datos = ["a\uFFFEb\uFFFF"];
    const [xml] = codificarRanura(LIBRE, datos);
    expect(xml).not.toMatch(/[\uFFFE\uFFFF]/);
    expect(leerRanuraDePartes(LIBRE, partes([xml])).datos).toEqual(datos);
  });
});

describe("lo guardado dañado: problemas en español, nunca una excepción", () => {
  const datos = datosPrueba(4000);
  const xmls = codificarRanura(PRUEBA, datos, { maxBytesParte: 20_000 });
  const prefijo = "PMR para Excel no pudo leer los datos de prueba del libro: ";

  test("precondición: varias partes", () => expect(xmls.length).toBeGreaterThanOrEqual(3));

  test("falta una parte", () => {
    const r = leerRanuraDePartes(PRUEBA, partes(xmls.slice(1)));
    expect(r.datos).toBeNull();
    expect(r.problemas).toEqual([
      `${prefijo}lo guardado está incompleto (hay ${xmls.length - 1} de sus ${xmls.length} partes); el libro pudo editarse fuera de Excel o quedar a medio guardar.`,
    ]);
  });

  test("una parte repetida con el mismo contenido: se usa y se avisa", () => {
    const r = leerRanuraDePartes(PRUEBA, partes([...xmls, xmls[1]]));
    expect(r.datos).toEqual(datos);
    expect(r.problemas).toEqual([
      `En los datos de prueba del libro la parte 2 de ${xmls.length} está repetida con el mismo contenido; se usó una vez.`,
    ]);
  });

  test("una parte repetida con otro contenido: no se adivina cuál vale", () => {
    const otra = xmls[1].replace(/IP(\d)/, "IQ$1");
    const r = leerRanuraDePartes(PRUEBA, partes([...xmls, otra]));
    expect(r.datos).toBeNull();
    expect(r.problemas[0]).toBe(
      `${prefijo}la parte 2 de ${xmls.length} de lo guardado está dos veces y con contenidos distintos.`,
    );
  });

  test("un valor editado a mano: la huella no coincide", () => {
    const editada = xmls.map((x, i) => (i === 0 ? x.replace("IP0.1", "IP9.1") : x));
    expect(editada[0]).not.toBe(xmls[0]);
    const r = leerRanuraDePartes(PRUEBA, partes(editada));
    expect(r.datos).toBeNull();
    expect(r.problemas).toEqual([
      `${prefijo}lo guardado no coincide con la huella que se guardó con él (se modificó fuera de PMR para Excel o está incompleto).`,
    ]);
  });

  test("XML roto: problema de la ranura si se sabe cuál, o de una parte sin dueño", () => {
    const rota = xmls[0].slice(0, 500);
    const r = leerRanuraDePartes(PRUEBA, partes([rota, ...xmls.slice(1)]));
    expect(r.datos).toBeNull();
    expect(r.problemas[0]).toMatch(
      /^PMR para Excel no pudo leer los datos de prueba del libro: una de las partes de lo guardado está dañada \(XML mal formado: /,
    );
    expect(r.problemas[1]).toMatch(/incompleto/);
    const sinNombre = `<ranura xmlns="${ESPACIO_ALMACEN}" formato="1"><x/></ranura>`;
    const r2 = leerRanuraDePartes(PRUEBA, partes([sinNombre, ...xmls]));
    expect(r2.datos).toEqual(datos);
    expect(r2.problemas).toEqual([
      "El libro tiene una parte de datos de PMR para Excel que no se puede leer (sin un «nombre» válido); no se sabe a qué datos pertenece y no se usó.",
    ]);
  });

  test("las partes de otros espacios de nombres se ignoran", () => {
    const ajena =
      '<?xml version="1.0"?><b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography"/>';
    expect(leerRanuraDePartes(PRUEBA, partes([ajena, ...xmls]))).toEqual({ datos, problemas: [], version: 1 });
    expect(leerRanuraDePartes(PRUEBA, partes([ajena]))).toEqual({ datos: null, problemas: [], version: null });
  });

  test("JSON roto con huella correcta", () => {
    const json = '{"codigos":[';
    const xml = `<ranura xmlns="${ESPACIO_ALMACEN}" formato="1" nombre="prueba" version="1" serie="1" parte="1" partes="1" huella="${cyrb53(json)}">${json}</ranura>`;
    expect(leerRanuraDePartes(PRUEBA, partes([xml]))).toEqual({
      datos: null,
      problemas: [`${prefijo}lo guardado no es un JSON válido.`],
      version: 1,
    });
  });

  test("formato del sobre más nuevo: pide actualizar", () => {
    const nuevo = xmls.map((x) => x.replace('formato="1"', 'formato="2"'));
    const r = leerRanuraDePartes(PRUEBA, partes(nuevo));
    expect(r.datos).toBeNull();
    expect(r.problemas[0]).toBe(
      `${prefijo}lo guardado usa un formato más nuevo («2») que esta versión de PMR para Excel no conoce. Actualice el complemento y la línea de comandos pmr.`,
    );
    expect(() => planificarEscritura(PRUEBA, datos, partes(nuevo))).toThrow(/versión más nueva/);
  });

  test("lo que no cumple el esquema: la ruta y el porqué", () => {
    const [xml] = codificarRanura(LIBRE, { codigos: ["A"], valores: ["x"], otra: 1 });
    const r = leerRanuraDePartes(PRUEBA, partes([xml.replace('nombre="libre"', 'nombre="prueba"')]));
    expect(r.datos).toBeNull();
    expect(r.problemas).toEqual([
      `${prefijo}lo guardado no tiene la forma esperada: «valores[0]»: tipo no válido (se esperaba un número). claves desconocidas: otra.`,
    ]);
  });

  test("propiedad: cualquier texto o parte alterada nunca hace lanzar la lectura", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.integer({ min: 0, max: xmls.length - 1 })), { maxLength: 5 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.string({ maxLength: 3 }),
        (cosas, corte, insertado) => {
          const lista = cosas.map((c) =>
            typeof c === "string" ? c : xmls[c].slice(0, corte) + insertado + xmls[c].slice(corte),
          );
          const r = leerRanuraDePartes(PRUEBA, partes(lista));
          expect(Array.isArray(r.problemas)).toBe(true);
          if (r.datos !== null) expect(Prueba.safeParse(r.datos).success).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("versiones", () => {
  const V1 = z.object({ meses: z.array(z.number()) }).strict();
  const V2 = z.object({ meses: z.array(z.number()), nota: z.string() }).strict();
  const viejo = definirRanura({ nombre: "versionada", descripcion: "los datos versionados", version: 1, schema: V1 });
  const [guardadoV1] = codificarRanura(viejo, { meses: [1, 2] });
  const comoV2 = (def: Partial<Parameters<typeof definirRanura>[0]>) =>
    ({
      ...viejo,
      version: 2,
      schema: V2,
      validar: (d: unknown) => {
        const r = V2.safeParse(d);
        return r.success ? { ok: true as const, datos: r.data } : { ok: false as const, problemas: ["no cumple V2."] };
      },
      ...def,
    }) as never;

  test("una versión anterior con migrar: se convierte y se valida", () => {
    const v2 = comoV2({ migrar: (d: unknown, desde: number) => ({ ...(d as object), nota: `desde ${desde}` }) });
    expect(leerRanuraDePartes(v2, partes([guardadoV1]))).toEqual({
      datos: { meses: [1, 2], nota: "desde 1" },
      problemas: [],
      version: 1,
    });
  });
  test("sin migrar, o si migrar falla: problema", () => {
    expect(leerRanuraDePartes(comoV2({}), partes([guardadoV1])).problemas).toEqual([
      "PMR para Excel no pudo leer los datos versionados del libro: lo guardado está en la versión 1 de estos datos y esta versión de PMR para Excel solo lee la 2.",
    ]);
    const falla = comoV2({
      migrar: () => {
        throw new Error("mes fuera de rango");
      },
    });
    expect(leerRanuraDePartes(falla, partes([guardadoV1])).problemas[0]).toMatch(
      /versión 1 de estos datos y no se pudo convertir a la actual \(mes fuera de rango\)\.$/,
    );
  });
  test("una versión más nueva: no se lee ni se sobrescribe", () => {
    const [guardadoV3] = codificarRanura({ ...viejo, version: 3 } as typeof viejo, { meses: [] });
    const r = leerRanuraDePartes(viejo, partes([guardadoV3]));
    expect(r).toEqual({
      datos: null,
      version: 3,
      problemas: [
        "PMR para Excel no pudo leer los datos versionados del libro: lo guardado viene de una versión más nueva de PMR para Excel (versión 3 de estos datos; esta lee hasta la 1). Actualice el complemento y la línea de comandos pmr.",
      ],
    });
    expect(() => planificarEscritura(viejo, { meses: [] }, partes([guardadoV3]))).toThrow(
      "No se guardó nada: el libro tiene los datos versionados escritos por una versión más nueva de PMR para Excel (versión 3 de estos datos; esta escribe la 1) y se perderían. Actualice el complemento y la línea de comandos pmr.",
    );
  });
});

describe("planificar una escritura", () => {
  test("serie siguiente, reemplaza solo las partes de esa ranura (también las dañadas)", () => {
    const antes = codificarRanura(PRUEBA, datosPrueba(2000), { maxBytesParte: 20_000 });
    const otra = codificarRanura(LIBRE, [1, 2, 3]);
    const danada = `<ranura xmlns="${ESPACIO_ALMACEN}" formato="1" nombre="prueba" version="1"/>`;
    const existentes = [...partes(antes, "a"), ...partes(otra, "b"), { id: "c0", xml: danada }];
    const plan = planificarEscritura(PRUEBA, datosPrueba(2), existentes);
    expect(plan.quitar.sort()).toEqual([...antes.map((_x, i) => `a${i}`), "c0"].sort());
    expect(plan.nuevas).toHaveLength(1);
    expect(leerSobre(plan.nuevas[0])).toMatchObject({ serie: 2 });
  });

  test("una escritura que no terminó: se usa la completa más reciente y se avisa de lo sobrante", () => {
    const viejas = codificarRanura(PRUEBA, datosPrueba(10), { serie: 4 });
    const nuevas = codificarRanura(PRUEBA, datosPrueba(3000), { serie: 5, maxBytesParte: 20_000 });
    const aMedias = codificarRanura(PRUEBA, datosPrueba(2999), { serie: 6, maxBytesParte: 20_000 }).slice(0, 2);
    const r = leerRanuraDePartes(PRUEBA, partes([...viejas, ...aMedias, ...nuevas]));
    expect(r.datos).toEqual(datosPrueba(3000));
    expect(r.problemas).toEqual([
      `En los datos de prueba del libro quedaron 3 partes de una escritura anterior que no terminó; se usó la última completa, y lo sobrante se quita al volver a guardar.`,
    ]);
  });
});

describe("XML que Excel pueda reescribir", () => {
  test.each([
    ["declaración y BOM", (x: string) => `\uFEFF<?xml version="1.0" encoding="utf-8"?>\r\n${x}\r\n`],
    ["comentario", (x: string) => `<!-- guardado --><?pi x?>${x}<!-- fin -->`],
    ["comillas simples", (x: string) => x.replace(/="([^"]*)"/g, "='$1'")],
    [
      "prefijo de espacio de nombres",
      (x: string) => x.replace("<ranura xmlns=", "<p:ranura xmlns:p=").replace("</ranura>", "</p:ranura>"),
    ],
    [
      "referencias de carácter",
      (x: string) =>
        x.replace(
          />([^<]*)<\/ranura>$/,
          (_t, c: string) => `>${c.replace(/"/g, "&#34;").replace(/a/g, "&#x61;")}</ranura>`,
        ),
    ],
    [
      "CDATA",
      (x: string) =>
        x.replace(/>([^<]*)<\/ranura>$/, (_t, c: string) => `><![CDATA[${c.slice(0, 10)}]]>${c.slice(10)}</ranura>`),
    ],
  ])("%s", (_n, cambio) => {
    const datos = { codigos: ["a", "b"], valores: [1, 2] };
    const [xml] = codificarRanura(PRUEBA, datos);
    const cambiado = cambio(xml);
    expect(cambiado).not.toBe(xml);
    expect(leerRanuraDePartes(PRUEBA, partes([cambiado]))).toEqual({ datos, problemas: [], version: 1 });
  });

  test("leerRaizXml: errores legibles", () => {
    expect(leerRaizXml("")).toBe("está vacía");
    expect(leerRaizXml("<a x=1/>")).toBe("el atributo «x» no va entre comillas");
    expect(leerRaizXml("<a>&bad;</a>")).toMatch(/«&»/);
    expect(leerRaizXml("<a></a><b/>")).toBe("hay contenido después del elemento raíz");
    expect(leerRaizXml("<!DOCTYPE a><a/>")).toBe("tiene una declaración DOCTYPE");
    expect(leerRaizXml('<a b="&#10;&#x9;"/>')).toMatchObject({ atributos: new Map([["b", "\n\t"]]), texto: "" });
  });
});

describe("configuración del documento en las partes webextension del .xlsx", () => {
  /** Una parte como la escribe Office: el ajuste serializado en JSON y escapado como atributo. */
  const parte = (propiedades: Record<string, unknown>, referencia = ID_COMPLEMENTO) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{6E1F0C9B-3C1A-4F1E-9D0B-7B0E2A6C1D11}"><we:reference id="${referencia}" version="1.0.0.0" store="developer" storeType="Registry"/><we:alternateReferences/><we:properties>${Object.entries(
      propiedades,
    )
      .map(
        ([k, v]) => `<we:property name="${escaparAtributoXml(k)}" value="${escaparAtributoXml(JSON.stringify(v))}"/>`,
      )
      .join(
        "",
      )}</we:properties><we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></we:webextension>`;

  test("ID_COMPLEMENTO es el <Id> de manifest.xml", () => {
    const manifiesto = readFileSync(join(__dirname, "../../manifest.xml"), "utf8");
    expect(manifiesto).toContain(`<Id>${ID_COMPLEMENTO}</Id>`);
  });

  test("la configuración guardada como texto JSON (como la guarda el panel) se lee con el intérprete único", () => {
    const config = crearConfiguracion({ corte: 6, semaforo: { rojo: 0.4, amarillo: 0.7, verde: 1.2 } });
    const xml = parte({ "Office.AutoShowTaskpaneWithDocument": true, [CLAVE_CONFIGURACION]: JSON.stringify(config) });
    expect(xml).toContain('value="&quot;{\\&quot;corte\\&quot;:6,');
    const w = leerWebExtension(xml);
    expect(typeof w).not.toBe("string");
    if (typeof w !== "string") expect(w.referencia).toBe(ID_COMPLEMENTO);
    const { valor, encontradoEn, avisos } = buscarAjuste(
      [{ ruta: "xl/webextensions/webextension1.xml", xml }],
      CLAVE_CONFIGURACION,
    );
    expect(encontradoEn).toBe("xl/webextensions/webextension1.xml");
    expect(avisos).toEqual([]);
    expect(RANURA_CONFIGURACION.interpretarAjuste(valor)).toEqual({ datos: config, problemas: [] });
  });

  test("indulgente: un objeto guardado, o un value que no es JSON", () => {
    const objeto = buscarAjuste(
      [{ ruta: "w1", xml: parte({ [CLAVE_CONFIGURACION]: { corte: 3 } }) }],
      CLAVE_CONFIGURACION,
    );
    expect(RANURA_CONFIGURACION.interpretarAjuste(objeto.valor).datos?.corte).toBe(3);
    const crudo = parte({}).replace(
      "<we:properties>",
      `<we:properties><we:property name="${CLAVE_CONFIGURACION}" value="{&quot;corte&quot;:9}"/>`,
    );
    const directo = buscarAjuste([{ ruta: "w1", xml: crudo }], CLAVE_CONFIGURACION);
    expect(RANURA_CONFIGURACION.interpretarAjuste(directo.valor).datos?.corte).toBe(9);
    const roto = crudo.replace("{&quot;corte&quot;:9}", "{corte");
    expect(
      RANURA_CONFIGURACION.interpretarAjuste(buscarAjuste([{ ruta: "w1", xml: roto }], CLAVE_CONFIGURACION).valor),
    ).toEqual({
      datos: null,
      problemas: ["La configuración guardada en el libro (pmr.configuracion) no es un JSON válido."],
    });
  });

  test("no válida: un problema que dice qué clave", () => {
    const { valor } = buscarAjuste(
      [{ ruta: "w1", xml: parte({ [CLAVE_CONFIGURACION]: '{"corte":13}' }) }],
      CLAVE_CONFIGURACION,
    );
    expect(RANURA_CONFIGURACION.interpretarAjuste(valor)).toEqual({
      datos: null,
      problemas: [
        "La configuración guardada en el libro no es válida: «corte»: el valor es demasiado grande (máximo 12).",
      ],
    });
  });

  test("sin la propiedad o sin partes: no hay nada guardado", () => {
    expect(buscarAjuste([], CLAVE_CONFIGURACION)).toEqual({ valor: undefined, encontradoEn: null, avisos: [] });
    expect(buscarAjuste([{ ruta: "w1", xml: parte({ otra: 1 }) }], CLAVE_CONFIGURACION).valor).toBeUndefined();
    expect(RANURA_CONFIGURACION.interpretarAjuste(undefined)).toEqual({ datos: null, problemas: [] });
    expect(leerWebExtension("<a/>")).toBe("el elemento raíz es «a»");
  });

  test("varias partes con valores distintos: gana la del complemento y se avisa", () => {
    const ajena = { ruta: "w1", xml: parte({ [CLAVE_CONFIGURACION]: '{"corte":1}' }, "wa104380862") };
    const propia = {
      ruta: "w2",
      xml: parte({ [CLAVE_CONFIGURACION]: '{"corte":2}' }, `{${ID_COMPLEMENTO.toUpperCase()}}`),
    };
    const r = buscarAjuste([ajena, propia], CLAVE_CONFIGURACION);
    expect(r.valor).toBe('{"corte":2}');
    expect(r.avisos).toEqual([
      "El libro tiene «pmr.configuracion» en 2 partes de complementos con valores distintos; se usó el de w2.",
    ]);
  });
});
