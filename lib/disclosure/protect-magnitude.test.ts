import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_MAGNITUDE_RULES, kishEffectiveBase } from "./magnitude";
import { applyMagnitude, magnitudeFailures, withholdChisq } from "./protect-magnitude";
import type { ProtectedCrosstab } from "./types";

const block = (n: number, mean: number) => ({ n, weighted_n: n, sum_w2: n, n_eff_kish: n, deff_kish: 1, suppressed: false, display: null, unweighted: { mean, se: 1 }, weighted: null });
function meanTable(): ProtectedCrosstab {
  return {
    statistic: "mean",
    conf_level: 0.95,
    z: 1.96,
    rows: null,
    segment_levels: ["North", "South", "West"],
    outcome_levels: null,
    total: block(60, 10),
    segments: [
      { ...block(20, 30), segment: "North" },
      { ...block(25, 1), segment: "South" },
      { ...block(15, 1), segment: "West" },
    ],
    pairwise: [{ a: "North", b: "South" }, { a: "South", b: "West" }],
    chisq: null,
    disclosure: { k: 5, sensitive: false, role: "analyst", suppressedSegments: [], totalSuppressed: false, blocked: false, reason: [] },
  } as unknown as ProtectedCrosstab;
}

describe("magnitude rules on a released crosstab", () => {
  it("flags a cell whose values one respondent dominates, and the effective base", () => {
    const failures = magnitudeFailures(
      {
        total: { values: [1000, ...Array<number>(20).fill(10)], weights: null },
        segments: new Map([
          ["North", { values: [1000, 10, 12, 9, 11], weights: null }],
          ["South", { values: [10, 11, 12, 9, 10], weights: [1, 1, 1, 1, 1] }],
          ["West", { values: [10, 11, 12, 9, 10], weights: [40, 1, 1, 1, 1] }],
        ]),
      },
      DEFAULT_MAGNITUDE_RULES,
    );
    expect(failures.get("North")).toEqual(["dominance_values", "p_percent_values"]);
    expect(failures.has("South")).toBe(false);
    expect(failures.get("West")).toEqual(expect.arrayContaining(["dominance_weights", "effective_base"]));
    expect(failures.get("total")).toContain("dominance_values");
  });

  it("hides a failing segment's estimate and the cheapest other one, keeps n, drops its tests", () => {
    const out = applyMagnitude(meanTable(), new Map([["North", ["dominance_values"]]]));
    const [north, south, west] = out.segments;
    expect(north).toMatchObject({ n: 20, unweighted: null, weighted: null, display: "dominated" });
    expect(west).toMatchObject({ n: 15, unweighted: null, display: "—" }); // smallest shown: the complement
    expect(south.display).toBeNull();
    expect(out.pairwise).toEqual([]);
    expect(out.disclosure.reason).toContain("magnitude:dominance_values");
  });

  it("needs no complement when the total is hidden too", () => {
    const out = applyMagnitude(meanTable(), new Map([["North", ["dominance_values"]], ["total", ["dominance_values"]]]));
    expect(out.total.display).toBe("dominated");
    expect(out.segments.map((s) => s.display)).toEqual(["dominated", null, null]);
  });

  it("leaves a table without failures untouched", () => {
    const t = meanTable();
    expect(applyMagnitude(t, new Map())).toBe(t);
  });

  it("withholds chi-square beside a hidden cell only", () => {
    const t = { statistic: "proportion", total: { suppressed: false, count_suppressed: false, display: null }, segments: [{ suppressed: false, count_suppressed: false, display: null }], chisq: { full: { x2: 3 }, binary: null }, disclosure: { totalSuppressed: false, suppressedSegments: [] } } as unknown as ProtectedCrosstab;
    expect(withholdChisq(t).chisq).toEqual({ full: { x2: 3 }, binary: null });
    const hidden = { ...t, segments: [{ suppressed: true, count_suppressed: true, display: "< 5" }] } as unknown as ProtectedCrosstab;
    expect(withholdChisq(hidden).chisq).toEqual({ full: null, binary: null });
  });

  it("property: a cell where one respondent carries over 60% of the total is always flagged", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 30 }), fc.double({ min: 1.51, max: 1e6, noNaN: true }), (rest, factor) => {
        const others = rest.reduce((a, b) => a + b, 0);
        const big = Math.max(1, others) * factor; // > 60% of the total
        const f = magnitudeFailures({ total: { values: [big, ...rest], weights: null }, segments: new Map() }, DEFAULT_MAGNITUDE_RULES);
        return (f.get("total") ?? []).includes("dominance_values");
      }),
    );
  });

  it("property: an effective base of at least 5 caps any one weight under the 60% dominance threshold", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 1000, noNaN: true }), { minLength: 1, maxLength: 40 }), (w) => {
        if (kishEffectiveBase(w) < 5) return true;
        const total = w.reduce((a, b) => a + b, 0);
        return Math.max(...w) / total <= 1 / Math.sqrt(5) + 1e-9;
      }),
    );
  });
});
