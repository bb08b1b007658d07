/**
 * Why a chart can show a clear gap while the insights scan says no difference survives: they are
 * two different questions. The chart's test looks at one pre-chosen pair on its own; the scan tests
 * every pair of every question at once and keeps only what survives a correction for all of them.
 * This writes both in words an executive can read, from the numbers of the pair itself.
 */
import { formatPValue } from "@/lib/format/number";

type Num = number | null | undefined;

/** The part of a proportion crosstab the explanation reads. */
export interface PairSource {
  segments: { segment: string; unweighted: { p: Num } | null; weighted: { p: Num } | null }[];
  pairwise?: { a: string; b: string; unweighted: { p_value_pooled: Num } | null; weighted: { p_value_z: Num } | null }[];
}

export interface TwoTests {
  high: string;
  low: string;
  /** percentage points, high − low */
  gap: number;
  /** p of this one pair on its own, or null when not available */
  p: number | null;
  /** one paragraph */
  text: string;
}

const finite = (x: Num): x is number => typeof x === "number" && Number.isFinite(x);

/**
 * The highest and lowest group of the chart, their gap, its own test and what the scan does differently.
 *
 * @example
 * twoTests(result, true)?.text
 * // "On its own, the gap between Fully mature (80.7%) and Early (62.1%) is 18.6 points (p = 0.003) …"
 */
export function twoTests(result: PairSource, weighted: boolean, alpha = 0.05): TwoTests | null {
  const est = (s: PairSource["segments"][number]) => (weighted ? s.weighted?.p : s.unweighted?.p);
  const groups = result.segments.filter((s) => finite(est(s)));
  if (groups.length < 2) return null;
  const sorted = [...groups].sort((x, y) => (est(y) as number) - (est(x) as number));
  const [hi, lo] = [sorted[0], sorted[sorted.length - 1]];
  const pair = result.pairwise?.find((p) => (p.a === hi.segment && p.b === lo.segment) || (p.a === lo.segment && p.b === hi.segment));
  const raw = weighted ? pair?.weighted?.p_value_z : pair?.unweighted?.p_value_pooled;
  const p = finite(raw) ? raw : null;
  const gap = ((est(hi) as number) - (est(lo) as number)) * 100;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const own =
    p === null
      ? `The gap between ${hi.segment} (${pct(est(hi) as number)}) and ${lo.segment} (${pct(est(lo) as number)}) is ${gap.toFixed(1)} points; its own test is not available here.`
      : `On its own, the gap between ${hi.segment} (${pct(est(hi) as number)}) and ${lo.segment} (${pct(est(lo) as number)}) is ${gap.toFixed(1)} points (${formatPValue(p)}${p < alpha ? ", unlikely to be chance" : ", could be chance"}).`;
  const scan =
    "The Insights panel asks a different question: it compares every pair of groups in every question at once — hundreds of comparisons — and keeps only the differences that stay significant after correcting for all of them (Benjamini–Hochberg). With that many tries, some gaps look large by luck, so the bar is higher.";
  const verdict =
    p !== null && p < alpha
      ? "So both can be true: this gap is real evidence on its own, yet not strong enough to stand out among everything the scan tested."
      : "Here the gap is not significant even on its own, so read it as a direction, not a finding.";
  return { high: hi.segment, low: lo.segment, gap, p, text: `${own} ${scan} ${verdict}` };
}
