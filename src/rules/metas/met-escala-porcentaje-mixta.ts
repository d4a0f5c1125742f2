import type { Hallazgo } from "../../domain/hallazgo";
import { MESES } from "../../domain/catalogos";
import type { CampoPmr, SeriePmr } from "../../domain/modelo";
import { citar as entreComillas, nombreCampo, numero } from "../formato";
import { definirRegla } from "../tipos";
import { esNumero, hallazgo, unidadPorcentual } from "../utilidades";

/** Un valor citado en el mensaje. */
interface Citado {
  campo: string;
  valor: number;
  celda: string;
}

/**
 * Lo que se sabe de una escala (valores ≤ 1 o > 1) de un indicador: cuántos valores, el mayor y
 * el primero (campo y mes, 0 si no es mensual). Sin un objeto por valor: hay miles de
 * indicadores con 27 valores cada uno.
 */
class Escala {
  cantidad = 0;
  maximo = 0;
  campo: CampoPmr | SeriePmr = "lineaBase";
  mes = 0;
  valor = 0;

  reiniciar(): void {
    this.cantidad = 0;
    this.maximo = 0;
  }

  anotar(campo: CampoPmr | SeriePmr, mes: number, valor: number): void {
    if (this.cantidad === 0) {
      this.campo = campo;
      this.mes = mes;
      this.valor = valor;
    }
    this.cantidad++;
    if (valor > this.maximo) this.maximo = valor;
  }
}

const NIVELES: readonly CampoPmr[] = ["lineaBase", "metaPlan", "metaVigencia"];
const SERIES = ["programado", "ejecutado"] as const;

const mensaje = (d: { indicador: string; unidad: string; raro: Citado; otro: Citado }) =>
  `El indicador ${d.indicador} (unidad ${entreComillas(d.unidad)}) mezcla escalas de porcentaje: ${d.raro.campo} ${numero(d.raro.valor)} (${d.raro.celda}) frente a ${d.otro.campo} ${numero(d.otro.valor)} (${d.otro.celda}). Escriba todos sus valores en la misma escala: 15 % como 15 en todas las celdas, o como 0,15 (con formato de porcentaje) en todas.`;

/** Un valor mayor que 1 es «grande» si es al menos este múltiplo del mayor valor ≤ 1. */
const SALTO_DE_ESCALA = 10;

export const metEscalaPorcentajeMixta = definirRegla(
  {
    id: "MET-ESCALA-PORCENTAJE-MIXTA",
    categoria: "Metas",
    severidad: "advertencia",
    descripcion: "Un indicador en porcentaje con valores en escalas distintas (0,15 y 15).",
    mensaje: mensaje({
      indicador: "I6",
      unidad: "Porcentaje",
      raro: { campo: "Línea base", valor: 0.15, celda: "L16" },
      otro: { campo: "Meta vigencia", valor: 15, celda: "O16" },
    }),
    esperado: "Todos los valores del indicador en la misma escala (todos 0,15 o todos 15).",
    comoCorregir:
      "Elija una escala para el indicador y úsela en la línea base, las metas, la programación y la ejecución. Un «15 %» escrito como texto se lee 0,15.",
    requiere: "pmr",
    detalle:
      "Solo para unidades de porcentaje (la unidad contiene «%», «porcentaje» o «porcentual»). Se miran la línea base, la meta plan y la meta vigencia y, si la tendencia no es Suma (niveles), también la programación y la ejecución mensual; no se miran ceros ni negativos. Hay mezcla cuando unos valores están entre 0 y 1, otros son mayores que 1 y el mayor de estos es al menos 10 veces el mayor de aquellos (0,15 frente a 15; no 0,8 frente a 1,5). Se señala el primer valor de la escala menos frecuente (la de los valores ≤ 1 si empatan).",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    const pequenos = new Escala();
    const grandes = new Escala();
    const mirar = (campo: CampoPmr | SeriePmr, mes: number, valor: number | null | undefined) => {
      if (!esNumero(valor) || valor <= 0) return;
      (valor <= 1 ? pequenos : grandes).anotar(campo, mes, valor);
    };
    for (const r of ctx.conCodigo) {
      const ind = r.ind;
      if (!unidadPorcentual(ind.unidad)) continue;
      pequenos.reiniciar();
      grandes.reiniciar();
      for (const campo of NIVELES) mirar(campo, 0, ind[campo] as number | null);
      if (ind.tendencia !== "SUMA") {
        for (const serie of SERIES) for (let m = 1; m <= MESES; m++) mirar(serie, m, ind[serie][m - 1]);
      }
      if (pequenos.cantidad === 0 || grandes.cantidad === 0) continue;
      if (grandes.maximo < SALTO_DE_ESCALA * pequenos.maximo) continue;
      const [raros, otros] = pequenos.cantidad <= grandes.cantidad ? [pequenos, grandes] : [grandes, pequenos];
      const citar = (e: Escala): Citado => ({
        campo: nombreCampo(e.mes ? `${e.campo}.${e.mes}` : e.campo),
        valor: e.valor,
        celda: e.mes ? ctx.celda(ind, e.campo, e.mes) : ctx.celda(ind, e.campo),
      });
      const raro = citar(raros);
      salida.push(
        hallazgo(
          meta,
          ctx.nombreHojaPmr,
          raro.celda,
          mensaje({ indicador: ind.codigo!.trim(), unidad: ind.unidad!.trim(), raro, otro: citar(otros) }),
          r.id,
        ),
      );
    }
    return salida;
  },
);
