/**
 * La misma configuración, las mismas cifras: el panel guarda la configuración en el libro (Excel
 * falso), esos mismos ajustes van al .xlsx como los guarda Office (parte webextension), y
 * `pmr validar` sobre ese archivo da el mismo corte, los mismos cumplimientos y los mismos
 * hallazgos que el panel. La línea de comandos dice qué valores salieron del libro, y sus
 * opciones mandan sobre los del libro.
 */
import { promises as fs } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { validar } from "../../src/casos/validar";
import { main, type Entorno } from "../../src/cli/main";
import { crearConfiguracion } from "../../src/domain";
import { crearAlmacenExcel, puertosExcel } from "../../src/hosts/excel";
import { leerArchivoXlsx } from "../../src/hosts/xlsx";
import { RANURA_CONFIGURACION } from "../../src/workbook/almacen";
import { crearLibroFalso } from "../fakes/excel-falso";
import { quitarAnfitrion, usarLibro } from "../hosts/excel/ayudas";
import { agregarWebExtension } from "../hosts/xlsx/ayudas-almacen";

const EJEMPLO = path.resolve(__dirname, "..", "..", "ejemplos", "pmr-ejemplo.xlsx");

afterEach(() => quitarAnfitrion());

function entorno(): Entorno & { salida(): string } {
  let out = "";
  return {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: () => true },
    env: {},
    salida: () => out,
  };
}

describe("configuración guardada en el libro: el panel y pmr dan las mismas cifras", () => {
  const config = crearConfiguracion({
    corte: 6,
    semaforo: { rojo: 0.6, amarillo: 0.8, verde: 1.1 },
    toleranciaFisicoFinanciera: 0.15,
    topeCien: true,
  });
  let archivo: string;
  let panel: Awaited<ReturnType<typeof validar>>;

  beforeAll(async () => {
    const libro = crearLibroFalso(await leerArchivoXlsx(EJEMPLO));
    const ejecutar = usarLibro(libro);
    await crearAlmacenExcel({ ejecutar, ajustes: libro.ajustes as never }).escribir(RANURA_CONFIGURACION, config);
    panel = await validar(puertosExcel(ejecutar));
    const carpeta = await fs.mkdtemp(path.join(tmpdir(), "pmr-config-"));
    archivo = path.join(carpeta, "con-configuracion.xlsx");
    await fs.writeFile(archivo, await agregarWebExtension(await fs.readFile(EJEMPLO), libro.ajustesGuardados()));
  });

  test("el panel validó con la configuración guardada", () => {
    expect(panel.configuracion).toEqual(config);
    expect(panel.evaluacion.corte).toBe(6);
    expect(panel.origen.corte).toBe("libro");
  });

  test("pmr validar sobre el .xlsx: mismo corte, mismos cumplimientos, mismos hallazgos", async () => {
    const e = entorno();
    await main(["validar", archivo, "--formato", "json"], e);
    const json = JSON.parse(e.salida()) as {
      corte: number;
      objetivos: { codigo: string; cumplimiento: number | null }[];
      productos: { codigo: string; coherencia: string | null }[];
      hallazgos: { clave: string }[];
    };
    expect(json.corte).toBe(6);
    expect(json.objetivos.map((o) => [o.codigo, o.cumplimiento])).toEqual(
      panel.evaluacion.objetivos.map((o) => [o.codigo, o.cumplimiento]),
    );
    expect(json.productos.map((p) => [p.codigo, p.coherencia])).toEqual(
      panel.evaluacion.productos.map((p) => [p.codigo, p.coherencia]),
    );
    expect(json.hallazgos.map((h) => h.clave)).toEqual(panel.hallazgos.map((h) => h.clave));
    // Y no son las cifras de la configuración por defecto (la prueba distingue).
    const sinConfig = entorno();
    await main(["validar", EJEMPLO, "--formato", "json"], sinConfig);
    expect(JSON.parse(sinConfig.salida()).corte).not.toBe(6);
  });

  test("el informe en texto dice qué salió del libro; las opciones mandan sobre lo guardado", async () => {
    const e = entorno();
    await main(["validar", archivo], e);
    expect(e.salida()).toMatch(
      /Configuración: +guardada en el libro: mes de corte, tolerancia físico-financiera, umbrales del semáforo, tope del 100 %; el resto, valores por defecto\./,
    );
    const conOpcion = entorno();
    await main(["validar", archivo, "--corte", "9", "--formato", "json"], conOpcion);
    expect(JSON.parse(conOpcion.salida()).corte).toBe(9);
  });
});
