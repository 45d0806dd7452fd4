// Chart text and tooltip in the theme's colours (recharts draws them grey on white by default).
export const AXIS_TICK = { fontSize: 10, fill: "var(--color-slate-600)" };
export const TOOLTIP_STYLE = { backgroundColor: "var(--color-white)", borderColor: "var(--color-slate-300)", color: "var(--color-slate-900)" };

/** A bar in one colour (recharts' shape prop). */
export function ColouredRect({ x, y, width, height, colour }: { x?: number; y?: number; width?: number; height?: number; colour: string }) {
  return <rect x={x} y={y} width={Math.max(0, width ?? 0)} height={Math.max(0, height ?? 0)} style={{ fill: colour }} />;
}
