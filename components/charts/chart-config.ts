/**
 * Series colours and labels in one place, keyed by generated ids (never by data values), applied
 * through CSS variables so legends, bars and exports cannot drift apart. Palette: colour-blind
 * safe hues (Okabe–Ito inspired) defined in globals.css.
 */
export interface ChartSeries {
  label: string;
  color: string;
}
export type ChartConfig = Record<string, ChartSeries>;

export const SERIES_COLORS = [
  "var(--color-chart-1)",
  "var(--color-chart-2)",
  "var(--color-chart-3)",
  "var(--color-chart-4)",
  "var(--color-chart-5)",
  "var(--color-chart-6)",
];

export const TOTAL_COLOR = "var(--color-chart-6)";
export const BENCHMARK_COLOR = "var(--color-benchmark)";

/** Colours for segment levels (every palette hue except the Total's), cycled when there are more levels. */
export const LEVEL_COLORS = [
  "var(--color-chart-1)",
  "var(--color-chart-2)",
  "var(--color-chart-3)",
  "var(--color-chart-4)",
  "var(--color-chart-5)",
  "var(--color-chart-7)",
  "var(--color-chart-8)",
];

interface SeriesLike {
  id: string;
  label: string;
  isTotal: boolean;
}

/**
 * ChartConfig for column series (grouped bars): the Total in its own colour, levels from LEVEL_COLORS.
 * @example columnSeriesConfig([{ id: "s0", label: "Total", isTotal: true }]).s0.color // TOTAL_COLOR
 */
export function columnSeriesConfig(series: SeriesLike[]): ChartConfig {
  let level = 0;
  return Object.fromEntries(series.map((s) => [s.id, { label: s.label, color: s.isTotal ? TOTAL_COLOR : LEVEL_COLORS[level++ % LEVEL_COLORS.length] }]));
}

/**
 * A diverging colour: disagree side orange, agree side blue, deeper with `strength` (0–1); neutral grey.
 * @example divergingColor("pos", 1) // "color-mix(in oklch, var(--color-diverging-pos) 100%, white)"
 */
export function divergingColor(side: "neg" | "mid" | "pos", strength: number): string {
  if (side === "mid") return "var(--color-diverging-mid)";
  const pct = Math.round(45 + 55 * Math.min(1, Math.max(0, strength)));
  // full variable names spelled out: Tailwind only emits theme variables it finds in the sources
  const base = side === "neg" ? "var(--color-diverging-neg)" : "var(--color-diverging-pos)";
  return `color-mix(in oklch, ${base} ${pct}%, white)`;
}

/**
 * ChartConfig for answer series (stacked bars): scale answers on the diverging ramp, other answers
 * categorical from SERIES_COLORS plus the extra hues.
 * @example answerSeriesConfig(series, ["neg", "mid", "pos"]).s0.color
 */
export function answerSeriesConfig(series: SeriesLike[], sides?: ("neg" | "mid" | "pos")[]): ChartConfig {
  const half = Math.floor(series.length / 2) || 1;
  const categorical = [...LEVEL_COLORS, TOTAL_COLOR];
  return Object.fromEntries(
    series.map((s, i) => {
      const side = sides?.[i];
      const strength = side === "neg" ? (half - i) / half : side === "pos" ? (i - (series.length - half) + 1) / half : 0;
      return [s.id, { label: s.label, color: side ? divergingColor(side, strength) : categorical[i % categorical.length] }];
    }),
  );
}
