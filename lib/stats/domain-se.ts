/**
 * Taylor-linearisation standard error of a weighted mean in a domain of the one-stage
 * with-replacement design `svydesign(ids = ~1, weights = ~w)` (R `survey`, Lumley 2010 §2.3):
 *
 *   se = √( N/(N−1) · Σ_{i∈d} w_i² (y_i − ȳ_w)² ) / W_d
 *
 * with N = all analytic rows (the design's PSU count: domains are subsets, and `svyrecvar` pads
 * the rows outside the domain with zero influence), W_d = Σ_{i∈d} w_i.
 */
import { sumSquaredWeightedDeviation, type DomainSums } from "./sums";

/**
 * N/(N−1), the with-replacement variance factor of the whole design (NaN when N < 2, where R
 * fails with a lonely PSU).
 * @example designScale(51) // 1.02
 */
export function designScale(nAnalytic: number): number {
  return nAnalytic > 1 ? nAnalytic / (nAnalytic - 1) : NaN;
}

/**
 * Domain standard error of the weighted mean (or proportion) `m` of domain `d`.
 * @example domainSe(sums, 0.35, 51)
 */
export function domainSe(d: DomainSums, m: number, nAnalytic: number): number {
  if (d.n === 0) return NaN;
  return Math.sqrt(designScale(nAnalytic) * sumSquaredWeightedDeviation(d, m)) / d.sw;
}

/**
 * The standard error the domain would have as a design of its own (scale n_d/(n_d − 1)).
 * @example standaloneSe(0.1, 10, 100) // 0.1 · √((10/9)/(100/99))
 */
export function standaloneSe(se: number, nDomain: number, nAnalytic: number): number {
  if (nDomain < 2) return NaN;
  return se * Math.sqrt(designScale(nDomain) / designScale(nAnalytic));
}
