import { describe, expect, test } from "vitest";
import type { CellSums, CrosstabInput } from "@/lib/schema/cell-sums";
import { perturbCrosstabInput, perturbedCrosstab } from "./perturb-crosstab";
import { BIG_N, cellKeyOf, perturbation } from "./ptable";
import { recordKey } from "./record-key";

/** An unweighted cell of `n` respondents whose record keys sum to `ck`. */
const cell = (segment: string, outcome: string, n: number, ck: number, yes: boolean): CellSums => ({
  segment,
  outcome,
  n,
  sw: n,
  sw2: n,
  sy: yes ? n : 0,
  sy2: yes ? n : 0,
  swy: yes ? n : 0,
  swy2: yes ? n : 0,
  sw2y: yes ? n : 0,
  sw2y2: yes ? n : 0,
  ck,
  cky: yes ? ck : 0,
});

const input = (cells: CellSums[]): CrosstabInput => {
  const analytic = cells.reduce((s, c) => s + c.n, 0);
  return {
    statistic: "proportion",
    outcomeCategories: ["yes"],
    confLevel: 0.95,
    missingSegment: "drop",
    segmentLevels: [...new Set(cells.map((c) => c.segment!))],
    rows: { csv: analytic, after_filters: analytic, excluded_missing_outcome: 0, excluded_missing_segment: 0, excluded_invalid_weight: 0, analytic },
    cells,
    statusKeys: [0, 0, 0, 0, cells.reduce((s, c) => s + (c.ck ?? 0), 0)],
  };
};

describe("perturbing a crosstab's cell sums", () => {
  test("each segment's n and count move by the table at their own keys; the total by its own key", () => {
    const cells = [cell("a", "yes", 30, 1000, true), cell("a", "no", 20, 2000, false), cell("b", "yes", 0, 0, true), cell("b", "no", 12, 77, false)];
    const { segments, total } = perturbCrosstabInput(input(cells.filter((c) => c.n > 0)), false);
    const n = (seg: string) => segments.cells.filter((c) => c.segment === seg).reduce((s, c) => s + c.n, 0);
    expect(n("a")).toBe(50 + perturbation(50, cellKeyOf(3000)));
    expect(segments.cells.find((c) => c.segment === "a" && c.outcome === "yes")!.n).toBe(Math.min(30 + perturbation(30, 1000), n("a")));
    expect(segments.cells.some((c) => c.segment === "b" && c.outcome === "yes")).toBe(false); // zero stays zero
    expect(total.rows.analytic).toBe(62 + perturbation(62, cellKeyOf(3077)));
    expect(total.cells.reduce((s, c) => s + c.n, 0)).toBe(total.rows.analytic);
  });

  test("the result carries proportions from the perturbed counts and a perturbed total", () => {
    const r = perturbedCrosstab(input([cell("a", "yes", 30, 1000, true), cell("a", "no", 20, 2000, false), cell("b", "no", 12, 77, false)]), false)!;
    if (r.statistic !== "proportion") throw new Error("proportion expected");
    for (const s of [...r.segments, r.total]) expect(s.unweighted!.p).toBeCloseTo(s.count / s.n, 12);
    expect(r.total.n).toBe(62 + perturbation(62, cellKeyOf(3077)));
  });

  test("refuses sums without keys (never perturbs by a made-up key)", () => {
    const { ck: _ck, cky: _cky, ...plain } = cell("a", "yes", 5, 1, true);
    expect(() => perturbCrosstabInput(input([plain]), false)).toThrow("no cell keys");
  });
});

describe("record keys", () => {
  test("uniform on 0..BIG_N−1 and different cells independent: two disjoint cells' noises are uncorrelated over secrets", () => {
    const a: number[] = [];
    const b: number[] = [];
    const keys: number[] = [];
    for (let s = 0; s < 400; s++) {
      const secret = `secret-${s}`;
      let ka = 0;
      let kb = 0;
      for (let i = 0; i < 10; i++) ka += recordKey(secret, i);
      for (let i = 10; i < 20; i++) kb += recordKey(secret, i);
      keys.push(recordKey(secret, 99));
      a.push(perturbation(10, cellKeyOf(ka)));
      b.push(perturbation(10, cellKeyOf(kb)));
    }
    const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
    const ma = mean(a);
    const mb = mean(b);
    const cov = mean(a.map((v, i) => (v - ma) * (b[i] - mb)));
    const sd = (x: number[], m: number) => Math.sqrt(mean(x.map((v) => (v - m) ** 2)));
    expect(Math.abs(cov / (sd(a, ma) * sd(b, mb)))).toBeLessThan(0.2);
    expect(Math.abs(ma)).toBeLessThan(0.35); // unbiased (sd of the mean ≈ 0.07)
    expect(Math.min(...keys)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...keys)).toBeLessThan(BIG_N);
    expect(Math.abs(mean(keys) - (BIG_N - 1) / 2)).toBeLessThan(BIG_N * 0.05);
  });
});
