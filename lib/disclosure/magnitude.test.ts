import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkCellSums, checkMagnitude, DEFAULT_MAGNITUDE_RULES, dominated, kishEffectiveBase, pPercentFails, type MagnitudeRules } from "./magnitude";

const off: MagnitudeRules = { minN: 0, dominance: null, pPercent: null, minEffectiveBase: null };

describe("magnitude rules", () => {
  it("(n, k) dominance as τ-ARGUS states it", () => {
    expect(dominated([95, 2, 2, 1], 1, 60)).toBe(true);
    expect(dominated([60, 20, 20], 1, 60)).toBe(false); // exactly k% is allowed
    expect(dominated([50, 40, 5, 5], 2, 85)).toBe(true);
    expect(dominated([0, 0], 1, 60)).toBe(false);
    expect(dominated([-95, 3, 2], 1, 60)).toBe(true); // magnitudes: a large negative value dominates too
  });

  it("p% rule", () => {
    expect(pPercentFails([100, 5, 3], 10)).toBe(true);
    expect(pPercentFails([40, 30, 30], 10)).toBe(false);
    expect(pPercentFails([10], 10)).toBe(true); // a single contributor is its own total
    expect(pPercentFails([], 10)).toBe(false);
  });

  it("Kish effective base", () => {
    expect(kishEffectiveBase([1, 1, 1, 1])).toBe(4);
    expect(kishEffectiveBase([10, 1, 1])).toBeCloseTo(144 / 102, 12);
    expect(kishEffectiveBase([])).toBe(0);
  });

  it("reports every failing rule with its reason code", () => {
    // one respondent's income dominates a mean over five
    expect(checkMagnitude({ values: [1000, 10, 12, 9, 11] })).toEqual({ ok: false, reasons: ["dominance_values", "p_percent_values"] });
    // a rake that puts nearly all weight on one respondent: the weighted mean is that answer
    expect(checkMagnitude({ values: [3, 4, 5, 4, 3, 5], weights: [50, 0.2, 0.2, 0.2, 0.2, 0.2] })).toEqual({
      ok: false,
      reasons: ["dominance_values", "dominance_weights", "p_percent_values", "p_percent_weights", "effective_base"],
    });
    expect(checkMagnitude({ values: [3, 4] })).toMatchObject({ ok: false, reasons: expect.arrayContaining(["min_n"]) });
    expect(checkMagnitude({ values: [3, 4, 5, 4, 3, 5, 4], weights: [1, 1.2, 0.8, 1, 1, 1.1, 0.9] })).toEqual({ ok: true, reasons: [] });
    expect(checkMagnitude({ values: [1000, 1] }, off)).toEqual({ ok: true, reasons: [] });
    expect(() => checkMagnitude({ values: [1, 2], weights: [1] })).toThrow(RangeError);
  });

  it("judges min n and the effective base from sufficient statistics", () => {
    expect(checkCellSums({ n: 12, sumW: 12, sumW2: 100 })).toEqual({ ok: false, reasons: ["effective_base"] });
    expect(checkCellSums({ n: 3, sumW: 3, sumW2: 3 })).toEqual({ ok: false, reasons: ["min_n", "effective_base"] });
    expect(checkCellSums({ n: 8, sumW: 8, sumW2: 8 })).toEqual({ ok: true, reasons: [] });
  });

  const cellArb = fc
    .array(fc.tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 0.01, max: 100, noNaN: true })), { minLength: 1, maxLength: 40 })
    .map((rows) => ({ values: rows.map((r) => r[0]), weights: rows.map((r) => r[1]) }));

  it("property: the sums path agrees with the row path on min n and the effective base", () => {
    fc.assert(
      fc.property(cellArb, ({ values, weights }) => {
        const rules: MagnitudeRules = { ...DEFAULT_MAGNITUDE_RULES, dominance: null, pPercent: null };
        const rows = checkMagnitude({ values, weights }, rules);
        const sumW = weights.reduce((a, b) => a + b, 0);
        const sumW2 = weights.reduce((a, b) => a + b * b, 0);
        const sums = checkCellSums({ n: values.length, sumW, sumW2 }, rules);
        // the effective base can sit on the threshold within rounding
        const nEff = (sumW * sumW) / sumW2;
        if (Math.abs(nEff - 5) > 1e-9) expect(sums).toEqual(rows);
      }),
    );
  });

  it("property: a single respondent never passes, and no estimate over a dominated cell passes", () => {
    fc.assert(
      fc.property(cellArb, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 50, max: 95 }), ({ values, weights }, n, k) => {
        const rules: MagnitudeRules = { minN: 1, dominance: { n, k }, pPercent: 10, minEffectiveBase: 1.5 };
        const v = checkMagnitude({ values, weights }, rules);
        // one contributor: the p% rule and the effective base catch it whatever the other settings
        if (values.length === 1) expect(v.ok).toBe(false);
        // the largest weight carrying more than k% makes the weights dominated
        const top = [...weights].sort((a, b) => b - a).slice(0, n).reduce((a, b) => a + b, 0);
        const total = weights.reduce((a, b) => a + b, 0);
        if (top > (k / 100) * total) expect(v.reasons).toContain("dominance_weights");
        // scaling every weight or every value by a positive constant changes no verdict
        const scaled = checkMagnitude({ values: values.map((y) => y * 3), weights: weights.map((w) => w * 7) }, rules);
        expect(scaled.reasons.filter((r) => r !== "p_percent_values" && r !== "dominance_values")).toEqual(v.reasons.filter((r) => r !== "p_percent_values" && r !== "dominance_values"));
      }),
    );
  });
});
