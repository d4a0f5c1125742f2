/**
 * Datos del libro de ejemplo (ejemplos/pmr-ejemplo.xlsx): el PMR de una entidad distrital
 * ficticia del sector de integración social, vigencia 2025, con ejecuciones hasta septiembre.
 *
 * Todo es coherente (cadena de valor completa, ponderaciones del 100 % por objetivo, programación
 * SUMA que suma la meta vigencia, series crecientes que no bajan, presupuesto coherente con el
 * avance físico, localidades que suman la meta y el acumulado, textos cualitativos de menos de
 * 250 caracteres cuyo acumulado declarado es el calculado) salvo los PROBLEMAS deliberados, que
 * se aplican encima y están documentados en ejemplos/README.md. Las pruebas usan `datosEjemplo`
 * con `problemas: false` para tener la versión sin problemas, o con una lista de ids.
 *
 * Módulo puro (sin ExcelJS): la escritura del libro está en libro.js.
 */
"use strict";

const ENTIDAD = "Secretaría Distrital de Bienestar Social";
const VIGENCIA = 2025;
const CORTE = 9;

const MESES_LARGOS = [
  "enero",
  "febrero",
  "marzo",
  "abril",
  "mayo",
  "junio",
  "julio",
  "agosto",
  "septiembre",
  "octubre",
  "noviembre",
  "diciembre",
];

const REPORTE = {
  Mensual: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  Bimestral: [2, 4, 6, 8, 10, 12],
  Trimestral: [3, 6, 9, 12],
  Semestral: [6, 12],
  Anual: [12],
};

/** Serie de 12 meses a partir de { mes: valor } (1-based); los demás meses vacíos (null). */
function enMeses(valores) {
  const s = new Array(12).fill(null);
  for (const [mes, v] of Object.entries(valores)) s[Number(mes) - 1] = v;
  return s;
}
/** Serie con el mismo valor en los meses dados. */
function igual(valor, meses) {
  return enMeses(Object.fromEntries(meses.map((m) => [m, valor])));
}
/** Serie desde enero con los valores dados. */
function desdeEnero(valores) {
  const s = new Array(12).fill(null);
  valores.forEach((v, i) => (s[i] = v));
  return s;
}

const OBJETIVOS = [
  {
    codigo: "O1",
    nombre: "Reducir la inseguridad alimentaria y nutricional de los hogares en pobreza",
    // Ponderaciones escritas como número con formato de porcentaje.
    formatoPeso: "numero",
  },
  {
    codigo: "O2",
    nombre: "Garantizar la atención integral a niñas y niños en primera infancia",
    // Ponderaciones escritas como texto «20%».
    formatoPeso: "texto",
  },
  {
    codigo: "O3",
    nombre: "Promover la autonomía económica y el envejecimiento activo de las personas mayores",
    formatoPeso: "numero",
  },
  {
    codigo: "O4",
    nombre: "Fortalecer la inclusión social de las personas con discapacidad y de quienes las cuidan",
    formatoPeso: "numero",
  },
  {
    codigo: "O5",
    nombre: "Mejorar la gestión institucional y la atención a la ciudadanía",
    // Sin ponderaciones: todos los indicadores pesan igual (PMR-SPEC §2).
    formatoPeso: "ninguno",
  },
];

const PRODUCTOS = {
  "P1.1": "Apoyos alimentarios entregados a hogares en situación de pobreza",
  "P1.2": "Comedores comunitarios en operación",
  "P2.1": "Atención integral en jardines infantiles",
  "P2.2": "Apoyo nutricional a mujeres gestantes y lactantes",
  "P2.3": "Acompañamiento a familias rurales con niñas y niños en primera infancia",
  "P3.1": "Apoyos económicos entregados a personas mayores",
  "P3.2": "Atención a personas mayores en centros día",
  "P4.1": "Atención integral a personas con discapacidad en centros especializados",
  "P4.2": "Formación y certificación de personas cuidadoras",
  "P4.3": "Ayudas técnicas entregadas a personas con discapacidad",
  "P5.1": "Atención oportuna de peticiones, quejas, reclamos y sugerencias",
  "P5.2": "Formación de servidores públicos en atención incluyente",
};

/**
 * Indicadores. Campos: o (objetivo), p (producto o null), tipo, codigo, nombre, unidad,
 * tendencia, periodicidad, peso (fracción o null), lb, mp, mv, anterior (ejecutado de vigencias
 * anteriores), prog y ejec (12 meses, null = vacío), escritura (cómo se escriben los valores
 * mensuales: "numero", "porcentaje" con formato 0,0 %, "texto-coma" «0,645», "texto-porcentaje»
 * «76%»), actividad y gestion (frases de los textos cualitativos, sin cifras), acumuladoEnTexto
 * (el texto de septiembre declara el acumulado), obs (observaciones).
 */
