/**
 * La ranura de las decisiones sobre hallazgos (PMR-SPEC §6.3): vive en partes XML personalizadas
 * del libro, clave del hallazgo → su decisión vigente, su historial y lo último que se vio del
 * hallazgo. El esquema es el del dominio (src/domain/decisiones.ts), que también exige la nota de
 * las decisiones que cierran: una nota corta editada a mano en el archivo es un problema al leer.
 */
import { DecisionesSchema, type Decisiones } from "../../domain/decisiones";
import { definirRanura } from "./ranura";

export const RANURA_DECISIONES = definirRanura<Decisiones>({
  nombre: "decisiones",
  descripcion: "las decisiones sobre hallazgos",
  version: 1,
  schema: DecisionesSchema,
});
