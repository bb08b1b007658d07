/**
 * Confidence intervals for a proportion, as computed by R (stats and survey 4.1):
 * Wald, Wilson (prop.test, with and without continuity correction), Clopper–Pearson
 * (binom.test), Agresti–Coull, and the `svyciprop` methods logit, xlogit, asin, mean and
 * beta (Korn & Graubard 1998, Survey Methodology 24(2), 193–201).
 */
import type { ConfidenceInterval } from "@/lib/schema/crosstab-result";
import { pnorm, qbeta, qnorm, qt } from "./distributions";
import { interval } from "./numbers";

/**
 * Symmetric interval est ± q·se.
 * @example symmetric(0.5, 0.1, 2) // [0.3, 0.7]
 */
export function symmetric(est: number, se: number, q: number): ConfidenceInterval {
  return interval(est - q * se, est + q * se);
}

/**
 * Wilson score interval exactly as `prop.test(x, n, correct)$conf.int` (one sample, p0 = 0.5).
 * @example wilsonPropTest(0, 2, 1.959963984540054, false) // [0, 0.6576197724933...]
 */
export function wilsonPropTest(x: number, n: number, z: number, correct: boolean): ConfidenceInterval {
  if (!(n > 0)) return null;
  const est = x / n;
  const yates = Math.min(correct ? 0.5 : 0, Math.abs(x - n * 0.5));
  const z22n = (z * z) / (2 * n);
  let pc = est + yates / n;
  const pu = pc >= 1 ? 1 : (pc + z22n + z * Math.sqrt((pc * (1 - pc)) / n + z22n / (2 * n))) / (1 + 2 * z22n);
  pc = est - yates / n;
  const pl = pc <= 0 ? 0 : (pc + z22n - z * Math.sqrt((pc * (1 - pc)) / n + z22n / (2 * n))) / (1 + 2 * z22n);
  return interval(Math.max(pl, 0), Math.min(pu, 1));
}

/**
 * Wilson interval for an estimate p and a (possibly effective, non-integer) sample size n, without
 * clipping (oracle.R `wilson()`; used with Kish's or the design-based effective n).
 * @example wilsonEffective(0.5, 100, 1.96)
 */
export function wilsonEffective(p: number, n: number | null, z: number): ConfidenceInterval {
  if (n === null || !Number.isFinite(p) || !Number.isFinite(n) || n <= 0) return null;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return interval(centre - half, centre + half);
}

/**
 * Clopper–Pearson exact interval (`binom.test(x, n)$conf.int`).
 * @example clopperPearson(0, 2, 0.95) // [0, 0.8418861169915...]
 */
export function clopperPearson(x: number, n: number, level: number): ConfidenceInterval {
  if (!(n > 0)) return null;
  const alpha = 1 - level;
  const lo = x === 0 ? 0 : qbeta(alpha / 2, x, n - x + 1);
  const hi = x === n ? 1 : qbeta(1 - alpha / 2, x + 1, n - x);
  return interval(lo, hi);
}

/**
 * Agresti–Coull interval (x + z²/2)/(n + z²) ± z·√(p̃(1 − p̃)/(n + z²)).
 * @example agrestiCoull(0, 2, 1.959963984540054)
 */
export function agrestiCoull(x: number, n: number, z: number): ConfidenceInterval {
  const nt = n + z * z;
  const pt = (x + (z * z) / 2) / nt;
  return symmetric(pt, Math.sqrt((pt * (1 - pt)) / nt), z);
}

const expit = (eta: number): number => Math.exp(eta) / (1 + Math.exp(eta));

/** Two-sided quantile for `level` with `df` degrees of freedom (Infinity = normal); NaN if df ≤ 0. */
function quantile(level: number, df: number): number {
  return df > 0 ? qt(1 - (1 - level) / 2, df) : NaN;
}

/**
 * `svyciprop(method = "logit")`: a quasibinomial intercept-only svyglm on the logit scale; its
 * sandwich SE of the logit is the delta-method SE se/(p(1 − p)). R's `confint.svyglm` turns the t
 * quantile into a normal "level" tlevel = 1 − 2·pnorm(qt(α/2, df)) and back with qnorm; that
 * round trip is reproduced literally because it overflows for tiny df (df = 1 at 95 %: tlevel
 * rounds to 1, the bounds become ±Inf and expit(Inf) is NaN, so R reports no interval).
 * @example svycipropLogit(0.356, 0.0797, 0.95, 50)
 */
export function svycipropLogit(p: number, se: number, level: number, df: number): ConfidenceInterval {
  const eta = Math.log(p / (1 - p));
  const seEta = se / (p * (1 - p));
  if (!(df > 0)) return null;
  const tlevel = 1 - 2 * pnorm(qt((1 - level) / 2, df));
  const a = (1 - tlevel) / 2;
  return interval(expit(eta + qnorm(a) * seEta), expit(eta + qnorm(1 - a) * seEta));
}

/**
 * `svyciprop(method = "xlogit")`: the same logit interval through `svycontrast`, i.e. with the t
 * quantile used directly: expit(logit p ± t_df · se/(p(1 − p))).
 * @example svycipropXlogit(0.356, 0.0797, 0.95, 50)
 */
export function svycipropXlogit(p: number, se: number, level: number, df: number): ConfidenceInterval {
  const eta = Math.log(p / (1 - p));
  const seEta = se / (p * (1 - p));
  const q = quantile(level, df);
  return interval(expit(eta - q * seEta), expit(eta + q * seEta));
}

/**
 * `svyciprop(method = "asin")`: sin²(asin √p ± t_df · se / (2√(p(1 − p)))).
 * @example svycipropAsin(0.356, 0.0797, 0.95, 50)
 */
export function svycipropAsin(p: number, se: number, level: number, df: number): ConfidenceInterval {
  const centre = Math.asin(Math.sqrt(p));
  const seT = se / (2 * Math.sqrt(p * (1 - p)));
  const q = quantile(level, df);
  return interval(Math.sin(centre - q * seT) ** 2, Math.sin(centre + q * seT) ** 2);
}

/**
 * `svyciprop(method = "mean")`: p ± t_df · se.
 * @example svycipropMean(0.5, 0.1, 0.95, 10)
 */
export function svycipropMean(p: number, se: number, level: number, df: number): ConfidenceInterval {
  return symmetric(p, se, quantile(level, df));
}

/**
 * `svyciprop(method = "beta")`, Korn–Graubard: Clopper–Pearson with the design effective
 * sample size n* = p(1 − p)/se² (survey's df ratio qt(α/2, n_d − 1)/qt(α/2, degf) is 1 for
 * domains of an ids = ~1 design):
 * [qbeta(α/2, n*p, n*(1 − p) + 1), qbeta(1 − α/2, n*p + 1, n*(1 − p))].
 * @example svycipropBeta(0.356, 0.0797, 0.95)
 */
export function svycipropBeta(p: number, se: number, level: number): ConfidenceInterval {
  const nEff = (p * (1 - p)) / (se * se);
  const alpha = 1 - level;
  return interval(qbeta(alpha / 2, nEff * p, nEff * (1 - p) + 1), qbeta(1 - alpha / 2, nEff * p + 1, nEff * (1 - p)));
}

/**
 * Quantile used for t intervals with n − 1 df (NaN when df ≤ 0).
 * @example tQuantile(0.95, 1) // 12.706204736174696
 */
export function tQuantile(level: number, df: number): number {
  return quantile(level, df);
}