const INDICADORES = [
  // ── O1 ──────────────────────────────────────────────────────────────────────────────────
  {
    o: "O1",
    p: null,
    tipo: "Objetivo",
    codigo: "IO1.1",
    nombre: "Porcentaje de hogares atendidos en inseguridad alimentaria moderada o severa",
    unidad: "Porcentaje",
    tendencia: "Decreciente",
    periodicidad: "Semestral",
    peso: 0.2,
    lb: 0.245,
    mp: 0.18,
    mv: 0.21,
    prog: enMeses({ 6: 0.225, 12: 0.21 }),
    ejec: enMeses({ 6: 0.228 }),
    escritura: "porcentaje",
    actividad:
      "se aplicó la escala de seguridad alimentaria a la muestra de hogares atendidos y se consolidó la medición del semestre",
    gestion: "se avanzó en la depuración de la base de hogares que responderán la escala de seguridad alimentaria",
  },
  {
    o: "O1",
    p: "P1.1",
    tipo: "Producto",
    codigo: "IP1.1.1",
    nombre: "Hogares vinculados al apoyo alimentario con bonos canjeables",
    unidad: "Hogares",
    tendencia: "Suma",
    periodicidad: "Mensual",
    peso: 0.2,
    mp: 96000,
    mv: 24000,
    anterior: 23400,
    prog: igual(2000, REPORTE.Mensual),
    ejec: desdeEnero([1850, 2100, 2050, 1980, 2020, 2150, 1900, 1990, 1990]),
    escritura: "numero",
    actividad:
      "se vincularon hogares nuevos al apoyo alimentario tras la validación de requisitos en las subdirecciones locales",
    acumuladoEnTexto: true,
  },
  {
    o: "O1",
    p: "P1.1",
    tipo: "Producto",
    codigo: "IP1.1.2",
    nombre: "Bonos alimentarios canjeados en la red de tiendas aliadas",
    unidad: "Bonos",
    tendencia: "Suma",
    periodicidad: "Mensual",
    peso: 0.15,
    mp: 720000,
    mv: 180000,
    anterior: 176500,
    prog: igual(15000, REPORTE.Mensual),
    ejec: desdeEnero([14200, 15100, 15300, 14800, 15050, 15200, 14900, 15100, 15350]),
    escritura: "numero",
    actividad:
      "los hogares canjearon sus bonos en la red de tiendas aliadas y se conciliaron los canjes con el operador",
    acumuladoEnTexto: true,
  },
  {
    o: "O1",
    p: "P1.2",
    tipo: "Producto",
    codigo: "IP1.2.1",
    nombre: "Raciones de comida caliente servidas en comedores comunitarios",
    unidad: "Raciones",
    tendencia: "Suma",
    periodicidad: "Mensual",
    peso: 0.2,
    mp: 19200000,
    mv: 4800000,
    anterior: 4750000,
    prog: igual(400000, REPORTE.Mensual),
    ejec: desdeEnero([392000, 398500, 401200, 399800, 402300, 400100, 397600, 403000, 401500]),
    escritura: "numero",
    actividad:
      "los comedores comunitarios sirvieron comida caliente de lunes a sábado con el menú aprobado por nutrición",
    acumuladoEnTexto: true,
  },
  {
    o: "O1",
    p: "P1.2",
    tipo: "Producto",
    codigo: "IP1.2.2",
    nombre: "Comedores comunitarios en funcionamiento",
    unidad: "Comedores",
    tendencia: "Constante",
    periodicidad: "Mensual",
    peso: 0.1,
    lb: 125,
    mp: 130,
    mv: 130,
    prog: igual(130, REPORTE.Mensual),
    ejec: desdeEnero([126, 128, 130, 130, 129, 130, 130, 130, 130]),
    escritura: "numero",
    actividad: "se mantuvo en funcionamiento la red de comedores comunitarios con visitas de supervisión a cada uno",
  },
  {
    o: "O1",
    p: "P1.2",
    tipo: "Producto",
    codigo: "IP1.2.3",
    nombre: "Porcentaje de comedores con concepto sanitario favorable",
    unidad: "Porcentaje",
    tendencia: "Constante",
    periodicidad: "Trimestral",
    peso: 0.15,
    lb: 0.9,
    mp: 0.95,
    mv: 0.95,
    prog: igual(0.95, REPORTE.Trimestral),
    ejec: enMeses({ 3: 0.93, 6: 0.95, 9: 0.96 }),
    escritura: "porcentaje",
    actividad: "la Secretaría de Salud visitó los comedores y emitió los conceptos sanitarios del trimestre",
    gestion: "se acompañó a los comedores en los planes de mejora de las condiciones sanitarias",
  },
  // ── O2 ──────────────────────────────────────────────────────────────────────────────────
  {
    o: "O2",
    p: null,
    tipo: "Objetivo",
    codigo: "IO2.1",
    nombre: "Cobertura de atención integral a la primera infancia en localidades priorizadas",
    unidad: "Porcentaje",
    tendencia: "Creciente",
    periodicidad: "Trimestral",
    peso: 0.2,
    lb: 0.62,
    mp: 0.75,
    mv: 0.68,
    prog: enMeses({ 3: 0.64, 6: 0.655, 9: 0.67, 12: 0.68 }),
    ejec: enMeses({ 3: 0.645, 6: 0.66, 9: 0.668 }),
    escritura: "texto-coma",
    actividad:
      "se cruzaron las bases de atención con la proyección de población de primera infancia de las localidades priorizadas",
    gestion: "se actualizaron las bases de atención de jardines y modalidades familiares",
  },
  {
    o: "O2",
    p: "P2.1",
    tipo: "Producto",
    codigo: "IP2.1.1",
    nombre: "Niñas y niños atendidos en jardines infantiles",
    unidad: "Niñas y niños",
    tendencia: "Constante",
    periodicidad: "Mensual",
    peso: 0.2,
    lb: 52000,
    mp: 54000,
    mv: 54000,
    prog: igual(54000, REPORTE.Mensual),
    ejec: desdeEnero([51200, 53100, 53800, 53900, 54050, 54000, 53700, 53950, 54100]),
    escritura: "numero",
    actividad:
      "los jardines infantiles atendieron a niñas y niños con educación inicial, alimentación y seguimiento nutricional",
  },
  {
    o: "O2",
    p: "P2.1",
    tipo: "Producto",
    codigo: "IP2.1.2",
    nombre: "Porcentaje de jardines infantiles con estándares de calidad certificados",
    unidad: "Porcentaje",
    tendencia: "Creciente",
    periodicidad: "Semestral",
    peso: 0.15,
    lb: 0.7,
    mp: 0.9,
    mv: 0.8,
    prog: enMeses({ 6: 0.75, 12: 0.8 }),
    ejec: enMeses({ 6: 0.76 }),
    escritura: "texto-porcentaje",
    actividad:
      "se verificaron los estándares de calidad en los jardines visitados y se certificaron los que los cumplen",
    gestion: "se hicieron visitas de asistencia técnica a los jardines con planes de mejora",
  },
  {
    o: "O2",
    p: "P2.2",
    tipo: "Producto",
    codigo: "IP2.2.1",
    nombre: "Mujeres gestantes y lactantes con apoyo nutricional",
    unidad: "Personas",
    tendencia: "Suma",
    periodicidad: "Mensual",
    peso: 0.2,
    mp: 38400,
    mv: 9600,
    anterior: 9350,
    prog: igual(800, REPORTE.Mensual),
    ejec: desdeEnero([780, 805, 812, 798, 790, 820, 806, 795, 814]),
    escritura: "numero",
    actividad:
      "se vincularon mujeres gestantes y lactantes al apoyo nutricional con canasta y valoración del estado nutricional",
    acumuladoEnTexto: true,
  },
  {
    o: "O2",
    p: "P2.2",
    tipo: "Producto",
    codigo: "IP2.2.2",
    nombre: "Porcentaje de gestantes atendidas con controles prenatales al día",
    unidad: "Porcentaje",
    tendencia: "Creciente",
    periodicidad: "Bimestral",
    peso: 0.1,
    lb: 0.7,
    mp: 0.85,
    mv: 0.8,
    prog: enMeses({ 2: 0.72, 4: 0.74, 6: 0.76, 8: 0.78, 10: 0.79, 12: 0.8 }),
    ejec: enMeses({ 2: 0.725, 4: 0.74, 6: 0.765, 8: 0.78 }),
    escritura: "porcentaje",
    actividad: "se verificó con la red de salud el estado de los controles prenatales de las gestantes atendidas",
    gestion: "se remitieron a la red de salud las gestantes con controles pendientes",
  },
  {
    o: "O2",
    p: "P2.3",
    tipo: "Producto",
    codigo: "IP2.3.1",
    nombre: "Familias rurales con acompañamiento para la crianza",
    unidad: "Familias",
    tendencia: "Suma",
    periodicidad: "Bimestral",
    peso: 0.15,
    mp: 4800,
    mv: 1200,
    anterior: 1150,
    prog: igual(200, REPORTE.Bimestral),
    ejec: enMeses({ 2: 190, 4: 205, 6: 210, 8: 195 }),
    escritura: "numero",
    actividad: "los equipos rurales acompañaron a familias de Sumapaz y de la ruralidad de Usme y Ciudad Bolívar",
    gestion: "se programaron los recorridos de los equipos rurales por veredas",
  },
  // ── O3 ──────────────────────────────────────────────────────────────────────────────────
  {
    o: "O3",
    p: null,
    tipo: "Objetivo",
    codigo: "IO3.1",
    nombre: "Porcentaje de personas mayores en pobreza extrema con apoyo económico",
    unidad: "Porcentaje",
    tendencia: "Creciente",
    periodicidad: "Trimestral",
    peso: 0.25,
    lb: 0.55,
    mp: 0.7,
    mv: 0.62,
    prog: enMeses({ 3: 0.58, 6: 0.6, 9: 0.61, 12: 0.62 }),
    ejec: enMeses({ 3: 0.585, 6: 0.602, 9: 0.615 }),
    escritura: "porcentaje",
    actividad: "se cruzó la base de apoyos económicos con la focalización de pobreza extrema del Sisbén",
    gestion: "se depuró la base de personas mayores priorizadas para el cruce con el Sisbén",
  },
  {
    o: "O3",
    p: null,
    tipo: "Objetivo",
    codigo: "IO3.2",
    nombre: "Personas mayores que participan en actividades de envejecimiento activo",
    unidad: "Personas",
    tendencia: "Suma",
    periodicidad: "Semestral",
    peso: 0.1,
    mp: 120000,
    mv: 30000,
    anterior: 29100,
    prog: enMeses({ 6: 15000, 12: 15000 }),
    ejec: enMeses({ 6: 15400 }),
    escritura: "numero",
    actividad: "personas mayores participaron en actividades físicas, culturales y de formación en los barrios",
    gestion: "se programaron con las alcaldías locales las actividades de envejecimiento activo",
  },
  {
    o: "O3",
    p: "P3.1",
    tipo: "Producto",
    codigo: "IP3.1.1",
    nombre: "Apoyos económicos entregados a personas mayores",
    unidad: "Apoyos",
    tendencia: "Suma",
    periodicidad: "Mensual",
    peso: 0.25,
    mp: 4320000,
    mv: 1080000,
    anterior: 1070000,
    prog: igual(90000, REPORTE.Mensual),
    ejec: desdeEnero([89500, 90200, 90400, 89900, 90100, 90300, 89800, 90000, 90250]),
    escritura: "numero",
    actividad: "se dispersaron los apoyos económicos a las personas mayores por medio de la red bancaria",
    acumuladoEnTexto: true,
  },
  {
    o: "O3",
    p: "P3.1",
    tipo: "Producto",
    codigo: "IP3.1.2",
    nombre: "Personas mayores vinculadas a procesos de inclusión productiva",
    unidad: "Personas",
    tendencia: "Suma",
    periodicidad: "Trimestral",
    peso: 0.1,
    mp: 3200,
    mv: 800,
    anterior: 760,
    prog: igual(200, REPORTE.Trimestral),
    ejec: enMeses({ 3: 180, 6: 210, 9: 205 }),
    escritura: "numero",
    actividad: "personas mayores terminaron la ruta de inclusión productiva con emprendimientos o enganche laboral",
    gestion: "se acompañó a las personas mayores inscritas en la ruta de inclusión productiva",
  },
  {
    o: "O3",
    p: "P3.2",
    tipo: "Producto",
    codigo: "IP3.2.1",
    nombre: "Personas mayores atendidas en centros día",
    unidad: "Personas",
    tendencia: "Suma",
    periodicidad: "Trimestral",
    peso: 0.15,
    mp: 24000,
    mv: 6000,
    anterior: 5900,
    prog: igual(1500, REPORTE.Trimestral),
    ejec: enMeses({ 3: 1480, 6: 1530, 9: 1510 }),
    escritura: "numero",
    actividad: "los centros día atendieron personas mayores nuevas con actividades de desarrollo humano",
    gestion: "se hizo seguimiento a la asistencia de las personas mayores en los centros día",
  },
  {
    o: "O3",
    p: "P3.2",
    tipo: "Producto",
    codigo: "IP3.2.2",
    nombre: "Porcentaje de centros día con plan de atención actualizado",
    unidad: "Porcentaje",
    tendencia: "Constante",
    periodicidad: "Trimestral",
    peso: 0.15,
    lb: 0.92,
    mp: 0.95,
    mv: 0.95,
    // El nivel esperado se programa todos los meses; la medición es trimestral.
    prog: igual(0.95, REPORTE.Mensual),
    ejec: enMeses({ 3: 0.95, 6: 0.96, 9: 0.97 }),
    escritura: "porcentaje",
    actividad: "se revisaron y actualizaron los planes de atención de los centros día",
    gestion: "se dio asistencia técnica a los centros día en la actualización de sus planes de atención",
  },
  // ── O4 ──────────────────────────────────────────────────────────────────────────────────
  {
    o: "O4",
    p: null,
    tipo: "Objetivo",
    codigo: "IO4.1",
    nombre: "Personas con discapacidad vinculadas a procesos de inclusión social",
    unidad: "Personas",
    tendencia: "Creciente",
    periodicidad: "Mensual",
    peso: 0.2,
    lb: 8000,
    mp: 12000,
    mv: 10000,
    prog: desdeEnero([8200, 8400, 8550, 8700, 8850, 9000, 9150, 9300, 9450, 9650, 9850, 10000]),
    ejec: desdeEnero([8150, 8420, 8600, 8690, 8880, 9020, 9200, 9310, 9480]),
    escritura: "numero",
    actividad: "se vincularon personas con discapacidad a procesos de inclusión educativa, laboral y comunitaria",
  },
  {
    o: "O4",
    p: "P4.1",
    tipo: "Producto",
    codigo: "IP4.1.1",
    nombre: "Personas con discapacidad atendidas en centros especializados",
    unidad: "Personas",
    tendencia: "Constante",
    periodicidad: "Mensual",
    peso: 0.2,
    lb: 3000,
    mp: 3100,
    mv: 3100,
    prog: igual(3100, REPORTE.Mensual),
    ejec: desdeEnero([3050, 3080, 3100, 3110, 3095, 3100, 3120, 3105, 3100]),
    escritura: "numero",
    actividad: "los centros especializados atendieron personas con discapacidad con apoyos terapéuticos y pedagógicos",
  },
  {
    o: "O4",
    p: "P4.1",
    tipo: "Producto",
    codigo: "IP4.1.2",
    nombre: "Familias de personas con discapacidad con plan de apoyo familiar",
    unidad: "Familias",
    tendencia: "Suma",
    periodicidad: "Mensual",
    peso: 0.1,
    mp: 7200,
    mv: 1800,
    anterior: 1720,
    prog: igual(150, REPORTE.Mensual),
    ejec: desdeEnero([140, 152, 149, 151, 155, 148, 150, 147, 153]),
    escritura: "numero",
    actividad: "se formularon planes de apoyo familiar con las familias de las personas atendidas",
    acumuladoEnTexto: true,
  },
  {
    o: "O4",
    p: "P4.2",
    tipo: "Producto",
    codigo: "IP4.2.1",
    nombre: "Personas cuidadoras certificadas en competencias de cuidado",
    unidad: "Personas",
    tendencia: "Suma",
    periodicidad: "Mensual",
    peso: 0.2,
    mp: 9600,
    mv: 2400,
    anterior: 2250,
    prog: igual(200, REPORTE.Mensual),
    ejec: desdeEnero([190, 205, 198, 202, 200, 195, 204, 201, 199]),
    escritura: "numero",
    actividad: "personas cuidadoras terminaron la formación y obtuvieron la certificación en competencias de cuidado",
  },
  {
    o: "O4",
    p: "P4.3",
    tipo: "Producto",
    codigo: "IP4.3.1",
    nombre: "Ayudas técnicas entregadas a personas con discapacidad",
    unidad: "Ayudas técnicas",
    tendencia: "Suma",
    periodicidad: "Bimestral",
    peso: 0.15,
    mp: 12000,
    mv: 3000,
    anterior: 2900,
    prog: igual(500, REPORTE.Bimestral),
    ejec: enMeses({ 2: 480, 4: 510, 6: 500, 8: 495 }),
    escritura: "numero",
    actividad: "se entregaron sillas de ruedas, bastones, audífonos y otras ayudas técnicas con su capacitación de uso",
    gestion: "se valoraron las solicitudes de ayudas técnicas y se programaron las entregas",
  },
  {
    o: "O4",
    p: "P4.3",
    tipo: "Producto",
    codigo: "IP4.3.2",
    nombre: "Porcentaje de solicitudes de ayudas técnicas resueltas en el plazo",
    unidad: "Porcentaje",
    tendencia: "Constante",
    periodicidad: "Trimestral",
    peso: 0.15,
    lb: 0.85,
    mp: 0.9,
    mv: 0.9,
    prog: igual(0.9, REPORTE.Trimestral),
    ejec: enMeses({ 3: 0.88, 6: 0.91, 9: 0.9 }),
    escritura: "texto-coma",
    actividad: "se midió la oportunidad en la respuesta a las solicitudes de ayudas técnicas del trimestre",
    gestion: "se hizo seguimiento semanal a las solicitudes de ayudas técnicas pendientes",
  },
  // ── O5 ──────────────────────────────────────────────────────────────────────────────────
  {
    o: "O5",
    p: null,
    tipo: "Objetivo",
    codigo: "IO5.1",
    nombre: "Porcentaje de ciudadanos satisfechos con la atención recibida",
    unidad: "Porcentaje",
    tendencia: "Creciente",
    periodicidad: "Semestral",
    peso: null,
    lb: 0.82,
    mp: 0.9,
    mv: 0.86,
    prog: enMeses({ 6: 0.84, 12: 0.86 }),
    ejec: enMeses({ 6: 0.85 }),
    escritura: "porcentaje",
    actividad: "se aplicó la encuesta de satisfacción a la ciudadanía atendida en los puntos de atención",
    gestion: "se ajustó el cuestionario de la encuesta de satisfacción con la Veeduría Distrital",
  },
  {
    o: "O5",
    p: "P5.1",
    tipo: "Producto",
    codigo: "IP5.1.1",
    nombre: "Tiempo promedio de respuesta a peticiones ciudadanas",
    unidad: "Días hábiles",
    tendencia: "Decreciente",
    periodicidad: "Mensual",
    peso: null,
    lb: 15,
    mp: 8,
    mv: 10,
    prog: desdeEnero([14.5, 14, 13.5, 13, 12.5, 12, 11.5, 11, 10.5, 10, 10, 10]),
    ejec: desdeEnero([14.2, 13.8, 13.6, 12.9, 12.4, 11.9, 11.6, 11, 10.4]),
    escritura: "numero",
    actividad: "se redujo el tiempo de respuesta con el tablero de seguimiento semanal de peticiones por dependencia",
  },
  {
    o: "O5",
    p: "P5.1",
    tipo: "Producto",
    codigo: "IP5.1.2",
    nombre: "Peticiones ciudadanas respondidas",
    unidad: "Peticiones",
    tendencia: "Suma",
    periodicidad: "Mensual",
    peso: null,
    mp: 144000,
    mv: 36000,
    anterior: 34800,
    prog: igual(3000, REPORTE.Mensual),
    ejec: desdeEnero([2950, 3010, 3080, 2990, 3020, 3050, 2980, 3000, 3040]),
    escritura: "numero",
    actividad: "se respondieron las peticiones ciudadanas recibidas por los canales presencial, telefónico y virtual",
  },
  {
    o: "O5",
    p: "P5.1",
    tipo: "Producto",
    codigo: "IP5.1.3",
    nombre: "Porcentaje de peticiones respondidas dentro del término legal",
    unidad: "Porcentaje",
    tendencia: "Constante",
    periodicidad: "Mensual",
    peso: null,
    lb: 0.95,
    mp: 0.98,
    mv: 0.98,
    prog: igual(0.98, REPORTE.Mensual),
    ejec: desdeEnero([0.97, 0.98, 0.985, 0.99, 0.98, 0.975, 0.98, 0.99, 0.985]),
    escritura: "porcentaje",
    actividad: "se hizo seguimiento a los vencimientos de las peticiones con alertas a las dependencias responsables",
  },
  {
    o: "O5",
    p: "P5.2",
    tipo: "Producto",
    codigo: "IP5.2.1",
    nombre: "Servidores públicos formados en atención incluyente",
    unidad: "Servidores",
    tendencia: "Suma",
    periodicidad: "Anual",
    peso: null,
    mp: 6000,
    mv: 1500,
    anterior: 1420,
    prog: igual(1500, REPORTE.Anual),
    ejec: new Array(12).fill(null),
    escritura: "numero",
    actividad: "se certificaron los servidores públicos que terminaron el curso de atención incluyente",
    gestion: "se avanzó en la contratación y el diseño del curso virtual de atención incluyente",
  },
  {
    o: "O5",
    p: "P5.2",
    tipo: "Producto",
    codigo: "IP5.2.2",
    nombre: "Sedes con protocolo de atención incluyente implementado",
    unidad: "Sedes",
    tendencia: "Creciente",
    periodicidad: "Semestral",
    peso: null,
    lb: 20,
    mp: 60,
    mv: 40,
    prog: enMeses({ 6: 30, 12: 40 }),
    ejec: enMeses({ 6: 31 }),
    escritura: "numero",
    actividad: "se verificó la implementación del protocolo de atención incluyente en las sedes de la entidad",
    gestion: "se capacitó a los equipos de las sedes en el protocolo de atención incluyente",
  },
];

