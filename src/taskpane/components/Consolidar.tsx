/**
 * Sección «Consolidar libros de los gerentes» (PMR-SPEC §6.6): elegir archivos .xlsx (selector o
 * arrastrar y soltar), el progreso de cada archivo y el resultado. El lector de .xlsx y la
 * consolidación se cargan con `import()` solo al consolidar (paquete aparte de webpack).
 */
import {
  Body1,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useRef, useState, type DragEvent } from "react";
import type { Hallazgo } from "../../domain/hallazgo";
import { MENSAJES_CONSOLIDAR as M } from "../mensajesConsolidar";
import { useAcciones } from "../usarEstado";

const useStyles = makeStyles({
  seccion: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    margin: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  titulo: { margin: 0 },
  zona: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  zonaActiva: { backgroundColor: tokens.colorBrandBackground2 },
  lista: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  estado: { color: tokens.colorNeutralForeground3 },
  conflicto: { overflowWrap: "anywhere" },
});

type Fase = "eligiendo" | "trabajando" | "listo";

interface Resultado {
  intent: "success" | "warning" | "error" | "info";
  texto: string;
  resumen: string | null;
  conflictos: Hallazgo[];
}

const MAX_CONFLICTOS = 20;

function ubicacion(h: Hallazgo): string {
  if (h.archivo === undefined) return `${h.hoja}!${h.celda}`;
  return h.hoja === "" ? `[${h.archivo}]` : `[${h.archivo}]${h.hoja}!${h.celda}`;
}

