import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { lazy, Suspense, useLayoutEffect, useRef } from "react";
import { TINTAS } from "../colores";
import { almacenPanel, PESTANAS, type Pestana } from "../estado";
import { cambioDePestana, formatearHora } from "../logica";
import { MENSAJES } from "../mensajes";
import { useAcciones, useEstadoPanel } from "../usarEstado";
import { IconoEstado } from "./comunes";
import { Consolidar } from "./Consolidar";
import { Informe } from "./Informe";
import { Resumen } from "./Resumen";

// El panel abre en Resumen: las otras pestañas (y lo que solo ellas usan de Fluent UI: la lista
// virtual, diálogos, acordeones, campos) se cargan la primera vez que se abren. Así la primera
// carga del panel se queda en lo que se ve primero.
const cargarHallazgos = () => import("./Hallazgos");
const cargarTablero = () => import("./Tablero");
const cargarConfiguracion = () => import("./PestanaConfiguracion");
const Hallazgos = lazy(() => cargarHallazgos().then((m) => ({ default: m.Hallazgos })));
const Tablero = lazy(() => cargarTablero().then((m) => ({ default: m.Tablero })));
const PestanaConfiguracion = lazy(cargarConfiguracion);

let precargadas = false;
/**
 * Cuando el puntero o el foco llegan a las pestañas, se piden ya los paquetes de las otras (webpack
 * los guarda): al hacer clic, la pestaña abre sin esperar. Nada se pide si nadie se acerca.
 */
function precargarPestanas(): void {
  if (precargadas) return;
  precargadas = true;
  for (const cargar of [cargarHallazgos, cargarTablero, cargarConfiguracion]) void cargar().catch(() => undefined);
}

const useStyles = makeStyles({
  raiz: {
    display: "flex",
    flexDirection: "column",
    height: "100%",
    minHeight: 0,
    boxSizing: "border-box",
  },
  cabecera: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalM,
  },
  // Título discreto: el espacio del panel es para el trabajo.
  titulo: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  pestanas: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingInline: tokens.spacingHorizontalXS,
    flexShrink: 0,
    // Si el panel es más angosto que las cuatro pestañas, pasan a otra línea (nada queda oculto).
    flexWrap: "wrap",
  },
  // En un panel angosto, pestañas compactas: las cuatro caben en una línea a 320 px.
  pestana: {
    "@media (max-width: 359px)": {
      paddingLeft: tokens.spacingHorizontalXXS,
      paddingRight: tokens.spacingHorizontalXXS,
    },
  },
  panel: {
    flexGrow: 1,
    minHeight: 0,
    display: "flex",
    flexDirection: "column",
    overflowY: "auto",
  },
  cerrar: {
    minWidth: "auto",
  },
  desactualizado: {
    display: "flex",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: `4px solid ${TINTAS.warning.borde}`,
    backgroundColor: TINTAS.warning.fondo,
    color: TINTAS.warning.texto,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  cargando: { padding: tokens.spacingVerticalXXL },
  iconoDesactualizado: { marginTop: "2px", flexShrink: 0 },
  textoDesactualizado: { flexGrow: 1, margin: 0 },
});

const TEXTO_PESTANA: Readonly<Record<Pestana, string>> = {
  resumen: MENSAJES.pestanaResumen,
  hallazgos: MENSAJES.pestanaHallazgos,
  tablero: MENSAJES.pestanaTablero,
  configuracion: MENSAJES.pestanaConfiguracion,
};

