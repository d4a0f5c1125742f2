/**
 * Textos (es-CO) de la descripción de hojas: lo que está mal en una descripción antes de escribirla.
 * Nombran la hoja y el rango. Los lee quien arma la descripción (un caso de uso) y, si se escapa un
 * defecto, el analista en el mensaje de error.
 */
export const MENSAJES_DESCRIPCION = {
  sinHojas: "No hay hojas que escribir.",
  nombreHojaVacio: "Una hoja no tiene nombre.",
  nombreHojaLargo: (nombre: string) =>
    `El nombre de hoja «${nombre}» tiene ${nombre.length} caracteres; Excel admite como máximo 31.`,
  nombreHojaCaracteres: (nombre: string) =>
    `El nombre de hoja «${nombre}» tiene caracteres que Excel no admite (\\ / ? * [ ] :).`,
  nombreHojaApostrofo: (nombre: string) => `El nombre de hoja «${nombre}» no puede empezar ni terminar con apóstrofo.`,
  nombreHojaReservado: (nombre: string) => `«${nombre}» es un nombre de hoja reservado por Excel.`,
  hojaRepetida: (nombre: string) => `La hoja «${nombre}» aparece dos veces (Excel no distingue mayúsculas).`,
  propositoInvalido: (hoja: string, proposito: string) =>
    `El propósito «${proposito}» de la hoja «${hoja}» debe ser de minúsculas, cifras y guiones (1 a 64 caracteres).`,
  rangoInvalido: (hoja: string, que: string, rango: string) =>
    `${que} de la hoja «${hoja}»: «${rango}» no es un rango válido (use, por ejemplo, B3 o A1:F1).`,
  columnasInvalidas: (hoja: string, columnas: string) =>
    `Ancho de columnas de la hoja «${hoja}»: «${columnas}» no son columnas (use, por ejemplo, A o B:D).`,
  anchoInvalido: (hoja: string, columnas: string, ancho: number) =>
    `El ancho ${ancho} de las columnas ${columnas} de la hoja «${hoja}» debe estar entre 0 y 255 caracteres.`,
  bloqueFuera: (hoja: string, desde: string) =>
    `Las celdas que empiezan en ${hoja}!${desde} se salen de la hoja (máximo 1.048.576 filas y 16.384 columnas).`,
  celdaRepetida: (hoja: string, celda: string) => `La celda ${hoja}!${celda} se describe dos veces.`,
  valorInvalido: (hoja: string, celda: string) =>
    `La celda ${hoja}!${celda} no tiene un valor que Excel guarde (número finito, texto, verdadero o falso, vacía o fórmula).`,
  textoLargo: (hoja: string, celda: string) =>
    `El texto de la celda ${hoja}!${celda} pasa de 32.767 caracteres, el máximo de Excel.`,
  formulaInvalida: (hoja: string, celda: string) =>
    `La fórmula de la celda ${hoja}!${celda} debe empezar por «=» y tener como máximo 8.192 caracteres.`,
  formulaArrobaTabla: (hoja: string, celda: string) =>
    `La fórmula de la celda ${hoja}!${celda} usa «[@…]»: en un archivo .xlsx esa forma abreviada no vale; escriba Tabla[[#This Row],[Columna]] o una referencia A1.`,
  formatoInvalido: (hoja: string, rango: string) =>
    `El formato de número de ${hoja}!${rango} está vacío o pasa de 255 caracteres.`,
  hojaDemasiadoGrande: (hoja: string, celdas: number) =>
    `La hoja «${hoja}» describe ${celdas.toLocaleString("es-CO")} celdas con valor o formato; el máximo es 2.000.000.`,
  inmovilizarInvalido: (hoja: string) =>
    `Inmovilizar en la hoja «${hoja}»: filas y columnas deben ser enteros desde 0 y dentro de la hoja.`,
  combinadaUnaCelda: (hoja: string, rango: string) =>
    `La combinación ${hoja}!${rango} tiene una sola celda; combine al menos dos.`,
  combinadasSolapadas: (hoja: string, a: string, b: string) =>
    `Las combinaciones ${hoja}!${a} y ${hoja}!${b} se solapan.`,
  combinadaConValores: (hoja: string, rango: string, celda: string) =>
    `La celda ${hoja}!${celda} tiene un valor pero está dentro de la combinación ${rango}: en Excel solo la celda superior izquierda conserva su valor.`,
  nombreTablaInvalido: (hoja: string, nombre: string) =>
    `El nombre de tabla «${nombre}» (hoja «${hoja}») no es válido: debe empezar por letra o guion bajo, llevar solo letras, cifras, puntos y guiones bajos (sin espacios), no parecer una celda y tener como máximo 255 caracteres.`,
  tablaRepetida: (nombre: string) => `Dos tablas se llaman «${nombre}» (Excel no distingue mayúsculas).`,
  estiloTablaInvalido: (hoja: string, nombre: string, estilo: string) =>
    `El estilo «${estilo}» de la tabla «${nombre}» (hoja «${hoja}») no es un estilo de tabla de Excel (TableStyleLight1–21, TableStyleMedium1–28, TableStyleDark1–11).`,
  tablaSinEncabezados: (hoja: string, nombre: string) =>
    `La tabla «${nombre}» (hoja «${hoja}») debe tener fila de encabezados: sin ella Excel agrega una propia.`,
  tablaSinFilas: (hoja: string, nombre: string, rango: string) =>
    `La tabla «${nombre}» (${hoja}!${rango}) necesita al menos una fila de datos además de los encabezados.`,
  encabezadoTablaVacio: (hoja: string, nombre: string, celda: string) =>
    `El encabezado ${hoja}!${celda} de la tabla «${nombre}» debe ser un texto no vacío.`,
  encabezadoTablaRepetido: (hoja: string, nombre: string, encabezado: string) =>
    `La tabla «${nombre}» (hoja «${hoja}») repite el encabezado «${encabezado}».`,
  tablasSolapadas: (hoja: string, a: string, b: string) =>
    `Las tablas «${a}» y «${b}» de la hoja «${hoja}» se solapan.`,
  tablaConCombinadas: (hoja: string, nombre: string, rango: string) =>
    `La tabla «${nombre}» (hoja «${hoja}») cubre la combinación ${rango}; Excel no admite celdas combinadas dentro de una tabla.`,
  listaVacia: (hoja: string, rango: string) => `La lista de validación de ${hoja}!${rango} no tiene valores.`,
  listaConComas: (hoja: string, rango: string, valor: string) =>
    `El valor «${valor}» de la lista de validación de ${hoja}!${rango} tiene una coma o está vacío; use una lista desde un rango.`,
  listaLarga: (hoja: string, rango: string) =>
    `La lista de validación de ${hoja}!${rango} pasa de 255 caracteres; Excel no la admite escrita: use una lista desde un rango.`,
  hojaListaInexistente: (hoja: string, rango: string, otra: string) =>
    `La lista de validación de ${hoja}!${rango} toma sus valores de la hoja «${otra}», que no está en la descripción.`,
  cualquieraSinMensaje: (hoja: string, rango: string) =>
    `La validación de ${hoja}!${rango} acepta cualquier valor: necesita un mensaje de entrada (si no, sobra).`,
  validacionNumeroInvalido: (hoja: string, rango: string) =>
    `La validación numérica de ${hoja}!${rango} necesita límites finitos (y con «entre», el segundo no menor que el primero).`,
  validacionesSolapadas: (hoja: string, a: string, b: string) =>
    `Las validaciones de ${hoja}!${a} y ${hoja}!${b} se solapan; una celda tiene una sola validación.`,
  tituloLargo: (hoja: string, rango: string) =>
    `El título del mensaje de validación de ${hoja}!${rango} está vacío o pasa de 32 caracteres.`,
  mensajeLargo: (hoja: string, rango: string) =>
    `El mensaje de validación de ${hoja}!${rango} está vacío o pasa de 255 caracteres.`,
  nombreGraficoInvalido: (hoja: string) =>
    `Un gráfico de la hoja «${hoja}» no tiene nombre (o pasa de 255 caracteres).`,
  graficoRepetido: (hoja: string, nombre: string) => `Dos gráficos de la hoja «${hoja}» se llaman «${nombre}».`,
  graficoSinSeries: (hoja: string, nombre: string) => `El gráfico «${nombre}» de la hoja «${hoja}» no tiene series.`,
  serieNoLineal: (hoja: string, grafico: string, rango: string) =>
    `El rango ${rango} del gráfico «${grafico}» (hoja «${hoja}») debe ser una sola fila o una sola columna.`,
  serieDesigual: (hoja: string, grafico: string, serie: string) =>
    `La serie «${serie}» del gráfico «${grafico}» (hoja «${hoja}») tiene distinto número de categorías y de valores.`,
  colorInvalido: (hoja: string, grafico: string, color: string) =>
    `El color «${color}» del gráfico «${grafico}» (hoja «${hoja}») debe escribirse #RRGGBB.`,
  coloresPuntosLinea: (hoja: string, grafico: string) =>
    `El gráfico de líneas «${grafico}» (hoja «${hoja}») no admite colores por punto; use barras o columnas.`,
  coloresPuntosDemasiados: (hoja: string, grafico: string, serie: string) =>
    `La serie «${serie}» del gráfico «${grafico}» (hoja «${hoja}») tiene más colores por punto que valores.`,
  textoGraficoLargo: (hoja: string, grafico: string) =>
    `Un título o nombre de serie del gráfico «${grafico}» (hoja «${hoja}») pasa de 255 caracteres.`,
  descripcionInvalida: (problemas: readonly string[]) =>
    `La descripción de las hojas no es válida: ${problemas.slice(0, 10).join(" ")}${problemas.length > 10 ? ` (y ${problemas.length - 10} problemas más)` : ""}`,
} as const;
