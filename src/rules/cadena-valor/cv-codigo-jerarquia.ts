import type { Hallazgo } from "../../domain/hallazgo";
import { conMemoria } from "../../domain/memoria";
import { definirRegla } from "../tipos";
import { codigoVisible, hallazgo } from "../utilidades";
import type { FilaNormalizada } from "../contexto";

/** La parte numérica con puntos de un código: «IP 3.2.1» → «3.2.1»; «O1» → «1». */
const NUMERO = /\d+(?:\.\d+)*/;
/** Fracción de las filas comparables que debe seguir la jerarquía para que el libro la use. */
export const FRACCION_JERARQUIA = 0.8;
/** Filas comparables que deben seguirla, como mínimo. */
export const MINIMO_JERARQUIA = 3;

function numero(codigo: string | null): string | null {
  if (codigo === null) return null;
  return NUMERO.exec(codigo)?.[0] ?? null;
}

/** ¿Cuelga «hijo» de «padre» («2.1.3» de «2.1»)? */
function cuelga(hijo: string, padre: string): boolean {
  return hijo.length > padre.length + 1 && hijo.startsWith(padre + ".");
}

type Relacion = "producto" | "objetivo";

const mensaje = (d: { indicador: string; relacion: Relacion; padre: string; ejemplo: string; celda: string }) =>
  `El código del indicador ${d.indicador} no corresponde a su ${d.relacion} ${d.padre}: en este libro los códigos siguen la jerarquía objetivo → producto → indicador (${d.ejemplo}). Revise el código (${d.celda}) o el ${d.relacion} de la fila.`;

interface Padre {
  relacion: Relacion;
  codigo: string;
  numero: string;
}

/** Con quién se compara un indicador: su producto (si la fila tiene) y su objetivo. */
function padres(f: FilaNormalizada, num: (codigo: string) => string | null): Padre[] {
  const salida: Padre[] = [];
  const p = f.codigoProducto === null ? null : num(f.codigoProducto);
  if (f.codigoProducto !== null && p !== null)
    salida.push({ relacion: "producto", codigo: f.codigoProducto, numero: p });
  const o = f.codigoObjetivo === null ? null : num(f.codigoObjetivo);
  if (f.codigoObjetivo !== null && o !== null)
    salida.push({ relacion: "objetivo", codigo: f.codigoObjetivo, numero: o });
  return salida;
}

export const cvCodigoJerarquia = definirRegla(
  {
    id: "CV-CODIGO-JERARQUIA",
    categoria: "Cadena de valor",
    severidad: "advertencia",
    descripcion:
      "Un código de indicador cuyo prefijo contradice el de su producto u objetivo (IP 3.2.1 en el producto 2.1), en un libro cuyos códigos siguen esa jerarquía.",
    mensaje: mensaje({
      indicador: "IP 3.2.1",
      relacion: "producto",
      padre: "2.1",
      ejemplo: "2.1 → 2.1.1",
      celda: "F12",
    }),
    esperado:
      "Un código de indicador que empieza por el código de su producto (IP 2.1.1 en el producto 2.1) o de su objetivo, como los demás del libro.",
    comoCorregir:
      "Si el indicador está en la fila de otro producto u objetivo, corrija el código de producto u objetivo de la fila; si el código del indicador está mal escrito, corríjalo.",
    requiere: "pmr",
    detalle:
      "Se compara la parte numérica de los códigos («IP 3.2.1» → 3.2.1, «P2.1» → 2.1, «O2» → 2): el indicador debe empezar por la de su producto (si la fila tiene producto) y por la de su objetivo. Solo se revisa si el libro sigue esa jerarquía: al menos 3 filas comparables la siguen y son al menos el 80 % de ellas. Un hallazgo por fila, en la celda del código del indicador (primero se mira el producto).",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    // Los códigos de producto y de objetivo se repiten en cada fila: su parte numérica, una vez.
    const num = conMemoria((c: string) => numero(c));
    // ¿Sigue el libro la jerarquía? Por relación (producto, objetivo).
    const cuenta: Record<Relacion, { si: number; total: number }> = {
      producto: { si: 0, total: 0 },
      objetivo: { si: 0, total: 0 },
    };
    const ejemplo: Partial<Record<Relacion, string>> = {};
    const revisar: { r: (typeof ctx.conCodigo)[number]; numero: string; padres: Padre[] }[] = [];
    for (const r of ctx.conCodigo) {
      const n = numero(r.codigo);
      if (n === null || !n.includes(".")) continue;
      const ps = padres(r, num);
      revisar.push({ r, numero: n, padres: ps });
      for (const p of ps) {
        cuenta[p.relacion].total++;
        if (!cuelga(n, p.numero)) continue;
        cuenta[p.relacion].si++;
        ejemplo[p.relacion] ??= `${p.numero} → ${n}`;
      }
    }
    const sigue = (rel: Relacion) =>
      cuenta[rel].si >= MINIMO_JERARQUIA && cuenta[rel].si >= FRACCION_JERARQUIA * cuenta[rel].total;
    if (!sigue("producto") && !sigue("objetivo")) return salida;
    for (const { r, numero: n, padres: ps } of revisar) {
      const malo = ps.find((p) => sigue(p.relacion) && !cuelga(n, p.numero));
      if (malo === undefined) continue;
      const celda = ctx.celda(r.ind, "codigo");
      salida.push(
        hallazgo(
          meta,
          ctx.nombreHojaPmr,
          celda,
          mensaje({
            indicador: r.ind.codigo!.trim(),
            relacion: malo.relacion,
            padre: codigoVisible(
              malo.relacion === "producto" ? r.ind.codigoProducto : r.ind.codigoObjetivo,
              malo.codigo,
            ),
            ejemplo: ejemplo[malo.relacion]!,
            celda,
          }),
          r.id,
          malo.relacion,
        ),
      );
    }
    return salida;
  },
);
