/**
 * Informe de validación en texto para la terminal: encabezado, resumen, objetivos con su
 * cumplimiento y semáforo (y, si se pide, sus indicadores), productos con su avance físico y
 * financiero, y hallazgos agrupados por categoría con su hoja!celda. Las cifras vienen de la
 * evaluación del motor (src/domain); aquí solo se les da formato. Colores solo si se piden
 * (terminal interactiva sin NO_COLOR).
 */
import {
  CATEGORIAS,
  CONFIGURACION_POR_DEFECTO,
  type Configuracion,
  NOMBRES_MES_LARGOS,
  entero,
  escalaPorcentaje,
  porcentaje,
  textoTendencia,
  valorIndicador,
  type ColorSemaforo,
  type Hallazgo,
  type Severidad,
} from "../domain";
import { decisionDelHallazgo } from "../casos/decidir";
import type { InformeValidacion } from "../casos/validar";
import { diaDecision } from "../domain/decisiones";
import { INFORME } from "./mensajes";
import { INFORME_DECISIONES, MAX_RESUELTOS_TEXTO } from "./mensajesDecisiones";
import { textoVisible } from "./terminal";

export interface OpcionesTexto {
  color: boolean;
  indicadores: boolean;
}

/** Ancho máximo de los nombres (objetivos, productos, indicadores) antes de recortarlos. */
const ANCHO_NOMBRE = 56;

const ANSI = {
  rojo: "\u001b[31m",
  amarillo: "\u001b[33m",
  verde: "\u001b[32m",
  naranja: "\u001b[38;5;208m",
  cian: "\u001b[36m",
  negrita: "\u001b[1m",
  tenue: "\u001b[2m",
  fin: "\u001b[0m",
} as const;
type Estilo = keyof Omit<typeof ANSI, "fin">;

const COLOR_SEMAFORO: Record<ColorSemaforo, Estilo> = {
  Rojo: "rojo",
  Amarillo: "amarillo",
  Verde: "verde",
  Naranja: "naranja",
};
const COLOR_SEVERIDAD: Record<Severidad, Estilo> = { error: "rojo", advertencia: "amarillo", info: "cian" };

/** Longitud visible (los textos ya vienen en NFC: una letra con tilde cuenta uno). */
function largo(s: string): number {
  return [...s].length;
}

/** El mayor de los largos (con un bucle: una lista de 100 000 hallazgos no cabe en Math.max(...)). */
function mayorLargo(textos: Iterable<string>, minimo = 0): number {
  let m = minimo;
  for (const t of textos) {
    const l = largo(t);
    if (l > m) m = l;
  }
  return m;
}

function recortar(s: string, ancho: number): string {
  const letras = [...s];
  return letras.length <= ancho ? s : letras.slice(0, ancho - 1).join("") + "…";
}

function aIzquierda(s: string, ancho: number): string {
  return s + " ".repeat(Math.max(0, ancho - largo(s)));
}

function aDerecha(s: string, ancho: number): string {
  return " ".repeat(Math.max(0, ancho - largo(s))) + s;
}

interface Columna {
  titulo: string;
  derecha?: boolean;
  /** Estilo de cada celda de la columna (color), según su fila. */
  estilo?: (fila: number) => Estilo | null;
}

/** Tabla con columnas alineadas; los colores se aplican después de rellenar, para no descuadrar. */
function tabla(
  columnas: Columna[],
  filas: string[][],
  sangria: string,
  pintar: (s: string, e: Estilo | null) => string,
): string[] {
  // Los textos del libro, sin caracteres de control (un salto de línea partiría la fila).
  filas = filas.map((f) => f.map(textoVisible));
  const anchos = columnas.map((c, j) =>
    mayorLargo(
      filas.map((f) => f[j] ?? ""),
      largo(c.titulo),
    ),
  );
  const linea = (celdas: string[], fila: number | null) =>
    sangria +
    celdas
      .map((celda, j) => {
        const c = columnas[j];
        const ultima = j === celdas.length - 1;
        const relleno = c.derecha ? aDerecha(celda, anchos[j]) : ultima ? celda : aIzquierda(celda, anchos[j]);
        return fila === null ? pintar(relleno, "negrita") : pintar(relleno, c.estilo ? c.estilo(fila) : null);
      })
      .join("  ")
      .trimEnd();
  return [
    linea(
      columnas.map((c) => c.titulo),
      null,
    ),
    ...filas.map((f, i) => linea(f, i)),
  ];
}

