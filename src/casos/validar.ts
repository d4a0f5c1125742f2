/**
 * Caso de uso «validar»: libro → grillas → modelo → evaluación → reglas → hallazgos, con la
 * configuración guardada en el libro y, encima, la que pida quien llama. Es el único lugar donde
 * se arma este flujo: el panel, el botón de la cinta y la línea de comandos lo llaman con los
 * puertos de su anfitrión (Excel con Office.js, o un .xlsx) y no conocen ningún otro paso.
 *
 * El motor no conoce ninguna regla por nombre: las ejecuta el registro (src/rules/registro.ts).
 */
import {
  ConfiguracionSchema,
  claveHallazgo,
  evaluar,
  ordenarHallazgos,
  validarConfiguracion,
  type Configuracion,
  type Evaluacion,
  type Hallazgo,
  type ModeloPmr,
} from "../domain";
import type { Sello } from "../domain/sellos";
import { SIN_GUARDADO, type DatosGuardados } from "../rules/contexto";
import { SIN_RESALTAR } from "../rules/mensajes";
import { REGLAS, ejecutarReglas } from "../rules/registro";
import {
  RANURA_CONFIGURACION,
  RANURA_DECISIONES,
  RANURA_SELLOS,
  type AlmacenLibro,
  type LecturaRanura,
} from "../workbook/almacen";
import type { LibroGrillas } from "../workbook/grilla";
import { leerModelo } from "../workbook/lector";
import { registrarCambiosDeDecisiones, separarPorDecision, sinDecisiones, type DecisionesDelInforme } from "./decidir";
import { MENSAJES_CASOS } from "./mensajes";

export interface Resumen {
  errores: number;
  advertencias: number;
  info: number;
}

/** Clave de primer nivel de la configuración (corte, vigencia, semaforo…). */
export type ClaveConfiguracion = keyof Configuracion;

/**
 * De dónde salió cada clave de la configuración usada: «libro» (guardada en el libro por el
 * panel), «opciones» (argumentos de la línea de comandos o archivo --config) o «defecto».
 */
export type OrigenConfiguracion = Readonly<Record<ClaveConfiguracion, "libro" | "opciones" | "defecto">>;

export interface InformeValidacion {
  modelo: ModeloPmr;
  evaluacion: Evaluacion;
  /** Los hallazgos abiertos (Pendiente, En gestión) o, si se pidieron todos, también los cerrados. */
  hallazgos: Hallazgo[];
  /** Conteo de los hallazgos abiertos (los cerrados nunca cuentan). */
  resumen: Resumen;
  /** Las decisiones sobre hallazgos guardadas en el libro (src/casos/decidir.ts). */
  decisiones: DecisionesDelInforme;
  /** La configuración con la que se validó. */
  configuracion: Configuracion;
  origen: OrigenConfiguracion;
}

export function resumir(hallazgos: readonly Hallazgo[]): Resumen {
  const r: Resumen = { errores: 0, advertencias: 0, info: 0 };
  for (const h of hallazgos) {
    if (h.severidad === "error") r.errores++;
    else if (h.severidad === "advertencia") r.advertencias++;
    else r.info++;
  }
  return r;
}

const CLAVES = Object.keys(ConfiguracionSchema.shape) as ClaveConfiguracion[];

function origenUniforme(o: "libro" | "opciones" | "defecto"): OrigenConfiguracion {
  return Object.fromEntries(CLAVES.map((k) => [k, o])) as Record<ClaveConfiguracion, typeof o>;
}

/** Valida un modelo ya leído (puro). */
export function validarModelo(
  modelo: ModeloPmr,
  config: Configuracion,
  origen: OrigenConfiguracion = origenUniforme("defecto"),
  guardado: DatosGuardados = SIN_GUARDADO,
): InformeValidacion {
  const evaluacion = evaluar(modelo, config);
  const hallazgos = ordenarHallazgos(ejecutarReglas(modelo, evaluacion, config, REGLAS, guardado));
  return {
    modelo,
    evaluacion,
    hallazgos,
    resumen: resumir(hallazgos),
    decisiones: sinDecisiones(),
    configuracion: config,
    origen,
  };
}

