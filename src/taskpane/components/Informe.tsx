/**
 * Sección «Informe y anexo PMR» del panel (al pie del Resumen): «Generar informe», «Generar
 * anexo», la pregunta antes de reemplazar hojas que el complemento escribió antes y el resultado.
 */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useSyncExternalStore } from "react";
import { accionesInformePanel, MENSAJES_INFORME as M } from "../informe";
import { almacenInforme } from "../informeEstado";

// Las acciones se registran al cargar el paquete del panel: el botón de la cinta las usa.
const acciones = accionesInformePanel();

const useStyles = makeStyles({
  seccion: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  titulo: { margin: 0 },
  ayuda: { margin: 0, color: tokens.colorNeutralForeground2 },
  botones: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export function Informe() {
  const s = useStyles();
  const almacen = almacenInforme();
  const e = useSyncExternalStore(almacen.suscribir, almacen.obtener, almacen.obtener);
  const ocupado = e.ocupado !== null;
  return (
    <section className={s.seccion} aria-labelledby="titulo-informe" data-testid="seccion-informe">
      <Subtitle2 as="h2" id="titulo-informe" className={s.titulo}>
        {M.titulo}
      </Subtitle2>
      <p className={s.ayuda}>{M.ayuda}</p>
      <div className={s.botones}>
        <Button appearance="primary" disabledFocusable={ocupado} onClick={() => void acciones.generar("informe")}>
          {M.generarInforme}
        </Button>
        <Button disabledFocusable={ocupado} onClick={() => void acciones.generar("anexo")}>
          {M.generarAnexo}
        </Button>
      </div>
      {e.ocupado && !e.pregunta && <Spinner size="tiny" label={M.generando(e.ocupado)} />}
      {e.pregunta && (
        <MessageBar intent="warning" layout="multiline" data-testid="pregunta-reemplazo">
          <MessageBarBody>
            <MessageBarTitle>{M.tituloPregunta}</MessageBarTitle> {M.pregunta(e.pregunta.hojas)}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" onClick={() => acciones.responder(true)}>
              {M.reemplazar}
            </Button>
            <Button size="small" onClick={() => acciones.responder(false)}>
              {M.cancelar}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {e.resultado && (
        <MessageBar
          intent={e.resultado.cancelado ? "info" : "success"}
          layout="multiline"
          data-testid="resultado-informe"
        >
          <MessageBarBody>
            <MessageBarTitle>
              {e.resultado.cancelado ? M.tituloCancelado : M.tituloListo(e.resultado.tipo)}
            </MessageBarTitle>{" "}
            {e.resultado.cancelado ? M.cancelado : M.listo(e.resultado.hojas, e.resultado.reemplazadas)}
          </MessageBarBody>
        </MessageBar>
      )}
      {e.error && (
        <MessageBar intent="error" layout="multiline" data-testid="error-informe">
          <MessageBarBody>
            <MessageBarTitle>{M.tituloError}</MessageBarTitle> {e.error}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
