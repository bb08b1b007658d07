/**
 * Series colours and labels in one place, keyed by generated ids (never by data values), applied
 * from the one palette (lib/format/palette.ts) that the SVG, PNG and PPTX exports use too, so
 * legends, bars and exports cannot drift apart.
 */
import { BENCHMARK_HEX, CATEGORICAL_HEX, CHART_HEX, LEVEL_HEX, TOTAL_HEX, divergingHex } from "@/lib/format/palette";

export interface ChartSeries {
  label: string;
  color: string;
}
export type ChartConfig = Record<string, ChartSeries>;

export const SERIES_COLORS: readonly string[] = [CHART_HEX[1], CHART_HEX[2], CHART_HEX[3], CHART_HEX[4], CHART_HEX[5], CHART_HEX[6]];

export const TOTAL_COLOR = TOTAL_HEX;
export const BENCHMARK_COLOR = BENCHMARK_HEX;

/** Colours for segment levels (every palette hue except the Total's), cycled when there are more levels. */
export const LEVEL_COLORS: readonly string[] = LEVEL_HEX;

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
 * A diverging colour: disagree side orange, agree side blue, deeper with `strength` (0–1); neutral
 * grey (the exports' `divergingHex`, so screen and file agree).
 * @example divergingColor("pos", 1) // "#2063b0"
 */
export function divergingColor(side: "neg" | "mid" | "pos", strength: number): string {
  return divergingHex(side, strength);
}

/**
 * ChartConfig for answer series (stacked bars): scale answers on the diverging ramp, other answers
 * categorical from SERIES_COLORS plus the extra hues.
 * @example answerSeriesConfig(series, ["neg", "mid", "pos"]).s0.color
 */
export function answerSeriesConfig(series: SeriesLike[], sides?: ("neg" | "mid" | "pos")[]): ChartConfig {
  const half = Math.floor(series.length / 2) || 1;
  const categorical = CATEGORICAL_HEX;
  return Object.fromEntries(
    series.map((s, i) => {
      const side = sides?.[i];
      const strength = side === "neg" ? (half - i) / half : side === "pos" ? (i - (series.length - half) + 1) / half : 0;
      return [s.id, { label: s.label, color: side ? divergingColor(side, strength) : categorical[i % categorical.length] }];
    }),
  );
}
