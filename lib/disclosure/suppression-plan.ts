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
 * 3. Honest labels do not give a cell away: a small cell says "< k" (its rest: "all but < k") and a
 *    complement "—" (hidden to protect a small cell), so an intruder knows a complement is not
 *    small. In every line, reading the labels as bounds (boxes), no primary cell's value may be
 *    pinned to one number: x_j ∈ [max(lo_j, R − Σ_{i≠j} hi_i), min(hi_j, R − Σ_{i≠j} lo_i)] must
 *    hold two values at least (exact for one line; `suppression-plan.property.test.ts` also
 *    checks the whole system exactly by linear algebra).
 * 4. Cheapest complements: among all sets of further cells to hide (a segment at the count level
 *    or the n level, or the total) that satisfy rules 2 and 3 on every line, the one hiding the
 *    fewest respondents (Σ n of the cells hidden as complements) is chosen, by a uniform-cost
 *    search over hide decisions (ties: fewer decisions). Only cells that add a non-zero amount to
 *    a failing line are candidates. Hiding the total always ends the search, so a solution exists;
 *    the greedy choice "hide the smallest candidate of the first failing line" (valid, not always
 *    cheapest) bounds the search, and past {@link SEARCH_LIMIT} generated states (many segments,
 *    or a total that must go) it is kept, so the cheapest choice is guaranteed on small tables only.
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
 * breakdown, `magnitude` a weighted cell whose estimate would be one or two respondents' answers
 * (effective base under k, `lib/disclosure/magnitude.ts`), `complementary` hidden only so that
 * another hidden cell cannot be recomputed.
 */
export type SuppressionWhy = "small_n" | "small_count" | "zero" | "magnitude" | "complementary" | null;

/** What of one cell may be shown. `hideN` implies `hideCount`. */
export interface CellDecision {
  hideN: boolean;
  hideCount: boolean;
  why: SuppressionWhy;
}

export interface SuppressionPlan {
  total: CellDecision;
  segments: CellDecision[];
  /** the honest label of each hidden cell (null = shown), see {@link labelKind} */
  labels: { total: LabelKind | null; segments: (LabelKind | null)[] };
}

type Rules = Pick<DisclosureRules, "k" | "sensitive">;

/** States the complement search may generate before it keeps the greedy choice. */
export const SEARCH_LIMIT = 5_000;

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
  kind: "n" | "count" | "rest";
}

/** What an intruder knows of a hidden value from its label: lo ≤ x ≤ hi; `protect` for a primary cell. */
interface Box {
  lo: number;
  hi: number;
  protect: boolean;
}

interface Table {
  total: PlanCell;
  segments: PlanCell[];
  /** each segment's primary decision (why it is hidden on its own, if it is) */
  primaries: CellDecision[];
  rules: Rules;
}

/** The label a hidden segment carries at a level: "< k", "all but < k" or "—" (see `labelKind`). */
export type LabelKind = "small" | "rest_small" | "magnitude" | "complement";

/**
 * The honest label of a cell hidden at `level` (1: its count, 2: its n too), given its primary
 * decision: "small" ("< k") only when that number is under k, "rest_small" ("all but < k") when a
 * hidden count's rest n − count is, otherwise "complement" ("—", hidden to protect a small cell).
 * @example labelKind({ n: 60, count: 2 }, { hideN: false, hideCount: true, why: "small_count" }, 1, { k: 5, sensitive: false }) // "small"
 */
export function labelKind(c: PlanCell, primaryDecision: CellDecision, level: 1 | 2, rules: Rules): LabelKind {
  if (primaryDecision.why === "magnitude") return "magnitude";
  if (level === 2) return isSmallCount(c.n, rules) ? "small" : "complement";
  if (!primaryDecision.hideCount || c.count === null) return "complement";
  if (isSmallCount(c.count, rules)) return "small";
  return isSmallCount(c.n - c.count, rules) ? "rest_small" : "complement";
}

/**
 * The box an intruder knows for a hidden segment's value in a line, from its label. "< k": 1..k−1
 * (0..k−1 when sensitive); with its n hidden, its count and rest are 0..k−1 too. "all but < k":
 * the rest is small, the count n minus that. "—" with n shown: neither count nor rest is small,
 * so exactly 0, k..n−k, or all of n (taken at the piece the value is in: the intruder gets the
 * benefit of the doubt); "—" with n hidden: n ≥ k (or 0), nothing about the count.
 */
