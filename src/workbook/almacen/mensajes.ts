/**
 * Textos del almacén de datos del complemento en el libro (es-CO). Los problemas de lectura los
 * convierte en hallazgos quien lee; por eso cada uno es una oración completa que dice qué datos
 * (la descripción de la ranura: «los sellos de cierre»), qué pasó y qué se hizo.
 *
 * Las frases usan «lo guardado» como sujeto para concordar con cualquier descripción («la
 * configuración», «los sellos de cierre», «las decisiones sobre hallazgos»).
 */
export const MENSAJES_ALMACEN = {
  /** Prefijo de todo problema que deja una ranura sin datos. */
  noSePudoLeer: (descripcion: string, motivo: string) =>
    `PMR para Excel no pudo leer ${descripcion} del libro: ${motivo}`,

  faltanPartes: (hay: number, total: number) =>
    `lo guardado está incompleto (hay ${hay} de sus ${total} partes); el libro pudo editarse fuera de Excel o quedar a medio guardar.`,
  parteRepetidaDistinta: (parte: number, total: number) =>
    `la parte ${parte} de ${total} de lo guardado está dos veces y con contenidos distintos.`,
  huellaDistinta:
    "lo guardado no coincide con la huella que se guardó con él (se modificó fuera de PMR para Excel o está incompleto).",
  jsonNoValido: "lo guardado no es un JSON válido.",
  parteDanada: (detalle: string) => `una de las partes de lo guardado está dañada (${detalle}).`,
  versionNueva: (guardada: number, soportada: number) =>
    `lo guardado viene de una versión más nueva de PMR para Excel (versión ${guardada} de estos datos; esta lee hasta la ${soportada}). Actualice el complemento y la línea de comandos pmr.`,
  sinMigracion: (guardada: number, soportada: number) =>
    `lo guardado está en la versión ${guardada} de estos datos y esta versión de PMR para Excel solo lee la ${soportada}.`,
  migracionFallida: (guardada: number, detalle: string) =>
    `lo guardado está en la versión ${guardada} de estos datos y no se pudo convertir a la actual (${detalle}).`,
  formaNoValida: (problemas: readonly string[]) => `lo guardado no tiene la forma esperada: ${problemas.join(" ")}`,
  formatoNuevo: (formato: string) =>
    `lo guardado usa un formato más nuevo («${formato}») que esta versión de PMR para Excel no conoce. Actualice el complemento y la línea de comandos pmr.`,

  /** Problemas que no impiden usar los datos. */
  partesSobrantes: (descripcion: string, cuantas: number) =>
    `En ${descripcion} del libro ${cuantas === 1 ? "quedó 1 parte" : `quedaron ${cuantas} partes`} de una escritura anterior que no terminó; se usó la última completa, y lo sobrante se quita al volver a guardar.`,
  parteRepetidaIgual: (descripcion: string, parte: number, total: number) =>
    `En ${descripcion} del libro la parte ${parte} de ${total} está repetida con el mismo contenido; se usó una vez.`,
  parteSinDueno: (detalle: string) =>
    `El libro tiene una parte de datos de PMR para Excel que no se puede leer (${detalle}); no se sabe a qué datos pertenece y no se usó.`,
  ajusteEnVariasPartes: (nombre: string, cuantas: number, usada: string) =>
    `El libro tiene «${nombre}» en ${cuantas} partes de complementos con valores distintos; se usó el de ${usada}.`,
  configuracionNoValida: (errores: readonly string[]) =>
    `La configuración guardada en el libro no es válida: ${errores.join(" ")}`,

  /** Errores al escribir (se lanzan: los datos no se guardaron). */
  datosNoValidos: (descripcion: string, problemas: readonly string[]) =>
    `No se guardó nada: los datos de ${descripcion} no tienen la forma esperada: ${problemas.join(" ")}`,
  noSerializable: (descripcion: string) =>
    `No se guardó nada: los datos de ${descripcion} no se pueden escribir como JSON.`,
  hayVersionNueva: (descripcion: string, guardada: number, soportada: number) =>
    `No se guardó nada: el libro tiene ${descripcion} escritos por una versión más nueva de PMR para Excel (versión ${guardada} de estos datos; esta escribe la ${soportada}) y se perderían. Actualice el complemento y la línea de comandos pmr.`,

  /** Nombres en español de los tipos que zod informa como «expected». */
  tipos: {
    number: "un número",
    int: "un número entero",
    string: "un texto",
    boolean: "true o false",
    object: "un objeto",
    array: "una lista",
    null: "null",
    nan: "un número",
  } as Record<string, string>,
  enRuta: (ruta: string, detalle: string) => (ruta ? `«${ruta}»: ${detalle}` : detalle),
  tipoEsperado: (tipo: string) => `tipo no válido (se esperaba ${tipo}).`,
  demasiadoPequeno: (minimo: string) => `el valor es demasiado pequeño (mínimo ${minimo}).`,
  demasiadoGrande: (maximo: string) => `el valor es demasiado grande (máximo ${maximo}).`,
  valorNoValido: (valores: string) => `valor no válido; use uno de: ${valores}.`,
  clavesDesconocidas: (claves: string) => `claves desconocidas: ${claves}.`,
  yMas: (n: number) => `(y ${n} ${n === 1 ? "problema más" : "problemas más"}).`,
} as const;
