/**
 * `pmr sellar <libro.xlsx> --mes M [--vigencia AAAA] [--nota TEXTO] [--salida copia.xlsx]`
 * (PMR-SPEC §6.2): el caso de uso «sellar» con el libro y el almacén de un .xlsx (AlmacenXlsx:
 * edición quirúrgica del zip y escritura atómica; con --salida, una copia).
 */
import type { Entorno } from "./main";
import { leerCorte, leerVigencia } from "./argumentos";
import { ERRORES_CIERRE as E, TEXTOS_SELLAR as T, USO_SELLAR } from "./mensajesCierre";
import { leerOpciones } from "./opciones";
import { textoVisible } from "./terminal";
import { ErrorLimite, limitesDelEntorno } from "./limites";

const OPCIONES = {
  "--mes": "un mes entre 1 y 12",
  "--vigencia": "un año, p. ej. 2025",
  "--nota": "un texto",
  "--salida": "la ruta de la copia .xlsx",
};

function linea(mensaje: string): string {
  return textoVisible(mensaje.replace(/\s*[\r\n]+\s*/g, " ").trim()) + "\n";
}

/** Ejecuta `pmr sellar` y devuelve el código de salida. */
export async function ejecutarSellar(args: readonly string[], entorno: Entorno): Promise<number> {
  const l = leerOpciones(args, OPCIONES, E.ayudaSellar);
  if ("error" in l) return fallo(entorno, l.error);
  if (l.ayuda) {
    entorno.stdout.write(USO_SELLAR);
    return 0;
  }
  if (l.posicionales.length === 0) return fallo(entorno, E.faltaLibroSellar);
  if (l.posicionales.length > 1) return fallo(entorno, E.sobraArgumento(l.posicionales[1], E.ayudaSellar));
  const textoMes = l.valores.get("--mes");
  if (textoMes === undefined) return fallo(entorno, E.faltaMes);
  const mes = leerCorte(textoMes);
  if (mes === null) return fallo(entorno, E.mesInvalido(textoMes));
  let vigencia: number | null = null;
  const textoVigencia = l.valores.get("--vigencia");
  if (textoVigencia !== undefined) {
    vigencia = leerVigencia(textoVigencia);
    if (vigencia === null) return fallo(entorno, E.vigenciaInvalida(textoVigencia));
  }
  const libro = l.posicionales[0];
  const salida = l.valores.get("--salida");

  const [{ AlmacenXlsx, ErrorEscrituraLibro }, { leerArchivoXlsx, ErrorLecturaLibro }, caso, almacenes] =
    await Promise.all([
      import("../hosts/xlsx/almacenXlsx"),
      import("../hosts/xlsx/lectorXlsx"),
      import("../casos/sellar"),
      import("../workbook/almacen"),
    ]);
  let resultado;
  try {
    const limites = limitesDelEntorno(entorno.env);
    const almacen = await AlmacenXlsx.abrir(libro, { nombre: libro, salida, tamanoMaximo: limites.tamanoMaximo });
    const grillas = await leerArchivoXlsx(almacen.contenido(), { nombre: libro, hojas: "necesarias", ...limites });
    resultado = await caso.sellar(
      { leerLibro: () => Promise.resolve(grillas), almacen },
      { mes, vigencia, nota: l.valores.get("--nota") },
    );
  } catch (e) {
    if (
      e instanceof ErrorLecturaLibro ||
      e instanceof ErrorLimite ||
      e instanceof ErrorEscrituraLibro ||
      e instanceof caso.ErrorSellado ||
      e instanceof almacenes.ErrorAlmacen
    )
      return fallo(entorno, e.message);
    throw e;
  }
  const { MENSAJES_CIERRE } = await import("../casos/mensajesCierre");
  const { NOMBRES_MES_LARGOS } = await import("../domain/modelo");
  const s = resultado.sello;
  const lineas = [
    T.titulo(libro),
    ...(salida ? [T.copia(salida)] : []),
    MENSAJES_CIERRE.sellado(s.mes, s.vigencia, s.indicadores.length),
    ...(s.nota ? [T.nota(s.nota)] : []),
    T.sellos(
      resultado.sellos.length,
      resultado.sellos
        .map((x) => `${NOMBRES_MES_LARGOS[x.mes - 1]}${x.vigencia !== null ? ` de ${x.vigencia}` : ""}`)
        .join(", "),
    ),
    T.guardado(resultado.guardado.partes, resultado.guardado.bytes),
    MENSAJES_CIERRE.conErrores(resultado.errores),
  ];
  entorno.stdout.write(lineas.map(linea).join(""));
  return 0;
}

function fallo(entorno: Entorno, mensaje: string): number {
  entorno.stderr.write(linea(mensaje));
  return 2;
}
