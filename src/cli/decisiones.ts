/**
 * `pmr validar --exportar hallazgos.xlsx`: escribe un .xlsx NUEVO con la hoja «Hallazgos PMR»
 * (src/casos/exportarHallazgos.ts): cada hallazgo con su decisión, su nota y un vínculo a su celda
 * en el libro validado (ruta relativa: abra los dos archivos desde la misma carpeta). Nunca
 * reemplaza un archivo que exista ni toca el libro validado.
 */
import * as path from "node:path";
import type { InformeValidacion } from "../casos/validar";
import { escribirArchivoNuevo } from "./archivos";
import type { OpcionesValidar } from "./argumentos";
import type { Entorno } from "./main";
import { ERRORES_EXPORTAR } from "./mensajesDecisiones";
import { textoVisible } from "./terminal";

/** Vínculo del .xlsx exportado al libro validado: su ruta relativa a la carpeta del exportado, con «/». */
export function rutaVinculo(exportado: string, libro: string): string {
  const relativa = path.relative(path.dirname(path.resolve(exportado)), path.resolve(libro));
  return relativa.split(path.sep).join("/");
}

/** Exporta; devuelve el código de salida (0 bien, 2 si no se pudo escribir, con una línea en stderr). */
export async function exportarHallazgos(
  o: Pick<OpcionesValidar, "libro" | "exportar">,
  informe: InformeValidacion,
  entorno: Entorno,
  ahora: Date = new Date(),
): Promise<number> {
  const destino = o.exportar;
  if (destino === null) return 0;
  const linea = (t: string) => entorno.stderr.write(textoVisible(t) + "\n");
  if (path.resolve(destino) === path.resolve(o.libro)) {
    linea(ERRORES_EXPORTAR.mismoArchivo(destino));
    return 2;
  }
  const [{ describirHallazgosExportados }, { escribirLibroXlsx }] = await Promise.all([
    import("../casos/exportarHallazgos"),
    import("../hosts/xlsx/escrituraXlsx"),
  ]);
  const descripcion = describirHallazgosExportados(informe, {
    libroVinculado: rutaVinculo(destino, o.libro),
    archivo: path.basename(o.libro),
    ahora,
  });
  const { archivo } = await escribirLibroXlsx(descripcion, { graficos: false });
  try {
    // Nunca se reemplaza un archivo del usuario (EEXIST si existe).
    await escribirArchivoNuevo(destino, archivo);
  } catch (e) {
    const codigo = (e as NodeJS.ErrnoException).code ?? "";
    linea(codigo === "EEXIST" ? ERRORES_EXPORTAR.existe(destino) : ERRORES_EXPORTAR.noSeEscribio(destino, codigo));
    return 2;
  }
  const filas =
    informe.hallazgos.length +
    (informe.decisiones.todos ? 0 : informe.decisiones.cerrados.length) +
    informe.decisiones.resueltos.length;
  linea(ERRORES_EXPORTAR.exportado(destino, filas));
  return 0;
}
