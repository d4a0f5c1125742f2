import type { Hallazgo } from "../../domain/hallazgo";
import { citar } from "../formato";
import { definirRegla } from "../tipos";
import { hallazgo, textoVacio } from "../utilidades";

const mensaje = (d: { texto: string | null; indicador: string | null; celda: string }) =>
  `${d.texto ? `La localidad ${citar(d.texto)}` : "La localidad vacía"}${d.indicador ? ` (indicador ${d.indicador})` : ""} no es una localidad de Bogotá. Escriba en ${d.celda} el número (1 a 20) o el nombre de la localidad, por ejemplo «8 - Kennedy» o «Ciudad Bolívar», o «Distrital» para lo que no se puede ubicar.`;

export const terLocalidadDesconocida = definirRegla(
  {
    id: "TER-LOCALIDAD-DESCONOCIDA",
    categoria: "Territorialización",
    severidad: "error",
    descripcion: "Una fila territorial con una localidad que no se reconoce (o vacía).",
    mensaje: mensaje({ texto: "Kenedy", indicador: "I3", celda: "B7" }),
    esperado: "Una de las 20 localidades de Bogotá (por número o por nombre) o «Distrital».",
    comoCorregir:
      "Use el número o el nombre de una de las 20 localidades: 1 Usaquén, 2 Chapinero, 3 Santa Fe, 4 San Cristóbal, 5 Usme, 6 Tunjuelito, 7 Bosa, 8 Kennedy, 9 Fontibón, 10 Engativá, 11 Suba, 12 Barrios Unidos, 13 Teusaquillo, 14 Los Mártires, 15 Antonio Nariño, 16 Puente Aranda, 17 La Candelaria, 18 Rafael Uribe Uribe, 19 Ciudad Bolívar, 20 Sumapaz; o «Distrital». Las tildes y mayúsculas no importan; «8 - Suba» (número y nombre que no coinciden) no se acepta.",
    requiere: "territorial",
    detalle: "Las filas totalmente vacías (sin código, localidad ni valores) no se señalan.",
  },
  (ctx, meta) => {
    const salida: Hallazgo[] = [];
    const hoja = ctx.territorial!;
    for (const f of hoja.filas) {
      if (f.localidad !== null) continue;
      if (
        textoVacio(f.localidadTexto) &&
        textoVacio(f.codigoIndicador) &&
        f.metaVigencia === null &&
        f.ejecutado === null
      )
        continue;
      const celda = ctx.celdaTerritorial(f, "localidad");
      const texto = textoVacio(f.localidadTexto) ? null : f.localidadTexto!.trim();
      const indicador = textoVacio(f.codigoIndicador) ? null : f.codigoIndicador!.trim();
      salida.push(hallazgo(meta, hoja.nombre, celda, mensaje({ texto, indicador, celda }), ctx.idTerritorial(f)));
    }
    return salida;
  },
);