function contarProductos(informe: InformeValidacion): number {
  return informe.evaluacion.productos.length;
}

/**
 * De dónde salió la configuración usada, si no es toda por defecto: las claves guardadas en el
 * libro (por el panel) que difieren de los valores por defecto, y las pedidas en la línea de
 * comandos. null si todo rigió por defecto.
 */
function configuracionDeOrigen(informe: InformeValidacion): string | null {
  const delLibro: string[] = [];
  const pedidas: string[] = [];
  for (const [clave, origen] of Object.entries(informe.origen)) {
    const nombre = INFORME.claves[clave] ?? clave;
    if (origen === "opciones") pedidas.push(nombre);
    else if (
      origen === "libro" &&
      JSON.stringify(informe.configuracion[clave as keyof Configuracion]) !==
        JSON.stringify(CONFIGURACION_POR_DEFECTO[clave as keyof Configuracion])
    )
      delLibro.push(nombre);
  }
  return delLibro.length + pedidas.length === 0 ? null : INFORME.configuracionOrigen(delLibro, pedidas);
}

export function informeTexto(archivo: string, informe: InformeValidacion, opciones: OpcionesTexto): string {
  const pintar = (s: string, e: Estilo | null): string => (opciones.color && e ? `${ANSI[e]}${s}${ANSI.fin}` : s);
  const ev = informe.evaluacion;
  const r = informe.resumen;
  const col = INFORME.columnas;
  const lineas: string[] = [];

  lineas.push(pintar(INFORME.titulo, "negrita"), "");
  const etiquetas = [INFORME.archivo, INFORME.vigencia, INFORME.corte, INFORME.configuracion];
  const anchoEtiqueta = mayorLargo(etiquetas) + 1;
  lineas.push(`  ${aIzquierda(`${INFORME.archivo}:`, anchoEtiqueta)}  ${textoVisible(archivo)}`);
  lineas.push(
    `  ${aIzquierda(`${INFORME.vigencia}:`, anchoEtiqueta)}  ${ev.vigencia === null ? INFORME.sinVigencia : String(ev.vigencia)}`,
  );
  lineas.push(
    `  ${aIzquierda(`${INFORME.corte}:`, anchoEtiqueta)}  ${INFORME.corteMes(NOMBRES_MES_LARGOS[ev.corte - 1] ?? "", ev.corte)}`,
  );
  // Solo si algo no viene por mes («reporte trimestral»): un libro mensual se ve como siempre.
  const porPeriodos = (
    [
      ["programación", ev.reporte?.programado],
      ["ejecución", ev.reporte?.ejecutado],
      ["avance cualitativo", ev.reporte?.cualitativo],
    ] as const
  ).flatMap(([serie, periodo]) => (periodo && periodo !== "mensual" ? [{ serie, periodo }] : []));
  if (porPeriodos.length > 0)
    lineas.push(`  ${aIzquierda(`${INFORME.reporte}:`, anchoEtiqueta)}  ${INFORME.reportePorPeriodos(porPeriodos)}`);
  const origen = configuracionDeOrigen(informe);
  if (origen !== null) lineas.push(`  ${aIzquierda(`${INFORME.configuracion}:`, anchoEtiqueta)}  ${origen}`);
  lineas.push("");

  lineas.push(pintar(INFORME.resumen, "negrita"));
  lineas.push(`  ${INFORME.conteos(ev.objetivos.length, contarProductos(informe), ev.indicadores.length)}`);
  const total = r.errores + r.advertencias + r.info;
  const conteo = INFORME.conteoHallazgos(total, r.errores, r.advertencias, r.info);
  lineas.push(`  ${pintar(conteo, r.errores > 0 ? "rojo" : r.advertencias > 0 ? "amarillo" : "verde")}`);
  if (ev.omitidos.length > 0) lineas.push(`  ${INFORME.omitidos(ev.omitidos.length, ev.vigencia)}`);
  lineas.push("");

  // Objetivos (y sus indicadores, si se piden).
  lineas.push(pintar(INFORME.objetivos, "negrita"));
  if (ev.objetivos.length === 0) {
    lineas.push(`  ${INFORME.sinObjetivos}`);
  } else {
    const filas = ev.objetivos.map((o) => [
      o.codigo,
      recortar(o.nombre ?? "", ANCHO_NOMBRE),
      porcentaje(o.cumplimiento),
      o.semaforo ?? INFORME.noAplica,
    ]);
    const semaforoDe = (i: number) => {
      const s = ev.objetivos[i].semaforo;
      return s ? COLOR_SEMAFORO[s] : null;
    };
    const cabecera = [
      { titulo: col.codigo },
      { titulo: col.objetivo },
      { titulo: col.cumplimiento, derecha: true },
      { titulo: col.semaforo, estilo: semaforoDe },
    ];
    if (!opciones.indicadores) {
      lineas.push(...tabla(cabecera, filas, "  ", pintar));
    } else {
      const [titulo, ...resto] = tabla(cabecera, filas, "  ", pintar);
      lineas.push(titulo);
      ev.objetivos.forEach((o, i) => {
        lineas.push(resto[i]);
        const filasInd = o.indicadores.map((ie) => [
          ie.indicador.codigo ?? "",
          recortar(ie.indicador.nombre ?? "", ANCHO_NOMBRE - 4),
          textoTendencia(ie.indicador) ?? INFORME.noAplica,
          valorIndicador(ie.programado, escalaPorcentaje(ie.indicador)),
          valorIndicador(ie.ejecutado, escalaPorcentaje(ie.indicador)),
          porcentaje(ie.avance),
          ie.estado,
        ]);
        const semaforoInd = (k: number) => {
          const s = o.indicadores[k].semaforo;
          return s ? COLOR_SEMAFORO[s] : null;
        };
        const tablaInd = tabla(
          [
            { titulo: col.indicador },
            { titulo: "" },
            { titulo: col.tendencia },
            { titulo: col.programado, derecha: true },
            { titulo: col.ejecutado, derecha: true },
            { titulo: col.avance, derecha: true, estilo: semaforoInd },
            { titulo: col.estado },
          ],
          filasInd,
          "      ",
          (s, e) => (e === "negrita" ? pintar(s, "tenue") : pintar(s, e)),
        );
        lineas.push(...tablaInd);
      });
    }
  }
  lineas.push("");

  // Productos.
  lineas.push(pintar(INFORME.productos, "negrita"));
  if (ev.productos.length === 0) {
    lineas.push(`  ${INFORME.sinProductos}`);
  } else {
    const filas = ev.productos.map((p) => [
      p.codigo,
      recortar(p.nombre ?? "", ANCHO_NOMBRE),
      porcentaje(p.avanceFisico),
      porcentaje(p.avanceFinanciero),
      p.coherencia ?? INFORME.noAplica,
    ]);
    const estiloCoherencia = (i: number): Estilo | null => {
      const c = ev.productos[i].coherencia;
      return c === null ? null : c === "Coherente" ? "verde" : "amarillo";
    };
    lineas.push(
      ...tabla(
        [
          { titulo: col.codigo },
          { titulo: col.producto },
          { titulo: col.avanceFisico, derecha: true },
          { titulo: col.avanceFinanciero, derecha: true },
          { titulo: col.coherencia, estilo: estiloCoherencia },
        ],
        filas,
        "  ",
        pintar,
      ),
    );
  }
  lineas.push("");

  // Hallazgos por categoría (en el orden de PMR-SPEC §3; dentro, el orden del motor).
  lineas.push(pintar(INFORME.hallazgos, "negrita"));
  const hayDecididos = informe.decisiones.cerrados.length > 0;
  if (informe.hallazgos.length === 0) {
    lineas.push(`  ${pintar(hayDecididos ? INFORME_DECISIONES.sinAbiertos : INFORME.sinHallazgos, "verde")}`);
  } else {
    const porCategoria = new Map<string, Hallazgo[]>();
    for (const h of informe.hallazgos) {
      const lista = porCategoria.get(h.categoria);
      if (lista) lista.push(h);
      else porCategoria.set(h.categoria, [h]);
    }
    const orden = [
      ...CATEGORIAS,
      ...[...porCategoria.keys()].filter((c) => !(CATEGORIAS as readonly string[]).includes(c)),
    ];
    const ubicacion = (h: Hallazgo) => textoVisible(`${h.hoja}!${h.celda}`);
    const anchoUbicacion = mayorLargo(informe.hallazgos.map(ubicacion));
    const anchoSeveridad = mayorLargo(Object.values(INFORME.severidad));
    for (const categoria of orden) {
      const lista = porCategoria.get(categoria);
      if (!lista) continue;
      lineas.push(`  ${pintar(`${textoVisible(categoria)} (${entero(lista.length)})`, "negrita")}`);
      for (const h of lista) {
        const sev = INFORME.severidad[h.severidad] ?? h.severidad;
        const { decision } = decisionDelHallazgo(informe.decisiones, h);
        const marca = decision === "Pendiente" ? "" : `${pintar(INFORME_DECISIONES.marca(decision), "tenue")} `;
        lineas.push(
          `    ${aIzquierda(ubicacion(h), anchoUbicacion)}  ${pintar(aIzquierda(sev, anchoSeveridad), COLOR_SEVERIDAD[h.severidad] ?? null)}  ${marca}${textoVisible(h.mensaje.replace(/\s*\n\s*/g, " "))}`,
        );
      }
    }
  }
  lineas.push(...seccionDecididos(informe, pintar));
  return lineas.join("\n") + "\n";
}

