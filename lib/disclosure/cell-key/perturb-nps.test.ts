import { describe, expect, test } from "vitest";
import type { CellSums, CrosstabInput } from "@/lib/schema/cell-sums";
import { computeNps } from "@/lib/stats/nps";
import { perturbedNps } from "./perturb-nps";
import { cellKeyOf, perturbCount } from "./ptable";

/** an unweighted cell of `n` respondents answering `score`, whose record keys sum to `ck` */
const cell = (segment: string, score: string, n: number, ck: number): CellSums => ({ segment, outcome: score, n, sw: n, sw2: n, sy: 0, sy2: 0, swy: 0, swy2: 0, sw2y: 0, sw2y2: 0, ck, cky: 0 });

const input = (cells: CellSums[]): CrosstabInput => {
  const analytic = cells.reduce((s, c) => s + c.n, 0);
  return {
    statistic: "proportion",
    outcomeCategories: ["9", "10"],
    confLevel: 0.95,
    missingSegment: "drop",
    segmentLevels: ["a", "b"],
    rows: { csv: analytic + 7, after_filters: analytic + 7, excluded_missing_outcome: 7, excluded_missing_segment: 0, excluded_invalid_weight: 0, analytic },
    cells,
    statusKeys: [0, 123, 0, 0, cells.reduce((s, c) => s + (c.ck ?? 0), 0)],
  };
};

const CELLS = [
  cell("a", "10", 20, 1000),
  cell("a", "9", 10, 300),
  cell("a", "8", 12, 4000),
  cell("a", "3", 15, 999),
  cell("a", "0", 5, 50),
  cell("b", "9", 0, 0),
  cell("b", "7", 9, 17),
  cell("b", "2", 30, 2222),
  cell("b", "n/a", 4, 4100),
];

describe("perturbing an NPS breakdown", () => {
  test("each group's count moves by the table at the key of exactly its respondents; the total's groups by their own keys", () => {
    const out = perturbedNps(input(CELLS), false);
    const a = out.segments.find((s) => s.segment === "a")!;
    expect(a.promoters).toBe(perturbCount(30, cellKeyOf(1300)));
    expect(a.passives).toBe(perturbCount(12, cellKeyOf(4000)));
    expect(a.detractors).toBe(perturbCount(20, cellKeyOf(1049)));
    expect(a.n).toBe(a.promoters + a.passives + a.detractors);
    const b = out.segments.find((s) => s.segment === "b")!;
    expect(b.promoters).toBe(0); // zero stays zero
    expect(out.total.promoters).toBe(perturbCount(30, cellKeyOf(1300)));
    expect(out.total.detractors).toBe(perturbCount(50, cellKeyOf(1049 + 2222)));
    expect(out.excluded_not_0_10).toBe(perturbCount(4, cellKeyOf(4100)));
    expect(out.rows.excluded_missing_outcome).toBe(perturbCount(7, cellKeyOf(123)));
    expect(out.rows.csv).toBe(input(CELLS).rows.csv);
  });

  test("scores and intervals come from the perturbed counts", () => {
    const out = perturbedNps(input(CELLS), false);
    for (const s of [...out.segments, out.total]) {
      if (!s.n) continue;
      expect(s.unweighted!.nps).toBeCloseTo((s.promoters - s.detractors) / s.n, 12);
      expect(s.weighted!.nps).toBeCloseTo((s.promoters - s.detractors) / s.n, 12); // unweighted cells: rescaled weights keep shares
    }
  });

  test("counts stay whole, non-negative and within ±3 of the exact ones, for many keys", () => {
    const exact = computeNps(input(CELLS));
    for (let shift = 0; shift < 4096; shift += 97) {
      const shifted = CELLS.map((c) => ({ ...c, ck: (c.ck ?? 0) + shift }));
      const out = perturbedNps(input(shifted), false);
      for (const [p, e] of [...out.segments.map((s, i) => [s, exact.segments[i]] as const), [out.total, exact.total] as const]) {
        for (const f of ["promoters", "passives", "detractors"] as const) {
          expect(Number.isInteger(p[f]) && p[f] >= 0).toBe(true);
          expect(Math.abs(p[f] - e[f])).toBeLessThanOrEqual(3);
          if (e[f] === 0) expect(p[f]).toBe(0);
        }
      }
    }
  });

  test("refuses sums without cell keys", () => {
    expect(() => perturbedNps({ ...input(CELLS), statusKeys: undefined }, false)).toThrow(/cell keys/);
  });
});
