import { describe, expect, test } from "vitest";
import type { NpsBlock, NpsResult } from "@/lib/stats/nps";
import { protectNps } from "./protect-nps";

const block = (n: number, promoters: number, detractors: number): NpsBlock =>
  ({ n, weighted_n: n, sum_w2: n, n_eff_kish: n, deff_kish: 1, promoters, passives: n - promoters - detractors, detractors, unweighted: null, weighted: null }) as NpsBlock;

const result = (segs: [string, NpsBlock][]): NpsResult => ({
  conf_level: 0.95,
  z: 1.96,
  excluded_not_0_10: 0,
  total: block(100, 40, 30),
  segments: segs.map(([segment, b]) => ({ segment, ...b })),
});

describe("nps small-cell protection", () => {
  test("a small segment and its complement are hidden; the rest are shown", () => {
    const out = protectNps(result([["a", block(60, 30, 10)], ["b", block(37, 9, 18)], ["c", block(3, 1, 2)]]), 5);
    expect(out.segments.map((s) => s.display)).toEqual([null, "< 5", "< 5"]);
    expect(out.segments[2].n).toBeNull();
    expect(out.segments[1].promoters).toBeNull();
  });

  test("a small promoter count hides the segment even when n is large", () => {
    const out = protectNps(result([["a", block(50, 2, 10)], ["b", block(50, 20, 10)], ["c", block(50, 20, 10)]]), 5);
    expect(out.segments[0].suppressed).toBe(true);
  });
});
