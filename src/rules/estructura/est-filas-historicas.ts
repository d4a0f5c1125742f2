import { direccionA1 } from "../../domain/direcciones";
import type { Indicador } from "../../domain/modelo";
import { normalizarTexto } from "../../domain/valores";
import { citar, entero, lista } from "../formato";
import { definirRegla } from "../tipos";
import { hallazgo } from "../utilidades";

const mensaje = (d: { hoja: string; filas: number; marcas: readonly string[]; ejemplos: readonly string[] }) =>
  `En la hoja ${citar(d.hoja)} ${d.filas === 1 ? "se dejó fuera 1 fila marcada" : `se dejaron fuera ${entero(d.filas)} filas marcadas`} como histórica${d.filas === 1 ? "" : "s"} (${lista(
    d.marcas.map((m) => citar(m, 30)),
    4,
  )}): ${lista(d.ejemplos, 6)}. No cuentan en los cálculos ni en la revisión de códigos repetidos.`;

/** «IP2.1.3 (fila 14)» o «fila 14» si no tiene código. */
function nombreFila(i: Indicador): string {
  const codigo = i.codigo?.trim();
  return codigo ? `${codigo} (fila ${i.fila})` : `fila ${i.fila}`;
}

export const estFilasHistoricas = definirRegla(
  {
    id: "EST-FILAS-HISTORICAS",
    categoria: "Estructura",
    severidad: "info",
    descripcion: "Filas marcadas como históricas («No vigente», «Retirado», «Eliminado»…) que no se evalúan.",
    mensaje: mensaje({
      hoja: "PMR",
      filas: 2,
      marcas: ["No vigente", "Retirado"],
      ejemplos: ["IP2.1.3 (fila 14)", "IP4.2.2 (fila 30)"],
    }),
    esperado: "Solo las filas vigentes del PMR; las históricas pueden quedar, marcadas, y no se evalúan.",
    comoCorregir:
      "Nada que corregir si las filas de verdad ya no están vigentes. Si una fila sí cuenta, quite la marca de la columna Estado del indicador o del comienzo de Observaciones.",
    requiere: "pmr",
    detalle:
      "Una fila es histórica si su Estado del indicador (o Estado, Situación) o sus Observaciones empiezan por «No vigente», «Retirado», «Eliminado», «Excluido», «Inactivo», «Anulado», «Suprimido», «Dado de baja» o «Histórico» (también «Indicador retirado»…), sin importar mayúsculas ni tildes; «Se eliminó…» no cuenta. Sus valores no entran en ningún cálculo ni regla. El hallazgo señala la celda de la marca en la primera de ellas.",
  },
  (ctx, meta) => {
    const hoja = ctx.hojaPmr;
    const historicos = hoja?.historicos ?? [];
    if (hoja === null || historicos.length === 0) return [];
    const primera = historicos[0];
    const columna =
      primera.estadoIndicador !== undefined && primera.retiro === primera.estadoIndicador
        ? hoja.columnas.campos.estadoIndicador
        : hoja.columnas.campos.observaciones;
    const celda = direccionA1(primera.fila, columna ?? hoja.columnas.campos.codigo ?? 0);
    const marcas = [...new Map(historicos.map((i) => [normalizarTexto(i.retiro!), i.retiro!.trim()])).values()];
    return [
      hallazgo(
        meta,
        hoja.nombre,
        celda,
        mensaje({ hoja: hoja.nombre, filas: historicos.length, marcas, ejemplos: historicos.map(nombreFila) }),
        hoja.nombre,
      ),
    ];
  },
);
