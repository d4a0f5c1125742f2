import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Caption1,
  Subtitle2,
  createFocusOutlineStyle,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useMemo } from "react";
import type { IndicadorEvaluado, ObjetivoEvaluado, ProductoEvaluado } from "../../domain/evaluacion";
import {
  COLOR_SEMAFORO,
  colorCoherencia,
  colorEstado,
  formatearValorIndicador,
  formatearPorcentaje,
  productosPorObjetivo,
} from "../logica";
import { MENSAJES, TEXTO_TENDENCIA } from "../mensajes";
import { useEstadoPanel } from "../usarEstado";
import { Barra, Etiqueta, RELLENO_SEMAFORO } from "./comunes";

const useStyles = makeStyles({
  seccion: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
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
    gap: tokens.spacingHorizontalS,
    paddingInlineStart: "36px",
    paddingInlineEnd: tokens.spacingHorizontalXS,
  },
  barra: {
    flexGrow: 1,
    minWidth: 0,
  },
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalS,
  },
  desplazable: {
    overflowX: "auto",
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ...createFocusOutlineStyle(),
  },
  // Tabla HTML nativa con el aspecto de la Table «extra-small» de Fluent (sin su código).
  tabla: {
    width: "100%",
    minWidth: "240px",
    borderCollapse: "collapse",
    tableLayout: "auto",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground1,
    "& th, & td": {
      paddingTop: tokens.spacingVerticalXS,
      paddingBottom: tokens.spacingVerticalXS,
      paddingInline: tokens.spacingHorizontalSNudge,
    },
    "& th": {
      verticalAlign: "bottom",
      fontWeight: tokens.fontWeightSemibold,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    },
    "& td": { verticalAlign: "top" },
    "& tbody tr": { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
    "& tbody tr:last-child": { borderBottom: "none" },
  },
  colPrincipal: {
    width: "48%",
    textAlign: "start",
    overflowWrap: "break-word",
  },
  // Una etiqueta larga («Financiero adelantado») se parte en dos líneas si no cabe.
  partible: {
    whiteSpace: "normal",
  },
  num: {
    textAlign: "end",
    fontVariantNumeric: "tabular-nums",
  },
  apilado: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: "2px",
  },
  detalle: {
    color: tokens.colorNeutralForeground3,
  },
  cifra: {
    fontWeight: tokens.fontWeightSemibold,
  },
  subtituloTabla: {
    fontWeight: tokens.fontWeightSemibold,
    margin: 0,
  },
});

/**
 * Tabla compacta de los indicadores de un objetivo (cifras de la evaluación, sin recalcular). A
 * ancho de panel (320 px): código, nombre, tendencia, ponderación y estado apilados en la
 * primera columna; programado, ejecutado y avance en las otras tres. Si las cifras no caben, la
 * tabla se desplaza dentro de su región (role="region", enfocable con el teclado).
 */
