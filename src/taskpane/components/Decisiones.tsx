/**
 * Decisiones sobre hallazgos en el panel (PMR-SPEC §6.3):
 *
 * - `FiltrosDecision`: filtro por decisión (botones que se alternan, con su cuenta), el interruptor
 *   «Mostrar cerrados» y «Exportar hallazgos» (con la pregunta antes de reemplazar la hoja).
 * - `MarcaDecision`: la decisión de un hallazgo en la lista (si no es Pendiente).
 * - `DecisionHallazgo`: en el detalle, fijar la decisión (grupo de opciones: flechas para elegir,
 *   Tab para la nota y el botón), la nota obligatoria donde toca y el historial (quién, qué, cuándo).
 *
 * Todo con el teclado y con el ratón; los errores de la nota se anuncian junto al campo.
 */
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Radio,
  RadioGroup,
  Spinner,
  Switch,
  Textarea,
  ToggleButton,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import { decisionDelHallazgo } from "../../casos/decidir";
import type { InformeValidacion } from "../../casos/validar";
import {
  DECISIONES,
  NOTA_MAXIMA,
  esCerrada,
  fechaDecision,
  problemaNota,
  type Decision,
} from "../../domain/decisiones";
import type { Hallazgo } from "../../domain/hallazgo";
import type { ColorInsignia } from "../colores";
import { contarPorDecision } from "../decisiones";
import { almacenPanel } from "../estado";
import { alternar } from "../logica";
import { MENSAJES_DECISIONES as M } from "../mensajesDecisiones";
import { useAcciones, useEstadoPanel } from "../usarEstado";
import { Etiqueta } from "./comunes";

const COLOR_DECISION: Readonly<Record<Decision, ColorInsignia>> = {
  Pendiente: "subtle",
  "En gestión": "informative",
  Justificado: "success",
  Descartado: "subtle",
};

const useStyles = makeStyles({
  chips: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  chip: { minWidth: 0, maxWidth: "100%", fontWeight: tokens.fontWeightRegular },
  fila: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
  },
  seccion: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  titulo: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  opciones: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  acciones: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  historial: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
  },
  nota: { display: "block", overflowWrap: "anywhere", color: tokens.colorNeutralForeground2 },
  resumenHistorial: { cursor: "pointer", fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
});

/**
 * Filtro por decisión y «Mostrar cerrados», en los filtros de la lista. Solo aparecen cuando hay
 * algo decidido (o un filtro puesto): un libro sin decisiones ve la lista como siempre.
 */
export function FiltrosDecision(props: { informe: InformeValidacion; presentes: readonly Hallazgo[] }) {
  const s = useStyles();
  const { filtros, mostrarCerrados } = useEstadoPanel();
  const { informe, presentes } = props;
  const elegidas = filtros.decisiones ?? [];
  const conteo = useMemo(() => contarPorDecision(presentes, informe), [presentes, informe]);
  const cerrados = informe.decisiones.cerrados.length;
  const hayDecididos = DECISIONES.some((d) => d !== "Pendiente" && conteo[d] > 0);
  const verCerrados = cerrados > 0 || (mostrarCerrados ?? false);
  if (!hayDecididos && elegidas.length === 0 && !verCerrados) return null;

  return (
    <div className={s.chips}>
      {(hayDecididos || elegidas.length > 0) && (
        <div className={s.chips} role="group" aria-label={M.filtroDecision}>
          {DECISIONES.filter((d) => conteo[d] > 0 || elegidas.includes(d)).map((d) => (
            <ToggleButton
              key={d}
              size="small"
              shape="circular"
              className={s.chip}
              checked={elegidas.includes(d)}
              onClick={() =>
                almacenPanel().actualizar((e) => ({
                  filtros: { ...e.filtros, decisiones: alternar(e.filtros.decisiones ?? [], d, DECISIONES) },
                }))
              }
            >
              {M.decisionConConteo(d, conteo[d])}
            </ToggleButton>
          ))}
        </div>
      )}
      {verCerrados && (
        <>
          <Switch
            label={M.mostrarCerrados(cerrados)}
            checked={mostrarCerrados ?? false}
            onChange={(_, d) => almacenPanel().actualizar({ mostrarCerrados: d.checked })}
            aria-describedby="ayuda-cerrados"
          />
          <span id="ayuda-cerrados" hidden>
            {M.ayudaCerrados}
          </span>
        </>
      )}
    </div>
  );
}

/** «Exportar hallazgos» (al pie de los filtros), con la pregunta antes de reemplazar la hoja anterior. */
export function ExportarHallazgos() {
  const acciones = useAcciones();
  const { exportando } = useEstadoPanel();
  const [pregunta, setPregunta] = useState<{ nombres: readonly string[]; responder: (si: boolean) => void } | null>(
    null,
  );
  const confirmar = (nombres: readonly string[]) =>
    new Promise<boolean>((responder) => setPregunta({ nombres, responder }));
  const responder = (si: boolean) => {
    pregunta?.responder(si);
    setPregunta(null);
  };
  return (
    <>
      <Button
        size="small"
        appearance="transparent"
        disabledFocusable={exportando}
        onClick={() => void acciones.exportarHallazgos?.(confirmar)}
      >
        {exportando ? M.exportando : M.exportar}
      </Button>
      <Dialog open={pregunta !== null} onOpenChange={(_, d) => !d.open && responder(false)} modalType="alert">
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{M.confirmarTitulo}</DialogTitle>
            <DialogContent>{pregunta ? M.confirmarTexto(pregunta.nombres) : null}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => responder(true)}>
                {M.reemplazar}
              </Button>
              <Button onClick={() => responder(false)}>{M.cancelar}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}

