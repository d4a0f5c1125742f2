/**
 * Los límites de lectura que el usuario puede cambiar con variables de entorno, iguales para
 * todos los comandos que leen un .xlsx: PMR_MAXIMO_MB (tamaño del archivo) y
 * PMR_DESCOMPRIMIDO_MAXIMO_MB (lo que se descomprime). Sin la variable, rige el máximo del lector.
 */
import { VARIABLE_DESCOMPRIMIDO_MAXIMO, VARIABLE_TAMANO_MAXIMO } from "../hosts/xlsx/mensajes";
import { ERRORES } from "./mensajes";

export interface LimitesLectura {
  tamanoMaximo?: number;
  descomprimidoMaximo?: number;
}

/** Una variable con un valor que no es un número de MB mayor que cero. */
export class ErrorLimite extends Error {}

function megas(env: Readonly<Record<string, string | undefined>>, variable: string): number | undefined {
  const texto = env[variable];
  if (texto === undefined || texto.trim() === "") return undefined;
  const mb = Number(texto.trim().replace(",", "."));
  if (!Number.isFinite(mb) || mb <= 0) throw new ErrorLimite(ERRORES.maximoInvalido(variable, texto));
  return Math.floor(mb * 1024 * 1024);
}

/** Los límites del entorno; lanza ErrorLimite (con el mensaje para el usuario) si uno no es válido. */
export function limitesDelEntorno(env: Readonly<Record<string, string | undefined>>): LimitesLectura {
  const limites: LimitesLectura = {};
  const tamano = megas(env, VARIABLE_TAMANO_MAXIMO);
  const descomprimido = megas(env, VARIABLE_DESCOMPRIMIDO_MAXIMO);
  if (tamano !== undefined) limites.tamanoMaximo = tamano;
  if (descomprimido !== undefined) limites.descomprimidoMaximo = descomprimido;
  return limites;
}
