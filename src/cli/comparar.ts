/**
 * `pmr comparar <anterior.xlsx> <actual.xlsx> [--formato texto|json]` (PMR-SPEC §6.2): el caso de
 * uso «comparar» (la misma comparación que usan las reglas de Cierre) entre dos archivos.
 * Salida: 0 sin cambios, 1 con cambios, 2 si un libro no se pudo leer.
 */
import type { Entorno } from "./main";
import { leerFormato } from "./argumentos";
import { ERRORES_CIERRE as E, TEXTOS_COMPARAR as T, USO_COMPARAR } from "./mensajesCierre";
import { leerOpciones } from "./opciones";
import { jsonVisible, textoVisible } from "./terminal";
import type { ResultadoComparacion } from "../casos/comparar";
import { ErrorLimite, limitesDelEntorno } from "./limites";

function linea(mensaje: string): string {
  return textoVisible(mensaje.replace(/\s*[\r\n]+\s*/g, " ").trim()) + "\n";
}

function fallo(entorno: Entorno, mensaje: string): number {
  entorno.stderr.write(linea(mensaje));
  return 2;
}

/** Ejecuta `pmr comparar` y devuelve el código de salida. */
export async function ejecutarComparar(args: readonly string[], entorno: Entorno): Promise<number> {
  const l = leerOpciones(args, { "--formato": "texto o json" }, E.ayudaComparar);
  if ("error" in l) return fallo(entorno, l.error);
  if (l.ayuda) {
    entorno.stdout.write(USO_COMPARAR);
    return 0;
  }
  if (l.posicionales.length < 2) return fallo(entorno, E.faltanLibros);
  if (l.posicionales.length > 2) return fallo(entorno, E.sobraArgumento(l.posicionales[2], E.ayudaComparar));
  let formato: "texto" | "json" = "texto";
  const f = l.valores.get("--formato");
  if (f !== undefined) {
    const leido = leerFormato(f);
    if (leido === null) return fallo(entorno, E.formatoInvalido(f));
    formato = leido;
  }
  const [anterior, actual] = l.posicionales;
  const [{ leerArchivoXlsx, ErrorLecturaLibro }, { compararLibros, hayCambios }] = await Promise.all([
    import("../hosts/xlsx/lectorXlsx"),
    import("../casos/comparar"),
  ]);
  let r: ResultadoComparacion;
  try {
    const limites = limitesDelEntorno(entorno.env);
    const [a, b] = await Promise.all([
      leerArchivoXlsx(anterior, { hojas: "necesarias", ...limites }),
      leerArchivoXlsx(actual, { hojas: "necesarias", ...limites }),
    ]);
    r = compararLibros(a, b);
  } catch (e) {
    if (e instanceof ErrorLecturaLibro || e instanceof ErrorLimite) return fallo(entorno, e.message);
    throw e;
  }
  if (r.sinHoja.length > 0) return fallo(entorno, E.sinHoja(r.sinHoja[0] === "anterior" ? anterior : actual));
  if (formato === "json") entorno.stdout.write(jsonVisible(JSON.stringify(comoJson(anterior, actual, r))) + "\n");
  else entorno.stdout.write(await comoTexto(anterior, actual, r));
  return hayCambios(r) ? 1 : 0;
}

function comoJson(anterior: string, actual: string, r: ResultadoComparacion): unknown {
  return {
    anterior,
    actual,
    cambio: r.anadidos.length + r.eliminados.length + r.cambios.length > 0,
    anadidos: r.anadidos.map((i) => ({
      codigo: i.codigo,
      vigencia: i.vigencia,
      hoja: i.ubicacion.hoja,
      celda: i.ubicacion.celda,
    })),
    eliminados: r.eliminados.map((i) => ({
      codigo: i.codigo,
      vigencia: i.vigencia,
      hoja: i.ubicacion.hoja,
      celda: i.ubicacion.celda,
    })),
    cambios: r.cambios.map((c) => ({
      codigo: c.codigo,
      campo: c.campo,
      mes: c.mes,
      antes: c.antes,
      despues: c.despues,
      anterior: c.anterior,
      actual: c.actual,
    })),
  };
}

async function comoTexto(anterior: string, actual: string, r: ResultadoComparacion): Promise<string> {
  const [{ textosCambio }, { nombreCampo }] = await Promise.all([
    import("../domain/comparacion"),
    import("../rules/formato"),
  ]);
  const conVigencia = (codigo: string, vigencia: number | null) =>
    r.porVigencia && vigencia !== null ? `${codigo} (${vigencia})` : codigo;
  const l: string[] = [T.titulo(anterior, actual)];
  if (r.anadidos.length + r.eliminados.length + r.cambios.length === 0) {
    l.push(T.sinCambios);
    return l.map(linea).join("");
  }
  if (r.anadidos.length) {
    l.push(T.anadidos(r.anadidos.length));
    for (const i of r.anadidos)
      l.push(`  + ${conVigencia(i.codigo, i.vigencia)}  ${i.ubicacion.hoja}!${i.ubicacion.celda}`);
  }
  if (r.eliminados.length) {
    l.push(T.eliminados(r.eliminados.length));
    for (const i of r.eliminados)
      l.push(`  - ${conVigencia(i.codigo, i.vigencia)}  (antes en ${i.ubicacion.hoja}!${i.ubicacion.celda})`);
  }
  if (r.cambios.length) {
    l.push(T.cambios(r.cambios.length));
    for (const c of r.cambios) {
      const t = textosCambio(c);
      const campo = nombreCampo(c.mes === null ? c.campo : `${c.campo}.${c.mes}`);
      l.push(
        `  ${conVigencia(c.codigo, null)} · ${campo}: ${t.antes} → ${t.despues}  (${c.anterior.hoja}!${c.anterior.celda} → ${c.actual.hoja}!${c.actual.celda})`,
      );
    }
  }
  l.push(T.resumen(r.anadidos.length, r.eliminados.length, r.cambios.length));
  return l.map(linea).join("");
}
