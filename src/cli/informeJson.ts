/**
 * El documento JSON de `pmr validar --formato json` (contrato de la línea de comandos): ratios
 * como fracciones (1.0126 para 101,26 %); lo que no existe, null. Cada hallazgo lleva su
 * `decision` y su `nota` (PMR-SPEC §6.3); `decididos` resume las decisiones y lista los resueltos
 * (contrato en docs/decisiones-hallazgos.md).
 */
import { tipoEfectivo, textoTendencia, TEXTO_TIPO } from "../domain";
import { decisionDelHallazgo } from "../casos/decidir";
import type { InformeValidacion } from "../casos/validar";

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
        tipo: TEXTO_TIPO[tipoEfectivo(i.indicador)],
        tendencia: textoTendencia(i.indicador),
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
      ...decisionJson(informe, h),
    })),
    decididos: {
      enGestion: informe.decisiones.conteo.enGestion,
      justificados: informe.decisiones.conteo.justificados,
      descartados: informe.decisiones.conteo.descartados,
      resueltos: informe.decisiones.resueltos.map((r) => ({
        regla: r.guardada.hallazgo.regla,
        categoria: r.guardada.hallazgo.categoria,
        severidad: r.guardada.hallazgo.severidad,
        mensaje: r.guardada.hallazgo.mensaje,
        hoja: r.guardada.hallazgo.hoja,
        celda: r.guardada.hallazgo.celda,
        clave: r.clave,
        decision: r.decision,
        nota: r.nota === "" ? null : r.nota,
        desaparecido: r.desaparecido,
      })),
    },
  };
}

function decisionJson(informe: InformeValidacion, h: { clave: string }) {
  const d = decisionDelHallazgo(informe.decisiones, h);
  return { decision: d.decision, nota: d.nota === "" ? null : d.nota };
}
export type InformeJson = ReturnType<typeof informeJson>;
