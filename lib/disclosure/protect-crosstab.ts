/**
 * `protectCrosstab`: the one server-side function that decides what of a computed crosstab may be
 * shown (API JSON, tables, charts, tooltips, exports all use its output, never the raw result).
 */
import type { RowCounts } from "@/lib/schema/cell-sums";
import type { ChisqTest, CrosstabResult, MeanBlock, ProportionBlock } from "@/lib/schema/crosstab-result";
import { disclosureRulesSchema, type DisclosureRules, type DisclosureRulesInput } from "@/lib/schema/disclosure";
import { checkDifferencing, type DifferencingVerdict } from "./differencing";
import { releaseOf, type ReleasedAggregate, type ReleaseMeta } from "./release";
import { COMPLEMENT_LABEL, lowEffectiveBaseLabel, restSmallLabel, suppressedLabel } from "./rules";
import { planSuppression, type CellDecision, type LabelKind, type SuppressionPlan, type SuppressionWhy } from "./suppression-plan";
import type { DisclosureSummary, ProtectedChisq, ProtectedCrosstab, ProtectedMeanBlock, ProtectedProportionBlock, ProtectedRows } from "./types";
import { checkCellSums } from "./magnitude";

/** Optional differencing check: `release` describes this result, `history` the viewer's earlier releases. */
export interface ProtectContext {
  release?: ReleaseMeta;
  history?: readonly ReleasedAggregate[];
  /** test-only: turn off small-cell suppression or complementary suppression (adversary tests) */
  switches?: { smallCells?: boolean; complements?: boolean };
}

const SHOW: CellDecision = { hideN: false, hideCount: false, why: null };

/** The plan with a test-only switch applied: nothing hidden, or no complements. */
function switched(plan: SuppressionPlan, switches: ProtectContext["switches"]): SuppressionPlan {
  if (switches?.smallCells === false) {
    return { total: SHOW, segments: plan.segments.map(() => SHOW), labels: { total: null, segments: plan.segments.map(() => null) } };
  }
  if (switches?.complements !== false) return plan;
  const keep = (d: CellDecision) => (d.why === "complementary" ? SHOW : d);
  return {
    total: keep(plan.total),
    segments: plan.segments.map(keep),
    labels: { total: plan.total.why === "complementary" ? null : plan.labels.total, segments: plan.segments.map((d, i) => (d.why === "complementary" ? null : plan.labels.segments[i])) },
  };
}

const HIDDEN_BASE = { n: null, weighted_n: null, sum_w2: null, n_eff_kish: null, deff_kish: null, suppressed: true } as const;

const noCount = (label: string) =>
  ({ count: null, weighted_count: null, count_suppressed: true, unweighted: null, weighted: null, display: label }) as const;
const hiddenProportion = (label: string): ProtectedProportionBlock => ({ ...HIDDEN_BASE, ...noCount(label) });
const hiddenMean = (label: string): ProtectedMeanBlock => ({ ...HIDDEN_BASE, unweighted: null, weighted: null, display: label });

function proportionBlock(b: ProportionBlock, d: CellDecision, label: string): ProtectedProportionBlock {
  if (d.hideN) return hiddenProportion(label);
  if (d.hideCount) return { n: b.n, weighted_n: b.weighted_n, sum_w2: b.sum_w2, n_eff_kish: b.n_eff_kish, deff_kish: b.deff_kish, suppressed: false, ...noCount(label) };
  return { ...structuredClone(b), suppressed: false, count_suppressed: false, display: null };
}

function meanBlock(b: MeanBlock, d: CellDecision, label: string): ProtectedMeanBlock {
  if (d.hideN) return hiddenMean(label);
  return { ...structuredClone(b), suppressed: false, display: null };
}

/** Drop the table total and anything computed from margins; keep the test statistics. */
function scrubChisq(t: ChisqTest | null, anyHidden: boolean): ProtectedChisq | null {
  if (t === null) return null;
  if (!anyHidden) return structuredClone(t);
  const u = t.unweighted;
  const w = t.weighted?.rao_scott_f;
  return {
    rows_used: [...t.rows_used],
    cols_used: [...t.cols_used],
    n: null,
    unweighted: u ? { x2: u.x2, df: u.df, p_value: u.p_value } : null,
    weighted: w ? { rao_scott_f: { F: w.F, ndf: w.ndf, ddf: w.ddf, p_value: w.p_value } } : null,
  };
}

function protectRows(rows: RowCounts & { analytic_with_segment?: number }, totalHidden: boolean, segmentHidden: boolean, rules: DisclosureRules): ProtectedRows | null {
  if (totalHidden) return null;
  const excluded = [rows.excluded_missing_outcome, rows.excluded_missing_segment, rows.excluded_invalid_weight];
  // after_filters − analytic would recompute a single hidden exclusion count, so all go together
  const hideExcluded = excluded.some((x) => x > 0 && x < rules.k);
  const out: ProtectedRows = {
    csv: rows.csv,
    after_filters: hideExcluded ? null : rows.after_filters,
    excluded_missing_outcome: hideExcluded ? null : rows.excluded_missing_outcome,
    excluded_missing_segment: hideExcluded ? null : rows.excluded_missing_segment,
    excluded_invalid_weight: hideExcluded ? null : rows.excluded_invalid_weight,
    analytic: rows.analytic,
  };
  if (rows.analytic_with_segment !== undefined) out.analytic_with_segment = segmentHidden ? null : rows.analytic_with_segment;
  return out;
}

