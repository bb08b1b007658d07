import { describe, expect, it } from "vitest";
import { boundsReport, extremeWeights, marginReports, summarizeWeights } from "./report";

describe("report", () => {
  it("computes Kish efficiency and effective n", () => {
    const s = summarizeWeights([1, 1, 2, 2]);
    expect(s).toMatchObject({ min: 1, max: 2, mean: 1.5, sum: 6 });
    expect(s.effective_n).toBeCloseTo(36 / 10, 15);
    expect(s.efficiency).toBeCloseTo(36 / 40, 15);
    expect(s.design_effect).toBeCloseTo(40 / 36, 15);
    expect(summarizeWeights([3, 3, 3]).efficiency).toBeCloseTo(1, 15);
  });

  it("lists extreme weights, most extreme first, with 1-based rows", () => {
    const e = extremeWeights([0.1, 1, 1, 1, 1, 1, 1, 4, 1, 1], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 3);
    expect(e.count).toBe(2);
    expect(e.rows.map((r) => r.row)).toEqual([1, 8]);
    expect(e.rows[0].relative).toBeCloseTo(0.1 / 1.21, 12);
  });

  it("reports targets against achieved shares", () => {
    const m = marginReports([1, 1, 2], [0, 0, 1], [{ size: "a" }, { size: "b" }], [0.4, 0.6]);
    expect(m).toEqual([
      { match: { size: "a" }, target: 0.4, achieved: 0.5, n: 2 },
      { match: { size: "b" }, target: 0.6, achieved: 0.5, n: 1 },
    ]);
  });

  it("counts weights on the bounds", () => {
    expect(boundsReport([0.5, 1, 2, 2], 0.5, 2, 1)).toEqual({ min: 0.5, max: 2, lower: 0.5, upper: 2, at_min: 1, at_max: 2 });
  });
});

describe("boundsReport without an upper bound", () => {
  it("reports max and upper as null (JSON has no infinity)", () => {
    expect(boundsReport([0.5, 1], 0.5, Number.POSITIVE_INFINITY, 1)).toMatchObject({ max: null, upper: null, at_max: 0 });
  });
});
