import { describe, expect, it } from "vitest";
import { computeCellSums } from "@/lib/engine";
import type { MeanCrosstabResult } from "@/lib/schema/crosstab-result";
import { crosstabSpecSchema } from "@/lib/schema/crosstab-spec";
import { computeCrosstab } from "./crosstab";
import { computeNps, npsScore } from "./nps";

const data = [
  ["10", "A", "1.5"], ["9", "A", "0.5"], ["8", "A", "1"], ["3", "A", "2"], ["6", "A", "1"],
  ["0", "B", "1"], ["7", "B", "0.7"], ["10", "B", "1.2"], ["2", "B", "3"],
  ["x", "B", "1"], // not 0–10: excluded
];
const header = ["score", "seg", "w"];

describe("computeNps", () => {
  it("classifies answers", () => {
    expect(["10", "9", "8", "7", "6", "0", "11", "6.5", ""].map((v) => npsScore(v))).toEqual([1, 1, 0, 0, -1, -1, null, null, null]);
  });

  it("equals the weighted mean of +1/0/−1 with its domain linearisation SE", () => {
    const input = computeCellSums({ header, rows: data }, crosstabSpecSchema.parse({ outcome: "score", outcome_category: "9", segment: "seg", weight: "w" }));
    const nps = computeNps(input);
    expect(nps.excluded_not_0_10).toBe(1);
    const recoded = data.filter((r) => npsScore(r[0]) !== null).map((r) => [String(npsScore(r[0])), r[1], r[2]]);
    const mean = computeCrosstab(
      computeCellSums({ header, rows: recoded }, crosstabSpecSchema.parse({ outcome: "score", statistic: "mean", segment: "seg", weight: "w" })),
    ) as MeanCrosstabResult;
    for (const s of ["A", "B"]) {
      const n = nps.segments.find((x) => x.segment === s)!;
      const m = mean.segments.find((x) => x.segment === s)!;
      expect(n.weighted?.nps).toBeCloseTo(m.weighted!.mean!, 14);
      expect(n.weighted?.se).toBeCloseTo(m.weighted!.se!, 14);
      expect(n.weighted?.ci.t?.[0]).toBeCloseTo(m.weighted!.ci.t![0], 12);
      expect(n.weighted!.promoters_share! - n.weighted!.detractors_share!).toBeCloseTo(n.weighted!.nps!, 14);
    }
    const a = nps.segments[0];
    expect([a.promoters, a.passives, a.detractors]).toEqual([2, 1, 2]);
    expect(a.unweighted?.nps).toBeCloseTo(0, 15);
    expect(nps.total.n).toBe(9);
  });
});
