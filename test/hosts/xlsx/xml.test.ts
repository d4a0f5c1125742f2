/** El analizador XML por flujo: los mismos eventos cualquiera que sea el corte en trozos, y errores con su posición. */
import fc from "fast-check";
import { AnalizadorXml, ErrorXml, resolverEntidades, type Atributos } from "../../../src/hosts/xlsx/xml";

function eventos(trozos: string[]): string[] {
  const salida: string[] = [];
  let texto = "";
  const cerrarTexto = () => {
    if (texto !== "") salida.push(`T:${texto}`);
    texto = "";
  };
  const m = {
    quiereTexto: true,
    abrir(nombre: string, a: Atributos, vacio: boolean) {
      cerrarTexto();
      const attrs = Array.from({ length: a.n }, (_, i) => `${a.nombres[i]}=${a.valores[i]}`).join(",");
      salida.push(`A:${nombre}[${attrs}]${vacio ? "/" : ""}`);
    },
    cerrar(nombre: string) {
      cerrarTexto();
      salida.push(`C:${nombre}`);
    },
    texto(t: string) {
      texto += t;
    },
  };
  const a = new AnalizadorXml(m);
  for (const t of trozos) a.escribir(t);
  a.terminar();
  return salida;
}

const XML =
  '\uFEFF<?xml version="1.0"?>\n<!-- comentario <c> --><x:worksheet xmlns:x="urn:x"><sheetData><row r="1">' +
  '<c r="A1" t=\'s\'><v>12</v></c><c r = "B1" t="inlineStr"><is><t xml:space="preserve"> a &amp; b &lt;c&gt; &#65;&#x42; </t></is></c>' +
  '<c r="C1" a="x&gt;y"><v><![CDATA[<no es etiqueta>]]></v></c><c r="D1"/></row></sheetData></x:worksheet>';

describe("AnalizadorXml", () => {
  it("etiquetas, atributos (con prefijo, comillas simples, espacios), entidades, CDATA y comentarios", () => {
    expect(eventos([XML])).toEqual([
      "A:worksheet[x=urn:x]",
      "A:sheetData[]",
      "A:row[r=1]",
      "A:c[r=A1,t=s]",
      "A:v[]",
      "T:12",
      "C:v",
      "C:c",
      "A:c[r=B1,t=inlineStr]",
      "A:is[]",
      "A:t[space=preserve]",
      "T: a & b <c> AB ",
      "C:t",
      "C:is",
      "C:c",
      "A:c[r=C1,a=x>y]",
      "A:v[]",
      "T:<no es etiqueta>",
      "C:v",
      "C:c",
      "A:c[r=D1]/",
      "C:c",
      "C:row",
      "C:sheetData",
      "C:worksheet",
    ]);
  });

  it("los mismos eventos con cualquier corte en trozos", () => {
    const entero = eventos([XML]);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: XML.length - 1 }), { maxLength: 40 }), (cortes) => {
        const puntos = [0, ...cortes.sort((a, b) => a - b), XML.length];
        const trozos = puntos.slice(1).map((p, i) => XML.slice(puntos[i], p));
        expect(eventos(trozos)).toEqual(entero);
      }),
    );
  });

  it.each([
    ["<a><b></a>", "se cierra «a» cuando lo abierto es «b»"],
    ["<a>", "sin cerrar «a»"],
    ["<a></a><b/>", "segundo elemento raíz"],
    ["<a>&nada;</a>", "entidad desconocida"],
    ["<a>&#0;</a>", "entidad desconocida"],
    ['<!DOCTYPE a [<!ENTITY x "y">]><a/>', "DOCTYPE"],
    ["<a b=c/>", "no está entre comillas"],
    ["texto<a/>", "fuera del elemento raíz"],
    ["", "vacía"],
    ["<a", "a mitad de una etiqueta"],
  ])("%s → error (%s)", (xml, mensaje) => {
    expect(() => eventos([xml])).toThrow(ErrorXml);
    expect(() => eventos([xml])).toThrow(mensaje);
  });

  it("la posición del error es el carácter donde está", () => {
    try {
      eventos(["<a><b>", "</c></a>"]);
    } catch (e) {
      expect((e as ErrorXml).posicion).toBe(6);
      return;
    }
    throw new Error("se esperaba un error");
  });

  it("resolverEntidades", () => {
    expect(resolverEntidades("a&amp;b&quot;&apos;&#x1F600;")).toBe("a&b\"'😀");
    expect(() => resolverEntidades("a & b")).toThrow(ErrorXml);
  });
});
