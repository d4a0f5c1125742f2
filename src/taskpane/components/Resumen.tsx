import {
  Body1,
  Button,
  Caption1,
  Spinner,
  Subtitle2,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { SEVERIDADES, type Categoria, type Severidad } from "../../domain/hallazgo";
import { almacenPanel, FILTROS_INICIALES } from "../estado";
import { contarPorCategoria, contarPorSeveridad, formatearFechaHora, nombreMes } from "../logica";
import { MENSAJES, TEXTO_SEVERIDAD_PLURAL } from "../mensajes";
import { useAcciones, useEstadoPanel } from "../usarEstado";

const useStyles = makeStyles({
  seccion: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalM,
  },
  acciones: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
  progreso: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  datos: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    "& dt": { color: tokens.colorNeutralForeground2 },
    "& dd": { margin: 0, fontWeight: tokens.fontWeightSemibold },
  },
  subtitulo: {
    margin: 0,
    marginBottom: tokens.spacingVerticalS,
  },
  tarjetas: {
    display: "grid",
    gridTemplateColumns: "repeat(3, minmax(0, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  tarjeta: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    minWidth: 0,
    height: "auto",
    borderTopWidth: "4px",
    fontWeight: tokens.fontWeightRegular,
  },
  cifra: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
  },
  rotulo: {
    fontSize: tokens.fontSizeBase200,
    overflow: "hidden",
    textOverflow: "ellipsis",
    maxWidth: "100%",
  },
  error: { borderTopColor: tokens.colorPaletteRedBorderActive },
  advertencia: { borderTopColor: tokens.colorPaletteMarigoldBorderActive },
  info: { borderTopColor: tokens.colorNeutralStroke1 },
  categorias: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
  },
  categoria: {
    display: "flex",
    justifyContent: "space-between",
    width: "100%",
    fontWeight: tokens.fontWeightRegular,
  },
  cuenta: {
    fontVariantNumeric: "tabular-nums",
    fontWeight: tokens.fontWeightSemibold,
  },
});

/** Lleva a la pestaña Hallazgos con un filtro puesto. */
function verHallazgos(filtro: { severidad?: Severidad; categoria?: Categoria }) {
  almacenPanel().actualizar({
    pestana: "hallazgos",
    filtros: {
      ...FILTROS_INICIALES,
      severidades: filtro.severidad ? [filtro.severidad] : [],
      categorias: filtro.categoria ? [filtro.categoria] : [],
    },
  });
}

export function Resumen() {
  const s = useStyles();
  const acciones = useAcciones();
  const { informe, validando, etapa, quitando, ultimaValidacion, configuracionUsada } = useEstadoPanel();

  const conteo = informe ? contarPorSeveridad(informe.hallazgos) : null;
  const categorias = informe ? contarPorCategoria(informe.hallazgos) : [];
  const ev = informe?.evaluacion;

  return (
    <section className={s.seccion} aria-label={MENSAJES.pestanaResumen}>
      <div className={s.acciones}>
        <Button appearance="primary" disabledFocusable={validando} onClick={() => void acciones.validar()}>
          {validando ? MENSAJES.botonValidando : MENSAJES.botonValidar}
        </Button>
        <Button disabledFocusable={quitando || validando} onClick={() => void acciones.quitarResaltado()}>
          {MENSAJES.botonQuitarResaltado}
        </Button>
      </div>

      <div role="status" className={s.progreso}>
        {validando && <Spinner size="tiny" label={etapa ?? MENSAJES.preparando} />}
        {quitando && <Spinner size="tiny" label={MENSAJES.quitandoResaltado} />}
      </div>

      {!informe && !validando && (
        <>
          <Body1 as="p">{MENSAJES.descripcion}</Body1>
          <Body1 as="p">{MENSAJES.sinValidar}</Body1>
        </>
      )}

      {informe && ev && conteo && (
        <>
          <div>
            <Subtitle2 as="h2" className={s.subtitulo}>
              {MENSAJES.resumenTitulo}
            </Subtitle2>
            <dl className={s.datos}>
              <dt>{MENSAJES.vigencia}</dt>
              <dd>
                {ev.vigencia ?? MENSAJES.vigenciaNoEncontrada}
                {configuracionUsada
                  ? ` (${configuracionUsada.vigencia === null ? MENSAJES.automatico : MENSAJES.configurada})`
                  : ""}
              </dd>
              <dt>{MENSAJES.corte}</dt>
              <dd>
                {nombreMes(ev.corte)}
                {configuracionUsada
                  ? ` (${configuracionUsada.corte === null ? MENSAJES.automatico : MENSAJES.configurado})`
                  : ""}
              </dd>
              {ultimaValidacion !== null && (
                <>
                  <dt>{MENSAJES.ultimaValidacion}</dt>
                  <dd>{formatearFechaHora(ultimaValidacion)}</dd>
                </>
              )}
            </dl>
            <Caption1 as="p">
              {MENSAJES.evaluados(ev.objetivos.length, ev.productos.length, ev.indicadores.length)}
            </Caption1>
          </div>

          <div>
            <Subtitle2 as="h2" className={s.subtitulo}>
              {MENSAJES.porSeveridad}
            </Subtitle2>
            <div className={s.tarjetas}>
              {SEVERIDADES.map((sev) => (
                <Button
                  key={sev}
                  className={mergeClasses(s.tarjeta, s[sev])}
                  onClick={() => verHallazgos({ severidad: sev })}
                  disabledFocusable={conteo[sev] === 0}
                >
                  <span className={s.cifra}>{conteo[sev].toLocaleString("es-CO")}</span>
                  <span className={s.rotulo}>{TEXTO_SEVERIDAD_PLURAL[sev]}</span>
                </Button>
              ))}
            </div>
          </div>

          <div>
            <Subtitle2 as="h2" className={s.subtitulo}>
              {MENSAJES.porCategoria}
            </Subtitle2>
            {categorias.length === 0 ? (
              <Body1 as="p">{MENSAJES.sinHallazgos}</Body1>
            ) : (
              <ul className={s.categorias}>
                {categorias.map(({ categoria, cantidad }) => (
                  <li key={categoria}>
                    <Button
                      appearance="subtle"
                      className={s.categoria}
                      title={MENSAJES.verCategoria(categoria, cantidad)}
                      onClick={() => verHallazgos({ categoria })}
                    >
                      <span>{categoria}</span>
                      <span className={s.cuenta}>{cantidad.toLocaleString("es-CO")}</span>
                    </Button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </>
      )}
    </section>
  );
}
