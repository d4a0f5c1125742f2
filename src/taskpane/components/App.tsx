import { useState } from "react";
import {
  Body1,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Title2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { MENSAJES } from "../mensajes";

const useStyles = makeStyles({
  raiz: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  acciones: {
    display: "flex",
  },
});

/** Panel mínimo: título, descripción y el botón «Validar PMR» (la validación se conecta después). */
export function App() {
  const estilos = useStyles();
  const [aviso, setAviso] = useState<string | null>(null);

  return (
    <main className={estilos.raiz}>
      <Title2 as="h1">{MENSAJES.titulo}</Title2>
      <Body1 as="p">{MENSAJES.descripcion}</Body1>
      <div className={estilos.acciones}>
        <Button appearance="primary" onClick={() => setAviso(MENSAJES.validacionProximamente)}>
          {MENSAJES.botonValidar}
        </Button>
      </div>
      {aviso && (
        <MessageBar intent="info" role="status">
          <MessageBarBody>
            <MessageBarTitle>{MENSAJES.tituloAviso}</MessageBarTitle>
            {aviso}
          </MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}
