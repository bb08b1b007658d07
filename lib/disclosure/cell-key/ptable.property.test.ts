import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { BIG_N, cellKeyOf, MAX_PERTURBATION, perturbation, perturbCount, PTABLE, ptableStats, VARIANCE } from "./ptable";

describe("the published perturbation table", () => {
  test("every row spends exactly BIG_N keys and is exactly unbiased (mean 0)", () => {
    for (const row of PTABLE) {
      expect(row.mass.reduce((a, b) => a + b, 0)).toBe(BIG_N);
      expect(row.d.reduce((s, d, i) => s + d * row.mass[i], 0)).toBe(0);
    }
  });

  test("bounded: |d| ≤ D, never below zero; variance as published", () => {
    const stats = ptableStats();
    for (const s of stats.slice(1)) {
      expect(s.maxAbs).toBeLessThanOrEqual(MAX_PERTURBATION);
      expect(Math.abs(s.variance - VARIANCE)).toBeLessThan(0.01);
    }
    expect(stats[0]).toEqual({ count: 0, mean: 0, variance: 0, maxAbs: 0 });
  });

  test("deterministic: the table is the one SECURITY.md publishes", () => {
    expect(PTABLE.map((r) => [r.d, r.mass])).toEqual([
      [[0], [4096]],
      [[-1, 0, 1, 2, 3], [2354, 646, 321, 292, 483]],
      [[-2, -1, 0, 1, 2, 3], [687, 955, 1000, 785, 463, 206]],
      [[-3, -2, -1, 0, 1, 2, 3], [153, 459, 883, 1105, 885, 458, 153]],
    ]);
  });

  test("property: zero stays zero, any other count moves by at most D and stays ≥ 0", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: -1e9, max: 1e9 }), (n, key) => {
        const out = perturbCount(n, key);
        if (n === 0) expect(out).toBe(0);
        expect(out).toBeGreaterThanOrEqual(0);
        expect(Math.abs(out - n)).toBeLessThanOrEqual(MAX_PERTURBATION);
        expect(Number.isInteger(out)).toBe(true);
      }),
    );
  });

  test("property: unbiased over uniform cell keys, for every count", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (n) => {
        let sum = 0;
        for (let key = 0; key < BIG_N; key++) sum += perturbation(n, key);
        expect(sum).toBe(0);
      }),
      { numRuns: 50 },
    );
  });

  test("the same cell key always gives the same noise", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: BIG_N - 1 }), (n, key) => {
        expect(perturbCount(n, key)).toBe(perturbCount(n, key + BIG_N));
      }),
    );
    expect(cellKeyOf(BIG_N + 5)).toBe(5);
    expect(cellKeyOf(-1)).toBe(BIG_N - 1);
  });
});
