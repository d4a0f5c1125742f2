/**
 * Registro de reglas: la ÚNICA lista de reglas. El motor llama a `ejecutarReglas` y no conoce
 * ninguna regla por nombre; docs/reglas.md se genera de esta lista (npm run docs:reglas).
 *
 * Añadir una regla = un módulo en src/rules/<familia>/<id>.ts, una línea aquí y su tabla de
 * casos en test/rules/.
 */
import type { Configuracion } from "../domain/configuracion";
import type { Evaluacion } from "../domain/evaluacion";
import type { Hallazgo } from "../domain/hallazgo";
import type { ModeloPmr } from "../domain/modelo";
import { claveHallazgo } from "../domain/hallazgo";
import { SIN_GUARDADO, construirContexto, type ContextoReglas, type DatosGuardados } from "./contexto";
import { ERROR_INTERNO, detalleError } from "./mensajes";
import type { Regla } from "./tipos";
import { estColumnaDuplicada } from "./estructura/est-columna-duplicada";
import { estColumnaFaltante } from "./estructura/est-columna-faltante";
import { estErrorCelda } from "./estructura/est-error-celda";
import { estHojaFaltante } from "./estructura/est-hoja-faltante";
import { estPmrSinFilas } from "./estructura/est-pmr-sin-filas";
import { estValorIlegible } from "./estructura/est-valor-ilegible";
import { estFechaEnNumero } from "./estructura/est-fecha-en-numero";
import { estVigenciasOmitidas } from "./estructura/est-vigencias-omitidas";
import { estDatosGuardados } from "./estructura/est-datos-guardados";
import { estCodigosEnNombres } from "./estructura/est-codigos-en-nombres";
import { estColumnaAmbigua } from "./estructura/est-columna-ambigua";
import { estColumnaNoLeida } from "./estructura/est-columna-no-leida";
import { estColumnaCalculada } from "./estructura/est-columna-calculada";
import { estColumnaTexto } from "./estructura/est-columna-texto";
import { estEscalaPonderacion } from "./estructura/est-escala-ponderacion";
import { estFilasHistoricas } from "./estructura/est-filas-historicas";
import { estMetaOtraVigencia } from "./estructura/est-meta-otra-vigencia";
import { estReportePeriodico } from "./estructura/est-reporte-periodico";
import { estTipoDeducido } from "./estructura/est-tipo-deducido";
import { cvCodigoJerarquia } from "./cadena-valor/cv-codigo-jerarquia";
import { metLbSinDato } from "./metas/met-lb-sin-dato";
import { metSumaVigenciasMayorMp } from "./metas/met-suma-vigencias-mayor-mp";
import { segAvanceImplausible } from "./seguimiento/seg-avance-implausible";
import { cvIndCodigoDuplicado } from "./cadena-valor/cv-ind-codigo-duplicado";
import { cvIndSinCodigo } from "./cadena-valor/cv-ind-sin-codigo";
import { cvIndSinMeta } from "./cadena-valor/cv-ind-sin-meta";
import { cvIndSinObjetivo } from "./cadena-valor/cv-ind-sin-objetivo";
import { cvIndSinProducto } from "./cadena-valor/cv-ind-sin-producto";
import { cvObjInexistente } from "./cadena-valor/cv-obj-inexistente";
import { cvObjNombreInconsistente } from "./cadena-valor/cv-obj-nombre-inconsistente";
import { cvObjSinIndicador } from "./cadena-valor/cv-obj-sin-indicador";
import { cvObjSinProducto } from "./cadena-valor/cv-obj-sin-producto";
import { cvPonderacionFaltante } from "./cadena-valor/cv-ponderacion-faltante";
import { cvPonderacionSuma } from "./cadena-valor/cv-ponderacion-suma";
import { cvProdInexistente } from "./cadena-valor/cv-prod-inexistente";
import { cvProdNombreInconsistente } from "./cadena-valor/cv-prod-nombre-inconsistente";
import { cvProdSinIndicador } from "./cadena-valor/cv-prod-sin-indicador";
import { cvProdVariosObjetivos } from "./cadena-valor/cv-prod-varios-objetivos";
import { cvTipoInvalido } from "./cadena-valor/cv-tipo-invalido";
import { metCrecienteMpMenorLb } from "./metas/met-creciente-mp-menor-lb";
import { metDecrecienteMpMayorLb } from "./metas/met-decreciente-mp-mayor-lb";
import { metDecrecienteSinLb } from "./metas/met-decreciente-sin-lb";
import { metEscalaPorcentajeMixta } from "./metas/met-escala-porcentaje-mixta";
import { metPeriodicidadInvalida } from "./metas/met-periodicidad-invalida";
import { metSumaMvMayorMp } from "./metas/met-suma-mv-mayor-mp";
import { metSumaProgramacionMv } from "./metas/met-suma-programacion-mv";
import { metTendenciaInvalida } from "./metas/met-tendencia-invalida";
import { metTendenciaVacia } from "./metas/met-tendencia-vacia";
import { metValorNegativo } from "./metas/met-valor-negativo";
import { segCierreSinObservaciones } from "./seguimiento/seg-cierre-sin-observaciones";
import { segEjecucionSinProgramacion } from "./seguimiento/seg-ejecucion-sin-programacion";
import { segMesFueraPeriodicidad } from "./seguimiento/seg-mes-fuera-periodicidad";
import { segSinReporte } from "./seguimiento/seg-sin-reporte";
import { segSobrecumplimientoSinJustificacion } from "./seguimiento/seg-sobrecumplimiento-sin-justificacion";
import { segTendenciaContraria } from "./seguimiento/seg-tendencia-contraria";
import { cualAcumuladoDistinto } from "./cualitativo/cual-acumulado-distinto";
import { cualFaltante } from "./cualitativo/cual-faltante";
import { cualLongitud } from "./cualitativo/cual-longitud";
import { ffApropiacionSinIndicador } from "./fisico-financiero/ff-apropiacion-sin-indicador";
import { ffCompromisosMayorApropiacion } from "./fisico-financiero/ff-compromisos-mayor-apropiacion";
import { ffFinancieroAdelantado } from "./fisico-financiero/ff-financiero-adelantado";
import { ffFisicoAdelantado } from "./fisico-financiero/ff-fisico-adelantado";
import { ffGirosMayorCompromisos } from "./fisico-financiero/ff-giros-mayor-compromisos";
import { ffPresupuestoProductoInexistente } from "./fisico-financiero/ff-presupuesto-producto-inexistente";
import { ffProductoSinRecursos } from "./fisico-financiero/ff-producto-sin-recursos";
import { terEjecucionDistintaAcum } from "./territorial/ter-ejecucion-distinta-acum";
import { terIndicadorInexistente } from "./territorial/ter-indicador-inexistente";
import { terLocalidadDesconocida } from "./territorial/ter-localidad-desconocida";
import { terMetasDistintasMv } from "./territorial/ter-metas-distintas-mv";
import { cieValorSelladoCambiado } from "./cierre/cie-valor-sellado-cambiado";
import { cieProgramacionCambiada } from "./cierre/cie-programacion-cambiada";
import { cieIndicadorEliminado } from "./cierre/cie-indicador-eliminado";
import { cieIndicadorAnadido } from "./cierre/cie-indicador-anadido";
import { cieSelloAlterado } from "./cierre/cie-sello-alterado";
import { consArchivoIlegible } from "./consolidacion/cons-archivo-ilegible";
import { consIndicadorValoresDistintos } from "./consolidacion/cons-indicador-valores-distintos";
import { consFilaRepetidaDistinta } from "./consolidacion/cons-fila-repetida-distinta";
import { consObjetivoNombreDistinto } from "./consolidacion/cons-objetivo-nombre-distinto";
import { consProductoNombreDistinto } from "./consolidacion/cons-producto-nombre-distinto";