export function Consolidar() {
  const s = useStyles();
  const entrada = useRef<HTMLInputElement>(null);
  const [archivos, setArchivos] = useState<File[]>([]);
  const [estados, setEstados] = useState<Record<number, string>>({});
  const [fase, setFase] = useState<Fase>("eligiendo");
  const [etapa, setEtapa] = useState<string | null>(null);
  const [encima, setEncima] = useState(false);
  const [rechazados, setRechazados] = useState(0);
  const [pregunta, setPregunta] = useState<{ hojas: readonly string[]; responder: (si: boolean) => void } | null>(null);
  const [resultado, setResultado] = useState<Resultado | null>(null);

  const agregar = (lista: FileList | null) => {
    if (!lista) return;
    const todos = [...lista];
    const xlsx = todos.filter((f) => /\.xlsx$/i.test(f.name));
    setRechazados(todos.length - xlsx.length);
    setArchivos((previos) => [...previos, ...xlsx.filter((f) => !previos.some((p) => p.name === f.name))]);
    setEstados({});
    setResultado(null);
    setFase("eligiendo");
  };

  const soltar = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setEncima(false);
    if (fase !== "trabajando") agregar(e.dataTransfer.files);
  };

  const acciones = useAcciones();
  const consolidarAhora = async () => {
    setFase("trabajando");
    setResultado(null);
    setEstados(Object.fromEntries(archivos.map((_, i) => [i, M.pendiente])));
    setEtapa(M.cargando);
    try {
      // Paquete aparte: el lector de .xlsx, JSZip y la consolidación llegan solo ahora.
      const { consolidarEnLibro } = await import(/* webpackChunkName: "consolidacion" */ "../consolidacion");
      const { informe, escritura } = await consolidarEnLibro(archivos, {
        alProgreso: (p) => {
          if (p.etapa === "leyendo") {
            setEtapa(null);
            setEstados((e) => ({ ...e, [p.indice]: M.leyendo }));
          } else if (p.etapa === "leido") setEstados((e) => ({ ...e, [p.indice]: M.leido(p.indicadores) }));
          else if (p.etapa === "ilegible") setEstados((e) => ({ ...e, [p.indice]: M.ilegible(p.mensaje) }));
          else if (p.etapa === "validando") setEtapa(M.validando);
          else setEtapa(M.escribiendo);
        },
        confirmarReemplazo: (hojas) => new Promise<boolean>((responder) => setPregunta({ hojas, responder })),
        // La configuración de este libro (la del analista, la de la pestaña Configuración), como
        // `pmr consolidar --config`: la guardada en cada libro de los gerentes no se usa.
        pedida: acciones.leerConfiguracion().configuracion,
      });
      const conflictos = informe.hallazgos.filter((h) => h.categoria === "Consolidación");
      const resumen = M.resumen(
        informe.leidos,
        informe.archivos.length,
        informe.resumen.errores,
        informe.resumen.advertencias,
      );
      if (escritura === null) setResultado({ intent: "error", texto: M.ningunoLeido, resumen, conflictos });
      else if (escritura.cancelado) setResultado({ intent: "info", texto: M.cancelado, resumen, conflictos });
      else
        setResultado({
          intent: informe.resumen.errores > 0 ? "warning" : "success",
          texto: M.listo(escritura.hojas.map((h) => h.nombre)),
          resumen,
          conflictos,
        });
    } catch (e) {
      setResultado({
        intent: "error",
        texto: M.error(e instanceof Error ? e.message : String(e)),
        resumen: null,
        conflictos: [],
      });
    } finally {
      setPregunta(null);
      setEtapa(null);
      setFase("listo");
    }
  };

  const responder = (si: boolean) => {
    pregunta?.responder(si);
    setPregunta(null);
  };

  return (
    <section className={s.seccion} aria-labelledby="titulo-consolidar" data-testid="consolidar">
      <Subtitle2 as="h2" id="titulo-consolidar" className={s.titulo}>
        {M.titulo}
      </Subtitle2>
      <Body1>{M.explicacion}</Body1>
      <div
        className={encima ? `${s.zona} ${s.zonaActiva}` : s.zona}
        role="group"
        aria-label={M.zona}
        data-testid="zona-consolidar"
        onDragOver={(e) => {
          e.preventDefault();
          setEncima(true);
        }}
        onDragLeave={() => setEncima(false)}
        onDrop={soltar}
      >
        <Button disabled={fase === "trabajando"} onClick={() => entrada.current?.click()}>
          {M.elegir}
        </Button>
        <span>{M.soltar}</span>
        <input
          ref={entrada}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple
          hidden
          data-testid="elegir-xlsx"
          onChange={(e) => {
            agregar(e.currentTarget.files);
            e.currentTarget.value = "";
          }}
        />
      </div>
      {rechazados > 0 && <Body1 role="status">{M.soloXlsx(rechazados)}</Body1>}
      {archivos.length > 0 && (
        <ul className={s.lista} data-testid="archivos-consolidar">
          {archivos.map((f, i) => (
            <li key={f.name}>
              {f.name}
              {estados[i] && <span className={s.estado}> · {estados[i]}</span>}
            </li>
          ))}
        </ul>
      )}
      {archivos.length > 0 && (
        <div className={s.zona} style={{ border: "none", padding: 0 }}>
          <Button appearance="primary" disabled={fase === "trabajando"} onClick={() => void consolidarAhora()}>
            {M.consolidar(archivos.length)}
          </Button>
          <Button
            disabled={fase === "trabajando"}
            onClick={() => {
              setArchivos([]);
              setEstados({});
              setResultado(null);
              setRechazados(0);
            }}
          >
            {M.quitar}
          </Button>
        </div>
      )}
      {etapa && (
        <Body1 role="status" data-testid="etapa-consolidar">
          {etapa}
        </Body1>
      )}
      {pregunta && (
        <MessageBar intent="warning" layout="multiline" data-testid="pregunta-consolidar">
          <MessageBarBody>{M.preguntaReemplazo(pregunta.hojas)}</MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => responder(true)}>
              {M.reemplazar}
            </Button>
            <Button onClick={() => responder(false)}>{M.cancelar}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {resultado && (
        <MessageBar intent={resultado.intent} layout="multiline" data-testid="resultado-consolidar">
          <MessageBarBody>
            {resultado.texto} {resultado.resumen}
          </MessageBarBody>
        </MessageBar>
      )}
      {resultado && resultado.resumen !== null && (
        <div data-testid="conflictos-consolidar">
          <Subtitle2 as="h3" className={s.titulo}>
            {M.conflictos}
          </Subtitle2>
          {resultado.conflictos.length === 0 ? (
            <Body1>{M.sinConflictos}</Body1>
          ) : (
            <ul className={s.lista}>
              {resultado.conflictos.slice(0, MAX_CONFLICTOS).map((h) => (
                <li key={h.clave} className={s.conflicto}>
                  <strong>{ubicacion(h)}</strong> {h.mensaje}
                </li>
              ))}
              {resultado.conflictos.length > MAX_CONFLICTOS && (
                <li>{M.masConflictos(resultado.conflictos.length - MAX_CONFLICTOS)}</li>
              )}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
