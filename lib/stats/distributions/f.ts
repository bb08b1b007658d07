/**
 * F distribution function through the incomplete beta (Abramowitz & Stegun 26.6.2):
 * P(F > f) = I_{d2/(d2 + d1 f)}(d2/2, d1/2).
 */
import { incompleteBeta } from "./beta";

/**
 * F distribution function (non-integer degrees of freedom allowed).
 * @example pf(1.12288262783808, 6.54291363599376, 327.145681799688, false) // 0.348431896...
 */
export function pf(f: number, df1: number, df2: number, lowerTail = true): number {
  if ([f, df1, df2].some(Number.isNaN) || df1 <= 0 || df2 <= 0) return NaN;
  if (f <= 0) return lowerTail ? 0 : 1;
  if (f === Infinity) return lowerTail ? 1 : 0;
  const denom = df2 + df1 * f;
  const t = incompleteBeta(df2 / denom, df2 / 2, df1 / 2, (df1 * f) / denom);
  return lowerTail ? t.upper : t.lower;
}
