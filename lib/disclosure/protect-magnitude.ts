/**
 * Magnitude rules applied to a released crosstab (aggregate-only audiences): a mean, or any
 * weighted estimate, over a cell whose values or weights are dominated by one or two respondents
 * (τ-ARGUS (n,k) dominance and p%), or whose weights leave fewer than `minEffectiveBase` effective
 * respondents, would be that respondent's answer. Such a cell keeps its n (the count rule already
 * judged it) but loses its estimates, shown as "dominated". When exactly one segment is hidden this
 * way while the total's estimate is shown, the smallest other shown segment is hidden too (a
 * complement): total·n minus the shown segments would give back the hidden one's sum.
 *
 * Also here: a chi-square statistic released next to a hidden cell lets the hidden counts be solved
 * from x² and the shown margins, so it is withheld whenever any cell is hidden.
 */
import { checkMagnitude, type MagnitudeReason, type MagnitudeRules } from "./magnitude";
import { COMPLEMENT_LABEL, dominanceLabel } from "./rules";
import type { ProtectedCrosstab } from "./types";

/** One cell's respondents: values (means: the outcome; null for a proportion) and weights. */
export interface CellContributions {
  values: number[] | null;
  weights: number[] | null;
}

/** Contributions per segment level, and the total's. */
export interface CrosstabContributions {
  total: CellContributions;
  segments: Map<string, CellContributions>;
}

/** The verdict per cell ("total" or the segment level) for a release. */
export function magnitudeFailures(c: CrosstabContributions, rules: MagnitudeRules): Map<string, MagnitudeReason[]> {
  const out = new Map<string, MagnitudeReason[]>();
  const judge = (key: string, cell: CellContributions) => {
    if (cell.values === null && cell.weights === null) return;
    const n = cell.values?.length ?? cell.weights?.length ?? 0;
    if (n === 0) return;
    // the count rule owns min n; here only what a count cannot see
    const v = checkMagnitude({ values: cell.values ?? undefined, weights: cell.weights ?? undefined }, { ...rules, minN: 0 });
    if (!v.ok) out.set(key, v.reasons);
  };
  judge("total", c.total);
  for (const [k, cell] of c.segments) judge(k, cell);
  return out;
}

const isHidden = (b: { suppressed: boolean; display: string | null }) => b.suppressed || b.display !== null;

/**
 * Hide the estimates of the cells that fail, plus one complement when a single segment would
 * otherwise be recoverable from the total. Pure.
 * @example applyMagnitude(shown, new Map([["North", ["dominance_values"]]])).segments[0].display // "dominated"
 */
export function applyMagnitude(shown: ProtectedCrosstab, failures: ReadonlyMap<string, readonly MagnitudeReason[]>): ProtectedCrosstab {
  // only cells still shown matter: a cell the count rule hid already says so, and the release
  // must not differ (reasons included) between populations the count rule makes look alike
  const shownNow = new Set([...(isHidden(shown.total) ? [] : ["total"]), ...shown.segments.filter((s) => !isHidden(s)).map((s) => s.segment)]);
  const live = new Map([...failures].filter(([key]) => shownNow.has(key)));
  if (live.size === 0) return shown;
  const out = structuredClone(shown) as ProtectedCrosstab;
  const label = dominanceLabel();
  const hideEstimate = (b: Record<string, unknown>, display: string) => {
    b.unweighted = null;
    b.weighted = null;
    b.display = display;
    if ("count" in b) {
      b.count = null;
      b.weighted_count = null;
      b.count_suppressed = true;
    }
  };
  const segments = out.segments as unknown as (Record<string, unknown> & { segment: string; n: number | null; suppressed: boolean; display: string | null })[];
  const total = out.total as unknown as Record<string, unknown> & { suppressed: boolean; display: string | null };
  if (live.has("total") && !isHidden(total)) hideEstimate(total, label);
  const newlyHidden = segments.filter((s) => live.has(s.segment) && !isHidden(s));
  for (const s of newlyHidden) hideEstimate(s, label);
  if (newlyHidden.length === 1 && !isHidden(total)) {
    const shownSegs = segments.filter((s) => !isHidden(s));
    const cheapest = shownSegs.sort((a, b) => (a.n ?? 0) - (b.n ?? 0))[0];
    if (cheapest) hideEstimate(cheapest, COMPLEMENT_LABEL);
  }
  const hidden = new Set(segments.filter((s) => isHidden(s)).map((s) => s.segment));
  out.pairwise = (out.pairwise as { a: string; b: string }[]).filter((p) => !hidden.has(p.a) && !hidden.has(p.b)) as typeof out.pairwise;
  const reasons = new Set([...live.values()].flat().map((r) => `magnitude:${r}`));
  out.disclosure = { ...out.disclosure, reason: [...out.disclosure.reason, ...reasons] };
  return withholdChisq(out);
}

/**
 * Withhold every chi-square statistic when any cell of the table is hidden (x² with the shown
 * margins solves hidden counts). Pure.
 * @example withholdChisq(shownWithOneHiddenCell).chisq // { full: null, binary: null }
 */
export function withholdChisq(shown: ProtectedCrosstab): ProtectedCrosstab {
  if (shown.statistic !== "proportion" || shown.chisq === null) return shown;
  const blocks = [shown.total, ...shown.segments];
  const anyHidden = blocks.some((b) => b.suppressed || b.count_suppressed || b.display !== null) || shown.disclosure.totalSuppressed || shown.disclosure.suppressedSegments.length > 0;
  if (!anyHidden || (shown.chisq.full === null && shown.chisq.binary === null)) return shown;
  return { ...shown, chisq: { full: null, binary: null } };
}
