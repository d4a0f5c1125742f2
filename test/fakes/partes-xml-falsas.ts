/**
 * Partes XML personalizadas del libro falso (`workbook.customXmlParts`, ExcelApi 1.5), con la misma
 * honestidad que el resto de test/fakes/excel-falso.ts:
 *
 * - `CustomXmlPartCollection`: `add(xml)`, `getByNamespace(uri)`, `getCount()`, `getItem(id)`,
 *   `getItemOrNullObject(id)` e `items` (solo después de cargar y sincronizar).
 * - `CustomXmlPartScopedCollection` (lo que devuelve `getByNamespace`): `getCount()`, `getItem(id)`,
 *   `getItemOrNullObject(id)`, `getOnlyItem()`, `getOnlyItemOrNullObject()` e `items`. El filtro
 *   se aplica al ejecutar el lote (ve lo agregado antes en el mismo lote).
 * - `CustomXmlPart`: `id` y `namespaceUri` (cargables), `getXml()` (un ClientResult: su `value` se
 *   lee solo después del sync, si no ValueNotLoaded), `setXml(xml)` y `delete()`.
 * - El XML debe estar bien formado (si no, InvalidArgument en el sync); `namespaceUri` es el
 *   espacio de nombres del elemento raíz ("" si no declara ninguno). `getXml` devuelve el texto
 *   tal cual se guardó (Excel puede devolverlo con otra declaración o espaciado: el lector del
 *   almacén lo tolera).
 * - Límite opcional por parte (`limiteCaracteresParteXml`; Excel en la Web: LIMITE_WEB_PARTE_XML,
 *   1 MB según lo informado en office-js#2408): una parte más larga falla en el sync con
 *   GeneralException. El código exacto que da Excel no está documentado.
 * - `getOnlyItem()` con cero o varias partes falla con ItemNotFound (la documentación solo dice
 *   «produce un error»).
 * - Las partes se guardan en el archivo con `guardar()` (`partesXml`) y vuelven con
 *   `crearLibroFalso(estado)`; su id se conserva, como el GUID de `itemProps` en el .xlsx.
 *
 * Las clases se crean la primera vez que se usan: este archivo y excel-falso.ts se importan
 * mutuamente, y así ninguna clase necesita a la otra mientras los módulos se cargan.
 */
import { XMLValidator } from "fast-xml-parser";
import {
  ColeccionFalsa,
  ErrorExcelFalso,
  NoModelado,
  ObjetoFalso,
  argumentoInvalido,
  blindar,
  noEncontrado,
  type ContextoFalso,
  type Respuesta,
} from "./excel-falso";

/** Excel en la Web rechaza una parte XML personalizada de más de 1 MB (office-js#2408). */
export const LIMITE_WEB_PARTE_XML = 1024 * 1024;

/** Una parte como se guarda en el archivo del libro falso. */
export interface DefinicionParteXml {
  id?: string;
  xml: string;
}

interface ParteXmlModelo {
  id: string;
  xml: string;
  espacio: string;
}

