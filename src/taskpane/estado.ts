/**
 * Estado compartido del panel y del botón «Validar PMR» de la cinta.
 *
 * En el tiempo de ejecución compartido el panel, los comandos y las funciones viven en la misma
 * página, pero webpack los empaqueta por separado y cada paquete tendría su propia copia de este
 * módulo. Por eso el almacén y las acciones viven en globalThis (Symbol.for): el botón de la
 * cinta publica aquí lo que valida y el panel lo muestra. Las acciones (que usan el adaptador de
 * Excel y el motor) las registra el paquete del panel al cargarse; así el paquete de los
 * comandos queda pequeño y todos usan la misma copia del adaptador.
 *
 * El almacén es un suscribir/avisar mínimo, pensado para `useSyncExternalStore` de React.
 */
import type { Configuracion } from "../domain/configuracion";
import type { Decision } from "../domain/decisiones";
import type { Categoria, Hallazgo, Severidad } from "../domain/hallazgo";
import type { InformeValidacion } from "../casos/validar";
import type { ErroresFormulario, FormularioConfiguracion } from "./logica";
import type { Ambito } from "./vinculos";

// Este módulo solo importa tipos: el paquete de los comandos lo incluye y debe quedar pequeño.

export interface Filtros {
  /** Severidades elegidas; vacío = todas. */
  severidades: readonly Severidad[];
  /** Categorías elegidas; vacío = todas. */
  categorias: readonly Categoria[];
  /** Texto a buscar en el mensaje, la regla, la categoría y «hoja!celda». */
  texto: string;
  /** Solo los hallazgos de un objetivo, producto o indicador (desde el Tablero); null = todos. */
  ambito: Ambito | null;
  /** Decisiones elegidas (Pendiente, En gestión…); vacío = todas. */
  decisiones?: readonly Decision[];
}

export const FILTROS_INICIALES: Filtros = Object.freeze({
  severidades: [],
  categorias: [],
  texto: "",
  ambito: null,
  decisiones: [],
});

/**
 * El hallazgo que se está revisando en el detalle (Anterior / Siguiente). Se identifica por su
 * clave y su celda, no por el objeto: tras validar otra vez (también al escribir) sigue abierto
 * si el hallazgo sigue ahí; `indice` es su posición en la lista filtrada, para seguir desde ahí
 * si ya no está (se corrigió).
 */
export interface HallazgoAbierto {
  clave: string;
  hoja: string;
  celda: string;
  indice: number;
}

/** Lo abierto en el Tablero (sobrevive al cambio de pestaña). */
export interface EstadoTablero {
  /** Objetivos desplegados (códigos normalizados). */
  objetivos: readonly string[];
  /** Indicador con su gráfico mensual abierto (fila en la hoja PMR). */
  indicador: number | null;
}

export type Pestana = "resumen" | "hallazgos" | "tablero" | "configuracion";
export const PESTANAS: readonly Pestana[] = ["resumen", "hallazgos", "tablero", "configuracion"];

export interface Aviso {
  intent: "error" | "warning" | "success" | "info";
  titulo: string;
  texto: string;
}

export interface EstadoPanel {
  /** Hay una validación en curso (del panel o de la cinta). */
  validando: boolean;
  /** Etapa de la validación en curso, en español («Leyendo el libro…»). */
  etapa: string | null;
  /** Se está quitando el resaltado. */
  quitando: boolean;
  /** Resultado de la última validación que terminó bien. */
  informe: InformeValidacion | null;
  /** Configuración con la que se hizo la última validación. */
  configuracionUsada: Configuracion | null;
  /** Cuándo terminó la última validación (ms desde 1970). */
  ultimaValidacion: number | null;
  /** Aviso visible (error, éxito…). */
  aviso: Aviso | null;
  /**
   * La última validación falló (texto del error): lo que se ve es de la validación anterior y
   * puede no estar al día. null cuando la última validación terminó bien.
   */
  desactualizado: string | null;
  /** Hay resaltado del complemento en el libro (de esta sesión o guardado en el libro). */
  hayResaltado: boolean;
  /** «Validar mientras escribe» está activo. */
  enVivo: boolean;
  /** Este Excel avisa los cambios de las hojas (ExcelApi 1.7); si no, el interruptor no se ofrece. */
  enVivoDisponible: boolean;
  pestana: Pestana;
  filtros: Filtros;
  /** Hallazgo abierto en el detalle de la pestaña Hallazgos; null = la lista. */
  abierto: HallazgoAbierto | null;
  tablero: EstadoTablero;
  /** La lista de hallazgos muestra también los cerrados (justificados o descartados). */
  mostrarCerrados?: boolean;
  /** Se está guardando una decisión sobre un hallazgo. */
  guardandoDecision?: boolean;
  /** Se está exportando la hoja de hallazgos. */
  exportando?: boolean;
  /** Lo escrito en la pestaña Configuración y aún no guardado (null = lo guardado en el libro). */
  borrador: FormularioConfiguracion | null;
  erroresBorrador: ErroresFormulario;
}

