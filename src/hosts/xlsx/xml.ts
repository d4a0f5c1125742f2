/**
 * Analizador XML por flujo, pequeño y acotado, para las partes de un .xlsx (SpreadsheetML).
 *
 * Recibe el texto por trozos (`escribir`) y avisa de cada etiqueta de apertura, de cierre y de
 * cada texto, ya con las entidades resueltas. Los nombres llegan sin prefijo de espacio de
 * nombres («x:c» → «c»): SpreadsheetML no tiene dos elementos con el mismo nombre local en los
 * lugares que se leen.
 *
 * Por qué no saxes (el que usa ExcelJS, ya instalado): medido en la hoja de 25 MB de un libro
 * de 20 000 indicadores, saxes tarda 740–1.050 ms solo en recorrer el XML (sin hacer nada con
 * él); este analizador, que hace lo que se necesita (etiquetas, atributos, texto, entidades,
 * CDATA, comentarios), tarda 200–300 ms con atributos y textos. Con el límite de contenido
 * descomprimido, la velocidad es además lo que acota el tiempo ante un archivo hostil; y no
 * hace falta una dependencia directa más.
 *
 * Comprueba lo que hace falta para no leer basura como datos: etiquetas que cierran otra que no
 * está abierta, profundidad absurda, entidades desconocidas, DOCTYPE (un .xlsx no lo usa; así no
 * hay entidades definidas por el archivo) y XML incompleto. Un token (una etiqueta o un texto)
 * no puede pasar de LARGO_MAXIMO_TOKEN caracteres. Los errores son ErrorXml con el número de
 * carácter; quien lo usa añade la parte y la celda.
 *
 * Sin APIs de Node: corre igual en el navegador.
 */

/** Un texto o una etiqueta no puede ser más largo (Excel guarda como mucho 32 767 caracteres por celda). */
export const LARGO_MAXIMO_TOKEN = 16 * 1024 * 1024;
const PROFUNDIDAD_MAXIMA = 256;

export class ErrorXml extends Error {
  /** Carácter (0-based) del texto de la parte donde se detectó el problema. */
  readonly posicion: number;
  constructor(mensaje: string, posicion: number) {
    super(mensaje);
    this.name = "ErrorXml";
    this.posicion = posicion;
  }
}

/** Atributos de la última etiqueta abierta (los arreglos se reutilizan: copiar lo que se quiera guardar). */
export class Atributos {
  readonly nombres: string[] = [];
  readonly valores: string[] = [];
  n = 0;
  /** Valor del atributo de nombre local `nombre`, o undefined. */
  get(nombre: string): string | undefined {
    for (let i = 0; i < this.n; i++) if (this.nombres[i] === nombre) return this.valores[i];
    return undefined;
  }
}

export interface ManejadorXml {
  abrir(nombre: string, atributos: Atributos, vacio: boolean): void;
  cerrar(nombre: string): void;
  /** Texto entre etiquetas (solo se entrega mientras `quiereTexto` es true). */
  texto(texto: string): void;
  /** Si false, el texto entre etiquetas se salta sin crear cadenas (lo normal fuera de <v> y <t>). */
  quiereTexto: boolean;
}

