/**
 * Carga del paquete construido de las funciones (dist/functions.*.js con el runtime y el paquete
 * «comun» que carga antes la página: lo que Excel ejecuta) en un
 * sandbox de Node `vm`, con un `CustomFunctions` de mentira (registra associate y ofrece Error y
 * ErrorCode) y un `Office` con la configuración del documento. La usan paquete.test.ts y las
 * pruebas de propiedades, que corren contra la fuente y contra el paquete.
 *
 * dist/ lo construye `npm run build` (npm test lo hace en pretest). Si falta, quien lo carga
 * falla y dice qué ejecutar.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";

export const RAIZ = path.resolve(__dirname, "../..");
export const DIST = path.join(RAIZ, "dist");
export const FALTA_DIST =
  "Falta el paquete de funciones en dist/: ejecute «npm run build» (npm test lo hace en pretest).";

export interface Metadatos {
  functions: {
    id: string;
    name: string;
    description?: string;
    parameters: { name: string; description?: string; type?: string; dimensionality?: string; optional?: boolean }[];
    result: { dimensionality?: string };
  }[];
}

/** Archivo del paquete «functions»: el que carga dist/taskpane.html o, si no, el del listado. */
export function archivoDelPaquete(dist = DIST): string {
  if (!fs.existsSync(dist)) throw new Error(FALTA_DIST);
  const html = path.join(dist, "taskpane.html");
  if (fs.existsSync(html)) {
    const m = /src=["']?(functions(?:\.[0-9a-f]+)?\.js)/.exec(fs.readFileSync(html, "utf8"));
    if (m && fs.existsSync(path.join(dist, m[1]))) return m[1];
  }
  const candidatos = fs.readdirSync(dist).filter((f) => /^functions(\.[0-9a-f]+)?\.js$/.test(f));
  if (candidatos.length !== 1) throw new Error(FALTA_DIST);
  return candidatos[0];
}

/**
 * Los scripts que la página carga para las funciones, en su orden: el runtime de webpack, el
 * paquete «comun» que comparten las tres entradas y el de las funciones (sin el panel ni los
 * comandos, que necesitan un DOM). Sin taskpane.html (una construcción vieja), solo el paquete.
 */
export function scriptsDeLasFunciones(dist = DIST): string[] {
  const funciones = archivoDelPaquete(dist);
  const html = path.join(dist, "taskpane.html");
  if (!fs.existsSync(html)) return [funciones];
  const locales = [...fs.readFileSync(html, "utf8").matchAll(/<script\b[^>]*?\bsrc=["']?([^"'\s>]+)/gi)]
    .map((m) => m[1])
    .filter((src) => !/^(https?:)?\/\//i.test(src))
    .map((src) => src.replace(/^\.?\//, ""));
  const necesarios = locales.filter((src) => !/^(taskpane|commands)(\.[0-9a-f]+)?\.js$/.test(src));
  for (const src of necesarios) if (!fs.existsSync(path.join(dist, src))) throw new Error(FALTA_DIST);
  return necesarios.includes(funciones) ? necesarios : [...necesarios, funciones];
}

export function leerMetadatos(dist = DIST): Metadatos {
  const ruta = path.join(dist, "functions.json");
  if (!fs.existsSync(ruta)) throw new Error(FALTA_DIST);
  return JSON.parse(fs.readFileSync(ruta, "utf8")) as Metadatos;
}

export class ErrorExcel {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}

export type Funcion = (...args: unknown[]) => unknown;

/** Carga el paquete en un sandbox y devuelve lo que registró con CustomFunctions.associate. */
export function cargarPaquete(configuracionGuardada: unknown = null) {
  const registro = new Map<string, Funcion>();
  const asociaciones: string[] = [];
  const sandbox = {
    CustomFunctions: {
      associate(id: string, funcion: Funcion) {
        asociaciones.push(id);
        registro.set(id, funcion);
      },
      Error: ErrorExcel,
      ErrorCode: {
        invalidValue: "#VALUE!",
        notAvailable: "#N/A",
        divisionByZero: "#DIV/0!",
        invalidNumber: "#NUM!",
        nullReference: "#NULL!",
      },
    },
    Office: {
      EventType: { SettingsChanged: "settingsChanged" },
      context: {
        document: {
          settings: {
            get: (clave: string) => (clave === "pmr.configuracion" ? configuracionGuardada : null),
            addHandlerAsync: () => undefined,
          },
        },
      },
    },
    // El runtime de webpack toma la ruta base de los paquetes del script que se está ejecutando.
    document: { currentScript: { tagName: "SCRIPT", src: "https://localhost:3000/runtime.js" } },
    console,
  };
  const contexto = vm.createContext(sandbox);
  // Los paquetes de webpack para el navegador se encuentran a través de `self`.
  vm.runInContext("globalThis.self = globalThis;", contexto);
  for (const archivo of scriptsDeLasFunciones()) {
    vm.runInContext(fs.readFileSync(path.join(DIST, archivo), "utf8"), contexto, { filename: archivo });
  }
  return { registro, asociaciones };
}