/**
 * Presupuesto por producto: apropiación vigente y la fracción comprometida al corte; los
 * compromisos y giros mensuales (enero a septiembre) se reparten con pesos fijos.
 */
const PRESUPUESTO = [
  {
    p: "P1.1",
    tipo: "Inversión",
    proyecto: "7745 Alimentación y nutrición para hogares en pobreza",
    apropiacion: 42500000000,
    comprometido: 0.82,
  },
  { p: "P1.1", tipo: "Funcionamiento", proyecto: null, apropiacion: 1200000000, comprometido: 0.74 },
  {
    p: "P1.2",
    tipo: "Inversión",
    proyecto: "7745 Alimentación y nutrición para hogares en pobreza",
    apropiacion: 61300000000,
    comprometido: 0.85,
  },
  {
    p: "P2.1",
    tipo: "Inversión",
    proyecto: "7744 Atención integral a la primera infancia",
    apropiacion: 128000000000,
    comprometido: 0.9,
  },
  { p: "P2.1", tipo: "Funcionamiento", proyecto: null, apropiacion: 3400000000, comprometido: 0.71 },
  {
    p: "P2.2",
    tipo: "Inversión",
    proyecto: "7744 Atención integral a la primera infancia",
    apropiacion: 9850000000,
    comprometido: 0.78,
  },
  // Sin esta fila cuando el problema «producto-sin-indicador» está activo (ver datosEjemplo).
  {
    p: "P2.3",
    tipo: "Inversión",
    proyecto: "7744 Atención integral a la primera infancia",
    apropiacion: 2300000000,
    comprometido: 0.72,
  },
  {
    p: "P3.1",
    tipo: "Inversión",
    proyecto: "7770 Envejecimiento digno y activo",
    apropiacion: 97200000000,
    comprometido: 0.76,
  },
  {
    p: "P3.2",
    tipo: "Inversión",
    proyecto: "7770 Envejecimiento digno y activo",
    apropiacion: 14600000000,
    comprometido: 0.84,
  },
  {
    p: "P4.1",
    tipo: "Inversión",
    proyecto: "7771 Inclusión de personas con discapacidad",
    apropiacion: 18500000000,
    comprometido: 0.88,
  },
  {
    p: "P4.2",
    tipo: "Inversión",
    proyecto: "7771 Inclusión de personas con discapacidad",
    apropiacion: 6200000000,
    comprometido: 0.88,
  },
  {
    p: "P4.3",
    tipo: "Inversión",
    proyecto: "7771 Inclusión de personas con discapacidad",
    apropiacion: 7300000000,
    comprometido: 0.7,
  },
  { p: "P5.1", tipo: "Funcionamiento", proyecto: null, apropiacion: 5600000000, comprometido: 0.79 },
  {
    p: "P5.1",
    tipo: "Inversión",
    proyecto: "7765 Fortalecimiento de la gestión institucional",
    apropiacion: 2100000000,
    comprometido: 0.8,
  },
  {
    p: "P5.2",
    tipo: "Inversión",
    proyecto: "7765 Fortalecimiento de la gestión institucional",
    apropiacion: 850000000,
    comprometido: 0.45,
  },
];

