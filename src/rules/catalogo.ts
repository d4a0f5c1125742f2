/**
 * Catálogo de reglas en Markdown (docs/reglas.md), generado del registro. Lo escribe
 * `npm run docs:reglas`; una prueba lo regenera en memoria y falla si el archivo difiere.
 */
import { CONFIGURACION_POR_DEFECTO, type Configuracion } from "../domain/configuracion";
import { CATEGORIAS } from "../domain/hallazgo";
import { HOJAS } from "../domain/hojas";
import { ERROR_INTERNO, SIN_RESALTAR } from "./mensajes";
import { REGLAS } from "./registro";
import type { Regla } from "./tipos";

const SEVERIDAD = { error: "error", advertencia: "advertencia", info: "info" } as const;

function celda(texto: string): string {
  return texto.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function valorPorDefecto(clave: keyof Configuracion): string {
  const v = CONFIGURACION_POR_DEFECTO[clave];
  if (v === null) return "automático";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

function ancla(id: string): string {
  return id.toLowerCase();
}

export function catalogoMarkdown(reglas: readonly Regla[] = REGLAS): string {
  const ordenadas = [...reglas].sort(
    (a, b) => CATEGORIAS.indexOf(a.meta.categoria) - CATEGORIAS.indexOf(b.meta.categoria),
  );
  const l: string[] = [];
  l.push("# Catálogo de reglas de validación");
  l.push("");
  l.push(
    "<!-- Generado por `npm run docs:reglas` a partir de src/rules/registro.ts. No lo edite a mano: cambie la regla y vuelva a generarlo. -->",
  );
  l.push("");
  l.push(
    `El complemento revisa el PMR con ${reglas.length} reglas. Cada hallazgo dice la regla, la categoría, la severidad, un mensaje en español con los códigos y las cifras involucradas, la hoja y la celda (o el rango) que hay que corregir, y una clave estable.`,
  );
  l.push("");
  l.push("- **error**: el dato está mal con certeza; la línea de comandos termina con código 1.");
  l.push("- **advertencia**: hay que mirarlo; puede estar bien, pero casi nunca lo está.");
  l.push("- **info**: contexto, nada que corregir.");
  l.push("");
  l.push(
    "La **clave** de un hallazgo depende solo de la regla y de las identidades involucradas (códigos normalizados, mes, campo), nunca del texto del mensaje ni del número de fila: insertar una fila encima no la cambia, y una decisión sobre un hallazgo sobrevive a nuevas revisiones. Cuando un código de indicador se repite, la segunda fila se identifica como «código#2».",
  );
  l.push("");
  l.push(
    "Las reglas de Seguimiento y de Avance cualitativo miran los meses de enero al **corte** (el pedido o el último mes con alguna ejecución). Las reglas de Físico-financiero y de Territorialización solo se ejecutan si el libro tiene su hoja. Una fila sin código de indicador solo la señala CV-IND-SIN-CODIGO; las demás reglas de indicadores la revisan cuando tenga código.",
  );
  l.push("");
  l.push("## Reglas");
  l.push("");
  l.push("| Id | Categoría | Severidad | Qué revisa | Mensaje de ejemplo | Cómo corregir |");
  l.push("|---|---|---|---|---|---|");
  for (const { meta } of ordenadas) {
    l.push(
      `| [${meta.id}](#${ancla(meta.id)}) | ${meta.categoria} | ${SEVERIDAD[meta.severidad]} | ${celda(meta.descripcion)} | ${celda(meta.mensaje)} | ${celda(meta.comoCorregir)} |`,
    );
  }
  l.push("");
  l.push("## Definiciones");
  l.push("");
  for (const { meta } of ordenadas) {
    l.push(`### ${meta.id}`);
    l.push("");
    l.push(`${meta.categoria} · ${SEVERIDAD[meta.severidad]}. ${meta.descripcion}`);
    l.push("");
    if (meta.detalle) {
      l.push(meta.detalle);
      l.push("");
    }
    if (meta.requiere) {
      l.push(`Se ejecuta solo cuando existe la hoja ${HOJAS[meta.requiere].nombre}.`);
      l.push("");
    }
    if (meta.configuracion?.length) {
      l.push(
        `Ajustes que usa: ${meta.configuracion.map((c) => `\`${c}\` (por defecto ${valorPorDefecto(c)})`).join(", ")}.`,
      );
      l.push("");
    }
  }
  l.push("## Otros hallazgos");
  l.push("");
  l.push(
    `- **${ERROR_INTERNO.id}** (Estructura, error): ${ERROR_INTERNO.descripcion} Si una regla falla, la revisión sigue con las demás y este hallazgo dice cuál falló. ${ERROR_INTERNO.comoCorregir}`,
  );
  l.push(
    `- **${SIN_RESALTAR.id}** (Estructura, advertencia, solo en Excel): ${SIN_RESALTAR.descripcion} El resaltado busca cada hoja por el nombre exacto que dio el lector (con sus espacios); si no la encuentra, este hallazgo lo dice en lugar de callar. ${SIN_RESALTAR.comoCorregir}`,
  );
  l.push("");
  return l.join("\n");
}
