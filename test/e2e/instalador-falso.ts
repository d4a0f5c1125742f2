/**
 * Se empaqueta (esbuild) y se inyecta en la página antes que todo: instala el Excel falso con el
 * libro que la prueba dejó en `window.__PMR_LIBRO__` y expone `window.pmrFalso` para que la
 * prueba inspeccione el libro (selección, formatos, formatos condicionales, configuración) y
 * pulse el botón de la cinta como lo haría Excel.
 */
import { analizarDireccion, crearLibroFalso, type DefinicionLibroFalso } from "../fakes/excel-falso";
import { inspeccionarEscritura } from "../fakes/escritura-falsa";
import { instalarFalsoControlado } from "./falso-controlado";

type Manejador = (evento: { completed: () => void; source?: { id: string } }) => unknown;

const ventana = window as unknown as { __PMR_LIBRO__: DefinicionLibroFalso; pmrFalso: unknown };
const libro = crearLibroFalso(ventana.__PMR_LIBRO__);
const { control } = instalarFalsoControlado(window, libro);

/**
 * En el tiempo de ejecución compartido de Excel existe el global CustomFunctions (lo pone
 * office.js); el paquete de funciones asocia cada =PMR.* al cargarse. Aquí office.js no se carga:
 * basta un registro de asociaciones (sin CustomFunctions.Error, las funciones usan su error local).
 */
const funcionesAsociadas = new Map<string, unknown>();
(window as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  associate(id: string | Record<string, unknown>, funcion?: unknown) {
    if (typeof id === "string") funcionesAsociadas.set(id, funcion);
    else for (const [k, f] of Object.entries(id)) funcionesAsociadas.set(k, f);
  },
};

const pmrFalso = {
  libro,
  control,
  funcionesAsociadas: () => [...funcionesAsociadas.keys()],
  /** Llama a una función =PMR.* como lo haría Excel al calcular una celda (id del functions.json). */
  llamarFuncion(id: string, ...argumentos: unknown[]): unknown {
    const funcion = funcionesAsociadas.get(id);
    if (typeof funcion !== "function") throw new Error(`La función ${id} no está asociada.`);
    return funcion(...argumentos);
  },
  /** Recálculos que el complemento pidió a Excel (workbook.application.calculate). */
  recalculos: () => [...libro.registro.recalculos],
  /** Estado de una hoja: valores y formato propio de cada celda, y sus formatos condicionales. */
  hoja(nombre: string) {
    return { celdas: libro.instantaneaCeldas(nombre), condicionales: libro.formatosCondicionales(nombre) };
  },
  /** Formatos condicionales de la hoja que cubren la celda. */
  condicionalesEn(nombre: string, celda: string) {
    const c = analizarDireccion(celda);
    return libro.formatosCondicionales(nombre).filter((fc) =>
      fc.areas.split(",").some((a) => {
        const r = analizarDireccion(a);
        return (
          c.fila >= r.fila && c.fila < r.fila + r.filas && c.columna >= r.columna && c.columna < r.columna + r.columnas
        );
      }),
    );
  },
  /** Lo escrito en una hoja que no son valores: tablas, validaciones, fórmulas, inmovilizado. */
  escritura(nombre: string) {
    return inspeccionarEscritura(libro, nombre);
  },
  nombresHojas: () => libro.nombresHojas(),
  /** Pulsa un botón ExecuteFunction de la cinta por el nombre de su función. */
  async pulsarBoton(funcion: string): Promise<{ completado: number; panelMostrado: number }> {
    const manejador = libro.registro.asociaciones.get(funcion) as Manejador | undefined;
    if (!manejador) throw new Error(`${funcion} no está asociado con Office.actions.associate`);
    let completado = 0;
    await manejador({ completed: () => completado++, source: { id: funcion } });
    return { completado, panelMostrado: libro.registro.panelMostrado };
  },
  /** Pulsa el botón «Validar PMR» de la cinta: llama a la función asociada con un evento. */
  async pulsarValidarPmr(): Promise<{ completado: number; panelMostrado: number }> {
    const manejador = libro.registro.asociaciones.get("validarPmr") as Manejador | undefined;
    if (!manejador) throw new Error("validarPmr no está asociado con Office.actions.associate");
    let completado = 0;
    await manejador({ completed: () => completado++, source: { id: "validarPmr" } });
    return { completado, panelMostrado: libro.registro.panelMostrado };
  },
};

ventana.pmrFalso = pmrFalso;
export type PmrFalso = typeof pmrFalso;
