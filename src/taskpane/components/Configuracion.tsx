import {
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import { almacenPanel } from "../estado";
import {
  configuracionDeFormulario,
  FORMULARIO_POR_DEFECTO,
  formularioDeConfiguracion,
  nombreMes,
  type CampoFormulario,
  type FormularioConfiguracion,
} from "../logica";
import { MENSAJES } from "../mensajes";
import { useAcciones, useEstadoPanel } from "../usarEstado";

const useStyles = makeStyles({
  formulario: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
  subtitulo: {
    margin: 0,
  },
  grupo: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  leyenda: {
    paddingInline: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightSemibold,
  },
  ayuda: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    margin: 0,
  },
  tres: {
    display: "grid",
    gridTemplateColumns: "repeat(3, minmax(0, 1fr))",
    gap: tokens.spacingHorizontalS,
    // En un panel angosto, un umbral por línea (la etiqueta y el error no se aprietan).
    "@media (max-width: 359px)": { gridTemplateColumns: "minmax(0, 1fr)" },
  },
  errorGrupo: {
    color: tokens.colorPaletteRedForeground1,
    fontSize: tokens.fontSizeBase200,
    margin: 0,
  },
  acciones: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
  entrada: {
    minWidth: 0,
    width: "100%",
  },
});

type CampoTexto = Exclude<keyof FormularioConfiguracion, "corte">;

export function Configuracion() {
  const s = useStyles();
  const acciones = useAcciones();
  const { borrador, erroresBorrador, validando } = useEstadoPanel();
  const [guardando, setGuardando] = useState(false);

  // Lo guardado en el libro, leído una vez al abrir la pestaña.
  const [guardada, setGuardada] = useState(() => acciones.leerConfiguracion());
  const formulario = borrador ?? formularioDeConfiguracion(guardada.configuracion);

  const cambiar = (campo: keyof FormularioConfiguracion, valor: string) => {
    const { [campo]: _quitado, general: _general, semaforo: _semaforo, ...resto } = erroresBorrador;
    almacenPanel().actualizar({ borrador: { ...formulario, [campo]: valor }, erroresBorrador: resto });
  };

  const mensajeDe = (campo: CampoFormulario) => erroresBorrador[campo]?.join(" ");

  const guardar = async (e: FormEvent) => {
    e.preventDefault();
    const r = configuracionDeFormulario(formulario, guardada.configuracion);
    if (!r.ok) {
      almacenPanel().actualizar({
        erroresBorrador: r.errores,
        aviso: { intent: "error", titulo: MENSAJES.tituloErrorGuardar, texto: MENSAJES.corregirCampos },
      });
      return;
    }
    setGuardando(true);
    const ok = await acciones.guardarConfiguracion(r.configuracion);
    setGuardando(false);
    if (ok) {
      setGuardada({ configuracion: r.configuracion, errores: [] });
      almacenPanel().actualizar({ borrador: null, erroresBorrador: {} });
    }
  };

  const restablecer = () => {
    almacenPanel().actualizar({
      borrador: { ...FORMULARIO_POR_DEFECTO },
      erroresBorrador: {},
      aviso: { intent: "info", titulo: MENSAJES.tituloListo, texto: MENSAJES.valoresRestablecidos },
    });
  };

  const campoPorcentaje = (campo: CampoTexto, etiqueta: string, ayuda?: string) => {
    const mensaje = mensajeDe(campo);
    return (
      <Field label={etiqueta} hint={ayuda} validationState={mensaje ? "error" : "none"} validationMessage={mensaje}>
        <Input
          className={s.entrada}
          inputMode="decimal"
          value={formulario[campo]}
          onChange={(_, d) => cambiar(campo, d.value)}
          contentAfter={<span aria-hidden="true">%</span>}
        />
      </Field>
    );
  };

  const errorSemaforo = mensajeDe("semaforo");
  const errorGeneral = mensajeDe("general");

  return (
    <form className={s.formulario} aria-label={MENSAJES.configTitulo} onSubmit={(e) => void guardar(e)} noValidate>
      <Subtitle2 as="h2" className={s.subtitulo}>
        {MENSAJES.configTitulo}
      </Subtitle2>
      <Body1 as="p" className={s.ayuda}>
        {MENSAJES.configDescripcion}
      </Body1>
      {guardada.errores.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{MENSAJES.configuracionLeidaConErrores(guardada.errores)}</MessageBarBody>
        </MessageBar>
      )}

      <Field
        label={MENSAJES.campoCorte}
        validationState={mensajeDe("corte") ? "error" : "none"}
        validationMessage={mensajeDe("corte")}
      >
        <Select value={formulario.corte} onChange={(_, d) => cambiar("corte", d.value)}>
          <option value="">{MENSAJES.corteAutomatico}</option>
          {Array.from({ length: 12 }, (_, i) => (
            <option key={i + 1} value={String(i + 1)}>
              {nombreMes(i + 1).replace(/^./, (c) => c.toUpperCase())}
            </option>
          ))}
        </Select>
      </Field>

      <Field
        label={MENSAJES.campoVigencia}
        hint={MENSAJES.vigenciaAyuda}
        validationState={mensajeDe("vigencia") ? "error" : "none"}
        validationMessage={mensajeDe("vigencia")}
      >
        <Input
          className={s.entrada}
          inputMode="numeric"
          placeholder={MENSAJES.vigenciaMarcador}
          value={formulario.vigencia}
          onChange={(_, d) => cambiar("vigencia", d.value)}
        />
      </Field>

      {campoPorcentaje("tolerancia", MENSAJES.campoTolerancia, MENSAJES.toleranciaAyuda)}
      {campoPorcentaje("sobrecumplimiento", MENSAJES.campoSobrecumplimiento, MENSAJES.sobrecumplimientoAyuda)}

      <fieldset className={s.grupo} aria-describedby="ayuda-semaforo">
        <legend className={s.leyenda}>{MENSAJES.grupoSemaforo}</legend>
        <p id="ayuda-semaforo" className={s.ayuda}>
          {MENSAJES.semaforoAyuda}
        </p>
        <div className={s.tres}>
          {campoPorcentaje("rojo", MENSAJES.campoRojo)}
          {campoPorcentaje("amarillo", MENSAJES.campoAmarillo)}
          {campoPorcentaje("verde", MENSAJES.campoVerde)}
        </div>
        {errorSemaforo && (
          <p role="alert" className={s.errorGrupo}>
            {errorSemaforo}
          </p>
        )}
      </fieldset>

      {errorGeneral && (
        <p role="alert" className={s.errorGrupo}>
          {errorGeneral}
        </p>
      )}

      <div className={s.acciones}>
        <Button type="submit" appearance="primary" disabledFocusable={guardando || validando}>
          {guardando ? MENSAJES.guardando : MENSAJES.botonGuardar}
        </Button>
        <Button type="button" onClick={restablecer}>
          {MENSAJES.botonRestablecer}
        </Button>
      </div>
    </form>
  );
}
