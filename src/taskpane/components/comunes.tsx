/** Piezas pequeñas del panel: etiqueta de color con texto y barra de cumplimiento (role="meter"). */
import { makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";
import type { ColorSemaforo } from "../../domain/calculos";
import { anchoBarra, formatearPorcentaje, type ColorInsignia } from "../logica";
import { MENSAJES } from "../mensajes";

const useStyles = makeStyles({
  etiqueta: {
    display: "inline-flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXXS,
    paddingInline: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid transparent`,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: "nowrap",
  },
  danger: {
    backgroundColor: tokens.colorPaletteRedBackground1,
    color: tokens.colorPaletteRedForeground1,
    ...shorthands.borderColor(tokens.colorPaletteRedBorder1),
  },
  warning: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    color: tokens.colorNeutralForeground1,
    ...shorthands.borderColor(tokens.colorPaletteYellowBorder1),
  },
  success: {
    backgroundColor: tokens.colorPaletteGreenBackground1,
    color: tokens.colorPaletteGreenForeground1,
    ...shorthands.borderColor(tokens.colorPaletteGreenBorder1),
  },
  severe: {
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
    color: tokens.colorPaletteDarkOrangeForeground1,
    ...shorthands.borderColor(tokens.colorPaletteDarkOrangeBorder1),
  },
  informative: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    ...shorthands.borderColor(tokens.colorNeutralStroke2),
  },
  subtle: {
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground3,
    ...shorthands.borderColor(tokens.colorNeutralStroke2),
  },
  punto: {
    width: "8px",
    height: "8px",
    borderRadius: tokens.borderRadiusCircular,
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
    minWidth: "60px",
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorNeutralBackground5,
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

/** Color del relleno de cada color del semáforo (siempre va con el texto del color al lado). */
export const RELLENO_SEMAFORO: Readonly<Record<ColorSemaforo, string>> = {
  Rojo: tokens.colorPaletteRedBackground3,
  Amarillo: tokens.colorPaletteMarigoldBackground3,
  Verde: tokens.colorPaletteGreenBackground3,
  Naranja: tokens.colorPaletteDarkOrangeBackground3,
};

/** Etiqueta con color y texto (nunca solo color). Es un <span>: puede ir dentro de un botón. */
export function Etiqueta(props: {
  color: ColorInsignia;
  children: React.ReactNode;
  punto?: string;
  className?: string;
}) {
  const s = useStyles();
  return (
    <span className={mergeClasses(s.etiqueta, s[props.color], props.className)}>
      {props.punto && <span aria-hidden="true" className={s.punto} style={{ backgroundColor: props.punto }} />}
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
