/**
 * Gráficos pequeños en SVG en línea (sin biblioteca): barras por mes de un indicador, avance
 * físico frente a financiero de un producto y la barra apilada de objetivos por semáforo. La
 * geometría sale de graficos.ts (probada en Node). Cada gráfico tiene su alternativa en texto:
 * una tabla oculta a la vista (meses) o una etiqueta accesible con las cifras.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { ColorSemaforo } from "../../domain/calculos";
import { NOMBRES_MES } from "../../domain/modelo";
import {
  COLOR_EJECUTADO,
  COLOR_FINANCIERO,
  COLOR_FISICO,
  COLOR_PROGRAMADO,
  INSIGNIA_SEMAFORO,
  PISTA,
  RELLENO_SEMAFORO,
} from "../colores";
import { barraFraccion, geometriaMensual, segmentosApilados } from "../graficos";
import { formatearNumero, formatearPorcentaje, nombreMes } from "../logica";
import { MENSAJES, entero } from "../mensajes";
import { Etiqueta } from "./comunes";

const useStyles = makeStyles({
  figura: {
    position: "relative",
    margin: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  svg: {
    display: "block",
    width: "100%",
    height: "auto",
    maxWidth: "100%",
  },
  leyenda: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalM,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  muestra: {
    display: "inline-block",
    width: "10px",
    height: "10px",
    marginInlineEnd: "4px",
    verticalAlign: "-1px",
    borderRadius: "2px",
  },
  oculto: {
    position: "absolute",
    left: 0,
    top: 0,
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
  pares: {
    display: "grid",
    gridTemplateColumns: "auto minmax(0, 1fr) auto",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: "2px",
    fontSize: tokens.fontSizeBase200,
  },
  pista: {
    height: "8px",
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: PISTA,
    overflow: "hidden",
    minWidth: "40px",
  },
  relleno: {
    height: "100%",
    borderRadius: tokens.borderRadiusCircular,
  },
  cifra: {
    fontVariantNumeric: "tabular-nums",
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: "nowrap",
    textAlign: "end",
  },
  apilada: {
    display: "flex",
    height: "12px",
    borderRadius: tokens.borderRadiusMedium,
    overflow: "hidden",
    backgroundColor: PISTA,
  },
  segmento: {
    height: "100%",
    ":not(:last-child)": { borderRightWidth: "2px", borderRightStyle: "solid", borderRightColor: "#FFFFFF" },
  },
  etiquetas: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    marginTop: tokens.spacingVerticalXS,
  },
});

/** Programado (gris) y ejecutado (azul) de cada mes, con la línea del corte. */
export function GraficoMensual(props: {
  codigo: string;
  programado: readonly (number | null)[];
  ejecutado: readonly (number | null)[];
  corte: number;
}) {
  const s = useStyles();
  const id = useId();
  const g = geometriaMensual(props.programado, props.ejecutado, props.corte);
  const titulo = MENSAJES.graficoMensual(props.codigo);
  return (
    <figure className={s.figura} aria-labelledby={`${id}-t`}>
      <span id={`${id}-t`} className={s.oculto}>
        {titulo}
      </span>
      <svg
        className={s.svg}
        viewBox={`0 0 ${g.ancho} ${g.alto}`}
        role="img"
        aria-label={titulo}
        data-testid="grafico-mensual"
      >
        <line x1="0" x2={g.ancho} y1={g.base} y2={g.base} stroke="#C7C7C7" strokeWidth="1" />
        {g.barras.map((b) => (
          <g key={b.mes}>
            {b.programado && (
              <rect
                x={b.x}
                y={b.programado.y}
                width={b.ancho}
                height={Math.max(b.programado.alto, 0.5)}
                fill={COLOR_PROGRAMADO}
                data-serie="programado"
              />
            )}
            {b.ejecutado && (
              <rect
                x={b.x + b.ancho}
                y={b.ejecutado.y}
                width={b.ancho}
                height={Math.max(b.ejecutado.alto, 0.5)}
                fill={COLOR_EJECUTADO}
                data-serie="ejecutado"
              />
            )}
            <text
              x={b.x + b.ancho}
              y={g.alto - 3}
              fontSize="9"
              textAnchor="middle"
              fill="#616161"
              fontFamily="Segoe UI, sans-serif"
            >
              {NOMBRES_MES[b.mes - 1].charAt(0)}
            </text>
          </g>
        ))}
        {g.corteX !== null && (
          <line x1={g.corteX} x2={g.corteX} y1="0" y2={g.base} stroke="#424242" strokeWidth="1" strokeDasharray="3 2" />
        )}
      </svg>
      <div className={s.leyenda} aria-hidden="true">
        <span>
          <span className={s.muestra} style={{ backgroundColor: COLOR_PROGRAMADO }} />
          {MENSAJES.colProgramado}
        </span>
        <span>
          <span className={s.muestra} style={{ backgroundColor: COLOR_EJECUTADO }} />
          {MENSAJES.colEjecutado}
        </span>
        {g.corteX !== null && <span>┆ {MENSAJES.corteEnGrafico}</span>}
      </div>
      <div className={s.oculto} data-solo-lectores="">
        <table>
          <caption>{titulo}</caption>
          <thead>
            <tr>
              <th scope="col">{MENSAJES.mes}</th>
              <th scope="col">{MENSAJES.colProgramado}</th>
              <th scope="col">{MENSAJES.colEjecutado}</th>
            </tr>
          </thead>
          <tbody>
            {g.barras.map((b) => (
              <tr key={b.mes}>
                <th scope="row">{nombreMes(b.mes)}</th>
                <td>{formatearNumero(props.programado[b.mes - 1])}</td>
                <td>{formatearNumero(props.ejecutado[b.mes - 1])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** Avance físico y financiero de un producto, una barra debajo de la otra. */
export function FisicoFinanciero(props: {
  codigo: string;
  fisico: number | null;
  financiero: number | null;
  sinPresupuesto: boolean;
}) {
  const s = useStyles();
  const fila = (nombre: string, valor: number | null, color: string, textoNulo: string) => {
    const b = barraFraccion(valor);
    return (
      <>
        <span>{nombre}</span>
        <span className={s.pista}>
          {b && (
            <span className={s.relleno} style={{ display: "block", width: `${b.ancho}%`, backgroundColor: color }} />
          )}
        </span>
        <span className={s.cifra}>{valor === null ? textoNulo : formatearPorcentaje(valor)}</span>
      </>
    );
  };
  const textoFinanciero = props.sinPresupuesto ? MENSAJES.sinPresupuesto : MENSAJES.noAplica;
  return (
    <div
      className={s.pares}
      role="img"
      aria-label={MENSAJES.graficoFisicoFinanciero(
        props.codigo,
        props.fisico === null ? MENSAJES.noAplica : formatearPorcentaje(props.fisico),
        props.financiero === null ? textoFinanciero : formatearPorcentaje(props.financiero),
      )}
      data-testid="fisico-financiero"
    >
      {fila(MENSAJES.fisico, props.fisico, COLOR_FISICO, MENSAJES.noAplica)}
      {fila(MENSAJES.financiero, props.financiero, COLOR_FINANCIERO, textoFinanciero)}
    </div>
  );
}

/** Objetivos por semáforo: una barra apilada y, debajo, cada color con su icono y su cuenta. */
export function BarraSemaforos(props: {
  partes: readonly { color: ColorSemaforo | null; cantidad: number }[];
  total: number;
}) {
  const s = useStyles();
  const segmentos = segmentosApilados(props.partes.map((p) => ({ clave: p.color, cantidad: p.cantidad })));
  return (
    <div>
      <div className={s.apilada} aria-hidden="true">
        {segmentos.map((g) => (
          <span
            key={g.clave ?? "sin"}
            className={s.segmento}
            style={{ width: `${g.ancho}%`, backgroundColor: g.clave ? RELLENO_SEMAFORO[g.clave] : "#C7C7C7" }}
          />
        ))}
      </div>
      <ul
        className={s.etiquetas}
        aria-label={MENSAJES.panoramaDe(props.total)}
        style={{ listStyle: "none", padding: 0, margin: 0 }}
      >
        {props.partes.map((p) => (
          <li key={p.color ?? "sin"}>
            <Etiqueta color={p.color ? INSIGNIA_SEMAFORO[p.color] : "subtle"}>
              {entero(p.cantidad)} {p.color ?? MENSAJES.sinDato}
            </Etiqueta>
          </li>
        ))}
      </ul>
    </div>
  );
}
