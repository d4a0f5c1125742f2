/** Descripción de muestra para las pruebas de los dos anfitriones: dos hojas, tablas, validaciones y gráficos. */
import { formula, FORMATOS_EXCEL, hoja, libro, type DescripcionLibro } from "../../../src/workbook/escritura";

export const MENSAJE_PELIGROSO = '=HYPERLINK("http://ejemplo.invalid","clic")';

export function descripcionMuestra(filasExtra = 0): DescripcionLibro {
  const objetivos: (string | number)[][] = [
    ["O1", "Reducir la inseguridad alimentaria", 0.9717, "Verde"],
    ["O2", "Garantizar la atención integral", 1.0021, "Verde"],
    ["O3", "Fortalecer la participación", 0.48, "Rojo"],
  ];
  for (let i = 0; i < filasExtra; i++) objetivos.push([`X${i}`, `Objetivo ${i}`, i / 1000, "Verde"]);
  const ultima = 3 + objetivos.length;
  const informe = hoja("Informe PMR", "informe-anual")
    .titulo("A1:D1", "Informe anual PMR 2025")
    .celdas("A3", [["Código", "Objetivo", "Cumplimiento", "Semáforo"], ...objetivos])
    .celdas(`A${ultima + 1}`, [["Promedio", null, formula(`=AVERAGE(C4:C${ultima})`), null]])
    .celdas(`A${ultima + 3}`, [
      ["Hallazgo", MENSAJE_PELIGROSO],
      ["Otro", "-5 indicadores"],
      ["Y otro", "@analista"],
      ["Más", "+57 300"],
    ])
    .formato(`C4:C${ultima + 1}`, FORMATOS_EXCEL.porcentaje)
    .estilo("A3:D3", "encabezado")
    .estilo("D6", "semaforoRojo")
    .ancho("A", 10)
    .ancho("B:B", 45)
    .inmovilizar(3)
    .tabla({ nombre: "PMR_Objetivos", rango: `A3:D${ultima}` })
    .grafico({
      nombre: "Cumplimiento por objetivo",
      tipo: "barrasAgrupadas",
      titulo: "Cumplimiento por objetivo",
      tituloEjeCategorias: "Objetivo",
      tituloEjeValores: "Cumplimiento",
      posicion: "F3:M18",
      series: [
        {
          nombre: "Cumplimiento",
          categorias: "A4:A6",
          valores: "C4:C6",
          color: "#4472C4",
          coloresPuntos: ["#00B050", "#00B050", "#FF0000"],
        },
      ],
    })
    .grafico({
      nombre: "Tendencia",
      tipo: "lineas",
      titulo: "Tendencia",
      posicion: "F20:M34",
      series: [
        { nombre: "Cumplimiento", categorias: "A4:A6", valores: "C4:C6", color: "#70AD47" },
        { nombre: "Meta", categorias: "A4:A6", valores: "C4:C6" },
      ],
    });
  const plantilla = hoja("Plantilla", "plantilla")
    .celdas("A1", [
      ["Código indicador", "Tendencia", "Meta vigencia"],
      [null, null, null],
      [null, null, null],
    ])
    .celdas("E1", [["Tendencias"], ["Suma"], ["Creciente"], ["Constante"], ["Decreciente"]])
    .formato("C2:C3", FORMATOS_EXCEL.numero)
    .estilo("A1:C1", "encabezado")
    .ancho("A:C", 18)
    .inmovilizar(1, 1)
    .tabla({ nombre: "PMR_Plantilla", rango: "A1:C3", estilo: "TableStyleLight9" })
    .validacion({
      rango: "B2:B3",
      regla: { tipo: "lista", valores: ["Suma", "Creciente", "Constante", "Decreciente"] },
      mensajeEntrada: { titulo: "Tendencia", mensaje: "Elija la tendencia del indicador." },
      alertaError: {
        estilo: "detener",
        titulo: "Tendencia no válida",
        mensaje: "Use Suma, Creciente, Constante o Decreciente.",
      },
    })
    .validacion({
      rango: "C2:C3",
      regla: { tipo: "decimal", operador: "mayorOIgual", valor: 0 },
      mensajeEntrada: { titulo: "Meta vigencia", mensaje: "Un número desde 0." },
      alertaError: { estilo: "advertencia", titulo: "Meta no válida", mensaje: "La meta debe ser un número desde 0." },
    })
    .validacion({ rango: "A2:A3", regla: { tipo: "listaRango", rango: "E2:E5" } })
    // Lista que toma sus valores de otra hoja de la descripción.
    .validacion({ rango: "E7", regla: { tipo: "listaRango", hoja: "Informe PMR", rango: "A4:A6" } });
  return libro(informe, plantilla);
}
