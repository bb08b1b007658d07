/**
 * The suppression decision on bare counts, separate from the crosstab JSON so it can be reasoned
 * about (and property-tested) on its own.
 *
 * Rules, with `small(x)` = 1 ≤ x ≤ k−1, or x = 0 too when the breakdown is sensitive:
 * 1. Primary: a cell hides its n (and everything else) when small(n). For proportions a cell with
 *    n shown hides its count, complement and estimates when small(count) or small(n − count).
 * 2. Complementary (segments vs total): with the total shown, residual = total − Σ shown segments
 *    must not be 1..k−1 (nor 0 when sensitive and the residual group is non-empty). This is checked for n,
 *    count and n − count (three lines over the same segments). The residual also catches rows in the
 *    total without a segment (`include_in_total`).
 * 3. Cheapest complements: among all sets of further segments to hide (at the count level, or at
 *    the n level) that satisfy rule 2 on every line, the one hiding the fewest respondents (Σ n of
 *    the segments hidden as complements) is chosen, by a uniform-cost search over hide decisions
 *    (ties: fewer decisions). Only segments that add a non-zero amount to a failing residual are
 *    candidates, so a complement is never a zero (that would pin the hidden cells from below).
 *    Hiding every positive segment always satisfies rule 2 (the residual is then the shown total),
 *    so a solution exists; past {@link SEARCH_LIMIT} explored states (hundreds of segments with
 *    several complements) the search falls back to the greedy rule "hide the smallest candidate of
 *    the first failing line", which is valid but may hide more.
 */
import type { DisclosureRules } from "@/lib/schema/disclosure";
import { isSmallCount } from "./rules";

/** One cell's respondent count and (proportions only) category count. */
export interface PlanCell {
  n: number;
  /** respondents in the outcome category; null for means */
  count: number | null;
}

/**
 * Why a cell is hidden (null = shown): `small_n` / `small_count` are primary (the cell itself is
 * under k; for a count, the category count or its rest n − count), `zero` a zero in a sensitive
 * breakdown, `complementary` hidden only so that another hidden cell cannot be recomputed.
 */
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

/** States the complement search may explore before it falls back to the greedy rule. */
export const SEARCH_LIMIT = 20_000;

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

/** A segment's hide level: 0 shown, 1 count (and n − count) hidden, 2 n hidden too. */
type Level = 0 | 1 | 2;
const levelOf = (d: CellDecision): Level => (d.hideN ? 2 : d.hideCount ? 1 : 0);

interface Line {
  measure: Measure;
  /** the level from which a segment no longer counts in this line's shown sum */
  level: 1 | 2;
}

/** The first line whose residual gives a hidden cell away, or undefined. */
function failingLine(total: PlanCell, totalLevel: Level, segments: PlanCell[], levels: readonly Level[], lines: Line[], rules: Rules): Line | undefined {
  return lines.find(({ measure, level }) => {
    if (totalLevel >= level) return false;
    let residual = measure(total);
    let groupN = total.n;
    let anyHidden = false;
    segments.forEach((c, i) => {
      if (levels[i] >= level) {
        anyHidden = true;
        return;
      }
      residual -= measure(c);
      groupN -= c.n;
    });
    return disclosiveResidual(residual, groupN > 0 || anyHidden, rules);
  });
}

