import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./components/App";

/** Monta el panel en #container. Se llama cuando Office.js está listo (dentro o fuera de Office). */
function montar(): void {
  const contenedor = document.getElementById("container");
  if (!contenedor) return;
  createRoot(contenedor).render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>,
  );
}

Office.onReady(() => montar());
