import {
  Body1,
  Button,
  Caption1,
  Field,
  SearchBox,
  ToggleButton,
  createFocusOutlineStyle,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useDeferredValue, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { CATEGORIAS, SEVERIDADES, type Hallazgo } from "../../domain/hallazgo";
import { almacenPanel, FILTROS_INICIALES, type Filtros } from "../estado";
import {
  COLOR_SEVERIDAD,
  alternar,
  contarPorSeveridad,
  extremoHallazgo,
  filasDeLista,
  filtrarHallazgos,
  hayFiltros,
  opcionesCategoria,
  siguienteHallazgo,
  type FilaLista,
} from "../logica";
import { MENSAJES, TEXTO_SEVERIDAD, TEXTO_SEVERIDAD_PLURAL } from "../mensajes";
import { useAcciones, useEstadoPanel } from "../usarEstado";
import { Etiqueta } from "./comunes";

const ALTO_GRUPO = 34;
const ALTO_HALLAZGO = 84;

const useStyles = makeStyles({
  raiz: {
    display: "flex",
    flexDirection: "column",
    flexGrow: 1,
    minHeight: 0,
  },
  filtros: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  chips: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
  },
  chip: {
    minWidth: 0,
    maxWidth: "100%",
    fontWeight: tokens.fontWeightRegular,
  },
  pie: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "center",
    minHeight: "24px",
  },
  desplazable: {
    flexGrow: 1,
    minHeight: "160px",
    overflowY: "auto",
    position: "relative",
    contain: "strict",
  },
  lista: {
    position: "relative",
    width: "100%",
    margin: 0,
    padding: 0,
  },
  filaVirtual: {
    position: "absolute",
    top: 0,
    left: 0,
    width: "100%",
    boxSizing: "border-box",
  },
  grupo: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    width: "100%",
    textAlign: "start",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: "none",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    borderLeft: `3px solid transparent`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":active": { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ...createFocusOutlineStyle({ style: { outlineOffset: "-2px" } }),
  },
  actual: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
  },
  linea: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
  celda: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  mensaje: {
    overflowWrap: "anywhere",
  },
  vacio: {
    padding: tokens.spacingHorizontalM,
  },
});

function actualizarFiltros(cambio: Partial<Filtros>) {
  almacenPanel().actualizar((e) => ({ filtros: { ...e.filtros, ...cambio } }));
}

export function Hallazgos() {
  const s = useStyles();
  const { informe, filtros } = useEstadoPanel();
  const todos = useMemo(() => informe?.hallazgos ?? [], [informe]);
  const texto = useDeferredValue(filtros.texto);

  const conteoSeveridad = useMemo(() => contarPorSeveridad(todos), [todos]);
  const { severidades, categorias } = filtros;
  const chipsCategoria = useMemo(() => opcionesCategoria(todos, categorias), [todos, categorias]);
  const visibles = useMemo(
    () => filtrarHallazgos(todos, { severidades, categorias, texto }),
    [todos, severidades, categorias, texto],
  );
  const filas = useMemo(() => filasDeLista(visibles), [visibles]);

  if (!informe) {
    return (
      <section className={s.vacio} aria-label={MENSAJES.pestanaHallazgos}>
        <Body1 as="p">{MENSAJES.hallazgosSinValidar}</Body1>
      </section>
    );
  }

  return (
    <section className={s.raiz} aria-label={MENSAJES.pestanaHallazgos}>
      <div className={s.filtros} role="search" aria-label={MENSAJES.filtros}>
        <div className={s.chips} role="group" aria-label={MENSAJES.filtroSeveridad}>
          {SEVERIDADES.map((sev) => (
            <ToggleButton
              key={sev}
              size="small"
              shape="circular"
              className={s.chip}
              checked={filtros.severidades.includes(sev)}
              onClick={() => actualizarFiltros({ severidades: alternar(filtros.severidades, sev, SEVERIDADES) })}
            >
              {TEXTO_SEVERIDAD_PLURAL[sev]} ({conteoSeveridad[sev].toLocaleString("es-CO")})
            </ToggleButton>
          ))}
        </div>
        <div className={s.chips} role="group" aria-label={MENSAJES.filtroCategoria}>
          {chipsCategoria.map(({ categoria, cantidad }) => (
            <ToggleButton
              key={categoria}
              size="small"
              shape="circular"
              className={s.chip}
              checked={filtros.categorias.includes(categoria)}
              onClick={() => actualizarFiltros({ categorias: alternar(filtros.categorias, categoria, CATEGORIAS) })}
            >
              {categoria} ({cantidad.toLocaleString("es-CO")})
            </ToggleButton>
          ))}
        </div>
        <Field label={MENSAJES.buscar} size="small">
          <SearchBox
            size="small"
            placeholder={MENSAJES.buscarMarcador}
            value={filtros.texto}
            onChange={(_, d) => actualizarFiltros({ texto: d.value })}
          />
        </Field>
        <div className={s.pie}>
          <Caption1 role="status">{MENSAJES.mostrando(visibles.length, todos.length)}</Caption1>
          {hayFiltros(filtros) && (
            <Button size="small" appearance="transparent" onClick={() => actualizarFiltros(FILTROS_INICIALES)}>
              {MENSAJES.limpiarFiltros}
            </Button>
          )}
        </div>
      </div>
      {filas.length === 0 ? (
        <Body1 as="p" className={s.vacio}>
          {todos.length === 0 ? MENSAJES.sinHallazgos : MENSAJES.ningunoConFiltros}
        </Body1>
      ) : (
        <ListaHallazgos filas={filas} />
      )}
    </section>
  );
}

