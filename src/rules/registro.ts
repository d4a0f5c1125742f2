/**
 * PROVISIONAL: lo reemplaza el registro de reglas (issue 4). Por ahora convierte los problemas
 * de lectura del modelo en hallazgos de Estructura para que la línea de comandos funcione.
 */
import { claveHallazgo, type Configuracion, type Evaluacion, type Hallazgo, type ModeloPmr } from "../domain";

export function ejecutarReglas(modelo: ModeloPmr, _evaluacion: Evaluacion, _config: Configuracion): Hallazgo[] {
  return modelo.lectura.map((p) => ({
    regla: `EST-${p.tipo.toUpperCase()}`,
    categoria: "Estructura",
    severidad: p.tipo === "columna-duplicada" ? "advertencia" : "error",
    mensaje: p.detalle,
    hoja: p.hoja,
    celda: p.celda ?? "A1",
    clave: claveHallazgo(`EST-${p.tipo.toUpperCase()}`, p.hoja, p.campo, p.detalle),
  }));
}
