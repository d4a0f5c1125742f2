/**
 * JSON por partes: los mismos bytes que `JSON.stringify(valor, null, 2)`, entregados en trozos,
 * para escribir el informe de un libro grande sin armar antes una cadena de cientos de MB (con
 * 50 000 indicadores y 90 000 hallazgos, esa cadena y su copia costaban más memoria que leer y
 * validar el libro). Los dos primeros niveles (el informe y sus listas) se recorren aquí; cada
 * elemento de más adentro se serializa con JSON.stringify y se sangra.
 */

/**
 * Una lista cuyos elementos se arman uno a uno al escribirla (`f` de cada elemento de `origen`):
 * los 380.000 hallazgos de un consolidado no se copian enteros antes de escribirlos. Con
 * JSON.stringify se escribe como la lista armada (toJSON).
 */
export class ListaPorPartes<T, U> {
  constructor(
    private readonly origen: readonly T[],
    private readonly f: (x: T) => U,
  ) {}

  get length(): number {
    return this.origen.length;
  }

  en(i: number): U {
    return this.f(this.origen[i]);
  }

  toJSON(): U[] {
    return this.origen.map(this.f);
  }
}

/** Niveles que se recorren por partes; lo de más adentro va de una vez. */
const NIVELES = 2;

function esSerializable(v: unknown): boolean {
  return v !== undefined && typeof v !== "function" && typeof v !== "symbol";
}

function* partes(valor: unknown, sangria: string, nivel: number): Generator<string> {
  if (valor instanceof ListaPorPartes && nivel < NIVELES) {
    yield* lista(valor as ListaPorPartes<unknown, unknown>, sangria, nivel);
    return;
  }
  const v =
    valor !== null && typeof valor === "object" && typeof (valor as { toJSON?: unknown }).toJSON === "function"
      ? (valor as { toJSON: () => unknown }).toJSON()
      : valor;
  if (nivel >= NIVELES || v === null || typeof v !== "object") {
    const t = JSON.stringify(v, null, 2);
    yield t === undefined ? "null" : t.includes("\n") ? t.replace(/\n/g, `\n${sangria}`) : t;
    return;
  }
  const adentro = `${sangria}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) {
      yield "[]";
      return;
    }
    yield "[";
    for (let i = 0; i < v.length; i++) {
      yield `${i === 0 ? "" : ","}\n${adentro}`;
      const x: unknown = v[i];
      if (esSerializable(x)) yield* partes(x, adentro, nivel + 1);
      else yield "null";
    }
    yield `\n${sangria}]`;
    return;
  }
  const claves = Object.keys(v).filter((k) => esSerializable((v as Record<string, unknown>)[k]));
  if (claves.length === 0) {
    yield "{}";
    return;
  }
  yield "{";
  for (let i = 0; i < claves.length; i++) {
    yield `${i === 0 ? "" : ","}\n${adentro}${JSON.stringify(claves[i])}: `;
    yield* partes((v as Record<string, unknown>)[claves[i]], adentro, nivel + 1);
  }
  yield `\n${sangria}}`;
}

/** Una ListaPorPartes como la lista armada, elemento a elemento. */
function* lista(l: ListaPorPartes<unknown, unknown>, sangria: string, nivel: number): Generator<string> {
  if (l.length === 0) {
    yield "[]";
    return;
  }
  const adentro = `${sangria}  `;
  yield "[";
  for (let i = 0; i < l.length; i++) {
    yield `${i === 0 ? "" : ","}\n${adentro}`;
    const x = l.en(i);
    if (esSerializable(x)) yield* partes(x, adentro, nivel + 1);
    else yield "null";
  }
  yield `\n${sangria}]`;
}

/** Trozos de unos 64 K caracteres cuya concatenación es `JSON.stringify(valor, null, 2)`. */
export function* jsonPorPartes(valor: unknown, tamano = 65_536): Generator<string> {
  let trozo = "";
  for (const p of partes(valor, "", 0)) {
    trozo += p;
    if (trozo.length >= tamano) {
      yield trozo;
      trozo = "";
    }
  }
  if (trozo !== "") yield trozo;
}
