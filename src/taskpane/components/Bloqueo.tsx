/**
 * Pantalla de bloqueo: el libro no se puede revisar (sin hoja PMR, hoja vacía o sin encabezados
 * reconocibles, sin filas de la vigencia). Dice qué pasa, los pasos para arreglarlo y los
 * encabezados que busca el lector. Con `alCrearPlantilla`, el botón «Crear la hoja PMR con la
 * plantilla» (lleva a la sección Plantilla y normalización, que la agrega al libro).
 */
import { Body1, Button, Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { TINTAS } from "../colores";
import { pasosBloqueo, tituloBloqueo, type Bloqueo as DatosBloqueo } from "../logica";
import { MENSAJES } from "../mensajes";
import { IconoEstado } from "./comunes";

const useStyles = makeStyles({
  caja: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: `4px solid ${TINTAS.danger.borde}`,
    backgroundColor: TINTAS.danger.fondo,
  },
  titulo: {
    margin: 0,
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "flex-start",
    color: TINTAS.danger.texto,
  },
  icono: { marginTop: "4px", flexShrink: 0 },
  parrafo: { margin: 0 },
  resumenCausa: {
    cursor: "pointer",
    fontSize: tokens.fontSizeBase200,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  lista: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  encabezados: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    fontWeight: tokens.fontWeightSemibold,
  },
  subtitulo: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  acciones: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export function Bloqueo(props: {
  bloqueo: DatosBloqueo;
  /** Ir a la pestaña Configuración (para elegir otra vigencia). */
  alIrAConfiguracion?: () => void;
  /** Crear las hojas de la plantilla (sin él no hay botón; solo sin hoja PMR o sin sus encabezados). */
  alCrearPlantilla?: () => void;
}) {
  const s = useStyles();
  const { bloqueo } = props;
  const conEncabezados = bloqueo.tipo === "sin-hoja" || bloqueo.tipo === "sin-encabezados";
  return (
    <section className={s.caja} aria-labelledby="titulo-bloqueo" data-testid="bloqueo" data-tipo={bloqueo.tipo}>
      <Subtitle2 as="h2" id="titulo-bloqueo" className={s.titulo}>
        <IconoEstado icono="error" className={s.icono} />
        {tituloBloqueo(bloqueo)}
      </Subtitle2>
      <Body1 as="p" className={s.parrafo}>
        {MENSAJES.bloqueoIntro}
      </Body1>
      {bloqueo.causa && (
        <details>
          <summary className={s.resumenCausa}>{MENSAJES.bloqueoCausa}</summary>
          <Caption1 as="p" className={s.parrafo}>
            {bloqueo.causa}
          </Caption1>
        </details>
      )}
      <p className={s.subtitulo}>{MENSAJES.bloqueoPasos}</p>
      <ol className={s.lista}>
        {pasosBloqueo(bloqueo).map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ol>
      {conEncabezados && (
        <>
          <p className={s.subtitulo}>{MENSAJES.bloqueoEncabezados}</p>
          <ul className={s.encabezados}>
            {bloqueo.encabezados.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
          <Caption1 as="p" className={s.parrafo}>
            {MENSAJES.bloqueoSinonimos}
          </Caption1>
        </>
      )}
      {((props.alCrearPlantilla && conEncabezados) ||
        (bloqueo.tipo === "vigencia-sin-filas" && props.alIrAConfiguracion)) && (
        <div className={s.acciones}>
          {bloqueo.tipo === "vigencia-sin-filas" && props.alIrAConfiguracion && (
            <Button onClick={props.alIrAConfiguracion}>{MENSAJES.irAConfiguracion}</Button>
          )}
          {props.alCrearPlantilla && conEncabezados && (
            <Button appearance="primary" onClick={props.alCrearPlantilla}>
              {MENSAJES.botonCrearPlantilla}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}
