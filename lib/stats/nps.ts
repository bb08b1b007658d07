/**
 * Net Promoter Score from per-cell sums of a 0–10 question: NPS = % promoters (9–10) − %
 * detractors (0–6). It is the (weighted) mean of d = +1 / 0 / −1, so its design-based SE is the
 * domain linearisation SE of that mean (same design as the crosstab: ids = ~1, N/(N − 1) with N =
 * all valid rows); each cell holds a single score so Σ w²(d − NPS)² is exact per cell.
 * Cells whose outcome is not an integer 0–10 are excluded and counted.
 */
import type { CrosstabInput } from "@/lib/schema/cell-sums";
import type { ConfidenceInterval } from "@/lib/schema/crosstab-result";
import { parseRNumeric } from "@/lib/engine/parse-r-numeric";
import { qnorm } from "./distributions";
import { domainSe } from "./domain-se";
import { baseStats, type BaseStats } from "./estimators";
import { symmetric, tQuantile } from "./intervals";
import { finite } from "./numbers";
import { sumCells } from "./sums";

/** NPS of one column, on the −1…1 scale (multiply by 100 for points). */
export interface NpsBlock extends BaseStats {
  promoters: number;
  passives: number;
  detractors: number;
  unweighted: { nps: number; se: number | null; ci: { wald: ConfidenceInterval } } | null;
  weighted: {
    nps: number | null;
    promoters_share: number | null;
    detractors_share: number | null;
    se: number | null;
    df: number;
    ci: { wald: ConfidenceInterval; t: ConfidenceInterval };
  } | null;
}

export interface NpsResult {
  conf_level: number;
  z: number;
  /** rows whose outcome is not an integer 0–10 (left out of every NPS) */
  excluded_not_0_10: number;
  total: NpsBlock;
  segments: (NpsBlock & { segment: string })[];
}

/**
 * NPS group of a raw 0–10 answer: +1 promoter, 0 passive, −1 detractor, null if not 0–10.
 * @example npsScore("9") // 1
 */
export function npsScore(raw: string | null): 1 | 0 | -1 | null {
  const v = raw === null ? null : parseRNumeric(raw);
  if (v === null || !Number.isInteger(v) || v < 0 || v > 10) return null;
  return v >= 9 ? 1 : v >= 7 ? 0 : -1;
}

function npsBlock(cells: CrosstabInput["cells"], nValid: number, level: number, z: number): NpsBlock {
  const scored = cells.map((c) => ({ c, d: npsScore(c.outcome) })).filter((x): x is { c: typeof x.c; d: 1 | 0 | -1 } => x.d !== null);
  const count = (d: number) => scored.filter((x) => x.d === d).reduce((a, x) => a + x.c.n, 0);
  const sums = sumCells(scored.map((x) => x.c), null);
  // per-cell 0/1/−1 outcome for exact deviations
  sums.cells = scored.map((x) => ({ y: x.d, n: x.c.n, sw: x.c.sw, sw2: x.c.sw2 }));
  sums.swy = scored.reduce((a, x) => a + x.d * x.c.sw, 0);
  const block: NpsBlock = {
    ...baseStats(sums),
    promoters: count(1),
    passives: count(0),
    detractors: count(-1),
    unweighted: null,
    weighted: null,
  };
  const n = sums.n;
  if (n === 0) return block;
  const pp = block.promoters / n;
  const pd = block.detractors / n;
  const nps = pp - pd;
  const se = Math.sqrt(Math.max(0, pp + pd - nps * nps) / n);
  block.unweighted = { nps, se: finite(se), ci: { wald: symmetric(nps, se, z) } };
  const w = sums.sw;
  const npsW = sums.swy / w;
  const seW = domainSe(sums, npsW, nValid);
  const share = (d: number) => scored.filter((x) => x.d === d).reduce((a, x) => a + x.c.sw, 0) / w;
  block.weighted = {
    nps: finite(npsW),
    promoters_share: finite(share(1)),
    detractors_share: finite(share(-1)),
    se: finite(seW),
    df: n - 1,
    ci: { wald: symmetric(npsW, seW, z), t: symmetric(npsW, seW, tQuantile(level, n - 1)) },
  };
  return block;
}

/**
 * NPS for the total and every segment, from cell sums whose `outcome` is the raw 0–10 answer
 * (e.g. `computeCellSums` with a proportion spec on the score column).
 * @example computeNps(input).segments.map((s) => s.weighted?.nps)
 */
export function computeNps(input: Pick<CrosstabInput, "cells" | "segmentLevels" | "confLevel">): NpsResult {
  const valid = input.cells.filter((c) => npsScore(c.outcome) !== null);
  const nValid = valid.reduce((a, c) => a + c.n, 0);
  const excluded = input.cells.reduce((a, c) => a + c.n, 0) - nValid;
  const z = qnorm(1 - (1 - input.confLevel) / 2);
  return {
    conf_level: input.confLevel,
    z,
    excluded_not_0_10: excluded,
    total: npsBlock(valid, nValid, input.confLevel, z),
    segments: input.segmentLevels.map((s) => ({
      segment: s,
      ...npsBlock(valid.filter((c) => c.segment === s), nValid, input.confLevel, z),
    })),
  };
}
