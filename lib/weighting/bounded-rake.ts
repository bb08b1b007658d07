import { WeightingError, fmt } from "./errors";
import { maxMarginError, notConverged, type Margin, type RakeOptions, type RakeResult } from "./rake";

/** Absolute weight bounds (relative bound × mean weight). */
export interface WeightBounds {
  lower: number;
  upper: number;
}

const clip = (x: number, lo: number, hi: number): number => (x < lo ? lo : x > hi ? hi : x);

/**
 * The factor t ≥ 0 with Σ clip(t·raw_i, lo, hi) = target over `rows` (a nondecreasing,
 * piecewise linear function of t): Newton steps on the current piece, safeguarded by bisection.
 */
function solveFactor(raw: Float64Array, rows: Int32Array, target: number, lo: number, hi: number): number {
  if (target === 0) return 0;
  let tLow = 0;
  let tHigh = Number.POSITIVE_INFINITY;
  let t = 1;
  for (let step = 0; step < 200; step++) {
    let sum = 0;
    let slope = 0;
    for (let j = 0; j < rows.length; j++) {
      const r = raw[rows[j]];
      const x = t * r;
      if (x <= lo) sum += lo;
      else if (x >= hi) sum += hi;
      else {
        sum += x;
        slope += r;
      }
    }
    const diff = sum - target;
    if (Math.abs(diff) <= 1e-14 * target) return t;
    if (diff < 0) tLow = t;
    else tHigh = t;
    let next = slope > 0 ? t - diff / slope : Number.NaN;
    if (!(next > tLow && next < tHigh)) {
      next = Number.isFinite(tHigh) ? (tLow > 0 ? Math.sqrt(tLow * tHigh) : tHigh / 2) : Math.max(2 * t, 1);
    }
    if (next === t) return t;
    t = next;
  }
  return t;
}

/**
 * Raking with weight bounds: the raking-distance calibration that `survey::calibrate(calfun =
 * "raking", bounds = …)` solves. Every weight has the form clip(base × Π category factors,
 * lower, upper); each step re-rakes one category with its bounded rows held at the bound
 * (the trim-and-re-rake step done exactly), until every margin is within the tolerance.
 * Unbounded (lower 0, upper ∞) it is plain raking.
 *
 * @example boundedRake(base, margins, { lower: 0.5, upper: 2 }, { tolerance: 1e-10, maxIterations: 1000 }).weights
 * @throws WeightingError `impossible targets under bounds: country=IN (its target needs a mean weight outside the bounds 0.5 to 2: widen the bounds or merge categories)`
 * (the needed mean weight is not printed: with the target it gives the category's count)
 * @throws WeightingError `bounded raking did not converge in 1000 iterations (max margin error 0.0031)`
 */
export function boundedRake(base: Float64Array, margins: Margin[], bounds: WeightBounds, options: RakeOptions): RakeResult {
  const { lower, upper } = bounds;
  const total = margins[0].targets.reduce((a, b) => a + b, 0);
  const mean = total / base.length;
  let worst: { what: string; excess: number } | null = null;
  const members = margins.map((m) => {
    const lists = m.categories.map((_, k) => new Int32Array(m.counts[k]));
    const fill = m.categories.map(() => 0);
    m.codes.forEach((k, i) => {
      lists[k][fill[k]++] = i;
    });
    m.targets.forEach((t, k) => {
      if (m.counts[k] === 0) return;
      const need = t / m.counts[k];
      const excess = Math.max(lower / need, need / upper);
      if (excess > 1 + 1e-12 && (worst === null || excess > worst.excess)) worst = { what: `${m.variable}=${m.categories[k]}`, excess };
    });
    return lists;
  });
  if (worst !== null) {
    const { what } = worst;
    throw new WeightingError(
      "impossible_targets",
      `impossible targets under bounds: ${what} (its target needs a mean weight outside the bounds ${fmt(lower / mean, 3)} to ${fmt(upper / mean, 3)}: widen the bounds or merge categories)`,
    );
  }
  const raw = Float64Array.from(base);
  const w = raw.map((x) => clip(x, lower, upper));
  const trace: number[] = [];
  for (let iter = 1; iter <= options.maxIterations; iter++) {
    margins.forEach((m, v) => {
      m.targets.forEach((target, k) => {
        const rows = members[v][k];
        if (rows.length === 0) return;
        const t = solveFactor(raw, rows, target, lower, upper);
        for (let j = 0; j < rows.length; j++) {
          const i = rows[j];
          raw[i] *= t;
          w[i] = clip(raw[i], lower, upper);
        }
      });
    });
    const error = maxMarginError(w, margins, total);
    trace.push(error);
    if (error < options.tolerance) {
      return { weights: w, convergence: { converged: true, iterations: iter, tolerance: options.tolerance, max_margin_error: error, trace } };
    }
    if (!raw.every(Number.isFinite)) break;
  }
  throw notConverged(Math.min(trace.length, options.maxIterations), trace.at(-1) ?? Number.NaN, "bounded raking");
}