/** A binary min-heap on [cost, decisions]. */
class Queue<T> {
  private items: { cost: number; tie: number; value: T }[] = [];
  get size(): number {
    return this.items.length;
  }
  push(cost: number, tie: number, value: T): void {
    const a = this.items;
    a.push({ cost, tie, value });
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(a[i], a[p])) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }
  pop(): { cost: number; tie: number; value: T } {
    const a = this.items;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.less(a[l], a[m])) m = l;
        if (r < a.length && this.less(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
  private less(x: { cost: number; tie: number }, y: { cost: number; tie: number }): boolean {
    return x.cost < y.cost || (x.cost === y.cost && x.tie < y.tie);
  }
}

/** Segments that would reduce a failing line's disclosive residual when hidden at its level. */
function candidates(line: Line, segments: PlanCell[], levels: readonly Level[]): number[] {
  const out: number[] = [];
  segments.forEach((c, i) => {
    if (levels[i] < line.level && line.measure(c) > 0) out.push(i);
  });
  return out;
}

/** Cost of complement levels: Σ n of segments above their primary level. */
function costOf(segments: PlanCell[], start: readonly Level[], levels: readonly Level[]): { cost: number; tie: number } {
  let cost = 0;
  let tie = 0;
  levels.forEach((l, i) => {
    if (l > start[i]) {
      cost += segments[i].n;
      tie += l - start[i];
    }
  });
  return { cost, tie };
}

/**
 * The cheapest complement levels (uniform-cost search), or null when the search limit is reached.
 * Complete: in a state below any valid solution, the first failing line has a segment the
 * solution hides further (otherwise its residual would fail there too), and each such segment
 * is a branch.
 */
function cheapestLevels(total: PlanCell, segments: PlanCell[], start: Level[], lines: Line[], rules: Rules): Level[] | null {
  const queue = new Queue<Level[]>();
  const seen = new Set<string>();
  queue.push(0, 0, start);
  seen.add(start.join(""));
  let explored = 0;
  while (queue.size > 0) {
    const { value: levels } = queue.pop();
    const line = failingLine(total, 0, segments, levels, lines, rules);
    if (line === undefined) return levels;
    if (++explored > SEARCH_LIMIT) return null;
    for (const i of candidates(line, segments, levels)) {
      const next = [...levels];
      next[i] = line.level;
      const key = next.join("");
      if (seen.has(key)) continue;
      seen.add(key);
      const { cost, tie } = costOf(segments, start, next);
      queue.push(cost, tie, next);
    }
  }
  return null;
}

/** The earlier greedy rule: hide the smallest candidate of the first failing line (valid, not always cheapest). */
function greedyLevels(total: PlanCell, segments: PlanCell[], start: Level[], lines: Line[], rules: Rules): { levels: Level[]; hideTotal: Level } {
  const levels = [...start];
  let totalLevel: Level = 0;
  for (;;) {
    const line = failingLine(total, totalLevel, segments, levels, lines, rules);
    if (line === undefined) return { levels, hideTotal: totalLevel };
    const pick = candidates(line, segments, levels).reduce((best, i) => (best < 0 || segments[i].n < segments[best].n ? i : best), -1);
    if (pick < 0) totalLevel = line.level;
    else levels[pick] = line.level;
  }
}

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
  const lines: Line[] = [{ measure: nOf, level: 2 }];
  if (isProportion) lines.push({ measure: countOf, level: 1 }, { measure: otherOf, level: 1 });
  const totalLevel = levelOf(tot);
  const start = segs.map(levelOf);
  let levels: Level[];
  let extraTotal: Level = 0;
  if (failingLine(total, totalLevel, segments, start, lines, rules) === undefined) levels = start;
  else {
    // a hidden total only leaves lines the total does not hide; the segments' search sees them all
    const activeLines = lines.filter((l) => totalLevel < l.level);
    const found = cheapestLevels(total, segments, start, activeLines, rules);
    if (found) levels = found;
    else ({ levels, hideTotal: extraTotal } = greedyLevels(total, segments, start, activeLines, rules));
  }
  levels.forEach((l, i) => {
    if (l <= start[i]) return;
    const d = segs[i];
    d.hideCount = true;
    if (l === 2) d.hideN = true;
    d.why ??= "complementary";
  });
  if (extraTotal > totalLevel) {
    tot.hideCount = true;
    if (extraTotal === 2) tot.hideN = true;
    tot.why ??= "complementary";
  }
  return { total: tot, segments: segs };
}
