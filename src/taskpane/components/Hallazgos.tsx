/**
 * Hallazgos: la lista (filtros por severidad, categoría, texto y, desde el Tablero, por objetivo,
 * producto o indicador) y el detalle de un hallazgo, que se recorre con Anterior / Siguiente como
 * la Comprobación de errores de Excel: cada paso va a la celda y muestra el valor que tiene, lo
 * que la regla espera y cómo corregirlo.
 */
import {
  Body1,
  Button,
  Caption1,
  SearchBox,
  ToggleButton,
  createFocusOutlineStyle,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { CATEGORIAS, SEVERIDADES, type Hallazgo } from "../../domain/hallazgo";
import type { ModeloPmr } from "../../domain/modelo";
import type { InformeValidacion } from "../../casos/validar";
import { almacenPanel, FILTROS_INICIALES, type Filtros, type HallazgoAbierto } from "../estado";
import {
  COLOR_SEVERIDAD,
  abrirEn,
  alternar,
  contarPorSeveridad,
  extremoHallazgo,
  filasDeLista,
  filtrarHallazgos,
  hayFiltros,
  moverAbierto,
  opcionesCategoria,
  posicionAbierto,
  siguienteHallazgo,
  type FilaLista,
} from "../logica";
import { MENSAJES, TEXTO_SEVERIDAD, TEXTO_SEVERIDAD_PLURAL, entero } from "../mensajes";
import { useAcciones, useEstadoPanel } from "../usarEstado";
import { indiceDe, metaDeRegla, nombreAmbito, valoresDeHallazgo, type Ambito, type IndiceHallazgos } from "../vinculos";
import { Etiqueta } from "./comunes";
import { filtrarPorDecision, hallazgosDelPanel } from "../decisiones";
import { DecisionHallazgo, ExportarHallazgos, FiltrosDecision, MarcaDecision, recienCerrado } from "./Decisiones";

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
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
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
    flexWrap: "wrap",
    minHeight: "24px",
  },
  desplazable: {
    flexGrow: 1,
    minHeight: "120px",
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
  // En la lista, el mensaje en tres líneas como máximo (entero en el detalle y para los lectores
  // de pantalla): así caben varios hallazgos a la vista en un panel bajo.
  recortado: {
    display: "-webkit-box",
    WebkitLineClamp: "3",
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
  },
  vacio: {
    padding: tokens.spacingHorizontalM,
    margin: 0,
  },
  // Detalle
  detalle: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
  },
  barraDetalle: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
  },
  pasos: {
    display: "flex",
    gap: tokens.spacingHorizontalXS,
  },
  posicion: {
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
  },
  tituloCelda: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
  },
  celdaDetalle: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontFamily: tokens.fontFamilyMonospace,
    color: tokens.colorBrandForeground1,
    overflowWrap: "anywhere",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  regla: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    overflowWrap: "anywhere",
  },
  datos: {
    margin: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    "& dt": {
      fontWeight: tokens.fontWeightSemibold,
      fontSize: tokens.fontSizeBase200,
      color: tokens.colorNeutralForeground2,
    },
    "& dd": { margin: 0, overflowWrap: "anywhere" },
  },
  valores: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    "& span": { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  },
  corregido: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
});

function actualizarFiltros(cambio: Partial<Filtros>) {
  almacenPanel().actualizar((e) => ({ filtros: { ...e.filtros, ...cambio } }));
}

export function Hallazgos() {
  const s = useStyles();
  const { informe, filtros, abierto, mostrarCerrados } = useEstadoPanel();
  // Los abiertos o, con «Mostrar cerrados», también los justificados y descartados.
  const todos = useMemo(
    () => (informe ? hallazgosDelPanel(informe, mostrarCerrados ?? false) : []),
    [informe, mostrarCerrados],
  );
  const indice = useMemo(() => (informe ? indiceDe(informe) : null), [informe]);
  const texto = useDeferredValue(filtros.texto);
  const { severidades, categorias, ambito } = filtros;
  const pertenece = useMemo(
    () => (ambito && indice ? (h: Hallazgo) => indice.pertenece(h, ambito) : null),
    [ambito, indice],
  );
  const decisiones = filtros.decisiones;
  const visibles = useMemo(
    () =>
      filtrarHallazgos(
        informe && decisiones?.length ? filtrarPorDecision(todos, decisiones, informe) : todos,
        { severidades, categorias, texto },
        pertenece,
      ),
    [informe, todos, decisiones, severidades, categorias, texto, pertenece],
  );

  if (!informe || !indice) {
    return (
      <section className={s.vacio} aria-label={MENSAJES.pestanaHallazgos}>
        <Body1 as="p">{MENSAJES.hallazgosSinValidar}</Body1>
      </section>
    );
  }
  if (abierto) {
    return (
      <DetalleHallazgo
        visibles={visibles}
        abierto={abierto}
        modelo={informe.modelo}
        indice={indice}
        informe={informe}
      />
    );
  }
  return <ListaConFiltros todos={todos} visibles={visibles} pertenece={pertenece} />;
}

