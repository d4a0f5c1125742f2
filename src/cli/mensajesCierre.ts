/** Textos de `pmr sellar` y `pmr comparar` (es-CO). */
import { entero } from "../domain/formato";
import { ERRORES } from "./mensajes";

export const USO_SELLAR = `Uso: pmr sellar <libro.xlsx> --mes <1-12> [--vigencia AAAA] [--nota TEXTO] [--salida copia.xlsx]

Sella los meses de enero a --mes de la vigencia: guarda dentro del libro, por código de
indicador, la programación, la ejecución y el avance cualitativo de esos meses y los campos de
programación (meta vigencia, meta plan, línea base, tendencia, ponderación, periodicidad), con la
fecha y la nota. Los sellos se acumulan (junio y luego diciembre). Desde entonces, «pmr validar»
y el panel informan cada valor sellado que cambie (categoría Cierre).

Solo cambian las partes del libro donde PMR para Excel guarda sus datos; el resto del archivo
queda idéntico. La escritura es atómica (un temporal y luego el cambio de nombre). Cierre el
libro en Excel antes de sellarlo.

Opciones:
  --mes <1-12>             Último mes que se sella (obligatorio).
  --vigencia <AAAA>        Vigencia que se sella. Por defecto, la del libro.
  --nota <texto>           Nota del sello (hasta 2.000 caracteres).
  --salida <copia.xlsx>    Escribe una copia sellada y deja el libro como está.
  -h, --help               Muestra esta ayuda.

Código de salida:
  0  el libro quedó sellado (aunque tenga errores de validación: se dice cuántos)
  2  no se pudo sellar (el libro no se pudo leer o escribir, o los argumentos no son válidos)
`;

export const USO_COMPARAR = `Uso: pmr comparar <anterior.xlsx> <actual.xlsx> [--formato texto|json]

Compara la hoja PMR de dos libros por código de indicador (no por fila): indicadores añadidos y
eliminados, y cada valor cambiado (campos de programación y programación, ejecución y avance
cualitativo de cada mes) con el valor de antes, el de ahora y la celda en cada libro.

Opciones:
  --formato <texto|json>   Formato del informe. Por defecto, texto.
  -h, --help               Muestra esta ayuda.

Código de salida:
  0  no cambió nada
  1  algo cambió
  2  un libro no se pudo leer o los argumentos no son válidos
`;

const AYUDA_SELLAR = "Use «pmr sellar --help» para ver las opciones.";
const AYUDA_COMPARAR = "Use «pmr comparar --help» para ver las opciones.";

export const ERRORES_CIERRE = {
  ayudaSellar: AYUDA_SELLAR,
  ayudaComparar: AYUDA_COMPARAR,
  faltaLibroSellar: `Falta el libro a sellar: pmr sellar <libro.xlsx> --mes M. ${AYUDA_SELLAR}`,
  sobraArgumento: (a: string, ayuda: string) => `Sobra el argumento «${a}». ${ayuda}`,
  faltaMes: `Falta --mes: el último mes que se sella (1 a 12). ${AYUDA_SELLAR}`,
  mesInvalido: (v: string) => `El mes debe ser un número entre 1 y 12 (se recibió «${v}»).`,
  vigenciaInvalida: ERRORES.vigenciaInvalida,
  formatoInvalido: ERRORES.formatoInvalido,
  faltanLibros: `Faltan los libros: pmr comparar <anterior.xlsx> <actual.xlsx>. ${AYUDA_COMPARAR}`,
  sinHoja: (libro: string) => `El libro «${libro}» no tiene hoja PMR (ni por nombre ni por sus encabezados).`,
};

export const TEXTOS_SELLAR = {
  titulo: (libro: string) => `Sellado: ${libro}`,
  copia: (salida: string) => `Copia sellada: ${salida} (el libro original no cambió)`,
  nota: (nota: string) => `Nota: ${nota}`,
  sellos: (n: number, lista: string) => `Sellos en el libro: ${entero(n)} (${lista}).`,
  guardado: (partes: number, bytes: number) =>
    `Guardado en ${entero(partes)} ${partes === 1 ? "parte" : "partes"} del libro (${entero(Math.ceil(bytes / 1024))} KB).`,
};

export const TEXTOS_COMPARAR = {
  titulo: (a: string, b: string) => `Comparación: ${a} → ${b}`,
  sinCambios: "Sin cambios: los mismos indicadores con los mismos valores.",
  anadidos: (n: number) => `Añadidos (${entero(n)}):`,
  eliminados: (n: number) => `Eliminados (${entero(n)}):`,
  cambios: (n: number) => `Valores cambiados (${entero(n)}):`,
  resumen: (a: number, e: number, c: number) =>
    `Resumen: ${entero(a)} ${a === 1 ? "añadido" : "añadidos"}, ${entero(e)} ${e === 1 ? "eliminado" : "eliminados"}, ${entero(c)} ${c === 1 ? "valor cambiado" : "valores cambiados"}.`,
};
