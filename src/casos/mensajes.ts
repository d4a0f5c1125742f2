/**
 * Textos de los casos de uso que lee el usuario (etapas de progreso y problemas de la
 * configuración), en español (es-CO), en un solo lugar.
 */
import type { EtapaValidacion } from "./validar";

export const MENSAJES_CASOS = {
  etapas: {
    leyendo: "Leyendo el libro…",
    validando: "Validando…",
    resaltando: "Resaltando celdas…",
  } satisfies Record<EtapaValidacion, string>,
  configuracionGuardadaNoJson:
    "La configuración guardada en el libro no es un JSON válido; se usaron los valores por defecto.",
  configuracionGuardadaNoValida: (errores: readonly string[]) =>
    `La configuración guardada en el libro no es válida y se usaron los valores por defecto: ${errores.join(" ")}`,
  configuracionPedidaNoValida: (errores: readonly string[]) =>
    `La configuración pedida no es válida: ${errores.join(" ")}`,
} as const;
