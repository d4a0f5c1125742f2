/**
 * Resumen: primero el veredicto («7 errores impiden entregar el PMR»), después el cuadro general
 * (objetivos por semáforo) y las categorías con sus errores y advertencias, de la más grave a la
 * menos. Vigencia y corte en una línea. Si el libro no se puede revisar, la pantalla de bloqueo.
 */
import {
  Body1,
  Button,
  Caption1,
  Spinner,
  Subtitle2,
  Switch,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useMemo } from "react";
import type { Categoria, Severidad } from "../../domain/hallazgo";
import { TINTAS } from "../colores";
import { almacenPanel, FILTROS_INICIALES } from "../estado";
import {
  abrirEn,
  bloqueoDe,
  categoriasPorSeveridad,
  formatearFechaHora,
  lineaVigenciaCorte,
  objetivosPorSemaforo,
  veredicto,
  type Tono,
} from "../logica";
import { MENSAJES, entero } from "../mensajes";
import { useAcciones, useEstadoPanel } from "../usarEstado";
import { Bloqueo } from "./Bloqueo";
import { solicitar } from "../solicitudPlantilla";
import { IconoEstado } from "./comunes";
import { BarraSemaforos } from "./Graficos";

const tonoTinta = { error: TINTAS.danger, advertencia: TINTAS.warning, ok: TINTAS.success } as const;

const useStyles = makeStyles({
  seccion: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
  acciones: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
  enVivo: {
    display: "flex",
    flexDirection: "column",
    marginTop: `calc(-1 * ${tokens.spacingVerticalS})`,
  },
  ayuda: {
    color: tokens.colorNeutralForeground3,
    paddingInlineStart: tokens.spacingHorizontalS,
  },
  progreso: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    minHeight: "0px",
  },
  veredicto: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    borderLeftWidth: "4px",
    borderLeftStyle: "solid",
  },
  error: { backgroundColor: tonoTinta.error.fondo, borderLeftColor: tonoTinta.error.borde },
  advertencia: { backgroundColor: tonoTinta.advertencia.fondo, borderLeftColor: tonoTinta.advertencia.borde },
  ok: { backgroundColor: tonoTinta.ok.fondo, borderLeftColor: tonoTinta.ok.borde },
  tituloVeredicto: {
    margin: 0,
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
  },
  iconoVeredicto: { marginTop: "4px", flexShrink: 0 },
  parrafo: { margin: 0 },
  linea: {
    margin: 0,
    color: tokens.colorNeutralForeground2,
  },
  subtitulo: {
    margin: 0,
    marginBottom: tokens.spacingVerticalXS,
  },
  tabla: {
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase300,
    "& th, & td": { paddingBlock: "2px", paddingInline: tokens.spacingHorizontalXS },
    "& thead th": {
      fontSize: tokens.fontSizeBase200,
      fontWeight: tokens.fontWeightSemibold,
      color: tokens.colorNeutralForeground2,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      whiteSpace: "nowrap",
    },
    "& tbody tr": { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  },
  colTexto: { textAlign: "start", width: "100%" },
  num: {
    textAlign: "end",
    fontVariantNumeric: "tabular-nums",
    whiteSpace: "nowrap",
  },
  cero: { color: tokens.colorNeutralForeground4 },
  fuerte: { fontWeight: tokens.fontWeightSemibold },
  categoria: {
    minWidth: 0,
    paddingInline: "2px",
    justifyContent: "flex-start",
    textAlign: "start",
    fontWeight: tokens.fontWeightRegular,
    height: "auto",
  },
});

/** Lleva a la pestaña Hallazgos con un filtro puesto (la lista, no el detalle). */
function verHallazgos(filtro: { severidad?: Severidad; categoria?: Categoria }) {
  almacenPanel().actualizar({
    pestana: "hallazgos",
    abierto: null,
    filtros: {
      ...FILTROS_INICIALES,
      severidades: filtro.severidad ? [filtro.severidad] : [],
      categorias: filtro.categoria ? [filtro.categoria] : [],
    },
  });
}

function Veredicto(props: { tono: Tono; titulo: string; detalle: string; alRevisar: (() => void) | null }) {
  const s = useStyles();
  const icono = props.tono === "error" ? "error" : props.tono === "advertencia" ? "aviso" : "ok";
  return (
    <div className={mergeClasses(s.veredicto, s[props.tono])} data-testid="veredicto" data-tono={props.tono}>
      {/* Se anuncia cuando cambia (también al validar mientras se escribe). */}
      <div aria-live="polite" aria-atomic="true">
        <Subtitle2 as="h2" className={s.tituloVeredicto} style={{ color: tonoTinta[props.tono].texto }}>
          <IconoEstado icono={icono} className={s.iconoVeredicto} />
          {props.titulo}
        </Subtitle2>
        <Body1 as="p" className={s.parrafo}>
          {props.detalle}
        </Body1>
      </div>
      {props.alRevisar && (
        <div>
          <Button size="small" appearance="primary" onClick={props.alRevisar}>
            {MENSAJES.revisarUnoPorUno}
          </Button>
        </div>
      )}
    </div>
  );
}

