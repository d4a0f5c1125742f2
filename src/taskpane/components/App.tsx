import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { almacenPanel, PESTANAS, type Pestana } from "../estado";
import { MENSAJES } from "../mensajes";
import { useEstadoPanel } from "../usarEstado";
import { Configuracion } from "./Configuracion";
import { Hallazgos } from "./Hallazgos";
import { Resumen } from "./Resumen";
import { Tablero } from "./Tablero";

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
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalM,
    paddingInline: tokens.spacingHorizontalM,
  },
  titulo: {
    margin: 0,
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

/** El panel: título, aviso y cuatro pestañas (Resumen, Hallazgos, Tablero, Configuración). */
export function App() {
  const s = useStyles();
  const { pestana } = useEstadoPanel();

  return (
    <main className={s.raiz}>
      <div className={s.cabecera}>
        <Title3 as="h1" className={s.titulo}>
          {MENSAJES.titulo}
        </Title3>
        <Aviso />
      </div>
      <TabList
        className={s.pestanas}
        size="small"
        selectedValue={pestana}
        onTabSelect={(_, d) => almacenPanel().actualizar({ pestana: d.value as Pestana })}
        aria-label={MENSAJES.pestanas}
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
      <div role="tabpanel" id={`panel-${pestana}`} aria-labelledby={`pestana-${pestana}`} className={s.panel}>
        {pestana === "resumen" && <Resumen />}
        {pestana === "hallazgos" && <Hallazgos />}
        {pestana === "tablero" && <Tablero />}
        {pestana === "configuracion" && <Configuracion />}
      </div>
    </main>
  );
}
