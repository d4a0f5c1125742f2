/**
 * Piezas pequeñas del panel: icono de estado (SVG en línea), etiqueta de color con icono y texto,
 * barra de cumplimiento (role="meter") y el botón con la cuenta de hallazgos del Tablero. Los
 * colores salen de colores.ts (una sola tabla, con su contraste probado).
 */
import { makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";
import type { ColorSemaforo } from "../../domain/calculos";
import { ICONO_INSIGNIA, PISTA, RELLENO_SEMAFORO, TINTAS, type ColorInsignia, type Icono } from "../colores";
import { anchoBarra, formatearPorcentaje } from "../logica";
import { MENSAJES } from "../mensajes";

const tinta = (c: ColorInsignia) => ({
  backgroundColor: TINTAS[c].fondo,
  color: TINTAS[c].texto,
  borderTopColor: TINTAS[c].borde,
  borderRightColor: TINTAS[c].borde,
  borderBottomColor: TINTAS[c].borde,
  borderLeftColor: TINTAS[c].borde,
});

const useStyles = makeStyles({
  etiqueta: {
    display: "inline-flex",
    alignItems: "center",
    gap: "3px",
    paddingInline: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusMedium,
    ...shorthands.borderWidth(tokens.strokeWidthThin),
    ...shorthands.borderStyle("solid"),
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: "nowrap",
  },
  danger: tinta("danger"),
  warning: tinta("warning"),
  success: tinta("success"),
  severe: tinta("severe"),
  informative: tinta("informative"),
  subtle: tinta("subtle"),
  icono: {
    flexShrink: 0,
  },
  barra: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  pista: {
    flexGrow: 1,
    height: "8px",
    minWidth: "48px",
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: PISTA,
    overflow: "hidden",
  },
  relleno: {
    height: "100%",
    borderRadius: tokens.borderRadiusCircular,
  },
  cifra: {
    fontVariantNumeric: "tabular-nums",
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: "nowrap",
  },
});

/**
 * Icono de 12 px con forma propia para cada estado (no solo color): ✕ en círculo (error), ! en
 * triángulo (advertencia), ✓ (bien), flecha arriba (por encima de la meta), i (información).
 * Decorativo: el texto de al lado dice lo mismo.
 */
export function IconoEstado({ icono, className }: { icono: Icono; className?: string }) {
  if (icono === "ninguno") return null;
  return (
    <svg
      width="12"
      height="12"
      viewBox="0 0 12 12"
      aria-hidden="true"
      focusable="false"
      className={className}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {icono === "error" && (
        <>
          <circle cx="6" cy="6" r="5.25" />
          <path d="M4 4l4 4M8 4l-4 4" />
        </>
      )}
      {icono === "aviso" && (
        <>
          <path d="M6 1.2L11 10.5H1z" />
          <path d="M6 4.6v2.6M6 9h0" />
        </>
      )}
      {icono === "ok" && (
        <>
          <circle cx="6" cy="6" r="5.25" />
          <path d="M3.6 6.2l1.7 1.7 3.2-3.6" />
        </>
      )}
      {icono === "arriba" && (
        <>
          <circle cx="6" cy="6" r="5.25" />
          <path d="M6 8.8V3.4M3.8 5.5L6 3.3l2.2 2.2" />
        </>
      )}
      {icono === "info" && (
        <>
          <circle cx="6" cy="6" r="5.25" />
          <path d="M6 5.4v3M6 3.5h0" />
        </>
      )}
    </svg>
  );
}

/** Etiqueta con icono, color y texto (nunca solo color). Es un <span>: puede ir dentro de un botón. */
export function Etiqueta(props: { color: ColorInsignia; children: React.ReactNode; className?: string }) {
  const s = useStyles();
  return (
    <span className={mergeClasses(s.etiqueta, s[props.color], props.className)} data-color={props.color}>
      <IconoEstado icono={ICONO_INSIGNIA[props.color]} className={s.icono} />
      {props.children}
    </span>
  );
}

/**
 * Barra de cumplimiento: role="meter" con el porcentaje como valor y el color del semáforo como
 * texto (aria-valuetext y visible al lado). Una barra por encima del 100 % se dibuja llena.
 */
export function Barra(props: { valor: number | null; color: ColorSemaforo | null; etiqueta: string }) {
  const s = useStyles();
  const { valor, color } = props;
  const texto = valor === null ? MENSAJES.sinProgramacion : formatearPorcentaje(valor);
  const ahora = valor === null ? 0 : Math.round(valor * 1000) / 10;
  return (
    <div className={s.barra}>
      <div
        role="meter"
        aria-label={props.etiqueta}
        aria-valuemin={0}
        aria-valuemax={Math.max(100, ahora)}
        aria-valuenow={Math.max(0, ahora)}
        aria-valuetext={color ? `${texto}, ${color}` : texto}
        className={s.pista}
      >
        {valor !== null && color && (
          <div
            className={s.relleno}
            style={{ width: `${anchoBarra(valor)}%`, backgroundColor: RELLENO_SEMAFORO[color] }}
          />
        )}
      </div>
      <span className={s.cifra}>{texto}</span>
    </div>
  );
}
