/**
 * Student's t distribution.
 *
 * - `pt` through the incomplete beta: P(T ≤ −|t|) = ½ I_{ν/(ν+t²)}(ν/2, ½), with the
 *   complement I_{t²/(ν+t²)}(½, ν/2) used near t = 0 (Abramowitz & Stegun 26.7.1 / 26.5.27).
 *   ν = ∞ falls back to the normal distribution.
 * - `qt`: closed forms for ν = 1 (Cauchy) and ν = 2, otherwise safeguarded Newton iteration
 *   on `pt` from a Cornish–Fisher start (Abramowitz & Stegun 26.7.5).
 */
import { incompleteBeta } from "./beta";
import { lbeta } from "./gamma";
import { dnorm, pnorm, qnorm } from "./normal";
import { findRoot } from "./root";

/**
 * Student's t density.
 * @example dt(0, 1) // 1 / Math.PI
 */
export function dt(t: number, df: number): number {
  if (df === Infinity) return dnorm(t);
  return Math.exp(-((df + 1) / 2) * Math.log1p((t * t) / df) - 0.5 * Math.log(df) - lbeta(df / 2, 0.5));
}

/**
 * Student's t distribution function (df > 0, not necessarily an integer).
 * @example pt(-2.228138851986274, 10) // 0.025
 */
export function pt(t: number, df: number, lowerTail = true): number {
  if (Number.isNaN(t) || Number.isNaN(df) || df <= 0) return NaN;
  if (df === Infinity) return pnorm(t, lowerTail);
  if (t === Infinity) return lowerTail ? 1 : 0;
  if (t === -Infinity) return lowerTail ? 0 : 1;
  const t2 = t * t;
  // tail = P(T > |t|)
  let tail: number;
  if (t2 > df) {
    tail = 0.5 * incompleteBeta(df / (df + t2), df / 2, 0.5, t2 / (df + t2)).lower;
  } else {
    tail = 0.5 * incompleteBeta(t2 / (df + t2), 0.5, df / 2, df / (df + t2)).upper;
  }
  const wantSmall = (t < 0) === lowerTail; // the requested probability is the tail beyond |t|
  return wantSmall ? tail : 1 - tail;
}

/**
 * Student's t quantile function.
 * @example qt(0.975, 10) // 2.228138851986274
 */
export function qt(p: number, df: number, lowerTail = true): number {
  if (Number.isNaN(p) || Number.isNaN(df) || df <= 0 || p < 0 || p > 1) return NaN;
  const pl = lowerTail ? p : 1 - p;
  if (pl === 0) return -Infinity;
  if (pl === 1) return Infinity;
  if (df === Infinity) return qnorm(p, lowerTail);
  // solve in the lower half (t ≤ 0) with the small tail probability, then reflect
  const tailP = pl <= 0.5 ? pl : lowerTail ? 1 - p : p;
  const sign = pl <= 0.5 ? -1 : 1;
  if (tailP === 0.5) return 0;
  if (df === 1) return sign * Math.abs(Math.tan(Math.PI * (tailP - 0.5)));
  if (df === 2) return (sign * (1 - 2 * tailP)) / Math.sqrt(2 * tailP * (1 - tailP));
  const z = qnorm(tailP);
  const g1 = (z * z * z + z) / 4;
  const g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96;
  let start = z + g1 / df + g2 / (df * df);
  if (!Number.isFinite(start) || start >= 0) start = z;
  let lo = Math.min(start, z) * 2;
  while (pt(lo, df) > tailP) lo *= 4;
  const root = findRoot((t) => pt(t, df) - tailP, (t) => dt(t, df), lo, 0, Math.max(start, lo));
  return sign * Math.abs(root);
}
