import { segCierreSinObservaciones } from "../../src/rules/seguimiento/seg-cierre-sin-observaciones";
import { segEjecucionSinProgramacion } from "../../src/rules/seguimiento/seg-ejecucion-sin-programacion";
import { segMesFueraPeriodicidad } from "../../src/rules/seguimiento/seg-mes-fuera-periodicidad";
import { segSinReporte } from "../../src/rules/seguimiento/seg-sin-reporte";
import { segSobrecumplimientoSinJustificacion } from "../../src/rules/seguimiento/seg-sobrecumplimiento-sin-justificacion";
import { segTendenciaContraria } from "../../src/rules/seguimiento/seg-tendencia-contraria";
import { doce, enMeses, indicador, modelo, objetivoCompleto, serie } from "./fabrica";
import { probarRegla } from "./probador";

// Ejecutado: AB enero, AC febrero, AD marzo, AE abril… Observaciones: BA. Primera fila: 6.
// El corte es el último mes con ejecución, salvo que el caso lo fije.

const completo = () => modelo({ indicadores: objetivoCompleto("O1") });
const uno = (p: Parameters<typeof indicador>[0]) => modelo({ indicadores: [indicador({ codigo: "I1", ...p })] });

probarRegla(segEjecucionSinProgramacion, {
  validos: [
    { nombre: "ejecución dentro de lo programado", modelo: completo() },
    {
      nombre: "sin programación mensual pero con meta vigencia",
      modelo: uno({ metaVigencia: 100, ejecutado: serie(10, 20) }),
    },
    {
      nombre: "ceros sin programación",
      modelo: uno({ programado: enMeses({ 4: 10 }), metaVigencia: 10, ejecutado: serie(0, 0, 0, 10) }),
    },
    {
      nombre: "la ejecución sin programación está después del corte",
      modelo: uno({ programado: enMeses({ 6: 10 }), metaVigencia: 10, ejecutado: enMeses({ 1: 0, 5: 3 }) }),
      config: { corte: 2 },
    },
  ],
  invalidos: [
    {
      nombre: "la programación empieza en marzo y hay ejecución desde enero",
      modelo: uno({
        codigo: "I3",
        metaVigencia: 30,
        programado: enMeses({ 3: 10, 4: 10, 5: 10 }),
        ejecutado: serie(5, 5, 10),
      }),
      hallazgos: [
        {
          celda: "AB6",
          mensaje:
            "El indicador I3 reporta ejecución en enero y febrero sin tener nada programado hasta esos meses. Ajuste la programación mensual (P6:AA6)",
        },
      ],
    },
    {
      nombre: "sin meta vigencia ni programación",
      modelo: uno({ codigo: "I4", metaPlan: 100, ejecutado: serie(null, 7) }),
      hallazgos: [
        {
          celda: "AC6",
          mensaje: "El indicador I4 reporta ejecución en febrero pero no tiene meta vigencia ni programación mensual",
        },
      ],
    },
    {
      nombre: "meta vigencia cero",
      modelo: uno({ metaVigencia: 0, ejecutado: serie(1) }),
      hallazgos: [{ celda: "AB6", mensaje: "Escriba la meta vigencia (O6)" }],
    },
  ],
});