/** «Decididos»: conteos por decisión y los resueltos (solo si el libro tiene decisiones). */
function seccionDecididos(informe: InformeValidacion, pintar: (s: string, e: Estilo | null) => string): string[] {
  const d = informe.decisiones;
  const c = d.conteo;
  if (c.enGestion + c.justificados + c.descartados + c.resueltos === 0) return [];
  const lineas = ["", pintar(INFORME_DECISIONES.titulo, "negrita"), `  ${INFORME_DECISIONES.conteos(c)}`];
  if (c.justificados + c.descartados > 0) lineas.push(`  ${INFORME_DECISIONES.noCuentan(d.todos)}`);
  if (d.resueltos.length > 0) {
    lineas.push(`  ${INFORME_DECISIONES.resueltos}`);
    const lista = d.resueltos.slice(0, MAX_RESUELTOS_TEXTO).map((r) => ({
      ubicacion: textoVisible(`${r.guardada.hallazgo.hoja}!${r.guardada.hallazgo.celda}`),
      decision: r.decision,
      desde: INFORME_DECISIONES.desde(diaDecision(r.desaparecido)),
      mensaje: textoVisible(`${r.guardada.hallazgo.regla}: ${r.guardada.hallazgo.mensaje.replace(/\s*\n\s*/g, " ")}`),
    }));
    const au = mayorLargo(lista.map((x) => x.ubicacion));
    const ad = mayorLargo(lista.map((x) => x.decision));
    const af = mayorLargo(lista.map((x) => x.desde));
    for (const x of lista)
      lineas.push(
        `    ${aIzquierda(x.ubicacion, au)}  ${aIzquierda(x.decision, ad)}  ${aIzquierda(x.desde, af)}  ${recortar(x.mensaje, 100)}`,
      );
    if (d.resueltos.length > MAX_RESUELTOS_TEXTO)
      lineas.push(`    ${INFORME_DECISIONES.yMas(d.resueltos.length - MAX_RESUELTOS_TEXTO)}`);
  }
  return lineas;
}
