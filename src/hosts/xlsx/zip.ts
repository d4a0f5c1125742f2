/**
 * Acceso acotado a las partes de un paquete .xlsx (un zip) con JSZip, sin APIs de Node.
 *
 * - Se lee el índice del zip (JSZip no descomprime nada al abrir).
 * - Cada parte se descomprime por flujo y se entrega como texto UTF-8 por trozos: ni el XML de
 *   una hoja entera ni sus bytes descomprimidos se guardan en memoria.
 * - Contra las bombas de descompresión, el total descomprimido de las partes leídas tiene un
 *   máximo: se comprueba con el tamaño que declara el índice ANTES de descomprimir y se cuenta
 *   de verdad MIENTRAS se descomprime (el índice puede mentir). Pasado el máximo se detiene.
 * - Los nombres de las partes se buscan sin distinguir mayúsculas (como dice OPC).
 */
import JSZip from "jszip";

export type TipoErrorZip = "indice" | "descomprimido" | "danada" | "partes";

/**
 * Una parte que se descomprime más de RAZON_MAXIMA veces su tamaño comprimido, pasados
 * GRACIA_RAZON bytes, es una bomba: las hojas de Excel se comprimen de 5 a 30 veces; un XML de
 * puros espacios, 1.000 veces. Así una bomba se detiene en un segundo y no al llegar al máximo.
 */
export const RAZON_MAXIMA = 200;
export const GRACIA_RAZON = 16 * 1024 * 1024;

/** Partes máximas de un paquete (un .xlsx tiene decenas; JSZip crea un objeto por parte al abrirlo). */
export const PARTES_MAXIMAS = 100_000;

/**
 * Cuántas entradas del directorio central hay (firmas «PK\x01\x02»), sin creerle al número que
 * declara el zip: JSZip lee todas las que encuentra, así que un índice que miente podría crear
 * millones de objetos. Cuenta de más solo si los datos comprimidos contienen la firma por azar.
 */
export function contarEntradas(b: Uint8Array, tope = Infinity): number {
  let n = 0;
  for (let i = 0; i + 3 < b.length; i++) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x01 && b[i + 3] === 0x02 && ++n > tope) return n;
  }
  return n;
}

export class ErrorZip extends Error {
  constructor(
    readonly tipo: TipoErrorZip,
    mensaje: string,
    readonly parte: string | null = null,
    causa?: unknown,
  ) {
    super(mensaje, causa === undefined ? undefined : { cause: causa });
    this.name = "ErrorZip";
  }
}

/** Lo que JSZip guarda de cada entrada (interno pero estable en JSZip 3): los tamaños del índice. */
interface DatosEntrada {
  compressedSize?: number;
  uncompressedSize?: number;
}

interface FlujoJsZip {
  on(evento: "data", f: (trozo: Uint8Array) => void): FlujoJsZip;
  on(evento: "error", f: (e: unknown) => void): FlujoJsZip;
  on(evento: "end", f: () => void): FlujoJsZip;
  resume(): FlujoJsZip;
  pause(): FlujoJsZip;
}

export class PaqueteZip {
  private readonly porNombre = new Map<string, JSZip.JSZipObject>();
  private descomprimidos = 0;

  private constructor(
    private readonly zip: JSZip,
    /** Máximo de bytes descomprimidos entre todas las partes que se lean. */
    readonly descomprimidoMaximo: number,
  ) {
    for (const [nombre, archivo] of Object.entries(zip.files)) {
      if (!archivo.dir) this.porNombre.set(nombre.toLowerCase(), archivo);
    }
  }

  static async abrir(bytes: Uint8Array, descomprimidoMaximo: number): Promise<PaqueteZip> {
    if (contarEntradas(bytes, PARTES_MAXIMAS) > PARTES_MAXIMAS)
      throw new ErrorZip("partes", `el paquete tiene más de ${PARTES_MAXIMAS.toLocaleString("es-CO")} partes`);
    let zip: JSZip;
    try {
      // Un Uint8Array simple y no un Buffer de Node: con un Buffer, JSZip copia cada trozo.
      const simple = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      zip = await JSZip.loadAsync(simple, { checkCRC32: false });
    } catch (e) {
      throw new ErrorZip("indice", "el índice del zip está dañado o incompleto", null, e);
    }
    return new PaqueteZip(zip, descomprimidoMaximo);
  }

  /** Bytes descomprimidos hasta ahora. */
  get totalDescomprimido(): number {
    return this.descomprimidos;
  }

  private entrada(nombre: string): JSZip.JSZipObject | undefined {
    return this.porNombre.get(nombre.replace(/^\/+/, "").toLowerCase());
  }

  tiene(nombre: string): boolean {
    return this.entrada(nombre) !== undefined;
  }

  /** Tamaño descomprimido que declara el índice (−1 si no se sabe). */
  tamanoDeclarado(nombre: string): number {
    return this.tamanos(nombre).descomprimido;
  }

