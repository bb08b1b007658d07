/**
 * The suppression decision on bare counts, separate from the crosstab JSON so it can be reasoned
 * about (and property-tested) on its own.
 *
 * Rules, with `small(x)` = 1 ≤ x ≤ k−1, or x = 0 too when the breakdown is sensitive:
 * 1. Primary: a cell hides its n (and everything else) when small(n). For proportions a cell with
 *    n shown hides its count, complement and estimates when small(count) or small(n − count).
 * 2. Complementary (segments vs total): with the total shown, residual = total − Σ shown segments
 *    must not be 1..k−1 (nor 0 when sensitive and the residual group is non-empty). This is checked for n,
 *    count and n − count. While it is, the smallest still-shown segment that adds a non-zero amount
 *    to that residual is hidden too; when none is left, the total is hidden (a safety net: a total
 *    that passes rule 1 always leaves a segment to pick).
 *    The residual also catches rows in the total without a segment (`include_in_total`).
 */
import type { DisclosureRules } from "@/lib/schema/disclosure";
import { isSmallCount } from "./rules";

/** One cell's respondent count and (proportions only) category count. */
export interface PlanCell {
  n: number;
  /** respondents in the outcome category; null for means */
  count: number | null;
}

/** Why a cell is hidden (null = shown). */
export type SuppressionWhy = "small_n" | "small_count" | "zero" | "complementary" | null;

/** What of one cell may be shown. `hideN` implies `hideCount`. */
export interface CellDecision {
  hideN: boolean;
  hideCount: boolean;
  why: SuppressionWhy;
}

export interface SuppressionPlan {
  total: CellDecision;
  segments: CellDecision[];
}

type Rules = Pick<DisclosureRules, "k" | "sensitive">;

function primary(cell: PlanCell, rules: Rules): CellDecision {
  if (isSmallCount(cell.n, rules)) return { hideN: true, hideCount: true, why: cell.n === 0 ? "zero" : "small_n" };
  if (cell.count === null) return { hideN: false, hideCount: false, why: null };
  const other = cell.n - cell.count;
  if (isSmallCount(cell.count, rules) || isSmallCount(other, rules)) {
    const nonZeroSmall = (x: number) => x > 0 && x < rules.k;
    return { hideN: false, hideCount: true, why: nonZeroSmall(cell.count) || nonZeroSmall(other) ? "small_count" : "zero" };
  }
  return { hideN: false, hideCount: false, why: null };
}

/**
 * A residual (total − Σ shown segments) is disclosive when it is 1..k−1. When sensitive it is also
 * disclosive at 0 if the residual group is non-empty (a hidden cell, or rows without a segment),
 * since that would show the group to be zero.
 */
function disclosiveResidual(residual: number, groupNonEmpty: boolean, rules: Rules): boolean {
  return residual < rules.k && (residual > 0 || (rules.sensitive && groupNonEmpty));
}

type Measure = (c: PlanCell) => number;
const nOf: Measure = (c) => c.n;
const countOf: Measure = (c) => c.count ?? 0;
const otherOf: Measure = (c) => c.n - (c.count ?? 0);

/**
 * Decide, per cell, what may be shown.
 * @example
 * planSuppression({ n: 60, count: null }, [{ n: 57, count: null }, { n: 3, count: null }], { k: 5, sensitive: false })
 * // both segments hidden: 3 is small, and 57 would give it away as 60 − 57
 */
export function planSuppression(total: PlanCell, segments: PlanCell[], rules: Rules): SuppressionPlan {
  const tot = primary(total, rules);
  const segs = segments.map((c) => primary(c, rules));
  const isProportion = total.count !== null;
  const checks: { measure: Measure; hidden: (d: CellDecision) => boolean; level: "n" | "count" }[] = [
    { measure: nOf, hidden: (d) => d.hideN, level: "n" },
  ];
  if (isProportion) {
    checks.push({ measure: countOf, hidden: (d) => d.hideCount, level: "count" });
    checks.push({ measure: otherOf, hidden: (d) => d.hideCount, level: "count" });
  }
  for (;;) {
    const failing = checks.find(({ measure, hidden }) => {
      if (hidden(tot)) return false;
      let residual = measure(total);
      let groupN = total.n;
      segments.forEach((c, i) => {
        if (hidden(segs[i])) return;
        residual -= measure(c);
        groupN -= c.n;
      });
      return disclosiveResidual(residual, groupN > 0 || segs.some(hidden), rules);
    });
    if (failing === undefined) break;
    let pick = -1;
    segments.forEach((c, i) => {
      if (failing.hidden(segs[i]) || failing.measure(c) <= 0) return;
      if (pick < 0 || c.n < segments[pick].n) pick = i;
    });
    const target = pick < 0 ? tot : segs[pick];
    target.hideCount = true;
    if (failing.level === "n") target.hideN = true;
    target.why ??= "complementary";
  }
  return { total: tot, segments: segs };
}
