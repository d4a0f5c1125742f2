/**
 * Sección «Cierre» del panel (PMR-SPEC §6.2): sellar los meses 1..M de la vigencia con una nota,
 * ver los sellos guardados en el libro y qué cubre cada uno. Al sellar dice cuántos errores tenía
 * el libro (sellar con errores está permitido). Usa el adaptador de Excel (src/hosts/excel/cierre.ts).
 */
import {
  Body1,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useState, type FormEvent } from "react";
import type { OpcionesSellado, ResultadoSellado } from "../../casos/sellar";
import type { Sellos } from "../../domain/sellos";
import type { LecturaRanura } from "../../workbook/almacen";
import { MENSAJES_PANEL_CIERRE as T, resumenSellado, sellosVisibles } from "../cierre";
import { nombreMes } from "../logica";
import { useEstadoPanel } from "../usarEstado";

const useStyles = makeStyles({
  seccion: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  subtitulo: { margin: 0 },
  ayuda: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
  lista: {
    listStyle: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  sello: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  tituloSello: { fontWeight: tokens.fontWeightSemibold, margin: 0 },
  linea: { margin: 0, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  alterado: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorPaletteRedForeground1 },
});

/** Lo que la sección necesita del anfitrión (Excel; las pruebas lo reemplazan). */
export interface DependenciasCierre {
  leer(): Promise<LecturaRanura<Sellos>>;
  sellar(o: OpcionesSellado): Promise<ResultadoSellado>;
}

// El adaptador de Cierre (sellar, leer sellos) se carga al usarlo, fuera de la primera carga del panel.
const EXCEL: DependenciasCierre = {
  leer: async () => (await import("../../hosts/excel/cierre")).leerSellosExcel(),
  sellar: async (o) => (await import("../../hosts/excel/cierre")).sellarEnExcel(o),
};

export function Cierre({ dependencias = EXCEL }: { dependencias?: DependenciasCierre }) {
  const s = useStyles();
  const { informe } = useEstadoPanel();
  const [mes, setMes] = useState(() => informe?.evaluacion.corte ?? 6);
  const [nota, setNota] = useState("");
  const [lectura, setLectura] = useState<LecturaRanura<Sellos> | null>(null);
  const [sellando, setSellando] = useState(false);
  const [resultado, setResultado] = useState<{
    intent: "success" | "warning" | "error";
    titulo: string;
    texto: string;
  } | null>(null);

  const leer = useCallback(async () => {
    try {
      setLectura(await dependencias.leer());
    } catch {
      setLectura({ datos: null, problemas: [T.errorInesperado], version: null });
    }
  }, [dependencias]);

  useEffect(() => {
    void leer();
  }, [leer]);

  const enviar = async (e: FormEvent) => {
    e.preventDefault();
    if (sellando) return;
    setSellando(true);
    setResultado(null);
    try {
      const r = await dependencias.sellar({ mes, nota });
      const resumen = resumenSellado(r);
      setResultado({ intent: resumen.intent, titulo: T.selloGuardado, texto: resumen.texto });
      setNota("");
      setLectura({ datos: { sellos: r.sellos }, problemas: [], version: 1 });
    } catch (error) {
      const texto =
        error instanceof Error && /^No se|^El mes|^La nota/.test(error.message) ? error.message : T.errorInesperado;
      setResultado({ intent: "error", titulo: T.noSeSello, texto });
    } finally {
      setSellando(false);
    }
  };

  const sellos = lectura?.datos?.sellos ?? [];
  const visibles = sellosVisibles(sellos);
  return (
    <section className={s.seccion} aria-labelledby="titulo-cierre" data-testid="cierre">
      <Subtitle2 as="h2" id="titulo-cierre" className={s.subtitulo}>
        {T.titulo}
      </Subtitle2>
      <p className={s.ayuda}>{T.explicacion}</p>
      <form onSubmit={(e) => void enviar(e)} style={{ display: "contents" }}>
        <Field label={T.mes}>
          <Select value={String(mes)} onChange={(_e, d) => setMes(Number(d.value))} data-testid="cierre-mes">
            {Array.from({ length: 12 }, (_v, i) => (
              <option key={i + 1} value={i + 1}>
                {nombreMes(i + 1)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={T.nota} hint={T.notaAyuda}>
          <Textarea
            value={nota}
            maxLength={2000}
            resize="vertical"
            onChange={(_e, d) => setNota(d.value)}
            data-testid="cierre-nota"
          />
        </Field>
        <div>
          <Button appearance="primary" type="submit" disabledFocusable={sellando} data-testid="cierre-sellar">
            {sellando ? T.sellando : T.sellar(mes)}
          </Button>
        </div>
      </form>
      {resultado && (
        <MessageBar intent={resultado.intent} layout="multiline" data-testid="cierre-resultado">
          <MessageBarBody>
            <MessageBarTitle>{resultado.titulo}</MessageBarTitle> {resultado.texto}
          </MessageBarBody>
        </MessageBar>
      )}
      <Subtitle2 as="h3" className={s.subtitulo}>
        {T.sellosDelLibro}
      </Subtitle2>
      {lectura === null && <Body1>{T.leyendo}</Body1>}
      {lectura !== null && lectura.datos === null && lectura.problemas.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{T.sellosIlegibles}</MessageBarTitle> {lectura.problemas.join(" ")}
          </MessageBarBody>
        </MessageBar>
      )}
      {lectura !== null && lectura.problemas.length === 0 && visibles.length === 0 && <Body1>{T.sinSellos}</Body1>}
      {visibles.length > 0 && (
        <ul className={s.lista} data-testid="cierre-sellos">
          {visibles.map((v) => (
            <li key={v.clave} className={s.sello}>
              <p className={s.tituloSello}>{v.titulo}</p>
              <p className={s.linea}>{v.cubre}</p>
              <p className={s.linea}>{v.cuando}</p>
              {v.nota && <p className={s.linea}>Nota: {v.nota}</p>}
              {!v.intacto && <p className={s.alterado}>⚠ {T.alterado}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