/** Todas las reglas, en el orden de las categorías de PMR-SPEC §3. */
export const REGLAS: readonly Regla[] = Object.freeze([
  cvObjSinIndicador,
  cvObjSinProducto,
  cvProdSinIndicador,
  cvIndSinCodigo,
  cvIndSinObjetivo,
  cvIndSinProducto,
  cvObjInexistente,
  cvProdInexistente,
  cvProdVariosObjetivos,
  cvIndCodigoDuplicado,
  cvCodigoJerarquia,
  cvObjNombreInconsistente,
  cvProdNombreInconsistente,
  cvTipoInvalido,
  cvIndSinMeta,
  cvPonderacionSuma,
  cvPonderacionFaltante,
  metTendenciaInvalida,
  metTendenciaVacia,
  metPeriodicidadInvalida,
  metValorNegativo,
  metSumaProgramacionMv,
  metSumaMvMayorMp,
  metSumaVigenciasMayorMp,
  metCrecienteMpMenorLb,
  metDecrecienteMpMayorLb,
  metDecrecienteSinLb,
  metLbSinDato,
  metEscalaPorcentajeMixta,
  segEjecucionSinProgramacion,
  segSinReporte,
  segTendenciaContraria,
  segMesFueraPeriodicidad,
  segSobrecumplimientoSinJustificacion,
  segCierreSinObservaciones,
  segAvanceImplausible,
  ffCompromisosMayorApropiacion,
  ffGirosMayorCompromisos,
  ffFinancieroAdelantado,
  ffFisicoAdelantado,
  ffApropiacionSinIndicador,
  ffProductoSinRecursos,
  ffPresupuestoProductoInexistente,
  terLocalidadDesconocida,
  terIndicadorInexistente,
  terMetasDistintasMv,
  terEjecucionDistintaAcum,
  cualLongitud,
  cualFaltante,
  cualAcumuladoDistinto,
  estHojaFaltante,
  estColumnaFaltante,
  estErrorCelda,
  estValorIlegible,
  estFechaEnNumero,
  estColumnaDuplicada,
  estPmrSinFilas,
  estVigenciasOmitidas,
  estDatosGuardados,
  estColumnaNoLeida,
  estColumnaCalculada,
  estColumnaAmbigua,
  estColumnaTexto,
  estEscalaPonderacion,
  estMetaOtraVigencia,
  estCodigosEnNombres,
  estFilasHistoricas,
  estReportePeriodico,
  estTipoDeducido,
  cieValorSelladoCambiado,
  cieProgramacionCambiada,
  cieIndicadorEliminado,
  cieIndicadorAnadido,
  cieSelloAlterado,
  consArchivoIlegible,
  consIndicadorValoresDistintos,
  consFilaRepetidaDistinta,
  consObjetivoNombreDistinto,
  consProductoNombreDistinto,
]);

