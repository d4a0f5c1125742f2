/**
 * El motor: grillas → modelo → evaluación → reglas → hallazgos. No conoce ninguna regla por
 * nombre; las ejecuta el registro. Lo usan la línea de comandos, el panel y el botón Validar PMR.
 */
import {
  ordenarHallazgos,
  evaluar,
  tipoEfectivo,
  type Configuracion,
  type Evaluacion,
  type Hallazgo,
  type ModeloPmr,
} from "../domain";
import { ejecutarReglas } from "../rules/registro";
import type { LibroGrillas } from "../workbook/grilla";
import { leerModelo } from "../workbook/lector";

export interface Resumen {
  errores: number;
  advertencias: number;
  info: number;
}

export interface InformeValidacion {
  modelo: ModeloPmr;
  evaluacion: Evaluacion;
  hallazgos: Hallazgo[];
  resumen: Resumen;
}

export function resumir(hallazgos: readonly Hallazgo[]): Resumen {
  const r: Resumen = { errores: 0, advertencias: 0, info: 0 };
  for (const h of hallazgos) {
    if (h.severidad === "error") r.errores++;
    else if (h.severidad === "advertencia") r.advertencias++;
    else r.info++;
  }
  return r;
}

/** Valida un modelo ya leído. */
export function validarModelo(modelo: ModeloPmr, config: Configuracion): InformeValidacion {
  const evaluacion = evaluar(modelo, config);
  const hallazgos = ordenarHallazgos(ejecutarReglas(modelo, evaluacion, config));
  return { modelo, evaluacion, hallazgos, resumen: resumir(hallazgos) };
}

/** Valida un libro: lee las grillas y valida el modelo. Nunca lanza por el contenido del libro. */
export function validarLibro(libro: LibroGrillas, config: Configuracion): InformeValidacion {
  return validarModelo(leerModelo(libro), config);
}

const TIPO_TEXTO = { OBJETIVO: "Objetivo", PRODUCTO: "Producto" } as const;
const TENDENCIA_TEXTO = {
  SUMA: "Suma",
  CRECIENTE: "Creciente",
  CONSTANTE: "Constante",
  DECRECIENTE: "Decreciente",
} as const;

/** El documento JSON de PMR-SPEC §5 (ratios como fracciones; lo que no existe, null). */
export function informeJson(archivo: string, informe: InformeValidacion) {
  const ev = informe.evaluacion;
  return {
    archivo,
    vigencia: ev.vigencia,
    corte: ev.corte,
    resumen: informe.resumen,
    objetivos: ev.objetivos.map((o) => ({
      codigo: o.codigo,
      nombre: o.nombre,
      cumplimiento: o.cumplimiento,
      indicadores: o.indicadores.map((i) => ({
        codigo: i.indicador.codigo,
        nombre: i.indicador.nombre,
        tipo: TIPO_TEXTO[tipoEfectivo(i.indicador)],
        tendencia: i.indicador.tendencia ? TENDENCIA_TEXTO[i.indicador.tendencia] : i.indicador.tendenciaTexto,
        ponderacion: i.indicador.ponderacion,
        programado: i.programado,
        ejecutado: i.ejecutado,
        avance: i.avance,
        estado: i.estado,
      })),
    })),
    productos: ev.productos.map((p) => ({
      codigo: p.codigo,
      nombre: p.nombre,
      avanceFisico: p.avanceFisico,
      avanceFinanciero: p.avanceFinanciero,
      coherencia: p.coherencia,
    })),
    hallazgos: informe.hallazgos.map((h) => ({
      regla: h.regla,
      categoria: h.categoria,
      severidad: h.severidad,
      mensaje: h.mensaje,
      hoja: h.hoja,
      celda: h.celda,
      clave: h.clave,
    })),
  };
}
export type InformeJson = ReturnType<typeof informeJson>;