/** El aviso del panel (errores en español, confirmaciones). Uno a la vez; se puede cerrar. */
function Aviso() {
  const s = useStyles();
  const { aviso } = useEstadoPanel();
  if (!aviso) return null;
  return (
    <MessageBar
      // Una clave por aviso: cada aviso nuevo se anuncia a los lectores de pantalla.
      key={`${aviso.intent}:${aviso.titulo}:${aviso.texto}`}
      intent={aviso.intent}
      layout="multiline"
      data-testid="aviso"
    >
      <MessageBarBody>
        <MessageBarTitle>{aviso.titulo}</MessageBarTitle> {aviso.texto}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            size="small"
            className={s.cerrar}
            aria-label={MENSAJES.cerrarAviso}
            onClick={() => almacenPanel().actualizar({ aviso: null })}
          >
            <span aria-hidden="true">✕</span>
          </Button>
        }
      />
    </MessageBar>
  );
}

/**
 * Lo que se ve es de una validación anterior: la última falló (Excel no respondió, el libro se
 * cerró…). Se dice en las pestañas con resultados hasta que una validación termine bien.
 */
function Desactualizado() {
  const s = useStyles();
  const acciones = useAcciones();
  const { desactualizado, ultimaValidacion, informe, validando } = useEstadoPanel();
  if (!desactualizado || !informe || ultimaValidacion === null) return null;
  return (
    <div className={s.desactualizado} data-testid="desactualizado">
      <IconoEstado icono="aviso" className={s.iconoDesactualizado} />
      <p className={s.textoDesactualizado}>
        {MENSAJES.desactualizado(formatearHora(ultimaValidacion), desactualizado)}
      </p>
      <Button size="small" disabledFocusable={validando} onClick={() => void acciones.validar()}>
        {MENSAJES.validarDeNuevo}
      </Button>
    </div>
  );
}

/** El panel: título, aviso y cuatro pestañas (Resumen, Hallazgos, Tablero, Configuración). */
export function App() {
  const s = useStyles();
  const { pestana } = useEstadoPanel();
  const panel = useRef<HTMLDivElement>(null);
  // Cada pestaña recuerda su propio desplazamiento: una pestaña nueva abre arriba (no hereda el
  // de la anterior) y al volver al Tablero se sigue donde se estaba.
  const desplazamientos = useRef(new Map<Pestana, number>());
  const anterior = useRef<Pestana>(pestana);

  useLayoutEffect(() => {
    if (anterior.current === pestana || !panel.current) return;
    anterior.current = pestana;
    panel.current.scrollTop = desplazamientos.current.get(pestana) ?? 0;
  }, [pestana]);

  return (
    <main className={s.raiz}>
      <div className={s.cabecera}>
        <h1 className={s.titulo}>{MENSAJES.titulo}</h1>
        <Aviso />
      </div>
      <TabList
        className={s.pestanas}
        size="small"
        selectedValue={pestana}
        onTabSelect={(_, d) => almacenPanel().actualizar((e) => cambioDePestana(e, d.value as Pestana))}
        aria-label={MENSAJES.pestanas}
        onPointerEnter={precargarPestanas}
        onFocus={precargarPestanas}
      >
        {PESTANAS.map((p) => (
          <Tab
            key={p}
            id={`pestana-${p}`}
            value={p}
            className={s.pestana}
            aria-controls={p === pestana ? `panel-${p}` : undefined}
          >
            {TEXTO_PESTANA[p]}
          </Tab>
        ))}
      </TabList>
      <div
        ref={panel}
        role="tabpanel"
        id={`panel-${pestana}`}
        aria-labelledby={`pestana-${pestana}`}
        className={s.panel}
        data-testid="panel-pestana"
        onScroll={(e) => desplazamientos.current.set(pestana, e.currentTarget.scrollTop)}
      >
        {pestana !== "configuracion" && <Desactualizado />}
        {pestana === "resumen" && <Resumen />}
        {pestana === "resumen" && <Informe />}
        {pestana === "resumen" && <Consolidar />}
        <Suspense fallback={<Spinner size="small" className={s.cargando} label={MENSAJES.cargandoPestana} />}>
          {pestana === "hallazgos" && <Hallazgos />}
          {pestana === "tablero" && <Tablero />}
          {pestana === "configuracion" && <PestanaConfiguracion />}
        </Suspense>
      </div>
    </main>
  );
}
