import { describe, expect, it } from "vitest";
import { computeLmg } from "./lmg";
import { weightedR2, weightedTss } from "./weighted-r2";

const col = (...v: number[]) => Float64Array.from(v);

describe("LMG relative importance", () => {
  // y = x1 + 2·x2 + noise; a 3-level factor g coded by two dummies (one player)
  const x1 = col(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
  const x2 = col(3, 1, 4, 1, 5, 9, 2, 6, 5, 3);
  const g1 = col(1, 0, 0, 1, 0, 0, 1, 0, 0, 1);
  const g2 = col(0, 1, 0, 0, 1, 0, 0, 1, 0, 0);
  const y = col(7.1, 4.2, 11.3, 6.1, 14.8, 24.2, 10.9, 20.1, 19.3, 15.8);
  const w = col(1, 2, 1, 1, 0.5, 1, 2, 1, 1, 1.5);
  const x = { nrow: 10, cols: [new Float64Array(10).fill(1), x1, x2, g1, g2] };

  it("adds up to the full R², with two predictors as the average of the two orders", () => {
    const d = computeLmg(x, [[1], [2]], y, w);
    const tss = weightedTss(y, w);
    const r1 = weightedR2(x, [1], y, w, tss);
    const r2 = weightedR2(x, [2], y, w, tss);
    expect(d.lmg[0]).toBeCloseTo((r1 + (d.r2 - r2)) / 2, 12);
    expect(d.lmg[0] + d.lmg[1]).toBeCloseTo(d.r2, 12);
    expect(d.subsets.map((s) => s.members)).toEqual([[], [0], [1], [0, 1]]);
  });

  it("treats a categorical predictor as one player and ranks by share, ties by order", () => {
    const d = computeLmg(x, [[1], [2], [3, 4]], y, w);
    expect(d.lmg.reduce((a, b) => a + b, 0)).toBeCloseTo(d.r2, 12);
    expect(d.subsets).toHaveLength(8);
    expect(d.subsets.map((s) => s.members)).toEqual([[], [0], [1], [2], [0, 1], [0, 2], [1, 2], [0, 1, 2]]);
    expect([...d.rank].sort()).toEqual([1, 2, 3]);
    const same = computeLmg({ nrow: 10, cols: [x.cols[0], x1, x1] }, [[1], [2]], y, w);
    expect(same.rank).toEqual([1, 2]);
  });

  it("does not depend on the scale of the weights", () => {
    const a = computeLmg(x, [[1], [2]], y, w);
    const b = computeLmg(x, [[1], [2]], y, w.map((v) => v * 37));
    a.lmg.forEach((v, j) => expect(b.lmg[j]).toBeCloseTo(v, 12));
  });
});
