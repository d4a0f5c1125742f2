/**
 * La ranura de los sellos de cierre (PMR-SPEC §6.2): todos los sellos del libro, en el orden en
 * que se sellaron (se acumulan: el de junio y luego el de diciembre). Vive en partes XML
 * personalizadas, troceadas en partes de a lo sumo MAX_BYTES_PARTE (ver sobre.ts). La forma y la
 * huella de cada sello están en src/domain/sellos.ts.
 */
import { SellosSchema, esSellosValidos, type Sellos } from "../../domain/sellos";
import { definirRanura, problemasDeZod } from "./ranura";

export const RANURA_SELLOS = definirRanura<Sellos>({
  nombre: "sellos",
  descripcion: "los sellos de cierre",
  version: 1,
  schema: SellosSchema,
  // El recorrido a mano acepta lo mismo que el esquema, cientos de veces más rápido con 10.000
  // indicadores; lo que no acepta se valida con zod para los mensajes.
  validar: (datos) => {
    if (esSellosValidos(datos)) return { ok: true, datos };
    const r = SellosSchema.safeParse(datos);
    return r.success ? { ok: true, datos: r.data } : { ok: false, problemas: problemasDeZod(r.error) };
  },
});
