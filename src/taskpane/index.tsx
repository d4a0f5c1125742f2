// Primero: zod sin eval, antes de cualquier parse (política de seguridad del panel).
import "../hosts/excel/sinEval";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./components/App";
import { crearAcciones } from "./controlador";
import { almacenPanel, registrarAcciones } from "./estado";

// Las acciones se registran al cargar el paquete (antes de Office.onReady): el botón «Validar PMR»
// de la cinta, que vive en la misma página, las usa aunque el panel aún no se haya abierto.
const acciones = registrarAcciones(crearAcciones(almacenPanel()));

/** Monta el panel en #container. Se llama cuando Office.js está listo (dentro o fuera de Office). */
function montar(): void {
  const contenedor = document.getElementById("container");
  if (!contenedor) return;
  createRoot(contenedor).render(
    <FluentProvider theme={webLightTheme} style={{ height: "100%" }}>
      <App />
    </FluentProvider>,
  );
}

Office.onReady(() => {
  montar();
  // Resaltado guardado en el libro y «Validar mientras escribe» (si el analista lo dejó activo).
  void acciones.iniciar();
});
