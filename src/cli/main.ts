/**
 * La orden `pmr` (PMR-SPEC §5): `pmr validar <libro.xlsx> [--corte 1-12] [--vigencia AAAA]
 * [--formato texto|json] [--config archivo.json]`.
 *
 * Salida: 0 sin hallazgos de severidad error; 1 con alguno; 2 si el libro no se pudo leer o los
 * argumentos no son válidos. Todo error sale como una línea en español en stderr, nunca como una
 * traza (PMR_DEPURAR=1 la muestra, para quien desarrolla).
 *
 * El lector de .xlsx, el motor y zod se cargan solo al validar: `pmr --help` responde al instante.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { leerArgumentos, type OpcionesValidar } from "./argumentos";
import type { LimitesLectura } from "./limites";
import { ERRORES } from "./mensajes";
import { jsonVisible, textoVisible } from "./terminal";

export interface Salida {
  write(texto: string): unknown;
  isTTY?: boolean;
  /** Para esperar a que se vacíe (`write` devolvió false), como un flujo de Node. */
  once?(evento: "drain", f: () => void): unknown;
}

/** Escribe los trozos uno a uno, esperando a que la salida se vacíe cuando lo pide (memoria acotada). */
async function escribirPorPartes(salida: Salida, trozos: Iterable<string>): Promise<void> {
  for (const t of trozos) {
    if (salida.write(t) === false && salida.once) await new Promise<void>((listo) => salida.once!("drain", listo));
  }
}

export interface Entorno {
  stdout: Salida;
  stderr: Salida;
  env: Record<string, string | undefined>;
}

function entornoDelProceso(): Entorno {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}

/** Un mensaje en una sola línea (sin saltos ni caracteres de control), terminado en salto de línea. */
function linea(mensaje: string): string {
  return textoVisible(mensaje.replace(/\s*[\r\n]+\s*/g, " ").trim()) + "\n";
}

/** Colores solo en una terminal interactiva y si NO_COLOR no está definido (https://no-color.org). */
export function usarColor(entorno: Entorno): boolean {
  const noColor = entorno.env.NO_COLOR;
  return Boolean(entorno.stdout.isTTY) && (noColor === undefined || noColor === "");
}

