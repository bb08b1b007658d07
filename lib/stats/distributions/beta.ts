/**
 * Regularized incomplete beta function I_x(a, b), its density and its inverse.
 *
 * - `incompleteBeta`: the continued fraction of DiDonato & Morris / Numerical Recipes §6.4
 *   (`betacf`), evaluated with the modified Lentz algorithm (Lentz 1976; Thompson & Barnett
 *   1986), with the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) so that the fraction is always used
 *   where it converges fast (x < (a+1)/(a+b+2)). The prefactor x^a (1−x)^b / (a B(a, b)) is
 *   computed in log space with R's `lbeta` decomposition. Both tails are returned, each
 *   computed without cancellation when it is the smaller one.
 * - `qbeta`: safeguarded Newton iteration (bisection fallback inside a shrinking bracket).
 */
import { lbeta } from "./gamma";
import { findRoot } from "./root";

/** Continued fraction of the incomplete beta (NR `betacf`), x < (a+1)/(a+b+2) for fast convergence. */
function betaCf(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < 100000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return h;
}

/** Both tails of the regularized incomplete beta. */
export interface BetaTails {
  /** I_x(a, b) = P(X ≤ x) for X ~ Beta(a, b) */
  lower: number;
  /** 1 − I_x(a, b) */
  upper: number;
}

/**
 * Regularized incomplete beta I_x(a, b) and its complement. Pass `y = 1 − x` when it is known
 * more precisely than `1 - x` (e.g. t²/(ν + t²) for Student's t).
 * @example incompleteBeta(0.5, 2, 2).lower // 0.5
 */
export function incompleteBeta(x: number, a: number, b: number, y: number = 1 - x): BetaTails {
  if ([x, a, b, y].some(Number.isNaN) || a <= 0 || b <= 0) return { lower: NaN, upper: NaN };
  if (x <= 0) return { lower: 0, upper: 1 };
  if (y <= 0) return { lower: 1, upper: 0 };
  const logFront = a * Math.log(x) + b * Math.log(y) - lbeta(a, b);
  if (x < (a + 1) / (a + b + 2)) {
    const lower = (Math.exp(logFront) * betaCf(x, a, b)) / a;
    return { lower, upper: 1 - lower };
  }
  const upper = (Math.exp(logFront) * betaCf(y, b, a)) / b;
  return { lower: 1 - upper, upper };
}

/**
 * Beta distribution function.
 * @example pbeta(0.3, 1, 1) // 0.3
 */
export function pbeta(x: number, a: number, b: number, lowerTail = true): number {
  const t = incompleteBeta(x, a, b);
  return lowerTail ? t.lower : t.upper;
}

/**
 * Log of the beta density.
 * @example Math.exp(logDbeta(0.5, 2, 2)) // 1.5
 */
export function logDbeta(x: number, a: number, b: number): number {
  if (x < 0 || x > 1) return -Infinity;
  return (a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lbeta(a, b);
}

/**
 * Beta quantile function: the x with I_x(a, b) = p.
 * @example qbeta(0.025, 1, 19) // 0.0013316...
 */
export function qbeta(p: number, a: number, b: number, lowerTail = true): number {
  if ([p, a, b].some(Number.isNaN) || a <= 0 || b <= 0 || p < 0 || p > 1) return NaN;
  const target = lowerTail ? p : 1 - p;
  if (target <= 0) return 0;
  if (target >= 1) return 1;
  // work on the tail that is small, so the target is represented without cancellation
  const useLower = lowerTail ? p <= 0.5 : p > 0.5;
  const tailP = useLower ? target : lowerTail ? 1 - p : p;
  const f = (x: number): number => {
    const t = incompleteBeta(x, a, b);
    return useLower ? t.lower - tailP : tailP - t.upper;
  };
  const df = (x: number): number => Math.exp(logDbeta(x, a, b));
  const mean = a / (a + b);
  return findRoot(f, df, 0, 1, Math.min(Math.max(mean, 1e-12), 1 - 1e-12));
}