/** Reparto de los compromisos del año hasta el corte (enero concentra la contratación). */
const REPARTO_COMPROMISOS = [0.3, 0.14, 0.1, 0.09, 0.08, 0.08, 0.07, 0.07, 0.07];
/** Fracción girada de lo comprometido en cada mes. */
const FRACCION_GIROS = [0.35, 0.55, 0.65, 0.7, 0.72, 0.75, 0.78, 0.8, 0.82];

/** Metas territoriales: localidad (número o nombre, como la escribiría una persona) y meta. */
const TERRITORIAL = [
  {
    codigo: "IP1.1.1",
    localidades: [
      [19, 6000],
      ["Bosa", 5000],
      ["Kennedy", 4500],
      [5, 3500],
      ["San Cristóbal", 3000],
      ["Distrital", 2000],
    ],
  },
  {
    codigo: "IP2.2.1",
    localidades: [
      ["Ciudad Bolívar", 2400],
      ["Kennedy", 2200],
      ["Suba", 2000],
      [7, 1800],
      ["Usme", 1200],
    ],
  },
  {
    codigo: "IP3.1.1",
    localidades: [
      ["Ciudad Bolívar", 250000],
      ["Kennedy", 230000],
      ["Engativá", 200000],
      [11, 220000],
      ["Rafael Uribe Uribe", 180000],
    ],
  },
];