export const ESTADO_INICIAL: EstadoPanel = Object.freeze({
  validando: false,
  etapa: null,
  quitando: false,
  informe: null,
  configuracionUsada: null,
  ultimaValidacion: null,
  aviso: null,
  desactualizado: null,
  hayResaltado: false,
  enVivo: false,
  enVivoDisponible: false,
  pestana: "resumen",
  filtros: FILTROS_INICIALES,
  abierto: null,
  tablero: Object.freeze({ objetivos: [], indicador: null }),
  borrador: null,
  erroresBorrador: {},
});

export type Cambio<T> = Partial<T> | ((actual: T) => Partial<T>);

export interface Almacen<T> {
  obtener(): T;
  /** Aplica un cambio parcial y avisa a los suscriptores (solo si algo cambió). */
  actualizar(cambio: Cambio<T>): void;
  /** Devuelve la función que cancela la suscripción. */
  suscribir(oyente: () => void): () => void;
}

/** Almacén mínimo: el estado es inmutable; cada cambio crea un objeto nuevo. */
export function crearAlmacen<T extends object>(inicial: T): Almacen<T> {
  let estado = inicial;
  const oyentes = new Set<() => void>();
  return {
    obtener: () => estado,
    actualizar(cambio) {
      const parcial = typeof cambio === "function" ? cambio(estado) : cambio;
      const claves = Object.keys(parcial) as (keyof T)[];
      if (claves.every((k) => Object.is(parcial[k], estado[k]))) return;
      estado = { ...estado, ...parcial };
      for (const oyente of [...oyentes]) {
        try {
          oyente();
        } catch (error) {
          console.error("PMR: un suscriptor del estado del panel falló.", error);
        }
      }
    },
    suscribir(oyente) {
      oyentes.add(oyente);
      return () => {
        oyentes.delete(oyente);
      };
    },
  };
}

/** Lo que el panel y la cinta pueden hacer. Ninguna acción lanza: los fallos van al aviso. */
export interface AccionesPanel {
  /**
   * Al abrir el panel: lee si hay resaltado guardado en el libro y la preferencia «Validar
   * mientras escribe» (si estaba activa, empieza a escuchar los cambios).
   */
  iniciar(): Promise<void>;
  /** Valida el libro con la configuración guardada y resalta los hallazgos. */
  validar(): Promise<void>;
  /** Activa o desactiva «Validar mientras escribe» (se recuerda en este equipo). */
  alternarEnVivo(activo: boolean): Promise<void>;
  /** Botón de la cinta: abre el panel y valida. */
  validarDesdeCinta(): Promise<void>;
  quitarResaltado(): Promise<void>;
  irAHallazgo(h: Pick<Hallazgo, "hoja" | "celda">): Promise<void>;
  leerConfiguracion(): { configuracion: Configuracion; errores: string[] };
  /** Guarda en el libro; true si se guardó. */
  guardarConfiguracion(c: Configuracion): Promise<boolean>;
  /**
   * Fija la decisión de un hallazgo y la guarda en el libro; actualiza conteos y resaltado.
   * Devuelve null si se guardó, o por qué no (nota corta, Excel falló) para mostrarlo junto al campo.
   */
  decidir?(h: Hallazgo, decision: Decision, nota: string): Promise<string | null>;
  /** Escribe la hoja «Hallazgos PMR»; `confirmar` pregunta si se reemplaza la anterior. */
  exportarHallazgos?(confirmar: (nombres: readonly string[]) => Promise<boolean>): Promise<void>;
}

interface Compartido {
  almacen: Almacen<EstadoPanel>;
  acciones: AccionesPanel | null;
}

const CLAVE_COMPARTIDO = Symbol.for("pmr.panel.estado");

function compartido(): Compartido {
  const g = globalThis as unknown as Record<symbol, Compartido | undefined>;
  let c = g[CLAVE_COMPARTIDO];
  if (!c) {
    c = { almacen: crearAlmacen<EstadoPanel>(ESTADO_INICIAL), acciones: null };
    g[CLAVE_COMPARTIDO] = c;
  }
  return c;
}

/** El almacén del panel (uno por página). */
export function almacenPanel(): Almacen<EstadoPanel> {
  return compartido().almacen;
}

/** Registra las acciones; la primera registrada queda (una sola copia del adaptador por página). */
export function registrarAcciones(acciones: AccionesPanel): AccionesPanel {
  const c = compartido();
  c.acciones ??= acciones;
  return c.acciones;
}

export function obtenerAcciones(): AccionesPanel | null {
  return compartido().acciones;
}

/** Solo para pruebas: vuelve al estado inicial y olvida las acciones registradas. */
export function reiniciarEstadoCompartido(): void {
  const g = globalThis as unknown as Record<symbol, Compartido | undefined>;
  delete g[CLAVE_COMPARTIDO];
}