const WHY: Record<Exclude<SuppressionWhy, null>, string> = {
  small_n: "small cell",
  small_count: "small count",
  zero: "zero cell",
  magnitude: "low effective base",
  complementary: "complementary",
};

/**
 * A population the filters left with no respondent: what the store knows of the breakdown without
 * computing a statistic (`computeCrosstab` refuses 0 rows). Only the aggregate-only path uses it,
 * so that it can answer exactly like a small population.
 */
export interface EmptyCrosstab {
  empty: true;
  statistic: "proportion" | "mean";
  conf_level: number;
  z: number;
  rows: RowCounts;
  segment_levels: string[];
}

const SMALL_POPULATION_REASON = "small population: every number is hidden";

/**
 * The answer for a population under k (0 included): every number hidden with the "< k" label and
 * nothing that depends on the data (no row counts, no observed outcome levels, no zero segments, no
 * tests), so 0, 1, …, k−1 respondents are indistinguishable.
 */
function hiddenPopulation(shape: Pick<EmptyCrosstab, "statistic" | "conf_level" | "z" | "segment_levels">, rules: DisclosureRules, label: string): ProtectedCrosstab {
  const disclosure: DisclosureSummary = {
    k: rules.k,
    sensitive: rules.sensitive,
    role: rules.role,
    suppressedSegments: [...shape.segment_levels],
    totalSuppressed: true,
    blocked: false,
    reason: [SMALL_POPULATION_REASON],
  };
  const base = { conf_level: shape.conf_level, z: shape.z, rows: null, segment_levels: [...shape.segment_levels], notes: [] as string[], disclosure };
  if (shape.statistic === "mean") {
    const segments = shape.segment_levels.map((s) => ({ ...hiddenMean(label), segment: s }));
    return { ...base, statistic: "mean", outcome_levels: null, total: hiddenMean(label), segments, pairwise: [], chisq: null };
  }
  return {
    ...base,
    statistic: "proportion",
    outcome_levels: [],
    total: hiddenProportion(label),
    segments: shape.segment_levels.map((s) => ({ ...hiddenProportion(label), segment: s })),
    pairwise: [],
    chisq: { full: null, binary: null },
  };
}

/**
 * A fully hidden copy of a shown result, for a release the differencing audit refuses where the
 * caller hides instead of answering 403 (banner rows, insight scans).
 * @example withheldCrosstab(shown, ["differencing"]).disclosure.blocked // true
 */
export function withheldCrosstab(p: ProtectedCrosstab, reason: string[]): ProtectedCrosstab {
  return blockAll(p, { allowed: false, conflicts: [], reason }, COMPLEMENT_LABEL);
}

/** A fully hidden copy, used when the differencing guard refuses the release. */
function blockAll(p: ProtectedCrosstab, verdict: Extract<DifferencingVerdict, { allowed: false }>, label: string): ProtectedCrosstab {
  const disclosure: DisclosureSummary = {
    ...p.disclosure,
    suppressedSegments: p.segments.map((s) => s.segment),
    totalSuppressed: true,
    blocked: true,
    reason: [...p.disclosure.reason, ...verdict.reason],
  };
  const base = { conf_level: p.conf_level, z: p.z, rows: null, segment_levels: [...p.segment_levels], notes: p.notes ? [...p.notes] : undefined, disclosure };
  if (p.statistic === "mean") {
    const segments = p.segments.map((s) => ({ ...hiddenMean(label), segment: s.segment }));
    return { ...base, statistic: "mean", outcome_levels: null, total: hiddenMean(label), segments, pairwise: [], chisq: null };
  }
  return {
    ...base,
    statistic: "proportion",
    outcome_levels: [...p.outcome_levels],
    total: hiddenProportion(label),
    segments: p.segments.map((s) => ({ ...hiddenProportion(label), segment: s.segment })),
    pairwise: [],
    chisq: { full: null, binary: null },
  };
}

/**
 * Apply small-cell protection to a crosstab result (rules in `suppression-plan.ts`): small cells
 * and their complements are hidden, with every number derived from them (estimates, CIs, weighted
 * counts, effective n, pairwise tests, chi-square table totals); zero cells look like small ones
 * when `sensitive`. Chi-square tests stay while 2 segments are fully shown (not when sensitive and
 * a segment is hidden: the rows used would tell a zero from a small cell). Never mutates `result`;
 * returns a new object with only known fields. With `context.release`, the differencing guard
 * also runs against `context.history`; a refused release comes back fully hidden with
 * `disclosure.blocked: true`.
 * @example
 * const shown = protectCrosstab(computeCrosstab(input), { k: 5, sensitive: false, role: "viewer" });
 * shown.segments.find((s) => s.segment === "Ops")?.display // "< 5"
 */