function version(): string {
  try {
    // Misma ruta relativa desde src/cli (pruebas) y desde lib/cli (compilado).
    const paquete = JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as {
      version?: string;
    };
    return paquete.version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}

class ErrorDeUso extends Error {}

/** Con PMR_DEPURAR, la traza del error y de su causa (para quien desarrolla; nunca por defecto). */
function trazaDepuracion(entorno: Entorno, e: unknown): void {
  if (!entorno.env.PMR_DEPURAR) return;
  for (let x: unknown = e; x instanceof Error; x = x.cause) if (x.stack) entorno.stderr.write(x.stack + "\n");
}

async function validar(o: OpcionesValidar, entorno: Entorno): Promise<number> {
  const { configuracionPedida, ErrorArchivoConfiguracion } = await import("./archivoConfiguracion");
  // --corte y --vigencia tienen prioridad sobre el archivo.
  let datos: Record<string, unknown>;
  try {
    ({ datos } = await configuracionPedida(o));
  } catch (e) {
    throw e instanceof ErrorArchivoConfiguracion ? new ErrorDeUso(e.message) : e;
  }

  const [{ leerArchivoXlsx, leerBytesXlsx, ErrorLecturaLibro }, { AlmacenXlsx }, { validar: validarCaso }] =
    await Promise.all([
      import("../hosts/xlsx/lectorXlsx"),
      import("../hosts/xlsx/almacenXlsx"),
      import("../casos/validar"),
    ]);
  // Al usarlo, como el lector: limites.ts trae los nombres de las variables del lector (y con él
  // JSZip), que `pmr --help` o un error de argumentos no necesitan.
  const { ErrorLimite, limitesDelEntorno } = await import("./limites");
  let limites: LimitesLectura;
  try {
    limites = limitesDelEntorno(entorno.env);
  } catch (e) {
    throw e instanceof ErrorLimite ? new ErrorDeUso(e.message) : e;
  }
  const { tamanoMaximo, descomprimidoMaximo } = limites;
  let informe;
  try {
    // El archivo se lee una vez (con los límites y comprobaciones del lector) y sirve para las
    // hojas y para lo que el complemento guardó en el libro (la configuración del panel).
    // Primero las hojas: su lector da los mensajes más precisos si el archivo está dañado.
    const bytes = await leerBytesXlsx(o.libro, { tamanoMaximo });
    const libro = await leerArchivoXlsx(bytes, {
      nombre: o.libro,
      hojas: "necesarias",
      tamanoMaximo,
      descomprimidoMaximo,
    });
    const almacen = await AlmacenXlsx.desdeContenido(bytes, { nombre: o.libro });
    informe = await validarCaso(
      { leerLibro: () => Promise.resolve(libro), almacen },
      { pedida: datos, todos: o.todos },
    );
  } catch (e) {
    if (e instanceof ErrorLecturaLibro) throw new ErrorDeUso(e.message, { cause: e });
    throw e;
  }

  if (o.formato === "json") {
    // Por partes: el JSON de 90 000 hallazgos en una sola cadena costaba más que validar.
    const [{ jsonPorPartes }, { informeJson }] = await Promise.all([
      import("./jsonPorPartes"),
      import("./informeJson"),
    ]);
    await escribirPorPartes(
      entorno.stdout,
      (function* () {
        for (const t of jsonPorPartes(informeJson(o.libro, informe))) yield jsonVisible(t);
        yield "\n";
      })(),
    );
  } else {
    const { informeTexto } = await import("./informeTexto");
    entorno.stdout.write(informeTexto(o.libro, informe, { color: usarColor(entorno), indicadores: o.indicadores }));
  }
  if (o.exportar !== null) {
    const codigo = await (await import("./decisiones")).exportarHallazgos(o, informe, entorno);
    if (codigo !== 0) return codigo;
  }
  return informe.resumen.errores > 0 ? 1 : 0;
}

/** Ejecuta `pmr` con los argumentos dados (sin «node» ni el script) y devuelve el código de salida. */
export async function main(argv: readonly string[], entorno: Entorno = entornoDelProceso()): Promise<number> {
  if (argv[0] === "informe" || argv[0] === "anexo") return (await import("./informe")).ejecutarDocumento(argv, entorno);
  try {
    if (argv[0] === "consolidar")
      return await (await import("./consolidar")).consolidarCli(argv.slice(1), entorno, usarColor(entorno));
    const orden = leerArgumentos(argv);
    switch (orden.tipo) {
      case "ayuda":
        entorno.stdout.write(orden.texto);
        return 0;
      case "version":
        entorno.stdout.write(`pmr ${version()}\n`);
        return 0;
      case "error":
        entorno.stderr.write(linea(orden.mensaje));
        return 2;
      case "validar":
        return await validar(orden, entorno);
      case "sellar":
        return await (await import("./sellar")).ejecutarSellar(orden.argumentos, entorno);
      case "comparar":
        return await (await import("./comparar")).ejecutarComparar(orden.argumentos, entorno);
      case "plantilla":
      case "normalizar":
        return await (await import("./plantilla")).ordenPlantilla(orden.tipo, orden.args, entorno);
    }
  } catch (e) {
    if (e instanceof ErrorDeUso) {
      entorno.stderr.write(linea(e.message));
      trazaDepuracion(entorno, e.cause);
      return 2;
    }
    const detalle = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    entorno.stderr.write(linea(ERRORES.interno(detalle)));
    trazaDepuracion(entorno, e);
    return 2;
  }
}

/** Punto de entrada de bin/pmr.js: ejecuta y deja el código de salida en el proceso. */
export function ejecutar(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  let salidaFallida = false;
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    // `pmr validar … | head`: si quien lee cierra la tubería, se termina sin traza.
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    // Otra falla (disco lleno, /dev/full…): el informe no se escribió; no es un éxito.
    if (salidaFallida) return;
    salidaFallida = true;
    process.exitCode = 2;
    process.stderr.write(linea(ERRORES.salidaFallida(e.code ?? e.message)));
  });
  return main(argv).then(
    (codigo) => {
      process.exitCode = salidaFallida ? 2 : codigo;
    },
    () => {
      process.exitCode = 2;
    },
  );
}
