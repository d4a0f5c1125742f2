/**
 * Los puertos de Excel para el caso de uso «validar» (src/casos/validar.ts): leer el libro
 * abierto, su almacén (la configuración y lo demás que el complemento guarda en él) y resaltar
 * las celdas de los hallazgos. El flujo
 * (leer → validar → resaltar) no está aquí: lo arma el caso de uso.
 *
 * Los puertos miden lo que hacen (viajes a Excel y formatos agregados) para las pruebas y los
 * benchmarks: `medida` se llena a medida que se usan.
 */
import type { Hallazgo } from "../../domain";
import type { PuertosValidacion } from "../../casos/validar";
import { crearAlmacenExcel } from "./almacen";
import { ejecutarExcel, type Ejecutar } from "./contexto";
import { leerLibroConMedida, type LecturaExcel } from "./lectura";
import { resaltarConMedida } from "./resaltado";

export interface MedidaValidacionExcel {
  /** Viajes a Excel de la lectura (2 normalmente; nunca crece con el tamaño del libro). */
  lectura: number;
  /** Viajes a Excel del resaltado (2 normalmente). */
  resaltado: number;
  /** Formatos condicionales de resaltado agregados. */
  formatosResaltado: number;
  /** Viajes a Excel del almacén (lo guardado en partes XML: decisiones…; 1 si no hay nada). */
  readonly almacen: number;
}

export interface PuertosExcel extends PuertosValidacion {
  medida: MedidaValidacionExcel;
}

/**
 * Puertos del libro abierto en Excel. `resaltar`: quita el resaltado anterior y resalta los
 * hallazgos (solo en las hojas que existían al leer el libro).
 */
export function puertosExcel(
  ejecutar: Ejecutar = ejecutarExcel,
  opciones: { resaltar?: boolean; leer?: () => Promise<LecturaExcel> } = {},
): PuertosExcel {
  const almacen = crearAlmacenExcel({ ejecutar });
  const medida: MedidaValidacionExcel = {
    lectura: 0,
    resaltado: 0,
    formatosResaltado: 0,
    get almacen() {
      return almacen.medida.syncs;
    },
  };
  let nombresHojas: string[] | undefined;
  const puertos: PuertosExcel = {
    medida,
    async leerLibro() {
      const lectura = await (opciones.leer ? opciones.leer() : leerLibroConMedida(ejecutar));
      medida.lectura += lectura.syncs;
      nombresHojas = lectura.nombresHojas;
      return lectura.libro;
    },
    almacen,
  };
  if (opciones.resaltar !== false) {
    puertos.resaltar = async (hallazgos: readonly Hallazgo[]) => {
      const r = await resaltarConMedida(hallazgos, ejecutar, nombresHojas);
      medida.resaltado += r.syncs;
      medida.formatosResaltado += r.formatos;
      return { hojasSinResaltar: r.hojasSinResaltar };
    };
  }
  return puertos;
}
