import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pt } from "@/lib/stats/distributions";
import { mulberry32 } from "@/lib/stats/seeded-random";
import { adjustBH, selectFindings } from "./fdr";

describe("adjustBH (hand-computed Benjamini–Hochberg)", () => {
  it("adjusts m = 4: sorted 0.005, 0.01, 0.03, 0.04 → 4·0.005, 2·0.01, min(4/3·0.03, 0.04), 0.04", () => {
    const got = adjustBH([0.01, 0.04, 0.03, 0.005]) as number[];
    [0.02, 0.04, 0.04, 0.02].forEach((v, i) => expect(got[i]).toBeCloseTo(v, 15));
  });

  it("handles ties and the running minimum (m = 6)", () => {
    // sorted: .01 .01 .02 .049 .2 .9 → 6·.01=.06→.03, 3·.01=.03, 2·.02=.04, 1.5·.049=.0735, 1.2·.2=.24, .9
    const got = adjustBH([0.01, 0.01, 0.02, 0.9, 0.049, 0.2]) as number[];
    [0.03, 0.03, 0.04, 0.9, 0.0735, 0.24].forEach((v, i) => expect(got[i]).toBeCloseTo(v, 15));
  });

  it("leaves nulls and NaN out of the family, caps at 1, keeps all-large p equal to the largest", () => {
    expect(adjustBH([0.02, null, 0.5])).toEqual([0.04, null, 0.5]);
    expect(adjustBH([0.02, NaN, 0.5])).toEqual([0.04, null, 0.5]);
    expect(adjustBH([0.8, 0.9, 0.95])).toEqual([0.95, 0.95, 0.95]);
    expect(adjustBH([0.6, 0.7])).toEqual([0.7, 0.7]);
    expect(adjustBH([])).toEqual([]);
    expect(adjustBH([0.3])).toEqual([0.3]);
  });

  it("rejects p-values outside [0, 1]", () => {
    expect(() => adjustBH([0.1, 1.2])).toThrow("p-value outside [0, 1]: 1.2");
  });

  it("is monotone in p, never below p, and matches the step-up rule", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }), fc.double({ min: 0.001, max: 0.5, noNaN: true }), (p, q) => {
        const adj = adjustBH(p) as number[];
        const m = p.length;
        p.forEach((v, i) => expect(adj[i]).toBeGreaterThanOrEqual(v));
        for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (p[i] <= p[j]) expect(adj[i]).toBeLessThanOrEqual(adj[j]);
        const sorted = [...p].sort((a, b) => a - b);
        let k = 0;
        sorted.forEach((v, i) => {
          if (v <= ((i + 1) * q) / m) k = i + 1;
        });
        const rejected = adj.filter((v) => v <= q).length;
        // floating point: the two forms of the rule can disagree only when p·m/k is within an ulp of q
        if (!sorted.some((v, i) => Math.abs((v * m) / (i + 1) - q) < 1e-12)) expect(rejected).toBe(k);
      }),
      { seed: 20240101, numRuns: 200 },
    );
  });
});

describe("selectFindings", () => {
  it("marks q-value ≤ q as findings, keeps order and extra fields", () => {
    const got = selectFindings([{ id: "a", p: 0.001 }, { id: "b", p: 0.04 }, { id: "c", p: 0.3 }, { id: "d", p: null }], 0.05);
    expect(got.map((t) => t.id)).toEqual(["a", "b", "c", "d"]);
    expect(got.map((t) => t.finding)).toEqual([true, false, false, false]);
    expect(got[1].q_value).toBeCloseTo(0.06, 15);
    expect(got[3].q_value).toBeNull();
    expect(selectFindings([{ p: 0.01 }, { p: 0.02 }], 0.05).every((t) => t.finding)).toBe(true);
  });

  it("rejects a nonsensical level", () => {
    expect(() => selectFindings([{ p: 0.1 }], 0)).toThrow("fdr level outside (0, 1): 0");
  });
});

function gaussian(rng: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/** Pooled two-sample t-test p-value of y in a group vs the rest. */
function segmentVsRest(y: Float64Array, seg: Int32Array, level: number): number | null {
  let n1 = 0, s1 = 0, q1 = 0, n0 = 0, s0 = 0, q0 = 0;
  for (let i = 0; i < y.length; i++) {
    if (seg[i] === level) { n1++; s1 += y[i]; q1 += y[i] * y[i]; }
    else { n0++; s0 += y[i]; q0 += y[i] * y[i]; }
  }
  if (n1 < 2 || n0 < 2) return null;
  const m1 = s1 / n1, m0 = s0 / n0;
  const pooled = (q1 - n1 * m1 * m1 + q0 - n0 * m0 * m0) / (n1 + n0 - 2);
  const t = (m1 - m0) / Math.sqrt(pooled * (1 / n1 + 1 / n0));
  return 2 * pt(-Math.abs(t), n1 + n0 - 2);
}

/**
 * One "auto-insights" family: `columns` segment columns with `levels` levels each, outcome with
 * real differences by segment; with `shuffle`, every segment column is permuted relative to the
 * outcome, so every null hypothesis is true. Returns the number of tests and of findings at q.
 */
function family(rng: () => number, n: number, columns: number, levels: number, shuffle: boolean, q: number) {
  const segs = Array.from({ length: columns }, () => Int32Array.from({ length: n }, () => Math.floor(rng() * levels)));
  const y = Float64Array.from({ length: n }, (_, i) => gaussian(rng) + 0.8 * segs[0][i] - 0.6 * (segs[1][i] === 0 ? 1 : 0));
  if (shuffle) {
    for (const s of segs) {
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(rng() * (i + 1));
        [s[i], s[j]] = [s[j], s[i]];
      }
    }
  }
  const tests = segs.flatMap((s) => Array.from({ length: levels }, (_, l) => ({ p: segmentVsRest(y, s, l) })));
  const found = selectFindings(tests, q).filter((t) => t.finding).length;
  return { tests: tests.length, found };
}

describe("FDR on data with no real differences (segments shuffled relative to the outcome)", () => {
  const q = 0.05;

  it("keeps the share of findings at or below the nominal rate, for any seed and shape", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 60, max: 240 }), fc.integer({ min: 2, max: 4 }), (seed, n, levels) => {
        const rng = mulberry32(seed);
        const reps = 60;
        let tests = 0, found = 0, anyFinding = 0;
        for (let r = 0; r < reps; r++) {
          const f = family(rng, n, 6, levels, true, q);
          tests += f.tests;
          found += f.found;
          if (f.found > 0) anyFinding++;
        }
        // every finding is false here, so FDR = P(any finding); BH bounds it by q (Simes).
        // Allow binomial noise: 60 families at 5% → mean 3, P(X ≥ 10) < 0.001.
        expect(anyFinding).toBeLessThan(10);
        expect(found / tests).toBeLessThanOrEqual(q);
      }),
      { seed: 4242, numRuns: 25 },
    );
  });

  it("is near the nominal rate over many null families, and finds the real differences before shuffling", () => {
    const rng = mulberry32(7);
    const reps = 1500;
    let anyNull = 0, foundReal = 0;
    for (let r = 0; r < reps; r++) if (family(rng, 150, 6, 3, true, q).found > 0) anyNull++;
    for (let r = 0; r < 100; r++) foundReal += family(rng, 150, 6, 3, false, q).found > 0 ? 1 : 0;
    const rate = anyNull / reps; // SE ≈ 0.0056 at 5%
    expect(rate).toBeGreaterThan(0.02);
    expect(rate).toBeLessThan(0.07);
    expect(foundReal).toBeGreaterThan(90);
  });
});
