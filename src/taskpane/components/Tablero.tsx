/**
 * Tablero: cada objetivo con su cumplimiento (barra y semáforo con icono y texto) y la cuenta de
 * sus hallazgos; al desplegarlo, sus indicadores (programado, ejecutado, avance, estado y el
 * gráfico por mes) y sus productos (avance físico frente a financiero y coherencia). Un indicador
 * o producto con un hallazgo de error se muestra «Dato con errores», no como un verde limpio; cada
 * cuenta de hallazgos abre la lista filtrada. Cifras de la evaluación, sin recalcular nada.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Button,
  Caption1,
  Subtitle2,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useMemo } from "react";
import type { IndicadorEvaluado, ObjetivoEvaluado, ProductoEvaluado } from "../../domain/evaluacion";
import { textoTendencia } from "../../domain/formato";
import { TINTAS } from "../colores";
import { almacenPanel, FILTROS_INICIALES } from "../estado";
import {
  COLOR_SEMAFORO,
  bloqueoDe,
  colorCoherencia,
  estadoMostrado,
  formatearPorcentaje,
  formatearValorIndicador,
  productosPorObjetivo,
  textoCuentaHallazgos,
} from "../logica";
import { MENSAJES } from "../mensajes";
import { useEstadoPanel } from "../usarEstado";
import { indiceDe, nombreAmbito, totalConteo, type Ambito, type IndiceHallazgos } from "../vinculos";
import { Barra, Etiqueta } from "./comunes";
import { FisicoFinanciero, GraficoMensual } from "./Graficos";

const useStyles = makeStyles({
  seccion: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
  },
  subtitulo: {
    margin: 0,
  },
  item: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingBottom: tokens.spacingVerticalS,
  },
  cabecera: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    textAlign: "start",
  },
  codigo: {
    fontWeight: tokens.fontWeightSemibold,
  },
  medidor: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    paddingInlineStart: "36px",
    paddingInlineEnd: tokens.spacingHorizontalXS,
  },
  barra: {
    flexGrow: 1,
    flexBasis: "120px",
    minWidth: 0,
  },
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalS,
    // El panel del acordeón de Fluent deja 12 px a cada lado; en un panel angosto sobra.
    marginInline: `calc(-1 * ${tokens.spacingHorizontalS})`,
  },
  subtituloLista: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
    margin: 0,
  },
  lista: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  tarjeta: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  conErrores: {
    borderLeftWidth: "4px",
    borderLeftColor: TINTAS.danger.borde,
  },
  fila: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
  },
  nombre: {
    overflowWrap: "anywhere",
  },
  detalle: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  explicacion: {
    margin: 0,
    fontSize: tokens.fontSizeBase200,
    color: TINTAS.danger.texto,
  },
  cifras: {
    display: "grid",
    gridTemplateColumns: "repeat(3, minmax(0, 1fr))",
    columnGap: tokens.spacingHorizontalS,
    margin: 0,
    "& div": { minWidth: 0 },
    "& dt": {
      fontSize: tokens.fontSizeBase100,
      lineHeight: tokens.lineHeightBase100,
      color: tokens.colorNeutralForeground3,
      whiteSpace: "nowrap",
      hyphens: "manual",
    },
    "& dd": {
      margin: 0,
      fontVariantNumeric: "tabular-nums",
      fontWeight: tokens.fontWeightSemibold,
      overflowWrap: "anywhere",
    },
  },
  acciones: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
  },
  boton: {
    minWidth: 0,
    fontWeight: tokens.fontWeightRegular,
  },
  partible: {
    whiteSpace: "normal",
  },
});

/** La cuenta de hallazgos de un objetivo, producto o indicador: abre la lista filtrada. */
function BotonHallazgos({ ambito, indice }: { ambito: Ambito; indice: IndiceHallazgos }) {
  const s = useStyles();
  const cuenta = indice.cuenta(ambito);
  const total = totalConteo(cuenta);
  if (total === 0) return null;
  return (
    <Button
      size="small"
      appearance="subtle"
      className={s.boton}
      aria-label={MENSAJES.verHallazgosDe(nombreAmbito(ambito), total)}
      data-testid="cuenta-hallazgos"
      onClick={() =>
        almacenPanel().actualizar({
          pestana: "hallazgos",
          abierto: null,
          filtros: { ...FILTROS_INICIALES, ambito },
        })
      }
    >
      <Etiqueta color={cuenta.error > 0 ? "danger" : cuenta.advertencia > 0 ? "warning" : "informative"}>
        {textoCuentaHallazgos(cuenta)}
      </Etiqueta>
    </Button>
  );
}

