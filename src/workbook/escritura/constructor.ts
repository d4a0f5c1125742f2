/**
 * Ayudas puras para armar una descripción sin escribir los objetos a mano:
 *
 *   const h = hoja("Informe PMR", "informe-anual")
 *     .titulo("A1:F1", "Informe anual PMR 2025")
 *     .celdas("A3", [["Código", "Objetivo", "Cumplimiento"], ...filas])
 *     .formato("C4:C20", FORMATOS_EXCEL.porcentaje)
 *     .tabla({ nombre: "PMR_Objetivos", rango: "A3:C20" })
 *     .construir();
 */
import {
  ESTILO_TABLA,
  type AnchoColumnas,
  type BloqueCeldas,
  type Contenido,
  type DescripcionGrafico,
  type DescripcionHoja,
  type DescripcionLibro,
  type DescripcionTabla,
  type DescripcionValidacion,
  type EstiloRango,
  type FormatoRango,
  type NombreEstilo,
} from "./descripcion";

export class ConstructorHoja {
  private readonly bloques: BloqueCeldas[] = [];
  private readonly formatos: FormatoRango[] = [];
  private readonly anchosCol: AnchoColumnas[] = [];
  private readonly estilosRango: EstiloRango[] = [];
  private readonly combinar_: string[] = [];
  private readonly tablas: DescripcionTabla[] = [];
  private readonly validaciones: DescripcionValidacion[] = [];
  private readonly graficos: DescripcionGrafico[] = [];
  private inmovil: { filas?: number; columnas?: number } | undefined;

  constructor(
    private readonly nombre: string,
    private readonly proposito: string,
  ) {}

  /** Un bloque de celdas desde `desde` (fila por fila). */
  celdas(desde: string, filas: readonly (readonly Contenido[])[]): this {
    this.bloques.push({ desde, filas: filas.map((f) => [...f]) });
    return this;
  }
  /** Una sola celda. */
  celda(direccion: string, contenido: Contenido): this {
    return this.celdas(direccion, [[contenido]]);
  }
  formato(rango: string, formato: string): this {
    this.formatos.push({ rango, formato });
    return this;
  }
  ancho(columnas: string, ancho: number): this {
    this.anchosCol.push({ columnas, ancho });
    return this;
  }
  estilo(rango: string, ...estilos: NombreEstilo[]): this {
    this.estilosRango.push({ rango, estilos });
    return this;
  }
  combinar(rango: string): this {
    this.combinar_.push(rango);
    return this;
  }
  /** Un título: el texto en la primera celda, el rango combinado (si tiene más de una celda) y el estilo. */
  titulo(rango: string, texto: string, estilo: NombreEstilo = "titulo"): this {
    const inicio = rango.split(":")[0];
    this.celda(inicio, texto);
    if (rango.includes(":") && rango.split(":")[0] !== rango.split(":")[1]) this.combinar(rango);
    return this.estilo(rango, estilo);
  }
  inmovilizar(filas: number, columnas = 0): this {
    this.inmovil = { filas, columnas };
    return this;
  }
  tabla(t: DescripcionTabla): this {
    this.tablas.push({ estilo: ESTILO_TABLA, conEncabezados: true, ...t });
    return this;
  }
  validacion(v: DescripcionValidacion): this {
    this.validaciones.push(v);
    return this;
  }
  grafico(g: DescripcionGrafico): this {
    this.graficos.push(g);
    return this;
  }
  construir(): DescripcionHoja {
    return {
      nombre: this.nombre,
      proposito: this.proposito,
      celdas: [...this.bloques],
      ...(this.formatos.length ? { formatosNumero: [...this.formatos] } : {}),
      ...(this.anchosCol.length ? { anchos: [...this.anchosCol] } : {}),
      ...(this.inmovil ? { inmovilizar: { ...this.inmovil } } : {}),
      ...(this.combinar_.length ? { combinadas: [...this.combinar_] } : {}),
      ...(this.estilosRango.length ? { estilos: [...this.estilosRango] } : {}),
      ...(this.tablas.length ? { tablas: [...this.tablas] } : {}),
      ...(this.validaciones.length ? { validaciones: [...this.validaciones] } : {}),
      ...(this.graficos.length ? { graficos: [...this.graficos] } : {}),
    };
  }
}

/** Empieza la descripción de una hoja del complemento. */
export function hoja(nombre: string, proposito: string): ConstructorHoja {
  return new ConstructorHoja(nombre, proposito);
}

/** Un libro con las hojas dadas (constructores o descripciones). */
export function libro(...hojas: (ConstructorHoja | DescripcionHoja)[]): DescripcionLibro {
  return { hojas: hojas.map((h) => (h instanceof ConstructorHoja ? h.construir() : h)) };
}
