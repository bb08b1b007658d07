/**
 * The cell-key method applied to a crosstab's per-cell sums (issue 17, the `perturbed` policy).
 *
 * Every published count is perturbed by the key of exactly the respondents it counts, so the same
 * set of respondents gets the same noise in every table, route and request, and a difference of two
 * releases is a difference of two independent noises:
 *
 * - each segment's n (key: Σ record keys of its analytic rows) and, for a proportion, its category
 *   count (key: Σ record keys of its y = 1 rows); a count above its perturbed n is cut to it;
 * - the total's n and count, perturbed by their own keys — **totals are not the sum of the perturbed
 *   segments** (as in ABS TableBuilder): an additive total would change with the breakdown and could
 *   be averaged back to the exact number over many breakdowns;
 * - the row accounting (after filters, each exclusion) by the keys of its status groups; the file's
 *   row count is public and stays exact.
 *
 * Proportions, intervals, pairwise tests and chi-squares are computed from the perturbed counts: each
 * segment's y = 1 and y = 0 parts are rescaled to their perturbed sizes (weights, and a mean's values,
 * scaled with them, so an unweighted mean is unchanged and a weighted proportion moves by the ratio
 * of perturbed to exact counts, as TableBuilder does for weighted counts). A mean's values are not
 * perturbed. The outcome is collapsed to the category and the rest, so `chisq.full` equals
 * `chisq.binary`. Pure.
 */
import { CHOSEN, NOT_CHOSEN } from "@/lib/analysis/plan";
import type { CellSums, CrosstabInput, RowCounts } from "@/lib/schema/cell-sums";
import type { CrosstabResult } from "@/lib/schema/crosstab-result";
import { computeCrosstab } from "@/lib/stats";
import { cellKeyOf, perturbCount } from "./ptable";

type Sums = Omit<CellSums, "segment" | "outcome" | "ck" | "cky">;
const FIELDS = ["n", "sw", "sw2", "sy", "sy2", "swy", "swy2", "sw2y", "sw2y2"] as const;

export const zeroSums = (): Sums => ({ n: 0, sw: 0, sw2: 0, sy: 0, sy2: 0, swy: 0, swy2: 0, sw2y: 0, sw2y2: 0 });
/** the sums of two groups of respondents together */
export function addSums(a: Sums, c: Sums): Sums {
  const out = { ...a };
  for (const f of FIELDS) out[f] += c[f];
  return out;
}
/** a group's sums rescaled to `n` respondents (its perturbed count); an empty group stays empty */
export function scaleSums(a: Sums, n: number): Sums {
  if (a.n === 0) return zeroSums();
  const f = n / a.n;
  const out = zeroSums();
  for (const k of FIELDS) out[k] = a[k] * f;
  out.n = n;
  return out;
}

/** The perturbed cells of one group (a segment, or every cell for the total). */
function perturbGroup(cells: CellSums[], input: CrosstabInput, segment: string | null): CellSums[] {
  const n = cells.reduce((s, c) => s + c.n, 0);
  const nKey = cellKeyOf(cells.reduce((s, c) => s + (c.ck ?? 0), 0));
  const n1 = perturbCount(n, nKey);
  if (input.statistic === "mean") return [{ segment, outcome: null, ...scaleSums(cells.reduce((s, c) => addSums(s, c), zeroSums()), n1) }];
  const cats = new Set(input.outcomeCategories);
  const yes = cells.filter((c) => c.outcome !== null && cats.has(c.outcome));
  const no = cells.filter((c) => !(c.outcome !== null && cats.has(c.outcome)));
  const yesSums = yes.reduce((s, c) => addSums(s, c), zeroSums());
  const noSums = no.reduce((s, c) => addSums(s, c), zeroSums());
  const count = yesSums.n;
  const count1 = Math.min(perturbCount(count, cellKeyOf(yes.reduce((s, c) => s + (c.cky ?? 0), 0))), n1);
  const rest1 = n1 - count1;
  // a segment whose respondents are all in the category but whose perturbed n is larger: the rest
  // gets the category's average weight (y = 0, so no value sums)
  const restSums =
    noSums.n > 0
      ? scaleSums(noSums, rest1)
      : rest1 > 0 && yesSums.n > 0
        ? { ...zeroSums(), n: rest1, sw: (yesSums.sw / yesSums.n) * rest1, sw2: (yesSums.sw2 / yesSums.n) * rest1 }
        : { ...zeroSums(), n: rest1, sw: rest1, sw2: rest1 };
  const yesLabel = input.outcomeCategories.includes(CHOSEN) ? CHOSEN : (input.outcomeCategories[0] ?? CHOSEN);
  const noLabel = no.slice().sort((a, b) => b.n - a.n)[0]?.outcome ?? (yesLabel === CHOSEN ? NOT_CHOSEN : "(other)");
  // the category part: exact sums rescaled; if the exact count is 0 it stays 0 (zeros stay zero)
  const yesPart: Sums = count > 0 ? scaleSums(yesSums, count1) : zeroSums();
  return [
    { segment, outcome: yesLabel, ...yesPart },
    { segment, outcome: noLabel, ...restSums },
  ].filter((c) => c.n > 0);
}

