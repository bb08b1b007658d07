/** Helpers that turn R-style NaN/Inf results into `null` (R's `num()` / `ci2()` in oracle.R). */
import type { ConfidenceInterval } from "@/lib/schema/crosstab-result";
import { pnorm, pt } from "./distributions";

/**
 * A finite number, or null (undefined statistic).
 * @example finite(0 / 0) // null
 */
export function finite(x: number | null | undefined): number | null {
  return x !== null && x !== undefined && Number.isFinite(x) ? x : null;
}

/**
 * A confidence interval [lo, hi], or null when either end is not finite.
 * @example interval(0.1, Infinity) // null
 */
export function interval(lo: number | null | undefined, hi: number | null | undefined): ConfidenceInterval {
  const a = finite(lo);
  const b = finite(hi);
  return a === null || b === null ? null : [a, b];
}

/**
 * Two-sided p-value 2·P(X > |stat|) under N(0, 1) (df absent or Infinity) or Student's t(df),
 * as R computes it: ±Infinity gives 0, NaN (or df ≤ 0) gives null.
 * @example twoSidedP(1.959963984540054) // 0.05 (approximately)
 */
export function twoSidedP(stat: number, df: number = Infinity): number | null {
  if (Number.isNaN(stat) || !(df > 0)) return null;
  const a = -Math.abs(stat);
  return finite(2 * (df === Infinity ? pnorm(a) : pt(a, df)));
}
