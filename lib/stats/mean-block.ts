/**
 * Statistics of one domain (a segment or the total) for a numeric mean (oracle.R `mean_block`).
 */
import type { MeanBlock } from "@/lib/schema/crosstab-result";
import { domainSe, standaloneSe } from "./domain-se";
import { baseStats, unweightedMoments, weightedMean } from "./estimators";
import { symmetric, tQuantile } from "./intervals";
import { finite } from "./numbers";
import type { BlockContext } from "./proportion-block";
import type { DomainSums } from "./sums";

/**
 * Mean block: unweighted mean, sd, se and t interval (n − 1 df); weighted mean with its domain
 * linearisation SE and t interval (df = n_d − 1, as `confint(svymean, df = degf)`).
 * @example meanBlock(sumCells(cells, null), { level: 0.95, z: 1.96, nAnalytic: 362 })
 */
export function meanBlock(d: DomainSums, ctx: BlockContext): MeanBlock {
  const base = baseStats(d);
  const block: MeanBlock = { ...base, unweighted: null, weighted: null };
  const n = d.n;
  if (n === 0) return block;
  const { z, level } = ctx;

  const { mean, sd } = unweightedMoments(d);
  const se = sd / Math.sqrt(n);
  block.unweighted = {
    mean: finite(mean),
    sd: finite(sd),
    se: finite(se),
    ci: { wald: symmetric(mean, se, z), t: symmetric(mean, se, tQuantile(level, n - 1)) },
  };

  const mw = weightedMean(d);
  const sew = domainSe(d, mw, ctx.nAnalytic);
  const df = n - 1;
  block.weighted = {
    mean: finite(mw),
    se: finite(sew),
    se_standalone: finite(standaloneSe(sew, n, ctx.nAnalytic)),
    df,
    ci: { wald: symmetric(mw, sew, z), t: symmetric(mw, sew, tQuantile(level, df)) },
  };
  return block;
}