/**
 * The row accounting as released: each count perturbed by its own key; `csv` (the file's rows) and,
 * without filters, `after_filters` (= csv) are public and stay exact.
 *
 * @example perturbRows(rows, [0, k1, k2, k3, k4], true, analyticReleased)
 */
export function perturbRows(rows: RowCounts, statusKeys: readonly number[], filtered: boolean, analytic: number): RowCounts {
  const k = (i: number) => statusKeys[i] ?? 0;
  return {
    csv: rows.csv,
    after_filters: filtered ? perturbCount(rows.after_filters, cellKeyOf(k(1) + k(2) + k(3) + k(4))) : rows.after_filters,
    excluded_missing_outcome: perturbCount(rows.excluded_missing_outcome, cellKeyOf(k(1))),
    excluded_missing_segment: perturbCount(rows.excluded_missing_segment, cellKeyOf(k(2))),
    excluded_invalid_weight: perturbCount(rows.excluded_invalid_weight, cellKeyOf(k(3))),
    analytic,
  };
}

/**
 * The perturbed per-cell sums of a keyed crosstab input (`cells[].ck`, `statusKeys` filled by the
 * store): `segments` for the segments and their tests, `total` for the total, whose n is the
 * perturbed analytic count.
 *
 * @example const { segments, total } = perturbCrosstabInput(input, true)
 */
export function perturbCrosstabInput(input: CrosstabInput, filtered: boolean): { segments: CrosstabInput; total: CrosstabInput } {
  if (!input.statusKeys || input.cells.some((c) => c.ck === undefined)) throw new Error("perturbCrosstabInput: the cell sums carry no cell keys");
  const groups = new Map<string | null, CellSums[]>();
  for (const c of input.cells) groups.set(c.segment, [...(groups.get(c.segment) ?? []), c]);
  const segmentCells = [...groups].flatMap(([segment, cells]) => perturbGroup(cells, input, segment));
  const totalCells = perturbGroup(input.cells, input, null);
  const analytic = totalCells.reduce((s, c) => s + c.n, 0);
  const rows = perturbRows(input.rows, input.statusKeys, filtered, analytic);
  const { statusKeys: _keys, ...plain } = input;
  return { segments: { ...plain, rows, cells: segmentCells }, total: { ...plain, rows, segmentLevels: [], cells: totalCells } };
}

/**
 * A crosstab computed from perturbed counts, or null when the perturbed total is 0 (the caller answers
 * it as an empty population: a perturbed zero looks like a true one).
 *
 * @example perturbedCrosstab(keyedInput, plan.filters.length > 0)?.total.n
 */
export function perturbedCrosstab(input: CrosstabInput, filtered: boolean): CrosstabResult | null {
  const { segments, total } = perturbCrosstabInput(input, filtered);
  if (total.rows.analytic < 1) return null;
  const bySegments = computeCrosstab(segments);
  const totalBlock = computeCrosstab(total).total;
  return { ...bySegments, total: totalBlock } as CrosstabResult;
}
