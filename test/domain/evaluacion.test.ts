import { crearConfiguracion, evaluar, type Indicador, type ModeloPmr } from "../../src/domain";

const doce = <T>(v: T | null = null): (T | null)[] => new Array(12).fill(v);

function indicador(p: Partial<Indicador> & { codigo: string }): Indicador {
  return {
    fila: 6,
    codigoObjetivo: "O1",
    objetivo: "Objetivo uno",
    codigoProducto: null,
    producto: null,
    tipo: null,
    tipoTexto: null,
    nombre: `Indicador ${p.codigo}`,
    unidad: "Número",
    tendencia: "SUMA",
    tendenciaTexto: "Suma",
    periodicidad: "MENSUAL",
    periodicidadTexto: "Mensual",
    ponderacion: null,
    lineaBase: null,
    metaPlan: null,
    vigencia: 2025,
    metaVigencia: null,
    ejecutadoAnterior: null,
    programado: doce<number>(),
    ejecutado: doce<number>(),
    cualitativo: doce<string>(),
    cualitativoActual: null,
    observaciones: null,
    ...p,
  };
}

function modelo(indicadores: Indicador[], presupuesto: ModeloPmr["presupuesto"] = null): ModeloPmr {
  return {
    pmr: {
      nombre: "PMR",
      filaEncabezado: 5,
      columnas: {
        campos: { codigo: 5 },
        programado: doce<number>(),
        ejecutado: doce<number>(),
        cualitativo: doce<number>(),
      },
      indicadores,
    },
    presupuesto,
    territorial: null,
    lectura: [],
  };
}

const ejec = (...v: (number | null)[]) => [...v, ...doce<number>()].slice(0, 12);

describe("evaluar", () => {
  const config = crearConfiguracion();
  const ind = [
    indicador({ codigo: "I1", ponderacion: 0.6, metaVigencia: 100, ejecutado: ejec(30, 30, 35) }),
    indicador({ codigo: "I2", ponderacion: 0.4, metaVigencia: 10, tendencia: "CRECIENTE", ejecutado: ejec(5, 8, 11) }),
    indicador({ codigo: "I3", ponderacion: 0.2, metaVigencia: null }),
    indicador({
      codigo: "P1-1",
      codigoProducto: "P1",
      producto: "Producto uno",
      ponderacion: null,
      metaVigencia: 40,
      ejecutado: ejec(10, 10),
    }),
    indicador({
      codigo: "VIEJO",
      vigencia: 2024,
      metaVigencia: 5,
      ejecutado: ejec(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1),
    }),
  ];

  it("toma la vigencia más reciente y omite las filas de otras vigencias", () => {
    const ev = evaluar(modelo(ind), config);
    expect(ev.vigencia).toBe(2025);
    expect(ev.omitidos.map((i) => i.codigo)).toEqual(["VIEJO"]);
    expect(ev.indicadores).toHaveLength(4);
  });

  it("corte automático: último mes con ejecución de la vigencia (no la fila omitida)", () => {
    expect(evaluar(modelo(ind), config).corte).toBe(3);
  });

  it("calcula avances y el cumplimiento re-normalizado del objetivo", () => {
    const ev = evaluar(modelo(ind), config);
    const [i1, i2, i3, p11] = ev.indicadores;
    expect(i1.programado).toBe(100);
    expect(i1.ejecutado).toBe(95);
    expect(i1.avance).toBeCloseTo(0.95, 12);
    expect(i2.ejecutado).toBe(11);
    expect(i2.avance).toBeCloseTo(1.1, 12);
    expect(i3.avance).toBeNull();
    expect(i3.estado).toBe("Sin programación");
    expect(p11.avance).toBeCloseTo(0.5, 12);
    // P1-1 no tiene ponderación: pesa 0 porque los demás sí la llevan.
    const o1 = ev.objetivoPorCodigo.get("O1")!;
    expect(o1.cumplimiento).toBeCloseTo(1.01, 12);
    expect(o1.semaforo).toBe("Verde");
    expect(o1.productos).toEqual(["P1"]);
  });

  it("respeta el corte y la vigencia pedidos", () => {
    const ev = evaluar(modelo(ind), crearConfiguracion({ corte: 1, vigencia: 2024 }));
    expect(ev.indicadores.map((i) => i.indicador.codigo)).toEqual(["VIEJO"]);
    expect(ev.indicadores[0].ejecutado).toBe(1);
  });

  it("productos: avance físico, financiero y coherencia con el presupuesto", () => {
    const presupuesto: ModeloPmr["presupuesto"] = {
      nombre: "PMR_Presupuesto",
      filaEncabezado: 1,
      columnas: { campos: {}, compromisos: doce<number>(), giros: doce<number>() },
      filas: [
        {
          fila: 2,
          codigoProducto: "p1",
          tipoRecurso: "INVERSION",
          tipoRecursoTexto: "Inversión",
          proyecto: "7890",
          apropiacion: 1000,
          compromisos: ejec(400, 400, 100),
          compromisosAcumulados: null,
          giros: ejec(100),
          girosAcumulados: null,
        },
        {
          fila: 3,
          codigoProducto: "P1",
          tipoRecurso: "FUNCIONAMIENTO",
          tipoRecursoTexto: "Funcionamiento",
          proyecto: null,
          apropiacion: 1000,
          compromisos: doce<number>(),
          compromisosAcumulados: 200,
          giros: doce<number>(),
          girosAcumulados: 100,
        },
      ],
    };
    const ev = evaluar(modelo(ind, presupuesto), config);
    const p1 = ev.productoPorCodigo.get("P1")!;
    expect(p1.indicadores.map((i) => i.indicador.codigo)).toEqual(["P1-1"]);
    expect(p1.avanceFisico).toBeCloseTo(0.5, 12);
    expect(p1.apropiacion).toBe(2000);
    expect(p1.compromisos).toBe(1100);
    expect(p1.avanceFinanciero).toBeCloseTo(0.55, 12);
    expect(p1.avanceGiros).toBeCloseTo(0.1, 12);
    expect(p1.coherencia).toBe("Coherente");
  });

  it("sin hoja PMR no falla", () => {
    const ev = evaluar({ pmr: null, presupuesto: null, territorial: null, lectura: [] }, config);
    expect(ev.indicadores).toEqual([]);
    expect(ev.corte).toBe(1);
    expect(ev.vigencia).toBeNull();
  });
});
