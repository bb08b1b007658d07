/**
 * Safeguarded Newton–Raphson root finder for an increasing function on a bracket (Numerical
 * Recipes §9.4 `rtsafe`): a Newton step is taken when it stays inside the current bracket,
 * otherwise the bracket is bisected (geometrically when it spans orders of magnitude, so roots
 * near 0 such as small beta quantiles are reached quickly).
 */

/**
 * Find x in [lo, hi] with f(x) = 0 for an increasing f (f(lo) ≤ 0 ≤ f(hi)).
 * @param df derivative of f (may be inaccurate; only used for Newton steps)
 * @example findRoot((x) => x * x - 2, (x) => 2 * x, 0, 2, 1) // 1.4142135623730951
 */
export function findRoot(
  f: (x: number) => number,
  df: (x: number) => number,
  lo: number,
  hi: number,
  start: number,
): number {
  let a = lo;
  let b = hi;
  let x = Math.min(Math.max(start, a), b);
  for (let iter = 0; iter < 400; iter++) {
    const fx = f(x);
    if (fx === 0) return x;
    if (fx < 0) a = x;
    else b = x;
    const d = df(x);
    let next = d > 0 && Number.isFinite(d) ? x - fx / d : NaN;
    if (!(next > a && next < b)) {
      if (a > 0 && b / a > 4) next = Math.sqrt(a * b);
      else if (a === 0 && b > 1e-300) next = b / 16;
      else if (b < 0 && a / b > 4) next = -Math.sqrt(a * b);
      else next = a + (b - a) / 2;
    }
    if (Math.abs(next - x) <= 2e-16 * Math.abs(x) || next === a || next === b) return next;
    x = next;
  }
  return x;
}
