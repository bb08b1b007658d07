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
