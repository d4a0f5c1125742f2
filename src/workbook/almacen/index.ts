/**
 * Almacén del complemento dentro del libro (PMR-SPEC §6.1): ranuras tipadas y versionadas, el
 * sobre de sus partes XML, y el puerto que implementan Excel (src/hosts/excel/almacen.ts) y el
 * archivo .xlsx (src/hosts/xlsx/almacenXlsx.ts). Puro: corre igual en el panel y en Node.
 */
export {
  definirRanura,
  ranurasDefinidas,
  ranuraPorNombre,
  validarGuardado,
  problemasDeZod,
  ErrorAlmacen,
  type AlmacenLibro,
  type DatosDeRanura,
  type DefinicionRanura,
  type LecturaRanura,
  type Ranura,
  type ResultadoValidacion,
} from "./ranura";
export {
  ESPACIO_ALMACEN,
  FORMATO_SOBRE,
  MAX_BYTES_PARTE,
  MIN_BYTES_PARTE,
  codificarRanura,
  esParteDelAlmacen,
  inventariar,
  leerRanuraDeInventario,
  leerRanuraDePartes,
  leerSobre,
  planificarEscritura,
  trocear,
  type InventarioPartes,
  type OpcionesCodificacion,
  type ParteGuardada,
  type PlanEscritura,
  type Sobre,
} from "./sobre";
export {
  ID_COMPLEMENTO,
  buscarAjuste,
  leerWebExtension,
  valorDeAjuste,
  type AjustesWebExtension,
} from "./webextension";
export { RANURA_CONFIGURACION } from "./configuracion";
export { RANURA_SELLOS } from "./sellos";
export { RANURA_DECISIONES } from "./decisiones";
export { MENSAJES_ALMACEN } from "./mensajes";
export { escaparAtributoXml, escaparTextoXml, leerEtiqueta, leerRaizXml } from "./xml";
