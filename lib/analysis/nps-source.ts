import type { NpsResponse } from "@/lib/schema/nps";
import type { BreakdownSource } from "./breakdown-rows";

/** An NPS block as served: small blocks hidden (numbers null, `display` "< k"); a raw one fits too. */
type Block = NpsResponse["total"];

function toBlock(b: Block) {
  const pts = (x: number | null | undefined) => (x === null || x === undefined ? null : x * 100);
  const ci = (c: [number, number] | null | undefined): [number, number] | null => (c ? [c[0] * 100, c[1] * 100] : null);
  return {
    n: b.n,
    display: b.display ?? null,
    weighted_n: b.weighted_n,
    n_eff_kish: b.n_eff_kish,
    unweighted: b.unweighted ? { mean: pts(b.unweighted.nps), ci: { t: ci(b.unweighted.ci.wald) } } : null,
    weighted: b.weighted ? { mean: pts(b.weighted.nps), ci: { t: ci(b.weighted.ci.t) } } : null,
  };
}

/**
 * Present an NPS result as a breakdown of means on the points scale (−100…100), so the same
 * table, chart and formatting show it.
 *
 * @example npsAsBreakdown(result).total.weighted?.mean // 34.2
 */
export function npsAsBreakdown(r: { total: Block; segments: (Block & { segment: string })[] }): BreakdownSource {
  return { statistic: "mean", total: toBlock(r.total), segments: r.segments.map((s) => ({ ...toBlock(s), segment: s.segment })) };
}

/** True when a question's options look like a 0–10 scale (NPS can be computed). */
export function isZeroToTen(codes: string[]): boolean {
  const nums = codes.map(Number).filter((x) => Number.isInteger(x) && x >= 0 && x <= 10);
  return nums.length >= 6 && nums.length === codes.length && Math.max(...nums) >= 9;
}
