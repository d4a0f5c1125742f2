import type { Hallazgo } from "../../domain/hallazgo";
import type { Tendencia } from "../../domain/modelo";
import { meses } from "../formato";
import { definirRegla } from "../tipos";
import { algunValor, esNumero, hallazgo } from "../utilidades";

type Datos =
  | { indicador: string; meses: number[]; mensual: true; rango: string }
  | { indicador: string; meses: number[]; mensual: false; celdaMv: string };

const mensaje = (d: Datos) =>
  d.mensual
    ? `El indicador ${d.indicador} reporta ejecución en ${meses(d.meses)} sin tener nada programado hasta ${d.meses.length === 1 ? "ese mes" : "esos meses"}. Ajuste la programación mensual (${d.rango}) o revise el mes en que se registró la ejecución.`
    : `El indicador ${d.indicador} reporta ejecución en ${meses(d.meses)} pero no tiene meta vigencia ni programación mensual: esa ejecución no tiene contra qué medirse. Escriba la meta vigencia (${d.celdaMv}) o la programación mensual.`;

/**
 * programadoAlCorte(programado, metaVigencia, tendencia, m) de una serie CON programación
 * mensual, mes a mes (m = 1, 2, 3…) sin volver a recorrer la serie en cada mes: la suma (Suma) o
 * el último valor (las demás) hasta el mes, en el mismo orden de sumas que `acumulado`; en
 * diciembre, la meta vigencia si la hay. Una prueba la compara con programadoAlCorte.
 */
export class ProgramadoMesAMes {
  private suma = 0;
  private alguno = false;
  private ultimo: number | null = null;
  private hasta = 0;
  private readonly mv: number | null;

  constructor(
    private readonly programado: readonly (number | null)[],
    metaVigencia: number | null,
    private readonly tendencia: Tendencia,
  ) {
    this.mv = esNumero(metaVigencia) ? metaVigencia : null;
  }

  /** Suma los meses hasta `m` (se llama con m = 1, 2, 3… en orden). */
  avanzar(m: number): void {
    const tope = Math.min(m, this.programado.length);
    for (; this.hasta < tope; this.hasta++) {
      const v = this.programado[this.hasta];
      if (!esNumero(v)) continue;
      this.suma += v;
      this.alguno = true;
      this.ultimo = v;
    }
  }

  /** Programado al corte `m` (tras avanzar(m)). */
  alCorte(m: number): number | null {
    if (m >= 12 && this.mv !== null) return this.mv;
    if (this.tendencia === "SUMA") return this.alguno ? this.suma : null;
    return this.ultimo;
  }
}

export const segEjecucionSinProgramacion = definirRegla(
  {
    id: "SEG-EJECUCION-SIN-PROGRAMACION",
    categoria: "Seguimiento",
    severidad: "advertencia",
    descripcion: "Ejecución reportada en meses en que el indicador no tiene programación.",
    mensaje: mensaje({ indicador: "I3", meses: [1, 2], mensual: true, rango: "P12:AA12" }),
    esperado: "Ejecución solo en los meses con programación.",
    comoCorregir:
      "Si la entrega ocurrió, ajuste la programación para que la incluya; si el valor está en el mes equivocado, muévalo al mes que corresponde.",
    requiere: "pmr",
    detalle:
      "Se miran los meses 1 a corte con ejecución distinta de cero. Con programación mensual, un mes está sin programación cuando lo programado hasta ese mes (§2: suma para Suma, último valor para las demás; en diciembre la meta vigencia) está vacío o es cero. Sin programación mensual, cuando la meta vigencia está vacía o es cero. Un hallazgo por indicador, en la celda del primer mes señalado.",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    for (const r of ctx.conCodigo) {
      const ind = r.ind;
      const t = ind.tendencia;
      if (!t) continue;
      const mensual = algunValor(ind.programado);
      if (!mensual && esNumero(ind.metaVigencia) && ind.metaVigencia !== 0) continue;
      // La lista se crea solo si hay algún mes que señalar (casi nunca): no una por fila.
      let sin: number[] | null = null;
      const prog = mensual ? new ProgramadoMesAMes(ind.programado, ind.metaVigencia, t) : null;
      for (let m = 1; m <= ctx.corte; m++) {
        prog?.avanzar(m);
        const e = ind.ejecutado[m - 1];
        if (!esNumero(e) || e === 0) continue;
        const p = prog === null ? null : prog.alCorte(m);
        if (!esNumero(p) || p === 0) (sin ??= []).push(m);
      }
      if (sin === null) continue;
      const codigo = ind.codigo!.trim();
      const d: Datos = mensual
        ? { indicador: codigo, meses: sin, mensual, rango: ctx.rangoSerie(ind, "programado", 1, 12) }
        : { indicador: codigo, meses: sin, mensual, celdaMv: ctx.celda(ind, "metaVigencia") };
      salida.push(hallazgo(meta, ctx.nombreHojaPmr, ctx.celda(ind, "ejecutado", sin[0]), mensaje(d), r.id));
    }
    return salida;
  },
);