/** ¿Existe la hoja que la regla necesita? */
function aplica(regla: Regla, ctx: ContextoReglas): boolean {
  // Una vigencia pedida que no está en la hoja PMR: solo las reglas de Estructura (una
  // advertencia que lo dice). Las demás señalarían cada fila de presupuesto y territorial como
  // «sin producto» o «sin indicador», cuando lo que falla es la vigencia elegida.
  if (regla.meta.categoria !== "Estructura" && ctx.indicadores.length === 0 && ctx.evaluacion.omitidos.length > 0) {
    return false;
  }
  return regla.meta.requiere === undefined || ctx.modelo[regla.meta.requiere] !== null;
}

/** Hallazgo de Estructura cuando una regla lanza: la ejecución sigue con las demás. */
function errorInterno(regla: string, e: unknown, hoja: string): Hallazgo {
  return {
    regla: ERROR_INTERNO.id,
    categoria: "Estructura",
    severidad: "error",
    mensaje: ERROR_INTERNO.mensaje(regla, detalleError(e)),
    hoja,
    celda: "A1",
    clave: claveHallazgo(ERROR_INTERNO.id, regla),
  };
}

/**
 * Ejecuta las reglas sobre un modelo ya evaluado. Los índices se construyen una vez; una regla
 * que lanza no detiene a las demás (produce un hallazgo «error interno»). Nunca lanza.
 */
export function ejecutarReglas(
  modelo: ModeloPmr,
  evaluacion: Evaluacion,
  config: Configuracion,
  reglas: readonly Regla[] = REGLAS,
  guardado: DatosGuardados = SIN_GUARDADO,
): Hallazgo[] {
  let ctx: ContextoReglas;
  try {
    ctx = construirContexto(modelo, evaluacion, config, guardado);
  } catch (e) {
    return [errorInterno("(preparación de las reglas)", e, modelo.pmr?.nombre ?? "PMR")];
  }
  const hallazgos: Hallazgo[] = [];
  for (const regla of reglas) {
    try {
      if (!aplica(regla, ctx)) continue;
      const propios = regla.revisar(ctx);
      for (const h of propios) hallazgos.push(h);
    } catch (e) {
      hallazgos.push(errorInterno(regla.meta.id, e, ctx.nombreHojaPmr));
    }
  }
  return hallazgos;
}
