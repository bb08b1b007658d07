/**
 * The weighting report for an aggregate-only audience. The report that `computeWeights`
 * returns is for the data's owner: it lists each margin's exact respondent count (1 included),
 * the data-row numbers and weights of extreme respondents, and how many weights sit on each bound.
 * This version hides every count of 1..k−1 respondents ("< k"). The counts of one variable add up
 * to the weighted rows, so it also hides the cheapest complements ("—"), using the same planner
 * as crosstabs. It drops the per-respondent extreme rows (a row number with its weight points at
 * one person). Shares (target, achieved), weight summaries and convergence stay.
 *
 * Not wired yet: the API returns the owner's report until the audience model decides who is
 * aggregate-only (issue 17).
 */
import type { BoundsReport, MarginReport, WeightingReport } from "@/lib/schema/weighting";
import { COMPLEMENT_LABEL, isSmallCount, suppressedLabel } from "./rules";
import { planSuppression } from "./suppression-plan";

type Rules = { k: number; sensitive: boolean };

export interface ProtectedMarginReport extends Omit<MarginReport, "n"> {
  /** null when hidden */
  n: number | null;
  /** "< k" (small), "—" (hidden to protect a small count) or null */
  display: string | null;
}

export interface ProtectedBoundsReport extends Omit<BoundsReport, "at_min" | "at_max"> {
  at_min: number | null;
  at_max: number | null;
}

export interface ProtectedWeightingReport extends Omit<WeightingReport, "margins" | "extreme" | "rows" | "bounds" | "groups"> {
  rows: { total: number; weighted: number | null; excluded_missing: number | null };
  margins: ProtectedMarginReport[];
  /** how many weights are extreme (null when 1..k−1); no per-respondent rows */
  extreme: Omit<WeightingReport["extreme"], "count" | "rows"> & { count: number | null };
  bounds: ProtectedBoundsReport | null;
  groups?: (Omit<NonNullable<WeightingReport["groups"]>[number], "n" | "bounds"> & { n: number | null; bounds: ProtectedBoundsReport | null })[];
}

const smallOrNull = (x: number, rules: Rules) => (isSmallCount(x, rules) && x > 0 ? null : x);

function protectBounds(b: BoundsReport | null, rules: Rules): ProtectedBoundsReport | null {
  if (b === null) return null;
  return { ...b, at_min: smallOrNull(b.at_min, rules), at_max: smallOrNull(b.at_max, rules) };
}

function protectGroups(groups: NonNullable<WeightingReport["groups"]>, rules: Rules): NonNullable<ProtectedWeightingReport["groups"]> {
  const segments = groups.map((g) => ({ n: g.n, count: null }));
  const plan = planSuppression({ n: segments.reduce((a, c) => a + c.n, 0), count: null }, segments, rules);
  return groups.map((g, i) => ({ ...structuredClone(g), n: plan.segments[i].hideN ? null : g.n, bounds: protectBounds(g.bounds, rules) }));
}

/** Margins that add up to one total: the same group and the same matched columns. */
function marginSets(margins: readonly MarginReport[]): number[][] {
  const sets = new Map<string, number[]>();
  margins.forEach((m, i) => {
    const key = JSON.stringify([m.group ?? null, Object.keys(m.match).sort()]);
    sets.set(key, [...(sets.get(key) ?? []), i]);
  });
  return [...sets.values()];
}

/**
 * Protect a weighting report for an aggregate-only audience.
 * @example protectWeightingReport(report, { k: 5, sensitive: false }).margins.map((m) => m.display) // [null, "< 5", "—"]
 */
export function protectWeightingReport(report: WeightingReport, rules: Rules): ProtectedWeightingReport {
  const margins: ProtectedMarginReport[] = report.margins.map((m) => ({ ...structuredClone(m), display: null }));
  let totalHidden = false;
  for (const set of marginSets(report.margins)) {
    const segments = set.map((i) => ({ n: report.margins[i].n, count: null }));
    const plan = planSuppression({ n: segments.reduce((a, c) => a + c.n, 0), count: null }, segments, rules);
    if (plan.total.hideN) totalHidden = true;
    set.forEach((i, j) => {
      const kind = plan.labels.segments[j];
      if (kind === null) return;
      margins[i].n = null;
      margins[i].display = kind === "small" ? suppressedLabel(rules.k) : COMPLEMENT_LABEL;
    });
  }
  const { rows: _rows, count, ...extremeRest } = report.extreme;
  void _rows;
  return {
    ...structuredClone(report),
    rows: {
      total: report.rows.total,
      weighted: totalHidden ? null : report.rows.weighted,
      excluded_missing: smallOrNull(report.rows.excluded_missing, rules),
    },
    margins,
    extreme: { ...extremeRest, count: smallOrNull(count, rules) },
    bounds: protectBounds(report.bounds, rules),
    ...(report.groups ? { groups: protectGroups(report.groups, rules) } : {}),
  };
}
