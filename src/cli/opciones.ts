/**
 * Lectura de los argumentos de los comandos del ciclo del año (sellar, comparar, informe, anexo,
 * plantilla, normalizar, consolidar): posicionales, opciones con valor (`--mes 6` o `--mes=6`) y
 * `--` para terminar las opciones. Una opción repetida es un error. Cada error es una línea en español.
 */
export interface ArgumentosLeidos {
  posicionales: string[];
  valores: Map<string, string>;
  ayuda: boolean;
}

const AYUDA = new Set(["-h", "--help", "--ayuda"]);

export function leerOpciones(
  args: readonly string[],
  conValor: Readonly<Record<string, string>>,
  ayudaDeUso: string,
): ArgumentosLeidos | { error: string } {
  const fin = args.indexOf("--");
  const opciones = fin < 0 ? args : args.slice(0, fin);
  if (opciones.some((a) => AYUDA.has(a))) return { posicionales: [], valores: new Map(), ayuda: true };
  const posicionales: string[] = [];
  const valores = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (i === fin) {
      posicionales.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith("-") || a === "-") {
      posicionales.push(a);
      continue;
    }
    const igual = a.indexOf("=");
    const nombre = a.startsWith("--") && igual > 0 ? a.slice(0, igual) : a;
    if (!Object.prototype.hasOwnProperty.call(conValor, nombre))
      return { error: `Opción desconocida: «${nombre}». ${ayudaDeUso}` };
    let valor = a.startsWith("--") && igual > 0 ? a.slice(igual + 1) : undefined;
    if (valor === undefined) {
      const siguiente = args[i + 1];
      if (siguiente === undefined || siguiente.startsWith("--") || i + 1 === fin)
        return { error: `La opción ${nombre} necesita un valor (${conValor[nombre]}). ${ayudaDeUso}` };
      valor = siguiente;
      i++;
    }
    if (valor.trim() === "" && nombre !== "--nota")
      return { error: `La opción ${nombre} necesita un valor (${conValor[nombre]}). ${ayudaDeUso}` };
    if (valores.has(nombre)) return { error: `La opción ${nombre} está repetida. ${ayudaDeUso}` };
    valores.set(nombre, valor);
  }
  return { posicionales, valores, ayuda: false };
}