function ListaConFiltros(props: {
  todos: readonly Hallazgo[];
  visibles: readonly Hallazgo[];
  pertenece: ((h: Hallazgo) => boolean) | null;
}) {
  const s = useStyles();
  const { filtros, informe } = useEstadoPanel();
  const { todos, visibles, pertenece } = props;
  const [verCategorias, setVerCategorias] = useState(filtros.categorias.length > 0);
  const conteoSeveridad = useMemo(() => contarPorSeveridad(todos), [todos]);
  const { severidades, categorias } = filtros;
  const chipsCategoria = useMemo(
    () => opcionesCategoria(todos, categorias, { severidades }, pertenece),
    [todos, categorias, severidades, pertenece],
  );
  const filas = useMemo(() => filasDeLista(visibles), [visibles]);

  return (
    <section className={s.raiz} aria-label={MENSAJES.pestanaHallazgos}>
      <div className={s.filtros} role="search" aria-label={MENSAJES.filtros}>
        {filtros.ambito && (
          <div className={s.chips}>
            <Button
              size="small"
              shape="circular"
              appearance="primary"
              className={s.chip}
              aria-label={MENSAJES.quitarFiltroAmbito(nombreAmbito(filtros.ambito))}
              onClick={() => actualizarFiltros({ ambito: null })}
            >
              {MENSAJES.soloDe(nombreAmbito(filtros.ambito))} <span aria-hidden="true">✕</span>
            </Button>
          </div>
        )}
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
              {TEXTO_SEVERIDAD_PLURAL[sev]} ({entero(conteoSeveridad[sev])})
            </ToggleButton>
          ))}
          <ToggleButton
            size="small"
            shape="circular"
            appearance="subtle"
            className={s.chip}
            checked={verCategorias}
            aria-expanded={verCategorias}
            aria-controls="chips-categorias"
            onClick={() => setVerCategorias((v) => !v)}
          >
            {MENSAJES.categoriasElegidas(filtros.categorias.length)} {verCategorias ? "▴" : "▾"}
          </ToggleButton>
        </div>
        {verCategorias && (
          <div className={s.chips} role="group" aria-label={MENSAJES.filtroCategoria} id="chips-categorias">
            {chipsCategoria.map(({ categoria, cantidad }) => (
              <ToggleButton
                key={categoria}
                size="small"
                shape="circular"
                className={s.chip}
                checked={filtros.categorias.includes(categoria)}
                onClick={() => actualizarFiltros({ categorias: alternar(filtros.categorias, categoria, CATEGORIAS) })}
              >
                {categoria} ({entero(cantidad)})
              </ToggleButton>
            ))}
          </div>
        )}
        {informe && <FiltrosDecision informe={informe} presentes={todos} />}
        <SearchBox
          size="small"
          aria-label={MENSAJES.buscarEtiqueta}
          placeholder={MENSAJES.buscarMarcador}
          value={filtros.texto}
          onChange={(_, d) => actualizarFiltros({ texto: d.value })}
        />
        <div className={s.pie}>
          <Caption1 role="status">{MENSAJES.mostrando(visibles.length, todos.length)}</Caption1>
          <span>
            {hayFiltros(filtros) && (
              <Button size="small" appearance="transparent" onClick={() => actualizarFiltros(FILTROS_INICIALES)}>
                {MENSAJES.limpiarFiltros}
              </Button>
            )}
            <ExportarHallazgos />
          </span>
        </div>
      </div>
      {filas.length === 0 ? (
        <Body1 as="p" className={s.vacio}>
          {todos.length === 0 ? MENSAJES.sinHallazgos : MENSAJES.ningunoConFiltros}
        </Body1>
      ) : (
        <ListaHallazgos filas={filas} visibles={visibles} />
      )}
    </section>
  );
}

