/**
 * Point estimators and Kish design-effect summaries of a domain.
 */
import type { DomainSums } from "./sums";

/** n, Σw, Σw², Kish effective n and design effect (R: `base_block` in oracle.R). */
export interface BaseStats {
  n: number;
  weighted_n: number;
  sum_w2: number;
  n_eff_kish: number | null;
  deff_kish: number | null;
}

/**
 * Kish effective sample size (Σw)²/Σw² and design effect n·Σw²/(Σw)²; null for an empty domain.
 * @example baseStats({ n: 2, sw: 2, sw2: 2 }).n_eff_kish // 2
 */
export function baseStats(d: Pick<DomainSums, "n" | "sw" | "sw2">): BaseStats {
  const ok = d.n > 0 && d.sw2 > 0;
  return {
    n: d.n,
    weighted_n: d.sw,
    sum_w2: d.sw2,
    n_eff_kish: ok ? (d.sw * d.sw) / d.sw2 : null,
    deff_kish: ok ? (d.n * d.sw2) / (d.sw * d.sw) : null,
  };
}

/**
 * Weighted mean (or proportion) Σwy/Σw; NaN for an empty domain.
 * @example weightedMean({ sw: 4, swy: 1 }) // 0.25
 */
export function weightedMean(d: Pick<DomainSums, "sw" | "swy">): number {
  return d.swy / d.sw;
}

/**
 * Unweighted mean and sample standard deviation (n − 1 divisor; NaN when n < 2).
 * @example unweightedMoments({ n: 3, sy: 6, sy2: 14 }) // { mean: 2, sd: 1 }
 */
export function unweightedMoments(d: Pick<DomainSums, "n" | "sy" | "sy2">): { mean: number; sd: number } {
  const mean = d.sy / d.n;
  if (d.n < 2) return { mean, sd: NaN };
  const ss = Math.max(0, d.sy2 - d.sy * mean);
  return { mean, sd: Math.sqrt(ss / (d.n - 1)) };
}
