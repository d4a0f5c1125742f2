/** Hoja PMR_Territorial (PMR-SPEC §4): metas y ejecución de cada indicador por localidad. Opcional. */
import { z } from "zod";
import { leerLocalidad } from "../valores";
import { definirHoja } from "./descriptor";

const numero = z.number().nullable();
const texto = z.string().nullable();

export const CAMPOS_TERRITORIAL = ["codigoIndicador", "localidad", "metaVigencia", "ejecutado"] as const;
export type CampoTerritorial = (typeof CAMPOS_TERRITORIAL)[number];

export const FilaTerritorialSchema = z.object({
  fila: z.number().int().positive(),
  codigoIndicador: texto,
  /** Texto tal como está en la hoja. */
  localidadTexto: texto,
  /** 1–20 para las localidades de Bogotá, 0 para Distrital, null si no se reconoce. */
  localidad: z.number().int().min(0).max(20).nullable(),
  metaVigencia: numero,
  ejecutado: numero,
});
export type FilaTerritorial = z.infer<typeof FilaTerritorialSchema>;

export const HojaTerritorialSchema = z.object({
  nombre: z.string(),
  filaEncabezado: z.number().int().positive(),
  columnas: z.object({
    campos: z.partialRecord(z.enum(CAMPOS_TERRITORIAL), z.number().int().nonnegative()),
  }),
  filas: z.array(FilaTerritorialSchema),
});
export type HojaTerritorial = z.infer<typeof HojaTerritorialSchema>;

export const HOJA_TERRITORIAL = definirHoja<CampoTerritorial, never, FilaTerritorial, HojaTerritorial>({
  id: "territorial",
  nombre: "PMR_Territorial",
  nombres: ["PMR_Territorial", "Territorial", "PMR territorialización", "Territorialización"],
  raiz: "territori",
  requerida: false,
  campos: {
    codigoIndicador: {
      encabezados: ["Código indicador", "Cód. indicador", "ID indicador", "Indicador No.", "No. indicador"],
      relleno: true,
    },
    localidad: {
      encabezados: ["Localidad", "Nombre localidad", "Código localidad", "Localidad No."],
      calificadores: ["nombre", "número", "código"],
      relleno: true,
    },
    metaVigencia: {
      encabezados: ["Meta vigencia", "Meta anual", "Programación vigencia", "Meta localidad", "Meta"],
      calificadores: ["localidad", "vigencia", "territorial", "territorializada", "indicador"],
    },
    ejecutado: {
      encabezados: ["Ejecutado", "Ejecución", "Ejecutado acumulado", "Avance"],
      calificadores: ["localidad", "acumulado", "acumulada", "vigencia", "territorial", "indicador"],
    },
  },
  series: {},
  obligatorios: ["codigoIndicador", "localidad"],
  identidad: ["codigoIndicador", "localidad"],
  palabrasClave: ["meta", "ejecu", "avance", "program", "localidad"],
  plantilla: ["codigoIndicador", "localidad", "metaVigencia", "ejecutado"],
  esquemaFila: FilaTerritorialSchema,
  esquema: HojaTerritorialSchema,
  leerFila(l): FilaTerritorial | null {
    const codigoIndicador = l.texto("codigoIndicador");
    if (codigoIndicador === null && l.esFilaDeTotal()) return null;
    const crudo = l.crudo("localidad");
    const localidadTexto = l.texto("localidad");
    let localidad: number | null = null;
    if (localidadTexto !== null)
      localidad = typeof crudo === "number" ? leerLocalidad(crudo) : l.interpretar(localidadTexto, leerLocalidad);
    return {
      fila: l.fila,
      codigoIndicador,
      localidadTexto,
      localidad,
      metaVigencia: l.numero("metaVigencia"),
      ejecutado: l.numero("ejecutado"),
    };
  },
  construir: ({ periodos: _periodos, ...base }, filas): HojaTerritorial => ({ ...base, filas }),
});