function TarjetaIndicador(props: { i: IndicadorEvaluado; corte: number; indice: IndiceHallazgos; abierto: boolean }) {
  const s = useStyles();
  const { i, indice } = props;
  const ind = i.indicador;
  const ambito: Ambito = { tipo: "indicador", fila: ind.fila, codigo: ind.codigo };
  const conErrores = indice.cuenta(ambito).error > 0;
  const estado = estadoMostrado(i);
  const codigo = ind.codigo ?? MENSAJES.noAplica;
  const alternar = () =>
    almacenPanel().actualizar((e) => ({
      tablero: { ...e.tablero, indicador: e.tablero.indicador === ind.fila ? null : ind.fila },
    }));
  return (
    <li className={mergeClasses(s.tarjeta, conErrores && s.conErrores)} data-testid="indicador" data-codigo={codigo}>
      <div className={s.fila}>
        <span className={s.codigo}>{codigo}</span>
        {conErrores ? (
          <Etiqueta color="danger">{MENSAJES.datoConErrores}</Etiqueta>
        ) : (
          <Etiqueta color={estado.color} className={s.partible}>
            {estado.texto}
          </Etiqueta>
        )}
      </div>
      <span className={s.nombre}>{ind.nombre ?? MENSAJES.sinNombre}</span>
      <span className={s.detalle}>
        {MENSAJES.detalleIndicador(textoTendencia(ind) ?? MENSAJES.noAplica, formatearPorcentaje(ind.ponderacion))}
      </span>
      <dl className={s.cifras}>
        <div>
          <dt>{MENSAJES.colProgramado}</dt>
          <dd>{formatearValorIndicador(i.programado, i.indicador)}</dd>
        </div>
        <div>
          <dt>{MENSAJES.colEjecutado}</dt>
          <dd>{formatearValorIndicador(i.ejecutado, i.indicador)}</dd>
        </div>
        <div>
          <dt>{MENSAJES.colAvance}</dt>
          <dd>{formatearPorcentaje(i.avance)}</dd>
        </div>
      </dl>
      {estado.explicacion && <p className={s.explicacion}>{estado.explicacion}</p>}
      {conErrores && <span className={s.detalle}>{MENSAJES.estadoCalculado(estado.texto)}</span>}
      <div className={s.acciones}>
        <Button size="small" appearance="subtle" className={s.boton} aria-expanded={props.abierto} onClick={alternar}>
          {props.abierto ? MENSAJES.ocultarPorMes : MENSAJES.verPorMes}
        </Button>
        <BotonHallazgos ambito={ambito} indice={indice} />
      </div>
      {props.abierto && (
        <GraficoMensual codigo={codigo} programado={ind.programado} ejecutado={ind.ejecutado} corte={props.corte} />
      )}
    </li>
  );
}

function TarjetaProducto({ p, indice }: { p: ProductoEvaluado; indice: IndiceHallazgos }) {
  const s = useStyles();
  const ambito: Ambito = { tipo: "producto", codigo: p.codigo };
  const conErrores = indice.cuenta(ambito).error > 0;
  return (
    <li className={mergeClasses(s.tarjeta, conErrores && s.conErrores)} data-testid="producto" data-codigo={p.codigo}>
      <div className={s.fila}>
        <span className={s.codigo}>{p.codigo}</span>
        {conErrores ? (
          <Etiqueta color="danger">{MENSAJES.datoConErrores}</Etiqueta>
        ) : (
          p.coherencia && (
            <Etiqueta color={colorCoherencia(p.coherencia)} className={s.partible}>
              {p.coherencia}
            </Etiqueta>
          )
        )}
      </div>
      <span className={s.nombre}>{p.nombre ?? MENSAJES.sinNombre}</span>
      <FisicoFinanciero
        codigo={p.codigo}
        fisico={p.avanceFisico}
        financiero={p.avanceFinanciero}
        sinPresupuesto={p.filasPresupuesto.length === 0}
      />
      {conErrores && p.coherencia && <span className={s.detalle}>{MENSAJES.coherenciaCalculada(p.coherencia)}</span>}
      <div className={s.acciones}>
        <BotonHallazgos ambito={ambito} indice={indice} />
      </div>
    </li>
  );
}