function TablaIndicadores({ objetivo }: { objetivo: ObjetivoEvaluado }) {
  const s = useStyles();
  const etiqueta = MENSAJES.indicadoresDe(objetivo.codigo);
  return (
    <div className={s.desplazable} role="region" aria-label={etiqueta} tabIndex={0}>
      <table className={s.tabla} aria-label={etiqueta}>
        <thead>
          <tr>
            <th scope="col" className={s.colPrincipal}>
              {MENSAJES.colIndicador}
            </th>
            <th scope="col" className={s.num}>
              {MENSAJES.colProgramado}
            </th>
            <th scope="col" className={s.num}>
              {MENSAJES.colEjecutado}
            </th>
            <th scope="col" className={s.num}>
              {MENSAJES.colAvance}
            </th>
          </tr>
        </thead>
        <tbody>
          {objetivo.indicadores.map((i: IndicadorEvaluado, k) => (
            <tr key={`${i.indicador.fila}-${k}`}>
              <td className={s.colPrincipal}>
                <span className={s.apilado}>
                  <span className={s.codigo}>{i.indicador.codigo ?? MENSAJES.noAplica}</span>
                  <span>{i.indicador.nombre ?? MENSAJES.sinNombre}</span>
                  <span className={s.detalle}>
                    {MENSAJES.detalleIndicador(
                      i.indicador.tendencia
                        ? TEXTO_TENDENCIA[i.indicador.tendencia]
                        : (i.indicador.tendenciaTexto ?? MENSAJES.noAplica),
                      formatearPorcentaje(i.indicador.ponderacion),
                    )}
                  </span>
                  <Etiqueta color={colorEstado(i.estado)} className={s.partible}>
                    {i.estado}
                  </Etiqueta>
                </span>
              </td>
              <td className={s.num}>{formatearValorIndicador(i.programado, i.indicador)}</td>
              <td className={s.num}>{formatearValorIndicador(i.ejecutado, i.indicador)}</td>
              <td className={mergeClasses(s.num, s.cifra)}>{formatearPorcentaje(i.avance)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Productos con su avance físico junto al financiero y la coherencia entre ambos. */
function TablaProductos({ productos, etiqueta }: { productos: readonly ProductoEvaluado[]; etiqueta: string }) {
  const s = useStyles();
  if (productos.length === 0) return <Caption1 as="p">{MENSAJES.sinProductos}</Caption1>;
  return (
    <div className={s.desplazable} role="region" aria-label={etiqueta} tabIndex={0}>
      <table className={s.tabla} aria-label={etiqueta}>
        <thead>
          <tr>
            <th scope="col" className={s.colPrincipal}>
              {MENSAJES.colProducto}
            </th>
            <th scope="col" className={s.num}>
              {MENSAJES.colFisico}
            </th>
            <th scope="col" className={s.num}>
              {MENSAJES.colFinanciero}
            </th>
          </tr>
        </thead>
        <tbody>
          {productos.map((p) => (
            <tr key={p.codigo}>
              <td className={s.colPrincipal}>
                <span className={s.apilado}>
                  <span className={s.codigo}>{p.codigo}</span>
                  <span>{p.nombre ?? MENSAJES.sinNombre}</span>
                  {p.coherencia && (
                    <Etiqueta color={colorCoherencia(p.coherencia)} className={s.partible}>
                      {p.coherencia}
                    </Etiqueta>
                  )}
                </span>
              </td>
              <td className={s.num}>{formatearPorcentaje(p.avanceFisico)}</td>
              <td className={s.num}>
                {p.avanceFinanciero === null && p.filasPresupuesto.length === 0
                  ? MENSAJES.sinPresupuesto
                  : formatearPorcentaje(p.avanceFinanciero)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Tablero() {
  const s = useStyles();
  const { informe } = useEstadoPanel();
  const ev = informe?.evaluacion;
  const productos = useMemo(() => (ev ? productosPorObjetivo(ev) : null), [ev]);

  if (!ev || !productos) {
    return (
      <section className={s.seccion} aria-label={MENSAJES.pestanaTablero}>
        <Body1 as="p">{MENSAJES.tableroSinValidar}</Body1>
      </section>
    );
  }

  return (
    <section className={s.seccion} aria-label={MENSAJES.pestanaTablero}>
      <Subtitle2 as="h2" className={s.subtitulo}>
        {MENSAJES.objetivos}
      </Subtitle2>
      {ev.objetivos.length === 0 && <Body1 as="p">{MENSAJES.tableroVacio}</Body1>}
      <Accordion multiple collapsible>
        {ev.objetivos.map((o) => (
          <AccordionItem key={o.codigo} value={o.codigo} className={s.item}>
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
              {o.semaforo && (
                <Etiqueta color={COLOR_SEMAFORO[o.semaforo]} punto={RELLENO_SEMAFORO[o.semaforo]}>
                  {o.semaforo}
                </Etiqueta>
              )}
            </div>
            <AccordionPanel>
              <div className={s.panel}>
                <TablaIndicadores objetivo={o} />
                <p className={s.subtituloTabla}>{MENSAJES.productos}</p>
                <TablaProductos
                  productos={productos.porObjetivo.get(o.codigo) ?? []}
                  etiqueta={MENSAJES.productosDe(o.codigo)}
                />
              </div>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
      {productos.sinObjetivo.length > 0 && (
        <>
          <Subtitle2 as="h2" className={s.subtitulo}>
            {MENSAJES.productosSinObjetivo}
          </Subtitle2>
          <TablaProductos productos={productos.sinObjetivo} etiqueta={MENSAJES.productosSinObjetivo} />
        </>
      )}
    </section>
  );
}
