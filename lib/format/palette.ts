/**
 * The one chart palette: screen charts (components/charts, through chart-config), SVG and PNG
 * exports (lib/export/svg.ts, banner-svg.ts, banner-chart.ts) and PPTX decks (pptx.ts,
 * banner-pptx.ts) all read their colours here, so they cannot drift apart. Colour-blind safe hues
 * (Okabe–Ito inspired); `app/globals.css` repeats them as theme variables for Tailwind classes,
 * and `palette.test.ts` keeps the two equal and every other file free of colour literals.
 */

/** Categorical hues, by theme variable number (`--color-chart-1` … `--color-chart-8`). */
export const CHART_HEX = {
  1: "#2971c6",
  2: "#e48233",
  3: "#19966e",
  4: "#9b49ae",
  5: "#c6ad4c",
  6: "#425771",
  7: "#5bb0d7",
  8: "#884b35",
} as const;

/** The Total's colour (a slate blue no segment level uses). */
export const TOTAL_HEX = CHART_HEX[6];
/** A published benchmark drawn beside our estimates. */
export const BENCHMARK_HEX = "#cc272e";
/** Segment levels and answers, in order (every hue but the Total's), cycled when there are more. */
export const LEVEL_HEX = [CHART_HEX[1], CHART_HEX[2], CHART_HEX[3], CHART_HEX[4], CHART_HEX[5], CHART_HEX[7], CHART_HEX[8]] as const;
/** Answers of an unordered question: the level hues, then the Total's. */
export const CATEGORICAL_HEX = [...LEVEL_HEX, TOTAL_HEX] as const;

/** The diverging scale of Likert charts: disagree orange, agree blue, neutral grey. */
export const DIVERGING_HEX = { neg: "#cb5a1a", pos: "#2063b0", mid: "#cdd1d8" } as const;

/** Text, axes and fills around the data (Tailwind slate). */
export const INK = {
  /** titles, labels, values */
  text: "#0f172a",
  /** secondary labels and reference lines */
  body: "#334155",
  /** base notes */
  note: "#475569",
  /** ticks, footnotes, hidden cells */
  muted: "#64748b",
  /** CI whiskers in exports */
  whisker: "#1e293b",
  grid: "#e2e8f0",
  cursor: "#cbd5e1",
  background: "#ffffff",
  /** significance letters in tables */
  letters: "#1d4ed8",
  /** table header fill */
  headFill: "#f1f5f9",
  /** low-base cell fill */
  lowBaseFill: "#fef3c7",
} as const;

/** Hues whose bars need dark value text (white would not read on them). */
export const NEEDS_DARK_INK: ReadonlySet<string> = new Set([CHART_HEX[5], DIVERGING_HEX.mid]);

/**
 * A diverging colour: the side's hue mixed with white, deeper with `strength` (0–1), in sRGB so the
 * screen and every export compute the same hex.
 * @example divergingHex("pos", 1) // "#2063b0"
 */
export function divergingHex(side: "neg" | "mid" | "pos", strength: number): string {
  if (side === "mid") return DIVERGING_HEX.mid;
  const p = 0.45 + 0.55 * Math.min(1, Math.max(0, Number.isFinite(strength) ? strength : 0));
  const hex = DIVERGING_HEX[side];
  const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `#${rgb.map((c) => Math.round(255 + (c - 255) * p).toString(16).padStart(2, "0")).join("")}`;
}

/**
 * The colour as PowerPoint (pptxgenjs) writes it: six hex digits, no "#".
 * @example pptxColor(INK.text) // "0F172A"
 */
export function pptxColor(hex: string): string {
  return hex.replace(/^#/, "").toUpperCase();
}
