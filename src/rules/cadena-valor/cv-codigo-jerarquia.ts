import type { Hallazgo } from "../../domain/hallazgo";
import { conMemoria } from "../../domain/memoria";
import { definirRegla } from "../tipos";
import { codigoVisible, hallazgo } from "../utilidades";

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

const esCifra = (k: number) => k >= 48 && k <= 57;

/**
 * Lo mismo que `numero` (la primera coincidencia de NUMERO), sin expresión regular: se llama una
 * vez por cada código de indicador, que casi nunca se repite, y así no crea el arreglo de la
 * coincidencia. Una prueba la compara con `numero` en textos al azar.
 */
export function numeroDeCodigo(codigo: string): string | null {
  const n = codigo.length;
  let i = 0;
  while (i < n && !esCifra(codigo.charCodeAt(i))) i++;
  if (i === n) return null;
  let fin = i + 1;
  while (fin < n && esCifra(codigo.charCodeAt(fin))) fin++;
  // Grupos «.cifras» mientras haya un punto seguido de al menos una cifra.
  while (fin + 1 < n && codigo.charCodeAt(fin) === 46 && esCifra(codigo.charCodeAt(fin + 1))) {
    fin += 2;
    while (fin < n && esCifra(codigo.charCodeAt(fin))) fin++;
  }
  return i === 0 && fin === n ? codigo : codigo.slice(i, fin);
}

/** La expresión regular de referencia (para la prueba de `numeroDeCodigo`). */
export const numeroConExpresion = numero;

/** ¿Cuelga «hijo» de «padre» («2.1.3» de «2.1»)? */
function cuelga(hijo: string, padre: string): boolean {
  return hijo.length > padre.length + 1 && hijo.startsWith(padre + ".");
}

type Relacion = "producto" | "objetivo";

const mensaje = (d: { indicador: string; relacion: Relacion; padre: string; ejemplo: string; celda: string }) =>
  `El código del indicador ${d.indicador} no corresponde a su ${d.relacion} ${d.padre}: en este libro los códigos siguen la jerarquía objetivo → producto → indicador (${d.ejemplo}). Revise el código (${d.celda}) o el ${d.relacion} de la fila.`;

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
    const num = conMemoria((c: string) => numeroDeCodigo(c));
    // ¿Sigue el libro la jerarquía? Por relación (producto, objetivo). Sin objetos por fila: las
    // filas comparables y sus números van en listas paralelas.
    let productoSi = 0;
    let productoTotal = 0;
    let objetivoSi = 0;
    let objetivoTotal = 0;
    let ejemploProducto: string | undefined;
    let ejemploObjetivo: string | undefined;
    const filas: (typeof ctx.conCodigo)[number][] = [];
    const numeros: string[] = [];
    const deProducto: (string | null)[] = [];
    const deObjetivo: (string | null)[] = [];
    for (const r of ctx.conCodigo) {
      const n = numeroDeCodigo(r.codigo);
      if (n === null || !n.includes(".")) continue;
      const p = r.codigoProducto === null ? null : num(r.codigoProducto);
      const o = r.codigoObjetivo === null ? null : num(r.codigoObjetivo);
      filas.push(r);
      numeros.push(n);
      deProducto.push(p);
      deObjetivo.push(o);
      if (p !== null) {
        productoTotal++;
        if (cuelga(n, p)) {
          productoSi++;
          ejemploProducto ??= `${p} → ${n}`;
        }
      }
      if (o !== null) {
        objetivoTotal++;
        if (cuelga(n, o)) {
          objetivoSi++;
          ejemploObjetivo ??= `${o} → ${n}`;
        }
      }
    }
    const sigue = (si: number, total: number) => si >= MINIMO_JERARQUIA && si >= FRACCION_JERARQUIA * total;
    const sigueProducto = sigue(productoSi, productoTotal);
    const sigueObjetivo = sigue(objetivoSi, objetivoTotal);
    if (!sigueProducto && !sigueObjetivo) return salida;
    for (let k = 0; k < filas.length; k++) {
      const n = numeros[k];
      const p = deProducto[k];
      const o = deObjetivo[k];
      // Primero el producto, después el objetivo.
      let relacion: Relacion;
      let codigoPadre: string;
      if (sigueProducto && p !== null && !cuelga(n, p)) {
        relacion = "producto";
        codigoPadre = filas[k].codigoProducto!;
      } else if (sigueObjetivo && o !== null && !cuelga(n, o)) {
        relacion = "objetivo";
        codigoPadre = filas[k].codigoObjetivo!;
      } else continue;
      const r = filas[k];
      const celda = ctx.celda(r.ind, "codigo");
      salida.push(
        hallazgo(
          meta,
          ctx.nombreHojaPmr,
          celda,
          mensaje({
            indicador: r.ind.codigo!.trim(),
            relacion,
            padre: codigoVisible(relacion === "producto" ? r.ind.codigoProducto : r.ind.codigoObjetivo, codigoPadre),
            ejemplo: (relacion === "producto" ? ejemploProducto : ejemploObjetivo)!,
            celda,
          }),
          r.id,
          relacion,
        ),
      );
    }
    return salida;
  },
);