/** La decisión de un hallazgo en la lista (nada si está Pendiente). */
export function MarcaDecision(props: { informe: InformeValidacion; hallazgo: Hallazgo }) {
  const { decision } = decisionDelHallazgo(props.informe.decisiones, props.hallazgo);
  if (decision === "Pendiente") return null;
  return (
    <Etiqueta color={COLOR_DECISION[decision]}>
      <span data-testid="marca-decision">{M.marca(decision)}</span>
    </Etiqueta>
  );
}

/**
 * Clave del último hallazgo cerrado desde el detalle: al desaparecer de la lista (sin «Mostrar
 * cerrados»), el detalle pasa al que ocupa su lugar en vez de decir que ya no aparece.
 */
let ultimoCerrado: string | null = null;

/** ¿Se acaba de cerrar este hallazgo desde el detalle? (Lo olvida al preguntarlo.) */
export function recienCerrado(clave: string): boolean {
  const si = ultimoCerrado === clave;
  if (si) ultimoCerrado = null;
  return si;
}

/** Fijar la decisión del hallazgo abierto en el detalle, con su nota y su historial. */
export function DecisionHallazgo(props: { informe: InformeValidacion; hallazgo: Hallazgo }) {
  const s = useStyles();
  const acciones = useAcciones();
  const { guardandoDecision } = useEstadoPanel();
  const { informe, hallazgo } = props;
  const actual = decisionDelHallazgo(informe.decisiones, hallazgo);
  const guardada = informe.decisiones.porClave.get(hallazgo.clave) ?? null;
  const [decision, setDecision] = useState<Decision>(actual.decision);
  const [nota, setNota] = useState(actual.nota);
  const [error, setError] = useState<string | null>(null);
  const [intentado, setIntentado] = useState(false);
  const notaRef = useRef<HTMLTextAreaElement>(null);

  // Otro hallazgo (Anterior / Siguiente) u otra decisión guardada: el formulario vuelve a lo guardado.
  useEffect(() => {
    setDecision(actual.decision);
    setNota(actual.nota);
    setError(null);
    setIntentado(false);
  }, [hallazgo.clave, actual.decision, actual.nota]);

  const obligatoria = esCerrada(decision);
  const problema = problemaNota(decision, nota);
  const sinCambios = decision === actual.decision && nota.trim() === actual.nota;
  const mensajeNota = error ?? (intentado ? problema : null);
  const largo = [...nota.trim()].length;

  const guardar = async () => {
    setIntentado(true);
    if (problema) {
      setError(problema);
      notaRef.current?.focus();
      return;
    }
    if (sinCambios || !acciones.decidir) return;
    if (esCerrada(decision)) ultimoCerrado = hallazgo.clave;
    const r = await acciones.decidir(hallazgo, decision, nota);
    if (r) ultimoCerrado = null;
    setError(r);
    if (r) notaRef.current?.focus();
  };

  return (
    <section className={s.seccion} aria-labelledby="titulo-decision" data-testid="decision-hallazgo">
      <h3 id="titulo-decision" className={s.titulo}>
        {M.seccion}: <span data-testid="decision-actual">{actual.decision}</span>
      </h3>
      <RadioGroup
        aria-label={M.grupoDecision}
        layout="horizontal"
        className={s.opciones}
        value={decision}
        onChange={(_, d) => {
          setDecision(d.value as Decision);
          setError(null);
        }}
      >
        {DECISIONES.map((d) => (
          <Radio key={d} value={d} label={d} />
        ))}
      </RadioGroup>
      <Field
        label={M.nota}
        required={obligatoria}
        hint={`${obligatoria ? M.notaObligatoria : M.notaOpcional} ${M.caracteres(largo)}.`}
        validationState={mensajeNota ? "error" : "none"}
        validationMessage={mensajeNota ?? undefined}
      >
        <Textarea
          ref={notaRef}
          value={nota}
          maxLength={NOTA_MAXIMA}
          resize="vertical"
          onChange={(_, d) => {
            setNota(d.value);
            setError(null);
          }}
          onKeyDown={(e) => {
            // Ctrl+Intro guarda desde la nota (Intro solo es un salto de línea).
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void guardar();
            }
          }}
        />
      </Field>
      <div className={s.acciones}>
        <Button
          appearance="primary"
          size="small"
          disabledFocusable={guardandoDecision || sinCambios}
          onClick={() => void guardar()}
        >
          {M.guardar}
        </Button>
        <span role="status">{guardandoDecision && <Spinner size="tiny" label={M.guardando} />}</span>
      </div>
      <details>
        <summary className={s.resumenHistorial}>{M.historial(guardada?.historial.length ?? 0)}</summary>
        {guardada ? (
          <ol className={s.historial} reversed data-testid="historial-decision">
            {[...guardada.historial].reverse().map((c, i) => (
              <li key={`${c.fecha}-${i}`}>
                {M.cambio(fechaDecision(c.fecha), c.autor, c.decision)}
                {c.nota && <span className={s.nota}>{c.nota}</span>}
              </li>
            ))}
          </ol>
        ) : (
          <Caption1>{M.sinHistorial}</Caption1>
        )}
      </details>
    </section>
  );
}
