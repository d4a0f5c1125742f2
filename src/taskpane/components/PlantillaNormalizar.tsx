/**
 * Sección «Plantilla y normalización» (en la pestaña Configuración): crear la plantilla en el
 * libro abierto y normalizar el libro en un conjunto de hojas nuevo. Antes de reemplazar hojas
 * del complemento pregunta con un diálogo. El botón «Crear plantilla» de la cinta llega aquí como
 * una solicitud (src/taskpane/plantilla.ts).
 */
import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useRef, useState } from "react";
import {
  crearPlantillaEnLibro,
  escucharSolicitudes,
  MENSAJES_PLANTILLA as M,
  normalizarEnLibro,
  tomarSolicitud,
  vigenciaDeTexto,
  type AvisoAccion,
} from "../plantilla";

const useStyles = makeStyles({
  seccion: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  subtitulo: { margin: 0 },
  ayuda: { margin: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  acciones: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  entrada: { maxWidth: "12em" },
});

type Ocupado = "plantilla" | "normalizar" | null;

interface Pregunta {
  nombres: readonly string[];
  responder: (si: boolean) => void;
}

export function PlantillaNormalizar() {
  const s = useStyles();
  const [vigencia, setVigencia] = useState("");
  const [ocupado, setOcupado] = useState<Ocupado>(null);
  const [aviso, setAviso] = useState<AvisoAccion | null>(null);
  const [pregunta, setPregunta] = useState<Pregunta | null>(null);
  const seccion = useRef<HTMLElement>(null);
  const enCurso = useRef(false);

  const confirmar = useCallback(
    (nombres: readonly string[]) => new Promise<boolean>((responder) => setPregunta({ nombres, responder })),
    [],
  );
  const responder = (si: boolean) => {
    pregunta?.responder(si);
    setPregunta(null);
  };

  const vigenciaLeida = vigenciaDeTexto(vigencia);
  const crear = useCallback(
    async (anio: number | null) => {
      if (enCurso.current) return;
      enCurso.current = true;
      setOcupado("plantilla");
      setAviso(null);
      try {
        setAviso(await crearPlantillaEnLibro(anio, confirmar));
      } finally {
        enCurso.current = false;
        setOcupado(null);
      }
    },
    [confirmar],
  );
  const normalizarLibro = async () => {
    if (enCurso.current) return;
    enCurso.current = true;
    setOcupado("normalizar");
    setAviso(null);
    try {
      setAviso(await normalizarEnLibro(confirmar));
    } finally {
      enCurso.current = false;
      setOcupado(null);
    }
  };

  // La solicitud de la cinta (o de la pantalla de bloqueo): al montarse y cada vez que llega una.
  useEffect(() => {
    const atender = () => {
      if (tomarSolicitud() !== "crear-plantilla") return;
      seccion.current?.scrollIntoView?.({ block: "start" });
      void crear(null);
    };
    atender();
    return escucharSolicitudes(atender);
  }, [crear]);

  return (
    <section className={s.seccion} ref={seccion} aria-labelledby="titulo-plantilla" data-testid="plantilla">
      <Subtitle2 as="h2" id="titulo-plantilla" className={s.subtitulo}>
        {M.titulo}
      </Subtitle2>
      {aviso && (
        <MessageBar intent={aviso.intent} layout="multiline" data-testid="aviso-plantilla">
          <MessageBarBody>
            <MessageBarTitle>{aviso.titulo}</MessageBarTitle> {aviso.texto}
          </MessageBarBody>
        </MessageBar>
      )}
      <Body1 as="p" className={s.ayuda}>
        {M.ayudaPlantilla}
      </Body1>
      <Field
        label={M.vigencia}
        hint={M.vigenciaAyuda}
        validationState={vigenciaLeida === undefined ? "error" : "none"}
        validationMessage={vigenciaLeida === undefined ? M.vigenciaInvalida : undefined}
      >
        <Input
          className={s.entrada}
          inputMode="numeric"
          value={vigencia}
          onChange={(_, d) => setVigencia(d.value)}
          data-testid="vigencia-plantilla"
        />
      </Field>
      <div className={s.acciones}>
        <Button
          appearance="primary"
          disabledFocusable={ocupado !== null || vigenciaLeida === undefined}
          onClick={() => vigenciaLeida !== undefined && void crear(vigenciaLeida)}
          data-testid="crear-plantilla"
        >
          {M.crear}
        </Button>
        {ocupado === "plantilla" && <Spinner size="tiny" label={M.creando} />}
      </div>
      <Body1 as="p" className={s.ayuda}>
        {M.ayudaNormalizar}
      </Body1>
      <div className={s.acciones}>
        <Button disabledFocusable={ocupado !== null} onClick={() => void normalizarLibro()} data-testid="normalizar">
          {M.normalizar}
        </Button>
        {ocupado === "normalizar" && <Spinner size="tiny" label={M.normalizando} />}
      </div>
      <Dialog open={pregunta !== null} modalType="alert" onOpenChange={(_, d) => !d.open && responder(false)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{M.confirmarTitulo}</DialogTitle>
            <DialogContent>{pregunta ? M.confirmarTexto(pregunta.nombres) : ""}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => responder(true)} data-testid="confirmar-reemplazo">
                {M.reemplazar}
              </Button>
              <Button onClick={() => responder(false)} data-testid="cancelar-reemplazo">
                {M.cancelar}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
