/**
 * Zod sin `new Function`: por omisión, zod 4 prueba si puede compilar validadores con
 * `new Function("")` (y lo hace, si puede, para ir más rápido). La política de seguridad del panel
 * (src/taskpane/taskpane.html, docs/seguridad.md) no permite eval, así que esa prueba deja una
 * violación en la consola en cada carga. Con `jitless` zod valida igual, sin intentarlo.
 *
 * Se importa primero en cada paquete del navegador (panel, comandos, funciones): los módulos se
 * evalúan en el orden de las importaciones y así la opción rige antes de cualquier `parse`.
 */
import { z } from "zod";

z.config({ jitless: true });
