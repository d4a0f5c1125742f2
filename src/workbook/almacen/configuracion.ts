/**
 * La ranura de la configuración: vive en la configuración del documento (clave
 * CLAVE_CONFIGURACION), no en partes XML, para que las funciones =PMR.* la lean sin esperar y los
 * libros guardados antes sigan funcionando. Se interpreta con el único intérprete del producto
 * (`leerConfiguracionGuardada`, src/domain/configuracion.ts).
 */
import {
  CLAVE_CONFIGURACION,
  ConfiguracionSchema,
  leerConfiguracionGuardada,
  validarConfiguracion,
  type Configuracion,
} from "../../domain/configuracion";
import { MENSAJES_ALMACEN as M } from "./mensajes";
import { definirRanura } from "./ranura";

export const RANURA_CONFIGURACION = definirRanura<Configuracion>({
  nombre: "configuracion",
  descripcion: "la configuración",
  version: 1,
  schema: ConfiguracionSchema,
  ajuste: CLAVE_CONFIGURACION,
  validar: (datos) => {
    const r = validarConfiguracion(datos);
    return r.ok ? { ok: true, datos: r.configuracion } : { ok: false, problemas: r.errores };
  },
  interpretarAjuste: (guardado) => {
    const l = leerConfiguracionGuardada(guardado);
    if (l.estado === "vacia") return { datos: null, problemas: [] };
    if (l.estado === "valida") return { datos: l.configuracion, problemas: [] };
    // El JSON roto ya es una oración completa; los errores de validación nombran solo la clave.
    const completo = l.errores.length === 1 && l.errores[0].startsWith("La configuración");
    return { datos: null, problemas: completo ? l.errores : [M.configuracionNoValida(l.errores)] };
  },
});