/** Valida las grillas de un libro (puro). Nunca lanza por el contenido del libro. */
export function validarLibro(
  libro: LibroGrillas,
  config: Configuracion,
  origen?: OrigenConfiguracion,
  guardado?: DatosGuardados,
): InformeValidacion {
  return validarModelo(leerModelo(libro), config, origen, guardado);
}

// ─── Configuración: la guardada en el libro y, encima, la pedida ─────────────────────────────

export interface ConfiguracionResuelta {
  configuracion: Configuracion;
  origen: OrigenConfiguracion;
}

/**
 * La configuración que rige: los valores por defecto, encima la guardada en el libro (ya
 * interpretada por el almacén: válida o null) y encima lo pedido (`pedida`: argumentos o
 * --config). Lanza si `pedida` no es válida (es un error de quien llama, no del libro).
 */
export function resolverConfiguracion(
  guardada: Configuracion | null,
  pedida: Readonly<Record<string, unknown>> = {},
): ConfiguracionResuelta {
  const delLibro: Readonly<Record<string, unknown>> = guardada ?? {};
  const r = validarConfiguracion({ ...delLibro, ...pedida });
  if (!r.ok) throw new Error(MENSAJES_CASOS.configuracionPedidaNoValida(r.errores));
  const origen = Object.fromEntries(
    CLAVES.map((k) => [k, k in pedida ? "opciones" : k in delLibro ? "libro" : "defecto"]),
  ) as Record<ClaveConfiguracion, "libro" | "opciones" | "defecto">;
  return { configuracion: r.configuracion, origen };
}

// ─── El caso de uso con puertos ─────────────────────────────────────────────────────────────

/** Lo que el anfitrión (Excel o un .xlsx) pone a disposición del caso de uso. */
export interface PuertosValidacion {
  /** Las grillas de las hojas del libro que el lector necesita. */
  leerLibro(): Promise<LibroGrillas>;
  /** Lo que el complemento guarda dentro del libro (configuración…); sin él, nada guardado. */
  almacen?: AlmacenLibro;
  /**
   * Resalta las celdas de los hallazgos (solo en Excel), quitando antes el resaltado anterior.
   * Puede decir qué hojas no pudo resaltar (ya no están con el nombre que dio el lector): cada
   * una es un hallazgo EST-SIN-RESALTAR del informe.
   */
  resaltar?(hallazgos: readonly Hallazgo[]): Promise<void | ResultadoResaltado>;
}

export interface ResultadoResaltado {
  /** Hojas cuyos hallazgos no se resaltaron. */
  hojasSinResaltar: readonly string[];
}

/** Un hallazgo EST-SIN-RESALTAR por hoja que no se pudo resaltar (con cuántos hallazgos tenía). */
export function hallazgosSinResaltar(hallazgos: readonly Hallazgo[], hojas: readonly string[]): Hallazgo[] {
  return hojas.map((hoja) => ({
    regla: SIN_RESALTAR.id,
    categoria: "Estructura",
    severidad: "advertencia",
    mensaje: SIN_RESALTAR.mensaje(hoja, hallazgos.filter((h) => h.hoja === hoja).length),
    hoja,
    celda: "A1",
    clave: claveHallazgo(SIN_RESALTAR.id, hoja),
  }));
}

export type EtapaValidacion = "leyendo" | "validando" | "resaltando";

export interface OpcionesValidacion {
  /** Claves de la configuración que mandan sobre las guardadas en el libro. */
  pedida?: Readonly<Record<string, unknown>>;
  /** Se llama al empezar cada etapa (el panel muestra el texto de MENSAJES_CASOS.etapas). */
  alProgreso?(etapa: EtapaValidacion): void;
  /** Listar también los hallazgos cerrados (justificados o descartados); no cambia los conteos. */
  todos?: boolean;
  /**
   * Guardar en el libro lo que la validación pone al día de las decisiones (la fecha en que
   * desapareció un hallazgo decidido…). Solo el panel: `pmr validar` no escribe en el libro.
   */
  registrarDecisiones?: boolean;
  /** La hora de la validación (por defecto, la del reloj). */
  ahora?: Date;
}

/** Cede el hilo para que la interfaz pinte el progreso antes de un cálculo largo. */
function ceder(): Promise<void> {
  return new Promise((resolver) => setTimeout(resolver, 0));
}

/**
 * Valida el libro del anfitrión. Lanza solo lo que lanzan los puertos (el libro no se pudo
 * leer, Excel falló) o una configuración pedida que no es válida; el contenido del libro nunca.
 */
