/**
 * Statistics of one domain (a segment or the total) for a proportion (oracle.R `prop_block`).
 */
import type { ProportionBlock } from "@/lib/schema/crosstab-result";
import { domainSe, standaloneSe } from "./domain-se";
import { baseStats, weightedMean } from "./estimators";
import {
  agrestiCoull,
  clopperPearson,
  svycipropAsin,
  svycipropBeta,
  svycipropLogit,
  svycipropMean,
  svycipropXlogit,
  symmetric,
  wilsonEffective,
  wilsonPropTest,
} from "./intervals";
import { finite } from "./numbers";
import type { DomainSums } from "./sums";

/** Settings shared by every block of a crosstab. */
export interface BlockContext {
  /** confidence level, e.g. 0.95 */
  level: number;
  /** qnorm(1 − (1 − level)/2) */
  z: number;
  /** all analytic rows (the design's N) */
  nAnalytic: number;
}

/**
 * Proportion block: counts, unweighted binomial intervals and design-based weighted estimates.
 * @example proportionBlock(sumCells(cells, isYes), { level: 0.95, z: 1.96, nAnalytic: 51 })
 */
export function proportionBlock(d: DomainSums, ctx: BlockContext): ProportionBlock {
  const base = baseStats(d);
  const count = d.sy;
  const block: ProportionBlock = { ...base, count, weighted_count: d.swy, unweighted: null, weighted: null };
  const n = d.n;
  if (n === 0) return block;
  const { z, level } = ctx;

  const p = count / n;
  const se = Math.sqrt((p * (1 - p)) / n);
  block.unweighted = {
    p,
    se,
    se_unbiased: n > 1 ? Math.sqrt((p * (1 - p)) / (n - 1)) : null,
    ci: {
      wald: symmetric(p, se, z),
      wilson: wilsonPropTest(count, n, z, false),
      wilson_cc: wilsonPropTest(count, n, z, true),
      clopper_pearson: clopperPearson(count, n, level),
      agresti_coull: agrestiCoull(count, n, z),
    },
  };

  const pw = weightedMean(d);
  const sew = domainSe(d, pw, ctx.nAnalytic);
  const df = n - 1;
  const degenerate = count === 0 || count === n;
  const seKish = base.n_eff_kish === null ? NaN : Math.sqrt(Math.max(0, pw * (1 - pw)) / base.n_eff_kish);
  const nDesign = !degenerate && Number.isFinite(sew) && sew > 0 ? (pw * (1 - pw)) / (sew * sew) : null;
  const unlessDegenerate = <T>(f: () => T): T | null => (degenerate ? null : f());
  block.weighted = {
    p: finite(pw),
    se: finite(sew),
    se_standalone: finite(standaloneSe(sew, n, ctx.nAnalytic)),
    se_kish: finite(seKish),
    n_eff_design: finite(nDesign),
    df,
    degenerate_p: degenerate,
    ci: {
      wald: symmetric(pw, sew, z),
      wald_kish: symmetric(pw, seKish, z),
      wilson_kish: wilsonEffective(pw, base.n_eff_kish, z),
      wilson_design: wilsonEffective(pw, nDesign, z),
      svyciprop_logit_z: unlessDegenerate(() => svycipropLogit(pw, sew, level, Infinity)),
      svyciprop_mean: svycipropMean(pw, sew, level, df),
      svyciprop_logit: unlessDegenerate(() => svycipropLogit(pw, sew, level, df)),
      svyciprop_xlogit: unlessDegenerate(() => svycipropXlogit(pw, sew, level, df)),
      svyciprop_asin: unlessDegenerate(() => svycipropAsin(pw, sew, level, df)),
      svyciprop_beta: unlessDegenerate(() => svycipropBeta(pw, sew, level)),
    },
  };
  return block;
}
