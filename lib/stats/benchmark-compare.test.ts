import { describe, expect, test } from "vitest";
import { BASE_UNKNOWN_NOTE, compareToBenchmark } from "./benchmark-compare";

const Z95 = 1.959963984540054;

describe("compareToBenchmark", () => {
  test("hand-computed: 55% (SE 2 pts) vs a published 50% of 2,500", () => {
    // se2 = sqrt(.5 × .5 / 2500) = 0.01; seD = sqrt(.02² + .01²) = sqrt(.0005) = 0.0223607
    // z = .05 / .0223607 = sqrt(5) = 2.236068; p = 2 Φ(−2.236068) = 0.0253473 (R: 2*pnorm(-sqrt(5)))
    const c = compareToBenchmark({ p: 0.55, se: 0.02, n: 600 }, { p: 0.5, n: 2500 });
    expect(c.difference).toBeCloseTo(0.05, 12);
    expect(c.published.se).toBeCloseTo(0.01, 12);
    expect(c.se_difference).toBeCloseTo(Math.sqrt(0.0005), 12);
    expect(c.z).toBeCloseTo(Math.sqrt(5), 10);
    expect(c.p_value).toBeCloseTo(0.0253473, 6);
    expect(c.own.moe).toBeCloseTo(Z95 * 0.02, 10); // 0.0391993
    expect(c.published.moe).toBeCloseTo(Z95 * 0.01, 10); // 0.0195996
    expect(c.own.ci?.[0]).toBeCloseTo(0.5108007, 6);
    expect(c.own.ci?.[1]).toBeCloseTo(0.5891993, 6);
    // 0.05 ± 1.959964 × 0.0223607 = 0.05 ± 0.0438261
    expect(c.ci_difference?.[0]).toBeCloseTo(0.0061739, 6);
    expect(c.ci_difference?.[1]).toBeCloseTo(0.0938261, 6);
    expect(c.note).toBeNull();
  });

  test("hand-computed: the Sinch 74% of 2,527 against 80% with SE 0.02 (a 6-point gap)", () => {
    // se2 = sqrt(.74 × .26 / 2527) = 0.0087257; seD = sqrt(.0004 + .0000761) = 0.0218206
    // z = .06 / .0218206 = 2.74969; p = 0.005966
    const c = compareToBenchmark({ p: 0.8, se: 0.02, n: 400 }, { p: 0.74, n: 2527 });
    expect(c.published.se).toBeCloseTo(0.0087257, 6);
    expect(c.z).toBeCloseTo(2.74969, 4);
    expect(c.p_value).toBeCloseTo(0.005966, 5);
  });

  test("no difference: z = 0 and p = 1", () => {
    const c = compareToBenchmark({ p: 0.6, se: 0.03, n: 300 }, { p: 0.6, n: 100 });
    expect(c.published.se).toBeCloseTo(Math.sqrt(0.24 / 100), 12); // 0.0489898
    expect(c.z).toBe(0);
    expect(c.p_value).toBeCloseTo(1, 12);
  });

  test("a 90% level narrows every interval (z = 1.644854)", () => {
    const c = compareToBenchmark({ p: 0.55, se: 0.02, n: 600 }, { p: 0.5, n: 2500 }, 0.9);
    expect(c.z_crit).toBeCloseTo(1.644854, 6);
    expect(c.own.moe).toBeCloseTo(1.644854 * 0.02, 6);
    expect(c.p_value).toBeCloseTo(0.0253473, 6); // the test does not depend on the level
  });

  test("published base unknown: difference only, no published MOE, no test", () => {
    const c = compareToBenchmark({ p: 0.83, se: 0.015, n: 350 }, { p: 0.81, n: null });
    expect(c.difference).toBeCloseTo(0.02, 12);
    expect(c.own.moe).toBeCloseTo(Z95 * 0.015, 10);
    expect(c.published.se).toBeNull();
    expect(c.published.moe).toBeNull();
    expect(c.published.ci).toBeNull();
    expect(c.se_difference).toBeNull();
    expect(c.ci_difference).toBeNull();
    expect(c.z).toBeNull();
    expect(c.p_value).toBeNull();
    expect(c.note).toBe(BASE_UNKNOWN_NOTE);
  });

  test("hidden or undefined own estimate: every derived number is null", () => {
    const c = compareToBenchmark({ p: null, se: null, n: null }, { p: 0.74, n: 2527 });
    expect(c.difference).toBeNull();
    expect(c.own.ci).toBeNull();
    expect(c.z).toBeNull();
    expect(c.p_value).toBeNull();
    expect(c.published.moe).not.toBeNull();
    expect(c.note).toMatch(/not available/);
  });

  test("own SE undefined: no test, but the published side still has its margin", () => {
    const c = compareToBenchmark({ p: 0.7, se: null, n: 12 }, { p: 0.74, n: 2527 });
    expect(c.difference).toBeCloseTo(-0.04, 12);
    expect(c.own.moe).toBeNull();
    expect(c.p_value).toBeNull();
    expect(c.published.moe).toBeCloseTo(Z95 * Math.sqrt((0.74 * 0.26) / 2527), 10);
  });

  test("both SEs zero: no division by zero", () => {
    const c = compareToBenchmark({ p: 1, se: 0, n: 40 }, { p: 1, n: 100 });
    expect(c.z).toBeNull();
    expect(c.p_value).toBeNull();
    expect(c.difference).toBe(0);
  });

  test("rejects impossible inputs", () => {
    expect(() => compareToBenchmark({ p: 0.5, se: 0.1, n: 10 }, { p: 1.2, n: 10 })).toThrow(RangeError);
    expect(() => compareToBenchmark({ p: 0.5, se: 0.1, n: 10 }, { p: 0.5, n: 10 }, 1)).toThrow(RangeError);
  });
});