const ENTIDADES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Resuelve las entidades de un texto XML (&lt; &#65; &#x41;). */
export function resolverEntidades(t: string, posicion = 0): string {
  let i = t.indexOf("&");
  if (i < 0) return t;
  let salida = "";
  let desde = 0;
  while (i >= 0) {
    const fin = t.indexOf(";", i);
    if (fin < 0 || fin - i > 12) throw new ErrorXml("un «&» que no empieza una entidad", posicion + i);
    const nombre = t.slice(i + 1, fin);
    let valor: string | undefined;
    if (nombre.charCodeAt(0) === 35 /* # */) {
      const hex = nombre.charCodeAt(1) === 120; /* x */
      const cifras = nombre.slice(hex ? 2 : 1);
      const codigo =
        cifras === "" || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(cifras) ? NaN : parseInt(cifras, hex ? 16 : 10);
      if (Number.isInteger(codigo) && codigo > 0 && codigo <= 0x10ffff) valor = String.fromCodePoint(codigo);
    } else {
      valor = ENTIDADES[nombre];
    }
    if (valor === undefined) throw new ErrorXml(`la entidad desconocida «&${nombre.slice(0, 10)};»`, posicion + i);
    salida += t.slice(desde, i) + valor;
    desde = fin + 1;
    i = t.indexOf("&", desde);
  }
  return salida + t.slice(desde);
}

function esEspacio(k: number): boolean {
  return k === 32 || k === 10 || k === 13 || k === 9;
}

function nombreLocal(nombre: string): string {
  const dos = nombre.indexOf(":");
  return dos < 0 ? nombre : nombre.slice(dos + 1);
}

export class AnalizadorXml {
  private resto = "";
  /** Caracteres ya consumidos antes de `resto` (para las posiciones de los errores). */
  private consumidos = 0;
  private readonly pila: string[] = [];
  private readonly atributos = new Atributos();
  private inicio = true;

  constructor(private readonly manejador: ManejadorXml) {}

  /** Posición (carácter) donde empieza lo que falta por analizar. */
  get posicion(): number {
    return this.consumidos;
  }

  escribir(trozo: string): void {
    const buf = this.resto.length === 0 ? trozo : this.resto + trozo;
    const usados = this.analizar(buf);
    this.resto = usados === buf.length ? "" : buf.slice(usados);
    this.consumidos += usados;
    if (this.resto.length > LARGO_MAXIMO_TOKEN)
      throw new ErrorXml("un elemento o un texto demasiado largo", this.consumidos);
  }

  /** Fin del texto: todo lo abierto debe estar cerrado. */
  terminar(): void {
    if (this.resto.trim() !== "") throw new ErrorXml("el XML termina a mitad de una etiqueta", this.consumidos);
    if (this.pila.length > 0)
      throw new ErrorXml(`el XML termina sin cerrar «${this.pila[this.pila.length - 1]}»`, this.consumidos);
    if (this.inicio) throw new ErrorXml("la parte está vacía", 0);
  }

  /** Analiza lo que pueda de `buf`; devuelve cuántos caracteres consumió (el resto espera más texto). */
  private analizar(buf: string): number {
    const m = this.manejador;
    const n = buf.length;
    let i = 0;
    if (this.consumidos === 0 && buf.charCodeAt(0) === 0xfeff) i = 1;
    while (i < n) {
      const lt = buf.indexOf("<", i);
      // Fuera del elemento raíz el texto no se entrega (solo puede haber espacios).
      const entregar = m.quiereTexto && this.pila.length > 0;
      if (lt < 0) {
        // Texto que puede seguir en el próximo trozo.
        if (!entregar) {
          this.textoIgnorado(buf, i, n);
          return n;
        }
        return i;
      }
      if (lt > i) {
        if (entregar) m.texto(resolverEntidades(buf.slice(i, lt), this.consumidos + i));
        else this.textoIgnorado(buf, i, lt);
      }
      if (lt + 1 >= n) return lt;
      const k = buf.charCodeAt(lt + 1);
      if (k === 47 /* / */) {
        const gt = buf.indexOf(">", lt + 2);
        if (gt < 0) return lt;
        this.cierre(buf.slice(lt + 2, gt).trimEnd(), lt);
        i = gt + 1;
      } else if (k === 63 /* ? */) {
        const fin = buf.indexOf("?>", lt + 2);
        if (fin < 0) return lt;
        i = fin + 2;
      } else if (k === 33 /* ! */) {
        const r = this.especial(buf, lt);
        if (r < 0) return lt;
        i = r;
      } else {
        const r = this.apertura(buf, lt);
        if (r < 0) return lt;
        i = r;
      }
    }
    return n;
  }

  private textoIgnorado(buf: string, desde: number, hasta: number): void {
    // Fuera del elemento raíz solo puede haber espacios; dentro, el texto no interesa.
    if (this.pila.length > 0) return;
    for (let j = desde; j < hasta; j++) {
      if (!esEspacio(buf.charCodeAt(j))) throw new ErrorXml("texto fuera del elemento raíz", this.consumidos + j);
    }
  }

  /** Comentario, CDATA o DOCTYPE; devuelve el índice siguiente o −1 si falta texto. */
  private especial(buf: string, lt: number): number {
    if (buf.startsWith("<!--", lt)) {
      const fin = buf.indexOf("-->", lt + 4);
      return fin < 0 ? -1 : fin + 3;
    }
    if (buf.startsWith("<![CDATA[", lt)) {
      const fin = buf.indexOf("]]>", lt + 9);
      if (fin < 0) return -1;
      if (this.pila.length === 0) throw new ErrorXml("CDATA fuera del elemento raíz", this.consumidos + lt);
      if (this.manejador.quiereTexto) this.manejador.texto(buf.slice(lt + 9, fin));
      return fin + 3;
    }
    if (buf.length - lt < 9) return -1;
    throw new ErrorXml("una declaración que un libro de Excel no usa (DOCTYPE o similar)", this.consumidos + lt);
  }

  private cierre(crudo: string, lt: number): void {
    const nombre = nombreLocal(crudo);
    const abierto = this.pila.pop();
    if (abierto !== nombre) {
      throw new ErrorXml(
        abierto === undefined
          ? `se cierra «${nombre.slice(0, 40)}» sin haberlo abierto`
          : `se cierra «${nombre.slice(0, 40)}» cuando lo abierto es «${abierto}»`,
        this.consumidos + lt,
      );
    }
    this.manejador.cerrar(nombre);
  }

  /** Etiqueta de apertura con sus atributos; devuelve el índice siguiente o −1 si falta texto. */
  private apertura(buf: string, lt: number): number {
    const n = buf.length;
    let j = lt + 1;
    while (j < n) {
      const k = buf.charCodeAt(j);
      if (k === 62 /* > */ || k === 47 /* / */ || esEspacio(k)) break;
      j++;
    }
    if (j >= n) return -1;
    if (j === lt + 1) throw new ErrorXml("una etiqueta sin nombre", this.consumidos + lt);
    const nombre = nombreLocal(buf.slice(lt + 1, j));
    const a = this.atributos;
    a.n = 0;
    for (;;) {
      while (j < n && esEspacio(buf.charCodeAt(j))) j++;
      if (j >= n) return -1;
      const k = buf.charCodeAt(j);
      if (k === 62 /* > */) {
        this.abrir(nombre, false, lt);
        return j + 1;
      }
      if (k === 47 /* / */) {
        if (j + 1 >= n) return -1;
        if (buf.charCodeAt(j + 1) !== 62)
          throw new ErrorXml(`la etiqueta «${nombre}» está mal cerrada`, this.consumidos + j);
        this.abrir(nombre, true, lt);
        return j + 2;
      }
      const inicioNombre = j;
      while (j < n) {
        const c = buf.charCodeAt(j);
        if (c === 61 /* = */ || esEspacio(c) || c === 62 || c === 47) break;
        j++;
      }
      if (j >= n) return -1;
      const nombreAtributo = buf.slice(inicioNombre, j);
      while (j < n && esEspacio(buf.charCodeAt(j))) j++;
      if (j >= n) return -1;
      if (buf.charCodeAt(j) !== 61)
        throw new ErrorXml(
          `el atributo «${nombreAtributo.slice(0, 40)}» de «${nombre}» no tiene valor`,
          this.consumidos + j,
        );
      j++;
      while (j < n && esEspacio(buf.charCodeAt(j))) j++;
      if (j >= n) return -1;
      const comilla = buf.charCodeAt(j);
      if (comilla !== 34 && comilla !== 39)
        throw new ErrorXml(
          `el valor del atributo «${nombreAtributo.slice(0, 40)}» no está entre comillas`,
          this.consumidos + j,
        );
      const fin = buf.indexOf(comilla === 34 ? '"' : "'", j + 1);
      if (fin < 0) return -1;
      a.nombres[a.n] = nombreLocal(nombreAtributo);
      a.valores[a.n] = resolverEntidades(buf.slice(j + 1, fin), this.consumidos + j + 1);
      a.n++;
      if (a.n > 10_000) throw new ErrorXml(`la etiqueta «${nombre}» tiene demasiados atributos`, this.consumidos + lt);
      j = fin + 1;
    }
  }

  private abrir(nombre: string, vacio: boolean, lt: number): void {
    if (this.pila.length === 0 && !this.inicio) throw new ErrorXml("un segundo elemento raíz", this.consumidos + lt);
    this.inicio = false;
    if (!vacio) {
      if (this.pila.length >= PROFUNDIDAD_MAXIMA)
        throw new ErrorXml("elementos anidados demasiado hondo", this.consumidos + lt);
      this.pila.push(nombre);
    }
    this.manejador.abrir(nombre, this.atributos, vacio);
    if (vacio) this.manejador.cerrar(nombre);
  }
}