probarRegla(segSinReporte, {
  validos: [
    { nombre: "todo reportado al corte", modelo: completo() },
    {
      nombre: "Trimestral al corte de febrero: aún no le toca",
      modelo: uno({ periodicidad: "TRIMESTRAL", metaVigencia: 100 }),
      config: { corte: 2 },
    },
    {
      nombre: "Suma con programación mensual sin nada programado en el mes de corte",
      modelo: uno({ metaVigencia: 20, programado: serie(10, 10, 0), ejecutado: serie(10, 10) }),
      config: { corte: 3 },
    },
    { nombre: "sin programación en la vigencia", modelo: uno({ metaPlan: 100 }), config: { corte: 3 } },
  ],
  invalidos: [
    {
      nombre: "programado y sin ninguna ejecución",
      modelo: modelo({
        indicadores: [
          indicador({ codigo: "I1", metaVigencia: 120, ejecutado: serie(10, 10, 10) }),
          indicador({ codigo: "I2", metaVigencia: 120 }),
        ],
      }),
      hallazgos: [
        {
          celda: "AD7",
          mensaje:
            "El indicador I2 está programado hasta marzo y no tiene ninguna ejecución reportada: queda «Sin reporte» con avance 0 % al corte (marzo). Escriba en AD7 lo ejecutado en el mes (0 si no hubo avance).",
        },
      ],
    },
    {
      nombre: "reportó enero y febrero pero no marzo, que estaba programado",
      modelo: uno({ codigo: "I3", metaVigencia: 120, programado: doce(10), ejecutado: serie(10, 10) }),
      config: { corte: 3 },
      hallazgos: [
        {
          celda: "AD6",
          mensaje:
            "El indicador I3 no tiene ejecución reportada en marzo, mes que le corresponde reportar al corte (marzo)",
        },
      ],
    },
    {
      nombre: "Trimestral al corte de mayo: le tocaba marzo",
      modelo: uno({ periodicidad: "TRIMESTRAL", metaVigencia: 100 }),
      config: { corte: 5 },
      hallazgos: [{ celda: "AD6", mensaje: "está programado hasta marzo" }],
    },
    {
      nombre: "Creciente que no reportó su nivel del mes",
      modelo: uno({ tendencia: "CRECIENTE", lineaBase: 40, metaVigencia: 50, ejecutado: serie(41, 42) }),
      config: { corte: 3 },
      hallazgos: [{ celda: "AD6", mensaje: "Escriba en AD6 el valor del indicador a ese mes" }],
    },
  ],
});

probarRegla(segTendenciaContraria, {
  validos: [
    {
      nombre: "Creciente que no baja (con meses vacíos)",
      modelo: uno({ tendencia: "CRECIENTE", ejecutado: serie(40, null, 42, 42, 45) }),
    },
    { nombre: "Decreciente que baja", modelo: uno({ tendencia: "DECRECIENTE", ejecutado: serie(10, 9, 9, 7) }) },
    { nombre: "Suma: los meses pueden subir y bajar", modelo: uno({ ejecutado: serie(10, 3, 8) }) },
    {
      nombre: "la bajada está después del corte",
      modelo: uno({ tendencia: "CRECIENTE", ejecutado: serie(40, 45, 40) }),
      config: { corte: 2 },
    },
  ],
  invalidos: [
    {
      nombre: "Creciente que baja en marzo",
      modelo: uno({ codigo: "I3", tendencia: "CRECIENTE", ejecutado: serie(40, 45, 40) }),
      hallazgos: [
        {
          celda: "AD6",
          mensaje: "El indicador I3 es Creciente pero su ejecución baja en marzo: de 45,00 (febrero) a 40,00",
        },
      ],
    },
    {
      nombre: "Decreciente que sube, saltando un mes vacío",
      modelo: uno({ tendencia: "DECRECIENTE", ejecutado: serie(10, null, 12.5) }),
      hallazgos: [{ celda: "AD6", mensaje: "sube en marzo: de 10,00 (enero) a 12,50" }],
    },
    {
      nombre: "dos cambios de sentido",
      modelo: uno({ tendencia: "CRECIENTE", ejecutado: serie(5, 4, 6, 3) }),
      hallazgos: [
        { celda: "AC6", mensaje: "baja en febrero" },
        { celda: "AE6", mensaje: "baja en abril" },
      ],
    },
  ],
});