export function protectCrosstab(result: CrosstabResult | EmptyCrosstab, rulesInput: DisclosureRulesInput, context: ProtectContext = {}): ProtectedCrosstab {
  const rules = disclosureRulesSchema.parse(rulesInput);
  const label = suppressedLabel(rules.k);
  // a population under k (none at all included) answers one data-free, fully hidden shape
  const smallOff = context.switches?.smallCells === false;
  if ("empty" in result || (result.total.n < rules.k && !smallOff)) return guarded(hiddenPopulation(result, rules, label), rules, context);
  // honest labels: "< k" only on a cell that is under k; a count whose rest is small says so; a
  // complement says "—" (hidden to protect a small cell), never a count
  const display = (kind: LabelKind | null): string =>
    kind === "rest_small" ? restSmallLabel(rules.k) : kind === "complement" ? COMPLEMENT_LABEL : kind === "magnitude" ? lowEffectiveBaseLabel(rules.k) : label;
  const isProp = result.statistic === "proportion";
  const cellOf = (b: { n: number; count?: unknown }) => ({ n: b.n, count: isProp && typeof b.count === "number" ? b.count : null });
  // magnitude rule (effective base, from the cell sums this path has): a weighted cell whose
  // Kish effective base is under k is hidden like a small cell, whatever its n
  const lowEffectiveBase = (b: { n: number; weighted: unknown; weighted_n: number; sum_w2: number }) =>
    b.weighted !== null && b.n > 0 && !checkCellSums({ n: b.n, sumW: b.weighted_n, sumW2: b.sum_w2 }, { minN: 0, dominance: null, pPercent: null, minEffectiveBase: rules.k }).ok;
  const plan = switched(
    planSuppression(cellOf(result.total), result.segments.map(cellOf), rules, {
      total: lowEffectiveBase(result.total),
      segments: result.segments.map(lowEffectiveBase),
    }),
    context.switches,
  );

  const reason: string[] = [];
  const note = (what: string, d: CellDecision) => {
    if (d.hideCount) reason.push(`${WHY[d.why ?? "complementary"]}: ${what}`);
  };
  note("total", plan.total);
  result.segments.forEach((s, i) => note(s.segment, plan.segments[i]));
  const shown = (seg: string) => {
    const i = result.segments.findIndex((s) => s.segment === seg);
    return i >= 0 && !plan.segments[i].hideCount;
  };
  const anyHidden = plan.total.hideCount || plan.segments.some((d) => d.hideCount);
  const disclosure: DisclosureSummary = {
    k: rules.k,
    sensitive: rules.sensitive,
    role: rules.role,
    suppressedSegments: result.segments.filter((_, i) => plan.segments[i].hideCount).map((s) => s.segment),
    totalSuppressed: plan.total.hideCount,
    blocked: false,
    reason,
  };
  const base = {
    conf_level: result.conf_level,
    z: result.z,
    rows: protectRows(result.rows, plan.total.hideN, plan.segments.some((d) => d.hideN), rules),
    segment_levels: [...result.segment_levels],
    ...(result.notes ? { notes: [...result.notes] } : {}),
    disclosure,
  };

  let out: ProtectedCrosstab;
  if (result.statistic === "mean") {
    out = {
      ...base,
      statistic: "mean",
      outcome_levels: null,
      total: meanBlock(result.total, plan.total, display(plan.labels.total)),
      segments: result.segments.map((s, i) => ({ ...meanBlock(s, plan.segments[i], display(plan.labels.segments[i])), segment: s.segment })),
      pairwise: result.pairwise.filter((p) => shown(p.a) && shown(p.b)).map((p) => structuredClone(p)),
      chisq: null,
    };
  } else {
    // when sensitive, rows_used and df would tell a hidden zero from a hidden small cell
    const sensitiveHidden = rules.sensitive && plan.segments.some((d) => d.hideCount);
    const enough = plan.segments.filter((d) => !d.hideCount).length >= 2 && !sensitiveHidden;
    out = {
      ...base,
      statistic: "proportion",
      outcome_levels: [...result.outcome_levels],
      total: proportionBlock(result.total, plan.total, display(plan.labels.total)),
      segments: result.segments.map((s, i) => ({ ...proportionBlock(s, plan.segments[i], display(plan.labels.segments[i])), segment: s.segment })),
      pairwise: result.pairwise.filter((p) => shown(p.a) && shown(p.b)).map((p) => structuredClone(p)),
      chisq: {
        full: enough ? scrubChisq(result.chisq.full, anyHidden) : null,
        binary: enough ? scrubChisq(result.chisq.binary, anyHidden) : null,
      },
    };
  }
  return guarded(out, rules, context);
}

/** The differencing guard (with `context.release`): a refused release comes back fully hidden. */
function guarded(out: ProtectedCrosstab, rules: DisclosureRules, context: ProtectContext): ProtectedCrosstab {
  if (context.release === undefined) return out;
  const verdict = checkDifferencing(context.history ?? [], releaseOf(out, context.release), rules);
  return verdict.allowed ? out : blockAll(out, verdict, COMPLEMENT_LABEL);
}