/**
 * Problemas deliberados. `donde` describe la celda en términos del libro; libro.js calcula la
 * dirección A1 según la disposición de columnas. `categoria` es la familia de PMR-SPEC §3.
 */
const PROBLEMAS = [
  {
    id: "ref-en-mes",
    categoria: "Estructura",
    hoja: "PMR",
    donde: { indicador: "IP1.2.2", campo: "programado", mes: 11 },
    descripcion: "La programación de noviembre del indicador IP1.2.2 es una fórmula que da #REF! (referencia rota).",
  },
  {
    id: "ponderaciones-90",
    categoria: "Cadena de valor",
    hoja: "PMR",
    donde: { indicador: "IP3.2.1", campo: "ponderacion", rango: "O3" },
    descripcion:
      "Las ponderaciones de los indicadores del objetivo O3 suman 90 %: IP3.2.1 pesa 5 % en lugar de 15 % (todos sus indicadores tienen programación al corte).",
  },
  {
    id: "producto-sin-indicador",
    categoria: "Cadena de valor",
    hoja: "PMR",
    // La celda señala la fila del producto (código producto); el dato equivocado es el tipo.
    donde: { indicador: "IP2.3.1", campo: "codigoProducto" },
    descripcion:
      "El producto P2.3 no tiene indicador de producto: su único indicador, IP2.3.1, está marcado como «Objetivo» en la columna Tipo de indicador de la misma fila. Con este problema, P2.3 no tiene fila de presupuesto (así no es además un producto con apropiación sin indicador).",
  },
  {
    id: "tendencia-sumatoria",
    categoria: "Metas",
    hoja: "PMR",
    donde: { indicador: "IP5.1.2", campo: "tendencia" },
    descripcion:
      "La tendencia de IP5.1.2 es «Sumatoria», que no está en el catálogo (Suma, Creciente, Constante, Decreciente). El objetivo O5 no usa ponderaciones, así que no se descuadra ninguna suma.",
  },
  {
    id: "ejecucion-fuera-de-periodo",
    categoria: "Seguimiento",
    hoja: "PMR",
    donde: { indicador: "IP3.2.2", campo: "ejecutado", mes: 8 },
    descripcion:
      "IP3.2.2 es trimestral (reporta en marzo, junio, septiembre y diciembre) y tiene una ejecución en agosto. Su programación es mensual, así que agosto sí tiene programación.",
  },
  {
    id: "cualitativo-largo",
    categoria: "Avance cualitativo",
    hoja: "PMR",
    donde: { indicador: "IP2.1.1", campo: "cualitativo", mes: 8 },
    descripcion: "El reporte cualitativo de agosto de IP2.1.1 tiene más de 250 caracteres.",
  },
  {
    id: "acumulado-cualitativo",
    categoria: "Avance cualitativo",
    hoja: "PMR",
    donde: { indicador: "IP1.1.1", campo: "cualitativo", mes: 9 },
    descripcion:
      "El reporte cualitativo de septiembre de IP1.1.1 declara un acumulado de 18.300 hogares; el acumulado calculado a septiembre es 18.030.",
  },
  {
    id: "compromisos-mayores-apropiacion",
    categoria: "Físico-financiero",
    hoja: "PMR_Presupuesto",
    donde: { producto: "P4.1", campo: "compromisos", mes: 9 },
    descripcion:
      "Los compromisos acumulados a septiembre del producto P4.1 (19.055 millones) superan su apropiación vigente (18.500 millones). Su avance físico es alto, así que el par sigue siendo coherente.",
  },
  {
    id: "fisico-financiero-incoherente",
    categoria: "Físico-financiero",
    hoja: "PMR",
    // La celda señala la fila del producto en el PMR (código producto); sus recursos están en PMR_Presupuesto.
    donde: { indicador: "IP4.2.1", campo: "codigoProducto" },
    descripcion:
      "El producto P4.2 tiene el 88 % de su apropiación comprometida (PMR_Presupuesto) pero un avance físico del 24,58 % (IP4.2.1 lleva 590 de 2.400 personas cuidadoras): financiero adelantado.",
  },
  {
    id: "localidad-desconocida",
    categoria: "Territorialización",
    hoja: "PMR_Territorial",
    donde: { indicador: "IP3.1.1", localidad: "Soacha" },
    descripcion:
      "Una fila territorial de IP3.1.1 tiene la localidad «Soacha», que no es una localidad de Bogotá. Su meta y su ejecución son 0, así que las sumas por localidad siguen cuadrando.",
  },
];

