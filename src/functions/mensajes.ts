/**
 * Textos que leen los usuarios de las funciones =PMR.* (mensajes de #VALUE! y #N/A). Todos en
 * un solo lugar para revisarlos y traducirlos juntos. Excel muestra el mensaje al pasar el
 * puntero sobre el indicador de error de la celda.
 */

/** Forma de un rango para los mensajes: «10 filas × 1 columna». */
export function textoForma(filas: number, columnas: number): string {
  return `${filas} ${filas === 1 ? "fila" : "filas"} × ${columnas} ${columnas === 1 ? "columna" : "columnas"}`;
}

/** Valor de celda tal como se cita en un mensaje, recortado si es largo. */
export function citar(valor: unknown): string {
  let texto: string;
  if (typeof valor === "string") texto = valor;
  else if (typeof valor === "boolean") texto = valor ? "VERDADERO" : "FALSO";
  else if (typeof valor === "number") texto = Number.isNaN(valor) ? "NaN" : String(valor);
  else if (Array.isArray(valor)) texto = "(matriz)";
  else if (valor === null || valor === undefined) texto = "";
  else texto = "(objeto)";
  return texto.length > 40 ? `${texto.slice(0, 39)}…` : texto;
}

export const MENSAJES = {
  sinProgramacion: "Sin programación",
  sinApropiacion: "Sin apropiación",
  sinAvance: "Sin avance: la celda está vacía.",
  sinAvanceFisico: "Sin avance físico",
  sinAvanceFinanciero: "Sin avance financiero",
  sinValores: "Sin valores: ningún mes tiene dato.",
  sinIndicadores: "Sin programación: ningún indicador tiene avance con programación.",
  tendenciaNoReconocida: (valor: unknown) =>
    `Tendencia no reconocida: «${citar(valor)}». Use Suma, Creciente, Constante o Decreciente.`,
  noEsNumero: (argumento: string, valor: unknown) => `${argumento} no es un número: «${citar(valor)}».`,
  noEsNumeroEntrada: (argumento: string, entrada: number, valor: unknown) =>
    `${argumento}, entrada ${entrada}: no es un número: «${citar(valor)}».`,
  noEsNumeroMes: (mes: number, valor: unknown) => `El valor del mes ${mes} no es un número: «${citar(valor)}».`,
  corteNoValido: (valor: unknown) => `El corte debe ser un mes entre 1 y 12: «${citar(valor)}».`,
  toleranciaNoValida: (valor: unknown) =>
    `La tolerancia debe ser una fracción entre 0 y 1 (p. ej. 0,3 o 30 %): «${citar(valor)}».`,
  errorDeEntrada: (codigo: string) => `Un argumento tiene el error ${codigo}.`,
  rangoVacio: (argumento: string) => `${argumento}: el rango está vacío.`,
  rangoNoRectangular: (argumento: string) => `${argumento}: no es un rango rectangular (filas de distinto largo).`,
  formasDistintas: (a: string, formaA: string, b: string, formaB: string) =>
    `Los rangos no tienen la misma forma: ${a} tiene ${formaA} y ${b} tiene ${formaB}. ` +
    "Use rangos del mismo tamaño o una sola celda.",
  serieUnica: (argumento: string, forma: string) =>
    `${argumento}: con una sola serie de meses debe ser una sola celda (se recibió ${forma}).`,
  formaPorFila: (argumento: string, forma: string, filas: number) =>
    `${argumento} tiene ${forma}: use una sola celda o una columna de ${filas} ${filas === 1 ? "fila" : "filas"} (una por fila de valores).`,
  noCalculable: "El avance no se puede calcular con estos valores.",
  errorInterno: (detalle: string) => `Error interno de PMR: ${detalle}. Informe este caso al equipo del complemento.`,
} as const;

/** Nombres de los argumentos tal como los ve el usuario en Excel. */
export const ARGUMENTOS = {
  programado: "Programado",
  ejecutado: "Ejecutado",
  tendencia: "Tendencia",
  lineaBase: "Línea base",
  avances: "Avances",
  ponderaciones: "Ponderaciones",
  programados: "Programados",
  valores: "Valores",
  avance: "Avance",
  corte: "Corte",
  compromisos: "Compromisos",
  apropiacion: "Apropiación",
  avanceFisico: "Avance físico",
  avanceFinanciero: "Avance financiero",
  tolerancia: "Tolerancia",
} as const;