  private tamanos(nombre: string): { comprimido: number; descomprimido: number } {
    const datos = (this.entrada(nombre) as unknown as { _data?: DatosEntrada } | undefined)?._data;
    const numero = (n: unknown) => (typeof n === "number" && Number.isFinite(n) ? n : -1);
    return { comprimido: numero(datos?.compressedSize), descomprimido: numero(datos?.uncompressedSize) };
  }

  private errorMaximo(nombre: string): ErrorZip {
    return new ErrorZip("descomprimido", "pasa del máximo descomprimido", nombre);
  }

  /**
   * Descomprime la parte `nombre` y entrega su texto (UTF-8) por trozos a `alTrozo`. Si `alTrozo`
   * lanza, se detiene y la promesa se rechaza con ese error.
   */
  leer(nombre: string, alTrozo: (texto: string) => void): Promise<void> {
    const archivo = this.entrada(nombre);
    if (archivo === undefined) return Promise.reject(new ErrorZip("danada", "no está en el paquete", nombre));
    const { comprimido, descomprimido: declarado } = this.tamanos(nombre);
    if (declarado > this.descomprimidoMaximo - this.descomprimidos) return Promise.reject(this.errorMaximo(nombre));
    const bomba = (n: number) => n > GRACIA_RAZON && comprimido >= 0 && n > comprimido * RAZON_MAXIMA;
    if (bomba(declarado)) return Promise.reject(this.errorMaximo(nombre));
    let deLaParte = 0;
    const decodificador = new TextDecoder("utf-8");
    return recorrerEntrada(archivo, nombre, {
      alTrozo: (trozo) => {
        this.descomprimidos += trozo.length;
        deLaParte += trozo.length;
        if (this.descomprimidos > this.descomprimidoMaximo || bomba(deLaParte)) throw this.errorMaximo(nombre);
        const texto = decodificador.decode(trozo, { stream: true });
        if (texto.length > 0) alTrozo(texto);
      },
      alFinal: () => {
        const texto = decodificador.decode();
        if (texto.length > 0) alTrozo(texto);
      },
    });
  }

  /** Texto completo de una parte pequeña (libro, relaciones, estilos). */
  async leerTexto(nombre: string): Promise<string> {
    const partes: string[] = [];
    await this.leer(nombre, (t) => partes.push(t));
    return partes.join("");
  }
}

/**
 * Los bytes descomprimidos de una entrada de un zip ya abierto con JSZip, sin pasar de `maximo`
 * (contados al descomprimir, aunque el índice mienta): para leer partes pequeñas de un libro que
 * no se lee con PaqueteZip (el almacén del complemento). Rechaza con ErrorZip si pasa del máximo
 * o si los datos están dañados.
 */
export function bytesAcotados(archivo: JSZip.JSZipObject, nombre: string, maximo: number): Promise<Uint8Array> {
  const declarado = (archivo as unknown as { _data?: DatosEntrada })._data?.uncompressedSize;
  if (typeof declarado === "number" && declarado > maximo)
    return Promise.reject(new ErrorZip("descomprimido", "pasa del máximo descomprimido", nombre));
  const trozos: Uint8Array[] = [];
  let total = 0;
  return recorrerEntrada(archivo, nombre, {
    alTrozo: (trozo) => {
      total += trozo.length;
      if (total > maximo) throw new ErrorZip("descomprimido", "pasa del máximo descomprimido", nombre);
      trozos.push(trozo);
    },
    alFinal: () => undefined,
  }).then(() => {
    const r = new Uint8Array(total);
    let i = 0;
    for (const t of trozos) {
      r.set(t, i);
      i += t.length;
    }
    return r;
  });
}

/**
 * Descomprime una entrada por trozos: `alTrozo` recibe cada trozo y `alFinal` se llama al terminar.
 * Si cualquiera de los dos lanza, el flujo se detiene y la promesa se rechaza con ese error; los
 * datos dañados se rechazan con ErrorZip. Una sola definición para leer partes y para los bytes
 * acotados del almacén.
 */
function recorrerEntrada(
  archivo: JSZip.JSZipObject,
  nombre: string,
  manejo: { alTrozo(trozo: Uint8Array): void; alFinal(): void },
): Promise<void> {
  return new Promise<void>((resolver, rechazar) => {
    let terminado = false;
    let flujo: FlujoJsZip | undefined;
    const fallar = (e: unknown) => {
      if (terminado) return;
      terminado = true;
      try {
        flujo?.pause();
      } catch {
        // ya detenido
      }
      rechazar(e);
    };
    try {
      flujo = (archivo as unknown as { internalStream(t: string): FlujoJsZip }).internalStream("uint8array");
    } catch (e) {
      fallar(new ErrorZip("danada", "no se puede descomprimir", nombre, e));
      return;
    }
    flujo
      .on("data", (trozo: Uint8Array) => {
        if (terminado) return;
        try {
          manejo.alTrozo(trozo);
        } catch (e) {
          fallar(e);
        }
      })
      .on("error", (e: unknown) => fallar(new ErrorZip("danada", "sus datos comprimidos están dañados", nombre, e)))
      .on("end", () => {
        if (terminado) return;
        try {
          manejo.alFinal();
        } catch (e) {
          fallar(e);
          return;
        }
        terminado = true;
        resolver();
      })
      .resume();
  });
}