probarRegla(segMesFueraPeriodicidad, {
  validos: [
    {
      nombre: "Trimestral en marzo y junio",
      modelo: uno({ periodicidad: "TRIMESTRAL", ejecutado: enMeses({ 3: 10, 6: 12 }) }),
    },
    { nombre: "Mensual", modelo: completo() },
    {
      nombre: "Suma Trimestral con ceros en los demás meses",
      modelo: uno({ periodicidad: "TRIMESTRAL", ejecutado: serie(0, 0, 10) }),
    },
    {
      nombre: "periodicidad fuera del catálogo (otra regla)",
      modelo: uno({ periodicidad: null, periodicidadTexto: "Quincenal", ejecutado: serie(1, 2) }),
    },
  ],
  invalidos: [
    {
      nombre: "Trimestral con ejecución en febrero",
      modelo: uno({ codigo: "I3", periodicidad: "TRIMESTRAL", ejecutado: serie(null, 15, 10) }),
      hallazgos: [
        {
          celda: "AC6",
          mensaje:
            "El indicador I3 es Trimestral (reporta en marzo, junio, septiembre y diciembre) pero tiene ejecución en febrero (AC6): 15",
        },
      ],
    },
    {
      nombre: "Semestral de nivel con un cero en marzo",
      modelo: uno({ periodicidad: "SEMESTRAL", tendencia: "CRECIENTE", ejecutado: enMeses({ 3: 0, 6: 20 }) }),
      hallazgos: [{ celda: "AD6", mensaje: "es Semestral (reporta en junio y diciembre)" }],
    },
    {
      nombre: "Anual con valores en enero y febrero",
      modelo: uno({ periodicidad: "ANUAL", ejecutado: serie(1, 2) }),
      hallazgos: [
        { celda: "AB6", mensaje: "enero" },
        { celda: "AC6", mensaje: "febrero" },
      ],
    },
  ],
});

probarRegla(segSobrecumplimientoSinJustificacion, {
  validos: [
    { nombre: "avance de 120 %", modelo: uno({ metaVigencia: 100, ejecutado: serie(120) }) },
    {
      nombre: "140 % justificado",
      modelo: uno({
        metaVigencia: 100,
        ejecutado: serie(140),
        observaciones: "Llegó población adicional por la emergencia.",
      }),
    },
    {
      nombre: "140 % con umbral de 150 %",
      modelo: uno({ metaVigencia: 100, ejecutado: serie(140) }),
      config: { umbralSobrecumplimiento: 1.5 },
    },
    { nombre: "exactamente 125 %", modelo: uno({ metaVigencia: 100, ejecutado: serie(125) }) },
  ],
  invalidos: [
    {
      nombre: "140 % sin observaciones",
      modelo: uno({ codigo: "I3", metaVigencia: 100, ejecutado: serie(100, 40) }),
      hallazgos: [
        {
          celda: "BA6",
          mensaje:
            "El indicador I3 tiene un avance de 140,00\u00a0% al corte (febrero), por encima del umbral de sobrecumplimiento (125,00\u00a0%), y no tiene justificación",
        },
      ],
    },
    {
      nombre: "umbral de 110 % y observaciones «-»",
      modelo: uno({ metaVigencia: 100, ejecutado: serie(120), observaciones: "-" }),
      config: { umbralSobrecumplimiento: 1.1 },
      hallazgos: [
        {
          celda: "BA6",
          mensaje:
            "avance de 120,00\u00a0% al corte (enero), por encima del umbral de sobrecumplimiento (110,00\u00a0%)",
        },
      ],
    },
  ],
});

probarRegla(segCierreSinObservaciones, {
  validos: [
    { nombre: "cumplida al cierre", modelo: uno({ metaVigencia: 100, ejecutado: doce(10) }), config: { corte: 12 } },
    {
      nombre: "82 % con observaciones",
      modelo: uno({ metaVigencia: 100, ejecutado: serie(82), observaciones: "Se suspendió la obra por lluvias." }),
      config: { corte: 12 },
    },
    {
      nombre: "corte de junio al 50 %",
      modelo: uno({ metaVigencia: 100, ejecutado: serie(50) }),
      config: { corte: 6 },
    },
  ],
  invalidos: [
    {
      nombre: "82 % al cierre sin observaciones",
      modelo: uno({ codigo: "I3", metaVigencia: 100, ejecutado: serie(40, 42) }),
      config: { corte: 12 },
      hallazgos: [
        {
          celda: "BA6",
          mensaje:
            "El año está cerrado (corte de diciembre) y el indicador I3 terminó con un avance de 82,00\u00a0% (No cumplida) sin observaciones",
        },
      ],
    },
    {
      nombre: "programado y sin ejecución al cierre",
      modelo: uno({ metaVigencia: 100 }),
      config: { corte: 12 },
      hallazgos: [{ celda: "BA6", mensaje: "avance de 0,00\u00a0%" }],
    },
  ],
});