function boxOf(t: Table, i: number, level: Level, line: Line): Box {
  const { k, sensitive } = t.rules;
  const lo0 = sensitive ? 0 : 1;
  const c = t.segments[i];
  const p = t.primaries[i];
  const v = line.measure(c);
  const kind = labelKind(c, p, level === 2 ? 2 : 1, t.rules);
  const protect = p.hideCount;
  // a magnitude cell: n is not small (so ≥ k), nothing is said of its count; its estimate is
  // protected like a small cell's, so it may not be the only unknown of a line
  if (kind === "magnitude") return line.kind === "n" ? { lo: k, hi: Number.POSITIVE_INFINITY, protect: true } : { lo: 0, hi: Number.POSITIVE_INFINITY, protect: true };
  if (line.kind === "n") return kind === "small" ? { lo: lo0, hi: k - 1, protect: p.hideN } : v === 0 ? { lo: 0, hi: 0, protect: false } : { lo: k, hi: Number.POSITIVE_INFINITY, protect: false };
  if (level === 2) return kind === "small" ? { lo: 0, hi: k - 1, protect } : c.n === 0 ? { lo: 0, hi: 0, protect } : { lo: 0, hi: Number.POSITIVE_INFINITY, protect };
  if (kind !== "complement") {
    // the labelled side is small; the other side is n minus it
    const smallSide = (line.kind === "count") === (kind === "small");
    return smallSide ? { lo: lo0, hi: k - 1, protect } : { lo: c.n - (k - 1), hi: c.n - lo0, protect };
  }
  if (v === 0) return { lo: 0, hi: 0, protect };
  if (v === c.n) return { lo: c.n, hi: c.n, protect };
  return { lo: k, hi: c.n - k, protect };
}

/**
 * Whether a line gives a hidden cell away: its residual (total − Σ shown) is a small group
 * (1..k−1, or 0 when sensitive and the group is non-empty), or, reading the labels, some primary
 * cell's value is pinned to one number (exact for one line of boxes: x_j lies in
 * [max(lo_j, R − Σ_{i≠j} hi_i), min(hi_j, R − Σ_{i≠j} lo_i)]).
 */
function lineFails(t: Table, levels: readonly Level[], totalLevel: Level, line: Line): boolean {
  if (totalLevel >= line.level) return false;
  const { total, segments, rules } = t;
  let residual = line.measure(total);
  let groupN = total.n;
  let anyHidden = false;
  const boxes: Box[] = [];
  segments.forEach((c, i) => {
    if (levels[i] >= line.level) {
      anyHidden = true;
      boxes.push(boxOf(t, i, levels[i], line));
      return;
    }
    residual -= line.measure(c);
    groupN -= c.n;
  });
  if (disclosiveResidual(residual, groupN > 0 || anyHidden, rules)) return true;
  if (!boxes.some((b) => b.protect)) return false;
  // rows in the total without a segment: their n is taken as known (it is released as analytic −
  // analytic_with_segment, or as 0 when such rows are dropped); their count lies in 0..that n
  const missingN = total.n - segments.reduce((a, c) => a + c.n, 0);
  boxes.push(line.kind === "n" ? { lo: missingN, hi: missingN, protect: false } : { lo: 0, hi: missingN, protect: false });
  return boxes.some((b, j) => {
    if (!b.protect) return false;
    let othersLo = 0;
    let othersHi = 0;
    boxes.forEach((x, i) => {
      if (i === j) return;
      othersLo += x.lo;
      othersHi += x.hi;
    });
    const low = Math.max(b.lo, residual - othersHi);
    const high = Math.min(b.hi, residual - othersLo);
    return high - low < 1;
  });
}

function failingLine(t: Table, levels: readonly Level[], totalLevel: Level, lines: Line[]): Line | undefined {
  return lines.find((line) => lineFails(t, levels, totalLevel, line));
}

/** A binary min-heap on [cost, tie]. */
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

/** A search state: the segments' levels, then the total's. */
type State = Level[];

/**
 * The next states: one cell (a segment with respondents, or the total, index S) hidden one step
 * further, to the count level or the n level. Every raise is a branch, since raising a cell to
 * the n level also changes what the labels tell in the count lines.
 */
function raises(t: Table, state: State, proportion: boolean): { i: number; level: Level }[] {
  const S = t.segments.length;
  const out: { i: number; level: Level }[] = [];
  state.forEach((l, i) => {
    if (i < S && t.segments[i].n === 0) return;
    if (proportion && l < 1) out.push({ i, level: 1 });
    if (l < 2) out.push({ i, level: 2 });
  });
  return out;
}

/** Segments (and the total, index S) that change a failing line's residual when hidden at its level (the greedy fallback's picks). */
function candidates(t: Table, line: Line, state: State): number[] {
  const S = t.segments.length;
  const out: number[] = [];
  t.segments.forEach((c, i) => {
    if (state[i] < line.level && line.measure(c) > 0) out.push(i);
  });
  if (state[S] < line.level) out.push(S);
  return out;
}