function claveFila(f: FilaLista): string {
  return f.tipo === "grupo" ? `g:${f.categoria}` : `h:${f.posicion}:${f.hallazgo.clave}`;
}

/**
 * Lista virtual (solo se pintan las filas visibles): miles de hallazgos siguen fluidos. Cada
 * hallazgo es un botón (Intro o Espacio va a la celda) dentro de un role="listitem"; la lista es
 * una sola parada de Tab y las flechas arriba/abajo, Inicio y Fin mueven el foco entre hallazgos.
 */
function ListaHallazgos({ filas }: { filas: FilaLista[] }) {
  const s = useStyles();
  const acciones = useAcciones();
  const desplazable = useRef<HTMLDivElement>(null);
  const [actual, setActual] = useState<string | null>(null);
  // Una sola parada de Tab para toda la lista (tabindex itinerante): el último hallazgo enfocado
  // si sigue pintado; si no, el primero pintado. Las flechas, Inicio y Fin mueven el foco dentro.
  const [enfocado, setEnfocado] = useState<string | null>(null);

  const virtual = useVirtualizer({
    count: filas.length,
    getScrollElement: () => desplazable.current,
    estimateSize: (i) => (filas[i].tipo === "grupo" ? ALTO_GRUPO : ALTO_HALLAZGO),
    getItemKey: (i) => claveFila(filas[i]),
    overscan: 6,
  });

  const enfocar = (indice: number) => {
    if (indice < 0) return;
    virtual.scrollToIndex(indice, { align: "auto" });
    const intentar = (restantes: number) => {
      const boton = desplazable.current?.querySelector<HTMLButtonElement>(`[data-index="${indice}"] button`);
      if (boton) boton.focus();
      else if (restantes > 0) requestAnimationFrame(() => intentar(restantes - 1));
    };
    requestAnimationFrame(() => intentar(10));
  };

  const alPulsarTecla = (e: KeyboardEvent<HTMLButtonElement>, indice: number) => {
    let destino = -2;
    if (e.key === "ArrowDown") destino = siguienteHallazgo(filas, indice, 1);
    else if (e.key === "ArrowUp") destino = siguienteHallazgo(filas, indice, -1);
    else if (e.key === "Home") destino = extremoHallazgo(filas, false);
    else if (e.key === "End") destino = extremoHallazgo(filas, true);
    if (destino === -2) return;
    e.preventDefault();
    enfocar(destino);
  };

  const ir = (h: Hallazgo, clave: string) => {
    setActual(clave);
    void acciones.irAHallazgo(h);
  };

  const pintadas = virtual.getVirtualItems();
  const clavesPintadas = pintadas.flatMap((v) =>
    filas[v.index].tipo === "hallazgo" ? [claveFila(filas[v.index])] : [],
  );
  const tabulable = enfocado !== null && clavesPintadas.includes(enfocado) ? enfocado : clavesPintadas[0];

  return (
    <div ref={desplazable} className={s.desplazable} data-testid="lista-hallazgos">
      <div
        role="list"
        aria-label={MENSAJES.listaHallazgos}
        aria-describedby="ayuda-lista-hallazgos"
        className={s.lista}
        style={{ height: `${virtual.getTotalSize()}px` }}
      >
        {pintadas.map((v) => {
          const f = filas[v.index];
          const clave = claveFila(f);
          return (
            <div
              key={v.key}
              role="listitem"
              aria-setsize={filas.length}
              aria-posinset={v.index + 1}
              data-index={v.index}
              ref={virtual.measureElement}
              className={s.filaVirtual}
              style={{ transform: `translateY(${v.start}px)` }}
            >
              {f.tipo === "grupo" ? (
                <h2 className={s.grupo}>{MENSAJES.grupo(f.categoria, f.cantidad)}</h2>
              ) : (
                <button
                  type="button"
                  className={mergeClasses(s.item, actual === clave && s.actual)}
                  aria-current={actual === clave ? "true" : undefined}
                  tabIndex={clave === tabulable ? 0 : -1}
                  onFocus={() => setEnfocado(clave)}
                  title={MENSAJES.irACelda(f.hallazgo.hoja, f.hallazgo.celda)}
                  onClick={() => ir(f.hallazgo, clave)}
                  onKeyDown={(e) => alPulsarTecla(e, v.index)}
                >
                  <span className={s.linea}>
                    <Etiqueta color={COLOR_SEVERIDAD[f.hallazgo.severidad]}>
                      {TEXTO_SEVERIDAD[f.hallazgo.severidad]}
                    </Etiqueta>
                    <span className={s.celda}>
                      {f.hallazgo.hoja}!{f.hallazgo.celda}
                    </span>
                  </span>
                  <span className={s.mensaje}>{f.hallazgo.mensaje}</span>
                </button>
              )}
            </div>
          );
        })}
      </div>
      <span id="ayuda-lista-hallazgos" hidden>
        {MENSAJES.ayudaLista}
      </span>
    </div>
  );
}
