import type { Convergence } from "@/lib/schema/weighting";
import { WeightingError, fmt } from "./errors";

/** One raking margin over the weighted rows, with absolute target totals. */
export interface Margin {
  variable: string;
  categories: string[];
  /** category position of each weighted row */
  codes: Int32Array;
  /** target total (share × total weight) of each category */
  targets: number[];
  /** unweighted rows per category */
  counts: number[];
}

/** Options of the raking loops. */
export interface RakeOptions {
  /** stop when max |achieved share - target share| is below this */
  tolerance: number;
  maxIterations: number;
}

/** Raked weights (one per weighted row) and how the iterations went. */
export interface RakeResult {
  weights: Float64Array;
  convergence: Convergence;
}

/**
 * Build a margin from the values of the weighted rows and target shares. Every value in the
 * data needs a target, and every target with a positive share needs rows.
 *
 * @example buildMargin("size", ["a", "b", "a"], { a: 0.5, b: 0.5 }, 3).targets // [1.5, 1.5]
 * @throws WeightingError `target category absent from data: country=FR`
 */
export function buildMargin(variable: string, values: string[], shares: Record<string, number>, total: number): Margin {
  const categories = Object.keys(shares);
  const pos = new Map(categories.map((c, i) => [c, i]));
  const codes = new Int32Array(values.length);
  const counts = categories.map(() => 0);
  values.forEach((v, i) => {
    const k = pos.get(v);
    if (k === undefined) throw new WeightingError(
        "absent_category",
        `some rows have a category of ${variable} without a target: give every category of ${variable} a target, or mark the others missing`,
        { variable },
      );
    codes[i] = k;
    counts[k]++;
  });
  categories.forEach((c, k) => {
    if (counts[k] === 0 && shares[c] > 0) throw new WeightingError("absent_category", `target category absent from data: ${variable}=${c}`);
  });
  return { variable, categories, codes, targets: categories.map((c) => shares[c] * total), counts };
}

/**
 * Weighted total of each category of a margin.
 * @example marginTotals(Float64Array.of(1, 2), margin) // [1, 2] when the rows are in categories 0 and 1
 */
export function marginTotals(weights: Float64Array, margin: Margin): number[] {
  const sums = margin.categories.map(() => 0);
  for (let i = 0; i < weights.length; i++) sums[margin.codes[i]] += weights[i];
  return sums;
}

/**
 * Largest |achieved - target| over all categories of all margins, as a share of `total`.
 * @example maxMarginError(weights, margins, 100) // 0.0031
 */
export function maxMarginError(weights: Float64Array, margins: Margin[], total: number): number {
  let worst = 0;
  for (const m of margins) {
    const sums = marginTotals(weights, m);
    sums.forEach((s, k) => {
      worst = Math.max(worst, Math.abs(s - m.targets[k]) / total);
    });
  }
  return worst;
}

/**
 * The error thrown when a raking loop runs out of iterations.
 * @example notConverged(50, 0.0031).message // "raking did not converge in 50 iterations (max margin error 0.0031)"
 */
export function notConverged(iterations: number, error: number, what = "raking"): WeightingError {
  return new WeightingError("not_converged", `${what} did not converge in ${iterations} iterations (max margin error ${fmt(error)})`, {
    iterations,
    max_margin_error: error,
  });
}

/**
 * Rim weighting by iterative proportional fitting, as R's `survey::rake`: each iteration
 * post-stratifies on every margin in turn; stops when every margin is within the tolerance.
 *
 * @example rake(Float64Array.of(1, 1, 1), [margin], { tolerance: 1e-10, maxIterations: 100 }).weights
 * @throws WeightingError `raking did not converge in 50 iterations (max margin error 0.0031)`
 */
export function rake(base: Float64Array, margins: Margin[], options: RakeOptions): RakeResult {
  const w = Float64Array.from(base);
  const total = margins[0].targets.reduce((a, b) => a + b, 0);
  const trace: number[] = [];
  for (let iter = 1; iter <= options.maxIterations; iter++) {
    for (const m of margins) {
      const sums = marginTotals(w, m);
      const factor = sums.map((s, k) => {
        if (m.targets[k] === 0) return 0;
        if (!(s > 0)) throw new WeightingError("impossible_targets", `raking cannot reach target: ${m.variable}=${m.categories[k]} (no weight left)`);
        return m.targets[k] / s;
      });
      for (let i = 0; i < w.length; i++) w[i] *= factor[m.codes[i]];
    }
    const error = maxMarginError(w, margins, total);
    trace.push(error);
    if (error < options.tolerance) {
      return { weights: w, convergence: { converged: true, iterations: iter, tolerance: options.tolerance, max_margin_error: error, trace } };
    }
  }
  throw notConverged(options.maxIterations, trace.at(-1) ?? Number.NaN);
}
