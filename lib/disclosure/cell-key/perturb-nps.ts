/**
 * The cell-key method applied to a Net Promoter Score breakdown (the `perturbed` policy), in the
 * same way as a crosstab's (perturb-crosstab.ts): every published count is perturbed by the key of
 * exactly the respondents it counts.
 *
 * - In each segment, the promoters (9–10), passives (7–8) and detractors (0–6) are three disjoint
 *   groups of respondents; each group's count is perturbed by its own key (Σ record keys of its
 *   rows) and its sums rescaled to the perturbed count, so the block's n is the sum of its three
 *   perturbed groups and the score, shares and intervals follow from perturbed counts.
 * - The total's three groups are perturbed by their own keys, **not** summed from the segments (as
 *   in ABS TableBuilder): an additive total would change with the breakdown and could be averaged
 *   back to the exact count over many breakdowns.
 * - Answers that are not 0–10 are one more group, perturbed by its key (`excluded_not_0_10`), and
 *   the row accounting is perturbed by status keys as a crosstab's.
 *
 * Pure; the caller marks the result perturbed.
 */
import type { CellSums, CrosstabInput } from "@/lib/schema/cell-sums";
import { computeNps, npsScore, type NpsResult } from "@/lib/stats/nps";
import { addSums, perturbRows, scaleSums, zeroSums } from "./perturb-crosstab";
import { cellKeyOf, perturbCount } from "./ptable";

/** one raw answer standing for each NPS group (what `npsScore` reads back), and the rest */
const GROUPS = [
  { score: 1, stands: "10" },
  { score: 0, stands: "8" },
  { score: -1, stands: "0" },
  { score: null, stands: "(not 0–10)" },
] as const;

/** One segment's (or the total's) cells as its four groups, each perturbed by its own key. */
function perturbGroups(cells: CellSums[], segment: string | null): CellSums[] {
  return GROUPS.flatMap(({ score, stands }) => {
    const mine = cells.filter((c) => npsScore(c.outcome) === score);
    const sums = mine.reduce((s, c) => addSums(s, c), zeroSums());
    const n1 = perturbCount(sums.n, cellKeyOf(mine.reduce((s, c) => s + (c.ck ?? 0), 0)));
    return n1 > 0 && sums.n > 0 ? [{ segment, outcome: stands, ...scaleSums(sums, n1) }] : [];
  });
}

/**
 * An NPS breakdown from keyed per-cell sums (the store filled `ck` and `statusKeys`), every count
 * perturbed, with its perturbed row accounting.
 *
 * @example perturbedNps(await store.cellSums(dataset, { ...plan, cellKey: { secret } }), false).total.promoters
 */
export function perturbedNps(input: CrosstabInput, filtered: boolean): NpsResult & { rows: CrosstabInput["rows"] } {
  if (!input.statusKeys || input.cells.some((c) => c.ck === undefined)) throw new Error("perturbedNps: the cell sums carry no cell keys");
  const bySegment = new Map<string | null, CellSums[]>();
  for (const c of input.cells) bySegment.set(c.segment, [...(bySegment.get(c.segment) ?? []), c]);
  const segmentCells = [...bySegment].flatMap(([segment, cells]) => perturbGroups(cells, segment));
  const totalCells = perturbGroups(input.cells, null);
  const segments = computeNps({ cells: segmentCells, segmentLevels: input.segmentLevels, confLevel: input.confLevel });
  const total = computeNps({ cells: totalCells, segmentLevels: [], confLevel: input.confLevel });
  const analytic = totalCells.reduce((s, c) => s + c.n, 0);
  return { ...segments, total: total.total, excluded_not_0_10: total.excluded_not_0_10, rows: perturbRows(input.rows, input.statusKeys, filtered, analytic) };
}