export function Resumen() {
  const s = useStyles();
  const acciones = useAcciones();
  const {
    informe,
    validando,
    etapa,
    quitando,
    ultimaValidacion,
    configuracionUsada,
    hayResaltado,
    enVivo,
    enVivoDisponible,
  } = useEstadoPanel();

  const bloqueo = useMemo(() => (informe ? bloqueoDe(informe) : null), [informe]);
  const categorias = useMemo(() => (informe ? categoriasPorSeveridad(informe.hallazgos) : []), [informe]);
  const semaforos = useMemo(() => (informe ? objetivosPorSemaforo(informe.evaluacion.objetivos) : []), [informe]);
  const ev = informe?.evaluacion;
  const v = informe ? veredicto(informe.resumen) : null;

  const revisar = () => {
    if (!informe) return;
    const abierto = abrirEn(informe.hallazgos, 0);
    almacenPanel().actualizar({ pestana: "hallazgos", filtros: FILTROS_INICIALES, abierto });
    const h = informe.hallazgos[0];
    if (h) void acciones.irAHallazgo(h);
  };

  return (
    <section className={s.seccion} aria-label={MENSAJES.pestanaResumen}>
      <div className={s.acciones}>
        <Button appearance="primary" disabledFocusable={validando} onClick={() => void acciones.validar()}>
          {validando ? MENSAJES.botonValidando : MENSAJES.botonValidar}
        </Button>
        <Button
          disabled={!hayResaltado || quitando || validando}
          title={hayResaltado ? undefined : MENSAJES.quitarSinResaltado}
          onClick={() => void acciones.quitarResaltado()}
        >
          {MENSAJES.botonQuitarResaltado}
        </Button>
        <div role="status" className={s.progreso}>
          {validando && <Spinner size="tiny" label={etapa ?? MENSAJES.preparando} />}
          {quitando && <Spinner size="tiny" label={MENSAJES.quitandoResaltado} />}
        </div>
      </div>
      {enVivoDisponible && (
        <div className={s.enVivo}>
          <Switch
            label={MENSAJES.enVivo}
            checked={enVivo}
            onChange={(_, d) => void acciones.alternarEnVivo(d.checked)}
            aria-describedby="ayuda-en-vivo"
          />
          <Caption1 id="ayuda-en-vivo" className={s.ayuda}>
            {MENSAJES.enVivoAyuda}
          </Caption1>
        </div>
      )}

      {!informe && !validando && (
        <>
          <Body1 as="p" className={s.parrafo}>
            {MENSAJES.descripcion}
          </Body1>
          <Body1 as="p" className={s.parrafo}>
            {MENSAJES.sinValidar}
          </Body1>
        </>
      )}

      {informe && bloqueo && (
        <Bloqueo
          bloqueo={bloqueo}
          alIrAConfiguracion={() => almacenPanel().actualizar({ pestana: "configuracion" })}
          alCrearPlantilla={() => {
            solicitar("crear-plantilla");
            almacenPanel().actualizar({ pestana: "configuracion" });
          }}
        />
      )}

      {informe && ev && v && !bloqueo && (
        <>
          <Veredicto
            tono={v.tono}
            titulo={v.titulo}
            detalle={v.detalle}
            alRevisar={informe.hallazgos.length > 0 ? revisar : null}
          />
          <p className={s.linea} data-testid="vigencia-corte">
            {lineaVigenciaCorte(ev, configuracionUsada)}
          </p>

          {ev.objetivos.length > 0 && (
            <div>
              <Subtitle2 as="h2" className={s.subtitulo}>
                {MENSAJES.panorama}
              </Subtitle2>
              <BarraSemaforos partes={semaforos} total={ev.objetivos.length} />
            </div>
          )}

          {categorias.length > 0 && (
            <div>
              <Subtitle2 as="h2" className={s.subtitulo} id="titulo-categorias">
                {MENSAJES.porCategoria}
              </Subtitle2>
              <table className={s.tabla} aria-labelledby="titulo-categorias">
                <thead>
                  <tr>
                    <th scope="col" className={s.colTexto}>
                      {MENSAJES.colCategoria}
                    </th>
                    <th scope="col" className={s.num}>
                      {MENSAJES.colErrores}
                    </th>
                    <th scope="col" className={s.num}>
                      <abbr title={MENSAJES.colAdvertenciasLargo}>{MENSAJES.colAdvertencias}</abbr>
                    </th>
                    <th scope="col" className={s.num}>
                      <abbr title={MENSAJES.colInfoLargo}>{MENSAJES.colInfo}</abbr>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {categorias.map((c) => (
                    <tr key={c.categoria}>
                      <th scope="row" className={s.colTexto}>
                        <Button
                          appearance="subtle"
                          size="small"
                          className={s.categoria}
                          aria-label={MENSAJES.verCategoriaCuentas(c.categoria, c.error, c.advertencia, c.info)}
                          onClick={() => verHallazgos({ categoria: c.categoria })}
                        >
                          {c.categoria}
                        </Button>
                      </th>
                      {(["error", "advertencia", "info"] as const).map((sev) => (
                        <td
                          key={sev}
                          className={mergeClasses(
                            s.num,
                            c[sev] === 0 ? s.cero : sev === "error" ? s.fuerte : undefined,
                          )}
                        >
                          {entero(c[sev])}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}

          <Caption1 as="p" className={s.parrafo}>
            {MENSAJES.evaluados(ev.objetivos.length, ev.productos.length, ev.indicadores.length)}
            {ultimaValidacion !== null && ` ${MENSAJES.ultimaValidacion}: ${formatearFechaHora(ultimaValidacion)}.`}
          </Caption1>
        </>
      )}
    </section>
  );
}