const IDS_PROBLEMAS = PROBLEMAS.map((p) => p.id);

function copiaProfunda(x) {
  return JSON.parse(JSON.stringify(x));
}

const FORMATO_MILES = new Intl.NumberFormat("es-CO", { maximumFractionDigits: 2, useGrouping: true });
/** 18030 → «18.030» (separador de miles también para cuatro cifras, como se escribe en los informes). */
function cifra(n) {
  const s = FORMATO_MILES.format(n);
  return /^\d{4}$/.test(s) ? `${s[0]}.${s.slice(1)}` : s;
}

function mayuscula(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function listaMeses(meses) {
  const nombres = meses.map((m) => MESES_LARGOS[m - 1]);
  return nombres.length === 1 ? nombres[0] : `${nombres.slice(0, -1).join(", ")} y ${nombres[nombres.length - 1]}`;
}

const CIERRES = [
  "de acuerdo con lo programado.",
  "con seguimiento de la supervisión del contrato.",
  "en coordinación con las subdirecciones locales.",
  "sin novedades que afecten la meta.",
  "y se reportó en el sistema de información misional.",
];

/** Acumulado SUMA hasta el mes m (para los textos que lo declaran). */
function acumuladoSuma(serie, m) {
  let s = 0;
  for (let i = 0; i < m; i++) if (typeof serie[i] === "number") s += serie[i];
  return s;
}

/** Textos cualitativos de enero al corte; sin cifras, salvo el acumulado declarado al corte. */
function textosCualitativos(ind) {
  const reporta = new Set(REPORTE[ind.periodicidad] ?? REPORTE.Mensual);
  const textos = new Array(12).fill(null);
  for (let m = 1; m <= CORTE; m++) {
    const mes = mayuscula(MESES_LARGOS[m - 1]);
    let t;
    if (reporta.has(m) && ind.ejec[m - 1] !== null) {
      t = `${mes}: ${ind.actividad} ${CIERRES[(m + ind.codigo.length) % CIERRES.length]}`;
    } else {
      t = `${mes}: ${ind.gestion ?? ind.actividad}. El indicador es de medición ${ind.periodicidad.toLowerCase()} y se reporta en ${listaMeses(REPORTE[ind.periodicidad])}.`;
    }
    if (m === CORTE && ind.acumuladoEnTexto) {
      t += ` Con corte a septiembre se registra un acumulado de ${cifra(acumuladoSuma(ind.ejec, CORTE))} ${ind.unidad.toLowerCase()}.`;
    }
    textos[m - 1] = t;
  }
  return textos;
}

const TEXTO_LARGO_AGOSTO =
  "Agosto: los jardines infantiles atendieron a niñas y niños con educación inicial, alimentación y seguimiento nutricional; además se realizaron jornadas de vacunación con la red de salud, encuentros con familias, talleres de lectura en voz alta y la dotación de material pedagógico en todas las unidades operativas.";

/**
 * Datos del ejemplo con los problemas pedidos: `problemas` true (todos, por defecto), false
 * (ninguno) o una lista de ids de PROBLEMAS.
 */
function datosEjemplo(opciones = {}) {
  const pedidos =
    opciones.problemas === undefined || opciones.problemas === true ? IDS_PROBLEMAS : opciones.problemas || [];
  for (const id of pedidos) if (!IDS_PROBLEMAS.includes(id)) throw new Error(`Problema desconocido: ${id}`);
  const hay = (id) => pedidos.includes(id);

  const indicadores = copiaProfunda(INDICADORES).map((ind) => {
    const obj = OBJETIVOS.find((o) => o.codigo === ind.o);
    return {
      ...ind,
      objetivo: obj.nombre,
      producto: ind.p ? PRODUCTOS[ind.p] : null,
      lb: ind.lb ?? null,
      anterior: ind.anterior ?? null,
      obs: ind.obs ?? null,
      acumuladoEnTexto: Boolean(ind.acumuladoEnTexto),
      formatoPeso: obj.formatoPeso,
      vigencia: VIGENCIA,
      // Celdas especiales (fórmulas) por campo.mes, p. ej. { "programado.11": {formula, result} }.
      especiales: {},
    };
  });
  const ind = (codigo) => indicadores.find((i) => i.codigo === codigo);

  if (hay("ponderaciones-90")) ind("IP3.2.1").peso = 0.05;
  if (hay("producto-sin-indicador")) ind("IP2.3.1").tipo = "Objetivo";
  if (hay("tendencia-sumatoria")) ind("IP5.1.2").tendencia = "Sumatoria";
  if (hay("ejecucion-fuera-de-periodo")) ind("IP3.2.2").ejec[7] = 0.96;
  if (hay("fisico-financiero-incoherente")) {
    const i = ind("IP4.2.1");
    i.ejec = desdeEnero([35, 48, 52, 60, 66, 72, 80, 85, 92]);
    i.actividad =
      "personas cuidadoras terminaron la formación; el operador de formación inició tarde por demoras en la contratación";
    i.obs = "El operador de la formación inició actividades en mayo; se ajustó el cronograma de cohortes.";
  }

  for (const i of indicadores) i.cualitativo = textosCualitativos(i);
  if (hay("cualitativo-largo")) ind("IP2.1.1").cualitativo[7] = TEXTO_LARGO_AGOSTO;
  if (hay("acumulado-cualitativo")) {
    const i = ind("IP1.1.1");
    i.cualitativo[CORTE - 1] = i.cualitativo[CORTE - 1].replace(cifra(acumuladoSuma(i.ejec, CORTE)), "18.300");
  }
  if (hay("ref-en-mes"))
    ind("IP1.2.2").especiales["programado.11"] = { formula: "#REF!*1", result: { error: "#REF!" } };

  // Con el producto P2.3 sin indicador de producto, su fila de presupuesto se quita: si no,
  // además sería un producto con apropiación y sin indicador (otro hallazgo).
  const filasPresupuesto = hay("producto-sin-indicador") ? PRESUPUESTO.filter((f) => f.p !== "P2.3") : PRESUPUESTO;
  const presupuesto = filasPresupuesto.map((fila) => {
    let comprometido = fila.comprometido;
    if (fila.p === "P4.1" && hay("compromisos-mayores-apropiacion")) comprometido = 19055000000 / fila.apropiacion;
    const total = Math.round((fila.apropiacion * comprometido) / 1e6) * 1e6;
    const compromisos = new Array(12).fill(null);
    const giros = new Array(12).fill(null);
    let acumulado = 0;
    for (let m = 0; m < CORTE; m++) {
      const valor = m === CORTE - 1 ? total - acumulado : Math.round((total * REPARTO_COMPROMISOS[m]) / 1e6) * 1e6;
      compromisos[m] = valor;
      giros[m] = Math.round((valor * FRACCION_GIROS[m]) / 1e6) * 1e6;
      acumulado += valor;
    }
    return {
      codigoProducto: fila.p,
      tipoRecurso: fila.tipo,
      proyecto: fila.proyecto,
      apropiacion: fila.apropiacion,
      compromisos,
      giros,
    };
  });

  const territorial = [];
  for (const t of TERRITORIAL) {
    const i = ind(t.codigo);
    const acum = acumuladoSuma(i.ejec, CORTE);
    // El ejecutado por localidad se reparte en proporción a la meta; la última fila cuadra el total.
    let repartido = 0;
    t.localidades.forEach(([localidad, meta], k) => {
      const ejecutado = k === t.localidades.length - 1 ? acum - repartido : Math.round((acum * meta) / i.mv);
      repartido += ejecutado;
      territorial.push({ codigoIndicador: t.codigo, localidad, metaVigencia: meta, ejecutado });
    });
    if (t.codigo === "IP3.1.1" && hay("localidad-desconocida")) {
      territorial.push({ codigoIndicador: t.codigo, localidad: "Soacha", metaVigencia: 0, ejecutado: 0 });
    }
  }

  return {
    entidad: ENTIDAD,
    vigencia: VIGENCIA,
    corte: CORTE,
    objetivos: OBJETIVOS.map((o) => ({ codigo: o.codigo, nombre: o.nombre })),
    productos: Object.entries(PRODUCTOS).map(([codigo, nombre]) => ({ codigo, nombre })),
    indicadores,
    presupuesto,
    territorial,
    problemas: PROBLEMAS.filter((p) => pedidos.includes(p.id)),
  };
}

module.exports = {
  ENTIDAD,
  VIGENCIA,
  CORTE,
  MESES_LARGOS,
  REPORTE,
  PROBLEMAS,
  IDS_PROBLEMAS,
  datosEjemplo,
  acumuladoSuma,
  cifra,
};
