/** Textos del panel para las decisiones sobre hallazgos y «Exportar hallazgos» (es-CO). */
import { entero } from "../domain/formato";
import type { Decision } from "../domain/decisiones";
import { NOTA_MINIMA } from "../domain/decisiones";

export const MENSAJES_DECISIONES = {
  filtroDecision: "Filtrar por decisión",
  decisionConConteo: (d: Decision, n: number) => `${d} (${entero(n)})`,
  mostrarCerrados: (n: number) => `Mostrar cerrados (${entero(n)})`,
  ayudaCerrados: "Los justificados y descartados no cuentan en el resultado ni se resaltan.",
  seccion: "Decisión",
  grupoDecision: "Decisión sobre este hallazgo",
  nota: "Nota",
  notaObligatoria: `Obligatoria para Justificado y Descartado: al menos ${NOTA_MINIMA} caracteres que digan por qué.`,
  notaOpcional: "Opcional.",
  caracteres: (n: number) => `${entero(n)} ${n === 1 ? "carácter" : "caracteres"}`,
  guardar: "Guardar decisión",
  guardando: "Guardando…",
  sinCambios: "Sin cambios que guardar.",
  historial: (n: number) => `Historial (${entero(n)})`,
  sinHistorial: "Aún sin decisiones: está Pendiente.",
  cambio: (fecha: string, autor: string, decision: Decision) => `${fecha} · ${autor} · ${decision}`,
  tituloGuardada: "Decisión guardada",
  guardada: (d: Decision, cerrado: boolean) =>
    cerrado
      ? `El hallazgo quedó como ${d.toLowerCase()}: ya no cuenta ni se resalta. «Mostrar cerrados» lo vuelve a listar.`
      : `El hallazgo quedó como ${d.toLowerCase()}.`,
  tituloErrorDecision: "No se guardó la decisión",
  tituloResaltadoPendiente: "Decisión guardada; el resaltado no se actualizó",
  exportar: "Exportar hallazgos",
  exportando: "Exportando…",
  tituloExportado: "Hallazgos exportados",
  exportado: (hoja: string) =>
    `Se escribió la hoja «${hoja}» con cada hallazgo, su decisión, su nota y un vínculo a su celda.`,
  exportacionCancelada: "No se reemplazó la hoja anterior: no se exportó nada.",
  tituloErrorExportar: "No se pudieron exportar los hallazgos",
  confirmarTitulo: "¿Reemplazar la hoja?",
  confirmarTexto: (nombres: readonly string[]) =>
    `Ya existe ${nombres.map((n) => `«${n}»`).join(", ")}, escrita antes por el complemento. ¿La reemplaza con los hallazgos de ahora?`,
  reemplazar: "Reemplazar",
  cancelar: "Cancelar",
  marca: (d: Decision) => d,
} as const;
