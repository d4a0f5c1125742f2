/**
 * Construcción de los valores de error que devuelven las funciones =PMR.*.
 *
 * En Excel existe el global `CustomFunctions` y se usa su clase `Error`; en Node (pruebas,
 * benchmarks) no existe y se usa `ErrorLocal`, con la misma forma ({code, message}). Todo error
 * pasa por `crearError`, así que las pruebas y el paquete comparten la misma lógica.
 *
 * Excel solo muestra mensajes propios con #VALUE! (invalidValue) y #N/A (notAvailable).
 */

/** Códigos de CustomFunctions.ErrorCode que una función puede devolver. */
export const CODIGOS = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
} as const;

export type NombreCodigo = keyof typeof CODIGOS;
export type CodigoError = (typeof CODIGOS)[NombreCodigo];

/** Valor de error de una función: CustomFunctions.Error en Excel, ErrorLocal fuera de Excel. */
export interface ErrorFuncion {
  code: string;
  message?: string;
}

/** Sustituto de CustomFunctions.Error fuera de Excel, con la misma forma. */
export class ErrorLocal implements ErrorFuncion {
  readonly code: CodigoError;
  // `declare`: sin mensaje, la propiedad no existe (como en CustomFunctions.Error).
  declare readonly message?: string;
  constructor(code: CodigoError, message?: string) {
    this.code = code;
    if (message !== undefined) this.message = message;
  }
}

interface CustomFunctionsGlobal {
  Error?: new (code: string, message?: string) => ErrorFuncion;
  ErrorCode?: Partial<Record<NombreCodigo, string>>;
}

function customFunctionsGlobal(): CustomFunctionsGlobal | undefined {
  const cf = (globalThis as { CustomFunctions?: CustomFunctionsGlobal }).CustomFunctions;
  return cf && typeof cf.Error === "function" ? cf : undefined;
}

/** Nuevo valor de error. Los códigos sin mensaje propio en Excel se crean sin mensaje. */
export function crearError(nombre: NombreCodigo, mensaje?: string): ErrorFuncion {
  const conMensaje = nombre === "invalidValue" || nombre === "notAvailable" ? mensaje : undefined;
  const cf = customFunctionsGlobal();
  if (cf?.Error) {
    const codigo = cf.ErrorCode?.[nombre] ?? CODIGOS[nombre];
    return conMensaje === undefined ? new cf.Error(codigo) : new cf.Error(codigo, conMensaje);
  }
  return new ErrorLocal(CODIGOS[nombre], conMensaje);
}

/** #VALUE! con mensaje. */
export function valorNoValido(mensaje: string): ErrorFuncion {
  return crearError("invalidValue", mensaje);
}

/** #N/A con mensaje. */
export function noDisponible(mensaje: string): ErrorFuncion {
  return crearError("notAvailable", mensaje);
}

/** ¿Es `v` un valor de error creado por crearError (o un CustomFunctions.Error)? */
export function esErrorFuncion(v: unknown): v is ErrorFuncion {
  if (v instanceof ErrorLocal) return true;
  const cf = customFunctionsGlobal();
  return cf?.Error !== undefined && v instanceof cf.Error;
}

const NOMBRE_POR_CODIGO: Record<string, NombreCodigo> = {
  "#VALUE!": "invalidValue",
  "#N/A": "notAvailable",
  "#DIV/0!": "divisionByZero",
  "#NUM!": "invalidNumber",
  "#NULL!": "nullReference",
};

/**
 * Error que se propaga cuando un argumento ya trae un error de Excel: conserva #N/A, #DIV/0!,
 * #NUM! y #NULL! (y el mensaje de #N/A y #VALUE! si venía); los demás (#REF!, #NAME?, #SPILL!…),
 * que una función no puede devolver, se vuelven #VALUE! con un mensaje que los nombra.
 */
export function propagarError(codigo: string, mensaje: string | undefined, mensajePorDefecto: string): ErrorFuncion {
  const nombre = NOMBRE_POR_CODIGO[codigo.toUpperCase()];
  if (nombre === undefined) return crearError("invalidValue", mensajePorDefecto);
  return crearError(nombre, mensaje ?? mensajePorDefecto);
}