function ListaProductos({ productos, indice }: { productos: readonly ProductoEvaluado[]; indice: IndiceHallazgos }) {
  const s = useStyles();
  if (productos.length === 0) return <Caption1 as="p">{MENSAJES.sinProductos}</Caption1>;
  return (
    <ul className={s.lista}>
      {productos.map((p) => (
        <TarjetaProducto key={p.codigo} p={p} indice={indice} />
      ))}
    </ul>
  );
}

function PanelObjetivo(props: {
  o: ObjetivoEvaluado;
  productos: readonly ProductoEvaluado[];
  corte: number;
  indice: IndiceHallazgos;
  indicadorAbierto: number | null;
}) {
  const s = useStyles();
  const { o, indice } = props;
  return (
    <div className={s.panel}>
      <p className={s.subtituloLista} id={`ind-${o.codigo}`}>
        {MENSAJES.indicadores}
      </p>
      <ul className={s.lista} aria-labelledby={`ind-${o.codigo}`}>
        {o.indicadores.map((i, k) => (
          <TarjetaIndicador
            key={`${i.indicador.fila}-${k}`}
            i={i}
            corte={props.corte}
            indice={indice}
            abierto={props.indicadorAbierto === i.indicador.fila}
          />
        ))}
      </ul>
      <p className={s.subtituloLista}>{MENSAJES.productos}</p>
      <ListaProductos productos={props.productos} indice={indice} />
    </div>
  );
}

export function Tablero() {
  const s = useStyles();
  const { informe, tablero } = useEstadoPanel();
  const ev = informe?.evaluacion;
  const productos = useMemo(() => (ev ? productosPorObjetivo(ev) : null), [ev]);
  const indice = useMemo(() => (informe ? indiceDe(informe) : null), [informe]);
  const bloqueo = useMemo(() => (informe ? bloqueoDe(informe) : null), [informe]);

  if (!ev || !productos || !indice) {
    return (
      <section className={s.seccion} aria-label={MENSAJES.pestanaTablero}>
        <Body1 as="p">{MENSAJES.tableroSinValidar}</Body1>
      </section>
    );
  }
  if (bloqueo) {
    return (
      <section className={s.seccion} aria-label={MENSAJES.pestanaTablero}>
        <Body1 as="p">{MENSAJES.tableroBloqueado}</Body1>
        <div>
          <Button onClick={() => almacenPanel().actualizar({ pestana: "resumen" })}>{MENSAJES.verQueFalta}</Button>
        </div>
      </section>
    );
  }

  return (
    <section className={s.seccion} aria-label={MENSAJES.pestanaTablero}>
      <Subtitle2 as="h2" className={s.subtitulo}>
        {MENSAJES.objetivos}
      </Subtitle2>
      {ev.objetivos.length === 0 && <Body1 as="p">{MENSAJES.tableroVacio}</Body1>}
      <Accordion
        multiple
        collapsible
        openItems={[...tablero.objetivos]}
        onToggle={(_, d) =>
          almacenPanel().actualizar((e) => ({
            tablero: { ...e.tablero, objetivos: (d.openItems as string[]).map(String) },
          }))
        }
      >
        {ev.objetivos.map((o) => (
          <AccordionItem key={o.codigo} value={o.codigo} className={s.item} data-testid="objetivo">
            <AccordionHeader as="h3" size="small">
              <span className={s.cabecera}>
                <span className={s.codigo}>{o.codigo}</span>
                <span>{o.nombre ?? MENSAJES.sinNombre}</span>
              </span>
            </AccordionHeader>
            <div className={s.medidor}>
              <div className={s.barra}>
                <Barra valor={o.cumplimiento} color={o.semaforo} etiqueta={MENSAJES.cumplimientoDe(o.codigo)} />
              </div>
              {o.semaforo && <Etiqueta color={COLOR_SEMAFORO[o.semaforo]}>{o.semaforo}</Etiqueta>}
              <BotonHallazgos ambito={{ tipo: "objetivo", codigo: o.codigo }} indice={indice} />
            </div>
            <AccordionPanel>
              {tablero.objetivos.includes(o.codigo) && (
                <PanelObjetivo
                  o={o}
                  productos={productos.porObjetivo.get(o.codigo) ?? []}
                  corte={ev.corte}
                  indice={indice}
                  indicadorAbierto={tablero.indicador}
                />
              )}
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
      {productos.sinObjetivo.length > 0 && (
        <>
          <Subtitle2 as="h2" className={s.subtitulo}>
            {MENSAJES.productosSinObjetivo}
          </Subtitle2>
          <ListaProductos productos={productos.sinObjetivo} indice={indice} />
        </>
      )}
    </section>
  );
}
