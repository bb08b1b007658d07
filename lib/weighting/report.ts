import type { BoundsReport, Convergence, MarginReport, WeightingReport } from "@/lib/schema/weighting";

/** Kish summary of a set of weights. */
export type WeightSummary = WeightingReport["weights"];

/**
 * min / max / mean / sum, Kish efficiency (Σw)²/(nΣw²), effective n (Σw)²/Σw² and the design
 * effect 1/efficiency.
 *
 * @example summarizeWeights([1, 1, 2, 2]).effective_n // 3.6
 */
export function summarizeWeights(weights: ArrayLike<number>): WeightSummary {
  const n = weights.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  let sum2 = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    min = Math.min(min, w);
    max = Math.max(max, w);
    sum += w;
    sum2 += w * w;
  }
  if (n === 0) return { min: 0, max: 0, mean: 0, sum: 0, efficiency: 0, effective_n: 0, design_effect: 0 };
  const effectiveN = sum2 > 0 ? (sum * sum) / sum2 : 0;
  const efficiency = effectiveN / n;
  return { min, max, mean: sum / n, sum, efficiency, effective_n: effectiveN, design_effect: efficiency > 0 ? 1 / efficiency : 0 };
}

/** Rows whose weight is above ratio × mean or below mean / ratio. */
export type ExtremeReport = WeightingReport["extreme"];

const MAX_LISTED = 100;

/**
 * The respondents with extreme weights, the most extreme (in ratio to the mean) first.
 *
 * @example extremeWeights([0.1, 1, 1, 5], [0, 1, 2, 3], 3).rows // [{ row: 1, ... }, { row: 4, ... }]
 */
export function extremeWeights(weights: ArrayLike<number>, rowIndex: number[], ratio: number): ExtremeReport {
  const { mean } = summarizeWeights(weights);
  const below = mean / ratio;
  const above = mean * ratio;
  const hits: { row: number; weight: number; relative: number }[] = [];
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (w < below || w > above) hits.push({ row: rowIndex[i] + 1, weight: w, relative: mean > 0 ? w / mean : 0 });
  }
  const score = (r: number) => (r > 0 ? Math.abs(Math.log(r)) : Number.POSITIVE_INFINITY);
  hits.sort((a, b) => score(b.relative) - score(a.relative) || a.row - b.row);
  return { ratio, below, above, count: hits.length, rows: hits.slice(0, MAX_LISTED) };
}

/**
 * Target against achieved share per category: `codes` gives each weighted row's category.
 *
 * @example marginReports(weights, codes, [{ size: "a" }, { size: "b" }], [0.5, 0.5]) // [{ match: { size: "a" }, target: 0.5, achieved: 0.5, n: 2 }, ...]
 */
export function marginReports(
  weights: ArrayLike<number>,
  codes: ArrayLike<number>,
  matches: Record<string, string>[],
  targetShares: number[],
  group?: string,
): MarginReport[] {
  const sums = matches.map(() => 0);
  const counts = matches.map(() => 0);
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    sums[codes[i]] += weights[i];
    counts[codes[i]]++;
    total += weights[i];
  }
  return matches.map((match, k) => ({
    ...(group === undefined ? {} : { group }),
    match,
    target: targetShares[k],
    achieved: total > 0 ? sums[k] / total : 0,
    n: counts[k],
  }));
}

/**
 * How many weights sit on each bound (an infinite max is reported as null).
 * @example boundsReport([0.5, 1, 2], 0.5, 2, 1) // { min: 0.5, max: 2, lower: 0.5, upper: 2, at_min: 1, at_max: 1 }
 */
export function boundsReport(weights: ArrayLike<number>, min: number, max: number, mean: number): BoundsReport {
  const lower = min * mean;
  const upper = max * mean;
  let atMin = 0;
  let atMax = 0;
  const eps = 1e-9 * mean;
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] <= lower + eps) atMin++;
    if (weights[i] >= upper - eps) atMax++;
  }
  const finite = Number.isFinite(upper);
  return { min, max: finite ? max : null, lower, upper: finite ? upper : null, at_min: atMin, at_max: atMax };
}

/**
 * Convergence of a method without iterations (cell weighting).
 * @example directConvergence(0).iterations // 0
 */
export function directConvergence(error: number): Convergence {
  return { converged: true, iterations: 0, tolerance: 0, max_margin_error: error, trace: [] };
}
