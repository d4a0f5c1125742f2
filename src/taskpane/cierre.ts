/**
 * Lógica pura de la sección Cierre del panel: qué dice cada sello guardado (qué cubre, cuándo se
 * selló, si sigue intacto) y el resumen de un sellado. Sin React ni Office.js (se prueba en jest).
 */
import { entero } from "../domain/formato";
import { NOMBRES_MES_LARGOS } from "../domain/modelo";
import { selloIntacto, type Sello } from "../domain/sellos";
import { MENSAJES_CIERRE } from "../casos/mensajesCierre";
import type { ResultadoSellado } from "../casos/sellar";

export interface SelloVisible {
  clave: string;
  titulo: string;
  cubre: string;
  cuando: string;
  nota: string | null;
  intacto: boolean;
}

const mayuscula = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/** «03/07/2025 10:15 (UTC)» de una fecha ISO; el texto tal cual si no lo es. */
export function fechaSello(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]} ${m[4]}:${m[5]} (UTC)` : iso;
}

/** Los sellos como se muestran, del más reciente al más antiguo. */
export function sellosVisibles(sellos: readonly Sello[]): SelloVisible[] {
  return sellos
    .map((s, i) => ({
      clave: `${i}-${s.huella}`,
      titulo: `${mayuscula(NOMBRES_MES_LARGOS[s.mes - 1])}${s.vigencia !== null ? ` de ${s.vigencia}` : ""}`,
      cubre: `Enero a ${NOMBRES_MES_LARGOS[s.mes - 1]}: programación, ejecución y avance cualitativo, y la programación (metas, línea base, tendencia, ponderación, periodicidad) de ${entero(s.indicadores.length)} ${s.indicadores.length === 1 ? "indicador" : "indicadores"}.`,
      cuando: `Sellado el ${fechaSello(s.fecha)}.`,
      nota: s.nota.trim() === "" ? null : s.nota,
      intacto: selloIntacto(s),
    }))
    .reverse();
}

/** Resumen de un sellado (título, texto, intención del aviso). */
export function resumenSellado(r: ResultadoSellado): { intent: "success" | "warning"; texto: string } {
  const s = r.sello;
  return {
    intent: r.errores > 0 ? "warning" : "success",
    texto: `${MENSAJES_CIERRE.sellado(s.mes, s.vigencia, s.indicadores.length)} ${MENSAJES_CIERRE.conErrores(r.errores)}`,
  };
}

export const MENSAJES_PANEL_CIERRE = {
  titulo: "Cierre",
  explicacion:
    "Sellar guarda dentro del libro, por código de indicador, los valores de enero al mes elegido y la programación. Desde entonces, «Validar PMR» (y pmr validar) informa como error cada valor sellado que cambie.",
  mes: "Sellar hasta el mes",
  nota: "Nota del sello",
  notaAyuda: "Por ejemplo: «Cierre del primer semestre, reportado en SEGPLAN el 5 de julio».",
  sellar: (mes: number) => `Sellar enero a ${NOMBRES_MES_LARGOS[mes - 1]}`,
  sellando: "Sellando…",
  selloGuardado: "Sello guardado",
  noSeSello: "No se selló",
  sellosDelLibro: "Sellos del libro",
  sinSellos: "El libro todavía no tiene sellos.",
  leyendo: "Leyendo los sellos…",
  alterado: "Alterado: no coincide con su huella (se editó fuera del complemento).",
  sellosIlegibles: "Los sellos del libro no se pueden leer",
  errorInesperado: "No se pudo sellar: Excel no respondió. Intente de nuevo.",
} as const;
