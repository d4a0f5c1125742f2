/**
 * Libro canónico (PMR-SPEC §4, §6.5 y §6.6): las filas de origen, cada valor tal cual y con su
 * celda, escritas en el diseño canónico de las hojas PMR, PMR_Presupuesto y PMR_Territorial. Lo
 * usan «Crear plantilla», «Normalizar» y «Consolidar». Puro: devuelve una `DescripcionLibro`.
 */
export * from "./tipos";
export * from "./describir";