function claveFila(f: FilaLista): string {
  return f.tipo === "grupo" ? `g:${f.categoria}` : `h:${f.posicion}:${f.hallazgo.clave}`;
}

/** Clave del último hallazgo abierto, para volver a él al cerrar el detalle. */
let ultimoAbierto: string | null = null;

/**
 * Lista virtual (solo se pintan las filas visibles): miles de hallazgos siguen fluidos. Cada
 * hallazgo es un botón (Intro o Espacio lo abre y va a la celda) dentro de un role="listitem";
 * la lista es una sola parada de Tab y las flechas arriba/abajo, Inicio y Fin mueven el foco.
 */
function ListaHallazgos({ filas, visibles }: { filas: FilaLista[]; visibles: readonly Hallazgo[] }) {
  const s = useStyles();
  const acciones = useAcciones();
  const { informe } = useEstadoPanel();
  const desplazable = useRef<HTMLDivElement>(null);
  // Una sola parada de Tab para toda la lista (tabindex itinerante): el último hallazgo enfocado
  // si sigue pintado; si no, el primero pintado. Las flechas, Inicio y Fin mueven el foco dentro.
  const [enfocado, setEnfocado] = useState<string | null>(ultimoAbierto);

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

  // Al volver del detalle, el foco vuelve al hallazgo que estaba abierto.
  useEffect(() => {
    if (ultimoAbierto === null) return;
    const i = filas.findIndex((f) => claveFila(f) === ultimoAbierto);
    ultimoAbierto = null;
    if (i >= 0) enfocar(i);
    // Solo al montar la lista.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

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

  const abrir = (f: Extract<FilaLista, { tipo: "hallazgo" }>) => {
    ultimoAbierto = claveFila(f);
    almacenPanel().actualizar({ abierto: abrirEn(visibles, f.posicion - 1) });
    void acciones.irAHallazgo(f.hallazgo);
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
                  className={mergeClasses(s.item, enfocado === clave && s.actual)}
                  tabIndex={clave === tabulable ? 0 : -1}
                  onFocus={() => setEnfocado(clave)}
                  title={MENSAJES.abrirHallazgo(f.hallazgo.hoja, f.hallazgo.celda)}
                  onClick={() => abrir(f)}
                  onKeyDown={(e) => alPulsarTecla(e, v.index)}
                >
                  <span className={s.linea}>
                    <Etiqueta color={COLOR_SEVERIDAD[f.hallazgo.severidad]}>
                      {TEXTO_SEVERIDAD[f.hallazgo.severidad]}
                    </Etiqueta>
                    <span className={s.celda}>
                      {f.hallazgo.hoja}!{f.hallazgo.celda}
                    </span>
                    {informe && <MarcaDecision informe={informe} hallazgo={f.hallazgo} />}
                  </span>
                  <span className={mergeClasses(s.mensaje, s.recortado)}>{f.hallazgo.mensaje}</span>
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

/**
 * Un hallazgo a la vez: posición, Anterior / Siguiente (cada paso va a la celda), «Ir a la
 * celda», el mensaje, el valor de la celda, lo esperado y cómo corregir. Escape vuelve a la lista.
 */
function DetalleHallazgo(props: {
  visibles: readonly Hallazgo[];
  abierto: HallazgoAbierto;
  modelo: ModeloPmr;
  indice: IndiceHallazgos;
  informe: InformeValidacion;
}) {
  const s = useStyles();
  const acciones = useAcciones();
  const { visibles, abierto, modelo, indice } = props;
  const { indice: posicion, hallazgo } = posicionAbierto(visibles, abierto);
  const titulo = useRef<HTMLHeadingElement>(null);

  // Al abrir el detalle, el foco va a su título (el lector de pantalla lee el hallazgo).
  useEffect(() => {
    titulo.current?.focus();
  }, []);

  // Recién cerrado (justificado o descartado) y ya fuera de la lista: sigue con el que ocupa su lugar.
  useEffect(() => {
    if (hallazgo || !recienCerrado(abierto.clave)) return;
    const destino = abrirEn(visibles, abierto.indice);
    almacenPanel().actualizar({ abierto: destino });
    if (destino) void acciones.irAHallazgo(visibles[destino.indice]);
    titulo.current?.focus();
  }, [hallazgo, abierto, visibles, acciones]);

  const ir = (destino: HallazgoAbierto | null) => {
    if (!destino) return;
    almacenPanel().actualizar({ abierto: destino });
    void acciones.irAHallazgo(visibles[destino.indice]);
  };
  const volver = () => almacenPanel().actualizar({ abierto: null });
  const anterior = moverAbierto(visibles, abierto, -1);
  const siguiente = moverAbierto(visibles, abierto, 1);

  const meta = hallazgo ? metaDeRegla(hallazgo.regla) : null;
  const valores = hallazgo ? valoresDeHallazgo(modelo, hallazgo) : null;
  const vinculo = hallazgo ? indice.vinculo(hallazgo) : null;
  const ambito: Ambito | null = vinculo
    ? vinculo.fila !== null
      ? {
          tipo: "indicador",
          fila: vinculo.fila,
          codigo: modelo.pmr?.indicadores.find((i) => i.fila === vinculo.fila)?.codigo ?? null,
        }
      : vinculo.producto
        ? { tipo: "producto", codigo: vinculo.producto }
        : vinculo.objetivo
          ? { tipo: "objetivo", codigo: vinculo.objetivo }
          : null
    : null;

  return (
    <section
      className={s.detalle}
      aria-label={MENSAJES.detalle}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          volver();
        }
      }}
    >
      <div className={s.barraDetalle}>
        <Button size="small" appearance="subtle" onClick={volver}>
          ← {MENSAJES.volverALista}
        </Button>
        <div className={s.pasos}>
          <Button size="small" disabledFocusable={!anterior} onClick={() => ir(anterior)}>
            {MENSAJES.anterior}
          </Button>
          <Button size="small" appearance="primary" disabledFocusable={!siguiente} onClick={() => ir(siguiente)}>
            {MENSAJES.siguiente}
          </Button>
        </div>
      </div>
      <Caption1 role="status" className={s.posicion} data-testid="posicion-hallazgo">
        {posicion >= 0 ? MENSAJES.posicion(posicion + 1, visibles.length) : MENSAJES.hallazgoCorregido}
      </Caption1>
      {hallazgo && (
        <article aria-labelledby="titulo-detalle" data-testid="detalle-hallazgo">
          <div className={s.datos}>
            <span className={s.linea}>
              <Etiqueta color={COLOR_SEVERIDAD[hallazgo.severidad]}>{TEXTO_SEVERIDAD[hallazgo.severidad]}</Etiqueta>
              <span>{hallazgo.categoria}</span>
              <span className={s.regla}>{hallazgo.regla}</span>
            </span>
            <div className={s.tituloCelda}>
              <h2 id="titulo-detalle" ref={titulo} tabIndex={-1} className={s.celdaDetalle}>
                {hallazgo.hoja}!{hallazgo.celda}
              </h2>
              <Button size="small" onClick={() => void acciones.irAHallazgo(hallazgo)}>
                {MENSAJES.irALaCelda}
              </Button>
            </div>
            <Body1 as="p" className={s.mensaje} style={{ margin: 0 }}>
              {hallazgo.mensaje}
            </Body1>
            <dl className={s.datos}>
              {valores && (
                <>
                  <dt>{valores.length === 1 ? MENSAJES.valorActual : MENSAJES.valoresActuales}</dt>
                  <dd data-testid="valor-actual">
                    {valores.length === 1 ? (
                      valores[0].valor
                    ) : (
                      <ul className={s.valores}>
                        {valores.map((v) => (
                          <li key={v.celda}>
                            <span>{v.celda}</span> {v.valor}
                          </li>
                        ))}
                      </ul>
                    )}
                  </dd>
                </>
              )}
              {meta?.esperado && (
                <>
                  <dt>{MENSAJES.loEsperado}</dt>
                  <dd data-testid="esperado">{meta.esperado}</dd>
                </>
              )}
              {meta && (
                <>
                  <dt>{MENSAJES.comoCorregir}</dt>
                  <dd data-testid="como-corregir">{meta.comoCorregir}</dd>
                </>
              )}
              {ambito && (
                <>
                  <dt>{MENSAJES.esDe}</dt>
                  <dd>{nombreAmbito(ambito)}</dd>
                </>
              )}
            </dl>
          </div>
          <DecisionHallazgo informe={props.informe} hallazgo={hallazgo} />
        </article>
      )}
      {!hallazgo && (
        <Body1 as="p" className={s.corregido}>
          {MENSAJES.ayudaDetalle}
        </Body1>
      )}
    </section>
  );
}
