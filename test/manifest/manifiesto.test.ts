import * as fs from "fs";
import * as path from "path";
import {
  type ContextoManifiesto,
  RAIZ,
  URL_DESARROLLO,
  comprobarManifiesto,
  funcionesAsociadas,
  leerFuentes,
  lectorDeIconos,
} from "./comprobaciones";

const manifiesto = fs.readFileSync(path.join(RAIZ, "manifest.xml"), "utf8");
const contexto: ContextoManifiesto = {
  fuentesComandos: leerFuentes(path.join(RAIZ, "src", "commands")),
  leerIcono: lectorDeIconos(URL_DESARROLLO, RAIZ),
};

/** Reemplaza exactamente una aparición; falla si el texto no está (la mutación no se aplicaría). */
function mutar(xml: string, buscado: string, reemplazo: string): string {
  const veces = xml.split(buscado).length - 1;
  if (veces !== 1) throw new Error(`La mutación espera 1 aparición de «${buscado}» y hay ${veces}.`);
  return xml.replace(buscado, reemplazo);
}

const codigos = (xml: string, ctx: ContextoManifiesto = contexto) => comprobarManifiesto(xml, ctx).map((p) => p.codigo);

describe("manifest.xml", () => {
  test("pasa todas las comprobaciones sin red", () => {
    expect(comprobarManifiesto(manifiesto, contexto)).toEqual([]);
  });

  test("src/commands asocia validarPmr", () => {
    expect(funcionesAsociadas(contexto.fuentesComandos)).toContain("validarPmr");
  });

  test("usa es-CO como idioma predeterminado y trae nombre y descripción en inglés", () => {
    expect(manifiesto).toMatch(/<DefaultLocale>es-CO<\/DefaultLocale>/);
    expect(manifiesto).toMatch(/<DisplayName DefaultValue="PMR para Excel">\s*<Override Locale="en-US"/);
    expect(manifiesto).toMatch(/<Description DefaultValue="[^"]+">\s*<Override Locale="en-US"/);
  });
});

describe("comprobaciones del manifiesto sobre copias alteradas", () => {
  test("informa un resid sin definir en <Resources>", () => {
    const xml = mutar(
      manifiesto,
      '<bt:String id="Panel.Label" DefaultValue="Panel PMR">',
      '<bt:String id="Panel.Etiqueta" DefaultValue="Panel PMR">',
    );
    const problemas = comprobarManifiesto(xml, contexto);
    expect(problemas).toContainEqual(
      expect.objectContaining({ codigo: "resid-sin-definir", mensaje: expect.stringContaining("Panel.Label") }),
    );
  });

  test("informa un icono que no mide lo que declara (resid de 16 px apuntando al archivo de 32 px)", () => {
    const xml = mutar(
      manifiesto,
      '<bt:Image id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-16.png"/>',
      '<bt:Image id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-32.png"/>',
    );
    const problemas = comprobarManifiesto(xml, contexto);
    expect(problemas).toContainEqual(
      expect.objectContaining({
        codigo: "icono-tamano",
        mensaje: expect.stringContaining("32×32 px, pero se declara de 16×16"),
      }),
    );
  });

  test("informa una función de la cinta que src/commands no asocia", () => {
    const xml = mutar(
      manifiesto,
      "<FunctionName>validarPmr</FunctionName>",
      "<FunctionName>exportarPmr</FunctionName>",
    );
    const problemas = comprobarManifiesto(xml, contexto);
    expect(problemas).toContainEqual(
      expect.objectContaining({ codigo: "funcion-cinta-sin-asociar", mensaje: expect.stringContaining("exportarPmr") }),
    );
  });

  test("informa una función de la cinta cuando las fuentes no la asocian", () => {
    expect(codigos(manifiesto, { ...contexto, fuentesComandos: "export function validarPmr() {}" })).toContain(
      "funcion-cinta-sin-asociar",
    );
  });

  test("informa un icono que no existe", () => {
    const xml = mutar(manifiesto, "assets/icon-80.png", "assets/icon-81.png");
    expect(codigos(xml)).toContain("icono-no-encontrado");
  });

  test("informa el tiempo de ejecución compartido partido en dos páginas", () => {
    const xml = mutar(
      manifiesto,
      '<FunctionFile resid="Taskpane.Url"/>',
      '<FunctionFile resid="Commands.Url"/>',
    ).replace(
      "</bt:Urls>",
      '<bt:Url id="Commands.Url" DefaultValue="https://localhost:3000/commands.html"/></bt:Urls>',
    );
    expect(codigos(xml)).toEqual(["runtime-compartido"]);
  });

  test("informa <Runtimes> fuera de su sitio y lifetime distinto de long", () => {
    const sinRuntimes = manifiesto.replace(/<Runtimes>[\s\S]*?<\/Runtimes>/, "");
    const alFinal = sinRuntimes.replace(
      "</DesktopFormFactor>",
      '</DesktopFormFactor><Runtimes><Runtime resid="Taskpane.Url" lifetime="short"/></Runtimes>',
    );
    expect(codigos(alFinal)).toEqual(expect.arrayContaining(["runtimes-primero", "runtime-lifetime"]));
  });

  test("informa un espacio de nombres distinto de PMR", () => {
    const xml = mutar(
      manifiesto,
      '<bt:String id="Functions.Namespace" DefaultValue="PMR"/>',
      '<bt:String id="Functions.Namespace" DefaultValue="CONTOSO"/>',
    );
    expect(codigos(xml)).toEqual(["espacio-de-nombres"]);
  });

  test("informa un resid que apunta a la colección equivocada", () => {
    const xml = mutar(manifiesto, '<Label resid="Tab.Label"/>', '<Label resid="Validar.Tooltip"/>');
    expect(codigos(xml)).toEqual(["resid-coleccion"]);
  });

  test("informa XML mal formado", () => {
    expect(codigos(manifiesto.replace("</OfficeApp>", ""))).toEqual(["xml-mal-formado"]);
  });
});