/** Cost of a state: respondents of the cells hidden beyond their primary level (the total counts all of its n). */
function costOf(t: Table, start: State, state: State): { cost: number; tie: number } {
  let cost = 0;
  let tie = 0;
  state.forEach((l, i) => {
    if (l > start[i]) {
      cost += i < t.segments.length ? t.segments[i].n : t.total.n;
      tie += l - start[i];
    }
  });
  return { cost, tie };
}

/**
 * The cheapest complement levels (uniform-cost search over single raises, so every state is
 * reachable and the first valid state popped is a cheapest one), or null when the search limit is
 * reached. Hiding the total always ends the search.
 */
function cheapestState(t: Table, start: State, lines: Line[], bound: number): State | null {
  const S = t.segments.length;
  const queue = new Queue<State>();
  const seen = new Set<string>([start.join("")]);
  queue.push(0, 0, start);
  while (queue.size > 0) {
    const { value: state } = queue.pop();
    const line = failingLine(t, state, state[S], lines);
    if (line === undefined) return state;
    for (const { i, level } of raises(t, state, t.total.count !== null)) {
      const next = [...state];
      next[i] = level;
      const key = next.join("");
      if (seen.has(key)) continue;
      if (seen.size >= SEARCH_LIMIT) return null;
      seen.add(key);
      const { cost, tie } = costOf(t, start, next);
      // a state dearer than a known valid one (the greedy choice) cannot lead to a cheaper one
      if (cost > bound) continue;
      queue.push(cost, tie, next);
    }
  }
  return null;
}

/** The fallback: hide the smallest candidate of the first failing line (valid, not always cheapest). */
function greedyState(t: Table, start: State, lines: Line[]): State {
  const S = t.segments.length;
  const state = [...start];
  for (;;) {
    const line = failingLine(t, state, state[S], lines);
    if (line === undefined) return state;
    const pick = candidates(t, line, state).reduce((best, i) => (best < 0 || (i < S && (best === S || t.segments[i].n < t.segments[best].n)) ? i : best), -1);
    // a line that the residual no longer fails but the labels still do: hide the total
    if (pick < 0 || state[pick] >= line.level) state[S] = line.level;
    else state[pick] = line.level;
  }
}

/** Cells a magnitude rule hides whatever their counts (`magnitude.ts`), e.g. a weighted cell with an effective base under k. */
export interface MagnitudeFailures {
  total: boolean;
  segments: readonly boolean[];
}

/**
 * Decide, per cell, what may be shown.
 * @example
 * planSuppression({ n: 60, count: null }, [{ n: 57, count: null }, { n: 3, count: null }], { k: 5, sensitive: false })
 * // both segments hidden: 3 is small, and 57 would give it away as 60 − 57
 */
export function planSuppression(total: PlanCell, segments: PlanCell[], rules: Rules, magnitude?: MagnitudeFailures): SuppressionPlan {
  const withMagnitude = (d: CellDecision, fails: boolean | undefined): CellDecision => (fails && !d.hideN ? { hideN: true, hideCount: true, why: "magnitude" } : d);
  const tot = withMagnitude(primary(total, rules), magnitude?.total);
  const segs = segments.map((c, i) => withMagnitude(primary(c, rules), magnitude?.segments[i]));
  const isProportion = total.count !== null;
  const lines: Line[] = [{ measure: nOf, level: 2, kind: "n" }];
  if (isProportion) lines.push({ measure: countOf, level: 1, kind: "count" }, { measure: otherOf, level: 1, kind: "rest" });
  const table: Table = { total, segments, primaries: segs.map((d) => ({ ...d })), rules };
  const start: State = [...segs.map(levelOf), levelOf(tot)];
  const S = segments.length;
  let state = start;
  if (failingLine(table, start, start[S], lines) !== undefined) {
    const greedy = greedyState(table, start, lines);
    state = cheapestState(table, start, lines, costOf(table, start, greedy).cost) ?? greedy;
  }
  const primaries = [...table.primaries, { ...tot }];
  state.forEach((l, i) => {
    if (l <= start[i]) return;
    const d = i < S ? segs[i] : tot;
    d.hideCount = true;
    if (l === 2) d.hideN = true;
    d.why ??= "complementary";
  });
  const labelAt = (c: PlanCell, i: number): LabelKind | null => (state[i] === 0 ? null : labelKind(c, primaries[i], state[i] === 2 ? 2 : 1, rules));
  return { total: tot, segments: segs, labels: { total: labelAt(total, S), segments: segments.map(labelAt) } };
}
