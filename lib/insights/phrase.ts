/**
 * Plain-language sentences for insights. Every number goes through `lib/format/number`, so a
 * finding reads the same in the list, a tooltip or an export.
 */
import { formatCount, formatNumber, formatPercent, formatPValue } from "@/lib/format/number";

/** What a sentence about one segment-vs-segment difference needs. */
export interface FindingPhraseInput {
  /** label of the segment with the higher share */
  high: string;
  /** label of the segment it is compared with */
  low: string;
  /** short name of the outcome, e.g. "rollback" or "rolled back: Yes" */
  outcome: string;
  p_high: number;
  p_low: number;
  /** two-sided p-value of the comparison (unadjusted; the q-value is shown next to it) */
  p_value: number;
  /** respondents in the segment named first (the higher share) */
  n: number;
}

/**
 * A signed difference in percentage points, rounded to whole points.
 * @example formatPoints(0.1912) // "+19 pts"
 * @example formatPoints(-0.004) // "0 pts"
 */
export function formatPoints(diff: number): string {
  const pts = Math.round(diff * 100);
  if (!Number.isFinite(pts)) return "n/a";
  return `${pts > 0 ? "+" : pts < 0 ? "−" : ""}${Math.abs(pts)} pts`;
}

/**
 * One finding as a sentence.
 * @example
 * phraseFinding({ high: "Fully mature", low: "Early", outcome: "rollback", p_high: 0.81, p_low: 0.62, p_value: 0.0002, n: 448 })
 * // "Fully mature: rollback 81% vs 62% for Early, +19 pts, p < 0.001, n = 448"
 */
export function phraseFinding(f: FindingPhraseInput): string {
  return `${f.high}: ${f.outcome} ${formatPercent(f.p_high, 0)} vs ${formatPercent(f.p_low, 0)} for ${f.low}, ${formatPoints(f.p_high - f.p_low)}, ${formatPValue(f.p_value)}, n = ${formatCount(f.n)}`;
}

/**
 * The short outcome name used in sentences when none is given: "<question id in words>: <category>".
 * @example defaultOutcomeName("rolled_back", "Yes") // "rolled back = Yes"
 */
export function defaultOutcomeName(outcome: string, category: string): string {
  return `${outcome.replace(/[_.]+/g, " ").trim()} = ${category}`;
}

/**
 * A driver's odds ratio with its interval, for tooltips and lists.
 * @example phraseOddsRatio("guardrail maturity = Fully mature", 2.31, [1.4, 3.8], "Early") // "guardrail maturity = Fully mature: odds ratio 2.31 (95% CI 1.40–3.80) vs Early"
 */
export function phraseOddsRatio(term: string, or: number, ci: readonly [number, number], reference: string | null, conf = 0.95): string {
  const ref = reference === null ? " per unit" : ` vs ${reference}`;
  return `${term}: odds ratio ${formatNumber(or, 2)} (${Math.round(conf * 100)}% CI ${formatNumber(ci[0], 2)}–${formatNumber(ci[1], 2)})${ref}`;
}
