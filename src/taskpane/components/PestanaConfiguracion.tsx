/**
 * La pestaña Configuración: los parámetros del cálculo, el cierre del periodo y la plantilla. Un
 * módulo propio para que App la cargue al abrirla (React.lazy), con lo que solo ella usa.
 */
import { Cierre } from "./Cierre";
import { Configuracion } from "./Configuracion";
import { PlantillaNormalizar } from "./PlantillaNormalizar";

export default function PestanaConfiguracion() {
  return (
    <>
      <Configuracion />
      <Cierre />
      <PlantillaNormalizar />
    </>
  );
}