/** El espacio de nombres del elemento raíz de un XML bien formado; lanza InvalidArgument si no lo es. */
export function espacioDeParte(xml: unknown): string {
  if (typeof xml !== "string" || xml.trim() === "") throw argumentoInvalido("XML vacío o que no es texto");
  const valido = XMLValidator.validate(xml);
  if (valido !== true) throw argumentoInvalido(`XML mal formado: ${valido.err.msg}`);
  const sinPrologo = xml.replace(/^\uFEFF?(\s*(<\?[\s\S]*?\?>|<!--[\s\S]*?-->))*\s*/, "");
  const m = /^<([A-Za-z_][\w.-]*)(?::([A-Za-z_][\w.-]*))?((?:[^>"']|"[^"]*"|'[^']*')*)>/.exec(sinPrologo);
  if (!m) throw argumentoInvalido("XML sin elemento raíz");
  const prefijo = m[2] === undefined ? null : m[1];
  const atributo = prefijo === null ? "xmlns" : `xmlns:${prefijo}`;
  const d = new RegExp(`\\s${atributo.replace(/[.]/g, "\\.")}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(m[3]);
  return d
    ? (d[2] ?? d[3])
        .replace(/&amp;/g, "&")
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
    : "";
}

/** El documento: las partes del libro, en el orden en que se agregaron. */
export class ModeloPartesXml {
  partes: ParteXmlModelo[] = [];
  constructor(
    private readonly nuevoId: () => string,
    private readonly limite: number | undefined,
  ) {}

  private comprobar(xml: unknown): string {
    if (typeof xml === "string" && this.limite !== undefined && xml.length > this.limite) {
      throw new ErrorExcelFalso("GeneralException", "An internal error has occurred. (custom XML part too large)");
    }
    return espacioDeParte(xml);
  }
  agregar(xml: unknown): ParteXmlModelo {
    const espacio = this.comprobar(xml);
    const parte = { id: this.nuevoId(), xml: xml as string, espacio };
    this.partes.push(parte);
    return parte;
  }
  cambiar(parte: ParteXmlModelo, xml: unknown): void {
    parte.espacio = this.comprobar(xml);
    parte.xml = xml as string;
  }
  quitar(parte: ParteXmlModelo): void {
    const i = this.partes.indexOf(parte);
    if (i >= 0) this.partes.splice(i, 1);
  }
  porId(id: string): ParteXmlModelo | null {
    return this.partes.find((p) => p.id === id) ?? null;
  }
  /** Estado del archivo (para guardar()). */
  guardar(): DefinicionParteXml[] {
    return this.partes.map((p) => ({ id: p.id, xml: p.xml }));
  }
  /** Reabrir: las partes guardadas (sin límite: Excel abre lo que el archivo traiga). */
  restaurar(definiciones: readonly DefinicionParteXml[]): void {
    this.partes = definiciones.map((d) => ({ id: d.id ?? this.nuevoId(), xml: d.xml, espacio: espacioDeParte(d.xml) }));
  }
}

/** OfficeExtension.ClientResult: `value` solo después del sync que lo trae. */
export class ResultadoClienteFalso<T> {
  private _listo = false;
  private _valor: T | undefined;
  get value(): T {
    if (!this._listo) {
      throw new ErrorExcelFalso(
        "ValueNotLoaded",
        'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
      );
    }
    return this._valor as T;
  }
  _poner(valor: T): void {
    this._valor = valor;
    this._listo = true;
  }
}

function modelo(ctx: ContextoFalso): ModeloPartesXml {
  return ctx._libro.partesXml;
}

function definirClases() {
  /** Resultado de un método que devuelve un valor (getXml, getCount): se llena en el sync. */
  function resultado<T>(ctx: ContextoFalso, calcular: () => T, argumentos?: unknown): ResultadoClienteFalso<T> {
    const r = new ResultadoClienteFalso<T>();
    ctx._encolar((respuesta: Respuesta) => {
      const valor = calcular();
      respuesta.bytes += typeof valor === "string" ? valor.length + 2 : String(valor).length;
      respuesta.alConfirmar(() => r._poner(valor));
    }, argumentos ?? null);
    return blindar(r, "ClientResult");
  }

  class ParteXmlProxy extends ObjetoFalso {
    readonly _clase = "CustomXmlPart";
    readonly _escalares = ["id", "namespaceUri"] as const;
    constructor(
      ctx: ContextoFalso,
      nulable: boolean,
      private readonly _buscar: () => ParteXmlModelo | null,
    ) {
      super(ctx, nulable);
    }
    _resolver(): unknown {
      return this._buscar();
    }
    _parte(): ParteXmlModelo {
      return this._destino() as ParteXmlModelo;
    }
    _leerEscalar(destino: unknown, p: string): unknown {
      const parte = destino as ParteXmlModelo;
      return p === "id" ? parte.id : parte.espacio;
    }
    get id(): string {
      return this._leer("id") as string;
    }
    get namespaceUri(): string {
      return this._leer("namespaceUri") as string;
    }
    getXml(): ResultadoClienteFalso<string> {
      return resultado(this._ctx, () => this._parte().xml);
    }
    setXml(xml: string): void {
      this._operar(() => modelo(this._ctx).cambiar(this._parte(), xml), xml);
    }
    delete(): void {
      this._operar(() => modelo(this._ctx).quitar(this._parte()));
    }
  }

  function partePorId(ctx: ContextoFalso, id: string, nulable: boolean, entre: () => ParteXmlModelo[]): ParteXmlProxy {
    return blindar(
      new ParteXmlProxy(ctx, nulable, () => {
        const p = entre().find((x) => x.id === id) ?? null;
        if (p || nulable) return p;
        throw noEncontrado(`custom XML part «${id}»`);
      }),
      "CustomXmlPart",
    );
  }

  abstract class ColeccionPartes extends ColeccionFalsa<ParteXmlProxy> {
    constructor(ctx: ContextoFalso) {
      super(ctx, false);
    }
    _crearItem(destino: unknown): ParteXmlProxy {
      const id = (destino as ParteXmlModelo).id;
      return partePorId(this._ctx, id, false, () => modelo(this._ctx).partes);
    }
    getCount(): ResultadoClienteFalso<number> {
      return resultado(this._ctx, () => this._destinos().length);
    }
    getItem(id: string): ParteXmlProxy {
      return partePorId(this._ctx, String(id), false, () => this._destinos() as ParteXmlModelo[]);
    }
    getItemOrNullObject(id: string): ParteXmlProxy {
      return partePorId(this._ctx, String(id), true, () => this._destinos() as ParteXmlModelo[]);
    }
  }

  class ColeccionPartesXml extends ColeccionPartes {
    readonly _clase = "CustomXmlPartCollection";
    _destinos(): unknown[] {
      return [...modelo(this._ctx).partes];
    }
    add(xml: string): ParteXmlProxy {
      let creada: ParteXmlModelo | null = null;
      this._ctx._encolar(() => {
        creada = modelo(this._ctx).agregar(xml);
        this._ctx._libro._version++;
      }, xml);
      return blindar(
        new ParteXmlProxy(this._ctx, false, () => {
          if (!creada) throw new NoModelado("usar una parte agregada antes de que se ejecute su add");
          return modelo(this._ctx).porId(creada.id) ? creada : null;
        }),
        "CustomXmlPart",
      );
    }
    getByNamespace(espacio: string): ColeccionPartesAcotada {
      if (typeof espacio !== "string") throw new NoModelado("getByNamespace sin un texto");
      return blindar(new ColeccionPartesAcotada(this._ctx, espacio), "CustomXmlPartScopedCollection");
    }
  }

  class ColeccionPartesAcotada extends ColeccionPartes {
    readonly _clase = "CustomXmlPartScopedCollection";
    constructor(
      ctx: ContextoFalso,
      private readonly _espacio: string,
    ) {
      super(ctx);
    }
    _destinos(): unknown[] {
      return modelo(this._ctx).partes.filter((p) => p.espacio === this._espacio);
    }
    private _unica(nulable: boolean): ParteXmlProxy {
      return blindar(
        new ParteXmlProxy(this._ctx, nulable, () => {
          const partes = this._destinos() as ParteXmlModelo[];
          if (partes.length === 1) return partes[0];
          if (nulable) return null;
          throw noEncontrado(`getOnlyItem: ${partes.length} partes con el espacio de nombres «${this._espacio}»`);
        }),
        "CustomXmlPart",
      );
    }
    getOnlyItem(): ParteXmlProxy {
      return this._unica(false);
    }
    getOnlyItemOrNullObject(): ParteXmlProxy {
      return this._unica(true);
    }
  }

  return { ColeccionPartesXml };
}

let clases: ReturnType<typeof definirClases> | undefined;

/** `workbook.customXmlParts` de un contexto del libro falso. */
export function crearColeccionPartesXml(ctx: ContextoFalso): ObjetoFalso {
  clases ??= definirClases();
  return blindar(new clases.ColeccionPartesXml(ctx), "CustomXmlPartCollection");
}