export async function validar(
  puertos: PuertosValidacion,
  opciones: OpcionesValidacion = {},
): Promise<InformeValidacion> {
  opciones.alProgreso?.("leyendo");
  // Las dos lecturas a la vez; si ambas fallan (Excel no responde), el error que se informa es el
  // del libro, no el de lo guardado.
  const [lecturaLibro, lecturaGuardado] = await Promise.allSettled([
    puertos.leerLibro(),
    puertos.almacen
      ? puertos.almacen.leerVarias([RANURA_CONFIGURACION, RANURA_SELLOS, RANURA_DECISIONES] as const)
      : Promise.resolve([SIN_DATOS, SIN_DATOS, SIN_DATOS] as const),
  ]);
  if (lecturaLibro.status === "rejected") throw lecturaLibro.reason;
  if (lecturaGuardado.status === "rejected") throw lecturaGuardado.reason;
  const libro = lecturaLibro.value;
  const [config, sellos, decisiones] = lecturaGuardado.value;
  const resuelta = resolverConfiguracion(config.datos, opciones.pedida);
  const conSellos = datosGuardados(config, sellos);
  const guardado: DatosGuardados = {
    ...conSellos,
    problemas: [
      ...conSellos.problemas,
      ...decisiones.problemas.map((mensaje) => ({ ranura: RANURA_DECISIONES.nombre, mensaje })),
    ],
  };
  opciones.alProgreso?.("validando");
  if (opciones.alProgreso) await ceder();
  const completo = validarLibro(libro, resuelta.configuracion, resuelta.origen, guardado);
  // Solo los hallazgos abiertos cuentan, se resaltan y deciden la salida (PMR-SPEC §6.3).
  const ahora = opciones.ahora ?? new Date();
  const d = separarPorDecision(completo.hallazgos, decisiones, { todos: opciones.todos, ahora });
  const informe: InformeValidacion = {
    ...completo,
    hallazgos: d.hallazgos,
    resumen: resumir(d.abiertos),
    decisiones: d.decisiones,
  };
  if (opciones.registrarDecisiones && puertos.almacen)
    await registrarCambiosDeDecisiones(puertos.almacen, d.decisiones, completo.hallazgos, ahora);
  if (puertos.resaltar) {
    opciones.alProgreso?.("resaltando");
    if (opciones.alProgreso) await ceder();
    const resultado = await puertos.resaltar(d.abiertos);
    const sinResaltar = resultado ? resultado.hojasSinResaltar : [];
    if (sinResaltar.length > 0) {
      const extra = hallazgosSinResaltar(informe.hallazgos, sinResaltar);
      const hallazgos = ordenarHallazgos([...informe.hallazgos, ...extra]);
      return { ...informe, hallazgos, resumen: resumir([...d.abiertos, ...extra]) };
    }
  }
  return informe;
}

const SIN_DATOS: LecturaRanura<never> = Object.freeze({ datos: null, problemas: [], version: null });

/**
 * Lo guardado que revisan las reglas: los problemas de la configuración (advertencias de
 * Estructura) y los sellos de cierre. Si los sellos no se pudieron leer (datos null con
 * problemas), el libro tenía sellos que ya no se pueden comprobar: eso lo informa la regla de
 * Cierre CIE-SELLO-ALTERADO como error; los problemas que no impidieron leerlos (una parte
 * sobrante de una escritura anterior) siguen siendo advertencias de Estructura.
 */
export function datosGuardados(
  config: LecturaRanura<unknown>,
  sellos: LecturaRanura<{ sellos: readonly Sello[] }>,
): DatosGuardados {
  const problemas = config.problemas.map((mensaje) => ({ ranura: RANURA_CONFIGURACION.nombre, mensaje }));
  const ilegibles = sellos.datos === null ? sellos.problemas : [];
  if (sellos.datos !== null)
    for (const mensaje of sellos.problemas) problemas.push({ ranura: RANURA_SELLOS.nombre, mensaje });
  const guardado: DatosGuardados = { problemas };
  if (sellos.datos !== null || ilegibles.length > 0)
    return { ...guardado, sellos: { sellos: sellos.datos?.sellos ?? [], ilegibles } };
  return guardado;
}
